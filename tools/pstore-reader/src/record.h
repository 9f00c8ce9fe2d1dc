/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One pstore record: its file, its type and, for error_report records, the
 * parsed header (include/uapi/linux/error_report.h).
 */
#ifndef PSTORE_READER_RECORD_H
#define PSTORE_READER_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include <linux/error_report.h>

#include "upstream.h"

/*
 * Flags the kernel's header defines from capture v2 on; a reader built
 * against an older header (a SYSROOT's) must still know them.
 */
#ifndef ERROR_REPORT_F_INCOMPLETE
#define ERROR_REPORT_F_INCOMPLETE 0x10
#endif
#ifndef ERROR_REPORT_F_OPEN
#define ERROR_REPORT_F_OPEN 0x20
#endif
#ifndef ERROR_REPORT_VERSION_LINES
#define ERROR_REPORT_VERSION_LINES 2
#endif

enum record_type {
	RECORD_ERROR_REPORT,
	RECORD_DMESG,
	RECORD_CONSOLE,
	RECORD_PMSG,
	RECORD_OTHER,
};

/* Why a record cannot be trusted; RECORD_OK when it can. */
enum record_status {
	RECORD_OK,
	RECORD_SHORT,		/* smaller than its header */
	RECORD_BAD_MAGIC,
	RECORD_BAD_VERSION,	/* a format version this reader does not know */
	RECORD_BAD_HEADER_CRC,
	RECORD_TORN,		/* body shorter than the header says, or its CRC differs */
	RECORD_BAD_COMPRESSION,	/* a dmesg .enc.z file that does not inflate */
	RECORD_COMPRESSED,	/* an error_report .enc.z the kernel could not decompress (zstd) */
};

/* The error_report header in host byte order. */
struct er_header {
	uint16_t version;
	uint16_t header_size;
	uint32_t flags;
	uint32_t detector;
	uint32_t cpu;
	uint32_t pid;
	uint32_t caller_id;
	uint64_t id;
	uint64_t seq;
	uint64_t mono_ns;
	uint64_t boottime_ns;
	uint64_t realtime_ns;
	uint32_t body_len;
	uint32_t body_crc32;
	uint32_t dropped;
	uint32_t header_crc32;
	uint8_t boot_id[16];
	char release[65];
	char comm[17];
	/* 0 in headers written before the fields (header_size 184). */
	uint64_t repeats;
	uint64_t last_repeat_boottime_ns;
	uint64_t last_repeat_realtime_ns;
};

struct record {
	char name[256];			/* file name in the pstore folder */
	enum record_type type;
	unsigned char *data;		/* file content, ECC notice removed */
	size_t size;
	char ecc[128];			/* ramoops' "ECC: ..." notice, or "" */
	enum record_status status;
	struct er_header hdr;		/* error_report only */
	const char *text;		/* the report text (in @data or @formatted) */
	size_t text_len;
	int has_dmesg_header;		/* dmesg only: */
	struct dmesg_header dmesg;	/* "Panic#1 Part1" */
	int parts;			/* parts merged into this one (1: none) */
	size_t merged;			/* a part merged into record merged - 1 */
	char *formatted;		/* version 2's text formatted (malloc'ed) */
};

enum record_type record_type_of(const char *name);
/* Why, in words, for messages. */
const char *record_status_str(enum record_status status);
/* The same as one token ("ok", "torn", ...): the JSON "integrity" enum. */
const char *record_status_token(enum record_status status);
/* An error_report record whose header could be read (its text may be torn). */
int record_has_header(const struct record *rec);
/*
 * An error_report record flagged open and not incomplete: as the backend
 * holds a record the kernel was writing when the machine stopped.
 */
int record_open_raw(const struct record *rec);
/*
 * The detector's name as the error_report tracepoints print it ("kasan",
 * "soft_lockup", ...), or "unknown" for a value this reader does not know.
 */
const char *detector_name(uint32_t detector);

/*
 * Parse @size bytes of @data named @name into @rec, which takes ownership of
 * @data (malloc'ed). Never fails: problems are in @rec->status.
 */
void record_parse(struct record *rec, const char *name, unsigned char *data,
		  size_t size);
void record_free(struct record *rec);

/*
 * Backends that split a dump store "Oops#1 Part1" (the newest end of the
 * log), "Oops#1 Part2" (the part before it), ... as records of their own.
 * Join each dump's parts into its Part1 record, oldest text first; the other
 * parts are marked merged.
 */
void records_join_parts(struct record *recs, size_t n);

/*
 * The same report in two records: its sequence number and boot id, and
 * its text, are the same. The kernel leaves such a pair when it resets
 * while it replaces a record with a compressed copy, or with a copy whose
 * count of repeats grew. Mark all copies but one merged into it: one
 * report, every file freed with it. The one kept is the copy with the
 * highest count of repeats, the first by name among equals.
 */
void records_merge_copies(struct record *recs, size_t n);

/* The boot id as a UUID string: 36 characters and a NUL. */
void boot_id_str(const uint8_t id[16], char out[37]);

#endif
