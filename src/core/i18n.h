/* Translation macros shared by the core and the front ends. */
#ifndef ZONGJIE_I18N_H
#define ZONGJIE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
