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
struct error_report_line;

/* A store's answer: the report repeats one it holds, and is counted there. */
#define ERROR_REPORT_REPEAT	1

/**
 * struct error_report_stream - a record a sink is writing
 * @id:		the sink's name for it
 * @priv:	the sink's
 */
struct error_report_stream {
	u64 id;
	void *priv;
};

/**
 * struct error_report_sink - where captured reports are stored, as they print
 * @max_size:	largest record, header included, that the sink stores
 * @open:	start the record of a report: @h is its header, flagged
 *		%ERROR_REPORT_F_OPEN, which the sink may change (then
 *		error_report_seal_header()); @room holds
 *		@max_size and gets the room the sink has, header included.
 *		Returns 0 when the record was started, %ERROR_REPORT_REPEAT
 *		when a record the sink holds counts the report instead, a
 *		negative errno when it cannot be stored.
 * @write:	write @len bytes of the record at @offset from its start,
 *		within @room: each line as it is captured, the header last.
 *		Returns 0, or a negative errno when the sink has no room for
 *		them after all: the record is then to end before @offset.
 * @commit:	the record is complete: @size bytes, @h its final header
 *		(written last, by the sink), the rest as written. Returns 0,
 *		or a negative errno.
 *
 * All three are called in the reporting context, which may be NMI, with
 * interrupts off or inside the page-fault handler: they must not sleep,
 * allocate or spin on a lock.
 */
struct error_report_sink {
	size_t max_size;
	int (*open)(struct error_report_stream *stream,
		    struct error_report_header *h, size_t *room);
	int (*write)(struct error_report_stream *stream, size_t offset,
		     const void *buf, size_t len);
	int (*commit)(struct error_report_stream *stream,
		      const struct error_report_header *h, size_t size);
};

#ifdef CONFIG_ERROR_REPORT_NOTIFY
int error_report_register_sink(struct error_report_sink *sink);
void error_report_unregister_sink(struct error_report_sink *sink);
void error_report_seal_header(struct error_report_header *h);
void error_report_seal(struct error_report_header *h);
u32 error_report_text_crc(const struct error_report_header *h);

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

void error_report_capture_line(u64 seq, u64 ts_nsec, u32 caller_id, u16 prio,
			       bool time, const char *text, size_t len,
			       bool cont);

size_t error_report_line_size(const struct error_report_line *l,
			      const char *text, size_t len);
size_t error_report_format_text(const void *raw, size_t len, char *buf,
				size_t size);
ssize_t error_report_format(const void *rec, size_t size, size_t tail,
			    char **out);
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

static inline void error_report_capture_line(u64 seq, u64 ts_nsec,
					     u32 caller_id, u16 prio, bool time,
					     const char *text, size_t len,
					     bool cont)
{
}
#endif

#endif /* _LINUX_ERROR_REPORT_NOTIFY_H */
