// SPDX-License-Identifier: GPL-2.0-only
/*
 * Keep the archive within its limits, oldest files first.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "retention.h"

struct entry {
	int dir;		/* index in the folder list */
	char *name;
	time_t mtime;
	uint64_t size;
};

struct scan {
	char **dirs;
	size_t ndirs;
	struct entry *v;
	size_t n, cap;
	uint64_t total;
};

static int add_entry(struct scan *s, int dir, const char *name, const struct stat *st)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		struct entry *n = realloc(s->v, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		s->v = n;
		s->cap = cap;
	}
	s->v[s->n] = (struct entry){ dir, strdup(name), st->st_mtime, (uint64_t)st->st_size };
	if (!s->v[s->n].name)
		return -ENOMEM;
	s->total += (uint64_t)st->st_size;
	s->n++;
	return 0;
}

/* The archived files of one folder (boot, before-*, unparsed). */
static int scan_folder(struct scan *s, int root, const char *name)
{
	int fd = openat(root, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	char **dirs;
	int err = 0;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return 0;	/* not a folder, or gone: nothing to keep in check */
	}
	dirs = realloc(s->dirs, (s->ndirs + 1) * sizeof(*dirs));
	if (!dirs || !(dirs[s->ndirs] = strdup(name))) {
		if (dirs)
			s->dirs = dirs;
		closedir(d);
		return -ENOMEM;
	}
	s->dirs = dirs;
	s->ndirs++;
	while (!err && (de = readdir(d))) {
		struct stat st;

		/* Hidden files are the reader's own (lock, temporaries). */
		if (de->d_name[0] == '.' ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) || !S_ISREG(st.st_mode))
			continue;
		err = add_entry(s, (int)s->ndirs - 1, de->d_name, &st);
	}
	closedir(d);
	return err;
}

static int by_age(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return (x->mtime > y->mtime) - (x->mtime < y->mtime);
}

int retention_apply(int archive_fd, const char *path, const struct retention *r,
		    time_t run_start)
{
	struct scan s = { 0 };
	int fd = dup(archive_fd), removed = 0, err = 0;
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	time_t now = time(NULL);

	if (!r->max_age && !r->max_files && !r->max_size) {
		if (d)
			closedir(d);
		else if (fd >= 0)
			close(fd);
		return 0;
	}
	if (!d) {
		err = -errno;
		if (fd >= 0)
			close(fd);
		return err;
	}
	rewinddir(d);	/* a dup shares the offset an earlier listing left at the end */
	while (!err && (de = readdir(d)))
		if (de->d_name[0] != '.' && de->d_type == DT_DIR)
			err = scan_folder(&s, archive_fd, de->d_name);
	closedir(d);
	if (!err) {
		uint64_t files = s.n;

		if (s.n)
			qsort(s.v, s.n, sizeof(*s.v), by_age);
		for (size_t i = 0; i < s.n; i++) {
			struct entry *e = &s.v[i];
			int old = r->max_age && (uint64_t)(now - e->mtime) > r->max_age;
			char rel[600];

			if (e->mtime >= run_start)
				break;	/* this run's, and all after it */
			if (!old && (!r->max_files || files <= r->max_files) &&
			    (!r->max_size || s.total <= r->max_size))
				break;
			snprintf(rel, sizeof(rel), "%s/%s", s.dirs[e->dir], e->name);
			if (unlinkat(archive_fd, rel, 0) && errno != ENOENT) {
				log_warn("%s/%s: retention: cannot remove: %s", path, rel,
					 strerror(errno));
				continue;
			}
			removed++;
			files--;
			s.total -= e->size;
		}
		/* Folders left empty go too (ENOTEMPTY otherwise, which is fine). */
		for (size_t i = 0; removed && i < s.ndirs; i++)
			unlinkat(archive_fd, s.dirs[i], AT_REMOVEDIR);
	}
	for (size_t i = 0; i < s.n; i++)
		free(s.v[i].name);
	free(s.v);
	for (size_t i = 0; i < s.ndirs; i++)
		free(s.dirs[i]);
	free(s.dirs);
	return err ? err : removed;
}

static int parse_suffixed(const char *s, uint64_t *out, const char *units,
			  const uint64_t *mult)
{
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (*end) {
		const char *u = strchr(units, *end);

		if (!u || end[1] || v > UINT64_MAX / mult[u - units])
			return -1;
		v *= mult[u - units];
	}
	*out = v;
	return 0;
}

int parse_duration(const char *s, uint64_t *out)
{
	static const uint64_t mult[] = { 1, 60, 3600, 86400 };

	return parse_suffixed(s, out, "smhd", mult);
}

int parse_size(const char *s, uint64_t *out)
{
	static const uint64_t mult[] = { 1ULL << 10, 1ULL << 20, 1ULL << 30 };

	return parse_suffixed(s, out, "KMG", mult);
}
