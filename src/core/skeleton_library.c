/* skeleton_library: the skeletons found in the built-in, user and
 * $ZONGJIE_SKELETONS folders (include/zongjie/skeleton.h). */
#include <config.h>

#include "zongjie/skeleton.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "zongjie/fileio.h"

/* File names in order of their names without the extension: annual.yaml
 * before annual-en.yaml. */
static int name_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t nx = strcspn(x, "."), ny = strcspn(y, ".");
	int c = strncmp(x, y, nx < ny ? nx : ny);
	return c ? c : nx != ny ? (nx < ny ? -1 : 1) : strcmp(x, y);
}

static bool yaml_name(const char *n)
{
	size_t l = strlen(n);
	return n[0] != '.' && ((l > 5 && !strcmp(n + l - 5, ".yaml")) || (l > 4 && !strcmp(n + l - 4, ".yml")));
}

static void add_error(zj_library *lib, const char *path, const zj_error *err)
{
	lib->errors = zj_xrealloc(lib->errors, (lib->nerrors + 1) * sizeof *lib->errors);
	lib->error_paths = zj_xrealloc(lib->error_paths, (lib->nerrors + 1) * sizeof(char *));
	lib->errors[lib->nerrors] = *err;
	lib->error_paths[lib->nerrors++] = zj_xstrdup(path);
}

void zj_library_load(zj_library *lib, const char *const *folders, size_t nfolders,
		     size_t nbuiltin)
{
	memset(lib, 0, sizeof *lib);
	for (size_t f = 0; f < nfolders; f++) {
		DIR *d = opendir(folders[f]);
		if (!d)
			continue;
		char **names = NULL;
		size_t n = 0, cap = 0;
		struct dirent *e;
		while ((e = readdir(d)))
			if (yaml_name(e->d_name)) {
				zj_grow((void **)&names, &cap, n + 1, sizeof *names);
				names[n++] = zj_xstrdup(e->d_name);
			}
		closedir(d);
		if (n) /* qsort's array may not be NULL, even empty */
			qsort(names, n, sizeof *names, name_cmp);
		size_t flen = strlen(folders[f]);
		for (size_t i = 0; i < n; i++) {
			char *path = zj_xasprintf("%s/%s", folders[f], names[i]);
			zj_error err = {0};
			zj_skeleton *sk = zj_skeleton_load(path, &err);
			if (!sk) {
				add_error(lib, path, &err);
			} else {
				size_t k = 0;
				while (k < lib->count && strcmp(lib->items[k].sk->id, sk->id))
					k++;
				bool same_folder = k < lib->count &&
						   !strncmp(lib->items[k].sk->path, folders[f], flen) &&
						   lib->items[k].sk->path[flen] == '/';
				if (same_folder) {
					zj_fail_at(&err, 1, 1, _("duplicate skeleton id '%s' (also in %s)"),
						   sk->id, lib->items[k].sk->path);
					add_error(lib, path, &err);
					zj_skeleton_free(sk);
				} else if (k < lib->count) {
					/* a later folder overrides */
					zj_skeleton_free(lib->items[k].sk);
					lib->items[k] = (zj_skeleton_entry){sk, f < nbuiltin};
				} else {
					lib->items = zj_xrealloc(lib->items,
								 (lib->count + 1) * sizeof *lib->items);
					lib->items[lib->count++] = (zj_skeleton_entry){sk, f < nbuiltin};
				}
			}
			free(path);
			free(names[i]);
		}
		free(names);
	}
}

const zj_skeleton_entry *zj_library_find(const zj_library *lib, const char *id)
{
	for (size_t i = 0; i < lib->count; i++)
		if (!strcmp(lib->items[i].sk->id, id))
			return &lib->items[i];
	return NULL;
}

void zj_library_free(zj_library *lib)
{
	for (size_t i = 0; i < lib->count; i++)
		zj_skeleton_free(lib->items[i].sk);
	free(lib->items);
	for (size_t i = 0; i < lib->nerrors; i++)
		free(lib->error_paths[i]);
	free(lib->errors);
	free(lib->error_paths);
	memset(lib, 0, sizeof *lib);
}

void zj_skeleton_check_lengths(const zj_skeleton *sk, const zj_outline *o, zj_length_fn fn,
			       void *ctx)
{
	for (size_t i = 0; i < o->nparts; i++) {
		const zj_part *p = &o->parts[i];
		for (size_t k = 0; k < sk->nparts; k++) {
			const zj_sk_part *sp = &sk->parts[k];
			if (sp->kind != p->kind || sp->max_len == 0)
				continue;
			if ((long)p->chars < sp->min_len || (long)p->chars > sp->max_len)
				fn(p, sp->min_len, sp->max_len, ctx);
			break;
		}
	}
}

/* Built-in skeletons are installed under pkgdatadir; a binary run from the
 * build tree, before `make install`, finds them in the source tree. */
static const char *builtin_folder(void)
{
	struct stat st;
	if (stat(PKGDATADIR "/skeletons", &st) == 0 && S_ISDIR(st.st_mode))
		return PKGDATADIR "/skeletons";
	return SRCDIR "/skeletons";
}

void zj_library_load_standard(zj_library *lib)
{
	const char *folders[64];
	size_t n = 0;
	folders[n++] = builtin_folder();
	char *user = zj_xdg_path(ZJ_XDG_DATA, "skeletons");
	if (user)
		folders[n++] = user;
	char *extra = getenv("ZONGJIE_SKELETONS") ? zj_xstrdup(getenv("ZONGJIE_SKELETONS")) : NULL;
	char *save = NULL;
	for (char *tok = extra ? strtok_r(extra, ":", &save) : NULL; tok && n < 64;
	     tok = strtok_r(NULL, ":", &save))
		if (*tok)
			folders[n++] = tok;
	zj_library_load(lib, folders, n, 1);
	free(user);
	free(extra);
}
