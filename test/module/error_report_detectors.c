// SPDX-License-Identifier: GPL-2.0-only
/*
 * error_report_detectors - bounded lockups for the other detectors, and a
 * log of every report's start and end, for the tests of issue 18.
 *
 * debugfs, /sys/kernel/debug/error_report_detectors/:
 *   lockup  write "<what> <seconds>":
 *           soft     this CPU spins with preemption off (a soft lockup, and
 *                    an RCU CPU stall: a grace period is started first)
 *           hard     this CPU spins with interrupts off (a hard lockup,
 *                    reported by the buddy CPU where the kernel has one)
 *           hung     the writer sleeps uninterruptibly (a hung task)
 *           lockdep  (no seconds) takes two mutexes in both orders: a
 *                    lockdep splat, on a kernel with CONFIG_PROVE_LOCKING
 *           race     two threads on two CPUs increment one plain counter:
 *                    a data race, which a KCSAN kernel reports
 *           uninit   (no seconds) a branch on a kmalloc()ed value never
 *                    written: a use of an uninitialized value, which a
 *                    KMSAN kernel reports
 *           Each returns when the CPU or task is free again: the machine
 *           runs on, with its log ready to be compared with the records.
 *   events  every error_report_start and error_report_end since the module
 *           was loaded, one per line: "start|end <detector> <caller>
 *           <local_clock ns>", the caller as printk writes it (T<pid> in
 *           task context, C<cpu> otherwise). A report's lines in the log
 *           are those of its caller stamped between its start and its end:
 *           printk stamps a line with local_clock() before storing it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <trace/events/error_report.h>

#define MAX_EVENTS 1024

struct erd_event {
	bool end;
	u8 detector;
	bool task;
	u32 who;	/* pid in task context, CPU otherwise */
	u64 ns;
};

static struct erd_event events[MAX_EVENTS];
static atomic_t nr_events;

/*
 * Any context, NMI included: a slot taken with one atomic, never reused.
 * The tests read the events once the reports are over.
 */
static void erd_log(bool end, enum error_detector detector)
{
	int i = atomic_inc_return(&nr_events) - 1;
	struct erd_event *e;

	if (i >= MAX_EVENTS)
		return;
	e = &events[i];
	e->ns = local_clock();
	e->end = end;
	e->detector = detector;
	e->task = in_task();
	e->who = e->task ? task_pid_nr(current) : raw_smp_processor_id();
}

static void erd_start(void *data, enum error_detector detector, unsigned long id)
{
	erd_log(false, detector);
}

static void erd_end(void *data, enum error_detector detector, unsigned long id)
{
	erd_log(true, detector);
}

static int events_show(struct seq_file *m, void *v)
{
	int i, n = min(atomic_read(&nr_events), MAX_EVENTS);

	for (i = 0; i < n; i++)
		seq_printf(m, "%s %u %c%u %llu\n", events[i].end ? "end" : "start",
			   events[i].detector, events[i].task ? 'T' : 'C',
			   events[i].who, events[i].ns);
	if (atomic_read(&nr_events) > MAX_EVENTS)
		seq_puts(m, "overflow\n");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(events);

/*
 * By the clocksource, not udelay(): under TCG on a busy host a secondary
 * CPU's delay loop calibration can fail and make udelay() a thousand times
 * too short. The clocksource is read directly, interrupts off or not.
 */
static void busy_seconds(unsigned int s)
{
	u64 end = ktime_get_mono_fast_ns() + (u64)s * NSEC_PER_SEC;

	while (ktime_get_mono_fast_ns() < end)
		cpu_relax();
}

/* The branch is the point: KMSAN reports where the value decides. */
static noinline int use_uninit_value(void)
{
	int *p = kmalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (READ_ONCE(*p) == 0x5a5a5a5a)
		pr_info("the uninitialized value was 0x5a5a5a5a\n");
	kfree(p);
	return 0;
}

static DEFINE_MUTEX(lock_a);
static DEFINE_MUTEX(lock_b);

static int lockdep_splat(void)
{
	if (!IS_ENABLED(CONFIG_PROVE_LOCKING))
		return -EOPNOTSUPP;
	mutex_lock(&lock_a);
	mutex_lock(&lock_b);
	mutex_unlock(&lock_b);
	mutex_unlock(&lock_a);
	/* The reverse order: "possible circular locking dependency". */
	mutex_lock(&lock_b);
	mutex_lock(&lock_a);
	mutex_unlock(&lock_a);
	mutex_unlock(&lock_b);
	return 0;
}

static unsigned long racy_counter;
static atomic_t racers_done;

/*
 * The race is the point: a plain read-modify-write from two CPUs, in a
 * function of its own so that every round reads and writes memory (the
 * compiler keeps the counter in a register otherwise, barrier() or not).
 */
static noinline void racy_increment(void)
{
	racy_counter++;
}

static int racer_fn(void *arg)
{
	unsigned long end = jiffies + (unsigned long)arg;

	while (time_before(jiffies, end))
		racy_increment();
	atomic_inc(&racers_done);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int raise_data_race(unsigned int s)
{
	struct task_struct *t[2];
	int i;

	if (num_online_cpus() < 2)
		return -EOPNOTSUPP;
	atomic_set(&racers_done, 0);
	for (i = 0; i < 2; i++) {
		t[i] = kthread_create(racer_fn, (void *)(unsigned long)(s * HZ),
				      "erd_racer/%d", i);
		if (IS_ERR(t[i])) {
			int err = PTR_ERR(t[i]);

			while (i--)
				kthread_stop(t[i]);
			return err;
		}
		kthread_bind(t[i], cpumask_nth(i, cpu_online_mask));
	}
	for (i = 0; i < 2; i++)
		wake_up_process(t[i]);
	while (atomic_read(&racers_done) < 2)
		schedule_timeout_interruptible(HZ / 10);
	for (i = 0; i < 2; i++)
		kthread_stop(t[i]);
	return 0;
}

static ssize_t raise_lockup(struct file *file, const char __user *ubuf,
			    size_t len, loff_t *ppos)
{
	char buf[32], what[16];
	unsigned int s = 0;
	int ret = 0;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%15s %u", what, &s) < 1 || s > 60)
		return -EINVAL;

	if (!strcmp(what, "soft")) {
		/* A grace period waits for this CPU: the stall detector looks. */
		start_poll_synchronize_rcu();
		preempt_disable();
		busy_seconds(s);
		preempt_enable();
	} else if (!strcmp(what, "hard")) {
		local_irq_disable();
		busy_seconds(s);
		local_irq_enable();
	} else if (!strcmp(what, "hung")) {
		schedule_timeout_uninterruptible(s * HZ);
	} else if (!strcmp(what, "lockdep")) {
		ret = lockdep_splat();
	} else if (!strcmp(what, "race")) {
		ret = raise_data_race(s ?: 1);
	} else if (!strcmp(what, "uninit")) {
		ret = use_uninit_value();
	} else {
		ret = -EINVAL;
	}
	return ret ? ret : len;
}

static const struct file_operations lockup_fops = {
	.write = raise_lockup,
};

static struct dentry *dir;

static int __init erd_init(void)
{
	int ret = register_trace_error_report_start(erd_start, NULL);

	if (ret)
		return ret;
	ret = register_trace_error_report_end(erd_end, NULL);
	if (ret) {
		unregister_trace_error_report_start(erd_start, NULL);
		return ret;
	}
	dir = debugfs_create_dir("error_report_detectors", NULL);
	debugfs_create_file("lockup", 0200, dir, NULL, &lockup_fops);
	debugfs_create_file("events", 0400, dir, NULL, &events_fops);
	return 0;
}

static void __exit erd_exit(void)
{
	debugfs_remove_recursive(dir);
	unregister_trace_error_report_end(erd_end, NULL);
	unregister_trace_error_report_start(erd_start, NULL);
	tracepoint_synchronize_unregister();
}

module_init(erd_init);
module_exit(erd_exit);
MODULE_DESCRIPTION("Bounded lockups and a log of error report events");
MODULE_LICENSE("GPL");
