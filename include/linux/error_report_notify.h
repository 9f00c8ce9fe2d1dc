/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Capture of error reports (KASAN, KFENCE, WARN) for persistent storage and
 * for telling userspace. See lib/error_report_notify.c.
 */
#ifndef _LINUX_ERROR_REPORT_NOTIFY_H
#define _LINUX_ERROR_REPORT_NOTIFY_H

#include <linux/atomic.h>
#include <linux/jump_label.h>
#include <linux/percpu.h>
#include <linux/types.h>

struct error_report_header;

/* A store's answer: the report repeats one it holds, and is counted there. */
#define ERROR_REPORT_REPEAT	1

/**
 * struct error_report_sink - where captured reports are stored
 * @max_size:	largest record, header included, that @store accepts
 * @store:	store one record (a struct error_report_header and its text).
 *		It may change the header (then error_report_seal_header()).
 *		Called in the reporting context, which may be NMI, with
 *		interrupts off or inside the page-fault handler: it must not
 *		sleep, allocate or spin on a lock. Returns 0 when the record
 *		was stored, %ERROR_REPORT_REPEAT when a record it holds counts
 *		it instead, a negative errno when it was not stored.
 */
struct error_report_sink {
	size_t max_size;
	int (*store)(void *record, size_t size);
};

#ifdef CONFIG_ERROR_REPORT_NOTIFY
int error_report_register_sink(struct error_report_sink *sink);
void error_report_unregister_sink(struct error_report_sink *sink);
void error_report_seal_header(struct error_report_header *h);

DECLARE_STATIC_KEY_FALSE(error_report_capture_key);
DECLARE_PER_CPU(atomic_t, error_report_open);

/**
 * error_report_capturing() - may a printk from here belong to a report?
 *
 * True when a sink is registered and a report is open on this CPU, in this
 * or another context: printk then hands the line to
 * error_report_capture_line(), which keeps it only if the report is the
 * printing context's own. The static key is enabled once, when the first
 * sink registers, never in the report path.
 *
 * Context: any, with preemption off (printk stores with interrupts off).
 * Return: whether to hand the line being stored to the capture.
 */
static __always_inline bool error_report_capturing(void)
{
	return static_branch_unlikely(&error_report_capture_key) &&
	       atomic_read(this_cpu_ptr(&error_report_open));
}

void error_report_capture_line(u64 seq, const char *prefix, size_t prefix_len,
			       const char *text, size_t len, bool cont);
#else
static inline int error_report_register_sink(struct error_report_sink *sink)
{
	return -ENODEV;
}

static inline void error_report_unregister_sink(struct error_report_sink *sink)
{
}

static inline bool error_report_capturing(void)
{
	return false;
}

static inline void error_report_capture_line(u64 seq, const char *prefix,
					     size_t prefix_len, const char *text,
					     size_t len, bool cont)
{
}
#endif

#endif /* _LINUX_ERROR_REPORT_NOTIFY_H */
