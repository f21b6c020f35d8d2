/* libFuzzer target: every rule of the checker and the fixes. */
#include <stdint.h>
#include <stdlib.h>

#include "zongjie/check.h"
#include "zongjie/proofread.h"
#include "zongjie/utf8.h"

static void no_match(const zj_proof_match *m, void *ctx)
{
	(void)m;
	(void)ctx;
}

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
	/* the input as a user's table, then the text scanned with it */
	zj_proofreader *p = zj_proofreader_new();
	zj_proofreader_add_text(p, ZJ_PROOF_MISWRITTEN, s, size, NULL);
	static const bool both[ZJ_PROOF_TABLES] = {true, true};
	zj_proofread(p, both, s, size, no_match, NULL);
	zj_proofreader_free(p);
	return 0;
}
