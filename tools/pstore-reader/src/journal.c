// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reports to the systemd journal: one entry per report, with the title as
 * MESSAGE, a fixed MESSAGE_ID, and the report's facts as fields so that
 * "journalctl MESSAGE_ID=... KERNEL_REPORT_SIGNATURE=..." finds every
 * occurrence of a bug.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#ifdef HAVE_LIBSYSTEMD
#include <dlfcn.h>
#endif

#include <linux/error_report.h>

#include "journal.h"
#include "log.h"

static int add(char **fields, int n, int max, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (n >= max)
		return n;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s)
		fields[n++] = s;
	return n;
}

int journal_priority(const struct report *rep)
{
	const struct record *rec = rep->rec;
	const char *title = rep->identified ? rep->id.title : "";

	/* A dump the kernel wrote as it panicked: the machine went down. */
	if (rec->has_dmesg_header && !strcmp(rec->dmesg.reason, "Panic"))
		return LOG_PRIO_CRIT;
	/*
	 * A WARN is a warning. Every other detector found a bug: KASAN,
	 * KFENCE, UBSAN, a lockup, a hung task, an RCU stall, an oops, a
	 * lockdep splat, and values this reader does not know yet.
	 */
	if (record_has_header(rec))
		return rec->hdr.detector == ERROR_REPORT_DETECTOR_WARN ? LOG_PRIO_WARNING :
									  LOG_PRIO_ERR;
	/* Reports cut out of logs: a WARNING is a warning, anything else a bug. */
	return !strncmp(title, "WARNING", 7) ? LOG_PRIO_WARNING : LOG_PRIO_ERR;
}

int journal_fields(const struct report *rep, char **fields, int max)
{
	const struct record *rec = rep->rec;
	char boot[37];
	int n = 0;

	n = add(fields, n, max, "MESSAGE=%s",
		rep->identified ? rep->id.title : "kernel report without a title");
	n = add(fields, n, max, "MESSAGE_ID=%s", JOURNAL_MESSAGE_ID);
	n = add(fields, n, max, "PRIORITY=%d", journal_priority(rep));
	n = add(fields, n, max, "KERNEL_REPORT_SOURCE=%s", report_source(rep));
	n = add(fields, n, max, "KERNEL_REPORT_FILE=%s", rec->name);
	n = add(fields, n, max, "KERNEL_REPORT_INTEGRITY=%s", report_integrity(rep));
	if (rep->identified) {
		n = add(fields, n, max, "KERNEL_REPORT_TITLE=%s", rep->id.title);
		n = add(fields, n, max, "KERNEL_REPORT_SIGNATURE=%s", rep->id.signature);
	}
	if (record_has_header(rec)) {
		boot_id_str(rec->hdr.boot_id, boot);
		n = add(fields, n, max, "KERNEL_REPORT_DETECTOR=%s", detector_name(rec->hdr.detector));
		n = add(fields, n, max, "KERNEL_REPORT_SEQ=%llu", (unsigned long long)rec->hdr.seq);
		n = add(fields, n, max, "KERNEL_REPORT_BOOT_ID=%s", boot);
		n = add(fields, n, max, "KERNEL_REPORT_RELEASE=%s", rec->hdr.release);
		if (rec->hdr.repeats)
			n = add(fields, n, max, "KERNEL_REPORT_REPEATS=%llu",
				(unsigned long long)rec->hdr.repeats);
	}
	if (rep->update)
		n = add(fields, n, max, "KERNEL_REPORT_UPDATE=1");
	if (rep->text)
		n = add(fields, n, max, "KERNEL_REPORT_TEXT=%.*s", (int)rep->text_len, rep->text);
	return n;
}

#ifdef HAVE_LIBSYSTEMD
/*
 * libsystemd is opened when the first report is sent, not linked: linked,
 * it and the libraries it needs took half of the reader's start-up, paid
 * by every run (collect at boot, list, show) that sends nothing.
 */
static int (*sendv)(const struct iovec *iov, int n);

static int open_libsystemd(void)
{
	static int tried;
	void *lib;

	if (tried++)
		return sendv ? 0 : -ENOSYS;
	lib = dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
	if (lib)
		*(void **)&sendv = dlsym(lib, "sd_journal_sendv");
	if (!sendv) {
		const char *why = dlerror();

		log_err("cannot send to the journal: %s", why ? why : "no sd_journal_sendv");
		return -ENOSYS;
	}
	return 0;
}
#endif

int journal_send(const struct report *rep)
{
#ifdef HAVE_LIBSYSTEMD
	char *fields[JOURNAL_MAX_FIELDS];
	struct iovec iov[JOURNAL_MAX_FIELDS];
	int n, ret = open_libsystemd();

	if (ret)
		return ret;
	n = journal_fields(rep, fields, JOURNAL_MAX_FIELDS);
	for (int i = 0; i < n; i++)
		iov[i] = (struct iovec){ fields[i], strlen(fields[i]) };
	ret = sendv(iov, n);
	for (int i = 0; i < n; i++)
		free(fields[i]);
	return ret;
#else
	(void)rep;
	return -ENOSYS;
#endif
}
