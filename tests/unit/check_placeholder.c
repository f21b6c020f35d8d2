/* Unit tests of gap detection against the labelled fixture
 * tests/data/gaps-labelled.txt, plus gap navigation. */
#include <config.h>

#include "testutil.h"
#include "zongjie/placeholder.h"

typedef struct expected {
	size_t start, end;
	const char *kind;
} expected;

typedef struct collected {
	zj_gap items[64];
	size_t count;
} collected;

static bool collect(const zj_gap *gap, void *ctx)
{
	collected *c = ctx;
	if (c->count < 64)
		c->items[c->count] = *gap;
	c->count++;
	return true;
}

/* Strips ⟦text|KIND⟧ markers from line into plain, filling exp. */
static size_t parse_line(const char *line, char *plain, expected *exp, char kinds[][16])
{
	size_t n = 0, w = 0;
	const char *p = line;
	while (*p) {
		if (!strncmp(p, "⟦", 3)) {
			p += 3;
			const char *bar = strchr(p, '|');
			const char *close = strstr(bar, "⟧");
			exp[n].start = w;
			memcpy(plain + w, p, (size_t)(bar - p));
			w += (size_t)(bar - p);
			exp[n].end = w;
			snprintf(kinds[n], 16, "%.*s", (int)(close - bar - 1), bar + 1);
			exp[n].kind = kinds[n];
			n++;
			p = close + 3;
		} else
			plain[w++] = *p++;
	}
	plain[w] = '\0';
	return n;
}

START_TEST(labelled_fixture)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/gaps-labelled.txt", SRCDIR);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	char line[2048], plain[2048], kinds[64][16];
	expected exp[64];
	size_t lines = 0, gaps = 0, found = 0, correct = 0, false_gaps = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !line[0])
			continue;
		lines++;
		size_t n = parse_line(line, plain, exp, kinds);
		collected c = {0};
		zj_gaps_scan(plain, strlen(plain), collect, &c);
		gaps += n;
		found += c.count;
		for (size_t i = 0; i < c.count && i < 64; i++) {
			bool match = false;
			for (size_t k = 0; k < n; k++)
				if (exp[k].start == c.items[i].start && exp[k].end == c.items[i].end) {
					match = true;
					ck_assert_msg(!strcmp(exp[k].kind, zj_gap_kind_name(c.items[i].kind)),
						      "'%s': gap '%.*s' is %s, expected %s", plain,
						      (int)(c.items[i].end - c.items[i].start),
						      plain + c.items[i].start,
						      zj_gap_kind_name(c.items[i].kind), exp[k].kind);
				}
			if (match)
				correct++;
			else {
				false_gaps++;
				fprintf(stderr, "false gap '%.*s' in '%s'\n",
					(int)(c.items[i].end - c.items[i].start), plain + c.items[i].start,
					plain);
			}
		}
		for (size_t k = 0; k < n; k++) {
			bool seen = false;
			for (size_t i = 0; i < c.count && i < 64; i++)
				seen |= exp[k].start == c.items[i].start && exp[k].end == c.items[i].end;
			ck_assert_msg(seen, "missed gap '%.*s' in '%s'", (int)(exp[k].end - exp[k].start),
				      plain + exp[k].start, plain);
		}
	}
	fclose(f);
	ck_assert_uint_ge(lines, 45);
	ck_assert_uint_ge(gaps, 60);
	ck_assert_uint_eq(correct, gaps);
	ck_assert_uint_eq(false_gaps, 0);
	ck_assert_uint_eq(found, gaps);
}
END_TEST

START_TEST(navigation)
{
	const char *s = "第一行没有空。\n开展活动xx场次，参与x人。\n时间：20xx年\n";
	zj_gap g;
	ck_assert(zj_gap_next(s, strlen(s), 0, &g));
	ck_assert(!strncmp(s + g.start, "xx场", 4));
	size_t second = g.end;
	ck_assert(zj_gap_next(s, strlen(s), second, &g));
	ck_assert(!strncmp(s + g.start, "x人", 3));
	ck_assert_int_eq(g.kind, ZJ_GAP_NUMBER);
	ck_assert(zj_gap_next(s, strlen(s), g.end, &g));
	ck_assert(!strncmp(s + g.start, "20xx", 4));
	ck_assert_int_eq(g.kind, ZJ_GAP_YEAR);
	size_t year = g.start;
	ck_assert(!zj_gap_next(s, strlen(s), g.end, &g));
	/* backwards */
	ck_assert(zj_gap_prev(s, strlen(s), year, &g));
	ck_assert(!strncmp(s + g.start, "x人", 3));
	ck_assert(zj_gap_prev(s, strlen(s), g.start, &g));
	ck_assert(!strncmp(s + g.start, "xx场", 4));
	ck_assert(!zj_gap_prev(s, strlen(s), g.start, &g));
	/* from inside a gap, the next one starts after it */
	ck_assert_uint_eq(zj_gaps_count(s, strlen(s)), 3);
}
END_TEST

START_TEST(large_scan_is_linear)
{
	/* 20 MB of text with a gap every sentence: counted exactly. */
	const char *unit = "全年开展活动xx场次，服务群众xxx人次。";
	size_t ulen = strlen(unit), n = 20 * 1024 * 1024 / ulen;
	char *big = malloc(n * ulen + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(big + i * ulen, unit, ulen);
	big[n * ulen] = '\0';
	ck_assert_uint_eq(zj_gaps_count(big, n * ulen), 2 * n);
	free(big);
}
END_TEST

static Suite *placeholder_suite(void)
{
	Suite *s = suite_create("placeholder");
	TCase *tc = tcase_create("placeholder");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, labelled_fixture);
	tcase_add_test(tc, navigation);
	tcase_add_test(tc, large_scan_is_linear);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(placeholder_suite());
}
