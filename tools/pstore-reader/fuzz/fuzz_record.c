// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the record parser: whatever bytes a slot, a decayed
 * RAM region or a foreign backend hands us, parsing, cutting reports,
 * titling and JSON output must neither crash nor read out of bounds, and
 * the JSON must be valid UTF-8 JSON whatever bytes the record holds: it is
 * parsed back with json-c's strict, UTF-8-validating parser.
 *
 * The first input byte picks the file name (and so the record type); the
 * rest is the file's content.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <json-c/json_tokener.h>

#include "../src/report.h"

static const char *const names[] = {
	"error_report-ramoops-0", "dmesg-ramoops-0", "dmesg-efi-1.enc.z",
	"console-ramoops-0", "pmsg-ramoops-0",
};

static void assert_valid_json(const char *s)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o;

	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	o = json_tokener_parse_ex(tok, s, (int)strlen(s));
	if (!o || json_tokener_get_error(tok) != json_tokener_success) {
		fprintf(stderr, "invalid JSON (%s): %s\n",
			json_tokener_error_desc(json_tokener_get_error(tok)), s);
		abort();
	}
	json_object_put(o);
	json_tokener_free(tok);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct report reps[MAX_REPORTS_PER_RECORD];
	struct record rec;
	unsigned char *copy;
	size_t n;

	if (!size)
		return 0;
	copy = malloc(size);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, size - 1);
	record_parse(&rec, names[data[0] % (sizeof(names) / sizeof(names[0]))], copy,
		     size - 1);
	records_join_parts(&rec, 1);
	n = reports_from_record(&rec, reps, MAX_REPORTS_PER_RECORD);
	for (size_t i = 0; i < n; i++) {
		struct json_object *j = report_json(&reps[i]);

		assert_valid_json(json_object_to_json_string(j));
		json_object_put(j);
		report_release(&reps[i]);
	}
	record_free(&rec);
	return 0;
}
