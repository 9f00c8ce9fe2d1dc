// SPDX-License-Identifier: GPL-2.0-only
/*
 * Compression of error report records: zstd with a built-in dictionary of
 * report text (error_report_dict.c), so that a region of reserved RAM keeps
 * several times more reports. A 6 KiB KASAN report takes about 1.1 KiB.
 *
 * Not in the report path: there a report is written as it is, a copy and
 * nothing more, whatever the context. Afterwards, in process context, the
 * record is read back from the backend, a compressed copy with the same
 * time is written, and the original is erased once the copy is stored. A
 * reset in between leaves the original, or both (the collector then finds
 * the same report twice, never zero times). A record whose copy finds no
 * room, or that does not shrink, stays as it is.
 *
 * Which records: those written since boot, known by the ids the backend's
 * write() gave them, in a small table that writers fill from any context
 * (an atomic write per entry) and readers empty (a cmpxchg per entry). A
 * record whose entry a storm overwrote stays uncompressed. Records of
 * earlier boots are left alone, and so are the records of a backend that
 * cannot erase one.
 *
 * Who compresses: pstore's own reading of the record, which each stored
 * record requests (pstore_request_record()) to show it in pstorefs. It
 * meets a record waiting to be compressed before it shows it: it
 * compresses that one there, and the file gets the copy's id, so pstorefs
 * never shows a record that is about to be replaced. That runs
 * under the backend's read mutex, which serializes it with the erasing of
 * records unlinked from pstorefs and the freeing of the compressor. With
 * pstorefs not mounted, nothing reads the backend: the records wait in the
 * table (the last ERROR_REPORT_PENDING of them) until it is mounted.
 *
 * A compressed record is a byte naming the dictionary, then one zstd frame
 * (which holds the size of the text). Records are decompressed when pstore
 * reads them; a record that does not decompress is shown as it is stored
 * (pstorefs adds ".enc.z" to its name), so nothing is lost and a collector
 * can tell.
 */
#define pr_fmt(fmt) "pstore: " fmt

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/pstore.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/zstd.h>
#include "internal.h"

/*
 * Level 15 would leave a 6 KiB KASAN report at about 950 bytes (two slots
 * of 512 bytes, where level 3 leaves 1.06 KiB, three), but takes so long
 * (btopt) that in a run of reports under QEMU the work item fell behind:
 * 78 of 160 reports kept, against 160 of 160 at level 3.
 */
#define ERROR_REPORT_ZSTD_LEVEL		3
/* Larger frames than this are not ours: do not allocate for them. */
#define ERROR_REPORT_MAX_TEXT		SZ_1M
/* Records written and not yet compressed that the work item keeps track of. */
#define ERROR_REPORT_PENDING		64

static bool error_report_compress = true;
module_param(error_report_compress, bool, 0444);
MODULE_PARM_DESC(error_report_compress,
		 "compress error report records after they are written (zstd and a built-in dictionary)");

/* Ids of records to compress, plus one (0: a free entry). */
static atomic64_t pending_ids[ERROR_REPORT_PENDING];
static atomic_t pending_next = ATOMIC_INIT(0);
static bool compress_on;

/*
 * The compressor, about 0.9 MiB: set up for the records to compress, and
 * freed a second after the last one (reports are rare).
 */
static zstd_cctx *cctx;
static void *cctx_workspace;
static zstd_cdict *cdict;
static u8 *compress_buf;
static size_t compress_buf_size;

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

/* The compressor for records of up to compress_buf_size bytes. */
static bool error_report_compressor_ready(void)
{
	zstd_compression_parameters cparams;
	size_t size;

	if (cctx)
		return true;
	cparams = zstd_get_cparams(ERROR_REPORT_ZSTD_LEVEL, compress_buf_size,
				   pstore_error_report_dict_v1_size);
	size = zstd_cctx_workspace_bound(&cparams);
	cctx_workspace = kvmalloc(size, GFP_KERNEL);
	compress_buf = kvmalloc(compress_buf_size, GFP_KERNEL);
	if (cctx_workspace && compress_buf) {
		cctx = zstd_init_cctx(cctx_workspace, size);
		cdict = zstd_create_cdict_byreference(pstore_error_report_dict_v1,
						      pstore_error_report_dict_v1_size,
						      cparams, error_report_zstd_mem);
	}
	if (!cctx || !cdict) {
		pr_warn_once("error reports stay uncompressed: no memory for zstd\n");
		error_report_compressor_free();
		return false;
	}
	return true;
}

static void error_report_compressor_free_fn(struct work_struct *work)
{
	mutex_lock(&psinfo->read_mutex);
	error_report_compressor_free();
	mutex_unlock(&psinfo->read_mutex);
}

static DECLARE_DELAYED_WORK(error_report_compressor_free_work,
			    error_report_compressor_free_fn);

/**
 * pstore_error_report_claim_pending() - is a record waiting to be compressed?
 * @id: the record's id
 *
 * Takes it off the table if so.
 *
 * Return: whether it was waiting.
 */
bool pstore_error_report_claim_pending(u64 id)
{
	unsigned int i;

	for (i = 0; i < ERROR_REPORT_PENDING; i++) {
		if (atomic64_read(&pending_ids[i]) == id + 1 &&
		    atomic64_cmpxchg(&pending_ids[i], id + 1, 0) == id + 1)
			return true;
	}
	return false;
}

/**
 * pstore_error_report_compress() - a compressed copy of a record
 * @record:	the record, not compressed
 * @copy:	its buffer, size and compressed flag set on success; the
 *		buffer stays valid until the read mutex is released
 *
 * Context: process, under psinfo->read_mutex.
 * Return: true when compression is on and the copy is smaller.
 */
bool pstore_error_report_compress(const struct pstore_record *record,
				  struct pstore_record *copy)
{
	size_t len;

	lockdep_assert_held(&psinfo->read_mutex);
	if (!READ_ONCE(compress_on) || !error_report_compressor_ready())
		return false;
	mod_delayed_work(system_wq, &error_report_compressor_free_work, HZ);
	len = zstd_compress_using_cdict(cctx, compress_buf + 1,
					compress_buf_size - 1, record->buf,
					record->size, cdict);
	if (zstd_is_error(len) || len + 1 >= record->size)
		return false;
	compress_buf[0] = PSTORE_ERROR_REPORT_DICT_V1;
	copy->buf = compress_buf;
	copy->size = len + 1;
	copy->compressed = true;
	return true;
}

/**
 * pstore_error_report_compress_init() - set up the compression of reports
 * @max_size: the largest report the backend takes
 */
void pstore_error_report_compress_init(size_t max_size)
{
	mutex_lock(&psinfo->read_mutex);
	decompress_on = true;
	compress_buf_size = max_size;
	mutex_unlock(&psinfo->read_mutex);
	WRITE_ONCE(compress_on, error_report_compress);
}

/**
 * pstore_error_report_compress_exit() - stop compressing reports
 *
 * Called once no report is being written any more. Records not compressed
 * yet stay as they are. A record may still be read: the decompression
 * state goes under the read mutex, and a record read after that stays
 * compressed.
 */
void pstore_error_report_compress_exit(void)
{
	unsigned int i;

	WRITE_ONCE(compress_on, false);
	for (i = 0; i < ERROR_REPORT_PENDING; i++)
		atomic64_set(&pending_ids[i], 0);
	mutex_lock(&psinfo->read_mutex);
	error_report_compressor_free();
	decompress_on = false;
	zstd_free_ddict(ddict);
	ddict = NULL;
	zstd_free_dctx(dctx);
	dctx = NULL;
	mutex_unlock(&psinfo->read_mutex);
	/* A compression that ran before the mutex was taken armed it. */
	cancel_delayed_work_sync(&error_report_compressor_free_work);
}

/**
 * pstore_error_report_stored() - a report record is in the backend
 * @record: the record, as the backend's write() left it (its id set)
 *
 * Asks pstore to show it in pstorefs; it is compressed first, as pstore
 * reads it, when compression is on.
 *
 * Context: any context, NMI included.
 */
void pstore_error_report_stored(const struct pstore_record *record)
{
	unsigned int i;

	if (READ_ONCE(compress_on) && !record->compressed) {
		i = (unsigned int)atomic_inc_return(&pending_next) %
		    ERROR_REPORT_PENDING;
		atomic64_set(&pending_ids[i], record->id + 1);
	}
	pstore_request_record(record->type, record->id);
}

/**
 * pstore_error_report_decompress() - decompress a record pstore read
 * @record: the record, compressed
 *
 * On success, @record holds the text, and the backend's ECC notice after
 * it; otherwise it is left as it is, and still says it is compressed.
 *
 * Context: process, under psinfo->read_mutex.
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
