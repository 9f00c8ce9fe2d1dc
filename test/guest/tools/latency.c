// SPDX-License-Identifier: GPL-2.0-only
/*
 * latency N TRIGGER ARCHIVE_DIR: raise N reports (writing "warn task" to
 * TRIGGER) one at a time and measure, for each, the time from the write to
 * pstore-reader having put the archived report into ARCHIVE_DIR (it
 * watches that folder with inotify). Prints every figure in microseconds,
 * then the median and the worst.
 */
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/*
 * Wait for a report-*.json to appear in the watched folder: linked from an
 * O_TMPFILE (IN_CREATE), or renamed from a temporary name where the
 * filesystem has no O_TMPFILE (IN_MOVED_TO).
 */
static int wait_archived(int ifd, int timeout_ms)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	struct pollfd p = { .fd = ifd, .events = POLLIN };

	for (;;) {
		if (poll(&p, 1, timeout_ms) <= 0)
			return -1;
		ssize_t n = read(ifd, buf, sizeof(buf));

		for (char *e = buf; n > 0 && e < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)e;

			if (ev->len && !strncmp(ev->name, "report-", 7))
				return 0;
			e += sizeof(*ev) + ev->len;
		}
	}
}

int main(int argc, char **argv)
{
	int n = argc == 4 ? atoi(argv[1]) : 0, ifd, fd;
	long long *lat;

	if (n <= 0)
		return 2;
	lat = calloc(n, sizeof(*lat));
	ifd = inotify_init1(0);
	if (!lat || ifd < 0 || inotify_add_watch(ifd, argv[3], IN_CREATE | IN_MOVED_TO) < 0) {
		perror("latency");
		return 2;
	}
	for (int i = 0; i < n; i++) {
		long long t0 = now_us();

		fd = open(argv[2], O_WRONLY);
		if (fd < 0 || write(fd, "warn task", 9) != 9) {
			perror(argv[2]);
			return 2;
		}
		close(fd);
		if (wait_archived(ifd, 10000)) {
			fprintf(stderr, "latency: report %d not archived within 10 s\n", i + 1);
			return 1;
		}
		lat[i] = now_us() - t0;
		printf("report %d: %lld us\n", i + 1, lat[i]);
	}
	qsort(lat, n, sizeof(*lat), cmp);
	printf("median %lld us, worst %lld us over %d reports\n", lat[n / 2], lat[n - 1], n);
	return 0;
}
