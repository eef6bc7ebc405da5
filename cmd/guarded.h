/* guarded.h - output that passes the leak guard first (see guarded.c). */
#ifndef TACT_GUARDED_H
#define TACT_GUARDED_H

#include <stdint.h>

#include "core/confidential/guard.h"
#include "cmd/cmd.h"

/* Renders with a derived seed into a new string (free it), or NULL with ctx->err set. */
typedef char *(*cmd_render_fn)(struct cmd_ctx *ctx, uint64_t seed, void *arg);

/* Checks one piece of wording a script builder is about to use (a line, a
 * greeting, a signature) with the guard GUARD: 0 if TEXT may be said.  It
 * is the wording_check_fn the builders of core/scripts/ take; the whole
 * rendered output is checked once more by cmd_guarded(). */
int cmd_check_wording(void *guard, const char *text);
/* Returns the first rendering the guard passes as a whole; NULL with
 * ctx->err ("WHAT would disclose confidential content; ...") if none. */
char *cmd_guarded(struct cmd_ctx *ctx, const struct guard *g, uint64_t seed, const char *what,
    cmd_render_fn render, void *arg);
/* Renders OBJ into a new string (free it): J as JSON when --json (J is
 * consumed), else WRITE's text.  NULL with ctx->err when out of memory. */
char *cmd_render(struct cmd_ctx *ctx, json_t *j, void (*write)(const void *obj, FILE *out),
    const void *obj);
/* Prints OUT (and a newline if asked), then wipes and frees it. */
void cmd_print_secret(char *out, int newline);

#endif
