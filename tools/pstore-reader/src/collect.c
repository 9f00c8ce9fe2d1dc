// SPDX-License-Identifier: GPL-2.0-only
/*
 * collect: lock, load, archive, commit, free, emit, then keep the archive
 * within its retention limits.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "collect.h"
#include "journal.h"
#include "log.h"
#include "report.h"
#include "store.h"

void this_boot_id(char *buf, size_t size)
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "re");

	if (!f || !fgets(buf, (int)size, f))
		snprintf(buf, size, "unknown");
	if (f)
		fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
}

/*
 * Mark the records named on the command line; a part of a joined dump
 * stands for the dump. Returns EXIT_NO_RECORD when a name matches none.
 */
static int select_named(const struct collect_opts *o, const struct record_set *set,
			char *want)
{
	int ret = EXIT_OK;

	if (!o->nnames) {
		memset(want, 1, set->n);
		return ret;
	}
	for (int k = 0; k < o->nnames; k++) {
		size_t i;

		for (i = 0; i < set->n && strcmp(set->recs[i].name, o->names[k]); i++)
			;
		if (i == set->n) {
			log_err("%s: no such record in pstore", o->names[k]);
			ret = EXIT_NO_RECORD;
			continue;
		}
		want[set->recs[i].merged ? set->recs[i].merged - 1 : i] = 1;
	}
	return ret;
}

/*
 * JSON and journal entries for the reports of a record this run archived;
 * @update: its report was archived before, with fewer repeats.
 */
static int emit(const struct collect_opts *o, const struct record *rec, int update)
{
	static struct report reps[MAX_REPORTS_PER_RECORD];
	size_t n;
	int ret = EXIT_OK;

	/* Titling a record is most of collect's CPU time: not when nothing is emitted. */
	if (!o->json && !o->journal)
		return ret;
	n = reports_from_record(rec, reps, MAX_REPORTS_PER_RECORD);

	for (size_t r = 0; r < n; r++) {
		reps[r].update = update;
		if (o->json) {
			struct json_object *j = report_json(&reps[r]);

			fprintf(o->json, "%s\n",
				json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
								  JSON_C_TO_STRING_NOSLASHESCAPE));
			json_object_put(j);
		}
		if (o->journal) {
			int err = journal_send(&reps[r]);

			if (err < 0) {
				log_err("%s: cannot send to the journal: %s", rec->name,
					strerror(-err));
				ret = EXIT_JOURNAL;
			}
		}
		report_release(&reps[r]);
	}
	return ret;
}

int collect_run(const struct collect_opts *o)
{
	struct archive a = { .pstore_fd = o->pstore_fd, .all_types = o->all_types,
			     .keep = o->keep };
	struct record_set set;
	time_t start = time(NULL);
	char boot[64], *want = NULL;
	int ret = EXIT_OK, err, n = 0;

	this_boot_id(boot, sizeof(boot));
	a.this_boot = boot;
	err = archive_open(&a, o->archive_dir);
	if (err) {
		log_err("%s: cannot use the archive: %s", o->archive_dir, strerror(-err));
		return EXIT_FOLDER;
	}
	/* Only now, under the lock: what another run freed is gone from the listing. */
	err = records_load(o->pstore_fd, &set);
	if (err) {
		log_err("cannot list the pstore folder: %s", strerror(-err));
		archive_close(&a);
		return EXIT_FOLDER;
	}
	if (set.unreadable)
		ret = EXIT_LEFT;
	a.st = calloc(set.n + 1, sizeof(*a.st));
	want = calloc(set.n + 1, 1);
	if (!a.st || !want) {
		log_err("out of memory");
		ret = EXIT_LEFT;
		goto out;
	}
	ret = exit_merge(ret, select_named(o, &set, want));
	for (size_t i = 0; i < set.n; i++)
		if (want[i] && record_archive(&a, &set, i) < 0)
			ret = exit_merge(ret, EXIT_LEFT);
	if (archive_commit(&a, &set))
		ret = exit_merge(ret, EXIT_LEFT);
	for (size_t i = 0; i < set.n; i++) {
		const struct rec_state *rs = &a.st[i];
		const struct record *rec = &set.recs[i];

		if (rs->failed)
			ret = exit_merge(ret, EXIT_LEFT);
		if (!rs->archived)
			continue;
		n++;
		if (rs->damaged) {
			ret = exit_merge(ret, EXIT_DAMAGED);
			if (rs->fresh)
				log_warn("%s: damaged (%s): copied as is to unparsed/%s", rec->name,
					 record_status_str(rec->status),
					 rs->freed ? " and freed" : "");
		} else if (rs->fresh) {
			ret = exit_merge(ret, emit(o, rec, rs->updated));
		}
	}
	err = retention_apply(a.fd, o->archive_dir, &o->retention, start);
	if (err < 0)
		log_warn("%s: retention: cannot list the archive: %s", o->archive_dir,
			 strerror(-err));
	if (!o->json && (!o->quiet || n))
		printf("pstore-reader: collected %d record(s) into %s\n", n, o->archive_dir);
out:
	fflush(stdout);
	if (o->json)
		fflush(o->json);
	free(want);
	records_free(&set);
	archive_close(&a);
	return ret;
}
