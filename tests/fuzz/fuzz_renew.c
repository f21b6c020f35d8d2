/* libFuzzer target: renew's draft, renewed again, and stale-figure with
 * the input's two halves as last year's and this year's summary. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/check.h"
#include "zongjie/renew.h"
#include "zongjie/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	if (zj_utf8_valid_prefix(s, size) != size)
		return 0;
	zj_renew_stats st;
	zj_error err;
	size_t n, n2;
	char *draft = zj_renew(s, size, NULL, &n, &st, &err);
	if (!draft || zj_utf8_valid_prefix(draft, n) != n || strlen(draft) > n)
		abort();
	char *again = zj_renew(draft, n, NULL, &n2, NULL, &err);
	if (!again)
		abort();
	free(again);
	free(draft);

	size_t half = zj_utf8_cp_start(s, size / 2);
	zj_check_options opt;
	zj_check_options_default(&opt);
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		opt.enabled[r] = r == ZJ_RULE_STALE_FIGURE;
	opt.against = s;
	opt.against_len = half;
	zj_checker *c = zj_checker_new(&opt, NULL);
	zj_findings f = {0};
	zj_check(c, s + half, size - half, NULL, &f);
	zj_findings_free(&f);
	zj_checker_free(c);
	return 0;
}
