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
 * With CONFIG_PSTORE_ERROR_REPORT_COMPRESS, a work item replaces it with a
 * compressed copy afterwards (error_report_compress.c).
 *
 * A stored record shows up in the mounted pstorefs soon after, without a
 * reboot (pstore_request_update()), so one collector serves runtime and
 * next-boot collection alike.
 */
#define pr_fmt(fmt) "pstore: " fmt

#include <linux/error_report_notify.h>
#include <linux/fs.h>
#include <linux/pstore.h>
#include "internal.h"

static int pstore_error_report_store(const void *buf, size_t size)
{
	struct pstore_record record;
	int ret;

	pstore_record_init(&record, psinfo);
	record.type = PSTORE_TYPE_ERROR_REPORT;
	record.buf = (char *)buf;
	record.size = size;
	ret = psinfo->write(&record);
	/*
	 * -EFBIG: the backend stored the record's beginning, all it holds.
	 * Stored, then: the record shows that it stops early.
	 */
	if (ret == -EFBIG)
		ret = 0;
	if (!ret)
		pstore_error_report_stored(&record);
	return ret;
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
