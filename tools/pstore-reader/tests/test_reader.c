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

#include "../src/journal.h"
#include "../src/report.h"
#include "../src/store.h"

#ifndef DATA_DIR
#define DATA_DIR "../../test/data/records"
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
	  "KASAN: slab-out-of-bounds Write in do_kasan_oob", "kasan" },
	{ "error_report-ramoops-kasan-uaf-task", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-use-after-free Read in do_kasan_uaf", "kasan" },
	{ "error_report-ramoops-kasan-uaf-hardirq", RECORD_ERROR_REPORT, RECORD_OK,
	  "KASAN: slab-use-after-free Read in do_kasan_uaf", "kasan" },
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
	  "KASAN: slab-use-after-free Read in do_kasan_uaf", "kasan" },
	{ "error_report-ramoops-hostile-torn-bitflip", RECORD_ERROR_REPORT, RECORD_TORN,
	  "KASAN: slab-use-after-free Read in do_kasan_uaf", NULL },
	{ "error_report-ramoops-hostile-torn-cut", RECORD_ERROR_REPORT, RECORD_TORN,
	  "KASAN: slab-use-after-free Read in do_kasan_uaf", NULL },
	{ "error_report-ramoops-hostile-bad-header-crc", RECORD_ERROR_REPORT,
	  RECORD_BAD_HEADER_CRC, NULL, NULL },
	{ "error_report-ramoops-hostile-version-2", RECORD_ERROR_REPORT,
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
	  "KASAN: slab-use-after-free Read in do_kasan_uaf", NULL },
	{ "dmesg-efi-19.enc.z", RECORD_DMESG, RECORD_OK,
	  "KASAN: slab-use-after-free Read in do_kasan_uaf", NULL },
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
				 record_status_str(rec.status), c->type,
				 record_status_str(c->status));
		if (c->title && rec.type == RECORD_CONSOLE)
			fail_msg("%s: console titles are per cut report", c->file);
		if (c->title && (!rep.identified || strcmp(rep.id.title, c->title)))
			fail_msg("%s: title '%s', want '%s'", c->file,
				 rep.identified ? rep.id.title : "(none)", c->title);
		if (!c->title && rec.type == RECORD_ERROR_REPORT && rep.identified)
			fail_msg("%s: a title from an untrusted header", c->file);
		if (c->detector)
			assert_string_equal(detector_name(rec.hdr.detector), c->detector);
		record_free(&rec);
	}
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
	assert_string_equal(reps[0].id.title, "KASAN: slab-use-after-free Read in do_kasan_uaf");
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
	load("error_report-ramoops-kasan-uaf-hardirq", &b);
	report_from_record(&ra, &a);
	report_from_record(&rb, &b);
	assert_string_equal(ra.id.title, rb.id.title);
	assert_string_equal(ra.id.guilty, "do_kasan_uaf");
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

/* --- collect ------------------------------------------------------------- */

struct dirs {
	char root[64];
	int pstore, archive;
};

static void copy_in(int dirfd, const char *file)
{
	char path[512];
	unsigned char buf[65536];
	FILE *f;
	size_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", DATA_DIR, file);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	fd = openat(dirfd, file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, n), (ssize_t)n);
	close(fd);
}

static int setup_dirs(void **state)
{
	struct dirs *d = calloc(1, sizeof(*d));
	char p[128];

	snprintf(d->root, sizeof(d->root), "/tmp/pstore-reader-test.XXXXXX");
	if (!mkdtemp(d->root))
		return -1;
	snprintf(p, sizeof(p), "%s/pstore", d->root);
	mkdir(p, 0700);
	d->pstore = open(p, O_RDONLY | O_DIRECTORY);
	snprintf(p, sizeof(p), "%s/archive", d->root);
	mkdir(p, 0700);
	d->archive = open(p, O_RDONLY | O_DIRECTORY);
	*state = d;
	return d->pstore < 0 || d->archive < 0;
}

static int teardown_dirs(void **state)
{
	struct dirs *d = *state;
	char cmd[128];

	close(d->pstore);
	close(d->archive);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", d->root);
	if (system(cmd))
		return -1;
	free(d);
	return 0;
}

static int collect(struct dirs *d, int *archived, int *failed)
{
	struct archive_batch batch = { 0 };
	struct archive_opts o = { .batch = &batch, .pstore_fd = d->pstore,
				  .archive_fd = d->archive,
				  .this_boot = "00000000-0000-0000-0000-000000000000" };
	struct record_set set;
	int ret = records_load(d->pstore, &set), staged[64] = { 0 };

	*archived = *failed = 0;
	assert_true(set.n <= 64);
	for (size_t i = 0; i < set.n; i++) {
		int r = record_archive(&o, &set, i);

		staged[i] = r == 0;
		*failed += r < 0;
	}
	assert_int_equal(archive_commit(&o, &set, staged, archived), 0);
	*failed += set.unreadable;
	records_free(&set);
	return ret;
}

static int count_files(const char *dir)
{
	char cmd[256];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "find %s -type f | wc -l", dir);
	p = popen(cmd, "r");
	if (p && fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p)
		pclose(p);
	return n;
}

/* Good records are archived and unlinked; bad ones stay; a rerun adds nothing. */
static void test_collect(void **state)
{
	struct dirs *d = *state;
	char archive[128];
	int archived, failed;
	struct stat st;

	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	copy_in(d->pstore, "error_report-ramoops-warn-task");
	copy_in(d->pstore, "error_report-ramoops-hostile-torn-bitflip");
	copy_in(d->pstore, "console-ramoops-panic");
	assert_int_equal(collect(d, &archived, &failed), 0);
	assert_int_equal(archived, 2);
	assert_int_equal(failed, 1);
	assert_int_equal(fstatat(d->pstore, "error_report-ramoops-kasan-uaf-task", &st, 0), -1);
	assert_int_equal(fstatat(d->pstore, "error_report-ramoops-hostile-torn-bitflip", &st, 0), 0);
	assert_int_equal(fstatat(d->pstore, "console-ramoops-panic", &st, 0), 0);

	snprintf(archive, sizeof(archive), "%s/archive", d->root);
	int files = count_files(archive);

	assert_int_equal(files, 3);	/* two reports, one unparsed copy */

	/* A crash between archive and unlink: the records come back. */
	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	assert_int_equal(collect(d, &archived, &failed), 0);
	assert_int_equal(archived, 1);
	assert_int_equal(count_files(archive), files);
	assert_int_equal(fstatat(d->pstore, "error_report-ramoops-kasan-uaf-task", &st, 0), -1);
}

/* A symlink in the pstore folder is never followed. */
static void test_symlink_refused(void **state)
{
	struct dirs *d = *state;
	int archived, failed;
	char target[512];

	snprintf(target, sizeof(target), "%s/error_report-ramoops-warn-task", DATA_DIR);
	assert_int_equal(symlinkat(target, d->pstore, "error_report-ramoops-0"), 0);
	assert_int_equal(collect(d, &archived, &failed), 0);
	assert_int_equal(archived, 0);
	assert_int_equal(failed, 1);
}

/* Oversized and unreadable files: reported, counted, left in place. */
static void test_oversized_and_unreadable(void **state)
{
	struct dirs *d = *state;
	int archived, failed, fd;
	struct stat st;

	(void)state;
	fd = openat(d->pstore, "error_report-ramoops-7", O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, RECORD_MAX_SIZE + 4096), 0);
	close(fd);
	assert_int_equal(mkfifoat(d->pstore, "error_report-ramoops-8", 0600), 0);
	copy_in(d->pstore, "error_report-ramoops-warn-task");
	assert_int_equal(collect(d, &archived, &failed), 0);
	assert_int_equal(archived, 1);
	assert_int_equal(failed, 2);
	assert_int_equal(fstatat(d->pstore, "error_report-ramoops-7", &st, 0), 0);
	assert_int_equal(fstatat(d->pstore, "error_report-ramoops-8", &st, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_ecc_notice),
		cmocka_unit_test(test_signature_ignores_addresses),
		cmocka_unit_test(test_guilty_frame_skips_helpers),
		cmocka_unit_test(test_json_roundtrip),
		cmocka_unit_test(test_dmesg_parts_joined),
		cmocka_unit_test(test_console_cut),
		cmocka_unit_test(test_journal_fields),
		cmocka_unit_test_setup_teardown(test_collect, setup_dirs, teardown_dirs),
		cmocka_unit_test_setup_teardown(test_symlink_refused, setup_dirs, teardown_dirs),
		cmocka_unit_test_setup_teardown(test_oversized_and_unreadable, setup_dirs,
						teardown_dirs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
