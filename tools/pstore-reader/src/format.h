/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The text of a version 2 error_report record: the printk records of the
 * report as the kernel captured them (struct error_report_line, then the
 * text), formatted as version 1 holds them and "dmesg -r" prints them.
 */
#ifndef PSTORE_READER_FORMAT_H
#define PSTORE_READER_FORMAT_H

#include <stddef.h>

/*
 * Format @len bytes of entries at @raw into a new NUL-terminated buffer,
 * returned in @out (malloc'ed), its length in @out_len. Returns 0, or -1
 * when out of memory or when the text would take more than 8 MiB (hostile
 * bytes: no kernel's record formats to that). Any bytes format: an entry
 * cut short keeps what it has, one of zero bytes (or too short for its
 * header) ends the text.
 */
int format_lines(const unsigned char *raw, size_t len, char **out, size_t *out_len);

#endif
