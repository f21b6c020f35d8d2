/* The checker in the editor: the margin marks of the article being
 * written, the F3 findings panel, and the suggestion F2 applies. */
#include <config.h>

#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/suggest.h"
#include "zongjie/utf8.h"

/* Runs the checker over [start, end) of the text, an article or the
 * whole (no spelling: it needs no network of words to be useful in the
 * margin).  Findings are at offsets from start. */
static void run_check(ui *u, zj_findings *f, size_t start, size_t end)
{
	if (start == 0 && end == zj_text_len(u->ed->doc->text)) {
		size_t len;
		const char *s = zj_doc_text(u->ed->doc, &len);
		zj_check_without_spelling(s, len, zj_doc_outline(u->ed->doc), f);
	} else {
		char *s = zj_text_dup(u->ed->doc->text, start, end);
		zj_outline *o = zj_outline_build(s, end - start);
		zj_check_without_spelling(s, end - start, o, f);
		zj_outline_free(o);
		free(s);
	}
}

/* The margin marks of the article the cursor is in: checking it costs
 * the article, not the document, so it runs whenever the writer pauses. */
void refresh_marks(ui *u)
{
	size_t start, end, len = zj_text_len(u->ed->doc->text);
	zj_ed_article_range(u->ed, &start, &end);
	if (len <= AUTO_CHECK_BYTES) { /* a small file is checked whole */
		start = 0;
		end = len;
	}
	u->nmarks = 0;
	u->marks_stale = false;
	u->marks_start = start;
	if (end - start > AUTO_CHECK_BYTES)
		return; /* a huge article: F3 checks it on demand */
	zj_findings f;
	run_check(u, &f, start, end);
	size_t n = zj_findings_total(&f);
	u->mark_at = zj_xrealloc(u->mark_at, (n + 1) * sizeof *u->mark_at);
	u->mark_sev = zj_xrealloc(u->mark_sev, n + 1);
	zj_findings_iter it;
	zj_findings_iter_init(&it, &f);
	const zj_finding *x;
	while ((x = zj_findings_next(&it))) {
		u->mark_at[u->nmarks] = start + x->start;
		u->mark_sev[u->nmarks++] = x->severity;
	}
	/* a whole small file keeps its findings for the suggestions (F2) */
	zj_findings_free(&u->found);
	if (start == 0 && end == zj_text_len(u->ed->doc->text))
		u->found = f;
	else {
		zj_findings_free(&f);
		memset(&u->found, 0, sizeof u->found);
	}
}

/* The F3 list: headings per rule and severity, then each finding with
 * its place and the text found, at least min_sev and of rule (-1: any). */
typedef struct finding_list {
	char **items;
	size_t *at, *len;
	int *rule;           /* the rule of each row, for the r filter */
	size_t n, total;
} finding_list;

static void add_row(finding_list *l, char *item, size_t at, const zj_finding *x)
{
	l->items[l->n] = item;
	l->at[l->n] = at;
	l->rule[l->n] = x->rule;
	l->len[l->n++] = x->len;
}

/* The heading of a rule's group: severity, summary, count and id. */
static char *group_heading(const zj_finding *x, size_t count)
{
	const zj_rule_info *r = zj_rule_get((zj_rule)x->rule);
	return zj_xasprintf("%s  %s (%zu)  [%s]",
			    x->severity == ZJ_SEV_ERROR     ? _("error")
			    : x->severity == ZJ_SEV_WARNING ? _("warning")
							    : _("info"),
			    _(r->summary), count, r->id);
}

/* A finding's row: its place, the text found (a gap's own text, up to a
 * line's worth) and its message. */
static char *finding_row(ui *u, const zj_findings *f, const zj_finding *x, size_t at)
{
	long line, col;
	zj_doc_position(u->ed->doc, at, &line, &col);
	size_t shown = x->len < 60 ? x->len : 60;
	char *found = zj_text_dup(u->ed->doc->text, at, at + shown);
	found[zj_utf8_valid_prefix(found, shown)] = '\0';
	for (char *c = found; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	char *row = zj_xasprintf("    %ld:%ld  「%s」  %s", line, col, found, zj_finding_message(f, x));
	free(found);
	return row;
}

static void list_findings(ui *u, const zj_findings *f, size_t base, int min_sev, int rule,
			  finding_list *l)
{
	size_t all = zj_findings_total(f), total = 0;
	const zj_finding **order = zj_xcalloc(all + 1, sizeof *order);
	zj_findings_by_rule(f, order);
	for (size_t i = 0; i < all; i++) /* keep the order, drop what the filter leaves out */
		if ((int)order[i]->severity >= min_sev && (rule < 0 || order[i]->rule == rule))
			order[total++] = order[i];
	l->items = zj_xcalloc(2 * total + 1, sizeof *l->items);
	l->at = zj_xcalloc(2 * total + 1, sizeof *l->at);
	l->len = zj_xcalloc(2 * total + 1, sizeof *l->len);
	l->rule = zj_xcalloc(2 * total + 1, sizeof *l->rule);
	l->n = 0;
	l->total = total;
	for (size_t i = 0; i < total; i++) {
		const zj_finding *x = order[i];
		size_t at = base + x->start;
		if (i == 0 || x->rule != order[i - 1]->rule || x->severity != order[i - 1]->severity)
			add_row(l, group_heading(x, zj_findings_run(order, total, i)), at, x);
		add_row(l, finding_row(u, f, x, at), at, x);
	}
	free(order);
}

static void free_list(finding_list *l)
{
	free_items(l->items, l->n);
	free(l->at);
	free(l->len);
	free(l->rule);
}

/* Lists findings (all, or errors only) of the article chosen or the file
 * and jumps to the one chosen; e, w, a filter by severity, r keeps the
 * rule of the row selected. */
bool findings_panel(ui *u, bool errors_only, const char *title, size_t base, size_t end)
{
	zj_findings f;
	run_check(u, &f, base, end);
	int min_sev = errors_only ? ZJ_SEV_ERROR : ZJ_SEV_INFO, rule = -1;
	for (;;) {
		finding_list l;
		list_findings(u, &f, base, min_sev, rule, &l);
		if (l.total == 0 && min_sev == (errors_only ? ZJ_SEV_ERROR : ZJ_SEV_INFO) && rule < 0) {
			say(u, "%s", _("no findings"));
			free_list(&l);
			zj_findings_free(&f);
			return false;
		}
		char head[256];
		snprintf(head, sizeof head, "%s (%zu)  %s", title, l.total,
			 _("e errors, w warnings, a all, r this rule"));
		int key = 0;
		long sel = 0, pick = choose_keys(u, head, l.items, l.n, 0, "ewar", &key, &sel);
		if (pick == -2) {
			min_sev = key == 'e' ? ZJ_SEV_ERROR : key == 'w' ? ZJ_SEV_WARNING : ZJ_SEV_INFO;
			rule = key == 'r' && sel >= 0 && (size_t)sel < l.n ? l.rule[sel] : key == 'a' ? -1 : rule;
			free_list(&l);
			continue;
		}
		if (pick >= 0) {
			/* the finding's text selected */
			zj_ed_set_cursor(u->ed, l.at[pick]);
			zj_ed_select(u->ed, l.at[pick], l.at[pick] + l.len[pick]);
		}
		free_list(&l);
		zj_findings_free(&f);
		return true;
	}
}

/* F3: the margin brought up to date, then every finding of the article
 * chosen, or of all. */
void show_findings(ui *u)
{
	size_t start, end;
	zj_ed_scope(u->ed, &start, &end);
	refresh_marks(u);
	findings_panel(u, false, _("Findings"), start, end);
}

/* F2: the suggestion shown on the status line goes into the text. */
void apply_suggestion(ui *u)
{
	const zj_finding *x = u->marks_stale ? NULL : zj_suggestion_at(u->ed, &u->found);
	if (!x || !zj_suggestion_apply(u->ed, &u->found, x))
		say(u, "%s", _("no suggestion at the cursor"));
}
