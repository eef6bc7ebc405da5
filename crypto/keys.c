/*
 * keys.c - the master key, its key slots, and candidate keys.
 *
 * The master key is random; each key slot wraps it under an Argon2id key of
 * one passphrase, with the slot's parameters and the vault id bound in as
 * additional data so that a slot cannot be moved to another vault or have
 * its limits lowered.  Everything else is derived from the master key with
 * crypto_kdf (vault key, blind-index key, candidate-key wrapping key), and
 * each candidate has a random key of their own, wrapped under the last.
 *
 * In a firm vault (the master key is then the firm key, crypto/member.c) a
 * candidate's key is split: the shared half is wrapped as above, and a
 * private half, from which the people, follow-up and confidential subkeys
 * come, is sealed to the owning member's public key and appended.  A member
 * who is not the owner unwraps the shared half alone.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "alloc.h"
#include "internal.h"

int
tc_init(struct tc_err *err)
{
	struct rlimit rl = { 0, 0 };

	/* No core dump may ever hold a key or a decrypted note. */
	if (setrlimit(RLIMIT_CORE, &rl) != 0 || prctl(PR_SET_DUMPABLE, 0) != 0)
		return tc_err_set(err, EX_OSERR, "cannot disable core dumps");
	if (sodium_init() < 0)
		return tc_err_set(err, EX_SOFTWARE, "cannot initialise libsodium");
	return 0;
}

void
tc_random(void *buf, size_t len)
{
	randombytes_buf(buf, len);
}

void
tc_hex(char *out, size_t outlen, const void *bin, size_t len)
{
	sodium_bin2hex(out, outlen, bin, len);
}

int
tc_unhex(void *bin, size_t len, const char *hex)
{
	size_t got;

	if (strlen(hex) != 2 * len ||
	    sodium_hex2bin(bin, len, hex, 2 * len, NULL, &got, NULL) != 0 || got != len)
		return -1;
	return 0;
}

uint32_t
tc_random_below(uint32_t upper)
{
	return randombytes_uniform(upper);
}

void
keyring_derive(struct keyring *kr)
{
	crypto_kdf_derive_from_key(kr->vault, TC_KEY_LEN, 1, "tactvalt", kr->master);
	crypto_kdf_derive_from_key(kr->blind, TC_KEY_LEN, 2, "tactblnd", kr->master);
	crypto_kdf_derive_from_key(kr->wrap, TC_KEY_LEN, 3, "tactwrap", kr->master);
	crypto_kdf_derive_from_key(kr->script, TC_KEY_LEN, 4, "tactscpt", kr->master);
}

struct keyring *
keyring_from_master(const uint8_t master[TC_KEY_LEN], struct tc_err *err)
{
	return keyring_from_parts(master, NULL, err);
}

struct keyring *
keyring_new_random(struct tc_err *err)
{
	struct keyring *kr = tc_secure_alloc(sizeof(*kr), err);

	if (kr == NULL)
		return NULL;
	sodium_memzero(kr, sizeof(*kr));
	crypto_kdf_keygen(kr->master);
	keyring_derive(kr);
	sodium_mprotect_readonly(kr);
	return kr;
}

void
keyring_free(struct keyring *kr)
{
	if (kr != NULL)
		sodium_free(kr);        /* wipes before unmapping */
}

int
tc_unwrap_key(const uint8_t *kek, const char *adstr, size_t adlen, const uint8_t *wrapped,
    size_t len, uint8_t *out)
{
	if (len != TC_WRAPPED_KEY_LEN || wrapped[0] != TC_BLOB_VERSION)
		return -1;
	return crypto_aead_xchacha20poly1305_ietf_decrypt(out, NULL, NULL, wrapped + 25,
	    len - 25, (const unsigned char *)adstr, adlen, wrapped + 1, kek);
}

void
tc_wrap_key(const uint8_t *kek, const char *adstr, size_t adlen, const uint8_t *key,
    uint8_t out[TC_WRAPPED_KEY_LEN])
{
	out[0] = TC_BLOB_VERSION;
	randombytes_buf(out + 1, 24);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + 25, NULL, key, TC_KEY_LEN,
	    (const unsigned char *)adstr, adlen, NULL, out + 1, kek);
}

const char *
tc_kdf_name(unsigned long long opslimit, size_t memlimit)
{
	if (opslimit == crypto_pwhash_OPSLIMIT_INTERACTIVE &&
	    memlimit == crypto_pwhash_MEMLIMIT_INTERACTIVE)
		return "interactive";
	if (opslimit == crypto_pwhash_OPSLIMIT_MODERATE &&
	    memlimit == crypto_pwhash_MEMLIMIT_MODERATE)
		return "moderate";
	if (opslimit == crypto_pwhash_OPSLIMIT_SENSITIVE &&
	    memlimit == crypto_pwhash_MEMLIMIT_SENSITIVE)
		return "sensitive";
	return "custom";
}

int
tc_kdf_parse(const char *name, enum tc_kdf *out)
{
	if (strcmp(name, "interactive") == 0)
		*out = TC_KDF_INTERACTIVE;
	else if (strcmp(name, "moderate") == 0)
		*out = TC_KDF_MODERATE;
	else if (strcmp(name, "sensitive") == 0)
		*out = TC_KDF_SENSITIVE;
	else
		return -1;
	return 0;
}

static size_t
slot_ad(const struct keyslot *slot, const uint8_t vault_id[TC_VAULT_ID_LEN], char *buf,
    size_t size)
{
	char hex[2 * TC_VAULT_ID_LEN + 1];
	int n;

	sodium_bin2hex(hex, sizeof(hex), vault_id, TC_VAULT_ID_LEN);
	n = snprintf(buf, size, "tact%d|keyslot|%s|%d|%llu|%zu", TC_BLOB_VERSION, hex,
	    slot->alg, slot->opslimit, slot->memlimit);
	return (size_t)n < size ? (size_t)n : size - 1;
}

int
tc_slot_kek(const struct keyslot *slot, const struct secret *pass, uint8_t *kek, struct tc_err *err)
{
	if (crypto_pwhash(kek, TC_KEY_LEN, secret_str(pass), secret_len(pass), slot->salt,
	    slot->opslimit, slot->memlimit, slot->alg) != 0)
		return tc_err_set(err, EX_OSERR, "not enough memory for the key derivation");
	return 0;
}

int
keyslot_seal(const struct keyring *kr, const struct secret *pass, enum tc_kdf kdf,
    const uint8_t vault_id[TC_VAULT_ID_LEN], struct keyslot *slot, struct tc_err *err)
{
	uint8_t *kek;
	char adstr[160];
	size_t adlen;

	tc_slot_init(slot, kdf);
	if ((kek = tc_secure_alloc(TC_KEY_LEN, err)) == NULL)
		return -1;
	if (tc_slot_kek(slot, pass, kek, err) != 0) {
		sodium_free(kek);
		return -1;
	}
	adlen = slot_ad(slot, vault_id, adstr, sizeof(adstr));
	tc_wrap_key(kek, adstr, adlen, kr->master, slot->wrapped);
	sodium_free(kek);
	return 0;
}

void
tc_slot_init(struct keyslot *slot, enum tc_kdf kdf)
{
	memset(slot, 0, sizeof(*slot));
	slot->alg = crypto_pwhash_ALG_ARGON2ID13;
	switch (kdf) {
	case TC_KDF_SENSITIVE:
		slot->opslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
		slot->memlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
		break;
	case TC_KDF_MODERATE:
		slot->opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
		slot->memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
		break;
	default:
		slot->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		slot->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
		break;
	}
	randombytes_buf(slot->salt, sizeof(slot->salt));
}

int
tc_slot_supported(const struct keyslot *slot)
{
	return slot->alg == crypto_pwhash_ALG_ARGON2ID13 &&
	    slot->opslimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE &&
	    slot->memlimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE &&
	    slot->opslimit <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
	    slot->memlimit <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

struct keyring *
keyslot_open(const struct keyslot *slot, const struct secret *pass,
    const uint8_t vault_id[TC_VAULT_ID_LEN], struct tc_err *err)
{
	uint8_t *kek = NULL, *master = NULL;
	struct keyring *kr = NULL;
	char adstr[160];
	size_t adlen;

	if (!tc_slot_supported(slot)) {
		tc_err_set(err, EX_DATAERR, "key slot has unsupported parameters");
		goto out;
	}
	if ((kek = tc_secure_alloc(TC_KEY_LEN, err)) == NULL ||
	    (master = tc_secure_alloc(TC_KEY_LEN, err)) == NULL)
		goto out;
	if (tc_slot_kek(slot, pass, kek, err) != 0)
		goto out;
	adlen = slot_ad(slot, vault_id, adstr, sizeof(adstr));
	if (tc_unwrap_key(kek, adstr, adlen, slot->wrapped, sizeof(slot->wrapped), master) != 0) {
		tc_err_set(err, EX_NOPERM, "wrong passphrase");
		goto out;
	}
	kr = keyring_from_master(master, err);
out:
	if (kek != NULL)
		sodium_free(kek);
	if (master != NULL)
		sodium_free(master);
	return kr;
}

void
blind_index(const struct keyring *kr, const char *domain, const char *normalised,
    uint8_t out[TC_BLIND_LEN])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, kr->blind, TC_KEY_LEN, TC_BLIND_LEN);
	crypto_generichash_update(&st, (const unsigned char *)domain, strlen(domain) + 1);
	crypto_generichash_update(&st, (const unsigned char *)normalised, strlen(normalised));
	crypto_generichash_final(&st, out, TC_BLIND_LEN);
	sodium_memzero(&st, sizeof(st));
}

uint64_t
keyring_script_seed(const struct keyring *kr, const char *purpose, long long id, uint64_t seed)
{
	crypto_generichash_state st;
	uint8_t msg[16], out[8];
	uint64_t v = 0;

	for (int i = 0; i < 8; i++) {
		msg[i] = (uint8_t)((unsigned long long)id >> (8 * i));
		msg[8 + i] = (uint8_t)(seed >> (8 * i));
	}
	crypto_generichash_init(&st, kr->script, TC_KEY_LEN, sizeof(out));
	crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
	crypto_generichash_update(&st, msg, sizeof(msg));
	crypto_generichash_final(&st, out, sizeof(out));
	sodium_memzero(&st, sizeof(st));
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)out[i] << (8 * i);
	return v;
}

static size_t
candkey_ad(long long candidate, char *buf, size_t size)
{
	struct tc_ad ad = { "candidates", "key", candidate, candidate };

	return tc_ad_format("wrap", &ad, buf, size);
}

struct candkey *
candkey_alloc(struct tc_err *err)
{
	struct candkey *ck = tc_secure_alloc(sizeof(*ck), err);

	if (ck != NULL)
		sodium_memzero(ck, sizeof(*ck));
	return ck;
}

void
candkey_generate(struct candkey *ck, long long candidate)
{
	sodium_memzero(ck, sizeof(*ck));
	ck->candidate = candidate;
	crypto_kdf_keygen(ck->key);
}

void
candkey_generate_for(const struct keyring *kr, struct candkey *ck, long long candidate)
{
	candkey_generate(ck, candidate);
	if (!kr->has_member)
		return;
	ck->split = 1;
	ck->has_priv = 1;
	crypto_kdf_keygen(ck->priv);
	crypto_box_seal(ck->sealed, ck->priv, TC_KEY_LEN, kr->member_pk);
}

/* Writes the shared half of CK wrapped under KR into OUT. */
static void
wrap_shared(const struct keyring *kr, const struct candkey *ck, uint8_t *out)
{
	char adstr[160];
	size_t adlen = candkey_ad(ck->candidate, adstr, sizeof(adstr));

	tc_wrap_key(kr->wrap, adstr, adlen, ck->key, out);
}

size_t
candkey_wrap(const struct keyring *kr, const struct candkey *ck, uint8_t *out)
{
	wrap_shared(kr, ck, out);
	if (!ck->split)
		return TC_WRAPPED_KEY_LEN;
	memcpy(out + TC_WRAPPED_KEY_LEN, ck->sealed, TC_SEALED_PRIV_LEN);
	return TC_WRAPPED_CAND_MAX;
}

int
candkey_wrap_to(const struct keyring *kr, const struct candkey *ck,
    const uint8_t pk[TC_PUBLIC_LEN], uint8_t *out, size_t *len, struct tc_err *err)
{
	if (!ck->split || !ck->has_priv)
		return tc_err_set(err, EX_NOPERM, "candidate %lld belongs to another member",
		    ck->candidate);
	wrap_shared(kr, ck, out);
	crypto_box_seal(out + TC_WRAPPED_KEY_LEN, ck->priv, TC_KEY_LEN, pk);
	*len = TC_WRAPPED_CAND_MAX;
	return 0;
}

int
candkey_unwrap(const struct keyring *kr, struct candkey *ck, long long candidate,
    const void *wrapped, size_t len, struct tc_err *err)
{
	const uint8_t *w = wrapped;
	char adstr[160];
	size_t adlen;

	sodium_memzero(ck, sizeof(*ck));
	adlen = candkey_ad(candidate, adstr, sizeof(adstr));
	if ((len != TC_WRAPPED_KEY_LEN && len != TC_WRAPPED_CAND_MAX) ||
	    tc_unwrap_key(kr->wrap, adstr, adlen, w, TC_WRAPPED_KEY_LEN, ck->key) != 0) {
		sodium_memzero(ck, sizeof(*ck));
		return tc_err_set(err, EX_DATAERR, "candidate %lld: key failed authentication "
		    "(tampered or moved)", candidate);
	}
	ck->candidate = candidate;
	if (len == TC_WRAPPED_KEY_LEN)
		return 0;
	ck->split = 1;
	memcpy(ck->sealed, w + TC_WRAPPED_KEY_LEN, TC_SEALED_PRIV_LEN);
	/* Not this member's candidate (or no member at all): the shared half
	 * alone, and the private parts refuse with EX_NOPERM. */
	if (kr->has_member && crypto_box_seal_open(ck->priv, ck->sealed, TC_SEALED_PRIV_LEN,
	    kr->member_pk, kr->member_sk) == 0)
		ck->has_priv = 1;
	else
		sodium_memzero(ck->priv, sizeof(ck->priv));
	return 0;
}

void
candkey_renew_shared(struct candkey *to, const struct candkey *from)
{
	sodium_memzero(to, sizeof(*to));
	to->candidate = from->candidate;
	to->split = from->split;
	to->has_priv = from->has_priv;
	memcpy(to->priv, from->priv, TC_KEY_LEN);
	memcpy(to->sealed, from->sealed, TC_SEALED_PRIV_LEN);
	crypto_kdf_keygen(to->key);
}

int
candkey_is_split(const struct candkey *ck)
{
	return ck->split;
}

int
candkey_has_private(const struct candkey *ck)
{
	return ck->has_priv;
}

long long
candkey_candidate(const struct candkey *ck)
{
	return ck->candidate;
}

void
candkey_free(struct candkey *ck)
{
	if (ck != NULL)
		sodium_free(ck);
}
