/* proofread: see include/zongjie/proofread.h. */
#include <config.h>

#include "zongjie/proofread.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "zongjie/fileio.h"
#include "zongjie/utf8.h"

typedef struct entry {
	char *wrong;
	size_t wlen;
	char *right;          /* NULL for a right phrase, or a silence alone */
	bool guard;           /* a right phrase (`+PHRASE`) */
	uint8_t table;
	bool warning;
	bool silenced;
} entry;

/* The automaton is a full DFA over byte classes.  A transition holds the
 * target's row offset, with OUTPUT set when a pattern ends there. */
#define OUTPUT 0x80000000u
#define ROW_MASK 0x7fffffffu

/* The wrong forms of all entries together stay below this, which bounds
 * the automaton (a state per byte) whatever the user's file holds. */
#define MAX_PATTERN_BYTES ((size_t)128 << 10)

/* The bits of the set of first character pairs: 128 KiB, few collisions
 * for a few thousand patterns. */
#define PAIR_BITS ((size_t)1 << 20)

static inline size_t pair_bit(uint32_t a, uint32_t b)
{
	return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> 12 & (PAIR_BITS - 1);
}

static inline bool bit_set(const uint64_t *bits, size_t i)
{
	return bits[i / 64] >> (i % 64) & 1;
}

struct zj_proofreader {
	entry *entries;
	size_t count, cap;
	/* entries by wrong form: open addressing, indexes + 1, 0 empty */
	uint32_t *slots;
	size_t nslots;
	size_t pattern_bytes;
	/* the automaton, rebuilt after each addition */
	uint8_t byte_class[256];
	size_t classes;
	uint32_t *delta;       /* states × classes */
	int32_t *out;          /* per state: entry ending there, or -1 */
	uint32_t *dict;        /* per state: next state on the fail chain with an output, or 0 */
	size_t states;
	size_t max_len;        /* the longest pattern, in bytes */
	/* first characters of the patterns (Basic Multilingual Plane), and
	 * of those a whole pattern alone; a hashed set of their first two
	 * characters: at the root, the scan skips characters that start none */
	uint64_t first[0x10000 / 64];
	uint64_t alone[0x10000 / 64];
	uint64_t pairs[PAIR_BITS / 64];
};

zj_proofreader *zj_proofreader_new(void)
{
	return zj_xcalloc(1, sizeof(zj_proofreader));
}

static void free_automaton(zj_proofreader *p)
{
	free(p->delta);
	free(p->out);
	free(p->dict);
	p->delta = NULL;
	p->out = NULL;
	p->dict = NULL;
	p->states = 0;
}

void zj_proofreader_free(zj_proofreader *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->count; i++) {
		free(p->entries[i].wrong);
		free(p->entries[i].right);
	}
	free(p->entries);
	free(p->slots);
	free_automaton(p);
	free(p);
}

size_t zj_proofreader_count(const zj_proofreader *p, zj_proof_table table)
{
	size_t n = 0;
	for (size_t i = 0; i < p->count; i++)
		n += p->entries[i].right && !p->entries[i].silenced && p->entries[i].table == table;
	return n;
}

/* ---- building ---------------------------------------------------------- */

static size_t hash_key(const char *s, size_t n, bool guard)
{
	size_t h = guard ? 0x9e3779b9u : 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static uint32_t *slot_for(zj_proofreader *p, const char *wrong, size_t wlen, bool guard)
{
	size_t mask = p->nslots - 1;
	for (size_t i = hash_key(wrong, wlen, guard) & mask;; i = (i + 1) & mask) {
		uint32_t *slot = &p->slots[i];
		if (!*slot)
			return slot;
		const entry *e = &p->entries[*slot - 1];
		if (e->wlen == wlen && !memcmp(e->wrong, wrong, wlen) && e->guard == guard)
			return slot;
	}
}

static void grow_slots(zj_proofreader *p)
{
	free(p->slots);
	p->nslots = p->nslots ? p->nslots * 2 : 1024;
	p->slots = zj_xcalloc(p->nslots, sizeof *p->slots);
	for (size_t i = 0; i < p->count; i++) {
		const entry *e = &p->entries[i];
		*slot_for(p, e->wrong, e->wlen, e->guard) = (uint32_t)i + 1;
	}
}

/* The entry keyed by wrong (guards keyed apart), created when missing: a
 * later line for the same form replaces the earlier one.  NULL when the
 * tables are full. */
static entry *entry_for(zj_proofreader *p, const char *wrong, size_t wlen, bool guard)
{
	if (p->count * 2 >= p->nslots)
		grow_slots(p);
	uint32_t *slot = slot_for(p, wrong, wlen, guard);
	if (*slot)
		return &p->entries[*slot - 1];
	if (p->pattern_bytes + wlen > MAX_PATTERN_BYTES)
		return NULL;
	p->pattern_bytes += wlen;
	zj_grow((void **)&p->entries, &p->cap, p->count + 1, sizeof(entry));
	entry *e = &p->entries[p->count++];
	*e = (entry){.wrong = zj_xstrndup(wrong, wlen), .wlen = wlen, .guard = guard};
	*slot = (uint32_t)p->count;
	return e;
}

static void build_classes(zj_proofreader *p)
{
	memset(p->byte_class, 0, sizeof p->byte_class);
	p->classes = 1;
	for (size_t i = 0; i < p->count; i++)
		for (size_t k = 0; k < p->entries[i].wlen; k++) {
			uint8_t b = (uint8_t)p->entries[i].wrong[k];
			if (!p->byte_class[b])
				p->byte_class[b] = (uint8_t)p->classes++;
		}
}

static bool in_automaton(const entry *e)
{
	return !e->silenced && e->wlen > 0 && (e->guard || e->right);
}

/* The trie of all patterns: state rows of `classes` cells, 0 for none.
 * cap bounds the states (the root and a state per pattern byte): one
 * allocation, whose rows past the last state are never touched, so no
 * copy while growing doubles the memory at its peak. */
static void build_trie(zj_proofreader *p, size_t cap)
{
	size_t nc = p->classes;
	p->states = 1;
	p->delta = zj_xcalloc(cap * nc, sizeof(uint32_t));
	for (size_t i = 0; i < p->count; i++) {
		const entry *e = &p->entries[i];
		if (!in_automaton(e))
			continue;
		size_t st = 0;
		for (size_t k = 0; k < e->wlen; k++) {
			size_t c = p->byte_class[(uint8_t)e->wrong[k]];
			if (!p->delta[st * nc + c])
				p->delta[st * nc + c] = (uint32_t)p->states++;
			st = p->delta[st * nc + c];
		}
	}
}

/* Breadth-first: fail links, dictionary links and the missing transitions
 * filled in from the fail state, then cells turned into row offsets. */
static void build_links(zj_proofreader *p)
{
	size_t nc = p->classes, n = p->states;
	uint32_t *fail = zj_xcalloc(n, sizeof(uint32_t));
	uint32_t *queue = zj_xmalloc(n * sizeof(uint32_t));
	p->dict = zj_xcalloc(n, sizeof(uint32_t));
	size_t head = 0, tail = 0;
	for (size_t c = 0; c < nc; c++)
		if (p->delta[c])
			queue[tail++] = p->delta[c];
	while (head < tail) {
		uint32_t st = queue[head++];
		uint32_t f = fail[st];
		p->dict[st] = p->out[f] >= 0 ? f : p->dict[f];
		for (size_t c = 0; c < nc; c++) {
			uint32_t *cell = &p->delta[st * nc + c];
			if (*cell) {
				fail[*cell] = p->delta[f * nc + c];
				queue[tail++] = *cell;
			} else
				*cell = p->delta[f * nc + c];
		}
	}
	for (size_t i = 0; i < n * nc; i++) {
		uint32_t to = p->delta[i];
		p->delta[i] = (uint32_t)(to * nc) | (p->out[to] >= 0 || p->dict[to] ? OUTPUT : 0);
	}
	free(fail);
	free(queue);
}

static void build(zj_proofreader *p)
{
	free_automaton(p);
	build_classes(p);
	p->max_len = 0;
	memset(p->first, 0, sizeof p->first);
	memset(p->alone, 0, sizeof p->alone);
	memset(p->pairs, 0, sizeof p->pairs);
	size_t cap = 1; /* the root, and at most a state per pattern byte */
	for (size_t i = 0; i < p->count; i++) {
		const entry *e = &p->entries[i];
		if (!in_automaton(e))
			continue;
		cap += e->wlen;
		if (e->wlen > p->max_len)
			p->max_len = e->wlen;
		int32_t cp, cp2 = 0x10000;
		size_t n = zj_utf8_decode(e->wrong, e->wlen, 0, &cp);
		if (n < e->wlen)
			zj_utf8_decode(e->wrong, e->wlen, n, &cp2);
		if (cp >= 0x10000) {
			memset(p->first, 0xff, sizeof p->first); /* no skipping then */
			memset(p->alone, 0xff, sizeof p->alone);
			continue;
		}
		p->first[cp / 64] |= (uint64_t)1 << (cp % 64);
		if (cp2 >= 0x10000) /* one character, or a second one the skip does not read */
			p->alone[cp / 64] |= (uint64_t)1 << (cp % 64);
		else
			p->pairs[pair_bit((uint32_t)cp, (uint32_t)cp2) / 64] |=
				(uint64_t)1 << (pair_bit((uint32_t)cp, (uint32_t)cp2) % 64);
	}
	build_trie(p, cap);
	int32_t *out = zj_xmalloc(p->states * sizeof(int32_t));
	for (size_t s = 0; s < p->states; s++)
		out[s] = -1;
	for (size_t i = 0; i < p->count; i++) {
		const entry *e = &p->entries[i];
		if (!in_automaton(e))
			continue;
		size_t st = 0;
		for (size_t k = 0; k < e->wlen; k++)
			st = p->delta[st * p->classes + p->byte_class[(uint8_t)e->wrong[k]]];
		out[st] = (int32_t)i;
	}
	p->out = out;
	build_links(p);
	p->delta = zj_xrealloc(p->delta, p->states * p->classes * sizeof(uint32_t));
}

/* ---- table files -------------------------------------------------------- */

static bool is_blank(const char *s, size_t i, size_t end, size_t *n)
{
	if (s[i] == ' ' || s[i] == '\t') {
		*n = 1;
		return true;
	}
	if (end - i >= 3 && !memcmp(s + i, "\xe3\x80\x80", 3)) { /* U+3000 */
		*n = 3;
		return true;
	}
	return false;
}

/* Splits [i, end) into at most max fields separated by blanks; returns
 * the count, or max + 1 when there are more. */
static size_t split_fields(const char *s, size_t i, size_t end, const char **field,
			   size_t *flen, size_t max)
{
	size_t count = 0, n;
	while (i < end) {
		if (is_blank(s, i, end, &n)) {
			i += n;
			continue;
		}
		if (count == max)
			return max + 1;
		size_t start = i;
		while (i < end && !is_blank(s, i, end, &n))
			i++;
		field[count] = s + start;
		flen[count++] = i - start;
	}
	return count;
}

static bool add_line(zj_proofreader *p, zj_proof_table table, const char *s, size_t start,
		     size_t end, long line, zj_error *err)
{
	const char *field[3];
	size_t flen[3];
	char mark = s[start];
	if (mark == '+' || mark == '-') {
		if (split_fields(s, start + 1, end, field, flen, 1) != 1)
			return zj_fail_at(err, line, 1, _("'%c' takes one phrase"), mark);
		entry *e = entry_for(p, field[0], flen[0], mark == '+');
		if (!e)
			return zj_fail_at(err, line, 1, _("the tables are full"));
		if (mark == '-')
			e->silenced = true;
		return true;
	}
	size_t n = split_fields(s, start, end, field, flen, 3);
	if (n < 2 || n > 3)
		return zj_fail_at(err, line, 1, _("an entry is a wrong form, a right form and "
						  "an optional severity"));
	bool warning = true;
	if (n == 3) {
		if (flen[2] == 4 && !memcmp(field[2], "info", 4))
			warning = false;
		else if (!(flen[2] == 7 && !memcmp(field[2], "warning", 7)))
			return zj_fail_at(err, line, 1, _("the severity is info or warning"));
	}
	if (flen[0] == flen[1] && !memcmp(field[0], field[1], flen[0]))
		return zj_fail_at(err, line, 1, _("the wrong and the right form are the same"));
	entry *e = entry_for(p, field[0], flen[0], false);
	if (!e)
		return zj_fail_at(err, line, 1, _("the tables are full"));
	free(e->right);
	e->right = zj_xstrndup(field[1], flen[1]);
	e->table = (uint8_t)table;
	e->warning = warning;
	e->silenced = false;
	return true;
}

bool zj_proofreader_add_text(zj_proofreader *p, zj_proof_table table, const char *text,
			     size_t len, zj_error *err)
{
	bool ok = zj_utf8_valid_prefix(text, len) == len;
	if (!ok)
		zj_fail(err, _("not valid UTF-8"));
	long line = 0;
	for (size_t i = 0; ok && i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len, next = nl ? end + 1 : len;
		line++;
		if (end > i && text[end - 1] == '\r')
			end--;
		size_t n;
		while (i < end && is_blank(text, i, end, &n))
			i += n;
		if (i < end && text[i] != '#')
			ok = add_line(p, table, text, i, end, line, err);
		i = next;
	}
	build(p);
	return ok;
}

bool zj_proofreader_add_file(zj_proofreader *p, zj_proof_table table, const char *path,
			     zj_error *err)
{
	char *text;
	size_t len;
	zj_format fmt;
	if (!zj_load_file(path, &text, &len, &fmt, err))
		return false;
	bool ok = zj_proofreader_add_text(p, table, text, len, err);
	free(text);
	return ok;
}

/* ---- the standard tables ------------------------------------------------ */

/* Built-in tables are installed under pkgdatadir; a binary run from the
 * build tree, before `make install`, finds them in the source tree. */
char *zj_proof_data_path(const char *name)
{
	struct stat st;
	char *path = zj_xasprintf("%s/%s", PKGDATADIR, name);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return path;
	free(path);
	return zj_xasprintf("%s/data/%s", SRCDIR, name);
}

char *zj_proofreader_user_file(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg == '/')
		return zj_xasprintf("%s/zongjie/miswritten.txt", xdg);
	if (getenv("HOME"))
		return zj_xasprintf("%s/.config/zongjie/miswritten.txt", getenv("HOME"));
	return NULL;
}

static zj_proofreader *standard;
static char *standard_notice;
static pthread_once_t standard_once = PTHREAD_ONCE_INIT;

static void note(const char *path, const zj_error *err)
{
	char *line = zj_error_describe(path, err);
	if (!standard_notice)
		standard_notice = line;
	else
		free(line);
}

static void load_standard(void)
{
	static const char *const files[ZJ_PROOF_TABLES] = {"miswritten.txt", "usage.txt"};
	standard = zj_proofreader_new();
	for (int t = 0; t < ZJ_PROOF_TABLES; t++) {
		char *path = zj_proof_data_path(files[t]);
		zj_error err = {0};
		if (!zj_proofreader_add_file(standard, (zj_proof_table)t, path, &err))
			note(path, &err);
		free(path);
	}
	char *user = zj_proofreader_user_file();
	struct stat st;
	if (user && stat(user, &st) == 0) {
		zj_error err = {0};
		if (!zj_proofreader_add_file(standard, ZJ_PROOF_MISWRITTEN, user, &err))
			note(user, &err);
	}
	free(user);
}

const zj_proofreader *zj_proofreader_standard(char **notice)
{
	pthread_once(&standard_once, load_standard);
	if (notice)
		*notice = standard_notice ? zj_xstrdup(standard_notice) : NULL;
	return standard;
}

/* ---- matching ----------------------------------------------------------- */

typedef struct raw_match {
	size_t start, end;
	int32_t id;
} raw_match;

typedef struct match_list {
	raw_match *items;
	size_t count, cap;
} match_list;

static void push_match(match_list *m, const zj_proofreader *p, size_t end, int32_t id,
		       const bool *want)
{
	const entry *e = &p->entries[id];
	if (!e->guard && !want[e->table])
		return;
	zj_grow((void **)&m->items, &m->cap, m->count + 1, sizeof(raw_match));
	m->items[m->count++] = (raw_match){end - e->wlen, end, id};
}

static int match_cmp(const void *a, const void *b)
{
	const raw_match *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end; /* longest first */
}

/* True when a right phrase among the sorted matches overlaps m. */
static bool guarded(const zj_proofreader *p, const match_list *m, size_t at)
{
	const raw_match *x = &m->items[at];
	for (size_t k = at; k-- > 0 && m->items[k].start + p->max_len > x->start;)
		if (p->entries[m->items[k].id].guard && m->items[k].end > x->start)
			return true;
	for (size_t k = at + 1; k < m->count && m->items[k].start < x->end; k++)
		if (p->entries[m->items[k].id].guard)
			return true;
	return false;
}

/* The code point of the one- or three-byte UTF-8 character at s[i] into
 * *cp; its length, or 0 for another (the scan does not skip over it). */
static inline size_t read_bmp(const char *s, size_t len, size_t i, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (i >= len)
		return 0;
	if (u[i] < 0x80) {
		*cp = u[i];
		return 1;
	}
	if ((u[i] & 0xF0) != 0xE0 || len - i < 3 || (u[i + 1] & 0xC0) != 0x80 ||
	    (u[i + 2] & 0xC0) != 0x80)
		return 0;
	*cp = (u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
	return 3;
}

/* From a character boundary at the root, the next character that may
 * start a pattern: its first two characters are those of one (or it may
 * be one alone, or a byte the skip does not read: the automaton takes it). */
static inline size_t skip_to_start(const zj_proofreader *p, const char *s, size_t len, size_t i)
{
	while (i < len) {
		uint32_t cp, cp2;
		size_t n = read_bmp(s, len, i, &cp);
		if (!n)
			return i;
		if (bit_set(p->first, cp) &&
		    (bit_set(p->alone, cp) || !read_bmp(s, len, i + n, &cp2) ||
		     bit_set(p->pairs, pair_bit(cp, cp2))))
			return i;
		i += n;
	}
	return len;
}

void zj_proofread(const zj_proofreader *p, const bool want[ZJ_PROOF_TABLES], const char *s,
		  size_t len, zj_proof_fn fn, void *ctx)
{
	if (!p || !p->states)
		return;
	match_list m = {0};
	const uint32_t *delta = p->delta;
	const uint8_t *cls = p->byte_class;
	uint32_t st = 0;
	for (size_t i = 0; i < len; i++) {
		if (st == 0 && (i = skip_to_start(p, s, len, i)) == len)
			break;
		st = delta[(st & ROW_MASK) + cls[(uint8_t)s[i]]];
		if (!(st & OUTPUT))
			continue;
		uint32_t state = (st & ROW_MASK) / (uint32_t)p->classes;
		if (p->out[state] >= 0)
			push_match(&m, p, i + 1, p->out[state], want);
		for (uint32_t d = p->dict[state]; d; d = p->dict[d])
			push_match(&m, p, i + 1, p->out[d], want);
	}
	if (m.count)
		qsort(m.items, m.count, sizeof(raw_match), match_cmp);
	size_t done = 0;
	for (size_t k = 0; k < m.count; k++) {
		const raw_match *x = &m.items[k];
		const entry *e = &p->entries[x->id];
		if (e->guard || x->start < done || guarded(p, &m, k))
			continue;
		zj_proof_match pm = {x->start, x->end, (zj_proof_table)e->table, e->warning,
				     e->right};
		fn(&pm, ctx);
		done = x->end;
	}
	free(m.items);
}

/* ---- ranges -------------------------------------------------------------- */

static const char *const range_units[] = {"个工作日", "个月", "季度", "小时", "世纪", "学年",
					  "年级", "年", "月", "日", "天", "周", "岁"};

static bool range_unit_at(const char *s, size_t len, size_t i)
{
	for (size_t k = 0; k < sizeof range_units / sizeof range_units[0]; k++) {
		size_t n = strlen(range_units[k]);
		if (len - i >= n && !memcmp(s + i, range_units[k], n))
			return true;
	}
	return false;
}

static bool range_at(const char *s, size_t len, size_t mark, size_t mark_len)
{
	size_t a = mark, b = mark + mark_len, e = b;
	while (a > 0 && zj_is_ascii_digit((unsigned char)s[a - 1]) && mark - a < 5)
		a--;
	while (e < len && zj_is_ascii_digit((unsigned char)s[e]) && e - b < 5)
		e++;
	if (a == mark || e == b || (a > 0 && (zj_is_ascii_digit((unsigned char)s[a - 1]) ||
					      strchr("-~./:_", s[a - 1]) ||
					      zj_is_ascii_letter((unsigned char)s[a - 1]))))
		return false;
	if (!range_unit_at(s, len, e))
		return false;
	return strtol(s + a, NULL, 10) < strtol(s + b, NULL, 10);
}

void zj_proof_ranges(const char *s, size_t len, zj_proof_fn fn, void *ctx)
{
	for (size_t i = 0; i < len; i++) {
		size_t n = 0;
		const char *right = "—";
		if (s[i] == '-')
			n = 1;
		else if (s[i] == '~') {
			n = 1;
			right = "～";
		} else if (s[i] == '\xe2' && len - i >= 3 && !memcmp(s + i, "\xe2\x80\x93", 3))
			n = 3;
		if (!n || i == 0 || !zj_is_ascii_digit((unsigned char)s[i - 1]) ||
		    !range_at(s, len, i, n))
			continue;
		zj_proof_match pm = {i, i + n, ZJ_PROOF_USAGE, false, right};
		fn(&pm, ctx);
		i += n - 1;
	}
}
