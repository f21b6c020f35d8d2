/* libFuzzer target: gap scanning and gap navigation. */
#include <stdint.h>
#include <stdlib.h>

#include "zongjie/placeholder.h"
#include "zongjie/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool in_range(const zj_gap *g, void *ctx)
{
	size_t size = *(size_t *)ctx;
	if (g->start >= g->end || g->end > size)
		abort();
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	if (zj_utf8_valid_prefix(s, size) != size)
		return 0;
	zj_gaps_scan(s, size, in_range, &size);
	zj_gap g;
	size_t count = 0;
	for (size_t pos = 0; zj_gap_next(s, size, pos, &g); pos = g.end)
		if (++count > size)
			abort();
	zj_gap_prev(s, size, size, &g);
	return 0;
}
