/* `zongjie outline`: prints how zongjie reads a summary. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "zongjie/doc.h"
#include "zongjie/utf8.h"

static void print_json(const char *path, zj_doc *d)
{
	size_t len;
	const char *s = zj_doc_text(d, &len);
	const zj_outline *o = zj_doc_outline(d);
	zj_buf b = {0};
	zj_buf_puts(&b, "{\"path\": ");
	cli_json_string(&b, path, strlen(path));
	zj_buf_printf(&b, ", \"encoding\": \"%s\", \"bom\": %s, \"eol\": \"%s\", \"articles\": [",
		      zj_encoding_name(d->format.encoding), d->format.bom ? "true" : "false",
		      zj_eol_name(d->format.eol));
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		zj_buf_puts(&b, ai ? ", {\"title\": " : "{\"title\": ");
		if (a->title_line >= 0)
			cli_json_string(&b, s + a->title_start, a->title_end - a->title_start);
		else
			zj_buf_puts(&b, "null");
		zj_buf_printf(&b, ", \"line\": %zu, \"parts\": [",
			      (a->title_line >= 0 ? (size_t)a->title_line : a->first_line) + 1);
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			zj_buf_printf(&b, "%s{\"part\": \"%s\", \"heading\": ", pi ? ", " : "",
				      zj_part_name(p->kind));
			if (p->heading >= 0) {
				const zj_section *h = &o->sections[p->heading];
				cli_json_string(&b, s + h->title_start, h->title_end - h->title_start);
			} else
				zj_buf_puts(&b, "null");
			zj_buf_printf(&b, ", \"line\": %zu, \"end_line\": %zu, \"chars\": %zu, "
					  "\"sections\": [",
				      (size_t)p->first_line + 1, (size_t)p->last_line + 1, p->chars);
			for (size_t si = 0; si < p->nsections; si++) {
				const zj_section *h = &o->sections[p->first_section + si];
				zj_buf_printf(&b, "%s{\"level\": %d, \"heading\": ", si ? ", " : "",
					      h->level);
				cli_json_string(&b, s + h->title_start, h->title_end - h->title_start);
				zj_buf_printf(&b, ", \"line\": %zu}", (size_t)h->line + 1);
			}
			zj_buf_puts(&b, "]}");
		}
		zj_buf_puts(&b, "]}");
	}
	zj_buf_puts(&b, "]}\n");
	fwrite(b.data, 1, b.len, stdout);
	zj_buf_free(&b);
}

/* Pads a label to `width` display columns. */
static void print_padded(const char *label, int width)
{
	int w = (int)zj_str_width(label, strlen(label));
	printf("%s%*s", label, width > w ? width - w : 0, "");
}

static void print_text(const char *path, zj_doc *d)
{
	size_t len;
	const char *s = zj_doc_text(d, &len);
	const zj_outline *o = zj_doc_outline(d);
	printf("%s (%s%s, %s)\n", path, zj_encoding_name(d->format.encoding),
	       d->format.bom ? "+bom" : "", zj_eol_name(d->format.eol));
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		if (a->title_line >= 0)
			printf(_("article %zu, line %ld: %.*s\n"), ai + 1, a->title_line + 1,
			       (int)(a->title_end - a->title_start), s + a->title_start);
		else
			printf(_("article %zu, line %zu (untitled)\n"), ai + 1, a->first_line + 1);
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			printf("  ");
			print_padded(zj_part_label(p->kind), 14);
			printf("%5zu-%-5zu ", (size_t)p->first_line + 1, (size_t)p->last_line + 1);
			if (p->heading >= 0) {
				const zj_section *h = &o->sections[p->heading];
				printf("%.*s", (int)(h->title_end - h->title_start), s + h->title_start);
			}
			printf(_(" (%zu chars)\n"), p->chars);
			for (size_t si = 0; si < p->nsections; si++) {
				const zj_section *h = &o->sections[p->first_section + si];
				printf("  %*s%5zu       %*s%.*s\n", 14, "", (size_t)h->line + 1,
				       2 * (h->level - 1), "", (int)(h->title_end - h->title_start),
				       s + h->title_start);
			}
		}
	}
}

int cmd_outline(int argc, char **argv)
{
	bool json = false;
	int status = cli_format_options(argc, argv,
					_("Usage: zongjie outline [--format=text|json] FILE\n"), 1,
					_("outline takes exactly one FILE"), &json);
	if (status != CLI_GO_ON)
		return status;
	const char *path = argv[optind];
	zj_doc *d = cli_open(path);
	if (!d)
		return EXIT_TROUBLE;
	if (json)
		print_json(path, d);
	else
		print_text(path, d);
	zj_doc_free(d);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_TROUBLE;
}
