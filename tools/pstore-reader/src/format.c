// SPDX-License-Identifier: GPL-2.0-only
/*
 * Version 2 error_report texts into lines, as the kernel's pstore shows them
 * (lib/error_report_format.c): "<prio>[seconds.micros][caller] text\n", the
 * time and caller as each entry's flags say. Records read without the
 * kernel (U-Boot's "pstore save", a RAM dump) are in this form.
 */
#include <endian.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/error_report.h>

#include "format.h"

/* The kernel's header before version 2 (a SYSROOT's) lacks these. */
#ifndef ERROR_REPORT_LINE_TIME
#define ERROR_REPORT_LINE_TIME 0x1
#define ERROR_REPORT_LINE_CALLER 0x2
#define ERROR_REPORT_LINE_CONT 0x4
#define ERROR_REPORT_LINE_BARE 0x8
#endif

/* struct error_report_line: ts_nsec, caller_id, prio, flags, len; packed. */
#define ENTRY_SIZE 18

struct entry {
	uint64_t ts_nsec;
	uint32_t caller_id;
	uint16_t prio, flags, len;
};

static void read_entry(const unsigned char *p, struct entry *e)
{
	uint64_t ts;
	uint32_t caller;
	uint16_t prio, flags, len;

	memcpy(&ts, p, 8);
	memcpy(&caller, p + 8, 4);
	memcpy(&prio, p + 12, 2);
	memcpy(&flags, p + 14, 2);
	memcpy(&len, p + 16, 2);
	e->ts_nsec = le64toh(ts);
	e->caller_id = le32toh(caller);
	e->prio = le16toh(prio);
	e->flags = le16toh(flags);
	e->len = le16toh(len);
}

static size_t prefix_of(const struct entry *e, char *buf, size_t size)
{
	int n = snprintf(buf, size, "<%u>", e->prio);

	if (e->flags & ERROR_REPORT_LINE_TIME)
		n += snprintf(buf + n, size - n, "[%5" PRIu64 ".%06" PRIu64 "]",
			      e->ts_nsec / 1000000000, e->ts_nsec % 1000000000 / 1000);
	if (e->flags & ERROR_REPORT_LINE_CALLER) {
		char id[16];

		snprintf(id, sizeof(id), "%c%" PRIu32, e->caller_id & 0x80000000u ? 'C' : 'T',
			 e->caller_id & ~0x80000000u);
		n += snprintf(buf + n, size - n, "[%6s]", id);
	}
	if (e->flags & (ERROR_REPORT_LINE_TIME | ERROR_REPORT_LINE_CALLER))
		buf[n++] = ' ';
	return (size_t)n;
}

/* Append @n bytes; @buf NULL counts them only. */
static void put(char *buf, size_t *pos, const void *s, size_t n)
{
	if (buf)
		memcpy(buf + *pos, s, n);
	*pos += n;
}

/* One pass: count (no @buf) or write. Returns the length. */
static size_t format_pass(const unsigned char *raw, size_t len, char *buf)
{
	const unsigned char *p = raw, *end = raw + len;
	static const unsigned char zero[ENTRY_SIZE];
	char prefix[64];
	size_t pos = 0;

	while ((size_t)(end - p) >= ENTRY_SIZE && memcmp(p, zero, ENTRY_SIZE)) {
		struct entry e;
		size_t plen = 0, n;

		read_entry(p, &e);
		p += ENTRY_SIZE;
		n = e.len < (size_t)(end - p) ? e.len : (size_t)(end - p);
		const unsigned char *text = p, *stop = p + n, *nl;

		p = stop;
		if ((e.flags & ERROR_REPORT_LINE_CONT) && !pos)
			e.flags &= ~ERROR_REPORT_LINE_CONT;
		if (!(e.flags & ERROR_REPORT_LINE_BARE))
			plen = prefix_of(&e, prefix, sizeof(prefix));
		if (e.flags & ERROR_REPORT_LINE_CONT)
			pos--;		/* before its line's newline */
		else
			put(buf, &pos, prefix, plen);
		while ((nl = memchr(text, '\n', (size_t)(stop - text)))) {
			put(buf, &pos, text, (size_t)(nl + 1 - text));
			put(buf, &pos, prefix, plen);
			text = nl + 1;
		}
		put(buf, &pos, text, (size_t)(stop - text));
		put(buf, &pos, "\n", 1);
	}
	return pos;
}

/*
 * A kernel's record is 64 KiB at most and formats to a few times that;
 * hostile bytes (a text of newlines, each to get a prefix) could ask for
 * forty times their size.
 */
#define FORMATTED_MAX (8u << 20)

int format_lines(const unsigned char *raw, size_t len, char **out, size_t *out_len)
{
	size_t n = format_pass(raw, len, NULL);
	char *buf = n <= FORMATTED_MAX ? malloc(n + 1) : NULL;

	if (!buf)
		return -1;
	format_pass(raw, len, buf);
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	return 0;
}
