/*
 * error.h - how core/ and crypto/ report failure without printing.
 *
 * A function that can fail takes a struct terr * and returns -1 (or NULL)
 * after filling it: the exit-code class (sysexits.h) and a one-line message
 * in git's style (lowercase, no full stop).  Only cmd/main.c prints it.
 */
#ifndef TACT_ERROR_H
#define TACT_ERROR_H

#include <sysexits.h>

#define TERR_MSG_MAX 512

struct terr {
	int code;                 /* EX_* from sysexits.h; 0 while unset */
	char msg[TERR_MSG_MAX];
};

/* Fills ERR (if not NULL and not already set) and returns -1. */
int terr_set(struct terr *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Copies the error crypto/ filled in CE into ERR (cleaned, first error
 * wins) and returns -1. */
struct tc_err;
int terr_crypto(struct terr *err, const struct tc_err *ce);

/* Clears ERR. */
void terr_clear(struct terr *err);

#endif
