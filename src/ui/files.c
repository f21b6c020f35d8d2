/* What goes to files, with the questions it needs: save (Ctrl-S), quit
 * (Ctrl-Q), renew (Ctrl-R) and export (F10); the decisions are the
 * session's (session.h). */
#include <config.h>

#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "zongjie/renew.h"

/* The question a save needs answered, and the consent a y gives. */
static const char *save_question(zj_save_result r, unsigned *consent)
{
	switch (r) {
	case ZJ_SAVE_CHANGED_ON_DISK:
		*consent = ZJ_ALLOW_CHANGED;
		return _("The file changed on disk since it was opened. Overwrite it? (y/n)");
	case ZJ_SAVE_READ_ONLY:
		*consent = ZJ_ALLOW_READ_ONLY;
		return _("The file is read-only. Replace it anyway? (y/n)");
	case ZJ_SAVE_EXISTS:
		*consent = ZJ_ALLOW_REPLACE;
		return _("That file exists. Overwrite it? (y/n)");
	default:
		return NULL;
	}
}

/* A file name read on the status line, ~/ standing for the home folder
 * as in a shell; NULL on Esc or no name. */
static char *read_path(ui *u, const char *prompt, const char *initial)
{
	char *name = read_answer(u, prompt, initial);
	const char *home = getenv("HOME");
	if (name && home && !strncmp(name, "~/", 2)) {
		char *full = zj_xasprintf("%s%s", home, name + 1);
		free(name);
		name = full;
	}
	return name;
}

/* Saves the document; a document without a file, or save as (Ctrl-O,
 * nano's Write Out), asks the name, offering the current one. */
bool save(ui *u, bool as)
{
	char *name = NULL;
	if (as || !u->s->doc->path) {
		name = read_path(u, _("Save as: "), as ? u->s->doc->path : NULL);
		if (!name)
			return false;
	}
	zj_error err = {0};
	unsigned allow = 0, consent;
	zj_save_result r;
	const char *question;
	while ((question = save_question(r = zj_session_save(u->s, name, allow, &err), &consent))) {
		if (ask(u, question) != 'y') {
			free(name);
			return false;
		}
		allow |= consent;
	}
	if (r == ZJ_SAVE_FAILED)
		/* the document stays in the editor, the file as it was */
		say(u, _("cannot save %s: %s"), name ? name : u->s->doc->path, err.message);
	else
		say(u, _("saved %s"), u->s->doc->path);
	free(name);
	return r == ZJ_SAVED;
}

void quit(ui *u)
{
	if (!zj_session_unsaved(u->s)) {
		u->quit = true;
		return;
	}
	int a = ask(u, _("Save changes? (y/n/Esc)"));
	if (a == 'y' && save(u, false))
		u->quit = true;
	else if (a == 'n')
		u->quit = true;
}

/* Ctrl-R: the draft of next period's summary from this one (renew.h), or
 * from the article chosen, takes the document's place in a buffer with no
 * file until saved. */
void renew(ui *u)
{
	bool keep_journal = false; /* its changes unsaved: kept for recovery */
	if (zj_session_unsaved(u->s)) {
		int a = ask(u, _("Save changes before renewing? (y/n/Esc)"));
		if (a == 27 || (a == 'y' && !save(u, false)))
			return;
		keep_journal = a == 'n';
	}
	zj_error err = {0};
	zj_renew_stats st;
	size_t start, end;
	zj_ed_scope(u->ed, &start, &end);
	zj_doc *draft = zj_session_renew(u->s, start, end, &st, &err);
	if (!draft) {
		say(u, "%s", err.message);
		return;
	}
	/* the summary renewed stays as saved; changes not saved stay in its
	 * journal, offered back when it is opened again.  The draft is
	 * unsaved, and journaled, until saved. */
	zj_editor_free(u->ed);
	zj_session_free(u->s, !keep_journal);
	u->s = zj_session_new_draft(draft);
	u->ed = zj_editor_new(draft);
	u->nmarks = 0;
	u->marks_stale = true;
	zj_view_forget(&u->view);
	if (keep_journal)
		say(u, _("draft: %zu figures to update; the summary's unsaved changes are kept "
			 "for recovery when it is opened again"),
		    st.figures);
	else
		say(u, _("draft: %zu figures and %zu plan items to update; F5 goes to the next, "
			 "^S saves"),
		    st.figures, st.plan_items);
}

/* The export's format: a .docx name is a Word document, another
 * extension text; without one, the user picks, Enter repeating the last
 * choice for this file.  Returns false on Esc. */
static bool export_format(ui *u, char **name, bool *docx)
{
	const char *base = strrchr(*name, '/') ? strrchr(*name, '/') + 1 : *name;
	const char *dot = strrchr(base, '.');
	if (dot && dot != base) {
		*docx = !strcasecmp(dot, ".docx");
		return true;
	}
	say(u, "%s",
	    u->export_docx ? _("Export as (t)ext or (w)ord document? [Enter: Word document]")
			   : _("Export as (t)ext or (w)ord document? [Enter: text]"));
	for (;;) {
		draw(u);
		wint_t k;
		int r = read_key(&k);
		if (r == ERR || (r == KEY_CODE_YES && k != KEY_ENTER))
			continue;
		if (k == 't' || k == 'T' || k == 'w' || k == 'W')
			u->export_docx = k == 'w' || k == 'W';
		else if (k == 27 || k == CTRL('g') || k == CTRL('c')) {
			u->message[0] = '\0';
			return false;
		} else if (k != '\r' && k != '\n' && k != KEY_ENTER)
			continue;
		u->message[0] = '\0';
		*docx = u->export_docx;
		if (*docx) { /* Word opens a document by its extension */
			char *named = zj_xasprintf("%s.docx", *name);
			free(*name);
			*name = named;
		}
		return true;
	}
}

/* Ctrl-E's options, as the command line's: encoding and line endings
 * (text only), indent, noise; Enter on an option changes it, on the first
 * line exports.  False on Esc. */
static bool export_options(ui *u, zj_session_export_options *opt)
{
	for (long sel = 0;;) {
		char *items[5];
		size_t n = 0;
		items[n++] = zj_xstrdup(_("export now"));
		items[n++] = zj_xasprintf(_("paragraph indent: %s"), opt->text.fullwidth_indent
									     ? _("two full-width spaces")
									     : _("as written"));
		items[n++] = zj_xasprintf(_("model-site noise lines: %s"),
					  opt->text.strip_noise ? _("dropped") : _("kept"));
		if (!opt->docx) {
			items[n++] = zj_xasprintf(_("encoding: %s"),
						  zj_encoding_name(opt->format.encoding));
			items[n++] = zj_xasprintf(_("line endings: %s"), opt->format.eol == ZJ_EOL_CRLF ? "CRLF"
									 : opt->format.eol == ZJ_EOL_LF ? "LF"
													: _("mixed"));
		}
		sel = choose_from(u, _("Export options (Enter changes one; Esc cancels)"), items, n, sel);
		free_strings(items, n);
		if (sel <= 0)
			return sel == 0;
		if (sel == 1)
			opt->text.fullwidth_indent = !opt->text.fullwidth_indent;
		else if (sel == 2)
			opt->text.strip_noise = !opt->text.strip_noise;
		else if (sel == 3) {
			opt->format.encoding = opt->format.encoding == ZJ_ENC_GB18030 ? ZJ_ENC_UTF8
										     : ZJ_ENC_GB18030;
			opt->format.bom = false;
		} else
			opt->format.eol = opt->format.eol == ZJ_EOL_CRLF ? ZJ_EOL_LF : ZJ_EOL_CRLF;
	}
}

/* Before an export: with an article chosen, that article alone or all;
 * while errors remain in it, they are listed and the writer decides (the
 * command line's --force).  False when the export is called off. */
static bool export_scope(ui *u, zj_session_export_options *opt, unsigned *allow,
			 size_t *misnumbered)
{
	if (u->ed->article != (size_t)-1) {
		int a = ask(u, _("Export this article only? (y: this one, n: all articles)"));
		if (a == 27)
			return false;
		if (a == 'y')
			zj_ed_scope(u->ed, &opt->start, &opt->end);
	}
	size_t errors = zj_session_export_errors(u->s, opt->start, opt->end, misnumbered);
	if (!errors)
		return true;
	char title[256], question[320];
	snprintf(title, sizeof title, ngettext("Export refused: %zu error remains",
					       "Export refused: %zu errors remain", errors),
		 errors);
	/* the panel adds the count to its title */
	findings_panel(u, true, _("Export refused: errors remain"), opt->start, opt->end);
	snprintf(question, sizeof question, "%s. %s", title, _("Export anyway? (y/n)"));
	if (ask(u, question) != 'y') {
		say(u, "%s", title);
		return false;
	}
	*allow |= ZJ_ALLOW_ERRORS;
	return true;
}

/* F10 exports with the options last chosen for this file; Ctrl-E
 * (with_options) shows them first. */
void export(ui *u, bool with_options)
{
	zj_session_export_options opt;
	zj_session_export_defaults(u->s, &opt);
	if (u->export_chosen) {
		opt.text = u->export_text;
		opt.format = u->export_format;
	}
	unsigned allow = 0;
	size_t misnumbered = 0;
	if (!export_scope(u, &opt, &allow, &misnumbered))
		return;
	char *name = read_path(u, _("Export to: "), NULL);
	if (!name || !export_format(u, &name, &opt.docx) ||
	    (with_options && !export_options(u, &opt))) {
		free(name);
		return;
	}
	u->export_chosen = true;
	u->export_text = opt.text;
	u->export_format = opt.format;
	/* the export is the author's text unless renumbering is chosen */
	opt.text.renumber = misnumbered && ask(u, _("Some headings are misnumbered. Renumber them "
						   "in the export? (y/n)")) == 'y';
	zj_error err = {0};
	zj_export_result r = zj_session_export(u->s, name, &opt, allow, &err);
	if (r == ZJ_EXPORT_EXISTS && ask(u, _("That file exists. Replace it? (y/n)")) == 'y')
		r = zj_session_export(u->s, name, &opt, allow | ZJ_ALLOW_REPLACE, &err);
	if (r == ZJ_EXPORTED)
		say(u, opt.docx ? _("exported to %s (Word document)") : _("exported to %s"), name);
	else if (r == ZJ_EXPORT_SAME_FILE)
		say(u, _("%s is the summary itself: export to another file"), name);
	else if (r == ZJ_EXPORT_FAILED)
		say(u, "%s: %s", name, err.message);
	free(name);
}
