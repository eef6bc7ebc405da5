/* guarded.h - output that passes the leak guard first (see guarded.c). */
#ifndef TACT_GUARDED_H
#define TACT_GUARDED_H

#include <stdint.h>

#include "core/confidential/guard.h"
#include "cmd/cmd.h"

/* Renders with a derived seed into a new string (free it), or NULL with ctx->err set. */
typedef char *(*cmd_render_fn)(struct cmd_ctx *ctx, uint64_t seed, void *arg);

#define CMD_SAYABLE_MAX 4

/* The guard, and the whole names an output may say although a part of
 * them is also part of a name that must not be said: the candidate's, the
 * client's, a note's recipient's ("Anna Smith" may be said when an "Anna
 * Jones" was seen negatively; "Anna" alone may not). */
struct cmd_wording {
	const struct guard *guard;
	const char *sayable[CMD_SAYABLE_MAX + 1];       /* NULL-terminated */
};

/* Fills W with guard G and the NULL-terminated names of SAYABLE (NULL
 * entries are skipped, at most CMD_SAYABLE_MAX kept). */
void cmd_wording_init(struct cmd_wording *w, const struct guard *g, const char *const *sayable,
    size_t n);
/* Checks one piece of wording a script builder is about to use (a line, a
 * greeting, a signature) with the cmd_wording WORDING: 0 if TEXT may be
 * said.  It is the wording_check_fn the builders of core/scripts/ take; the
 * whole rendered output is checked once more by cmd_guarded(). */
int cmd_check_wording(void *wording, const char *text);
/* Returns the first rendering the guard passes as a whole; NULL with
 * ctx->err ("WHAT would disclose confidential content; ...") if none.
 * SEED is the keyed seed (keyring_script_seed()). */
char *cmd_guarded(struct cmd_ctx *ctx, const struct cmd_wording *w, uint64_t seed,
    const char *what, cmd_render_fn render, void *arg);
/* Renders OBJ into a new string (free it): J as JSON when --json (J is
 * consumed), else WRITE's text.  NULL with ctx->err when out of memory. */
char *cmd_render(struct cmd_ctx *ctx, json_t *j, void (*write)(const void *obj, FILE *out),
    const void *obj);
/* Prints OUT (and a newline if asked), then wipes and frees it. */
void cmd_print_secret(char *out, int newline);

#endif
