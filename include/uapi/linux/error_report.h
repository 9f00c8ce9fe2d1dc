/* SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note */
/*
 * Format of a captured error report (KASAN, KFENCE, WARN, ...), as stored by
 * lib/error_report_notify.c, e.g. in pstore "error_report" records
 * (/sys/fs/pstore/error_report-<backend>-<id>).
 *
 * A record is a fixed little-endian header followed by the report text. The
 * text is the printk records the reporting context stored between the
 * report's start and end, and only those, each formatted as syslog(2) and
 * "dmesg -r" print them: "<level>[seconds.micros] text\n".
 *
 * Versioning: @version changes only when a field changes meaning. New fields
 * are appended; @header_size tells where the text starts, so a reader skips
 * fields it does not know. See Documentation/admin-guide/error-report.rst.
 *
 * Version 2 is the same header over the printk records as printk keeps them,
 * unformatted: each a struct error_report_line and its text. The capture
 * writes version 2, which costs the report no formatting; pstorefs formats
 * it when it reads the record and shows version 1. A store read without
 * the kernel (U-Boot's "pstore save", a RAM dump) holds either version.
 */
#ifndef _UAPI_LINUX_ERROR_REPORT_H
#define _UAPI_LINUX_ERROR_REPORT_H

#include <linux/types.h>

#define ERROR_REPORT_MAGIC		"KERRREPT"	/* 8 bytes, no NUL */
#define ERROR_REPORT_VERSION		1	/* the text formatted */
#define ERROR_REPORT_VERSION_LINES	2	/* printk records, raw */

/* Detector values; they match enum error_detector of the tracepoints. */
#define ERROR_REPORT_DETECTOR_KFENCE	0
#define ERROR_REPORT_DETECTOR_KASAN	1
#define ERROR_REPORT_DETECTOR_WARN	2
#define ERROR_REPORT_DETECTOR_UBSAN	3
#define ERROR_REPORT_DETECTOR_SOFT_LOCKUP	4
#define ERROR_REPORT_DETECTOR_HARD_LOCKUP	5
#define ERROR_REPORT_DETECTOR_HUNG_TASK	6
#define ERROR_REPORT_DETECTOR_RCU_STALL	7
#define ERROR_REPORT_DETECTOR_OOPS	8
#define ERROR_REPORT_DETECTOR_LOCKDEP	9
#define ERROR_REPORT_DETECTOR_KCSAN	10
#define ERROR_REPORT_DETECTOR_KMSAN	11

/* The text was cut to fit; its last line says how much was not stored. */
#define ERROR_REPORT_F_TRUNCATED	0x1
/* Some of the report's printk records were overwritten before capture. */
#define ERROR_REPORT_F_LOST_LINES	0x2
/* Another report nested in this one; its lines were left out of this one. */
#define ERROR_REPORT_F_NESTED		0x4
/* Not set since lines are copied as they are stored; kept for old records. */
#define ERROR_REPORT_F_NESTED_MIXED	0x8
/*
 * The report's end never came (its reporter died inside it): the text is
 * what it printed until the record was stored without it.
 */
#define ERROR_REPORT_F_INCOMPLETE	0x10
/*
 * The record was being written as the report printed when the machine
 * stopped (a hang ended by a reset, a crash that stored nothing more): its
 * header was never completed. In the backend, @body_len and @body_crc32
 * are 0 and the text runs to the record's end, its last line maybe cut;
 * pstorefs shows it with those two filled in and ERROR_REPORT_F_INCOMPLETE
 * set.
 */
#define ERROR_REPORT_F_OPEN		0x20

/**
 * struct error_report_header - the header of one captured report
 * @magic:		%ERROR_REPORT_MAGIC
 * @version:		%ERROR_REPORT_VERSION
 * @header_size:	bytes from the start of the header to the text
 * @flags:		ERROR_REPORT_F_*
 * @detector:		ERROR_REPORT_DETECTOR_*
 * @cpu:		CPU that reported
 * @pid:		task that reported, 0 when not in task context
 * @caller_id:		printk caller id of the reporter: the pid in task
 *			context, 0x80000000 + CPU otherwise
 * @id:			the error_report_end tracepoint's id argument, or the
 *			error_report_start one's when the end has none (the bad
 *			address for KASAN and KFENCE, the WARN's caller, the
 *			UBSAN site, the locked-up CPU, the hung task's pid)
 * @seq:		number of the report within this boot, from 1, in the
 *			order reports start; a gap means reports that were
 *			not stored
 * @mono_ns:		CLOCK_MONOTONIC at the start of the report
 * @boottime_ns:	CLOCK_BOOTTIME at the start of the report
 * @realtime_ns:	CLOCK_REALTIME at the start of the report
 * @body_len:		bytes of text following the header
 * @body_crc32:		CRC-32 (as zlib's crc32()) of the text
 * @dropped:		reports of this boot not stored before this one
 * @header_crc32:	CRC-32 of the @header_size bytes of the header, with this
 *			field set to zero
 * @boot_id:		boot id of the boot that wrote the report, as
 *			/proc/sys/kernel/random/boot_id shows it (journald's
 *			_BOOT_ID)
 * @release:		kernel release (uname -r), NUL padded
 * @comm:		reporting task's name, empty when not in task context
 * @repeats:		reports of the same site (@detector and @id) in this
 *			boot that were not stored on their own but counted in
 *			this record (the store was told to fold repeats); a
 *			header of 184 bytes predates the field: none
 * @last_repeat_boottime_ns: CLOCK_BOOTTIME at the start of the last of them
 * @last_repeat_realtime_ns: CLOCK_REALTIME at the start of the last of them
 */
struct error_report_header {
	__u8	magic[8];
	__le16	version;
	__le16	header_size;
	__le32	flags;
	__le32	detector;
	__le32	cpu;
	__le32	pid;
	__le32	caller_id;
	__le64	id;
	__le64	seq;
	__le64	mono_ns;
	__le64	boottime_ns;
	__le64	realtime_ns;
	__le32	body_len;
	__le32	body_crc32;
	__le32	dropped;
	__le32	header_crc32;
	__u8	boot_id[16];
	char	release[64];
	char	comm[16];
	__le64	repeats;
	__le64	last_repeat_boottime_ns;
	__le64	last_repeat_realtime_ns;
};

/* The line's prefix has the time: printk.time was on when it was stored. */
#define ERROR_REPORT_LINE_TIME		0x1
/* The line's prefix has the caller: the kernel had CONFIG_PRINTK_CALLER. */
#define ERROR_REPORT_LINE_CALLER	0x2
/* A continuation fragment: its text ends the previous line, no prefix. */
#define ERROR_REPORT_LINE_CONT		0x4
/* The capture's own line (the truncation note): its text, no prefix. */
#define ERROR_REPORT_LINE_BARE		0x8

/**
 * struct error_report_line - a printk record in a version 2 text
 * @ts_nsec:	its timestamp, as printk stores it
 * @caller_id:	printk caller id: the pid in task context, 0x80000000 + CPU
 *		otherwise
 * @prio:	syslog priority: facility << 3 | level
 * @flags:	ERROR_REPORT_LINE_*
 * @len:	bytes of text that follow, without a final newline; a newline
 *		inside starts another line of the same prefix
 *
 * Formatted as "<@prio>[seconds.micros][caller] text\n" (time and caller
 * as @flags say, a space before the text when either is there). Entries
 * follow each other unaligned. In a record a reset left open, the last
 * entry may hold fewer than @len bytes, and one of all zero bytes ends the
 * text.
 */
struct error_report_line {
	__le64	ts_nsec;
	__le32	caller_id;
	__le16	prio;
	__le16	flags;
	__le16	len;
} __attribute__((packed));

#endif /* _UAPI_LINUX_ERROR_REPORT_H */
