/* libFuzzer target: file decoding and writing back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/fileio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *back;
	size_t len, back_len;
	zj_format fmt;
	zj_error err;
	if (!zj_decode((const char *)data, size, &text, &len, &fmt, &err))
		return 0;
	/* what decodes must encode back to the same bytes */
	if (!zj_encode(text, len, &fmt, &back, &back_len, &err))
		abort();
	if (fmt.encoding == ZJ_ENC_UTF8 && (back_len != size || memcmp(back, data, size)))
		abort();
	free(back);
	free(text);
	return 0;
}
