/* rename.h - what rename.c and merge.c share. */
#ifndef TACT_CMD_RENAME_H
#define TACT_CMD_RENAME_H

#include "cmd/cmd.h"

/* Returns the id of the candidate (or client, CLIENTS set) SPEC names: an
 * id, #ID or a name; -1 with ctx->err (EX_NOINPUT if there is none). */
long long rename_record(struct cmd_ctx *ctx, int clients, const char *spec);

#endif
