/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Text from records is bytes, not UTF-8: make it safe for JSON and for a
 * terminal.
 */
#ifndef PSTORE_READER_UTF8_H
#define PSTORE_READER_UTF8_H

#include <stddef.h>
#include <stdio.h>

/*
 * Length of the well-formed UTF-8 sequence at @p (at most @n bytes), or 0
 * when it is not one; then *@bad is the number of bytes to replace by one
 * U+FFFD (the "maximal subpart" of Unicode's chapter 3, as Python's and
 * WHATWG's decoders count).
 */
size_t utf8_seq_len(const unsigned char *p, size_t n, size_t *bad);

/*
 * @s as valid UTF-8: NULL when it already is (nothing allocated), else a
 * malloc'ed copy in which each ill-formed subsequence is U+FFFD; its
 * length in *@out_len.
 */
char *utf8_sanitize(const char *s, size_t len, size_t *out_len);

/*
 * Write @s for a terminal or a tab-separated line: control characters and
 * bytes that are not UTF-8 as "\xNN"; newline and tab kept when @text,
 * else written "\n", "\t", and backslash doubled so the field splits.
 */
void text_escape(FILE *out, const char *s, size_t len, int text);

#endif
