/*
 * pack.h - the byte layout of a turndown's signals and people parts, used by
 * the writer (write.c) and the reader (read.c) of core/records/ only.
 */
#ifndef TACT_PACK_H
#define TACT_PACK_H

#include <stddef.h>
#include <stdint.h>

#include "core/records/turndown.h"

struct pack {
	uint8_t *buf;
	size_t len, cap;
	int failed;             /* out of memory: the buffer is incomplete */
};

/* Appends TD's signals (reasons, consent, role, client id, dates) to P. */
void pack_signals(struct pack *p, const struct turndown *td);
/* Appends TD's people met to P. */
void pack_people(struct pack *p, const struct turndown *td);
/* Wipes and frees P's buffer. */
void pack_free(struct pack *p);
/* Fills TD's signals from DATA; -1 if malformed, -2 if the clear client id
 * or dates of the row (already in TD) differ from their sealed copies. */
int unpack_signals(const uint8_t *data, size_t len, struct turndown *td);
/* Fills TD's people met from DATA; -1 if malformed. */
int unpack_people(const uint8_t *data, size_t len, struct turndown *td);

#endif
