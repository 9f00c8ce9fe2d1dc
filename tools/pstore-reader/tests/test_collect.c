// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for collect over copies of test/data/records: archiving,
 * freeing, damaged records, named records, dedup (same seq, reruns, an
 * earlier boot), --keep, stale temporary files, retention.
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
#include <zlib.h>

#include "../src/collect.h"
#include "../src/log.h"
#include "../src/store.h"

#ifndef DATA_DIR
#define DATA_DIR "../../test/data/records"
#endif

struct dirs {
	char root[64], archive[160];
	int pstore, archive_fd;
};

static void read_corpus(const char *file, unsigned char *buf, size_t *n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", DATA_DIR, file);
	f = fopen(path, "rb");
	assert_non_null(f);
	*n = fread(buf, 1, 65536, f);
	fclose(f);
}

static void put(int dirfd, const char *name, const void *p, size_t n)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, p, n), (ssize_t)n);
	close(fd);
}

static void copy_in(int dirfd, const char *file)
{
	unsigned char buf[65536];
	size_t n;

	read_corpus(file, buf, &n);
	put(dirfd, file, buf, n);
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
	snprintf(d->archive, sizeof(d->archive), "%s/archive", d->root);
	mkdir(d->archive, 0700);
	d->archive_fd = open(d->archive, O_RDONLY | O_DIRECTORY);
	*state = d;
	return d->pstore < 0 || d->archive_fd < 0;
}

static int teardown_dirs(void **state)
{
	struct dirs *d = *state;
	char cmd[128];

	close(d->pstore);
	close(d->archive_fd);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", d->root);
	if (system(cmd))
		return -1;
	free(d);
	return 0;
}

struct run {
	int keep;
	char **names;
	int nnames;
	struct retention retention;
	int emitted;		/* JSON lines printed */
};

static int collect(struct dirs *d, struct run *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *json = open_memstream(&buf, &len);
	struct collect_opts o = { .pstore_fd = d->pstore, .archive_dir = d->archive,
				  .keep = r ? r->keep : 0, .json = json, .quiet = 1 };
	int ret;

	if (r) {
		o.names = r->names;
		o.nnames = r->nnames;
		o.retention = r->retention;
	}
	ret = collect_run(&o);
	fclose(json);
	if (r) {
		r->emitted = 0;
		for (char *p = buf; p && *p; p++)
			r->emitted += *p == '\n';
	}
	free(buf);
	return ret;
}

static int exists(int dirfd, const char *name)
{
	struct stat st;

	return !fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW);
}

static int count_files(const char *dir)
{
	char cmd[256];
	FILE *p;
	int n = -1;

	/* Archived files: not the lock. */
	snprintf(cmd, sizeof(cmd), "find %s -type f ! -name .lock | wc -l", dir);
	p = popen(cmd, "r");
	if (p && fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p)
		pclose(p);
	return n;
}

/* Good records archived and freed; a damaged one copied byte for byte, freed. */
static void test_collect(void **state)
{
	struct dirs *d = *state;
	unsigned char want[65536], *got;
	size_t wn, gn;
	char raw[256];
	struct run r = { 0 };

	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	copy_in(d->pstore, "error_report-ramoops-warn-task");
	copy_in(d->pstore, "error_report-ramoops-hostile-torn-bitflip");
	copy_in(d->pstore, "console-ramoops-panic");
	assert_int_equal(collect(d, &r), EXIT_DAMAGED);
	assert_int_equal(r.emitted, 2);
	assert_false(exists(d->pstore, "error_report-ramoops-kasan-uaf-task"));
	assert_false(exists(d->pstore, "error_report-ramoops-hostile-torn-bitflip"));
	assert_true(exists(d->pstore, "console-ramoops-panic"));
	assert_int_equal(count_files(d->archive), 3);	/* two reports, one raw copy */

	read_corpus("error_report-ramoops-hostile-torn-bitflip", want, &wn);
	snprintf(raw, sizeof(raw), "unparsed/error_report-ramoops-hostile-torn-bitflip-%08lx.raw",
		 crc32(0L, want, (uInt)wn));
	assert_int_equal(read_file_at(d->archive_fd, raw, &got, &gn), 0);
	assert_int_equal(gn, wn);
	assert_memory_equal(got, want, wn);
	free(got);

	/* A kill between archive and unlink: the records come back, nothing is emitted. */
	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	copy_in(d->pstore, "error_report-ramoops-hostile-torn-bitflip");
	assert_int_equal(collect(d, &r), EXIT_DAMAGED);
	assert_int_equal(r.emitted, 0);
	assert_int_equal(count_files(d->archive), 3);
	assert_false(exists(d->pstore, "error_report-ramoops-kasan-uaf-task"));
	assert_false(exists(d->pstore, "error_report-ramoops-hostile-torn-bitflip"));
}

/*
 * Two records with one seq, boot and text (the corpus has such a pair: one
 * with an ECC notice): the same report twice, as a reset in the middle of
 * the kernel's compression of a record leaves it. Archived once, both
 * freed.
 */
static void test_same_seq(void **state)
{
	struct dirs *d = *state;
	struct run r = { 0 };

	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	copy_in(d->pstore, "error_report-ramoops-ecc-notice");
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 1);
	assert_false(exists(d->pstore, "error_report-ramoops-kasan-uaf-task"));
	assert_false(exists(d->pstore, "error_report-ramoops-ecc-notice"));
	assert_int_equal(count_files(d->archive), 1);
}

/*
 * A record flagged ERROR_REPORT_F_INCOMPLETE (its reporter died inside the
 * report) is sound: archived as a report and freed, not copied to
 * unparsed/ as damaged, its JSON saying "incomplete" in flags.
 */
static void test_incomplete_flag(void **state)
{
	struct dirs *d = *state;
	struct run r = { 0 };
	unsigned char *got;
	size_t gn;
	char *doc;

	copy_in(d->pstore, "error_report-ramoops-incomplete-kasan");
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 1);
	assert_false(exists(d->pstore, "error_report-ramoops-incomplete-kasan"));
	assert_false(exists(d->archive_fd, "unparsed"));
	assert_int_equal(read_file_at(d->archive_fd,
				      "3cc98ddc-0d1e-4fbf-9774-aeff34b5fff7/report-001000-kasan.json",
				      &got, &gn), 0);
	doc = strndup((const char *)got, gn);
	assert_non_null(doc);
	assert_non_null(strstr(doc, "\"integrity\":\"ok\""));
	assert_non_null(strstr(doc, "\"incomplete\""));
	free(doc);
	free(got);
}

/* collect NAME takes NAME only; a name that is not there is an error. */
static void test_named(void **state)
{
	struct dirs *d = *state;
	char *names[] = { "error_report-ramoops-warn-task", "error_report-ramoops-nope" };
	struct run r = { .names = names, .nnames = 1 };

	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	copy_in(d->pstore, "error_report-ramoops-warn-task");
	copy_in(d->pstore, "dmesg-efi-17");
	copy_in(d->pstore, "dmesg-efi-18");
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 1);
	assert_false(exists(d->pstore, "error_report-ramoops-warn-task"));
	assert_true(exists(d->pstore, "error_report-ramoops-kasan-uaf-task"));

	names[0] = "dmesg-efi-18";	/* a part stands for its dump */
	r.nnames = 2;
	assert_int_equal(collect(d, &r), EXIT_NO_RECORD);
	assert_false(exists(d->pstore, "dmesg-efi-17"));
	assert_false(exists(d->pstore, "dmesg-efi-18"));
	assert_true(exists(d->pstore, "error_report-ramoops-kasan-uaf-task"));
}

/* --keep archives once and emits once, however often it runs. */
static void test_keep(void **state)
{
	struct dirs *d = *state;
	struct run r = { .keep = 1 };

	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	copy_in(d->pstore, "dmesg-ramoops-panic");
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 2);
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 0);
	assert_true(exists(d->pstore, "error_report-ramoops-kasan-uaf-task"));
	assert_int_equal(count_files(d->archive), 2);
}

/*
 * A dmesg record archived in an earlier boot by a run killed before it
 * could free it: after the reboot it is in pstore again, and must not be
 * archived (or emitted) twice.
 */
static void test_dedup_across_boots(void **state)
{
	struct dirs *d = *state;
	struct run r = { .keep = 1 };
	char boot[64], from[256], to[256];

	copy_in(d->pstore, "dmesg-ramoops-panic");
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 1);
	this_boot_id(boot, sizeof(boot));
	snprintf(from, sizeof(from), "%s/before-%s", d->archive, boot);
	snprintf(to, sizeof(to), "%s/before-00000000-0000-0000-0000-000000000001", d->archive);
	assert_int_equal(rename(from, to), 0);	/* as if archived in an earlier boot */
	r.keep = 0;
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 0);
	assert_int_equal(count_files(d->archive), 1);
	assert_false(exists(d->pstore, "dmesg-ramoops-panic"));
}

/* Temporary files older versions left behind (killed mid-run) are removed. */
static void test_stale_tmp(void **state)
{
	struct dirs *d = *state;
	struct run r = { 0 };

	assert_int_equal(mkdirat(d->archive_fd, "3cc98ddc-0d1e-4fbf-9774-aeff34b5fff7", 0700), 0);
	put(d->archive_fd, "3cc98ddc-0d1e-4fbf-9774-aeff34b5fff7/.report-000002-kasan.json.tmp.123",
	    "x", 1);
	put(d->archive_fd, ".old.json.tmp.9", "x", 1);
	copy_in(d->pstore, "error_report-ramoops-warn-task");
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_false(exists(d->archive_fd,
			    "3cc98ddc-0d1e-4fbf-9774-aeff34b5fff7/.report-000002-kasan.json.tmp.123"));
	assert_false(exists(d->archive_fd, ".old.json.tmp.9"));
	assert_int_equal(count_files(d->archive), 1);
}

/* Unreadable things in pstore: said, left, exit 2; the rest is collected. */
static void test_unreadable(void **state)
{
	struct dirs *d = *state;
	char target[512];
	struct run r = { 0 };
	int fd;

	snprintf(target, sizeof(target), "%s/error_report-ramoops-warn-task", DATA_DIR);
	assert_int_equal(symlinkat(target, d->pstore, "error_report-ramoops-0"), 0);
	fd = openat(d->pstore, "error_report-ramoops-7", O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, RECORD_MAX_SIZE + 4096), 0);
	close(fd);
	assert_int_equal(mkfifoat(d->pstore, "error_report-ramoops-8", 0600), 0);
	copy_in(d->pstore, "error_report-ramoops-kasan-uaf-task");
	assert_int_equal(collect(d, &r), EXIT_LEFT);
	assert_int_equal(r.emitted, 1);
	assert_true(exists(d->pstore, "error_report-ramoops-0"));
	assert_true(exists(d->pstore, "error_report-ramoops-7"));
	assert_true(exists(d->pstore, "error_report-ramoops-8"));
	assert_int_equal(count_files(d->archive), 1);
}

/* An archive that cannot be written: exit 3 at once, nothing freed. */
static void test_archive_unusable(void **state)
{
	struct dirs *d = *state;
	struct run r = { 0 };

	copy_in(d->pstore, "error_report-ramoops-warn-task");
	snprintf(d->archive, sizeof(d->archive), "%s/pstore/error_report-ramoops-warn-task/x",
		 d->root);	/* under a file: ENOTDIR */
	assert_int_equal(collect(d, &r), EXIT_FOLDER);
	assert_true(exists(d->pstore, "error_report-ramoops-warn-task"));
}

static void age(int dirfd, const char *name, time_t secs_ago)
{
	struct timespec t[2] = { { time(NULL) - secs_ago, 0 }, { time(NULL) - secs_ago, 0 } };

	assert_int_equal(utimensat(dirfd, name, t, AT_SYMLINK_NOFOLLOW), 0);
}

/* Oldest first, by age, count and size; this run's files never. */
static void test_retention(void **state)
{
	struct dirs *d = *state;
	struct run r = { .retention = { .max_age = 3600 } };
	char name[64];

	assert_int_equal(mkdirat(d->archive_fd, "before-x", 0700), 0);
	for (int i = 0; i < 6; i++) {
		snprintf(name, sizeof(name), "before-x/f%d", i);
		put(d->archive_fd, name, "0123456789", 10);
		age(d->archive_fd, name, 100 * (6 - i) + (i < 2 ? 7200 : 0));
	}
	copy_in(d->pstore, "error_report-ramoops-warn-task");
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_false(exists(d->archive_fd, "before-x/f0"));	/* older than an hour */
	assert_false(exists(d->archive_fd, "before-x/f1"));
	assert_true(exists(d->archive_fd, "before-x/f2"));
	assert_int_equal(count_files(d->archive), 5);

	r.retention = (struct retention){ .max_files = 3 };
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_false(exists(d->archive_fd, "before-x/f3"));
	assert_true(exists(d->archive_fd, "before-x/f4"));
	assert_int_equal(count_files(d->archive), 3);

	/* The report is this run's only when just written: age it too. */
	r.retention = (struct retention){ .max_size = 15 };
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_false(exists(d->archive_fd, "before-x/f4"));
	assert_false(exists(d->archive_fd, "before-x/f5"));
	assert_int_equal(count_files(d->archive), 1);	/* the report, older ones gone */
	assert_false(exists(d->archive_fd, "before-x"));	/* empty, removed */
}

/* Durations and sizes for the retention options. */
static void test_parse_limits(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(parse_duration("14d", &v), 0);
	assert_int_equal(v, 14 * 86400);
	assert_int_equal(parse_duration("90m", &v), 0);
	assert_int_equal(v, 5400);
	assert_int_equal(parse_duration("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_size("64M", &v), 0);
	assert_int_equal(v, 64 << 20);
	assert_int_equal(parse_duration("3w", &v), -1);
	assert_int_equal(parse_size("-1", &v), -1);
	assert_int_equal(parse_size("1MB", &v), -1);
	assert_int_equal(parse_size("", &v), -1);
}

#define DIRS_TEST(t) cmocka_unit_test_setup_teardown(t, setup_dirs, teardown_dirs)

int main(void)
{
	const struct CMUnitTest tests[] = {
		DIRS_TEST(test_collect),
		DIRS_TEST(test_same_seq),
		DIRS_TEST(test_incomplete_flag),
		DIRS_TEST(test_named),
		DIRS_TEST(test_keep),
		DIRS_TEST(test_dedup_across_boots),
		DIRS_TEST(test_stale_tmp),
		DIRS_TEST(test_unreadable),
		DIRS_TEST(test_archive_unusable),
		DIRS_TEST(test_retention),
		cmocka_unit_test(test_parse_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
