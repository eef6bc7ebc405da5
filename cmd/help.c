/*
 * help.c - the layout of every --help: lists of commands with their
 * summaries wrapped under themselves, prose wrapped at 80 columns, and
 * examples that paste.
 *
 * argp lays out the usage line and the options (it does that well); the
 * texts around them are written here, because argp wraps an example line
 * like prose and breaks it inside a quoted argument.  A line of a help text
 * that starts with "  tact " is an example: it is broken only between shell
 * words, outside quotes, and each break ends with a backslash, so the whole
 * example still pastes into a shell.  Any other line that starts with a
 * space is kept as it is (a table); the rest is prose, wrapped.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text/wrap.h"
#include "cmd/cmd.h"

/* argp's right margin: a line is at most this many columns. */
#define HELP_WIDTH 79
/* Where a command's summary starts in a list of commands. */
#define HELP_SUMMARY_COL 16

void
help_list(FILE *f, const struct cmd_entry *const *table)
{
	char lead[64], indent[HELP_SUMMARY_COL + 1], *summary;

	memset(indent, ' ', HELP_SUMMARY_COL);
	indent[HELP_SUMMARY_COL] = '\0';
	for (; *table != NULL; table++) {
		const struct cmd_entry *e = *table;

		if (strlen(e->name) + 3 > HELP_SUMMARY_COL)
			snprintf(lead, sizeof(lead), "  %s\n%s", e->name, indent);
		else
			snprintf(lead, sizeof(lead), "  %-*s", HELP_SUMMARY_COL - 2, e->name);
		if (asprintf(&summary, "%s%s", e->summary, e->flags & CMD_DEFAULT ?
		    " (the default)" : "") < 0)
			return;
		text_wrap(f, lead, indent, summary, HELP_WIDTH);
		free(summary);
	}
}

/* Returns the end of the shell word at P: the first space outside quotes. */
static const char *
word_end(const char *p, const char *end)
{
	char quote = 0;

	for (; p < end && (quote != 0 || *p != ' '); p++) {
		if (quote == 0 && (*p == '\'' || *p == '"'))
			quote = *p;
		else if (quote != 0 && *p == quote)
			quote = 0;
		else if (quote != '\'' && *p == '\\' && p + 1 < end)
			p++;
	}
	return p;
}

/* Writes the example LINE (N bytes, starting "  tact "), broken between
 * shell words with a backslash at the end of each broken line. */
static void
example(FILE *f, const char *line, size_t n)
{
	const char *p = line, *end = line + n, *w;
	size_t col = 0;

	while (p < end && *p == ' ')
		p++;
	col = (size_t)(p - line);
	fwrite(line, 1, col, f);
	for (int first = 1; p < end; first = 0) {
		/* An option and its value stay on one line: "--role 'Chief Nurse'". */
		w = word_end(p, end);
		if (p[0] == '-' && p[1] == '-' && memchr(p, '=', (size_t)(w - p)) == NULL &&
		    w + 1 < end && w[1] != '-')
			w = word_end(w + 1, end);
		if (!first && col + 1 + text_width(p, (size_t)(w - p)) + 2 > HELP_WIDTH) {
			fputs(" \\\n      ", f);
			col = 6;
		} else if (!first) {
			fputc(' ', f);
			col++;
		}
		fwrite(p, 1, (size_t)(w - p), f);
		col += text_width(p, (size_t)(w - p));
		for (p = w; p < end && *p == ' '; p++)
			;
	}
	fputc('\n', f);
}

void
help_text(FILE *f, const char *text)
{
	const char *p = text, *nl;
	size_t n;
	char *line;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (n == 0)
			fputc('\n', f);
		else if (n > 7 && strncmp(p, "  tact ", 7) == 0)
			example(f, p, n);
		else if (*p == ' ')
			fprintf(f, "%.*s\n", (int)n, p);
		else if ((line = strndup(p, n)) != NULL) {
			text_wrap(f, "", "", line, HELP_WIDTH);
			free(line);
		}
		p += n;
		if (*p == '\n')
			p++;
	}
}

void
help_command(FILE *f, const struct argp *argp, const char *name, unsigned flags)
{
	struct argp bare = *argp;
	struct argp_child children[] = {
		{ &bare, 0, NULL, 0 }, { &cmd_global_argp, 0, "Global options:", 100 }, { 0 }
	};
	struct argp shown = { NULL, NULL, argp->args_doc, NULL, children, NULL, NULL };
	const char *doc = argp->doc, *vt = doc != NULL ? strchr(doc, '\v') : NULL;
	char *pre;

	bare.args_doc = NULL;           /* said once, by `shown` */
	bare.doc = NULL;

	if (flags != ARGP_HELP_STD_HELP) {
		argp_help(&shown, f, flags, (char *)name);
		return;
	}
	argp_help(&shown, f, ARGP_HELP_SHORT_USAGE, (char *)name);
	if (doc != NULL && vt != doc) {
		pre = vt != NULL ? strndup(doc, (size_t)(vt - doc)) : strdup(doc);
		if (pre != NULL)
			help_text(f, pre);
		free(pre);
	}
	fputc('\n', f);
	argp_help(&shown, f, ARGP_HELP_LONG, (char *)name);
	if (vt != NULL && vt[1] != '\0') {
		fputc('\n', f);
		help_text(f, vt + 1);
	}
}
