/* outline_marker: heading numbers and markers (一、 （二） 3. 第四部分),
 * internal to the outline module; the rules are in zongjie/outline.h. */
#ifndef ZONGJIE_OUTLINE_MARKER_H
#define ZONGJIE_OUTLINE_MARKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zongjie/outline.h"

#define OUTLINE_CN_TEN 0x5341 /* 十 */

/* A digit of a heading number (两 counts as 2), or -1. */
int outline_cn_digit(int32_t c);
/* The bytes of a number in Chinese numerals at s[i] (一 十二 两百), its
 * value in *value; 0 when there is none. */
size_t outline_cn_number(const char *s, size_t len, size_t i, int *value);
/* The bytes of a heading marker at s[i], with its level, kind and number
 * in h; 0 when there is none. */
size_t outline_parse_marker(const char *s, size_t len, size_t i, zj_heading *h);
/* A mark that ends a heading's title sentence: 。！？；： and their
 * half-width forms. */
bool outline_sentence_end(int32_t c);

#endif
