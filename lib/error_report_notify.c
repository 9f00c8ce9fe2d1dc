// SPDX-License-Identifier: GPL-2.0-only
/*
 * error_report_notify - capture each error report (KASAN, KFENCE, WARN)
 * exactly, hand it to a persistent store, and count it for userspace.
 *
 * Finding a report's lines. Detectors fire error_report_start before their
 * first line and error_report_end after their last one, in the context
 * that prints the report. In between, printk hands every line that context
 * stores to error_report_capture_line(), as it stores it: the line is
 * copied into the report open in *that* context, and only there. A context
 * is the task in task context, or the CPU and interrupt level (softirq,
 * hardirq, NMI) outside it. Lines another task, another CPU or an
 * interrupting level prints meanwhile belong to another context, and so
 * never reach the report: the record is exact by construction, whatever
 * the printk ring buffer does after the line is stored.
 *
 * A copy, not a formatting. A line is kept as printk keeps it: its level,
 * timestamp and caller id in a struct error_report_line, then its text
 * (record version 2). Formatting the syslog prefix of each line as it
 * prints cost a report more than all the rest of its capture; the record
 * is formatted when it is read instead (lib/error_report_format.c), and
 * reads as "dmesg -r" prints the same lines.
 *
 * Nested reports. A report raised while its context has one open (a WARN
 * inside a KASAN report) nests: each context counts its open reports
 * (depth) and lines go to the innermost one, up to ERN_MAX_NEST. A start
 * that got no buffer still counts, so its end closes nothing else.
 *
 * Writing the record. The record goes to the sink as the report prints:
 * started when the report starts, its header flagged open; each line
 * written as it is copied, its entry then its text; the header completed
 * and written last when the report ends. The sink's record is the only
 * copy: the capture keeps the header and a running CRC of the text, no
 * text. A reset or a hang at any point leaves the lines written so far in
 * the sink, the record flagged open (a line's entry without all of its
 * text, if the reset came between the two).
 *
 * Reports that never end. A report whose end does not come is completed as
 * far as it got, flagged incomplete: when its task exits (an oops in the
 * report killed it), when the kernel panics (panic_on_warn, a fault or a
 * lockup that panics inside it: a panic notifier, after the other CPUs
 * stopped), or when another task finds the context still taken. One that
 * hangs until a reset is left open, as written.
 *
 * Any context. The probes and the line copy run wherever a detector
 * reports: NMI, hardirq with interrupts off, the page-fault handler. They
 * take no lock, allocate nothing and never wait: each CPU's contexts are
 * touched only from that CPU and level, the task context being claimed by
 * its task with a cmpxchg, and the reports' state (a header each) comes
 * from a pool allocated when the sink registers, claimed with cmpxchg.
 * What cannot be had at once is counted as dropped, never waited for.
 *
 * Telling userspace. Each report is counted as stored, dropped, or, when
 * the sink says a record it holds counts it (ERROR_REPORT_REPEAT), as a
 * repeat. The counters in /sys/kernel/error_report are raised
 * with sysfs_notify() after every report, so poll(2) on them wakes up. That
 * cannot be done from the report context: an irq_work (NMI-safe) hands over
 * to a work item, which notifies.
 */
#define pr_fmt(fmt) "error_report: " fmt

#include <linux/atomic.h>
#include <linux/crc32.h>
#include <linux/error_report_notify.h>
#include <linux/init.h>
#include <linux/irq_work.h>
#include <linux/kobject.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/panic_notifier.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/timekeeping.h>
#include <linux/utsname.h>
#include <linux/workqueue.h>
#include <trace/events/error_report.h>
#include <trace/events/sched.h>
#include <uapi/linux/error_report.h>

/* Context levels: task, softirq, hardirq, NMI. */
#define ERN_LEVELS		4
/* Reports nested in one context that get a record of their own. */
#define ERN_MAX_NEST		2
/* Room kept for the text of the line that says a report was truncated. */
#define ERN_TRUNC_ROOM		96
/* Reports open at once with a record: two per CPU, at least 8. */
#define ERN_POOL_MIN		8
/* Where a CRC-32 of a text starts, as zlib's crc32() takes it. */
#define ERN_CRC_SEED		(~0U)

/**
 * struct ern_report - one report being captured
 * @busy:	claimed by a context (cmpxchg from 0)
 * @detector:	enum error_detector
 * @id:		the start event's id, for an end event without one
 * @cpu:	CPU the report started on
 * @pid:	reporting task, 0 outside task context
 * @caller_id:	printk caller id of the reporting context
 * @seq:	the report's number in this boot, in the order reports start
 * @flags:	ERROR_REPORT_F_*
 * @mono_ns:	CLOCK_MONOTONIC at the start
 * @boot_ns:	CLOCK_BOOTTIME at the start
 * @real_ns:	CLOCK_REALTIME at the start
 * @last_seq:	printk sequence number of the last line copied or counted,
 *		to append continuation fragments to it
 * @len:	bytes of text so far
 * @crc:	CRC-32 of those bytes, as crc32_le() continues it
 * @line_start:	where the last line kept starts in the text
 * @line_crc:	@crc up to @line_start
 * @line_size:	what the last line kept (its fragments with it) formats to
 * @lost_lines:	printk records that did not fit
 * @lost_bytes:	their bytes
 * @comm:	reporting task's name
 * @stream:	the sink's record, written as lines come
 * @open_ret:	the sink's answer when the record was started: 0, or why
 *		the report is not stored (%ERROR_REPORT_REPEAT, an errno)
 * @room:	bytes the sink's record holds, header included
 * @hdr:	the record's header, as it is written to the sink's; its text
 *		is in the sink's record only
 * @note:	the line that says a report was truncated, formatted when it
 *		ends (here rather than on the stack: the end may be in NMI)
 */
struct ern_report {
	atomic_t busy;
	u32 detector;
	unsigned long id;
	u32 cpu;
	u32 pid;
	u32 caller_id;
	u32 flags;
	u64 seq;
	u64 mono_ns;
	u64 boot_ns;
	u64 real_ns;
	u64 last_seq;
	size_t len;
	u32 crc;
	size_t line_start;
	u32 line_crc;
	size_t line_size;
	unsigned int lost_lines;
	size_t lost_bytes;
	char comm[TASK_COMM_LEN];
	struct error_report_stream stream;
	int open_ret;
	size_t room;
	struct error_report_header hdr;
	char note[ERN_TRUNC_ROOM];
};

/**
 * struct ern_state - what a registered sink gives the capture, published
 *	at once with RCU so that a probe sees all of it or none
 * @sink:	where records go
 * @gen:	registration number; a context's open reports are its own
 *		only if they were claimed under the same one
 * @size:	bytes of the largest record, header included
 * @nr:		reports that may be open at once with a record
 * @reports:	their state
 */
struct ern_state {
	struct error_report_sink *sink;
	u64 gen;
	size_t size;
	unsigned int nr;
	struct ern_report *reports;
};

/**
 * struct ern_ctx - the reports open in one context of one CPU
 * @owner:	task level only: the task whose reports these are
 * @cpu:	the CPU whose context this is
 * @depth:	reports started and not ended, those without a record too
 * @gen:	ern_state.gen under which @open was filled
 * @open:	by depth, the record of each open report, NULL if it has none
 */
struct ern_ctx {
	struct task_struct *owner;
	unsigned int cpu;
	unsigned int depth;
	u64 gen;
	struct ern_report *open[ERN_MAX_NEST];
};

static DEFINE_PER_CPU(struct ern_ctx, ern_ctxs[ERN_LEVELS]);
/* Task contexts with a report open, all CPUs: a task's exit tests it. */
static atomic_t ern_tasks_open;
/* Owner of a task context while its exiting task's reports are stored. */
#define ERN_STORING	((struct task_struct *)ERR_PTR(-EBUSY))
/* Contexts of the CPU with a report open: printk's cheap first test. */
DEFINE_PER_CPU(atomic_t, error_report_open);
DEFINE_STATIC_KEY_FALSE(error_report_capture_key);

static struct ern_state __rcu *ern_state;
static DEFINE_MUTEX(ern_sink_mutex);
static u64 ern_gen;

static atomic64_t ern_started;		/* reports started: their numbers */
static atomic64_t ern_ended;		/* reports ended this boot */
static atomic64_t ern_dropped;		/* of those, not stored */
static atomic64_t ern_stored;
static atomic64_t ern_repeats;		/* counted in an earlier record */
static u8 ern_boot_id[16];
static struct kobject *ern_kobj;

static void ern_notify_fn(struct work_struct *work)
{
	if (!ern_kobj)
		return;
	sysfs_notify(ern_kobj, NULL, "count");
	sysfs_notify(ern_kobj, NULL, "stored");
	sysfs_notify(ern_kobj, NULL, "dropped");
	sysfs_notify(ern_kobj, NULL, "repeats");
}

static DECLARE_WORK(ern_notify_work, ern_notify_fn);

static void ern_notify_irq_fn(struct irq_work *work)
{
	schedule_work(&ern_notify_work);
}

static DEFINE_IRQ_WORK(ern_notify_irq_work, ern_notify_irq_fn);

static unsigned int ern_level(void)
{
	if (in_nmi())
		return 3;
	if (in_hardirq())
		return 2;
	if (in_serving_softirq())
		return 1;
	return 0;
}

/*
 * The context a probe or a printk runs in: this CPU's context at its level,
 * and at task level only if this task owns it.
 */
static struct ern_ctx *ern_this_ctx(unsigned int level)
{
	struct ern_ctx *ctx = this_cpu_ptr(&ern_ctxs[level]);

	if (!level && READ_ONCE(ctx->owner) != current)
		return NULL;
	return ctx;
}

/* The record of the innermost report open in @ctx, if it may be written. */
static struct ern_report *ern_innermost(struct ern_ctx *ctx,
					const struct ern_state *st)
{
	unsigned int depth = READ_ONCE(ctx->depth);

	if (!depth || depth > ERN_MAX_NEST || !st || ctx->gen != st->gen)
		return NULL;
	return ctx->open[depth - 1];
}

static struct ern_report *ern_claim_report(const struct ern_state *st)
{
	unsigned int i, n, start;

	/* From this CPU's pair on: CPUs reporting at once claim apart. */
	start = 2 * raw_smp_processor_id() % st->nr;
	for (n = 0; n < st->nr; n++) {
		i = start + n < st->nr ? start + n : start + n - st->nr;
		if (atomic_cmpxchg(&st->reports[i].busy, 0, 1) == 0)
			return &st->reports[i];
	}
	return NULL;
}

static void ern_release_report(struct ern_report *r)
{
	atomic_set_release(&r->busy, 0);
}

/* Text room of a record, the truncation line's room left aside. */
static size_t ern_text_room(const struct ern_report *r)
{
	size_t keep = sizeof(struct error_report_header) +
		      sizeof(struct error_report_line) + ERN_TRUNC_ROOM;

	return r->room > keep ? r->room - keep : 0;
}

/*
 * Write @len bytes of @buf at @r's text end into the sink's record, and
 * count them in the text and its CRC. Returns 0, or the sink's errno: it
 * has no room for them after all, and they are not in the record.
 */
static int ern_write_text(struct ern_report *r, const struct ern_state *st,
			  const void *buf, size_t len)
{
	size_t off = sizeof(struct error_report_header) + r->len;
	int ret;

	ret = st->sink->write(&r->stream, off, buf, len);
	if (ret)
		return ret;
	r->crc = crc32_le(r->crc, buf, len);
	r->len += len;
	return 0;
}

/*
 * Append @l and its @len bytes of @text to @r's record, written to the
 * sink. Returns 0, or the sink's errno: it has no room for them after
 * all, and they are not in the record.
 */
static int ern_append(struct ern_report *r, const struct ern_state *st,
		      const struct error_report_line *l, const char *text,
		      size_t len)
{
	size_t from = r->len;
	u32 crc = r->crc;

	if (!ern_write_text(r, st, l, sizeof(*l)) &&
	    !ern_write_text(r, st, text, len))
		return 0;
	r->len = from;
	r->crc = crc;
	return -ENOSPC;
}

/**
 * error_report_capture_line() - keep a printk record in the report open in
 *	the context that stores it
 * @seq:	the record's printk sequence number
 * @ts_nsec:	its timestamp
 * @caller_id:	its caller id
 * @prio:	its syslog priority, facility << 3 | level
 * @time:	printk shows the time (printk.time)
 * @text:	the record's text, or the fragment a continuation added
 * @len:	length of @text
 * @cont:	@text continues record @seq rather than starting it
 *
 * Called by vprintk_store() when error_report_capturing(); keeps the line
 * only if the storing context has a report open, in its innermost report,
 * as printk keeps it: a struct error_report_line and the text. Reading
 * the record formats it (error_report_format()). A line that does not fit
 * is counted, and every later line of the report with it, so that the
 * text kept is the report's beginning, unbroken.
 *
 * Context: any, interrupts off.
 */
void error_report_capture_line(u64 seq, u64 ts_nsec, u32 caller_id, u16 prio,
			       bool time, const char *text, size_t len,
			       bool cont)
{
	const struct ern_state *st = rcu_dereference_sched(ern_state);
	struct ern_ctx *ctx = ern_this_ctx(ern_level());
	struct error_report_line l;
	struct ern_report *r;
	u16 flags = 0;
	size_t size;
	bool fits;

	if (!ctx)
		return;
	r = ern_innermost(ctx, st);
	if (!r || r->open_ret)
		return;
	if (time)
		flags |= ERROR_REPORT_LINE_TIME;
	if (IS_ENABLED(CONFIG_PRINTK_CALLER))
		flags |= ERROR_REPORT_LINE_CALLER;
	/* A printk record is far shorter: len is only bounded here. */
	len = min_t(size_t, len, U16_MAX);
	l.ts_nsec = cpu_to_le64(ts_nsec);
	l.caller_id = cpu_to_le32(caller_id);
	l.prio = cpu_to_le16(prio);
	l.len = cpu_to_le16(len);
	fits = !r->lost_lines &&
	       r->len + sizeof(l) + len <= ern_text_room(r);

	/*
	 * A fragment of the last line is an entry of its own, which the
	 * reader appends to that line. One that is not stored counts its own
	 * bytes only: its line's prefix and newline are counted with that
	 * line, kept or not. A kept line whose fragment does not fit goes
	 * too, and counts as not stored: the text keeps whole lines only.
	 */
	if (cont && r->last_seq == seq) {
		l.flags = cpu_to_le16(flags | ERROR_REPORT_LINE_CONT);
		size = error_report_line_size(&l, text, len);
		if (fits && !ern_append(r, st, &l, text, len)) {
			r->line_size += size;
			return;
		}
		if (!r->lost_lines) {
			r->lost_lines++;
			r->lost_bytes += r->line_size;
			r->len = r->line_start;
			r->crc = r->line_crc;
		}
		r->lost_bytes += size;
		return;
	}

	l.flags = cpu_to_le16(flags);
	size = error_report_line_size(&l, text, len);
	r->last_seq = seq;
	r->line_start = r->len;
	r->line_crc = r->crc;
	r->line_size = size;
	if (fits && !ern_append(r, st, &l, text, len))
		return;
	r->lost_lines++;
	r->lost_bytes += size;
}

static u32 ern_caller_id(void)
{
	/* As printk stores it with each record. */
	if (in_task())
		return task_pid_nr(current);
	return 0x80000000 + raw_smp_processor_id();
}

static void ern_open_report(struct ern_report *r, enum error_detector detector,
			    unsigned long id, u64 seq)
{
	r->detector = detector;
	r->seq = seq;
	r->id = id;
	r->cpu = raw_smp_processor_id();
	r->caller_id = ern_caller_id();
	r->pid = 0;
	memset(r->comm, 0, sizeof(r->comm));
	if (in_task()) {
		r->pid = task_pid_nr(current);
		strscpy_pad(r->comm, current->comm, sizeof(r->comm));
	}
	r->flags = 0;
	r->mono_ns = ktime_get_mono_fast_ns();
	r->boot_ns = ktime_get_boot_fast_ns();
	r->real_ns = ktime_get_real_fast_ns();
	r->last_seq = U64_MAX;
	r->len = 0;
	r->crc = ERN_CRC_SEED;
	r->line_start = 0;
	r->line_crc = ERN_CRC_SEED;
	r->line_size = 0;
	r->lost_lines = 0;
	r->lost_bytes = 0;
}

/* zlib's CRC-32 is crc32_le() run from ERN_CRC_SEED, then inverted. */
static u32 ern_crc32_done(u32 crc)
{
	return crc ^ ~0U;
}

static u32 ern_crc32(const void *p, size_t len)
{
	return ern_crc32_done(crc32_le(ERN_CRC_SEED, p, len));
}

/**
 * error_report_seal_header() - set a record header's CRC
 * @h: the header, @h->header_size bytes of it filled in
 *
 * For a store that changes a header after the capture filled it in (the
 * count of repeats).
 *
 * Context: any.
 */
void error_report_seal_header(struct error_report_header *h)
{
	h->header_crc32 = 0;
	h->header_crc32 = cpu_to_le32(ern_crc32(h, le16_to_cpu(h->header_size)));
}
EXPORT_SYMBOL_GPL(error_report_seal_header);

/**
 * error_report_text_crc() - the CRC of a record's text
 * @h: the header, whose @h->body_len bytes of text follow it
 *
 * What @h->body_crc32 holds in a record sealed whole: a store checks a
 * record's text with it before it changes the record.
 *
 * Context: any.
 * Return: the CRC-32 of the text.
 */
u32 error_report_text_crc(const struct error_report_header *h)
{
	const char *text = (const char *)h + le16_to_cpu(h->header_size);
	size_t len = le32_to_cpu(h->body_len);

	return len ? ern_crc32(text, len) : 0;
}
EXPORT_SYMBOL_GPL(error_report_text_crc);

/**
 * error_report_seal() - set a record's CRCs, of its text and of its header
 * @h: the header, whose @h->body_len bytes of text follow it
 *
 * For a store that completes a record the capture could not: one that a
 * reset left open, holding the lines written before it.
 *
 * Context: any.
 */
void error_report_seal(struct error_report_header *h)
{
	h->body_crc32 = cpu_to_le32(error_report_text_crc(h));
	error_report_seal_header(h);
}
EXPORT_SYMBOL_GPL(error_report_seal);

/* Reports of this boot not stored so far, as a header says it. */
static __le32 ern_dropped_le(void)
{
	return cpu_to_le32(min_t(u64, atomic64_read(&ern_dropped), U32_MAX));
}

/*
 * Fill in @r's header as its record starts, flagged open, with no text:
 * every field but the count of repeats, which the sink may set when the
 * record is started.
 */
static void ern_fill_header(struct ern_report *r)
{
	struct error_report_header *h = &r->hdr;

	memcpy(h->magic, ERROR_REPORT_MAGIC, sizeof(h->magic));
	h->version = cpu_to_le16(ERROR_REPORT_VERSION_LINES);
	h->header_size = cpu_to_le16(sizeof(*h));
	h->flags = cpu_to_le32(ERROR_REPORT_F_OPEN);
	h->detector = cpu_to_le32(r->detector);
	h->cpu = cpu_to_le32(r->cpu);
	h->pid = cpu_to_le32(r->pid);
	h->caller_id = cpu_to_le32(r->caller_id);
	memcpy(h->comm, r->comm, sizeof(h->comm));
	h->id = cpu_to_le64(r->id);
	h->seq = cpu_to_le64(r->seq);
	h->mono_ns = cpu_to_le64(r->mono_ns);
	h->boottime_ns = cpu_to_le64(r->boot_ns);
	h->realtime_ns = cpu_to_le64(r->real_ns);
	h->dropped = ern_dropped_le();
	memcpy(h->boot_id, ern_boot_id, sizeof(h->boot_id));
	strscpy_pad(h->release, init_utsname()->release, sizeof(h->release));
	error_report_seal_header(h);
}

/*
 * Complete @r's header for a text of @len bytes, flagged @flags, with @id
 * (0: its start's): the fields the report's end changes, and the seal.
 */
static void ern_end_header(struct ern_report *r, unsigned long id, size_t len,
			   u32 flags)
{
	struct error_report_header *h = &r->hdr;

	h->flags = cpu_to_le32(flags);
	h->id = cpu_to_le64(id ?: r->id);
	h->body_len = cpu_to_le32(len);
	h->dropped = ern_dropped_le();
	/* As error_report_text_crc() takes it from the text. */
	h->body_crc32 = cpu_to_le32(len ? ern_crc32_done(r->crc) : 0);
	error_report_seal_header(h);
}

/*
 * Close the text of @r: a truncated report ends in a line saying how much
 * was not stored, written to the sink if the record has room for it.
 * Returns the text's length.
 */
static size_t ern_close_text(struct ern_report *r, const struct ern_state *st)
{
	size_t hdr = sizeof(struct error_report_header);
	struct error_report_line l = {
		.flags = cpu_to_le16(ERROR_REPORT_LINE_BARE),
	};
	size_t n;

	if (!r->lost_lines)
		return r->len;
	r->flags |= ERROR_REPORT_F_TRUNCATED;
	if (r->room <= hdr + r->len + sizeof(l))
		return r->len;
	n = min(sizeof(r->note), r->room - hdr - r->len - sizeof(l));
	n = scnprintf(r->note, n,
		      "[error_report: truncated: %u more records, %zu bytes, not stored]",
		      r->lost_lines, r->lost_bytes);
	l.len = cpu_to_le16(n);
	/* A sink without room for the line ends the record before it. */
	ern_append(r, st, &l, r->note, n);
	return r->len;
}

/*
 * Start @r's record in the sink, flagged open: from here on, each line is
 * written there as it is captured, and a reset keeps what was written.
 */
static void ern_start_record(struct ern_report *r, const struct ern_state *st)
{
	struct error_report_header *h = &r->hdr;

	memset(h, 0, sizeof(*h));
	ern_fill_header(r);
	r->room = st->size;
	r->open_ret = st->sink->open(&r->stream, h, &r->room);
	if (r->open_ret)
		return;
	r->room = min(r->room, st->size);
	st->sink->write(&r->stream, 0, h, sizeof(*h));
}

/*
 * Complete @r's record in the sink, with @id (0: its start's), and
 * release its buffer. Returns the sink's answer.
 */
static int ern_store(struct ern_report *r, const struct ern_state *st,
		     unsigned long id)
{
	size_t len;
	int ret;

	ret = r->open_ret;
	if (!ret) {
		/* The truncation line, then the header: the record is done. */
		len = ern_close_text(r, st);
		ern_end_header(r, id, len, r->flags);
		ret = st->sink->commit(&r->stream, &r->hdr,
				       sizeof(struct error_report_header) + len);
	}
	ern_release_report(r);
	return ret;
}

/* Count an ended report as stored, repeated or dropped, by the store's answer. */
static void ern_count(int store_ret)
{
	if (store_ret == ERROR_REPORT_REPEAT)
		atomic64_inc(&ern_repeats);
	else
		atomic64_inc(store_ret ? &ern_dropped : &ern_stored);
}

/*
 * @ctx, of context @level, has no report open any more: so printk on its
 * CPU, and task exits for a task context, stop looking at it.
 */
static void ern_ctx_closed(struct ern_ctx *ctx, unsigned int level)
{
	atomic_dec(per_cpu_ptr(&error_report_open, ctx->cpu));
	if (!level)
		atomic_dec(&ern_tasks_open);
}

/*
 * Store the reports open in @ctx, of context @level, as they are, flagged
 * incomplete: their ends will not come. Each counts as ended now. The
 * context is left with none.
 */
static void ern_store_open(struct ern_ctx *ctx, unsigned int level,
			   const struct ern_state *st)
{
	unsigned int d, depth = min_t(unsigned int, ctx->depth, ERN_MAX_NEST);
	bool was_open = ctx->depth;
	struct ern_report *r;

	for (d = depth; d--;) {
		r = ctx->open[d];
		ctx->open[d] = NULL;
		if (!r || !st || ctx->gen != st->gen)
			continue;
		r->flags |= ERROR_REPORT_F_INCOMPLETE;
		atomic64_inc(&ern_ended);
		ern_count(ern_store(r, st, 0));
	}
	if (was_open)
		ern_ctx_closed(ctx, level);
	WRITE_ONCE(ctx->depth, 0);
}

/*
 * The task context of this CPU belongs to another task, @owner, whose
 * report started here and has not ended. Reporters print with preemption
 * off, so @owner left the CPU inside its report: it died there (an oops in
 * the report), or its reporter could be preempted. Either way this CPU's
 * task context is the current task's from now on: @owner's open reports
 * are stored as they are, flagged incomplete, and their ends, which find
 * no context of @owner's, are counted as dropped. Lines are never mixed.
 * A context whose dead owner's reports are being stored (ERN_STORING) is
 * not taken: the new report counts as dropped.
 */
static bool ern_take_over(struct ern_ctx *ctx, struct task_struct *owner,
			  const struct ern_state *st)
{
	if (owner == ERN_STORING || cmpxchg(&ctx->owner, owner, current) != owner)
		return false;
	ern_store_open(ctx, 0, st);
	return true;
}

/*
 * A report starts at @level on this CPU, at @depth in its context: the
 * reports it interrupts, open in lower levels of the CPU or outer in its
 * own context, have another report nested in them. Their lines stay theirs.
 */
static void ern_flag_nested(unsigned int level, unsigned int depth)
{
	struct ern_ctx *ctx;
	unsigned int l, d;

	for (l = 0; l <= level; l++) {
		ctx = ern_this_ctx(l);
		if (!ctx)
			continue;
		d = l == level ? depth : READ_ONCE(ctx->depth);
		if (d && d <= ERN_MAX_NEST && ctx->open[d - 1])
			ctx->open[d - 1]->flags |= ERROR_REPORT_F_NESTED;
	}
}

static void ern_probe_start(void *unused, enum error_detector detector,
			    unsigned long id)
{
	const struct ern_state *st = rcu_dereference_sched(ern_state);
	unsigned int level = ern_level();
	struct ern_ctx *ctx = this_cpu_ptr(&ern_ctxs[level]);
	u64 seq = atomic64_inc_return(&ern_started);
	struct task_struct *owner;
	struct ern_report *r = NULL;
	unsigned int depth;

	if (!level) {
		owner = cmpxchg(&ctx->owner, NULL, current);
		if (owner && owner != current &&
		    !ern_take_over(ctx, owner, st))
			return;	/* counted as dropped when the report ends */
	}
	depth = ctx->depth;
	if (!depth) {
		ctx->cpu = raw_smp_processor_id();
		ctx->gen = st ? st->gen : 0;
		atomic_inc(this_cpu_ptr(&error_report_open));
		if (!level)
			atomic_inc(&ern_tasks_open);
	}
	if (depth < ERN_MAX_NEST && st && ctx->gen == st->gen)
		r = ern_claim_report(st);
	if (r) {
		ern_open_report(r, detector, id, seq);
		ern_start_record(r, st);
	}
	ern_flag_nested(level, depth);
	if (depth < ERN_MAX_NEST)
		ctx->open[depth] = r;
	/* The record is set up before printk can see the report open. */
	barrier();
	WRITE_ONCE(ctx->depth, depth + 1);
}

/*
 * A task-level report that ends on another CPU than it started on (it was
 * preempted and migrated): the context it opened is that CPU's.
 */
static struct ern_ctx *ern_find_task_ctx(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct ern_ctx *ctx = per_cpu_ptr(&ern_ctxs[0], cpu);

		if (READ_ONCE(ctx->owner) == current)
			return ctx;
	}
	return NULL;
}

/*
 * Close the innermost report of the calling context. Returns its record, to
 * store and release, or NULL when it has none.
 */
static struct ern_report *ern_close(const struct ern_state *st,
				    unsigned int level, bool *found)
{
	struct ern_report *r;
	struct ern_ctx *ctx;
	unsigned int depth;

	ctx = ern_this_ctx(level);
	if (!ctx && !level)
		ctx = ern_find_task_ctx();
	*found = ctx && ctx->depth;
	if (!*found)
		return NULL;	/* its start found the context taken */

	r = ern_innermost(ctx, st);
	depth = ctx->depth;
	if (depth <= ERN_MAX_NEST)
		ctx->open[depth - 1] = NULL;
	WRITE_ONCE(ctx->depth, depth - 1);
	if (depth == 1) {
		ern_ctx_closed(ctx, level);
		if (!level) {
			/* Closed before another task claims it (cmpxchg). */
			smp_store_release(&ctx->owner, NULL);
		}
	}
	return r;
}

/*
 * A task that exits with a report open died in it: an oops while it
 * printed a WARN or a KASAN report kills the task, and the report's end
 * never comes. Store its open reports now, flagged incomplete, while the
 * machine still runs. Every exit comes here: with no task context open
 * anywhere, that is one read. The task may have left the CPU its report
 * started on since the oops: that CPU's next report may be taking the
 * context over, hence the cmpxchg; the loser of the two lets it be.
 */
static void ern_probe_exit(void *unused, struct task_struct *p)
{
	struct ern_ctx *ctx;

	if (likely(!atomic_read(&ern_tasks_open)))
		return;
	preempt_disable();
	ctx = ern_find_task_ctx();
	if (ctx && cmpxchg(&ctx->owner, current, ERN_STORING) == current) {
		ern_store_open(ctx, 0, rcu_dereference_sched(ern_state));
		/* Stored before another task claims it (cmpxchg). */
		smp_store_release(&ctx->owner, NULL);
		irq_work_queue(&ern_notify_irq_work);
	}
	preempt_enable();
}

static void ern_probe_end(void *unused, enum error_detector detector,
			  unsigned long id)
{
	const struct ern_state *st = rcu_dereference_sched(ern_state);
	struct ern_report *r;
	int ret = -ENOENT;
	bool found;

	atomic64_inc(&ern_ended);
	r = ern_close(st, ern_level(), &found);
	if (r) {
		if (r->cpu != raw_smp_processor_id())
			r->flags |= ERROR_REPORT_F_LOST_LINES;	/* it migrated */
		ret = ern_store(r, st, id);
	}
	ern_count(ret);
	irq_work_queue(&ern_notify_irq_work);
}

/*
 * The kernel panics: reports open anywhere will not end (panic_on_warn, an
 * oops or a lockup that panics inside a report, a report on a CPU that was
 * stopped). Store each as far as it got, flagged incomplete, before the
 * reset. The other CPUs are stopped by now, so their contexts hold still.
 */
static int ern_panic(struct notifier_block *nb, unsigned long action,
		     void *data)
{
	const struct ern_state *st = rcu_dereference_sched(ern_state);
	struct ern_ctx *ctx;
	unsigned int level;
	int cpu;

	for_each_possible_cpu(cpu) {
		for (level = 0; level < ERN_LEVELS; level++) {
			ctx = per_cpu_ptr(&ern_ctxs[level], cpu);
			if (READ_ONCE(ctx->depth))
				ern_store_open(ctx, level, st);
		}
	}
	return NOTIFY_DONE;
}

/* First: a later panic notifier may hang, and the reset may follow it. */
static struct notifier_block ern_panic_nb = {
	.notifier_call = ern_panic,
	.priority = INT_MAX,
};

/**
 * error_report_register_sink() - store every captured report in @sink
 * @sink: the store; only one may be registered
 *
 * Allocates the state of the reports that may be open at once with a
 * record: two per CPU, at least ERN_POOL_MIN, a header and a few counters
 * each (the text is in the sink only), so that memory does not grow with
 * the size of a record. Reports open at once beyond that many are counted
 * as dropped.
 *
 * Context: process context; may sleep.
 * Return: 0, -EBUSY if a sink is registered, -EINVAL or -ENOMEM.
 */
int error_report_register_sink(struct error_report_sink *sink)
{
	size_t size = sink->max_size;
	struct ern_state *st;

	if (size < sizeof(struct error_report_header) + 2 * ERN_TRUNC_ROOM)
		return -EINVAL;
	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	st->sink = sink;
	st->size = size;
	st->nr = max_t(unsigned int, 2 * num_possible_cpus(), ERN_POOL_MIN);
	st->reports = kvcalloc(st->nr, sizeof(*st->reports), GFP_KERNEL);
	if (!st->reports) {
		kfree(st);
		return -ENOMEM;
	}

	mutex_lock(&ern_sink_mutex);
	if (rcu_access_pointer(ern_state)) {
		mutex_unlock(&ern_sink_mutex);
		kvfree(st->reports);
		kfree(st);
		return -EBUSY;
	}
	st->gen = ++ern_gen;
	rcu_assign_pointer(ern_state, st);
	mutex_unlock(&ern_sink_mutex);
	/* Once: printk tests it from then on, reports or not. */
	static_branch_enable(&error_report_capture_key);
	return 0;
}
EXPORT_SYMBOL_GPL(error_report_register_sink);

/**
 * error_report_unregister_sink() - stop storing reports in @sink
 * @sink: the sink given to error_report_register_sink()
 *
 * Waits until no probe or printk uses @sink or its buffers any more (all of
 * them run with preemption off), then frees the buffers. Reports open at
 * that moment are dropped: their contexts hold a registration number that
 * no later sink has.
 *
 * Context: process context; may sleep.
 */
void error_report_unregister_sink(struct error_report_sink *sink)
{
	struct ern_state *st;

	mutex_lock(&ern_sink_mutex);
	st = rcu_dereference_protected(ern_state,
				       lockdep_is_held(&ern_sink_mutex));
	if (!st || st->sink != sink) {
		mutex_unlock(&ern_sink_mutex);
		return;
	}
	RCU_INIT_POINTER(ern_state, NULL);
	synchronize_rcu();
	mutex_unlock(&ern_sink_mutex);
	kvfree(st->reports);
	kfree(st);
}
EXPORT_SYMBOL_GPL(error_report_unregister_sink);

/* --- sysfs: /sys/kernel/error_report, one value per file ----------------- */

static ssize_t count_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%llu\n", (u64)atomic64_read(&ern_ended));
}

static struct kobj_attribute count_attr = __ATTR_RO(count);

static ssize_t stored_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%llu\n", (u64)atomic64_read(&ern_stored));
}

static struct kobj_attribute stored_attr = __ATTR_RO(stored);

static ssize_t dropped_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%llu\n", (u64)atomic64_read(&ern_dropped));
}

static struct kobj_attribute dropped_attr = __ATTR_RO(dropped);

static ssize_t repeats_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%llu\n", (u64)atomic64_read(&ern_repeats));
}

static struct kobj_attribute repeats_attr = __ATTR_RO(repeats);

static ssize_t format_version_show(struct kobject *kobj,
				   struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", ERROR_REPORT_VERSION);
}

static struct kobj_attribute format_version_attr = __ATTR_RO(format_version);

static struct attribute *ern_attrs[] = {
	&count_attr.attr,
	&stored_attr.attr,
	&dropped_attr.attr,
	&repeats_attr.attr,
	&format_version_attr.attr,
	NULL,
};

static const struct attribute_group ern_group = {
	.attrs = ern_attrs,
};

static int __init ern_sysfs_init(void)
{
	struct kobject *kobj = kobject_create_and_add("error_report", kernel_kobj);
	int ret;

	if (!kobj)
		return -ENOMEM;
	ret = sysfs_create_group(kobj, &ern_group);
	if (ret) {
		kobject_put(kobj);
		return ret;
	}
	WRITE_ONCE(ern_kobj, kobj);
	return 0;
}
late_initcall(ern_sysfs_init);

static int __init error_report_notify_init(void)
{
	int ret;

	BUILD_BUG_ON(ERROR_REPORT_DETECTOR_KFENCE != ERROR_DETECTOR_KFENCE);
	BUILD_BUG_ON(ERROR_REPORT_DETECTOR_KASAN != ERROR_DETECTOR_KASAN);
	BUILD_BUG_ON(ERROR_REPORT_DETECTOR_WARN != ERROR_DETECTOR_WARN);
	BUILD_BUG_ON(sizeof(struct error_report_header) % 8);

	/* The boot's id, as journald files this boot's entries. */
	get_random_boot_id(ern_boot_id);
	atomic_notifier_chain_register(&panic_notifier_list, &ern_panic_nb);
	ret = register_trace_error_report_end(ern_probe_end, NULL);
	if (ret)
		return ret;
	ret = register_trace_error_report_start(ern_probe_start, NULL);
	if (ret) {
		unregister_trace_error_report_end(ern_probe_end, NULL);
		return ret;
	}
	/* Without it, a report whose task dies in it waits for a take over. */
	if (register_trace_sched_process_exit(ern_probe_exit, NULL))
		pr_warn("cannot watch for tasks dying in a report\n");
	return 0;
}
core_initcall(error_report_notify_init);

#if IS_ENABLED(CONFIG_ERROR_REPORT_NOTIFY_KUNIT_TEST)
#include "error_report_notify_kunit.c"
#endif
