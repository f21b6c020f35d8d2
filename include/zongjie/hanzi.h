/*
 * hanzi: checks on single characters of Chinese text.
 *
 * Traditional characters: a character that OpenCC's traditional-to-
 * simplified conversion changes, found in a text that is otherwise
 * simplified (it holds more characters that only simplified writing uses
 * than traditional ones); a text written wholly in traditional characters
 * gets nothing.  The table is built once from OpenCC's own dictionaries.
 *
 * Repeated characters: a character or a two-character word typed twice
 * (我们们, 的的, 进行进行).  Only characters that never double in writing
 * are looked at, so reduplications (人人, 常常, 看看, 认认真真) stay
 * silent; a doubled word is reported only when it is a pronoun, function
 * word or verb of official writing that no longer word starts with
 * (进行进行, 我们我们), so 研究研究, 复制复制槽 and names stay silent.
 */
#ifndef ZONGJIE_HANZI_H
#define ZONGJIE_HANZI_H

#include <stdbool.h>
#include <stddef.h>

typedef struct zj_hanzi_table zj_hanzi_table;

/* The process-wide table, built on first use; NULL when OpenCC's
 * configuration cannot be opened, with *notice (if not NULL) set to a
 * one-line explanation the caller frees. */
const zj_hanzi_table *zj_hanzi_standard(char **notice);

/* fn gets the byte range of a finding and the text to write instead. */
typedef void (*zj_hanzi_fn)(size_t start, size_t end, const char *right, void *ctx);

/* One pass over the text for both checks: traditional characters in an
 * otherwise simplified text (unless trad is NULL; none when t is NULL),
 * reported after the pass, and repeats (unless repeat is NULL), reported as
 * they are found; each in text order. */
void zj_hanzi_check(const zj_hanzi_table *t, const char *s, size_t len, zj_hanzi_fn trad,
		    zj_hanzi_fn repeat, void *ctx);

#endif
