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

/* Read a whole regular file, refusing links and anything not regular. */
int read_file_at(int dirfd, const char *name, unsigned char **data, size_t *size);

/* Largest record file read; pstore records are far smaller. */
#define RECORD_MAX_SIZE (16u << 20)

/* A file written, not yet linked into place. */
struct staged {
	int dirfd;		/* its folder */
	int fd;			/* an O_TMPFILE, or -1 when @tmp names it */
	size_t rec;		/* index of its record */
	char tmp[340];		/* fallback: a unique temporary name in @dirfd */
	char name[300];
};

struct archive_batch {
	struct staged *v;
	size_t n, cap;
};

/* What became of each record of the set, filled by staging and commit. */
struct rec_state {
	unsigned staged:1;	/* files staged (or found archived already) */
	unsigned failed:1;	/* could not be archived, or freed: left in pstore */
	unsigned fresh:1;	/* a file of it was new in the archive this run */
	unsigned updated:1;	/* ... replacing a copy of its report with fewer repeats */
	unsigned damaged:1;	/* archived raw under unparsed/ */
	unsigned archived:1;	/* all its files are in place */
	unsigned freed:1;	/* unlinked from pstore */
};

struct archive {
	int fd;			/* the archive root */
	const char *path;
	int lock_fd;		/* ARCHIVE/.lock, flock()ed for the whole run */
	int pstore_fd;
	int all_types;		/* also take console, pmsg and other records */
	int keep;		/* archive but do not unlink */
	const char *this_boot;	/* boot id of the running boot */
	char **before;		/* "before-<boot>" folders of earlier boots */
	size_t nbefore;
	struct archive_batch batch;
	struct rec_state *st;	/* one per record of the set being archived */
	/* Boot folders opened this run, kept open: records share a few. */
	struct {
		char name[80];
		int fd;
	} folders[4];
	size_t nfolders;
};

/*
 * Open (mkdir -p, 0700) the archive root @path and take its lock, waiting
 * for another collector to finish: two runs never see the same record.
 * Temporary files left by an older version killed in mid-write are
 * removed. Returns 0 or -errno (the archive is unusable).
 */
int archive_open(struct archive *a, const char *path);
void archive_close(struct archive *a);

/*
 * Stage the archive of record @idx of @set: its reports are written to
 * temporary files in the archive. A record that cannot be parsed is staged
 * as its raw bytes under unparsed/, and freed like any other. Returns 0
 * when staged (or archived already), 1 when the record is not ours to
 * take, -1 when it cannot be archived (it stays in pstore; said on stderr).
 */
int record_archive(struct archive *a, const struct record_set *set, size_t idx);

/*
 * Make everything staged durable and in place, then unlink from pstore the
 * records whose files all made it. Every failure is said on stderr.
 * Returns 0, or -errno when the archive could not be flushed (nothing is
 * unlinked then).
 */
int archive_commit(struct archive *a, const struct record_set *set);

/* Test hook: PSTORE_READER_CRASH_AT=link|unlink kills the run there. */
void crash_point(const char *where);

#endif
