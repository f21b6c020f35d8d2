/* `zongjie export`: the submission text or Word document, refused while
 * errors remain. */
#include <config.h>

#include <getopt.h>
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

/* Whether the export is a Word document: --format, else the output's
 * extension.  Returns false after a usage error. */
static bool export_kind(const char *format, const char *output, bool *docx)
{
	if (format) {
		*docx = !strcmp(format, "docx");
		if (!*docx && strcmp(format, "txt")) {
			cli_usage_error(_("--format takes txt or docx"));
			return false;
		}
		return true;
	}
	size_t n = output ? strlen(output) : 0;
	*docx = n > 5 && !strcasecmp(output + n - 5, ".docx");
	return true;
}

/* Writes the export as the Word document or the encoded text. */
static int write_export(const char *path, const char *output, bool docx, const char *rendered,
			size_t len, const zj_format *fmt)
{
	char *bytes;
	size_t bytes_len;
	zj_error err = {0};
	bool made = docx ? zj_docx_build(rendered, len, time(NULL), &bytes, &bytes_len, &err)
			 : zj_encode(rendered, len, fmt, &bytes, &bytes_len, &err);
	if (!made) {
		cli_file_error(path, &err);
		return EXIT_TROUBLE;
	}
	int status = EXIT_OK;
	if (output) {
		if (!zj_save_atomic(output, bytes, bytes_len, &err)) {
			cli_file_error(output, &err);
			status = EXIT_TROUBLE;
		}
	} else if (fwrite(bytes, 1, bytes_len, stdout) != bytes_len || fflush(stdout) != 0) {
		cli_error(_("cannot write the export to standard output"));
		status = EXIT_TROUBLE;
	}
	free(bytes);
	return status;
}

int cmd_export(int argc, char **argv)
{
	enum { OPT_FORCE = 256, OPT_ENCODING, OPT_EOL, OPT_INDENT, OPT_STRIP, OPT_FORMAT };
	static const struct option options[] = {
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, OPT_FORCE},
		{"encoding", required_argument, NULL, OPT_ENCODING},
		{"eol", required_argument, NULL, OPT_EOL},
		{"indent", required_argument, NULL, OPT_INDENT},
		{"strip-noise", no_argument, NULL, OPT_STRIP},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *output = NULL, *encoding = NULL, *eol = NULL, *format = NULL;
	bool force = false, docx;
	zj_export_options xo = {0};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case OPT_FORCE: force = true; break;
		case OPT_ENCODING: encoding = optarg; break;
		case OPT_EOL: eol = optarg; break;
		case OPT_INDENT:
			if (!strcmp(optarg, "fullwidth"))
				xo.fullwidth_indent = true;
			else if (strcmp(optarg, "keep"))
				return cli_usage_error(_("--indent takes keep or fullwidth"));
			break;
		case OPT_STRIP: xo.strip_noise = true; break;
		case OPT_FORMAT: format = optarg; break;
		case 'h':
			printf(_("Usage: zongjie export FILE [-o OUT] [--force] [--format=txt|docx]\n"
				 "                      [--encoding=utf-8|gb18030] [--eol=lf|crlf]\n"
				 "                      [--indent=keep|fullwidth] [--strip-noise]\n"
				 "A Word document (GB/T 9704 layout) when OUT ends in .docx or with --format=docx.\n"));
			return EXIT_OK;
		default:
			if (optopt == 'o')
				return cli_usage_error(_("option -o needs a file name"));
			return cli_usage_error(_("unrecognized option '%s'"), argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(_("export takes exactly one FILE"));
	if (!export_kind(format, output, &docx))
		return EXIT_TROUBLE;
	if (docx && (encoding || eol))
		return cli_usage_error(_("--encoding and --eol apply to the text export only"));
	if (docx && !output && isatty(STDOUT_FILENO))
		return cli_usage_error(_("a Word document is not written to a terminal: use -o OUT.docx"));
	const char *path = argv[optind];
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	if (!d) {
		cli_file_error(path, &err);
		return EXIT_TROUBLE;
	}
	zj_format fmt = d->format;
	if (encoding) {
		zj_encoding enc;
		if (!zj_encoding_parse(encoding, &enc) ||
		    (enc != ZJ_ENC_UTF8 && enc != ZJ_ENC_GB18030)) {
			zj_doc_free(d);
			return cli_usage_error(_("--encoding takes utf-8 or gb18030"));
		}
		if (enc != fmt.encoding)
			fmt.bom = false;
		fmt.encoding = enc;
	}
	if (eol) {
		if (!strcmp(eol, "lf"))
			fmt.eol = ZJ_EOL_LF;
		else if (!strcmp(eol, "crlf"))
			fmt.eol = ZJ_EOL_CRLF;
		else {
			zj_doc_free(d);
			return cli_usage_error(_("--eol takes lf or crlf"));
		}
	}
	if (output && !strcmp(output, path)) {
		zj_doc_free(d);
		return cli_usage_error(_("the export would overwrite its source %s"), path);
	}

	zj_check_options opt;
	zj_check_options_default(&opt);
	opt.enabled[ZJ_RULE_SPELLING] = false; /* advice, never a reason to refuse */
	zj_checker *checker = zj_checker_new(&opt, NULL);
	zj_findings f = {0};
	size_t len;
	const char *text = zj_doc_text(d, &len);
	zj_check(checker, text, len, zj_doc_outline(d), &f);
	size_t errors = zj_findings_with_severity(&f, ZJ_SEV_ERROR);
	text = zj_doc_text(d, &len);
	if (errors) {
		/* Show what blocks the export on stderr: stdout may be the export. */
		zj_findings_iter it;
		zj_findings_iter_init(&it, &f);
		out_style st = {.color = isatty(STDERR_FILENO) && !getenv("NO_COLOR")};
		zj_findings errs = {0};
		const zj_finding *x;
		while ((x = zj_findings_next(&it)))
			if (x->severity == ZJ_SEV_ERROR) {
				zj_grow((void **)&errs.list[x->rule], &errs.cap[x->rule],
					errs.count[x->rule] + 1, sizeof(zj_finding));
				errs.list[x->rule][errs.count[x->rule]++] = *x;
			}
		errs.arena = f.arena;
		cli_print_findings(stderr, &st, path, text, &errs);
		errs.arena = (zj_buf){0};
		zj_findings_free(&errs);
		if (!force) {
			fprintf(stderr, ngettext("zongjie: %s: export refused: %zu error remains "
						 "(fix it, or use --force)\n",
						 "zongjie: %s: export refused: %zu errors remain "
						 "(fix them, or use --force)\n", errors),
				path, errors);
			zj_findings_free(&f);
			zj_checker_free(checker);
			zj_doc_free(d);
			return EXIT_FINDINGS;
		}
		fprintf(stderr, ngettext("zongjie: %s: exported with %zu error remaining\n",
					 "zongjie: %s: exported with %zu errors remaining\n", errors),
			path, errors);
	}
	zj_findings_free(&f);
	zj_checker_free(checker);

	size_t out_len;
	char *rendered = zj_export_text(text, len, zj_doc_outline(d), &xo, &out_len);
	int status = write_export(path, output, docx, rendered, out_len, &fmt);
	free(rendered);
	zj_doc_free(d);
	return status;
}
