/*
 * noise: model-site debris in a downloaded text (download buttons, paging,
 * pay-wall markers, site banners).  The checker's site-noise rule reports
 * these lines and export --strip-noise removes them.
 */
#ifndef ZONGJIE_NOISE_H
#define ZONGJIE_NOISE_H

#include <stdbool.h>
#include <stddef.h>

/* True when the line (no LF) is model-site debris. */
bool zj_is_noise_line(const char *line, size_t len);

#endif
