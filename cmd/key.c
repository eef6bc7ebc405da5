/*
 * key.c - `tact key add|passwd|remove|list`: the vault's key slots.
 *
 * Every slot wraps the same master key under its own passphrase, so adding
 * or changing one never touches the data.  Changing slots always asks for a
 * passphrase that opens a slot, never a session token: a borrowed session
 * must not be enough to plant a passphrase of one's own.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

struct key_opts {
	struct cmd_ctx *ctx;
	enum tc_kdf kdf;
	const char *newfile;
	long long slot;
	int kdf_set;
};

static const struct argp_option add_options[] = {
	{ "new-passphrase-file", 'n', "FILE", 0, "read the new passphrase from FILE's first line "
	  "(default: ask twice on the terminal)", 0 },
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost of the slot: interactive (default), moderate or "
	  "sensitive", 0 },
	{ 0 }
};

static const struct argp_option passwd_options[] = {
	{ "new-passphrase-file", 'n', "FILE", 0, "read the new passphrase from FILE's first line "
	  "(default: ask twice on the terminal)", 0 },
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost: interactive, moderate or sensitive (default: "
	  "the slot's current one)", 0 },
	{ "slot", 's', "N", 0, "the slot to change (default: the one the passphrase opens)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct key_opts *o = state->input;

	switch (key) {
	case 'n':
		o->newfile = arg;
		break;
	case 'k':
		if (tc_kdf_parse(arg, &o->kdf) != 0)
			return cmd_usage(state, "unknown --kdf '%s' (interactive, moderate or "
			    "sensitive)", arg);
		o->kdf_set = 1;
		break;
	case 's':
		if (cmd_number(arg, 1, 1000000, &o->slot) != 0)
			return cmd_usage(state, "--slot wants a slot number, not '%s'", arg);
		break;
	case ARGP_KEY_ARG:
		if (o->slot == 0 && state->argv[0] != NULL && strstr(state->argv[0], "remove") &&
		    cmd_number(arg, 1, 1000000, &o->slot) == 0)
			break;
		return cmd_usage(state, "unexpected argument '%s'", arg);
	case ARGP_KEY_END:
		if (strstr(state->argv[0], "remove") && o->slot == 0)
			return cmd_usage(state, "key remove: which slot? (see 'tact key list')");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp add_argp = {
	add_options, parse, NULL,
	"Add a key slot: a further passphrase that opens the same vault.\v"
	"The current passphrase (--passphrase-file or the terminal) must open a slot first.",
	NULL, NULL, NULL
};
static const struct argp passwd_argp = {
	passwd_options, parse, NULL,
	"Change a key slot's passphrase.  Only the master key is re-wrapped; the data is not "
	"touched.", NULL, NULL, NULL
};
static const struct argp remove_argp = {
	NULL, parse, "SLOT",
	"Remove a key slot, so its passphrase no longer opens the vault.  The last slot cannot be "
	"removed.", NULL, NULL, NULL
};
static const struct argp list_argp = {
	NULL, parse, NULL,
	"List the key slots with their key-derivation settings and creation dates (never any key "
	"material).", NULL, NULL, NULL
};

/* Opens the vault with a passphrase (never a session). */
static int
unlock_by_passphrase(struct cmd_ctx *ctx)
{
	struct unlock_src src = { NULL, ctx->src.passfile };

	return vault_unlock(ctx->vault, &src, &ctx->err);
}

static struct secret *
new_passphrase(struct cmd_ctx *ctx, const struct key_opts *o)
{
	struct unlock_src src = { NULL, o->newfile };

	if (o->newfile == NULL && !cmd_interactive()) {
		terr_set(&ctx->err, EX_USAGE, "no new passphrase: give --new-passphrase-file FILE "
		    "or run on a terminal");
		return NULL;
	}
	return vault_ask_passphrase(&src, "New passphrase: ", 1, &ctx->err);
}

static int
key_add(struct cmd_ctx *ctx, struct key_opts *o)
{
	struct secret *pass;
	long long id;

	if (unlock_by_passphrase(ctx) != 0 || (pass = new_passphrase(ctx, o)) == NULL)
		return -1;
	if (vault_begin(ctx->vault, &ctx->err) != 0) {
		secret_free(pass);
		return -1;
	}
	id = vault_slot_add(ctx->vault, pass, o->kdf, &ctx->err);
	secret_free(pass);
	if (id < 0 || vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		return -1;
	}
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I}", "slot", (json_int_t)id));
	printf("added key slot %lld\n", id);
	return 0;
}

/* Sets *KDF to slot ID's current level, so changing a passphrase never
 * weakens the slot by accident. */
static void
keep_level(struct cmd_ctx *ctx, long long id, enum tc_kdf *kdf)
{
	struct slot_info *s;
	struct terr e = { 0 };
	int n = vault_slot_list(ctx->vault, &s, &e);

	for (int i = 0; i < n; i++)
		if (s[i].id == id)
			tc_kdf_parse(tc_kdf_name(s[i].opslimit, s[i].memlimit), kdf);
	if (n >= 0)
		free(s);
	(void)ctx;
}

static int
key_passwd(struct cmd_ctx *ctx, struct key_opts *o)
{
	struct secret *pass;
	long long id;
	int rc;

	if (unlock_by_passphrase(ctx) != 0 || (pass = new_passphrase(ctx, o)) == NULL)
		return -1;
	id = o->slot ? o->slot : ctx->vault->slot_opened;
	if (!o->kdf_set)
		keep_level(ctx, id, &o->kdf);
	rc = vault_begin(ctx->vault, &ctx->err);
	if (rc == 0)
		rc = vault_slot_rewrap(ctx->vault, id, pass, o->kdf, &ctx->err);
	secret_free(pass);
	if (rc != 0 || vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		return -1;
	}
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I}", "slot", (json_int_t)id));
	printf("changed the passphrase of key slot %lld\n", id);
	return 0;
}

static int
key_remove(struct cmd_ctx *ctx, struct key_opts *o)
{
	if (unlock_by_passphrase(ctx) != 0 || vault_begin(ctx->vault, &ctx->err) != 0)
		return -1;
	if (vault_slot_remove(ctx->vault, o->slot, &ctx->err) != 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		return -1;
	}
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I}", "removed", (json_int_t)o->slot));
	printf("removed key slot %lld\n", o->slot);
	return 0;
}

static int
key_list(struct cmd_ctx *ctx)
{
	struct slot_info *s;
	json_t *arr;
	int n, i;

	if ((n = vault_slot_list(ctx->vault, &s, &ctx->err)) < 0)
		return -1;
	if (ctx->json) {
		arr = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:I, s:I}",
			    "slot", (json_int_t)s[i].id, "created", s[i].created,
			    "kdf", "argon2id", "level", tc_kdf_name(s[i].opslimit, s[i].memlimit),
			    "opslimit", (json_int_t)s[i].opslimit,
			    "memlimit", (json_int_t)s[i].memlimit));
		free(s);
		return cmd_print_json(ctx, arr);
	}
	printf("%-5s %-21s %-9s %-12s %s\n", "SLOT", "CREATED", "KDF", "LEVEL", "LIMITS");
	for (i = 0; i < n; i++)
		printf("%-5lld %-21s %-9s %-12s ops=%llu mem=%zuMiB\n", s[i].id, s[i].created,
		    "argon2id", tc_kdf_name(s[i].opslimit, s[i].memlimit), s[i].opslimit,
		    s[i].memlimit >> 20);
	free(s);
	return 0;
}

int
cmd_key_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct key_opts o = { ctx, TC_KDF_INTERACTIVE, NULL, 0, 0 };
	const struct argp *argp;
	const char *sub = argc > 1 ? argv[1] : NULL;
	char *name = NULL;
	int rc;

	if (sub == NULL || strcmp(sub, "--help") == 0 || strcmp(sub, "-?") == 0) {
		if (sub == NULL)
			return terr_set(&ctx->err, EX_USAGE, "key: add, passwd, remove or list? "
			    "(see 'tact key --help')");
		printf("Usage: tact key add|passwd|remove|list [OPTION...]\n\n"
		    "  add      add a key slot with a new passphrase\n"
		    "  passwd   change a key slot's passphrase\n"
		    "  remove   remove a key slot\n"
		    "  list     list the key slots\n\n"
		    "Run 'tact key SUBCOMMAND --help' for its options.\n");
		return 0;
	}
	if (strcmp(sub, "add") == 0)
		argp = &add_argp;
	else if (strcmp(sub, "passwd") == 0)
		argp = &passwd_argp;
	else if (strcmp(sub, "remove") == 0)
		argp = &remove_argp;
	else if (strcmp(sub, "list") == 0)
		argp = &list_argp;
	else
		return terr_set(&ctx->err, EX_USAGE, "unknown key command '%s' (add, passwd, remove "
		    "or list)", sub);
	if (asprintf(&name, "tact key %s", sub) < 0)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	argv[1] = name;
	rc = cmd_parse(ctx, argp, argc - 1, argv + 1, &o);
	if (rc == 0)
		rc = cmd_ready(ctx);
	if (rc == 0) {
		if (argp == &add_argp)
			rc = key_add(ctx, &o);
		else if (argp == &passwd_argp)
			rc = key_passwd(ctx, &o);
		else if (argp == &remove_argp)
			rc = key_remove(ctx, &o);
		else
			rc = key_list(ctx);
	}
	argv[1] = (char *)sub;
	free(name);
	return rc;
}
