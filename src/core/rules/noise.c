/* Rule site-noise: model-site debris lines (see zongjie/noise.h). */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/noise.h"
#include "i18n.h"
#include "zongjie/utf8.h"

static void noise_line(const char *s, size_t len, size_t start, size_t end, void *ctx)
{
	(void)len;
	if (end == start || !zj_is_noise_line(s + start, end - start))
		return;
	size_t shown = end - start > 60 ? zj_utf8_cp_start(s + start, 60) : end - start;
	zj_rule_add_msg(ctx, ZJ_RULE_SITE_NOISE, start, end, _("model-site debris: %.*s%s"), (int)shown,
		s + start, shown < end - start ? "…" : "");
}

void zj_run_site_noise(const zj_rule_input *in)
{
	zj_each_line(in->s, in->len, noise_line, in->f);
}
