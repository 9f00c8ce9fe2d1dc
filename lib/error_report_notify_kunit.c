// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for error_report_notify: which printk lines a report keeps
 * (its context's, and only those), the record it becomes (header,
 * checksums, truncation) and nesting.
 *
 * Included at the end of lib/error_report_notify.c to reach its static
 * functions. Reports are opened with the real start probe, so that printk
 * feeds them, and stored in a sink of the tests' own, which keeps each
 * record in memory as the capture writes it: the real sink (pstore) is
 * unregistered while they run, and registered again after them. With
 * CONFIG_KUNIT_DEFAULT_ENABLED=n they run only when booted with
 * kunit.enable=1.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/irq_work.h>
#include <linux/kthread.h>
#include <linux/sizes.h>
#include <linux/vmalloc.h>

/* Records the tests' sink holds at once, and the size of each. */
#define ERN_TEST_RECORDS	4
#define ERN_TEST_SIZE		SZ_8K

/**
 * struct ern_test_record - a record of the tests' sink
 * @busy:	taken by a report, until the test has read it
 * @room:	the bytes it may hold
 * @size:	the bytes the report's commit said it holds
 * @buf:	the bytes, as the capture wrote them
 */
struct ern_test_record {
	atomic_t busy;
	size_t room;
	size_t size;
	char buf[ERN_TEST_SIZE];
};

static struct ern_test_record *ern_test_records;
/* The sink registered before the tests: registered again after them. */
static struct error_report_sink *ern_test_saved;
/* The task whose reports the tests' sink takes: a test's. */
static struct task_struct *ern_test_task;

static int ern_test_sink_open(struct error_report_stream *stream,
			      struct error_report_header *h, size_t *room)
{
	struct ern_test_record *t;
	unsigned int i;

	/* A real report meanwhile is not stored (nor kept from its store). */
	if (!in_task() || current != READ_ONCE(ern_test_task))
		return -ENOSPC;
	for (i = 0; i < ERN_TEST_RECORDS; i++) {
		t = &ern_test_records[i];
		if (atomic_cmpxchg(&t->busy, 0, 1))
			continue;
		t->room = min_t(size_t, *room, ERN_TEST_SIZE);
		t->size = 0;
		memset(t->buf, 0, sizeof(t->buf));
		stream->id = i;
		*room = t->room;
		return 0;
	}
	return -ENOSPC;
}

static int ern_test_sink_write(struct error_report_stream *stream,
			       size_t offset, const void *buf, size_t len)
{
	struct ern_test_record *t = &ern_test_records[stream->id];

	if (offset > t->room || len > t->room - offset)
		return -ENOSPC;
	memcpy(t->buf + offset, buf, len);
	return 0;
}

static int ern_test_sink_commit(struct error_report_stream *stream,
				const struct error_report_header *h,
				size_t size)
{
	struct ern_test_record *t = &ern_test_records[stream->id];

	memcpy(t->buf, h, sizeof(*h));
	t->size = size;
	return 0;
}

static struct error_report_sink ern_test_sink = {
	.max_size = ERN_TEST_SIZE,
	.open = ern_test_sink_open,
	.write = ern_test_sink_write,
	.commit = ern_test_sink_commit,
};

static int ern_test_suite_init(struct kunit_suite *suite)
{
	const struct ern_state *st;
	int ret;

	ern_test_records = vzalloc(array_size(ERN_TEST_RECORDS,
					      sizeof(*ern_test_records)));
	if (!ern_test_records)
		return -ENOMEM;
	mutex_lock(&ern_sink_mutex);
	st = rcu_dereference_protected(ern_state,
				       lockdep_is_held(&ern_sink_mutex));
	ern_test_saved = st ? st->sink : NULL;
	mutex_unlock(&ern_sink_mutex);
	if (ern_test_saved)
		error_report_unregister_sink(ern_test_saved);
	ret = error_report_register_sink(&ern_test_sink);
	if (ret) {
		/* No suite_exit after a failed suite_init: undo it here. */
		if (ern_test_saved && error_report_register_sink(ern_test_saved))
			pr_err("the sink unregistered for the tests is lost\n");
		vfree(ern_test_records);
		ern_test_records = NULL;
	}
	return ret;
}

static void ern_test_suite_exit(struct kunit_suite *suite)
{
	error_report_unregister_sink(&ern_test_sink);
	WRITE_ONCE(ern_test_task, NULL);
	if (ern_test_saved && error_report_register_sink(ern_test_saved))
		pr_err("the sink unregistered for the tests is lost\n");
	vfree(ern_test_records);
	ern_test_records = NULL;
}

static const struct ern_state *ern_test_state(struct kunit *test)
{
	const struct ern_state *st = rcu_access_pointer(ern_state);

	KUNIT_ASSERT_NOT_NULL(test, st);
	KUNIT_ASSERT_PTR_EQ(test, st->sink, &ern_test_sink);
	return st;
}

/* Open a report in the calling (task) context, as error_report_start does. */
static void ern_test_open(void)
{
	WRITE_ONCE(ern_test_task, current);
	/* The test task's lines are its report's only on the CPU it opened. */
	migrate_disable();
	preempt_disable();
	ern_probe_start(NULL, ERROR_DETECTOR_WARN, 0);
	preempt_enable();
}

/*
 * Close the innermost report of the calling context and store it, as its
 * end does, in the tests' sink; its record, formatted as pstore reads it
 * (version 1), is copied to a test buffer.
 */
static const struct error_report_header *
ern_test_close(struct kunit *test, const struct ern_state *st, char **body,
	       size_t *body_len)
{
	struct error_report_header *h, sealed;
	struct ern_test_record *t = NULL;
	struct ern_report *r;
	char *buf, *fmt;
	int ret = 0;
	bool found;
	ssize_t n;

	preempt_disable();
	r = ern_close(st, 0, &found);
	if (r) {
		t = &ern_test_records[r->stream.id];
		ret = ern_store(r, st, 0x1234);
	}
	preempt_enable();
	migrate_enable();
	KUNIT_ASSERT_TRUE(test, found);
	if (!r)
		return NULL;
	KUNIT_ASSERT_EQ(test, ret, 0);
	/* The record the sink got fits its room; formatted, it may not. */
	n = t->size;
	KUNIT_EXPECT_LE(test, n, st->size);
	/* As written: lines as printk keeps them, the text's CRC as it went. */
	h = (struct error_report_header *)t->buf;
	KUNIT_EXPECT_EQ(test, le16_to_cpu(h->version), ERROR_REPORT_VERSION_LINES);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->body_len) + sizeof(*h), t->size);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->body_crc32), error_report_text_crc(h));
	sealed = *h;
	error_report_seal_header(&sealed);
	KUNIT_EXPECT_EQ(test, sealed.header_crc32, h->header_crc32);
	n = error_report_format(t->buf, n, 0, &fmt);
	atomic_set_release(&t->busy, 0);
	KUNIT_ASSERT_GT(test, n, 0);
	buf = kunit_kzalloc(test, n + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, fmt, n);
	kvfree(fmt);
	*body = buf + sizeof(struct error_report_header);
	*body_len = n - sizeof(struct error_report_header);
	return (const struct error_report_header *)buf;
}

/* A line stored at 1 s by task 1 at KERN_INFO, as vprintk_store() hands it. */
#define ERN_TEST_TS	NSEC_PER_SEC
#define ERN_TEST_CALLER	1
static void ern_test_line(u64 seq, const char *text, size_t len, bool cont)
{
	error_report_capture_line(seq, ERN_TEST_TS, ERN_TEST_CALLER, 6, true,
				  text, len, cont);
}

/* The prefix of ern_test_line()'s lines, formatted, into @buf. */
static size_t ern_test_prefix(char *buf, size_t size)
{
	struct error_report_line l = {
		.ts_nsec = cpu_to_le64(ERN_TEST_TS),
		.caller_id = cpu_to_le32(ERN_TEST_CALLER),
		.prio = cpu_to_le16(6),
		.flags = cpu_to_le16(ERROR_REPORT_LINE_TIME |
				     (IS_ENABLED(CONFIG_PRINTK_CALLER) ?
				      ERROR_REPORT_LINE_CALLER : 0)),
	};
	size_t n = error_report_format_text(&l, sizeof(l), buf, size);

	/* An empty line: the prefix and a newline. */
	buf[--n] = '\0';
	return n;
}

static unsigned int ern_test_count(const char *s, const char *what)
{
	unsigned int n = 0;

	while ((s = strstr(s, what))) {
		n++;
		s++;
	}
	return n;
}

/* The header says what the record holds, and its checksums hold. */
static void ern_test_header(struct kunit *test)
{
	const struct ern_state *st = ern_test_state(test);
	struct error_report_header copy;
	const struct error_report_header *h;
	size_t len;
	char *body;
	int i;

	ern_test_open();
	for (i = 0; i < 3; i++)
		pr_info("ern_kunit header line %d\n", i);
	h = ern_test_close(test, st, &body, &len);
	KUNIT_ASSERT_NOT_NULL(test, h);

	KUNIT_EXPECT_EQ(test, memcmp(h->magic, ERROR_REPORT_MAGIC, 8), 0);
	KUNIT_EXPECT_EQ(test, le16_to_cpu(h->version), ERROR_REPORT_VERSION);
	KUNIT_EXPECT_EQ(test, le16_to_cpu(h->header_size), sizeof(*h));
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->detector), ERROR_REPORT_DETECTOR_WARN);
	KUNIT_EXPECT_EQ(test, le64_to_cpu(h->id), 0x1234);
	KUNIT_EXPECT_GT(test, le64_to_cpu(h->seq), 0);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->flags), 0);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->caller_id), task_pid_nr(current));
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->pid), task_pid_nr(current));
	KUNIT_EXPECT_EQ(test, memcmp(h->boot_id, ern_boot_id, 16), 0);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->body_len), len);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->body_crc32), ern_crc32(body, len));
	copy = *h;
	copy.header_crc32 = 0;
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->header_crc32), ern_crc32(&copy, sizeof(copy)));
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit header line"), 3);
	/* Each line as syslog(2) prints it. */
	KUNIT_EXPECT_EQ(test, body[0], '<');
	KUNIT_EXPECT_EQ(test, body[len - 1], '\n');
}

struct ern_test_foreign {
	struct completion done;
	struct irq_work work;
};

static int ern_test_thread(void *arg)
{
	struct ern_test_foreign *t = arg;
	int i;

	for (i = 0; i < 3; i++)
		pr_info("ern_kunit foreign task line %d\n", i);
	complete(&t->done);
	return 0;
}

static void ern_test_irq(struct irq_work *w)
{
	pr_info("ern_kunit foreign irq line\n");
}

/* Lines of another task, and of an interrupt on this CPU, are not kept. */
static void ern_test_foreign_lines(struct kunit *test)
{
	const struct ern_state *st = ern_test_state(test);
	struct ern_test_foreign t;
	struct task_struct *k;
	size_t len;
	char *body;

	init_completion(&t.done);
	init_irq_work(&t.work, ern_test_irq);
	ern_test_open();
	pr_info("ern_kunit own line 1\n");
	k = kthread_run(ern_test_thread, &t, "ern_kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	wait_for_completion(&t.done);
	irq_work_queue(&t.work);
	irq_work_sync(&t.work);
	pr_info("ern_kunit own line 2\n");
	KUNIT_ASSERT_NOT_NULL(test, ern_test_close(test, st, &body, &len));
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit own line"), 2);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "foreign"), 0);
}

/*
 * A continuation fragment is appended to its line, a record of several lines
 * is prefixed on each. The fragments are handed over as vprintk_store()
 * does, with interrupts off, rather than printed with pr_cont().
 */
static void ern_test_continuation(struct kunit *test)
{
	const struct ern_state *st = ern_test_state(test);
	char prefix[64], want[128];
	unsigned long flags;
	size_t len;
	char *body;

	ern_test_prefix(prefix, sizeof(prefix));
	ern_test_open();
	local_irq_save(flags);
	ern_test_line(1000, "ern_kunit cont a", 16, false);
	ern_test_line(1000, " b", 2, true);
	ern_test_line(1000, " c", 2, true);
	/* A fragment of a line the report did not print starts a line. */
	ern_test_line(999, " d", 2, true);
	local_irq_restore(flags);
	pr_info("ern_kunit multi 1\nern_kunit multi 2\n");
	KUNIT_ASSERT_NOT_NULL(test, ern_test_close(test, st, &body, &len));
	snprintf(want, sizeof(want), "%sern_kunit cont a b c\n%s d\n", prefix, prefix);
	KUNIT_EXPECT_NOT_NULL(test, strstr(body, want));
	KUNIT_EXPECT_NOT_NULL(test, strstr(body, "ern_kunit multi 1\n<"));
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "\n<"), 3);
}

/* What does not fit is counted, and said in the record's last line. */
static void ern_test_truncation(struct kunit *test)
{
	const struct ern_state *st = ern_test_state(test);
	const struct error_report_header *h;
	unsigned int i, n = st->size / 64 + 10, kept;
	size_t len;
	char *body;

	ern_test_open();
	for (i = 0; i < n; i++)
		pr_info("ern_kunit long line %04u ..................................\n", i);
	h = ern_test_close(test, st, &body, &len);
	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_EXPECT_TRUE(test, le32_to_cpu(h->flags) & ERROR_REPORT_F_TRUNCATED);
	kept = ern_test_count(body, "ern_kunit long line");
	KUNIT_EXPECT_GT(test, kept, 0);
	KUNIT_EXPECT_LT(test, kept, n);
	/* The beginning is kept, unbroken. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(body, "ern_kunit long line 0000 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(body, "[error_report: truncated: "));
}

/*
 * A continuation fragment that is not stored counts its own bytes: its
 * line's prefix and newline were counted with the line, so that the bytes
 * kept and the bytes said to be missing add up to the report's.
 */
static void ern_test_truncation_continuation(struct kunit *test)
{
	static const char filler[] = "ern_kunit filler ..........";
	const size_t flen = sizeof(filler) - 1;
	const struct ern_state *st = ern_test_state(test);
	char prefix[64];
	size_t plen = ern_test_prefix(prefix, sizeof(prefix));
	unsigned int i, n = st->size / 32 + 10, kept, records = 0;
	unsigned long flags;
	size_t len, bytes = 0;
	char *body, *cut;
	int got;

	ern_test_open();
	local_irq_save(flags);
	for (i = 0; i < n; i++)
		ern_test_line(2000 + i, filler, flen, false);
	ern_test_line(9000, "ern_kunit lost", 14, false);
	ern_test_line(9000, " fragment", 9, true);
	local_irq_restore(flags);
	KUNIT_ASSERT_NOT_NULL(test, ern_test_close(test, st, &body, &len));
	cut = strstr(body, "[error_report: truncated: ");
	KUNIT_ASSERT_NOT_NULL(test, cut);
	got = sscanf(cut, "[error_report: truncated: %u more records, %zu bytes",
		     &records, &bytes);
	KUNIT_ASSERT_EQ(test, got, 2);
	kept = ern_test_count(body, filler);
	KUNIT_EXPECT_EQ(test, records, n - kept + 1);
	KUNIT_EXPECT_EQ(test, bytes, (n - kept) * (plen + flen + 1) + (plen + 14 + 1) + 9);
}

/*
 * A kept line whose continuation fragment does not fit goes with it: the
 * text keeps whole lines, and the line counts among those not stored.
 */
static void ern_test_truncation_kept_continuation(struct kunit *test)
{
	static const char filler[] = "ern_kunit filler ..........";
	static const char line[] = "ern_kunit whole";
	const size_t entry = sizeof(struct error_report_line);
	const size_t flen = sizeof(filler) - 1, fill = entry + flen;
	const size_t llen = sizeof(line) - 1;
	const struct ern_state *st = ern_test_state(test);
	unsigned int i, n, records = 0;
	size_t room, left, len, plen, bytes = 0;
	char frag[128], prefix[64], *body, *cut;
	unsigned long flags;
	int got;

	plen = ern_test_prefix(prefix, sizeof(prefix));
	ern_test_open();
	/* The room the sink gave the report just opened. */
	room = ern_text_room(ern_innermost(raw_cpu_ptr(&ern_ctxs[0]), st));
	/*
	 * n filler lines, the line and the fragment's entry fit; the
	 * fragment's text is one byte too many.
	 */
	n = (room - (entry + llen) - entry) / fill;
	left = room - n * fill - (entry + llen) - entry;
	KUNIT_ASSERT_LT(test, left + 1, sizeof(frag));
	memset(frag, 'x', left + 1);
	local_irq_save(flags);
	for (i = 0; i < n; i++)
		ern_test_line(3000 + i, filler, flen, false);
	ern_test_line(9000, line, llen, false);
	ern_test_line(9000, frag, left + 1, true);
	local_irq_restore(flags);
	KUNIT_ASSERT_NOT_NULL(test, ern_test_close(test, st, &body, &len));
	KUNIT_EXPECT_NULL(test, strstr(body, line));
	KUNIT_EXPECT_EQ(test, ern_test_count(body, filler), n);
	cut = strstr(body, "[error_report: truncated: ");
	KUNIT_ASSERT_NOT_NULL(test, cut);
	got = sscanf(cut, "[error_report: truncated: %u more records, %zu bytes",
		     &records, &bytes);
	KUNIT_ASSERT_EQ(test, got, 2);
	KUNIT_EXPECT_EQ(test, records, 1);
	KUNIT_EXPECT_EQ(test, bytes, plen + llen + 1 + left + 1);
}

/*
 * A report nested in another of the same context has its own lines; one
 * nested deeper than ERN_MAX_NEST has no record, and its end closes no other.
 */
static void ern_test_nested(struct kunit *test)
{
	const struct ern_state *st = ern_test_state(test);
	const struct error_report_header *h;
	unsigned int d;
	size_t len;
	char *body;

	ern_test_open();
	pr_info("ern_kunit outer line 1\n");
	ern_test_open();
	pr_info("ern_kunit inner line\n");
	for (d = ERN_MAX_NEST; d < ERN_MAX_NEST + 2; d++) {
		ern_test_open();
		pr_info("ern_kunit too deep line\n");
	}
	for (d = ERN_MAX_NEST; d < ERN_MAX_NEST + 2; d++)
		KUNIT_EXPECT_NULL(test, ern_test_close(test, st, &body, &len));
	h = ern_test_close(test, st, &body, &len);
	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit inner line"), 1);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "too deep"), 0);
	pr_info("ern_kunit outer line 2\n");
	h = ern_test_close(test, st, &body, &len);
	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit outer line"), 2);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "inner"), 0);
	KUNIT_EXPECT_TRUE(test, le32_to_cpu(h->flags) & ERROR_REPORT_F_NESTED);
	KUNIT_EXPECT_EQ(test, atomic_read(raw_cpu_ptr(&error_report_open)), 0);
}

/*
 * More reports open at once than the pool has room for: the report that
 * finds none has no record and is counted as dropped, and its end closes
 * no other report: the one it is nested in keeps its own lines.
 */
static void ern_test_frames_exhausted(struct kunit *test)
{
	const struct ern_state *st = ern_test_state(test);
	const struct error_report_header *h;
	struct ern_report **taken;
	unsigned int i, n = 0;
	size_t len;
	char *body;

	taken = kunit_kcalloc(test, st->nr, sizeof(*taken), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, taken);
	ern_test_open();
	pr_info("ern_kunit outer line 1\n");
	/* Every other buffer, as reports on other CPUs would hold them. */
	while (n < st->nr && (taken[n] = ern_claim_report(st)))
		n++;
	ern_test_open();
	pr_info("ern_kunit starved line\n");
	KUNIT_EXPECT_NULL(test, ern_test_close(test, st, &body, &len));
	for (i = 0; i < n; i++)
		ern_release_report(taken[i]);
	pr_info("ern_kunit outer line 2\n");
	h = ern_test_close(test, st, &body, &len);
	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit outer line"), 2);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "starved"), 0);
}

/* error_report_line_size() of a line of @text. */
static size_t ern_test_line_size(u64 ts, u32 caller, u16 prio, u16 flags,
				 const char *text)
{
	struct error_report_line l = {
		.ts_nsec = cpu_to_le64(ts),
		.caller_id = cpu_to_le32(caller),
		.prio = cpu_to_le16(prio),
		.flags = cpu_to_le16(flags),
		.len = cpu_to_le16(strlen(text)),
	};

	return error_report_line_size(&l, text, strlen(text));
}

/*
 * A version 2 text reads as printk formats its lines: prefixes as
 * info_print_prefix() writes them, counted as error_report_line_size()
 * says, several lines of a record, fragments, a bare line, an entry cut
 * short, and the zero bytes after the last one.
 */
static void ern_test_format(struct kunit *test)
{
	static const char want[] =
		"<4>[12345.678901][    T1] a\n"
		"<4>[12345.678901][    T1] b c\n"
		"<14>[123456.000001][C12345678] x\n"
		"<14>[123456.000001][C12345678] y\n"
		"<0>\n"
		"note\n";
	static const char cut[] = "<6>[    0.000000] cu\n";
	static const struct {
		u64 ts;
		u32 caller;
		u16 prio, flags;
		const char *text;
	} lines[] = {
		{ 12345678901234ULL, 1, 4, 3, "a" },
		{ 12345678901234ULL, 1, 4, 3, "b" },
		{ 12345678901234ULL, 1, 4, 3 | ERROR_REPORT_LINE_CONT, " c" },
		{ 123456000001000ULL, 0x80000000 + 12345678, 14, 3, "x\ny" },
		{ 5, 0, 0, 0, "" },
		{ 0, 0, 0, ERROR_REPORT_LINE_BARE, "note" },
		{ 999, 7, 6, 1, "cut here" },
	};
	char raw[256], *buf;
	struct error_report_line l;
	size_t pos = 0, end = 0, n;
	unsigned int i;

	buf = kunit_kzalloc(test, sizeof(want) + sizeof(cut), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(raw, 0, sizeof(raw));
	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		end = pos;
		l.ts_nsec = cpu_to_le64(lines[i].ts);
		l.caller_id = cpu_to_le32(lines[i].caller);
		l.prio = cpu_to_le16(lines[i].prio);
		l.flags = cpu_to_le16(lines[i].flags);
		l.len = cpu_to_le16(strlen(lines[i].text));
		memcpy(raw + pos, &l, sizeof(l));
		memcpy(raw + pos + sizeof(l), lines[i].text, strlen(lines[i].text));
		pos += sizeof(l) + strlen(lines[i].text);
	}
	/* Zero bytes after the last whole entry end the text. */
	memset(raw + end, 0, sizeof(raw) - end);
	n = error_report_format_text(raw, end + 40, NULL, 0);
	KUNIT_EXPECT_EQ(test, n, sizeof(want) - 1);
	error_report_format_text(raw, end + 40, buf, n);
	KUNIT_EXPECT_STREQ(test, buf, want);
	/* An entry cut after two bytes of its text keeps those two. */
	memcpy(raw + end, &l, sizeof(l));
	memcpy(raw + end + sizeof(l), "cu", 2);
	n = error_report_format_text(raw, end + sizeof(l) + 2, NULL, 0);
	KUNIT_EXPECT_EQ(test, n, sizeof(want) + sizeof(cut) - 2);
	error_report_format_text(raw, end + sizeof(l) + 2, buf, n);
	KUNIT_EXPECT_STREQ(test, buf + sizeof(want) - 1, cut);
	/* Each line is as long as the report path counts it. */
	KUNIT_EXPECT_EQ(test, ern_test_line_size(12345678901234ULL, 1, 4, 3, ""), 27);
	KUNIT_EXPECT_EQ(test, ern_test_line_size(123456000001000ULL,
						 0x80000000 + 12345678, 14, 3,
						 ""), 32);
	KUNIT_EXPECT_EQ(test, ern_test_line_size(5, 0, 0, 0, ""), 4);
	/* "<65535>[18446744073.709551][C2147483647] z": the widest fields. */
	KUNIT_EXPECT_EQ(test, ern_test_line_size(U64_MAX, U32_MAX, U16_MAX, 3,
						 "z"), 43);
	KUNIT_EXPECT_EQ(test, ern_test_line_size(999, 7, 6, 1, "ab"), 21);
	KUNIT_EXPECT_EQ(test, ern_test_line_size(999, 7, 6,
						 1 | ERROR_REPORT_LINE_CONT,
						 "p\nq"), 21);
	KUNIT_EXPECT_EQ(test, ern_test_line_size(999, 7, 6,
						 ERROR_REPORT_LINE_BARE, "x\ny"),
			4);
}

static struct kunit_case ern_test_cases[] = {
	KUNIT_CASE(ern_test_format),
	KUNIT_CASE(ern_test_header),
	KUNIT_CASE(ern_test_foreign_lines),
	KUNIT_CASE(ern_test_continuation),
	KUNIT_CASE(ern_test_truncation),
	KUNIT_CASE(ern_test_truncation_continuation),
	KUNIT_CASE(ern_test_truncation_kept_continuation),
	KUNIT_CASE(ern_test_nested),
	KUNIT_CASE(ern_test_frames_exhausted),
	{}
};

static struct kunit_suite ern_test_suite = {
	.name = "error_report_notify",
	.suite_init = ern_test_suite_init,
	.suite_exit = ern_test_suite_exit,
	.test_cases = ern_test_cases,
};

kunit_test_suite(ern_test_suite);
