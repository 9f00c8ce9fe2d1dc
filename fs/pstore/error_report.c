// SPDX-License-Identifier: GPL-2.0-only
/*
 * pstore frontend for error reports: every report captured by
 * lib/error_report_notify.c (KASAN, KFENCE, WARN) becomes one record of type
 * PSTORE_TYPE_ERROR_REPORT, written synchronously in the reporting context,
 * so it is in the backend's storage by the time the detector returns.
 *
 * The backend's ->write() for this type is called from any context, NMI
 * included: it must not sleep or spin on a lock, and it refuses (-ENOSPC)
 * when it has no free slot rather than waiting for one.
 *
 * The record is written as it is: nothing but a copy in the report path.
 * A report that repeats the held record of its site is counted there rather
 * than stored (error_report_repeats.c).
 *
 * Records are replaced when pstore reads them, in process context, under
 * its read mutex: by a copy with an up to date count of repeats, and with
 * CONFIG_PSTORE_ERROR_REPORT_COMPRESS by a compressed copy
 * (error_report_compress.c). The copy is written before the record is
 * erased: a reset in between leaves both, never neither.
 *
 * A stored record shows up in the mounted pstorefs soon after, without a
 * reboot (pstore_request_update()), so one collector serves runtime and
 * next-boot collection alike.
 */
#define pr_fmt(fmt) "pstore: " fmt

#include <linux/error_report_notify.h>
#include <linux/fs.h>
#include <linux/pstore.h>
#include <uapi/linux/error_report.h>
#include "internal.h"

static int pstore_error_report_write(void *buf, size_t size,
				     struct pstore_record *record)
{
	int ret;

	pstore_record_init(record, psinfo);
	record->type = PSTORE_TYPE_ERROR_REPORT;
	record->buf = buf;
	record->size = size;
	ret = psinfo->write(record);
	/*
	 * -EFBIG: the backend stored the record's beginning, all it holds.
	 * Stored, then: the record shows that it stops early.
	 */
	if (ret == -EFBIG)
		ret = 0;
	if (!ret)
		pstore_error_report_stored(record);
	return ret;
}

static int pstore_error_report_store(void *buf, size_t size)
{
	struct error_report_site *site;
	struct pstore_record record;
	int ret;

	if (pstore_error_report_repeat(buf, &site))
		return ERROR_REPORT_REPEAT;
	ret = pstore_error_report_write(buf, size, &record);
	pstore_error_report_site_stored(site, buf, ret ? NULL : &record);
	return ret;
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
 * compressed record is decompressed; one waiting to be compressed, or
 * whose count of repeats grew, is replaced by a copy, which pstorefs shows
 * in its stead.
 */
void pstore_error_report_read(struct pstore_record *record)
{
	bool shown = pstore_is_shown(record);
	bool pending, changed;

	lockdep_assert_held(&psinfo->read_mutex);
	if (shown && !pstore_error_report_stale(record->id))
		return;
	if (record->compressed)
		pstore_error_report_decompress(record);
	if (record->compressed || !psinfo->erase)
		return;
	pending = !shown && pstore_error_report_claim_pending(record->id);
	changed = pstore_error_report_recount(record);
	if (pending || changed)
		pstore_error_report_replace(record, changed);
}

static struct error_report_sink pstore_error_report_sink = {
	.store = pstore_error_report_store,
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
