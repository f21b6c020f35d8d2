/* outline_update: keeping an outline in step with any edit (see
 * outline.h): a rescan of the articles around a change spliced into the
 * rest.  Typing inside a paragraph is zj_outline_shift (outline_lines.c). */
#include <config.h>

#include "zongjie/outline.h"

#include <stdlib.h>
#include <string.h>

#include "outline_scan.h"
#include "zongjie/util.h"

/* ---- update after any change ---------------------------------------- */

/* Text read past the change before a rescan gives up and reads more, and
 * what an article break must leave after it in the window read (the
 * title's look-ahead for its first heading). */
#define WINDOW ((size_t)64 << 10)
#define MARGIN ((size_t)16 << 10)

/* The last article starting at or before byte p. */
static size_t article_at(const zj_outline *o, size_t p)
{
	size_t lo = 0, hi = o->narticles;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (o->articles[mid].start <= p)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The first section starting at or after byte p. */
static size_t section_from(const zj_outline *o, size_t p)
{
	size_t lo = 0, hi = o->nsections;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (o->sections[mid].start < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

typedef struct resync {
	const zj_outline *old;
	size_t base;      /* text offset of the window scanned */
	size_t hi, window_end, len;
	long delta;
	size_t after;     /* articles up to this one are rescanned anyway */
	bool found;
	size_t article;   /* the old article the scan met again */
	long lines;       /* its line number now minus before */
} resync;

/* Stops at an article break past the change where the old outline had
 * an article start too: from there on nothing changed but offsets. */
static bool met_old_article(void *ctx, size_t pos, size_t line)
{
	resync *r = ctx;
	size_t at = r->base + pos;
	if (at < r->hi || (r->window_end < r->len && at + MARGIN > r->window_end))
		return false;
	size_t was = (size_t)((long)at - r->delta);
	size_t k = article_at(r->old, was);
	if (k <= r->after || r->old->articles[k].start != was)
		return false;
	r->found = true;
	r->article = k;
	r->lines = (long)line - (long)r->old->articles[k].first_line;
	return true;
}

/* Replaces items [from, to) of an array of count items with ins[0..n). */
static void *splice_array(void *arr, size_t *count, size_t from, size_t to, const void *ins,
			  size_t n, size_t size)
{
	size_t tail = *count - to, total = from + n + tail;
	char *a = arr;
	if (n > to - from)
		a = zj_xrealloc(a, (total + 1) * size);
	if (n != to - from) /* the same count: the rest stays where it is */
		memmove(a + (from + n) * size, a + to * size, tail * size);
	if (n)
		memcpy(a + from * size, ins, n * size);
	*count = total;
	return a;
}

static void move_article(zj_article *a, long bytes, long lines, long parts)
{
	a->start = (size_t)((long)a->start + bytes);
	a->end = (size_t)((long)a->end + bytes);
	if (a->title_line >= 0) {
		a->title_line += lines;
		a->title_start = (size_t)((long)a->title_start + bytes);
		a->title_end = (size_t)((long)a->title_end + bytes);
	}
	if (a->content_line >= 0)
		a->content_line += lines;
	a->first_line = (size_t)((long)a->first_line + lines);
	a->last_line = (size_t)((long)a->last_line + lines);
	a->first_part = (size_t)((long)a->first_part + parts);
}

static void move_part(zj_part *p, long bytes, long lines, long sections)
{
	p->start = (size_t)((long)p->start + bytes);
	p->end = (size_t)((long)p->end + bytes);
	p->first_line = (uint32_t)((long)p->first_line + lines);
	p->last_line = (uint32_t)((long)p->last_line + lines);
	if (p->heading >= 0)
		p->heading = (int32_t)(p->heading + sections);
	p->first_section = (uint32_t)((long)p->first_section + sections);
}

static void move_section(zj_section *s, long bytes, long lines)
{
	s->start = (size_t)((long)s->start + bytes);
	s->title_start = (size_t)((long)s->title_start + bytes);
	s->title_end = (size_t)((long)s->title_end + bytes);
	s->line = (uint32_t)((long)s->line + lines);
}

/* Puts the rescanned articles n (offsets from base) in place of old
 * articles [a0, a1), and moves everything after them. */
static void splice(zj_outline *o, zj_outline *n, size_t a0, size_t a1, size_t base,
		   const resync *r, zj_outline_splice *sp)
{
	size_t p0 = o->articles[a0].first_part;
	size_t p1 = a1 < o->narticles ? o->articles[a1].first_part : o->nparts;
	size_t s0 = section_from(o, o->articles[a0].start);
	size_t s1 = a1 < o->narticles ? section_from(o, o->articles[a1].start) : o->nsections;
	long dp = (long)n->nparts - (long)(p1 - p0), ds = (long)n->nsections - (long)(s1 - s0);
	long lines = r->found ? r->lines : 0;
	for (size_t i = a1; i < o->narticles; i++)
		move_article(&o->articles[i], r->delta, lines, dp);
	for (size_t i = p1; i < o->nparts; i++)
		move_part(&o->parts[i], r->delta, lines, ds);
	for (size_t i = s1; i < o->nsections; i++)
		move_section(&o->sections[i], r->delta, lines);
	for (size_t i = 0; i < n->narticles; i++)
		move_article(&n->articles[i], (long)base, 0, (long)p0);
	for (size_t i = 0; i < n->nparts; i++)
		move_part(&n->parts[i], (long)base, 0, (long)s0);
	for (size_t i = 0; i < n->nsections; i++)
		move_section(&n->sections[i], (long)base, 0);
	o->articles = splice_array(o->articles, &o->narticles, a0, a1, n->articles, n->narticles,
				   sizeof *o->articles);
	o->parts = splice_array(o->parts, &o->nparts, p0, p1, n->parts, n->nparts, sizeof *o->parts);
	o->sections = splice_array(o->sections, &o->nsections, s0, s1, n->sections, n->nsections,
				   sizeof *o->sections);
	*sp = (zj_outline_splice){p0, p1 - p0, n->nparts};
}

bool zj_outline_update(zj_outline *o, const zj_text *t, const zj_change *c,
		       zj_outline_splice *sp)
{
	size_t len = zj_text_len(t);
	if (!o->narticles || !c->any || c->hi > len)
		return false;
	/* from the article before the change: whether the changed one starts
	 * an article may turn on it */
	size_t a0 = article_at(o, c->lo);
	if (a0 > 0)
		a0--;
	/* a title looks ahead for its first heading: an article with none
	 * looks past its end, so whether it starts an article may turn on the
	 * change too */
	while (a0 > 0 && section_from(o, o->articles[a0].start) == section_from(o, o->articles[a0].end))
		a0--;
	size_t from = o->articles[a0].start;
	if (from > c->lo)
		return false;
	for (size_t window = c->hi - from + WINDOW;; window *= 4) {
		size_t to = from + window < len ? from + window : len;
		char *s = zj_text_dup(t, from, to);
		resync r = {.old = o, .base = from, .hi = c->hi, .window_end = to, .len = len,
			    .delta = c->delta, .after = a0};
		size_t stop;
		zj_outline *n = zj_outline_scan(s, to - from, o->articles[a0].first_line,
						met_old_article, &r, &stop);
		free(s);
		if (!n)
			return false; /* page chunks: the caller builds anew */
		if (r.found || to == len) {
			splice(o, n, a0, r.found ? r.article : o->narticles, from, &r, sp);
			o->lines = zj_text_lines(t);
			zj_outline_free(n);
			return true;
		}
		zj_outline_free(n);
	}
}
