/* libFuzzer target: skeleton loading and rendering. */
#include <stdint.h>
#include <stdlib.h>

#include "zongjie/skeleton.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zj_error err;
	zj_skeleton *sk = zj_skeleton_parse((const char *)data, size, &err);
	if (!sk)
		return 0;
	size_t len;
	free(zj_skeleton_render(sk, NULL, 0, &len, &err));
	zj_skeleton_free(sk);
	return 0;
}
