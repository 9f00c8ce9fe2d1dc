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
		return record_status_str(rec->status);
	if (rec->type == RECORD_ERROR_REPORT &&
	    (rec->hdr.flags & ERROR_REPORT_F_TRUNCATED))
		return "truncated";
	if (!rep->complete)
		return "incomplete: the log ends inside the report";
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
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = {
		{ ERROR_REPORT_F_TRUNCATED, "truncated" },
		{ ERROR_REPORT_F_LOST_LINES, "lost_lines" },
		{ ERROR_REPORT_F_NESTED, "nested" },
		{ ERROR_REPORT_F_NESTED_MIXED, "nested_mixed" },
	};
	struct json_object *a = json_object_new_array();

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit)
			json_object_array_add(a, json_object_new_string(names[i].name));
	return a;
}

struct json_object *report_json(const struct report *rep)
{
	const struct record *rec = rep->rec;
	const struct er_header *h = &rec->hdr;
	struct json_object *o = json_object_new_object();
	char buf[64];

	json_object_object_add(o, "file", json_object_new_string(rec->name));
	json_object_object_add(o, "source", json_object_new_string(report_source(rep)));
	json_object_object_add(o, "integrity", json_object_new_string(report_integrity(rep)));
	if (rec->ecc[0])
		json_object_object_add(o, "ecc", json_object_new_string(rec->ecc));
	if (rep->identified) {
		json_object_object_add(o, "title", json_object_new_string(rep->id.title));
		json_object_object_add(o, "guilty_frame", json_object_new_string(rep->id.guilty));
		json_object_object_add(o, "signature", json_object_new_string(rep->id.signature));
	}
	if (rec->has_dmesg_header) {
		json_object_object_add(o, "reason", json_object_new_string(rec->dmesg.reason));
		json_object_object_add(o, "dump_count", json_object_new_int((int)rec->dmesg.count));
		json_object_object_add(o, "parts", json_object_new_int(rec->parts));
	}
	if (rec->type == RECORD_ERROR_REPORT && rec->status != RECORD_SHORT &&
	    rec->status != RECORD_BAD_MAGIC && rec->status != RECORD_BAD_VERSION &&
	    rec->status != RECORD_BAD_HEADER_CRC) {
		json_object_object_add(o, "format_version", json_object_new_int(h->version));
		json_object_object_add(o, "detector", json_object_new_string(detector_name(h->detector)));
		json_object_object_add(o, "seq", json_object_new_int64((int64_t)h->seq));
		boot_id_str(h->boot_id, buf);
		json_object_object_add(o, "boot_id", json_object_new_string(buf));
		json_object_object_add(o, "kernel_release", json_object_new_string(h->release));
		json_object_object_add(o, "cpu", json_object_new_int((int32_t)h->cpu));
		json_object_object_add(o, "pid", json_object_new_int((int32_t)h->pid));
		json_object_object_add(o, "comm", json_object_new_string(h->comm));
		snprintf(buf, sizeof(buf), "%c%u", h->caller_id & 0x80000000U ? 'C' : 'T',
			 h->caller_id & 0x7fffffffU);
		json_object_object_add(o, "caller", json_object_new_string(buf));
		snprintf(buf, sizeof(buf), "%#" PRIx64, h->id);
		json_object_object_add(o, "id", json_object_new_string(buf));
		iso_time(h->realtime_ns, buf, sizeof(buf));
		json_object_object_add(o, "time", json_object_new_string(buf));
		json_object_object_add(o, "realtime_ns", json_object_new_int64((int64_t)h->realtime_ns));
		json_object_object_add(o, "monotonic_ns", json_object_new_int64((int64_t)h->mono_ns));
		json_object_object_add(o, "boottime_ns", json_object_new_int64((int64_t)h->boottime_ns));
		json_object_object_add(o, "dropped_before", json_object_new_int64(h->dropped));
		json_object_object_add(o, "flags", flags_json(h->flags));
	}
	if (rep->text)
		json_object_object_add(o, "text",
				       json_object_new_string_len(rep->text, (int)rep->text_len));
	return o;
}

void report_print_text(const struct report *rep, FILE *out, int with_text)
{
	const struct record *rec = rep->rec;
	const struct er_header *h = &rec->hdr;
	char buf[64];

	fprintf(out, "== %s (%s) ==\n", rec->name, report_source(rep));
	fprintf(out, "title:     %s\n", rep->identified ? rep->id.title : "(no report found)");
	fprintf(out, "integrity: %s%s%s\n", report_integrity(rep),
		rec->ecc[0] ? "; " : "", rec->ecc);
	if (rec->type == RECORD_ERROR_REPORT && rec->status != RECORD_SHORT &&
	    rec->status != RECORD_BAD_MAGIC && rec->status != RECORD_BAD_VERSION &&
	    rec->status != RECORD_BAD_HEADER_CRC) {
		iso_time(h->realtime_ns, buf, sizeof(buf));
		fprintf(out, "detector:  %s, report %" PRIu64 " of its boot, %u dropped before it\n",
			detector_name(h->detector), h->seq, h->dropped);
		fprintf(out, "time:      %s (%" PRIu64 ".%06" PRIu64 " s after boot)\n", buf,
			(uint64_t)(h->boottime_ns / 1000000000U),
			(uint64_t)(h->boottime_ns % 1000000000U / 1000));
		if (h->pid)
			fprintf(out, "reporter:  task %s (pid %u) on CPU %u\n", h->comm, h->pid, h->cpu);
		else
			fprintf(out, "reporter:  CPU %u, not in task context\n", h->cpu);
		boot_id_str(h->boot_id, buf);
		fprintf(out, "kernel:    %s, boot %s\n", h->release, buf);
	}
	if (rec->has_dmesg_header)
		fprintf(out, "dump:      %s #%u, %d part(s)\n", rec->dmesg.reason, rec->dmesg.count,
			rec->parts);
	if (rep->identified)
		fprintf(out, "signature: %s\n", rep->id.signature);
	if (with_text && rep->text) {
		fputc('\n', out);
		fwrite(rep->text, 1, rep->text_len, out);
		if (rep->text_len && rep->text[rep->text_len - 1] != '\n')
			fputc('\n', out);
	}
}
