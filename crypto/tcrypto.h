/*
 * tcrypto.h - the only interface to key material in tact.
 *
 * Keys never leave crypto/: callers hold opaque handles (struct keyring for
 * the vault's master key and what is derived from it, struct candkey for one
 * candidate's data key) and ask for sealing, opening, wrapping and blind
 * indexes.  Every key lives in sodium_malloc'd memory and is wiped on free.
 *
 * A candidate's turndown is sealed in parts, each under its own subkey of
 * the candidate key.  This header offers the identity, signals, people and
 * shareable parts.  The confidential part's subkey is reachable only through
 * crypto/confidential.h, which only `tact show --confidential` and the leak
 * guard include.
 */
#ifndef TACT_TCRYPTO_H
#define TACT_TCRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define TC_VAULT_ID_LEN 16          /* random bytes naming a vault */
#define TC_BLIND_LEN 32
#define TC_SALT_LEN 16
#define TC_WRAPPED_KEY_LEN (1 + 24 + 32 + 16)   /* version, nonce, key, tag */
#define TC_SEAL_OVERHEAD (1 + 24 + 16)
#define TC_PUBLIC_LEN 32            /* a member's box public key */
#define TC_SEALED_PRIV_LEN (32 + 48)    /* a key sealed to a public key (crypto_box_seal) */
#define TC_SEALED_KEY_LEN TC_SEALED_PRIV_LEN
/* A candidate key as stored: the shared half alone (solo vault), or with its
 * private half sealed to the owning member (firm vault). */
#define TC_WRAPPED_CAND_MAX (TC_WRAPPED_KEY_LEN + TC_SEALED_PRIV_LEN)

/* Plaintext or ciphertext bytes owned by the caller; free with tbuf_free(). */
struct tbuf {
	uint8_t *data;
	size_t len;
};
void tbuf_free(struct tbuf *b);  /* wipes, frees, zeroes the struct */

/* A passphrase in locked memory. */
struct secret;
const char *secret_str(const struct secret *s);
size_t secret_len(const struct secret *s);
void secret_free(struct secret *s);
/* Returns the first line of PATH (at most 1024 bytes), or NULL. */
struct secret *secret_from_file(const char *path, struct tc_err *err);
/* Asks on /dev/tty with echo off; CONFIRM asks twice.  NULL when there is
 * no terminal (EX_NOPERM) or the answers differ (EX_DATAERR). */
struct secret *secret_from_tty(const char *prompt, int confirm, struct tc_err *err);
/* Returns a copy of the LEN bytes of TEXT in locked memory, or NULL. */
struct secret *secret_from_text(const char *text, size_t len, struct tc_err *err);

/* Disables core dumps and initialises libsodium; call once at start. */
int tc_init(struct tc_err *err);
void tc_random(void *buf, size_t len);
/* Hex encoding: OUT holds 2 * LEN + 1; tc_unhex wants exactly 2 * LEN digits. */
void tc_hex(char *out, size_t outlen, const void *bin, size_t len);
int tc_unhex(void *bin, size_t len, const char *hex);
uint32_t tc_random_below(uint32_t upper);

/* The vault's master key and its derived keys. */
struct keyring;
struct keyring *keyring_new_random(struct tc_err *err);
void keyring_free(struct keyring *kr);
/* Returns the seed of a script's generator: a keyed hash of PURPOSE (the
 * kind of script), the turndown ID and the user's SEED under a key derived
 * from the master key.  The same seed gives the same script in this vault;
 * outside it, a printed seed cannot be replayed to test guesses. */
uint64_t keyring_script_seed(const struct keyring *kr, const char *purpose, long long id,
    uint64_t seed);

/* Key slots: the master key wrapped under an Argon2id key of a passphrase. */
enum tc_kdf { TC_KDF_INTERACTIVE, TC_KDF_MODERATE, TC_KDF_SENSITIVE };
struct keyslot {
	int alg;                        /* crypto_pwhash_ALG_* */
	unsigned long long opslimit;
	size_t memlimit;
	uint8_t salt[TC_SALT_LEN];
	uint8_t wrapped[TC_WRAPPED_KEY_LEN];
};
/* Returns the level name matching these limits ("interactive", ...), or "custom". */
const char *tc_kdf_name(unsigned long long opslimit, size_t memlimit);
/* Parses a level name; -1 if unknown. */
int tc_kdf_parse(const char *name, enum tc_kdf *out);
/* Fills SLOT with KR's master key wrapped under PASS. */
int keyslot_seal(const struct keyring *kr, const struct secret *pass, enum tc_kdf kdf,
    const uint8_t vault_id[TC_VAULT_ID_LEN], struct keyslot *slot /* OUT */, struct tc_err *err);
/* Returns the keyring SLOT wraps, or NULL: EX_NOPERM for a wrong passphrase. */
struct keyring *keyslot_open(const struct keyslot *slot, const struct secret *pass,
    const uint8_t vault_id[TC_VAULT_ID_LEN], struct tc_err *err);

/* Sessions: the master key (and a firm vault member's seed) wrapped by a
 * random token in a 0600 file. */
/* Writes a session file; returns the token (free with free()), or NULL. */
char *session_create(const struct keyring *kr, const uint8_t vault_id[TC_VAULT_ID_LEN],
    unsigned ttl_minutes, struct tc_err *err);
/* Returns the keyring behind TOKEN; EX_NOPERM if expired, destroyed or foreign. */
struct keyring *session_open(const char *token, const uint8_t vault_id[TC_VAULT_ID_LEN],
    struct tc_err *err);
/* Destroys TOKEN's file; returns 1 if one existed, 0 if not, -1 on error. */
int session_destroy(const char *token, struct tc_err *err);
/* Destroys every session file of this user; returns how many. */
int session_destroy_all(struct tc_err *err);

/* A firm vault's members (crypto/member.c).  A member's random seed gives a
 * box key pair; the seed is wrapped under the member's passphrase as a key
 * slot wraps a master key (bound to the vault id and the member's name), and
 * the firm key (the keyring's master key) is sealed to the public key. */
/* Returns a copy of FIRM carrying a new random member seed and pair. */
struct keyring *keyring_join(const struct keyring *firm, struct tc_err *err);
/* Returns a keyring with a new random firm key and KR's member pair. */
struct keyring *keyring_rotate(const struct keyring *kr, struct tc_err *err);
/* Whether KR carries a member pair; copies its public key into PK. */
int keyring_is_member(const struct keyring *kr);
void keyring_member_public(const struct keyring *kr, uint8_t pk[TC_PUBLIC_LEN]);
/* Fills SLOT with KR's member seed wrapped under PASS, for member NAME. */
int member_slot_seal(const struct keyring *kr, const struct secret *pass, enum tc_kdf kdf,
    const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name, struct keyslot *slot /* OUT */,
    struct tc_err *err);
/* Seals KR's firm key to the member whose public key is PK. */
void firm_key_seal(const struct keyring *kr, const uint8_t pk[TC_PUBLIC_LEN],
    uint8_t out[TC_SEALED_KEY_LEN]);
/* Opens member NAME's seed with PASS, then the firm key SEALED to it;
 * returns the keyring with the member pair.  EX_NOPERM for a wrong
 * passphrase, EX_DATAERR when the sealed firm key does not open. */
struct keyring *member_open(const struct keyslot *slot, const struct secret *pass,
    const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name, const void *sealed, size_t len,
    struct tc_err *err);

/* Invitations: a one-time secret S (TC_INVITE_LEN base32 letters) gives a
 * key wrapping the firm key for member NAME and the database password of
 * the new role.  S itself is never stored. */
#define TC_INVITE_LEN 32
#define TC_DBPASS_LEN 43            /* base64 (url-safe, unpadded) of 32 bytes */
/* Fills CODE (TC_INVITE_LEN + 1) with a new random secret, WRAPPED with KR's
 * firm key under it, and DBPASS (TC_DBPASS_LEN + 1) with the role's password. */
int invite_new(const struct keyring *kr, const uint8_t vault_id[TC_VAULT_ID_LEN],
    const char *name, char *code, uint8_t wrapped[TC_WRAPPED_KEY_LEN], char *dbpass,
    struct tc_err *err);
/* Fills DBPASS (TC_DBPASS_LEN + 1) with the role password of secret CODE;
 * EX_NOPERM when CODE is not TC_INVITE_LEN base32 letters. */
int invite_password(const char *code, char *dbpass, struct tc_err *err);
/* Returns the firm keyring WRAPPED holds under CODE, or NULL (EX_NOPERM). */
struct keyring *invite_open(const char *code, const uint8_t vault_id[TC_VAULT_ID_LEN],
    const char *name, const void *wrapped, size_t len, struct tc_err *err);
/* Fills OUT (TC_DBPASS_LEN + 1) with a new random database password. */
void tc_db_password(char *out);

/* Vault-level sealing, for data that belongs to no single candidate. */
struct tc_ad {
	const char *table;
	const char *column;
	long long row;
	long long candidate;            /* 0 for vault-level data */
};
int keyring_seal(const struct keyring *kr, const struct tc_ad *ad, const void *pt, size_t len,
    struct tbuf *out /* OUT */, struct tc_err *err);
int keyring_open_sealed(const struct keyring *kr, const struct tc_ad *ad, const void *ct, size_t len,
    struct tbuf *out /* OUT */, struct tc_err *err);

/* Keyed blind index of an already normalised name, per DOMAIN ("candidate", "client"). */
void blind_index(const struct keyring *kr, const char *domain, const char *normalised,
    uint8_t out[TC_BLIND_LEN]);

/* Candidate keys.  A handle is allocated once and refilled, so a command
 * that walks many candidates does not allocate locked memory per row. */
struct candkey;
struct candkey *candkey_alloc(struct tc_err *err);
/* Fills CK with a fresh random key for CANDIDATE (a solo vault's). */
void candkey_generate(struct candkey *ck, long long candidate);
/* Fills CK with fresh keys for CANDIDATE in KR's vault: one key in a solo
 * vault; a shared and a private half, owned by KR's member, in a firm one. */
void candkey_generate_for(const struct keyring *kr, struct candkey *ck, long long candidate);
/* Wraps CK under KR, bound to its candidate id, into OUT (TC_WRAPPED_CAND_MAX
 * bytes of room); returns the length written: TC_WRAPPED_KEY_LEN for a solo
 * key, TC_WRAPPED_CAND_MAX for a split one (its private half as it came). */
size_t candkey_wrap(const struct keyring *kr, const struct candkey *ck, uint8_t *out);
/* The same, the private half sealed afresh to the member whose public key is
 * PK (a transfer); EX_NOPERM when CK holds no private half. */
int candkey_wrap_to(const struct keyring *kr, const struct candkey *ck,
    const uint8_t pk[TC_PUBLIC_LEN], uint8_t *out, size_t *len /* OUT */, struct tc_err *err);
/* Fills CK with CANDIDATE's key unwrapped from WRAPPED (either length);
 * EX_DATAERR if it fails.  A split key whose private half does not open for
 * KR's member leaves CK with the shared half alone. */
int candkey_unwrap(const struct keyring *kr, struct candkey *ck, long long candidate,
    const void *wrapped, size_t len, struct tc_err *err);
/* Fills TO with a new random shared half for FROM's candidate, keeping FROM's
 * private half (opened or sealed) as it is: a firm key's rotation. */
void candkey_renew_shared(struct candkey *to, const struct candkey *from);
/* Whether CK is split (a firm vault's), and whether it holds the private half. */
int candkey_is_split(const struct candkey *ck);
int candkey_has_private(const struct candkey *ck);
/* The candidate CK holds a key for, or 0 when empty. */
long long candkey_candidate(const struct candkey *ck);
void candkey_free(struct candkey *ck);

/* The parts a turndown is sealed in, apart from the confidential one. */
enum tc_part {
	TC_PART_IDENTITY = 1,           /* the candidate's name */
	TC_PART_SIGNALS = 2,            /* reasons, visibility, consent, role */
	TC_PART_PEOPLE = 3,             /* people met and impressions */
	TC_PART_SHAREABLE = 4,          /* the shareable note */
	/* 5 is the confidential note's subkey id, reserved for confidential.c */
	TC_PART_FOLLOWUP = 6,           /* notes on follow-up tasks */
	TC_PART_FEEDBACK = 7,           /* a client's feedback: areas, stage, role, who gave it */
	TC_PART_FEEDBACK_SHARE = 8,     /* the points of that feedback the client agreed to share */
	/* 9 is the client's confidential note's subkey id, reserved for confidential.c */
};
#define TC_PART_CONFIDENTIAL_ID 5
#define TC_PART_CONFIDENTIAL_FEEDBACK_ID 9
#define TC_PART_LAST TC_PART_FEEDBACK_SHARE

int part_seal(struct candkey *ck, enum tc_part part, const struct tc_ad *ad,
    const void *pt, size_t len, struct tbuf *out /* OUT */, struct tc_err *err);
/* EX_DATAERR when the blob was tampered with, swapped or truncated; for a
 * private part (people, follow-up) of a firm vault's candidate whose private
 * half this member cannot open, EX_NOPERM "candidate N belongs to another
 * member". */
int part_open(struct candkey *ck, enum tc_part part, const struct tc_ad *ad,
    const void *ct, size_t len, struct tbuf *out /* OUT */, struct tc_err *err);

#endif
