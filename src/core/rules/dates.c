/* Rule date-invalid: impossible dates and wrong weekdays. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>
#include "i18n.h"
#include "zongjie/utf8.h"

static bool is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(long year, int month)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month == 2 && year > 0)
		return is_leap(year) ? 29 : 28;
	return days[month - 1];
}

/* 0 = Sunday. */
static int weekday(long y, int m, int d)
{
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	if (m < 3)
		y -= 1;
	return (int)((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7);
}

static int weekday_char(int32_t c)
{
	static const int32_t names[] = {0x65E5 /*日*/, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D};
	for (int i = 0; i < 7; i++)
		if (c == names[i])
			return i;
	if (c == 0x5929) /* 天 */
		return 0;
	return -1;
}

static void check_dates(const char *s, size_t len, zj_findings *f)
{
	for (const char *hit = s; (hit = memmem(hit, len - (size_t)(hit - s), "月", 3)); hit += 3) {
		size_t i = (size_t)(hit - s);
		size_t ms = zj_number_start(s, i);
		if (ms == i || i - ms > 2 || (ms > 0 && s[ms - 1] == '.'))
			continue;
		/* 个月 and 1.5月 are durations; a number right before is not a month */
		int month = atoi(s + ms);
		long year = 0;
		if (ms >= 3 && !memcmp(s + ms - 3, "年", 3)) {
			size_t ys = zj_number_start(s, ms - 3);
			if (ms - 3 - ys == 4)
				year = atol(s + ys);
		}
		size_t after = i + 3;
		if (zj_starts_with(s, len, after, "份") || zj_starts_with(s, len, after, "底") ||
		    zj_starts_with(s, len, after, "初") || zj_starts_with(s, len, after, "中旬") ||
		    !zj_is_ascii_digit(zj_utf8_at(s, len, after, NULL))) {
			if (month < 1 || month > 12)
				zj_rule_add_msg(f, ZJ_RULE_DATE_INVALID, ms, after,
					_("there is no month %d"), month);
			continue;
		}
		if (month < 1 || month > 12) {
			zj_rule_add_msg(f, ZJ_RULE_DATE_INVALID, ms, after, _("there is no month %d"), month);
			continue;
		}
		double dv;
		size_t de = zj_parse_number(s, len, after, &dv);
		if (de - after > 2 || !(zj_starts_with(s, len, de, "日") || zj_starts_with(s, len, de, "号")))
			continue;
		int day = (int)dv;
		size_t date_end = de + 3;
		size_t date_start = year ? zj_number_start(s, ms - 3) : ms;
		if (day < 1 || day > days_in(year, month)) {
			zj_rule_add_msg(f, ZJ_RULE_DATE_INVALID, date_start, date_end,
				_("%.*s is not a date: month %d has %d days"),
				(int)(date_end - date_start), s + date_start, month,
				days_in(year, month));
			continue;
		}
		/* （星期三） (周三) 星期三 */
		size_t w = date_end;
		size_t n;
		int32_t c = zj_utf8_at(s, len, w, &n);
		if (c == 0xFF08 || c == '(')
			w += n;
		size_t name_len = zj_starts_with(s, len, w, "星期") ? 6
				: zj_starts_with(s, len, w, "礼拜") ? 6
				: zj_starts_with(s, len, w, "周") ? 3 : 0;
		if (!year || !name_len)
			continue;
		int wd = weekday_char(zj_utf8_at(s, len, w + name_len, &n));
		if (wd < 0)
			continue;
		int real = weekday(year, month, day);
		if (wd != real) {
			static const char *const names[] = {"日", "一", "二", "三", "四", "五", "六"};
			zj_rule_add_msg(f, ZJ_RULE_DATE_INVALID, date_start, w + name_len + n,
				_("%.*s was a 星期%s"), (int)(date_end - date_start), s + date_start,
				names[real]);
		}
	}
}

void zj_run_date_invalid(const zj_rule_input *in)
{
	check_dates(in->s, in->len, in->f);
}
