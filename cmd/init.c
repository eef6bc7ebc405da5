/* init.c - `tact init`: create a vault and its first key slot. */
#include <string.h>

#include "cmd/cmd.h"

struct init_opts {
	struct cmd_ctx *ctx;
	enum tc_kdf kdf;
};

static const struct argp_option options[] = {
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost: interactive (default), moderate or sensitive", 0 },
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
	"asked twice on the terminal.  Refuses (exit 73) if the vault already exists.",
	NULL, NULL, NULL
};

static void
init_defaults(void *opts)
{
	struct init_opts *o = opts;

	o->kdf = TC_KDF_INTERACTIVE;
}

static int
init_exec(struct cmd_ctx *ctx, void *opts)
{
	struct init_opts *o = opts;
	struct unlock_src src = { NULL, ctx->src.passfile };
	struct secret *pass;

	if ((pass = vault_ask_passphrase(&src, "New vault passphrase: ", 1, &ctx->err)) == NULL)
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
