/* Rule stale-figure: with last period's summary given (check --against),
 * a figure, or a whole sentence, of this summary that is identical to
 * last period's in a part of the same kind: the trace of a forgotten
 * update.  Figures are those of renew.h (a number and its measure word:
 * 326场次, 98.5%), compared with their unit; sentences are compared in
 * the achievements and problems parts, where a result or a problem
 * written twice is rarely meant.  A warning: a target kept or a fixed
 * quota may repeat on purpose. */
#include <config.h>

#include "rules/rules.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/renew.h"

/* Sentences shorter than this (code points) repeat by nature: 已全部完成。 */
#define MIN_SENTENCE 15

/* A set of 64-bit hashes (open addressing; 0 marks an empty slot). */
typedef struct hash_set {
	uint64_t *slots;
	size_t cap, count;
} hash_set;

static uint64_t hash_bytes(int kind, const char *s, size_t n, bool sentence)
{
	/* the kind is hashed as a byte of its own, so it cannot cancel a
	 * difference in the first byte of the text */
	uint64_t h = (1469598103934665603ULL ^ (uint64_t)(kind * 2 + sentence)) * 1099511628211ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h ? h : 1;
}

static void set_add(hash_set *set, uint64_t h)
{
	if (2 * (set->count + 1) > set->cap) {
		hash_set bigger = {zj_xcalloc(set->cap ? set->cap * 2 : 256, sizeof(uint64_t)),
				   set->cap ? set->cap * 2 : 256, 0};
		for (size_t i = 0; i < set->cap; i++)
			if (set->slots[i])
				set_add(&bigger, set->slots[i]);
		free(set->slots);
		*set = bigger;
	}
	size_t i = h & (set->cap - 1);
	while (set->slots[i] && set->slots[i] != h)
		i = (i + 1) & (set->cap - 1);
	if (!set->slots[i]) {
		set->slots[i] = h;
		set->count++;
	}
}

static bool set_has(const hash_set *set, uint64_t h)
{
	if (!set->cap)
		return false;
	size_t i = h & (set->cap - 1);
	while (set->slots[i]) {
		if (set->slots[i] == h)
			return true;
		i = (i + 1) & (set->cap - 1);
	}
	return false;
}

/* What the walk does with each sentence and figure of the parts. */
typedef struct walker {
	const char *s;
	size_t len;
	int kind;
	hash_set *set;       /* last period's: filled */
	zj_findings *f;      /* this period's: looked up, reported */
} walker;

static bool figure_seen(const zj_figure *fig, void *ctx)
{
	walker *w = ctx;
	uint64_t h = hash_bytes(w->kind, w->s + fig->start, fig->unit_end - fig->start, false);
	if (w->set && !w->f)
		set_add(w->set, h);
	else if (set_has(w->set, h))
		zj_rule_add_msg(w->f, ZJ_RULE_STALE_FIGURE, fig->start, fig->unit_end,
				_("%.*s: the same figure as last year's"),
				(int)(fig->unit_end - fig->start), w->s + fig->start);
	return true;
}

static bool is_stop(int32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '\n';
}

/* One sentence [a, b): compared whole, then figure by figure. */
static void sentence(walker *w, size_t a, size_t b)
{
	size_t n;
	while (a < b && zj_is_space(zj_utf8_at(w->s, b, a, &n)))
		a += n;
	size_t e = b;
	while (e > a && (w->s[e - 1] == '\n' || w->s[e - 1] == '\r'))
		e--;
	bool whole = (w->kind == ZJ_PART_ACHIEVEMENTS || w->kind == ZJ_PART_PROBLEMS) &&
		     zj_utf8_count(w->s + a, e - a) >= MIN_SENTENCE;
	if (whole) {
		uint64_t h = hash_bytes(w->kind, w->s + a, e - a, true);
		if (!w->f) {
			set_add(w->set, h);
		} else if (set_has(w->set, h)) {
			zj_rule_add_msg(w->f, ZJ_RULE_STALE_FIGURE, a, e, "%s",
					_("the same sentence as last year's"));
			return;
		}
	}
	zj_figures_scan(w->s, w->len, a, e, figure_seen, w);
}

/* Walks the body of every part but the closing, sentence by sentence;
 * heading titles are left out. */
static void walk(walker *w, const zj_outline *o)
{
	size_t sec = 0;
	for (size_t pi = 0; pi < o->nparts; pi++) {
		const zj_part *p = &o->parts[pi];
		if (p->kind == ZJ_PART_CLOSING)
			continue;
		w->kind = (int)p->kind;
		size_t a = p->start;
		for (size_t i = p->start; i < p->end;) {
			while (sec < o->nsections && o->sections[sec].start < i)
				sec++;
			if (sec < o->nsections && o->sections[sec].start == i)
				a = i = o->sections[sec].title_end;
			if (i >= p->end) {
				sentence(w, a < p->end ? a : p->end, p->end);
				break;
			}
			size_t n;
			int32_t c = zj_utf8_at(w->s, p->end, i, &n);
			i += n;
			if (is_stop(c) || i >= p->end) {
				sentence(w, a, i);
				a = i;
			}
		}
	}
}

void zj_run_stale_figure(const zj_rule_input *in)
{
	const zj_check_options *opt = &in->checker->opt;
	if (!opt->against)
		return;
	hash_set last = {0};
	zj_outline *lo = zj_outline_build(opt->against, opt->against_len);
	walker w = {opt->against, opt->against_len, 0, &last, NULL};
	walk(&w, lo);
	zj_outline_free(lo);
	w = (walker){in->s, in->len, 0, &last, in->f};
	walk(&w, in->o);
	free(last.slots);
}
