/* The terminal front end (see ui.h): start-up and the key loop.  The
 * other files of src/ui/ draw (draw.c), map keys (keys.c), ask (prompt.c)
 * and run the commands that ask something (commands.c, files.c,
 * findings.c); start.c opens the terminal and the summary. */
#include <config.h>

#include "ui/ui_internal.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "i18n.h"
#include "ui/ui.h"

/* files above this size get a first screen before their whole outline */
#define PROVISIONAL_BYTES ((size_t)8 << 20)
#define PROVISIONAL_PREFIX ((size_t)256 << 10)

/* reads in a row that gave nothing though the terminal was readable */
static int empty_reads;

/* Whether the terminal went away: a read that ends (no byte, yet poll says
 * there is something, or a hang-up) rather than a wait that timed out. */
static bool terminal_gone(void)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	if (poll(&p, 1, 0) != 1) {
		empty_reads = 0;
		return false;
	}
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	/* a key may land just after a timeout; the end of input stays */
	return ++empty_reads >= 3;
}

/* get_wch, where the end of the terminal's input is a hang-up: without a
 * SIGHUP (a terminal closed under setsid or nohup) the reads would return
 * nothing forever. */
int read_key(wint_t *k)
{
	int r = get_wch(k);
	if (r != ERR)
		empty_reads = 0;
	else if (terminal_gone())
		raise(SIGHUP);
	return r;
}

/* One wait for a key and what follows it: the journal written within a
 * second of the last keystroke, the margin marks refreshed when the
 * writer pauses (by F3 in a large file, where a full check takes a
 * moment). */
static void step(ui *u)
{
	draw(u);
	wint_t k;
	size_t art_start, art_end;
	zj_ed_article_range(u->ed, &art_start, &art_end);
	bool whole = zj_text_len(u->ed->doc->text) <= AUTO_CHECK_BYTES;
	bool idle_check = (u->marks_stale || (!whole && art_start != u->marks_start)) &&
			  art_end - art_start <= AUTO_CHECK_BYTES;
	int journal_wait = zj_session_wait_ms(u->s);
	timeout(journal_wait >= 0 ? journal_wait : idle_check ? 400 : -1);
	int r = read_key(&k);
	timeout(-1);
	if (r == ERR) {
		zj_session_tick(u->s, true);
		if (idle_check && journal_wait < 0)
			refresh_marks(u);
		return;
	}
	zj_doc *doc = u->ed->doc; /* Ctrl-R puts a draft in its place */
	unsigned long before = doc->edits;
	/* take what is already waiting before drawing again */
	take_keys(u, r, k);
	if (u->ed->doc != doc || doc->edits != before)
		u->marks_stale = true;
	zj_session_tick(u->s, false);
}

/* A large file shows its first screen from the outline of its start,
 * then reads the whole outline before taking keys. */
static void first_screen(ui *u)
{
	zj_doc *doc = u->ed->doc;
	if (zj_text_len(doc->text) <= PROVISIONAL_BYTES || !zj_doc_outline_of_start(doc, PROVISIONAL_PREFIX))
		return;
	u->provisional = true;
	draw(u);
	zj_doc_outline_drop(doc);
	u->provisional = false;
}

static void finish(ui *u)
{
	endwin();
	printf("\033[?2004l");
	fflush(stdout);
	zj_editor_free(u->ed);
	/* a clean quit: saved, or changes dropped on purpose */
	zj_session_free(u->s, true);
	zj_library_free(&u->lib);
	free(u->last_find);
	free(u->mark_at);
	free(u->mark_sev);
	zj_findings_free(&u->found);
}

int ui_run(const char *path)
{
	zj_session *session = NULL;
	zj_error err = {0};
	if (path && !(session = zj_session_open(path, &err))) {
		char *line = zj_error_describe(path, &err);
		fprintf(stderr, "zongjie: %s\n", line);
		free(line);
		return UI_CANNOT_RUN;
	}
	start_curses();
	catch_fatal_signals();
	bool recovered_new = false;
	session = session ? session : new_session(&recovered_new);
	/* big: the panes and the rows of the screen */
	ui *u = zj_xcalloc(1, sizeof *u);
	u->ed = zj_editor_new(session->doc);
	u->s = session;
	u->marks_stale = true;
	offer_recovery(u);
	if (recovered_new)
		say(u, "%s", _("unsaved changes recovered"));
	zj_library_load_standard(&u->lib);
	const zj_skeleton_entry *e = zj_library_find(&u->lib, "annual");
	u->sk = e ? e->sk : NULL;
	first_screen(u);
	if (zj_doc_outline(u->ed->doc)->narticles > 1 && !choose_article(u, true))
		u->quit = true;
	while (!u->quit)
		step(u);
	finish(u);
	free(u);
	return 0;
}
