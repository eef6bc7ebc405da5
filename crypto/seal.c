/*
 * seal.c - authenticated encryption with additional data.
 *
 * Every blob is: version byte, 24-byte random nonce, XChaCha20-Poly1305
 * ciphertext and tag.  The additional data names the domain, table, column,
 * row and candidate, so a blob copied into another row or another candidate's
 * record fails to open.  Opening fails closed: no partial plaintext is ever
 * returned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
tbuf_free(struct tbuf *b)
{
	if (b == NULL || b->data == NULL)
		return;
	sodium_memzero(b->data, b->len);
	free(b->data);
	b->data = NULL;
	b->len = 0;
}

/* Appends S to the buffer at *P (bounded by END). */
static void
put_str(char **p, char *end, const char *s)
{
	while (*s != '\0' && *p < end)
		*(*p)++ = *s++;
}

static void
put_num(char **p, char *end, long long v)
{
	char digits[24];
	int n = 0;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		digits[n++] = '-';
	while (n > 0 && *p < end)
		*(*p)++ = digits[--n];
}

/* "tact1|DOMAIN|TABLE|COLUMN|ROW|CANDIDATE"; written by hand rather than
 * with snprintf, which cost a quarter of a report's time. */
size_t
tc_ad_format(const char *domain, const struct tc_ad *ad, char *buf, size_t size)
{
	char *p = buf, *end = buf + size - 1;

	put_str(&p, end, "tact");
	put_num(&p, end, TC_BLOB_VERSION);
	put_str(&p, end, "|");
	put_str(&p, end, domain);
	put_str(&p, end, "|");
	put_str(&p, end, ad->table);
	put_str(&p, end, "|");
	put_str(&p, end, ad->column);
	put_str(&p, end, "|");
	put_num(&p, end, ad->row);
	put_str(&p, end, "|");
	put_num(&p, end, ad->candidate);
	*p = '\0';
	return (size_t)(p - buf);
}

int
tc_seal_raw(const uint8_t key[TC_KEY_LEN], const char *adstr, size_t adlen,
    const void *pt, size_t len, struct tbuf *out, struct tc_err *err)
{
	uint8_t *p;
	unsigned long long clen;

	out->data = NULL;
	out->len = 0;
	p = malloc(len + TC_SEAL_OVERHEAD);
	if (p == NULL)
		return tc_err_set(err, EX_OSERR, "out of memory");
	p[0] = TC_BLOB_VERSION;
	randombytes_buf(p + 1, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(p + 1 + 24, &clen, pt, len,
	    (const unsigned char *)adstr, adlen, NULL, p + 1, key);
	out->data = p;
	out->len = 1 + 24 + (size_t)clen;
	return 0;
}

int
tc_open_raw(const uint8_t key[TC_KEY_LEN], const char *adstr, size_t adlen,
    const void *ct, size_t len, struct tbuf *out, struct tc_err *err)
{
	const uint8_t *c = ct;
	uint8_t *p;
	unsigned long long plen;

	out->data = NULL;
	out->len = 0;
	if (c == NULL || len < TC_SEAL_OVERHEAD || c[0] != TC_BLOB_VERSION)
		return tc_err_set(err, EX_DATAERR, "malformed ciphertext");
	/* One spare byte so text plaintexts can be NUL-terminated by callers. */
	p = malloc(len - TC_SEAL_OVERHEAD + 1);
	if (p == NULL)
		return tc_err_set(err, EX_OSERR, "out of memory");
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(p, &plen, NULL, c + 25, len - 25,
	    (const unsigned char *)adstr, adlen, c + 1, key) != 0) {
		free(p);
		return tc_err_set(err, EX_DATAERR, "ciphertext failed authentication");
	}
	p[plen] = '\0';
	out->data = p;
	out->len = (size_t)plen;
	return 0;
}

int
tc_part_private(uint64_t part)
{
	return part == TC_PART_PEOPLE || part == TC_PART_FOLLOWUP ||
	    part == TC_PART_CONFIDENTIAL_ID || part == TC_PART_CONFIDENTIAL_FEEDBACK_ID;
}

int
tc_part_key(const struct candkey *ck, uint64_t part, uint8_t *sub, struct tc_err *err)
{
	if (!ck->split || !tc_part_private(part)) {
		crypto_kdf_derive_from_key(sub, TC_KEY_LEN, part, "tactpart", ck->key);
		return 0;
	}
	if (!ck->has_priv)
		return tc_err_set(err, EX_NOPERM, "candidate %lld belongs to another member",
		    ck->candidate);
	/* Another context than the shared half's, so that the two halves never
	 * give the same subkey even if they were ever equal. */
	crypto_kdf_derive_from_key(sub, TC_KEY_LEN, part, "tactpriv", ck->priv);
	return 0;
}

int
tc_check_owner(const struct candkey *ck, const struct tc_ad *ad, struct tc_err *err)
{
	if (ck->candidate == 0 || ad->candidate != ck->candidate)
		return tc_err_set(err, EX_SOFTWARE, "key does not belong to candidate %lld",
		    ad->candidate);
	return 0;
}

static int
part_crypt(int seal, struct candkey *ck, enum tc_part part, const struct tc_ad *ad,
    const void *in, size_t len, struct tbuf *out, struct tc_err *err)
{
	char adstr[256];
	size_t adlen;

	if (part < TC_PART_IDENTITY || part > TC_PART_LAST || part == TC_PART_CONFIDENTIAL_ID)
		return tc_err_set(err, EX_SOFTWARE, "no such sealed part");
	if (tc_check_owner(ck, ad, err) != 0)
		return -1;
	if (!(ck->derived & (1u << part))) {
		if (tc_part_key(ck, (uint64_t)part, ck->part[part], err) != 0)
			return -1;
		ck->derived |= 1u << part;
	}
	adlen = tc_ad_format("part", ad, adstr, sizeof(adstr));
	if (seal)
		return tc_seal_raw(ck->part[part], adstr, adlen, in, len, out, err);
	return tc_open_raw(ck->part[part], adstr, adlen, in, len, out, err);
}

int
part_seal(struct candkey *ck, enum tc_part part, const struct tc_ad *ad,
    const void *pt, size_t len, struct tbuf *out, struct tc_err *err)
{
	return part_crypt(1, ck, part, ad, pt, len, out, err);
}

int
part_open(struct candkey *ck, enum tc_part part, const struct tc_ad *ad,
    const void *ct, size_t len, struct tbuf *out, struct tc_err *err)
{
	return part_crypt(0, ck, part, ad, ct, len, out, err);
}

int
keyring_seal(const struct keyring *kr, const struct tc_ad *ad, const void *pt, size_t len,
    struct tbuf *out, struct tc_err *err)
{
	char adstr[256];
	size_t adlen = tc_ad_format("vault", ad, adstr, sizeof(adstr));

	return tc_seal_raw(kr->vault, adstr, adlen, pt, len, out, err);
}

int
keyring_open_sealed(const struct keyring *kr, const struct tc_ad *ad, const void *ct, size_t len,
    struct tbuf *out, struct tc_err *err)
{
	char adstr[256];
	size_t adlen = tc_ad_format("vault", ad, adstr, sizeof(adstr));

	return tc_open_raw(kr->vault, adstr, adlen, ct, len, out, err);
}
