/* docx_parts: see docx_parts.h.  The layout of docx.h in WordprocessingML:
 * named styles, fonts with their fallbacks, the page and its footers. */
#include <config.h>

#include "docx_parts.h"

#include <stdio.h>
#include <string.h>

/* Lengths in twips (1/20 pt; 1 mm = 56.69 twips).  A4 is 210 × 297 mm;
 * margins 37 mm top, 35 bottom, 28 left, 26 right leave 156 × 225 mm. */
#define PAGE_WIDTH 11906
#define PAGE_HEIGHT 16838
#define MARGIN_TOP 2098
#define MARGIN_BOTTOM 1984
#define MARGIN_LEFT 1587
#define MARGIN_RIGHT 1474
/* 22 lines in 225 mm: 12756 / 22 = 579.8, rounded down so 22 fit. */
#define LINE_PITCH 579
/* 28 characters in 156 mm: a pitch of 8845 / 28 = 315.9 twips against
 * the 320 of a 3号 (16 pt) character, in 1/4096 pt: (315.9 - 320) / 20 *
 * 4096 = -841.2, rounded down so 28 fit. */
#define CHAR_SPACE -842
/* The grid is what Word's page set-up shows, but paragraphs do not snap
 * to its characters: LibreOffice gives a character wider than the pitch
 * two cells and spreads the line.  The body is condensed by 0.3 pt
 * instead, so 28 characters fit a line in both (28 × 15.7 pt ≤ 442 pt). */
#define BODY_CONDENSED "-6"
/* The page number's line (17 pt) starts 7 mm below the text block:
 * 35 - 7 mm = 28 mm above the page edge, its foot 22 mm above it. */
#define FOOTER_DISTANCE 1247
#define HEADER_DISTANCE 851
#define FOOTER_LINE 340
/* Font sizes in half points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
#define SIZE_TITLE 44
#define SIZE_BODY 32
#define SIZE_PAGE_NUMBER 28

#define LATIN_FONT "Times New Roman"
#define BODY_FONT "仿宋_GB2312"
#define TITLE_FONT "方正小标宋简体"
#define HEADING1_FONT "黑体"
#define HEADING2_FONT "楷体_GB2312"
#define PAGE_NUMBER_FONT "宋体"

/* ---- styles.xml -------------------------------------------------------- */

/* spacing: the character spacing in twips, NULL to inherit it. */
static void fonts_and_size(zj_xml *x, const char *latin, const char *east_asia, int size,
			   const char *spacing)
{
	zj_xml_start(x, "w:rFonts");
	zj_xml_attr(x, "w:ascii", latin);
	zj_xml_attr(x, "w:eastAsia", east_asia);
	zj_xml_attr(x, "w:hAnsi", latin);
	zj_xml_attr(x, "w:cs", latin);
	zj_xml_end(x);
	if (spacing)
		zj_xml_val(x, "w:spacing", spacing);
	zj_xml_val_int(x, "w:sz", size);
	zj_xml_val_int(x, "w:szCs", size);
}

static void empty(zj_xml *x, const char *name)
{
	zj_xml_start(x, name);
	zj_xml_end(x);
}

/* Starts the root element of a part, in WordprocessingML's namespace. */
static void part_root(zj_xml *x, const char *name)
{
	zj_xml_start(x, name);
	zj_xml_attr(x, "xmlns:w", ZJ_NS_W);
}

static void first_line_indent(zj_xml *x, int chars100, int twips)
{
	zj_xml_start(x, "w:ind");
	zj_xml_attr_int(x, "w:firstLineChars", chars100);
	zj_xml_attr_int(x, "w:firstLine", twips);
	zj_xml_end(x);
}

static void line_spacing(zj_xml *x, int line, int after)
{
	zj_xml_start(x, "w:spacing");
	zj_xml_attr(x, "w:before", "0");
	zj_xml_attr_int(x, "w:after", after);
	zj_xml_attr_int(x, "w:line", line);
	zj_xml_attr(x, "w:lineRule", "exact");
	zj_xml_end(x);
}

static void style_head(zj_xml *x, const char *type, const char *id, const char *name,
		       const char *based_on, const char *link)
{
	zj_xml_start(x, "w:style");
	zj_xml_attr(x, "w:type", type);
	if (!strcmp(id, "Normal") || !strcmp(id, "DefaultParagraphFont"))
		zj_xml_attr(x, "w:default", "1");
	zj_xml_attr(x, "w:styleId", id);
	zj_xml_val(x, "w:name", name);
	if (based_on)
		zj_xml_val(x, "w:basedOn", based_on);
	if (!strcmp(type, "paragraph") && strcmp(id, "Normal"))
		zj_xml_val(x, "w:next", "Normal");
	if (link)
		zj_xml_val(x, "w:link", link);
	empty(x, "w:qFormat");
}

static void normal_style(zj_xml *x)
{
	style_head(x, "paragraph", "Normal", "Normal", NULL, NULL);
	zj_xml_start(x, "w:pPr");
	zj_xml_val(x, "w:widowControl", "0");
	/* Word would otherwise widen the gap between Chinese and Latin text */
	zj_xml_val(x, "w:autoSpaceDE", "0");
	zj_xml_val(x, "w:autoSpaceDN", "0");
	zj_xml_val(x, "w:snapToGrid", "0");
	line_spacing(x, LINE_PITCH, 0);
	first_line_indent(x, 200, 2 * SIZE_BODY * 10);
	zj_xml_val(x, "w:jc", "both");
	zj_xml_end(x);
	zj_xml_start(x, "w:rPr");
	fonts_and_size(x, LATIN_FONT, BODY_FONT, SIZE_BODY, BODY_CONDENSED);
	zj_xml_end(x);
	zj_xml_end(x);
}

static void title_style(zj_xml *x)
{
	style_head(x, "paragraph", "Title", "Title", "Normal", NULL);
	zj_xml_start(x, "w:pPr");
	line_spacing(x, LINE_PITCH, LINE_PITCH); /* an empty line after it */
	first_line_indent(x, 0, 0);
	zj_xml_val(x, "w:jc", "center");
	zj_xml_end(x);
	zj_xml_start(x, "w:rPr");
	fonts_and_size(x, LATIN_FONT, TITLE_FONT, SIZE_TITLE, "0");
	zj_xml_end(x);
	zj_xml_end(x);
}

static const char *heading_font(int level)
{
	return level == 1 ? HEADING1_FONT : level == 2 ? HEADING2_FONT : BODY_FONT;
}

/* heading N and its linked character style for run-in titles. */
static void heading_styles(zj_xml *x, int level)
{
	char id[16], name[16], char_id[16], char_name[24];
	snprintf(id, sizeof id, "Heading%d", level);
	snprintf(name, sizeof name, "heading %d", level);
	snprintf(char_id, sizeof char_id, "Heading%dChar", level);
	snprintf(char_name, sizeof char_name, "Heading %d Char", level);
	style_head(x, "paragraph", id, name, "Normal", char_id);
	zj_xml_start(x, "w:pPr");
	empty(x, "w:keepNext");
	zj_xml_val_int(x, "w:outlineLvl", level - 1);
	zj_xml_end(x);
	zj_xml_start(x, "w:rPr");
	fonts_and_size(x, LATIN_FONT, heading_font(level), SIZE_BODY, NULL);
	zj_xml_end(x);
	zj_xml_end(x);

	style_head(x, "character", char_id, char_name, "DefaultParagraphFont", id);
	zj_xml_start(x, "w:rPr");
	fonts_and_size(x, LATIN_FONT, heading_font(level), SIZE_BODY, NULL);
	zj_xml_end(x);
	zj_xml_end(x);
}

static void footer_style(zj_xml *x)
{
	style_head(x, "paragraph", "Footer", "footer", "Normal", NULL);
	zj_xml_start(x, "w:pPr");
	line_spacing(x, FOOTER_LINE, 0);
	first_line_indent(x, 0, 0);
	zj_xml_end(x);
	zj_xml_start(x, "w:rPr");
	/* the digits too: 半角宋体 */
	fonts_and_size(x, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT, SIZE_PAGE_NUMBER, "0");
	zj_xml_end(x);
	zj_xml_end(x);
}

static void styles(zj_xml *x)
{
	part_root(x, "w:styles");
	zj_xml_start(x, "w:docDefaults");
	zj_xml_start(x, "w:rPrDefault");
	zj_xml_start(x, "w:rPr");
	fonts_and_size(x, LATIN_FONT, BODY_FONT, SIZE_BODY, NULL);
	zj_xml_start(x, "w:lang");
	zj_xml_attr(x, "w:val", "en-US");
	zj_xml_attr(x, "w:eastAsia", "zh-CN");
	zj_xml_end(x);
	zj_xml_end(x);
	zj_xml_end(x);
	zj_xml_end(x);
	normal_style(x);
	style_head(x, "character", "DefaultParagraphFont", "Default Paragraph Font", NULL, NULL);
	zj_xml_end(x);
	title_style(x);
	for (int level = 1; level <= 5; level++)
		heading_styles(x, level);
	footer_style(x);
	zj_xml_end(x);
}

/* ---- fontTable.xml ----------------------------------------------------- */

/* Each font names the one to use where it is not installed: the GB2312
 * fonts of government machines fall back to those of every Chinese
 * Windows, and they to the names fontconfig knows. */
static const struct {
	const char *name, *fallback, *family;
} fonts[] = {
	{TITLE_FONT, "宋体", "roman"},
	{BODY_FONT, "仿宋", "modern"},
	{"仿宋", "FangSong", "modern"},
	{HEADING1_FONT, "SimHei", "modern"},
	{HEADING2_FONT, "楷体", "modern"},
	{"楷体", "KaiTi", "modern"},
	{PAGE_NUMBER_FONT, "SimSun", "roman"},
	{LATIN_FONT, NULL, "roman"},
};

static void font_table(zj_xml *x)
{
	part_root(x, "w:fonts");
	for (size_t i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
		zj_xml_start(x, "w:font");
		zj_xml_attr(x, "w:name", fonts[i].name);
		if (fonts[i].fallback)
			zj_xml_val(x, "w:altName", fonts[i].fallback);
		zj_xml_val(x, "w:charset", fonts[i].fallback ? "86" : "00");
		zj_xml_val(x, "w:family", fonts[i].family);
		zj_xml_val(x, "w:pitch", "variable");
		zj_xml_end(x);
	}
	zj_xml_end(x);
}

/* ---- settings, footers, section --------------------------------------- */

static void settings(zj_xml *x)
{
	part_root(x, "w:settings");
	zj_xml_start(x, "w:zoom");
	zj_xml_attr(x, "w:percent", "100");
	zj_xml_end(x);
	zj_xml_val_int(x, "w:defaultTabStop", 2 * SIZE_BODY * 10);
	empty(x, "w:evenAndOddHeaders"); /* odd and even pages number apart */
	zj_xml_val(x, "w:characterSpacingControl", "compressPunctuation");
	zj_xml_start(x, "w:compat");
	zj_xml_start(x, "w:compatSetting");
	zj_xml_attr(x, "w:name", "compatibilityMode");
	zj_xml_attr(x, "w:uri", "http://schemas.microsoft.com/office/word");
	zj_xml_attr(x, "w:val", "15");
	zj_xml_end(x);
	zj_xml_end(x);
	zj_xml_end(x);
}

/* An element holding text, with one attribute (attr NULL: none). */
static void text_element_with(zj_xml *x, const char *name, const char *attr, const char *value,
			      const char *text)
{
	zj_xml_start(x, name);
	if (attr)
		zj_xml_attr(x, attr, value);
	zj_xml_text(x, text, strlen(text));
	zj_xml_end(x);
}

static void text_element(zj_xml *x, const char *name, const char *text)
{
	text_element_with(x, name, NULL, NULL, text);
}

static void text_run(zj_xml *x, const char *s)
{
	zj_xml_start(x, "w:r");
	text_element_with(x, "w:t", "xml:space", "preserve", s);
	zj_xml_end(x);
}

static void field_char(zj_xml *x, const char *type)
{
	zj_xml_start(x, "w:r");
	zj_xml_start(x, "w:fldChar");
	zj_xml_attr(x, "w:fldCharType", type);
	zj_xml_end(x);
	zj_xml_end(x);
}

/* "— N —", one character in from the outer edge: right on odd pages,
 * left on even ones. */
static void footer(zj_xml *x, bool odd)
{
	part_root(x, "w:ftr");
	zj_xml_attr(x, "xmlns:r", ZJ_NS_R);
	zj_xml_start(x, "w:p");
	zj_xml_start(x, "w:pPr");
	zj_xml_val(x, "w:pStyle", "Footer");
	zj_xml_start(x, "w:ind");
	zj_xml_attr_int(x, odd ? "w:right" : "w:left", SIZE_PAGE_NUMBER * 10);
	zj_xml_end(x);
	zj_xml_val(x, "w:jc", odd ? "right" : "left");
	zj_xml_end(x);
	text_run(x, "— ");
	field_char(x, "begin");
	zj_xml_start(x, "w:r");
	zj_xml_start(x, "w:instrText");
	zj_xml_attr(x, "xml:space", "preserve");
	zj_xml_text(x, " PAGE ", 6);
	zj_xml_end(x);
	zj_xml_end(x);
	field_char(x, "separate");
	text_run(x, "1");
	field_char(x, "end");
	text_run(x, " —");
	zj_xml_end(x);
	zj_xml_end(x);
}

void zj_docx_section_properties(zj_xml *x)
{
	zj_xml_start(x, "w:sectPr");
	static const char *const refs[][2] = {{"default", "rIdFooterOdd"}, {"even", "rIdFooterEven"}};
	for (int i = 0; i < 2; i++) {
		zj_xml_start(x, "w:footerReference");
		zj_xml_attr(x, "w:type", refs[i][0]);
		zj_xml_attr(x, "r:id", refs[i][1]);
		zj_xml_end(x);
	}
	zj_xml_start(x, "w:pgSz");
	zj_xml_attr_int(x, "w:w", PAGE_WIDTH);
	zj_xml_attr_int(x, "w:h", PAGE_HEIGHT);
	zj_xml_end(x);
	zj_xml_start(x, "w:pgMar");
	zj_xml_attr_int(x, "w:top", MARGIN_TOP);
	zj_xml_attr_int(x, "w:right", MARGIN_RIGHT);
	zj_xml_attr_int(x, "w:bottom", MARGIN_BOTTOM);
	zj_xml_attr_int(x, "w:left", MARGIN_LEFT);
	zj_xml_attr_int(x, "w:header", HEADER_DISTANCE);
	zj_xml_attr_int(x, "w:footer", FOOTER_DISTANCE);
	zj_xml_attr(x, "w:gutter", "0");
	zj_xml_end(x);
	zj_xml_start(x, "w:docGrid");
	zj_xml_attr(x, "w:type", "linesAndChars");
	zj_xml_attr_int(x, "w:linePitch", LINE_PITCH);
	zj_xml_attr_int(x, "w:charSpace", CHAR_SPACE);
	zj_xml_end(x);
	zj_xml_end(x);
}

/* ---- the package: content types, relationships, properties ------------ */

#define CT_WORD "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define REL_OFFICE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static void content_types(zj_xml *x)
{
	static const char *const overrides[][2] = {
		{"/word/document.xml", CT_WORD "document.main+xml"},
		{"/word/styles.xml", CT_WORD "styles+xml"},
		{"/word/fontTable.xml", CT_WORD "fontTable+xml"},
		{"/word/settings.xml", CT_WORD "settings+xml"},
		{"/word/footer1.xml", CT_WORD "footer+xml"},
		{"/word/footer2.xml", CT_WORD "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	};
	zj_xml_start(x, "Types");
	zj_xml_attr(x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	zj_xml_start(x, "Default");
	zj_xml_attr(x, "Extension", "rels");
	zj_xml_attr(x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
	zj_xml_end(x);
	zj_xml_start(x, "Default");
	zj_xml_attr(x, "Extension", "xml");
	zj_xml_attr(x, "ContentType", "application/xml");
	zj_xml_end(x);
	for (size_t i = 0; i < sizeof overrides / sizeof overrides[0]; i++) {
		zj_xml_start(x, "Override");
		zj_xml_attr(x, "PartName", overrides[i][0]);
		zj_xml_attr(x, "ContentType", overrides[i][1]);
		zj_xml_end(x);
	}
	zj_xml_end(x);
}

static void relationships(zj_xml *x, const char *const (*rels)[3], size_t n)
{
	zj_xml_start(x, "Relationships");
	zj_xml_attr(x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
	for (size_t i = 0; i < n; i++) {
		zj_xml_start(x, "Relationship");
		zj_xml_attr(x, "Id", rels[i][0]);
		zj_xml_attr(x, "Type", rels[i][1]);
		zj_xml_attr(x, "Target", rels[i][2]);
		zj_xml_end(x);
	}
	zj_xml_end(x);
}

static void package_rels(zj_xml *x)
{
	static const char *const rels[][3] = {
		{"rIdDocument", REL_OFFICE "officeDocument", "word/document.xml"},
		{"rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
		 "docProps/core.xml"},
		{"rIdApp", REL_OFFICE "extended-properties", "docProps/app.xml"},
	};
	relationships(x, rels, sizeof rels / sizeof rels[0]);
}

static void document_rels(zj_xml *x)
{
	static const char *const rels[][3] = {
		{"rIdStyles", REL_OFFICE "styles", "styles.xml"},
		{"rIdFonts", REL_OFFICE "fontTable", "fontTable.xml"},
		{"rIdSettings", REL_OFFICE "settings", "settings.xml"},
		{"rIdFooterOdd", REL_OFFICE "footer", "footer1.xml"},
		{"rIdFooterEven", REL_OFFICE "footer", "footer2.xml"},
	};
	relationships(x, rels, sizeof rels / sizeof rels[0]);
}


static void core_properties(zj_xml *x, const zj_docx_meta *m, time_t created)
{
	zj_xml_start(x, "cp:coreProperties");
	zj_xml_attr(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	zj_xml_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	zj_xml_attr(x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	zj_xml_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	if (m->title)
		text_element(x, "dc:title", m->title);
	if (m->organisation)
		text_element(x, "dc:creator", m->organisation);
	if (m->year) {
		char year[16];
		snprintf(year, sizeof year, "%d", m->year);
		text_element(x, "cp:keywords", year);
	}
	char when[32];
	struct tm tm;
	gmtime_r(&created, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	static const char *const dates[] = {"dcterms:created", "dcterms:modified"};
	for (int i = 0; i < 2; i++)
		text_element_with(x, dates[i], "xsi:type", "dcterms:W3CDTF", when);
	zj_xml_end(x);
}

static void app_properties(zj_xml *x, const zj_docx_meta *m)
{
	zj_xml_start(x, "Properties");
	zj_xml_attr(x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
	text_element(x, "Application", PACKAGE_NAME " " PACKAGE_VERSION);
	if (m->organisation)
		text_element(x, "Company", m->organisation);
	zj_xml_end(x);
}

char *zj_docx_part(const char *name, const zj_docx_meta *meta, time_t created, size_t *len)
{
	zj_buf b = {0};
	zj_xml x;
	zj_xml_begin(&x, &b);
	if (!strcmp(name, "[Content_Types].xml"))
		content_types(&x);
	else if (!strcmp(name, "_rels/.rels"))
		package_rels(&x);
	else if (!strcmp(name, "word/_rels/document.xml.rels"))
		document_rels(&x);
	else if (!strcmp(name, "docProps/core.xml"))
		core_properties(&x, meta, created);
	else if (!strcmp(name, "docProps/app.xml"))
		app_properties(&x, meta);
	else if (!strcmp(name, "word/styles.xml"))
		styles(&x);
	else if (!strcmp(name, "word/fontTable.xml"))
		font_table(&x);
	else if (!strcmp(name, "word/settings.xml"))
		settings(&x);
	else
		footer(&x, !strcmp(name, "word/footer1.xml"));
	*len = b.len;
	return b.data;
}
