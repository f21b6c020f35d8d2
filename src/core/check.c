/* check: the driver and the findings store; the rules are in rules/. */
#include <config.h>

#include "zongjie/check.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/hanzi.h"
#include "zongjie/proofread.h"
#include "rules/rules.h"

const zj_rule_info *zj_rule_get(zj_rule rule)
{
	return &zj_rule_table[rule].info;
}

bool zj_rule_find(const char *id, zj_rule *rule)
{
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		if (!strcmp(zj_rule_table[i].info.id, id)) {
			*rule = (zj_rule)i;
			return true;
		}
	return false;
}

const char *zj_severity_name(zj_severity sev)
{
	return sev == ZJ_SEV_ERROR ? "error" : sev == ZJ_SEV_WARNING ? "warning" : "info";
}

const char *zj_severity_label(zj_severity sev)
{
	switch (sev) {
	case ZJ_SEV_ERROR: return _("error");
	case ZJ_SEV_WARNING: return _("warning");
	case ZJ_SEV_INFO: break;
	}
	return _("info");
}

/* ---- findings --------------------------------------------------------- */

void zj_findings_free(zj_findings *f)
{
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		free(f->list[i]);
	zj_buf_free(&f->arena);
	free(f->groups);
	memset(f, 0, sizeof *f);
}

size_t zj_findings_total(const zj_findings *f)
{
	size_t n = 0;
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		for (size_t k = 0; k < f->count[i]; k++)
			n += !f->list[i][k].hidden;
	return n;
}

size_t zj_finding_count(const zj_findings *f, const zj_finding *x)
{
	if (!x->lead)
		return 1;
	size_t lo = 0, hi = f->ngroups;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const zj_finding_group *g = &f->groups[mid];
		if (g->rule < x->rule || (g->rule == x->rule && g->start < x->start))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->ngroups && f->groups[lo].rule == x->rule && f->groups[lo].start == x->start
		       ? f->groups[lo].count : 1;
}

size_t zj_findings_with_severity(const zj_findings *f, zj_severity sev)
{
	size_t n = 0;
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		for (size_t k = 0; k < f->count[i]; k++)
			n += f->list[i][k].severity == sev && !f->list[i][k].hidden;
	return n;
}

uint32_t zj_rule_arena_add(zj_findings *f, const char *s)
{
	if (f->arena.len == 0)
		zj_buf_putc(&f->arena, '\0'); /* offset 0 means "none" */
	uint32_t at = (uint32_t)f->arena.len;
	zj_buf_append(&f->arena, s, strlen(s) + 1);
	return at;
}

zj_finding *zj_rule_add(zj_findings *f, zj_rule rule, size_t start, size_t end)
{
	zj_grow((void **)&f->list[rule], &f->cap[rule], f->count[rule] + 1, sizeof(zj_finding));
	zj_finding *x = &f->list[rule][f->count[rule]++];
	*x = (zj_finding){.start = (uint32_t)start, .len = (uint32_t)(end - start),
			  .rule = (uint8_t)rule,
			  .severity = (uint8_t)zj_rule_table[rule].info.severity, .kind = -1};
	return x;
}

void zj_rule_add_msg(zj_findings *f, zj_rule rule, size_t start, size_t end, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	uint32_t at = zj_rule_arena_add(f, msg);
	zj_rule_add(f, rule, start, end)->extra = at;
}

static const char *gap_message(zj_gap_kind kind)
{
	switch (kind) {
	case ZJ_GAP_NUMBER: return _("unfilled number");
	case ZJ_GAP_YEAR: return _("unfilled year");
	case ZJ_GAP_DATE: return _("unfilled date");
	case ZJ_GAP_NAME: return _("unfilled name");
	case ZJ_GAP_ORDINAL: return _("unfilled ordinal");
	case ZJ_GAP_BLANK: return _("unfilled blank");
	case ZJ_GAP_PROMPT: return _("unanswered prompt");
	case ZJ_GAP_OTHER: break;
	}
	return _("to-do mark left in the text");
}

const char *zj_finding_message(const zj_findings *f, const zj_finding *x)
{
	if (x->rule == ZJ_RULE_DUPLICATE_PARAGRAPH) {
		static char buf[128];
		snprintf(buf, sizeof buf, _("this paragraph repeats line %ld"), (long)x->extra);
		return buf;
	}
	if (x->extra)
		return f->arena.data + x->extra;
	if (x->rule == ZJ_RULE_PLACEHOLDER)
		return gap_message((zj_gap_kind)x->kind);
	return _(zj_rule_table[x->rule].info.summary);
}

const char *zj_finding_fix(const zj_findings *f, const zj_finding *x)
{
	if (!x->has_fix)
		return NULL;
	const char *msg = f->arena.data + x->extra;
	return msg + strlen(msg) + 1;
}

void zj_findings_iter_init(zj_findings_iter *it, const zj_findings *f)
{
	memset(it, 0, sizeof *it);
	it->f = f;
}

void zj_findings_iter_init_all(zj_findings_iter *it, const zj_findings *f)
{
	zj_findings_iter_init(it, f);
	it->all = true;
}

const zj_finding *zj_findings_next(zj_findings_iter *it)
{
	const zj_finding *best = NULL;
	int best_rule = -1;
	for (int r = 0; r < ZJ_RULE_COUNT; r++) {
		while (!it->all && it->pos[r] < it->f->count[r] && it->f->list[r][it->pos[r]].hidden)
			it->pos[r]++;
		if (it->pos[r] >= it->f->count[r])
			continue;
		const zj_finding *x = &it->f->list[r][it->pos[r]];
		if (!best || x->start < best->start) {
			best = x;
			best_rule = r;
		}
	}
	if (best)
		it->pos[best_rule]++;
	return best;
}

void zj_findings_by_rule(const zj_findings *f, const zj_finding **out)
{
	size_t n = 0;
	for (int sev = ZJ_SEV_ERROR; sev >= ZJ_SEV_INFO; sev--)
		for (int r = 0; r < ZJ_RULE_COUNT; r++)
			for (size_t k = 0; k < f->count[r]; k++) {
				const zj_finding *x = &f->list[r][k];
				if (!x->hidden && x->severity == sev)
					out[n++] = x;
			}
}

size_t zj_findings_run(const zj_finding *const *list, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && list[j]->rule == list[i]->rule && list[j]->severity == list[i]->severity)
		j++;
	return j - i;
}

void zj_check_options_default(zj_check_options *opt)
{
	memset(opt, 0, sizeof *opt);
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		opt->enabled[i] = true;
}

/* Joins a notice (taken, may be NULL) to the ones before it. */
static void add_notice(char **notice, char *more)
{
	if (!more || !notice) {
		free(more);
		return;
	}
	if (*notice) {
		char *both = zj_xasprintf("%s; %s", *notice, more);
		free(*notice);
		free(more);
		more = both;
	}
	*notice = more;
}

zj_checker *zj_checker_new(const zj_check_options *opt, char **notice)
{
	zj_checker *c = zj_xcalloc(1, sizeof *c);
	c->opt = *opt;
	if (notice)
		*notice = NULL;
	if (c->opt.enabled[ZJ_RULE_SPELLING] && !zj_spelling_open(c, notice))
		c->opt.enabled[ZJ_RULE_SPELLING] = false;
	bool *on = c->opt.enabled;
	char *more = NULL;
	if (on[ZJ_RULE_MISWRITTEN] || on[ZJ_RULE_USAGE]) {
		c->proof = zj_proofreader_standard(&more);
		add_notice(notice, more);
	}
	if (on[ZJ_RULE_TRADITIONAL_CHAR]) {
		c->hanzi = zj_hanzi_standard(&more);
		add_notice(notice, more);
		on[ZJ_RULE_TRADITIONAL_CHAR] = c->hanzi != NULL;
	}
	return c;
}

void zj_checker_free(zj_checker *c)
{
	if (!c)
		return;
	zj_spelling_close(c);
	free(c);
}

/* ---- driver ----------------------------------------------------------- */

static int finding_cmp(const void *a, const void *b)
{
	const zj_finding *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->lead != y->lead)
		return x->lead ? -1 : 1; /* a group's lead before its first member */
	return x->len < y->len ? -1 : x->len > y->len;
}

/* Rules that make more than one pass report out of order; the merged
 * reading wants each list in text order. */
void zj_sort_findings(zj_findings *f)
{
	for (int r = 0; r < ZJ_RULE_COUNT; r++) {
		bool sorted = true;
		for (size_t i = 1; i < f->count[r] && sorted; i++)
			sorted = f->list[r][i - 1].start <= f->list[r][i].start;
		if (!sorted)
			qsort(f->list[r], f->count[r], sizeof(zj_finding), finding_cmp);
	}
}

/* The rules fall into two groups of about equal cost: those that read the
 * outline (built here when the caller has none) and the duplicate search;
 * and the scans of lines and bytes, gaps among them.  On a large text the second group runs
 * on a thread of its own, into findings of its own, merged afterwards. */
typedef struct rule_job {
	zj_checker *c;
	const char *s;
	size_t len;
	zj_findings f;
} rule_job;

static void run_group(const zj_checker *c, zj_rule_group group, const char *s, size_t len,
		      const zj_outline *o, zj_findings *f)
{
	zj_rule_input in = {c, s, len, o, f};
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		if (c->opt.enabled[r] && zj_rule_table[r].group == group)
			zj_rule_table[r].run(&in);
}

static bool group_wanted(const zj_checker *c, zj_rule_group group)
{
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		if (c->opt.enabled[r] && zj_rule_table[r].group == group)
			return true;
	return false;
}

/* The outline rules, with the outline built here when the caller has none;
 * then the last group, once the outline's memory is back. */
static void run_outline_groups(zj_checker *c, const char *s, size_t len, const zj_outline *o,
			       zj_findings *f, zj_article_spans *spans)
{
	zj_outline *own = NULL;
	bool grouping = false; /* warnings are grouped per article */
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		grouping |= c->opt.enabled[r] && zj_rule_table[r].info.severity != ZJ_SEV_ERROR;
	if (group_wanted(c, ZJ_GROUP_OUTLINE) || grouping) {
		if (!o)
			o = own = zj_outline_build(s, len);
		run_group(c, ZJ_GROUP_OUTLINE, s, len, o, f);
		/* the articles, for grouping once the outline is gone */
		spans->n = o->narticles;
		spans->span = zj_xcalloc(o->narticles + 1, sizeof *spans->span);
		for (size_t i = 0; i < o->narticles; i++) {
			spans->span[i].start = o->articles[i].start;
			spans->span[i].end = o->articles[i].end;
		}
	}
	zj_outline_free(own);
	run_group(c, ZJ_GROUP_LAST, s, len, NULL, f);
}

static void *text_group_thread(void *arg)
{
	rule_job *job = arg;
	run_group(job->c, ZJ_GROUP_TEXT, job->s, job->len, NULL, &job->f);
	return NULL;
}

/* Moves the lists of `from` (rules disjoint from those of `to`) into `to`,
 * rebasing their message offsets onto to's arena. */
static void merge_findings(zj_findings *to, zj_findings *from)
{
	uint32_t base = 0;
	if (from->arena.len) {
		if (to->arena.len == 0)
			zj_buf_putc(&to->arena, '\0');
		base = (uint32_t)to->arena.len;
		zj_buf_append(&to->arena, from->arena.data, from->arena.len);
	}
	for (int r = 0; r < ZJ_RULE_COUNT; r++) {
		if (!from->count[r])
			continue;
		for (size_t k = 0; k < from->count[r]; k++) {
			zj_finding *x = &from->list[r][k];
			if (x->extra && x->rule != ZJ_RULE_DUPLICATE_PARAGRAPH)
				x->extra += base;
		}
		free(to->list[r]);
		to->list[r] = from->list[r];
		to->count[r] = from->count[r];
		to->cap[r] = from->cap[r];
		from->list[r] = NULL;
		from->count[r] = from->cap[r] = 0;
	}
	zj_findings_free(from);
}

#define THREAD_THRESHOLD ((size_t)4 << 20)

void zj_check(zj_checker *c, const char *s, size_t len, const zj_outline *o, zj_findings *f)
{
	pthread_t thread;
	rule_job job = {.c = c, .s = s, .len = len};
	bool threaded = len >= THREAD_THRESHOLD &&
			pthread_create(&thread, NULL, text_group_thread, &job) == 0;
	if (!threaded)
		run_group(c, ZJ_GROUP_TEXT, s, len, NULL, f);
	zj_article_spans spans = {0};
	run_outline_groups(c, s, len, o, f, &spans);
	if (threaded) {
		pthread_join(thread, NULL);
		merge_findings(f, &job.f);
	}
	zj_sort_findings(f);
	zj_group_findings(f, s, &spans);
	free(spans.span);
}

void zj_check_without_spelling(const char *s, size_t len, const zj_outline *o, zj_findings *f)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	opt.enabled[ZJ_RULE_SPELLING] = false;
	zj_checker *c = zj_checker_new(&opt, NULL);
	memset(f, 0, sizeof *f);
	zj_check(c, s, len, o, f);
	zj_checker_free(c);
}

char *zj_apply_fixes(const char *text, size_t len, const zj_findings *f, const bool *rules,
		     size_t *new_len, size_t *applied)
{
	zj_buf out = {0};
	size_t pos = 0, n = 0;
	zj_findings_iter it;
	zj_findings_iter_init_all(&it, f); /* every mark of a group is fixed */
	const zj_finding *x;
	while ((x = zj_findings_next(&it))) {
		const char *fix = zj_finding_fix(f, x);
		bool wanted = rules ? rules[x->rule] : zj_rule_table[x->rule].info.fixable;
		if (!fix || !wanted || x->start < pos)
			continue;
		zj_buf_append(&out, text + pos, x->start - pos);
		zj_buf_puts(&out, fix);
		pos = x->start + x->len;
		n++;
	}
	zj_buf_append(&out, text + pos, len - pos);
	*new_len = out.len;
	*applied = n;
	return out.data;
}
