/* export: see include/zongjie/export.h. */
#include <config.h>

#include "zongjie/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/noise.h"
#include "zongjie/utf8.h"
#include "zongjie/util.h"

/* Byte range of the number inside a heading's marker, relative to the
 * line start. */
static bool number_span(const char *line, size_t len, const zj_heading *h, size_t *from,
			size_t *to)
{
	size_t p = h->marker_start;
	int32_t c;
	switch (h->marker) {
	case ZJ_MARK_CN_PART: case ZJ_MARK_CN_CHAPTER:
		p += 3; /* 第 */
		break;
	case ZJ_MARK_CN_PAREN_FULL: case ZJ_MARK_CN_PAREN_HALF:
	case ZJ_MARK_NUM_PAREN_FULL: case ZJ_MARK_NUM_PAREN_HALF:
		p += zj_utf8_decode(line, len, p, &c);
		break;
	case ZJ_MARK_NUM_PAREN_SIGN: case ZJ_MARK_CIRCLED:
		*from = p;
		*to = p + zj_utf8_decode(line, len, p, &c);
		return true;
	default:
		break;
	}
	*from = p;
	/* the number runs while the characters are digits or numerals */
	static const char numerals[] = "〇零一二三四五六七八九十百两";
	while (p < len) {
		size_t n = zj_utf8_decode(line, len, p, &c);
		bool digit = (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) ||
			     (n == 3 && memmem(numerals, sizeof numerals - 1, line + p, 3));
		if (!digit)
			break;
		p += n;
	}
	*to = p;
	return *to > *from;
}

static bool is_blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, i, &c);
		if (!zj_is_space(c) && c != '\r')
			return false;
		i += n;
	}
	return true;
}

/* ---- which headings may be renumbered -------------------------------- */

/* A sequence: the headings of one level under one parent. */
typedef struct sequence {
	zj_marker marker;
	bool sure;       /* every member is a heading the outline is sure of */
	bool wrong;      /* its numbers are not 1, 2, 3 … */
	bool run_in;     /* its first member has text after it on its line */
	int count;
} sequence;

typedef struct renumbering {
	const zj_outline *o;
	int *seq;        /* per section: its sequence, -1 for none */
	int *index;      /* per section: its place in the sequence, from 1 */
	bool *content;   /* per section: text or subheadings follow it */
	sequence *seqs;
	size_t nseqs, cap;
	long open_seq[6];
	long open_sec[6];
	bool after_bare[6]; /* a heading without number came at this level */
} renumbering;

static void close_levels(renumbering *r, int from)
{
	for (int d = from; d < 6; d++) {
		r->open_seq[d] = r->open_sec[d] = -1;
		if (d > from || from == 0)
			r->after_bare[d] = false;
	}
}

/* Section si starts at its line (sure) or in the middle of one (a page
 * chunk's fragment: never renumbered); run_in: text follows it on its
 * line.  Members all alone on their lines or all run in are a sequence;
 * a mix is left as written. */
static void enter_section(renumbering *r, size_t si, bool sure, bool run_in)
{
	const zj_section *h = &r->o->sections[si];
	int L = h->level < 1 ? 1 : h->level < 6 ? h->level : 5;
	for (int d = 1; d < L; d++)
		if (r->open_sec[d] >= 0)
			r->content[r->open_sec[d]] = true;
	/* the sequence of its level goes on */
	long q = r->open_seq[L];
	close_levels(r, L);
	r->open_sec[L] = (long)si;
	if (h->marker == ZJ_MARK_NONE) {
		/* whether the numbers after a heading without number go on or
		 * start again is not sure: they are left as written */
		if (q >= 0)
			r->seqs[q].sure = false;
		r->after_bare[L] = true;
		return;
	}
	if (q < 0) {
		zj_grow((void **)&r->seqs, &r->cap, r->nseqs + 1, sizeof *r->seqs);
		r->seqs[r->nseqs] = (sequence){.marker = (zj_marker)h->marker,
					       .sure = !r->after_bare[L], .run_in = run_in};
		r->after_bare[L] = false;
		q = (long)r->nseqs++;
	}
	r->open_seq[L] = q;
	sequence *s = &r->seqs[q];
	if (s->marker != (zj_marker)h->marker || s->run_in != run_in)
		s->sure = false; /* mixed styles are not one sequence */
	s->sure &= sure;
	s->count++;
	s->wrong |= h->number != s->count;
	r->seq[si] = (int)q;
	r->index[si] = s->count;
}

/* A numbered paragraph is a member of its level's sequence that is not
 * a heading: the sequence is left as written. */
static void numbered_paragraph(renumbering *r, int L)
{
	long q = r->open_seq[L];
	close_levels(r, L + 1);
	if (q < 0) {
		zj_grow((void **)&r->seqs, &r->cap, r->nseqs + 1, sizeof *r->seqs);
		r->seqs[r->nseqs] = (sequence){.sure = false};
		q = (long)r->nseqs++;
		r->open_seq[L] = q;
	}
	r->seqs[q].sure = false;
}

/* Walks the lines once: sequences, and what stops a sequence from being
 * renumbered (a numbered paragraph among its headings, a heading that
 * starts inside a line, an item with nothing under it). */
static void find_sequences(renumbering *r, const char *text, size_t len)
{
	const zj_outline *o = r->o;
	size_t si = 0, article = 0;
	close_levels(r, 0);
	for (size_t pos = 0, line = 0; pos <= len; line++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t e = end > pos && text[end - 1] == '\r' ? end - 1 : end;
		while (article + 1 < o->narticles && o->articles[article + 1].first_line <= line) {
			article++;
			close_levels(r, 0);
		}
		bool any = false;
		for (; si < o->nsections && o->sections[si].start <= end; si++) {
			const zj_section *h = &o->sections[si];
			/* a wrapper's close (**一、…**) is not text after the heading */
			zj_heading lh;
			size_t after = h->start == pos && zj_heading_parse(text + pos, e - pos, &lh)
					       ? pos + lh.end
					       : h->title_end;
			bool run_in = after < e && !is_blank_line(text + after, e - after);
			enter_section(r, si, h->start == pos && h->title_end <= e, run_in);
			if (run_in)
				r->content[si] = true; /* its text is on its line */
			any = true;
		}
		zj_heading h;
		if (!any && e > pos && !is_blank_line(text + pos, e - pos)) {
			for (int d = 1; d < 6; d++)
				if (r->open_sec[d] >= 0)
					r->content[r->open_sec[d]] = true;
			if (zj_line_marker(text + pos, e - pos, &h))
				numbered_paragraph(r, h.level);
		}
		if (!nl)
			break;
		pos = end + 1;
	}
	for (size_t k = 0; k < o->nsections; k++)
		if (r->seq[k] >= 0 && !r->content[k])
			r->seqs[r->seq[k]].sure = false;
}

/* Per section: the number it gets, 0 to keep its own. */
static int *plan_renumbering(const char *text, size_t len, const zj_outline *o)
{
	size_t n = o->nsections ? o->nsections : 1;
	renumbering r = {.o = o};
	r.seq = zj_xcalloc(n, sizeof *r.seq);
	r.index = zj_xcalloc(n, sizeof *r.index);
	r.content = zj_xcalloc(n, sizeof *r.content);
	for (size_t k = 0; k < o->nsections; k++)
		r.seq[k] = -1;
	find_sequences(&r, text, len);
	for (size_t k = 0; k < o->nsections; k++) {
		const sequence *s = r.seq[k] >= 0 ? &r.seqs[r.seq[k]] : NULL;
		r.index[k] = s && s->sure && s->wrong ? r.index[k] : 0;
	}
	free(r.seq);
	free(r.content);
	free(r.seqs);
	return r.index;
}

/* Appends line s[0..n) (n_all with its CR) with its heading renumbered. */
static void put_renumbered(zj_buf *out, const char *s, size_t n, size_t n_all,
			   const zj_section *sec, int number)
{
	zj_heading h;
	size_t from, to, k;
	char num[16];
	if (zj_heading_parse(s, n, &h) && number_span(s, n, &h, &from, &to) &&
	    (k = zj_marker_number((zj_marker)sec->marker, number, num)) > 0) {
		zj_buf_append(out, s, from);
		zj_buf_append(out, num, k);
		zj_buf_append(out, s + to, n_all - to);
	} else
		zj_buf_append(out, s, n_all);
}

static void put_indented(zj_buf *out, const char *s, size_t n, size_t n_all)
{
	size_t i = zj_skip_space(s, n, 0);
	zj_buf_puts(out, "\xE3\x80\x80\xE3\x80\x80");
	zj_buf_append(out, s + i, n_all - i);
}

char *zj_export_text(const char *text, size_t len, const zj_outline *o,
		     const zj_export_options *opt, size_t *out_len)
{
	zj_buf out = {0};
	int *number = opt->renumber ? plan_renumbering(text, len, o) : NULL;
	size_t si = 0, article = 0;
	for (size_t pos = 0, line = 0; pos <= len; line++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t body_end = end > pos && text[end - 1] == '\r' ? end - 1 : end;
		const char *s = text + pos;
		size_t n = body_end - pos;
		while (article + 1 < o->narticles && o->articles[article + 1].first_line <= line)
			article++;
		/* the section that starts this line, if any */
		long sec = -1;
		for (; si < o->nsections && o->sections[si].start <= end; si++)
			if (o->sections[si].start == pos)
				sec = (long)si;
		bool title = o->narticles && o->articles[article].title_line == (long)line;

		if (opt->strip_noise && n && zj_is_noise_line(s, n)) {
			if (!nl)
				break;
			pos = end + 1;
			continue;
		}
		if (number && sec >= 0 && number[sec] > 0)
			put_renumbered(&out, s, n, end - pos, &o->sections[sec], number[sec]);
		else if (opt->fullwidth_indent && sec < 0 && !title && !is_blank_line(s, n))
			put_indented(&out, s, n, end - pos);
		else
			zj_buf_append(&out, s, end - pos);
		if (!nl)
			break;
		zj_buf_putc(&out, '\n');
		pos = end + 1;
	}
	free(number);
	if (!out.data)
		zj_buf_append(&out, "", 0);
	*out_len = out.len;
	return out.data;
}
