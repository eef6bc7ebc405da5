/*
 * init.c - `tact init`: create a vault and its first key slot.
 *
 * On a terminal the passphrase is asked twice; answers that differ, or a
 * passphrase too weak to keep, are asked again, three tries in all.  The
 * strength is libzxcvbn's estimate (core/base/strength.c): a weak one is
 * taken with a warning that gives the estimate, a trivially weak one only
 * with --weak-passphrase (a test vault, a throw-away demo).
 */
#include <string.h>

#include "core/base/strength.h"
#include "cmd/cmd.h"

#define INIT_TRIES 3

struct init_opts {
	struct cmd_ctx *ctx;
	enum tc_kdf kdf;
	int weak;
};

enum { O_WEAK = 0x100 };

static const struct argp_option options[] = {
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost: interactive (default), moderate or sensitive", 0 },
	{ "weak-passphrase", O_WEAK, NULL, 0, "accept a passphrase that is trivially weak (for a "
	  "throw-away vault)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct init_opts *o = state->input;

	switch (key) {
	case 'k':
		if (tc_kdf_parse(arg, &o->kdf) != 0)
			return cmd_usage(state, "unknown --kdf '%s' (interactive, moderate or "
			    "sensitive)", arg);
		break;
	case O_WEAK:
		o->weak = 1;
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "init takes no arguments");
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, NULL,
	"Create a new encrypted vault and its first key slot.\v"
	"The passphrase comes from --passphrase-file (or $TACT_PASSPHRASE_FILE), else it is "
	"asked twice on the terminal (three tries).  Its strength is estimated with zxcvbn: "
	"below 50 bits tact warns, below 20 it refuses unless --weak-passphrase.  Refuses "
	"(exit 73) if the vault already exists.\n"
	"\n"
	"Example:\n"
	"  tact init --kdf moderate",
	NULL, NULL, NULL
};

static void
init_defaults(void *opts)
{
	struct init_opts *o = opts;

	o->kdf = TC_KDF_INTERACTIVE;
}

/* Checks the strength of PASS: 0 to go on (after a warning if weak), -1
 * with ctx->err set if it is too weak to take. */
static int
check_strength(struct cmd_ctx *ctx, struct init_opts *o, const struct secret *pass)
{
	const char *words[] = { "tact", "vault", "recruiter",
		config_get(&ctx->config, CONF_RECRUITER_NAME),
		config_get(&ctx->config, CONF_RECRUITER_FIRM), NULL };
	double bits;

	/* A name not set ends the list early: the rest is NULL too. */
	if (words[3] == NULL)
		words[4] = NULL;
	bits = strength_bits(secret_str(pass), words);
	if (bits < STRENGTH_REFUSE_BITS && !o->weak)
		return terr_set(&ctx->err, EX_DATAERR, "passphrase too weak: about %.0f bits by "
		    "zxcvbn's estimate, %.0f at least (a few more words; or --weak-passphrase "
		    "for a throw-away vault)", bits, STRENGTH_REFUSE_BITS);
	if (bits < STRENGTH_WARN_BITS)
		cmd_notice("weak passphrase: about %.0f bits by zxcvbn's estimate (%.0f or more is "
		    "good); 'tact key passwd' changes it", bits, STRENGTH_WARN_BITS);
	return 0;
}

/* Returns the new vault's passphrase, asked again on a terminal after a
 * mismatch or a refusal; NULL with ctx->err set. */
static struct secret *
ask(struct cmd_ctx *ctx, struct init_opts *o)
{
	struct unlock_src src = { NULL, ctx->src.passfile };
	int tty = src.passfile == NULL || *src.passfile == '\0';
	struct secret *pass;

	for (int try = 1; ; try++) {
		if ((pass = vault_ask_passphrase(&src, "New vault passphrase: ", 1,
		    &ctx->err)) != NULL && check_strength(ctx, o, pass) == 0)
			return pass;
		secret_free(pass);
		/* No terminal (77) and a file's passphrase are not asked again. */
		if (!tty || ctx->err.code != EX_DATAERR || try == INIT_TRIES)
			return NULL;
		cmd_notice("%s; try again (%d of %d)", ctx->err.msg, try + 1, INIT_TRIES);
		terr_clear(&ctx->err);
	}
}

static int
init_exec(struct cmd_ctx *ctx, void *opts)
{
	struct init_opts *o = opts;
	struct secret *pass;

	if ((pass = ask(ctx, o)) == NULL)
		return -1;
	ctx->vault = vault_init(ctx->vault_path, pass, o->kdf, &ctx->err);
	secret_free(pass);
	if (ctx->vault == NULL)
		return -1;
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:s, s:i}", "vault", ctx->vault_path,
		    "slot", 1));
	printf("created vault %s (key slot 1)\n", ctx->vault_path);
	return 0;
}

/* No flags: the vault does not exist yet; init_exec() creates it. */
const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.summary = "create a vault and its first key slot",
	.argp = &argp,
	.opts_size = CMD_OPTS(struct init_opts),
	.defaults = init_defaults,
	.exec = init_exec,
};
