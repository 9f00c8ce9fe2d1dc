/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Capture of error reports (KASAN, KFENCE, WARN) for persistent storage and
 * for telling userspace. See lib/error_report_notify.c.
 */
#ifndef _LINUX_ERROR_REPORT_NOTIFY_H
#define _LINUX_ERROR_REPORT_NOTIFY_H

#include <linux/types.h>

/**
 * struct error_report_sink - where captured reports are stored
 * @max_size:	largest record, header included, that @store accepts
 * @store:	store one record (a struct error_report_header and its text).
 *		Called in the reporting context, which may be NMI, with
 *		interrupts off or inside the page-fault handler: it must not
 *		sleep, allocate or spin on a lock. Returns 0 when the record
 *		was stored, a negative errno when it was not.
 */
struct error_report_sink {
	size_t max_size;
	int (*store)(const void *record, size_t size);
};

#ifdef CONFIG_ERROR_REPORT_NOTIFY
int error_report_register_sink(struct error_report_sink *sink);
void error_report_unregister_sink(struct error_report_sink *sink);
#else
static inline int error_report_register_sink(struct error_report_sink *sink)
{
	return -ENODEV;
}

static inline void error_report_unregister_sink(struct error_report_sink *sink)
{
}
#endif

#endif /* _LINUX_ERROR_REPORT_NOTIFY_H */
