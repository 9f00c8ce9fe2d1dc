/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One collect run: lock the archive, read pstore, archive, free, emit.
 */
#ifndef PSTORE_READER_COLLECT_H
#define PSTORE_READER_COLLECT_H

#include <stdio.h>

#include "retention.h"

struct collect_opts {
	int pstore_fd;
	const char *archive_dir;
	int all_types;		/* console, pmsg and other records too */
	int keep;		/* archive, do not free */
	FILE *json;		/* NDJSON of the reports newly archived, or NULL */
	int journal;		/* send the reports newly archived to the journal */
	char **names;		/* only these records (none: all) */
	int nnames;
	int quiet;		/* no summary line when nothing was collected */
	struct retention retention;
};

/*
 * Collect under the archive's lock: records are read only once the lock is
 * held, so two concurrent runs never archive, emit or free one record
 * twice. A report is emitted (JSON, journal) only by the run that put it
 * in the archive, so --keep and reruns never emit it again; an error
 * report is emitted again, marked as an update, by a run that replaced its
 * archived copy with one counting more repeats. Returns an exit status
 * (log.h); every failure is said on stderr.
 */
int collect_run(const struct collect_opts *o);

/* The running boot's id, from /proc; "unknown" when it cannot be read. */
void this_boot_id(char *buf, size_t size);

#endif
