// SPDX-License-Identifier: GPL-2.0-only
/*
 * Titles and signatures of kernel reports, the way syzkaller titles them.
 *
 * The rows are in title_rules.c; this file applies them as syzkaller's
 * Linux parser does:
 *
 *  1. The first line that holds a kind's header (and is not one of its
 *     ignored lines) starts the report. A panic record is therefore titled
 *     by the oops or report that led to the panic, not by the panic line.
 *  2. The report is that line and the lines after it from the same caller
 *     ("[  T12]"/"[  C3]" with CONFIG_PRINTK_CALLER), without the log
 *     prefixes, without "? f+0x1/0x2" frames (unreliable), and without the
 *     panic that a long enough report ends in (panic_on_warn, oops=panic).
 *  3. Each row of the kind is tried on the report; the row that matches
 *     earliest wins, the first row on a tie. Its stack parts pick the guilty
 *     frame: the first frame that no skip pattern matches, or, for stalls
 *     and hangs, a frame chosen from the whole trace. No frame: "corrupted".
 *  4. Addresses, offsets, line and CPU numbers are taken out of the title.
 *
 * The signature hashes the title, so one bug has one signature whatever
 * the addresses, offsets, compiler clones (.isra/.constprop) or callers;
 * a report whose title is marked corrupted also hashes its top frames.
 *
 * Patterns are compiled on first use, and only when their literal
 * pre-filter lets them run; kept for the process's lifetime, freed at exit.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <libiberty/demangle.h>
#include <pcre2.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "title.h"
#include "title_rules.h"

#define MAX_FRAMES 512		/* frames kept per stack part */
#define MAX_ARGS 16
#define MAX_NAME 128
#define SIGNATURE_FRAMES 4

/* ---- patterns ---------------------------------------------------------- */

struct re_slot {
	const char *src;	/* the table's string: its address is the key */
	pcre2_code *code;	/* NULL: does not compile (title_rules_check) */
	int compiled;		/* compilation tried */
	int lit_done;
	char lit[48];		/* a string every match contains, or "" */
};

#define RE_SLOTS 1024
static struct re_slot re_cache[RE_SLOTS];
static pcre2_match_data *match_data;
static pcre2_match_context *match_ctx;
static int cleanup_registered;

static void needle_memo_clear(void);
static void skip_split_free(void);

static void re_free_all(void)
{
	needle_memo_clear();
	skip_split_free();
	for (size_t i = 0; i < RE_SLOTS; i++) {
		pcre2_code_free(re_cache[i].code);
		re_cache[i] = (struct re_slot){ 0 };
	}
	pcre2_match_data_free(match_data);
	pcre2_match_context_free(match_ctx);
	match_data = NULL;
	match_ctx = NULL;
}

/* Expand %PC%, %FUNC%, %SRC% and %ADDR% (see title_rules.h). */
static char *re_expand(const char *src)
{
	static const struct {
		const char *name, *re;
	} subst[] = {
		{ "%PC%", "\\[<?(?:0x)?[0-9a-f]+>?\\]" },
		{ "%FUNC%", "([a-zA-Z0-9_]+)(?:\\.|\\+)" },
		{ "%SRC%", "([a-zA-Z0-9_./-]+\\.[a-z]+:[0-9]+)" },
		{ "%ADDR%", "0x[0-9a-f]+" },
	};
	size_t cap = strlen(src) * 8 + 1, n = 0;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	for (const char *p = src; *p;) {
		size_t k;

		/* The skip list alone is 5000 characters: only '%' can start a shorthand. */
		if (*p != '%') {
			out[n++] = *p++;
			continue;
		}
		for (k = 0; k < sizeof(subst) / sizeof(subst[0]); k++) {
			size_t l = strlen(subst[k].name);

			if (!strncmp(p, subst[k].name, l)) {
				size_t r = strlen(subst[k].re);

				memcpy(out + n, subst[k].re, r);
				n += r;
				p += l;
				break;
			}
		}
		if (k == sizeof(subst) / sizeof(subst[0]))
			out[n++] = *p++;
	}
	out[n] = '\0';
	return out;
}

/*
 * The longest run of plain characters the pattern requires outside any
 * group, class or alternation: where it is absent, the pattern cannot
 * match, and need not even be compiled. "" when there is none worth it.
 */
static void re_literal(const char *re, char *lit, size_t size)
{
	char run[48];
	size_t n = 0, best = 0;
	int depth = 0;

	lit[0] = '\0';
	if (strstr(re, "(?i"))
		return;
	for (const char *p = re; *p; p++) {
		char c = *p;
		int plain = 0;

		if (c == '\\' && p[1]) {
			p++;
			if (strchr(".()[]{}*+?|^$\\/-:_ ", *p)) {
				c = *p;
				plain = depth == 0;
			}
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			depth--;
		} else if (c == '[') {
			while (p[1] && p[1] != ']')
				p += p[1] == '\\' && p[2] ? 2 : 1;
			if (p[1])
				p++;
		} else if (c == '{') {
			while (p[1] && p[1] != '}')
				p++;
			if (p[1])
				p++;
		} else if (c == '|' && depth == 0) {
			lit[0] = '\0';
			return;
		} else if (!strchr(".^$*+?{}|", c)) {
			plain = depth == 0;
		}
		/* A quantified character is not required. */
		if (plain && p[1] && strchr("?*{+", p[1]))
			plain = 0;
		if (plain && n + 1 < sizeof(run)) {
			run[n++] = c;
			continue;
		}
		if (n > best && n + 1 <= size) {
			memcpy(lit, run, n);
			lit[n] = '\0';
			best = n;
		}
		n = 0;
	}
	if (n > best && n + 1 <= size) {
		memcpy(lit, run, n);
		lit[n] = '\0';
		best = n;
	}
	if (best < 3)
		lit[0] = '\0';
}

static struct re_slot *re_slot(const char *src)
{
	size_t h = ((uintptr_t)src >> 3) % RE_SLOTS;

	while (re_cache[h].src && re_cache[h].src != src)
		h = (h + 1) % RE_SLOTS;
	return &re_cache[h];
}

static pcre2_code *re_get(const char *src)
{
	size_t h = ((uintptr_t)src >> 3) % RE_SLOTS;

	if (!src)
		return NULL;
	while (re_cache[h].src && re_cache[h].src != src)
		h = (h + 1) % RE_SLOTS;
	/*
	 * Never JIT-compiled: a collect runs each pattern a few hundred times
	 * at most, on short lines or behind a literal pre-filter. Measured with
	 * callgrind on a collect of 64 records, JIT code plus its compilation
	 * saved 1% of the instructions (36.5 M against 36.9 M), for executable
	 * mappings made in every process.
	 */
	if (re_cache[h].src && re_cache[h].compiled)
		return re_cache[h].code;
	if (!cleanup_registered) {
		cleanup_registered = 1;
		atexit(re_free_all);
	}
	re_cache[h].src = src;
	re_cache[h].compiled = 1;

	char *expanded = re_expand(src);
	int err;
	PCRE2_SIZE off;

	if (!expanded)
		return NULL;
	re_cache[h].code = pcre2_compile((PCRE2_SPTR)expanded, PCRE2_ZERO_TERMINATED, 0, &err,
					 &off, NULL);
	free(expanded);
	return re_cache[h].code;
}

/* Capture groups of a match, as offsets into the subject; -1 when unset. */
struct caps {
	int n;			/* groups, 0 the whole match */
	long so[MAX_ARGS], eo[MAX_ARGS];
};

/* Search @re in [s, s + len) from @from; 1 and @c on a match. */
static const char *mem_find(const char *s, size_t len, const char *needle);

static int re_search_from(const char *re, const char *s, size_t len, size_t from,
			  struct caps *c)
{
	struct re_slot *slot = re ? re_slot(re) : NULL;
	pcre2_code *code;
	int rc;

	if (!slot)
		return 0;
	if (!slot->lit_done) {
		char *expanded = re_expand(re);

		if (expanded)
			re_literal(expanded, slot->lit, sizeof(slot->lit));
		free(expanded);
		slot->lit_done = 1;
		slot->src = re;
	}
	if (slot->lit[0] && (from > len || !mem_find(s + from, len - from, slot->lit)))
		return 0;
	code = re_get(re);
	if (!code)
		return 0;
	if (!match_data) {
		match_data = pcre2_match_data_create(MAX_ARGS, NULL);
		match_ctx = pcre2_match_context_create(NULL);
		if (!match_data || !match_ctx)
			return 0;
		/* Hostile input must not make a pattern run for minutes. */
		pcre2_set_match_limit(match_ctx, 2000000);
		pcre2_set_depth_limit(match_ctx, 100000);
	}
	rc = pcre2_match(code, (PCRE2_SPTR)s, len, from, 0, match_data, match_ctx);
	if (rc <= 0)
		return 0;
	if (c) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(match_data);
		uint32_t groups;

		pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
		c->n = (int)groups + 1 > MAX_ARGS ? MAX_ARGS : (int)groups + 1;
		for (int i = 0; i < c->n; i++) {
			int set = i < rc && ov[2 * i] != PCRE2_UNSET;

			c->so[i] = set ? (long)ov[2 * i] : -1;
			c->eo[i] = set ? (long)ov[2 * i + 1] : -1;
		}
	}
	return 1;
}

static int re_search(const char *re, const char *s, size_t len, struct caps *c)
{
	return re_search_from(re, s, len, 0, c);
}

static int re_any(const char *const *res, const char *s, size_t len)
{
	for (; *res; res++)
		if (re_search(*res, s, len, NULL))
			return 1;
	return 0;
}

/*
 * How common a byte is in kernel log text, roughly: mem_find() looks for
 * the needle's rarest byte with memchr(), so that " login: " is not tried
 * at every space of every line.
 */
static unsigned char commonness[256];

static void commonness_init(void)
{
	static const char by_rank[] = " etaoinsrlcdhu_mpf0123456789x.[]:bgwykv/+-";

	for (int c = 0; c < 256; c++)
		commonness[c] = c >= 'A' && c <= 'Z' ? 100 : 50;
	for (size_t i = 0; by_rank[i]; i++)
		commonness[(unsigned char)by_rank[i]] = (unsigned char)(255 - i);
}

/*
 * A needle's length and the index of its rarest byte, remembered by the
 * needle's address: the needles are the table's and this file's constant
 * strings, and the literals of re_cache (written once, before their first
 * search, and cleared with this memo), searched for on every line. A
 * needle in a buffer that changes must not be passed to mem_find().
 */
#define NEEDLE_MEMO 256
static struct {
	const char *needle;
	unsigned short len, rare;
} needle_memo[NEEDLE_MEMO];

static void needle_memo_clear(void)
{
	memset(needle_memo, 0, sizeof(needle_memo));
}

static void needle_info(const char *needle, size_t *n, size_t *rare)
{
	size_t h = ((uintptr_t)needle >> 2) % NEEDLE_MEMO, r = 0;
	unsigned char best = 255;

	if (needle_memo[h].needle == needle) {
		*n = needle_memo[h].len;
		*rare = needle_memo[h].rare;
		return;
	}
	if (!commonness[0])
		commonness_init();
	*n = strlen(needle);
	for (size_t i = 0; i < *n && best > 100; i++) {
		unsigned char c = commonness[(unsigned char)needle[i]];

		if (c < best) {
			best = c;
			r = i;
		}
	}
	*rare = r;
	if (*n <= 0xffff) {
		needle_memo[h].needle = needle;
		needle_memo[h].len = (unsigned short)*n;
		needle_memo[h].rare = (unsigned short)r;
	}
}

/* memmem for the short lines of a log: glibc's costs more to set up. */
static const char *mem_find(const char *s, size_t len, const char *needle)
{
	size_t n, r;
	const char *end = s + len, *p;

	needle_info(needle, &n, &r);
	if (!n)
		return s;
	if (n > len)
		return NULL;
	/* The rarest byte sits at needle[r]: a match starts r bytes before it. */
	for (p = s + r; p < end - (n - 1 - r) &&
	     (p = memchr(p, needle[r], (size_t)(end - (n - 1 - r) - p))); p++) {
		if (!memcmp(p - r, needle, n))
			return p - r;
	}
	return NULL;
}

/* ---- lines and log prefixes -------------------------------------------- */

const char *log_line_msg(const char *line, const char *end)
{
	const char *p = line;

	if (p < end && *p == '<') {
		const char *q = memchr(p, '>', (size_t)(end - p));

		if (q)
			p = q + 1;
	}
	/* "[    1.234567]" then, with CONFIG_PRINTK_CALLER, "[    T12]". */
	for (int i = 0; i < 2 && p < end && *p == '['; i++) {
		const char *q = memchr(p, ']', (size_t)(end - p));

		if (!q)
			break;
		p = q + 1;
	}
	if (p < end && *p == ' ' && p != line)
		p++;
	return p;
}

/* The console prefix of a line: "<3>[    1.000000][    T1] ". */
static const char console_prefix_re[] =
	"^(?:\\*\\* [0-9]+ printk messages dropped \\*\\* )?(?:.* login: )?(?:<[0-9]+>)?"
	"\\[ *[0-9]+\\.[0-9]+\\](\\[ *(?:C|T)[0-9]+\\])? ";

/* The same anywhere in the line, the space after it optional (syzkaller's own). */
static const char console_prefix_any_re[] =
	"(?:<[0-9]+>)?\\[ *[0-9]+\\.[0-9]+\\](\\[ *(?:C|T)[0-9]+\\])? ?";

static const char *skip_digits(const char *p, const char *end)
{
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	return p;
}

/*
 * The same for the lines without "printk messages dropped" nor " login: ",
 * that is every line of a record: the regex
 * "^(?:<[0-9]+>)?\\[ *[0-9]+\\.[0-9]+\\](\\[ *(?:C|T)[0-9]+\\])? ", read by
 * hand because it ran once per line and was a tenth of a collect's
 * instructions. Each part is greedy and what follows it cannot start with
 * what it takes, so no backtracking can find another match. Returns the
 * end of the prefix or NULL; *caller, *caller_n: "[    T12]" or NULL.
 */
static const char *console_prefix_plain(const char *line, size_t len, const char **caller,
					size_t *caller_n)
{
	const char *p = line, *end = line + len, *q;

	*caller = NULL;
	*caller_n = 0;
	if (p < end && *p == '<') {
		q = skip_digits(p + 1, end);
		/* "<" without digits and ">": the group is left out, '[' must be here. */
		if (q > p + 1 && q < end && *q == '>')
			p = q + 1;
	}
	if (p == end || *p++ != '[')
		return NULL;
	while (p < end && *p == ' ')
		p++;
	q = skip_digits(p, end);
	if (q == p || q == end || *q != '.')
		return NULL;
	p = skip_digits(q + 1, end);
	if (p == q + 1 || p == end || *p != ']')
		return NULL;
	p++;
	if (p < end && *p == '[') {
		const char *c = p + 1;

		while (c < end && *c == ' ')
			c++;
		if (c < end && (*c == 'C' || *c == 'T')) {
			q = skip_digits(c + 1, end);
			if (q > c + 1 && q < end && *q == ']') {
				*caller = p;
				*caller_n = (size_t)(q + 1 - p);
				p = q + 1;
			}
		}
	}
	if (p == end || *p != ' ') {
		*caller = NULL;
		return NULL;
	}
	return p + 1;
}

enum ctx_kind { CTX_NONE, CTX_CONSOLE, CTX_CALLER };

struct ctx {
	enum ctx_kind kind;
	const char *p;		/* CTX_CALLER: "[    T1]" */
	size_t n;
};

static struct ctx line_context(const char *line, size_t len)
{
	struct ctx c = { CTX_NONE, NULL, 0 };
	struct caps m;

	if (!memchr(line, '[', len))
		return c;
	if (mem_find(line, len, " login: ") || mem_find(line, len, "printk messages dropped")) {
		if (!re_search(console_prefix_re, line, len, &m))
			return c;
	} else {
		const char *caller;
		size_t caller_n;

		if (console_prefix_plain(line, len, &caller, &caller_n)) {
			c.kind = caller ? CTX_CALLER : CTX_CONSOLE;
			c.p = caller;
			c.n = caller_n;
			return c;
		}
		/*
		 * Text before the prefix (another writer on the console):
		 * syzkaller's prefix pattern is not anchored, and takes the
		 * first one in the line.
		 */
		if (!re_search(console_prefix_any_re, line, len, &m))
			return c;
	}
	if (m.n < 2 || m.so[1] < 0) {
		c.kind = CTX_CONSOLE;
		return c;
	}
	c.kind = CTX_CALLER;
	c.p = line + m.so[1];
	c.n = (size_t)(m.eo[1] - m.so[1]);
	return c;
}

static int ctx_equal(const struct ctx *a, const struct ctx *b)
{
	return a->kind == b->kind &&
	       (a->kind != CTX_CALLER || (a->n == b->n && !memcmp(a->p, b->p, a->n)));
}

/* A CPU context ("[    C3]"): kept during an all-CPU backtrace. */
static int ctx_is_cpu(const struct ctx *c)
{
	return c->kind == CTX_CALLER && memchr(c->p, 'C', c->n);
}

/*
 * The line without its prefix; *questionable when it is a "? f+0x1/0x2"
 * frame (unreliable): those are left out of the report.
 */
static const char *strip_prefix(const char *line, size_t len, const struct ctx *c,
				size_t *out_len, int *questionable)
{
	const char *p, *end = line + len;

	*questionable = 0;
	*out_len = len;
	if (c->kind == CTX_NONE)
		return line;
	p = mem_find(line, len, "] ");
	p = p ? p + 2 : line + 1;
	if (p > end)
		p = end;
	len = (size_t)(end - p);
	if (!mem_find(p, len, "<EOI>")) {
		const char *q = mem_find(p, len, " ? ");

		if (q) {
			*questionable = 1;
			*out_len = (size_t)(end - (q + 2));
			return q + 2;
		}
		if (len >= 13 && !memcmp(end - 13, " (unreliable)", 13)) {
			*questionable = 1;
			*out_len = len - 13;
			return p;
		}
	}
	*out_len = len;
	return p;
}

/* ---- report kinds -------------------------------------------------------- */

/*
 * Where the next line holding some kind's header may start: the offset of
 * the first header at or after @from, or @len + 1 when none is in the text.
 * Headers are literal strings, so a bit per hash of their first four bytes
 * finds them in one pass over the text, at a few instructions a byte: a
 * third of what one JIT-compiled PCRE2 alternation of every header cost,
 * and without its compilation. Two-byte prefixes are not enough: "in",
 * "pa", "st" or "ke" start headers and half the words of a log.
 */
#define HEADER_MIN 4
#define HEADER_KINDS 64		/* title_rules_check() refuses more kinds */
static unsigned char header_bits[65536 / 8];
static struct {
	uint32_t hash;
	size_t len;
} header_info[HEADER_KINDS];
static size_t header_kinds;
static int header_ready;

static uint32_t header_hash(const char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return (v * 2654435761u) >> 16;
}

static void header_init(void)
{
	header_kinds = title_nkinds < HEADER_KINDS ? title_nkinds : HEADER_KINDS;
	for (size_t k = 0; k < header_kinds; k++) {
		const char *h = title_kinds[k].header;

		header_info[k].len = strlen(h);
		if (header_info[k].len < HEADER_MIN)
			continue;	/* title_rules_check() refuses it */
		header_info[k].hash = header_hash(h);
		header_bits[header_info[k].hash >> 3] |=
			(unsigned char)(1u << (header_info[k].hash & 7));
	}
	header_ready = 1;
}

static size_t header_next(const char *text, size_t len, size_t from)
{
	if (!header_ready)
		header_init();
	for (size_t p = from; p + HEADER_MIN <= len; p++) {
		uint32_t h = header_hash(text + p);

		if (!(header_bits[h >> 3] & (1u << (h & 7))))
			continue;
		for (size_t k = 0; k < header_kinds; k++)
			if (header_info[k].hash == h && header_info[k].len <= len - p &&
			    header_info[k].len >= HEADER_MIN &&
			    !memcmp(text + p, title_kinds[k].header, header_info[k].len))
				return p;
	}
	return len + 1;
}

/* A line starts a report of this kind. */
static int line_is_kind(const char *line, size_t len, const struct title_kind *k)
{
	if (!mem_find(line, len, k->header))
		return 0;
	if (re_search(title_line_ignores, line, len, NULL))
		return 0;
	return !(k->ignore && re_search(k->ignore, line, len, NULL));
}

/*
 * The line after @line_end (its '\n') says printk replays the message:
 * the header was cut by a message from another context, and comes again
 * whole (syzkaller's isTruncatedByReplay).
 */
static int cut_by_replay(const char *line_end, const char *end)
{
	const char *nl;

	if (line_end >= end)
		return 0;
	line_end++;
	nl = memchr(line_end, '\n', (size_t)(end - line_end));
	return mem_find(line_end, (size_t)((nl ? nl : end) - line_end),
			"** replaying previous printk message **") != NULL;
}

/*
 * The first kind whose header the line at @line, @len bytes of the text
 * that ends at @end, holds, or NULL: also when the next line says the
 * header was cut and is replayed (the replay starts the report).
 */
static const struct title_kind *line_kind(const char *line, size_t len, const char *end)
{
	for (size_t k = 0; k < title_nkinds; k++)
		if (line_is_kind(line, len, &title_kinds[k]))
			return cut_by_replay(line + len, end) ? NULL : &title_kinds[k];
	return NULL;
}

/* ---- the report ---------------------------------------------------------- */

struct buf {
	char *p;
	size_t n, cap;
};

static int buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *p = realloc(b->p, cap);

		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
	return 0;
}

/*
 * The lines of the report that starts at @start, as syzkaller keeps them;
 * *@end is where a second report starts, when the log has no caller ids
 * to keep the two apart.
 */
static int build_report(const char *text, size_t len, size_t start, struct buf *out,
			size_t *report_end)
{
	const char *pos = text + start, *end = text + len;
	size_t oops_len = 0, next_hit = 0, text_lines = 0;
	struct ctx octx = { CTX_NONE, NULL, 0 };
	int second = 0, skip_text = 0, cpu_trace = 0, first = 1;
	int min_lines;

	*report_end = 0;
	{
		const char *nl = memchr(pos, '\n', (size_t)(end - pos));

		oops_len = (size_t)((nl ? nl : end) - pos);
		octx = line_context(pos, oops_len);
		min_lines = mem_find(pos, oops_len, "BUG: KMSAN:") ? 16 : 22;
	}
	for (; pos < end; first = 0) {
		const char *nl = memchr(pos, '\n', (size_t)(end - pos));
		size_t n = (size_t)((nl ? nl : end) - pos), slen;
		const char *line = pos;
		struct ctx c = line_context(line, n);
		int questionable, skip_line;
		const char *s = strip_prefix(line, n, &c, &slen, &questionable);

		pos = nl ? nl + 1 : end;
		if (!first && !second) {
			/* Does another report start here? */
			if ((size_t)(line - text) + n >= next_hit)
				next_hit = header_next(text, len, (size_t)(line - text));
			if (next_hit < (size_t)(line - text) + n && line_kind(line, n, end) &&
			    !re_search(title_report_start_ignores, line, n, NULL))
				second = 1;
			for (int i = 0; !second && title_info_with_stack[i]; i++)
				if (mem_find(line, n, title_info_with_stack[i]))
					second = 1;
		}
		if (!first && (questionable ||
			       (!ctx_equal(&c, &octx) && (!cpu_trace || !ctx_is_cpu(&c)))))
			continue;
		text_lines++;
		skip_line = skip_text;
		if (mem_find(line, n, "Disabling lock debugging due to kernel taint")) {
			skip_line = 1;
		} else if (mem_find(line, n, "Sending NMI from CPU")) {
			cpu_trace = 1;
		} else if ((mem_find(line, n, "Kernel panic - not syncing") ||
			    mem_find(line, n, "WARNING: possible circular locking dependency detected")) &&
			   text_lines > (size_t)min_lines) {
			skip_text = 1;
			skip_line = 1;
		}
		if (!first && skip_line)
			continue;
		if (buf_add(out, s, slen) || buf_add(out, "\n", 1))
			return -1;
		if (!second || octx.kind == CTX_CALLER)
			*report_end = out->n;
	}
	return 0;
}

/* ---- guilty frames ------------------------------------------------------- */

static uint64_t fnv1a_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* A line that starts a stack (title_stack_start), tested cheaply first. */
static int stack_start(const char *line, size_t n)
{
	if (!mem_find(line, n, "race") && !mem_find(line, n, "Allocated") &&
	    !mem_find(line, n, "Freed") && !mem_find(line, n, "Uninit was stored") &&
	    !mem_find(line, n, "badaddr: "))
		return 0;
	return re_search(title_stack_start, line, n, NULL);
}

struct frame {
	const char *p;
	size_t n;
};

struct frames {
	struct frame f[MAX_FRAMES];
	size_t n;
};

/*
 * Whether a function is on the shared skip list, remembered by name: the
 * list is one long pattern and the same frames (dump_stack_lvl,
 * kasan_report...) come back in every report.
 */
/*
 * The shared skip list split once: its plain branches (most of its 250)
 * are substring tests, the others one smaller alternation. A name matches
 * the list where some branch matches it, so the test is the same, and the
 * 5000-character pattern (a million instructions to compile, a third of
 * all compilation in a collect) is never compiled.
 */
static struct {
	char **lits;
	size_t nlits;
	char *re;		/* the branches that are not plain, or NULL */
	int ready;
} skip_split;

static void skip_split_free(void)
{
	for (size_t i = 0; i < skip_split.nlits; i++)
		free(skip_split.lits[i]);
	free(skip_split.lits);
	free(skip_split.re);
	memset(&skip_split, 0, sizeof(skip_split));
}

/* Split title_skip_frames at its top-level '|'; 0, or -1 out of memory. */
static int skip_split_init(void)
{
	const char *list = title_skip_frames, *b = list;
	size_t cap = 1, relen = 0;
	int depth = 0, in_class = 0;

	for (const char *p = list; *p; p++)
		cap += *p == '|';
	skip_split.lits = calloc(cap, sizeof(*skip_split.lits));
	skip_split.re = malloc(strlen(list) + 1);
	if (!skip_split.lits || !skip_split.re)
		return -1;
	skip_split.re[0] = '\0';
	for (const char *p = list;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (in_class) {
			in_class = *p != ']';
			if (*p)
				continue;
		}
		if (*p == '[')
			in_class = 1;
		else if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		if (*p && (*p != '|' || depth))
			continue;
		/* A branch [b, p). */
		size_t n = (size_t)(p - b);
		int plain = n > 0;

		for (size_t i = 0; i < n && plain; i++)
			plain = !strchr("\\^$.|?*+()[]{}", b[i]);
		if (plain) {
			char *lit = strndup(b, n);

			if (!lit)
				return -1;
			skip_split.lits[skip_split.nlits++] = lit;
		} else {
			if (relen)
				skip_split.re[relen++] = '|';
			memcpy(skip_split.re + relen, b, n);
			relen += n;
			skip_split.re[relen] = '\0';
		}
		if (!*p)
			break;
		b = p + 1;
	}
	if (!relen) {
		free(skip_split.re);
		skip_split.re = NULL;
	}
	skip_split.ready = 1;
	return 0;
}

static int skip_list_match(const char *name, size_t n)
{
	if (!skip_split.ready && skip_split_init()) {
		/* Out of memory: the list as one pattern still answers. */
		skip_split_free();
		return re_search(title_skip_frames, name, n, NULL);
	}
	for (size_t i = 0; i < skip_split.nlits; i++)
		if (mem_find(name, n, skip_split.lits[i]))
			return 1;
	return skip_split.re && re_search(skip_split.re, name, n, NULL);
}

#define SKIP_MEMO 1024
static struct {
	char name[56];
	signed char skipped;	/* 0: empty slot, 1: no, 2: yes */
} skip_memo[SKIP_MEMO];

static int skipped_shared(const char *name, size_t n)
{
	uint64_t h = fnv1a_bytes(name, n);
	size_t i = h % SKIP_MEMO;
	int skipped;

	if (n >= sizeof(skip_memo[0].name))
		return skip_list_match(name, n);
	for (size_t probe = 0; probe < 8; probe++, i = (i + 1) % SKIP_MEMO) {
		if (!skip_memo[i].skipped)
			break;
		if (!strncmp(skip_memo[i].name, name, n) && !skip_memo[i].name[n])
			return skip_memo[i].skipped == 2;
	}
	skipped = skip_list_match(name, n);
	if (!skip_memo[i].skipped) {
		memcpy(skip_memo[i].name, name, n);
		skip_memo[i].name[n] = '\0';
		skip_memo[i].skipped = skipped ? 2 : 1;
	}
	return skipped;
}

static int is_skipped(const struct title_rule *r, const char *name, size_t n)
{
	return skipped_shared(name, n) || (r->skip && re_search(r->skip, name, n, NULL));
}

/*
 * Demangled Rust and C++ frames of the report being titled: they outlive the
 * stack walk that made them, until the next report_identify()
 * (single-threaded).
 */
static char demangled_names[16384];
static size_t demangled_used;

/*
 * A frame as syzkaller names it: the kernel prints Rust functions mangled
 * ("_RNvMs3_NtCs..._11rust_binder7processNtB5_7Process10update_ref", or a
 * legacy "_ZN...17h<hash>E"), syzkaller demangles every frame before its
 * skip list and its titles ("<rust_binder::process::Process>::update_ref").
 * libiberty's Rust demangler, without the crate hashes. Its demangler
 * (Go's demangle.Filter with NoParams) takes C++ names too, so a "_Z"
 * frame that is no Rust one is a C++ name without its parameters
 * ("_Z8fakeNameiii" is "fakeName"): libiberty's C++ demangler without
 * DMGL_PARAMS. Any other frame, or one there is no room left for, as it is.
 */
static struct frame demangle_frame(struct frame f)
{
	char name[512], *d = NULL;
	size_t l;

	if (f.n >= sizeof(name) || f.n <= 2 || f.p[0] != '_' || (f.p[1] != 'R' && f.p[1] != 'Z'))
		return f;
	memcpy(name, f.p, f.n);
	name[f.n] = '\0';
	if (name[1] == 'R' || name[2] == 'N')
		d = rust_demangle(name, 0);
	if (!d && name[1] == 'Z')
		d = cplus_demangle(name, DMGL_GNU_V3);
	if (!d)
		return f;
	l = strlen(d);
	if (l && l <= sizeof(demangled_names) - demangled_used) {
		memcpy(demangled_names + demangled_used, d, l);
		f = (struct frame){ demangled_names + demangled_used, l };
		demangled_used += l;
	}
	free(d);
	return f;
}

/* The captures of a stack part's match are frames, unless skipped. */
static void add_captures(struct frames *fr, const struct title_rule *r, const char *s,
			 const struct caps *m)
{
	for (int i = 1; i < m->n; i++) {
		struct frame f;

		if (m->so[i] < 0)
			continue;
		/* Only the first frame kept counts: the rest need no skip test. */
		if (r->pick == PICK_FIRST && fr->n)
			return;
		f = demangle_frame((struct frame){ s + m->so[i], (size_t)(m->eo[i] - m->so[i]) });
		if (is_skipped(r, f.p, f.n))
			continue;
		if (fr->n < MAX_FRAMES)
			fr->f[fr->n++] = f;
	}
}

/* A frame without its syscall prefix: the shortest of the strippings. */
static struct frame strip_frame(struct frame f)
{
	struct frame best = f;

	for (int i = 0; title_strip_prefixes[i]; i++) {
		size_t l = strlen(title_strip_prefixes[i]);

		if (f.n >= l && !memcmp(f.p, title_strip_prefixes[i], l) && f.n - l < best.n)
			best = (struct frame){ f.p + l, f.n - l };
	}
	return best;
}

static int frame_has(struct frame f, const char *s)
{
	return mem_find(f.p, f.n, s) != NULL;
}

/* The frame a stall blames: the one above the first dispatch point. */
static int pick_stall(const struct frame *f, size_t n, struct frame *out)
{
	struct frame prev = f[0];

	for (size_t i = 0; i < n; i++) {
		if (re_search(title_stall_anchors, f[i].p, f[i].n, NULL)) {
			if (frame_has(f[i], "smp_call_function"))
				prev = (struct frame){ "smp_call_function", 17 };
			*out = prev;
			return 1;
		}
		prev = f[i];
	}
	return 0;
}

/* A hung task: rtnl_lock and the synchronize_rcu family are buckets. */
static int pick_hung(const struct frame *f, size_t n, struct frame *out)
{
	static const char *const anchors[][2] = {
		{ "rtnl_lock", NULL }, { "synchronize_rcu", "synchronize_rcu" },
		{ "synchronize_srcu", "synchronize_rcu" }, { "synchronize_net", "synchronize_rcu" },
		{ "synchronize_sched", "synchronize_rcu" },
	};
	static const char *const waits[] = {
		"sched", "_lock", "_slowlock", "down", "rwsem", "completion", "kthread",
		"wait", "synchronize", "context_switch", "__switch_to", "cancel_delayed_work",
		"rcu_barrier",
	};

	for (size_t i = 0; i < n; i++) {
		for (size_t a = 0; a < sizeof(anchors) / sizeof(anchors[0]); a++) {
			if (!frame_has(f[i], anchors[a][0]))
				continue;
			*out = anchors[a][1] ? (struct frame){ anchors[a][1], strlen(anchors[a][1]) }
					     : f[i];
			return 1;
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t w;

		for (w = 0; w < sizeof(waits) / sizeof(waits[0]); w++)
			if (frame_has(f[i], waits[w]))
				break;
		if (w == sizeof(waits) / sizeof(waits[0])) {
			*out = f[i];
			return 1;
		}
	}
	return 0;
}

static int pick_frame(const struct title_rule *r, struct frames *fr, struct frame *out)
{
	if (!fr->n)
		return 0;
	for (size_t i = 0; i < fr->n; i++)
		fr->f[i] = strip_frame(fr->f[i]);
	switch (r->pick) {
	case PICK_STALL:
		return pick_stall(fr->f, fr->n, out);
	case PICK_HUNG:
		return pick_hung(fr->f, fr->n, out);
	default:
		*out = fr->f[0];
		return 1;
	}
}

static int is_trace(const char *part)
{
	return part && part[0] == TRACE[0];
}

static int parts_count(const char *const *parts)
{
	int n = 0;

	while (n < RULE_PARTS && parts[n])
		n++;
	return n;
}

static int next_line(const char **pos, const char *end, const char **line, size_t *n)
{
	const char *nl;

	if (*pos > end)
		return 0;
	nl = memchr(*pos, '\n', (size_t)(end - *pos));
	*line = *pos;
	*n = (size_t)((nl ? nl : end) - *pos);
	*pos = nl ? nl + 1 : end + 1;
	return 1;
}

/*
 * Walk the stack parts over the report from @s; one guilty frame per
 * stack. Returns 0 when a stack gave no frame ("corrupted" is stored).
 */
static int stack_walk(const struct title_rule *r, const char *const *parts, const char *s,
		      size_t len, struct frame *out, int *nout)
{
	static struct frames fr;
	const char *pos = s, *end = s + len, *line;
	int nparts = parts_count(parts), traces = 0, ok = 1;
	size_t n;
	struct caps m;

	fr.n = 0;
	*nout = 0;
	for (int pi = 0;; pi++) {
		if (pi == nparts || (is_trace(parts[pi]) && traces > 0)) {
			struct frame f;

			if (!pick_frame(r, &fr, &f) || !f.n) {
				f = (struct frame){ "corrupted", 9 };
				ok = 0;
			}
			if (*nout < MAX_ARGS)
				out[(*nout)++] = f;
			fr.n = 0;
		}
		if (pi == nparts)
			break;
		if (is_trace(parts[pi])) {
			traces++;
			while (next_line(&pos, end, &line, &n)) {
				if (mem_find(line, n, "should_fail") &&
				    re_search(title_corrupted_line, line, n, NULL)) {
					ok = 0;
					goto next_part;
				}
				if (stack_start(line, n))
					goto next_part;
				if (pi != nparts - 1 && !is_trace(parts[pi + 1]) &&
				    re_search(parts[pi + 1], line, n, &m)) {
					add_captures(&fr, r, line, &m);
					pi++;
					goto next_part;
				}
				for (int i = 0; title_frame_res[i]; i++) {
					if (re_search(title_frame_res[i], line, n, &m)) {
						add_captures(&fr, r, line, &m);
						break;
					}
				}
			}
		} else {
			while (next_line(&pos, end, &line, &n)) {
				if (mem_find(line, n, "should_fail") &&
				    re_search(title_corrupted_line, line, n, NULL)) {
					ok = 0;
					goto next_part;
				}
				if (re_search(parts[pi], line, n, &m)) {
					add_captures(&fr, r, line, &m);
					break;
				}
			}
		}
next_part:;
	}
	return ok;
}

static int stack_frames(const struct title_rule *r, const char *s, size_t len,
			struct frame *out, int *nout)
{
	if (stack_walk(r, r->stack, s, len, out, nout))
		return 1;
	if (!r->stack2[0])
		return 0;
	return stack_walk(r, r->stack2, s, len, out, nout);
}

/* ---- the title ----------------------------------------------------------- */

struct arg {
	const char *p;
	size_t n;
};

/* Fill the template: "%1".."%9" are @args. */
static void format_title(const char *fmt, const struct arg *args, int nargs, char *out,
			 size_t size)
{
	size_t n = 0;

	for (const char *p = fmt; *p && n + 1 < size; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int i = p[1] - '1';

			p++;
			if (i >= nargs)
				continue;
			for (size_t k = 0; k < args[i].n && n + 1 < size; k++)
				out[n++] = args[i].p[k];
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
}

/*
 * Try the kind's rows on the report; the title before clean-up. Returns
 * the row that gave it (NULL: none did, the header line is the title).
 */
static const struct title_rule *describe(const char *rep, size_t len, const struct title_kind *k,
					 char *title, size_t size, int *corrupted)
{
	const struct title_rule *best = NULL;
	size_t start = len;
	int have = 0, matched = 0;

	*corrupted = 0;
	title[0] = '\0';
	for (size_t i = 0; i < k->nrules; i++) {
		const struct title_rule *r = &k->rules[i];
		struct caps m;
		struct arg args[2 * MAX_ARGS];
		struct frame frames[MAX_ARGS];
		int nargs = 0, nframes = 0;

		if (!re_search(r->title, rep, len, &m))
			continue;
		if ((size_t)m.so[0] > start || ((size_t)m.so[0] == start && have))
			continue;
		if ((size_t)m.so[0] < start) {
			have = 0;
			best = NULL;
			start = (size_t)m.so[0];
		}
		matched = 1;
		if (r->report && !re_search(r->report, rep, len, &m))
			continue;
		for (int g = 1; g < m.n; g++)
			args[nargs++] = m.so[g] < 0 ? (struct arg){ "", 0 }
					: (struct arg){ rep + m.so[g], (size_t)(m.eo[g] - m.so[g]) };
		*corrupted = 0;
		if (r->stack[0]) {
			if (!stack_frames(r, rep + m.so[0], len - (size_t)m.so[0], frames, &nframes))
				*corrupted = 1;
			for (int f = 0; f < nframes; f++)
				args[nargs++] = (struct arg){ frames[f].p, frames[f].n };
		}
		format_title(r->fmt, args, nargs, title, size);
		have = 1;
		best = r;
	}
	if (!have) {
		/* A header no row understands: its line is the title. */
		const char *p = mem_find(rep, len, k->header);

		*corrupted = matched;
		if (p) {
			const char *nl = memchr(p, '\n', (size_t)(rep + len - p));
			size_t n = (size_t)((nl ? nl : rep + len) - p);

			snprintf(title, size, "%.*s", (int)(n < size ? n : size - 1), p);
		}
	}
	if (best && (best->flags & RULE_CORRUPTED))
		*corrupted = 1;
	return best;
}

/* What never belongs in a title: numbers, addresses, offsets, pids. */
static const struct {
	const char *re, *with;
} title_cleanups[] = {
	{ "syz-executor\\.?[0-9]+((/|:)[0-9]+)?", "syz-executor" },
	{ "syzkaller[0-9]+((/|:)[0-9]+)?", "syzkaller" },
	{ "([^a-zA-Z0-9])(?:0x)?[0-9a-f]{6,}", "${1}ADDR" },
	{ "([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3})", "IP" },
	/* Eight groups, or fewer around "::" ("fc00::", "::1", "fe80::1:2"). */
	{ "(^|[^0-9A-Za-z_:])((?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"
	  "|(?:[0-9a-fA-F]{1,4}:){1,7}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6})?"
	  "|::[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6})(?![0-9A-Za-z_:])", "${1}IPV6ADDR" },
	{ "(\\.\\w+)(:[0-9]+)+", "${1}:LINE" },
	{ "([a-zA-Z][a-zA-Z0-9_.]+)\\+0x[0-9a-z]+/0x[0-9a-z]+", "${1}" },
	{ "CPU#[0-9]+", "CPU" },
	{ "(\\W)(\\d+)(\\W|$)", "${1}NUM${3}" },
	{ "(\\d+){7,}", "NUM" },
};

#define TITLE_MAX 1024

/* Apply each clean-up until it changes nothing, as syzkaller does. */
static void clean_title(char *t)
{
	for (size_t i = 0; i < sizeof(title_cleanups) / sizeof(title_cleanups[0]); i++) {
		pcre2_code *code = re_get(title_cleanups[i].re);

		for (int round = 0; code && round < 64; round++) {
			char out[TITLE_MAX];
			PCRE2_SIZE outlen = sizeof(out);
			int rc = pcre2_substitute(code, (PCRE2_SPTR)t, PCRE2_ZERO_TERMINATED, 0,
						  PCRE2_SUBSTITUTE_GLOBAL, NULL, match_ctx,
						  (PCRE2_SPTR)title_cleanups[i].with,
						  PCRE2_ZERO_TERMINATED, (PCRE2_UCHAR *)out, &outlen);

			if (rc <= 0 || !strcmp(out, t))
				break;
			snprintf(t, TITLE_MAX, "%s", out);
		}
	}
}

/* Printable ASCII, single spaces, at most 120 characters read. */
static void sanitize_title(const char *in, char *out, size_t size)
{
	size_t n = 0;
	char prev = ' ';

	for (size_t i = 0; in[i] && i < 120 && n + 1 < size; i++) {
		char ch = in[i];

		if (ch == '\t')
			ch = ' ';
		else if ((unsigned char)ch < 0x20 || (unsigned char)ch >= 0x7f)
			continue;
		if (ch == ' ' && prev == ' ')
			continue;
		out[n++] = ch;
		prev = ch;
	}
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

/* A title with a timestamp in it was mixed with another line. */
static int report_corrupted(const char *title, const struct title_rule *r, const char *rep,
			    size_t len)
{
	const char *pos = rep, *end = rep + len, *line;
	size_t n;
	int frames_from = -1;

	if (re_search("\\[ *[0-9]+\\.[0-9]+\\]", title, strlen(title), NULL))
		return 1;
	if (!r || (r->flags & RULE_NO_STACK))
		return 0;
	/* A stack must follow its header within 15 lines. */
	while (next_line(&pos, end, &line, &n)) {
		if (stack_start(line, n)) {
			frames_from = 15;
			continue;
		}
		if (frames_from > 0) {
			frames_from--;
			if (mem_find(line, n, "(stack is not available)") ||
			    re_any(title_frame_res, line, n))
				return 0;
		}
	}
	return 1;
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The first kind's line in the log; its offset in *start. */
static const struct title_kind *first_report(const char *text, size_t len, size_t *start)
{
	size_t from = 0, at;

	while (from < len && (at = header_next(text, len, from)) <= len) {
		const char *hit = text + at, *line = hit, *nl;
		const struct title_kind *k;

		while (line > text && line[-1] != '\n')
			line--;
		nl = memchr(hit, '\n', (size_t)(text + len - hit));
		k = line_kind(line, (size_t)((nl ? nl : text + len) - line), text + len);
		if (k) {
			*start = (size_t)(line - text);
			return k;
		}
		if (!nl)
			break;
		from = (size_t)(nl + 1 - text);
	}
	return NULL;
}

int report_identify(const char *text, size_t len, struct report_id *id)
{
	const struct title_kind *k;
	const struct title_rule *r;
	struct buf rep = { 0 };
	char raw[TITLE_MAX];
	size_t start, rend;
	struct caps m;
	uint64_t h;

	memset(id, 0, sizeof(*id));
	demangled_used = 0;
	if (!text || !len || !(k = first_report(text, len, &start)))
		return -1;
	if (build_report(text, len, start, &rep, &rend) || !rep.p) {
		free(rep.p);
		return -1;
	}
	r = describe(rep.p, rend, k, raw, sizeof(raw), &id->corrupted);
	clean_title(raw);
	sanitize_title(raw, id->title, sizeof(id->title));
	if (!id->corrupted)
		id->corrupted = report_corrupted(id->title, r, rep.p, rend);
	/* The guilty frame: what follows the title's last " in ". */
	if (re_search(".* in ((?:<[a-zA-Z0-9_: ]+>)?[a-zA-Z0-9_:]+)", id->title,
		      strlen(id->title), &m) && m.so[1] >= 0)
		snprintf(id->guilty, sizeof(id->guilty), "%.*s", (int)(m.eo[1] - m.so[1]),
			 id->title + m.so[1]);

	h = fnv1a(0xcbf29ce484222325ULL, id->title, strlen(id->title));
	if (id->corrupted) {
		/* A cut report: its top frames tell one from another. */
		const char *pos = rep.p, *end = rep.p + rend, *line;
		size_t n;
		int taken = 0;

		while (taken < SIGNATURE_FRAMES && next_line(&pos, end, &line, &n)) {
			if (!re_search(title_frame_res[0], line, n, &m) || m.so[1] < 0)
				continue;
			h = fnv1a(fnv1a(h, "\n", 1), line + m.so[1], (size_t)(m.eo[1] - m.so[1]));
			taken++;
		}
	}
	snprintf(id->signature, sizeof(id->signature), "%016llx", (unsigned long long)h);
	free(rep.p);
	return 0;
}

static void check_one(const char *re, int *failed, char *bad, size_t size)
{
	if (re && !is_trace(re) && !re_get(re) && !(*failed)++)
		snprintf(bad, size, "%s", re);
}

/* Compile every pattern of the table; the first that fails in @bad. */
int title_rules_check(char *bad, size_t size)
{
	int failed = 0;

#define CHECK(re_) check_one((re_), &failed, bad, size)
	for (size_t k = 0; k < title_nkinds; k++) {
		CHECK(title_kinds[k].ignore);
		for (size_t i = 0; i < title_kinds[k].nrules; i++) {
			const struct title_rule *r = &title_kinds[k].rules[i];

			CHECK(r->title);
			CHECK(r->report);
			CHECK(r->skip);
			for (int p = 0; p < RULE_PARTS; p++) {
				CHECK(r->stack[p]);
				CHECK(r->stack2[p]);
			}
		}
	}
	CHECK(title_skip_frames);
	/* header_next() finds headers by their first HEADER_MIN bytes. */
	for (size_t k = 0; k < title_nkinds; k++)
		if (strlen(title_kinds[k].header) < HEADER_MIN || k >= HEADER_KINDS)
			if (!failed++)
				snprintf(bad, size, "%s", title_kinds[k].header);
	CHECK(title_stack_start);
	CHECK(title_corrupted_line);
	CHECK(title_stall_anchors);
	CHECK(title_report_start_ignores);
	CHECK(console_prefix_re);
	CHECK(console_prefix_any_re);
	CHECK(title_line_ignores);
	for (int i = 0; title_frame_res[i]; i++)
		CHECK(title_frame_res[i]);
	for (size_t i = 0; i < sizeof(title_cleanups) / sizeof(title_cleanups[0]); i++)
		CHECK(title_cleanups[i].re);
#undef CHECK
	return failed;
}
