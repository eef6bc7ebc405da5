/*
 * cmd.c - what commands share: the argp wrapper main.c parses every
 * command's arguments with, usage errors, notices, JSON output and the
 * small parsers of numbers, ids and seeds.
 *
 * A command's argp is run as the only child of a wrapper, with
 * ARGP_NO_ERRS and ARGP_NO_HELP: argp then neither prints nor exits, the
 * wrapper notes where parsing failed, and the one message goes into
 * ctx->err for main.c to print.  --help is answered before parsing
 * (cmd_wants_help()), so that main.c can show a generated help for a
 * command with subcommands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/suggest.h"
#include "cmd/cmd.h"

int
cmd_usage(struct argp_state *state, const char *fmt, ...)
{
	struct cmd_ctx *ctx = *(struct cmd_ctx **)state->input;
	char msg[TERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* Through terr_set, so what the user typed is cleaned of control characters. */
	terr_set(&ctx->err, EX_USAGE, "%s", msg);
	return EINVAL;
}

/* Replaces control characters (C0, DEL, C1) with '?', by the rule of
 * terr_set(), so a notice stays one line and carries no terminal escapes. */
static void
clean(char *s)
{
	unsigned char *p = (unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			*p = '?';
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) {
			p[0] = '?';
			p[1] = '?';
			p++;
		}
	}
}

void
cmd_notice(const char *fmt, ...)
{
	char *msg;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	clean(msg);
	fprintf(stderr, "tact: %s\n", msg);
	free(msg);
}

enum { G_VAULT = 0x7f00, G_PASSFILE, G_JSON };

static const struct argp_option global_options[] = {
	{ "vault", G_VAULT, "PATH", 0, "vault file (default $TACT_VAULT, else the config's "
	  "[vault] path, else $XDG_DATA_HOME/tact/vault.db)", 0 },
	{ "passphrase-file", G_PASSFILE, "FILE", 0, "read the passphrase from FILE's first line "
	  "(default $TACT_PASSPHRASE_FILE)", 0 },
	{ "json", G_JSON, NULL, 0, "machine output: one JSON document on stdout", 0 },
	{ 0 }
};

static error_t
global_parse(int key, char *arg, struct argp_state *state)
{
	struct cmd_ctx *ctx = state->input;

	switch (key) {
	case G_VAULT:
		if (*arg == '\0') {
			terr_set(&ctx->err, EX_USAGE, "--vault wants a path");
			return EINVAL;
		}
		ctx->vault_path = arg;
		if (config_set(&ctx->config, CONF_VAULT_PATH, arg, "--vault") != 0) {
			terr_set(&ctx->err, EX_OSERR, "out of memory");
			return EINVAL;
		}
		break;
	case G_PASSFILE:
		ctx->src.passfile = arg;
		break;
	case G_JSON:
		ctx->json = 1;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_global_argp = {
	global_options, global_parse, NULL, NULL, NULL, NULL, NULL
};

/* Wraps a command's argp to pass its input down and to note where parsing failed. */
struct wrap {
	void *input;
	int bad;
};

static error_t
wrap_parse(int key, char *arg, struct argp_state *state)
{
	struct wrap *w = state->input;

	(void)arg;
	if (key == ARGP_KEY_INIT) {
		state->child_inputs[0] = w->input;
		state->child_inputs[1] = *(struct cmd_ctx **)w->input;
	}
	else if (key == ARGP_KEY_ERROR)
		w->bad = state->next;
	return ARGP_ERR_UNKNOWN;
}

unsigned
cmd_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-?") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return ARGP_HELP_STD_HELP;
		if (strcmp(argv[i], "--usage") == 0)
			return ARGP_HELP_USAGE;
	}
	return 0;
}

int
cmd_parse(struct cmd_ctx *ctx, const struct argp *argp, int argc, char **argv, void *opts)
{
	struct argp_child children[] = {
		{ argp, 0, NULL, 0 }, { &cmd_global_argp, 0, NULL, 0 }, { 0 }
	};
	struct argp wrapper = { NULL, wrap_parse, argp->args_doc, argp->doc, children, NULL, NULL };
	struct wrap w = { opts, 0 };
	int idx = 0;
	error_t e;

	e = argp_parse(&wrapper, argc, argv, ARGP_NO_ERRS | ARGP_NO_HELP | ARGP_IN_ORDER, &idx,
	    &w);
	if (e == 0 && idx < argc)
		return terr_set(&ctx->err, EX_USAGE, "unexpected argument '%s' (see '%s --help')",
		    argv[idx], argv[0]);
	if (e != 0) {
		if (ctx->err.code != 0)
			;       /* the command's parser said what was wrong */
		else if (w.bad > 0 && w.bad <= argc)
			cmd_bad_option(ctx, &wrapper, argv[w.bad - 1], argv[0]);
		else
			terr_set(&ctx->err, EX_USAGE, "bad arguments (see '%s --help')", argv[0]);
		return -1;
	}
	return 0;
}

/* Adds the long option names of ARGP and its children to NAMES (*N of
 * them, at most MAX). */
static void
option_names(const struct argp *argp, const char **names, size_t *n, size_t max)
{
	if (argp == NULL)
		return;
	for (const struct argp_option *o = argp->options; o != NULL &&
	    (o->name != NULL || o->key != 0 || o->doc != NULL); o++)
		if (o->name != NULL && !(o->flags & OPTION_HIDDEN) && *n < max)
			names[(*n)++] = o->name;
	for (const struct argp_child *c = argp->children; c != NULL && c->argp != NULL; c++)
		option_names(c->argp, names, n, max);
}

int
cmd_bad_option(struct cmd_ctx *ctx, const struct argp *argp, const char *word, const char *name)
{
	const char *names[128], *near;
	char typed[64];
	size_t n = 0, len;

	option_names(argp, names, &n, 128);
	option_names(&cmd_global_argp, names, &n, 128);
	if (strncmp(word, "--", 2) != 0 || word[2] == '\0')
		return terr_set(&ctx->err, EX_USAGE, "unknown option or missing value '%s' "
		    "(see '%s --help')", word, name);
	len = strcspn(word + 2, "=");
	snprintf(typed, sizeof(typed), "%.*s", (int)len, word + 2);
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], typed) == 0)
			return terr_set(&ctx->err, EX_USAGE, "%s wants a value (see '%s --help')",
			    word, name);
	if ((near = suggest_word(typed, names, n)) != NULL)
		return terr_set(&ctx->err, EX_USAGE, "unknown option '--%s' (did you mean '--%s'?)",
		    typed, near);
	return terr_set(&ctx->err, EX_USAGE, "unknown option '--%s' (see '%s --help')", typed,
	    name);
}

int
cmd_print_json(struct cmd_ctx *ctx, json_t *j)
{
	int rc;

	if (j == NULL)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	rc = json_dumpf(j, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (rc != 0 || fputc('\n', stdout) == EOF)
		return terr_set(&ctx->err, EX_IOERR, "cannot write output");
	return 0;
}

int
cmd_interactive(void)
{
	return isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
}

int
cmd_number(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0' || strspn(s, "0123456789") != strlen(s) || strlen(s) > 18)
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
cmd_arg_turndown(struct argp_state *state, int key, const char *arg, long long *id)
{
	if (key == ARGP_KEY_END)
		return *id == 0 ? cmd_usage(state, "which turndown? (see 'tact list')") : 0;
	if (*id != 0)
		return cmd_usage(state, "give one turndown id (see '%s --help')", state->name);
	if (cmd_number(arg, 1, 999999999999LL, id) != 0)
		return cmd_usage(state, "'%.40s' is not a turndown id", arg);
	return 0;
}

int
cmd_opt_seed(struct argp_state *state, const char *arg, long long *seed)
{
	if (cmd_number(arg, 0, 999999999999999LL, seed) != 0)
		return cmd_usage(state, "--seed wants a whole number, not '%.40s'", arg);
	return 0;
}

long long
cmd_random_seed(void)
{
	uint32_t r;

	tc_random(&r, sizeof(r));
	return r;
}

json_t *
cmd_json_strings(char **list, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_string(list[i]));
	return arr;
}
