/*
 * alloc.h - locked, guarded memory for keys and passphrases (sodium_malloc),
 * shared by the key and passphrase code of crypto/ and nobody else.
 */
#ifndef TACT_CRYPTO_ALLOC_H
#define TACT_CRYPTO_ALLOC_H

#include <stddef.h>

#include "error.h"

/* Returns LEN bytes of locked, guarded memory (free with sodium_free), or
 * NULL with EX_OSERR. */
void *tc_secure_alloc(size_t len, struct tc_err *err);

#endif
