/* Grouping: one finding per article for a warning that fires all through
 * it (see zj_finding_group in zongjie/check.h). */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Fewer findings than this are shown one by one. */
#define HALFWIDTH_GROUP_MIN 5
#define LATIN_GROUP_MIN 3
/* Any other warning that fires this often in one article (full-width
 * digits all through a text) is a property of the article too. */
#define OTHER_GROUP_MIN 10

/* Full-width ，；：？！（ in s[start, end): what a text typed with Chinese
 * punctuation has. */
static size_t fullwidth_marks(const char *s, size_t start, size_t end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0;
	for (const unsigned char *p = u + start; (p = memchr(p, 0xEF, (size_t)(u + end - p)));) {
		if (p + 2 < u + end && p[1] == 0xBC &&
		    (p[2] == 0x8C || p[2] == 0x9B || p[2] == 0x9A || p[2] == 0x9F || p[2] == 0x81 ||
		     p[2] == 0x88))
			n++;
		p++;
	}
	return n;
}

/* Hides the findings [first, first + n) of rule r that `member` accepts
 * and appends their lead, with message msg, to leads. */
typedef bool (*member_fn)(const char *s, const zj_finding *x, int key);

static void make_group(zj_findings *f, zj_rule r, size_t first, size_t n, const char *s,
		       member_fn member, int key, const char *msg, zj_finding *leads, size_t *nleads)
{
	zj_finding *lead = NULL;
	uint32_t count = 0;
	for (size_t k = first; k < first + n; k++) {
		zj_finding *x = &f->list[r][k];
		if (!member(s, x, key))
			continue;
		if (!lead) {
			lead = &leads[(*nleads)++];
			*lead = *x;
			lead->has_fix = 0;
			lead->lead = 1;
		}
		x->hidden = 1;
		count++;
	}
	lead->extra = zj_rule_arena_add(f, msg);
	zj_grow((void **)&f->groups, &f->groups_cap, f->ngroups + 1, sizeof *f->groups);
	f->groups[f->ngroups++] = (zj_finding_group){lead->start, count, (uint8_t)r};
}

static bool any_member(const char *s, const zj_finding *x, int key)
{
	(void)s, (void)x, (void)key;
	return true;
}

static bool letter_member(const char *s, const zj_finding *x, int key)
{
	return s[x->start] == key;
}

/* One article's findings of rule r: list[r][first, first + n). */
static void group_article(zj_findings *f, zj_rule r, size_t first, size_t n, const char *s,
			  size_t start, size_t end, zj_finding *leads, size_t *nleads)
{
	char msg[256];
	if (r == ZJ_RULE_HALFWIDTH_PUNCT) {
		if (n < HALFWIDTH_GROUP_MIN || fullwidth_marks(s, start, end) >= n)
			return;
		snprintf(msg, sizeof msg, _("this article uses half-width punctuation (%zu marks); "
					    "zongjie check --fix converts them"), n);
		make_group(f, r, first, n, s, any_member, 0, msg, leads, nleads);
		return;
	}
	if (r != ZJ_RULE_STRAY_LATIN) {
		if (n < OTHER_GROUP_MIN)
			return;
		snprintf(msg, sizeof msg, _("%s: %zu times in this article; the first is here"),
			 _(zj_rule_table[r].info.summary), n);
		make_group(f, r, first, n, s, any_member, 0, msg, leads, nleads);
		return;
	}
	size_t per_letter[26] = {0};
	for (size_t k = first; k < first + n; k++) {
		char c = s[f->list[r][k].start];
		if (c >= 'A' && c <= 'Z')
			per_letter[c - 'A']++;
	}
	for (int c = 0; c < 26; c++) {
		if (per_letter[c] < LATIN_GROUP_MIN)
			continue;
		snprintf(msg, sizeof msg, _("lone Latin letter %c inside Chinese text, %zu times in "
					    "this article (a censored character?)"), 'A' + c,
			 per_letter[c]);
		make_group(f, r, first, n, s, letter_member, 'A' + c, msg, leads, nleads);
	}
}

void zj_group_findings(zj_findings *f, const char *s, const zj_article_spans *spans)
{
	for (int g = 0; g < ZJ_RULE_COUNT; g++) {
		zj_rule r = (zj_rule)g;
		/* errors are never grouped: each gap or wrong figure is fixed on
		 * its own; nor are findings that each say something of their own
		 * (the line a paragraph repeats, the word misspelt, the right form
		 * a proofreading finding suggests, the figure left from last year
		 * that must be updated where it stands) */
		if (!f->count[r] || zj_rule_table[r].info.severity == ZJ_SEV_ERROR ||
		    r == ZJ_RULE_DUPLICATE_PARAGRAPH || r == ZJ_RULE_SPELLING ||
		    r == ZJ_RULE_STALE_FIGURE ||
		    r == ZJ_RULE_MISWRITTEN || r == ZJ_RULE_USAGE ||
		    r == ZJ_RULE_TRADITIONAL_CHAR || r == ZJ_RULE_REPEATED_CHAR)
			continue;
		zj_finding *leads = NULL;
		size_t nleads = 0, k = 0;
		for (size_t a = 0; a < spans->n; a++) {
			size_t start = spans->span[a].start, end = spans->span[a].end;
			while (k < f->count[r] && f->list[r][k].start < start)
				k++;
			size_t first = k;
			while (k < f->count[r] && f->list[r][k].start < end)
				k++;
			if (k == first)
				continue;
			/* at most 26 groups an article: one per letter, or one */
			leads = zj_xrealloc(leads, (nleads + 26) * sizeof *leads);
			group_article(f, r, first, k - first, s, start, end, leads, &nleads);
		}
		if (!nleads) {
			free(leads);
			continue;
		}
		zj_grow((void **)&f->list[r], &f->cap[r], f->count[r] + nleads, sizeof(zj_finding));
		memcpy(f->list[r] + f->count[r], leads, nleads * sizeof *leads);
		f->count[r] += nleads;
		free(leads);
	}
	zj_sort_findings(f);
	/* groups sorted by rule, then start, for zj_finding_count */
	for (size_t i = 1; i < f->ngroups; i++)
		for (size_t j = i; j > 0 && (f->groups[j - 1].rule > f->groups[j].rule ||
					     (f->groups[j - 1].rule == f->groups[j].rule &&
					      f->groups[j - 1].start > f->groups[j].start)); j--) {
			zj_finding_group t = f->groups[j];
			f->groups[j] = f->groups[j - 1];
			f->groups[j - 1] = t;
		}
}
