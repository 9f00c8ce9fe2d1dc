// SPDX-License-Identifier: GPL-2.0-only
/*
 * ramoops' error report region: error_report records in slots of reserved
 * RAM.
 *
 * A report takes as many consecutive slots as its text needs, up to
 * max_span. Reports are written from any context, NMI included, so a writer
 * claims free slots with a cmpxchg each and owns them without a lock. Full
 * slots are kept until their record is erased (unlinked from pstorefs),
 * across reboots too: when no run of free slots is long enough, a new
 * report is refused (-ENOSPC) and the first ones are kept.
 *
 * A report's first slot starts with ramoops' dmesg time header,
 * "====<sec>.<usec>-<C|D>", followed by "+N" when N more slots follow and a
 * newline, so that the span is known again after a reboot (U-Boot's pstore
 * command reads it too).
 *
 * A report is written as it prints (ramoops_er_open(), _stream_write(),
 * _close()): slots are claimed when it starts, up to an eighth of the
 * region, the time header written with them, its lines as they come, the
 * run grown slot by slot into free slots when they need more, its record
 * header (kept first in the record) rewritten by the frontend when it
 * ends, and the time header then rewritten in place with the slots it
 * took. A reset at any instant leaves what was written, read at the next
 * boot as one record; the frontend tells an unfinished one by its header.
 * Records written whole (ramoops_er_write()) are the frontend's copies.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/pstore.h>
#include <linux/pstore_ram.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"
#include "ram_error_report.h"
#include "ram_internal.h"

/* ramoops' dmesg time header, which a report's first slot starts with. */
#define RAMOOPS_ER_HDR "===="
/* The room ramoops gives its dmesg time header (36), and "+%u" (11). */
#define RAMOOPS_ER_HDR_SIZE (36 + 11)
/* Its "+N\n" for N of up to ten digits. */
#define RAMOOPS_ER_SUFFIX_SIZE 12
/* Smallest slot: a header and a few lines of text. */
#define RAMOOPS_ER_MIN_SLOT_SIZE 512UL
/* A report spans at most this much, and at most a quarter of the region. */
#define RAMOOPS_ER_MAX_SPAN_SIZE 16384UL
/* Searches for free slots that met another writer's, before -ENOSPC. */
#define RAMOOPS_ER_CLAIM_TRIES 3
/* A record's id holds its first slot in these low bits (see below). */
#define RAMOOPS_ER_SLOT_BITS 16

enum ramoops_er_slot_state {
	RAMOOPS_ER_SLOT_FREE,
	RAMOOPS_ER_SLOT_BUSY,	/* being written or erased */
	RAMOOPS_ER_SLOT_FULL,
};

/*
 * A record's id, which names its file in pstorefs: the first slot in the
 * low 16 bits, the report's time above them (the seconds' low 32 bits, then
 * 16 us units). A report of another boot in the same slot gets another
 * name, so that archivers that copy files by name (systemd-pstore) never
 * overwrite one boot's report with the next boot's.
 */
static u64 notrace ramoops_er_id(const struct timespec64 *time,
				 unsigned int i)
{
	u64 sub = (time->tv_nsec / NSEC_PER_USEC) >> 4;

	return (u64)lower_32_bits(time->tv_sec) << 32 |
	       sub << RAMOOPS_ER_SLOT_BITS | i;
}

static unsigned int ramoops_er_slot(u64 id)
{
	return id & (BIT(RAMOOPS_ER_SLOT_BITS) - 1);
}

/* The bytes a slot holds past its zone header. */
static size_t notrace ramoops_er_payload(const struct ramoops_er_slots *er)
{
	return er->przs[0].buffer_size;
}

/**
 * ramoops_er_max_record() - the largest record the region stores whole
 * @er: the region
 *
 * Return: its size in bytes, after the longest time header.
 */
size_t ramoops_er_max_record(const struct ramoops_er_slots *er)
{
	return er->max_span * ramoops_er_payload(er) - RAMOOPS_ER_HDR_SIZE;
}

/*
 * The record starting in slot @i was read by pstore (or is gone): it no
 * longer counts among the records waiting for pstore (@er->unread).
 */
static void ramoops_er_read_done(struct ramoops_er_slots *er, unsigned int i)
{
	if (test_and_clear_bit(i, er->unread_map))
		atomic_dec(&er->unread);
}

/**
 * ramoops_er_free_report() - free the slots of an error report
 * @er: the region
 * @i: the report's first slot
 * @time: the time of the report to free, or NULL for the one in the slot
 *
 * Only a full slot where a report starts is freed, with the slots the
 * report continues in; never one a report is being written to. Erasers are
 * serialized by pstore (its read_mutex): only writers run beside them.
 *
 * A record's id holds its first slot, which a later report may have taken
 * since the record was read (a file pstore made again while its first copy
 * was being unlinked): @time tells them apart, so that erasing a stale
 * record never frees a newer report.
 *
 * Return: 0, or -EBUSY if no such report starts in the slot.
 */
static int ramoops_er_free_report(struct ramoops_er_slots *er, unsigned int i,
				  const struct timespec64 *time)
{
	unsigned int span, k;

	if (atomic_cmpxchg(&er->state[i], RAMOOPS_ER_SLOT_FULL,
			   RAMOOPS_ER_SLOT_BUSY) != RAMOOPS_ER_SLOT_FULL)
		return -EBUSY;
	span = er->span[i];
	if (!span || (time && !timespec64_equal(&er->time[i], time))) {
		/* A slot a report continues in, or another report. */
		atomic_set(&er->state[i], RAMOOPS_ER_SLOT_FULL);
		return -EBUSY;
	}
	/*
	 * Every slot is zapped, the first one (the span header) last, before
	 * any is freed: a writer may take a freed slot at once, and a reset
	 * must never leave the span header over another report's text.
	 */
	for (k = span; k--;) {
		persistent_ram_zap(&er->przs[i + k]);
		/* What ECC corrected at boot was in the report erased. */
		er->przs[i + k].corrected_bytes = 0;
		er->przs[i + k].bad_blocks = 0;
		er->span[i + k] = 0;
	}
	ramoops_er_read_done(er, i);
	/* The zapped headers in RAM (write-combined) before a writer comes. */
	wmb();
	for (k = span; k--;)
		atomic_set_release(&er->state[i + k], RAMOOPS_ER_SLOT_FREE);
	return 0;
}

/**
 * ramoops_er_parse_hdr() - parse the time header of a slot
 * @hdr: the slot's first bytes, NUL-terminated
 * @record: gets the time and the compressed flag
 * @span: gets the number of slots the report takes, at least 1 (not
 *        checked against the region)
 *
 * A header without "+N", or no header, means one slot. A reset may have
 * cut the header short. Without a header, the time is 0 and the record not
 * compressed, as ramoops reads a dmesg record without one.
 *
 * Return: the length of the header, 0 if there is none.
 */
static int ramoops_er_parse_hdr(char *hdr, struct pstore_record *record,
				unsigned int *span)
{
	unsigned long usec;
	unsigned int more;
	long long sec;
	char kind, *end;
	int len = 0;

	*span = 1;
	record->time.tv_sec = 0;
	record->time.tv_nsec = 0;
	record->compressed = false;
	/* Most slots of a full region continue a report: no header. */
	if (strncmp(hdr, RAMOOPS_ER_HDR, strlen(RAMOOPS_ER_HDR)) ||
	    sscanf(hdr, RAMOOPS_ER_HDR "%lld.%lu-%c%n", &sec, &usec, &kind,
		   &len) != 3)
		return 0;
	record->time.tv_sec = sec;
	record->time.tv_nsec = usec * NSEC_PER_USEC;
	record->compressed = kind == 'C';
	if (hdr[len] == '\n')
		return len + 1;
	if (hdr[len] != '+')
		return len;
	end = strchr(hdr + len, '\n');
	if (!end)
		return 0;
	*end = '\0';
	if (!kstrtouint(hdr + len + 1, 10, &more) && more < INT_MAX)
		*span = more + 1;
	return end + 1 - hdr;
}

/*
 * The time header of a slot, read in place. Returns as
 * ramoops_er_parse_hdr(); @used tells whether the slot holds anything.
 */
static int ramoops_er_peek_hdr(struct persistent_ram_zone *prz,
			       struct pstore_record *record,
			       unsigned int *span, bool *used)
{
	char hdr[RAMOOPS_ER_HDR_SIZE];
	size_t len;

	len = persistent_ram_peek(prz, hdr, sizeof(hdr) - 1);
	hdr[len] = '\0';
	*used = len;
	return ramoops_er_parse_hdr(hdr, record, span);
}

/*
 * Copy the text of a report's @span slots from @i into a new buffer, with
 * the ECC notice after it, read in place (with ECC, each slot was corrected
 * in place when it was set up). Returns the bytes the slots hold, without
 * the notice, or -ENOMEM.
 */
static ssize_t ramoops_er_copy(struct ramoops_er_slots *er, unsigned int i,
			       unsigned int span, char **buf, size_t *notice)
{
	struct persistent_ram_zone sum = { .ecc_info = er->przs[i].ecc_info };
	size_t room = span * ramoops_er_payload(er);
	size_t size = 0;
	unsigned int k;

	for (k = 0; k < span; k++) {
		sum.corrected_bytes += er->przs[i + k].corrected_bytes;
		sum.bad_blocks += er->przs[i + k].bad_blocks;
	}
	*notice = persistent_ram_ecc_string(&sum, NULL, 0);
	*buf = kvzalloc(room + *notice + 1, GFP_KERNEL);
	if (!*buf)
		return -ENOMEM;
	for (k = 0; k < span; k++)
		size += persistent_ram_peek(&er->przs[i + k], *buf + size,
					    room - size);
	persistent_ram_ecc_string(&sum, *buf + size, *notice + 1);
	return size;
}

/*
 * Read the record starting in slot @i into @record, if there is one there
 * (of @id, unless @id is NULL) that pstorefs does not show as it is.
 * Returns its size, 0 for none, or -ENOMEM.
 */
static ssize_t ramoops_er_read_slot(struct ramoops_er_slots *er,
				    unsigned int i, struct pstore_record *record,
				    const u64 *id)
{
	unsigned int span, hdr_span;
	size_t notice;
	ssize_t size;
	bool used;
	char *buf;
	int hlen;

	if (atomic_read_acquire(&er->state[i]) != RAMOOPS_ER_SLOT_FULL)
		return 0;
	span = er->span[i];
	if (!span)
		return 0;
	record->type = PSTORE_TYPE_ERROR_REPORT;
	/* The span that counts is the one taken at boot. */
	hlen = ramoops_er_peek_hdr(&er->przs[i], record, &hdr_span, &used);
	record->id = ramoops_er_id(&record->time, i);
	if (id && record->id != *id)
		return 0;
	/* Shown already, or read now: pstore has it. */
	if (pstore_record_is_current(record)) {
		ramoops_er_read_done(er, i);
		return 0;
	}
	size = ramoops_er_copy(er, i, span, &buf, &notice);
	if (size < 0)
		return size;
	ramoops_er_read_done(er, i);
	if (!size && !notice) {
		kvfree(buf);
		return 0;
	}
	/*
	 * A reset between the time header and the report left no report:
	 * free the slots rather than show an empty record, which would end
	 * the reading of the backend.
	 */
	if (hlen && hlen >= size) {
		kvfree(buf);
		ramoops_er_free_report(er, i, NULL);
		return 0;
	}
	memmove(buf, buf + hlen, size - hlen + notice);
	buf[size - hlen + notice] = '\0';
	record->buf = buf;
	record->ecc_notice_size = notice;
	return size - hlen;
}

/**
 * ramoops_er_read() - read the next error report record
 * @er: the region
 * @record: gets the record: its text, time, id, compressed flag
 *
 * Records are the full slots where a report starts; a report that
 * continues in the next slots is read whole. The slots are read in place:
 * nothing is copied but into the record, and a record pstorefs shows as
 * it is not even that (pstore reads the backend again when it is
 * mounted, and when a full read is asked for).
 *
 * Return: the size of the record, 0 when there are no more, or -ENOMEM.
 */
ssize_t ramoops_er_read(struct ramoops_er_slots *er,
			struct pstore_record *record)
{
	ssize_t size;

	while (er->read_cnt < er->cnt) {
		size = ramoops_er_read_slot(er, er->read_cnt++, record, NULL);
		if (size)
			return size;
	}
	return 0;
}

/**
 * ramoops_er_read_id() - read the error report record of an id
 * @er: the region
 * @record: its id set; gets the record, as from ramoops_er_read()
 *
 * The record the frontend named after storing it (or after counting a
 * repeat in it): its id holds its first slot, and its time tells it from
 * a later report in that slot.
 *
 * Return: the size of the record, 0 when there is no such record or
 * pstorefs shows it as it is, or -ENOMEM.
 */
ssize_t ramoops_er_read_id(struct ramoops_er_slots *er,
			   struct pstore_record *record)
{
	unsigned int i = ramoops_er_slot(record->id);
	u64 id = record->id;

	if (i >= er->cnt)
		return 0;
	return ramoops_er_read_slot(er, i, record, &id);
}

/*
 * Claim a run of @span free slots from slot @first on: the first one, or
 * the last one if @from_end (which searches down from @first). Any
 * context, NMI included: never wait. Each slot is taken with a cmpxchg;
 * when one of the run is taken already, the run is given back and the
 * search goes on past that slot. @saw_busy tells whether a slot of another
 * writer stopped a run.
 */
static int notrace ramoops_er_claim_from(struct ramoops_er_slots *er,
					 unsigned int span, unsigned int first,
					 bool from_end, bool *saw_busy)
{
	unsigned int i = first, k, taken, cnt = er->cnt;

	for (;;) {
		for (k = 0; k < span; k++) {
			if (atomic_cmpxchg(&er->state[i + k],
					   RAMOOPS_ER_SLOT_FREE,
					   RAMOOPS_ER_SLOT_BUSY) !=
			    RAMOOPS_ER_SLOT_FREE)
				break;
		}
		if (k == span)
			return i;
		taken = i + k;
		if (atomic_read(&er->state[taken]) == RAMOOPS_ER_SLOT_BUSY)
			*saw_busy = true;
		while (k--)
			atomic_set(&er->state[i + k], RAMOOPS_ER_SLOT_FREE);
		if (from_end ? taken < span : taken + 1 + span > cnt)
			return -ENOSPC;
		i = from_end ? taken - span : taken + 1;
	}
}

/*
 * Claim a run of @span free slots: from the region's end if @from_end,
 * else from where the last such claim ended, around to the region's start
 * if need be. Records are written in the order they come, as in a ring:
 * the search does not walk the records stored before it on the way to the
 * free slots after them, the next report finds the slot after its run free
 * to grow into, and the slots freed behind are taken when the search wraps.
 */
static int notrace ramoops_er_claim_once(struct ramoops_er_slots *er,
					 unsigned int span, bool from_end,
					 bool *saw_busy)
{
	unsigned int next = READ_ONCE(er->next);
	int i;

	if (from_end)
		return ramoops_er_claim_from(er, span, er->cnt - span, true,
					     saw_busy);
	if (next + span > er->cnt)
		next = 0;
	i = ramoops_er_claim_from(er, span, next, false, saw_busy);
	if (i < 0 && next)
		i = ramoops_er_claim_from(er, span, 0, false, saw_busy);
	if (i >= 0)
		WRITE_ONCE(er->next, i + span);
	return i;
}

/*
 * A busy slot may belong to another writer's run that it is about to give
 * back, so two writers could each make the other miss free slots: a search
 * that failed after seeing one is tried again, a bounded number of times.
 */
static int notrace ramoops_er_claim(struct ramoops_er_slots *er,
				    unsigned int span, bool from_end)
{
	unsigned int tries;
	bool saw_busy;
	int i = -ENOSPC;

	for (tries = 0; tries < RAMOOPS_ER_CLAIM_TRIES; tries++) {
		saw_busy = false;
		i = ramoops_er_claim_once(er, span, from_end, &saw_busy);
		if (i >= 0 || !saw_busy)
			break;
	}
	return i;
}

/* Decimal digits of @v. */
static unsigned int notrace ramoops_er_digits(unsigned int v)
{
	unsigned int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/*
 * The slots a record of @size bytes takes after a time header of @base
 * bytes, which a record of more than one slot ends in "+N" (N: the slots
 * that follow), and a newline: a few bytes that may take one more slot.
 */
static unsigned int notrace ramoops_er_span(struct ramoops_er_slots *er,
					    size_t base, size_t size)
{
	size_t payload = ramoops_er_payload(er);
	unsigned int span = 1, need;
	size_t tail;

	for (;;) {
		tail = span > 1 ? 2 + ramoops_er_digits(span - 1) : 1;
		need = DIV_ROUND_UP(base + tail + size, payload);
		if (need <= span || span >= er->max_span)
			break;
		span = need;
	}
	return min(span, er->max_span);
}

/*
 * The beginning of a report's time header, "====<sec>.<usec>-<C|D>", into
 * @hdr (RAMOOPS_ER_HDR_SIZE bytes). Returns its length.
 */
static size_t notrace ramoops_er_time_hdr(char *hdr,
					  const struct timespec64 *time,
					  bool compressed)
{
	return scnprintf(hdr, RAMOOPS_ER_HDR_SIZE, "%s%lld.%06lu-%c",
			 RAMOOPS_ER_HDR, (time64_t)time->tv_sec,
			 time->tv_nsec / NSEC_PER_USEC, compressed ? 'C' : 'D');
}

/* Slot @i starts @record: its time, as its header has it, and its id. */
static void notrace ramoops_er_set_time(struct ramoops_er_slots *er,
					unsigned int i,
					struct pstore_record *record)
{
	er->time[i].tv_sec = record->time.tv_sec;
	er->time[i].tv_nsec = record->time.tv_nsec / NSEC_PER_USEC *
			      NSEC_PER_USEC;
	record->id = ramoops_er_id(&record->time, i);
}

/**
 * ramoops_er_write() - store an error report record
 * @er: the region
 * @record: the record; gets its id
 *
 * Any context, NMI included: free slots are claimed, never waited for.
 *
 * Return: 0; -EFBIG if the record was cut to the longest span (it is
 * stored); -ENOSPC if no run of free slots is long enough.
 */
int notrace ramoops_er_write(struct ramoops_er_slots *er,
			     struct pstore_record *record)
{
	size_t payload = ramoops_er_payload(er);
	char hdr[RAMOOPS_ER_HDR_SIZE];
	struct persistent_ram_zone *prz;
	size_t size, hlen, done, len;
	unsigned int span, k;
	int i;

	hlen = ramoops_er_time_hdr(hdr, &record->time, record->compressed);
	span = ramoops_er_span(er, hlen, record->size);
	/*
	 * A record written uncompressed may soon be replaced by a compressed
	 * copy (a frontend that compresses out of the report path does so):
	 * compressed records are packed from the region's end, the others
	 * from its start, so that the free slots stay in one run between,
	 * long enough for the next report as it is written.
	 */
	i = ramoops_er_claim(er, span, record->compressed);
	if (i < 0)
		return i;

	if (span > 1)
		hlen += scnprintf(hdr + hlen, sizeof(hdr) - hlen, "+%u",
				  span - 1);
	hlen += scnprintf(hdr + hlen, sizeof(hdr) - hlen, "\n");
	size = min_t(size_t, record->size, span * payload - hlen);
	for (k = 0, done = 0; k < span; k++) {
		prz = &er->przs[i + k];
		persistent_ram_zap(prz);
		len = prz->buffer_size;
		if (!k) {
			persistent_ram_write(prz, hdr, hlen);
			len -= hlen;
		}
		len = min(len, size - done);
		persistent_ram_write(prz, record->buf + done, len);
		done += len;
		er->span[i + k] = k ? 0 : span;
	}
	ramoops_er_set_time(er, i, record);
	/* The text in RAM (write-combined by default) before the slots full. */
	wmb();
	for (k = span; k--;)
		atomic_set_release(&er->state[i + k], RAMOOPS_ER_SLOT_FULL);
	return size < record->size ? -EFBIG : 0;
}

/*
 * The end of the time header of a report being written, "+N\n", into @buf
 * (at least RAMOOPS_ER_SUFFIX_SIZE bytes): N zero-padded to the width of
 * the longest span's, so that it is rewritten in place as the report grows
 * and when it ends; just "\n" in a region of one-slot records. Written by
 * hand: the report path calls it at each growth, and vsnprintf() costs
 * far more than the few digits. Returns its length.
 */
static size_t notrace ramoops_er_span_suffix(struct ramoops_er_slots *er,
					     char *buf, unsigned int span)
{
	unsigned int k, width, n = span - 1;

	if (er->max_span == 1) {
		buf[0] = '\n';
		return 1;
	}
	width = ramoops_er_digits(er->max_span - 1);
	buf[0] = '+';
	for (k = width; k; k--) {
		buf[k] = '0' + n % 10;
		n /= 10;
	}
	buf[width + 1] = '\n';
	return width + 2;
}

/*
 * The longest run of free slots, up to @max: a look, not a claim (another
 * writer may take some of it first).
 */
static unsigned int notrace ramoops_er_longest_free(struct ramoops_er_slots *er,
						    unsigned int max)
{
	unsigned int i, run = 0, best = 0;

	for (i = 0; i < er->cnt && best < max; i++) {
		run = atomic_read(&er->state[i]) == RAMOOPS_ER_SLOT_FREE ?
		      run + 1 : 0;
		best = max(best, run);
	}
	return best;
}

/**
 * ramoops_er_open() - start an error report record written as it prints
 * @er: the region
 * @record: the record: its time, and in @size the room wanted; gets its id,
 *          and in @size the room it may grow to
 *
 * Claims the span @size needs, up to the region's hold, or the longest
 * run of free slots if the region has no run that long (while records
 * wait for pstore's read, only one of three quarters of the hold or
 * more), and writes the time header, its "+N" saying how many slots the
 * report holds. The
 * record is written with ramoops_er_stream_write(), which grows it into
 * the free slots after its run as it needs them, and ends with
 * ramoops_er_close(), which gives back the slots it did not use. Until
 * then a reset leaves the slots as far as they were written: they are
 * read at the next boot as one record.
 *
 * Any context, NMI included.
 *
 * Return: 0, or -ENOSPC when no run of free slots is long enough.
 */
int notrace ramoops_er_open(struct ramoops_er_slots *er,
			    struct pstore_record *record)
{
	unsigned int span, min_span, k, tries;
	char hdr[RAMOOPS_ER_HDR_SIZE];
	size_t hlen;
	int i = -ENOSPC;

	record->compressed = false;
	hlen = ramoops_er_time_hdr(hdr, &record->time, record->compressed);
	span = min(ramoops_er_span(er, hlen, record->size), er->hold);
	/*
	 * A region too full for that takes its longest free run. But while
	 * records written since pstore last read the region wait for it (a
	 * storm), only a run not much shorter: the frontend replaces those
	 * records when pstore reads them (compressed, or with a count of
	 * repeats), and a short run would cut most reports and take the
	 * room those copies need.
	 */
	min_span = atomic_read(&er->unread) ?
		   min(span, max(er->hold * 3 / 4, 1U)) : 1;
	for (tries = 0; span >= min_span && tries < RAMOOPS_ER_CLAIM_TRIES;
	     tries++) {
		i = ramoops_er_claim(er, span, false);
		if (i >= 0)
			break;
		span = ramoops_er_longest_free(er, span);
	}
	if (i < 0)
		return i;
	hlen += ramoops_er_span_suffix(er, hdr + hlen, span);
	/* Free slots are empty, unless a boot left them so: the header last. */
	for (k = span; k--;) {
		persistent_ram_zap(&er->przs[i + k]);
		er->span[i + k] = 0;
	}
	persistent_ram_write_at(&er->przs[i], 0, hdr, hlen);
	er->span[i] = span;
	er->hlen[i] = hlen;
	ramoops_er_set_time(er, i, record);
	record->size = min_t(size_t, record->size,
			     er->max_span * ramoops_er_payload(er) - hlen);
	return 0;
}

/*
 * Rewrite the time header of the record being written in slot @i to say
 * it takes @span slots: its "+N", which keeps its length, in place.
 */
static void notrace ramoops_er_rewrite_span(struct ramoops_er_slots *er,
					    unsigned int i, unsigned int span)
{
	char suffix[RAMOOPS_ER_SUFFIX_SIZE];
	size_t len;

	len = ramoops_er_span_suffix(er, suffix, span);
	persistent_ram_write_at(&er->przs[i], er->hlen[i] - len, suffix, len);
}

/*
 * Grow the record being written in slot @i by the slot after its run, if
 * that one is free and the record may take one more. The slot is emptied
 * before the time header counts it: a reset in between leaves it out of
 * the record, or in it empty. Returns whether the record grew.
 */
static bool notrace ramoops_er_grow(struct ramoops_er_slots *er,
				    unsigned int i)
{
	unsigned int span = er->span[i];

	if (span >= er->max_span || i + span >= er->cnt ||
	    atomic_cmpxchg(&er->state[i + span], RAMOOPS_ER_SLOT_FREE,
			   RAMOOPS_ER_SLOT_BUSY) != RAMOOPS_ER_SLOT_FREE)
		return false;
	persistent_ram_zap(&er->przs[i + span]);
	er->span[i + span] = 0;
	er->span[i] = span + 1;
	/* The next search starts after the run, if it was to start at its end. */
	cmpxchg(&er->next, i + span, i + span + 1);
	/* The slot empty in RAM (write-combined by default) first. */
	wmb();
	ramoops_er_rewrite_span(er, i, span + 1);
	return true;
}

/**
 * ramoops_er_stream_write() - write part of a record ramoops_er_open() started
 * @er: the region
 * @record: the record (its id), and the bytes: @buf, @size of them
 * @offset: where they go in the record
 *
 * Any context, NMI included: only the record's writer writes its slots.
 * Bytes past the record's run grow it (ramoops_er_grow()).
 *
 * Return: 0, -EINVAL if the id names no record being written, -EFBIG if
 * the bytes go past the room the record can grow to: the record is then to
 * end before @offset (the bytes written past it are cut when it closes).
 */
int notrace ramoops_er_stream_write(struct ramoops_er_slots *er,
				    struct pstore_record *record,
				    size_t offset)
{
	unsigned int k, i = ramoops_er_slot(record->id);
	size_t payload = ramoops_er_payload(er);
	size_t at, n, len = record->size;
	const char *buf = record->buf;

	if (i >= er->cnt || !er->span[i] ||
	    atomic_read(&er->state[i]) != RAMOOPS_ER_SLOT_BUSY)
		return -EINVAL;
	at = er->hlen[i] + offset;
	while (len) {
		k = at / payload;
		while (k >= er->span[i])
			if (!ramoops_er_grow(er, i))
				return -EFBIG;
		n = min(len, payload - at % payload);
		persistent_ram_write_at(&er->przs[i + k], at % payload, buf, n);
		buf += n;
		at += n;
		len -= n;
	}
	return 0;
}

/**
 * ramoops_er_close() - end a record ramoops_er_open() started
 * @er: the region
 * @record: the record (its id); @size is its final size
 *
 * Drops what the slots hold past @size bytes, rewrites the time header
 * with the slots the record takes, and gives back the others. The record
 * is then read as any other.
 *
 * Return: 0, or -EINVAL if the id names no record being written.
 */
int notrace ramoops_er_close(struct ramoops_er_slots *er,
			     struct pstore_record *record)
{
	unsigned int span, used, k, i = ramoops_er_slot(record->id);
	size_t payload = ramoops_er_payload(er);
	size_t end;

	if (i >= er->cnt || !er->span[i] ||
	    atomic_read(&er->state[i]) != RAMOOPS_ER_SLOT_BUSY)
		return -EINVAL;
	span = er->span[i];
	end = min_t(size_t, er->hlen[i] + record->size, span * payload);
	used = max_t(unsigned int, DIV_ROUND_UP(end, payload), 1);
	/* Bytes of a line the record dropped after writing it. */
	persistent_ram_cut(&er->przs[i + used - 1], end - (used - 1) * payload);
	for (k = used; k < span; k++)
		persistent_ram_zap(&er->przs[i + k]);
	if (used < span)
		ramoops_er_rewrite_span(er, i, used);
	er->span[i] = used;
	/*
	 * The next search starts at the first slot given back, if it was to
	 * start after the run: reports stay packed, no gap between them.
	 */
	cmpxchg(&er->next, i + span, i + used);
	/* Unread before a reader can see it full and read it. */
	if (!test_and_set_bit(i, er->unread_map))
		atomic_inc(&er->unread);
	/* The slots in RAM (write-combined by default) before they change hands. */
	wmb();
	for (k = span; k-- > used;)
		atomic_set_release(&er->state[i + k], RAMOOPS_ER_SLOT_FREE);
	for (k = used; k--;)
		atomic_set_release(&er->state[i + k], RAMOOPS_ER_SLOT_FULL);
	return 0;
}

/**
 * ramoops_er_erase() - erase an error report record
 * @er: the region
 * @record: the record, as read: its id and time
 *
 * Return: 0, -EINVAL if the id names no slot, -EBUSY if no such report
 * starts there (anymore).
 */
int ramoops_er_erase(struct ramoops_er_slots *er, struct pstore_record *record)
{
	unsigned int slot = ramoops_er_slot(record->id);

	if (slot >= er->cnt)
		return -EINVAL;
	return ramoops_er_free_report(er, slot, &record->time);
}

/**
 * ramoops_er_check() - check the error report region's parameters
 * @dev: the ramoops device, for messages
 * @pdata: its platform data
 *
 * The error report region is optional: a size that cannot work disables it
 * (sets its size to 0) with a message saying why, and every other region
 * works as before.
 */
void ramoops_er_check(struct device *dev, struct ramoops_platform_data *pdata)
{
	unsigned long size = pdata->error_report_size;
	unsigned long rec = pdata->error_report_record_size;
	unsigned long others = pdata->console_size + pdata->ftrace_size +
			       pdata->pmsg_size;
	const char *why;

	if (!size)
		return;
	if (!is_power_of_2(size))
		why = "error_report_size is not a power of two";
	else if (!is_power_of_2(rec))
		why = "error_report_record_size is not a power of two";
	else if (rec < RAMOOPS_ER_MIN_SLOT_SIZE)
		why = "error_report_record_size is below 512";
	else if (rec > size)
		why = "error_report_record_size exceeds error_report_size";
	else if (size / rec > BIT(RAMOOPS_ER_SLOT_BITS))
		why = "error_report_size holds more than 65536 slots";
	else if (size > pdata->mem_size || others > pdata->mem_size - size)
		why = "error_report_size does not fit beside the other regions";
	else if (pdata->record_size &&
		 pdata->mem_size - size - others < pdata->record_size)
		why = "error_report_size leaves no room for a dmesg record";
	else
		return;

	dev_err(dev, "error report region disabled: %s (error_report_size=%#lx error_report_record_size=%#lx mem_size=%#lx)\n",
		why, size, rec, pdata->mem_size);
	pdata->error_report_size = 0;
}

/**
 * ramoops_er_free() - undo ramoops_er_init()
 * @er: the region
 *
 * Frees the slots and unmaps the region; @er can be set up again.
 */
void ramoops_er_free(struct ramoops_er_slots *er)
{
	unsigned int i;

	if (er->przs) {
		for (i = 0; i < er->cnt; i++)
			persistent_ram_fini_mapped(&er->przs[i]);
		kvfree(er->przs);
	}
	kfree(er->state);
	kfree(er->span);
	kfree(er->time);
	kfree(er->hlen);
	bitmap_free(er->unread_map);
	if (er->vaddr)
		persistent_ram_unmap(er->vaddr, er->paddr, er->size);
	memset(er, 0, sizeof(*er));
}

/*
 * One zone per slot, all in one array and in the one mapping of the region:
 * a zone allocated and mapped for itself costs a few allocations each,
 * which thousands of small slots add up to a long probe.
 */
static int ramoops_er_init_zones(struct ramoops_er_slots *er,
				 struct persistent_ram_ecc_info *ecc_info)
{
	unsigned int i, cnt = er->size / er->slot_size;
	u32 flags = PRZ_FLAG_NO_LOCK;
	int err;

	er->przs = kvcalloc(cnt, sizeof(*er->przs), GFP_KERNEL);
	if (!er->przs)
		return -ENOMEM;
	/*
	 * Slots are read in place. With ECC, ram_core corrects each at once,
	 * in place, as it copies it out: a header is only right once its slot
	 * is.
	 */
	if (!ecc_info->ecc_size)
		flags |= PRZ_FLAG_OLD_IN_PLACE;
	for (i = 0; i < cnt; i++) {
		err = persistent_ram_init_mapped(&er->przs[i],
						 er->vaddr + i * er->slot_size,
						 er->paddr + i * er->slot_size,
						 er->slot_size, 0, ecc_info,
						 flags, "ramoops:error_report");
		if (err)
			return err;
		/* Corrected in place; records are read in place too. */
		persistent_ram_free_old(&er->przs[i]);
		er->przs[i].type = PSTORE_TYPE_ERROR_REPORT;
		er->cnt++;
	}
	return 0;
}

/*
 * Slots holding a report from an earlier boot stay until it is erased,
 * with the slots its header says it continues in, written or not (a reset
 * may have cut the report short).
 */
static void ramoops_er_scan(struct ramoops_er_slots *er)
{
	struct pstore_record hdr = {}, next = {};
	unsigned int i, k, span, more;
	bool used;

	for (i = 0; i < er->cnt; i += span) {
		ramoops_er_peek_hdr(&er->przs[i], &hdr, &span, &used);
		if (!used)
			continue;
		span = min3(span, er->cnt - i, er->max_span);
		/* A slot where another report starts ends the span. */
		for (k = 1; k < span; k++)
			if (ramoops_er_peek_hdr(&er->przs[i + k], &next, &more,
						&used))
				break;
		span = k;
		er->span[i] = span;
		er->time[i] = hdr.time;
		for (k = 0; k < span; k++)
			atomic_set(&er->state[i + k], RAMOOPS_ER_SLOT_FULL);
	}
}

/**
 * ramoops_er_init() - set up the error report region
 * @er: the region, zeroed
 * @dev: the ramoops device, for messages
 * @paddr: where the region starts
 * @size: its size, checked by ramoops_er_check()
 * @slot_size: the size of a slot
 * @memtype: how to map it (ramoops' mem_type)
 * @ecc_info: ramoops' ECC
 *
 * Return: 0, or a negative errno after a message: the region is disabled,
 * the rest of ramoops works without it.
 */
int ramoops_er_init(struct ramoops_er_slots *er, struct device *dev,
		    phys_addr_t paddr, size_t size, size_t slot_size,
		    unsigned int memtype,
		    struct persistent_ram_ecc_info *ecc_info)
{
	int err = -ENOMEM;

	er->paddr = paddr;
	er->size = size;
	er->slot_size = slot_size;
	/* One mapping for all slots, however small and many they are. */
	er->vaddr = persistent_ram_map(paddr, size, memtype,
				       "ramoops:error_report");
	if (er->vaddr)
		err = ramoops_er_init_zones(er, ecc_info);
	if (!err && ramoops_er_payload(er) <=
		    RAMOOPS_ER_HDR_SIZE + RAMOOPS_ER_MIN_SLOT_SIZE / 2)
		err = -ENOSPC;
	if (!err) {
		er->state = kcalloc(er->cnt, sizeof(*er->state), GFP_KERNEL);
		er->span = kcalloc(er->cnt, sizeof(*er->span), GFP_KERNEL);
		er->time = kcalloc(er->cnt, sizeof(*er->time), GFP_KERNEL);
		er->hlen = kcalloc(er->cnt, sizeof(*er->hlen), GFP_KERNEL);
		er->unread_map = bitmap_zalloc(er->cnt, GFP_KERNEL);
		if (!er->state || !er->span || !er->time || !er->hlen ||
		    !er->unread_map)
			err = -ENOMEM;
	}
	if (err) {
		dev_err(dev, "error report region disabled: cannot set up %zu slots of %#zx bytes (ecc %d): %d\n",
			size / slot_size, slot_size, ecc_info->ecc_size, err);
		ramoops_er_free(er);
		return err;
	}
	/* A quarter of the region, at most 16 KiB, at least one slot. */
	er->max_span = clamp(min(er->cnt / 4,
				 (unsigned int)(RAMOOPS_ER_MAX_SPAN_SIZE /
						slot_size)),
			     1U, er->cnt);
	/*
	 * A report being written holds an eighth of the region at most (the
	 * longest span, in a large region) and grows past it as it prints:
	 * reports printing at once then leave room to one another.
	 */
	er->hold = clamp(er->cnt / 8, 1U, er->max_span);
	ramoops_er_scan(er);
	pr_info("error reports: %u slots of %zu bytes, up to %zu bytes in %u of them\n",
		er->cnt, ramoops_er_payload(er), ramoops_er_max_record(er),
		er->max_span);
	return 0;
}

#if IS_ENABLED(CONFIG_PSTORE_RAM_ERROR_REPORT_KUNIT_TEST)
#include "ram_error_report_kunit.c"
#endif
