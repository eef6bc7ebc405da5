/*
 * member.c - a firm vault's members: their key pairs, the firm key sealed to
 * them, and the one-time secrets of invitations.
 *
 * A member is a random 32-byte seed from which a libsodium box key pair is
 * derived (crypto_box_seed_keypair).  The seed is wrapped under the member's
 * passphrase as a key slot wraps the master key (Argon2id, XChaCha20-
 * Poly1305), with its own additional-data domain "member" naming the vault
 * and the member, so a member's slot cannot be passed off as another's.  The
 * firm key (the keyring's master key) is sealed to each member's public key
 * with crypto_box_seal: whoever holds the server learns neither.
 *
 * An invitation's secret is 20 random bytes written as 32 base32 letters;
 * keyed hashes of it give the key that wraps the firm key for the invitee
 * and the password of the invitee's database role, so the secret itself is
 * never stored.  It is high in entropy, so no slow hash is needed.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"

#define INVITE_RAW 20
static const char b32[] = "abcdefghijklmnopqrstuvwxyz234567";

struct keyring *
keyring_from_parts(const uint8_t master[TC_KEY_LEN], const uint8_t *seed, struct tc_err *err)
{
	struct keyring *kr = tc_secure_alloc(sizeof(*kr), err);

	if (kr == NULL)
		return NULL;
	sodium_memzero(kr, sizeof(*kr));
	memcpy(kr->master, master, TC_KEY_LEN);
	keyring_derive(kr);
	if (seed != NULL) {
		kr->has_member = 1;
		memcpy(kr->member_seed, seed, TC_KEY_LEN);
		crypto_box_seed_keypair(kr->member_pk, kr->member_sk, kr->member_seed);
	}
	sodium_mprotect_readonly(kr);
	return kr;
}

struct keyring *
keyring_join(const struct keyring *firm, struct tc_err *err)
{
	uint8_t *seed = tc_secure_alloc(TC_KEY_LEN, err);
	struct keyring *kr;

	if (seed == NULL)
		return NULL;
	randombytes_buf(seed, TC_KEY_LEN);
	kr = keyring_from_parts(firm->master, seed, err);
	sodium_free(seed);
	return kr;
}

struct keyring *
keyring_rotate(const struct keyring *kr, struct tc_err *err)
{
	uint8_t *master = tc_secure_alloc(TC_KEY_LEN, err);
	struct keyring *next;

	if (master == NULL)
		return NULL;
	crypto_kdf_keygen(master);
	next = keyring_from_parts(master, kr->has_member ? kr->member_seed : NULL, err);
	sodium_free(master);
	return next;
}

int
keyring_is_member(const struct keyring *kr)
{
	return kr->has_member;
}

void
keyring_member_public(const struct keyring *kr, uint8_t pk[TC_PUBLIC_LEN])
{
	memcpy(pk, kr->member_pk, TC_PUBLIC_LEN);
}

void
firm_key_seal(const struct keyring *kr, const uint8_t pk[TC_PUBLIC_LEN],
    uint8_t out[TC_SEALED_KEY_LEN])
{
	crypto_box_seal(out, kr->master, TC_KEY_LEN, pk);
}

/* "tact1|member|VAULT|NAME|alg|ops|mem": the member's slot bound to its
 * vault, its member and its limits. */
static size_t
member_ad(const struct keyslot *slot, const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name,
    char *buf, size_t size)
{
	char hex[2 * TC_VAULT_ID_LEN + 1];
	int n;

	sodium_bin2hex(hex, sizeof(hex), vault_id, TC_VAULT_ID_LEN);
	n = snprintf(buf, size, "tact%d|member|%s|%s|%d|%llu|%zu", TC_BLOB_VERSION, hex, name,
	    slot->alg, slot->opslimit, slot->memlimit);
	return n > 0 && (size_t)n < size ? (size_t)n : size - 1;
}

int
member_slot_seal(const struct keyring *kr, const struct secret *pass, enum tc_kdf kdf,
    const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name, struct keyslot *slot,
    struct tc_err *err)
{
	char adstr[256];
	size_t adlen;
	uint8_t *kek;

	if (!kr->has_member)
		return tc_err_set(err, EX_SOFTWARE, "keyring holds no member key");
	tc_slot_init(slot, kdf);
	if ((kek = tc_secure_alloc(TC_KEY_LEN, err)) == NULL)
		return -1;
	if (tc_slot_kek(slot, pass, kek, err) != 0) {
		sodium_free(kek);
		return -1;
	}
	adlen = member_ad(slot, vault_id, name, adstr, sizeof(adstr));
	tc_wrap_key(kek, adstr, adlen, kr->member_seed, slot->wrapped);
	sodium_free(kek);
	return 0;
}

struct keyring *
member_open(const struct keyslot *slot, const struct secret *pass,
    const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name, const void *sealed, size_t len,
    struct tc_err *err)
{
	uint8_t *kek = NULL, *seed = NULL, *master = NULL;
	uint8_t pk[crypto_box_PUBLICKEYBYTES], *sk = NULL;
	struct keyring *kr = NULL;
	char adstr[256];
	size_t adlen;

	if (!tc_slot_supported(slot)) {
		tc_err_set(err, EX_DATAERR, "member '%s': key slot has unsupported parameters", name);
		goto out;
	}
	if ((kek = tc_secure_alloc(TC_KEY_LEN, err)) == NULL ||
	    (seed = tc_secure_alloc(TC_KEY_LEN, err)) == NULL ||
	    (master = tc_secure_alloc(TC_KEY_LEN, err)) == NULL ||
	    (sk = tc_secure_alloc(crypto_box_SECRETKEYBYTES, err)) == NULL)
		goto out;
	if (tc_slot_kek(slot, pass, kek, err) != 0)
		goto out;
	adlen = member_ad(slot, vault_id, name, adstr, sizeof(adstr));
	if (tc_unwrap_key(kek, adstr, adlen, slot->wrapped, sizeof(slot->wrapped), seed) != 0) {
		tc_err_set(err, EX_NOPERM, "wrong passphrase");
		goto out;
	}
	crypto_box_seed_keypair(pk, sk, seed);
	if (len != TC_SEALED_KEY_LEN ||
	    crypto_box_seal_open(master, sealed, len, pk, sk) != 0) {
		tc_err_set(err, EX_DATAERR, "member '%s': the firm key sealed to it does not open",
		    name);
		goto out;
	}
	kr = keyring_from_parts(master, seed, err);
out:
	if (kek != NULL)
		sodium_free(kek);
	if (seed != NULL)
		sodium_free(seed);
	if (master != NULL)
		sodium_free(master);
	if (sk != NULL)
		sodium_free(sk);
	return kr;
}

/* Writes the INVITE_RAW bytes of RAW as TC_INVITE_LEN base32 letters. */
static void
b32_encode(const uint8_t *raw, char *out)
{
	unsigned acc = 0;
	int bits = 0;
	size_t o = 0;

	for (size_t i = 0; i < INVITE_RAW; i++) {
		acc = (acc << 8) | raw[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	out[o] = '\0';
	acc = 0;
}

/* Reads TC_INVITE_LEN base32 letters (either case) into RAW; -1 if CODE is
 * anything else. */
static int
b32_decode(const char *code, uint8_t *raw)
{
	unsigned acc = 0;
	int bits = 0;
	size_t o = 0;

	if (strlen(code) != TC_INVITE_LEN)
		return -1;
	for (size_t i = 0; i < TC_INVITE_LEN; i++) {
		char c = code[i] >= 'A' && code[i] <= 'Z' ? (char)(code[i] - 'A' + 'a') : code[i];
		const char *at = c != '\0' ? strchr(b32, c) : NULL;

		if (at == NULL)
			return -1;
		acc = (acc << 5) | (unsigned)(at - b32);
		bits += 5;
		if (bits >= 8) {
			raw[o++] = (uint8_t)(acc >> (bits - 8));
			bits -= 8;
		}
	}
	acc = 0;
	return 0;
}

/* Derives OUT (TC_KEY_LEN) from the secret RAW for PURPOSE. */
static void
invite_derive(const uint8_t *raw, const char *purpose, uint8_t *out)
{
	crypto_generichash(out, TC_KEY_LEN, (const unsigned char *)purpose, strlen(purpose), raw,
	    INVITE_RAW);
}

static size_t
invite_ad(const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name, char *buf, size_t size)
{
	char hex[2 * TC_VAULT_ID_LEN + 1];
	int n;

	sodium_bin2hex(hex, sizeof(hex), vault_id, TC_VAULT_ID_LEN);
	n = snprintf(buf, size, "tact%d|invite|%s|%s", TC_BLOB_VERSION, hex, name);
	return n > 0 && (size_t)n < size ? (size_t)n : size - 1;
}

static void
password_of(const uint8_t *raw, char *dbpass)
{
	uint8_t pw[TC_KEY_LEN];

	invite_derive(raw, "tact invite role password", pw);
	sodium_bin2base64(dbpass, TC_DBPASS_LEN + 1, pw, sizeof(pw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(pw, sizeof(pw));
}

int
invite_new(const struct keyring *kr, const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name,
    char *code, uint8_t wrapped[TC_WRAPPED_KEY_LEN], char *dbpass, struct tc_err *err)
{
	uint8_t *raw = tc_secure_alloc(INVITE_RAW + TC_KEY_LEN, err);
	char adstr[200];
	size_t adlen;

	if (raw == NULL)
		return -1;
	randombytes_buf(raw, INVITE_RAW);
	b32_encode(raw, code);
	invite_derive(raw, "tact invite firm key", raw + INVITE_RAW);
	adlen = invite_ad(vault_id, name, adstr, sizeof(adstr));
	tc_wrap_key(raw + INVITE_RAW, adstr, adlen, kr->master, wrapped);
	password_of(raw, dbpass);
	sodium_free(raw);
	return 0;
}

int
invite_password(const char *code, char *dbpass, struct tc_err *err)
{
	uint8_t *raw = tc_secure_alloc(INVITE_RAW, err);
	int rc = 0;

	if (raw == NULL)
		return -1;
	if (b32_decode(code, raw) != 0)
		rc = tc_err_set(err, EX_NOPERM, "not an invitation code");
	else
		password_of(raw, dbpass);
	sodium_free(raw);
	return rc;
}

struct keyring *
invite_open(const char *code, const uint8_t vault_id[TC_VAULT_ID_LEN], const char *name,
    const void *wrapped, size_t len, struct tc_err *err)
{
	uint8_t *raw = tc_secure_alloc(INVITE_RAW + 2 * TC_KEY_LEN, err);
	struct keyring *kr = NULL;
	char adstr[200];
	size_t adlen;

	if (raw == NULL)
		return NULL;
	if (b32_decode(code, raw) != 0) {
		tc_err_set(err, EX_NOPERM, "not an invitation code");
		goto out;
	}
	invite_derive(raw, "tact invite firm key", raw + INVITE_RAW);
	adlen = invite_ad(vault_id, name, adstr, sizeof(adstr));
	if (tc_unwrap_key(raw + INVITE_RAW, adstr, adlen, wrapped, len,
	    raw + INVITE_RAW + TC_KEY_LEN) != 0) {
		tc_err_set(err, EX_NOPERM, "invitation code for '%s' is wrong or used", name);
		goto out;
	}
	kr = keyring_from_parts(raw + INVITE_RAW + TC_KEY_LEN, NULL, err);
out:
	sodium_free(raw);
	return kr;
}

void
tc_db_password(char *out)
{
	uint8_t pw[TC_KEY_LEN];

	randombytes_buf(pw, sizeof(pw));
	sodium_bin2base64(out, TC_DBPASS_LEN + 1, pw, sizeof(pw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(pw, sizeof(pw));
}
