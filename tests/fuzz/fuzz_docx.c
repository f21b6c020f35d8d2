/* libFuzzer target: the XML writer on any bytes, and the Word document
 * from any text (the documents' text is UTF-8 once decoded): the XML holds
 * only characters XML 1.0 allows, its paragraphs balance, and the package
 * is made. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/docx.h"
#include "zongjie/utf8.h"
#include "zongjie/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* No control character but tab and line breaks; valid UTF-8 without
 * surrogates or U+FFFE/U+FFFF; as many <w:p> as </w:p> and <w:p/>. */
static void check_xml(const char *x, size_t n)
{
	if (zj_utf8_valid_prefix(x, n) != n)
		abort();
	for (size_t i = 0; i < n;) {
		int32_t c;
		i += zj_utf8_decode(x, n, i, &c);
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0xD800 && c <= 0xDFFF) ||
		    c == 0xFFFE || c == 0xFFFF)
			abort();
	}
	long open = 0;
	for (const char *p = x; (p = strstr(p, "<w:p")); p++)
		open += p[4] == '>' ? 1 : 0;
	for (const char *p = x; (p = strstr(p, "</w:p>")); p++)
		open--;
	if (open != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	zj_buf b = {0};
	zj_xml_escape(&b, s, size);
	check_xml(b.data ? b.data : "", b.len);
	zj_buf_free(&b);
	if (zj_utf8_valid_prefix(s, size) != size)
		return 0;
	size_t n;
	char *xml = zj_docx_document_xml(s, size, &n);
	check_xml(xml, n);
	free(xml);
	char *zip;
	zj_error err = {0};
	if (size < 4096) { /* the container is libzip's; a few sizes suffice */
		if (!zj_docx_build(s, size, NULL, 0, &zip, &n, &err))
			abort();
		free(zip);
	}
	return 0;
}
