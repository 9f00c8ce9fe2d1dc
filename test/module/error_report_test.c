// SPDX-License-Identifier: GPL-2.0-only
/*
 * error_report_test - raise real KASAN, KFENCE and WARN reports on demand.
 *
 * debugfs, /sys/kernel/debug/error_report_test/:
 *   trigger  write "<kind> <context>"
 *            kind:    kasan-oob kasan-uaf kfence-oob kfence-uaf warn
 *            context: task softirq hardirq nmi (nmi: warn on x86 only)
 *   storm    write "<reports per cpu> [warn|kasan]": every online CPU but the
 *            last raises that many reports (WARN and KASAN, or one of them,
 *            rotating through task, softirq and hardirq context) while the
 *            last CPU floods printk. WARN only keeps lockdep on: a KASAN report taints
 *            the kernel, which turns lock debugging off.
 *   nested   write anything: a KASAN report in hardirq context with a WARN
 *            from an NMI nested in the middle of it (x86): the NMI is sent
 *            to this CPU from the console tracepoint while the report
 *            prints its "Read of size" line
 *   interleave write "<context> <what>": a WARN in <context> (task, softirq,
 *            hardirq) while another context of the same CPU prints in the
 *            middle of it, from the console tracepoint on its "cut here"
 *            line. <what> is "irq": an irq_work prints a line, and from a
 *            task WARN also schedules a tasklet that prints one (both marked
 *            "ert-foreign"); or "nmi-backtrace": another CPU asks for every
 *            CPU's backtrace (sysrq l, lib/nmi_backtrace.c), so this CPU
 *            prints its own in NMI in the middle of the report. The time
 *            window this CPU waited for it, in which only NMI lines were
 *            printed on it, is in "window" ("<cpu> <start_ns> <end_ns>").
 *   idle     write anything: every online CPU raises a WARN from its idle
 *            task (pid 0 on every CPU) at the same time, from the cpu_idle
 *            tracepoint, after waiting for the others there.
 *   ringwrap write a byte count: a WARN from this task that prints that many
 *            bytes of numbered lines ("ert-ring-wrap line <n>") first, from
 *            its error_report_start event, more than the printk ring buffer
 *            holds: the ring wraps inside the report and loses its first
 *            lines before the report ends.
 *   deep     write a depth N: a WARN from this task with a WARN nested in
 *            it, and so on, N deep: each is raised from the error_report_start
 *            event of the one around it, so every report is open when the
 *            next starts (more reports open in one context than the capture
 *            keeps, from depth 3)
 *   crash    write anything: a WARN from this task that faults (a NULL
 *            pointer write) from its error_report_start event, so an oops
 *            interrupts the report and kills the task (or panics the
 *            kernel, with panic_on_oops): the WARN's end never comes
 *   hang     write a count N: a WARN from this task whose error_report_start
 *            event prints N numbered lines ("ert-hang line <n>") and then
 *            spins forever with preemption off, as a report that deadlocks:
 *            its end never comes, nor a panic; only a reset (the hardware
 *            watchdog) ends it. Write from a background task.
 *   repeat   write a count N: N WARNs from this task, all from one site (one
 *            WARN in a loop, as a WARN in a hot path)
 *   sites    write "<first> <count>": WARNs from this task from <count>
 *            distinct sites, numbered from <first> (0..19), one each
 *   raised   number of reports this module has raised (one per trigger).
 *   memcpy_ns write a size: read back the median time of a memcpy() of that
 *            many bytes, the yardstick "make bench" compares capture with.
 *   printk_ns write a count: read back the median time of one printk() of a
 *            KERN_DEBUG line (stored, not printed on the console) over that
 *            many, no report open: what printk pays for the capture's hook
 *            when a store is registered, against a boot without one.
 *   line_ns  write a count N (at most 128): a WARN from this task whose
 *            error_report_start event prints N KERN_DEBUG lines, as
 *            printk_ns does, inside the open report; read back the median
 *            time of one: against printk_ns, what the capture adds to each
 *            line of a report (its copy, written into the record as it
 *            prints).
 *   timings  write 1: time every report from now on (0: stop); read: one
 *            line per report ended since, "<capture_ns> <report_ns>": the
 *            time the capture's error_report_start and error_report_end
 *            probes took (the record started in the store, then completed),
 *            and the time between them (the report's printing, each line
 *            written into the record as it prints: see line_ns), from
 *            probes of this module on both events, called before and after
 *            the capture's own (tracepoint priorities).
 *
 * A KFENCE object cannot be had on demand: it is allocated in task context
 * first (allocating until the sampling gate hands one out), then the bad
 * access is made in the requested context.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/kfence.h>
#include <linux/kthread.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/sysrq.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/tracepoint.h>
#include <trace/events/error_report.h>
#include <trace/events/power.h>
#ifdef CONFIG_X86
#include <asm/apic.h>
#include <asm/nmi.h>
#endif

enum ert_kind { KASAN_OOB, KASAN_UAF, KFENCE_OOB, KFENCE_UAF, WARN_REPORT, NR_KINDS };
enum ert_ctx { CTX_TASK, CTX_SOFTIRQ, CTX_HARDIRQ, CTX_NMI, NR_CTX };

static const char * const kind_names[NR_KINDS] = {
	"kasan-oob", "kasan-uaf", "kfence-oob", "kfence-uaf", "warn",
};

static const char * const ctx_names[NR_CTX] = {
	"task", "softirq", "hardirq", "nmi",
};

/* One request: what to do, where, and the KFENCE object prepared for it. */
struct ert_req {
	enum ert_kind kind;
	enum ert_ctx ctx;
	char *kfence_obj;
	struct completion done;
	struct tasklet_struct tasklet;
	struct irq_work irq_work;
};

static atomic_t raised = ATOMIC_INIT(0);

/* Tracepoints are not exported to modules; find them by name, as kfence_test does. */
struct ert_tp_lookup {
	const char *name;
	struct tracepoint *tp;
};

static void find_tp(struct tracepoint *tp, void *priv)
{
	struct ert_tp_lookup *l = priv;

	if (!strcmp(tp->name, l->name))
		l->tp = tp;
}

static struct tracepoint *lookup_tp(const char *name)
{
	struct ert_tp_lookup l = { .name = name };

	for_each_kernel_tracepoint(find_tp, &l);
	return l.tp;
}

#define KFENCE_OBJ_SIZE 64	/* a multiple of the cache alignment: ends on the guard page when right-aligned */

/* A slab object KASAN watches: not one KFENCE happened to sample. */
static void *kasan_alloc(size_t size)
{
	void *p = kmalloc(size, GFP_ATOMIC);

	while (p && is_kfence_address(p)) {
		void *q = kmalloc(size, GFP_ATOMIC);

		kfree(p);
		p = q;
	}
	return p;
}

/*
 * Past the end of a kmalloc-128 object, in a granule of its redzone: 16
 * bytes is the hardware tag-based mode's granule (MTE), which cannot see an
 * access within the object's last granule; 8 bytes the generic mode's.
 */
static noinline void do_kasan_oob(void)
{
	size_t size = 128 - 16 - 5;
	char *p = kasan_alloc(size);

	if (!p)
		return;
	OPTIMIZER_HIDE_VAR(p);
	((volatile char *)p)[size + 5] = 'x';
	kfree(p);
}

static noinline void do_kasan_uaf(void)
{
	char *p = kasan_alloc(64);

	if (!p)
		return;
	kfree(p);
	OPTIMIZER_HIDE_VAR(p);
	(void)((volatile char *)p)[8];
}

static noinline void do_kfence_oob(char *p)
{
	/* Left-aligned objects have the guard page before them. */
	if (PAGE_ALIGNED(p))
		(void)((volatile char *)p)[-1];
	else
		(void)((volatile char *)p)[KFENCE_OBJ_SIZE];
}

static noinline void do_kfence_uaf(char *p)
{
	(void)((volatile char *)p)[0];
}

static noinline void do_warn(enum ert_ctx ctx)
{
	WARN(1, "error_report_test: warning from %s context\n", ctx_names[ctx]);
}

static void raise_report(struct ert_req *req)
{
	atomic_inc(&raised);
	switch (req->kind) {
	case KASAN_OOB:
		do_kasan_oob();
		break;
	case KASAN_UAF:
		do_kasan_uaf();
		break;
	case KFENCE_OOB:
		do_kfence_oob(req->kfence_obj);
		break;
	case KFENCE_UAF:
		do_kfence_uaf(req->kfence_obj);
		break;
	default:
		do_warn(req->ctx);
		break;
	}
}

static void softirq_fn(struct tasklet_struct *t)
{
	struct ert_req *req = from_tasklet(req, t, tasklet);

	raise_report(req);
	complete(&req->done);
}

static void hardirq_fn(struct irq_work *w)
{
	struct ert_req *req = container_of(w, struct ert_req, irq_work);

	raise_report(req);
	complete(&req->done);
}

#ifdef CONFIG_X86
static struct ert_req *nmi_req;

/* complete() takes a lock: not from NMI; an irq_work hands over. */
static void nmi_done_fn(struct irq_work *w)
{
	struct ert_req *req = container_of(w, struct ert_req, irq_work);

	complete(&req->done);
}

static int nmi_fn(unsigned int cmd, struct pt_regs *regs)
{
	struct ert_req *req = READ_ONCE(nmi_req);

	if (!req)
		return NMI_DONE;
	raise_report(req);
	irq_work_queue(&req->irq_work);
	WRITE_ONCE(nmi_req, NULL);
	return NMI_HANDLED;
}

static int raise_in_nmi(struct ert_req *req)
{
	int cpu = get_cpu();

	init_irq_work(&req->irq_work, nmi_done_fn);
	WRITE_ONCE(nmi_req, req);
	apic->send_IPI_mask(cpumask_of(cpu), NMI_VECTOR);
	put_cpu();
	return 0;
}
#else
static int raise_in_nmi(struct ert_req *req)
{
	return -EOPNOTSUPP;
}
#endif

/* Allocate until KFENCE hands out an object; it samples one per interval. */
static char *kfence_alloc_obj(void)
{
	unsigned long deadline = jiffies + 30 * HZ;
	char *p;

	while (time_before(jiffies, deadline)) {
		p = kmalloc(KFENCE_OBJ_SIZE, GFP_KERNEL);
		if (p && is_kfence_address(p))
			return p;
		kfree(p);
		cond_resched();
	}
	return NULL;
}

static int run_request(struct ert_req *req)
{
	int ret = 0;

	init_completion(&req->done);
	if (req->kind == KFENCE_OOB || req->kind == KFENCE_UAF) {
		req->kfence_obj = kfence_alloc_obj();
		if (!req->kfence_obj)
			return -EAGAIN;
		if (req->kind == KFENCE_UAF)
			kfree(req->kfence_obj);
	}

	switch (req->ctx) {
	case CTX_TASK:
		raise_report(req);
		complete(&req->done);
		break;
	case CTX_SOFTIRQ:
		tasklet_setup(&req->tasklet, softirq_fn);
		tasklet_schedule(&req->tasklet);
		break;
	case CTX_HARDIRQ:
		init_irq_work(&req->irq_work, hardirq_fn);
		irq_work_queue(&req->irq_work);
		break;
	case CTX_NMI:
		ret = req->kind == WARN_REPORT ? raise_in_nmi(req) : -EOPNOTSUPP;
		break;
	default:
		ret = -EINVAL;
	}
	if (!ret && !wait_for_completion_timeout(&req->done, 10 * HZ))
		ret = -ETIMEDOUT;
	if (req->ctx == CTX_SOFTIRQ)
		tasklet_kill(&req->tasklet);
	if (req->ctx == CTX_HARDIRQ || req->ctx == CTX_NMI)
		irq_work_sync(&req->irq_work);
	if (req->kind == KFENCE_OOB)
		kfree(req->kfence_obj);
	return ret;
}

static int lookup(const char *word, const char * const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(word, names[i]))
			return i;
	return -EINVAL;
}

static ssize_t trigger_write(struct file *file, const char __user *ubuf,
			     size_t len, loff_t *ppos)
{
	char buf[64], *ctx, *kind;
	struct ert_req *req;
	int k, c, ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	ctx = strim(buf);
	kind = strsep(&ctx, " ");
	k = lookup(kind, kind_names, NR_KINDS);
	c = ctx ? lookup(strim(ctx), ctx_names, NR_CTX) : CTX_TASK;
	if (k < 0 || c < 0)
		return -EINVAL;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->kind = k;
	req->ctx = c;
	ret = run_request(req);
	/* A timed-out request may still run: leak it rather than free it under the callback. */
	if (ret != -ETIMEDOUT)
		kfree(req);
	return ret ? ret : len;
}

static const struct file_operations trigger_fops = {
	.write = trigger_write,
};

/* --- nested reports ------------------------------------------------------ */

#ifdef CONFIG_X86
static atomic_t nest_armed;
static struct ert_req nest_warn = { .kind = WARN_REPORT, .ctx = CTX_NMI };

/* In the middle of the armed KASAN report, raise a WARN in an NMI on this CPU. */
static void nest_probe(void *data, const char *text, size_t len)
{
	if (!in_hardirq() || !strnstr(text, "Read of size", len) ||
	    !atomic_cmpxchg(&nest_armed, 1, 0))
		return;
	init_completion(&nest_warn.done);
	init_irq_work(&nest_warn.irq_work, nmi_done_fn);
	WRITE_ONCE(nmi_req, &nest_warn);
	apic->send_IPI_mask(cpumask_of(smp_processor_id()), NMI_VECTOR);
	/* The WARN prints in the NMI before this line of the report is done. */
	while (READ_ONCE(nmi_req))
		cpu_relax();
}


static ssize_t nested_write(struct file *file, const char __user *ubuf,
			    size_t len, loff_t *ppos)
{
	struct ert_req req = { .kind = KASAN_UAF, .ctx = CTX_HARDIRQ };
	struct tracepoint *console_tp = lookup_tp("console");
	int ret;

	if (!console_tp)
		return -ENOENT;
	ret = tracepoint_probe_register(console_tp, nest_probe, NULL);
	if (ret)
		return ret;
	atomic_set(&nest_armed, 1);
	ret = run_request(&req);
	atomic_set(&nest_armed, 0);
	tracepoint_probe_unregister(console_tp, nest_probe, NULL);
	tracepoint_synchronize_unregister();
	irq_work_sync(&nest_warn.irq_work);
	return ret ? ret : len;
}

static const struct file_operations nested_fops = {
	.write = nested_write,
};
#endif

/* --- storm --------------------------------------------------------------- */

static atomic_t storm_running;
/* The one kind a storm raises ("warn", "kasan"), or -1: WARN and KASAN. */
static int storm_only = -1;
static atomic_t storm_left;
static DECLARE_COMPLETION(storm_done);

/* Bounded, so that the log still holds the whole storm for the checks. */
#define FLOOD_MAX_LINES 10000

static int flood_fn(void *arg)
{
	unsigned long n = 0;

	while (atomic_read(&storm_running) && n < FLOOD_MAX_LINES) {
		pr_info("flood line %lu from the printk flooder\n", n++);
		udelay(20);
	}
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int storm_fn(void *arg)
{
	unsigned long count = (unsigned long)arg;
	static const enum ert_kind kinds[] = { WARN_REPORT, KASAN_UAF };
	struct ert_req req = {};
	unsigned long i;

	for (i = 0; i < count; i++) {
		req.kind = storm_only >= 0 ? storm_only : kinds[i % ARRAY_SIZE(kinds)];
		req.ctx = i % 3;	/* task, softirq, hardirq */
		run_request(&req);
	}
	if (atomic_dec_and_test(&storm_left))
		complete(&storm_done);
	return 0;
}

static ssize_t storm_write(struct file *file, const char __user *ubuf,
			   size_t len, loff_t *ppos)
{
	struct task_struct *threads[NR_CPUS] = {}, *flooder;
	char buf[32], *mode;
	unsigned long count;
	int cpu, last, ret, nr = 0;

	if (len >= sizeof(buf) || copy_from_user(buf, ubuf, len))
		return -EINVAL;
	buf[len] = '\0';
	mode = strim(buf);
	ret = kstrtoul(strsep(&mode, " "), 0, &count);
	if (ret)
		return ret;
	storm_only = -1;
	if (mode && !strcmp(strim(mode), "warn"))
		storm_only = WARN_REPORT;
	else if (mode && !strcmp(strim(mode), "kasan"))
		storm_only = KASAN_UAF;

	cpus_read_lock();
	last = cpumask_last(cpu_online_mask);
	atomic_set(&storm_running, 1);
	flooder = kthread_create_on_cpu(flood_fn, NULL, last, "ert_flood/%u");
	if (IS_ERR(flooder)) {
		cpus_read_unlock();
		return PTR_ERR(flooder);
	}
	get_task_struct(flooder);
	wake_up_process(flooder);
	for_each_online_cpu(cpu) {
		if (cpu == last && num_online_cpus() > 1)
			continue;
		threads[cpu] = kthread_create_on_cpu(storm_fn, (void *)count, cpu, "ert_storm/%u");
		if (IS_ERR(threads[cpu])) {
			threads[cpu] = NULL;
			continue;
		}
		get_task_struct(threads[cpu]);
		nr++;
	}
	/* Count them all before any runs; kthread_stop() would cancel one that has not started. */
	reinit_completion(&storm_done);
	atomic_set(&storm_left, nr);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (threads[cpu])
			wake_up_process(threads[cpu]);
	cpus_read_unlock();
	if (nr)
		wait_for_completion(&storm_done);

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!threads[cpu])
			continue;
		kthread_stop(threads[cpu]);
		put_task_struct(threads[cpu]);
	}
	atomic_set(&storm_running, 0);
	kthread_stop(flooder);
	put_task_struct(flooder);
	pr_info("storm done: %d cpus raised %lu reports each\n", nr, count);
	return len;
}

static const struct file_operations storm_fops = {
	.write = storm_write,
};

/* --- interleave: another context of the CPU prints inside a report ------- */

enum ert_il_what { IL_IRQ, IL_NMI_BACKTRACE };

static struct {
	atomic_t armed;
	enum ert_ctx ctx;
	enum ert_il_what what;
	int cpu;
	u64 start_ns;
	u64 end_ns;
	int backtrace_done;
	struct irq_work irq_work;
	struct tasklet_struct tasklet;
	call_single_data_t csd;
} il;

static void il_tasklet_fn(struct tasklet_struct *t)
{
	pr_info("ert-foreign: a softirq line printed in the middle of a task report\n");
}

static void il_irq_fn(struct irq_work *w)
{
	pr_info("ert-foreign: a hardirq line printed in the middle of a report\n");
	if (il.ctx == CTX_TASK)
		tasklet_schedule(&il.tasklet);
}

/* On another CPU, in an IPI: what an RCU stall detector or sysrq-l does. */
static void il_backtrace_fn(void *info)
{
	handle_sysrq('l');
	WRITE_ONCE(il.backtrace_done, 1);
}

static bool il_in_ctx(enum ert_ctx ctx)
{
	switch (ctx) {
	case CTX_TASK:
		return in_task();
	case CTX_SOFTIRQ:
		return in_serving_softirq() && !in_hardirq() && !in_nmi();
	case CTX_HARDIRQ:
		return in_hardirq() && !in_nmi();
	default:
		return false;
	}
}

static void il_probe(void *data, const char *text, size_t len)
{
	u64 deadline;
	int other;

	if (!atomic_read(&il.armed) || !il_in_ctx(il.ctx) ||
	    !strnstr(text, "cut here", len) || !atomic_cmpxchg(&il.armed, 1, 0))
		return;
	if (il.what == IL_IRQ) {
		/* Runs once this line is stored and interrupts are on again. */
		irq_work_queue(&il.irq_work);
		return;
	}
	il.cpu = smp_processor_id();
	other = cpumask_any_but(cpu_online_mask, il.cpu);
	if (other >= nr_cpu_ids)
		return;
	il.start_ns = local_clock();
	WRITE_ONCE(il.backtrace_done, 0);
	smp_call_function_single_async(other, &il.csd);
	/* Only the NMI prints on this CPU until the other CPU is done. */
	deadline = il.start_ns + 5 * NSEC_PER_SEC;
	while (!READ_ONCE(il.backtrace_done) && local_clock() < deadline)
		cpu_relax();
	il.end_ns = local_clock();
}

static ssize_t interleave_write(struct file *file, const char __user *ubuf,
				size_t len, loff_t *ppos)
{
	struct tracepoint *console_tp = lookup_tp("console");
	struct ert_req req = { .kind = WARN_REPORT };
	char buf[64], *what;
	int ctx, ret;

	if (!console_tp)
		return -ENOENT;
	if (len >= sizeof(buf) || copy_from_user(buf, ubuf, len))
		return -EINVAL;
	buf[len] = '\0';
	what = strchr(strim(buf), ' ');
	if (!what)
		return -EINVAL;
	*what++ = '\0';
	ctx = lookup(buf, ctx_names, NR_CTX);
	if (ctx < 0 || ctx == CTX_NMI)
		return -EINVAL;
	if (!strcmp(what, "irq") && ctx != CTX_HARDIRQ)
		il.what = IL_IRQ;	/* hardirqs do not nest: no irq inside one */
	else if (!strcmp(what, "nmi-backtrace"))
		il.what = IL_NMI_BACKTRACE;
	else
		return -EINVAL;
	il.ctx = ctx;
	req.ctx = ctx;
	init_irq_work(&il.irq_work, il_irq_fn);
	tasklet_setup(&il.tasklet, il_tasklet_fn);
	INIT_CSD(&il.csd, il_backtrace_fn, NULL);
	ret = tracepoint_probe_register(console_tp, il_probe, NULL);
	if (ret)
		return ret;
	atomic_set(&il.armed, 1);
	ret = run_request(&req);
	atomic_set(&il.armed, 0);
	tracepoint_probe_unregister(console_tp, il_probe, NULL);
	tracepoint_synchronize_unregister();
	irq_work_sync(&il.irq_work);
	tasklet_kill(&il.tasklet);
	return ret ? ret : len;
}

static const struct file_operations interleave_fops = {
	.write = interleave_write,
};

static int window_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d %llu %llu\n", il.cpu, il.start_ns, il.end_ns);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(window);

/* --- idle: WARNs from the idle tasks of every CPU at once ---------------- */

static cpumask_t idle_armed;
static atomic_t idle_arrived;
static unsigned int idle_cpus;

static noinline void do_idle_warn(int cpu)
{
	WARN(1, "error_report_test: warning from the idle task of cpu %d\n", cpu);
}

static void idle_probe(void *data, unsigned int state, unsigned int cpu)
{
	u64 deadline;

	if (state == PWR_EVENT_EXIT || !cpumask_test_and_clear_cpu(cpu, &idle_armed))
		return;
	/* Wait for the other CPUs' idle tasks, so that the reports overlap. */
	atomic_inc(&idle_arrived);
	deadline = local_clock() + NSEC_PER_SEC;
	while (atomic_read(&idle_arrived) < idle_cpus && local_clock() < deadline)
		cpu_relax();
	atomic_inc(&raised);
	do_idle_warn(cpu);
}

static ssize_t idle_write(struct file *file, const char __user *ubuf,
			  size_t len, loff_t *ppos)
{
	struct tracepoint *idle_tp = lookup_tp("cpu_idle");
	int ret;

	if (!idle_tp)
		return -ENOENT;
	/*
	 * Registered first, armed after: registering takes cpu_hotplug_lock
	 * inside tracepoints_mutex, so it must not run under cpus_read_lock().
	 */
	ret = tracepoint_probe_register(idle_tp, idle_probe, NULL);
	if (ret)
		return ret;
	cpus_read_lock();
	idle_cpus = num_online_cpus();
	atomic_set(&idle_arrived, 0);
	smp_wmb();	/* the count before the CPUs are armed */
	cpumask_copy(&idle_armed, cpu_online_mask);
	cpus_read_unlock();
	/* Let every CPU, this one too, go idle. */
	msleep(2000);
	cpumask_clear(&idle_armed);
	tracepoint_probe_unregister(idle_tp, idle_probe, NULL);
	tracepoint_synchronize_unregister();
	return atomic_read(&idle_arrived) == idle_cpus ? len : -ETIMEDOUT;
}

static const struct file_operations idle_fops = {
	.write = idle_write,
};

/* --- reports raised with a probe on their own start event ---------------- */

typedef void (*start_probe_t)(void *data, const enum error_detector det,
			      unsigned long id);

/* The task whose reports the probe acts on; the probe may clear it. */
static struct task_struct *probe_task;

/*
 * Raise a report with @probe on error_report_start: it runs after the
 * capture's own probe, so the report is open in this task when it acts.
 */
static int raise_with_start_probe(start_probe_t probe, void (*raise)(void))
{
	struct tracepoint *start_tp = lookup_tp("error_report_start");
	int ret;

	if (!start_tp)
		return -ENOENT;
	WRITE_ONCE(probe_task, current);
	ret = tracepoint_probe_register(start_tp, probe, NULL);
	if (ret) {
		WRITE_ONCE(probe_task, NULL);
		return ret;
	}
	atomic_inc(&raised);
	raise();
	tracepoint_probe_unregister(start_tp, probe, NULL);
	tracepoint_synchronize_unregister();
	WRITE_ONCE(probe_task, NULL);
	return 0;
}

/*
 * Is the report starting the one the probe acts on (its task's)? Only the
 * first one: nested reports it raises are not.
 */
static bool probe_takes_report(void)
{
	if (current != READ_ONCE(probe_task))
		return false;
	WRITE_ONCE(probe_task, NULL);
	return true;
}

/* --- ringwrap: a report longer than the printk ring buffer --------------- */

static unsigned long rw_bytes;

static void rw_probe(void *data, const enum error_detector det,
		     unsigned long id)
{
	unsigned long done = 0;
	unsigned int i;

	if (!probe_takes_report())
		return;
	for (i = 0; done < rw_bytes; i++)
		done += pr_info("ert-ring-wrap line %u: %s\n", i,
				"0123456789abcdefghijklmnopqrstuvwxyz0123456789");
}

static noinline void do_ring_wrap_warn(void)
{
	WARN(1, "error_report_test: a report longer than the ring buffer\n");
}

static ssize_t ringwrap_write(struct file *file, const char __user *ubuf,
			      size_t len, loff_t *ppos)
{
	int ret = kstrtoul_from_user(ubuf, len, 0, &rw_bytes);

	if (!ret)
		ret = raise_with_start_probe(rw_probe, do_ring_wrap_warn);
	return ret ?: len;
}

static const struct file_operations ringwrap_fops = {
	.write = ringwrap_write,
};

/* --- deep: reports nested in one context, deeper than the capture keeps -- */

static unsigned int deep_left, deep_level;

static noinline void do_deep_warn_at(unsigned int level)
{
	WARN(1, "error_report_test: nested report, level %u\n", level);
}

static void do_deep_warn(void)
{
	do_deep_warn_at(1);
}

static void deep_probe(void *data, const enum error_detector det,
		       unsigned long id)
{
	if (current != READ_ONCE(probe_task) || !deep_left)
		return;
	deep_left--;
	atomic_inc(&raised);
	do_deep_warn_at(++deep_level);
}

static ssize_t deep_write(struct file *file, const char __user *ubuf,
			  size_t len, loff_t *ppos)
{
	unsigned int depth;
	int ret;

	ret = kstrtouint_from_user(ubuf, len, 0, &depth);
	if (ret)
		return ret;
	if (!depth || depth > 8)
		return -EINVAL;
	deep_left = depth - 1;
	deep_level = 1;
	ret = raise_with_start_probe(deep_probe, do_deep_warn);
	return ret ?: len;
}

static const struct file_operations deep_fops = {
	.write = deep_write,
};

/* --- crash: the kernel dies inside a report -------------------------------- */

/* Not known to be NULL where it is used: a real fault, not a trap. */
static int *crash_ptr;

static void crash_probe(void *data, const enum error_detector det,
			unsigned long id)
{
	if (!probe_takes_report())
		return;
	pr_info("ert-crash: faulting inside the report\n");
	WRITE_ONCE(*READ_ONCE(crash_ptr), 1);
}

static noinline void do_crash_warn(void)
{
	WARN(1, "error_report_test: a report that faults while it prints\n");
}

/*
 * The writing task dies in the oops (or the kernel panics, with
 * panic_on_oops): the probe stays registered, inert, until the module goes.
 */
static ssize_t crash_write(struct file *file, const char __user *ubuf,
			   size_t len, loff_t *ppos)
{
	int ret = raise_with_start_probe(crash_probe, do_crash_warn);

	return ret ?: len;
}

static const struct file_operations crash_fops = {
	.write = crash_write,
};

/* --- hang: the kernel hangs inside a report ------------------------------ */

static unsigned int hang_lines;

static void hang_probe(void *data, const enum error_detector det,
		       unsigned long id)
{
	unsigned int i;

	if (!probe_takes_report())
		return;
	preempt_disable();
	for (i = 0; i < hang_lines; i++)
		pr_info("ert-hang line %u: the report goes on, then hangs\n", i);
	for (;;)
		cpu_relax();
}

static noinline void do_hang_warn(void)
{
	WARN(1, "error_report_test: a report that hangs while it prints\n");
}

static ssize_t hang_write(struct file *file, const char __user *ubuf,
			  size_t len, loff_t *ppos)
{
	int ret = kstrtouint_from_user(ubuf, len, 0, &hang_lines);

	if (!ret)
		ret = raise_with_start_probe(hang_probe, do_hang_warn);
	return ret ?: len;
}

static const struct file_operations hang_fops = {
	.write = hang_write,
};

/* --- repeat and sites: one site reporting again, and distinct sites ------ */

static noinline void do_repeat_warn(unsigned int n)
{
	WARN(1, "error_report_test: repeated warning %u\n", n);
}

static ssize_t repeat_write(struct file *file, const char __user *ubuf,
			    size_t len, loff_t *ppos)
{
	unsigned int n, i;
	int ret;

	ret = kstrtouint_from_user(ubuf, len, 0, &n);
	if (ret)
		return ret;
	for (i = 0; i < n; i++) {
		do_repeat_warn(i);
		atomic_inc(&raised);
		cond_resched();
	}
	return len;
}

static const struct file_operations repeat_fops = {
	.write = repeat_write,
};

#define SITE_WARN(n) \
	case n: WARN(1, "error_report_test: warning from site " #n "\n"); break

/*
 * Each case a WARN of its own, on a line of its own: the compiler merges
 * the WARNs of one line into one site (one address).
 */
static noinline void do_site_warn(unsigned int site)
{
	switch (site) {
	SITE_WARN(0);
	SITE_WARN(1);
	SITE_WARN(2);
	SITE_WARN(3);
	SITE_WARN(4);
	SITE_WARN(5);
	SITE_WARN(6);
	SITE_WARN(7);
	SITE_WARN(8);
	SITE_WARN(9);
	SITE_WARN(10);
	SITE_WARN(11);
	SITE_WARN(12);
	SITE_WARN(13);
	SITE_WARN(14);
	SITE_WARN(15);
	SITE_WARN(16);
	SITE_WARN(17);
	SITE_WARN(18);
	SITE_WARN(19);
	}
}

static ssize_t sites_write(struct file *file, const char __user *ubuf,
			   size_t len, loff_t *ppos)
{
	unsigned int first, count, i;
	char buf[32];

	if (len >= sizeof(buf) || copy_from_user(buf, ubuf, len))
		return -EINVAL;
	buf[len] = '\0';
	if (sscanf(buf, "%u %u", &first, &count) != 2 || first + count > 20)
		return -EINVAL;
	for (i = first; i < first + count; i++) {
		do_site_warn(i);
		atomic_inc(&raised);
	}
	return len;
}

static const struct file_operations sites_fops = {
	.write = sites_write,
};

static int raised_get(void *data, u64 *val)
{
	*val = atomic_read(&raised);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(raised_fops, raised_get, NULL, "%llu\n");

/* --- memcpy yardstick ------------------------------------------------------ */

#define MEMCPY_RUNS 101
static u64 memcpy_median;

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static int memcpy_ns_set(void *data, u64 size)
{
	u64 *t = kcalloc(MEMCPY_RUNS, sizeof(*t), GFP_KERNEL);
	char *src = kvmalloc(size, GFP_KERNEL), *dst = kvmalloc(size, GFP_KERNEL);
	int i, ret = -ENOMEM;

	if (!size || size > SZ_1M)
		ret = -EINVAL;
	else if (t && src && dst) {
		memset(src, 'x', size);
		for (i = 0; i < MEMCPY_RUNS; i++) {
			u64 t0 = local_clock();

			memcpy(dst, src, size);
			barrier();
			t[i] = local_clock() - t0;
		}
		sort(t, MEMCPY_RUNS, sizeof(*t), cmp_u64, NULL);
		memcpy_median = t[MEMCPY_RUNS / 2];
		ret = 0;
	}
	kfree(t);
	kvfree(src);
	kvfree(dst);
	return ret;
}

static int memcpy_ns_get(void *data, u64 *val)
{
	*val = memcpy_median;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(memcpy_ns_fops, memcpy_ns_get, memcpy_ns_set, "%llu\n");

/* --- printk cost, no report open ----------------------------------------- */

static u64 printk_median;

static int printk_ns_set(void *data, u64 count)
{
	u64 *t;
	u64 i;

	if (!count || count > 100000)
		return -EINVAL;
	t = vmalloc(array_size(count, sizeof(*t)));
	if (!t)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		u64 t0 = local_clock();

		printk(KERN_DEBUG "error_report_test: printk cost %llu\n", i);
		t[i] = local_clock() - t0;
	}
	sort(t, count, sizeof(*t), cmp_u64, NULL);
	printk_median = t[count / 2];
	vfree(t);
	return 0;
}

static int printk_ns_get(void *data, u64 *val)
{
	*val = printk_median;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(printk_ns_fops, printk_ns_get, printk_ns_set, "%llu\n");

/* --- printk cost inside an open report: the capture's part of each line -- */

#define LINE_RUNS_MAX 128
static u64 line_median;
static unsigned int line_runs;
/* One timed report at a time (raise_with_start_probe() runs one). */
static u64 line_t[LINE_RUNS_MAX];

static void line_probe(void *data, const enum error_detector det,
		       unsigned long id)
{
	u64 *t = line_t;
	unsigned int i;

	if (!probe_takes_report())
		return;
	/* The same line as printk_ns prints, so the two medians compare. */
	for (i = 0; i < line_runs; i++) {
		u64 t0 = local_clock();

		printk(KERN_DEBUG "error_report_test: printk cost %u\n", i);
		t[i] = local_clock() - t0;
	}
	sort(t, line_runs, sizeof(*t), cmp_u64, NULL);
	line_median = t[line_runs / 2];
}

static noinline void do_line_warn(void)
{
	WARN(1, "error_report_test: a report of timed lines\n");
}

static int line_ns_set(void *data, u64 count)
{
	if (!count || count > LINE_RUNS_MAX)
		return -EINVAL;
	line_runs = count;
	return raise_with_start_probe(line_probe, do_line_warn);
}

static int line_ns_get(void *data, u64 *val)
{
	*val = line_median;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(line_ns_fops, line_ns_get, line_ns_set, "%llu\n");

/* --- what the capture costs, around its own probes ----------------------- */

#define TIMINGS 256
/* Above and below the default priority the capture's probes have. */
#define TIMING_PRIO_FIRST	(TRACEPOINT_DEFAULT_PRIO + 1)
#define TIMING_PRIO_LAST	(TRACEPOINT_DEFAULT_PRIO - 1)

struct timing {
	u32 capture_ns;
	u32 report_ns;
};

static struct timing timings[TIMINGS];
static atomic_t timings_n;
static bool timing_on;
static DEFINE_MUTEX(timing_mutex);
/* The reports the bench times are raised one at a time, in task context. */
static u64 open_start, report_start, capture_start;

static void timing_start_first(void *data, enum error_detector detector,
			       unsigned long id)
{
	/* Racy by design: one report at a time, read by the same CPU. */
	data_race(open_start = local_clock());
}

static void timing_start_last(void *data, enum error_detector detector,
			      unsigned long id)
{
	/* Racy by design: one report at a time, read by the same CPU. */
	data_race(report_start = local_clock());
}

static void timing_end_first(void *data, enum error_detector detector,
			     unsigned long id)
{
	/* Racy by design: one report at a time, read by the same CPU. */
	data_race(capture_start = local_clock());
}

static void timing_end_last(void *data, enum error_detector detector,
			    unsigned long id)
{
	u64 now = local_clock(), opened, start, capture;
	unsigned int i = (atomic_inc_return(&timings_n) - 1) % TIMINGS;
	struct timing t;

	/* Racy by design: written by the probes above, for this report. */
	opened = data_race(open_start);
	/* Racy by design: as above. */
	start = data_race(report_start);
	/* Racy by design: as above. */
	capture = data_race(capture_start);
	t.capture_ns = min_t(u64, now - capture + start - opened, U32_MAX);
	t.report_ns = min_t(u64, capture - start, U32_MAX);
	/* Racy by design: samples of a benchmark, read after the reports. */
	data_race(timings[i] = t);
}

static int timing_set(bool on)
{
	struct tracepoint *start_tp = lookup_tp("error_report_start");
	struct tracepoint *end_tp = lookup_tp("error_report_end");
	int ret = 0;

	if (!start_tp || !end_tp)
		return -ENOENT;
	mutex_lock(&timing_mutex);
	if (on && !timing_on) {
		atomic_set(&timings_n, 0);
		ret = tracepoint_probe_register_prio(start_tp, timing_start_first,
						     NULL, TIMING_PRIO_FIRST);
		if (!ret)
			ret = tracepoint_probe_register_prio(start_tp, timing_start_last,
							     NULL, TIMING_PRIO_LAST);
		if (!ret)
			ret = tracepoint_probe_register_prio(end_tp, timing_end_first,
							     NULL, TIMING_PRIO_FIRST);
		if (!ret)
			ret = tracepoint_probe_register_prio(end_tp, timing_end_last,
							     NULL, TIMING_PRIO_LAST);
		timing_on = true;
	}
	if ((!on || ret) && timing_on) {
		/* Unregistering a probe that is not there is harmless. */
		tracepoint_probe_unregister(start_tp, timing_start_first, NULL);
		tracepoint_probe_unregister(start_tp, timing_start_last, NULL);
		tracepoint_probe_unregister(end_tp, timing_end_first, NULL);
		tracepoint_probe_unregister(end_tp, timing_end_last, NULL);
		tracepoint_synchronize_unregister();
		timing_on = false;
	}
	mutex_unlock(&timing_mutex);
	return ret;
}

static ssize_t timings_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *ppos)
{
	bool on;
	int ret = kstrtobool_from_user(buf, count, &on);

	if (!ret)
		ret = timing_set(on);
	return ret ?: count;
}

static int timings_show(struct seq_file *m, void *v)
{
	unsigned int n = min_t(unsigned int, atomic_read(&timings_n), TIMINGS);
	struct timing t;
	unsigned int i;

	for (i = 0; i < n; i++) {
		/* Racy by design: read after the reports they time. */
		t = data_race(timings[i]);
		seq_printf(m, "%u %u\n", t.capture_ns, t.report_ns);
	}
	return 0;
}

static int timings_open(struct inode *inode, struct file *file)
{
	return single_open(file, timings_show, NULL);
}

static const struct file_operations timings_fops = {
	.open = timings_open,
	.read = seq_read,
	.write = timings_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct dentry *dir;

static int __init ert_init(void)
{
#ifdef CONFIG_X86
	int ret = register_nmi_handler(NMI_LOCAL, nmi_fn, 0, "error_report_test");

	if (ret)
		return ret;
#endif
	dir = debugfs_create_dir("error_report_test", NULL);
	debugfs_create_file("trigger", 0200, dir, NULL, &trigger_fops);
	debugfs_create_file("storm", 0200, dir, NULL, &storm_fops);
#ifdef CONFIG_X86
	debugfs_create_file("nested", 0200, dir, NULL, &nested_fops);
#endif
	debugfs_create_file("interleave", 0200, dir, NULL, &interleave_fops);
	debugfs_create_file("window", 0400, dir, NULL, &window_fops);
	debugfs_create_file("idle", 0200, dir, NULL, &idle_fops);
	debugfs_create_file("ringwrap", 0200, dir, NULL, &ringwrap_fops);
	debugfs_create_file("deep", 0200, dir, NULL, &deep_fops);
	debugfs_create_file("crash", 0200, dir, NULL, &crash_fops);
	debugfs_create_file("hang", 0200, dir, NULL, &hang_fops);
	debugfs_create_file("repeat", 0200, dir, NULL, &repeat_fops);
	debugfs_create_file("sites", 0200, dir, NULL, &sites_fops);
	debugfs_create_file("raised", 0400, dir, NULL, &raised_fops);
	debugfs_create_file("memcpy_ns", 0600, dir, NULL, &memcpy_ns_fops);
	debugfs_create_file("printk_ns", 0600, dir, NULL, &printk_ns_fops);
	debugfs_create_file("line_ns", 0600, dir, NULL, &line_ns_fops);
	debugfs_create_file("timings", 0600, dir, NULL, &timings_fops);
	return 0;
}

static void __exit ert_exit(void)
{
	struct tracepoint *start_tp = lookup_tp("error_report_start");

	debugfs_remove_recursive(dir);
	timing_set(false);
	/* Left registered by a crash whose task died in it. */
	if (start_tp && !tracepoint_probe_unregister(start_tp, crash_probe, NULL))
		tracepoint_synchronize_unregister();
#ifdef CONFIG_X86
	unregister_nmi_handler(NMI_LOCAL, "error_report_test");
#endif
}

module_init(ert_init);
module_exit(ert_exit);
MODULE_DESCRIPTION("Raise KASAN, KFENCE and WARN reports on demand");
MODULE_LICENSE("GPL");
