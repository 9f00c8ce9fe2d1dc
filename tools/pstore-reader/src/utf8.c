// SPDX-License-Identifier: GPL-2.0-only
/*
 * UTF-8 validation (RFC 3629: no overlongs, no surrogates, at most
 * U+10FFFF) and escaping for JSON and terminals.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

size_t utf8_seq_len(const unsigned char *p, size_t n, size_t *bad)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t len;

	*bad = 1;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4;
	else
		return 0;
	/* The second byte's range excludes overlongs, surrogates and > U+10FFFF. */
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	for (size_t i = 1; i < len; i++) {
		if (i >= n || p[i] < lo || p[i] > hi) {
			*bad = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return len;
}

char *utf8_sanitize(const char *s, size_t len, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, bad, l = 0, o = 0;
	char *out;

	/* Fast path: almost all report text is ASCII. */
	while (i < len && (p[i] < 0x80 || (l = utf8_seq_len(p + i, len - i, &bad))))
		i += p[i] < 0x80 ? 1 : l;
	if (i == len)
		return NULL;
	/* Each bad byte becomes at most 3 bytes (U+FFFD). */
	out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	memcpy(out, s, i);
	o = i;
	while (i < len) {
		l = utf8_seq_len(p + i, len - i, &bad);
		if (l) {
			memcpy(out + o, p + i, l);
			o += l;
			i += l;
		} else {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i += bad;
		}
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

void text_escape(FILE *out, const char *s, size_t len, int text)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, bad, l;

	while (i < len) {
		unsigned char c = p[i];

		if (c >= 0x20 && c < 0x7f && (text || c != '\\')) {
			putc(c, out);
			i++;
			continue;
		}
		if (text && (c == '\n' || c == '\t')) {
			putc(c, out);
			i++;
		} else if (c == '\n' || c == '\t' || c == '\\') {
			fputs(c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\\\", out);
			i++;
		} else if (c >= 0x80 && (l = utf8_seq_len(p + i, len - i, &bad)) &&
			   !(c == 0xc2 && p[i + 1] < 0xa0)) {
			/* Valid UTF-8, C1 controls (U+0080..U+009F) excepted: they drive terminals too. */
			fwrite(p + i, 1, l, out);
			i += l;
		} else {
			fprintf(out, "\\x%02x", c);
			i++;
		}
	}
}
