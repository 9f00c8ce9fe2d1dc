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

struct archive_opts {
	int pstore_fd;		/* the pstore folder */
	int archive_fd;		/* the archive root */
	int all_types;		/* also take console, pmsg and other records */
	int keep;		/* archive but do not unlink */
	const char *this_boot;	/* boot id of the running boot */
};

/*
 * Archive @rec under the archive root and, once it is on disk, unlink it
 * from pstore. Returns 0 when archived (or already archived), 1 when the
 * record is not ours to take, -1 on error (the record stays in pstore).
 */
int record_archive(const struct archive_opts *o, const struct record *rec);

#endif
