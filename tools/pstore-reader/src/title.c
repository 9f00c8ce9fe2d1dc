// SPDX-License-Identifier: GPL-2.0-only
/*
 * Titles and signatures of KASAN, KFENCE and WARNING reports.
 *
 * The title names the report kind and the "guilty" function, the first
 * frame that is not part of the detector or the allocator, as syzkaller
 * does. The signature hashes the title and the function names of the first
 * frames of the stack, without offsets or addresses, so that the same bug
 * seen on another build or at another address gets the same signature.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "title.h"

#define SIGNATURE_FRAMES 8

/* Frames that belong to the detector, the allocator or a string helper. */
static const char *const helper_prefixes[] = {
	"kasan_", "__kasan_", "__asan_", "asan_", "check_memory_region",
	"kfence_", "__kfence_", "kmem_cache_", "__kmem_cache_", "kmalloc",
	"__kmalloc", "kfree", "slab_", "__slab_", "___slab_", "kvfree",
	"memcpy", "__memcpy", "memset", "__memset", "memmove", "__memmove",
	"memcmp", "strlen", "strnlen", "strcpy", "strncpy", "strscpy",
	"copy_from_kernel_nofault", "print_report", "dump_stack", "show_stack",
	"__warn", "warn_slowpath", "__warn_printk", "report_bug", "handle_bug",
	"exc_invalid_op", "asm_exc_invalid_op", "exc_page_fault",
	"asm_exc_page_fault", "page_fault_oops", "kernelmode_fixup_or_oops",
	"__bad_area_nosemaphore", "do_user_addr_fault", "do_kern_addr_fault",
	"fixup_exception", "__do_kernel_fault", "do_translation_fault",
	"do_mem_abort", "el1_abort", "el1h_64_sync", "el1h_64_sync_handler",
	"do_page_fault", "__do_page_fault",
};

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

static int is_helper(const char *fn)
{
	for (size_t i = 0; i < sizeof(helper_prefixes) / sizeof(helper_prefixes[0]); i++)
		if (!strncmp(fn, helper_prefixes[i], strlen(helper_prefixes[i])))
			return 1;
	return 0;
}

/* Copy the function name at @p ("foo+0x1/0x2 [mod]" -> "foo"). */
static void copy_func(char *out, size_t size, const char *p, const char *end)
{
	size_t n = 0;

	while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '.') &&
	       n + 1 < size)
		out[n++] = *p++;
	out[n] = '\0';
	/* Compiler clones: foo.isra.0, foo.constprop.0 are foo. */
	char *dot = strchr(out, '.');

	if (dot)
		*dot = '\0';
}

struct line {
	const char *msg;
	const char *end;
};

static int next_line(const char **pos, const char *end, struct line *l)
{
	const char *p = *pos, *nl;

	if (p >= end)
		return 0;
	nl = memchr(p, '\n', (size_t)(end - p));
	l->end = nl ? nl : end;
	l->msg = log_line_msg(p, l->end);
	*pos = nl ? nl + 1 : end;
	return 1;
}

/* @s in [p, end), or NULL: log text is not NUL-terminated. */
static const char *find(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	for (; (size_t)(end - p) >= n; p++)
		if (!memcmp(p, s, n))
			return p;
	return NULL;
}

static int starts(const struct line *l, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(l->end - l->msg) >= n && !memcmp(l->msg, s, n);
}

/* A stack frame line: " foo+0x1/0x2 [mod]"; not "? foo", not "<IRQ>". */
static int frame_func(const struct line *l, char *out, size_t size)
{
	const char *p = l->msg;

	if (p >= l->end || *p != ' ')
		return 0;
	while (p < l->end && *p == ' ')
		p++;
	if (p >= l->end || *p == '?' || *p == '<')
		return 0;
	const char *plus = memchr(p, '+', (size_t)(l->end - p));

	if (!plus || plus + 2 >= l->end || plus[1] != '0' || plus[2] != 'x')
		return 0;
	copy_func(out, size, p, plus);
	return out[0] != '\0';
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Not a KASAN, KFENCE or WARNING report: a panic, a BUG or an oops. */
static int identify_other(const char *text, size_t len, struct report_id *id)
{
	static const struct {
		const char *prefix;
		const char *title;
	} kinds[] = {
		{ "Kernel panic - not syncing: ", "kernel panic: " },
		{ "BUG: ", "BUG: " },
		{ "kernel BUG at ", "kernel BUG at " },
		{ "Oops: ", "Oops: " },
	};
	const char *pos, *end = text + len;
	struct line l;

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		for (pos = text; next_line(&pos, end, &l);) {
			if (!starts(&l, kinds[k].prefix))
				continue;
			size_t n = strlen(kinds[k].prefix);
			int rest = (int)(l.end - l.msg - (long)n);

			snprintf(id->title, sizeof(id->title), "%s%.*s", kinds[k].title,
				 rest > 160 ? 160 : rest, l.msg + n);
			snprintf(id->signature, sizeof(id->signature), "%016llx",
				 (unsigned long long)fnv1a(0xcbf29ce484222325ULL, id->title));
			return 0;
		}
	}
	return -1;
}

int report_identify(const char *text, size_t len, struct report_id *id)
{
	const char *pos = text, *end = text + len;
	char kind[64] = "", func[128] = "", access[16] = "", frame[128];
	char frames[SIGNATURE_FRAMES][128];
	int nframes = 0, detector = 0, in_trace = 0;
	struct line l;

	memset(id, 0, sizeof(*id));
	while (next_line(&pos, end, &l)) {
		const char *in;

		if (!detector && (starts(&l, "BUG: KASAN: ") || starts(&l, "BUG: KFENCE: "))) {
			detector = starts(&l, "BUG: KASAN: ") ? 'A' : 'F';
			const char *k = l.msg + (detector == 'A' ? 12 : 13);

			in = find(k, l.end, " in ");
			if (!in)
				in = l.end;
			snprintf(kind, sizeof(kind), "%.*s", (int)(in - k), k);
			if (in < l.end)
				copy_func(func, sizeof(func), in + 4, l.end);
		} else if (!detector && starts(&l, "WARNING: ")) {
			detector = 'W';
			/* "WARNING: CPU: 0 PID: 1 at file:line func+0x1/0x2" */
			const char *sp = l.end;

			while (sp > l.msg && sp[-1] != ' ')
				sp--;
			if (*sp == '[' && sp > l.msg + 1) {	/* "[module]" */
				sp--;
				while (sp > l.msg && sp[-1] != ' ')
					sp--;
			}
			copy_func(func, sizeof(func), sp, l.end);
		} else if (detector == 'A' && !access[0] &&
			   (starts(&l, "Read of size") || starts(&l, "Write of size"))) {
			snprintf(access, sizeof(access), "%s",
				 starts(&l, "Read") ? "Read" : "Write");
		} else if (starts(&l, "Call Trace:")) {
			in_trace = !nframes;
		} else if (in_trace && frame_func(&l, frame, sizeof(frame))) {
			if (nframes < SIGNATURE_FRAMES && !is_helper(frame))
				snprintf(frames[nframes++], sizeof(frames[0]), "%s", frame);
		} else if (in_trace && !starts(&l, " ") && !starts(&l, "<")) {
			in_trace = 0;
		}
	}
	if (!detector)
		return identify_other(text, len, id);

	/* The guilty frame: the reported function unless it is a helper. */
	if ((!func[0] || is_helper(func)) && nframes)
		snprintf(func, sizeof(func), "%s", frames[0]);
	snprintf(id->guilty, sizeof(id->guilty), "%s", func);
	if (detector == 'A')
		snprintf(id->title, sizeof(id->title), "KASAN: %s%s%s in %s", kind,
			 access[0] ? " " : "", access, func);
	else if (detector == 'F')
		snprintf(id->title, sizeof(id->title), "KFENCE: %s in %s", kind, func);
	else
		snprintf(id->title, sizeof(id->title), "WARNING in %s", func);

	uint64_t h = fnv1a(0xcbf29ce484222325ULL, id->title);

	for (int i = 0; i < nframes; i++)
		h = fnv1a(fnv1a(h, "\n"), frames[i]);
	snprintf(id->signature, sizeof(id->signature), "%016llx",
		 (unsigned long long)h);
	return 0;
}
