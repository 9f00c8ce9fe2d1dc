/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Retention: the archive is kept within an age, a file count and a size.
 */
#ifndef PSTORE_READER_RETENTION_H
#define PSTORE_READER_RETENTION_H

#include <stdint.h>
#include <time.h>

struct retention {
	uint64_t max_age;	/* seconds; 0: no limit */
	uint64_t max_files;	/* 0: no limit */
	uint64_t max_size;	/* bytes; 0: no limit */
};

/*
 * Defaults: systemd-pstore's 14 days (its tmpfiles.d line), and a count
 * and size cap in the range of Android's DropBox and ChromeOS's spool, for
 * devices that never reboot.
 */
#define RETENTION_DEFAULT_AGE (14 * 24 * 3600ULL)
#define RETENTION_DEFAULT_FILES 1000
#define RETENTION_DEFAULT_SIZE (64ULL << 20)

/*
 * Remove the oldest archived files (report JSON, logs, unparsed records;
 * by modification time) until the archive is within @r; then the folders
 * left empty. Files written at or after @run_start (by this run) are never
 * removed: their records are gone from pstore. Returns how many files were
 * removed, or -errno when the archive cannot be listed.
 */
int retention_apply(int archive_fd, const char *path, const struct retention *r,
		    time_t run_start);

/* "14d", "12h", "90m", "30s", "3600": seconds. Returns 0 or -1. */
int parse_duration(const char *s, uint64_t *out);
/* "64M", "512K", "1G", "1000": bytes (or a plain count). Returns 0 or -1. */
int parse_size(const char *s, uint64_t *out);

#endif
