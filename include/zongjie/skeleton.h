/*
 * skeleton: YAML templates a new summary starts from.
 *
 * The format (documented for users in skeletons/README and zongjie(1)):
 *
 *   id: annual                  required, [a-z0-9-]+
 *   name: 单位年度工作总结…       required, shown in lists
 *   description: …              required
 *   lang: zh_CN                 required: zh_CN or en
 *   version: 1                  required, a positive integer
 *   variables:                  optional mapping NAME → spec
 *     org: {label: 单位名称, type: text, default: …}
 *     year: {label: 总结年度, type: year}
 *     next_year: {label: 计划年度, type: year, from: year, add: 1}
 *   title: "{{org}}{{year}}年工作总结"       required
 *   opening: …                  optional text after the title
 *   parts:                      required, a non-empty sequence of
 *     - kind: achievements      achievements | problems | plan | closing | other
 *       heading: …              required except for closing
 *       hint: …                 guidance shown in the editor
 *       length: [300, 600]      suggested body length in characters
 *       phrases: [ … ]          stock phrases the editor can insert
 *       body: …                 text, gaps written as zongjie finds them
 *       sections:               nested to any depth (32 levels at most)
 *         - heading: …
 *           body: …
 *           sections: [ … ]
 *
 * Text fields may use {{NAME}} for a declared variable.  A variable left
 * unset renders as a gap of its type: a year as 20xx, a number as xx, a
 * text as 【请填写LABEL】; a derived variable (from/add) follows its source.
 *
 * Loading uses libyaml's event parser and refuses, with FILE:LINE:COL:
 * files over 1 MiB, nesting deeper than 32, aliases and anchors (no
 * billion laughs), duplicate keys, unknown keys, wrong types, missing
 * required keys and references to undeclared variables.
 */
#ifndef ZONGJIE_SKELETON_H
#define ZONGJIE_SKELETON_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/outline.h"
#include "zongjie/util.h"

#define ZJ_SKELETON_MAX_BYTES ((size_t)1 << 20)
/* A rendered summary larger than this is refused (a skeleton that repeats
 * a long value a hundred thousand times is an attack, not a summary). */
#define ZJ_SKELETON_MAX_RENDER ((size_t)1 << 20)
#define ZJ_SKELETON_MAX_DEPTH 32

typedef enum zj_var_type { ZJ_VAR_TEXT, ZJ_VAR_YEAR, ZJ_VAR_NUMBER } zj_var_type;

typedef struct zj_variable {
	char *name;
	char *label;
	char *def;          /* default value or NULL */
	zj_var_type type;
	char *from;         /* derived: source variable, or NULL */
	long add;           /* derived: added to the source (years, numbers) */
} zj_variable;

typedef struct zj_sk_section {
	char *heading;
	char *body;         /* may be NULL */
	struct zj_sk_section *sections;
	size_t nsections;
} zj_sk_section;

typedef struct zj_sk_part {
	zj_part_kind kind;
	char *heading;      /* NULL for closing */
	char *hint;
	char *body;
	long min_len, max_len; /* 0 when not given */
	char **phrases;
	size_t nphrases;
	zj_sk_section *sections;
	size_t nsections;
} zj_sk_part;

typedef struct zj_skeleton {
	char *id, *name, *description, *lang;
	long version;
	char *path;         /* file it was loaded from */
	zj_variable *vars;
	size_t nvars;
	char *title;
	char *opening;
	zj_sk_part *parts;
	size_t nparts;
} zj_skeleton;

/* Loads and validates one skeleton file.  On failure err holds the
 * message with line and column (err->line > 0 when there is a place). */
zj_skeleton *zj_skeleton_load(const char *path, zj_error *err);
/* The same from memory. */
zj_skeleton *zj_skeleton_parse(const char *yaml, size_t len, zj_error *err);
void zj_skeleton_free(zj_skeleton *sk);

/* A value given on the command line or in the editor's form. */
typedef struct zj_binding {
	const char *name;
	const char *value;
} zj_binding;

/* The value a variable takes from what the writer typed (caller frees):
 * full-width digits become ASCII, a year may end in 年 (２０２５年 gives 2025).
 * NULL, with err set, when a year is not four figures or a number not a
 * number. */
char *zj_skeleton_value(const zj_variable *var, const char *value, zj_error *err);

/* Renders the skeleton as plain UTF-8 text (caller frees).  Fails when a
 * binding names a variable the skeleton does not declare, a year or
 * number variable gets a value that is not one, a derived value is out
 * of range, or the text would exceed ZJ_SKELETON_MAX_RENDER. */
char *zj_skeleton_render(const zj_skeleton *sk, const zj_binding *bindings, size_t nbindings,
			 size_t *len, zj_error *err);

/* Renders one part (heading numbered `number`, body and sections) for
 * inserting into an existing document; variables not defaulted are gaps.
 * Caller frees. */
char *zj_skeleton_render_part(const zj_skeleton *sk, size_t part, int number, size_t *len);

/* The library: built-in skeletons, then user folders that add to them and
 * override a built-in of the same id. */
typedef struct zj_skeleton_entry {
	zj_skeleton *sk;
	bool builtin;
} zj_skeleton_entry;

typedef struct zj_library {
	zj_skeleton_entry *items;
	size_t count;
	zj_error *errors;   /* files that failed to load, reported, not fatal */
	char **error_paths;
	size_t nerrors;
} zj_library;

/* Reads every *.yaml of each folder in order (later folders override
 * earlier ones by id); folders[0..nbuiltin) are built-in. */
void zj_library_load(zj_library *lib, const char *const *folders, size_t nfolders,
		     size_t nbuiltin);
/* Loads the standard library: the built-in skeletons (installed, or the
 * source tree's when run from the build tree), the user's in
 * $XDG_DATA_HOME/zongjie/skeletons, and the folders of $ZONGJIE_SKELETONS
 * (colon-separated), later ones overriding earlier ones by name. */
void zj_library_load_standard(zj_library *lib);
/* Finds a skeleton by id; NULL if none. */
const zj_skeleton_entry *zj_library_find(const zj_library *lib, const char *id);
void zj_library_free(zj_library *lib);

/* The suggested lengths of the skeleton's parts, checked against a
 * document's outline: calls fn for each part of the document whose body
 * length is outside the range given for its kind. */
typedef void (*zj_length_fn)(const zj_part *part, long min_len, long max_len, void *ctx);
void zj_skeleton_check_lengths(const zj_skeleton *sk, const zj_outline *o, zj_length_fn fn,
			       void *ctx);

#endif
