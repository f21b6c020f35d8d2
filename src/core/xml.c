/* xml: see include/zongjie/xml.h. */
#include <config.h>

#include "zongjie/xml.h"

#include <stdio.h>
#include <string.h>

#include "zongjie/utf8.h"

void zj_xml_begin(zj_xml *x, zj_buf *out)
{
	*x = (zj_xml){.out = out};
	zj_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
}

static void close_tag(zj_xml *x)
{
	if (x->in_tag) {
		zj_buf_putc(x->out, '>');
		x->in_tag = false;
	}
}

void zj_xml_start(zj_xml *x, const char *name)
{
	close_tag(x);
	if (x->depth < ZJ_XML_MAX_DEPTH)
		x->open[x->depth] = name;
	x->depth++;
	zj_buf_putc(x->out, '<');
	zj_buf_puts(x->out, name);
	x->in_tag = true;
}

void zj_xml_attr(zj_xml *x, const char *name, const char *value)
{
	zj_buf_putc(x->out, ' ');
	zj_buf_puts(x->out, name);
	zj_buf_puts(x->out, "=\"");
	zj_xml_escape(x->out, value, strlen(value));
	zj_buf_putc(x->out, '"');
}

void zj_xml_attr_int(zj_xml *x, const char *name, long value)
{
	char num[24];
	snprintf(num, sizeof num, "%ld", value);
	zj_xml_attr(x, name, num);
}

void zj_xml_text(zj_xml *x, const char *s, size_t n)
{
	close_tag(x);
	zj_xml_escape(x->out, s, n);
}

void zj_xml_end(zj_xml *x)
{
	if (x->depth == 0)
		return;
	x->depth--;
	if (x->in_tag) {
		zj_buf_puts(x->out, "/>");
		x->in_tag = false;
		return;
	}
	zj_buf_puts(x->out, "</");
	zj_buf_puts(x->out, x->depth < ZJ_XML_MAX_DEPTH ? x->open[x->depth] : "");
	zj_buf_putc(x->out, '>');
}

void zj_xml_val(zj_xml *x, const char *name, const char *value)
{
	zj_xml_start(x, name);
	zj_xml_attr(x, "w:val", value);
	zj_xml_end(x);
}

void zj_xml_val_int(zj_xml *x, const char *name, long value)
{
	zj_xml_start(x, name);
	zj_xml_attr_int(x, "w:val", value);
	zj_xml_end(x);
}

/* XML 1.0 production Char. */
static bool xml_char(int32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void zj_xml_escape(zj_buf *b, const char *s, size_t n)
{
	size_t plain = 0; /* start of the run copied as it is */
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)s[i];
		const char *entity = NULL;
		if (ch >= 0x20 && ch < 0x80) {
			switch (ch) {
			case '&': entity = "&amp;"; break;
			case '<': entity = "&lt;"; break;
			case '>': entity = "&gt;"; break;
			case '"': entity = "&quot;"; break;
			default: i++; continue;
			}
			zj_buf_append(b, s + plain, i - plain);
			zj_buf_puts(b, entity);
			plain = ++i;
			continue;
		}
		int32_t c;
		size_t len = zj_utf8_decode(s, n, i, &c);
		bool invalid = c == 0xFFFD && len != 3; /* a byte that is not UTF-8 */
		if (!invalid && c < 0x10000 && xml_char(c)) {
			i += len;
			continue;
		}
		zj_buf_append(b, s + plain, i - plain);
		if (invalid || (c >= 0x20 && !xml_char(c)))
			zj_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD for what XML cannot carry */
		else if (c >= 0x10000)
			zj_buf_printf(b, "&#x%X;", (unsigned)c);
		/* the other control characters are dropped */
		i += len;
		plain = i;
	}
	zj_buf_append(b, s + plain, n - plain);
}
