/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A report as the reader presents it: a record, what it says about itself
 * and its title, as text or as a JSON object.
 */
#ifndef PSTORE_READER_REPORT_H
#define PSTORE_READER_REPORT_H

#include <stdio.h>

#include <json-c/json.h>

#include "record.h"
#include "title.h"

/*
 * An error_report record is one report; a dmesg dump is one report (the
 * dump, titled by the first report or panic in it); a console log holds as
 * many reports as can be cut out of it, possibly none.
 */
struct report {
	const struct record *rec;
	const char *text;	/* the report's text */
	size_t text_len;
	char *owned;		/* @text when cut out of a log, else NULL */
	int complete;		/* 0: the log ends inside the report */
	struct report_id id;
	int identified;		/* 0 when no title could be derived */
	int update;		/* collect: replaces an archived copy with fewer repeats */
};

#define MAX_REPORTS_PER_RECORD 64

void report_from_record(struct report *rep, const struct record *rec);

/* The reports of @rec into @out; returns how many. report_release() each. */
size_t reports_from_record(const struct record *rec, struct report *out, size_t max);
void report_release(struct report *rep);

/* "error_report", "dmesg", "console", ... */
const char *report_source(const struct report *rep);

/* "schema_version" of the JSON objects (schema.json); 1 had no such key. */
#define REPORT_SCHEMA_VERSION 2

/*
 * One JSON object per report; the caller puts it. Strings are valid UTF-8
 * (bad bytes become U+FFFD), 64-bit values are decimal strings (but the
 * count "repeats", a number).
 */
struct json_object *report_json(const struct report *rep);

/* Human-readable: a summary block, then the text. */
void report_print_text(const struct report *rep, FILE *out, int with_text);

/*
 * One token: "ok", "truncated", "incomplete", or record_status_token()
 * of why the record cannot be trusted.
 */
const char *report_integrity(const struct report *rep);

#endif
