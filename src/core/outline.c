/* outline: see include/zongjie/outline.h for the rules. */
#include <config.h>

#include "zongjie/outline.h"
#include "outline_scan.h"

#include "i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "outline_lines.h"
#include "outline_marker.h"
#include "outline_words.h"
#include "zongjie/utf8.h"
#include "zongjie/util.h"

const char *zj_part_name(zj_part_kind kind)
{
	static const char *const names[] = {"opening", "achievements", "problems",
					    "plan",    "other",        "closing"};
	return names[kind];
}

/* ---- line classes ----------------------------------------------------- */

enum line_class {
	LINE_BLANK,
	LINE_NEUTRAL,   /* no Han character: separators, site markers */
	LINE_PARA,
	LINE_TITLE,     /* short, no sentence end */
	LINE_TITLE_KW,  /* … that names a summary, plan or report */
	LINE_TITLE_PIAN,/* … that carries a 篇 marker */
	LINE_HEADING,
	LINE_BARE,      /* a part heading without number: 存在的不足 */
};

static const char *const title_words[] = {"总结", "计划", "报告", "安排", "汇报",
					  "述职", "要点", "小结", "范文", "Report", "Review",
					  "Summary"};

/* 范文2, 例文三: the number of an article in a collection of models. */
static bool has_model_number(const char *s, size_t len)
{
	static const char *const words[] = {"范文", "例文"};
	for (size_t k = 0; k < 2; k++)
		for (const char *hit = s; (hit = memmem(hit, len - (size_t)(hit - s), words[k], 6));
		     hit += 6) {
			size_t j = (size_t)(hit - s) + 6;
			int v;
			if (outline_cn_number(s, len, j, &v) || zj_is_digit(zj_utf8_at(s, len, j, NULL)))
				return true;
		}
	return false;
}

static bool has_pian_marker(const char *s, size_t len)
{
	if (has_model_number(s, len))
		return true;
	for (const char *hit = s; (hit = memmem(hit, len - (size_t)(hit - s), "篇", 3)); hit += 3) {
		size_t i = (size_t)(hit - s);
		size_t j = zj_skip_space(s, len, i + 3);
		int v;
		int32_t c = zj_utf8_at(s, len, j, NULL);
		if (outline_cn_number(s, len, j, &v) || zj_is_digit(c))
			return true;
		/* 第三篇 */
		size_t b = i;
		while (b > 0) {
			size_t p = zj_utf8_cp_start(s, b - 1);
			int32_t d = zj_utf8_at(s, len, p, NULL);
			if (outline_cn_digit(d) < 0 && d != OUTLINE_CN_TEN && !zj_is_digit(d))
				break;
			b = p;
		}
		if (b < i && b >= 3 && !memcmp(s + b - 3, "第", 3))
			return true;
	}
	return false;
}

static enum line_class classify_line(const char *s, size_t len, zj_heading *h)
{
	size_t i = zj_skip_space(s, len, 0);
	if (i >= len)
		return LINE_BLANK;
	if (zj_heading_parse(s, len, h))
		return LINE_HEADING;
	/* Counted on bytes: code points are the non-continuation bytes, and
	 * CJK ideographs are the 3-byte characters led by E3..E9 (close
	 * enough to tell text from separators). */
	size_t count = 0;
	bool han = false, latin = false;
	for (size_t p = i; p < len; p++) {
		unsigned char b = (unsigned char)s[p];
		count += (b & 0xC0) != 0x80;
		han |= b >= 0xE3 && b <= 0xE9;
		latin |= (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
		if (count > ZJ_HEADING_MAX_LINE && han)
			return LINE_PARA;
	}
	if (!han && !latin)
		return LINE_NEUTRAL;
	/* an English title may run to a hundred characters */
	size_t max_title = han ? ZJ_HEADING_MAX_LINE : 100;
	int32_t last = 0;
	for (size_t end = len; end > i;) {
		size_t p;
		if (!zj_is_space(last = zj_utf8_before(s, len, end, &p)))
			break;
		end = p;
	}
	if (count <= 17 && han && outline_bare_heading(s + i, len - i))
		return LINE_BARE;
	/* 工作总结 篇一： keeps its colon */
	bool colon = last == 0xFF1A || last == ':';
	if (count <= max_title && colon && has_pian_marker(s, len))
		return LINE_TITLE_PIAN;
	if (count > max_title || outline_sentence_end(last) || last == 0xFF0C || last == ',' ||
	    last == 0x3001 || last == '.')
		return LINE_PARA;
	if (has_pian_marker(s, len))
		return LINE_TITLE_PIAN;
	for (size_t k = 0; k < sizeof title_words / sizeof title_words[0]; k++)
		if (memmem(s, len, title_words[k], strlen(title_words[k])))
			return LINE_TITLE_KW;
	return LINE_TITLE;
}

/* ---- building --------------------------------------------------------- */

typedef struct line_info {
	size_t start, end; /* end excludes CR LF */
	size_t real;       /* line of the text it lies on (page chunks hold several) */
	unsigned char cls;
	bool item;         /* a numbered item of a list, not a part's heading */
	long heading;      /* index into sections, -1 */
} line_info;

typedef struct builder {
	const char *text;
	size_t len;
	line_info *lines;
	size_t nlines;     /* lines read so far */
	size_t base;       /* global number of lines[0]: only the current
			      article's lines are kept */
	zj_outline *o;
	size_t part_cap, article_cap;
} builder;

#define LINE(b, i) (&(b)->lines[(i) - (b)->base])
#define REAL(b, i) ((uint32_t)LINE(b, i)->real)

static size_t line_end_offset(const builder *b, size_t line)
{
	/* end of the part: start of the following line, or the text end */
	return line + 1 < b->nlines ? LINE(b, line + 1)->start : b->len;
}

static void add_part(builder *b, zj_part_kind kind, long heading, size_t first, size_t last)
{
	zj_outline *o = b->o;
	zj_grow((void **)&o->parts, &b->part_cap, o->nparts + 1, sizeof *o->parts);
	zj_part *p = &o->parts[o->nparts++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->heading = heading;
	p->first_line = REAL(b, first);
	p->start = LINE(b, first)->start;
	p->end = line_end_offset(b, last);
	p->last_line = p->first_line;
	for (size_t i = last + 1; i-- > first;)
		if (LINE(b, i)->cls != LINE_BLANK) {
			p->last_line = REAL(b, i);
			break;
		}
	/* Sections inside, the part's own heading excluded. */
	bool found = false;
	for (size_t i = first; i <= last; i++) {
		long h = LINE(b, i)->heading;
		if (h < 0 || h == heading)
			continue;
		if (!found) {
			p->first_section = (size_t)h;
			found = true;
		}
		p->nsections++;
	}
	size_t body = p->start;
	if (heading >= 0)
		body = o->sections[heading].title_end;
	p->chars = outline_count_chars(b->text, body, p->end);
}

/* Title, year and first text line of the article [first, last]; returns
 * the first text line (last + 1 if none). */
static size_t article_title(builder *b, zj_article *a, size_t first, size_t last)
{
	/* Title: the last title line naming a summary before the first text,
	 * else the first title line. */
	long title = -1, any_title = -1;
	size_t content = last + 1;
	for (size_t i = first; i <= last; i++) {
		unsigned char c = LINE(b, i)->cls;
		if (c == LINE_PARA || c == LINE_HEADING) {
			content = i;
			break;
		}
		if (c == LINE_TITLE_KW || c == LINE_TITLE_PIAN)
			title = (long)i;
		else if (c == LINE_TITLE && any_title < 0)
			any_title = (long)i;
	}
	if (title < 0)
		title = any_title;
	a->title_line = title < 0 ? -1 : (long)REAL(b, title);
	if (title >= 0) {
		const line_info *t = LINE(b, title);
		a->title_start = zj_skip_space(b->text, t->end, t->start);
		a->title_end = t->end;
		a->year = outline_find_year(b->text + t->start, t->end - t->start);
	}
	a->content_line = content <= last ? (long)REAL(b, content) : -1;
	if (!a->year && content <= last) {
		const line_info *t = LINE(b, content);
		a->year = outline_find_year(b->text + t->start, t->end - t->start);
	}
	return content;
}

/* Whether the paragraph line i ends with a colon: it introduces a list. */
static bool introduces_list(builder *b, size_t i)
{
	const line_info *l = LINE(b, i);
	if (l->cls != LINE_PARA)
		return false;
	int32_t c = zj_utf8_before(b->text, l->end, l->end, NULL);
	return c == 0xFF1A || c == ':';
}

/* Marks the one-line numbered items of a list introduced by a paragraph
 * ending with a colon (…重点做好以下工作：1、… 2、…): they are items, not
 * headings of parts. */
static void mark_list_items(builder *b, size_t first, size_t last)
{
	const zj_outline *o = b->o;
	for (size_t i = first; i <= last; i++) {
		if (!introduces_list(b, i))
			continue;
		int level = 0, items = 0;
		size_t k = i + 1;
		for (; k <= last; k++) {
			const line_info *l = LINE(b, k);
			if (l->cls == LINE_BLANK)
				continue;
			if (l->heading < 0)
				break;
			const zj_section *h = &o->sections[l->heading];
			if ((level && h->level != level) || h->title_end < l->end || h->marker == ZJ_MARK_NONE)
				break;
			level = h->level;
			items++;
		}
		/* one titled line after a colon is a heading; two or more, a list */
		for (size_t m = i + 1; items >= 2 && m < k; m++)
			LINE(b, m)->item = LINE(b, m)->heading >= 0;
		i = k - 1;
	}
}

/* The level of the headings that divide the article into parts; headings
 * without a number take that level, or the level above when every
 * numbered heading comes after one of them (*bare_only: then they alone
 * divide it).  0 when there is no heading. */
static int article_top_level(builder *b, size_t first, size_t last, bool *bare_only)
{
	zj_outline *o = b->o;
	int top = 0, top_before_bare = 0;
	bool bare = false;
	mark_list_items(b, first, last);
	for (size_t i = first; i <= last; i++) {
		long h = LINE(b, i)->heading;
		if (h < 0 || LINE(b, i)->item)
			continue;
		int level = o->sections[h].level;
		bare |= level == 0;
		if (level && (top == 0 || level < top))
			top = level;
		if (level && !bare && (top_before_bare == 0 || level < top_before_bare))
			top_before_bare = level;
	}
	/* every numbered heading under a heading without number: only those
	 * divide the article (their level is shown one above, at least 1) */
	*bare_only = bare && top && !top_before_bare;
	if (bare) {
		top = !top ? 1 : top_before_bare ? top : top > 1 ? top - 1 : 1;
		for (size_t i = first; i <= last; i++) {
			long h = LINE(b, i)->heading;
			if (h >= 0 && o->sections[h].level == 0)
				o->sections[h].level = (uint8_t)top;
		}
	}
	return top;
}

/* The line of a summing-up last paragraph of the part [first, last], or
 * -1.  The part keeps some text of its own. */
static long closing_line(builder *b, size_t first, size_t last, long heading)
{
	/* the last paragraph before blank lines, separators and site debris */
	size_t k = last + 1;
	while (k-- > first &&
	       (LINE(b, k)->cls == LINE_BLANK || LINE(b, k)->cls == LINE_NEUTRAL ||
		outline_debris_line(b->text + LINE(b, k)->start, LINE(b, k)->end - LINE(b, k)->start)))
		;
	if (k <= first || k > last || LINE(b, k)->cls != LINE_PARA ||
	    !outline_closing_paragraph(b->text + LINE(b, k)->start,
				       LINE(b, k)->end - LINE(b, k)->start))
		return -1;
	bool other_body = heading < 0 || b->o->sections[heading].title_end < LINE(b, first)->end;
	for (size_t m = first + 1; m < k; m++)
		other_body |= LINE(b, m)->cls != LINE_BLANK;
	return other_body ? (long)k : -1;
}

/* Whether line i starts a part: a heading of the top level, or a
 * paragraph that opens the problems without a heading. */
static bool part_starts(builder *b, size_t i, int top, bool bare_only)
{
	const line_info *l = LINE(b, i);
	if (l->heading < 0)
		return false;
	const zj_section *h = &b->o->sections[l->heading];
	if (bare_only)
		return h->marker == ZJ_MARK_NONE;
	return h->level == top && !l->item;
}

/* Where the text has no heading for them, paragraphs start parts by how
 * they open: under achievements, the problems (…还存在一些不足：一是…);
 * in an article or an opening without headings (unheaded), also the plan
 * (下一步，… 明年，…) and the achievements at the paragraph after the
 * opening's.  Returns the kind line i starts, ZJ_PART_OPENING for none. */
static zj_part_kind unheaded_part(builder *b, const zj_article *a, size_t i,
				  zj_part_kind current, bool unheaded, bool opening_said)
{
	const line_info *l = LINE(b, i);
	if (l->heading >= 0 || l->cls != LINE_PARA)
		return ZJ_PART_OPENING;
	const char *s = b->text + l->start;
	size_t n = l->end - l->start;
	bool in_opening = current == ZJ_PART_OPENING && unheaded && opening_said;
	if ((in_opening || current == ZJ_PART_ACHIEVEMENTS) && outline_problems_lead(s, n))
		return ZJ_PART_PROBLEMS;
	bool reported = in_opening || current == ZJ_PART_ACHIEVEMENTS || current == ZJ_PART_PROBLEMS;
	if (unheaded && reported && outline_plan_lead(s, n, a->year))
		return ZJ_PART_PLAN;
	if (in_opening && !outline_closing_paragraph(s, n))
		return ZJ_PART_ACHIEVEMENTS;
	return ZJ_PART_OPENING;
}

/* Whether an unheaded problems paragraph may start a part in the opening:
 * when there is no heading (before the headings it would sum up what
 * follows), or when the first heading is the plan's or a later part's
 * (the problems come before it, without a heading of their own). */
static bool opening_holds_problems(builder *b, const zj_article *a, size_t first, size_t last,
				   int top, bool bare_only)
{
	if (top == 0)
		return true;
	for (size_t i = first; i <= last; i++) {
		if (!part_starts(b, i, top, bare_only))
			continue;
		const zj_section *s = &b->o->sections[LINE(b, i)->heading];
		zj_part_kind k = zj_part_from_heading(b->text + s->title_start,
						      s->title_end - s->title_start, a->year);
		return k == ZJ_PART_PLAN || k == ZJ_PART_OTHER;
	}
	return false;
}

static void build_article(builder *b, size_t first, size_t last)
{
	zj_outline *o = b->o;
	zj_grow((void **)&o->articles, &b->article_cap, o->narticles + 1, sizeof *o->articles);
	zj_article *a = &o->articles[o->narticles++];
	memset(a, 0, sizeof *a);
	a->first_line = REAL(b, first);
	a->last_line = REAL(b, last);
	a->start = LINE(b, first)->start;
	a->end = line_end_offset(b, last);
	a->first_part = o->nparts;
	size_t content = article_title(b, a, first, last);
	bool bare_only = false;
	int top = article_top_level(b, first, last, &bare_only);

	bool unheaded = opening_holds_problems(b, a, first, last, top, bare_only);
	bool opening_said = false; /* the opening has a paragraph */
	zj_part_kind current = ZJ_PART_OPENING, prev = ZJ_PART_ACHIEVEMENTS, lead = ZJ_PART_OPENING;
	long heading = -1;
	size_t start = first;
	for (size_t i = first; i <= last + 1; i++) {
		if (i <= last && !part_starts(b, i, top, bare_only) &&
		    (lead = unheaded_part(b, a, i, current, unheaded, opening_said)) ==
			    ZJ_PART_OPENING) {
			opening_said |= current == ZJ_PART_OPENING && i >= content &&
					LINE(b, i)->cls == LINE_PARA;
			continue;
		}
		if (i > start || (i > last && o->nparts == a->first_part)) {
			bool text = current != ZJ_PART_OPENING;
			for (size_t k = start; k < i && !text; k++)
				text = LINE(b, k)->cls != LINE_BLANK;
			long closing = i > last && current != ZJ_PART_OPENING
					       ? closing_line(b, start, last, heading) : -1;
			if (text || i > last)
				add_part(b, current, heading, start,
					 closing >= 0 ? (size_t)closing - 1 : i - 1);
			if (closing >= 0)
				add_part(b, ZJ_PART_CLOSING, -1, (size_t)closing, last);
		}
		if (i > last)
			break;
		heading = LINE(b, i)->heading;
		if (heading >= 0) {
			const zj_section *s = &o->sections[heading];
			current = zj_part_from_heading(b->text + s->title_start,
						       s->title_end - s->title_start, a->year);
			/* a heading whose words name no part follows the one before */
			if (current == ZJ_PART_OPENING)
				current = prev;
		} else
			current = lead;
		prev = current;
		start = i;
	}
	a->nparts = o->nparts - a->first_part;
}

/* The first heading after the reader's position: its number and level,
 * 0 if none within the next thousand lines (a title that far from any
 * heading starts nothing). */
static int next_heading_number(outline_reader r, int *level)
{
	outline_line l;
	for (int lines = 0; lines < 1000 && outline_reader_next(&r, &l); lines++) {
		zj_heading h;
		if (zj_heading_parse(r.text + l.start, l.end - l.start, &h)) {
			*level = h.level;
			return h.number;
		}
	}
	return 0;
}

bool zj_outline_plain_line(const char *line, size_t len)
{
	zj_heading h;
	return classify_line(line, len, &h) == LINE_PARA && !outline_chunk_candidate(line, len);
}

/* Whether the next line with anything on it after the reader's position
 * is a paragraph (not a link to another page, not the end). */
static bool paragraph_follows(outline_reader r)
{
	outline_line l;
	while (outline_reader_next(&r, &l)) {
		zj_heading h;
		enum line_class c = classify_line(r.text + l.start, l.end - l.start, &h);
		if (c != LINE_BLANK && c != LINE_NEUTRAL)
			return c == LINE_PARA;
	}
	return false;
}

/* Whether a title line ends by naming a summary or report (…个人年终总结,
 * …述职报告): a plan's name may head a part of a summary, these do not. */
static bool names_summary(const builder *b, const line_info *li)
{
	static const char *const ends[] = {"总结", "小结", "述职报告", "工作报告", "工作汇报"};
	const char *s = b->text + li->start;
	size_t n = li->end - li->start;
	size_t at;
	while (n > 0 && zj_is_space(zj_utf8_before(s, n, n, &at)))
		n = at;
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		size_t w = strlen(ends[k]);
		if (n >= w && !memcmp(s + n - w, ends[k], w))
			return true;
	}
	return false;
}

/* Whether a heading without number (2024年工作计划) may be the title of a
 * document of its own: it names a year, and the article's title (line
 * `title`, -1 if none) does not already name a part of its kind
 * (…工作总结暨2024年工作计划). */
static bool names_document(const builder *b, const line_info *li, long title)
{
	const char *s = b->text + li->start;
	size_t n = li->end - li->start;
	if (!outline_find_year(s, n))
		return false;
	if (title < 0)
		return true;
	const line_info *t = LINE(b, (size_t)title);
	return !outline_title_names(b->text + t->start, t->end - t->start,
				    zj_part_from_heading(s, n, 0));
}

/* A line that holds only a heading marker of level 1 or 2: （三） */
static bool marker_only(const char *s, size_t len, zj_heading *h)
{
	memset(h, 0, sizeof *h);
	size_t i = zj_skip_space(s, len, 0);
	size_t m = outline_parse_marker(s, len, i, h);
	if (!m || h->level > 2 || zj_skip_space(s, len, i + m) < len) {
		memset(h, 0, sizeof *h);
		return false;
	}
	h->marker_start = i;
	h->title_start = h->title_end = i + m;
	return true;
}

/* Reads one line into the builder: its class, and its section when it is
 * a heading.  has_text says whether the article has text yet: a part
 * heading without number is only one after some text. */
static line_info *read_line(builder *b, const outline_line *l, bool has_text, size_t *line_cap,
			    size_t *section_cap)
{
	zj_outline *o = b->o;
	size_t i = b->nlines++;
	zj_grow((void **)&b->lines, line_cap, i - b->base + 1, sizeof *b->lines);
	line_info *li = &b->lines[i - b->base];
	li->start = l->start;
	li->end = l->end;
	li->real = l->real;
	li->item = false;
	li->heading = -1;
	zj_heading h;
	enum line_class c = classify_line(b->text + l->start, l->end - l->start, &h);
	if (c == LINE_BARE) {
		c = has_text ? LINE_HEADING : LINE_TITLE_KW;
		memset(&h, 0, sizeof h); /* level 0: set to the article's top level */
		h.marker_start = zj_skip_space(b->text + l->start, l->end - l->start, 0);
		h.title_end = l->end - l->start;
	} else if (l->cut && c != LINE_HEADING && marker_only(b->text + l->start, l->end - l->start, &h)) {
		c = LINE_HEADING; /* a page break right after a heading's number */
	} else if (!has_text && c != LINE_HEADING && c != LINE_BLANK && c != LINE_TITLE_PIAN &&
		   outline_debris_line(b->text + l->start, l->end - l->start))
		c = LINE_NEUTRAL; /* site debris before the text is neither title nor text */
	li->cls = (unsigned char)c;
	if (c == LINE_HEADING) {
		zj_grow((void **)&o->sections, section_cap, o->nsections + 1, sizeof *o->sections);
		o->sections[o->nsections] = (zj_section){
			.level = (uint8_t)h.level, .marker = (uint8_t)h.marker,
			.number = (uint16_t)h.number, .line = (uint32_t)l->real, .start = l->start,
			.title_start = l->start + h.marker_start, .title_end = l->start + h.title_end};
		li->heading = (long)o->nsections++;
	}
	return li;
}

/* Whether the title line li (or a heading without number, bare) after an
 * article with headings starts the next article: when the next heading is
 * numbered 1 (of the first heading's level, for a bare one), or a
 * summary's title comes before text without headings (范文 pages mix
 * headed and unheaded articles).  title: the article's title line, -1. */
static bool starts_article(const builder *b, const line_info *li, outline_reader r, bool bare,
			   long title, int first_level)
{
	if (li->cls != LINE_TITLE_KW && !(bare && names_document(b, li, title)))
		return false;
	int level = 0, next = next_heading_number(r, &level);
	return (next == 1 && (!bare || level == first_level)) ||
	       (next == 0 && li->cls == LINE_TITLE_KW && names_summary(b, li) &&
		paragraph_follows(r));
}

zj_outline *zj_outline_scan(const char *text, size_t len, size_t first_line,
			    zj_split_stop stop, void *ctx, size_t *stop_pos)
{
	builder b = {.text = text, .len = len};
	zj_outline *o = zj_xcalloc(1, sizeof *o);
	b.o = o;
	size_t line_cap = 0, section_cap = 0;
	size_t start = 0;          /* first line of the current article */
	bool has_heading = false, has_text = false, prev_blank = true;
	int first_level = 0;       /* level of the article's first heading */
	long title = -1;           /* the article's last title line so far */
	outline_reader r;
	outline_reader_init(&r, text, len);
	r.real = first_line; /* the text scanned starts on this line */
	*stop_pos = len;
	outline_line l;
	while (outline_reader_next(&r, &l)) {
		if (stop && l.chunk) {
			/* a page chunk reads on lines before the scan: not here */
			free(b.lines);
			zj_outline_free(o);
			return NULL;
		}
		size_t i = b.nlines;
		bool bare = false;
		line_info *li = read_line(&b, &l, has_text, &line_cap, &section_cap);
		unsigned char c = li->cls;
		if (c == LINE_HEADING && o->sections[li->heading].level == 0)
			bare = true;
		/* in a page chunk, a fragment after a sentence end stands apart */
		bool after_blank = prev_blank || (l.chunk && !l.cont);
		bool split = c == LINE_TITLE_PIAN
				     ? has_text
				     : has_heading && after_blank && l.more &&
					       starts_article(&b, li, r, bare, title, first_level);
		if (split && i > start) {
			if (bare) { /* it names the next article: a title, not a heading */
				li->cls = LINE_TITLE_KW;
				li->heading = -1;
				o->nsections--;
			}
			build_article(&b, start, i - 1);
			/* a title line is never a heading: nothing of line i is kept */
			if (stop && stop(ctx, l.start, l.real)) {
				*stop_pos = l.start;
				o->lines = l.real;
				free(b.lines);
				return o;
			}
			/* keep only the new article's first line */
			b.lines[0] = b.lines[i - b.base];
			b.base = i;
			start = i;
			has_heading = has_text = false;
			first_level = 0;
			title = -1;
		}
		if (!has_text && (li->cls == LINE_TITLE_KW || li->cls == LINE_TITLE_PIAN))
			title = (long)i;
		if (li->cls == LINE_HEADING) {
			has_heading = has_text = true;
			if (!first_level)
				first_level = o->sections[li->heading].level;
		} else if (li->cls == LINE_PARA)
			has_text = true;
		prev_blank = li->cls == LINE_BLANK;
	}
	o->lines = outline_reader_lines(&r);
	build_article(&b, start, b.nlines - 1);
	free(b.lines);
	return o;
}

zj_outline *zj_outline_build(const char *text, size_t len)
{
	size_t stop_pos;
	return zj_outline_scan(text, len, 0, NULL, NULL, &stop_pos);
}

void zj_outline_free(zj_outline *o)
{
	if (!o)
		return;
	free(o->articles);
	free(o->parts);
	free(o->sections);
	free(o);
}

const char *zj_part_label(zj_part_kind kind)
{
	switch (kind) {
	case ZJ_PART_OPENING: return _("opening");
	case ZJ_PART_ACHIEVEMENTS: return _("achievements");
	case ZJ_PART_PROBLEMS: return _("problems");
	case ZJ_PART_PLAN: return _("plan");
	case ZJ_PART_OTHER: return _("other");
	case ZJ_PART_CLOSING: break;
	}
	return _("closing");
}
