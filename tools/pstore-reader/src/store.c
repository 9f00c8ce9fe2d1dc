// SPDX-License-Identifier: GPL-2.0-only
/*
 * Load the records of a pstore folder; archive them durably.
 *
 * Durability, in one batch for all records: every report is written to an
 * unnamed O_TMPFILE in its per-boot folder (or, where the filesystem has
 * none, a file of a unique random name); one syncfs() puts their data on
 * disk, file data and folders alike (one flush for all: an fsync() per
 * file and folder costs a journal commit each, and made collect twice as
 * slow); each is linked into place without replacing anything; a second
 * syncfs() makes the links durable; only then are the records unlinked
 * from pstore.
 *
 * A kill anywhere leaves each record either in pstore or archived (or
 * both), and no temporary file: the next run finds an identical archive,
 * writes nothing, and unlinks. Records without a boot id (dmesg, console)
 * are looked for in the folders of earlier boots too, so a kill between
 * link and unlink followed by a reboot does not archive them twice.
 * Nothing already archived is ever overwritten: an archive of the same
 * name with other content is kept and the new one is stored beside it.
 * The one exception is a later copy of an archived error report with a
 * higher count of repeats (the kernel rewrites a record it holds as the
 * count grows): it takes the archived copy's place, renamed over it, and
 * a copy that counts no more than the archived one is archived already.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include <json-c/json.h>

#include "log.h"
#include "report.h"
#include "store.h"

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct record *)a)->name, ((const struct record *)b)->name);
}

int read_file_at(int dirfd, const char *name, unsigned char **data, size_t *size)
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
			log_err("%s: cannot read: %s (left in pstore)", de->d_name,
				err == -EINVAL ? "not a regular file" :
				err == -ELOOP ? "a symbolic link" : strerror(-err));
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
	records_merge_copies(set->recs, set->n);
	return 0;
}

void records_free(struct record_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		record_free(&set->recs[i]);
	free(set->recs);
	memset(set, 0, sizeof(*set));
}

void crash_point(const char *where)
{
	const char *want = getenv("PSTORE_READER_CRASH_AT");

	if (want && !strcmp(want, where))
		kill(getpid(), SIGKILL);
}

static int mkdir_at(int dirfd, const char *name)
{
	if (mkdirat(dirfd, name, 0700) && errno != EEXIST)
		return -errno;
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
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

/* ".<name>.tmp.<anything>": this version's fallback, and every older one's. */
static int stale_tmp(const char *name)
{
	return name[0] == '.' && strstr(name, ".tmp.");
}

/* Remove the temporary files a killed run left in @dirfd; note the folders. */
static void clean_folder(struct archive *a, int dirfd, int root)
{
	int fd = dup(dirfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	rewinddir(d);	/* a dup shares the offset an earlier listing left at the end */
	while ((de = readdir(d))) {
		if (stale_tmp(de->d_name)) {
			if (unlinkat(dirfd, de->d_name, 0) && errno != ENOENT)
				log_warn("%s: cannot remove the stale temporary file %s: %s",
					 a->path, de->d_name, strerror(errno));
			continue;
		}
		if (!root || de->d_name[0] == '.' || de->d_type != DT_DIR)
			continue;
		int sub = openat(dirfd, de->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

		if (sub < 0)
			continue;
		clean_folder(a, sub, 0);
		close(sub);
		/* Earlier boots' folders hold records without a boot id. */
		if (!strncmp(de->d_name, "before-", 7) && strcmp(de->d_name + 7, a->this_boot)) {
			char **n = realloc(a->before, (a->nbefore + 1) * sizeof(*n));

			if (n && (n[a->nbefore] = strdup(de->d_name))) {
				a->before = n;
				a->nbefore++;
			} else if (n) {
				a->before = n;
			}
		}
	}
	closedir(d);
}

int archive_open(struct archive *a, const char *path)
{
	char tmp[4096];
	struct rlimit rl;
	int err;

	a->path = path;
	a->fd = a->lock_fd = -1;
	/* mkdir -p, each level 0700. */
	if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(tmp, 0700);
		*p = '/';
	}
	if (mkdir(tmp, 0700) && errno != EEXIST)
		return -errno;
	a->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (a->fd < 0)
		return -errno;
	/* Opened for writing: a read-only archive fails here, not on every record. */
	a->lock_fd = openat(a->fd, ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (a->lock_fd < 0) {
		err = -errno;
		close(a->fd);
		a->fd = -1;
		return err;
	}
	while (flock(a->lock_fd, LOCK_EX)) {
		if (errno != EINTR) {
			err = -errno;
			archive_close(a);
			return err;
		}
	}
	clean_folder(a, a->fd, 1);
	/* Each staged file holds a descriptor until commit: allow many. */
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	return 0;
}

void archive_close(struct archive *a)
{
	for (size_t i = 0; i < a->batch.n; i++) {
		if (a->batch.v[i].fd >= 0)
			close(a->batch.v[i].fd);
		close(a->batch.v[i].dirfd);
	}
	free(a->batch.v);
	for (size_t i = 0; i < a->nbefore; i++)
		free(a->before[i]);
	free(a->before);
	free(a->st);
	for (size_t i = 0; i < a->nfolders; i++)
		close(a->folders[i].fd);
	a->nfolders = 0;
	if (a->lock_fd >= 0)
		close(a->lock_fd);	/* drops the lock */
	if (a->fd >= 0)
		close(a->fd);
	a->before = NULL;
	a->st = NULL;
	a->nbefore = 0;
	memset(&a->batch, 0, sizeof(a->batch));
	a->fd = a->lock_fd = -1;
}

/* ".<name>.tmp.<64 random bits>": a name no other file has, that stale_tmp() knows. */
static void tmp_name(char *buf, size_t size, const char *name, int tries)
{
	unsigned long long r;

	if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != sizeof(r))
		r = ((unsigned long long)getpid() << 32) ^ (unsigned long long)time(NULL) ^
		    (unsigned long long)tries;
	snprintf(buf, size, ".%.300s.tmp.%016llx", name, r);
}

/*
 * A temporary file in @dirfd for @name: unnamed (O_TMPFILE), so a kill
 * leaves nothing behind; where the filesystem cannot (or descriptors run
 * out), a name with 64 random bits, created exclusively, so no two files
 * ever share one. Returns a descriptor, or -errno.
 */
static int tmp_open(int dirfd, struct staged *st, const char *name)
{
	int fd;

	st->tmp[0] = '\0';
	fd = openat(dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL &&
			errno != EMFILE))
		return fd >= 0 ? fd : -errno;
	for (int tries = 0; tries < 16; tries++) {
		tmp_name(st->tmp, sizeof(st->tmp), name, tries);
		fd = openat(dirfd, st->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			    0600);
		if (fd >= 0 || errno != EEXIST)
			return fd >= 0 ? fd : -errno;
	}
	return -EEXIST;
}

/* Write @len bytes to a temporary file in @dirfd, to be linked as @name. */
static int stage_file(struct archive *a, size_t rec, int dirfd, const char *name,
		      const void *p, size_t len)
{
	struct archive_batch *b = &a->batch;
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
	fd = tmp_open(dirfd, st, name);
	if (fd < 0)
		return fd;
	err = write_all(fd, p, len);
	st->dirfd = err ? -1 : fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
	if (err || st->dirfd < 0) {
		if (!err)
			err = -errno;
		close(fd);
		if (st->tmp[0] && unlinkat(dirfd, st->tmp, 0))
			log_warn("%s: cannot remove %s: %s", a->path, st->tmp, strerror(errno));
		return err;
	}
	if (st->tmp[0]) {
		/* A named file is closed now: flush it now. */
		err = fdatasync(fd) ? -errno : 0;
		close(fd);
		fd = -1;
		if (err) {
			close(st->dirfd);
			if (unlinkat(dirfd, st->tmp, 0))
				log_warn("%s: cannot remove %s: %s", a->path, st->tmp, strerror(errno));
			return err;
		}
	}
	st->fd = fd;
	st->rec = rec;
	b->n++;
	return 0;
}

/* The staged file's content, for comparing with an archive of the same name. */
static int staged_content(struct staged *st, unsigned char **data, size_t *size)
{
	struct stat s;
	unsigned char *buf;

	if (st->fd < 0)
		return read_file_at(st->dirfd, st->tmp, data, size);
	if (fstat(st->fd, &s) || (size_t)s.st_size > RECORD_MAX_SIZE * 4)
		return -EFBIG;
	buf = malloc((size_t)s.st_size + 1);
	if (!buf)
		return -ENOMEM;
	if (pread(st->fd, buf, (size_t)s.st_size, 0) != s.st_size) {
		free(buf);
		return -EIO;
	}
	*data = buf;
	*size = (size_t)s.st_size;
	return 0;
}

/* What an archived file is to the staged file of the same name. */
enum archived {
	ARCHIVED_OTHER,		/* other content: keep it, store ours beside it */
	ARCHIVED_SAME,		/* the same bytes: ours is archived already */
	ARCHIVED_COVERS,	/* the same report, counting as many repeats or more */
	ARCHIVED_OLDER,		/* the same report, counting fewer repeats: replace it */
};

static struct json_object *parse_doc(const unsigned char *p, size_t len)
{
	struct json_tokener *tok;
	struct json_object *o;

	if (len > INT32_MAX)
		return NULL;
	tok = json_tokener_new();
	if (!tok)
		return NULL;
	o = json_tokener_parse_ex(tok, (const char *)p, (int)len);
	json_tokener_free(tok);
	if (o && !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		o = NULL;
	}
	return o;
}

/* Both have @key, a string, and the same one. */
static int same_string(struct json_object *a, struct json_object *b, const char *key)
{
	struct json_object *va, *vb;

	if (!json_object_object_get_ex(a, key, &va) || !json_object_object_get_ex(b, key, &vb) ||
	    !json_object_is_type(va, json_type_string) || !json_object_is_type(vb, json_type_string))
		return 0;
	return json_object_get_string_len(va) == json_object_get_string_len(vb) &&
	       !memcmp(json_object_get_string(va), json_object_get_string(vb),
		       (size_t)json_object_get_string_len(va));
}

/* "repeats" of an error report's JSON; 0 when an older reader wrote it without; -1 if bad. */
static int64_t repeats_of(struct json_object *o)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, "repeats", &v))
		return 0;
	if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0)
		return -1;
	return json_object_get_int64(v);
}

/*
 * Two JSON documents of one error report, as archived and as staged: the
 * same boot, sequence number, detector and text. Which counts more?
 */
static enum archived compare_reports(const unsigned char *da, size_t la, const unsigned char *db,
				     size_t lb)
{
	static const char *const same[] = { "boot_id", "seq", "detector", "text" };
	struct json_object *a = parse_doc(da, la), *b = a ? parse_doc(db, lb) : NULL;
	enum archived ret = ARCHIVED_OTHER;
	struct json_object *src;
	int64_t ra, rb;

	if (!a || !b || !same_string(a, b, "source") ||
	    !json_object_object_get_ex(a, "source", &src) ||
	    strcmp(json_object_get_string(src), "error_report"))
		goto out;
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++)
		if (!same_string(a, b, same[i]))
			goto out;
	ra = repeats_of(a);
	rb = repeats_of(b);
	if (ra >= 0 && rb >= 0)
		ret = rb > ra ? ARCHIVED_OLDER : ARCHIVED_COVERS;
out:
	json_object_put(a);
	json_object_put(b);
	return ret;
}

static enum archived archived_vs_staged(struct staged *st, const char *final)
{
	unsigned char *da, *db;
	size_t la, lb;
	enum archived ret = ARCHIVED_OTHER;

	if (read_file_at(st->dirfd, final, &da, &la))
		return ret;
	if (!staged_content(st, &db, &lb)) {
		if (la == lb && !memcmp(da, db, la))
			ret = ARCHIVED_SAME;
		else
			ret = compare_reports(da, la, db, lb);
		free(db);
	}
	free(da);
	return ret;
}

/* Link (or rename) a staged file to @final, never replacing a file. */
static int link_staged(struct staged *st, const char *final)
{
	char proc[64];

	if (st->fd < 0)
		return renameat2(st->dirfd, st->tmp, st->dirfd, final, RENAME_NOREPLACE) ? -errno : 0;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", st->fd);
	if (!linkat(AT_FDCWD, proc, st->dirfd, final, AT_SYMLINK_FOLLOW))
		return 0;
	if (errno != ENOENT)
		return -errno;
	/* No /proc mounted: AT_EMPTY_PATH does the same (with CAP_DAC_READ_SEARCH). */
	return linkat(st->fd, "", st->dirfd, final, AT_EMPTY_PATH) ? -errno : 0;
}

/*
 * Put the staged file in place of @final, atomically: renamed over it.
 * An unnamed (O_TMPFILE) file gets a temporary name first, one a killed
 * run's cleanup removes.
 */
static int replace_with_staged(struct staged *st, const char *final)
{
	char tmp[sizeof(st->tmp)];
	int err = -EEXIST;

	if (st->fd < 0)
		return renameat(st->dirfd, st->tmp, st->dirfd, final) ? -errno : 0;
	for (int tries = 0; tries < 16 && err == -EEXIST; tries++) {
		tmp_name(tmp, sizeof(tmp), st->name, tries);
		err = link_staged(st, tmp);
	}
	if (err)
		return err;
	if (renameat(st->dirfd, tmp, st->dirfd, final)) {
		err = -errno;
		unlinkat(st->dirfd, tmp, 0);
	}
	return err;
}

/*
 * Put a staged file in place: 1 when linked, 2 when it replaced an older
 * copy of its report (fewer repeats), 0 when the archive has it already
 * (an earlier run's identical file, or a copy counting as many repeats or
 * more), or -errno.
 */
static int commit_file(struct staged *st)
{
	char final[340];

	for (int n = 0; n < 1000; n++) {
		int err;

		if (n)
			snprintf(final, sizeof(final), "%s.%d", st->name, n);
		else
			snprintf(final, sizeof(final), "%s", st->name);
		err = link_staged(st, final);
		if (!err)
			return 1;
		if (err != -EEXIST)
			return err;
		switch (archived_vs_staged(st, final)) {
		case ARCHIVED_SAME:
		case ARCHIVED_COVERS:
			return 0;
		case ARCHIVED_OLDER:
			err = replace_with_staged(st, final);
			return err ? err : 2;
		case ARCHIVED_OTHER:
			break;
		}
	}
	return -EEXIST;
}

static int owned(const struct archive *a, const struct record *rec)
{
	return rec->type == RECORD_ERROR_REPORT || rec->type == RECORD_DMESG || a->all_types;
}

/*
 * A record without a boot id archived by a run of an earlier boot (killed
 * between link and unlink): the same file, same content, in a before-*
 * folder of another boot.
 */
static int archived_before(const struct archive *a, const char *name, const void *p,
			   size_t len)
{
	for (size_t i = 0; i < a->nbefore; i++) {
		char path[600];
		unsigned char *data;
		size_t size;
		int same;

		snprintf(path, sizeof(path), "%s/%s", a->before[i], name);
		if (read_file_at(a->fd, path, &data, &size))
			continue;
		same = size == len && !memcmp(data, p, len);
		free(data);
		if (same)
			return 1;
	}
	return 0;
}

/* Stage @len bytes as @name, unless an earlier boot's run archived them. */
static int stage_doc(struct archive *a, size_t rec, int dirfd, const char *name,
		     const void *p, size_t len, int boot_less)
{
	if (boot_less && archived_before(a, name, p, len))
		return 0;
	return stage_file(a, rec, dirfd, name, p, len);
}

/* Stage one report as pretty JSON, named @name. */
static int stage_report(struct archive *a, size_t rec, int dirfd, const char *name,
			const struct report *rep, int boot_less)
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
		err = stage_doc(a, rec, dirfd, name, doc, len + 1, boot_less);
		free(doc);
	}
	json_object_put(j);
	return err;
}

/*
 * A record that cannot be parsed: its file, byte for byte as pstore has it
 * (not as parsed: no ECC notice removed, nothing inflated), under
 * unparsed/, named by its content so a rerun finds it.
 */
static int archive_raw(struct archive *a, const struct record *rec, size_t idx)
{
	unsigned char *raw;
	size_t size;
	char name[300];
	int ufd, err;

	err = read_file_at(a->pstore_fd, rec->name, &raw, &size);
	if (!err) {
		ufd = mkdir_at(a->fd, "unparsed");
		err = ufd;
		if (ufd >= 0) {
			snprintf(name, sizeof(name), "%.255s-%08lx.raw", rec->name,
				 crc32(0L, raw, (uInt)size));
			err = stage_file(a, idx, ufd, name, raw, size);
			close(ufd);
		}
		free(raw);
	}
	if (err) {
		log_err("%s: %s, and cannot be archived: %s (left in pstore)", rec->name,
			record_status_str(rec->status), strerror(-err));
		return -1;
	}
	a->st[idx].damaged = 1;
	a->st[idx].staged = 1;
	return 0;
}

/*
 * The archive's folder @name, created if need be. The first few stay open
 * for the run (*kept set, not to be closed): the records of a collect come
 * from one or two boots, and a mkdir, open and close per record was a
 * tenth of collect's system time.
 */
static int folder_at(struct archive *a, const char *name, int *kept)
{
	int fd;

	*kept = 0;
	for (size_t i = 0; i < a->nfolders; i++) {
		if (!strcmp(a->folders[i].name, name)) {
			*kept = 1;
			return a->folders[i].fd;
		}
	}
	fd = mkdir_at(a->fd, name);
	if (fd >= 0 && a->nfolders < sizeof(a->folders) / sizeof(a->folders[0]) &&
	    strlen(name) < sizeof(a->folders[0].name)) {
		snprintf(a->folders[a->nfolders].name, sizeof(a->folders[0].name), "%s", name);
		a->folders[a->nfolders++].fd = fd;
		*kept = 1;
	}
	return fd;
}

int record_archive(struct archive *a, const struct record_set *set, size_t idx)
{
	const struct record *rec = &set->recs[idx];
	struct report reps[MAX_REPORTS_PER_RECORD];
	unsigned long crc;
	char folder[80], name[300];
	int boot_less = rec->type != RECORD_ERROR_REPORT;
	size_t n;
	int bootfd, kept, err = 0;

	if (rec->merged || !owned(a, rec))
		return 1;
	if (rec->status != RECORD_OK)
		return archive_raw(a, rec, idx);

	/* An error report names its boot; anything else is from a boot before this one. */
	if (!boot_less)
		boot_id_str(rec->hdr.boot_id, folder);
	else
		snprintf(folder, sizeof(folder), "before-%s", a->this_boot);
	bootfd = folder_at(a, folder, &kept);
	if (bootfd < 0) {
		log_err("%s: cannot create %s/%s: %s (left in pstore)", rec->name, a->path, folder,
			strerror(-bootfd));
		return -1;
	}

	/* Only names of boot-less files carry the CRC: not worth a pass over every record. */
	crc = boot_less ? crc32(0L, rec->data, (uInt)rec->size) : 0;
	n = reports_from_record(rec, reps, MAX_REPORTS_PER_RECORD);
	for (size_t i = 0; i < n; i++) {
		if (!err) {
			if (!boot_less)
				snprintf(name, sizeof(name), "report-%06llu-%s.json",
					 (unsigned long long)rec->hdr.seq,
					 detector_name(rec->hdr.detector));
			else
				snprintf(name, sizeof(name), "%.255s-%08lx-%zu.json", rec->name, crc, i);
			err = stage_report(a, idx, bootfd, name, &reps[i], boot_less);
		}
		report_release(&reps[i]);
	}
	/* Logs (console, pmsg, ...) are kept whole too, as text. */
	if (!err && rec->type != RECORD_ERROR_REPORT && rec->type != RECORD_DMESG) {
		snprintf(name, sizeof(name), "%.255s-%08lx.log", rec->name, crc);
		err = stage_doc(a, idx, bootfd, name, rec->text, rec->text_len, 1);
	}
	if (!kept)
		close(bootfd);
	if (err) {
		log_err("%s: cannot archive: %s (left in pstore)", rec->name, strerror(-err));
		return -1;
	}
	a->st[idx].staged = 1;
	return 0;
}

/* Unlink a record (and the parts joined into it) from pstore. */
static int free_record(struct archive *a, const struct record_set *set, size_t i)
{
	int ret = 0;

	if (unlinkat(a->pstore_fd, set->recs[i].name, 0) && errno != ENOENT) {
		log_err("%s: archived, but cannot be freed from pstore: %s", set->recs[i].name,
			strerror(errno));
		ret = -1;
	}
	for (size_t j = 0; j < set->n; j++)
		if (set->recs[j].merged == i + 1 && unlinkat(a->pstore_fd, set->recs[j].name, 0) &&
		    errno != ENOENT) {
			log_err("%s: archived, but cannot be freed from pstore: %s",
				set->recs[j].name, strerror(errno));
			ret = -1;
		}
	return ret;
}

int archive_commit(struct archive *a, const struct record_set *set)
{
	struct archive_batch *b = &a->batch;
	int ret = 0, nlinked = 0;

	/*
	 * 1: the staged files' data on disk, all in one flush: fsync() of
	 * each would cost a journal commit per file.
	 */
	if (!ret && b->n && syncfs(a->fd)) {
		ret = -errno;
		log_err("%s: cannot flush the archive: %s (nothing freed)", a->path,
			strerror(-ret));
	}
	/*
	 * 2: into place, never over an archive that differs, but over an
	 * older copy of the same error report (fewer repeats).
	 */
	for (size_t i = 0; i < b->n; i++) {
		struct staged *st = &b->v[i];
		struct rec_state *rs = &a->st[st->rec];
		int r = ret ? ret : rs->failed ? -EIO : commit_file(st);

		if (r < 0 && !ret && !rs->failed)
			log_err("%s: cannot put %s in the archive: %s (left in pstore)",
				set->recs[st->rec].name, st->name, strerror(-r));
		if (r < 0)
			rs->failed = 1;
		if (r == 2)
			rs->updated = 1;
		if (r >= 1) {
			rs->fresh = 1;
			if (!nlinked++)
				crash_point("link");
		}
		if (st->fd >= 0)
			close(st->fd);	/* an unlinked O_TMPFILE goes away with it */
		else if (r < 1 && unlinkat(st->dirfd, st->tmp, 0) && errno != ENOENT)
			log_warn("%s: cannot remove the temporary file %s: %s", a->path, st->tmp,
				 strerror(errno));
		st->fd = -1;
	}
	/* 3: the links on disk; only now may pstore forget the records. */
	if (!ret && nlinked && syncfs(a->fd)) {
		ret = -errno;
		log_err("%s: cannot flush the archive: %s (nothing freed)", a->path,
			strerror(-ret));
	}
	for (size_t i = 0; i < b->n; i++)
		close(b->v[i].dirfd);
	b->n = 0;
	crash_point("unlink");
	for (size_t i = 0; i < set->n; i++) {
		struct rec_state *rs = &a->st[i];

		if (!rs->staged || rs->failed || rs->archived)
			continue;
		if (ret) {
			rs->failed = 1;
			continue;
		}
		rs->archived = 1;
		if (a->keep)
			continue;
		if (free_record(a, set, i))
			rs->failed = 1;
		else
			rs->freed = 1;
	}
	return ret;
}
