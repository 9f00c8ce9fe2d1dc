// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for error_report_notify: which printk records a report keeps,
 * the record it becomes (header, checksums, truncation) and the frame table.
 *
 * Included at the end of lib/error_report_notify.c to reach its static
 * functions. The tests build frames by hand instead of raising reports, so
 * nothing reaches the store: with CONFIG_KUNIT_DEFAULT_ENABLED=n they run
 * only when booted with kunit.enable=1.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/irq_work.h>
#include <linux/kthread.h>

#define KUNIT_BUF_SIZE 8192

/* A frame for the calling context, as error_report_start would open it. */
static void ern_test_open(struct ern_frame *f)
{
	memset(f, 0, sizeof(*f));
	f->caller_id = printk_get_caller_id();
	f->detector = ERROR_DETECTOR_WARN;
	f->start_seq = printk_get_next_reserved_seq();
	f->mono_ns = ktime_get_mono_fast_ns();
	f->real_ns = ktime_get_real_fast_ns();
}

static const struct error_report_header *ern_test_format(struct kunit *test,
							 const struct ern_frame *f,
							 size_t size, char **body,
							 size_t *body_len)
{
	char *buf = kunit_kzalloc(test, size, GFP_KERNEL);
	struct error_report_header *h = (struct error_report_header *)buf;
	size_t n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	n = ern_format(f, 0x1234, 7, printk_get_next_reserved_seq(), buf, size);
	KUNIT_ASSERT_GE(test, n, sizeof(*h));
	*body = buf + sizeof(*h);
	*body_len = n - sizeof(*h);
	(*body)[*body_len] = '\0';
	return h;
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
	struct error_report_header copy;
	const struct error_report_header *h;
	struct ern_frame f;
	size_t len;
	char *body;
	int i;

	ern_test_open(&f);
	for (i = 0; i < 3; i++)
		pr_info("ern_kunit header line %d\n", i);
	h = ern_test_format(test, &f, KUNIT_BUF_SIZE, &body, &len);

	KUNIT_EXPECT_EQ(test, memcmp(h->magic, ERROR_REPORT_MAGIC, 8), 0);
	KUNIT_EXPECT_EQ(test, le16_to_cpu(h->version), ERROR_REPORT_VERSION);
	KUNIT_EXPECT_EQ(test, le16_to_cpu(h->header_size), sizeof(*h));
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->detector), ERROR_REPORT_DETECTOR_WARN);
	KUNIT_EXPECT_EQ(test, le64_to_cpu(h->id), 0x1234);
	KUNIT_EXPECT_EQ(test, le64_to_cpu(h->seq), 7);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->flags), 0);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->caller_id), f.caller_id);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->pid), task_pid_nr(current));
	KUNIT_EXPECT_EQ(test, memcmp(h->boot_id, ern_boot_id, 16), 0);
	KUNIT_EXPECT_STREQ(test, h->release, init_utsname()->release);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->body_len), len);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->body_crc32), ern_crc32(body, len));
	copy = *h;
	copy.header_crc32 = 0;
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->header_crc32), ern_crc32(&copy, sizeof(copy)));
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit header line"), 3);
	/* syslog(2) format: level, time, the text, a newline per record. */
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

	for (i = 0; i < 20; i++)
		pr_info("ern_kunit foreign task line %d\n", i);
	complete(&t->done);
	return 0;
}

static void ern_test_irq(struct irq_work *w)
{
	pr_info("ern_kunit foreign irq line\n");
}

/* Lines another task or an interrupt printed meanwhile are not kept. */
static void ern_test_caller_filter(struct kunit *test)
{
	struct ern_test_foreign t;
	struct ern_frame f;
	struct task_struct *k;
	size_t len;
	char *body;

	init_completion(&t.done);
	init_irq_work(&t.work, ern_test_irq);
	ern_test_open(&f);
	pr_info("ern_kunit own line 1\n");
	k = kthread_run(ern_test_thread, &t, "ern_kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	wait_for_completion(&t.done);
	irq_work_queue(&t.work);
	irq_work_sync(&t.work);
	pr_info("ern_kunit own line 2\n");
	ern_test_format(test, &f, KUNIT_BUF_SIZE, &body, &len);

	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit own line"), 2);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "foreign"), 0);
}

/* A report longer than the record keeps whole lines and says what is missing. */
static void ern_test_truncation(struct kunit *test)
{
	const struct error_report_header *h;
	unsigned int kept, more;
	struct ern_frame f;
	size_t len, bytes;
	char *body, *tail;
	int i, n;

	ern_test_open(&f);
	for (i = 0; i < 50; i++)
		pr_info("ern_kunit long line %02d ..........................................\n", i);
	h = ern_test_format(test, &f, sizeof(*h) + 2 * ERN_TRUNC_ROOM + 600, &body, &len);

	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->flags), ERROR_REPORT_F_TRUNCATED);
	tail = strstr(body, "[error_report: truncated: ");
	KUNIT_ASSERT_NOT_NULL(test, tail);
	n = sscanf(tail, "[error_report: truncated: %u more records, %zu bytes", &more, &bytes);
	KUNIT_ASSERT_EQ(test, n, 2);
	kept = ern_test_count(body, "ern_kunit long line");
	KUNIT_EXPECT_GT(test, kept, 0);
	KUNIT_EXPECT_EQ(test, kept + more, 50);
	KUNIT_EXPECT_EQ(test, body[len - 1], '\n');
	/* Whole lines: the text before the notice ends with a newline. */
	KUNIT_EXPECT_EQ(test, tail[-1], '\n');
}

/* A nested report's lines are left out of the report it is nested in. */
static void ern_test_nested_hole(struct kunit *test)
{
	const struct error_report_header *h;
	struct ern_frame f;
	size_t len;
	char *body;

	ern_test_open(&f);
	pr_info("ern_kunit outer line 1\n");
	f.holes[0].start_seq = printk_get_next_reserved_seq();
	pr_info("ern_kunit inner line\n");
	f.holes[0].end_seq = printk_get_next_reserved_seq();
	f.nr_holes = 1;
	pr_info("ern_kunit outer line 2\n");
	h = ern_test_format(test, &f, KUNIT_BUF_SIZE, &body, &len);

	KUNIT_EXPECT_EQ(test, ern_test_count(body, "ern_kunit outer line"), 2);
	KUNIT_EXPECT_EQ(test, ern_test_count(body, "inner"), 0);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(h->flags), ERROR_REPORT_F_NESTED);
}

/* Frames: all can be claimed, the innermost is found, a stale one is reused. */
static void ern_test_frames(struct kunit *test)
{
	struct ern_frame *got[ERN_MAX_FRAMES], *f;
	u64 now = ktime_get_mono_fast_ns();
	int i;

	for (i = 0; i < ERN_MAX_FRAMES; i++) {
		got[i] = ern_claim_frame(now);
		KUNIT_ASSERT_NOT_NULL(test, got[i]);
		got[i]->caller_id = 0x7fffffff;
		got[i]->gen = i + 1;
		got[i]->mono_ns = now;
		atomic_set(&got[i]->state, ERN_OPEN);
	}
	KUNIT_EXPECT_NULL(test, ern_claim_frame(now));
	KUNIT_EXPECT_PTR_EQ(test, ern_find_frame(0x7fffffff, U64_MAX), got[ERN_MAX_FRAMES - 1]);
	KUNIT_EXPECT_PTR_EQ(test, ern_find_frame(0x7fffffff, 5), got[3]);
	KUNIT_EXPECT_NULL(test, ern_find_frame(0x7ffffffe, U64_MAX));

	/* An end that never came: reusable once stale. */
	got[2]->mono_ns = now - ERN_STALE_NS - 1;
	f = ern_claim_frame(now);
	KUNIT_EXPECT_PTR_EQ(test, f, got[2]);

	for (i = 0; i < ERN_MAX_FRAMES; i++)
		atomic_set(&got[i]->state, ERN_FREE);
}

static struct kunit_case ern_test_cases[] = {
	KUNIT_CASE(ern_test_header),
	KUNIT_CASE(ern_test_caller_filter),
	KUNIT_CASE(ern_test_truncation),
	KUNIT_CASE(ern_test_nested_hole),
	KUNIT_CASE(ern_test_frames),
	{}
};

static struct kunit_suite ern_test_suite = {
	.name = "error_report_notify",
	.test_cases = ern_test_cases,
};

kunit_test_suite(ern_test_suite);
