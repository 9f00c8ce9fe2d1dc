// SPDX-License-Identifier: GPL-2.0-only
/*
 * Titles of kernel reports against the titles syzkaller gives them, one
 * test per report of the corpus in test/data/reports (see its README):
 * <name>.txt is the report or log, <name>.title the expected title.
 * Then the properties a fleet relies on: one bug, one signature; no
 * addresses in titles; every pattern of the table compiles.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/title.h"

#ifndef REPORTS_DIR
#define REPORTS_DIR "../../test/data/reports"
#endif

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t cap = 1 << 16, n = 0;

	if (!f)
		return NULL;
	buf = malloc(cap + 1);
	assert_non_null(buf);
	for (size_t r; (r = fread(buf + n, 1, cap - n, f)) > 0;) {
		n += r;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The title file's first line. */
static char *expected_title(const char *name)
{
	char path[4096];
	size_t len;
	char *t;

	snprintf(path, sizeof(path), "%s/%s.title", REPORTS_DIR, name);
	t = slurp(path, &len);
	if (!t)
		fail_msg("%s: %s", path, strerror(errno));
	t[strcspn(t, "\n")] = '\0';
	return t;
}

static void test_report(void **state)
{
	const char *name = *state;
	char path[4096];
	struct report_id id;
	size_t len;
	char *text, *want;

	snprintf(path, sizeof(path), "%s/%s.txt", REPORTS_DIR, name);
	text = slurp(path, &len);
	if (!text)
		fail_msg("%s: %s", path, strerror(errno));
	want = expected_title(name);
	if (!strcmp(want, "-")) {
		/* Not a kernel report. */
		if (!report_identify(text, len, &id))
			fail_msg("%s: titled '%s', want no title", name, id.title);
	} else {
		if (report_identify(text, len, &id))
			fail_msg("%s: no title, want '%s'", name, want);
		if (strcmp(id.title, want))
			fail_msg("%s: title '%s', want '%s'", name, id.title, want);
		assert_int_equal(strlen(id.signature), 16);
	}
	free(want);
	free(text);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The corpus' report names (without .txt), sorted. */
static size_t corpus_names(char ***out)
{
	DIR *d = opendir(REPORTS_DIR);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d) {
		fprintf(stderr, "%s: %s\n", REPORTS_DIR, strerror(errno));
		exit(1);
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);

		if (l < 5 || strcmp(e->d_name + l - 4, ".txt"))
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		names[n++] = strndup(e->d_name, l - 4);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	*out = names;
	return n;
}

/* Every row of the table compiles with PCRE2. */
static void test_rules_compile(void **state)
{
	char bad[1024] = "";

	(void)state;
	if (title_rules_check(bad, sizeof(bad)))
		fail_msg("pattern does not compile: %s", bad);
}

/* Same bug seen at other addresses, offsets, clones, CPUs, pids: one signature. */
static void test_signature_address_free(void **state)
{
	static const char a[] =
		"[   12.000000][ T4242] ------------[ cut here ]------------\n"
		"[   12.000000][ T4242] WARNING: CPU: 1 PID: 4242 at net/core/foo.c:123"
		" foo_queue.isra.0+0x1c/0x90\n"
		"[   12.000000][ T4242] RIP: 0010:foo_queue.isra.0+0x1c/0x90\n"
		"[   12.000000][ T4242] Call Trace:\n"
		"[   12.000000][ T4242]  <TASK>\n"
		"[   12.000000][ T4242]  foo_send+0x44/0x80\n"
		"[   12.000000][ T4242]  </TASK>\n";
	static const char b[] =
		"<4>[  999.123456][    C3] ------------[ cut here ]------------\n"
		"<4>[  999.123456][    C3] WARNING: CPU: 3 PID: 0 at net/core/foo.c:131"
		" foo_queue.constprop.0+0x20/0xa0\n"
		"<4>[  999.123456][    C3] RIP: 0010:foo_queue.constprop.0+0x20/0xa0\n"
		"<4>[  999.123456][    C3] Call Trace:\n"
		"<4>[  999.123456][    C3]  <IRQ>\n"
		"<4>[  999.123456][    C3]  ? foo_send+0x1/0x80\n"
		"<4>[  999.123456][    C3]  foo_timer+0x10/0x30\n"
		"<4>[  999.123456][    C3]  </IRQ>\n";
	struct report_id ia, ib;

	(void)state;
	assert_int_equal(report_identify(a, sizeof(a) - 1, &ia), 0);
	assert_int_equal(report_identify(b, sizeof(b) - 1, &ib), 0);
	assert_string_equal(ia.title, "WARNING in foo_queue");
	assert_string_equal(ia.guilty, "foo_queue");
	assert_string_equal(ia.title, ib.title);
	assert_string_equal(ia.signature, ib.signature);
}

/*
 * An error_report record holds the lines from the detector's start to its
 * end, not the log around them: "kernel BUG at" comes before an oops
 * begins, a hard lockup's panic after it ends. The record and the log of
 * one bug must still get one title and one signature.
 */
static void test_record_and_log_agree(void **state)
{
	static const struct {
		const char *name, *first, *last;
	} v[] = {
		{ "x86-kernel-bug", "Oops: invalid opcode:", "---[ end trace" },
		{ "x86-kernel-bug-list", "Oops: invalid opcode:", "---[ end trace" },
		{ "x86-kernel-bug-usercopy", "Oops: invalid opcode:", "---[ end trace" },
		{ "arm64-kernel-bug", "Internal error: Oops - BUG:", "---[ end trace" },
		{ "x86-hard-lockup-panic", "NMI watchdog: Watchdog detected", " </IRQ>" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		char path[4096];
		struct report_id log, rec;
		size_t len;
		char *text, *from, *to;

		snprintf(path, sizeof(path), "%s/%s.txt", REPORTS_DIR, v[i].name);
		text = slurp(path, &len);
		assert_non_null(text);
		from = strstr(text, v[i].first);
		assert_non_null(from);
		to = strstr(from, v[i].last);
		assert_non_null(to);
		to += strcspn(to, "\n");
		assert_int_equal(report_identify(from, (size_t)(to - from), &rec), 0);
		assert_int_equal(report_identify(text, len, &log), 0);
		free(text);
		if (strcmp(log.title, rec.title) || strcmp(log.signature, rec.signature))
			fail_msg("%s: log '%s' %s, record '%s' %s", v[i].name, log.title,
				 log.signature, rec.title, rec.signature);
	}
}

/* A title never keeps an address, an offset or a line number. */
static void test_title_without_numbers(void **state)
{
	static const char t[] =
		"Kernel panic - not syncing: bad thing at 0xffff888012345678 in cpu 3,"
		" slot 17 (drivers/x/y.c:42) func+0x10/0x20\n";
	struct report_id id;

	(void)state;
	assert_int_equal(report_identify(t, sizeof(t) - 1, &id), 0);
	assert_string_equal(id.title,
			    "kernel panic: bad thing at ADDR in cpu NUM, slot NUM (drivers/x/y.c:LINE) func");
}

/* No report: no title; hostile bytes: no crash. */
static void test_no_report(void **state)
{
	static const char t[] = "[    1.0] random: crng init done\n[    2.0] hello\n";
	static const char nul[] = "BUG: KASAN: \0\0\0 in \0\n\0WARNING:";
	struct report_id id;

	(void)state;
	assert_int_equal(report_identify(t, sizeof(t) - 1, &id), -1);
	assert_int_equal(report_identify("", 0, &id), -1);
	assert_int_equal(report_identify(nul, sizeof(nul) - 1, &id), 0);
}

int main(void)
{
	char **names;
	size_t n = corpus_names(&names);
	struct CMUnitTest *tests = calloc(n + 5, sizeof(*tests));
	size_t k = 0;
	int rc;

	if (!tests)
		return 1;
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_rules_compile);
	for (size_t i = 0; i < n; i++)
		tests[k++] = (struct CMUnitTest){ .name = names[i], .test_func = test_report,
						  .initial_state = names[i] };
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_signature_address_free);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_record_and_log_agree);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_title_without_numbers);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_no_report);
	rc = _cmocka_run_group_tests("title", tests, k, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(tests);
	return rc;
}
