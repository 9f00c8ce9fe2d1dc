/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Upstream pstore records: dmesg dumps ("Panic#1 Part1" headers, parts,
 * compressed .enc.z files) and console logs, from which reports are cut out.
 */
#ifndef PSTORE_READER_UPSTREAM_H
#define PSTORE_READER_UPSTREAM_H

#include <stddef.h>

struct dmesg_header {
	char reason[32];	/* "Panic", "Oops", "Emergency", ... */
	unsigned int count;	/* the #N: how many dumps of that reason this boot */
	unsigned int part;	/* PartM: 1 is the newest end of the log */
	size_t len;		/* bytes of the header line, newline included */
};

/* Parse "<Reason>#<N> Part<M>\n" at the start of a dmesg record. */
int dmesg_parse_header(const char *text, size_t len, struct dmesg_header *h);

/*
 * Inflate a compressed dmesg record (.enc.z: raw deflate, as pstore writes
 * it). Returns 0 and a malloc'ed buffer, or -1 when it is not valid deflate.
 */
int dmesg_inflate(const unsigned char *in, size_t len, unsigned char **out,
		  size_t *out_len);

struct cut_report {
	char *text;		/* malloc'ed: the report's lines, in order */
	size_t len;
	int complete;		/* 0 when the log ends inside the report */
};

/*
 * Cut the KASAN, KFENCE and WARNING reports out of a log (console-ramoops
 * or a dmesg dump). With caller ids in the log ("[ T12]"), a report keeps
 * only the lines of its own caller, and a report nested in another is cut
 * out separately. Returns the number of reports stored in @out (at most
 * @max); free each text.
 */
size_t log_cut_reports(const char *text, size_t len, struct cut_report *out,
		       size_t max);

#endif
