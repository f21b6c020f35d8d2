/*
 * xml: a small writer for the XML parts of a Word document.
 *
 * Elements are opened and closed in order; an element closed with no
 * content is written as <name/>.  Text and attribute values are escaped
 * (& < > "), characters outside the Basic Multilingual Plane are written as
 * character references, and what XML 1.0 forbids (control characters other
 * than tab and line breaks, U+FFFE, U+FFFF, bytes that are not UTF-8) never
 * reaches the output: a document that Word would call corrupt cannot be
 * produced from any input.
 */
#ifndef ZONGJIE_XML_H
#define ZONGJIE_XML_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/util.h"

#define ZJ_XML_MAX_DEPTH 16

typedef struct zj_xml {
	zj_buf *out;
	const char *open[ZJ_XML_MAX_DEPTH]; /* names of the open elements */
	int depth;
	bool in_tag; /* the last start tag is not yet closed with '>' */
} zj_xml;

/* Starts writing into out, beginning with the XML declaration. */
void zj_xml_begin(zj_xml *x, zj_buf *out);
/* Opens an element; name must outlive the element (a literal). */
void zj_xml_start(zj_xml *x, const char *name);
/* An attribute of the element just opened. */
void zj_xml_attr(zj_xml *x, const char *name, const char *value);
void zj_xml_attr_int(zj_xml *x, const char *name, long value);
/* Character data inside the current element. */
void zj_xml_text(zj_xml *x, const char *s, size_t n);
/* Closes the innermost open element. */
void zj_xml_end(zj_xml *x);
/* <name w:val="value"/>, the shape of most WordprocessingML properties. */
void zj_xml_val(zj_xml *x, const char *name, const char *value);
void zj_xml_val_int(zj_xml *x, const char *name, long value);

/* Appends s[0..n) escaped for text or a double-quoted attribute value. */
void zj_xml_escape(zj_buf *b, const char *s, size_t n);

#endif
