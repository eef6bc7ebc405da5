/*
 * internal.h - what the files of crypto/ share and nobody else sees:
 * the layout of key handles and the raw AEAD helpers.
 */
#ifndef TACT_CRYPTO_INTERNAL_H
#define TACT_CRYPTO_INTERNAL_H

#include <sodium.h>

#include "tcrypto.h"

#define TC_KEY_LEN 32
#define TC_BLOB_VERSION 1

struct keyring {
	uint8_t master[TC_KEY_LEN];
	uint8_t vault[TC_KEY_LEN];      /* seals vault-level data */
	uint8_t blind[TC_KEY_LEN];      /* keys the blind indexes */
	uint8_t wrap[TC_KEY_LEN];       /* wraps candidate keys */
	uint8_t script[TC_KEY_LEN];     /* keys the generator of a script's choices */
};

struct candkey {
	long long candidate;            /* 0 while empty */
	unsigned derived;               /* bit N set: part[N] holds subkey N */
	uint8_t key[TC_KEY_LEN];
	uint8_t part[TC_PART_LAST + 1][TC_KEY_LEN];
	uint8_t scratch[TC_KEY_LEN];    /* the confidential subkey, wiped after each use */
};

/* Builds the keyring's derived keys from its master key. */
void keyring_derive(struct keyring *kr);
/* Returns a keyring holding a copy of MASTER. */
struct keyring *keyring_from_master(const uint8_t master[TC_KEY_LEN], struct tc_err *err);

/* Formats the additional data of AD into BUF; returns its length. */
size_t tc_ad_format(const char *domain, const struct tc_ad *ad, char *buf, size_t size);

/* XChaCha20-Poly1305 with a version byte and random nonce in front. */
int tc_seal_raw(const uint8_t key[TC_KEY_LEN], const char *adstr, size_t adlen,
    const void *pt, size_t len, struct tbuf *out, struct tc_err *err);
int tc_open_raw(const uint8_t key[TC_KEY_LEN], const char *adstr, size_t adlen,
    const void *ct, size_t len, struct tbuf *out, struct tc_err *err);

/* Derives a candidate part subkey into SUB (TC_KEY_LEN bytes of locked memory). */
void tc_part_key(const struct candkey *ck, uint64_t part, uint8_t *sub);
/* Checks that CK belongs to AD's candidate. */
int tc_check_owner(const struct candkey *ck, const struct tc_ad *ad, struct tc_err *err);

#endif
