/*
 * pack.h - the byte layout of a turndown's signals and people parts, used by
 * the writer (write.c) and the reader (read.c) of core/records/ only, and
 * the small pieces they are made of, which feedback_pack.c uses too.
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

/* The pieces: bytes, a small integer, a string of at most 65535 bytes
 * (length first); a failed allocation sets p->failed. */
void pack_bytes(struct pack *p, const void *data, size_t len);
void pack_u8(struct pack *p, unsigned v);
void pack_str(struct pack *p, const char *s);

/* Reading them back: a bad or short input sets u->bad (and returns 0 or NULL). */
struct unpack {
	const uint8_t *p;
	size_t left;
	int bad;
};
unsigned unpack_u8(struct unpack *u);
/* Returns a new string (free it with wipe_str_drop), or NULL with u->bad set. */
char *unpack_str(struct unpack *u);

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
