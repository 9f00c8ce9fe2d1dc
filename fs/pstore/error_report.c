// SPDX-License-Identifier: GPL-2.0-only
/*
 * pstore frontend for error reports: every report captured by
 * lib/error_report_notify.c (KASAN, KFENCE, WARN, ...) becomes one record
 * of type PSTORE_TYPE_ERROR_REPORT, written into the backend as the report
 * prints, in the reporting context: started with the report (the backend's
 * ->stream_open()), each line written as it is captured (->stream_write()),
 * its header written last when the report ends (->stream_close()). A reset
 * or a hang at any point leaves the lines written so far, which the next
 * boot shows flagged incomplete; a report that ends is in the backend by
 * the time its detector returns.
 *
 * The backend's stream calls are made from any context, NMI included: they
 * must not sleep or spin on a lock, and the backend refuses (-ENOSPC) when
 * it has no room rather than waiting for it.
 *
 * Nothing but a copy in the report path. A report that repeats the held
 * record of its site is counted there rather than stored
 * (error_report_repeats.c).
 *
 * Records are replaced when pstore reads them, in process context, under
 * its read mutex: by a copy with an up to date count of repeats, and with
 * CONFIG_PSTORE_ERROR_REPORT_COMPRESS by a compressed copy
 * (error_report_compress.c). The copy is written before the record is
 * erased: a reset in between leaves both, never neither.
 *
 * A stored record shows up in the mounted pstorefs soon after, without a
 * reboot: the frontend names it to pstore (pstore_request_record()), which
 * reads it alone from the backend, so one collector serves runtime and
 * next-boot collection alike, and a storm costs a read per record.
 */
#define pr_fmt(fmt) "pstore: " fmt

#include <linux/error_report_notify.h>
#include <linux/fs.h>
#include <linux/pstore.h>
#include <uapi/linux/error_report.h>
#include "internal.h"

/* A record being written: the site it is to be held for, if any. */
static int pstore_error_report_open(struct error_report_stream *stream,
				    struct error_report_header *h, size_t *room)
{
	struct error_report_site *site;
	struct pstore_record record;
	int ret;

	if (pstore_error_report_repeat(h, &site))
		return ERROR_REPORT_REPEAT;
	pstore_record_init(&record, psinfo);
	record.type = PSTORE_TYPE_ERROR_REPORT;
	record.size = *room;
	ret = psinfo->stream_open(&record);
	if (ret) {
		pstore_error_report_site_stored(site, h, NULL);
		return ret;
	}
	stream->id = record.id;
	stream->priv = site;
	*room = record.size;
	return 0;
}

/* The record @stream names, @size bytes of it at @buf. */
static void pstore_error_report_piece(struct pstore_record *record,
				      struct error_report_stream *stream,
				      const void *buf, size_t size)
{
	*record = (struct pstore_record) {
		.psi = psinfo,
		.type = PSTORE_TYPE_ERROR_REPORT,
		.id = stream->id,
		.buf = (char *)buf,
		.size = size,
	};
}

static int pstore_error_report_stream_write(struct error_report_stream *stream,
					    size_t offset, const void *buf,
					    size_t len)
{
	struct pstore_record record;

	pstore_error_report_piece(&record, stream, buf, len);
	return psinfo->stream_write(&record, offset);
}

static int pstore_error_report_commit(struct error_report_stream *stream,
				      const struct error_report_header *h,
				      size_t size)
{
	struct pstore_record record;
	int ret;

	/* The header last: until it is written, the record reads as open. */
	ret = pstore_error_report_stream_write(stream, 0, h, sizeof(*h));
	/* The record's @size bytes are in the backend: no buffer holds them. */
	pstore_error_report_piece(&record, stream, NULL, size);
	if (!ret)
		ret = psinfo->stream_close(&record);
	/*
	 * The site holds the record before pstore is asked to read it: a copy
	 * that replaces it as it is read updates the site's record id.
	 */
	pstore_error_report_site_stored(stream->priv, h, ret ? NULL : &record);
	if (!ret)
		pstore_error_report_stored(&record);
	return ret;
}

/*
 * Whether @record holds a header of the size this kernel writes, whose
 * checksum holds: a header a reset cut short, or damaged, is not to be
 * trusted, and such a record is left as it is.
 */
static bool pstore_error_report_sealed(const struct pstore_record *record)
{
	const struct error_report_header *h = (void *)record->buf;
	struct error_report_header sealed;

	if (record->size < sizeof(*h) ||
	    memcmp(h->magic, ERROR_REPORT_MAGIC, sizeof(h->magic)) ||
	    le16_to_cpu(h->header_size) != sizeof(*h))
		return false;
	sealed = *h;
	error_report_seal_header(&sealed);
	return sealed.header_crc32 == h->header_crc32;
}

/*
 * A record, its header sealed, whose report was being written when the
 * machine stopped (ERROR_REPORT_F_OPEN without ERROR_REPORT_F_INCOMPLETE):
 * its text is what was written. Its header gets that text's length and
 * CRC, and the incomplete flag. Returns whether @record was such a record.
 */
static bool pstore_error_report_finish_open(struct pstore_record *record)
{
	struct error_report_header *h = (void *)record->buf;
	u32 flags;

	flags = le32_to_cpu(h->flags);
	if ((flags & (ERROR_REPORT_F_OPEN | ERROR_REPORT_F_INCOMPLETE)) !=
	    ERROR_REPORT_F_OPEN)
		return false;
	h->body_len = cpu_to_le32(record->size - sizeof(*h));
	h->flags = cpu_to_le32(flags | ERROR_REPORT_F_INCOMPLETE);
	error_report_seal(h);
	return true;
}

/*
 * A record of version 2, its header sealed, holds the report's printk
 * records as the capture copied them; it is shown formatted, as version 1,
 * each line as "dmesg -r" prints it. One whose text's checksum does not
 * hold, or whose header claims more text than it has, is shown as it is,
 * for a reader to say so; so is one there is no memory to format.
 */
static void pstore_error_report_format(struct pstore_record *record)
{
	const struct error_report_header *h = (void *)record->buf;
	ssize_t size;
	char *buf;

	if (le16_to_cpu(h->version) != ERROR_REPORT_VERSION_LINES ||
	    le32_to_cpu(h->body_len) > record->size - sizeof(*h) ||
	    error_report_text_crc(h) != le32_to_cpu(h->body_crc32))
		return;
	size = error_report_format(record->buf, record->size,
				   record->ecc_notice_size, &buf);
	if (size < 0)
		return;
	kvfree(record->buf);
	record->buf = buf;
	record->size = size;
}

/*
 * Replace @record in the backend by a copy: compressed if compression is
 * on and it shrinks, as it is if @changed. Either step may fail (no room
 * for the copy): the record then stays as it is.
 */
static void pstore_error_report_replace(struct pstore_record *record,
					bool changed)
{
	struct pstore_record copy;
	int ret;

	pstore_record_init(&copy, psinfo);
	copy.type = PSTORE_TYPE_ERROR_REPORT;
	copy.time = record->time;
	if (!pstore_error_report_compress(record, &copy)) {
		if (!changed)
			return;
		copy.buf = record->buf;
		copy.size = record->size;
	}
	ret = psinfo->write(&copy);
	/* A copy the backend cut short is no copy: it goes, the original stays. */
	if (ret == -EFBIG)
		psinfo->erase(&copy);
	if (ret)
		return;
	psinfo->erase(record);
	pstore_drop_record(record);
	record->id = copy.id;
	pstore_error_report_replaced(record);
}

/**
 * pstore_error_report_read() - an error report record pstore read
 * @record: the record, as read from the backend
 *
 * Called by pstore as it reads the backend, under its read mutex, for
 * every error report record, before it shows it in pstorefs: one shown
 * already is left as it is unless its count of repeats is behind. A
 * compressed record is decompressed, one of version 2 formatted; one
 * waiting to be compressed, or whose count of repeats grew, is replaced
 * by a copy, which pstorefs shows in its stead.
 */
void pstore_error_report_read(struct pstore_record *record)
{
	bool shown = pstore_is_shown(record);
	bool pending, changed, finished = false;

	lockdep_assert_held(&psinfo->read_mutex);
	if (shown && !pstore_error_report_stale(record->id))
		return;
	if (record->compressed)
		pstore_error_report_decompress(record);
	if (record->compressed)
		return;
	if (pstore_error_report_sealed(record)) {
		finished = pstore_error_report_finish_open(record);
		pstore_error_report_format(record);
	}
	if (!psinfo->erase)
		return;
	pending = !shown && pstore_error_report_claim_pending(record->id);
	changed = pstore_error_report_recount(record) || finished;
	if (pending || changed)
		pstore_error_report_replace(record, changed);
}

static struct error_report_sink pstore_error_report_sink = {
	.open = pstore_error_report_open,
	.write = pstore_error_report_stream_write,
	.commit = pstore_error_report_commit,
};

/**
 * pstore_register_error_report() - store error reports in the backend
 *
 * Called when a backend with %PSTORE_FLAGS_ERROR_REPORT registers; its
 * @error_report_size is the largest record it takes.
 */
void pstore_register_error_report(void)
{
	int ret;

	if (!psinfo->stream_open || !psinfo->stream_write ||
	    !psinfo->stream_close) {
		pr_err("cannot store error reports in %s: it does not write records as they print\n",
		       psinfo->name);
		return;
	}
	pstore_error_report_sink.max_size = psinfo->error_report_size;
	pstore_error_report_repeats_init(!psinfo->error_report_store_repeats);
	pstore_error_report_compress_init(psinfo->error_report_size);
	ret = error_report_register_sink(&pstore_error_report_sink);
	if (ret) {
		pr_err("cannot store error reports in %s: %d\n", psinfo->name, ret);
		pstore_error_report_compress_exit();
	}
}

/**
 * pstore_unregister_error_report() - stop storing error reports
 *
 * Returns once no report is being written to the backend any more.
 */
void pstore_unregister_error_report(void)
{
	error_report_unregister_sink(&pstore_error_report_sink);
	pstore_error_report_compress_exit();
}
