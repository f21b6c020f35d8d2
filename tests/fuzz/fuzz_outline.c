/* libFuzzer target: outline detection and export renumbering. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/export.h"
#include "zongjie/outline.h"
#include "zongjie/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	if (zj_utf8_valid_prefix(s, size) != size)
		return 0;
	zj_outline *o = zj_outline_build(s, size);
	for (size_t i = 0; i < o->nparts; i++)
		if (o->parts[i].start > o->parts[i].end || o->parts[i].end > size)
			abort();
	zj_export_options opt = {true, true, true};
	size_t n;
	free(zj_export_text(s, size, o, &opt, &n));
	zj_outline_free(o);
	return 0;
}
