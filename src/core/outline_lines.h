/* outline_lines: the lines the outline reads (internal to the outline
 * module).  Most are the text's own lines.  A document viewer's page
 * chunks are not: a run of long lines numbered 1、 2、 3、 …, each cut in
 * the middle of a word, holds the document's real headings and titles in
 * the middle of its lines.  Such a line is read as fragments: the page
 * number is dropped and the rest is cut after each sentence end and at
 * each run of two or more blanks. */
#ifndef ZONGJIE_OUTLINE_LINES_H
#define ZONGJIE_OUTLINE_LINES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct outline_reader {
	const char *text;
	size_t len;
	size_t pos;          /* start of the next line of the text */
	size_t real;         /* its 0-based number */
	int next_page;       /* page number the next chunk must carry; 0 outside a run */
	size_t frag;         /* inside a chunk: start of the next fragment */
	size_t chunk_end;    /* … the end of the chunk's text (CR excluded), 0 outside */
	bool chunk_first;    /* the next fragment is the chunk's first */
	bool chunk_more;     /* a line follows the chunk */
	bool done;
} outline_reader;

typedef struct outline_line {
	size_t start, end;   /* end excludes CR LF */
	size_t real;         /* 0-based line of the text it lies on */
	bool more;           /* another line follows */
	bool chunk;          /* a fragment of a page chunk */
	bool cont;           /* a chunk's first fragment: the rest of a cut word */
	bool cut;            /* a chunk's last fragment: the next chunk goes on */
} outline_line;

void outline_reader_init(outline_reader *r, const char *text, size_t len);
/* The next line; false at the end.  A reader is a value: copy it to look
 * ahead. */
bool outline_reader_next(outline_reader *r, outline_line *l);
/* The number of lines of the text read so far. */
size_t outline_reader_lines(const outline_reader *r);
/* Whether a line of the text may be a page chunk (N、 and long): an edit
 * in it may change the structure. */
bool outline_chunk_candidate(const char *s, size_t len);

/* Non-blank code points of s[start, end): a part's length. */
size_t outline_count_chars(const char *s, size_t start, size_t end);

#endif
