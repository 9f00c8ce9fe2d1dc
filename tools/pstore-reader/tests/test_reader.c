// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for pstore-reader over the record corpus in test/data/records:
 * real records captured from QEMU runs, and hostile ones derived from them
 * (test/data/make-hostile.py).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <json-c/json.h>

#include <endian.h>
#include <zlib.h>

#include <linux/error_report.h>

#include "../src/journal.h"
#include "../src/log.h"
#include "../src/report.h"
#include "../src/store.h"
#include "../src/utf8.h"

#ifndef DATA_DIR
#define DATA_DIR "../../test/data/records"
#endif
#ifndef DIST_DIR
#define DIST_DIR "dist"
#endif

struct corpus_case {
	const char *file;
	enum record_type type;
	enum record_status status;
	const char *title;		/* NULL: no title expected */
	const char *detector;		/* error_report only */
};

static const struct corpus_case corpus[] = {
	{ "error_report-ramoops-kasan-oob-task", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-out-of-bounds Write in run_request", "kasan" },
	{ "error_report-ramoops-kasan-uaf-task", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-use-after-free Read in run_request", "kasan" },
	{ "error_report-ramoops-kasan-uaf-hardirq", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-use-after-free Read in hardirq_fn", "kasan" },
	{ "error_report-ramoops-kfence-oob-task", RECORD_ERROR_REPORT, RECORD_OK,
	  "KFENCE: out-of-bounds read in do_kfence_oob", "kfence" },
	{ "error_report-ramoops-kfence-uaf-task", RECORD_ERROR_REPORT, RECORD_OK,
	  "KFENCE: use-after-free read in do_kfence_uaf", "kfence" },
	{ "error_report-ramoops-kfence-uaf-softirq", RECORD_ERROR_REPORT, RECORD_OK,
	  "KFENCE: use-after-free read in do_kfence_uaf", "kfence" },
	{ "error_report-ramoops-warn-task", RECORD_ERROR_REPORT, RECORD_OK,
	  "WARNING in do_warn", "warning" },
	{ "error_report-ramoops-warn-nmi", RECORD_ERROR_REPORT, RECORD_OK,
	  "WARNING in do_warn", "warning" },
	{ "error_report-ramoops-ecc-notice", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-use-after-free Read in run_request", "kasan" },
	/* ERROR_REPORT_F_INCOMPLETE: the first half of kasan-uaf-task, its end never came. */
	{ "error_report-ramoops-incomplete-kasan", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-use-after-free Read in run_request", "kasan" },
	/*
	 * ERROR_REPORT_F_OPEN: a WARN that hung while it printed, ended by a
	 * hardware watchdog; the next kernel completed its header (0x30), and
	 * the same record as the backend held it (open only: no length or
	 * CRC). Its lines are the test module's, not a WARN's own.
	 */
	{ "error_report-ramoops-open-hang", RECORD_ERROR_REPORT, RECORD_OK, NULL, "warning" },
	{ "error_report-ramoops-open-raw", RECORD_ERROR_REPORT, RECORD_OK, NULL, "warning" },
	/* Version 2, as the backend holds them: printk records, raw. */
	{ "error_report-ramoops-v2-kasan-uaf-task", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-use-after-free Read in run_request", "kasan" },
	{ "error_report-ramoops-v2-open-raw", RECORD_ERROR_REPORT, RECORD_OK, NULL, "warning" },
	/* Cut before a frame syzkaller would blame: "in corrupted", as syzbot. */
	{ "error_report-ramoops-hostile-torn-bitflip", RECORD_ERROR_REPORT, RECORD_TORN,
	  "KASAN: slab-use-after-free Read in corrupted", NULL },
	{ "error_report-ramoops-hostile-torn-cut", RECORD_ERROR_REPORT, RECORD_TORN,
	  "KASAN: slab-use-after-free Read in corrupted", NULL },
	{ "error_report-ramoops-hostile-bad-header-crc", RECORD_ERROR_REPORT,
	  RECORD_BAD_HEADER_CRC, NULL, NULL },
	{ "error_report-ramoops-hostile-version-3", RECORD_ERROR_REPORT,
	  RECORD_BAD_VERSION, NULL, NULL },
	{ "error_report-ramoops-hostile-header-size", RECORD_ERROR_REPORT,
	  RECORD_BAD_VERSION, NULL, NULL },
	{ "error_report-ramoops-hostile-garbage", RECORD_ERROR_REPORT,
	  RECORD_BAD_MAGIC, NULL, NULL },
	{ "error_report-ramoops-hostile-empty", RECORD_ERROR_REPORT, RECORD_SHORT, NULL, NULL },
	{ "error_report-ramoops-hostile-short", RECORD_ERROR_REPORT, RECORD_SHORT, NULL, NULL },
	{ "dmesg-ramoops-panic", RECORD_DMESG, RECORD_OK,
	  "kernel panic: sysrq triggered crash", NULL },
	{ "dmesg-ramoops-kasan-panic", RECORD_DMESG, RECORD_OK,
	  "KASAN: slab-use-after-free Read in run_request", NULL },
	{ "dmesg-efi-19.enc.z", RECORD_DMESG, RECORD_OK,
	  "KASAN: slab-use-after-free Read in run_request", NULL },
	{ "dmesg-efi-20.enc.z", RECORD_DMESG, RECORD_BAD_COMPRESSION, NULL, NULL },
	{ "console-ramoops-panic", RECORD_CONSOLE, RECORD_OK, NULL, NULL },
	{ "pmsg-ramoops-kselftest", RECORD_PMSG, RECORD_OK, NULL, NULL },
};

static void load(const char *file, struct record *rec)
{
	char path[512];
	FILE *f;
	unsigned char *buf = malloc(1 << 20);
	size_t n;

	assert_non_null(buf);
	snprintf(path, sizeof(path), "%s/%s", DATA_DIR, file);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("%s: %s", path, strerror(errno));
	n = fread(buf, 1, 1 << 20, f);
	fclose(f);
	record_parse(rec, file, buf, n);
}

static void test_corpus(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(corpus) / sizeof(corpus[0]); i++) {
		const struct corpus_case *c = &corpus[i];
		struct record rec;
		struct report rep;

		load(c->file, &rec);
		report_from_record(&rep, &rec);
		if (rec.type != c->type || rec.status != c->status)
			fail_msg("%s: type %d status %s, want %d %s", c->file, rec.type,
				 record_status_token(rec.status), c->type,
				 record_status_token(c->status));
		if (c->title && rec.type == RECORD_CONSOLE)
			fail_msg("%s: console titles are per cut report", c->file);
		if (c->title && (!rep.identified || strcmp(rep.id.title, c->title)))
			fail_msg("%s: title '%s', want '%s'", c->file,
				 rep.identified ? rep.id.title : "(none)", c->title);
		if (!c->title && rec.type == RECORD_ERROR_REPORT && rep.identified)
			fail_msg("%s: a title from an untrusted header", c->file);
		if (c->detector)
			assert_string_equal(detector_name(rec.hdr.detector), c->detector);
		/*
		 * The corpus records predate repeats (a 184-byte header) or
		 * count none (208 bytes, the records written as they print).
		 */
		if (record_has_header(&rec)) {
			struct json_object *o = report_json(&rep), *v;

			assert_true(rec.hdr.header_size == 184 || rec.hdr.header_size == 208);
			assert_int_equal(rec.hdr.repeats, 0);
			assert_true(json_object_object_get_ex(o, "repeats", &v));
			assert_int_equal(json_object_get_int64(v), 0);
			assert_false(json_object_object_get_ex(o, "last_repeat_realtime_ns", &v));
			json_object_put(o);
		}
		record_free(&rec);
	}
}

/*
 * ERROR_REPORT_F_INCOMPLETE (0x10): a sound record whose report never
 * ended. Integrity stays "ok"; "flags" names it, and so does show.
 */
static void test_incomplete_flag(void **state)
{
	struct record rec;
	struct report rep;
	struct json_object *j, *flags, *v;
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	(void)state;
	load("error_report-ramoops-incomplete-kasan", &rec);
	assert_int_equal(rec.status, RECORD_OK);
	assert_int_equal(rec.hdr.flags, 0x10);
	report_from_record(&rep, &rec);
	assert_string_equal(report_integrity(&rep), "ok");

	j = report_json(&rep);
	assert_true(json_object_object_get_ex(j, "integrity", &v));
	assert_string_equal(json_object_get_string(v), "ok");
	assert_true(json_object_object_get_ex(j, "flags", &flags));
	assert_int_equal(json_object_array_length(flags), 1);
	assert_string_equal(json_object_get_string(json_object_array_get_idx(flags, 0)),
			    "incomplete");
	json_object_put(j);

	out = open_memstream(&text, &len);
	assert_non_null(out);
	report_print_text(&rep, out, 0);
	fclose(out);
	assert_non_null(strstr(text, "\nintegrity: ok\n"));
	assert_non_null(strstr(text, "\nflags:     incomplete\n"));
	free(text);
	report_release(&rep);
	record_free(&rec);
}

/*
 * ERROR_REPORT_F_OPEN (0x20): a record written as its report printed when
 * the machine stopped. Completed by the next kernel (0x30), it is sound:
 * integrity "ok", flags "incomplete" and "open". As the backend held it
 * (0x20 only), its text runs to its end, unchecked: integrity "incomplete",
 * the same lines.
 */
static void test_open_flag(void **state)
{
	struct record done, raw;
	struct report rep_done, rep_raw;
	struct json_object *j, *flags;

	(void)state;
	load("error_report-ramoops-open-hang", &done);
	load("error_report-ramoops-open-raw", &raw);
	assert_int_equal(done.status, RECORD_OK);
	assert_int_equal(raw.status, RECORD_OK);
	assert_int_equal(done.hdr.flags, 0x30);
	assert_int_equal(raw.hdr.flags, 0x20);
	assert_int_equal(raw.hdr.body_len, 0);
	report_from_record(&rep_done, &done);
	report_from_record(&rep_raw, &raw);
	assert_string_equal(report_integrity(&rep_done), "ok");
	assert_string_equal(report_integrity(&rep_raw), "incomplete");
	assert_int_equal(raw.text_len, done.text_len);
	assert_memory_equal(raw.text, done.text, done.text_len);
	assert_non_null(strstr(done.text, "ert-hang line 39: "));

	j = report_json(&rep_done);
	assert_true(json_object_object_get_ex(j, "flags", &flags));
	assert_int_equal(json_object_array_length(flags), 2);
	assert_string_equal(json_object_get_string(json_object_array_get_idx(flags, 0)),
			    "incomplete");
	assert_string_equal(json_object_get_string(json_object_array_get_idx(flags, 1)),
			    "open");
	json_object_put(j);
	report_release(&rep_done);
	report_release(&rep_raw);
	record_free(&done);
	record_free(&raw);
}

/*
 * Version 2 (the capture's printk records, as the backend and U-Boot's
 * "pstore save" hold them) reads as version 1, byte for byte: the same
 * lines, one of them made of a line and a continuation fragment. An open
 * one cut in its last entry keeps that entry's bytes.
 */
static void test_version_2(void **state)
{
	struct record v1, v2;

	(void)state;
	load("error_report-ramoops-kasan-uaf-task", &v1);
	load("error_report-ramoops-v2-kasan-uaf-task", &v2);
	assert_int_equal(v2.hdr.version, 2);
	assert_true(v2.hdr.body_len < v1.hdr.body_len);
	assert_int_equal(v2.text_len, v1.text_len);
	assert_memory_equal(v2.text, v1.text, v1.text_len);
	record_free(&v1);
	record_free(&v2);

	load("error_report-ramoops-open-raw", &v1);
	load("error_report-ramoops-v2-open-raw", &v2);
	assert_int_equal(v2.hdr.flags, 0x20);
	assert_int_equal(v2.text_len, v1.text_len - 5);
	assert_memory_equal(v2.text, v1.text, v2.text_len - 1);
	assert_int_equal(v2.text[v2.text_len - 1], '\n');
	record_free(&v1);
	record_free(&v2);
}

/*
 * Hostile version 2 bytes that would format to more than any record does
 * (entries of newlines, each to get a prefix: forty times their size) stay
 * raw: the record is still read, its integrity still "ok".
 */
static void test_version_2_blowup(void **state)
{
	const size_t entry = 18, text = 65535, n = 5;
	struct record good, rec;
	size_t hs, len = n * (entry + text);
	unsigned char *b, *p;
	uint16_t v;
	uint32_t crc;

	(void)state;
	load("error_report-ramoops-warn-task", &good);
	hs = good.hdr.header_size;
	b = calloc(1, hs + len);
	assert_non_null(b);
	memcpy(b, good.data, hs);
	record_free(&good);
	for (p = b + hs; p < b + hs + len; p += entry + text) {
		v = htole16(3);			/* time and caller */
		memcpy(p + 14, &v, 2);
		v = htole16((uint16_t)text);
		memcpy(p + 16, &v, 2);
		memset(p + entry, '\n', text);
	}
	v = htole16(ERROR_REPORT_VERSION_LINES);
	memcpy(b + offsetof(struct error_report_header, version), &v, 2);
	crc = htole32((uint32_t)len);
	memcpy(b + offsetof(struct error_report_header, body_len), &crc, 4);
	crc = htole32((uint32_t)crc32(0, b + hs, (uInt)len));
	memcpy(b + offsetof(struct error_report_header, body_crc32), &crc, 4);
	memset(b + offsetof(struct error_report_header, header_crc32), 0, 4);
	crc = htole32((uint32_t)crc32(0, b, (uInt)hs));
	memcpy(b + offsetof(struct error_report_header, header_crc32), &crc, 4);
	record_parse(&rec, "error_report-ramoops-blowup", b, hs + len);
	assert_int_equal(rec.status, RECORD_OK);
	assert_null(rec.formatted);
	assert_int_equal(rec.text_len, len);
	record_free(&rec);
}

/* The ECC notice ramoops appends is integrity data, not report text. */
static void test_ecc_notice(void **state)
{
	struct record plain, ecc;

	(void)state;
	load("error_report-ramoops-kasan-uaf-task", &plain);
	load("error_report-ramoops-ecc-notice", &ecc);
	assert_string_equal(ecc.ecc, "ECC: No errors detected");
	assert_int_equal(ecc.text_len, plain.text_len);
	assert_memory_equal(ecc.text, plain.text, plain.text_len);
	record_free(&plain);
	record_free(&ecc);
}

/* Load every record of the corpus folder, as the reader does. */
static void load_set(struct record_set *set)
{
	int fd = open(DATA_DIR, O_RDONLY | O_DIRECTORY);

	assert_true(fd >= 0);
	assert_int_equal(records_load(fd, set), 0);
	close(fd);
}

static const struct record *find(const struct record_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(set->recs[i].name, name))
			return &set->recs[i];
	fail_msg("%s not loaded", name);
	return NULL;
}

/* A dump split in two parts reads back as the dump, in order. */
static void test_dmesg_parts_joined(void **state)
{
	struct record_set set;
	struct record whole;
	const struct record *p1, *p2;

	(void)state;
	load_set(&set);
	load("dmesg-ramoops-kasan-panic", &whole);
	p1 = find(&set, "dmesg-efi-17");
	p2 = find(&set, "dmesg-efi-18");
	assert_int_equal(p1->parts, 2);
	assert_int_equal(p2->merged, (size_t)(p1 - set.recs) + 1);
	assert_string_equal(p1->dmesg.reason, "Panic");
	assert_int_equal(p1->text_len, whole.text_len);
	assert_memory_equal(p1->text, whole.text, whole.text_len);
	record_free(&whole);
	records_free(&set);
}

/* Reports cut out of a console log: each whole, in order. */
static void test_console_cut(void **state)
{
	struct record rec;
	struct report reps[8];
	size_t n;

	(void)state;
	load("console-ramoops-reports", &rec);
	n = reports_from_record(&rec, reps, 8);
	assert_int_equal(n, 2);
	assert_string_equal(reps[0].id.title, "KASAN: slab-use-after-free Read in run_request");
	assert_true(reps[0].complete);
	assert_string_equal(reps[1].id.title, "WARNING in do_warn");
	assert_non_null(strstr(reps[1].text, "---[ end trace"));
	for (size_t i = 0; i < n; i++)
		report_release(&reps[i]);
	record_free(&rec);
	load("console-ramoops-panic", &rec);
	assert_int_equal(reports_from_record(&rec, reps, 8), 0);
	record_free(&rec);
}

/* Same bug, other addresses and offsets: same signature. */
static void test_signature_ignores_addresses(void **state)
{
	struct record a, b;
	struct report ra, rb;

	(void)state;
	load("error_report-ramoops-kasan-uaf-task", &a);
	load("dmesg-ramoops-kasan-panic", &b);	/* another boot, other offsets */
	report_from_record(&ra, &a);
	report_from_record(&rb, &b);
	assert_string_equal(ra.id.title, rb.id.title);
	assert_string_equal(ra.id.signature, rb.id.signature);
	/* syzkaller never blames a function named *kasan*: do_kasan_uaf's caller. */
	assert_string_equal(ra.id.guilty, "run_request");
	record_free(&a);
	record_free(&b);

	static const char t1[] =
		"<3>[ 1.0][ T1] BUG: KASAN: slab-use-after-free in foo+0x10/0x20 [m]\n"
		"<3>[ 1.0][ T1] Read of size 8 at addr ffff888000001000 by task sh/1\n"
		"<3>[ 1.0][ T1] Call Trace:\n"
		"<3>[ 1.0][ T1]  dump_stack_lvl+0x56/0x65\n"
		"<3>[ 1.0][ T1]  ? bar+0x1/0x2\n"
		"<3>[ 1.0][ T1]  foo+0x10/0x20 [m]\n"
		"<3>[ 1.0][ T1]  caller+0x30/0x40\n";
	static const char t2[] =
		"<3>[ 9.9][ C3] BUG: KASAN: slab-use-after-free in foo+0x14/0x28 [m]\n"
		"<3>[ 9.9][ C3] Read of size 8 at addr ffff888000777000 by task sh/7\n"
		"<3>[ 9.9][ C3] Call Trace:\n"
		"<3>[ 9.9][ C3]  dump_stack_lvl+0x50/0x60\n"
		"<3>[ 9.9][ C3]  foo+0x14/0x28 [m]\n"
		"<3>[ 9.9][ C3]  caller+0x31/0x40\n";
	struct report_id i1, i2;

	assert_int_equal(report_identify(t1, sizeof(t1) - 1, &i1), 0);
	assert_int_equal(report_identify(t2, sizeof(t2) - 1, &i2), 0);
	assert_string_equal(i1.title, "KASAN: slab-use-after-free Read in foo");
	assert_string_equal(i1.signature, i2.signature);
}

/* The guilty frame is past the string helpers KASAN reports inside. */
static void test_guilty_frame_skips_helpers(void **state)
{
	static const char t[] =
		"BUG: KASAN: slab-out-of-bounds in memcpy+0x1d/0x60\n"
		"Write of size 32 at addr ffff888000001000 by task sh/1\n"
		"Call Trace:\n"
		" <TASK>\n"
		" dump_stack_lvl+0x56/0x65\n"
		" print_report+0x17c/0x4cb\n"
		" kasan_report+0xa2/0xc5\n"
		" __asan_memcpy+0x20/0x60\n"
		" mydriver_fill.isra.0+0x44/0x90\n"
		" mydriver_probe+0x10/0x80\n";
	struct report_id id;

	(void)state;
	assert_int_equal(report_identify(t, sizeof(t) - 1, &id), 0);
	assert_string_equal(id.title, "KASAN: slab-out-of-bounds Write in mydriver_fill");
}

/* JSON output parses back with a real parser and carries the fields. */
static void test_json_roundtrip(void **state)
{
	struct record rec;
	struct report rep;
	struct json_object *o, *back, *v;
	const char *s;

	(void)state;
	load("error_report-ramoops-warn-nmi", &rec);
	report_from_record(&rep, &rec);
	o = report_json(&rep);
	s = json_object_to_json_string(o);
	back = json_tokener_parse(s);
	assert_non_null(back);
	assert_true(json_object_object_get_ex(back, "title", &v));
	assert_string_equal(json_object_get_string(v), "WARNING in do_warn");
	assert_true(json_object_object_get_ex(back, "integrity", &v));
	assert_string_equal(json_object_get_string(v), "ok");
	assert_true(json_object_object_get_ex(back, "pid", &v));
	assert_int_equal(json_object_get_int(v), 0);
	assert_true(json_object_object_get_ex(back, "text", &v));
	assert_int_equal((size_t)json_object_get_string_len(v), rec.text_len);
	json_object_put(back);
	json_object_put(o);
	record_free(&rec);
}

/* Journal entries carry the title, the MESSAGE_ID and the facts as fields. */
static void test_journal_fields(void **state)
{
	char *f[JOURNAL_MAX_FIELDS];
	struct record rec;
	struct report rep;
	int n, seen = 0;

	(void)state;
	load("error_report-ramoops-kfence-oob-task", &rec);
	report_from_record(&rep, &rec);
	n = journal_fields(&rep, f, JOURNAL_MAX_FIELDS);
	for (int i = 0; i < n; i++) {
		seen += !strcmp(f[i], "MESSAGE=KFENCE: out-of-bounds read in do_kfence_oob");
		seen += !strcmp(f[i], "MESSAGE_ID=" JOURNAL_MESSAGE_ID);
		seen += !strcmp(f[i], "KERNEL_REPORT_DETECTOR=kfence");
		seen += !strncmp(f[i], "KERNEL_REPORT_SIGNATURE=", 24) && strlen(f[i]) == 40;
		seen += !strncmp(f[i], "KERNEL_REPORT_TEXT=<3>", 22);
		free(f[i]);
	}
	assert_int_equal(seen, 5);
	record_free(&rec);
}

/* --- output safety ----------------------------------------------------- */

/* Ill-formed UTF-8 becomes U+FFFD, one per maximal subpart, as Python counts. */
static void test_utf8_sanitize(void **state)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "plain", NULL },
		{ "caf\xc3\xa9", NULL },
		{ "\xff", "\xef\xbf\xbd" },
		{ "a\xe2\x82z", "a\xef\xbf\xbdz" },		/* truncated: one */
		{ "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd" },	/* overlong: two */
		{ "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },	/* surrogate */
		{ "\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\xf0\x9f\x98\x80", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		size_t n;
		char *out = utf8_sanitize(v[i].in, strlen(v[i].in), &n);

		if (!v[i].out) {
			assert_null(out);
			continue;
		}
		assert_non_null(out);
		assert_string_equal(out, v[i].out);
		assert_int_equal(n, strlen(v[i].out));
		free(out);
	}
}

/* Text for a terminal: no control character, no bad byte passes through. */
static void test_text_escape(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	static const char in[] = "a\x1b]0;pwned\x07\tb\\\n\xc2\x9b" "2J\xff\xc3\xa9";

	(void)state;
	text_escape(f, in, sizeof(in) - 1, 0);
	fputc('|', f);
	text_escape(f, in, sizeof(in) - 1, 1);
	fclose(f);
	assert_string_equal(buf, "a\\x1b]0;pwned\\x07\\tb\\\\\\n\\xc2\\x9b2J\\xff\xc3\xa9|"
				 "a\\x1b]0;pwned\\x07\tb\\\n\\xc2\\x9b2J\\xff\xc3\xa9");
	free(buf);
}

/* A copy of a corpus record with another comm and text, checksums redone. */
static void hostile_record(struct record *rec, const char *comm, const char *text)
{
	struct record good;
	unsigned char *b;
	size_t hs, tl = strlen(text);
	uint32_t crc;

	load("error_report-ramoops-warn-task", &good);
	hs = good.hdr.header_size;
	b = calloc(1, hs + tl);
	assert_non_null(b);
	memcpy(b, good.data, hs);
	memcpy(b + hs, text, tl);
	memset(b + offsetof(struct error_report_header, comm), 0,
	       sizeof(((struct error_report_header *)0)->comm));
	memcpy(b + offsetof(struct error_report_header, comm), comm, strlen(comm));
	crc = htole32((uint32_t)tl);
	memcpy(b + offsetof(struct error_report_header, body_len), &crc, 4);
	crc = htole32((uint32_t)crc32(0, (const Bytef *)text, (uInt)tl));
	memcpy(b + offsetof(struct error_report_header, body_crc32), &crc, 4);
	memset(b + offsetof(struct error_report_header, header_crc32), 0, 4);
	crc = htole32((uint32_t)crc32(0, b, (uInt)hs));
	memcpy(b + offsetof(struct error_report_header, header_crc32), &crc, 4);
	record_free(&good);
	record_parse(rec, "error_report-ramoops-\x1b[2Jhostile\xff", b, hs + tl);
	assert_int_equal(rec->status, RECORD_OK);
}

/* Strict JSON: json-c's parser with UTF-8 validation must take it. */
static struct json_object *parse_strict(const char *s)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o;

	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	o = json_tokener_parse_ex(tok, s, (int)strlen(s));
	if (!o)
		fail_msg("invalid JSON: %s: %s",
			 json_tokener_error_desc(json_tokener_get_error(tok)), s);
	json_tokener_free(tok);
	return o;
}

/* A task name and text with bad bytes and escapes: still valid JSON, escaped text. */
static void test_hostile_json_and_text(void **state)
{
	struct record rec;
	struct report rep;
	struct json_object *o, *back, *v;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	hostile_record(&rec, "\xff\xfe\xc3(bad\x1b[31m",
		       "WARNING: CPU: 0 PID: 1 at x.c:1 do_\xff\x1b]0;x\x07warn+0x1/0x2\n\xc3");
	report_from_record(&rep, &rec);
	o = report_json(&rep);
	back = parse_strict(json_object_to_json_string(o));
	assert_true(json_object_object_get_ex(back, "comm", &v));
	assert_string_equal(json_object_get_string(v),
			    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd(bad\x1b[31m");
	assert_true(json_object_object_get_ex(back, "file", &v));
	assert_true(json_object_object_get_ex(back, "schema_version", &v));
	assert_int_equal(json_object_get_int(v), REPORT_SCHEMA_VERSION);
	json_object_put(back);
	json_object_put(o);

	f = open_memstream(&buf, &len);
	report_print_text(&rep, f, 1);
	fclose(f);
	assert_null(memchr(buf, 0x1b, len));
	assert_null(memchr(buf, 0x07, len));
	assert_null(memchr(buf, 0xff, len));
	free(buf);
	record_free(&rec);
}

/* 64-bit values are strings; integrity is one token. */
static void test_json_types(void **state)
{
	struct record rec;
	struct report rep;
	struct json_object *o, *v;

	(void)state;
	load("error_report-ramoops-kasan-uaf-task", &rec);
	report_from_record(&rep, &rec);
	o = report_json(&rep);
	for (const char *const *k = (const char *const[]){ "seq", "realtime_ns", "monotonic_ns",
							    "boottime_ns", NULL }; *k; k++) {
		assert_true(json_object_object_get_ex(o, *k, &v));
		assert_true(json_object_is_type(v, json_type_string));
	}
	assert_true(json_object_object_get_ex(o, "realtime_ns", &v));
	assert_int_equal(strtoull(json_object_get_string(v), NULL, 10), rec.hdr.realtime_ns);
	json_object_put(o);
	record_free(&rec);

	load("error_report-ramoops-hostile-torn-cut", &rec);
	report_from_record(&rep, &rec);
	assert_string_equal(report_integrity(&rep), "torn");
	record_free(&rec);
	load("dmesg-efi-20.enc.z", &rec);
	report_from_record(&rep, &rec);
	assert_string_equal(report_integrity(&rep), "bad-compression");
	record_free(&rec);
}

/* An error_report .enc.z is "compressed", never "shorter than its header". */
static void test_error_report_enc_z(void **state)
{
	struct record good, rec;
	unsigned char *z = malloc(1 << 16), *junk = malloc(300);
	z_stream zs = { 0 };

	(void)state;
	assert_non_null(z);
	assert_non_null(junk);
	for (int i = 0; i < 300; i++)
		junk[i] = (unsigned char)(i * 37 + 11);
	record_parse(&rec, "error_report-ramoops-3.enc.z", junk, 300);
	assert_int_equal(rec.status, RECORD_COMPRESSED);
	assert_string_equal(record_status_token(rec.status), "compressed");
	record_free(&rec);
	junk = malloc(8);
	assert_non_null(junk);
	memset(junk, 0x28, 8);	/* as short as any zstd frame header */
	record_parse(&rec, "error_report-ramoops-4.enc.z", junk, 8);
	assert_int_equal(rec.status, RECORD_COMPRESSED);
	record_free(&rec);

	/* Raw deflate, as older pstore compressors wrote: read. */
	load("error_report-ramoops-kfence-oob-task", &good);
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = good.data;
	zs.avail_in = (uInt)good.size;
	zs.next_out = z;
	zs.avail_out = 1 << 16;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	deflateEnd(&zs);
	record_parse(&rec, "error_report-ramoops-5.enc.z", z, zs.total_out);
	assert_int_equal(rec.status, RECORD_OK);
	assert_int_equal(rec.hdr.seq, good.hdr.seq);
	record_free(&rec);
	record_free(&good);
}

/* PRIORITY by detector: WARN warning, KASAN/KFENCE err, a panic dump crit. */
static void test_journal_priority(void **state)
{
	static const struct {
		const char *file;
		int prio;
	} v[] = {
		{ "error_report-ramoops-warn-task", 4 },
		{ "error_report-ramoops-kasan-uaf-task", 3 },
		{ "error_report-ramoops-kfence-oob-task", 3 },
		{ "dmesg-ramoops-panic", 2 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct record rec;
		struct report rep;
		char *f[JOURNAL_MAX_FIELDS], want[16];
		int n, seen = 0;

		load(v[i].file, &rec);
		report_from_record(&rep, &rec);
		assert_int_equal(journal_priority(&rep), v[i].prio);
		snprintf(want, sizeof(want), "PRIORITY=%d", v[i].prio);
		n = journal_fields(&rep, f, JOURNAL_MAX_FIELDS);
		for (int k = 0; k < n; k++) {
			seen += !strcmp(f[k], want);
			free(f[k]);
		}
		assert_int_equal(seen, 1);
		record_free(&rec);
	}
}

/* warn-task with another detector value, its header checksum redone. */
static void record_with_detector(struct record *rec, uint32_t detector)
{
	struct record good;
	unsigned char *b;
	uint32_t v;

	load("error_report-ramoops-warn-task", &good);
	b = malloc(good.size);
	assert_non_null(b);
	memcpy(b, good.data, good.size);
	v = htole32(detector);
	memcpy(b + offsetof(struct error_report_header, detector), &v, 4);
	memset(b + offsetof(struct error_report_header, header_crc32), 0, 4);
	v = htole32((uint32_t)crc32(0, b, good.hdr.header_size));
	memcpy(b + offsetof(struct error_report_header, header_crc32), &v, 4);
	record_parse(rec, "error_report-ramoops-detector", b, good.size);
	record_free(&good);
	assert_int_equal(rec->status, RECORD_OK);
}

/*
 * Every detector by its tracepoint name, in the JSON and the journal; a WARN
 * is a warning, every other detector an error; a value this reader does
 * not know is "unknown", an error, and nothing worse.
 */
static void test_detectors(void **state)
{
	static const struct {
		uint32_t detector;
		const char *name;
		int prio;
	} v[] = {
		{ ERROR_REPORT_DETECTOR_KFENCE, "kfence", 3 },
		{ ERROR_REPORT_DETECTOR_KASAN, "kasan", 3 },
		{ ERROR_REPORT_DETECTOR_WARN, "warning", 4 },
		{ ERROR_REPORT_DETECTOR_UBSAN, "ubsan", 3 },
		{ ERROR_REPORT_DETECTOR_SOFT_LOCKUP, "soft_lockup", 3 },
		{ ERROR_REPORT_DETECTOR_HARD_LOCKUP, "hard_lockup", 3 },
		{ ERROR_REPORT_DETECTOR_HUNG_TASK, "hung_task", 3 },
		{ ERROR_REPORT_DETECTOR_RCU_STALL, "rcu_stall", 3 },
		{ ERROR_REPORT_DETECTOR_OOPS, "oops", 3 },
		{ ERROR_REPORT_DETECTOR_LOCKDEP, "lockdep", 3 },
		{ ERROR_REPORT_DETECTOR_KCSAN, "kcsan", 3 },
		{ ERROR_REPORT_DETECTOR_KMSAN, "kmsan", 3 },
		{ ERROR_REPORT_DETECTOR_KMSAN + 1, "unknown", 3 },
		{ 0x80000000u, "unknown", 3 },
		{ 0xffffffffu, "unknown", 3 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		char *f[JOURNAL_MAX_FIELDS], want[64];
		struct json_object *o, *d;
		struct record rec;
		struct report rep;
		int n, seen = 0;

		record_with_detector(&rec, v[i].detector);
		assert_string_equal(detector_name(rec.hdr.detector), v[i].name);
		report_from_record(&rep, &rec);
		assert_int_equal(journal_priority(&rep), v[i].prio);
		o = report_json(&rep);
		assert_true(json_object_object_get_ex(o, "detector", &d));
		assert_string_equal(json_object_get_string(d), v[i].name);
		json_object_put(o);
		snprintf(want, sizeof(want), "KERNEL_REPORT_DETECTOR=%s", v[i].name);
		n = journal_fields(&rep, f, JOURNAL_MAX_FIELDS);
		for (int k = 0; k < n; k++) {
			seen += !strcmp(f[k], want);
			free(f[k]);
		}
		assert_int_equal(seen, 1);
		record_free(&rec);
	}
}

/* The catalog shipped in dist/ documents the MESSAGE_ID the reader sends. */
static void test_catalog(void **state)
{
	FILE *f = fopen(DIST_DIR "/pstore-reader.catalog", "r");
	char line[256];
	int found = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof(line), f))
		found += !strcmp(line, "-- " JOURNAL_MESSAGE_ID "\n");
	fclose(f);
	assert_int_equal(found, 1);
}

/* A "<N>" prefix only when stderr is the stream $JOURNAL_STREAM names. */
static void test_log_prefix(void **state)
{
	char path[] = "/tmp/pstore-reader-log.XXXXXX", env[64], buf[256];
	int fd = mkstemp(path), saved = dup(2);
	struct stat st;
	ssize_t n;

	(void)state;
	assert_true(fd >= 0 && saved >= 0);
	fstat(fd, &st);
	dup2(fd, 2);
	snprintf(env, sizeof(env), "%llu:%llu", (unsigned long long)st.st_dev,
		 (unsigned long long)st.st_ino);
	setenv("JOURNAL_STREAM", env, 1);
	log_reset();
	log_err("to the %s", "journal");
	log_warn("bad\x1b[2Jname");
	setenv("JOURNAL_STREAM", "1:2", 1);
	log_reset();
	log_err("to a terminal");
	unsetenv("JOURNAL_STREAM");
	log_reset();
	dup2(saved, 2);
	close(saved);
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_string_equal(buf, "<3>pstore-reader: to the journal\n"
				 "<4>pstore-reader: bad?[2Jname\n"
				 "pstore-reader: to a terminal\n");
	close(fd);
	unlink(path);
}

/* --- header sizes, repeats ---------------------------------------------- */

#define V1_SIZE offsetof(struct error_report_header, repeats)	/* 184 */
#define OFF(field) offsetof(struct error_report_header, field)

static void put_le64(unsigned char *b, size_t off, uint64_t v)
{
	v = htole64(v);
	memcpy(b + off, &v, 8);
}

struct header_case {
	const char *what;
	size_t header_size;	/* 0: the corpus record as it is (184) */
	uint64_t repeats;
	size_t crc_len;		/* bytes the header CRC covers; 0: header_size */
	long flip;		/* a byte flipped after the CRC, -1: none */
	enum record_status status;
	uint64_t want_repeats;
	uint64_t want_last_boot, want_last_real;
};

#define LAST_BOOT 123456789012ULL		/* 123.456789 s after boot */
#define LAST_REAL 1700000000123456789ULL	/* 2023-11-14T22:13:20.123456Z */

static const struct header_case header_cases[] = {
	{ "184-byte header (before repeats)", 0, 0, 0, -1, RECORD_OK, 0, 0, 0 },
	{ "208-byte header, repeats 5", 208, 5, 0, -1, RECORD_OK, 5, LAST_BOOT, LAST_REAL },
	{ "208-byte header, repeats 0", 208, 0, 0, -1, RECORD_OK, 0, 0, 0 },
	{ "208-byte header, a repeats bit flipped", 208, 5, 0, OFF(repeats), RECORD_BAD_HEADER_CRC, 0, 0, 0 },
	{ "208-byte header, last repeat time flipped", 208, 5, 0, OFF(last_repeat_realtime_ns) + 7,
	  RECORD_BAD_HEADER_CRC, 0, 0, 0 },
	{ "208-byte header, CRC over 184 bytes only", 208, 5, V1_SIZE, -1, RECORD_BAD_HEADER_CRC, 0, 0, 0 },
	{ "184-byte header, CRC over 208 bytes", 184, 0, 208, -1, RECORD_BAD_HEADER_CRC, 0, 0, 0 },
	/* A newer header: fields this reader does not know, skipped but checked. */
	{ "232-byte header", 232, 5, 0, -1, RECORD_OK, 5, LAST_BOOT, LAST_REAL },
	{ "232-byte header, an unknown field flipped", 232, 5, 0, 220, RECORD_BAD_HEADER_CRC, 0, 0, 0 },
	/* Headers that cover some of the new fields: those only. */
	{ "192-byte header: repeats only", 192, 5, 0, -1, RECORD_OK, 5, 0, 0 },
	{ "188-byte header: half of repeats", 188, 5, 0, -1, RECORD_OK, 0, 0, 0 },
	{ "183-byte header", 183, 0, 0, -1, RECORD_BAD_VERSION, 0, 0, 0 },
};

/*
 * warn-task with a header of @c->header_size bytes: its 184 bytes, then
 * repeats and the last repeat's times as far as the size covers them,
 * then filler; the same text. Checksums as @c says.
 */
static void record_with_header(struct record *rec, const struct header_case *c)
{
	struct record good;
	unsigned char *b, full[512];
	size_t hs, tl, crc_len;
	uint32_t crc;
	uint16_t v;

	load("error_report-ramoops-warn-task", &good);
	assert_int_equal(good.hdr.header_size, V1_SIZE);
	hs = c->header_size ? c->header_size : V1_SIZE;
	crc_len = c->crc_len ? c->crc_len : hs;
	tl = good.text_len;
	memset(full, 0xa5, sizeof(full));
	memcpy(full, good.data, V1_SIZE);
	put_le64(full, OFF(repeats), c->repeats);
	put_le64(full, OFF(last_repeat_boottime_ns), c->repeats ? LAST_BOOT : 0);
	put_le64(full, OFF(last_repeat_realtime_ns), c->repeats ? LAST_REAL : 0);
	v = htole16((uint16_t)hs);
	memcpy(full + OFF(header_size), &v, 2);
	memset(full + OFF(header_crc32), 0, 4);
	crc = htole32((uint32_t)crc32(0, full, (uInt)crc_len));
	memcpy(full + OFF(header_crc32), &crc, 4);
	if (c->flip >= 0)
		full[c->flip] ^= 0x01;
	b = malloc(hs + tl);
	assert_non_null(b);
	memcpy(b, full, hs);
	memcpy(b + hs, good.text, tl);
	record_free(&good);
	record_parse(rec, "error_report-ramoops-repeats", b, hs + tl);
}

/* A u64 JSON field: a decimal string of @want. */
static void assert_json_u64(struct json_object *o, const char *key, uint64_t want)
{
	struct json_object *v;
	char buf[24];

	if (!json_object_object_get_ex(o, key, &v))
		fail_msg("no %s", key);
	assert_true(json_object_is_type(v, json_type_string));
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)want);
	assert_string_equal(json_object_get_string(v), buf);
}

/*
 * Headers of 184 bytes (before repeats), 208 (with them) and more (a newer
 * kernel's): parsed, the CRC over all header_size bytes, repeats in the
 * JSON, the journal and show when there are any.
 */
static void test_header_sizes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(header_cases) / sizeof(header_cases[0]); i++) {
		const struct header_case *c = &header_cases[i];
		char *f[JOURNAL_MAX_FIELDS], *text = NULL, want[64];
		struct json_object *o, *back, *v;
		struct record rec, plain;
		struct report rep;
		size_t len = 0;
		int n, seen = 0;
		FILE *out;

		record_with_header(&rec, c);
		if (rec.status != c->status)
			fail_msg("%s: status %s, want %s", c->what, record_status_token(rec.status),
				 record_status_token(c->status));
		if (rec.status != RECORD_OK) {
			report_from_record(&rep, &rec);
			o = report_json(&rep);
			assert_false(json_object_object_get_ex(o, "repeats", &v));
			json_object_put(o);
			record_free(&rec);
			continue;
		}
		load("error_report-ramoops-warn-task", &plain);
		assert_int_equal(rec.hdr.header_size, c->header_size ? c->header_size : V1_SIZE);
		assert_int_equal(rec.hdr.seq, plain.hdr.seq);
		assert_int_equal(rec.text_len, plain.text_len);
		assert_memory_equal(rec.text, plain.text, plain.text_len);
		record_free(&plain);
		if (rec.hdr.repeats != c->want_repeats ||
		    rec.hdr.last_repeat_boottime_ns != c->want_last_boot ||
		    rec.hdr.last_repeat_realtime_ns != c->want_last_real)
			fail_msg("%s: repeats %llu, last %llu/%llu", c->what,
				 (unsigned long long)rec.hdr.repeats,
				 (unsigned long long)rec.hdr.last_repeat_boottime_ns,
				 (unsigned long long)rec.hdr.last_repeat_realtime_ns);

		/* JSON: repeats always, a number; the last repeat's times when any, strings. */
		report_from_record(&rep, &rec);
		o = report_json(&rep);
		back = parse_strict(json_object_to_json_string(o));
		json_object_put(o);
		assert_true(json_object_object_get_ex(back, "repeats", &v));
		assert_true(json_object_is_type(v, json_type_int));
		assert_int_equal(json_object_get_int64(v), c->want_repeats);
		if (c->want_repeats) {
			assert_json_u64(back, "last_repeat_realtime_ns", c->want_last_real);
			assert_json_u64(back, "last_repeat_boottime_ns", c->want_last_boot);
		} else {
			assert_false(json_object_object_get_ex(back, "last_repeat_realtime_ns", &v));
			assert_false(json_object_object_get_ex(back, "last_repeat_boottime_ns", &v));
		}
		assert_false(json_object_object_get_ex(back, "update", &v));
		json_object_put(back);

		/* The journal: KERNEL_REPORT_REPEATS when any. */
		snprintf(want, sizeof(want), "KERNEL_REPORT_REPEATS=%llu",
			 (unsigned long long)c->want_repeats);
		n = journal_fields(&rep, f, JOURNAL_MAX_FIELDS);
		for (int k = 0; k < n; k++) {
			seen += !strncmp(f[k], "KERNEL_REPORT_REPEATS=", 22);
			if (!strncmp(f[k], "KERNEL_REPORT_REPEATS=", 22))
				assert_string_equal(f[k], want);
			free(f[k]);
		}
		assert_int_equal(seen, c->want_repeats ? 1 : 0);

		/* show: a "repeated:" line when any, times as the report's own. */
		out = open_memstream(&text, &len);
		assert_non_null(out);
		report_print_text(&rep, out, 0);
		fclose(out);
		if (c->want_repeats && c->want_last_real)
			assert_non_null(strstr(text, "\nrepeated:  5 more times, last at "
						     "2023-11-14T22:13:20.123456Z "
						     "(123.456789 s after boot)\n"));
		else if (c->want_repeats)
			assert_non_null(strstr(text, "\nrepeated:  5 more times, last at unknown "
						     "(0.000000 s after boot)\n"));
		else
			assert_null(strstr(text, "repeated"));
		free(text);
		record_free(&rec);
	}
}

/* An update (collect replaced a copy with fewer repeats) says so, JSON and journal. */
static void test_update_marked(void **state)
{
	static const struct header_case c = { .what = "update", .header_size = 208,
					       .repeats = 1, .flip = -1 };
	char *f[JOURNAL_MAX_FIELDS], *text = NULL;
	struct json_object *o, *v;
	struct record rec;
	struct report rep;
	size_t len = 0;
	int n, seen = 0;
	FILE *out;

	(void)state;
	record_with_header(&rec, &c);
	assert_int_equal(rec.status, RECORD_OK);
	report_from_record(&rep, &rec);
	rep.update = 1;
	o = report_json(&rep);
	assert_true(json_object_object_get_ex(o, "update", &v));
	assert_true(json_object_get_boolean(v));
	json_object_put(o);
	n = journal_fields(&rep, f, JOURNAL_MAX_FIELDS);
	for (int k = 0; k < n; k++) {
		seen += !strcmp(f[k], "KERNEL_REPORT_UPDATE=1");
		seen += !strcmp(f[k], "KERNEL_REPORT_REPEATS=1");
		free(f[k]);
	}
	assert_int_equal(seen, 2);
	assert_true(n <= JOURNAL_MAX_FIELDS - 1);	/* room left */
	out = open_memstream(&text, &len);
	assert_non_null(out);
	report_print_text(&rep, out, 0);
	fclose(out);
	assert_non_null(strstr(text, "\nrepeated:  1 more time, last at "));
	free(text);
	record_free(&rec);
}

/*
 * Copies of one report with different counts in pstore at once: the one
 * counting most stands for them, whatever the order of their names.
 */
static void test_merge_copies_keeps_most_repeats(void **state)
{
	static const uint64_t counts[][3] = { { 2, 7, 3 }, { 7, 2, 3 }, { 2, 3, 7 }, { 0, 0, 0 } };

	(void)state;
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		struct record recs[4];
		size_t kept = 0, merged = 0;

		for (size_t k = 0; k < 3; k++) {
			struct header_case c = { .what = "copy", .header_size = 208,
						 .repeats = counts[i][k], .flip = -1 };

			record_with_header(&recs[k], &c);
			assert_int_equal(recs[k].status, RECORD_OK);
		}
		load("error_report-ramoops-kasan-uaf-task", &recs[3]);	/* another report */
		records_merge_copies(recs, 4);
		for (size_t k = 0; k < 3; k++) {
			if (recs[k].merged) {
				merged++;
				assert_int_equal(recs[recs[k].merged - 1].merged, 0);
				assert_int_equal(recs[recs[k].merged - 1].hdr.repeats,
						 i == 3 ? 0 : 7);
			} else {
				kept++;
				assert_int_equal(recs[k].hdr.repeats, i == 3 ? 0 : 7);
			}
		}
		assert_int_equal(kept, 1);
		assert_int_equal(merged, 2);
		assert_int_equal(recs[3].merged, 0);
		if (i == 3)
			assert_int_equal(recs[0].merged, 0);	/* equals: the first */
		for (size_t k = 0; k < 4; k++)
			record_free(&recs[k]);
	}
}

/* Each exit status means one thing; the most severe wins. */
static void test_exit_merge(void **state)
{
	(void)state;
	assert_int_equal(exit_merge(EXIT_OK, EXIT_DAMAGED), EXIT_DAMAGED);
	assert_int_equal(exit_merge(EXIT_DAMAGED, EXIT_LEFT), EXIT_LEFT);
	assert_int_equal(exit_merge(EXIT_NO_RECORD, EXIT_DAMAGED), EXIT_NO_RECORD);
	assert_int_equal(exit_merge(EXIT_FOLDER, EXIT_LEFT), EXIT_FOLDER);
	assert_int_equal(exit_merge(EXIT_JOURNAL, EXIT_NO_RECORD), EXIT_JOURNAL);
	assert_int_equal(exit_merge(EXIT_LEFT, EXIT_JOURNAL), EXIT_LEFT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_ecc_notice),
		cmocka_unit_test(test_version_2),
		cmocka_unit_test(test_version_2_blowup),
		cmocka_unit_test(test_incomplete_flag),
		cmocka_unit_test(test_open_flag),
		cmocka_unit_test(test_signature_ignores_addresses),
		cmocka_unit_test(test_guilty_frame_skips_helpers),
		cmocka_unit_test(test_json_roundtrip),
		cmocka_unit_test(test_dmesg_parts_joined),
		cmocka_unit_test(test_console_cut),
		cmocka_unit_test(test_journal_fields),
		cmocka_unit_test(test_journal_priority),
		cmocka_unit_test(test_detectors),
		cmocka_unit_test(test_catalog),
		cmocka_unit_test(test_utf8_sanitize),
		cmocka_unit_test(test_text_escape),
		cmocka_unit_test(test_hostile_json_and_text),
		cmocka_unit_test(test_json_types),
		cmocka_unit_test(test_error_report_enc_z),
		cmocka_unit_test(test_header_sizes),
		cmocka_unit_test(test_update_marked),
		cmocka_unit_test(test_merge_copies_keeps_most_repeats),
		cmocka_unit_test(test_log_prefix),
		cmocka_unit_test(test_exit_merge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
