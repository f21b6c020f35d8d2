/* Rule placeholder: every gap the placeholder module finds is an error. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/utf8.h"

static bool on_gap(const zj_gap *gap, void *ctx)
{
	zj_finding *x = zj_rule_add(ctx, ZJ_RULE_PLACEHOLDER, gap->start, gap->end);
	x->kind = (int8_t)gap->kind;
	return true;
}

void zj_run_placeholder(const zj_rule_input *in)
{
	zj_gaps_scan(in->s, in->len, on_gap, in->f);
}
