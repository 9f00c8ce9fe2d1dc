// SPDX-License-Identifier: GPL-2.0-only
/*
 * dmesg dump headers, compressed dumps, and cutting reports out of logs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "title.h"
#include "upstream.h"

int dmesg_parse_header(const char *text, size_t len, struct dmesg_header *h)
{
	const char *nl = memchr(text, '\n', len);
	char line[96];
	int n = 0;

	memset(h, 0, sizeof(*h));
	if (!nl || (size_t)(nl - text) >= sizeof(line))
		return -1;
	memcpy(line, text, (size_t)(nl - text));
	line[nl - text] = '\0';
	if (sscanf(line, "%31[A-Za-z]#%u Part%u%n", h->reason, &h->count, &h->part, &n) != 3 ||
	    line[n] != '\0' || !h->part)
		return -1;
	h->len = (size_t)(nl - text) + 1;
	return 0;
}

#define INFLATE_MAX (64u << 20)

int dmesg_inflate(const unsigned char *in, size_t len, unsigned char **out,
		  size_t *out_len)
{
	z_stream zs = { .next_in = (Bytef *)in, .avail_in = (uInt)len };
	size_t cap = len * 4 + 4096, used = 0;
	unsigned char *buf = malloc(cap);
	int ret;

	if (!buf || inflateInit2(&zs, -MAX_WBITS) != Z_OK) {
		free(buf);
		return -1;
	}
	do {
		if (used == cap) {
			unsigned char *n = cap < INFLATE_MAX ? realloc(buf, cap * 2) : NULL;

			if (!n) {
				ret = Z_MEM_ERROR;
				break;
			}
			buf = n;
			cap *= 2;
		}
		zs.next_out = buf + used;
		zs.avail_out = (uInt)(cap - used);
		ret = inflate(&zs, Z_NO_FLUSH);
		used = cap - zs.avail_out;
	} while (ret == Z_OK);
	inflateEnd(&zs);
	if (ret != Z_STREAM_END) {
		free(buf);
		return -1;
	}
	*out = buf;
	*out_len = used;
	return 0;
}

/* The caller id of a log line ("[   T12]" after the time), or "". */
static void line_caller(const char *line, const char *end, char *out, size_t size)
{
	const char *p = line, *q;

	out[0] = '\0';
	if (p < end && *p == '<' && (q = memchr(p, '>', (size_t)(end - p))))
		p = q + 1;
	if (p >= end || *p != '[' || !(q = memchr(p, ']', (size_t)(end - p))))
		return;
	p = q + 1;
	if (p >= end || *p != '[' || !(q = memchr(p, ']', (size_t)(end - p))))
		return;
	for (p++; p < q && *p == ' '; p++)
		;
	snprintf(out, size, "%.*s", (int)(q - p), p);
}

enum kind { NONE, MEMORY, WARNING };

struct open_report {
	char caller[16];
	enum kind kind;
	char *text;
	size_t len, cap;
};

static int append(struct open_report *r, const char *line, size_t len)
{
	if (r->len + len + 1 > r->cap) {
		size_t cap = (r->len + len + 1) * 2;
		char *n = realloc(r->text, cap);

		if (!n)
			return -1;
		r->text = n;
		r->cap = cap;
	}
	memcpy(r->text + r->len, line, len);
	r->len += len;
	r->text[r->len] = '\0';
	return 0;
}

#define MAX_OPEN 16

size_t log_cut_reports(const char *text, size_t len, struct cut_report *out,
		       size_t max)
{
	struct open_report open[MAX_OPEN];
	const char *p = text, *end = text + len;
	size_t nopen = 0, nout = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *next = nl ? nl + 1 : end;
		const char *msg = log_line_msg(p, le);
		size_t mlen = (size_t)(le - msg);
		char caller[16];
		enum kind start = NONE;

		line_caller(p, le, caller, sizeof(caller));
		if (mlen >= 5 && !memcmp(msg, "=====", 5)) {
			/* A memory report opens with "====" then "BUG: KASAN/KFENCE". */
			const char *q = next;

			while (q < end) {
				const char *qnl = memchr(q, '\n', (size_t)(end - q));
				const char *qe = qnl ? qnl : end;
				char c2[16];

				line_caller(q, qe, c2, sizeof(c2));
				if (!strcmp(c2, caller)) {
					const char *m = log_line_msg(q, qe);

					if ((size_t)(qe - m) >= 9 && (!memcmp(m, "BUG: KASA", 9) ||
								      !memcmp(m, "BUG: KFEN", 9)))
						start = MEMORY;
					break;
				}
				q = qnl ? qnl + 1 : end;
			}
		} else if (mlen == 36 && !memcmp(msg, "------------[ cut here ]------------", 36)) {
			start = WARNING;
		}

		/* The innermost open report of this caller. */
		struct open_report *top = NULL;

		for (size_t i = nopen; i-- > 0;)
			if (!strcmp(open[i].caller, caller)) {
				top = &open[i];
				break;
			}
		if (start != NONE && nopen < MAX_OPEN) {
			top = &open[nopen++];
			memset(top, 0, sizeof(*top));
			snprintf(top->caller, sizeof(top->caller), "%s", caller);
			top->kind = start;
			append(top, p, (size_t)(next - p));
		} else if (top) {
			append(top, p, (size_t)(next - p));
			if ((top->kind == MEMORY && mlen >= 5 && !memcmp(msg, "=====", 5)) ||
			    (top->kind == WARNING && mlen >= 14 && !memcmp(msg, "---[ end trace", 14))) {
				if (nout < max)
					out[nout++] = (struct cut_report){ top->text, top->len, 1 };
				else
					free(top->text);
				*top = open[--nopen];
			}
		}
		p = next;
	}
	/* Reports the log ends inside: kept, marked incomplete. */
	for (size_t i = 0; i < nopen; i++) {
		if (nout < max)
			out[nout++] = (struct cut_report){ open[i].text, open[i].len, 0 };
		else
			free(open[i].text);
	}
	return nout;
}
