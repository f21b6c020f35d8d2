/*
 * Shared by the three files of the skeleton module (skeleton.c loads,
 * skeleton_render.c renders, skeleton_library.c collects); not part of the
 * core's interface, which is include/zongjie/skeleton.h.
 */
#ifndef ZONGJIE_SKELETON_INTERNAL_H
#define ZONGJIE_SKELETON_INTERNAL_H

#include <stddef.h>

#include "zongjie/skeleton.h"

/* The variable sk declares under name[0..n), or NULL. */
const zj_variable *zj_skeleton_var(const zj_skeleton *sk, const char *name, size_t n);

/* The variable a reference names: *name and *n hold what stands between
 * "{{" and "}}", and are narrowed to the name without its blanks. */
const zj_variable *zj_skeleton_ref(const zj_skeleton *sk, const char **name, size_t *n);

#endif
