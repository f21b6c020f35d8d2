/* Unit tests of the XML writer and the Word document. */
#include <config.h>

#include <zip.h>

#include "testutil.h"
#include "zongjie/docx.h"
#include "zongjie/xml.h"

static char *escaped(const char *s, size_t n)
{
	zj_buf b = {0};
	zj_xml_escape(&b, s, n);
	zj_buf_putc(&b, '\0');
	return b.data;
}

START_TEST(escapes_markup)
{
	char *out = escaped("a&b<c>d\"e'f", 11);
	ck_assert_str_eq(out, "a&amp;b&lt;c&gt;d&quot;e'f");
	free(out);
	/* Chinese text and its punctuation pass unchanged */
	out = escaped("全年完成“两项”任务。", strlen("全年完成“两项”任务。"));
	ck_assert_str_eq(out, "全年完成“两项”任务。");
	free(out);
}
END_TEST

START_TEST(outside_the_bmp)
{
	/* 𠮷 (U+20BB7) and 😀 (U+1F600) as references, never split */
	const char *s = "吉\xF0\xA0\xAE\xB7野\xF0\x9F\x98\x80";
	char *out = escaped(s, strlen(s));
	ck_assert_str_eq(out, "吉&#x20BB7;野&#x1F600;");
	free(out);
}
END_TEST

START_TEST(no_character_xml_forbids)
{
	/* tab and line breaks stay; other controls go; U+FFFF and a byte that
	 * is not UTF-8 become U+FFFD, each byte of a surrogate's encoding too */
	const char s[] = "a\tb\nc\rd\x01\x1B" "e\xEF\xBF\xBF" "f\xFF" "g\xED\xA0\x80h";
	char *out = escaped(s, sizeof s - 1);
	ck_assert_str_eq(out, "a\tb\nc\rde\xEF\xBF\xBD" "f\xEF\xBF\xBD" "g\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDh");
	free(out);
	out = escaped("x\0y", 3);
	ck_assert_str_eq(out, "xy");
	free(out);
}
END_TEST

START_TEST(elements_nest_and_close)
{
	zj_buf b = {0};
	zj_xml x;
	zj_xml_begin(&x, &b);
	zj_xml_start(&x, "w:p");
	zj_xml_val_int(&x, "w:sz", 32);
	zj_xml_start(&x, "w:t");
	zj_xml_attr(&x, "name", "a\"<b");
	zj_xml_text(&x, "1 & 2", 5);
	zj_xml_end(&x);
	zj_xml_end(&x);
	zj_buf_putc(&b, '\0');
	const char *body = strchr(b.data, '\n') + 1;
	ck_assert_str_eq(body, "<w:p><w:sz w:val=\"32\"/><w:t name=\"a&quot;&lt;b\">1 &amp; 2</w:t></w:p>");
	ck_assert(!strncmp(b.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"", 36));
	zj_buf_free(&b);
}
END_TEST

static char *document(const char *text)
{
	size_t n;
	char *xml = zj_docx_document_xml(text, strlen(text), &n);
	ck_assert_uint_eq(strlen(xml), n);
	return xml;
}

/* The paragraph holding needle, from its <w:p> up to needle. */
static const char *paragraph_of(const char *xml, const char *needle)
{
	const char *at = strstr(xml, needle);
	ck_assert_msg(at != NULL, "%s not in the document", needle);
	const char *p = at;
	while (p > xml && strncmp(p, "<w:p>", 5))
		p--;
	return p;
}

static void assert_style(const char *xml, const char *text, const char *style)
{
	const char *p = paragraph_of(xml, text);
	char want[64];
	snprintf(want, sizeof want, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	ck_assert_msg(!strncmp(p, want, strlen(want)), "%s: not in style %s", text, style);
}

START_TEST(each_level_has_its_style)
{
	ck_assert_str_eq(zj_docx_heading_style(0), "Normal");
	char *xml = document("青禾街道2025年工作总结\n\n"
			     "2025年，我们做了很多工作。\n"
			     "一、主要成效\n"
			     "（一）抓党建\n"
			     "1.学习制度\n"
			     "（1）每周一次\n"
			     "①集中学习\n"
			     "   全年学习48次。\n");
	assert_style(xml, "青禾街道2025年工作总结", "Title");
	assert_style(xml, "一、主要成效", zj_docx_heading_style(1));
	assert_style(xml, "（一）抓党建", zj_docx_heading_style(2));
	assert_style(xml, "1.学习制度", zj_docx_heading_style(3));
	assert_style(xml, "（1）每周一次", zj_docx_heading_style(4));
	assert_style(xml, "①集中学习", zj_docx_heading_style(5));
	ck_assert_str_eq(zj_docx_heading_style(3), "Heading3");
	/* body paragraphs take the default style, blanks trimmed, blank lines dropped */
	ck_assert(!strncmp(paragraph_of(xml, "2025年，我们"), "<w:p><w:r>", 10));
	ck_assert_ptr_nonnull(strstr(xml, ">全年学习48次。</w:t>"));
	ck_assert_ptr_null(strstr(xml, "<w:p><w:r><w:t xml:space=\"preserve\"></w:t>"));
	ck_assert_ptr_null(strstr(xml, "<w:p></w:p>"));
	free(xml);
}
END_TEST

START_TEST(run_in_heading)
{
	char *xml = document("一、成效\n（一）强化引领。全年召开会议12次，解决问题30个。\n");
	const char *p = paragraph_of(xml, "（一）强化引领。");
	ck_assert(!strncmp(p, "<w:p><w:r><w:rPr><w:rStyle w:val=\"Heading2Char\"/></w:rPr>"
			      "<w:t xml:space=\"preserve\">（一）强化引领。</w:t></w:r>"
			      "<w:r><w:t xml:space=\"preserve\">全年召开会议12次", 150));
	free(xml);
}
END_TEST

START_TEST(empty_text)
{
	/* an empty or blank text is one empty paragraph before the section */
	char *xml = document(" \n\t\n");
	ck_assert_ptr_nonnull(strstr(xml, "<w:body><w:p/><w:sectPr>"));
	free(xml);
}
END_TEST

START_TEST(tabs_and_markup_in_text)
{
	char *xml = document("收入\t支出 <合计> & \"备注\"\n");
	ck_assert_ptr_nonnull(strstr(xml, "收入</w:t><w:tab/><w:t xml:space=\"preserve\">支出 "
					  "&lt;合计&gt; &amp; &quot;备注&quot;</w:t>"));
	free(xml);
}
END_TEST

/* The package is a ZIP archive whose document is the one above, with the
 * metadata in its core properties. */
START_TEST(package_round_trip)
{
	const char *text = "青禾街道2025年工作总结\n一、成效\n全年完成任务。\n";
	char *data;
	size_t len;
	zj_error err = {0};
	ck_assert(zj_docx_build(text, strlen(text), NULL, 1700000000, &data, &len, &err));
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	ck_assert_ptr_nonnull(za);
	ck_assert_int_eq(zip_get_num_entries(za, 0), 11);
	ck_assert_str_eq(zip_get_name(za, 0, 0), "[Content_Types].xml");
	const char *names[] = {"word/document.xml", "docProps/core.xml"};
	char *parts[2];
	for (int i = 0; i < 2; i++) {
		zip_stat_t st;
		ck_assert_int_eq(zip_stat(za, names[i], 0, &st), 0);
		parts[i] = calloc(1, st.size + 1);
		zip_file_t *f = zip_fopen(za, names[i], 0);
		ck_assert_int_eq(zip_fread(f, parts[i], st.size), (zip_int64_t)st.size);
		zip_fclose(f);
	}
	size_t n;
	char *doc = zj_docx_document_xml(text, strlen(text), &n);
	ck_assert_str_eq(parts[0], doc);
	ck_assert_ptr_nonnull(strstr(parts[1], "<dc:title>青禾街道2025年工作总结</dc:title>"));
	ck_assert_ptr_nonnull(strstr(parts[1], "<dc:creator>青禾街道</dc:creator>"));
	ck_assert_ptr_nonnull(strstr(parts[1], "<cp:keywords>2025</cp:keywords>"));
	ck_assert_ptr_nonnull(strstr(parts[1], ">2023-11-14T22:13:20Z</dcterms:created>"));
	free(doc);
	free(parts[0]);
	free(parts[1]);
	zip_close(za);
	free(data);
}
END_TEST

START_TEST(unknown_organisation)
{
	/* a gap where the organisation goes is no organisation */
	const char *text = "【请填写单位名称】2025年工作总结\n正文。\n";
	char *data;
	size_t len;
	zj_error err = {0};
	ck_assert(zj_docx_build(text, strlen(text), NULL, 0, &data, &len, &err));
	zip_error_t ze;
	zip_error_init(&ze);
	zip_t *za = zip_open_from_source(zip_source_buffer_create(data, len, 0, &ze), ZIP_RDONLY, &ze);
	ck_assert_ptr_nonnull(za);
	zip_file_t *f = zip_fopen(za, "docProps/core.xml", 0);
	char core[4096] = {0};
	ck_assert_int_gt(zip_fread(f, core, sizeof core - 1), 0);
	zip_fclose(f);
	ck_assert_ptr_null(strstr(core, "dc:creator"));
	ck_assert_ptr_nonnull(strstr(core, "<dc:title>【请填写单位名称】2025年工作总结</dc:title>"));
	zip_close(za);
	free(data);
}
END_TEST

static Suite *docx_suite(void)
{
	Suite *s = suite_create("docx");
	TCase *tc = tcase_create("docx");
	tcase_add_test(tc, escapes_markup);
	tcase_add_test(tc, outside_the_bmp);
	tcase_add_test(tc, no_character_xml_forbids);
	tcase_add_test(tc, elements_nest_and_close);
	tcase_add_test(tc, each_level_has_its_style);
	tcase_add_test(tc, run_in_heading);
	tcase_add_test(tc, tabs_and_markup_in_text);
	tcase_add_test(tc, empty_text);
	tcase_add_test(tc, package_round_trip);
	tcase_add_test(tc, unknown_organisation);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(docx_suite());
}
