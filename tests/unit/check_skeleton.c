/* Unit tests of skeleton loading, validation, rendering and the library. */
#include <config.h>

#include <sys/stat.h>
#include <time.h>

#include "testutil.h"
#include "zongjie/outline.h"
#include "zongjie/placeholder.h"
#include "zongjie/skeleton.h"

#define GOOD_HEAD \
	"id: t\nname: 测试\ndescription: 测试用\nlang: zh_CN\nversion: 1\n"

static const char good[] =
	GOOD_HEAD
	"variables:\n"
	"  org: {label: 单位名称, type: text}\n"
	"  year: {label: 年度, type: year}\n"
	"  next_year: {label: 计划年度, type: year, from: year, add: 1}\n"
	"  count: {label: 人数, type: number, default: '12'}\n"
	"title: \"{{org}}{{year}}年工作总结\"\n"
	"opening: 全年共有{{count}}人参加。\n"
	"parts:\n"
	"  - kind: achievements\n"
	"    heading: \"{{year}}年工作成效\"\n"
	"    length: [10, 20]\n"
	"    phrases: [开展活动xx场次]\n"
	"    sections:\n"
	"      - heading: 学习\n"
	"        body: 学习xx次。\n"
	"        sections:\n"
	"          - heading: 专题学习\n"
	"            body: 专题x次。\n"
	"  - kind: problems\n"
	"    heading: 存在问题\n"
	"    body: 人手不足。\n"
	"  - kind: plan\n"
	"    heading: \"{{next_year}}年工作计划\"\n"
	"    body: 继续努力。\n"
	"  - kind: closing\n"
	"    body: 总之，我们将继续努力，再创佳绩。\n";

typedef struct broken {
	const char *yaml;
	long line, col;
	const char *message;
} broken;

static const broken broken_cases[] = {
	{GOOD_HEAD "title: x\nparts: [{kind: plan, heading: a}]\ncolour: red\n", 8, 1,
	 "unknown key 'colour' in the skeleton"},
	{"id: t\nname: n\nlang: zh_CN\nversion: 1\ntitle: x\nparts: [{kind: plan, heading: a}]\n", 1, 1,
	 "missing key 'description' in the skeleton"},
	{GOOD_HEAD "title: x\nparts: {kind: plan}\n", 7, 8, "'parts' must be a non-empty list"},
	{GOOD_HEAD "title: x\nparts: []\n", 7, 8, "'parts' must be a non-empty list"},
	{GOOD_HEAD "title: x\nparts:\n  - kind: summary\n    heading: a\n", 8, 11,
	 "kind must be achievements, problems, plan, closing or other"},
	{GOOD_HEAD "title: x\nparts:\n  - kind: plan\n", 8, 5, "missing key 'heading' in a part"},
	{GOOD_HEAD "title: \"{{org}}\"\nparts: [{kind: plan, heading: a}]\n", 6, 8,
	 "'{{org}}' names no variable of this skeleton"},
	{GOOD_HEAD "title: x\nparts:\n  - kind: plan\n    heading: a\n    body: 见{{nobody}}\n", 10, 11,
	 "'{{nobody}}' names no variable of this skeleton"},
	{GOOD_HEAD "title: \"{{org\"\nparts: [{kind: plan, heading: a}]\n", 6, 8,
	 "'{{' without a closing '}}'"},
	{GOOD_HEAD "title: x\ntitle: y\nparts: [{kind: plan, heading: a}]\n", 7, 1,
	 "duplicate key 'title'"},
	{"id: t\nname: n\ndescription: d\nlang: fr\nversion: 1\ntitle: x\nparts: [{kind: plan, heading: a}]\n",
	 4, 7, "lang must be zh_CN or en"},
	{"id: t\nname: n\ndescription: d\nlang: en\nversion: one\ntitle: x\nparts: [{kind: plan, heading: a}]\n",
	 5, 10, "version must be a positive whole number"},
	{"id: Bad_Id\nname: n\ndescription: d\nlang: en\nversion: 1\ntitle: x\nparts: [{kind: plan, heading: a}]\n",
	 1, 5, "id 'Bad_Id' may use a-z, 0-9 and - only"},
	{GOOD_HEAD "variables:\n  year: {label: 年, type: date}\ntitle: x\nparts: [{kind: plan, heading: a}]\n",
	 7, 26, "type must be text, year or number"}, /* columns count characters */
	{GOOD_HEAD "variables:\n  year: {type: year}\ntitle: x\nparts: [{kind: plan, heading: a}]\n",
	 7, 9, "missing key 'label' in variable 'year'"},
	{GOOD_HEAD "variables:\n  a: {label: A, from: b}\ntitle: x\nparts: [{kind: plan, heading: a}]\n",
	 7, 23, "'from: b' must name a variable that is not derived itself"},
	{GOOD_HEAD "title: x\nparts:\n  - kind: plan\n    heading: a\n    length: [600, 300]\n", 10, 13,
	 "length must be [MIN, MAX] characters, MIN <= MAX"},
	{GOOD_HEAD "title: [a, b]\nparts: [{kind: plan, heading: a}]\n", 6, 8, "'title' must be text"},
	{GOOD_HEAD "title: x\nparts:\n  - kind: plan\n    heading: a\n    sections:\n      - body: b\n", 11, 9,
	 "missing key 'heading' in a section"},
	{GOOD_HEAD "title: &t x\nparts: [{kind: plan, heading: *t}]\n", 6, 8,
	 "anchors are not allowed in skeletons"},
	{GOOD_HEAD "title: x\nparts: [{kind: plan, heading: a}\n", 8, 1, "did not find expected ',' or ']'"},
	{GOOD_HEAD "title: x\nparts: [{kind: plan, heading: a}]\n---\nid: u\n", 8, 1,
	 "a skeleton file holds one document"},
	{"", 1, 1, "the skeleton is empty"},
};

START_TEST(broken_skeletons)
{
	size_t n = sizeof broken_cases / sizeof broken_cases[0];
	ck_assert_uint_ge(n, 15);
	for (size_t i = 0; i < n; i++) {
		const broken *b = &broken_cases[i];
		zj_error err = {0};
		zj_skeleton *sk = zj_skeleton_parse(b->yaml, strlen(b->yaml), &err);
		ck_assert_msg(sk == NULL, "case %zu loaded", i);
		ck_assert_msg(strstr(err.message, b->message) != NULL, "case %zu: '%s'", i, err.message);
		ck_assert_msg(err.line == b->line && err.col == b->col, "case %zu (%s): at %ld:%ld, expected %ld:%ld",
			      i, err.message, err.line, err.col, b->line, b->col);
	}
}
END_TEST

START_TEST(hostile_yaml_is_refused_fast)
{
	/* a billion laughs: aliases are refused at the first one */
	const char *bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
			   "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
			   "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
			   "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
			   "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
			   "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
			   "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
	zj_error err = {0};
	clock_t t0 = clock();
	ck_assert_ptr_null(zj_skeleton_parse(bomb, strlen(bomb), &err));
	ck_assert(strstr(err.message, "not allowed"));
	/* 10 000 nested lists */
	size_t depth = 10000;
	char *deep = malloc(2 * depth + 8);
	memset(deep, '[', depth);
	memset(deep + depth, ']', depth);
	deep[2 * depth] = '\0';
	ck_assert_ptr_null(zj_skeleton_parse(deep, 2 * depth, &err));
	ck_assert_str_eq(err.message, "nesting deeper than 32 levels");
	ck_assert_int_eq(err.line, 1);
	ck_assert_int_eq(err.col, 33);
	free(deep);
	/* over 1 MiB */
	size_t big = ZJ_SKELETON_MAX_BYTES + 10;
	char *huge = malloc(big);
	memset(huge, '#', big);
	ck_assert_ptr_null(zj_skeleton_parse(huge, big, &err));
	ck_assert_str_eq(err.message, "skeleton larger than 1 MiB");
	free(huge);
	double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
	fprintf(stderr, "# hostile skeletons refused in %.3f s of CPU\n", seconds);
}
END_TEST

static char *render(const zj_skeleton *sk, const zj_binding *b, size_t n)
{
	size_t len;
	zj_error err = {0};
	char *out = zj_skeleton_render(sk, b, n, &len, &err);
	ck_assert_msg(out != NULL, "%s", err.message);
	ck_assert_uint_eq(strlen(out), len);
	return out;
}

START_TEST(render_substitutes)
{
	zj_error err = {0};
	zj_skeleton *sk = zj_skeleton_parse(good, strlen(good), &err);
	ck_assert_msg(sk != NULL, "%s at %ld:%ld", err.message, err.line, err.col);
	ck_assert_uint_eq(sk->nparts, 4);
	ck_assert_int_eq(sk->parts[0].min_len, 10);
	ck_assert_uint_eq(sk->parts[0].nphrases, 1);
	ck_assert_uint_eq(sk->parts[0].sections[0].nsections, 1);

	zj_binding b[] = {{"org", "青禾街道"}, {"year", "2025"}};
	char *out = render(sk, b, 2);
	ck_assert_str_eq(out, "青禾街道2025年工作总结\n"
			      "\n"
			      "全年共有12人参加。\n"
			      "\n"
			      "一、2025年工作成效\n"
			      "（一）学习\n"
			      "学习xx次。\n"
			      "1.专题学习\n"
			      "专题x次。\n"
			      "\n"
			      "二、存在问题\n"
			      "人手不足。\n"
			      "\n"
			      "三、2026年工作计划\n"
			      "继续努力。\n"
			      "\n"
			      "总之，我们将继续努力，再创佳绩。\n");
	zj_outline *o = zj_outline_build(out, strlen(out));
	ck_assert_uint_eq(o->nparts, 5);
	ck_assert_int_eq(o->parts[4].kind, ZJ_PART_CLOSING);
	zj_outline_free(o);
	free(out);

	/* nothing set: gaps of the right kind, derived year too */
	out = render(sk, NULL, 0);
	ck_assert(!strncmp(out, "【请填写单位名称】20xx年工作总结\n", strlen("【请填写单位名称】20xx年工作总结\n")));
	ck_assert(strstr(out, "三、20xx年工作计划\n"));
	free(out);

	/* bindings that do not fit */
	size_t len;
	zj_binding bad_year[] = {{"year", "25"}};
	ck_assert_ptr_null(zj_skeleton_render(sk, bad_year, 1, &len, &err));
	ck_assert(strstr(err.message, "must be a year"));
	zj_binding unknown[] = {{"boss", "张三"}};
	ck_assert_ptr_null(zj_skeleton_render(sk, unknown, 1, &len, &err));
	ck_assert(strstr(err.message, "has no variable 'boss'"));
	zj_binding count[] = {{"count", "many"}};
	ck_assert_ptr_null(zj_skeleton_render(sk, count, 1, &len, &err));

	/* a year as the writer types it: 2025年, full-width figures */
	zj_binding typed[] = {{"year", "２０２５年"}};
	out = render(sk, typed, 1);
	ck_assert(strstr(out, "一、2025年工作成效\n"));
	ck_assert(strstr(out, "三、2026年工作计划\n"));
	free(out);
	const zj_variable *year = NULL;
	for (size_t i = 0; i < sk->nvars; i++)
		if (!strcmp(sk->vars[i].name, "year"))
			year = &sk->vars[i];
	ck_assert_ptr_nonnull(year);
	char *v = zj_skeleton_value(year, "2025年", &err);
	ck_assert_str_eq(v, "2025");
	free(v);
	ck_assert_ptr_null(zj_skeleton_value(year, "25", &err));
	ck_assert(strstr(err.message, "must be a year such as 2025, not '25'"));
	ck_assert_ptr_null(zj_skeleton_value(year, "年", &err));
	ck_assert_ptr_null(zj_skeleton_value(year, "20.5", &err));
	zj_skeleton_free(sk);
}
END_TEST

static void length_hit(const zj_part *p, long min_len, long max_len, void *ctx)
{
	(void)min_len;
	(void)max_len;
	*(int *)ctx += p->kind == ZJ_PART_ACHIEVEMENTS;
}

START_TEST(lengths)
{
	zj_error err = {0};
	zj_skeleton *sk = zj_skeleton_parse(good, strlen(good), &err);
	ck_assert_ptr_nonnull(sk);
	const char *text = "总结\n一、成效\n短。\n二、问题\n有。\n三、计划\n干。\n";
	zj_outline *o = zj_outline_build(text, strlen(text));
	int hits = 0;
	zj_skeleton_check_lengths(sk, o, length_hit, &hits);
	ck_assert_int_eq(hits, 1); /* 2 characters, 10–20 suggested */
	zj_outline_free(o);
	text = "总结\n一、成效\n这一部分写了十五个汉字的正文内容呀。\n";
	o = zj_outline_build(text, strlen(text));
	hits = 0;
	zj_skeleton_check_lengths(sk, o, length_hit, &hits);
	ck_assert_int_eq(hits, 0);
	zj_outline_free(o);
	zj_skeleton_free(sk);
}
END_TEST

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	write_bytes(path, text, strlen(text));
}

START_TEST(library_and_overrides)
{
	char *root = make_tmpdir();
	char builtin[512], user[512];
	snprintf(builtin, sizeof builtin, "%s/builtin", root);
	snprintf(user, sizeof user, "%s/user", root);
	mkdir(builtin, 0700);
	mkdir(user, 0700);
	write_file(builtin, "t.yaml", good);
	write_file(builtin, "notes.txt", "ignored");
	char other[2048];
	snprintf(other, sizeof other, "%s", good);
	memcpy(strstr(other, "id: t"), "id: u", 5);
	write_file(builtin, "u.yaml", other);
	/* the user's t overrides the built-in t */
	char mine[2048];
	snprintf(mine, sizeof mine, "%s", good);
	char *name = strstr(mine, "name: 测试");
	memcpy(name, "name: 我的", strlen("name: 我的"));
	write_file(user, "t.yaml", mine);
	write_file(user, "broken.yaml", "id: [\n");
	const char *folders[] = {builtin, user};
	zj_library lib;
	zj_library_load(&lib, folders, 2, 1);
	ck_assert_uint_eq(lib.count, 2);
	const zj_skeleton_entry *t = zj_library_find(&lib, "t");
	ck_assert_ptr_nonnull(t);
	ck_assert(!t->builtin);
	ck_assert_str_eq(t->sk->name, "我的");
	ck_assert(zj_library_find(&lib, "u")->builtin);
	ck_assert_ptr_null(zj_library_find(&lib, "v"));
	ck_assert_uint_eq(lib.nerrors, 1);
	ck_assert(strstr(lib.error_paths[0], "broken.yaml"));
	zj_library_free(&lib);
	/* two files with one id in one folder: the second is an error */
	write_file(user, "t2.yaml", good);
	zj_library_load(&lib, folders, 2, 1);
	ck_assert_uint_eq(lib.nerrors, 2);
	ck_assert(strstr(lib.errors[1].message, "duplicate skeleton id 't'"));
	zj_library_free(&lib);
	rm_tree(root);
}
END_TEST

/* an empty folder of the user's beside the built-in one (found by UBSan:
 * an empty name list was sorted as a null array) */
START_TEST(empty_user_folder)
{
	char *root = make_tmpdir();
	char empty[512];
	snprintf(empty, sizeof empty, "%s/empty", root);
	mkdir(empty, 0700);
	const char *folders[] = {SRCDIR "/skeletons", empty};
	zj_library lib;
	zj_library_load(&lib, folders, 2, 1);
	ck_assert_uint_eq(lib.nerrors, 0);
	ck_assert_uint_ge(lib.count, 9);
	zj_library_free(&lib);
	rm_tree(root);
}
END_TEST

START_TEST(builtin_skeletons)
{
	const char *folder = SRCDIR "/skeletons";
	zj_library lib;
	zj_library_load(&lib, &folder, 1, 1);
	for (size_t i = 0; i < lib.nerrors; i++)
		fprintf(stderr, "%s:%ld:%ld: %s\n", lib.error_paths[i], lib.errors[i].line,
			lib.errors[i].col, lib.errors[i].message);
	ck_assert_uint_eq(lib.nerrors, 0);
	ck_assert_uint_ge(lib.count, 9);
	static const char *const ids[] = {"annual", "personal", "half-year", "school-league",
					  "community", "civilized-city", "poverty-relief",
					  "party-building", "annual-en"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		const zj_skeleton_entry *e = zj_library_find(&lib, ids[i]);
		ck_assert_msg(e != NULL, "%s missing", ids[i]);
		char *out = render(e->sk, NULL, 0);
		zj_outline *o = zj_outline_build(out, strlen(out));
		bool have[ZJ_PART_KINDS] = {0};
		for (size_t k = 0; k < o->nparts; k++)
			have[o->parts[k].kind] = true;
		ck_assert_msg(o->narticles == 1 && have[ZJ_PART_OPENING] && have[ZJ_PART_ACHIEVEMENTS] &&
				      have[ZJ_PART_PROBLEMS] && have[ZJ_PART_PLAN] && have[ZJ_PART_CLOSING],
			      "%s: a standard part is missing", ids[i]);
		zj_outline_free(o);
		/* every 【…】 stand-in the skeleton writes is a gap zongjie finds */
		for (const char *b = out; (b = strstr(b, "【")); b += 3) {
			zj_gap g;
			ck_assert_msg(zj_gap_next(out, strlen(out), (size_t)(b - out), &g) &&
					      g.start == (size_t)(b - out) && g.kind == ZJ_GAP_PROMPT,
				      "%s: '%.30s' is not found as a prompt", ids[i], b);
		}
		free(out);
	}
	zj_library_free(&lib);
}
END_TEST

static Suite *skeleton_suite(void)
{
	Suite *s = suite_create("skeleton");
	TCase *tc = tcase_create("skeleton");
	tcase_add_test(tc, broken_skeletons);
	tcase_add_test(tc, hostile_yaml_is_refused_fast);
	tcase_add_test(tc, render_substitutes);
	tcase_add_test(tc, lengths);
	tcase_add_test(tc, library_and_overrides);
	tcase_add_test(tc, empty_user_folder);
	tcase_add_test(tc, builtin_skeletons);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(skeleton_suite());
}
