/* hanzi: see include/zongjie/hanzi.h. */
#include <config.h>

#include "zongjie/hanzi.h"

#include <opencc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/proofread.h"
#include "zongjie/util.h"
#include "zongjie/utf8.h"

/* The table covers the ideographs of the Basic Multilingual Plane. */
#define HAN_FIRST 0x3400
#define HAN_LAST 0x9FFF
#define HAN_COUNT (HAN_LAST - HAN_FIRST + 1)

struct zj_hanzi_table {
	uint64_t traditional[HAN_COUNT / 64 + 1]; /* changed by t2s */
	uint64_t simplified[HAN_COUNT / 64 + 1];  /* changed by s2t only */
	uint16_t simple_form[HAN_COUNT];         /* t2s of a traditional character */
};

static bool bit(const uint64_t *set, int32_t cp)
{
	uint32_t k = (uint32_t)(cp - HAN_FIRST);
	return set[k / 64] >> (k % 64) & 1;
}

static void set_bit(uint64_t *set, int32_t cp)
{
	uint32_t k = (uint32_t)(cp - HAN_FIRST);
	set[k / 64] |= (uint64_t)1 << (k % 64);
}

static size_t put_utf8(char *out, int32_t cp)
{
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | cp >> 12);
	out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Converts every character of the table's range, one a line, so that no
 * phrase of the dictionary spans two of them; returns the converted code
 * point of each (or -1 when the line is not one character). */
static int32_t *convert_all(const char *name, const char *fallback)
{
	/* OpenCC's own configurations load its phrase dictionaries too; ours
	 * load the character ones only, which is all a line of one needs */
	char *config = zj_proof_data_path(name);
	opencc_t cc = opencc_open(config);
	free(config);
	if (cc == (opencc_t)-1)
		cc = opencc_open(fallback);
	if (cc == (opencc_t)-1)
		return NULL;
	char *in = zj_xmalloc((size_t)HAN_COUNT * 4 + 1), *w = in;
	for (int32_t cp = HAN_FIRST; cp <= HAN_LAST; cp++) {
		w += put_utf8(w, cp);
		*w++ = '\n';
	}
	char *out = opencc_convert_utf8(cc, in, (size_t)(w - in));
	free(in);
	opencc_close(cc);
	if (!out)
		return NULL;
	int32_t *map = zj_xmalloc(HAN_COUNT * sizeof(int32_t));
	size_t len = strlen(out), i = 0;
	for (int k = 0; k < HAN_COUNT; k++) {
		int32_t cp = -1;
		size_t n = i < len ? zj_utf8_decode(out, len, i, &cp) : 0;
		if (i + n < len && out[i + n] == '\n')
			i += n + 1;
		else {
			cp = -1;
			const char *nl = i < len ? memchr(out + i, '\n', len - i) : NULL;
			i = nl ? (size_t)(nl - out) + 1 : len;
		}
		map[k] = cp;
	}
	opencc_convert_utf8_free(out);
	return map;
}

/* Traditional forms that simplified writing keeps for a meaning of their
 * own: 乾 in 乾坤, 夥 in 获益甚夥. */
static bool kept_in_simplified(int32_t cp)
{
	return cp == 0x4E7E /* 乾 */ || cp == 0x5925 /* 夥 */;
}

static zj_hanzi_table *standard;
static char *standard_notice;
static pthread_once_t standard_once = PTHREAD_ONCE_INIT;

static void build_standard(void)
{
	int32_t *t2s = convert_all("t2s-chars.json", "t2s.json");
	int32_t *s2t = t2s ? convert_all("s2t-chars.json", "s2t.json") : NULL;
	if (!t2s || !s2t) {
		standard_notice = zj_xstrdup(_("OpenCC's t2s/s2t configuration cannot be opened "
					       "(install libopencc-data); traditional characters are "
					       "not checked"));
		free(t2s);
		return;
	}
	standard = zj_xcalloc(1, sizeof *standard);
	for (int32_t cp = HAN_FIRST; cp <= HAN_LAST; cp++) {
		int k = cp - HAN_FIRST;
		if (t2s[k] != cp && t2s[k] >= HAN_FIRST && t2s[k] <= HAN_LAST &&
		    !kept_in_simplified(cp)) {
			set_bit(standard->traditional, cp);
			standard->simple_form[k] = (uint16_t)t2s[k];
		} else if (t2s[k] == cp && s2t[k] != cp)
			set_bit(standard->simplified, cp);
	}
	free(t2s);
	free(s2t);
}

const zj_hanzi_table *zj_hanzi_standard(char **notice)
{
	pthread_once(&standard_once, build_standard);
	if (notice)
		*notice = standard_notice ? zj_xstrdup(standard_notice) : NULL;
	return standard;
}

/* Decodes the code point at s[i] into *cp and returns its length; the
 * ideographs, three bytes each, take the short way. */
static inline size_t next_cp(const char *s, size_t len, size_t i, int32_t *cp)
{
	unsigned char b = (unsigned char)s[i];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xE3 && b <= 0xE9 && len - i >= 3 && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
	    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
		*cp = (b & 0x0F) << 12 | ((unsigned char)s[i + 1] & 0x3F) << 6 |
		      ((unsigned char)s[i + 2] & 0x3F);
		return 3;
	}
	return zj_utf8_decode(s, len, i, cp);
}

/* ---- repeated characters ------------------------------------------------ */

/* Characters that no word ends with and starts with at once, so that two
 * of them in a row are a slip of the keyboard. */
static bool never_doubles(int32_t c)
{
	return c == 0x4EEC /* 们 */ || c == 0x8FD9 /* 这 */ || c == 0x4E5F /* 也 */ ||
	       c == 0x53C8 /* 又 */ || c == 0x5DF2 /* 已 */ || c == 0x5F88 /* 很 */ ||
	       c == 0x7684 /* 的 */ || c == 0x4E86 /* 了 */;
}

static bool one_of(int32_t c, const char *list)
{
	char u[4];
	size_t n = put_utf8(u, c);
	u[n] = '\0';
	return strstr(list, u) != NULL;
}

/* 的的 is right after a word ending in 的 (目的, 有的) or before one
 * starting with it (的确); 了了 likewise (为了了解, 不了了之). */
static bool double_allowed(int32_t c, int32_t before, int32_t after)
{
	if (c == 0x7684) /* 的 */
		return one_of(before, "目有别似是真标打端之") || one_of(after, "确士哥卢");
	if (c == 0x4E86) /* 了 */
		return one_of(before, "不终末明") || one_of(after, "解之结却然如");
	return false;
}

/* Two-character words that are slips when typed twice: pronouns,
 * function words and the verbs of official writing, none of which starts
 * a longer word that could follow it (复制复制槽, 索引索引 and 伊洛伊洛
 * are right, so nouns and names are not looked at). */
static const char *const slip_words =
	" 我们 你们 他们 她们 它们 大家 我国 我市 我区 我县 我镇 我局 我校 自己"
	" 这些 那些 一些 各项 各级 进行 开展 加强 推进 推动 完善 提高 提升 实施 落实 做好"
	" 抓好 深入 积极 认真 不断 已经 正在 能够 应该 必须 通过 根据 按照"
	" 关于 对于 以及 并且 而且 但是 因为 所以 如果 虽然 同时 目前 今年 去年 明年 全年"
	" 确保 切实 有效 充分 全面 主要 重要 继续 及时 严格 召开 ";

static bool slip_word(int32_t a, int32_t b)
{
	char w[9] = " ";
	size_t n = 1 + put_utf8(w + 1, a);
	n += put_utf8(w + n, b);
	w[n++] = ' ';
	w[n] = '\0';
	return strstr(slip_words, w) != NULL;
}

typedef struct trad_hit {
	size_t at;
	int32_t cp;
} trad_hit;

/* The repeat check's window: the last four code points and where they
 * start, newest first. */
typedef struct window {
	int32_t c[4];
	size_t at[4];
	size_t reported;   /* end of the last repeat reported */
} window;

static void check_repeat(window *w, const char *s, size_t len, size_t end, zj_hanzi_fn fn,
			 void *ctx)
{
	const int32_t *c = w->c;
	const size_t *at = w->at;
	if (c[0] == c[1] && never_doubles(c[0])) {
		int32_t after = end < len ? zj_utf8_at(s, len, end, NULL) : 0;
		if (double_allowed(c[0], c[2], after))
			return;
		char right[5] = {0};
		memcpy(right, s + at[0], end - at[0]);
		fn(at[1], end, right, ctx);
		w->reported = end;
	} else if (c[0] == c[2] && c[1] == c[3] && c[0] != c[1] && at[3] >= w->reported &&
		   slip_word(c[3], c[2])) {
		char right[9] = {0};
		memcpy(right, s + at[3], at[1] - at[3]);
		fn(at[3], end, right, ctx);
		w->reported = end;
	}
}

static void report_traditional(const zj_hanzi_table *t, const trad_hit *hits, size_t count,
			       size_t simplified, zj_hanzi_fn fn, void *ctx)
{
	/* a text written in traditional characters is not a mistake */
	for (size_t k = 0; simplified > count && k < count; k++) {
		char right[4];
		size_t n = put_utf8(right, t->simple_form[hits[k].cp - HAN_FIRST]);
		right[n] = '\0';
		fn(hits[k].at, hits[k].at + 3, right, ctx);
	}
}

void zj_hanzi_check(const zj_hanzi_table *t, const char *s, size_t len, zj_hanzi_fn trad,
		    zj_hanzi_fn repeat, void *ctx)
{
	if (!trad)
		t = NULL;
	trad_hit *hits = NULL;
	size_t count = 0, cap = 0, simplified = 0;
	/* the repeat window in locals: the compiler keeps them in registers */
	int32_t c1 = 0, c2 = 0, c3 = 0;
	size_t a1 = 0, a2 = 0, a3 = 0, reported = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = next_cp(s, len, i, &cp);
		if (t && cp >= HAN_FIRST && cp <= HAN_LAST) {
			if (bit(t->traditional, cp)) {
				zj_grow((void **)&hits, &cap, count + 1, sizeof *hits);
				hits[count++] = (trad_hit){i, cp};
			} else
				simplified += bit(t->simplified, cp);
		}
		if (repeat && cp >= 0x3400 && (cp == c1 || cp == c2) && a1 >= reported) {
			window w = {{cp, c1, c2, c3}, {i, a1, a2, a3}, reported};
			check_repeat(&w, s, len, i + n, repeat, ctx);
			reported = w.reported;
		}
		c3 = c2;
		c2 = c1;
		c1 = cp;
		a3 = a2;
		a2 = a1;
		a1 = i;
		i += n;
	}
	if (t)
		report_traditional(t, hits, count, simplified, trad, ctx);
	free(hits);
}
