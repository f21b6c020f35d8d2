/*
 * export: the text as it is handed in.
 *
 * Headings are renumbered by level in reading order, each keeping its own
 * marker style (一、二、…; （一）（二）…; 1. 2. …; （1）（2）…), so a part
 * removed or added leaves no hole; numbering restarts under each heading
 * of a higher level and in each article.  Everything else is kept as
 * written, unless asked: body paragraphs indented with two full-width
 * spaces, model-site noise lines dropped.
 */
#ifndef ZONGJIE_EXPORT_H
#define ZONGJIE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/outline.h"

typedef struct zj_export_options {
	bool fullwidth_indent; /* two U+3000 at the start of each body paragraph */
	bool strip_noise;      /* drop lines zj_is_noise_line() (noise.h) accepts */
} zj_export_options;

/* Returns the exported UTF-8 text (caller frees); o is text's outline. */
char *zj_export_text(const char *text, size_t len, const zj_outline *o,
		     const zj_export_options *opt, size_t *out_len);

#endif
