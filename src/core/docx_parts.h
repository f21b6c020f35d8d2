/* docx_parts: the parts of a Word document other than its body (private
 * to docx.c). */
#ifndef ZONGJIE_DOCX_PARTS_H
#define ZONGJIE_DOCX_PARTS_H

#include <stddef.h>
#include <time.h>

#include "zongjie/xml.h"

#define ZJ_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define ZJ_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct zj_docx_meta {
	char *title;        /* NULL when the text has none */
	char *organisation; /* NULL when unknown */
	int year;           /* 0 when unknown */
} zj_docx_meta;

/* The part called name ("word/styles.xml", "[Content_Types].xml", …);
 * caller frees. */
char *zj_docx_part(const char *name, const zj_docx_meta *meta, time_t created, size_t *len);

/* The section properties closing the body: page, margins, grid, footers. */
void zj_docx_section_properties(zj_xml *x);

#endif
