/* Rule spelling: misspelt Latin-script words, with hunspell. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell/hunspell.h>
#include <unistd.h>
#include "i18n.h"
#include "zongjie/utf8.h"

static void check_spelling(const zj_checker *c, const char *s, size_t len, zj_findings *f)
{
	for (size_t i = 0; i < len;) {
		if (!zj_is_ascii_letter((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t e = i;
		bool upper = true, has_lower_x_only = true;
		while (e < len && (zj_is_ascii_letter((unsigned char)s[e]) || s[e] == '\'')) {
			upper &= !(s[e] >= 'a' && s[e] <= 'z');
			has_lower_x_only &= s[e] == 'x' || s[e] == 'X';
			e++;
		}
		int32_t before = zj_utf8_before(s, len, i, NULL);
		int32_t after = zj_utf8_at(s, len, e, NULL);
		size_t n = e - i;
		/* acronyms, codes (G20, x86), gaps (xx) and single letters are not words */
		bool in_chinese = zj_is_cjk(before) || zj_is_cjk(after);
		if (n < 2 || (upper && n <= 6) || has_lower_x_only || zj_is_ascii_digit(before) ||
		    zj_is_ascii_digit(after) || before == '_' || after == '_' || before == '#' ||
		    after == '#' || n > 60 || (in_chinese && n <= 4) ||
		    memmem(s + i, n, "xx", 2) || memmem(s + i, n, "XX", 2)) {
			i = e;
			continue;
		}
		char word[64];
		memcpy(word, s + i, n);
		word[n] = '\0';
		if (!Hunspell_spell(c->speller, word)) {
			char **sugg = NULL;
			int ns = Hunspell_suggest(c->speller, &sugg, word);
			if (ns > 0)
				zj_rule_add_msg(f, ZJ_RULE_SPELLING, i, e, _("possible misspelling: %s (%s?)"),
					word, sugg[0]);
			else
				zj_rule_add_msg(f, ZJ_RULE_SPELLING, i, e, _("possible misspelling: %s"), word);
			Hunspell_free_list(c->speller, &sugg, ns);
		}
		i = e;
	}
}

static char *find_dictionary(const char *name)
{
	if (strchr(name, '/')) {
		char *aff = zj_xasprintf("%s.aff", name);
		if (access(aff, R_OK) == 0) {
			free(aff);
			return zj_xstrdup(name);
		}
		free(aff);
		return NULL;
	}
	static const char *const dirs[] = {"/usr/share/hunspell", "/usr/share/myspell",
					   "/usr/share/myspell/dicts"};
	for (size_t i = 0; i < COUNT(dirs); i++) {
		char *aff = zj_xasprintf("%s/%s.aff", dirs[i], name);
		bool ok = access(aff, R_OK) == 0;
		free(aff);
		if (ok)
			return zj_xasprintf("%s/%s", dirs[i], name);
	}
	return NULL;
}

void zj_run_spelling(const zj_rule_input *in)
{
	if (in->checker->speller)
		check_spelling(in->checker, in->s, in->len, in->f);
}

bool zj_spelling_open(zj_checker *c, char **notice)
{
	const char *name = c->opt.dict ? c->opt.dict : "en_US";
	char *base = find_dictionary(name);
	if (!base) {
		if (notice)
			*notice = zj_xasprintf(_("spelling dictionary %s not found; spelling is not "
						 "checked (install hunspell-en-us or use --dict)"),
					       name);
		return false;
	}
	char *aff = zj_xasprintf("%s.aff", base), *dic = zj_xasprintf("%s.dic", base);
	c->speller = Hunspell_create(aff, dic);
	free(aff);
	free(dic);
	free(base);
	FILE *w = c->opt.words_file ? fopen(c->opt.words_file, "r") : NULL;
	char line[256];
	while (w && fgets(line, sizeof line, w)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (*line && *line != '#')
			Hunspell_add(c->speller, line);
	}
	if (w)
		fclose(w);
	return true;
}

void zj_spelling_close(zj_checker *c)
{
	if (c->speller)
		Hunspell_destroy(c->speller);
	c->speller = NULL;
}
