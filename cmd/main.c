/*
 * main.c - tact's entry point: global options, the command table, the
 * dispatch, and the one place where errors are printed and mapped to exit
 * codes.
 *
 * Global options are parsed with ARGP_IN_ORDER and parsing stops at the
 * command name.  From there the command's entry (cmd.h) says everything:
 * main.c follows its sub-table to the subcommand named, makes the options
 * struct, parses the rest of argv with the command's own argp (so each has
 * a real --help), opens and unlocks the vault as the flags ask, and only
 * then calls exec.  No command repeats any of it, so none can forget it.
 * The lists of commands and subcommands in --help come from the tables.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/base/wipe.h"
#include "cmd/cmd.h"

const char *argp_program_version = "tact 0.1.0";
const char *argp_program_bug_address = NULL;

/* The commands, in the order `tact --help` lists them. */
static const struct cmd_entry *const commands[] = {
	&cmd_init_entry,
	&cmd_unlock_entry,
	&cmd_lock_entry,
	&cmd_key_entry,
	&cmd_log_entry,
	&cmd_import_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_forget_entry,
	&cmd_categories_entry,
	&cmd_debrief_entry,
	&cmd_report_entry,
	&cmd_decline_entry,
	&cmd_notes_entry,
	&cmd_followup_entry,
	&cmd_candidates_entry, &cmd_clients_entry,
	&cmd_delete_entry,
	&cmd_edit_entry,
	&cmd_rename_entry,
	&cmd_merge_entry,
	NULL
};

/* Returns the entry of TABLE called NAME, or NULL. */
static const struct cmd_entry *
find_entry(const struct cmd_entry *const *table, const char *name)
{
	for (; *table != NULL; table++)
		if (strcmp((*table)->name, name) == 0)
			return *table;
	return NULL;
}

/* Returns the subcommand of E that runs when none is named, or NULL. */
static const struct cmd_entry *
default_sub(const struct cmd_entry *e)
{
	for (const struct cmd_entry *const *s = e->subs; *s != NULL; s++)
		if ((*s)->flags & CMD_DEFAULT)
			return *s;
	return NULL;
}

/* Writes one line per entry of TABLE: its name and summary. */
static void
list_entries(FILE *f, const struct cmd_entry *const *table)
{
	for (; *table != NULL; table++)
		fprintf(f, "  %-12s %s%s\n", (*table)->name, (*table)->summary,
		    (*table)->flags & CMD_DEFAULT ? " (the default)" : "");
}

struct global {
	struct cmd_ctx *ctx;
	const char *vault;
	const char *passfile;
	int bad;                        /* argv index just past a bad option */
};

enum { OPT_VAULT = 0x100, OPT_PASSFILE, OPT_JSON, OPT_USAGE, OPT_VERSION };

static const struct argp_option global_options[] = {
	{ "vault", OPT_VAULT, "PATH", 0, "vault file (default $TACT_VAULT, else "
	  "$XDG_DATA_HOME/tact/vault.db)", 0 },
	{ "passphrase-file", OPT_PASSFILE, "FILE", 0, "read the passphrase from FILE's first line "
	  "(default $TACT_PASSPHRASE_FILE)", 0 },
	{ "json", OPT_JSON, NULL, 0, "machine output: one JSON document on stdout", 0 },
	{ "help", '?', NULL, 0, "give this help list", -1 },
	{ "usage", OPT_USAGE, NULL, 0, "give a short usage message", -1 },
	{ "version", OPT_VERSION, NULL, 0, "print the program version", -1 },
	{ 0 }
};

static const struct argp global_argp;

static error_t
global_parse(int key, char *arg, struct argp_state *state)
{
	struct global *g = state->input;

	switch (key) {
	case '?':
	case OPT_USAGE:
		argp_help(&global_argp, stdout, key == '?' ? ARGP_HELP_STD_HELP :
		    ARGP_HELP_USAGE, (char *)"tact");
		g->ctx->done = 1;
		return EINVAL;
	case OPT_VERSION:
		printf("%s\n", argp_program_version);
		g->ctx->done = 1;
		return EINVAL;
	case ARGP_KEY_ERROR:
		g->bad = state->next;
		break;
	case OPT_VAULT:
		g->vault = arg;
		break;
	case OPT_PASSFILE:
		g->passfile = arg;
		break;
	case OPT_JSON:
		g->ctx->json = 1;
		break;
	case ARGP_KEY_NO_ARGS:
		return cmd_usage(state, "no command given (see 'tact --help')");
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static char *
global_help(int key, const char *text, void *input)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)input;
	if (key != ARGP_KEY_HELP_POST_DOC)
		return (char *)text;
	if ((f = open_memstream(&buf, &len)) == NULL)
		return (char *)text;
	fputs("Commands:\n", f);
	list_entries(f, commands);
	fputs("\nRun 'tact COMMAND --help' for a command's options.  Exit codes: 0 ok, 64 usage, "
	    "65 bad data or integrity failure, 66 not found, 73 cannot create, 74 I/O error, "
	    "77 wrong passphrase, locked or session expired.", f);
	fclose(f);
	return buf;
}

static const struct argp global_argp = {
	global_options, global_parse, "COMMAND [OPTION...]",
	"tact -- record why candidates turn offers down, encrypted, and turn it into "
	"debrief scripts and anonymized reports.\v", NULL, global_help, NULL
};

/* Whether ARGP has options of its own. */
static int
has_options(const struct argp *argp)
{
	return argp != NULL && argp->options != NULL &&
	    (argp->options[0].name != NULL || argp->options[0].key != 0);
}

/* Writes how entry E is used after its name, as argp's own help would,
 * each word after SEP. */
static void
usage_of(FILE *f, const struct cmd_entry *e, const char *sep)
{
	if (e->subs != NULL) {
		fprintf(f, "%sSUBCOMMAND [OPTION...]", sep);
		return;
	}
	if (has_options(e->argp)) {
		fprintf(f, "%s[OPTION...]", sep);
		sep = " ";
	}
	if (e->argp != NULL && e->argp->args_doc != NULL)
		fprintf(f, "%s%s", sep, e->argp->args_doc);
}

/* Prints the help of E, a command with subcommands, called NAME: how each
 * subcommand is used, E's own text, the options of its default subcommand
 * (which they are given to when no subcommand is named), and the list of
 * subcommands.  FLAGS is ARGP_HELP_STD_HELP or ARGP_HELP_USAGE. */
static void
parent_help(const struct cmd_entry *e, unsigned flags, const char *name)
{
	const struct cmd_entry *d = default_sub(e);
	const char *doc = e->argp != NULL && e->argp->doc != NULL ? e->argp->doc : e->summary;
	const char *vt = strchr(doc, '\v');
	struct argp help = { NULL, NULL, NULL, NULL, NULL, NULL, NULL }, options;
	char *usage = NULL, *text = NULL;
	size_t ulen = 0, tlen = 0;
	FILE *f;

	if ((f = open_memstream(&usage, &ulen)) == NULL)
		return;
	if (d != NULL) {
		usage_of(f, d, "");
		fputc('\n', f);
	}
	for (const struct cmd_entry *const *s = e->subs; *s != NULL; s++) {
		fprintf(f, "%s%s", s == e->subs ? "" : "\n", (*s)->name);
		usage_of(f, *s, " ");
	}
	if (fclose(f) != 0 || (f = open_memstream(&text, &tlen)) == NULL)
		goto out;
	/* argp shows all of a text whose part before \v is empty: never give it one. */
	if (vt == doc)
		fputs(e->summary, f);
	else
		fprintf(f, "%.*s", vt != NULL ? (int)(vt - doc) : (int)strlen(doc), doc);
	fputs("\vSubcommands:\n", f);
	list_entries(f, e->subs);
	if (vt != NULL && vt[1] != '\0')
		fprintf(f, "\n%s\n", vt + 1);
	fprintf(f, "\nRun '%s SUBCOMMAND --help' for its options.", name);
	if (fclose(f) != 0)
		goto out;
	help.args_doc = usage;
	help.doc = text;
	if (flags != ARGP_HELP_STD_HELP) {
		argp_help(&help, stdout, flags, (char *)name);
		goto out;
	}
	argp_help(&help, stdout, ARGP_HELP_SHORT_USAGE | ARGP_HELP_PRE_DOC, (char *)name);
	if (d != NULL && has_options(d->argp)) {
		options = *d->argp;
		options.args_doc = NULL;
		options.doc = NULL;
		putchar('\n');
		argp_help(&options, stdout, ARGP_HELP_LONG, (char *)name);
	}
	putchar('\n');
	argp_help(&help, stdout, ARGP_HELP_POST_DOC, (char *)name);
out:
	free(usage);
	free(text);
}

/* Opens and unlocks the vault as E's flags ask. */
static int
setup(struct cmd_ctx *ctx, const struct cmd_entry *e)
{
	struct unlock_src src = ctx->src;

	if (!(e->flags & (CMD_NEEDS_VAULT | CMD_NEEDS_KEY)))
		return 0;
	if ((ctx->vault = vault_open(ctx->vault_path, &ctx->err)) == NULL)
		return -1;
	if (!(e->flags & CMD_NEEDS_KEY))
		return 0;
	if (e->flags & CMD_PASSPHRASE)
		src.session = NULL;
	return vault_unlock(ctx->vault, &src, &ctx->err);
}

/* Runs E, an entry without subcommands, on ARGV (argv[0] is its name).
 * --help shows the help of HELP: E's own, or that of the command E is
 * the default subcommand of, when no subcommand was named. */
static int
run_leaf(struct cmd_ctx *ctx, const struct cmd_entry *e, const struct cmd_entry *help,
    int argc, char **argv)
{
	size_t size = e->opts_size != 0 ? e->opts_size : sizeof(struct cmd_opts);
	unsigned flags;
	void *opts;
	int rc = -1;

	if ((flags = cmd_wants_help(argc, argv)) != 0) {
		if (help == e)
			argp_help(e->argp, stdout, flags, argv[0]);
		else
			parent_help(help, flags, argv[0]);
		ctx->done = 1;
		return 0;
	}
	if ((opts = calloc(1, size)) == NULL)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	*(struct cmd_ctx **)opts = ctx;
	if (e->defaults != NULL)
		e->defaults(opts);
	if (cmd_parse(ctx, e->argp, argc, argv, opts) == 0 &&
	    (e->prepare == NULL || e->prepare(ctx, opts) == 0) && setup(ctx, e) == 0)
		rc = e->exec(ctx, opts);
	if (e->fini != NULL)
		e->fini(opts);
	wipe_free(opts, size);
	return rc;
}

/* Runs E on ARGV (argv[0] is its name, "tact key"), through its sub-table
 * if it has one. */
static int
run(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv)
{
	const struct cmd_entry *sub;
	char names[256], *word, *name;
	size_t len = 0;
	unsigned flags;
	int rc;

	if (e->subs == NULL)
		return run_leaf(ctx, e, e, argc, argv);
	if (argc > 1 && (sub = find_entry(e->subs, argv[1])) != NULL) {
		if (asprintf(&name, "%s %s", argv[0], sub->name) < 0)
			return terr_set(&ctx->err, EX_OSERR, "out of memory");
		word = argv[1];
		argv[1] = name;
		rc = run(ctx, sub, argc - 1, argv + 1);
		argv[1] = word;
		free(name);
		return rc;
	}
	if ((sub = default_sub(e)) != NULL)
		return run_leaf(ctx, sub, e, argc, argv);
	if ((flags = cmd_wants_help(argc > 2 ? 2 : argc, argv)) != 0) {
		parent_help(e, flags, argv[0]);
		ctx->done = 1;
		return 0;
	}
	/* "add, passwd, remove or list" */
	names[0] = '\0';
	for (const struct cmd_entry *const *s = e->subs; *s != NULL && len < sizeof(names); s++)
		len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s",
		    s == e->subs ? "" : s[1] == NULL ? " or " : ", ", (*s)->name);
	if (argc < 2)
		return terr_set(&ctx->err, EX_USAGE, "%s: %s? (see '%s --help')", e->name, names,
		    argv[0]);
	return terr_set(&ctx->err, EX_USAGE, "unknown %s command '%s' (%s)", e->name, argv[1],
	    names);
}

int
main(int argc, char **argv)
{
	struct cmd_ctx ctx;
	struct global g = { &ctx, NULL, NULL, 0 };
	struct tc_err ce = { 0 };
	const struct cmd_entry *cmd;
	char *vault_path = NULL, *name = NULL;
	int first = 0, rc = 0;

	memset(&ctx, 0, sizeof(ctx));
	umask(077);
	if (tc_init(&ce) != 0) {
		terr_crypto(&ctx.err, &ce);
		goto out;
	}
	if (argp_parse(&global_argp, argc, argv, ARGP_IN_ORDER | ARGP_NO_ERRS | ARGP_NO_HELP,
	    &first, &g) != 0) {
		if (!ctx.done && g.bad > 0 && g.bad <= argc)
			terr_set(&ctx.err, EX_USAGE, "unknown option or missing value '%s' "
			    "(see 'tact --help')", argv[g.bad - 1]);
		else if (!ctx.done)
			terr_set(&ctx.err, EX_USAGE, "bad arguments (see 'tact --help')");
		goto out;
	}
	if (first >= argc) {
		terr_set(&ctx.err, EX_USAGE, "no command given (see 'tact --help')");
		goto out;
	}
	if ((cmd = find_entry(commands, argv[first])) == NULL) {
		terr_set(&ctx.err, EX_USAGE, "unknown command '%s' (see 'tact --help')", argv[first]);
		goto out;
	}
	if (g.vault != NULL)
		vault_path = strdup(g.vault);
	else
		vault_path = vault_default_path();
	if (vault_path == NULL || *vault_path == '\0') {
		terr_set(&ctx.err, EX_USAGE, "no vault path");
		goto out;
	}
	ctx.vault_path = vault_path;
	ctx.src.session = getenv("TACT_SESSION");
	ctx.src.passfile = g.passfile != NULL ? g.passfile : getenv("TACT_PASSPHRASE_FILE");
	if (asprintf(&name, "tact %s", cmd->name) < 0) {
		name = NULL;
		terr_set(&ctx.err, EX_OSERR, "out of memory");
		goto out;
	}
	argv[first] = name;
	if (run(&ctx, cmd, argc - first, argv + first) != 0 && ctx.err.code == 0 && !ctx.done)
		terr_set(&ctx.err, EX_SOFTWARE, "%s failed", cmd->name);
	if (fflush(stdout) != 0 && ctx.err.code == 0)
		terr_set(&ctx.err, EX_IOERR, "cannot write output");
out:
	if (ctx.err.code != 0) {
		fprintf(stderr, "tact: %s\n", ctx.err.msg);
		rc = ctx.err.code;
	}
	vault_close(ctx.vault);
	free(vault_path);
	free(name);
	return rc;
}
