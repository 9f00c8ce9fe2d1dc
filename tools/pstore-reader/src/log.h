/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Messages on stderr, and the exit statuses they lead to.
 */
#ifndef PSTORE_READER_LOG_H
#define PSTORE_READER_LOG_H

/* syslog priorities, as journald reads them from a "<N>" prefix. */
enum log_prio { LOG_PRIO_CRIT = 2, LOG_PRIO_ERR = 3, LOG_PRIO_WARNING = 4, LOG_PRIO_INFO = 6 };

/*
 * Exit statuses: each means one thing (pstore-reader(8), EXIT STATUS).
 * When several apply, the most severe is returned: exit_merge() knows the
 * order.
 */
enum exit_status {
	EXIT_OK = 0,
	EXIT_USAGE = 1,		/* bad option, command or argument */
	EXIT_LEFT = 2,		/* a record could not be read, archived or freed: left in pstore */
	EXIT_FOLDER = 3,	/* the pstore or archive folder cannot be used */
	EXIT_NO_RECORD = 4,	/* a record named on the command line does not exist */
	EXIT_DAMAGED = 5,	/* damaged records found (collect: archived raw and freed) */
	EXIT_JOURNAL = 6,	/* archived, but a report could not be sent to the journal */
};

/* The more severe of two exit statuses. */
int exit_merge(int a, int b);

/*
 * "pstore-reader: <message>" on stderr, with a "<N>" priority prefix when
 * stderr is connected to the journal (systemd sets $JOURNAL_STREAM to the
 * device and inode of that stream), so "journalctl -p err" sees errors.
 */
void log_msg(enum log_prio prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_err(...) log_msg(LOG_PRIO_ERR, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_PRIO_WARNING, __VA_ARGS__)
#define log_info(...) log_msg(LOG_PRIO_INFO, __VA_ARGS__)

/* Re-read $JOURNAL_STREAM (tests change it; the result is cached). */
void log_reset(void);

#endif
