/* noise: see include/zongjie/noise.h. */
#include <config.h>

#include "zongjie/noise.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "zongjie/outline.h"
#include "zongjie/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Marks no summary writes: a line holding one is debris wherever it is. */
static const char *const sure_markers[] = {
	"##paidbegin##", "##paidend##", "上传人:", "上传人：", "当前位置:", "当前位置：",
	"免责声明", "如有侵权", "上一篇:", "上一篇：", "下一篇:", "下一篇：", "版权归原作者",
	"来源于网络", "关注本站", "本站所有", "手机扫码", "展开阅读全文", "下载此文档",
	"svip", "SVIP", "VIP会员", "收藏本文", "猜你喜欢", "素材库】", "添加客服", "代笔客服",
	"转载请注明", "转载请保留", "未经授权禁止转载",
};

/* Words of a site's links and buttons, which a summary may also use in a
 * sentence (推广扫码支付, 范文写作): the line is debris only when little
 * else is left once the link words are taken out. */
static const char *const link_markers[] = {
	"点击下载", "立即下载", "免费下载", "下载文档", "下载本文", "文档下载", "下载全文",
	"点击查看", "查看更多", "展开全文", "阅读全文", "本文来源", "素材库", "范文网", "范文",
	"文库", "www.", "http://", "https://", "关注公众号", "扫码", "相关推荐",
};

/* Ordinary words that are also a site's buttons (设立投诉举报电话, 供居民
 *下载, 经验分享, 资金来源): debris only beside another link word. */
static const char *const common_markers[] = {"下载", "分享", "来源", "举报", "更多", "首页", "精选"};

/* Other words of link runs, taken out with the markers but no marker of
 * their own (返回 收藏 打印 in a sentence are ordinary). */
static const char *const link_words[] = {
	"返回", "收藏", "点赞", "评论", "打印", "复制", "微信", "微博", "上一页", "下一页",
	"文档", "全文", "完整版", "页数", "上传", "时间", "大小", "热门", "推荐", "本站", "欢迎",
	"网络", "作者", "次数",
};

/* A line is a link run when at most this many Chinese characters are
 * left once the link words are taken out. */
#define LINK_RUN_REST 6

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

static void mark_first(const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		int32_t c;
		zj_utf8_decode(list[k], strlen(list[k]), 0, &c);
		noise_first[c / 64] |= (uint64_t)1 << (c % 64);
	}
}

static void noise_init(void)
{
	mark_first(sure_markers, COUNT(sure_markers));
	mark_first(link_markers, COUNT(link_markers));
	mark_first(common_markers, COUNT(common_markers));
}

/* Length of the word of list that starts at s[i], or 0. */
static size_t word_at(const char *s, size_t len, size_t i, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *w = list[k];
		if (w[0] != s[i] || (w[1] && i + 1 < len && w[1] != s[i + 1]))
			continue;
		size_t m = strlen(w);
		if (len - i >= m && !memcmp(s + i, w, m))
			return m;
	}
	return 0;
}

enum marker_kind { NO_MARKER, COMMON_MARKER, LINK_MARKER, SURE_MARKER };

/* The markers of a line, in one pass; *page says whether it holds a 页,
 * so the pager 第1页/共14页 is looked for only then. */
static enum marker_kind find_marker(const char *s, size_t len, bool *page)
{
	pthread_once(&noise_once, noise_init);
	const unsigned char *u = (const unsigned char *)s;
	enum marker_kind found = NO_MARKER;
	*page = false;
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
		*page |= c == 0x9875; /* 页 */
		if (noise_first[c / 64] >> (c % 64) & 1) {
			if (word_at(s, len, i, sure_markers, COUNT(sure_markers)))
				return SURE_MARKER;
			if (word_at(s, len, i, link_markers, COUNT(link_markers)))
				found = LINK_MARKER;
			else if (!found && word_at(s, len, i, common_markers, COUNT(common_markers)))
				found = COMMON_MARKER;
		}
		i += n;
	}
	return found;
}

/* Chinese characters left once the link words are taken out; *items
 * gets the number of link words. */
static size_t rest_of_link_run(const char *s, size_t len, size_t *items)
{
	size_t rest = 0;
	*items = 0;
	for (size_t i = 0; i < len && rest <= LINK_RUN_REST;) {
		size_t m = word_at(s, len, i, link_markers, COUNT(link_markers));
		if (!m)
			m = word_at(s, len, i, common_markers, COUNT(common_markers));
		if (!m)
			m = word_at(s, len, i, link_words, COUNT(link_words));
		if (m) {
			i += m;
			++*items;
			continue;
		}
		int32_t c;
		i += zj_utf8_decode(s, len, i, &c);
		rest += zj_is_han(c);
	}
	return rest;
}

/* The separators of a row of links or a breadcrumb: | ｜ > ＞ */
static size_t link_separators(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == '|' || s[i] == '>' ||
		     (i + 2 < len && (!memcmp(s + i, "｜", 3) || !memcmp(s + i, "＞", 3)));
	return n;
}

/* Words of a site's collection of model texts: 精选5篇, 汇编（5篇）. */
static const char *const collection_words[] = {"精选", "通用", "合集", "汇编", "最新", "优秀",
					       "范文", "模板", "大全"};

static bool has_collection_word(const char *s, size_t len)
{
	for (size_t k = 0; k < COUNT(collection_words); k++)
		if (memmem(s, len, collection_words[k], strlen(collection_words[k])))
			return true;
	return false;
}

/* A site's headline over a collection, a line that ends in a bracket
 * counting articles with a collection word in or before it:
 * 工作总结(精选5篇), 工作安排汇编（5篇）.  An ordinary 论文（2篇） is not. */
static bool is_collection_headline(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	size_t close = len && s[len - 1] == ')' ? 1 : len >= 3 && !memcmp(s + len - 3, "）", 3) ? 3 : 0;
	if (!close || memmem(s, len, "。", 3))
		return false;
	size_t open = len - close;
	while (open > 0 && s[open - 1] != '(' && (open < 3 || memcmp(s + open - 3, "（", 3)))
		open--;
	if (!open)
		return false;
	const char *in = s + open;
	size_t in_len = len - close - open;
	bool counted = false;
	for (size_t i = 0; i + 3 <= in_len && !counted; i++)
		counted = !memcmp(in + i, "篇", 3) && i > 0 &&
			  (zj_is_ascii_digit(in[i - 1]) || (unsigned char)in[i - 1] >= 0x80);
	size_t before = s[open - 1] == '(' ? open - 1 : open - 3;
	return counted && (has_collection_word(in, in_len) ||
			   has_collection_word(s + (before > 6 ? before - 6 : 0),
					       before > 6 ? 6 : before));
}

bool zj_is_noise_line(const char *s, size_t len)
{
	if (len && strchr(")\x89\r ", s[len - 1]) &&
	    is_collection_headline(s, len))
		return true;
	bool page;
	enum marker_kind kind = find_marker(s, len, &page);
	if (kind == SURE_MARKER)
		return true;
	if (kind != NO_MARKER) {
		/* a sentence or a heading is about the work, whatever words it uses */
		zj_heading h;
		size_t items;
		if (!memmem(s, len, "。", 3) && !zj_heading_parse(s, len, &h) &&
		    (kind == LINK_MARKER && link_separators(s, len) >= 2))
			return true; /* 相关推荐：甲总结 | 乙总结 | 丙报告 */
		if (!memmem(s, len, "。", 3) && !zj_heading_parse(s, len, &h) &&
		    rest_of_link_run(s, len, &items) <= LINK_RUN_REST &&
		    (kind == LINK_MARKER || items >= 2))
			return true;
	}
	return page && has_page_marker(s, len);
}
