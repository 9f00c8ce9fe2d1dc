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
#include <endian.h>
#include <json-c/json.h>
#include <zlib.h>

#include <linux/error_report.h>

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
	int updates;		/* ... of them marked "update" */
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
		r->emitted = r->updates = 0;
		for (char *p = buf; p && *p; p++)
			r->emitted += *p == '\n';
		for (char *p = buf; p && (p = strstr(p, "\"update\":true")); p++)
			r->updates++;
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

/* --- repeats: later copies of an archived report ---------------------------- */

#define OFF(field) offsetof(struct error_report_header, field)

static void put_le(unsigned char *b, size_t off, uint64_t v, size_t len)
{
	for (size_t i = 0; i < len; i++)
		b[off + i] = (unsigned char)(v >> (8 * i));
}

/*
 * warn-task (a 184-byte header) as a record with a header of @hs bytes
 * counting @repeats, its text changed a little when @other_text, as the
 * pstore file @name. Its archive's name into @archived.
 */
static void put_report(int dirfd, const char *name, size_t hs, uint64_t repeats, int other_text,
		       char *archived, size_t size)
{
	static unsigned char src[65536], b[65536 + 256];
	size_t n, tl;
	uint32_t v;
	char boot[37];
	uint64_t seq;

	read_corpus("error_report-ramoops-warn-task", src, &n);
	memcpy(&v, src + OFF(body_len), 4);
	tl = le32toh(v);
	assert_int_equal(n, 184 + tl);
	memset(b, 0, sizeof(b));
	memcpy(b, src, 184);
	if (hs >= sizeof(struct error_report_header)) {
		put_le(b, OFF(repeats), repeats, 8);
		put_le(b, OFF(last_repeat_boottime_ns), repeats ? 99000000000ULL + repeats : 0, 8);
		put_le(b, OFF(last_repeat_realtime_ns), repeats ? 1700000000000000000ULL : 0, 8);
	}
	put_le(b, OFF(header_size), hs, 2);
	memcpy(b + hs, src + 184, tl);
	if (other_text)
		b[hs + tl - 2] ^= 0x20;		/* a letter's case, before the last newline */
	put_le(b, OFF(body_crc32), crc32(0, b + hs, (uInt)tl), 4);
	put_le(b, OFF(header_crc32), 0, 4);
	put_le(b, OFF(header_crc32), crc32(0, b, (uInt)hs), 4);
	put(dirfd, name, b, hs + tl);

	boot_id_str(src + OFF(boot_id), boot);
	memcpy(&seq, src + OFF(seq), 8);
	snprintf(archived, size, "%s/report-%06llu-warning.json", boot,
		 (unsigned long long)le64toh(seq));
}

/* "repeats" of an archived report; -1 when there is no such file. */
static long long archived_repeats(int dirfd, const char *name)
{
	unsigned char *got;
	size_t gn;
	struct json_object *o, *v;
	long long n = -2;

	if (read_file_at(dirfd, name, &got, &gn))
		return -1;
	o = json_tokener_parse((const char *)got);
	if (o && json_object_object_get_ex(o, "repeats", &v) && json_object_is_type(v, json_type_int))
		n = json_object_get_int64(v);
	json_object_put(o);
	free(got);
	return n;
}

struct repeat_step {
	const char *what;
	struct {
		const char *file;	/* NULL: none */
		size_t header_size;
		uint64_t repeats;
		int other_text;
	} put[2];
	int emitted, updates;
	int files;		/* in the archive after the step */
	long long plain, dot1;	/* "repeats" of report-...json and report-...json.1; -1: none */
	int unchanged;		/* the archived file is byte for byte what it was */
};

static const struct repeat_step repeat_steps[] = {
	{ "a record from before repeats (184-byte header)",
	  { { "error_report-ramoops-1", 184, 0, 0 } }, 1, 0, 1, 0, -1, 0 },
	{ "a copy counting 2: replaces it, emitted as an update",
	  { { "error_report-ramoops-2", 208, 2, 0 } }, 1, 1, 1, 2, -1, 0 },
	{ "a copy counting 5",
	  { { "error_report-ramoops-2", 208, 5, 0 } }, 1, 1, 1, 5, -1, 0 },
	{ "a copy counting 3, fewer: archived already, nothing changes",
	  { { "error_report-ramoops-3", 208, 3, 0 } }, 0, 0, 1, 5, -1, 1 },
	{ "a copy counting 5 again (another file): nothing changes",
	  { { "error_report-ramoops-4", 208, 5, 0 } }, 0, 0, 1, 5, -1, 1 },
	{ "the first copy again, from before repeats: nothing changes",
	  { { "error_report-ramoops-1", 184, 0, 0 } }, 0, 0, 1, 5, -1, 1 },
	{ "two copies at once, 9 and 8: the 9 is archived, once",
	  { { "error_report-ramoops-5", 208, 8, 0 }, { "error_report-ramoops-6", 208, 9, 0 } },
	  1, 1, 1, 9, -1, 0 },
	{ "another text with the same seq: kept beside it, as before",
	  { { "error_report-ramoops-7", 208, 20, 1 } }, 1, 0, 2, 9, 20, 1 },
	{ "that one counting more: replaces its own copy only",
	  { { "error_report-ramoops-8", 208, 25, 1 } }, 1, 1, 2, 9, 25, 1 },
	{ "that one counting less: nothing changes",
	  { { "error_report-ramoops-8", 208, 21, 1 } }, 0, 0, 2, 9, 25, 1 },
};

/*
 * The kernel rewrites a record it holds as its count of repeats grows: a
 * collect meets later copies of a report it archived. The archive holds
 * the copy counting most under the plain name, replaced atomically; a copy
 * counting no more is archived already. Every copy is freed.
 */
static void test_repeats_update(void **state)
{
	struct dirs *d = *state;
	char name[256], dot1[260];
	unsigned char *before = NULL, *after;
	size_t bn = 0, an;

	for (size_t i = 0; i < sizeof(repeat_steps) / sizeof(repeat_steps[0]); i++) {
		const struct repeat_step *s = &repeat_steps[i];
		struct run r = { 0 };

		for (size_t k = 0; k < 2 && s->put[k].file; k++)
			put_report(d->pstore, s->put[k].file, s->put[k].header_size,
				   s->put[k].repeats, s->put[k].other_text, name, sizeof(name));
		snprintf(dot1, sizeof(dot1), "%s.1", name);
		if (collect(d, &r) != EXIT_OK || r.emitted != s->emitted || r.updates != s->updates ||
		    count_files(d->archive) != s->files ||
		    archived_repeats(d->archive_fd, name) != s->plain ||
		    archived_repeats(d->archive_fd, dot1) != s->dot1)
			fail_msg("%s: emitted %d (%d updates), %d files, repeats %lld and %lld",
				 s->what, r.emitted, r.updates, count_files(d->archive),
				 archived_repeats(d->archive_fd, name),
				 archived_repeats(d->archive_fd, dot1));
		for (size_t k = 0; k < 2 && s->put[k].file; k++)
			if (exists(d->pstore, s->put[k].file))
				fail_msg("%s: %s not freed", s->what, s->put[k].file);
		assert_false(exists(d->archive_fd, "unparsed"));
		assert_int_equal(read_file_at(d->archive_fd, name, &after, &an), 0);
		if (s->unchanged && (an != bn || memcmp(after, before, an)))
			fail_msg("%s: the archived report changed", s->what);
		free(before);
		before = after;
		bn = an;
	}
	free(before);
}

/* --keep: the record stays; each rise of its count is archived (and emitted) once. */
static void test_repeats_keep(void **state)
{
	struct dirs *d = *state;
	struct run r = { .keep = 1 };
	char name[256];

	put_report(d->pstore, "error_report-ramoops-1", 208, 1, 0, name, sizeof(name));
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 1);
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 0);
	put_report(d->pstore, "error_report-ramoops-1", 208, 4, 0, name, sizeof(name));
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 1);
	assert_int_equal(r.updates, 1);
	assert_int_equal(collect(d, &r), EXIT_OK);
	assert_int_equal(r.emitted, 0);
	assert_true(exists(d->pstore, "error_report-ramoops-1"));
	assert_int_equal(count_files(d->archive), 1);
	assert_int_equal(archived_repeats(d->archive_fd, name), 4);
}

static void age(int dirfd, const char *name, time_t secs_ago)
{
	struct timespec t[2] = { { time(NULL) - secs_ago, 0 }, { time(NULL) - secs_ago, 0 } };

	assert_int_equal(utimensat(dirfd, name, t, AT_SYMLINK_NOFOLLOW), 0);
}

/* Set the mtime of the archived files outside "before-x" @secs from now. */
static void date_archived_reports(const char *dir, long secs)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd),
		 "find %s -type f ! -name .lock ! -path '*/before-x/*' -exec touch -d @%lld {} +",
		 dir, (long long)time(NULL) + secs);
	assert_int_equal(system(cmd), 0);
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

	/*
	 * The report is this run's only if the first run wrote it in this
	 * run's second: dated a minute ahead, it is, however slow the test.
	 */
	date_archived_reports(d->archive, 60);
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
		DIRS_TEST(test_repeats_update),
		DIRS_TEST(test_repeats_keep),
		DIRS_TEST(test_retention),
		cmocka_unit_test(test_parse_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
