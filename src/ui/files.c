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

bool save(ui *u)
{
	char *name = NULL;
	if (!u->s->doc->path) {
		name = read_line(u, _("Save as: "));
		if (!name || !*name) {
			free(name);
			return false;
		}
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
	if (!zj_text_modified(u->ed->doc->text)) {
		u->quit = true;
		return;
	}
	int a = ask(u, _("Save changes? (y/n/Esc)"));
	if (a == 'y' && save(u))
		u->quit = true;
	else if (a == 'n')
		u->quit = true;
}

/* Ctrl-R: the draft of next period's summary from this one (renew.h)
 * takes the document's place, in a buffer with no file until saved. */
void renew(ui *u)
{
	if (zj_text_modified(u->ed->doc->text)) {
		int a = ask(u, _("Save changes before renewing? (y/n/Esc)"));
		if (a == 27 || (a == 'y' && !save(u)))
			return;
	}
	zj_error err = {0};
	zj_renew_stats st;
	zj_doc *draft = zj_renew_doc(u->ed->doc, NULL, &st, &err);
	if (!draft) {
		say(u, "%s", err.message);
		return;
	}
	/* the summary renewed stays as saved (or dropped on purpose) */
	zj_editor_free(u->ed);
	zj_session_free(u->s, true);
	u->s = zj_session_new(draft);
	u->ed = zj_editor_new(draft);
	u->nmarks = 0;
	u->marks_stale = true;
	zj_view_forget(&u->view);
	say(u, _("draft: %zu figures and %zu plan items to update; F5 goes to the next, ^S saves"),
	    st.figures, st.plan_items);
}

/* The export's format: a .docx name is a Word document, another
 * extension text; without one, the user picks, Enter repeating the last
 * choice for this file.  Returns false on Esc. */
static bool export_format(ui *u, const char *name, bool *docx)
{
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
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
		return true;
	}
}

/* F10: refused with the errors listed while errors remain; else asks the
 * file, its format, renumbering and replacing. */
void export(ui *u)
{
	size_t misnumbered = 0;
	size_t errors = zj_session_export_errors(u->s, &misnumbered);
	if (errors) {
		char title[256];
		snprintf(title, sizeof title, ngettext("Export refused: %zu error remains",
						       "Export refused: %zu errors remain", errors),
			 errors);
		findings_panel(u, true, title);
		say(u, "%s", title);
		return;
	}
	char *name = read_line(u, _("Export to: "));
	bool docx;
	if (!name || !*name || !export_format(u, name, &docx)) {
		free(name);
		return;
	}
	/* the export is the author's text unless renumbering is chosen */
	unsigned choice = misnumbered && ask(u, _("Some headings are misnumbered. Renumber them in "
						  "the export? (y/n)")) == 'y'
				  ? ZJ_EXPORT_RENUMBER
				  : 0;
	zj_error err = {0};
	if (docx)
		choice |= ZJ_EXPORT_AS_DOCX;
	zj_export_result r = zj_session_export(u->s, name, choice, &err);
	if (r == ZJ_EXPORT_EXISTS && ask(u, _("That file exists. Replace it? (y/n)")) == 'y')
		r = zj_session_export(u->s, name, choice | ZJ_ALLOW_REPLACE, &err);
	if (r == ZJ_EXPORTED)
		say(u, docx ? _("exported to %s (Word document)") : _("exported to %s"), name);
	else if (r == ZJ_EXPORT_SAME_FILE)
		say(u, _("%s is the summary itself: export to another file"), name);
	else if (r == ZJ_EXPORT_FAILED)
		say(u, "%s: %s", name, err.message);
	free(name);
}
