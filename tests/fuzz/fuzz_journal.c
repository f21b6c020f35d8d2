/* libFuzzer target: recovery of random journals never crashes, hangs or
 * applies a record outside the text.  The first byte picks the shape: a
 * header written for the base text followed by the fuzzed records, or the
 * fuzzed bytes as a whole journal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/journal.h"
#include "zongjie/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BASE "东湖社区\n一、成效\nxx场次。\n"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	zj_doc *doc = zj_doc_new(BASE, strlen(BASE));
	zj_buf j = {0};
	if (data[0] & 1) {
		zj_buf_printf(&j, "zongjie-journal 1\npath /fuzz\nbase %zu %016llx\n\n", strlen(BASE),
			      (unsigned long long)zj_hash(BASE, strlen(BASE)));
	}
	zj_buf_append(&j, data + 1, size - 1);
	size_t used = 0;
	zj_error err;
	bool ok = zj_journal_apply(j.data, j.len, doc, &used, &err);
	size_t len;
	const char *text = zj_doc_text(doc, &len);
	if (!ok && (len != strlen(BASE) || memcmp(text, BASE, len)))
		abort(); /* a refused journal changes nothing */
	if (ok && (used > j.len || zj_utf8_valid_prefix(text, len) != len || memchr(text, '\0', len)))
		abort(); /* what was applied stayed inside the journal and the text */
	zj_buf_free(&j);
	zj_doc_free(doc);
	return 0;
}
