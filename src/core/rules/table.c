/* The checker's rules: id, default severity, fix, summary, group and run
 * function, one row each, in the order of zj_rule. */
#include <config.h>

#include "rules/rules.h"

#include "i18n.h"

#define RULE(id, sev, fixable, summary, group, run) {{id, sev, fixable, summary}, group, run}

const zj_rule_def zj_rule_table[ZJ_RULE_COUNT] = {
	[ZJ_RULE_PLACEHOLDER] = RULE("placeholder", ZJ_SEV_ERROR, false, N_("unfilled gap"),
				     ZJ_GROUP_TEXT, zj_run_placeholder),
	[ZJ_RULE_MISSING_PART] = RULE("missing-part", ZJ_SEV_WARNING, false,
				      N_("no achievements, problems or plan part"),
				      ZJ_GROUP_OUTLINE, zj_run_missing_part),
	[ZJ_RULE_EMPTY_PART] = RULE("empty-part", ZJ_SEV_ERROR, false,
				    N_("a part with a heading and no text"),
				    ZJ_GROUP_OUTLINE, zj_run_empty_part),
	[ZJ_RULE_PERCENT_RANGE] = RULE("percent-range", ZJ_SEV_ERROR, false,
				       N_("a rate above 100% where it cannot be"),
				       ZJ_GROUP_TEXT, zj_run_percent_range),
	[ZJ_RULE_PART_EXCEEDS_TOTAL] = RULE("part-exceeds-total", ZJ_SEV_ERROR, false,
					    N_("parts that add up to more than their total"),
					    ZJ_GROUP_TEXT, zj_run_part_exceeds_total),
	[ZJ_RULE_RATE_MISMATCH] = RULE("rate-mismatch", ZJ_SEV_WARNING, false,
				       N_("a rate that contradicts its own figures"),
				       ZJ_GROUP_TEXT, zj_run_rate_mismatch),
	[ZJ_RULE_DATE_INVALID] = RULE("date-invalid", ZJ_SEV_ERROR, false,
				      N_("an impossible date or a wrong weekday"),
				      ZJ_GROUP_TEXT, zj_run_date_invalid),
	[ZJ_RULE_HEADING_SEQUENCE] = RULE("heading-sequence", ZJ_SEV_WARNING, false,
					  N_("heading numbers that skip, repeat or mix styles"),
					  ZJ_GROUP_OUTLINE, zj_run_heading_sequence),
	[ZJ_RULE_NUMERAL_MIX] = RULE("numeral-mix", ZJ_SEV_WARNING, false,
				     N_("Latin digits in a Chinese-numeral year, full-width digits"),
				     ZJ_GROUP_TEXT, zj_run_numeral_mix),
	[ZJ_RULE_SITE_NOISE] = RULE("site-noise", ZJ_SEV_WARNING, false,
				    N_("model-site debris left in the text"),
				    ZJ_GROUP_TEXT, zj_run_site_noise),
	[ZJ_RULE_YEAR_MISMATCH] = RULE("year-mismatch", ZJ_SEV_WARNING, false,
				       N_("a year or half-year that contradicts the title"),
				       ZJ_GROUP_OUTLINE, zj_run_year_mismatch),
	[ZJ_RULE_STRAY_LATIN] = RULE("stray-latin", ZJ_SEV_WARNING, false,
				     N_("a lone Latin capital inside Chinese text"),
				     ZJ_GROUP_TEXT, zj_run_stray_latin),
	[ZJ_RULE_HALFWIDTH_PUNCT] = RULE("halfwidth-punct", ZJ_SEV_WARNING, true,
					 N_("half-width punctuation in Chinese text"),
					 ZJ_GROUP_TEXT, zj_run_halfwidth_punct),
	[ZJ_RULE_BRACKET_BALANCE] = RULE("bracket-balance", ZJ_SEV_WARNING, false,
					 N_("unbalanced quotes or brackets"),
					 ZJ_GROUP_TEXT, zj_run_bracket_balance),
	[ZJ_RULE_DUPLICATE_PARAGRAPH] = RULE("duplicate-paragraph", ZJ_SEV_WARNING, false,
					     N_("the same paragraph twice"),
					     ZJ_GROUP_LAST, zj_run_duplicate_paragraph),
	[ZJ_RULE_SPELLING] = RULE("spelling", ZJ_SEV_WARNING, false,
				  N_("a misspelt Latin-script word"),
				  ZJ_GROUP_TEXT, zj_run_spelling),
	[ZJ_RULE_LENGTH] = RULE("length", ZJ_SEV_INFO, false,
				N_("a part shorter or longer than its skeleton suggests"),
				ZJ_GROUP_OUTLINE, zj_run_length),
};
