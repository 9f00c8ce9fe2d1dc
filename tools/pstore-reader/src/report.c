// SPDX-License-Identifier: GPL-2.0-only
/*
 * Present a record: summary, title, JSON.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/error_report.h>

#include "report.h"
#include "utf8.h"

/* The header's flags by name, as JSON and show print them. */
static const struct {
	uint32_t bit;
	const char *name;
} flag_names[] = {
	{ ERROR_REPORT_F_TRUNCATED, "truncated" },
	{ ERROR_REPORT_F_LOST_LINES, "lost_lines" },
	{ ERROR_REPORT_F_NESTED, "nested" },
	{ ERROR_REPORT_F_NESTED_MIXED, "nested_mixed" },
	/* The report's end never came: the text holds the lines printed until the record was stored. */
	{ ERROR_REPORT_F_INCOMPLETE, "incomplete" },
	/* It was being written, line by line, when the machine stopped. */
	{ ERROR_REPORT_F_OPEN, "open" },
};

void report_from_record(struct report *rep, const struct record *rec)
{
	memset(rep, 0, sizeof(*rep));
	rep->rec = rec;
	rep->text = rec->text;
	rep->text_len = rec->text_len;
	rep->complete = 1;
	if (rec->text)
		rep->identified = !report_identify(rec->text, rec->text_len, &rep->id);
}

size_t reports_from_record(const struct record *rec, struct report *out, size_t max)
{
	struct cut_report cut[MAX_REPORTS_PER_RECORD];
	size_t n;

	if (!max || rec->merged)
		return 0;
	if (rec->type != RECORD_CONSOLE || rec->status != RECORD_OK) {
		if (rec->type == RECORD_PMSG || rec->type == RECORD_OTHER)
			return 0;
		report_from_record(&out[0], rec);
		return 1;
	}
	n = log_cut_reports(rec->text, rec->text_len, cut,
			    max < MAX_REPORTS_PER_RECORD ? max : MAX_REPORTS_PER_RECORD);
	for (size_t i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].rec = rec;
		out[i].text = out[i].owned = cut[i].text;
		out[i].text_len = cut[i].len;
		out[i].complete = cut[i].complete;
		out[i].identified = !report_identify(cut[i].text, cut[i].len, &out[i].id);
	}
	return n;
}

void report_release(struct report *rep)
{
	free(rep->owned);
	rep->owned = NULL;
}

const char *report_integrity(const struct report *rep)
{
	const struct record *rec = rep->rec;

	if (rec->status != RECORD_OK)
		return record_status_token(rec->status);
	/*
	 * ERROR_REPORT_F_INCOMPLETE is not an integrity matter: the record is
	 * whole and its checksums hold; the kernel says in it that the report
	 * stopped early, and "flags" carries that. Only the TRUNCATED cut,
	 * made by the kernel to fit the slot, is told here.
	 */
	if (rec->type == RECORD_ERROR_REPORT &&
	    (rec->hdr.flags & ERROR_REPORT_F_TRUNCATED))
		return "truncated";
	/* As the backend holds it, unfinished: no length or checksum to hold. */
	if (rec->type == RECORD_ERROR_REPORT && record_open_raw(rec))
		return "incomplete";
	if (!rep->complete)
		return "incomplete";	/* the log ends inside the report */
	return "ok";
}

const char *report_source(const struct report *rep)
{
	enum record_type t = rep->rec->type;

	static const char *const names[] = {
		[RECORD_ERROR_REPORT] = "error_report",
		[RECORD_DMESG] = "dmesg",
		[RECORD_CONSOLE] = "console",
		[RECORD_PMSG] = "pmsg",
		[RECORD_OTHER] = "other",
	};
	return names[t];
}

static void iso_time(uint64_t ns, char *buf, size_t size)
{
	time_t sec = (time_t)(ns / 1000000000ULL);
	struct tm tm;

	if (!ns || !gmtime_r(&sec, &tm)) {
		snprintf(buf, size, "unknown");
		return;
	}
	size_t n = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);

	snprintf(buf + n, size - n, ".%06uZ", (unsigned int)(ns % 1000000000ULL / 1000));
}

static struct json_object *flags_json(uint32_t flags)
{
	struct json_object *a = json_object_new_array();

	for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
		if (flags & flag_names[i].bit)
			json_object_array_add(a, json_object_new_string(flag_names[i].name));
	return a;
}

/* A JSON string of bytes from a record: always valid UTF-8 (U+FFFD for bad bytes). */
static struct json_object *jstr_len(const char *s, size_t len)
{
	size_t n;
	char *fixed = utf8_sanitize(s, len, &n);
	struct json_object *j;

	if (!fixed)
		return json_object_new_string_len(s, (int)len);
	j = json_object_new_string_len(fixed, (int)n);
	free(fixed);
	return j;
}

static struct json_object *jstr(const char *s)
{
	return jstr_len(s, strlen(s));
}

/* 64-bit values as decimal strings: JSON numbers lose precision above 2^53. */
static struct json_object *ju64(uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRIu64, v);
	return json_object_new_string(buf);
}

static void add(struct json_object *o, const char *key, struct json_object *v)
{
	json_object_object_add(o, key, v);
}

/* The fields are documented in schema.json and pstore-reader(8), JSON OUTPUT. */
struct json_object *report_json(const struct report *rep)
{
	const struct record *rec = rep->rec;
	const struct er_header *h = &rec->hdr;
	struct json_object *o = json_object_new_object();
	char buf[64];

	add(o, "schema_version", json_object_new_int(REPORT_SCHEMA_VERSION));
	add(o, "file", jstr(rec->name));
	add(o, "source", json_object_new_string(report_source(rep)));
	add(o, "integrity", json_object_new_string(report_integrity(rep)));
	if (rec->ecc[0])
		add(o, "ecc", jstr(rec->ecc));
	if (rep->identified) {
		add(o, "title", jstr(rep->id.title));
		add(o, "guilty_frame", jstr(rep->id.guilty));
		add(o, "signature", jstr(rep->id.signature));
	}
	if (rec->has_dmesg_header) {
		add(o, "reason", jstr(rec->dmesg.reason));
		add(o, "dump_count", json_object_new_int((int)rec->dmesg.count));
		add(o, "parts", json_object_new_int(rec->parts));
	}
	if (record_has_header(rec)) {
		add(o, "format_version", json_object_new_int(h->version));
		add(o, "detector", json_object_new_string(detector_name(h->detector)));
		add(o, "seq", ju64(h->seq));
		boot_id_str(h->boot_id, buf);
		add(o, "boot_id", json_object_new_string(buf));
		add(o, "kernel_release", jstr(h->release));
		add(o, "cpu", json_object_new_int64(h->cpu));
		add(o, "pid", json_object_new_int64(h->pid));
		add(o, "comm", jstr(h->comm));
		snprintf(buf, sizeof(buf), "%c%u", h->caller_id & 0x80000000U ? 'C' : 'T',
			 h->caller_id & 0x7fffffffU);
		add(o, "caller", json_object_new_string(buf));
		snprintf(buf, sizeof(buf), "%#" PRIx64, h->id);
		add(o, "id", json_object_new_string(buf));
		iso_time(h->realtime_ns, buf, sizeof(buf));
		add(o, "time", json_object_new_string(buf));
		add(o, "realtime_ns", ju64(h->realtime_ns));
		add(o, "monotonic_ns", ju64(h->mono_ns));
		add(o, "boottime_ns", ju64(h->boottime_ns));
		add(o, "dropped_before", json_object_new_int64(h->dropped));
		/*
		 * A count, so a number: no boot repeats a report 2^53 times
		 * (only a forged header says more than 2^63: capped).
		 */
		add(o, "repeats", json_object_new_int64(h->repeats > INT64_MAX ? INT64_MAX :
							(int64_t)h->repeats));
		if (h->repeats) {
			add(o, "last_repeat_realtime_ns", ju64(h->last_repeat_realtime_ns));
			add(o, "last_repeat_boottime_ns", ju64(h->last_repeat_boottime_ns));
		}
		add(o, "flags", flags_json(h->flags));
	}
	if (rep->update)
		add(o, "update", json_object_new_boolean(1));
	if (rep->text)
		add(o, "text", jstr_len(rep->text, rep->text_len));
	return o;
}

/* A field of a text line, control characters and bad bytes escaped. */
static void put_esc(FILE *out, const char *s)
{
	text_escape(out, s, strlen(s), 0);
}

/* "<ISO 8601 time> (<seconds> s after boot)", as show prints a report's time. */
static void print_time(FILE *out, const char *label, uint64_t realtime_ns, uint64_t boottime_ns)
{
	char buf[64];

	iso_time(realtime_ns, buf, sizeof(buf));
	fprintf(out, "%s%s (%" PRIu64 ".%06" PRIu64 " s after boot)\n", label, buf,
		(uint64_t)(boottime_ns / 1000000000U), (uint64_t)(boottime_ns % 1000000000U / 1000));
}

void report_print_text(const struct report *rep, FILE *out, int with_text)
{
	const struct record *rec = rep->rec;
	const struct er_header *h = &rec->hdr;
	char buf[64];

	/*
	 * Everything from the record is escaped: a task name or report text
	 * may carry terminal escape sequences (any user can set its comm).
	 */
	fputs("== ", out);
	put_esc(out, rec->name);
	fprintf(out, " (%s) ==\n", report_source(rep));
	fputs("title:     ", out);
	put_esc(out, rep->identified ? rep->id.title : "(no report found)");
	fprintf(out, "\nintegrity: %s", report_integrity(rep));
	if (rec->status != RECORD_OK)
		fprintf(out, " (%s)", record_status_str(rec->status));
	if (rec->ecc[0]) {
		fputs("; ", out);
		put_esc(out, rec->ecc);
	}
	fputc('\n', out);
	if (record_has_header(rec)) {
		fprintf(out, "detector:  %s, report %" PRIu64 " of its boot, %u dropped before it\n",
			detector_name(h->detector), h->seq, h->dropped);
		if (h->flags) {
			uint32_t left = h->flags;
			const char *sep = "";

			/* Bits this reader has no name for are shown as a number, not hidden. */
			fputs("flags:     ", out);
			for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
				if (!(h->flags & flag_names[i].bit))
					continue;
				fprintf(out, "%s%s", sep, flag_names[i].name);
				left &= ~flag_names[i].bit;
				sep = ", ";
			}
			if (left)
				fprintf(out, "%s%#" PRIx32, sep, left);
			fputc('\n', out);
		}
		print_time(out, "time:      ", h->realtime_ns, h->boottime_ns);
		if (h->repeats) {
			fprintf(out, "repeated:  %" PRIu64 " more time%s, last at ", h->repeats,
				h->repeats == 1 ? "" : "s");
			print_time(out, "", h->last_repeat_realtime_ns, h->last_repeat_boottime_ns);
		}
		if (h->pid) {
			fputs("reporter:  task ", out);
			put_esc(out, h->comm);
			fprintf(out, " (pid %u) on CPU %u\n", h->pid, h->cpu);
		} else {
			fprintf(out, "reporter:  CPU %u, not in task context\n", h->cpu);
		}
		boot_id_str(h->boot_id, buf);
		fputs("kernel:    ", out);
		put_esc(out, h->release);
		fprintf(out, ", boot %s\n", buf);
	}
	if (rec->has_dmesg_header)
		fprintf(out, "dump:      %s #%u, %d part(s)\n", rec->dmesg.reason, rec->dmesg.count,
			rec->parts);
	if (rep->identified) {
		fputs("signature: ", out);
		put_esc(out, rep->id.signature);
		fputc('\n', out);
	}
	if (with_text && rep->text) {
		fputc('\n', out);
		text_escape(out, rep->text, rep->text_len, 1);
		if (rep->text_len && rep->text[rep->text_len - 1] != '\n')
			fputc('\n', out);
	}
}
