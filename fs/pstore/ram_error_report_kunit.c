// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the ramoops error report slots: the first reports kept
 * when the region is full, slots freed by erasing their record, records read
 * back whole or alone by their id, a report spanning slots (also after a
 * reboot), a stale erase refused, an oversized record cut, slots torn by a
 * reset (and erased after a reboot), record names that differ between
 * reports of one slot, slots claimed in order as in a ring, records written
 * as they print: closed, grown, or left open by a reset.
 *
 * Included at the end of fs/pstore/ram_error_report.c to reach its static
 * functions. The slots live in ordinary pages (memtype 2: cached), not in a
 * reserved region, and no backend is registered: the tests call the region's
 * functions directly, as ram.c does.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/io.h>

/* A report spans up to a quarter of the region: 4 slots here. */
#define RAM_TEST_SLOTS		16
#define RAM_TEST_SLOT_SIZE	1024
#define RAM_TEST_SPAN		4

struct ram_test {
	struct ramoops_er_slots er;
	struct persistent_ram_ecc_info ecc;	/* none */
	struct page *pages;
	unsigned int order;
};

/* Set the slots up over the test's pages, as a (re)boot does. */
static int ram_test_setup(struct ram_test *t)
{
	return ramoops_er_init(&t->er, NULL, page_to_phys(t->pages),
			       RAM_TEST_SLOTS * RAM_TEST_SLOT_SIZE,
			       RAM_TEST_SLOT_SIZE, 2, &t->ecc) ?:
	       (t->er.cnt == RAM_TEST_SLOTS && t->er.max_span == RAM_TEST_SPAN ?
		0 : -EINVAL);
}

static int ram_test_init(struct kunit *test)
{
	struct ram_test *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	t->order = get_order(RAM_TEST_SLOTS * RAM_TEST_SLOT_SIZE);
	t->pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, t->order);
	if (!t->pages)
		return -ENOMEM;
	test->priv = t;
	return ram_test_setup(t);
}

/* What a warm reboot does: the slots are set up again over the same RAM. */
static int ram_test_reboot(struct ram_test *t)
{
	ramoops_er_free(&t->er);
	return ram_test_setup(t);
}

static void ram_test_exit(struct kunit *test)
{
	struct ram_test *t = test->priv;

	if (!t)
		return;
	ramoops_er_free(&t->er);
	__free_pages(t->pages, t->order);
}

/*
 * The next claim searches from the region's start, as when the search has
 * gone round the region: tests of what a freed slot takes next use it.
 */
static void ram_test_rewind(struct ram_test *t)
{
	WRITE_ONCE(t->er.next, 0);
}

static int ram_test_write_as(struct ram_test *t, const char *text,
			     size_t size, time64_t sec, bool compressed)
{
	struct pstore_record record;

	memset(&record, 0, sizeof(record));
	record.type = PSTORE_TYPE_ERROR_REPORT;
	record.time.tv_sec = sec;
	record.buf = (char *)text;
	record.size = size;
	record.compressed = compressed;
	return ramoops_er_write(&t->er, &record) ?:
	       (int)ramoops_er_slot(record.id);
}

static int ram_test_write_at(struct ram_test *t, const char *text,
			     size_t size, time64_t sec)
{
	return ram_test_write_as(t, text, size, sec, false);
}

static int ram_test_write(struct ram_test *t, const char *text, size_t size)
{
	return ram_test_write_at(t, text, size, 1700000000);
}

/* Erase the record of the report written in @slot at @sec. */
static int ram_test_erase_at(struct ram_test *t, unsigned int slot,
			     time64_t sec)
{
	struct pstore_record record = {
		.type = PSTORE_TYPE_ERROR_REPORT,
		.time.tv_sec = sec,
	};

	record.id = ramoops_er_id(&record.time, slot);
	return ramoops_er_erase(&t->er, &record);
}

static int ram_test_erase(struct ram_test *t, unsigned int slot)
{
	return ram_test_erase_at(t, slot, 1700000000);
}

/* Each report takes the first free slot; when none is free, it is refused. */
static void ram_test_keep_first(struct kunit *test)
{
	struct ram_test *t = test->priv;
	int i;

	for (i = 0; i < RAM_TEST_SLOTS; i++)
		KUNIT_EXPECT_EQ(test, ram_test_write(t, "report\n", 7), i);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "one too many\n", 13), -ENOSPC);
}

/*
 * Compressed records are packed from the end, the others from the start:
 * the free slots between stay in one run, where a report written as it is
 * (before its compressed copy replaces it) fits.
 */
static void ram_test_compressed_from_end(struct kunit *test)
{
	struct ram_test *t = test->priv;
	int i;

	KUNIT_EXPECT_EQ(test, ram_test_write(t, "as written\n", 11), 0);
	for (i = RAM_TEST_SLOTS - 1; i > 1; i--)
		KUNIT_EXPECT_EQ(test, ram_test_write_as(t, "z", 1, 1700000000,
							true), i);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 0), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write_as(t, "z", 1, 1700000000, true),
			1);
	KUNIT_EXPECT_EQ(test, ram_test_write_as(t, "z", 1, 1700000000, true),
			0);
	KUNIT_EXPECT_EQ(test, ram_test_write_as(t, "z", 1, 1700000000, true),
			-ENOSPC);
}

/* Erasing a record frees its slot, and only a full slot can be erased. */
static void ram_test_erase_frees(struct kunit *test)
{
	struct ram_test *t = test->priv;
	int i;

	for (i = 0; i < RAM_TEST_SLOTS; i++)
		ram_test_write(t, "report\n", 7);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 2), 0);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 2), -EBUSY);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, RAM_TEST_SLOTS), -EINVAL);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "again\n", 6), 2);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "full\n", 5), -ENOSPC);
}

/* Records read back whole, in slot order, with the time they were written. */
static void ram_test_read_back(struct kunit *test)
{
	static const char * const texts[] = { "first report\n", "second report\n" };
	struct ram_test *t = test->priv;
	struct pstore_record record;
	ssize_t size;
	int i;

	for (i = 0; i < ARRAY_SIZE(texts); i++)
		ram_test_write(t, texts[i], strlen(texts[i]));
	t->er.read_cnt = 0;
	for (i = 0; i < ARRAY_SIZE(texts); i++) {
		memset(&record, 0, sizeof(record));
			size = ramoops_er_read(&t->er, &record);
		KUNIT_ASSERT_EQ(test, size, strlen(texts[i]));
		KUNIT_EXPECT_EQ(test, record.type, PSTORE_TYPE_ERROR_REPORT);
		KUNIT_EXPECT_EQ(test, ramoops_er_slot(record.id), i);
		KUNIT_EXPECT_EQ(test, record.time.tv_sec, 1700000000);
		KUNIT_EXPECT_EQ(test, memcmp(record.buf, texts[i], size), 0);
		kvfree(record.buf);
	}
	memset(&record, 0, sizeof(record));
	KUNIT_EXPECT_EQ(test, ramoops_er_read(&t->er, &record), 0);
	kvfree(record.buf);
}

/* Read the record of the report written in @slot at @sec alone, by its id. */
static ssize_t ram_test_read_alone(struct ram_test *t, unsigned int slot,
				   time64_t sec, const char *text)
{
	struct pstore_record record = {
		.type = PSTORE_TYPE_ERROR_REPORT,
		.time.tv_sec = sec,
	};
	ssize_t size;

	record.id = ramoops_er_id(&record.time, slot);
	size = ramoops_er_read_id(&t->er, &record);
	if (size > 0 && (size != strlen(text) || memcmp(record.buf, text, size)))
		size = -EINVAL;
	kvfree(record.buf);
	return size;
}

/*
 * A record is read alone by its id (the record the frontend named after
 * storing it), and not once its slot holds a later report.
 */
static void ram_test_read_by_id(struct kunit *test)
{
	struct ram_test *t = test->priv;
	const time64_t sec = 1700000000;

	KUNIT_EXPECT_EQ(test, ram_test_write_at(t, "first\n", 6, sec), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write_at(t, "second\n", 7, sec + 1), 1);
	KUNIT_EXPECT_EQ(test, ram_test_read_alone(t, 1, sec + 1, "second\n"), 7);
	KUNIT_EXPECT_EQ(test, ram_test_read_alone(t, 0, sec, "first\n"), 6);
	KUNIT_EXPECT_EQ(test, ram_test_read_alone(t, 0, sec + 1, ""), 0);
	KUNIT_EXPECT_EQ(test, ram_test_read_alone(t, 2, sec, ""), 0);
	KUNIT_EXPECT_EQ(test, ram_test_read_alone(t, RAM_TEST_SLOTS, sec, ""), 0);
	KUNIT_EXPECT_EQ(test, ram_test_erase_at(t, 0, sec), 0);
	ram_test_rewind(t);
	KUNIT_EXPECT_EQ(test, ram_test_write_at(t, "third\n", 6, sec + 2), 0);
	KUNIT_EXPECT_EQ(test, ram_test_read_alone(t, 0, sec, ""), 0);
	KUNIT_EXPECT_EQ(test, ram_test_read_alone(t, 0, sec + 2, "third\n"), 6);
}

/* A record larger than the longest span keeps its head, reported as cut. */
static void ram_test_oversized(struct kunit *test)
{
	struct ram_test *t = test->priv;
	size_t size = RAM_TEST_SLOT_SIZE * (RAM_TEST_SPAN + 1);
	char *big = kunit_kzalloc(test, size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, big);
	memset(big, 'x', size);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, big, size), -EFBIG);
	/* It took its slots all the same: the next report goes after them. */
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "next\n", 5), RAM_TEST_SPAN);
}

/* Fill @size bytes with text that differs from slot to slot. */
static char *ram_test_text(struct kunit *test, size_t size)
{
	char *text = kunit_kzalloc(test, size, GFP_KERNEL);
	size_t i;

	for (i = 0; text && i < size; i++)
		text[i] = 'a' + (i / 100) % 26;
	return text;
}

/* Read the next record and check it is @text; return its slot. */
static int ram_test_read_text(struct kunit *test, struct ram_test *t,
			      const char *text, size_t size)
{
	struct pstore_record record;
	ssize_t len;
	int id;

	memset(&record, 0, sizeof(record));
	len = ramoops_er_read(&t->er, &record);
	KUNIT_EXPECT_EQ(test, len, size);
	if (len == size)
		KUNIT_EXPECT_EQ(test, memcmp(record.buf, text, size), 0);
	KUNIT_EXPECT_EQ(test, record.time.tv_sec, 1700000000);
	id = len > 0 ? (int)ramoops_er_slot(record.id) : -1;
	kvfree(record.buf);
	return id;
}

/*
 * A report longer than a slot takes as many slots as it needs, is read back
 * whole, and frees them all when erased; only its first slot is a record.
 */
static void ram_test_span(struct kunit *test)
{
	struct ram_test *t = test->priv;
	size_t size = 2500;	/* three slots of 1 KiB, header included */
	char *text = ram_test_text(test, size);

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, text, size), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "after\n", 6), 3);
	t->er.read_cnt = 0;
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, text, size), 0);
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, "after\n", 6), 3);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 1), -EBUSY);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 0), 0);
	ram_test_rewind(t);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, text, size), 0);
}

/*
 * A record erased after a newer report took its slot (a stale file) leaves
 * the newer report alone: the slot's time tells them apart.
 */
static void ram_test_stale_erase(struct kunit *test)
{
	struct ram_test *t = test->priv;

	KUNIT_EXPECT_EQ(test, ram_test_write_at(t, "old\n", 4, 1700000000), 0);
	KUNIT_EXPECT_EQ(test, ram_test_erase_at(t, 0, 1700000000), 0);
	ram_test_rewind(t);
	KUNIT_EXPECT_EQ(test, ram_test_write_at(t, "new\n", 4, 1700000100), 0);
	KUNIT_EXPECT_EQ(test, ram_test_erase_at(t, 0, 1700000000), -EBUSY);
	/* The newer report is still there, and erased by its own record. */
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "next\n", 5), 1);
	KUNIT_EXPECT_EQ(test, ram_test_erase_at(t, 0, 1700000100), 0);
}

/* A run of free slots too short for a report is passed over, not split. */
static void ram_test_span_skips_gap(struct kunit *test)
{
	struct ram_test *t = test->priv;
	char *text = ram_test_text(test, 1500);	/* two slots */

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "a\n", 2), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "b\n", 2), 1);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "c\n", 2), 2);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 1), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, text, 1500), 3);
	ram_test_rewind(t);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "d\n", 2), 1);
}

/*
 * After a reboot, the first slot's header tells the span again: the report
 * reads back whole, and its slots, even one a reset left unwritten, are not
 * given to another report.
 */
static void ram_test_span_reboot(struct kunit *test)
{
	struct ram_test *t = test->priv;
	size_t size = 2500;
	char *text = ram_test_text(test, size);

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, text, size), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, text, size), 3);
	/* A reset before the second report's last slot was written. */
	persistent_ram_zap(&t->er.przs[5]);
	KUNIT_ASSERT_EQ(test, ram_test_reboot(t), 0);
	t->er.read_cnt = 0;
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, text, size), 0);
	/* Two slots of 1012 bytes (12: the zone header), less the time header. */
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, text, 2 * 1012 -
						 strlen("====1700000000.000000-D+2\n")),
			3);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "next\n", 5), 6);
}

/* Read the next record; its slot, or -1 when there is none. */
static int ram_test_read_id(struct ram_test *t, char *text, size_t size)
{
	struct pstore_record record;
	ssize_t len;

	memset(&record, 0, sizeof(record));
	len = ramoops_er_read(&t->er, &record);
	if (len > 0)
		strscpy(text, record.buf, min_t(size_t, len + 1, size));
	kvfree(record.buf);
	return len > 0 ? (int)ramoops_er_slot(record.id) : -1;
}

/*
 * A reset between a slot's time header and its report leaves the header
 * alone: the slot is freed, not shown as an empty record, which would hide
 * every slot after it. A header cut short is parsed within the slot (KASAN
 * would see a read past it) and the slot shown as it is.
 */
static void ram_test_torn(struct kunit *test)
{
	struct ram_test *t = test->priv;
	char text[16];

	ram_test_write(t, "first\n", 6);
	ram_test_write(t, "", 0);		/* slot 1: the time header only */
	ram_test_write(t, "cut\n", 4);
	persistent_ram_zap(&t->er.przs[2]);	/* slot 2: a header cut short */
	persistent_ram_write(&t->er.przs[2], "====17", 6);
	ram_test_write(t, "fourth\n", 7);

	t->er.read_cnt = 0;
	KUNIT_EXPECT_EQ(test, ram_test_read_id(t, text, sizeof(text)), 0);
	KUNIT_EXPECT_EQ(test, ram_test_read_id(t, text, sizeof(text)), 2);
	KUNIT_EXPECT_STREQ(test, text, "====17");
	KUNIT_EXPECT_EQ(test, ram_test_read_id(t, text, sizeof(text)), 3);
	KUNIT_EXPECT_STREQ(test, text, "fourth\n");
	KUNIT_EXPECT_EQ(test, ram_test_read_id(t, text, sizeof(text)), -1);
	/* The header-only slot was freed: a search from the start takes it. */
	ram_test_rewind(t);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "again\n", 6), 1);
}

/*
 * A header cut short gives its record no time, at boot as when read: the
 * record's id and time, as read after a reboot, erase it and free its slot.
 */
static void ram_test_torn_erase(struct kunit *test)
{
	struct ram_test *t = test->priv;
	struct pstore_record record;
	int slot = -1;

	ram_test_write(t, "first\n", 6);
	ram_test_write(t, "cut\n", 4);
	persistent_ram_zap(&t->er.przs[1]);
	persistent_ram_write(&t->er.przs[1], "====17", 6);
	KUNIT_ASSERT_EQ(test, ram_test_reboot(t), 0);
	t->er.read_cnt = 0;
	while (slot != 1) {
		memset(&record, 0, sizeof(record));
		KUNIT_ASSERT_GT(test, ramoops_er_read(&t->er, &record), 0);
		kvfree(record.buf);
		slot = ramoops_er_slot(record.id);
	}
	KUNIT_EXPECT_EQ(test, record.time.tv_sec, 0);
	KUNIT_EXPECT_EQ(test, ramoops_er_erase(&t->er, &record), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "again\n", 6), 1);
}

/*
 * Two reports of one slot, one after the other (or one per boot), are two
 * record names: a flat archive of pstorefs files keeps both. The id a
 * write gives is the one the next boot reads.
 */
static void ram_test_unique_names(struct kunit *test)
{
	struct ram_test *t = test->priv;
	struct pstore_record record = {
		.type = PSTORE_TYPE_ERROR_REPORT,
		.time = { .tv_sec = 1700000000, .tv_nsec = 123456000 },
		.buf = "first\n",
		.size = 6,
	};
	u64 first, second;

	KUNIT_ASSERT_EQ(test, ramoops_er_write(&t->er, &record), 0);
	first = record.id;
	KUNIT_EXPECT_EQ(test, ramoops_er_slot(first), 0);
	KUNIT_ASSERT_EQ(test, ramoops_er_erase(&t->er, &record), 0);
	ram_test_rewind(t);
	record.time.tv_nsec += 16 * NSEC_PER_USEC;
	KUNIT_ASSERT_EQ(test, ramoops_er_write(&t->er, &record), 0);
	second = record.id;
	KUNIT_EXPECT_EQ(test, ramoops_er_slot(second), 0);
	KUNIT_EXPECT_NE(test, first, second);

	KUNIT_ASSERT_EQ(test, ram_test_reboot(t), 0);
	t->er.read_cnt = 0;
	memset(&record, 0, sizeof(record));
	KUNIT_EXPECT_EQ(test, ramoops_er_read(&t->er, &record), 6);
	KUNIT_EXPECT_EQ(test, record.id, second);
	kvfree(record.buf);
}

/*
 * Reports take slots in the order they come, as in a ring: after the last
 * run claimed, whatever was freed before it, so that a claim does not walk
 * the records stored before; at the region's end the search goes round to
 * its start. Compressed records still come from the end.
 */
static void ram_test_ring(struct kunit *test)
{
	struct ram_test *t = test->priv;
	unsigned int i;

	KUNIT_EXPECT_EQ(test, ram_test_write(t, "a\n", 2), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "b\n", 2), 1);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 0), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "c\n", 2), 2);
	KUNIT_EXPECT_EQ(test, ram_test_write_as(t, "z\n", 2, 1700000000, true),
			RAM_TEST_SLOTS - 1);
	for (i = 3; i < RAM_TEST_SLOTS - 1; i++)
		KUNIT_EXPECT_EQ(test, ram_test_write(t, "d\n", 2), i);
	/* Round to the start: the slot freed first. */
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "e\n", 2), 0);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "f\n", 2), -ENOSPC);
}

/* Start a record written as it prints; its slot, or a negative errno. */
static int ram_test_open(struct ram_test *t, struct pstore_record *record,
			 size_t room)
{
	int ret;

	memset(record, 0, sizeof(*record));
	record->type = PSTORE_TYPE_ERROR_REPORT;
	record->time.tv_sec = 1700000000;
	record->size = room;
	ret = ramoops_er_open(&t->er, record);
	return ret ?: (int)ramoops_er_slot(record->id);
}

/* Write @size bytes of @text at @offset of the record @record started. */
static int ram_test_stream(struct ram_test *t, struct pstore_record *record,
			   const char *text, size_t size, size_t offset)
{
	struct pstore_record piece = *record;

	piece.buf = (char *)text;
	piece.size = size;
	return ramoops_er_stream_write(&t->er, &piece, offset);
}

/*
 * A record written as it prints holds an eighth of the region while it is
 * open (2 slots here), grows as its text needs and may (up to the longest
 * span), and is not read meanwhile; closed, it keeps the slots its text
 * took, is read back as written (a line rewritten in place, a dropped tail
 * cut), and the other slots are free again.
 */
static void ram_test_stream_close(struct kunit *test)
{
	struct ram_test *t = test->priv;
	size_t size = 1500;	/* two slots of 1 KiB, header included */
	char *text = ram_test_text(test, 5000);
	struct pstore_record record;

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_EQ(test, ram_test_open(t, &record, SZ_64K), 0);
	/* The room it may grow to: 4 slots of 1012 bytes, less the header. */
	KUNIT_EXPECT_EQ(test, record.size, 4 * 1012 -
			strlen("====1700000000.000000-D+3\n"));
	/* Open: the slots it holds are nobody else's, and it is not read. */
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "next\n", 5), 2);
	t->er.read_cnt = 0;
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, "next\n", 5), 2);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 2), 0);
	/* Written in pieces across a slot's end; a dropped line past it. */
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &record, "x", 1, 0), 0);
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &record, text + 1, 999, 1), 0);
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &record, text + 1000, 800, 1000), 0);
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &record, text, 1, 0), 0);
	/* Grown to the longest span, and no further. */
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &record, text, 5000, 0), -EFBIG);
	KUNIT_EXPECT_EQ(test, t->er.span[0], RAM_TEST_SPAN);
	record.size = size;
	KUNIT_EXPECT_EQ(test, ramoops_er_close(&t->er, &record), 0);
	KUNIT_EXPECT_EQ(test, ramoops_er_close(&t->er, &record), -EINVAL);
	t->er.read_cnt = 0;
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, text, size), 0);
	/* Two slots kept, the other two of the span free. */
	ram_test_rewind(t);
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "next\n", 5), 2);
}

/*
 * Two records written at once: one grows into the free slot after its run,
 * the other is stopped by the first one's run (its record is to end before
 * the write that needed more). A reset while a grown record is open keeps
 * it whole: its time header was rewritten with the slot it took.
 */
static void ram_test_stream_grow(struct kunit *test)
{
	struct ram_test *t = test->priv;
	char *text = ram_test_text(test, 2500);
	struct pstore_record a, b;

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_EQ(test, ram_test_open(t, &a, SZ_64K), 0);
	KUNIT_ASSERT_EQ(test, ram_test_open(t, &b, SZ_64K), 2);
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &a, text, 1900, 0), 0);
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &a, text + 1900, 600, 1900),
			-EFBIG);
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &b, text, 2500, 0), 0);
	KUNIT_EXPECT_EQ(test, t->er.span[2], 3);
	a.size = 1900;
	KUNIT_EXPECT_EQ(test, ramoops_er_close(&t->er, &a), 0);
	/* The next report goes after both runs. */
	KUNIT_EXPECT_EQ(test, ram_test_write(t, "next\n", 5), 5);
	KUNIT_ASSERT_EQ(test, ram_test_reboot(t), 0);
	t->er.read_cnt = 0;
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, text, 1900), 0);
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, text, 2500), 2);
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, "next\n", 5), 5);
}

/*
 * A reset while a record is written as it prints leaves what was written,
 * read at the next boot as one record; a region too full for the hold
 * gives the longest run it has.
 */
static void ram_test_stream_reset(struct kunit *test)
{
	struct ram_test *t = test->priv;
	char *text = ram_test_text(test, 900);
	struct pstore_record record;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, text);
	/* Slots 0-1 and 3-15 taken: the longest free run is 1 slot. */
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, ram_test_write(t, "x\n", 2), i);
	for (i = 3; i < RAM_TEST_SLOTS; i++)
		KUNIT_EXPECT_EQ(test, ram_test_write(t, "y\n", 2), i);
	KUNIT_EXPECT_EQ(test, ram_test_erase(t, 2), 0);
	KUNIT_ASSERT_EQ(test, ram_test_open(t, &record, SZ_64K), 2);
	KUNIT_EXPECT_EQ(test, t->er.span[2], 1);
	KUNIT_EXPECT_EQ(test, ram_test_stream(t, &record, text, 900, 0), 0);
	/* The reset: what was written is one record. */
	KUNIT_ASSERT_EQ(test, ram_test_reboot(t), 0);
	t->er.read_cnt = 0;
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, "x\n", 2), i);
	KUNIT_EXPECT_EQ(test, ram_test_read_text(test, t, text, 900), 2);
	/* None free: nothing to open. */
	KUNIT_EXPECT_EQ(test, ram_test_open(t, &record, SZ_64K), -ENOSPC);
}

static struct kunit_case ram_test_cases[] = {
	KUNIT_CASE(ram_test_keep_first),
	KUNIT_CASE(ram_test_erase_frees),
	KUNIT_CASE(ram_test_compressed_from_end),
	KUNIT_CASE(ram_test_read_back),
	KUNIT_CASE(ram_test_read_by_id),
	KUNIT_CASE(ram_test_oversized),
	KUNIT_CASE(ram_test_span),
	KUNIT_CASE(ram_test_span_skips_gap),
	KUNIT_CASE(ram_test_stale_erase),
	KUNIT_CASE(ram_test_span_reboot),
	KUNIT_CASE(ram_test_torn),
	KUNIT_CASE(ram_test_torn_erase),
	KUNIT_CASE(ram_test_unique_names),
	KUNIT_CASE(ram_test_ring),
	KUNIT_CASE(ram_test_stream_close),
	KUNIT_CASE(ram_test_stream_grow),
	KUNIT_CASE(ram_test_stream_reset),
	{}
};

static struct kunit_suite ram_test_suite = {
	.name = "ramoops_error_report",
	.init = ram_test_init,
	.exit = ram_test_exit,
	.test_cases = ram_test_cases,
};

kunit_test_suite(ram_test_suite);
