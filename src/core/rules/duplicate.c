/* Rule duplicate-paragraph: the same paragraph twice. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/utf8.h"

typedef struct para {
	uint64_t hash;
	uint64_t start;
	uint32_t len;
	uint32_t line;
} para;

typedef struct dup_ctx {
	para *items;
	size_t count, cap;
	uint32_t line;
} dup_ctx;

static void collect_para(const char *s, size_t len, size_t start, size_t end, void *ctx)
{
	(void)len;
	dup_ctx *d = ctx;
	d->line++;
	while (start < end && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (start + 3 <= end && !memcmp(s + start, "\xE3\x80\x80", 3))
		start += 3;
	if ((end - start < 48 && zj_utf8_count(s + start, end - start) < 12) ||
	    end - start > UINT32_MAX)
		return;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (end - start);
	size_t i = start;
	for (; i + 8 <= end; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	for (; i < end; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
	zj_grow((void **)&d->items, &d->cap, d->count + 1, sizeof *d->items);
	d->items[d->count++] = (para){h, start, (uint32_t)(end - start), d->line};
}

static void check_duplicates(const char *s, size_t len, zj_findings *f)
{
	dup_ctx d = {0};
	zj_each_line(s, len, collect_para, &d);
	if (d.count >= UINT32_MAX / 2) {
		free(d.items);
		return;
	}
	/* open addressing on the hash, first occurrences only: O(n) */
	size_t cap = 16;
	while (cap < 2 * d.count)
		cap *= 2;
	uint32_t *table = zj_xmalloc(cap * sizeof *table);
	memset(table, 0xFF, cap * sizeof *table);
	for (size_t i = 0; i < d.count; i++) {
		const para *b = &d.items[i];
		size_t slot = (size_t)b->hash & (cap - 1);
		for (;; slot = (slot + 1) & (cap - 1)) {
			if (table[slot] == UINT32_MAX) {
				table[slot] = (uint32_t)i;
				break;
			}
			const para *a = &d.items[table[slot]];
			if (a->hash == b->hash && a->len == b->len &&
			    !memcmp(s + a->start, s + b->start, a->len)) {
				/* the message is made when shown: it names a's line */
				zj_finding *x = zj_rule_add(f, ZJ_RULE_DUPLICATE_PARAGRAPH, b->start,
						    b->start + b->len);
				x->extra = a->line;
				break;
			}
		}
	}
	free(table);
	free(d.items);
}

void zj_run_duplicate_paragraph(const zj_rule_input *in)
{
	check_duplicates(in->s, in->len, in->f);
}
