/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The table that titles kernel reports: one row per report format, as
 * syzkaller's Linux report parser knows them (pkg/report/linux.go), so
 * that a report read from pstore gets the title syzbot would give it.
 *
 * Regular expressions are PCRE2 and may use four shorthands, expanded when
 * they are compiled:
 *   %PC%    a bracketed address, "[<ffffffff81234567>]"
 *   %FUNC%  a function name, captured, followed by "." or "+"
 *   %SRC%   a source position, captured, "mm/slub.c:123"
 *   %ADDR%  "0x" and hex digits
 */
#ifndef PSTORE_READER_TITLE_RULES_H
#define PSTORE_READER_TITLE_RULES_H

#include <stddef.h>

/* A stack part that is this string means: read a stack trace from here. */
#define TRACE "\001trace"

enum frame_pick {
	PICK_FIRST,	/* the first frame that is not skipped */
	PICK_STALL,	/* stalls and lockups: the frame above a dispatch point */
	PICK_HUNG,	/* hung tasks: rtnl_lock/synchronize_rcu, else past waits */
};

#define RULE_NO_STACK	1u	/* the format has no stack trace to check */
#define RULE_CORRUPTED	2u	/* a title from this row means a cut report */

#define RULE_PARTS 4

/*
 * One report format. @title finds where it starts; @report, when set, must
 * also match and gives the arguments instead of @title. @fmt is the title
 * template: "%1".."%9" are the capture groups, then the guilty frames the
 * stack parts give (one per TRACE after the first, plus one at the end).
 * @stack is matched line by line from the start of the report: a regex
 * part moves to the first line it matches (its capture, if any, is a
 * frame); TRACE reads frames until a line starts another stack. @stack2 is
 * tried when @stack finds no frame. @skip adds to the frames never blamed.
 */
struct title_rule {
	const char *title;
	const char *report;
	const char *fmt;
	const char *stack[RULE_PARTS];
	const char *stack2[RULE_PARTS];
	const char *skip;
	enum frame_pick pick;
	unsigned int flags;
};

/*
 * A kind of report: a line holding @header starts one, unless it matches
 * @ignore. Its rules are tried in order on the report; the earliest match
 * wins, the first row on a tie.
 */
struct title_kind {
	const char *header;
	const char *ignore;
	const struct title_rule *rules;
	size_t nrules;
};

extern const struct title_kind title_kinds[];
extern const size_t title_nkinds;

/* Shared by every rule. */
extern const char *const title_skip_frames;	/* functions never guilty */
extern const char *const title_frame_res[];	/* a frame line, NULL-terminated */
extern const char *const title_stack_start;	/* a line that starts a stack */
extern const char *const title_corrupted_line;	/* fault injection frames */
extern const char *const title_strip_prefixes[];	/* syscall prefixes */
extern const char *const title_stall_anchors;	/* dispatch points */
extern const char *const title_line_ignores;	/* never a report */
extern const char *const title_report_start_ignores;	/* not a second report */
extern const char *const title_info_with_stack[];	/* NULL-terminated */

#endif
