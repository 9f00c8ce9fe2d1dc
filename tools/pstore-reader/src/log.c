// SPDX-License-Identifier: GPL-2.0-only
/*
 * Messages on stderr with a syslog priority when the journal reads them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "log.h"

int exit_merge(int a, int b)
{
	/* Severity: usage > folder > left in pstore > journal > no such record > damaged. */
	static const int rank[] = {
		[EXIT_OK] = 0, [EXIT_DAMAGED] = 1, [EXIT_NO_RECORD] = 2, [EXIT_JOURNAL] = 3,
		[EXIT_LEFT] = 4, [EXIT_FOLDER] = 5, [EXIT_USAGE] = 6,
	};

	if (a < 0 || a > EXIT_JOURNAL)
		return a;
	if (b < 0 || b > EXIT_JOURNAL)
		return b;
	return rank[a] >= rank[b] ? a : b;
}

static int journal_stderr = -1;

/*
 * systemd documents $JOURNAL_STREAM as "<device>:<inode>" of the stream
 * it connected stdout/stderr to. Only when stderr is still that stream
 * (not redirected by a shell in between) may the prefix be used.
 */
static int stderr_is_journal(void)
{
	const char *env = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	if (!env || sscanf(env, "%llu:%llu", &dev, &ino) != 2 || fstat(2, &st))
		return 0;
	return (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void log_reset(void)
{
	journal_stderr = -1;
}

void log_msg(enum log_prio prio, const char *fmt, ...)
{
	va_list ap;

	if (journal_stderr < 0)
		journal_stderr = stderr_is_journal();
	/* One fprintf per part, but stderr is unbuffered: build the line first. */
	char line[1024];
	int n = 0;

	if (journal_stderr)
		n = snprintf(line, sizeof(line), "<%d>", (int)prio);
	n += snprintf(line + n, sizeof(line) - (size_t)n, "pstore-reader: ");
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	/* Record names come from the pstore folder: no control bytes to the terminal. */
	for (char *c = line; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	fprintf(stderr, "%s\n", line);
}
