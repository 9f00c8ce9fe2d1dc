// SPDX-License-Identifier: GPL-2.0-only
/*
 * Load the records of a pstore folder; archive them durably.
 *
 * Durability, in one batch for all records: every report is written to a
 * temporary file in its per-boot folder; one syncfs() puts them all on
 * disk; each is renamed into place without replacing anything; a second
 * syncfs() makes the renames durable; only then are the records unlinked
 * from pstore. Two flushes per run instead of two per file: collecting
 * stays as fast as copying, fsync included.
 *
 * A crash anywhere leaves each record either in pstore or archived (or
 * both): the next run finds an identical archive, writes nothing, and
 * unlinks. Nothing already archived is ever overwritten: an archive of the
 * same name with other content is kept and the new one is stored beside it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <json-c/json.h>

#include "report.h"
#include "store.h"

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct record *)a)->name, ((const struct record *)b)->name);
}

/* Read a whole regular file, refusing links and anything not regular. */
static int read_file_at(int dirfd, const char *name, unsigned char **data, size_t *size)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	for (;;) {
		if (len == cap) {
			unsigned char *n;

			if (cap >= RECORD_MAX_SIZE) {
				free(buf);
				close(fd);
				return -EFBIG;
			}
			cap = cap ? cap * 2 : 65536;
			n = realloc(buf, cap + 1);
			if (!n) {
				free(buf);
				close(fd);
				return -ENOMEM;
			}
			buf = n;
		}
		ssize_t r = read(fd, buf + len, cap - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = -errno;

			free(buf);
			close(fd);
			return err;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = '\0';
	*data = buf;
	*size = len;
	return 0;
}

int records_load(int dirfd, struct record_set *set)
{
	int fd = dup(dirfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	size_t cap = 0;

	memset(set, 0, sizeof(*set));
	if (!d) {
		int err = -errno;

		if (fd >= 0)
			close(fd);
		return err;
	}
	rewinddir(d);
	while ((de = readdir(d))) {
		unsigned char *data;
		size_t size;
		int err;

		if (de->d_name[0] == '.')
			continue;
		err = read_file_at(dirfd, de->d_name, &data, &size);
		if (err) {
			fprintf(stderr, "pstore-reader: %s: cannot read: %s (left in place)\n",
				de->d_name, err == -EINVAL ? "not a regular file" : strerror(-err));
			set->unreadable++;
			continue;
		}
		if (set->n == cap) {
			struct record *n;

			cap = cap ? cap * 2 : 16;
			n = realloc(set->recs, cap * sizeof(*n));
			if (!n) {
				free(data);
				closedir(d);
				return -ENOMEM;
			}
			set->recs = n;
		}
		record_parse(&set->recs[set->n++], de->d_name, data, size);
	}
	closedir(d);
	if (set->n)
		qsort(set->recs, set->n, sizeof(*set->recs), cmp_name);
	records_join_parts(set->recs, set->n);
	return 0;
}

void records_free(struct record_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		record_free(&set->recs[i]);
	free(set->recs);
	memset(set, 0, sizeof(*set));
}

static int mkdir_at(int dirfd, const char *name)
{
	if (mkdirat(dirfd, name, 0700) && errno != EEXIST)
		return -errno;
	return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

static int write_all(int fd, const void *p, size_t len)
{
	const char *c = p;

	while (len) {
		ssize_t w = write(fd, c, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -errno;
		c += w;
		len -= (size_t)w;
	}
	return 0;
}

static int same_files_at(int dirfd, const char *a, const char *b)
{
	unsigned char *da, *db;
	size_t la, lb;
	int same = 0;

	if (read_file_at(dirfd, a, &da, &la))
		return 0;
	if (!read_file_at(dirfd, b, &db, &lb)) {
		same = la == lb && !memcmp(da, db, la);
		free(db);
	}
	free(da);
	return same;
}

/* Write @len bytes to a temporary file in @dirfd, to be renamed to @name. */
static int stage_file(struct archive_batch *b, size_t rec, int dirfd, const char *name,
		      const void *p, size_t len)
{
	struct staged *st;
	int fd, err;

	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		struct staged *n = realloc(b->v, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		b->v = n;
		b->cap = cap;
	}
	st = &b->v[b->n];
	snprintf(st->name, sizeof(st->name), "%s", name);
	snprintf(st->tmp, sizeof(st->tmp), ".%s.tmp.%d", name, (int)getpid());
	fd = openat(dirfd, st->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	err = write_all(fd, p, len);
	close(fd);
	st->dirfd = dup(dirfd);
	if (err || st->dirfd < 0) {
		unlinkat(dirfd, st->tmp, 0);
		if (st->dirfd >= 0)
			close(st->dirfd);
		return err ? err : -errno;
	}
	st->rec = rec;
	b->n++;
	return 0;
}

/* Rename a staged file into place; an identical archive means done already. */
static int commit_file(struct staged *st)
{
	char final[320];
	int err = 0;

	for (int n = 0;; n++) {
		if (n)
			snprintf(final, sizeof(final), "%s.%d", st->name, n);
		else
			snprintf(final, sizeof(final), "%s", st->name);
		if (!renameat2(st->dirfd, st->tmp, st->dirfd, final, RENAME_NOREPLACE))
			return 0;
		if (errno != EEXIST) {
			err = -errno;
			break;
		}
		if (same_files_at(st->dirfd, st->tmp, final))
			break;	/* archived by an earlier run */
	}
	unlinkat(st->dirfd, st->tmp, 0);
	return err;
}

static int owned(const struct archive_opts *o, const struct record *rec)
{
	return rec->type == RECORD_ERROR_REPORT || rec->type == RECORD_DMESG || o->all_types;
}

/* Stage one report as pretty JSON, named @name. */
static int stage_report(struct archive_batch *b, size_t rec, int dirfd, const char *name,
			const struct report *rep)
{
	struct json_object *j = report_json(rep);
	const char *s = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY |
							  JSON_C_TO_STRING_NOSLASHESCAPE);
	size_t len = strlen(s);
	char *doc = malloc(len + 2);
	int err = -ENOMEM;

	if (doc) {
		memcpy(doc, s, len);
		doc[len] = '\n';
		err = stage_file(b, rec, dirfd, name, doc, len + 1);
		free(doc);
	}
	json_object_put(j);
	return err;
}

int record_archive(const struct archive_opts *o, const struct record_set *set, size_t idx)
{
	const struct record *rec = &set->recs[idx];
	struct report reps[MAX_REPORTS_PER_RECORD];
	unsigned long crc = crc32(0L, rec->data, (uInt)rec->size);
	char folder[80], name[300];
	size_t n;
	int bootfd, err = 0;

	if (rec->merged || !owned(o, rec))
		return 1;

	/* Records that cannot be trusted go aside as raw bytes and stay in pstore. */
	if (rec->status != RECORD_OK) {
		int ufd = mkdir_at(o->archive_fd, "unparsed");

		if (ufd >= 0) {
			snprintf(name, sizeof(name), "%s-%08lx.raw", rec->name, crc);
			err = stage_file(o->batch, SIZE_MAX, ufd, name, rec->data, rec->size);
			close(ufd);
		}
		fprintf(stderr, "pstore-reader: %s: %s: kept in pstore%s\n", rec->name,
			record_status_str(rec->status), ufd < 0 || err ? "" : ", copy in unparsed/");
		return -1;
	}

	/* An error report names its boot; anything else is from a boot before this one. */
	if (rec->type == RECORD_ERROR_REPORT)
		boot_id_str(rec->hdr.boot_id, folder);
	else
		snprintf(folder, sizeof(folder), "before-%s", o->this_boot);
	bootfd = mkdir_at(o->archive_fd, folder);
	if (bootfd < 0) {
		fprintf(stderr, "pstore-reader: %s: cannot create %s: %s\n", rec->name, folder,
			strerror(-bootfd));
		return -1;
	}

	n = reports_from_record(rec, reps, MAX_REPORTS_PER_RECORD);
	for (size_t i = 0; i < n; i++) {
		if (!err) {
			if (rec->type == RECORD_ERROR_REPORT)
				snprintf(name, sizeof(name), "report-%06llu-%s.json",
					 (unsigned long long)rec->hdr.seq,
					 detector_name(rec->hdr.detector));
			else
				snprintf(name, sizeof(name), "%s-%08lx-%zu.json", rec->name, crc, i);
			err = stage_report(o->batch, idx, bootfd, name, &reps[i]);
		}
		report_release(&reps[i]);
	}
	/* Logs (console, pmsg, ...) are kept whole too, as text. */
	if (!err && rec->type != RECORD_ERROR_REPORT && rec->type != RECORD_DMESG) {
		snprintf(name, sizeof(name), "%s-%08lx.log", rec->name, crc);
		err = stage_file(o->batch, idx, bootfd, name, rec->text, rec->text_len);
	}
	close(bootfd);
	if (err) {
		fprintf(stderr, "pstore-reader: %s: cannot archive: %s (left in pstore)\n",
			rec->name, strerror(-err));
		return -1;
	}
	return 0;
}

int archive_commit(const struct archive_opts *o, const struct record_set *set,
		   const int *staged, int *archived)
{
	struct archive_batch *b = o->batch;
	int *failed = calloc(set->n + 1, sizeof(*failed));
	int ret = 0;

	*archived = 0;
	if (!failed)
		return -ENOMEM;
	/* 1: the staged files' data on disk. */
	if (b->n && syncfs(o->archive_fd))
		ret = -errno;
	/* 2: into place, never over an archive that differs. */
	for (size_t i = 0; i < b->n; i++) {
		struct staged *st = &b->v[i];

		if (ret || commit_file(st)) {
			unlinkat(st->dirfd, st->tmp, 0);
			if (st->rec != SIZE_MAX)
				failed[st->rec] = 1;
		}
		close(st->dirfd);
	}
	/* 3: the renames on disk; only now may pstore forget the records. */
	if (!ret && b->n && syncfs(o->archive_fd))
		ret = -errno;
	for (size_t i = 0; !ret && i < set->n; i++) {
		if (!staged[i] || failed[i])
			continue;
		(*archived)++;
		if (o->keep)
			continue;
		if (unlinkat(o->pstore_fd, set->recs[i].name, 0) && errno != ENOENT)
			fprintf(stderr, "pstore-reader: %s: archived, but cannot unlink: %s\n",
				set->recs[i].name, strerror(errno));
		/* The other parts of a dump go with its first part. */
		for (size_t j = 0; j < set->n; j++)
			if (set->recs[j].merged == i + 1)
				unlinkat(o->pstore_fd, set->recs[j].name, 0);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
	free(failed);
	return ret;
}
