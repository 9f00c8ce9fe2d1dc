// SPDX-License-Identifier: GPL-2.0-only
/*
 * Formatting of captured error reports: a record of version 2 holds the
 * printk records of a report as printk keeps them (level, timestamp,
 * caller, text), which costs the report path a copy and nothing more; it
 * is read as version 1, each line with the syslog prefix "dmesg -r"
 * prints. pstore formats a record when it reads it from its backend, in
 * process context. See include/uapi/linux/error_report.h.
 */

#include <linux/error_report_notify.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/error_report.h>

/* Longest prefix: "<65535>[18446744073.709551][C4294967295] ". */
#define ERN_PREFIX_MAX	48

/*
 * Decimal digits of @v. Compared with powers of ten rather than divided:
 * the capture counts a prefix for each line a report prints.
 */
static unsigned int ern_digits(u64 v)
{
	unsigned int n = 1;
	u64 p = 10;

	while (v >= p) {
		n++;
		if (p > U64_MAX / 10)
			break;
		p *= 10;
	}
	return n;
}

/* The length of @l's prefix, which ern_prefix() writes. */
static size_t ern_prefix_len(const struct error_report_line *l)
{
	u16 flags = le16_to_cpu(l->flags);
	size_t len;

	len = 2 + ern_digits(le16_to_cpu(l->prio));
	/*
	 * "[%5lu.%06lu]": the seconds take the digits of the nanoseconds but
	 * nine, at least five (14 digits of nanoseconds).
	 */
	if (flags & ERROR_REPORT_LINE_TIME)
		len += max(14U, ern_digits(le64_to_cpu(l->ts_nsec)));
	/* "[%6s]" of "T<pid>" or "C<cpu>" */
	if (flags & ERROR_REPORT_LINE_CALLER)
		len += 2 + max(6U, 1 + ern_digits(le32_to_cpu(l->caller_id) &
						  ~0x80000000U));
	if (flags & (ERROR_REPORT_LINE_TIME | ERROR_REPORT_LINE_CALLER))
		len++;
	return len;
}

/**
 * error_report_line_size() - bytes of one entry of a version 2 text, formatted
 * @l:		the entry's header
 * @text:	its text
 * @len:	bytes of @text
 *
 * What error_report_format_text() makes of the entry, counted without
 * formatting it: the capture counts the bytes of the lines it has no room
 * for as a reader would see them. A continuation fragment counts its text
 * only (it goes before its line's newline), a bare line no prefix; each
 * newline inside the text is followed by the prefix again.
 *
 * Context: any.
 * Return: the entry's bytes, formatted.
 */
size_t error_report_line_size(const struct error_report_line *l,
			      const char *text, size_t len)
{
	u16 flags = le16_to_cpu(l->flags);
	size_t plen = flags & ERROR_REPORT_LINE_BARE ? 0 : ern_prefix_len(l);
	const char *nl, *end = text + len;
	size_t size = len;

	if (!(flags & ERROR_REPORT_LINE_CONT))
		size += plen + 1;
	while ((nl = memchr(text, '\n', end - text))) {
		size += plen;
		text = nl + 1;
	}
	return size;
}
EXPORT_SYMBOL_GPL(error_report_line_size);

/* Format @l's prefix into @buf, ERN_PREFIX_MAX bytes. Returns its length. */
static size_t ern_prefix(const struct error_report_line *l, char *buf)
{
	u16 flags = le16_to_cpu(l->flags);
	u32 caller = le32_to_cpu(l->caller_id);
	u64 ts = le64_to_cpu(l->ts_nsec);
	char id[12];
	size_t len;
	u32 rem;

	len = scnprintf(buf, ERN_PREFIX_MAX, "<%u>", le16_to_cpu(l->prio));
	if (flags & ERROR_REPORT_LINE_TIME) {
		ts = div_u64_rem(ts, NSEC_PER_SEC, &rem);
		len += scnprintf(buf + len, ERN_PREFIX_MAX - len, "[%5llu.%06u]",
				 ts, rem / 1000);
	}
	if (flags & ERROR_REPORT_LINE_CALLER) {
		snprintf(id, sizeof(id), "%c%u", caller & 0x80000000 ? 'C' : 'T',
			 caller & ~0x80000000U);
		len += scnprintf(buf + len, ERN_PREFIX_MAX - len, "[%6s]", id);
	}
	if (flags & (ERROR_REPORT_LINE_TIME | ERROR_REPORT_LINE_CALLER))
		buf[len++] = ' ';
	return len;
}

/* Append @len bytes to @buf of @size; past its end, only count them. */
static void ern_put(char *buf, size_t size, size_t *pos, const char *s,
		    size_t len)
{
	if (*pos + len <= size)
		memcpy(buf + *pos, s, len);
	*pos += len;
}

/**
 * error_report_format_text() - format the text of a version 2 record
 * @raw:	the text: struct error_report_line entries, each with its text
 * @len:	its bytes
 * @buf:	gets the text formatted, as version 1 holds it; NULL to count
 *		its bytes only (error_report_line_size() of each entry)
 * @size:	bytes @buf holds; it is written only if they are enough
 *
 * Each entry becomes a line: its prefix, its text (the prefix again after
 * each newline in it) and a newline; a continuation fragment goes before
 * its line's newline. An entry cut short (a reset as it was written) keeps
 * the bytes it has; an entry of zero bytes, or too short for its header,
 * ends the text.
 *
 * Context: any.
 * Return: the bytes of the text formatted.
 */
size_t error_report_format_text(const void *raw, size_t len, char *buf,
				size_t size)
{
	const char *p = raw, *end = p + len, *text, *nl;
	struct error_report_line l;
	char prefix[ERN_PREFIX_MAX];
	size_t pos = 0, plen, n;
	u16 flags;

	while (end - p >= (ptrdiff_t)sizeof(l)) {
		memcpy(&l, p, sizeof(l));
		if (!memchr_inv(&l, 0, sizeof(l)))
			break;
		p += sizeof(l);
		text = p;
		n = min_t(size_t, le16_to_cpu(l.len), end - p);
		p += n;
		flags = le16_to_cpu(l.flags);
		/* A fragment with no line before it starts its own. */
		if ((flags & ERROR_REPORT_LINE_CONT) && !pos) {
			flags &= ~ERROR_REPORT_LINE_CONT;
			l.flags = cpu_to_le16(flags);
		}
		if (!buf) {
			pos += error_report_line_size(&l, text, n);
			continue;
		}
		plen = flags & ERROR_REPORT_LINE_BARE ? 0 : ern_prefix(&l, prefix);
		if (flags & ERROR_REPORT_LINE_CONT)
			pos--;	/* before the newline of its line */
		else
			ern_put(buf, size, &pos, prefix, plen);
		while ((nl = memchr(text, '\n', p - text))) {
			ern_put(buf, size, &pos, text, nl + 1 - text);
			ern_put(buf, size, &pos, prefix, plen);
			text = nl + 1;
		}
		ern_put(buf, size, &pos, text, p - text);
		ern_put(buf, size, &pos, "\n", 1);
	}
	return pos;
}
EXPORT_SYMBOL_GPL(error_report_format_text);

/**
 * error_report_format() - a record of version 2 as version 1
 * @rec:	the record: a struct error_report_header of version 2, whose
 *		@body_len bytes of text follow it (fewer if @size is short)
 * @size:	bytes of @rec
 * @tail:	bytes to copy after the formatted record as they are (pstore's
 *		ECC notice), which follow @size bytes of @rec
 * @out:	gets the record of version 1, then @tail: kvmalloc()ed
 *
 * The header is the same but for the version, the text's length and the
 * checksums, sealed again.
 *
 * Context: process.
 * Return: the size of the formatted record, @tail not counted, -EINVAL
 * when @size does not hold the header, or -ENOMEM.
 */
ssize_t error_report_format(const void *rec, size_t size, size_t tail,
			    char **out)
{
	const struct error_report_header *h = rec;
	size_t hlen = le16_to_cpu(h->header_size), body, len;
	struct error_report_header *f;
	char *buf;

	if (size < sizeof(*h) || hlen < sizeof(*h) || size < hlen)
		return -EINVAL;
	body = min_t(size_t, le32_to_cpu(h->body_len), size - hlen);
	len = error_report_format_text(rec + hlen, body, NULL, 0);
	buf = kvmalloc(hlen + len + tail, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, rec, hlen);
	error_report_format_text(rec + hlen, body, buf + hlen, len);
	memcpy(buf + hlen + len, rec + size, tail);
	f = (struct error_report_header *)buf;
	f->version = cpu_to_le16(ERROR_REPORT_VERSION);
	f->body_len = cpu_to_le32(len);
	error_report_seal(f);
	*out = buf;
	return hlen + len;
}
EXPORT_SYMBOL_GPL(error_report_format);
