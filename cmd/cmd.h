/*
 * cmd.h - the command table's entries and what every command shares (cmd.c).
 *
 * Adding a command, the checklist:
 *   1. cmd/<name>.c with its own argp options and a cmd_<name>_exec();
 *   2. its line in the table in cmd/main.c (name, summary, flags, exec);
 *   3. nothing to do in the Makefile: it builds every .c file in cmd/;
 *   4. man/tact-<name>.1, clean under `mandoc -T lint`;
 *   5. a section with an example in README.md;
 *   6. tests: units in tests/check_*.c for core/, end-to-end in tests/e2e/.
 */
#ifndef TACT_CMD_H
#define TACT_CMD_H

#include <argp.h>
#include <jansson.h>
#include <stdio.h>

#include "core/base/error.h"
#include "core/store/vault.h"

#define CMD_NEEDS_VAULT 0x1     /* open the vault before running */
#define CMD_NEEDS_KEY   0x2     /* and unlock it */

struct cmd_entry;

struct cmd_ctx {
	const struct cmd_entry *cmd;
	const char *vault_path;
	struct unlock_src src;
	int json;
	struct vault *vault;            /* set by cmd_ready() per the entry's flags */
	struct terr err;
	int done;                       /* help or version shown: stop, exit 0 */
};

struct cmd_entry {
	const char *name;
	const char *summary;
	unsigned flags;
	int (*exec)(struct cmd_ctx *ctx, int argc, char **argv);  /* 0, or -1 with ctx->err */
};

/* Parses the command's own options (argv[0] is "tact NAME"); -1 on a usage error. */
int cmd_parse(struct cmd_ctx *ctx, const struct argp *argp, int argc, char **argv, void *input);
/* Opens and unlocks the vault as the command's flags ask. */
int cmd_ready(struct cmd_ctx *ctx);
/* Prints J as one JSON document on stdout and frees it. */
int cmd_print_json(struct cmd_ctx *ctx, json_t *j);
/* Sets a usage error from an argp parser; returns EINVAL for argp. */
int cmd_usage(struct argp_state *state, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Whether stdin and stderr are a terminal a person can answer on. */
int cmd_interactive(void);
/* Parses a whole decimal number in [MIN, MAX]; -1 if it is not one. */
int cmd_number(const char *s, long long min, long long max, long long *out);

/* For commands that take one turndown ID: handles ARGP_KEY_ARG and ARGP_KEY_END. */
int cmd_arg_turndown(struct argp_state *state, int key, const char *arg, long long *id);
/* Parses --seed N into *SEED. */
int cmd_opt_seed(struct argp_state *state, const char *arg, long long *seed);
/* A random seed, for when the user gives none. */
long long cmd_random_seed(void);
/* A JSON array of the N strings of LIST. */
json_t *cmd_json_strings(char **list, size_t n);

#define CMD_DECLARE(n) int cmd_##n##_exec(struct cmd_ctx *ctx, int argc, char **argv)
CMD_DECLARE(init);
CMD_DECLARE(unlock);
CMD_DECLARE(lock);
CMD_DECLARE(key);
CMD_DECLARE(log);
CMD_DECLARE(import);
CMD_DECLARE(list);
CMD_DECLARE(show);
CMD_DECLARE(forget);
CMD_DECLARE(categories);
CMD_DECLARE(debrief);
CMD_DECLARE(report);
CMD_DECLARE(decline);
CMD_DECLARE(notes);
CMD_DECLARE(followup);

#endif
