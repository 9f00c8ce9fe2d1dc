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

struct report {
	const struct record *rec;
	struct report_id id;
	int identified;		/* 0 when no title could be derived */
};

void report_from_record(struct report *rep, const struct record *rec);

/* One JSON object per report; the caller puts it. */
struct json_object *report_json(const struct report *rep);

/* Human-readable: a summary block, then the text. */
void report_print_text(const struct report *rep, FILE *out, int with_text);

/* "ok", or why the record cannot be trusted, or "truncated". */
const char *report_integrity(const struct report *rep);

#endif
