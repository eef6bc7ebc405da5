/*
 * forget.h - what forget.c offers other commands: the one-line mention of
 * candidates past the config's retention period (verify and list).
 */
#ifndef TACT_CMD_FORGET_H
#define TACT_CMD_FORGET_H

#include "cmd/cmd.h"

/* With [vault] retention set, prints on stderr how many candidates are past
 * it (nothing when none); never fails the command. */
void retention_notice(struct cmd_ctx *ctx);

#endif
