/* docx: see include/zongjie/docx.h.  The document body and the package;
 * styles, fonts and page furniture are in docx_styles.c. */
#include <config.h>

#include "zongjie/docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "docx_parts.h"
#include "i18n.h"
#include "zongjie/outline.h"
#include "zongjie/placeholder.h"
#include "zongjie/utf8.h"
#include "zongjie/xml.h"

static const char *const heading_styles[] = {"Normal", "Heading1", "Heading2", "Heading3",
					     "Heading4", "Heading5"};
static const char *const heading_char_styles[] = {"", "Heading1Char", "Heading2Char",
						  "Heading3Char", "Heading4Char", "Heading5Char"};

const char *zj_docx_heading_style(int level)
{
	return level >= 1 && level <= 5 ? heading_styles[level] : heading_styles[0];
}

const char *zj_docx_heading_char_style(int level)
{
	return level >= 1 && level <= 5 ? heading_char_styles[level] : heading_char_styles[1];
}

/* ---- document.xml ------------------------------------------------------ */

/* A run of text; tabs become <w:tab/> so Word keeps them. */
static void put_run(zj_xml *x, const char *char_style, const char *s, size_t n)
{
	zj_xml_start(x, "w:r");
	if (char_style) {
		zj_xml_start(x, "w:rPr");
		zj_xml_val(x, "w:rStyle", char_style);
		zj_xml_end(x);
	}
	while (n) {
		const char *tab = memchr(s, '\t', n);
		size_t k = tab ? (size_t)(tab - s) : n;
		if (k) {
			zj_xml_start(x, "w:t");
			zj_xml_attr(x, "xml:space", "preserve");
			zj_xml_text(x, s, k);
			zj_xml_end(x);
		}
		if (tab) {
			zj_xml_start(x, "w:tab");
			zj_xml_end(x);
			k++;
		}
		s += k;
		n -= k;
	}
	zj_xml_end(x);
}

static void start_paragraph(zj_xml *x, const char *style, bool page_break)
{
	zj_xml_start(x, "w:p");
	if (!style && !page_break)
		return;
	zj_xml_start(x, "w:pPr");
	if (style)
		zj_xml_val(x, "w:pStyle", style);
	if (page_break) {
		zj_xml_start(x, "w:pageBreakBefore");
		zj_xml_end(x);
	}
	zj_xml_end(x);
}

/* Narrows [*from, *to) to its non-blank middle. */
static void trim(const char *text, size_t *from, size_t *to)
{
	int32_t c;
	size_t n;
	while (*from < *to && (zj_is_space(c = zj_utf8_at(text, *to, *from, &n)) || c == '\r'))
		*from += n;
	while (*to > *from) {
		size_t back = *to - 1;
		while (back > *from && ((unsigned char)text[back] & 0xC0) == 0x80)
			back--;
		c = zj_utf8_at(text, *to, back, NULL);
		if (!zj_is_space(c) && c != '\r')
			break;
		*to = back;
	}
}

typedef struct body_state {
	const zj_outline *o;
	size_t next_section, article;
	bool wrote; /* a paragraph is already in the document */
} body_state;

/* One line of the text, s[from..to) trimmed, as a paragraph. */
static void put_line(zj_xml *x, body_state *st, const char *text, size_t line, size_t from,
		     size_t to)
{
	const zj_outline *o = st->o;
	while (st->article + 1 < o->narticles && o->articles[st->article + 1].first_line <= line)
		st->article++;
	const zj_section *sec = NULL;
	while (st->next_section < o->nsections && o->sections[st->next_section].line < line)
		st->next_section++;
	if (st->next_section < o->nsections && o->sections[st->next_section].line == line)
		sec = &o->sections[st->next_section++];
	if (from == to)
		return;
	const zj_article *a = o->narticles ? &o->articles[st->article] : NULL;
	if (a && a->title_line == (long)line) {
		start_paragraph(x, "Title", st->article > 0 && st->wrote);
		put_run(x, NULL, text + from, to - from);
	} else if (sec && sec->title_end < to && sec->title_end > from) {
		/* run-in: the title in the heading's font, the body as body */
		start_paragraph(x, NULL, false);
		put_run(x, zj_docx_heading_char_style(sec->level), text + from, sec->title_end - from);
		put_run(x, NULL, text + sec->title_end, to - sec->title_end);
	} else {
		start_paragraph(x, sec ? zj_docx_heading_style(sec->level) : NULL, false);
		put_run(x, NULL, text + from, to - from);
	}
	zj_xml_end(x);
	st->wrote = true;
}

static void put_body(zj_xml *x, const char *text, size_t len, const zj_outline *o)
{
	body_state st = {.o = o};
	size_t line = 0;
	for (size_t pos = 0; pos <= len; line++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t from = pos, to = end;
		trim(text, &from, &to);
		put_line(x, &st, text, line, from, to);
		if (!nl)
			break;
		pos = end + 1;
	}
	if (!st.wrote) { /* Word wants a paragraph to put the cursor in */
		zj_xml_start(x, "w:p");
		zj_xml_end(x);
	}
}

static char *document_xml(const char *text, size_t len, const zj_outline *o, size_t *out_len)
{
	zj_buf b = {0};
	zj_xml x;
	zj_xml_begin(&x, &b);
	zj_xml_start(&x, "w:document");
	zj_xml_attr(&x, "xmlns:w", ZJ_NS_W);
	zj_xml_attr(&x, "xmlns:r", ZJ_NS_R);
	zj_xml_start(&x, "w:body");
	put_body(&x, text, len, o);
	zj_docx_section_properties(&x);
	zj_xml_end(&x);
	zj_xml_end(&x);
	*out_len = b.len;
	return b.data;
}

char *zj_docx_document_xml(const char *text, size_t len, size_t *out_len)
{
	zj_outline *o = zj_outline_build(text, len);
	char *xml = document_xml(text, len, o, out_len);
	zj_outline_free(o);
	return xml;
}

/* ---- metadata ---------------------------------------------------------- */

/* The title of the first article, and the organisation before its year. */
static void find_metadata(const char *text, const zj_outline *o, zj_docx_meta *m)
{
	*m = (zj_docx_meta){0};
	if (!o->narticles)
		return;
	const zj_article *a = &o->articles[0];
	m->year = a->year;
	if (a->title_line < 0)
		return;
	size_t from = a->title_start, to = a->title_end;
	trim(text, &from, &to);
	m->title = zj_xstrndup(text + from, to - from);
	if (!m->year)
		return;
	char year[8];
	snprintf(year, sizeof year, "%d", m->year);
	const char *at = strstr(m->title, year);
	if (!at)
		return;
	size_t org_from = 0, org_to = (size_t)(at - m->title);
	trim(m->title, &org_from, &org_to);
	if (org_to > org_from && !zj_gaps_count(m->title + org_from, org_to - org_from))
		m->organisation = zj_xstrndup(m->title + org_from, org_to - org_from);
}

/* ---- the package ------------------------------------------------------- */

typedef struct part {
	const char *name;
	char *data;
	size_t len;
} part;

static bool zip_fail(zj_error *err, zip_error_t *ze)
{
	zj_fail(err, _("cannot make the Word document: %s"), zip_error_strerror(ze));
	zip_error_fini(ze);
	return false;
}

/* Reads back the archive libzip wrote into src. */
static bool take_archive(zip_source_t *src, char **out, size_t *out_len, zj_error *err)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
		return zip_fail(err, zip_source_error(src));
	char *data = zj_xmalloc(st.size ? st.size : 1);
	zip_int64_t got = zip_source_read(src, data, st.size);
	zip_source_close(src);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(data);
		return zip_fail(err, zip_source_error(src));
	}
	*out = data;
	*out_len = st.size;
	return true;
}

static bool zip_parts(const part *parts, size_t n, char **out, size_t *out_len, zj_error *err)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		return zip_fail(err, &ze);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		zip_source_free(src);
		return zip_fail(err, &ze);
	}
	zip_source_keep(src); /* the archive is read from it after zip_close */
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(za, parts[i].data, parts[i].len, 0);
		zip_int64_t idx = s ? zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		/* level 1: a 10 MB summary packs in a third of level 6's time,
		 * the document 15% larger */
		if (idx < 0 || zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1) < 0) {
			zip_source_free(s);
			zj_fail(err, _("cannot make the Word document: %s"), zip_strerror(za));
			zip_discard(za);
			zip_source_free(src);
			return false;
		}
	}
	if (zip_close(za) < 0) {
		zj_fail(err, _("cannot make the Word document: %s"), zip_strerror(za));
		zip_discard(za);
		zip_source_free(src);
		return false;
	}
	bool ok = take_archive(src, out, out_len, err);
	zip_source_free(src);
	zip_error_fini(&ze);
	return ok;
}

bool zj_docx_build(const char *text, size_t len, const zj_outline *outline, time_t created,
		   char **out, size_t *out_len, zj_error *err)
{
	zj_outline *built = outline ? NULL : zj_outline_build(text, len);
	const zj_outline *o = outline ? outline : built;
	zj_docx_meta meta;
	find_metadata(text, o, &meta);
	part parts[] = {
		{"[Content_Types].xml", NULL, 0},
		{"_rels/.rels", NULL, 0},
		{"docProps/core.xml", NULL, 0},
		{"docProps/app.xml", NULL, 0},
		{"word/_rels/document.xml.rels", NULL, 0},
		{"word/document.xml", NULL, 0},
		{"word/styles.xml", NULL, 0},
		{"word/fontTable.xml", NULL, 0},
		{"word/settings.xml", NULL, 0},
		{"word/footer1.xml", NULL, 0},
		{"word/footer2.xml", NULL, 0},
	};
	size_t nparts = sizeof parts / sizeof parts[0];
	for (size_t i = 0; i < nparts; i++) {
		if (!strcmp(parts[i].name, "word/document.xml"))
			parts[i].data = document_xml(text, len, o, &parts[i].len);
		else
			parts[i].data = zj_docx_part(parts[i].name, &meta, created, &parts[i].len);
	}
	zj_outline_free(built);
	bool ok = zip_parts(parts, nparts, out, out_len, err);
	for (size_t i = 0; i < nparts; i++)
		free(parts[i].data);
	free(meta.title);
	free(meta.organisation);
	return ok;
}
