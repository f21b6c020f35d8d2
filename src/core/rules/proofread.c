/* Rules miswritten, usage, traditional-char and repeated-char: proofreading
 * of the Chinese text (proofread.h, hanzi.h).  Each finding carries the
 * right form as its suggestion. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>

#include "i18n.h"
#include "zongjie/hanzi.h"
#include "zongjie/proofread.h"

/* Appends a finding whose message names the right form, which follows the
 * message in the arena as the finding's fix. */
static zj_finding *add_suggestion(zj_findings *f, zj_rule rule, size_t start, size_t end,
				  const char *message, const char *right)
{
	uint32_t msg = zj_rule_arena_add(f, message);
	zj_rule_arena_add(f, right);
	zj_finding *x = zj_rule_add(f, rule, start, end);
	x->extra = msg;
	x->has_fix = 1;
	return x;
}

typedef struct proof_ctx {
	const char *s;
	zj_findings *f;
} proof_ctx;

static void on_table_match(const zj_proof_match *m, void *ctx)
{
	proof_ctx *p = ctx;
	char msg[256];
	int n = (int)(m->end - m->start);
	zj_rule rule;
	if (m->table == ZJ_PROOF_MISWRITTEN) {
		rule = ZJ_RULE_MISWRITTEN;
		snprintf(msg, sizeof msg, _("%.*s is miswritten: write %s"), n, p->s + m->start,
			 m->right);
	} else {
		rule = ZJ_RULE_USAGE;
		snprintf(msg, sizeof msg, _("official usage writes %s, not %.*s"), m->right, n,
			 p->s + m->start);
	}
	zj_finding *x = add_suggestion(p->f, rule, m->start, m->end, msg, m->right);
	x->severity = (uint8_t)(m->warning ? ZJ_SEV_WARNING : ZJ_SEV_INFO);
}

static void on_range(const zj_proof_match *m, void *ctx)
{
	proof_ctx *p = ctx;
	char msg[256];
	snprintf(msg, sizeof msg, _("official usage writes a range with %s, not %.*s"), m->right,
		 (int)(m->end - m->start), p->s + m->start);
	zj_finding *x = add_suggestion(p->f, ZJ_RULE_USAGE, m->start, m->end, msg, m->right);
	x->severity = ZJ_SEV_INFO;
}

/* One scan of the tables serves both rules: the miswritten rule runs it
 * for both when both are on, the usage rule only when it is alone. */
static void scan_tables(const zj_rule_input *in, bool miswritten, bool usage)
{
	proof_ctx p = {in->s, in->f};
	bool want[ZJ_PROOF_TABLES] = {[ZJ_PROOF_MISWRITTEN] = miswritten,
				      [ZJ_PROOF_USAGE] = usage};
	zj_proofread(in->checker->proof, want, in->s, in->len, on_table_match, &p);
	if (usage)
		zj_proof_ranges(in->s, in->len, on_range, &p);
}

void zj_run_miswritten(const zj_rule_input *in)
{
	scan_tables(in, true, in->checker->opt.enabled[ZJ_RULE_USAGE]);
}

void zj_run_usage(const zj_rule_input *in)
{
	if (!in->checker->opt.enabled[ZJ_RULE_MISWRITTEN])
		scan_tables(in, false, true);
}

static void on_traditional(size_t start, size_t end, const char *right, void *ctx)
{
	proof_ctx *p = ctx;
	char msg[128];
	snprintf(msg, sizeof msg, _("traditional character %.*s in simplified text: write %s"),
		 (int)(end - start), p->s + start, right);
	add_suggestion(p->f, ZJ_RULE_TRADITIONAL_CHAR, start, end, msg, right);
}

static void on_repeat(size_t start, size_t end, const char *right, void *ctx)
{
	proof_ctx *p = ctx;
	char msg[128];
	snprintf(msg, sizeof msg, _("%.*s is typed twice: write %s"), (int)(end - start),
		 p->s + start, right);
	add_suggestion(p->f, ZJ_RULE_REPEATED_CHAR, start, end, msg, right);
}

/* One pass serves both character rules, run by traditional-char when both
 * are on. */
void zj_run_traditional_char(const zj_rule_input *in)
{
	proof_ctx p = {in->s, in->f};
	bool repeats = in->checker->opt.enabled[ZJ_RULE_REPEATED_CHAR];
	zj_hanzi_check(in->checker->hanzi, in->s, in->len, on_traditional,
		       repeats ? on_repeat : NULL, &p);
}

void zj_run_repeated_char(const zj_rule_input *in)
{
	proof_ctx p = {in->s, in->f};
	if (!in->checker->opt.enabled[ZJ_RULE_TRADITIONAL_CHAR])
		zj_hanzi_check(NULL, in->s, in->len, NULL, on_repeat, &p);
}
