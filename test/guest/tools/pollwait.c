// SPDX-License-Identifier: GPL-2.0-only
/*
 * pollwait FILE TIMEOUT_MS: wait for a sysfs attribute to be notified
 * (poll(2) POLLPRI, as sysfs_notify() wakes it), then print its value.
 * Exit 0 when notified, 1 on timeout, 2 on error.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[64];
	struct pollfd p;
	ssize_t n;

	if (argc != 3)
		return 2;
	p.fd = open(argv[1], O_RDONLY);
	p.events = POLLPRI | POLLERR;
	if (p.fd < 0 || read(p.fd, buf, sizeof(buf)) < 0)
		return 2;
	/* Armed by the read above; tell the caller it may raise the report. */
	printf("armed\n");
	fflush(stdout);
	n = poll(&p, 1, atoi(argv[2]));
	if (n <= 0)
		return 1;
	lseek(p.fd, 0, SEEK_SET);
	n = read(p.fd, buf, sizeof(buf) - 1);
	if (n < 0)
		return 2;
	buf[n] = '\0';
	printf("%s", buf);
	return 0;
}
