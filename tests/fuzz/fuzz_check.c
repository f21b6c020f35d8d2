/* libFuzzer target: every rule of the checker and the fixes. */
#include <stdint.h>
#include <stdlib.h>

#include "zongjie/check.h"
#include "zongjie/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static zj_checker *checker;
	const char *s = (const char *)data;
	if (zj_utf8_valid_prefix(s, size) != size)
		return 0;
	if (!checker) {
		zj_check_options opt;
		zj_check_options_default(&opt);
		checker = zj_checker_new(&opt, NULL);
	}
	zj_findings f = {0};
	zj_check(checker, s, size, NULL, &f);
	zj_findings_iter it;
	zj_findings_iter_init(&it, &f);
	const zj_finding *x;
	while ((x = zj_findings_next(&it)))
		if ((size_t)x->start + x->len > size || !zj_finding_message(&f, x))
			abort();
	size_t n, applied;
	free(zj_apply_fixes(s, size, &f, NULL, &n, &applied));
	zj_findings_free(&f);
	return 0;
}
