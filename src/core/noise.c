/* noise: see include/zongjie/noise.h. */
#include <config.h>

#include "zongjie/noise.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "zongjie/utf8.h"

static const char *const noise_markers[] = {
	"##paidbegin##", "##paidend##", "点击下载", "立即下载", "免费下载", "下载文档",
	"下载本文", "文档下载", "下载全文", "上传人:", "上传人：", "当前位置:", "当前位置：",
	"点击查看", "查看更多", "展开全文", "阅读全文", "本文来源", "来源于网络", "版权归原作者",
	"素材库", "范文网", "文库", "svip", "SVIP", "VIP会员", "www.", "http://", "https://",
	"关注公众号", "扫码", "举报", "收藏本文", "精选", "猜你喜欢", "相关推荐",
};

static size_t digits_end(const char *s, size_t len, size_t i)
{
	while (i < len && zj_is_ascii_digit(s[i]))
		i++;
	return i;
}

static bool has_page_marker(const char *s, size_t len)
{
	/* 第1页 / 共14页 */
	const char *p = memmem(s, len, "第", 3);
	while (p) {
		size_t i = (size_t)(p - s) + 3;
		size_t e = digits_end(s, len, i);
		if (e > i && len - e >= 3 && !memcmp(s + e, "页", 3)) {
			const char *q = memmem(s + e, len - e, "共", 3);
			if (q) {
				size_t j = (size_t)(q - s) + 3;
				size_t k = digits_end(s, len, j);
				if (k > j && len - k >= 3 && !memcmp(s + k, "页", 3))
					return true;
			}
		}
		p = memmem(s + i, len - i, "第", 3);
	}
	return false;
}

/* Lines are many and noise is rare: a marker is only looked for where
 * the line holds its first character, found through a bitmap of the
 * first characters of all markers. */
static uint64_t noise_first[0x10000 / 64]; /* first characters of the markers */
static pthread_once_t noise_once = PTHREAD_ONCE_INIT;

static void noise_init(void)
{
	for (size_t k = 0; k < sizeof noise_markers / sizeof *noise_markers; k++) {
		int32_t c;
		zj_utf8_decode(noise_markers[k], strlen(noise_markers[k]), 0, &c);
		noise_first[c / 64] |= (uint64_t)1 << (c % 64);
	}
}

static bool has_noise_marker(const char *s, size_t len)
{
	pthread_once(&noise_once, noise_init);
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		unsigned char b = u[i];
		int32_t c;
		size_t n;
		if (b < 0x80) {
			c = b;
			n = 1;
		} else if (b >= 0xE0 && b < 0xF0 && i + 2 < len) {
			c = (b & 0x0F) << 12 | (u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
			n = 3;
		} else {
			i += b >= 0xF0 ? 4 : b >= 0xC0 ? 2 : 1;
			continue;
		}
		if (noise_first[c / 64] >> (c % 64) & 1)
			for (size_t k = 0; k < sizeof noise_markers / sizeof *noise_markers; k++) {
				const char *w = noise_markers[k];
				if (w[0] != s[i] || (n > 1 && w[1] != s[i + 1]))
					continue;
				size_t m = strlen(w);
				if (len - i >= m && !memcmp(s + i, w, m))
					return true;
			}
		i += n;
	}
	return false;
}

bool zj_is_noise_line(const char *s, size_t len)
{
	if (has_noise_marker(s, len))
		return true;
	/* a short line naming a model-text site: 天天范文 */
	if (memmem(s, len, "范文", 6) && zj_utf8_count(s, len) <= 8)
		return true;
	return has_page_marker(s, len);
}
