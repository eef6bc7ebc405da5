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

#include "core/base/suggest.h"
#include "core/base/wipe.h"
#include "cmd/cmd.h"

const char *argp_program_version = "tact 0.1.0";
const char *argp_program_bug_address = NULL;

static const struct cmd_entry help_entry;

/* The commands, in the order `tact --help` lists them. */
const struct cmd_entry *const cmd_commands[] = {
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
	&cmd_feedback_entry,
	&cmd_candidates_entry, &cmd_clients_entry,
	&cmd_delete_entry,
	&cmd_edit_entry,
	&cmd_rename_entry,
	&cmd_merge_entry,
	&cmd_config_entry,
	&cmd_completion_entry,
	&cmd_backup_entry,
	&cmd_restore_entry,
	&cmd_verify_entry,
	&cmd_export_entry,
	&cmd_team_entry,
	&help_entry,
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

struct global {
	struct cmd_ctx *ctx;
	int bad;                        /* argv index just past a bad option */
};

enum { OPT_USAGE = 0x100, OPT_VERSION };

static const struct argp_option global_options[] = {
	{ "help", 'h', NULL, 0, "give this help list (also -?, 'tact help')", -1 },
	{ NULL, '?', NULL, OPTION_HIDDEN, NULL, -1 },
	{ "usage", OPT_USAGE, NULL, 0, "give a short usage message", -1 },
	{ "version", OPT_VERSION, NULL, 0, "print the program version", -1 },
	{ 0 }
};

static const struct argp_child global_children[] = {
	{ &cmd_global_argp, 0, NULL, 0 }, { 0 }
};

static error_t global_parse(int key, char *arg, struct argp_state *state);

static const struct argp global_argp = {
	global_options, global_parse, "COMMAND [OPTION...]",
	"tact -- record why candidates turn offers down, encrypted, and turn it into "
	"debrief scripts and anonymized reports.", global_children, NULL, NULL
};

/* Writes tact's own help: FLAGS is ARGP_HELP_STD_HELP or ARGP_HELP_USAGE. */
static void
main_help(FILE *f, unsigned flags)
{
	if (flags != ARGP_HELP_STD_HELP) {
		argp_help(&global_argp, f, flags, (char *)"tact");
		return;
	}
	argp_help(&global_argp, f, ARGP_HELP_SHORT_USAGE | ARGP_HELP_PRE_DOC, (char *)"tact");
	fputs("\nCommands:\n", f);
	help_list(f, cmd_commands);
	fputs("\nOptions (before or after the command name):\n", f);
	argp_help(&global_argp, f, ARGP_HELP_LONG, (char *)"tact");
	fputc('\n', f);
	help_text(f, "Run 'tact help COMMAND' or 'tact COMMAND --help' for a command's options, "
	    "'man tact-COMMAND' for more.\n\nExit codes: 0 ok, 64 usage, 65 bad data or "
	    "integrity failure, 66 not found, 73 cannot create, 74 I/O error, 77 wrong passphrase, "
	    "locked or session expired.");
}

static error_t
global_parse(int key, char *arg, struct argp_state *state)
{
	struct global *g = state->input;

	(void)arg;
	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = g->ctx;
		break;
	case 'h':
	case '?':
	case OPT_USAGE:
		main_help(stdout, key == OPT_USAGE ? ARGP_HELP_USAGE : ARGP_HELP_STD_HELP);
		g->ctx->done = 1;
		return EINVAL;
	case OPT_VERSION:
		printf("%s\n", argp_program_version);
		g->ctx->done = 1;
		return EINVAL;
	case ARGP_KEY_ERROR:
		g->bad = state->next;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

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
 * subcommand is used, E's own text, the list of subcommands, the options
 * of its default subcommand (which they are given to when no subcommand
 * is named) and the global options.  FLAGS is ARGP_HELP_STD_HELP or
 * ARGP_HELP_USAGE. */
static void
parent_help(const struct cmd_entry *e, unsigned flags, const char *name)
{
	const struct cmd_entry *d = default_sub(e);
	const char *doc = e->argp != NULL && e->argp->doc != NULL ? e->argp->doc : e->summary;
	const char *vt = strchr(doc, '\v');
	struct argp_child children[] = { { NULL, 0, NULL, 0 }, { 0 } };
	struct argp help = { NULL, NULL, NULL, NULL, children + 1, NULL, NULL }, options;
	char *usage = NULL, *text = NULL;
	size_t ulen = 0;
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
	if (fclose(f) != 0)
		goto out;
	help.args_doc = usage;
	if (flags != ARGP_HELP_STD_HELP) {
		argp_help(&help, stdout, flags, (char *)name);
		goto out;
	}
	argp_help(&help, stdout, ARGP_HELP_SHORT_USAGE, (char *)name);
	/* The text before \v, or the summary. */
	if ((text = vt == doc ? strdup(e->summary) : vt != NULL ? strndup(doc, (size_t)(vt - doc)) :
	    strdup(doc)) != NULL)
		help_text(stdout, text);
	fputs("\nSubcommands:\n", stdout);
	help_list(stdout, e->subs);
	if (d != NULL && has_options(d->argp)) {
		options = *d->argp;
		options.args_doc = NULL;
		options.doc = NULL;
		printf("\nOptions of '%s' without a subcommand (those of '%s'):\n", name, d->name);
		argp_help(&options, stdout, ARGP_HELP_LONG, (char *)name);
	}
	children[0].argp = &cmd_global_argp;
	help.children = children;
	printf("\nGlobal options:\n");
	argp_help(&help, stdout, ARGP_HELP_LONG, (char *)name);
	if (vt != NULL && vt[1] != '\0') {
		putchar('\n');
		help_text(stdout, vt + 1);
	}
	printf("\nRun '%s SUBCOMMAND --help' for its options.\n", name);
out:
	free(usage);
	free(text);
}

/* Sets the usage error for WORD, not a command of TABLE (WHAT names it);
 * HINT ends the message when no name is near. */
static int
unknown_command(struct cmd_ctx *ctx, const struct cmd_entry *const *table, const char *what,
    const char *word, const char *hint)
{
	const char *names[64], *near;
	size_t n = 0;

	for (; *table != NULL && n < 64; table++)
		names[n++] = (*table)->name;
	if ((near = suggest_word(word, names, n)) != NULL)
		return terr_set(&ctx->err, EX_USAGE, "unknown %s '%s' (did you mean '%s'?)", what,
		    word, near);
	return terr_set(&ctx->err, EX_USAGE, "unknown %s '%s' (%s)", what, word, hint);
}

/* Opens and unlocks the vault as E's flags ask. */
static int
setup(struct cmd_ctx *ctx, const struct cmd_entry *e)
{
	struct unlock_src src = ctx->src;

	if (!(e->flags & (CMD_NEEDS_VAULT | CMD_NEEDS_KEY)))
		return 0;
	if ((ctx->vault = (e->flags & CMD_READONLY ? vault_open_readonly :
	    vault_open)(ctx->vault_path, &ctx->err)) == NULL)
		return -1;
	if (!(e->flags & CMD_NEEDS_KEY))
		return 0;
	if (e->flags & CMD_PASSPHRASE)
		src.session = NULL;
	return cmd_unlock(ctx, ctx->vault, &src);
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
			help_command(stdout, e->argp, argv[0], flags);
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
	/* A word that is no option, given to a default that takes no words, is
	 * a misspelt subcommand. */
	if ((sub = default_sub(e)) != NULL && (argc < 2 || argv[1][0] == '-' ||
	    sub->argp->args_doc != NULL))
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
	return unknown_command(ctx, e->subs, "subcommand", argv[1], names);
}

/* `tact help [COMMAND [SUBCOMMAND]]`: the words, and the help they name. */
struct help_opts {
	struct cmd_ctx *ctx;
	char *words[2];
	int n;
};

static error_t
help_parse(int key, char *arg, struct argp_state *state)
{
	struct help_opts *o = state->input;

	if (key != ARGP_KEY_ARG)
		return ARGP_ERR_UNKNOWN;
	if (o->n == 2)
		return cmd_usage(state, "unexpected argument '%s' (see 'tact help')", arg);
	o->words[o->n++] = arg;
	return 0;
}

static const struct argp help_argp = {
	NULL, help_parse, "[COMMAND [SUBCOMMAND]]",
	"Show the list of commands, or the help of one command.\v"
	"'tact help log' is 'tact log --help'; 'tact help' is 'tact --help'.", NULL, NULL, NULL
};

static int run(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv);

static int
help_exec(struct cmd_ctx *ctx, void *opts)
{
	struct help_opts *o = opts;
	const struct cmd_entry *e;
	char *argv[4], *name;
	int argc = 0, rc;

	if (o->n == 0) {
		main_help(stdout, ARGP_HELP_STD_HELP);
		return 0;
	}
	if ((e = find_entry(cmd_commands, o->words[0])) == NULL)
		return unknown_command(ctx, cmd_commands, "command", o->words[0],
		    "see 'tact help'");
	if (o->n == 2 && (e->subs == NULL || find_entry(e->subs, o->words[1]) == NULL))
		return e->subs == NULL ? terr_set(&ctx->err, EX_USAGE, "%s has no subcommands",
		    e->name) : unknown_command(ctx, e->subs, "subcommand", o->words[1],
		    "see 'tact help'");
	if (asprintf(&name, "tact %s", e->name) < 0)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	argv[argc++] = name;
	if (o->n == 2)
		argv[argc++] = o->words[1];
	argv[argc++] = (char *)"--help";
	argv[argc] = NULL;
	rc = run(ctx, e, argc, argv);
	free(name);
	return rc;
}

static const struct cmd_entry help_entry = {
	.name = "help",
	.summary = "show the commands, or one command's help",
	.argp = &help_argp,
	.opts_size = CMD_OPTS(struct help_opts),
	.exec = help_exec,
};

int
main(int argc, char **argv)
{
	struct cmd_ctx ctx;
	struct global g = { &ctx, 0 };
	struct tc_err ce = { 0 };
	struct terr config_err = { 0 };
	const struct cmd_entry *cmd;
	const char *env;
	char *vault_path = NULL, *name = NULL;
	int first = 0, rc = 0;

	memset(&ctx, 0, sizeof(ctx));
	umask(077);
	/* jansson holds names and notes of import, export and --json output:
	 * what it gives back is wiped first. */
	json_set_alloc_funcs(malloc, wipe_free_any);
	if (tc_init(&ce) != 0) {
		terr_crypto(&ctx.err, &ce);
		goto out;
	}
	/* Read first, so that --vault wins over the file; a bad file is
	 * reported only when a command is to run, so help still works. */
	config_load(&ctx.config, NULL, &config_err);
	if (argp_parse(&global_argp, argc, argv, ARGP_IN_ORDER | ARGP_NO_ERRS | ARGP_NO_HELP,
	    &first, &g) != 0) {
		if (!ctx.done && ctx.err.code == 0 && g.bad > 0 && g.bad <= argc)
			cmd_bad_option(&ctx, &global_argp, argv[g.bad - 1], "tact");
		else if (!ctx.done && ctx.err.code == 0)
			terr_set(&ctx.err, EX_USAGE, "bad arguments (see 'tact --help')");
		goto out;
	}
	if (first >= argc) {
		/* A bare `tact`: what there is to run, and a usage error. */
		printf("Usage: tact COMMAND [OPTION...]\n\nCommands:\n");
		help_list(stdout, cmd_commands);
		printf("\nRun 'tact help COMMAND' for a command's options.\n");
		terr_set(&ctx.err, EX_USAGE, "no command given (see 'tact help')");
		goto out;
	}
	if ((cmd = find_entry(cmd_commands, argv[first])) == NULL) {
		unknown_command(&ctx, cmd_commands, "command", argv[first], "see 'tact help'");
		goto out;
	}
	if (config_err.code != 0 && cmd != &help_entry) {
		ctx.err = config_err;
		goto out;
	}
	/* The vault: --vault, else $TACT_VAULT, else the config's, else the default. */
	if (ctx.vault_path == NULL) {
		if ((env = getenv("TACT_VAULT")) != NULL && *env != '\0')
			rc = config_set(&ctx.config, CONF_VAULT_PATH, env, "$TACT_VAULT");
		else if (config_get(&ctx.config, CONF_VAULT_PATH) == NULL) {
			if ((vault_path = vault_default_path()) == NULL || *vault_path == '\0') {
				terr_set(&ctx.err, EX_USAGE, "no vault path");
				goto out;
			}
			rc = config_set(&ctx.config, CONF_VAULT_PATH, vault_path, "default");
		}
		if (rc != 0) {
			terr_set(&ctx.err, EX_OSERR, "out of memory");
			goto out;
		}
		ctx.vault_path = config_get(&ctx.config, CONF_VAULT_PATH);
	}
	ctx.src.session = getenv("TACT_SESSION");
	if (ctx.src.passfile == NULL)
		ctx.src.passfile = getenv("TACT_PASSPHRASE_FILE");
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
	config_clear(&ctx.config);
	free(vault_path);
	free(name);
	return rc;
}
