// SPDX-License-Identifier: GPL-2.0-only
/*
 * The report formats the reader titles, one row each, in the order and with
 * the meaning syzkaller's Linux parser gives them, so that titles group the
 * way syzbot groups bugs. A new kernel format is one more row in its kind.
 * See title_rules.h for what a row says and title.c for how it is applied.
 */
#include "title_rules.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The faulting function of an oops: "RIP: 0010:f+0x1/0x2", "pc : f+0x1/0x2". */
#define RIP "(?:IP|NIP|pc |PC is at):? (?:(?:[0-9]+:)?(?:%PC% +){0,2}%FUNC%" \
	"|(?:[0-9]+:)?0x[0-9a-f]+|(?:[0-9]+:)?%PC% +\\[< *\\(null\\)>\\] +\\(null\\)" \
	"|[0-9]+: +\\(null\\))"
#define CALLS "(?:Call (?:T|t)race:)|(?:Backtrace:)"

/*
 * A WARN: the function it fired in (RIP/pc line) unless it is skipped,
 * else the first frame of the call trace.
 */
#define WARN_STACK(skip_) \
	.stack = { "(?:" RIP "|--- interrupt: [0-9]+ at %FUNC%)", TRACE }, \
	.stack2 = { CALLS, TRACE }, .skip = (skip_)

/* An oops: the faulting function, else the call trace. */
#define OOPS_STACK .stack = { RIP, CALLS, TRACE }
#define TRACE_STACK .stack = { CALLS, TRACE }

static const struct title_rule bug_rules[] = {
	/* KASAN: bad access, header "BUG: KASAN: <kind> in f", then Read/Write. */
	{ .title = "BUG: KASAN:",
	  .report = "BUG: KASAN: ([a-z\\-]+) in %FUNC%(?:.*\\n)+?.*(Read|Write) "
		    "(?:of size|at addr) (?:[0-9a-f]+)",
	  .fmt = "KASAN: %1 %3 in %4",
	  .stack = { "BUG: KASAN: (?:[a-z\\-]+) in %FUNC%", CALLS, TRACE },
	  /* Tag-based (MTE) reports go through the arm64 fault path. */
	  .skip = "kernel_fault|tag_check|mem_abort|^el1_|^el1h_" },
	{ .title = "BUG: KASAN:",
	  .report = "BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free)"
		    " in %FUNC%",
	  .fmt = "KASAN: invalid-free in %2",
	  .stack = { "BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free)"
		     " in %FUNC%", CALLS, TRACE },
	  .skip = "slab_|kfree|vunmap|vfree" },
	{ .title = "BUG: KASAN: ([a-z\\-]+) on address(?:.*\\n)+?.*(Read|Write) of size ([0-9]+)",
	  .fmt = "KASAN: %1 %2" },
	{ .title = "BUG: KASAN: (.*)", .fmt = "KASAN: %1", .flags = RULE_CORRUPTED },
	/* KMSAN: the first stack is where the value was used. */
	{ .title = "BUG: KMSAN: kernel-usb-infoleak",
	  .report = "BUG: KMSAN: kernel-usb-infoleak in %FUNC%",
	  .fmt = "KMSAN: kernel-usb-infoleak in %2",
	  .stack = { TRACE, "(Local variable .* created at:|Uninit was created at:)", TRACE },
	  .skip = "alloc_skb|usb_submit_urb|usb_start_wait_urb|usb_bulk_msg"
		  "|usb_interrupt_msg|usb_control_msg",
	  .flags = RULE_NO_STACK },
	{ .title = "BUG: KMSAN:", .report = "BUG: KMSAN: ([a-z\\-]+) in %FUNC%",
	  .fmt = "KMSAN: %1 in %3",
	  .stack = { TRACE, "(Local variable .* created at:|Uninit was created at:)", TRACE },
	  .skip = "alloc_skb|netlink_ack|netlink_rcv_skb|_encrypt$"
		  "|^(?:crypto|cipher|drbg|rng)_",
	  .flags = RULE_NO_STACK },
	/* KCSAN names both racing functions itself: "data-race in f / g". */
	{ .title = "BUG: KCSAN: data-race", .report = "BUG: KCSAN: (.*)", .fmt = "KCSAN: %1",
	  .flags = RULE_NO_STACK },
	{ .title = "BUG: KCSAN:", .report = "BUG: KCSAN: (.*)", .fmt = "KCSAN: %1",
	  .flags = RULE_NO_STACK },
	/* KFENCE. */
	{ .title = "BUG: KFENCE: (use-after-free|out-of-bounds) (read|write) in %FUNC%",
	  .fmt = "KFENCE: %1 %2 in %4",
	  .stack = { "BUG: KFENCE: (?:[a-z\\- ]+) in %FUNC%", TRACE } },
	{ .title = "BUG: KFENCE: invalid free in %FUNC%", .fmt = "KFENCE: invalid free in %2",
	  .stack = { "BUG: KFENCE: (?:[a-z\\- ]+) in %FUNC%", TRACE },
	  .flags = RULE_NO_STACK },
	{ .title = "BUG: KFENCE: invalid (read|write) in %FUNC%", .fmt = "KFENCE: invalid %1 in %3",
	  .stack = { "BUG: KFENCE: (?:[a-z\\- ]+) in %FUNC%", TRACE } },
	{ .title = "BUG: KFENCE: memory corruption in %FUNC%",
	  .fmt = "KFENCE: memory corruption in %2",
	  .stack = { "BUG: KFENCE: (?:[a-z\\- ]+) in %FUNC%", TRACE },
	  .flags = RULE_NO_STACK },
	/* x86 page faults. */
	{ .title = "BUG: (?:unable to handle kernel paging request|unable to handle page fault"
		   " for address|Unable to handle kernel data access)",
	  .fmt = "BUG: unable to handle kernel paging request in %1", OOPS_STACK },
	{ .title = "BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer"
		   " dereference|Kernel NULL pointer dereference)",
	  .fmt = "BUG: unable to handle kernel NULL pointer dereference in %1", OOPS_STACK },
	{ .title = "BUG: (?:unable to handle kernel|Unable to handle kernel)",
	  .fmt = "BUG: unable to handle kernel", .flags = RULE_CORRUPTED },
	/* Spinlock debugging, lockups, lockdep's BUGs. */
	{ .title = "BUG: (spinlock|rwlock) (lockup suspected|already unlocked|recursion"
		   "|cpu recursion|bad magic|wrong owner|wrong CPU|trylock failure on UP)",
	  .fmt = "BUG: %1 %2 in %3", TRACE_STACK, .skip = "spin_|_lock|_unlock" },
	{ .title = "BUG: soft lockup", .fmt = "BUG: soft lockup in %1", OOPS_STACK,
	  .pick = PICK_STALL },
	{ .title = "BUG: .*still has locks held!",
	  .report = "BUG: .*still has locks held!(?:.*\\n)+?.*%PC% +%FUNC%",
	  .fmt = "BUG: still has locks held in %1" },
	{ .title = "BUG: scheduling while atomic", .fmt = "BUG: scheduling while atomic in %1",
	  TRACE_STACK, .skip = "schedule" },
	{ .title = "BUG: lock held when returning to user space",
	  .report = "BUG: lock held when returning to user space(?:.*\\n)+?.*leaving the kernel"
		    " with locks still held(?:.*\\n)+?.*at: (?:%PC% +)?%FUNC%",
	  .fmt = "BUG: lock held when returning to user space in %1", .flags = RULE_NO_STACK },
	{ .title = "BUG: bad unlock balance detected!", .fmt = "BUG: bad unlock balance in %1",
	  .stack = { "%PC% +%FUNC%", CALLS, TRACE } },
	{ .title = "BUG: held lock freed!", .report = "BUG: held lock freed!(?:.*\\n)+?.*%PC% +%FUNC%",
	  .fmt = "BUG: held lock freed in %1" },
	/* Memory management. */
	{ .title = "BUG: Bad rss-counter state", .fmt = "BUG: Bad rss-counter state",
	  .flags = RULE_NO_STACK },
	{ .title = "BUG: non-zero nr_ptes on freeing mm", .fmt = "BUG: non-zero nr_ptes on freeing mm",
	  .flags = RULE_NO_STACK },
	{ .title = "BUG: non-zero nr_pmds on freeing mm", .fmt = "BUG: non-zero nr_pmds on freeing mm",
	  .flags = RULE_NO_STACK },
	{ .title = "BUG: Dentry .* still in use",
	  .report = "BUG: Dentry .* still in use \\([0-9]+\\) \\[(unmount) of ([^\\]]+)\\]",
	  .fmt = "BUG: Dentry still in use in %1" },
	{ .title = "BUG: Bad page (state|cache)", .fmt = "BUG: Bad page %1 in %2",
	  .stack = { "page last allocated", TRACE },
	  .skip = "(free|put|get|update|release)_page|free_unref|^_*folio|truncate_inode_pages"
		  "|page_frag_free|alloc|vmap|page_owner" },
	{ .title = "BUG: Bad page map", .fmt = "BUG: Bad page map" },
	{ .title = "BUG: workqueue lockup",
	  .report = "BUG: workqueue lockup(?:.*\\n)+?.*Workqueue:\\s+\\S+\\s+([a-zA-Z0-9_]+)",
	  .fmt = "BUG: workqueue lockup in %1", .flags = RULE_NO_STACK },
	{ .title = "BUG: workqueue lockup", .fmt = "BUG: workqueue lockup", .flags = RULE_NO_STACK },
	{ .title = "BUG: sleeping function called from invalid context at (.*)",
	  .fmt = "BUG: sleeping function called from invalid context in %2", TRACE_STACK },
	{ .title = "BUG: using ([a-z_]+)\\(\\) in preemptible",
	  .fmt = "BUG: using %1() in preemptible code in %2", TRACE_STACK,
	  .skip = "dump_stack|preemption|preempt|debug_|processor_id|this_cpu" },
	{ .title = "BUG: workqueue leaked lock or atomic",
	  .report = "BUG: workqueue leaked lock or atomic(?:.*\\n)+?.*last function: ([a-zA-Z0-9_]+)\\n",
	  .fmt = "BUG: workqueue leaked lock or atomic in %1", .flags = RULE_NO_STACK },
	{ .title = "BUG: memory leak", .fmt = "memory leak in %1",
	  .stack = { "backtrace(?: \\(crc [[:xdigit:]]*\\))?:", TRACE },
	  .skip = "kmemleak|mmap|kmem|slab|alloc|create_object|idr_get|list_lru_init|kasprintf"
		  "|kvasprintf|pcpu_create|strdup|strndup|memdup" },
	{ .title = "BUG: .*stack guard page was hit at", .fmt = "BUG: stack guard page was hit in %1",
	  OOPS_STACK, .pick = PICK_STALL },
	/* arm64 prints lockdep's wait context check this way; x86 as a WARNING. */
	{ .title = "BUG: Invalid wait context", .fmt = "WARNING: locking bug in %1", TRACE_STACK,
	  .skip = "lock_sock|release_sock" },
	{ .title = "BUG:[[:space:]]*(?:\\n|$)", .fmt = "BUG: corrupted", .flags = RULE_CORRUPTED },
};

static const struct title_rule warning_rules[] = {
	/* Categories: a WARN in a helper blames the helper's caller. */
	{ .title = "WARNING: .*lib/debugobjects\\.c.* (?:debug_print|debug_check|at)",
	  .fmt = "WARNING: ODEBUG bug in %1",
	  WARN_STACK("debug_|rcu|hrtimer_|timer_|work_|percpu_|vunmap|vfree|__free_|debug_check"
		     "|kobject_") },
	{ .title = "WARNING: .*mm/usercopy\\.c.* (?:usercopy_warn|at)",
	  .fmt = "WARNING: bad usercopy in %1", WARN_STACK("usercopy|__check") },
	{ .title = "WARNING: .*lib/kobject\\.c.* (?:kobject_|at)",
	  .fmt = "WARNING: kobject bug in %1", WARN_STACK("kobject_") },
	{ .title = "WARNING: .*fs/proc/generic\\.c.* (?:proc_register|at)",
	  .fmt = "WARNING: proc registration bug in %1", WARN_STACK("proc_") },
	{ .title = "WARNING: .*lib/refcount\\.c.* (?:refcount_|at)",
	  .fmt = "WARNING: refcount bug in %1", WARN_STACK("refcount|kobject_") },
	{ .title = "WARNING: .*kernel/locking/lockdep\\.c.*lock_",
	  .fmt = "WARNING: locking bug in %1", WARN_STACK("lock_sock|release_sock") },
	{ .title = "WARNING: .*still has locks held!",
	  .report = "WARNING: .*still has locks held!(?:.*\\n)+?.*at: %FUNC%",
	  .fmt = "WARNING: still has locks held in %1" },
	{ .title = "WARNING: Nested lock was not taken",
	  .fmt = "WARNING: nested lock was not taken in %1", WARN_STACK(NULL) },
	{ .title = "WARNING: lock held when returning to user space",
	  .report = "WARNING: lock held when returning to user space(?:.*\\n)+?.*leaving the kernel"
		    " with locks still held(?:.*\\n)+?.*at: (?:%PC% +)?%FUNC%",
	  .fmt = "WARNING: lock held when returning to user space in %1", .flags = RULE_NO_STACK },
	{ .title = "WARNING: .*mm/.*\\.c.* k?.?malloc", .fmt = "WARNING: kmalloc bug in %1",
	  WARN_STACK("kmalloc|krealloc|slab|kmem") },
	{ .title = "WARNING: .*mm/vmalloc.c.*__vmalloc_node", .fmt = "WARNING: zero-size vmalloc in %1",
	  WARN_STACK(NULL) },
	{ .title = "WARNING: .* usb_submit_urb", .fmt = "WARNING in %1/usb_submit_urb",
	  WARN_STACK("usb_submit_urb|usb_start_wait_urb|usb_bulk_msg|usb_interrupt_msg"
		     "|usb_control_msg") },
	/* Plain WARN: "WARNING: CPU: 0 PID: 1 at file.c:12 f+0x1/0x2" and later forms. */
	{ .title = "WARNING: %SRC% at 0x\\d+, CPU#\\d+", .fmt = "WARNING in %2", WARN_STACK(NULL) },
	{ .title = "WARNING: .* at %SRC% %FUNC%", .fmt = "WARNING in %3", WARN_STACK(NULL) },
	{ .title = "WARNING: %SRC% at %FUNC%", .fmt = "WARNING in %3", WARN_STACK(NULL) },
	{ .title = "WARNING: \\[.*\\] %SRC% at %FUNC%.*", .fmt = "WARNING in %3", WARN_STACK(NULL) },
	/* lockdep. */
	{ .title = "WARNING: possible circular locking dependency detected",
	  .report = "WARNING: possible circular locking dependency detected(?:.*\\n)+?"
		    ".*is trying to acquire lock",
	  .fmt = "possible deadlock in %1",
	  .stack = { "at: (?:%PC% +)?%FUNC%", "at: (?:%PC% +)?%FUNC%", TRACE },
	  /* Work items' pseudo-locks: the workqueue code is never the bug. */
	  .skip = "process_one_work|flush_workqueue|drain_workqueue|destroy_workqueue" },
	{ .title = "WARNING: possible irq lock inversion dependency detected",
	  .report = "WARNING: possible irq lock inversion dependency detected(?:.*\\n)+?.*just"
		    " changed the state of lock(?:.*\\n)+?.*at: (?:%PC% +)?%FUNC%",
	  .fmt = "possible deadlock in %1" },
	{ .title = "WARNING: .*-safe -> .*-unsafe lock order detected",
	  .fmt = "possible deadlock in %1", .stack = { "which became (?:.*) at:", TRACE } },
	{ .title = "WARNING: possible recursive locking detected",
	  .report = "WARNING: possible recursive locking detected(?:.*\\n)+?.*is trying to"
		    " acquire lock(?:.*\\n)+?.*at: (?:%PC% +)?%FUNC%",
	  .fmt = "possible deadlock in %1" },
	{ .title = "WARNING: inconsistent lock state",
	  .report = "WARNING: inconsistent lock state(?:.*\\n)+?.*takes(?:.*\\n)+?.*at:"
		    " (?:%PC% +)?%FUNC%",
	  .fmt = "inconsistent lock state in %2", TRACE_STACK },
	{ .title = "WARNING: suspicious RCU usage",
	  .report = "WARNING: suspicious RCU usage(?:.*\\n)+?.*?%SRC%",
	  .fmt = "WARNING: suspicious RCU usage in %2", TRACE_STACK, .skip = "rcu|kmem|slab" },
	{ .title = "WARNING: kernel stack regs at [0-9a-f]+ in [^ ]* has bad '([^']+)' value",
	  .fmt = "WARNING: kernel stack regs has bad '%1' value", .flags = RULE_NO_STACK },
	{ .title = "WARNING: kernel stack frame pointer at [0-9a-f]+ in [^ ]* has bad value",
	  .fmt = "WARNING: kernel stack frame pointer has bad value", .flags = RULE_NO_STACK },
	{ .title = "WARNING: bad unlock balance detected!", .fmt = "WARNING: bad unlock balance in %1",
	  .stack = { "%PC% +%FUNC%", CALLS, TRACE } },
	{ .title = "WARNING: held lock freed!",
	  .report = "WARNING: held lock freed!(?:.*\\n)+?.*at:(?: %PC%)? +%FUNC%",
	  .fmt = "WARNING: held lock freed in %1" },
	{ .title = "WARNING: kernel stack regs .* has bad 'bp' value",
	  .fmt = "WARNING: kernel stack regs has bad value", .flags = RULE_NO_STACK },
	{ .title = "WARNING: kernel stack frame pointer .* has bad value",
	  .fmt = "WARNING: kernel stack regs has bad value", .flags = RULE_NO_STACK },
	{ .title = "WARNING:[[:space:]]*(?:\\n|$)", .fmt = "WARNING: corrupted",
	  .flags = RULE_CORRUPTED },
};

#define RCU_STALL "INFO: rcu_(?:preempt|sched|bh|tasks) (?:self-)?detected(?: expedited)? stall"

/* A task's name, which may hold a newline (syzkaller's {{TASK}}). */
#define TASK ".*(?:\\n.*)?"

/* Old lockdep banners ("[ INFO: ... ]"), hangs, stalls. */
#define OLD_LOCKDEP(banner, middle, fmt_) \
	{ .title = "INFO: " banner, \
	  .report = "INFO: " banner " \\](?:.*\\n)+?.*" middle "(?:.*\\n)+?.*at: %PC% +%FUNC%", \
	  .fmt = fmt_ }

static const struct title_rule info_rules[] = {
	OLD_LOCKDEP("possible circular locking dependency detected", "is trying to acquire lock",
		    "possible deadlock in %1"),
	OLD_LOCKDEP("possible irq lock inversion dependency detected",
		    "just changed the state of lock", "possible deadlock in %1"),
	OLD_LOCKDEP("SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected", "is trying to acquire",
		    "possible deadlock in %1"),
	OLD_LOCKDEP("possible recursive locking detected", "is trying to acquire lock",
		    "possible deadlock in %1"),
	OLD_LOCKDEP("inconsistent lock state", "takes", "inconsistent lock state in %1"),
	/* RCU stalls: the interrupted code, from the timer interrupt on. */
	{ .title = RCU_STALL,
	  .report = RCU_STALL "(?:.*\\n)+?.*(?:apic_timer_interrupt|Exception stack|el1h_64_irq)",
	  .fmt = "INFO: rcu detected stall in %1",
	  .stack = { "apic_timer_interrupt", RIP, TRACE },
	  .stack2 = { "(?:apic_timer_interrupt|Exception stack|el1h_64_irq)", TRACE },
	  .skip = "apic_timer_interrupt|rcu", .pick = PICK_STALL },
	/*
	 * Not in syzkaller: the stalled CPU's registers without the interrupt
	 * that caught it (dump_cpu_task() shows the interrupted registers of
	 * a CPU that detects its own stall), or a task dump.
	 */
	{ .title = RCU_STALL, .report = RCU_STALL "(?:.*\\n)+?.*(?:" CALLS ")",
	  .fmt = "INFO: rcu detected stall in %1", OOPS_STACK, .stack2 = { CALLS, TRACE },
	  .skip = "apic_timer_interrupt|rcu", .pick = PICK_STALL },
	/*
	 * Not in syzkaller: no stack at all. A stall another CPU detects is
	 * backtraced by the stalled CPU, in NMI, and an error_report record
	 * holds only what the detecting context printed.
	 */
	{ .title = RCU_STALL, .fmt = "INFO: rcu detected stall", .flags = RULE_NO_STACK },
	{ .title = "INFO: trying to register non-static key",
	  .fmt = "INFO: trying to register non-static key in %1", TRACE_STACK,
	  .skip = "stack|lock|IRQ" },
	{ .title = "INFO: suspicious RCU usage", .report = "INFO: suspicious RCU usage(?:.*\\n)+?.*?%SRC%",
	  .fmt = "INFO: suspicious RCU usage in %2", TRACE_STACK, .skip = "rcu|kmem|slab" },
	{ .title = "INFO: task " TASK " blocked (?:in I/O wait )?for more than [0-9]+ seconds",
	  .fmt = "INFO: task hung in %1",
	  TRACE_STACK, .pick = PICK_HUNG },
	{ .title = "INFO: task " TASK " can't die for more than .* seconds",
	  .fmt = "INFO: task can't die in %1", TRACE_STACK, .skip = "schedule" },
	{ .title = "INFO: (Freed|Allocated) in (.*)", .fmt = "INFO: %1 in %2",
	  .flags = RULE_CORRUPTED },
	{ .title = "INFO:[[:space:]]*(?:\\n|$)", .fmt = "INFO: corrupted", .flags = RULE_CORRUPTED },
};

/*
 * Not in syzkaller, which titles a hard lockup by the panic that may follow
 * ("kernel panic: Hard LOCKUP"): an error_report record of one ends before
 * the panic, and one without a panic has nothing else to go by. The loop
 * is blamed as for a soft lockup.
 */
static const struct title_rule hard_lockup_rules[] = {
	/* The locked-up CPU's own registers and stack (perf NMI watchdog). */
	{ .title = "Watchdog detected hard LOCKUP on cpu",
	  .report = "Watchdog detected hard LOCKUP on cpu(?:.*\\n)+?.*(?:" CALLS ")",
	  .fmt = "BUG: hard lockup in %1", OOPS_STACK, .stack2 = { CALLS, TRACE },
	  .pick = PICK_STALL },
	/*
	 * Found by another CPU (buddy detector): the locked-up CPU prints its
	 * own backtrace, in NMI, outside an error_report record.
	 */
	{ .title = "Watchdog detected hard LOCKUP on cpu", .fmt = "BUG: hard lockup",
	  .flags = RULE_NO_STACK },
};

/* arm64 (and arm) oopses. */
static const struct title_rule unable_rules[] = {
	{ .title = "Unable to handle kernel (paging request|NULL pointer dereference"
		   "|access to user memory)",
	  .fmt = "BUG: unable to handle kernel %1 in %2", OOPS_STACK },
};

static const struct title_rule gpf_rules[] = {
	{ .title = "general protection fault.*:", .fmt = "general protection fault in %1", OOPS_STACK },
};

static const struct title_rule stack_segment_rules[] = {
	{ .title = "stack segment: ", .fmt = "stack segment fault in %1", OOPS_STACK },
};

/*
 * A panic's own message titles it only when nothing came before it: after
 * an oops or a report, the panic line is in that report and the report's
 * title wins (it is the first report of the log).
 */
static const struct title_rule panic_rules[] = {
	{ .title = "Kernel panic - not syncing: stack-protector:",
	  .report = "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in:"
		    " %FUNC%",
	  .fmt = "kernel panic: stack is corrupted in %1", .flags = RULE_NO_STACK },
	{ .title = "Kernel panic - not syncing: stack-protector:",
	  .report = "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in:"
		    " [a-f0-9]+",
	  .fmt = "kernel panic: stack is corrupted in %1", TRACE_STACK, .skip = "stack_chk" },
	{ .title = "Kernel panic - not syncing: corrupted stack end",
	  .report = "Kernel panic - not syncing: corrupted stack end detected inside scheduler",
	  .fmt = "kernel panic: corrupted stack end in %1", TRACE_STACK,
	  .skip = "schedule|retint_kernel", .pick = PICK_STALL },
	{ .title = "Kernel panic - not syncing: kernel stack overflow",
	  .fmt = "kernel stack overflow in %1", TRACE_STACK, .skip = "bad_stack",
	  .pick = PICK_STALL },
	{ .title = "Kernel panic - not syncing: Attempted to kill init!",
	  .fmt = "kernel panic: Attempted to kill init!" },
	{ .title = "Kernel panic - not syncing: Couldn't open N_TTY ldisc for [^ ]+ --- error -[0-9]+",
	  .fmt = "kernel panic: Couldn't open N_TTY ldisc" },
	/* These follow another report: alone, the report before was lost. */
	{ .title = "Kernel panic - not syncing: Fatal exception", .fmt = "kernel panic: Fatal exception",
	  .flags = RULE_CORRUPTED },
	{ .title = "Kernel panic - not syncing: panic_on_warn set",
	  .fmt = "kernel panic: panic_on_warn set", .flags = RULE_CORRUPTED },
	{ .title = "Kernel panic - not syncing: hung_task: blocked tasks",
	  .fmt = "kernel panic: hung_task: blocked tasks", .flags = RULE_CORRUPTED },
	{ .title = "Kernel panic - not syncing: (.*)", .fmt = "kernel panic: %1" },
};

static const struct title_rule double_fault_rules[] = {
	{ .title = "PANIC: double fault", .fmt = "PANIC: double fault in %1", .stack = { RIP } },
};

static const struct title_rule rust_rules[] = {
	{ .title = "rust_kernel: panicked", .report = "rust_kernel: panicked at [^\\n]*?\\n(.+?)\\n",
	  .fmt = "%1 in %2", TRACE_STACK, .skip = "__rustc::rust_begin_unwind" },
};

static const struct title_rule kernel_bug_rules[] = {
	{ .title = "kernel BUG at mm/usercopy.c", .fmt = "BUG: bad usercopy in %1", TRACE_STACK,
	  .skip = "usercopy|__check" },
	{ .title = "kernel BUG at lib/list_debug.c", .fmt = "BUG: corrupted list in %1", TRACE_STACK },
	/* BUG_ON() in an skb helper is the caller's bug. */
	{ .title = "kernel BUG at (.*)", .fmt = "kernel BUG in %2", OOPS_STACK, .skip = "^skb_" },
};

static const struct title_rule ppc_bug_rules[] = {
	{ .title = "Kernel BUG (.*)", .fmt = "kernel BUG %1" },
};

static const struct title_rule slub_rules[] = {
	{ .title = "BUG kmalloc-.*: Object already free", .fmt = "BUG: Object already free" },
};

static const struct title_rule divide_rules[] = {
	{ .title = "divide error: ", .fmt = "divide error in %1", .stack = { RIP } },
};

/* A misspelling some kernels print ("x86/entry: Convert Divide Error to IDTENTRY"). */
static const struct title_rule divide2_rules[] = {
	{ .title = "divide_error: ", .fmt = "divide error in %1", .stack = { RIP } },
};

/*
 * Not in syzkaller: a BUG() whose "kernel BUG at <file>" line is missing.
 * report_bug() prints it before the oops begins, so an error_report record
 * of the oops never holds it (nor does a log cut at the oops). The title
 * is the one kernel_bug_rules give the whole report: the faulting function
 * tells usercopy and list_debug BUG()s apart; any other is "kernel BUG"
 * where @generic_ (NULL: always) matches.
 */
#define BUG_WITHOUT_LINE(title_, generic_) \
	{ .title = title_, \
	  .report = title_ "(?:.*\\n)+?(?:RIP: [0-9]+:|pc : )usercopy_abort", \
	  .fmt = "BUG: bad usercopy in %1", TRACE_STACK, .skip = "usercopy|__check" }, \
	{ .title = title_, \
	  .report = title_ "(?:.*\\n)+?(?:RIP: [0-9]+:|pc : )__list_[a-z_]*valid", \
	  .fmt = "BUG: corrupted list in %1", TRACE_STACK }, \
	{ .title = title_, .report = (generic_), .fmt = "kernel BUG in %1", OOPS_STACK, \
	  .skip = "^skb_" }

static const struct title_rule opcode_rules[] = {
	/* x86 BUG() is ud2: "Code: ... <0f> 0b", the first Code: line. */
	BUG_WITHOUT_LINE("invalid opcode: ",
			 "invalid opcode: .*\\n(?:(?!Code: ).*\\n)*Code: .*<0f> 0b"),
	{ .title = "invalid opcode: ", .fmt = "invalid opcode in %1", .stack = { RIP } },
};

static const struct title_rule ubsan_rules[] = {
	{ .title = "UBSAN:", .report = "UBSAN: Undefined behaviour in",
	  .fmt = "UBSAN: undefined-behaviour in %1", TRACE_STACK, .skip = "ubsan|overflow" },
	{ .title = "UBSAN: array-index-out-of-bounds in",
	  .fmt = "UBSAN: array-index-out-of-bounds in %1", TRACE_STACK, .skip = "ubsan|overflow" },
	{ .title = "UBSAN:", .report = "UBSAN: (.*?) in", .fmt = "UBSAN: %1 in %2", TRACE_STACK,
	  .skip = "ubsan|overflow" },
};

static const struct title_rule reboot_rules[] = {
	{ .title = "^Booting the kernel", .fmt = "unexpected kernel reboot", .flags = RULE_NO_STACK },
};

static const struct title_rule netdev_rules[] = {
	{ .title = "unregister_netdevice: waiting for (?:.*) to become free",
	  .fmt = "unregister_netdevice: waiting for DEV to become free", .flags = RULE_NO_STACK },
};

static const struct title_rule vfs_close_rules[] = {
	{ .title = "VFS: Close: file count is 0",
	  .fmt = "VFS: Close: file count is zero (use-after-free)", .flags = RULE_NO_STACK },
};

static const struct title_rule vfs_busy_rules[] = {
	{ .title = "VFS: Busy inodes after unmount",
	  .fmt = "VFS: Busy inodes after unmount (use-after-free)", .flags = RULE_NO_STACK },
};

/* arm64: "Internal error: synchronous external abort" and the like. */
static const struct title_rule internal_rules[] = {
	/* arm64 BUG() is "brk #0x800": die("Oops - BUG"). */
	BUG_WITHOUT_LINE("Internal error: Oops - BUG: ", NULL),
	{ .title = "Internal error:", .fmt = "Internal error in %1", OOPS_STACK },
};

static const struct title_rule unhandled_rules[] = {
	{ .title = "Unhandled fault:", .fmt = "Unhandled fault in %1", OOPS_STACK },
};

static const struct title_rule alignment_rules[] = {
	{ .title = "Alignment trap:", .fmt = "Alignment trap in %1", OOPS_STACK },
};

static const struct title_rule trusty_rules[] = {
	{ .title = "trusty: panic.* ASSERT FAILED",
	  .report = "trusty: panic \\(.*?\\):(?: DEBUG)? ASSERT FAILED at \\(.*?\\): (.+)",
	  .fmt = "trusty: ASSERT FAILED: %1", .flags = RULE_NO_STACK },
	{ .title = "trusty: panic.* ASSERT FAILED.*: *(.*)", .fmt = "trusty: ASSERT FAILED: %1",
	  .flags = RULE_CORRUPTED },
	{ .title = "trusty: panic", .report = "trusty: panic \\(.*?\\): (.+)",
	  .fmt = "trusty: panic: %1", .flags = RULE_NO_STACK },
};

/* User space that writes to the kernel log: Go runtime and syzkaller's own. */
static const struct title_rule go_rules[] = {
	{ .title = "fatal error:", .fmt = "go runtime error", .flags = RULE_NO_STACK },
};

static const struct title_rule syzfail_rules[] = {
	{ .title = "SYZFAIL:(.*)", .fmt = "SYZFAIL:%1", .flags = RULE_NO_STACK },
};

static const struct title_rule syzfatal_rules[] = {
	{ .title = "SYZFATAL:(.*)()", .fmt = "SYZFATAL:%1", .flags = RULE_NO_STACK },
};

static const struct title_rule user_panic_rules[] = {
	{ .title = "panic: Sentry detected .* stuck task", .fmt = "panic: Sentry detected stuck tasks",
	  .flags = RULE_NO_STACK },
	{ .title = "panic:(.*)", .fmt = "panic:%1", .flags = RULE_NO_STACK },
};

#define KIND(h, ign, r) { .header = (h), .ignore = (ign), .rules = (r), .nrules = N(r) }

const struct title_kind title_kinds[] = {
	/* arm64's BUG() oops is an "Internal error:" (internal_rules). */
	KIND("BUG:", "ODEBUG:|Boot_DEBUG:|xlog_status:|DEBUG:|BUG: no syscalls can create resource"
	     "|Internal error: Oops - BUG:",
	     bug_rules),
	KIND("WARNING:",
	     "WARNING: /etc/ssh/moduli does not exist, using fixed modulus"
	     "|WARNING: workqueue cpumask: online intersect > possible intersect"
	     "|WARNING: [Tt]he mand mount option"
	     "|WARNING: Unsupported flag value\\(s\\) of 0x%x in DT_FLAGS_1"
	     "|WARNING: Unprivileged eBPF is enabled"
	     "|WARNING: fbcon: Driver '(.*)' missed to adjust virtual screen size"
	     " (\\((?:\\d+)x(?:\\d+) vs\\. (?:\\d+)x(?:\\d+)\\))"
	     "|WARNING: See https.* for mitigation options."
	     "|WARNING: kernel not compiled with CPU_SRSO"
	     "|EXT4-[Ff][Ss](?: \\(.*\\))?:"
	     "|(?i:warning: .* uses (?:deprecated v2 capabilities|wireless extensions))"
	     "|XFS \\(\\w+\\): WARNING",
	     warning_rules),
	KIND("INFO:",
	     "INFO: lockdep is turned off|INFO: Stall ended before state dump start"
	     "|INFO: NMI handler|INFO: recovery required on readonly filesystem"
	     "|(handler|interrupt).*took too long|INFO: sys_.* is not present in /proc/kallsyms"
	     "|INFO: no syscalls can create resource|rmt_storage:INFO:|_INFO:",
	     info_rules),
	KIND("Watchdog detected hard LOCKUP", NULL, hard_lockup_rules),
	KIND("Unable to handle kernel", NULL, unable_rules),
	KIND("general protection fault", "general protection fault .* error:\\d+ in ", gpf_rules),
	KIND("stack segment: ", NULL, stack_segment_rules),
	KIND("Kernel panic", NULL, panic_rules),
	KIND("PANIC: double fault", NULL, double_fault_rules),
	KIND("rust_kernel: panicked", NULL, rust_rules),
	KIND("kernel BUG", NULL, kernel_bug_rules),
	KIND("Kernel BUG", NULL, ppc_bug_rules),
	KIND("BUG kmalloc-", NULL, slub_rules),
	KIND("divide error:", NULL, divide_rules),
	KIND("divide_error:", NULL, divide2_rules),
	KIND("invalid opcode:", NULL, opcode_rules),
	KIND("UBSAN:", NULL, ubsan_rules),
	KIND("Booting the kernel.", "Parsing ELF|Decompressing Linux|Unknown parameter '",
	     reboot_rules),
	KIND("unregister_netdevice: waiting for", NULL, netdev_rules),
	KIND("VFS: Close: file count is 0", NULL, vfs_close_rules),
	KIND("VFS: Busy inodes after unmount", NULL, vfs_busy_rules),
	KIND("Internal error:", NULL, internal_rules),
	KIND("Unhandled fault:", NULL, unhandled_rules),
	KIND("Alignment trap:", NULL, alignment_rules),
	KIND("trusty: panic", NULL, trusty_rules),
	KIND("fatal error:", "ALSA|fatal error: cannot create timer", go_rules),
	KIND("SYZFAIL:", NULL, syzfail_rules),
	KIND("SYZFATAL:", NULL, syzfatal_rules),
	KIND("panic:", "_panic:|xlog_status:|ddb\\.onpanic:|evtlog_status:", user_panic_rules),
};

const size_t title_nkinds = N(title_kinds);

/*
 * Functions never blamed, matched anywhere in the name unless anchored:
 * the detectors and the report path, allocators, locking, atomics and
 * refcounts, string and copy helpers, lists and trees, printk, timers and
 * work items, device model teardown, the arm64 fault path.
 */
const char *const title_skip_frames =
	"__sanitizer|__asan|kasan|hwasan|__msan|kmsan|kcsan_setup_watchpoint"
	"|check_memory_region|check_heap_object|check_object|read_word_at_a_time"
	"|(read|write)_once_.*nocheck|print_address_description|panic|invalid_op"
	"|report_bug|fixup_bug|print_report|print_usage_bug|valid_state|do_error|_trap$|do_trap"
	"|show_stack|dump_stack|walk_stack|dump_backtrace|warn_slowpath|warn_alloc"
	"|warn_bogus|__warn|alloc_page|k?v?(?:m|z|c)alloc|krealloc|kmem_cache"
	"|allocate_slab|__alloc_frozen_pages_noprof|folio_(?:alloc|unlock)"
	"|filemap_alloc_folio|__filemap_get_folio|find_or_create_page"
	"|do_read_cache_folio|read_cache_page|pagecache_get_page"
	"|grab_cache_page_write_begin|slab_|debug_object|timer_is_static_object"
	"|work_is_static_object|__might_fault|print_unlock|imbalance_bug|lockdep"
	"|bh_enable|bh_disable|perf_trace|lock_acquire|lock_release|lock_class"
	"|mark_lock|(reacquire|mark)_held_locks|raw_spin_rq|spin_lock|spin_trylock"
	"|spin_unlock|read_lock|read_trylock|write_lock|write_trylock|read_unlock"
	"|write_unlock|^down$|down_read|down_write|down_read_trylock"
	"|down_write_trylock|down_trylock|up_read|up_write|^mutex_|^__mutex_"
	"|^rt_mutex_|owner_on_cpu|osq_lock|osq_unlock|lock_sock|release_sock"
	"|atomic(64)?_(dec|inc|read|set|or|xor|and|add|sub|fetch|xchg|cmpxchg|try)"
	"|(set|clear|change|test)_bit|__wake_up|^refcount_|^kref_|ref_tracker"
	"|seqprop_assert|memcpy|memcmp|memset|memchr|memmove|memdup|strcmp|strncmp"
	"|strcpy|strlcpy|strncpy|strscpy|strlen|strstr|strnstr|strnlen|strchr"
	"|strdup|strndup|copy_to_user|copy_from_user|copy_to_iter|copy_from_iter"
	"|copy_page_to_iter|copy_page_from_iter|copy_folio_to_iter|^copyin$"
	"|^copyout$|put_user|get_user|might_fault|might_sleep|list_add|list_del"
	"|list_replace|list_move|list_splice|^rb_|^__rb_|_indirect_thunk_|string"
	"|pointer|snprintf|scnprintf|kasprintf|kvasprintf|printk|va_format"
	"|dev_info|dev_notice|dev_warn|dev_err|dev_alert|dev_crit|dev_emerg"
	"|program_check_exception|program_check_common|del_timer|flush_work"
	"|__cancel_work_timer|cancel_work_sync|try_to_grab_pending|flush_workqueue"
	"|drain_workqueue|destroy_workqueue|queue_work|finish_wait|kthread_stop"
	"|kobject_|add_uevent_var|get_device_parent|device_add|device_del"
	"|device_unregister|device_destroy|device_release|devres_release_all"
	"|hwrng_unregister|i2c_del_adapter|__unregister_client"
	"|device_for_each_child|rollback_registered|unregister_netdev|sysfs_remove"
	"|device_remove_file|tty_unregister_device|dummy_urb_enqueue|usb_kill_urb"
	"|usb_kill_anchored_urbs|usb_control_msg|usb_hcd_submit_urb|usb_submit_urb"
	"|^complete$|wait_for_completion|^kv?free$|kfree_skb|readb$|readw$|readl$"
	"|readq$|writeb$|writew$|writel$|writeq$|logic_in|logic_out|^crc\\d+"
	"|crc_itu_t|__might_resched|assertfail|^iput$|^iput_final$|^ihold$"
	"|hex_dump_to_buffer|print_hex_dump|^klist_|(trace|lockdep)_(hard|soft)irq"
	"|^(un)?lock_page|stack_trace_consume_entry|arch_stack_walk"
	"|stack_trace_save|insert_work|__queue_delayed_work|queue_delayed_work_on"
	"|ida_free|do_(kernel|translation)_fault|do_mem_abort|el1_abort"
	"|el1h_64_sync(?:_handler)?|print_tainted|xas_(?:start|load|find)"
	"|find_lock_entries|ifs_free|iomap_invalidate_folio|folio_invalidate"
	"|truncate_cleanup_folio|truncate_inode_folio|truncate_inode_partial_folio"
	"|truncate_inode_pages_range|__phys_addr|__fortify_report"
	"|cleanup_srcu_struct|rhashtable_lookup|extract_(user|iter)_to_sg|drop_nlink"
	"|^get_taint$|^put_device$|lock_timer_base|__timer_delete_sync"
	"|sk_stop_timer_sync|__mod_timer|fast_dput|dput|mark_buffer_dirty";

const char *const title_frame_res[] = {
	"^ *(?:%PC% ){0,2}%FUNC%",
	/* arm: "[<c0100000>] (f) from [<c0100010>] (g+0x10/0x20)" */
	"^ *%PC% \\(([a-zA-Z0-9_.]+)\\) from %PC% \\(%FUNC%",
	0,
};

const char *const title_stack_start =
	"Call (?:T|t)race|Allocated:|Allocated by task [0-9]+:|Freed:"
	"|Freed by task [0-9]+:|[^k] backtrace(?: \\(crc [[:xdigit:]]*\\))?:|Backtrace:"
	"|Uninit was stored to memory at"
	/* riscv registers end its stack header */
	"|status: [0-9a-f]{16} badaddr: [0-9a-f]{16} cause: [0-9a-f]{16}";

const char *const title_corrupted_line =
	"^( \\[<?(?:0x)?[0-9a-f]+>?\\])? should_fail(slab)?(\\.[a-z0-9.]+)?\\+0x";

const char *const title_strip_prefixes[] = {
	"SYSC_", "SyS_", "sys_", "__x64_", "__ia32_", "__arm64_", "____sys_", "___sys_",
	"__sys_", "__se_", "__se_sys_", "__do_sys_", "compat_SYSC_", "compat_SyS_", "ksys_",
	0,
};

/* Where a stall's loop was entered: the frame above one of these is blamed. */
const char *const title_stall_anchors =
	"process_one_work|do_syscall_|do_fast_syscall_|sysenter_dispatch|tracesys_phase2"
	"|el0_svc_handler|invoke_syscall|ret_fast_syscall|netif_receive_skb|do_softirq"
	"|call_timer_fn|_run_timers|run_timer_softirq|hrtimer_run|run_ksoftirqd"
	"|smpboot_thread_fn|^kthread$|start_secondary|cpu_startup_entry|ret_from_fork"
	"|vfs_write|vfs_read|vfs_iter_read|vfs_iter_write|do_iter_read|do_iter_write"
	"|call_read_iter|call_write_iter|new_sync_read|new_sync_write|vfs_ioctl|ksys_ioctl"
	"|compat_ioctl|compat_sys_ioctl|blkdev_driver_ioctl|blkdev_ioctl|^call_read_iter"
	"|^call_write_iter|do_iter_readv_writev|^call_mmap|mmap_region|do_mmap"
	"|do_dentry_open|vfs_open|^sock_sendmsg|^sock_recvmsg|^sock_release"
	"|^__sock_release|^setsockopt$|kernel_setsockopt|sock_common_setsockopt"
	"|^listen$|kernel_listen|sk_common_release|^sock_mmap|^accept$|kernel_accept"
	"|^sock_do_ioctl|^sock_ioctl|^compat_sock_ioctl|^nfnetlink_rcv_msg"
	"|^rtnetlink_rcv_msg|^netlink_dump|^(sys_)?(socketpair|connect|ioctl)"
	"|__do_fault|do_page_fault|^page_fault$|__fput|task_work_run|exit_to_usermode"
	"|smp_call_function|tasklet_action|tasklet_hi_action";

/* Lines that never start a report: p9_fd_create_unix/_tcp print a path the user chose. */
const char *const title_line_ignores = "p9_fd_create.*: problem connecting socket";

const char *const title_report_start_ignores =
	"invalid opcode: 0000|Kernel panic - not syncing|unregister_netdevice: waiting for"
	"|PANIC: double fault|Internal error:";

const char *const title_info_with_stack[] = {
	"vmalloc: allocation failure:", "FAULT_INJECTION: forcing a failure",
	"FAULT_FLAG_ALLOW_RETRY missing", 0,
};
