/* `zongjie export`: the submission text or Word document, refused while
 * errors remain. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "zongjie/check.h"
#include "zongjie/doc.h"
#include "zongjie/docx.h"
#include "zongjie/export.h"
#include "zongjie/utf8.h"

/* What `export` was asked for. */
typedef struct export_args {
	const char *path, *output, *encoding, *eol, *format;
	bool force;
	bool docx; /* a Word document: --format=docx, or OUT ends in .docx */
	zj_export_options xo;
} export_args;

static int take_export_option(int c, char *arg, void *ctx)
{
	export_args *a = ctx;
	switch (c) {
	case OPT_OUTPUT: a->output = arg; break;
	case OPT_FORCE: a->force = true; break;
	case OPT_ENCODING: a->encoding = arg; break;
	case OPT_EOL: a->eol = arg; break;
	case OPT_INDENT:
		if (!strcmp(arg, "fullwidth"))
			a->xo.fullwidth_indent = true;
		else if (strcmp(arg, "keep"))
			return cli_usage_error(_("--indent takes keep or fullwidth"));
		break;
	case OPT_STRIP_NOISE: a->xo.strip_noise = true; break;
	case OPT_RENUMBER: a->xo.renumber = true; break;
	case OPT_FORMAT: a->format = arg; break;
	}
	return CLI_GO_ON;
}

/* Whether the export is a Word document: --format, else the output's
 * extension.  Returns CLI_GO_ON, else the exit status. */
static int export_kind(export_args *a)
{
	if (a->format) {
		a->docx = !strcmp(a->format, "docx");
		if (!a->docx && strcmp(a->format, "txt"))
			return cli_usage_error(_("--format takes txt or docx"));
	} else {
		size_t n = a->output ? strlen(a->output) : 0;
		a->docx = n > 5 && !strcasecmp(a->output + n - 5, ".docx");
	}
	if (a->docx && (a->encoding || a->eol))
		return cli_usage_error(_("--encoding and --eol apply to the text export only"));
	if (a->docx && !a->output && isatty(STDOUT_FILENO))
		return cli_usage_error(_("a Word document is not written to a terminal: use -o OUT.docx"));
	return CLI_GO_ON;
}

/* Reads export's options into *a; returns CLI_GO_ON, else the exit status
 * to return. */
static int export_options(int argc, char **argv, export_args *a)
{
	*a = (export_args){0};
	int status = cli_read_options(
		argc, argv, "output force encoding eol indent strip-noise renumber format",
		_("Usage: zongjie export FILE [-o OUT] [--force] [--format=txt|docx]\n"
		  "          [--encoding=utf-8|gb18030] [--eol=lf|crlf] [--indent=keep|fullwidth]\n"
		  "          [--strip-noise] [--renumber]\n"
		  "Writes the text as the author wrote it; only these options change it:\n"
		  "  --renumber          renumber headings whose numbers skip or repeat\n"
		  "                      (only sequences of sure headings, never list items,\n"
		  "                      numbered paragraphs or page numbers)\n"
		  "  --strip-noise       drop the lines `check` reports as site noise\n"
		  "  --indent=fullwidth  start body paragraphs with two full-width spaces\n"
		  "  --format=docx       a Word document in official-document layout (GB/T 9704);\n"
		  "                      the default when OUT ends in .docx\n"),
		take_export_option, a);
	if (status != CLI_GO_ON)
		return status;
	if (optind + 1 != argc)
		return cli_usage_error(_("export takes exactly one FILE"));
	a->path = argv[optind];
	return export_kind(a);
}

/* The format the export is written in: the source's, changed by
 * --encoding and --eol.  Returns CLI_GO_ON, else the exit status. */
static int export_format(const export_args *a, zj_format *fmt)
{
	if (a->encoding) {
		zj_encoding enc;
		if (!zj_encoding_parse(a->encoding, &enc) ||
		    (enc != ZJ_ENC_UTF8 && enc != ZJ_ENC_GB18030))
			return cli_usage_error(_("--encoding takes utf-8 or gb18030"));
		if (enc != fmt->encoding)
			fmt->bom = false;
		fmt->encoding = enc;
	}
	if (a->eol) {
		if (!strcmp(a->eol, "lf"))
			fmt->eol = ZJ_EOL_LF;
		else if (!strcmp(a->eol, "crlf"))
			fmt->eol = ZJ_EOL_CRLF;
		else
			return cli_usage_error(_("--eol takes lf or crlf"));
	}
	/* the same file by any name: a symlink, a hard link, ./doc.txt */
	if (a->output && (!strcmp(a->output, a->path) || zj_same_file(a->output, a->path)))
		return cli_usage_error(_("the export would overwrite its source %s"), a->path);
	struct stat st;
	if (a->output && !a->force && lstat(a->output, &st) == 0) {
		cli_error(_("%s exists; use --force to overwrite it"), a->output);
		return EXIT_TROUBLE;
	}
	return CLI_GO_ON;
}

/* Prints the findings of severity error in f on stderr: stdout may be
 * the export. */
static void print_errors(const char *path, const char *text, zj_findings *f)
{
	zj_findings_iter it;
	zj_findings_iter_init(&it, f);
	out_style st = {.color = isatty(STDERR_FILENO) && !getenv("NO_COLOR")};
	zj_findings errs = {0};
	const zj_finding *x;
	while ((x = zj_findings_next(&it)))
		if (x->severity == ZJ_SEV_ERROR) {
			zj_grow((void **)&errs.list[x->rule], &errs.cap[x->rule],
				errs.count[x->rule] + 1, sizeof(zj_finding));
			errs.list[x->rule][errs.count[x->rule]++] = *x;
		}
	errs.arena = f->arena; /* borrowed: the messages stay f's */
	cli_print_findings(stderr, &st, path, text, &errs);
	errs.arena = (zj_buf){0};
	zj_findings_free(&errs);
}

/* The gate: checks the document and says what blocks the export.  Returns
 * false when errors remain and --force was not given. */
/* Lists the errors of d on stderr; returns how many there are, and says
 * the export is refused when there is one and no --force. */
static size_t export_errors(const export_args *a, zj_doc *d)
{
	zj_findings f;
	size_t len;
	const char *text = zj_doc_text(d, &len);
	zj_check_without_spelling(text, len, zj_doc_outline(d), &f);
	size_t errors = zj_findings_with_severity(&f, ZJ_SEV_ERROR);
	text = zj_doc_text(d, &len);
	if (errors) {
		print_errors(a->path, text, &f);
		if (!a->force)
			cli_file_message(a->path,
					 ngettext("export refused: %zu error remains (fix it, or use "
						  "--force)",
						  "export refused: %zu errors remain (fix them, or use "
						  "--force)", errors),
					 errors);
	}
	zj_findings_free(&f);
	return errors;
}

int cmd_export(int argc, char **argv)
{
	export_args a;
	int status = export_options(argc, argv, &a);
	if (status != CLI_GO_ON)
		return status;
	zj_doc *d = cli_open(a.path);
	if (!d)
		return EXIT_TROUBLE;
	zj_format fmt = d->format;
	status = export_format(&a, &fmt);
	if (status != CLI_GO_ON) {
		zj_doc_free(d);
		return status;
	}
	size_t errors = export_errors(&a, d);
	if (errors && !a.force) {
		zj_doc_free(d);
		return EXIT_FINDINGS;
	}
	size_t len, out_len, bytes_len;
	const char *text = zj_doc_text(d, &len);
	char *rendered = zj_export_text(text, len, zj_doc_outline(d), &a.xo, &out_len);
	char *bytes;
	zj_error err = {0};
	/* an export as written has the document's outline */
	bool as_written = out_len == len && !memcmp(rendered, text, len);
	if (d->format.eol == ZJ_EOL_MIXED && fmt.eol != ZJ_EOL_MIXED)
		out_len = zj_eol_unify(rendered, out_len); /* --eol: every line alike */
	bool made = a.docx ? zj_docx_build(rendered, out_len, as_written ? zj_doc_outline(d) : NULL,
					   time(NULL), &bytes, &bytes_len, &err)
			   : zj_encode(rendered, out_len, &fmt, &bytes, &bytes_len, &err);
	if (!made) {
		cli_file_error(a.path, &err);
		status = EXIT_TROUBLE;
	} else {
		status = cli_write_output(a.output, bytes, bytes_len, NULL,
					  _("cannot write the export to standard output"));
		free(bytes);
	}
	/* said once it is so: a write that failed exported nothing */
	if (status == EXIT_OK && errors)
		cli_file_message(a.path,
				 ngettext("exported with %zu error remaining",
					  "exported with %zu errors remaining", errors),
				 errors);
	free(rendered);
	zj_doc_free(d);
	return status;
}
