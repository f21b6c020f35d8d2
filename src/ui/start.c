/* Starting the editor: the terminal (curses, the signals that must leave
 * it usable and the journal written), a new summary from a skeleton's
 * form, and the recovery questions. */
#include <config.h>

#include "ui/ui_internal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "zongjie/journal.h"

/* The terminal as it was before curses, and the bytes that leave the
 * editor's screen modes, for a handler that may not call endwin(). */
static struct termios saved_tty;
static bool have_saved_tty;
static char leave_screen[256];
static size_t leave_screen_len;

static void add_leave_bytes(const char *s, size_t n)
{
	if (leave_screen_len + n < sizeof leave_screen) {
		memcpy(leave_screen + leave_screen_len, s, n);
		leave_screen_len += n;
	}
}

static void add_leave(const char *cap)
{
	const char *s = tigetstr(cap);
	if (s && s != (char *)-1)
		add_leave_bytes(s, strlen(s));
}

/* A closed terminal (SIGHUP) or a polite kill (SIGTERM, SIGINT): the
 * journal is written out at once, and kept for the next start; the
 * terminal gets its echo back.  Only async-signal-safe calls. */
static void on_fatal_signal(int sig)
{
	zj_journal_flush_now();
	if (have_saved_tty) {
		(void)!write(STDOUT_FILENO, leave_screen, leave_screen_len);
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	}
	_exit(128 + sig);
}

void catch_fatal_signals(void)
{
	struct sigaction sa = {.sa_handler = on_fatal_signal};
	/* one handler at a time: a SIGTERM during a SIGHUP's flush waits */
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGHUP);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void init_colours(void)
{
	if (!has_colors())
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_FRAME, COLOR_BLACK, COLOR_WHITE);
	init_pair(PAIR_FOCUS, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_NUM, COLOR_WHITE, COLOR_RED);
	init_pair(PAIR_GAP, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_PROMPT, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
}

void start_curses(void)
{
	have_saved_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
	initscr();
	add_leave("sgr0");
	add_leave("rmkx");
	add_leave("cnorm");
	add_leave("rmcup");
	if (tigetstr("kmous") && tigetstr("kmous") != (char *)-1) {
		static const char mouse_off[] = "\033[?1000l";
		add_leave_bytes(mouse_off, sizeof mouse_off - 1);
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* bracketed paste: a paste arrives as one piece, not as typed keys */
	printf("\033[?2004h");
	fflush(stdout);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	init_colours();
}

/* Asks for one variable of a skeleton until the value fits it (a year of
 * four figures: 2025, 2025年, ２０２５); NULL leaves a gap. */
static char *ask_value(ui *u, const zj_variable *var)
{
	char prompt[512];
	snprintf(prompt, sizeof prompt, _("%s (Enter to leave a gap): "), var->label);
	for (;;) {
		char *typed = read_answer(u, prompt, NULL);
		if (!typed)
			return NULL;
		zj_error err = {0};
		char *value = zj_skeleton_value(var, typed, &err);
		free(typed);
		if (value)
			return value;
		/* refused: say why on the same line, and ask again */
		snprintf(prompt, sizeof prompt, _("%s. %s (Enter to leave a gap): "), err.message,
			 var->label);
	}
}

/* Started with no file: the writer chooses a skeleton (the annual one
 * first), then gives its variables; Esc starts from an empty page. */
static const zj_skeleton *pick_skeleton(ui *u, const zj_library *lib)
{
	if (!lib->count)
		return NULL;
	char **items = zj_xcalloc(lib->count, sizeof *items);
	long first = 0;
	for (size_t i = 0; i < lib->count; i++) {
		const zj_skeleton *sk = lib->items[i].sk;
		items[i] = zj_xasprintf("%-16s %s", sk->id, sk->name ? sk->name : "");
		if (!strcmp(sk->id, "annual"))
			first = (long)i;
	}
	long pick = choose_from(u, _("New summary: choose a skeleton (Esc: an empty page)"), items,
				lib->count, first);
	free_items(items, lib->count);
	return pick >= 0 ? lib->items[pick].sk : NULL;
}

/* The text of skeleton sk with the values the writer gives (the form
 * drawn over ui u), or with every gap open when a value does not fit. */
static zj_doc *fill_form(ui *u, const zj_skeleton *sk)
{
	zj_binding *b = zj_xcalloc(sk->nvars + 1, sizeof *b);
	char **values = zj_xcalloc(sk->nvars + 1, sizeof *values);
	size_t nb = 0;
	for (size_t i = 0; i < sk->nvars; i++) {
		if (sk->vars[i].from)
			continue;
		char *v = ask_value(u, &sk->vars[i]);
		if (v) {
			values[nb] = v;
			b[nb] = (zj_binding){sk->vars[i].name, v};
			nb++;
		}
	}
	size_t len;
	zj_error err = {0};
	char *text = zj_skeleton_render(sk, b, nb, &len, &err);
	if (!text) /* a value that does not fit: leave every gap open */
		text = zj_skeleton_render(sk, NULL, 0, &len, &err);
	zj_doc *d = zj_doc_new(text ? text : "", text ? len : 0);
	free(text);
	for (size_t i = 0; i < nb; i++)
		free(values[i]);
	free(values);
	free(b);
	return d;
}

static zj_doc *new_from_skeleton(void)
{
	zj_library lib;
	zj_library_load_standard(&lib);
	ui form = {0};
	zj_doc *blank = zj_doc_new("", 0);
	form.ed = zj_editor_new(blank);
	const zj_skeleton *sk = pick_skeleton(&form, &lib);
	zj_doc *d = sk ? fill_form(&form, sk) : NULL;
	zj_editor_free(form.ed);
	if (d)
		zj_doc_free(blank);
	zj_library_free(&lib);
	return d ? d : blank;
}

/* Asks about a journal left by an editor that did not quit. */
void offer_recovery(ui *u)
{
	zj_session *s = u->s;
	if (s->recovery == ZJ_RECOVERY_BUSY)
		say(u, "%s", _("this file is already open in another zongjie"));
	if (s->recovery != ZJ_RECOVERY_OFFERED)
		return;
	bool accept = ask(u, _("Recover unsaved changes? (y/n)")) == 'y';
	zj_error err = {0};
	if (!zj_session_recover(s, accept, &err))
		say(u, _("cannot recover: %s (the journal is kept aside)"), err.message);
	else if (accept)
		say(u, "%s", _("unsaved changes recovered"));
}

/* Offers back a new summary that was never saved; NULL when there is
 * none, or it is declined (kept aside) or cannot be read. */
static zj_session *recover_unsaved(void)
{
	zj_session *s = zj_session_open_unsaved();
	if (!s)
		return NULL;
	ui question = {.ed = zj_editor_new(s->doc), .s = s};
	bool accept = ask(&question, _("Recover the new summary that was not saved? (y/n)")) == 'y';
	zj_error err = {0};
	bool recovered = zj_session_recover(s, accept, &err) && accept;
	zj_editor_free(question.ed);
	if (recovered)
		return s;
	zj_session_free(s, true);
	return NULL;
}

/* A summary without a file: the one left unsaved last time, or a new one
 * from the skeleton's form. */
zj_session *new_session(bool *recovered)
{
	zj_session *s = recover_unsaved();
	*recovered = s != NULL;
	return s ? s : zj_session_new(new_from_skeleton());
}
