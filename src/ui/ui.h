/* The ncursesw front end: draws the document and maps keys to the editing
 * core.  No editing logic lives here. */
#ifndef ZONGJIE_UI_H
#define ZONGJIE_UI_H

/* Edits path (created on save if missing); path NULL starts a new summary
 * from the default skeleton after asking for its variables.  Returns the
 * process exit status. */
enum { UI_CANNOT_RUN = 2 }; /* the exit status when the file cannot be opened */
int ui_run(const char *path);

#endif
