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
	/* A firm vault's member (crypto/member.c): the seed the box key pair is
	 * derived from, and the pair; has_member is 0 in a solo vault. */
	int has_member;
	uint8_t member_seed[TC_KEY_LEN];
	uint8_t member_pk[crypto_box_PUBLICKEYBYTES];
	uint8_t member_sk[crypto_box_SECRETKEYBYTES];
};

/* In a solo vault every part's subkey comes from KEY.  In a firm vault
 * (SPLIT set) KEY is the shared half, wrapped under the firm key, and the
 * private parts (people, follow-up, both confidential notes) come from PRIV,
 * sealed to the owning member alone; HAS_PRIV is 0 when this member is not
 * the owner, and SEALED then keeps the owner's sealed half as stored so the
 * shared half can be rewrapped without it. */
struct candkey {
	long long candidate;            /* 0 while empty */
	unsigned derived;               /* bit N set: part[N] holds subkey N */
	int split;
	int has_priv;
	uint8_t key[TC_KEY_LEN];
	uint8_t priv[TC_KEY_LEN];
	uint8_t sealed[TC_SEALED_PRIV_LEN];
	uint8_t part[TC_PART_LAST + 1][TC_KEY_LEN];
	uint8_t scratch[TC_KEY_LEN];    /* the confidential subkey, wiped after each use */
};

/* Builds the keyring's derived keys from its master key. */
void keyring_derive(struct keyring *kr);
/* Returns a keyring holding a copy of MASTER. */
struct keyring *keyring_from_master(const uint8_t master[TC_KEY_LEN], struct tc_err *err);

/* Wraps the 32-byte KEY under KEK with additional data ADSTR into OUT. */
void tc_wrap_key(const uint8_t *kek, const char *adstr, size_t adlen, const uint8_t *key,
    uint8_t out[TC_WRAPPED_KEY_LEN]);
/* Decrypts a wrapped 32-byte key straight into locked memory at OUT; -1 if
 * it does not authenticate. */
int tc_unwrap_key(const uint8_t *kek, const char *adstr, size_t adlen, const uint8_t *wrapped,
    size_t len, uint8_t *out);
/* Fills SLOT's parameters for level KDF and a fresh salt. */
void tc_slot_init(struct keyslot *slot, enum tc_kdf kdf);
/* Whether SLOT's parameters are within the levels tact accepts. */
int tc_slot_supported(const struct keyslot *slot);
/* Derives SLOT's key-encrypting key of PASS into KEK (locked memory). */
int tc_slot_kek(const struct keyslot *slot, const struct secret *pass, uint8_t *kek,
    struct tc_err *err);

/* Formats the additional data of AD into BUF; returns its length. */
size_t tc_ad_format(const char *domain, const struct tc_ad *ad, char *buf, size_t size);

/* XChaCha20-Poly1305 with a version byte and random nonce in front. */
int tc_seal_raw(const uint8_t key[TC_KEY_LEN], const char *adstr, size_t adlen,
    const void *pt, size_t len, struct tbuf *out, struct tc_err *err);
int tc_open_raw(const uint8_t key[TC_KEY_LEN], const char *adstr, size_t adlen,
    const void *ct, size_t len, struct tbuf *out, struct tc_err *err);

/* Returns a keyring holding a copy of MASTER and, unless SEED is NULL, the
 * member key pair derived from SEED. */
struct keyring *keyring_from_parts(const uint8_t master[TC_KEY_LEN], const uint8_t *seed,
    struct tc_err *err);

/* Whether subkey PART comes from the private half in a firm vault. */
int tc_part_private(uint64_t part);
/* Derives a candidate part subkey into SUB (TC_KEY_LEN bytes of locked
 * memory); EX_NOPERM when PART is private and CK holds no private half. */
int tc_part_key(const struct candkey *ck, uint64_t part, uint8_t *sub, struct tc_err *err);
/* Checks that CK belongs to AD's candidate. */
int tc_check_owner(const struct candkey *ck, const struct tc_ad *ad, struct tc_err *err);

#endif
