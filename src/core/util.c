/* util: see include/zongjie/util.h. */
#include <config.h>

#include "zongjie/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool fail_at(zj_error *err, long line, long col, const char *fmt, va_list ap)
{
	if (err) {
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		err->line = line;
		err->col = col;
	}
	return false;
}

bool zj_fail(zj_error *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_at(err, 0, 0, fmt, ap);
	va_end(ap);
	return false;
}

bool zj_fail_at(zj_error *err, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_at(err, line, col, fmt, ap);
	va_end(ap);
	return false;
}

static void *check_alloc(void *p, size_t n)
{
	if (!p && n) {
		fprintf(stderr, "zongjie: out of memory (%zu bytes)\n", n);
		abort();
	}
	return p;
}

void *zj_xmalloc(size_t n)
{
	return check_alloc(malloc(n ? n : 1), n);
}

void *zj_xcalloc(size_t count, size_t size)
{
	size_t total;
	if (__builtin_mul_overflow(count, size, &total)) {
		fprintf(stderr, "zongjie: out of memory (%zu × %zu bytes)\n", count, size);
		abort();
	}
	return check_alloc(calloc(count ? count : 1, size ? size : 1), total);
}

void *zj_xrealloc(void *p, size_t n)
{
	return check_alloc(realloc(p, n ? n : 1), n);
}

void zj_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n = n / 2 * 3 + 8;
	*p = zj_xrealloc(*p, n * elem);
	*cap = n;
}

char *zj_xstrdup(const char *s)
{
	return zj_xstrndup(s, strlen(s));
}

char *zj_xstrndup(const char *s, size_t n)
{
	char *r = zj_xmalloc(n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *zj_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *r = zj_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(r, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return r;
}

void zj_buf_append(zj_buf *b, const void *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = zj_xrealloc(b->data, cap);
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void zj_buf_puts(zj_buf *b, const char *s)
{
	zj_buf_append(b, s, strlen(s));
}

void zj_buf_putc(zj_buf *b, char c)
{
	zj_buf_append(b, &c, 1);
}

void zj_buf_printf(zj_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char small[256];
	char *tmp = (size_t)n < sizeof small ? small : zj_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(tmp, (size_t)n + 1, fmt, ap);
	va_end(ap);
	zj_buf_append(b, tmp, (size_t)n);
	if (tmp != small)
		free(tmp);
}

void zj_buf_json_escape(zj_buf *b, const char *s, size_t n)
{
	/* copied in runs: findings can number in the millions */
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		zj_buf_append(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': zj_buf_puts(b, "\\\""); break;
		case '\\': zj_buf_puts(b, "\\\\"); break;
		case '\n': zj_buf_puts(b, "\\n"); break;
		case '\r': zj_buf_puts(b, "\\r"); break;
		case '\t': zj_buf_puts(b, "\\t"); break;
		default: zj_buf_printf(b, "\\u%04x", c);
		}
	}
	zj_buf_append(b, s + run, n - run);
}

void zj_buf_free(zj_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

uint64_t zj_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

char *zj_error_describe(const char *path, const zj_error *err)
{
	if (err->line > 0)
		return zj_xasprintf("%s:%ld:%ld: %s", path, err->line, err->col, err->message);
	return zj_xasprintf("%s: %s", path, err->message);
}
