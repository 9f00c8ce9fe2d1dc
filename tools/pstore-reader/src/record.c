// SPDX-License-Identifier: GPL-2.0-only
/*
 * Classify pstore files and parse error_report records.
 */
#include <endian.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <linux/error_report.h>

#include "format.h"
#include "record.h"

static const struct {
	const char *prefix;
	enum record_type type;
} type_prefixes[] = {
	{ "error_report-", RECORD_ERROR_REPORT },
	{ "dmesg-", RECORD_DMESG },
	{ "console-", RECORD_CONSOLE },
	{ "pmsg-", RECORD_PMSG },
};

enum record_type record_type_of(const char *name)
{
	for (size_t i = 0; i < sizeof(type_prefixes) / sizeof(type_prefixes[0]); i++)
		if (!strncmp(name, type_prefixes[i].prefix, strlen(type_prefixes[i].prefix)))
			return type_prefixes[i].type;
	return RECORD_OTHER;
}

const char *record_status_str(enum record_status status)
{
	switch (status) {
	case RECORD_OK:
		return "ok";
	case RECORD_SHORT:
		return "shorter than its header";
	case RECORD_BAD_MAGIC:
		return "not an error report (bad magic)";
	case RECORD_BAD_VERSION:
		return "unknown format version";
	case RECORD_BAD_HEADER_CRC:
		return "header checksum mismatch";
	case RECORD_TORN:
		return "torn write: text checksum mismatch";
	case RECORD_BAD_COMPRESSION:
		return "compressed, and does not inflate";
	case RECORD_COMPRESSED:
		return "compressed by the kernel in a form it could not read back";
	}
	return "?";
}

const char *record_status_token(enum record_status status)
{
	static const char *const tokens[] = {
		[RECORD_OK] = "ok",
		[RECORD_SHORT] = "short",
		[RECORD_BAD_MAGIC] = "bad-magic",
		[RECORD_BAD_VERSION] = "bad-version",
		[RECORD_BAD_HEADER_CRC] = "header-crc",
		[RECORD_TORN] = "torn",
		[RECORD_BAD_COMPRESSION] = "bad-compression",
		[RECORD_COMPRESSED] = "compressed",
	};

	return (size_t)status < sizeof(tokens) / sizeof(tokens[0]) ? tokens[status] : "unknown";
}

int record_has_header(const struct record *rec)
{
	return rec->type == RECORD_ERROR_REPORT &&
	       (rec->status == RECORD_OK || rec->status == RECORD_TORN);
}

int record_open_raw(const struct record *rec)
{
	uint32_t open = ERROR_REPORT_F_OPEN | ERROR_REPORT_F_INCOMPLETE;

	return rec->type == RECORD_ERROR_REPORT && rec->status == RECORD_OK &&
	       (rec->hdr.flags & open) == ERROR_REPORT_F_OPEN;
}

/*
 * The names the error_report tracepoints print. A value this reader does
 * not know (a newer kernel's detector, a damaged header) is "unknown".
 */
const char *detector_name(uint32_t detector)
{
	static const char *const names[] = {
		[ERROR_REPORT_DETECTOR_KFENCE] = "kfence",
		[ERROR_REPORT_DETECTOR_KASAN] = "kasan",
		[ERROR_REPORT_DETECTOR_WARN] = "warning",
		[ERROR_REPORT_DETECTOR_UBSAN] = "ubsan",
		[ERROR_REPORT_DETECTOR_SOFT_LOCKUP] = "soft_lockup",
		[ERROR_REPORT_DETECTOR_HARD_LOCKUP] = "hard_lockup",
		[ERROR_REPORT_DETECTOR_HUNG_TASK] = "hung_task",
		[ERROR_REPORT_DETECTOR_RCU_STALL] = "rcu_stall",
		[ERROR_REPORT_DETECTOR_OOPS] = "oops",
		[ERROR_REPORT_DETECTOR_LOCKDEP] = "lockdep",
		[ERROR_REPORT_DETECTOR_KCSAN] = "kcsan",
		[ERROR_REPORT_DETECTOR_KMSAN] = "kmsan",
	};

	if (detector < sizeof(names) / sizeof(names[0]) && names[detector])
		return names[detector];
	return "unknown";
}

void boot_id_str(const uint8_t id[16], char out[37])
{
	static const int dash[16] = { [4] = 1, [6] = 1, [8] = 1, [10] = 1 };
	char *p = out;

	for (int i = 0; i < 16; i++) {
		if (dash[i])
			*p++ = '-';
		/* Not sprintf(): this runs for every record, three times. */
		*p++ = "0123456789abcdef"[id[i] >> 4];
		*p++ = "0123456789abcdef"[id[i] & 15];
	}
	*p = '\0';
}

/*
 * ramoops appends "\nECC: ...\n" to every record when ECC is on. It is
 * integrity information, not content: move it out of the data.
 */
static void strip_ecc_notice(struct record *rec, size_t from)
{
	static const char tag[] = "\nECC: ";
	size_t n = sizeof(tag) - 1;

	if (rec->size < from + n + 1 || rec->data[rec->size - 1] != '\n')
		return;
	for (size_t i = rec->size - n - 1; i + 1 > from; i--) {
		if (memcmp(rec->data + i, tag, n))
			continue;
		if (memchr(rec->data + i + 1, '\n', rec->size - i - 2))
			return;	/* more than one line after it: not the notice */
		size_t len = rec->size - i - 2;	/* without the two newlines */

		if (len >= sizeof(rec->ecc))
			len = sizeof(rec->ecc) - 1;
		memcpy(rec->ecc, rec->data + i + 1, len);
		rec->ecc[len] = '\0';
		rec->size = i;
		return;
	}
}

static uint32_t crc32_of(const void *p, size_t len)
{
	return (uint32_t)crc32(0L, p, (uInt)len);
}

/* Replace a zlib-compressed record's bytes by their inflated form. */
static int inflate_in_place(struct record *rec)
{
	unsigned char *plain;
	size_t plen;

	if (dmesg_inflate(rec->data, rec->size, &plain, &plen))
		return -1;
	free(rec->data);
	rec->data = plain;
	rec->size = plen;
	return 0;
}

/*
 * Version 1's first header, 184 bytes: the fields up to @comm. Later ones
 * append fields (@repeats, ...) and say their size in @header_size.
 */
#define ER_HEADER_V1_SIZE offsetof(struct error_report_header, repeats)
_Static_assert(ER_HEADER_V1_SIZE == 184, "version 1's first header is 184 bytes");

/* The header's @header_size bytes hold all of @field. */
#define ER_HAS(h, field)                                            \
	((h)->header_size >= offsetof(struct error_report_header, field) + \
				     sizeof(((struct error_report_header *)0)->field))

static void parse_error_report(struct record *rec)
{
	struct error_report_header raw;
	struct er_header *h = &rec->hdr;
	size_t known;
	uint32_t crc;

	if (rec->size < ER_HEADER_V1_SIZE) {
		rec->status = RECORD_SHORT;
		return;
	}
	memset(&raw, 0, sizeof(raw));
	memcpy(&raw, rec->data, ER_HEADER_V1_SIZE);
	if (memcmp(raw.magic, ERROR_REPORT_MAGIC, sizeof(raw.magic))) {
		rec->status = RECORD_BAD_MAGIC;
		return;
	}
	h->version = le16toh(raw.version);
	h->header_size = le16toh(raw.header_size);
	if ((h->version != ERROR_REPORT_VERSION && h->version != ERROR_REPORT_VERSION_LINES) ||
	    h->header_size < ER_HEADER_V1_SIZE ||
	    h->header_size > rec->size) {
		rec->status = RECORD_BAD_VERSION;
		return;
	}
	/*
	 * The fields this reader knows, as far as the header has them; the
	 * bytes of fields it does not know (a newer header's) are skipped,
	 * but the checksum covers them too.
	 */
	known = h->header_size < sizeof(raw) ? h->header_size : sizeof(raw);
	memcpy(&raw, rec->data, known);
	h->header_crc32 = le32toh(raw.header_crc32);
	raw.header_crc32 = 0;
	crc = crc32_of(&raw, known);
	if (h->header_size > known)
		crc = (uint32_t)crc32(crc, rec->data + known, (uInt)(h->header_size - known));
	if (crc != h->header_crc32) {
		rec->status = RECORD_BAD_HEADER_CRC;
		return;
	}
	h->flags = le32toh(raw.flags);
	h->detector = le32toh(raw.detector);
	h->cpu = le32toh(raw.cpu);
	h->pid = le32toh(raw.pid);
	h->caller_id = le32toh(raw.caller_id);
	h->id = le64toh(raw.id);
	h->seq = le64toh(raw.seq);
	h->mono_ns = le64toh(raw.mono_ns);
	h->boottime_ns = le64toh(raw.boottime_ns);
	h->realtime_ns = le64toh(raw.realtime_ns);
	h->body_len = le32toh(raw.body_len);
	h->body_crc32 = le32toh(raw.body_crc32);
	h->dropped = le32toh(raw.dropped);
	memcpy(h->boot_id, raw.boot_id, sizeof(h->boot_id));
	memcpy(h->release, raw.release, sizeof(raw.release));
	h->release[sizeof(raw.release)] = '\0';
	memcpy(h->comm, raw.comm, sizeof(raw.comm));
	h->comm[sizeof(raw.comm)] = '\0';
	/* A header of 184 bytes predates them: none. */
	if (ER_HAS(h, repeats))
		h->repeats = le64toh(raw.repeats);
	if (ER_HAS(h, last_repeat_boottime_ns))
		h->last_repeat_boottime_ns = le64toh(raw.last_repeat_boottime_ns);
	if (ER_HAS(h, last_repeat_realtime_ns))
		h->last_repeat_realtime_ns = le64toh(raw.last_repeat_realtime_ns);

	/*
	 * A record the kernel was writing as its report printed when the
	 * machine stopped, as the backend holds it (U-Boot saves it so; the
	 * next kernel fills in the length and checksum): its text is what
	 * follows the header, not checked.
	 */
	rec->text = (const char *)rec->data + h->header_size;
	if (record_open_raw(rec)) {
		rec->text_len = rec->size - h->header_size;
	} else {
		/* Anything after the text is ramoops' ECC notice. */
		if (rec->size > (size_t)h->header_size + h->body_len)
			strip_ecc_notice(rec, h->header_size + h->body_len);
		rec->text_len = rec->size - h->header_size;
		if (rec->text_len < h->body_len) {
			rec->status = RECORD_TORN;
		} else {
			rec->text_len = h->body_len;
			if (crc32_of(rec->text, rec->text_len) != h->body_crc32)
				rec->status = RECORD_TORN;
		}
	}
	/*
	 * Version 2, as the backend holds the kernel's capture: printk
	 * records, formatted here as pstore formats them. A torn one too: its
	 * lines read better than its bytes. Out of memory, or for bytes that
	 * would format to more than any record does, the text stays raw.
	 */
	if (h->version == ERROR_REPORT_VERSION_LINES &&
	    !format_lines((const unsigned char *)rec->text, rec->text_len,
			  &rec->formatted, &rec->text_len))
		rec->text = rec->formatted;
}

void record_parse(struct record *rec, const char *name, unsigned char *data,
		  size_t size)
{
	memset(rec, 0, sizeof(*rec));
	snprintf(rec->name, sizeof(rec->name), "%s", name);
	rec->type = record_type_of(name);
	rec->data = data;
	rec->size = size;
	rec->status = RECORD_OK;
	size_t nlen = strlen(name);
	int enc = nlen > 6 && !strcmp(name + nlen - 6, ".enc.z");

	if (rec->type == RECORD_ERROR_REPORT) {
		/*
		 * ".enc.z": pstore could not decompress the record at mount.
		 * On 6.12 error reports are zstd with the kernel's built-in
		 * dictionary, which this reader does not have; try deflate
		 * (older compressors), else say so, not "too short".
		 */
		if (enc) {
			strip_ecc_notice(rec, 0);
			if (inflate_in_place(rec)) {
				rec->status = RECORD_COMPRESSED;
				return;
			}
		}
		parse_error_report(rec);
		return;
	}
	rec->parts = 1;
	strip_ecc_notice(rec, 0);

	if (enc) {
		/* pstore could not decompress it at boot: try here. */
		if (inflate_in_place(rec)) {
			rec->status = RECORD_BAD_COMPRESSION;
			return;
		}
	}
	rec->text = (const char *)rec->data;
	rec->text_len = rec->size;
	if (rec->type == RECORD_DMESG &&
	    !dmesg_parse_header(rec->text, rec->text_len, &rec->dmesg)) {
		rec->has_dmesg_header = 1;
		rec->text += rec->dmesg.len;
		rec->text_len -= rec->dmesg.len;
	}
}

/* The backend part of a file name: "dmesg-<backend>-<id>". */
static size_t backend_of(const char *name, char *out, size_t size)
{
	const char *a = strchr(name, '-'), *b = strrchr(name, '-');

	if (!a || b <= a)
		return 0;
	return (size_t)snprintf(out, size, "%.*s", (int)(b - a - 1), a + 1);
}

void records_join_parts(struct record *recs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct record *p1 = &recs[i];
		char b1[64], b2[64];
		unsigned int want = 2;

		if (p1->type != RECORD_DMESG || !p1->has_dmesg_header || p1->dmesg.part != 1 ||
		    p1->status != RECORD_OK)
			continue;
		backend_of(p1->name, b1, sizeof(b1));
		for (int found = 1; found; want++) {
			found = 0;
			for (size_t j = 0; j < n; j++) {
				struct record *pk = &recs[j];

				if (pk->type != RECORD_DMESG || !pk->has_dmesg_header || pk->merged ||
				    pk->dmesg.part != want || pk->dmesg.count != p1->dmesg.count ||
				    strcmp(pk->dmesg.reason, p1->dmesg.reason) || pk->status != RECORD_OK)
					continue;
				backend_of(pk->name, b2, sizeof(b2));
				if (strcmp(b1, b2))
					continue;
				/* Part k holds the text before part k-1: prepend it. */
				size_t len = pk->text_len + p1->text_len;
				unsigned char *joined = malloc(len + 1);

				if (!joined)
					return;
				memcpy(joined, pk->text, pk->text_len);
				memcpy(joined + pk->text_len, p1->text, p1->text_len);
				joined[len] = '\0';
				free(p1->data);
				p1->data = joined;
				p1->size = len;
				p1->text = (const char *)joined;
				p1->text_len = len;
				p1->parts++;
				pk->merged = i + 1;
				found = 1;
				break;
			}
		}
	}
}

static int same_report(const struct record *a, const struct record *b)
{
	return b->type == RECORD_ERROR_REPORT && b->status == RECORD_OK && !b->merged &&
	       b->hdr.seq == a->hdr.seq &&
	       !memcmp(b->hdr.boot_id, a->hdr.boot_id, sizeof(a->hdr.boot_id)) &&
	       b->text_len == a->text_len && !memcmp(b->text, a->text, a->text_len);
}

void records_merge_copies(struct record *recs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct record *a = &recs[i];
		size_t keep = i;

		if (a->type != RECORD_ERROR_REPORT || a->status != RECORD_OK || a->merged)
			continue;
		/* The copy with the highest count of repeats stands for them all. */
		for (size_t j = i + 1; j < n; j++)
			if (same_report(a, &recs[j]) && recs[j].hdr.repeats > recs[keep].hdr.repeats)
				keep = j;
		for (size_t j = i; j < n; j++)
			if (j != keep && same_report(a, &recs[j]))
				recs[j].merged = keep + 1;
	}
}

void record_free(struct record *rec)
{
	free(rec->data);
	rec->data = NULL;
	free(rec->formatted);
	rec->formatted = NULL;
}
