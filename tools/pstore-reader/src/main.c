// SPDX-License-Identifier: GPL-2.0-only
/*
 * pstore-reader: collect, list and show pstore records, error reports first.
 * Exit statuses: log.h, and pstore-reader(8).
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

#include "collect.h"
#include "log.h"
#include "report.h"
#include "store.h"
#include "utf8.h"

#define VERSION "0.2"

struct options {
	const char *pstore_dir;
	int json;
	int no_legend;
	struct collect_opts c;
};

static void usage(void)
{
	printf("usage: pstore-reader [OPTIONS] COMMAND [RECORD...]\n"
	       "\n"
	       "commands:\n"
	       "  list      one line per report: FILE, SOURCE, INTEGRITY, TITLE (tab-separated)\n"
	       "  show      reports in full (all, or those of the RECORDs named)\n"
	       "  collect   archive error_report and dmesg records (all, or the RECORDs\n"
	       "            named), then free them from pstore\n"
	       "  watch     collect, then collect again each time a record appears\n"
	       "            (inotify on the pstore folder; runs until SIGTERM/SIGINT)\n"
	       "\n"
	       "options:\n"
	       "  -p, --pstore-dir DIR   records to read (default /sys/fs/pstore)\n"
	       "  -a, --archive-dir DIR  where collect archives (default /var/lib/pstore-reader)\n"
	       "  -j, --json             one JSON object per report and line (schema.json)\n"
	       "  -A, --all-types        collect console, pmsg and other records too\n"
	       "  -k, --keep             collect without freeing (reports are emitted once)\n"
	       "  -J, --journal          collect also sends each new report to the journal\n"
	       "      --no-legend        list: no header line\n"
	       "      --max-age AGE      remove archives older than AGE (default 14d; 0: never)\n"
	       "      --max-files N      keep at most N archived files (default 1000; 0: any)\n"
	       "      --max-size SIZE    keep at most SIZE bytes of archive (default 64M; 0: any)\n"
	       "  -h, --help             this help\n"
	       "  -V, --version          the version\n"
	       "\n"
	       "exit status: 0 ok; 1 usage error; 2 a record could not be read, archived or\n"
	       "freed (left in pstore); 3 the pstore or archive folder cannot be used;\n"
	       "4 a RECORD named does not exist; 5 damaged records found (collect copies\n"
	       "them as they are to unparsed/ and frees them); 6 a report could not be\n"
	       "sent to the journal. The most severe wins: 1, 3, 2, 6, 4, 5.\n");
}

/* A usage error: one line saying what, one pointing at --help. */
static int usage_error(const char *fmt, const char *arg)
{
	fputs("pstore-reader: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'pstore-reader --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

static void put_json(const struct report *rep)
{
	struct json_object *j = report_json(rep);

	puts(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
					       JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(j);
}

/* A list line: tab-separated fields, each escaped so that it holds no tab. */
static void put_list_line(const char *file, const char *source, const char *integrity,
			  const char *title)
{
	text_escape(stdout, file, strlen(file), 0);
	printf("\t%s\t%s\t", source, integrity);
	text_escape(stdout, title, strlen(title), 0);
	putchar('\n');
}

static int cmd_show(const struct options *o, int pstore_fd, int list, int argc, char **argv)
{
	static struct report reps[MAX_REPORTS_PER_RECORD];
	struct record_set set;
	int ret, err = records_load(pstore_fd, &set);

	if (err) {
		log_err("%s: %s", o->pstore_dir, strerror(-err));
		return EXIT_FOLDER;
	}
	ret = set.unreadable ? EXIT_LEFT : EXIT_OK;
	for (int k = 0; k < argc; k++) {
		size_t i;

		for (i = 0; i < set.n && strcmp(set.recs[i].name, argv[k]); i++)
			;
		if (i == set.n) {
			log_err("%s: no such record in pstore", argv[k]);
			ret = exit_merge(ret, EXIT_NO_RECORD);
		}
	}
	if (list && !o->json && !o->no_legend)
		puts("FILE\tSOURCE\tINTEGRITY\tTITLE");
	for (size_t i = 0; i < set.n; i++) {
		const struct record *rec = &set.recs[i];
		int named = !argc;
		size_t n;

		for (int k = 0; k < argc && !named; k++)
			named = !strcmp(argv[k], rec->name);
		if (!named || rec->merged)
			continue;
		if (rec->status != RECORD_OK)
			ret = exit_merge(ret, EXIT_DAMAGED);
		n = reports_from_record(rec, reps, MAX_REPORTS_PER_RECORD);
		if (list && !o->json && !n)
			put_list_line(rec->name, "-", record_status_token(rec->status), "-");
		for (size_t r = 0; r < n; r++) {
			if (o->json)
				put_json(&reps[r]);
			else if (list)
				put_list_line(rec->name, report_source(&reps[r]),
					      report_integrity(&reps[r]),
					      reps[r].identified ? reps[r].id.title : "-");
			else
				report_print_text(&reps[r], stdout, 1);
			report_release(&reps[r]);
		}
	}
	records_free(&set);
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
static int cmd_watch(struct options *o)
{
	struct sigaction sa = { .sa_handler = on_signal };
	char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	int ifd, ret = EXIT_OK;

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	ifd = inotify_init1(IN_CLOEXEC);
	if (ifd < 0 || inotify_add_watch(ifd, o->pstore_dir, IN_CREATE | IN_MOVED_TO) < 0) {
		log_err("inotify on %s: %s", o->pstore_dir, strerror(errno));
		return EXIT_FOLDER;
	}
	o->c.quiet = 1;
	while (!stop) {
		/* Failures are said as they happen; only an unusable folder ends the watch. */
		if (collect_run(&o->c) == EXIT_FOLDER) {
			ret = EXIT_FOLDER;
			break;
		}
		/* Wait for the next file; a signal ends the wait. */
		if (read(ifd, events, sizeof(events)) < 0 && errno != EINTR) {
			log_err("inotify on %s: %s", o->pstore_dir, strerror(errno));
			ret = EXIT_FOLDER;
			break;
		}
	}
	close(ifd);
	return ret;
}

enum { OPT_NO_LEGEND = 256, OPT_MAX_AGE, OPT_MAX_FILES, OPT_MAX_SIZE };

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pstore-dir", required_argument, NULL, 'p' },
		{ "archive-dir", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "all-types", no_argument, NULL, 'A' },
		{ "keep", no_argument, NULL, 'k' },
		{ "journal", no_argument, NULL, 'J' },
		{ "no-legend", no_argument, NULL, OPT_NO_LEGEND },
		{ "max-age", required_argument, NULL, OPT_MAX_AGE },
		{ "max-files", required_argument, NULL, OPT_MAX_FILES },
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct options o = {
		.pstore_dir = "/sys/fs/pstore",
		.c = { .archive_dir = "/var/lib/pstore-reader",
		       .retention = { RETENTION_DEFAULT_AGE, RETENTION_DEFAULT_FILES,
				      RETENTION_DEFAULT_SIZE } },
	};
	int c, fd, ret;

	opterr = 0;	/* our own one-line messages */
	while ((c = getopt_long(argc, argv, ":p:a:jAkJhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			o.pstore_dir = optarg;
			break;
		case 'a':
			o.c.archive_dir = optarg;
			break;
		case 'j':
			o.json = 1;
			break;
		case 'A':
			o.c.all_types = 1;
			break;
		case 'k':
			o.c.keep = 1;
			break;
		case 'J':
#ifndef HAVE_LIBSYSTEMD
			return usage_error("%s: built without libsystemd", "--journal");
#endif
			o.c.journal = 1;
			break;
		case OPT_NO_LEGEND:
			o.no_legend = 1;
			break;
		case OPT_MAX_AGE:
			if (parse_duration(optarg, &o.c.retention.max_age))
				return usage_error("--max-age: not a duration: '%s'", optarg);
			break;
		case OPT_MAX_FILES:
			if (parse_duration(optarg, &o.c.retention.max_files) ||
			    strspn(optarg, "0123456789") != strlen(optarg))
				return usage_error("--max-files: not a number: '%s'", optarg);
			break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &o.c.retention.max_size))
				return usage_error("--max-size: not a size: '%s'", optarg);
			break;
		case 'h':
			usage();
			return EXIT_OK;
		case 'V':
			printf("pstore-reader " VERSION "\n");
			return EXIT_OK;
		case ':':
			return usage_error("%s: needs an argument", argv[optind - 1]);
		default:
			return usage_error("%s: unknown option", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage_error("%s", "no command given");
	const char *cmd = argv[optind++];
	int watch = !strcmp(cmd, "watch"), collect = !strcmp(cmd, "collect");

	if (!watch && !collect && strcmp(cmd, "list") && strcmp(cmd, "show"))
		return usage_error("unknown command '%s'", cmd);
	if (watch && optind < argc)
		return usage_error("%s", "watch takes no RECORD");
	fd = open(o.pstore_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		log_err("%s: %s", o.pstore_dir, strerror(errno));
		return EXIT_FOLDER;
	}
	o.c.pstore_fd = fd;
	o.c.json = o.json ? stdout : NULL;
	o.c.names = argv + optind;
	o.c.nnames = argc - optind;
	if (watch)
		ret = cmd_watch(&o);
	else if (collect)
		ret = collect_run(&o.c);
	else
		ret = cmd_show(&o, fd, !strcmp(cmd, "list"), argc - optind, argv + optind);
	close(fd);
	return ret;
}
