// SPDX-License-Identifier: GPL-2.0-only
/*
 * error_report_notify - capture each error report (KASAN, KFENCE, WARN)
 * exactly, hand it to a persistent store, and count it for userspace.
 *
 * Finding a report's lines. Detectors fire error_report_start before their
 * first line and error_report_end after their last one. At the start we note
 * the printk sequence number the next record will get and the printk caller
 * id of the reporting context (the task's pid, or the CPU outside task
 * context). At the end, every record from that sequence number on that has
 * the same caller id belongs to the report: lines other CPUs or contexts
 * printed in between are left out because printk stored another caller id
 * with them. Nothing is copied while the report prints; the printk ring
 * buffer is the only copy until the end, so this is not a second printk.
 *
 * Several reports at once. Open reports live in a small table of frames
 * keyed by caller id, so reports on different CPUs or tasks never share
 * state. A report that starts while another is open under the same caller
 * id is nested in it (say a WARN from an NMI that hit a hardirq KASAN
 * report): when the inner one ends, its sequence range becomes a hole in the
 * outer one, and each is captured whole and alone.
 *
 * Any context. The probes run wherever a detector reports: NMI, hardirq with
 * interrupts off, the page-fault handler. They take no lock, allocate
 * nothing and never wait: frames are claimed with cmpxchg, each CPU has one
 * preallocated record buffer per context level (task, softirq, hardirq,
 * NMI), and the store is the sink's lock-free ->store(). Anything that
 * cannot be had at once is counted as dropped, never waited for.
 *
 * Telling userspace. The counters in /sys/kernel/error_report are raised
 * with sysfs_notify() after every report, so poll(2) on them wakes up. That
 * cannot be done from the report context: an irq_work (NMI-safe) hands over
 * to a work item, which notifies.
 */
#define pr_fmt(fmt) "error_report: " fmt

#include <linux/atomic.h>
#include <linux/crc32.h>
#include <linux/debugfs.h>
#include <linux/error_report_notify.h>
#include <linux/init.h>
#include <linux/irq_work.h>
#include <linux/kobject.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/timekeeping.h>
#include <linux/utsname.h>
#include <linux/uuid.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <trace/events/error_report.h>
#include <uapi/linux/error_report.h>

/* Reports open at once, across all CPUs and tasks, nested ones included. */
#define ERN_MAX_FRAMES		32
/* Nested reports one report can leave out of its text. */
#define ERN_MAX_HOLES		4
/* Context levels with a buffer of their own on each CPU. */
#define ERN_LEVELS		4
/* A frame left open this long (its end never came) may be reused. */
#define ERN_STALE_NS		(30ULL * NSEC_PER_SEC)
/* Room kept for the line that says a report was truncated. */
#define ERN_TRUNC_ROOM		96

enum ern_frame_state {
	ERN_FREE,
	ERN_BUSY,	/* being filled in or taken down by its owner */
	ERN_OPEN,
};

struct ern_hole {
	u64 start_seq;
	u64 end_seq;
};

/**
 * struct ern_frame - one report between its start and its end
 * @state:	enum ern_frame_state
 * @gen:	order in which frames were opened; nesting follows it
 * @start_clock: local_clock() at the start, to time the report
 * @caller_id:	printk caller id of the reporter
 * @detector:	enum error_detector
 * @start_seq:	first printk sequence number that can belong to the report
 * @mono_ns:	CLOCK_MONOTONIC at the start
 * @boot_ns:	CLOCK_BOOTTIME at the start
 * @real_ns:	CLOCK_REALTIME at the start
 * @nr_holes:	nested reports ended inside this one
 * @holes:	their sequence ranges, left out of this report's text
 */
struct ern_frame {
	atomic_t state;
	u64 gen;
	u64 start_clock;
	u32 caller_id;
	u32 detector;
	u64 start_seq;
	u64 mono_ns;
	u64 boot_ns;
	u64 real_ns;
	unsigned int nr_holes;
	struct ern_hole holes[ERN_MAX_HOLES];
};

static struct ern_frame ern_frames[ERN_MAX_FRAMES];

static struct error_report_sink __rcu *ern_sink;
static DEFINE_MUTEX(ern_sink_mutex);
/* nr_cpu_ids * ERN_LEVELS buffers of ern_buf_size bytes each. */
static char *ern_bufs;
static size_t ern_buf_size;
static DEFINE_PER_CPU(unsigned long, ern_buf_busy);

static atomic64_t ern_gen;		/* frames opened this boot */
static atomic64_t ern_seq;		/* reports ended this boot */
static atomic_t ern_dropped;		/* of those, not stored */
static atomic_t ern_stored;
static u8 ern_boot_id[16];
static struct kobject *ern_kobj;

static void ern_notify_fn(struct work_struct *work)
{
	if (!ern_kobj)
		return;
	sysfs_notify(ern_kobj, NULL, "count");
	sysfs_notify(ern_kobj, NULL, "stored");
	sysfs_notify(ern_kobj, NULL, "dropped");
}

static DECLARE_WORK(ern_notify_work, ern_notify_fn);

static void ern_notify_irq_fn(struct irq_work *work)
{
	schedule_work(&ern_notify_work);
}

static DEFINE_IRQ_WORK(ern_notify_irq_work, ern_notify_irq_fn);

static int ern_level(void)
{
	if (in_nmi())
		return 3;
	if (in_hardirq())
		return 2;
	if (in_serving_softirq())
		return 1;
	return 0;
}

/* A frame is stale when its end did not come (the reporter died or panicked). */
static bool ern_frame_stale(struct ern_frame *f, u64 now)
{
	return atomic_read(&f->state) == ERN_OPEN &&
	       now - READ_ONCE(f->mono_ns) > ERN_STALE_NS;
}

static struct ern_frame *ern_claim_frame(u64 now)
{
	int i;

	for (i = 0; i < ERN_MAX_FRAMES; i++)
		if (atomic_cmpxchg(&ern_frames[i].state, ERN_FREE, ERN_BUSY) == ERN_FREE)
			return &ern_frames[i];
	for (i = 0; i < ERN_MAX_FRAMES; i++)
		if (ern_frame_stale(&ern_frames[i], now) &&
		    atomic_cmpxchg(&ern_frames[i].state, ERN_OPEN, ERN_BUSY) == ERN_OPEN)
			return &ern_frames[i];
	return NULL;
}

/*
 * The innermost open frame of @caller_id opened before @before_gen: the
 * report in progress for this caller or, given a nested report's @gen, the
 * report that one is nested in.
 */
static struct ern_frame *ern_find_frame(u32 caller_id, u64 before_gen)
{
	struct ern_frame *best = NULL;
	int i;

	for (i = 0; i < ERN_MAX_FRAMES; i++) {
		struct ern_frame *f = &ern_frames[i];

		if (atomic_read(&f->state) != ERN_OPEN || f->caller_id != caller_id)
			continue;
		if (f->gen >= before_gen)
			continue;
		if (!best || f->gen > best->gen)
			best = f;
	}
	return best;
}

static void ern_probe_start(void *unused, enum error_detector detector,
			    unsigned long id)
{
	u64 now = ktime_get_mono_fast_ns();
	struct ern_frame *f = ern_claim_frame(now);

	if (!f)
		return;	/* counted as dropped when the report ends */
	f->gen = atomic64_inc_return(&ern_gen);
	f->start_clock = local_clock();
	f->caller_id = printk_get_caller_id();
	f->detector = detector;
	f->start_seq = printk_get_next_reserved_seq();
	f->mono_ns = now;
	f->boot_ns = ktime_get_boot_fast_ns();
	f->real_ns = ktime_get_real_fast_ns();
	f->nr_holes = 0;
	atomic_set_release(&f->state, ERN_OPEN);
}

static bool ern_in_hole(const struct ern_frame *f, u64 seq)
{
	unsigned int i;

	for (i = 0; i < min_t(unsigned int, f->nr_holes, ERN_MAX_HOLES); i++)
		if (seq >= f->holes[i].start_seq && seq < f->holes[i].end_seq)
			return true;
	return false;
}

/*
 * Copy the report's records into @body, whole lines only. Returns the bytes
 * used and sets ERROR_REPORT_F_* in @flags.
 */
static size_t ern_copy_text(const struct ern_frame *f, u64 end_seq,
			    char *body, size_t room, u32 *flags)
{
	struct printk_caller_iter it = {
		.seq = f->start_seq,
		.end_seq = end_seq,
		.caller_id = f->caller_id,
	};
	size_t len = 0, lost_bytes = 0;
	unsigned int lost_records = 0;
	bool truncated = false;
	ssize_t n;

	for (;;) {
		if (truncated)
			n = printk_caller_iter_next(&it, NULL, 0);
		else
			n = printk_caller_iter_next(&it, body + len, room - len);
		if (n == -ENOSPC) {
			/* Does not fit: measure it; unless nested, the text ends here. */
			n = printk_caller_iter_next(&it, NULL, 0);
			if (n > 0 && !ern_in_hole(f, it.rec_seq))
				truncated = true;
		}
		if (n <= 0)
			break;
		if (ern_in_hole(f, it.rec_seq))
			continue;	/* a nested report's record: not ours */
		if (truncated) {
			lost_bytes += n;
			lost_records++;
			continue;
		}
		len += n;
	}
	if (truncated)
		*flags |= ERROR_REPORT_F_TRUNCATED;
	if (it.lost)
		*flags |= ERROR_REPORT_F_LOST_LINES;
	if (f->nr_holes)
		*flags |= ERROR_REPORT_F_NESTED;
	if (f->nr_holes > ERN_MAX_HOLES)
		*flags |= ERROR_REPORT_F_NESTED_MIXED;
	if (truncated)
		len += scnprintf(body + len, room + ERN_TRUNC_ROOM - len,
				 "[error_report: truncated: %u more records, %zu bytes, not stored]\n",
				 lost_records, lost_bytes);
	return len;
}

static u32 ern_crc32(const void *p, size_t len)
{
	return crc32_le(~0U, p, len) ^ ~0U;
}

/* Build the record for frame @f in @buf. Returns its size. */
static size_t ern_format(const struct ern_frame *f, unsigned long id, u64 seq,
			 u64 end_seq, char *buf, size_t size)
{
	struct error_report_header *h = (struct error_report_header *)buf;
	char *body = buf + sizeof(*h);
	u32 flags = 0;
	size_t len;

	len = ern_copy_text(f, end_seq, body, size - sizeof(*h) - ERN_TRUNC_ROOM,
			    &flags);

	memset(h, 0, sizeof(*h));
	memcpy(h->magic, ERROR_REPORT_MAGIC, sizeof(h->magic));
	h->version = cpu_to_le16(ERROR_REPORT_VERSION);
	h->header_size = cpu_to_le16(sizeof(*h));
	h->flags = cpu_to_le32(flags);
	h->detector = cpu_to_le32(f->detector);
	h->cpu = cpu_to_le32(raw_smp_processor_id());
	h->caller_id = cpu_to_le32(f->caller_id);
	if (in_task()) {
		h->pid = cpu_to_le32(task_pid_nr(current));
		strscpy_pad(h->comm, current->comm, sizeof(h->comm));
	}
	h->id = cpu_to_le64(id);
	h->seq = cpu_to_le64(seq);
	h->mono_ns = cpu_to_le64(f->mono_ns);
	h->boottime_ns = cpu_to_le64(f->boot_ns);
	h->realtime_ns = cpu_to_le64(f->real_ns);
	h->body_len = cpu_to_le32(len);
	h->body_crc32 = cpu_to_le32(ern_crc32(body, len));
	h->dropped = cpu_to_le32(atomic_read(&ern_dropped));
	memcpy(h->boot_id, ern_boot_id, sizeof(h->boot_id));
	strscpy_pad(h->release, init_utsname()->release, sizeof(h->release));
	h->header_crc32 = cpu_to_le32(ern_crc32(h, sizeof(*h)));
	return sizeof(*h) + len;
}

/*
 * What a report costs, for "make bench": the last ERN_TIMINGS reports' time
 * in this code (capture and store) against the time the report took to
 * print, and its size. In debugfs, error_report/timings.
 */
#define ERN_TIMINGS 256

struct ern_timing {
	u32 capture_ns;
	u32 report_ns;
	u32 bytes;
};

static struct ern_timing ern_timings[ERN_TIMINGS];
static atomic_t ern_timings_n;

static void ern_time(const struct ern_frame *f, u64 end_clock, u64 done_clock,
		     size_t bytes)
{
	unsigned int i = (atomic_inc_return(&ern_timings_n) - 1) % ERN_TIMINGS;

	ern_timings[i].capture_ns = min_t(u64, done_clock - end_clock, U32_MAX);
	ern_timings[i].report_ns = min_t(u64, end_clock - f->start_clock, U32_MAX);
	ern_timings[i].bytes = bytes;
}

/* Capture and store the report of frame @f. Returns 0 when it was stored. */
static int ern_store(const struct ern_frame *f, unsigned long id, u64 seq,
		     u64 end_seq, u64 end_clock)
{
	struct error_report_sink *sink = rcu_dereference_sched(ern_sink);
	int level = ern_level();
	unsigned long *busy;
	size_t size;
	char *buf;
	int ret;

	if (!sink)
		return -ENODEV;
	/* A report raised by our own capture at the same level: give up on it. */
	busy = this_cpu_ptr(&ern_buf_busy);
	if (test_and_set_bit(level, busy))
		return -EBUSY;
	buf = ern_bufs + (raw_smp_processor_id() * ERN_LEVELS + level) * ern_buf_size;
	size = ern_format(f, id, seq, end_seq, buf, ern_buf_size);
	ret = sink->store(buf, size);
	ern_time(f, end_clock, local_clock(), size);
	clear_bit(level, busy);
	return ret;
}

static void ern_probe_end(void *unused, enum error_detector detector,
			  unsigned long id)
{
	u64 end_clock = local_clock();
	u32 caller_id = printk_get_caller_id();
	u64 end_seq = printk_get_next_reserved_seq();
	u64 seq = atomic64_inc_return(&ern_seq);
	struct ern_frame *f, *outer;

	f = ern_find_frame(caller_id, U64_MAX);
	if (!f || atomic_cmpxchg(&f->state, ERN_OPEN, ERN_BUSY) != ERN_OPEN) {
		atomic_inc(&ern_dropped);
		irq_work_queue(&ern_notify_irq_work);
		return;
	}

	if (ern_store(f, id, seq, end_seq, end_clock))
		atomic_inc(&ern_dropped);
	else
		atomic_inc(&ern_stored);

	/* Leave this report's lines out of the one it is nested in. */
	outer = ern_find_frame(caller_id, f->gen);
	if (outer) {
		unsigned int n = outer->nr_holes++;

		if (n < ERN_MAX_HOLES) {
			outer->holes[n].start_seq = f->start_seq;
			outer->holes[n].end_seq = end_seq;
		}
	}
	atomic_set_release(&f->state, ERN_FREE);
	irq_work_queue(&ern_notify_irq_work);
}

/**
 * error_report_register_sink() - store every captured report in @sink
 * @sink: the store; only one may be registered
 *
 * Allocates the per-CPU record buffers, sized for @sink->max_size.
 *
 * Context: process context; may sleep.
 * Return: 0, -EBUSY if a sink is registered, -EINVAL or -ENOMEM.
 */
int error_report_register_sink(struct error_report_sink *sink)
{
	size_t size = sink->max_size;
	char *bufs;

	if (size < sizeof(struct error_report_header) + 2 * ERN_TRUNC_ROOM)
		return -EINVAL;
	bufs = vzalloc(array3_size(nr_cpu_ids, ERN_LEVELS, size));
	if (!bufs)
		return -ENOMEM;

	mutex_lock(&ern_sink_mutex);
	if (rcu_access_pointer(ern_sink)) {
		mutex_unlock(&ern_sink_mutex);
		vfree(bufs);
		return -EBUSY;
	}
	ern_bufs = bufs;
	ern_buf_size = size;
	rcu_assign_pointer(ern_sink, sink);
	mutex_unlock(&ern_sink_mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(error_report_register_sink);

/**
 * error_report_unregister_sink() - stop storing reports in @sink
 * @sink: the sink given to error_report_register_sink()
 *
 * Waits until no probe uses @sink or the buffers any more, then frees them.
 *
 * Context: process context; may sleep.
 */
void error_report_unregister_sink(struct error_report_sink *sink)
{
	char *bufs;

	mutex_lock(&ern_sink_mutex);
	if (rcu_access_pointer(ern_sink) != sink) {
		mutex_unlock(&ern_sink_mutex);
		return;
	}
	RCU_INIT_POINTER(ern_sink, NULL);
	/* The probes run with preemption off: this waits for them. */
	synchronize_rcu();
	bufs = ern_bufs;
	ern_bufs = NULL;
	ern_buf_size = 0;
	mutex_unlock(&ern_sink_mutex);
	vfree(bufs);
}
EXPORT_SYMBOL_GPL(error_report_unregister_sink);

/* --- sysfs: /sys/kernel/error_report, one value per file ----------------- */

static ssize_t count_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%llu\n", (u64)atomic64_read(&ern_seq));
}

static struct kobj_attribute count_attr = __ATTR_RO(count);

static ssize_t stored_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&ern_stored));
}

static struct kobj_attribute stored_attr = __ATTR_RO(stored);

static ssize_t dropped_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&ern_dropped));
}

static struct kobj_attribute dropped_attr = __ATTR_RO(dropped);

static ssize_t boot_id_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%pUb\n", ern_boot_id);
}

static struct kobj_attribute boot_id_attr = __ATTR_RO(boot_id);

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
	&boot_id_attr.attr,
	&format_version_attr.attr,
	NULL,
};

static const struct attribute_group ern_group = {
	.attrs = ern_attrs,
};

static int ern_timings_show(struct seq_file *m, void *v)
{
	unsigned int n = min_t(unsigned int, atomic_read(&ern_timings_n), ERN_TIMINGS);
	unsigned int i;

	seq_puts(m, "# capture_ns report_ns bytes\n");
	for (i = 0; i < n; i++)
		seq_printf(m, "%u %u %u\n", ern_timings[i].capture_ns,
			   ern_timings[i].report_ns, ern_timings[i].bytes);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ern_timings);

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
	debugfs_create_file("timings", 0400,
			    debugfs_create_dir("error_report", NULL), NULL,
			    &ern_timings_fops);
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

	generate_random_uuid(ern_boot_id);
	ret = register_trace_error_report_end(ern_probe_end, NULL);
	if (ret)
		return ret;
	ret = register_trace_error_report_start(ern_probe_start, NULL);
	if (ret)
		unregister_trace_error_report_end(ern_probe_end, NULL);
	return ret;
}
core_initcall(error_report_notify_init);

#if IS_ENABLED(CONFIG_ERROR_REPORT_NOTIFY_KUNIT_TEST)
#include "error_report_notify_kunit.c"
#endif
