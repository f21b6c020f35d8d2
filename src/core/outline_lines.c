/* outline_lines: see outline_lines.h. */
#include <config.h>

#include "outline_lines.h"

#include <string.h>

#include "zongjie/outline.h"
#include "zongjie/utf8.h"

/* A page chunk is long: shorter numbered lines are the author's own. */
#define CHUNK_MIN_CHARS 100

void outline_reader_init(outline_reader *r, const char *text, size_t len)
{
	memset(r, 0, sizeof *r);
	r->text = text;
	r->len = len;
}

size_t outline_reader_lines(const outline_reader *r)
{
	return r->real;
}

/* The page number N、 at the start of s: its value and the byte length of
 * the marker, or 0. */
static size_t page_number(const char *s, size_t len, int *value)
{
	size_t i = 0;
	int v = 0;
	while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || len - i < 3 || memcmp(s + i, "、", 3))
		return 0;
	*value = v;
	return i + 3;
}

static bool ends_sentence(int32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '.' ||
	       c == '!' || c == '?' || c == ';';
}

bool outline_chunk_candidate(const char *s, size_t len)
{
	int page;
	if (len < CHUNK_MIN_CHARS * 2 || !page_number(s, len, &page))
		return false;
	return zj_utf8_count(s, len) >= CHUNK_MIN_CHARS;
}

/* Line [s, e) of the text, CR excluded, and where the next one starts. */
static size_t text_line(const outline_reader *r, size_t pos, size_t *e, bool *more)
{
	const char *nl = memchr(r->text + pos, '\n', r->len - pos);
	size_t end = nl ? (size_t)(nl - r->text) : r->len;
	*e = end > pos && r->text[end - 1] == '\r' ? end - 1 : end;
	*more = nl != NULL;
	return end + 1;
}

/* Whether a heading marker of level 1 or 2 follows a sentence end or a
 * run of blanks in the middle of the line: 。一、 。（二） 　　三、 */
static bool heading_inside(const char *s, size_t len)
{
	static const char *const after[] = {"。", "\xE3\x80\x80", "  "};
	static const char *const markers[] = {"一、", "二、", "三、", "（一）", "（二）", "(一)"};
	for (size_t a = 0; a < sizeof after / sizeof after[0]; a++) {
		size_t n = strlen(after[a]);
		for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), after[a], n)); p += n) {
			size_t at = (size_t)(p - s) + n;
			for (size_t m = 0; m < sizeof markers / sizeof markers[0]; m++) {
				size_t k = strlen(markers[m]);
				if (len - at >= k && !memcmp(s + at, markers[m], k))
					return true;
			}
		}
	}
	return false;
}

/* A run starts at a long 1、 line cut mid-word (or with a heading inside),
 * followed by a 2、 line. */
static bool starts_run(const outline_reader *r, size_t pos, size_t e, size_t next, bool more)
{
	const char *s = r->text + pos;
	int first;
	if (!outline_chunk_candidate(s, e - pos) || !page_number(s, e - pos, &first) || first != 1)
		return false;
	/* cut in the middle of a word, or holding a heading after a sentence */
	int32_t last = zj_utf8_before(r->text, e, e, NULL);
	if (ends_sentence(last) && !heading_inside(s, e - pos))
		return false;
	while (more) {
		size_t ne;
		size_t after = text_line(r, next, &ne, &more);
		if (ne > next) {
			int page;
			return page_number(r->text + next, ne - next, &page) && page == 2;
		}
		next = after;
	}
	return false;
}

static bool is_latin(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool is_blank_cp(int32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

/* End of the fragment starting at from, and the start of the next one. */
static size_t fragment_end(const char *s, size_t from, size_t end, size_t *next)
{
	for (size_t i = from; i < end;) {
		size_t n;
		int32_t c = zj_utf8_at(s, end, i, &n);
		if (is_blank_cp(c)) {
			size_t j = i + n, m;
			int blanks = 1;
			while (j < end && is_blank_cp(zj_utf8_at(s, end, j, &m)))
				j += m, blanks++;
			/* Chinese has no spaces between words: a blank run there is a
			 * lost line break; between Latin words it is a space. */
			bool latin = i > from && is_latin(s[i - 1]) && j < end && is_latin(s[j]);
			if (blanks >= 2 || c == 0x3000 || !latin) {
				*next = j;
				return i;
			}
			i = j;
			continue;
		}
		bool stop = c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
		if (c == '.') /* not the point of 1.86 */
			stop = i > from && !(s[i - 1] >= '0' && s[i - 1] <= '9' && i + 1 < end &&
					     s[i + 1] >= '0' && s[i + 1] <= '9');
		i += n;
		if (!stop)
			continue;
		/* closing quotes and brackets stay with their sentence */
		int32_t q;
		while (i < end && ((q = zj_utf8_at(s, end, i, &n)) == 0x201D || q == 0x2019 ||
				   q == 0x300D || q == 0x300F || q == 0xFF09 || q == ')' || q == '"'))
			i += n;
		*next = i;
		return i;
	}
	*next = end;
	return end;
}

static bool next_fragment(outline_reader *r, outline_line *l)
{
	while (r->frag < r->chunk_end) {
		size_t next, e = fragment_end(r->text, r->frag, r->chunk_end, &next);
		size_t from = r->frag;
		r->frag = next;
		if (e == from)
			continue;
		l->start = from;
		l->end = e;
		l->real = r->real;
		l->chunk = true;
		l->cont = r->chunk_first && r->next_page > 2;
		r->chunk_first = false;
		l->more = r->frag < r->chunk_end || r->chunk_more;
		l->cut = r->frag >= r->chunk_end && r->chunk_more;
		return true;
	}
	/* the chunk is read: on to the line after it */
	r->chunk_end = 0;
	r->real++;
	if (!r->chunk_more)
		r->done = true;
	return false;
}

bool outline_reader_next(outline_reader *r, outline_line *l)
{
	if (r->chunk_end && next_fragment(r, l))
		return true;
	if (r->done)
		return false;
	size_t pos = r->pos, e;
	bool more;
	size_t next = text_line(r, pos, &e, &more);
	int page;
	size_t marker = 0;
	if (r->next_page && (marker = page_number(r->text + pos, e - pos, &page)) &&
	    page == r->next_page)
		r->next_page++;
	else if (r->next_page && e == pos)
		marker = 0; /* a blank line between chunks */
	else if ((r->next_page = 0, starts_run(r, pos, e, next, more)))
		marker = page_number(r->text + pos, e - pos, &page), r->next_page = 2;
	else
		marker = 0;
	r->pos = next;
	if (marker) {
		r->frag = pos + marker;
		r->chunk_end = e;
		r->chunk_first = true;
		r->chunk_more = more;
		if (next_fragment(r, l))
			return true;
		return outline_reader_next(r, l);
	}
	*l = (outline_line){.start = pos, .end = e, .real = r->real++, .more = more};
	if (!more)
		r->done = true;
	return true;
}

/* ---- characters ---------------------------------------------------------- */

size_t outline_count_chars(const char *s, size_t start, size_t end)
{
	/* Non-blank code points: count lead bytes, and decode only the
	 * characters whose lead byte can begin a blank (C2 E2 E3 EF). */
	size_t n = 0;
	for (size_t i = start; i < end; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			n += b > ' ' && b != 0x7F;
		} else if (b >= 0xC0) {
			if (b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF) {
				int32_t c;
				zj_utf8_decode(s, end, i, &c);
				n += !zj_is_space(c);
			} else
				n++;
		}
	}
	return n;
}

/* ---- edits inside a line ----------------------------------------------- */

static void shift(size_t *v, size_t at, long delta)
{
	if (*v > at)
		*v = (size_t)((long)*v + delta);
}

bool zj_outline_shift(zj_outline *o, size_t line, size_t at, long delta, long chars)
{
	for (size_t ai = 0; ai < o->narticles; ai++) {
		zj_article *a = &o->articles[ai];
		if (line < a->first_line || line > a->last_line)
			continue;
		/* lines whose words decide something stay out of the fast path */
		if ((long)line <= a->content_line || (long)line == a->title_line)
			return false;
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			if (pi + 1 == a->nparts && line >= p->last_line)
				return false; /* the last paragraph may be a closing */
		}
	}
	for (size_t ai = 0; ai < o->narticles; ai++) {
		zj_article *a = &o->articles[ai];
		shift(&a->start, at, delta);
		shift(&a->end, at, delta);
		shift(&a->title_start, at, delta);
		shift(&a->title_end, at, delta);
	}
	for (size_t pi = 0; pi < o->nparts; pi++) {
		zj_part *p = &o->parts[pi];
		if (line >= p->first_line && (line <= p->last_line || pi + 1 == o->nparts ||
					      line < o->parts[pi + 1].first_line))
			p->chars = (size_t)((long)p->chars + chars);
		shift(&p->start, at, delta);
		shift(&p->end, at, delta);
	}
	for (size_t si = 0; si < o->nsections; si++) {
		zj_section *h = &o->sections[si];
		shift(&h->start, at, delta);
		shift(&h->title_start, at, delta);
		shift(&h->title_end, at, delta);
	}
	return true;
}
