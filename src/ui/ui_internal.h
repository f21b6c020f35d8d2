/* Shared by the terminal front end's files (ui.c the loop, draw.c,
 * keys.c, prompt.c, findings.c, commands.c, files.c, start.c); not
 * included outside src/ui/. */
#ifndef ZONGJIE_UI_INTERNAL_H
#define ZONGJIE_UI_INTERNAL_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "zongjie/check.h"
#include "zongjie/editor.h"
#include "zongjie/export.h"
#include "zongjie/session.h"
#include "zongjie/skeleton.h"
#include "zongjie/util.h"
#include "zongjie/view.h"

#define MIN_COLS 40
#define MIN_LINES 12
/* an article up to this size is checked whenever the writer pauses */
#define AUTO_CHECK_BYTES ((size_t)256 << 10)
#undef CTRL /* termios.h has one of its own */
#define CTRL(k) ((k) & 0x1F)

enum { PAIR_FRAME = 1, PAIR_FOCUS, PAIR_NUM, PAIR_GAP, PAIR_PROMPT, PAIR_STATUS };

/* Screen rows remembered for the mouse. */
#define UI_MAX_ROWS 512

typedef struct ui {
	zj_editor *ed;
	zj_view view;       /* the panes and their scrolling */
	char message[1024]; /* status message, shown until the next key */
	bool quit;
	zj_library lib;     /* skeletons, for phrases and missing parts */
	const zj_skeleton *sk;
	char *last_find;
	/* checker findings for the margin: starts and severities, sorted */
	size_t *mark_at;
	unsigned char *mark_sev;
	size_t nmarks;
	bool marks_stale;
	size_t marks_start; /* start of the article they were found in */
	zj_findings found;  /* the last check's findings, for suggestions (F2) */
	bool provisional;   /* first screen of a large file: outline of its start */
	zj_session *s;      /* the document, its file and its journal */
	/* where each screen row's text starts, for the mouse */
	size_t row_start[UI_MAX_ROWS];
	bool row_text[UI_MAX_ROWS];
	/* a prompt is being edited on the status line: the cursor goes there */
	bool prompting;
	int prompt_col;
	bool export_docx; /* the format last chosen for an export without extension */
	/* the export options last chosen for this file (Ctrl-E), used by F10 */
	bool export_chosen;
	zj_export_options export_text;
	zj_format export_format;
} ui;

/* ui.c: a key from the terminal, its end a hang-up (SIGHUP). */
int read_key(wint_t *k);

/* draw.c */
int text_width(void);
bool too_small(void);
int utf8_width(const char *s);
void put_utf8(int y, int x, const char *s, size_t n, attr_t attr, short pair, int maxx);
void draw(ui *u);
/* Sets the status message (formatted). */
void say(ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* prompt.c */
int ask(ui *u, const char *question);
int ask_one_of(ui *u, const char *question, const char *answers);
bool read_escape(char *seq, size_t cap);
void read_paste(zj_buf *b);
/* Called after each change of a prompt's text (incremental search). */
typedef void (*edit_hook)(ui *u, const char *text, void *ctx);
char *read_line_with(ui *u, const char *prompt, const char *initial, edit_hook hook, void *ctx);
char *read_line(ui *u, const char *prompt);
/* A line that must say something: NULL on Esc and on an empty answer. */
char *read_answer(ui *u, const char *prompt, const char *initial);
long choose_keys(ui *u, const char *title, char **items, size_t n, long first, const char *keys,
		 int *key, long *selected);
long choose_from(ui *u, const char *title, char **items, size_t n, long first);
void free_strings(char **items, size_t n);
void free_items(char **items, size_t n);

/* findings.c */
void refresh_marks(ui *u);
bool findings_panel(ui *u, bool errors_only, const char *title, size_t base, size_t end);
void show_findings(ui *u);
void apply_suggestion(ui *u);

/* commands.c */
void type_text(ui *u, const char *s, size_t n);
void fill_same(ui *u);
void find(ui *u);
void find_again(ui *u, long backwards);
void go_to_line(ui *u);
void replace(ui *u);
void phrase(ui *u);
void missing_part(ui *u);
void articles(ui *u);
bool choose_article(ui *u, bool at_start);

/* files.c */
bool save(ui *u, bool as);
void quit(ui *u);
void renew(ui *u);
void export(ui *u, bool with_options);

/* keys.c */
void take_keys(ui *u, int r, wint_t k);

/* start.c */
void start_curses(void);
void catch_fatal_signals(void);
zj_session *new_session(bool *recovered);
void offer_recovery(ui *u);

#endif
