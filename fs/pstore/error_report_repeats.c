// SPDX-License-Identifier: GPL-2.0-only
/*
 * Repeated error reports: a WARN in a hot path or a KASAN bug hit in a loop
 * would fill the backend with copies of one report, and leave no room for
 * the next, different one. A report whose site (its detector and id: the
 * WARN's address, KASAN's bad address, the UBSAN site, ...) has a record of
 * this boot in the backend is not stored: that record counts it, with the
 * time of the last one.
 *
 * Sites: a table filled from the report path, any context, NMI included:
 * an entry is claimed with a cmpxchg and keeps its site for the boot; its
 * state says whether the site's record is held in the backend. A site the
 * full table has no entry for is stored every time, as is a report whose
 * site's record is being stored or erased at that instant.
 *
 * The count reaches the record the next time pstore reads it, which the
 * repeat requests (pstore_request_record()): a copy with the new count is
 * written, the record erased, and its file dropped from pstorefs
 * (pstore_error_report_replace()), as compression replaces a record. So a
 * collector that archived the record finds the copy as a new file with the
 * same boot id and sequence number and a higher count; a reset keeps what
 * the last copy counted.
 *
 * When the record is erased (unlinked from pstorefs: collected), the next
 * report of the site is stored again, and counts the repeats the erased
 * record did not. Over a boot, the records of a site plus the repeats they
 * count are the reports of that site.
 */
#define pr_fmt(fmt) "pstore: " fmt

#include <linux/atomic.h>
#include <linux/error_report_notify.h>
#include <linux/fs.h>
#include <linux/hash.h>
#include <linux/pstore.h>
#include <linux/random.h>
#include <linux/string.h>
#include <uapi/linux/error_report.h>
#include "internal.h"

/* Sites tracked per boot, and entries probed for one (a power of two). */
#define ERROR_REPORT_SITES		256
#define ERROR_REPORT_SITE_PROBES	8

enum error_report_site_state {
	SITE_FREE,
	SITE_BUSY,	/* being filled, stored or released */
	SITE_HELD,	/* its record (@seq) is in the backend */
	SITE_GONE,	/* its record was erased */
};

/**
 * struct error_report_site - reports of one site in this boot
 * @state:	enum error_report_site_state
 * @detector:	the site's detector, set once when the entry is claimed
 * @id:		its id, likewise
 * @seq:	sequence number of the record that counts its repeats
 * @rec_id:	the backend's id of that record (it changes with each copy)
 * @repeats:	repeats that record counts, or the next one if it was erased
 * @written:	repeats that the backend's copy of it counts
 * @last_boot_ns: CLOCK_BOOTTIME at the start of the last repeat
 * @last_real_ns: CLOCK_REALTIME at the start of the last repeat
 */
struct error_report_site {
	atomic_t state;
	u32 detector;
	u64 id;
	u64 seq;
	u64 rec_id;
	atomic64_t repeats;
	u64 written;
	u64 last_boot_ns;
	u64 last_real_ns;
};

static struct error_report_site sites[ERROR_REPORT_SITES];
/*
 * Repeats counted in no record of the backend yet, all sites: while there
 * are none, no record is stale, and pstore's reading of the backend need
 * not look for its site.
 */
static atomic_long_t unwritten;
static bool fold_on;
static u8 this_boot_id[16];

/*
 * The entry of the site (@detector, @id), or NULL. Without one, and if
 * @claimed is not NULL, a free entry is claimed for the site, left
 * SITE_BUSY, and *@claimed set.
 */
static struct error_report_site *site_lookup(u32 detector, u64 id,
					     bool *claimed)
{
	unsigned int i, n = hash_64(id ^ detector, ilog2(ERROR_REPORT_SITES));
	struct error_report_site *s;

	for (i = 0; i < ERROR_REPORT_SITE_PROBES; i++) {
		s = &sites[(n + i) % ERROR_REPORT_SITES];
		if (atomic_read_acquire(&s->state) == SITE_FREE) {
			if (!claimed)
				return NULL;
			if (atomic_cmpxchg(&s->state, SITE_FREE, SITE_BUSY) !=
			    SITE_FREE)
				continue;	/* another report took it */
			WRITE_ONCE(s->detector, detector);
			WRITE_ONCE(s->id, id);
			*claimed = true;
			return s;
		}
		/* Being filled in by another report: not this site, maybe. */
		if (READ_ONCE(s->detector) == detector && READ_ONCE(s->id) == id)
			return s;
	}
	return NULL;
}

/* @h's site, if @h is a header of this boot that this code wrote. */
static struct error_report_site *site_of(const struct error_report_header *h,
					 size_t size)
{
	if (size < sizeof(*h) || memcmp(h->magic, ERROR_REPORT_MAGIC,
					sizeof(h->magic)) ||
	    le16_to_cpu(h->header_size) != sizeof(*h) ||
	    memcmp(h->boot_id, this_boot_id, sizeof(this_boot_id)))
		return NULL;
	return site_lookup(le32_to_cpu(h->detector), le64_to_cpu(h->id), NULL);
}

/* Put the count of @s in @h, and seal it. */
static void site_count_in(const struct error_report_site *s, u64 repeats,
			  struct error_report_header *h)
{
	h->repeats = cpu_to_le64(repeats);
	h->last_repeat_boottime_ns = cpu_to_le64(READ_ONCE(s->last_boot_ns));
	h->last_repeat_realtime_ns = cpu_to_le64(READ_ONCE(s->last_real_ns));
	error_report_seal_header(h);
}

/**
 * pstore_error_report_repeat() - count a report in a held record of its site
 * @h:		the report's record, as the capture made it
 * @site:	set to the site's entry if the report is to be stored and
 *		then held for its site, to NULL otherwise
 *
 * A report to be stored that counts repeats the site's erased record did
 * not has them in @h.
 *
 * Context: the report's, any (see struct error_report_sink).
 * Return: true when a held record counts the report: it is not stored.
 */
bool pstore_error_report_repeat(struct error_report_header *h,
				struct error_report_site **site)
{
	struct error_report_site *s;
	bool claimed = false;
	u64 repeats;

	*site = NULL;
	if (!READ_ONCE(fold_on))
		return false;
	s = site_lookup(le32_to_cpu(h->detector), le64_to_cpu(h->id), &claimed);
	if (!s)
		return false;
	if (claimed) {
		*site = s;
		return false;
	}

	switch (atomic_read_acquire(&s->state)) {
	case SITE_HELD:
		WRITE_ONCE(s->last_boot_ns, le64_to_cpu(h->boottime_ns));
		WRITE_ONCE(s->last_real_ns, le64_to_cpu(h->realtime_ns));
		atomic64_inc(&s->repeats);
		atomic_long_inc(&unwritten);
		/*
		 * Both counted, then the site's record named. A copy
		 * replacing the record without this count either has its id
		 * read here, or sees the count and names itself
		 * (pstore_error_report_replaced(): the full barriers pair).
		 */
		smp_mb__after_atomic();
		pstore_request_record(PSTORE_TYPE_ERROR_REPORT,
				      READ_ONCE(s->rec_id));
		return true;
	case SITE_GONE:
		if (atomic_cmpxchg(&s->state, SITE_GONE, SITE_BUSY) != SITE_GONE)
			return false;
		/* Repeats the erased record did not count: this one does. */
		repeats = atomic64_read(&s->repeats);
		if (repeats)
			site_count_in(s, repeats, h);
		*site = s;
		return false;
	default:
		/* Another report of the site is being stored, or erased. */
		return false;
	}
}

/**
 * pstore_error_report_site_stored() - the backend's answer for a site's record
 * @s:		the site, as pstore_error_report_repeat() gave it (may be NULL)
 * @h:		the record
 * @record:	the backend's record, its id set, or NULL if not stored
 *
 * Context: the report's, any.
 */
void pstore_error_report_site_stored(struct error_report_site *s,
				     const struct error_report_header *h,
				     const struct pstore_record *record)
{
	if (!s)
		return;
	if (record) {
		WRITE_ONCE(s->seq, le64_to_cpu(h->seq));
		WRITE_ONCE(s->rec_id, record->id);
		WRITE_ONCE(s->written, le64_to_cpu(h->repeats));
		/* It counts those its site's erased record did not. */
		atomic_long_sub(le64_to_cpu(h->repeats), &unwritten);
	}
	atomic_set_release(&s->state, record ? SITE_HELD : SITE_GONE);
}

/**
 * pstore_error_report_stale() - does a record count fewer repeats than seen?
 * @id: the backend's id of an error report record
 *
 * Lets pstore leave a record it shows already as it is, without reading
 * its text, when it is not. While every repeat is in a record (the
 * common case) it returns at once, without looking for the record's site.
 *
 * Context: process, as pstore reads the backend.
 * Return: true when the record is to be recounted.
 */
bool pstore_error_report_stale(u64 id)
{
	struct error_report_site *s;

	if (!atomic_long_read(&unwritten))
		return false;
	for (s = sites; s < sites + ERROR_REPORT_SITES; s++) {
		if (atomic_read_acquire(&s->state) == SITE_HELD &&
		    READ_ONCE(s->rec_id) == id)
			return atomic64_read(&s->repeats) > READ_ONCE(s->written);
	}
	return false;
}

/**
 * pstore_error_report_recount() - bring a record's count of repeats up to date
 * @record: an error report record as pstore read it, not compressed
 *
 * Context: process, as pstore reads the backend.
 * Return: true when @record's header was changed, so that the backend's
 * copy is to be replaced.
 */
bool pstore_error_report_recount(struct pstore_record *record)
{
	struct error_report_header *h = (void *)record->buf;
	struct error_report_site *s = site_of(h, record->size);
	u64 repeats;

	if (!s || atomic_read_acquire(&s->state) != SITE_HELD ||
	    READ_ONCE(s->seq) != le64_to_cpu(h->seq))
		return false;
	repeats = atomic64_read(&s->repeats);
	if (repeats <= le64_to_cpu(h->repeats))
		return false;
	site_count_in(s, repeats, h);
	return true;
}

/**
 * pstore_error_report_replaced() - a copy of a record replaced it
 * @record: the copy, its id set, not compressed
 *
 * Context: process, as pstore reads the backend.
 */
void pstore_error_report_replaced(const struct pstore_record *record)
{
	const struct error_report_header *h = (const void *)record->buf;
	struct error_report_site *s = site_of(h, record->size);

	if (!s || atomic_read_acquire(&s->state) != SITE_HELD ||
	    READ_ONCE(s->seq) != le64_to_cpu(h->seq))
		return;
	WRITE_ONCE(s->rec_id, record->id);
	atomic_long_sub(le64_to_cpu(h->repeats) - READ_ONCE(s->written),
			&unwritten);
	WRITE_ONCE(s->written, le64_to_cpu(h->repeats));
	/*
	 * A repeat counted since the copy was made, which read the site's
	 * record id before the store above, named the replaced record: this
	 * sees its count, and names the copy (pstore_error_report_repeat()).
	 */
	smp_mb();
	if (atomic64_read(&s->repeats) > le64_to_cpu(h->repeats))
		pstore_request_record(record->type, record->id);
}

/**
 * pstore_error_report_erased() - an error report record was erased
 * @record: the record, as pstorefs showed it, erased from the backend
 *
 * The next report of its site is stored, and counts what the backend's
 * record did not (the file may show a count its copy in the backend lacks,
 * when the copy with that count found no room).
 *
 * Context: process.
 */
void pstore_error_report_erased(const struct pstore_record *record)
{
	const struct error_report_header *h = (const void *)record->buf;
	struct error_report_site *s = site_of(h, record->size);

	if (!s || atomic_cmpxchg(&s->state, SITE_HELD, SITE_BUSY) != SITE_HELD)
		return;
	if (READ_ONCE(s->rec_id) != record->id) {
		/* Not the record the site holds (one stored beside it). */
		atomic_set_release(&s->state, SITE_HELD);
		return;
	}
	atomic64_sub(READ_ONCE(s->written), &s->repeats);
	atomic_set_release(&s->state, SITE_GONE);
}

/**
 * pstore_error_report_repeats_init() - start counting repeats, or not
 * @fold: whether a repeat is counted in the held record of its site
 *
 * Called before reports can be stored: the table starts empty.
 */
void pstore_error_report_repeats_init(bool fold)
{
	memset(sites, 0, sizeof(sites));
	atomic_long_set(&unwritten, 0);
	get_random_boot_id(this_boot_id);
	WRITE_ONCE(fold_on, fold);
}
