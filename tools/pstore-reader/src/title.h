/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Titles and signatures of kernel reports, following syzkaller's
 * conventions: "KASAN: slab-use-after-free Read in foo",
 * "KFENCE: out-of-bounds read in bar", "WARNING in baz".
 */
#ifndef PSTORE_READER_TITLE_H
#define PSTORE_READER_TITLE_H

#include <stddef.h>

struct report_id {
	char title[256];
	char guilty[128];	/* the frame the title names */
	char signature[17];	/* 64-bit hash, hex: same bug, same signature */
};

/*
 * Derive title, guilty frame and signature from a report's text (log lines,
 * with or without "<level>[time][caller]" prefixes). Returns 0, or -1 when
 * the text holds no KASAN, KFENCE or WARNING report.
 */
int report_identify(const char *text, size_t len, struct report_id *id);

/* The message part of a log line: after "<N>", "[ time]" and "[ T12]". */
const char *log_line_msg(const char *line, const char *end);

#endif
