/*
 * error.h - how crypto/ reports failure: its own small error type, so that
 * crypto/ depends on nothing in core/.
 *
 * A function that can fail takes a struct tc_err * and returns -1 (or NULL)
 * after filling it with an exit-code class (sysexits.h) and a one-line
 * message.  core/ copies it into its own error (terr_crypto in
 * core/base/error.h), which also cleans it of control characters.
 */
#ifndef TACT_CRYPTO_ERROR_H
#define TACT_CRYPTO_ERROR_H

#include <sysexits.h>

#define TC_ERR_MSG_MAX 256

struct tc_err {
	int code;                 /* EX_* from sysexits.h; 0 while unset */
	char msg[TC_ERR_MSG_MAX];
};

/* Fills ERR (if not NULL and not already set) and returns -1. */
int tc_err_set(struct tc_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
