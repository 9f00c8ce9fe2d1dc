/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Titles and signatures of kernel reports, as syzkaller titles them:
 * "KASAN: slab-use-after-free Read in foo", "WARNING: refcount bug in bar",
 * "general protection fault in baz", "INFO: task hung in qux"...
 * The rows are in title_rules.c.
 */
#ifndef PSTORE_READER_TITLE_H
#define PSTORE_READER_TITLE_H

#include <stddef.h>

struct report_id {
	char title[256];
	char guilty[128];	/* the frame the title names */
	char signature[17];	/* 64-bit hash, hex: same bug, same signature */
	int corrupted;		/* the report looks cut or mixed with another */
};

/*
 * Derive title, guilty frame and signature from a report's text, or a log
 * holding one (log lines, with or without "<level>[time][caller]"
 * prefixes): the first report in it is titled. Returns 0, or -1 when the
 * text holds no kernel report.
 */
int report_identify(const char *text, size_t len, struct report_id *id);

/* The message part of a log line: after "<N>", "[ time]" and "[ T12]". */
const char *log_line_msg(const char *line, const char *end);

/*
 * Compile every pattern of the title table. Returns how many do not
 * compile, the first of them copied to @bad.
 */
int title_rules_check(char *bad, size_t size);

#endif
