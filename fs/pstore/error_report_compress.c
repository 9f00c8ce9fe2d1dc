// SPDX-License-Identifier: GPL-2.0-only
/*
 * Compression of error report records: zstd with a built-in dictionary of
 * report text (error_report_dict.c), so that a region of reserved RAM keeps
 * several times more reports. A 6 KiB KASAN report takes about 1.1 KiB.
 *
 * Reports are compressed where they are written, in any context, so
 * everything is allocated beforehand: one compression context and one
 * output buffer, taken with a cmpxchg, never waited for. They are set up
 * by a work item queued when the backend registers, off the boot path
 * (hashing the dictionary takes milliseconds). A report raised before
 * that, while another one is being compressed (on another CPU, or by a
 * WARN or KASAN report inside the compressor), in NMI (whose stack is
 * small), or when compression is off, is written as it is: a report is
 * never held up, and never lost for want of a compressor. The record then
 * says it is not compressed.
 *
 * A compressed record is a byte naming the dictionary, then one zstd frame
 * (which holds the size of the text). Records are decompressed when pstore
 * reads them, in process context; a record that does not decompress is
 * shown as it is stored (pstorefs adds ".enc.z" to its name), so nothing is
 * lost and a collector can tell.
 */
#define pr_fmt(fmt) "pstore: " fmt

#include <linux/fs.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/hardirq.h>
#include <linux/pstore.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/zstd.h>
#include "internal.h"

/* Fast enough for the report path; higher levels gain little on reports. */
#define ERROR_REPORT_ZSTD_LEVEL		3
/* Larger frames than this are not ours: do not allocate for them. */
#define ERROR_REPORT_MAX_TEXT		SZ_1M

static bool error_report_compress = true;
module_param(error_report_compress, bool, 0444);
MODULE_PARM_DESC(error_report_compress,
		 "compress error report records (zstd and a built-in dictionary)");

/*
 * Compression: set up by compress_setup_work, used from any context once
 * cctx is published. A flag, not a lock: a trylock always succeeds on a
 * uniprocessor kernel, and would let an NMI or a report raised inside zstd
 * reuse the context in use.
 */
static atomic_t compress_busy = ATOMIC_INIT(0);
static void *cctx_workspace;
static zstd_cctx *cctx;
static zstd_cdict *cdict;
static u8 *compress_buf;
static size_t compress_buf_size;

static void error_report_compress_setup(struct work_struct *work);
static DECLARE_WORK(compress_setup_work, error_report_compress_setup);

/*
 * Decompression: set up at the first compressed record read while a
 * backend is registered. Records are read under psinfo->read_mutex, which
 * serializes the use of dctx and its freeing at unregister: pstore's read
 * work may still run then.
 */
static zstd_dctx *dctx;
static zstd_ddict *ddict;
static bool decompress_on;

static void *error_report_zstd_alloc(void *opaque, size_t size)
{
	return kvmalloc(size, GFP_KERNEL);
}

static void error_report_zstd_free(void *opaque, void *address)
{
	kvfree(address);
}

static const zstd_custom_mem error_report_zstd_mem = {
	.customAlloc = error_report_zstd_alloc,
	.customFree = error_report_zstd_free,
};

static void error_report_compressor_free(void)
{
	cctx = NULL;
	zstd_free_cdict(cdict);
	cdict = NULL;
	kvfree(cctx_workspace);
	cctx_workspace = NULL;
	kvfree(compress_buf);
	compress_buf = NULL;
}

/*
 * Allocates the compressor for reports of up to compress_buf_size bytes,
 * and publishes it last: a writer that sees cctx sees the rest.
 */
static void error_report_compress_setup(struct work_struct *work)
{
	zstd_compression_parameters cparams;
	zstd_cctx *ctx = NULL;
	size_t size;

	cparams = zstd_get_cparams(ERROR_REPORT_ZSTD_LEVEL, compress_buf_size,
				   pstore_error_report_dict_v1_size);
	size = zstd_cctx_workspace_bound(&cparams);
	cctx_workspace = kvmalloc(size, GFP_KERNEL);
	compress_buf = kvmalloc(compress_buf_size, GFP_KERNEL);
	if (cctx_workspace && compress_buf) {
		ctx = zstd_init_cctx(cctx_workspace, size);
		cdict = zstd_create_cdict_byreference(pstore_error_report_dict_v1,
						      pstore_error_report_dict_v1_size,
						      cparams, error_report_zstd_mem);
	}
	if (!ctx || !cdict) {
		pr_warn("error reports will be stored uncompressed: no memory for zstd\n");
		error_report_compressor_free();
		return;
	}
	/* Pairs with the acquire in the writer: cctx is published last. */
	smp_store_release(&cctx, ctx);
}

/**
 * pstore_error_report_compress_init() - set up the compression of reports
 * @max_size: the largest report the backend takes
 *
 * Queues the setup; reports raised until it is done are stored as they
 * are, and so are all of them without memory for it.
 */
void pstore_error_report_compress_init(size_t max_size)
{
	mutex_lock(&psinfo->read_mutex);
	decompress_on = true;
	mutex_unlock(&psinfo->read_mutex);
	if (!error_report_compress)
		return;
	compress_buf_size = max_size;
	schedule_work(&compress_setup_work);
}

/**
 * pstore_error_report_compress_exit() - stop compressing reports
 *
 * Called once no report is being written any more. A record may still be
 * read: the decompression state goes under the read mutex, and a record
 * read after that stays compressed.
 */
void pstore_error_report_compress_exit(void)
{
	cancel_work_sync(&compress_setup_work);
	error_report_compressor_free();
	mutex_lock(&psinfo->read_mutex);
	decompress_on = false;
	zstd_free_ddict(ddict);
	ddict = NULL;
	zstd_free_dctx(dctx);
	dctx = NULL;
	mutex_unlock(&psinfo->read_mutex);
}

/**
 * pstore_error_report_write() - write a report record, compressed if it can
 * @record: the record, its text in @record->buf
 *
 * Any context, NMI included: never waits for the compressor, and does not
 * run it in NMI.
 *
 * Return: what the backend's write() returns.
 */
int pstore_error_report_write(struct pstore_record *record)
{
	/* Pairs with the release in the setup: the rest is ready too. */
	zstd_cctx *ctx = smp_load_acquire(&cctx);
	size_t len;
	int ret;

	if (!ctx || in_nmi() || atomic_cmpxchg(&compress_busy, 0, 1))
		return psinfo->write(record);
	len = zstd_compress_using_cdict(ctx, compress_buf + 1,
					compress_buf_size - 1, record->buf,
					record->size, cdict);
	if (!zstd_is_error(len) && len + 1 < record->size) {
		compress_buf[0] = PSTORE_ERROR_REPORT_DICT_V1;
		record->buf = compress_buf;
		record->size = len + 1;
		record->compressed = true;
	}
	ret = psinfo->write(record);
	atomic_set_release(&compress_busy, 0);
	return ret;
}

/**
 * pstore_error_report_decompress() - decompress a report record
 * @record: a compressed error report record, as read from the backend
 *
 * On success, @record holds the text, and the backend's ECC notice after
 * it; otherwise it is left as it is, and still says it is compressed.
 */
void pstore_error_report_decompress(struct pstore_record *record)
{
	zstd_frame_header frame;
	size_t len;
	char *text;

	if (record->size < 2 ||
	    (u8)record->buf[0] != PSTORE_ERROR_REPORT_DICT_V1 ||
	    zstd_get_frame_header(&frame, record->buf + 1, record->size - 1) ||
	    frame.frameContentSize > ERROR_REPORT_MAX_TEXT) {
		pr_err_ratelimited("error report %llu: not a compressed report\n",
				   record->id);
		return;
	}

	lockdep_assert_held(&psinfo->read_mutex);
	if (!decompress_on)
		return;
	if (!dctx)
		dctx = zstd_create_dctx_advanced(error_report_zstd_mem);
	if (!ddict)
		ddict = zstd_create_ddict_byreference(pstore_error_report_dict_v1,
						      pstore_error_report_dict_v1_size,
						      error_report_zstd_mem);
	text = kvmalloc(frame.frameContentSize + record->ecc_notice_size,
			GFP_KERNEL);
	if (!dctx || !ddict || !text) {
		kvfree(text);
		return;
	}
	len = zstd_decompress_using_ddict(dctx, text, frame.frameContentSize,
					  record->buf + 1, record->size - 1,
					  ddict);
	if (zstd_is_error(len) || len != frame.frameContentSize) {
		pr_err_ratelimited("error report %llu: cannot decompress: %s\n",
				   record->id, zstd_is_error(len) ?
				   zstd_get_error_name(len) : "size mismatch");
		kvfree(text);
		return;
	}

	memcpy(text + len, record->buf + record->size, record->ecc_notice_size);
	kvfree(record->buf);
	record->buf = text;
	record->size = len;
	record->compressed = false;
}
