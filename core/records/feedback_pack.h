/*
 * feedback_pack.h - the byte layout of a feedback record's signals part,
 * for feedback_write.c and feedback_read.c only.
 */
#ifndef TACT_FEEDBACK_PACK_H
#define TACT_FEEDBACK_PACK_H

#include <stddef.h>
#include <stdint.h>

#include "core/records/feedback.h"
#include "core/records/pack.h"

/* Appends FB's signals to P. */
void feedback_pack_signals(struct pack *p, const struct feedback *fb);
/* Fills FB's signals from DATA; -1 if malformed, -2 if the row's clear
 * client id or date (already in FB) differ from their sealed copies. */
int feedback_unpack_signals(const uint8_t *data, size_t len, struct feedback *fb);

#endif
