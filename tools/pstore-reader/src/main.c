// SPDX-License-Identifier: GPL-2.0-only
/*
 * pstore-reader: collect, list and show pstore records, error reports first.
 *
 * Exit status: 0 success; 1 usage error; 2 some records could not be
 * parsed or archived (they are left in pstore); 3 the pstore or archive
 * folder cannot be used.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "journal.h"
#include "report.h"
#include "store.h"

#define VERSION "0.1"

enum { EXIT_USAGE = 1, EXIT_RECORDS = 2, EXIT_FOLDER = 3 };

struct options {
	const char *pstore_dir;
	const char *archive_dir;
	int json;
	int all_types;
	int keep;
	int journal;
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: pstore-reader [OPTIONS] COMMAND [RECORD...]\n"
		"\n"
		"commands:\n"
		"  list      one line per record: file, type, integrity, title\n"
		"  show      records in full (all, or the RECORDs named)\n"
		"  collect   archive error_report and dmesg records, then unlink them\n"
		"  watch     collect, then collect again each time a record appears\n"
		"            (inotify on the pstore folder; runs until killed)\n"
		"\n"
		"options:\n"
		"  --pstore-dir DIR    records to read (default /sys/fs/pstore)\n"
		"  --archive-dir DIR   where collect archives (default /var/lib/pstore-reader)\n"
		"  --json              one JSON object per record and line\n"
		"  --all-types         collect console, pmsg and other records too\n"
		"  --keep              collect without unlinking\n"
		"  --journal           collect also sends each report to the journal\n"
		"  --help, --version\n"
		"\n"
		"exit status: 0 ok, 1 usage, 2 records left unparsed or unarchived,\n"
		"3 folder unusable\n");
}

static int wanted(const struct record *rec, int argc, char **argv)
{
	if (!argc)
		return 1;
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], rec->name))
			return 1;
	return 0;
}

static void put_json(const struct report *rep)
{
	struct json_object *j = report_json(rep);

	puts(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
					       JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(j);
}

static int cmd_show(const struct options *o, const struct record_set *set, int list,
		    int argc, char **argv)
{
	static struct report reps[MAX_REPORTS_PER_RECORD];
	int ret = set->unreadable ? EXIT_RECORDS : 0;

	for (size_t i = 0; i < set->n; i++) {
		const struct record *rec = &set->recs[i];
		size_t n;

		if (!wanted(rec, argc, argv) || rec->merged)
			continue;
		if (rec->status != RECORD_OK)
			ret = EXIT_RECORDS;
		n = reports_from_record(rec, reps, MAX_REPORTS_PER_RECORD);
		if (list && !o->json && !n)
			printf("%-28s %-12s %-10s %s\n", rec->name, "-",
			       rec->status == RECORD_OK ? "ok" : record_status_str(rec->status),
			       "(no report in it)");
		for (size_t r = 0; r < n; r++) {
			if (o->json)
				put_json(&reps[r]);
			else if (list)
				printf("%-28s %-12s %-10s %s\n", rec->name, report_source(&reps[r]),
				       report_integrity(&reps[r]),
				       reps[r].identified ? reps[r].id.title : "-");
			else
				report_print_text(&reps[r], stdout, 1);
			report_release(&reps[r]);
		}
	}
	return ret;
}

static int this_boot_id(char *buf, size_t size)
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "re");

	if (!f || !fgets(buf, (int)size, f)) {
		if (f)
			fclose(f);
		snprintf(buf, size, "unknown");
		return -1;
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static int open_archive(const char *path)
{
	char tmp[4096];

	/* mkdir -p, each level 0700. */
	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(tmp, 0700);
		*p = '/';
	}
	if (mkdir(tmp, 0700) && errno != EEXIST)
		return -1;
	return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static int cmd_collect(const struct options *o, int pstore_fd, const struct record_set *set,
		       int quiet)
{
	struct archive_batch batch = { 0 };
	struct archive_opts a = { .batch = &batch, .pstore_fd = pstore_fd,
				  .all_types = o->all_types, .keep = o->keep };
	int *staged = calloc(set->n + 1, sizeof(*staged));
	char boot[64];
	int ret = set->unreadable ? EXIT_RECORDS : 0, n = 0;

	a.archive_fd = open_archive(o->archive_dir);
	if (a.archive_fd < 0 || !staged) {
		fprintf(stderr, "pstore-reader: %s: %s\n", o->archive_dir, strerror(errno));
		free(staged);
		return EXIT_FOLDER;
	}
	this_boot_id(boot, sizeof(boot));
	a.this_boot = boot;
	for (size_t i = 0; i < set->n; i++) {
		int r = record_archive(&a, set, i);

		if (r < 0)
			ret = EXIT_RECORDS;
		staged[i] = r == 0;
	}
	if (archive_commit(&a, set, staged, &n)) {
		fprintf(stderr, "pstore-reader: %s: cannot flush: %s (nothing unlinked)\n",
			o->archive_dir, strerror(errno));
		ret = EXIT_FOLDER;
	}
	for (size_t i = 0; i < set->n && (o->json || o->journal); i++) {
		static struct report reps[MAX_REPORTS_PER_RECORD];
		size_t nr;

		if (!staged[i])
			continue;
		nr = reports_from_record(&set->recs[i], reps, MAX_REPORTS_PER_RECORD);
		for (size_t r = 0; r < nr; r++) {
			if (o->json)
				put_json(&reps[r]);
			if (o->journal && journal_send(&reps[r]) < 0) {
				fprintf(stderr, "pstore-reader: %s: journal: %s\n",
					set->recs[i].name, strerror(ENOSYS));
				ret = EXIT_RECORDS;
			}
			report_release(&reps[r]);
		}
	}
	close(a.archive_fd);
	free(staged);
	if (!o->json && (!quiet || n))
		printf("pstore-reader: collected %d record(s) into %s\n", n, o->archive_dir);
	fflush(stdout);
	return ret;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/*
 * Collect now, then every time pstore shows a new record. The kernel adds
 * error_report files as reports are stored and pstorefs reports them to
 * inotify; the wait is a blocking read, never a sleep or a poll loop.
 */
static int cmd_watch(const struct options *o, int pstore_fd)
{
	struct sigaction sa = { .sa_handler = on_signal };
	char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	int ifd, ret = 0;

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	ifd = inotify_init1(IN_CLOEXEC);
	if (ifd < 0 || inotify_add_watch(ifd, o->pstore_dir, IN_CREATE | IN_MOVED_TO) < 0) {
		fprintf(stderr, "pstore-reader: inotify on %s: %s\n", o->pstore_dir,
			strerror(errno));
		return EXIT_FOLDER;
	}
	while (!stop) {
		struct record_set set;

		if (records_load(pstore_fd, &set)) {
			ret = EXIT_FOLDER;
			break;
		}
		if (cmd_collect(o, pstore_fd, &set, 1) == EXIT_FOLDER)
			ret = EXIT_FOLDER;
		records_free(&set);
		if (ret == EXIT_FOLDER)
			break;
		/* Wait for the next file; a signal ends the wait. */
		if (read(ifd, events, sizeof(events)) < 0 && errno != EINTR) {
			ret = EXIT_FOLDER;
			break;
		}
	}
	close(ifd);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pstore-dir", required_argument, NULL, 'p' },
		{ "archive-dir", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "all-types", no_argument, NULL, 'A' },
		{ "keep", no_argument, NULL, 'k' },
		{ "journal", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct options o = { .pstore_dir = "/sys/fs/pstore",
			     .archive_dir = "/var/lib/pstore-reader" };
	struct record_set set;
	int c, fd, ret;

	while ((c = getopt_long(argc, argv, "p:a:jAkJhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			o.pstore_dir = optarg;
			break;
		case 'a':
			o.archive_dir = optarg;
			break;
		case 'j':
			o.json = 1;
			break;
		case 'A':
			o.all_types = 1;
			break;
		case 'k':
			o.keep = 1;
			break;
		case 'J':
			o.journal = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("pstore-reader " VERSION "\n");
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[optind++];

	if (strcmp(cmd, "list") && strcmp(cmd, "show") && strcmp(cmd, "collect") &&
	    strcmp(cmd, "watch")) {
		fprintf(stderr, "pstore-reader: unknown command '%s'\n", cmd);
		usage(stderr);
		return EXIT_USAGE;
	}
	fd = open(o.pstore_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0 && !strcmp(cmd, "watch")) {
		ret = cmd_watch(&o, fd);
		close(fd);
		return ret;
	}
	if (fd < 0 || records_load(fd, &set)) {
		fprintf(stderr, "pstore-reader: %s: %s\n", o.pstore_dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		return EXIT_FOLDER;
	}
	if (!strcmp(cmd, "collect"))
		ret = cmd_collect(&o, fd, &set, 0);
	else
		ret = cmd_show(&o, &set, !strcmp(cmd, "list"), argc - optind, argv + optind);
	records_free(&set);
	close(fd);
	return ret;
}
