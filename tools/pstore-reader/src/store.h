/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading the records of a pstore folder, and archiving them durably.
 */
#ifndef PSTORE_READER_STORE_H
#define PSTORE_READER_STORE_H

#include "record.h"

struct record_set {
	struct record *recs;
	size_t n;
	int unreadable;		/* files that could not be read (kept, reported) */
};

/*
 * Read every regular file of the folder @dirfd (opened without following
 * links), sorted by name. Files that cannot be read are reported on stderr
 * and counted. Returns 0, or -errno when the folder cannot be listed.
 */
int records_load(int dirfd, struct record_set *set);
void records_free(struct record_set *set);

/* Largest record file read; pstore records are far smaller. */
#define RECORD_MAX_SIZE (16u << 20)

/* Archive files written but not yet renamed into place. */
struct staged {
	int dirfd;
	size_t rec;		/* index of its record; SIZE_MAX: never unlink */
	char tmp[320];
	char name[300];
};

struct archive_batch {
	struct staged *v;
	size_t n, cap;
};

struct archive_opts {
	struct archive_batch *batch;
	int pstore_fd;		/* the pstore folder */
	int archive_fd;		/* the archive root */
	int all_types;		/* also take console, pmsg and other records */
	int keep;		/* archive but do not unlink */
	const char *this_boot;	/* boot id of the running boot */
};

/*
 * Stage the archive of record @idx of @set: its reports are written to
 * temporary files under the archive root. Returns 0 when staged, 1 when the
 * record is not ours to take, -1 when it cannot be archived (it stays in
 * pstore; one that cannot be parsed is copied to unparsed/ as it is).
 */
int record_archive(const struct archive_opts *o, const struct record_set *set, size_t idx);

/*
 * Make everything staged durable and in place, then unlink from pstore the
 * records whose @staged entry is set and whose files all made it. Sets
 * @archived to their number. Returns 0 or -errno (nothing is unlinked then).
 */
int archive_commit(const struct archive_opts *o, const struct record_set *set,
		   const int *staged, int *archived);

#endif
