/*
 * verify.c - `tact verify`: is the vault whole?  SQLite's integrity check,
 * then every sealed value of every table opened and checked against its
 * row (core/records/verify.c), a count per table and every damaged record
 * named.  The vault is opened read-only: verify never writes.
 */
#include <stdio.h>
#include <string.h>

#include "core/records/verify.h"
#include "cmd/cmd.h"
#include "cmd/forget.h"

struct verify_opts {
	struct cmd_ctx *ctx;
	json_t *problems;       /* --json: the damaged records */
	char first[256];        /* the first problem, for the error */
};

static const struct argp_option options[] = {
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	if (key == ARGP_KEY_ARG)
		return cmd_usage(state, "unexpected argument '%s'", arg);
	return ARGP_ERR_UNKNOWN;
}

static const struct argp argp = {
	options, parse, NULL,
	"Check the vault: the database's own integrity check, then every sealed value of every "
	"table opened and checked against its row.\v"
	"Prints how many records each table holds and names every damaged one (exit 65 if "
	"any); the other records are still checked and counted.  Reads without writing.\n\n"
	"Example:  tact verify",
	NULL, NULL, NULL
};

static int
problem(void *arg, int table, long long id, const char *msg)
{
	struct verify_opts *o = arg;

	(void)id;
	if (o->first[0] == '\0')
		snprintf(o->first, sizeof(o->first), "%s", msg);
	if (o->problems != NULL)
		json_array_append_new(o->problems, json_pack("{s:s, s:I, s:s}", "table",
		    table < 0 ? "database" : verify_table_name(table), "id", (json_int_t)id,
		    "problem", msg));
	else
		printf("damaged: %s\n", msg);
	return 0;
}

static int
print_counts(struct cmd_ctx *ctx, struct verify_opts *o, const struct verify_counts *c,
    long long found)
{
	json_t *tables;

	if (ctx->json) {
		tables = json_object();
		for (int t = 0; t < VERIFY_TABLES; t++)
			json_object_set_new(tables, verify_table_name(t), json_pack("{s:I, s:I}",
			    "records", (json_int_t)c->rows[t], "damaged", (json_int_t)c->damaged[t]));
		json_object_set_new(json_object_get(tables, "key slots"), "unchecked",
		    json_integer(c->slots_unchecked));
		return cmd_print_json(ctx, json_pack("{s:o, s:i, s:o, s:b}", "tables", tables,
		    "integrity_problems", c->integrity, "damaged", o->problems, "ok", found == 0));
	}
	for (int t = 0; t < VERIFY_TABLES; t++) {
		printf("%-12s %8lld record%s", verify_table_name(t), c->rows[t],
		    c->rows[t] == 1 ? ", " : "s,");
		printf(" %lld damaged", c->damaged[t]);
		if (t == VERIFY_SLOTS && c->slots_unchecked > 0)
			printf(" (%lld opened by other passphrases: checked for form only)",
			    c->slots_unchecked);
		printf("\n");
	}
	printf("database     %s\n", c->integrity ? "integrity check failed" : "integrity check ok");
	return 0;
}

static int
verify_exec(struct cmd_ctx *ctx, void *opts)
{
	struct verify_opts *o = opts;
	struct verify_counts c;
	long long found;

	if (ctx->json && (o->problems = json_array()) == NULL)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	found = vault_verify(ctx->vault, problem, o, &c, &ctx->err);
	if (found < 0) {
		json_decref(o->problems);
		return -1;
	}
	if (print_counts(ctx, o, &c, found) != 0)
		return -1;
	retention_notice(ctx);
	if (found > 0)
		return terr_set(&ctx->err, EX_DATAERR, "%lld damaged record%s or database problem%s, "
		    "the first %s; restore a backup (tact restore) or correct them", found,
		    found == 1 ? "" : "s", found == 1 ? "" : "s", o->first);
	return 0;
}

const struct cmd_entry cmd_verify_entry = {
	.name = "verify",
	.summary = "check the vault: open every sealed value, name every damaged record",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY | CMD_READONLY,
	.opts_size = CMD_OPTS(struct verify_opts),
	.exec = verify_exec,
};
