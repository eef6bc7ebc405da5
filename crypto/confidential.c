/*
 * confidential.c - the confidential note's own subkey.
 *
 * The subkey id TC_PART_CONFIDENTIAL_ID is used here and nowhere else, so
 * code that does not include confidential.h cannot open the note even by
 * mistake: part_open() refuses any part outside identity..shareable.
 * The confidential note of a client's feedback has its own id,
 * TC_PART_CONFIDENTIAL_FEEDBACK_ID, used the same way.  In a firm vault both
 * come from the candidate key's private half (crypto/seal.c, tc_part_key), so
 * only the owning member opens them.
 */
#include "confidential.h"
#include "internal.h"

/* Seals (SEAL set) or opens IN under subkey SUBKEY of CK, for AD in DOMAIN. */
static int
note_crypt(int seal, uint64_t subkey, const char *domain, struct candkey *ck,
    const struct tc_ad *ad, const void *in, size_t len, struct tbuf *out, struct tc_err *err)
{
	char adstr[256];
	size_t adlen;
	int rc;

	if (tc_check_owner(ck, ad, err) != 0)
		return -1;
	if (tc_part_key(ck, subkey, ck->scratch, err) != 0)
		return -1;
	adlen = tc_ad_format(domain, ad, adstr, sizeof(adstr));
	if (seal)
		rc = tc_seal_raw(ck->scratch, adstr, adlen, in, len, out, err);
	else
		rc = tc_open_raw(ck->scratch, adstr, adlen, in, len, out, err);
	sodium_memzero(ck->scratch, sizeof(ck->scratch));
	return rc;
}

static int
conf_crypt(int seal, struct candkey *ck, const struct tc_ad *ad, const void *in, size_t len,
    struct tbuf *out, struct tc_err *err)
{
	return note_crypt(seal, TC_PART_CONFIDENTIAL_ID, "confidential", ck, ad, in, len, out, err);
}

static int
fb_crypt(int seal, struct candkey *ck, const struct tc_ad *ad, const void *in, size_t len,
    struct tbuf *out, struct tc_err *err)
{
	return note_crypt(seal, TC_PART_CONFIDENTIAL_FEEDBACK_ID, "feedback-confidential", ck, ad,
	    in, len, out, err);
}

int
confidential_seal(struct candkey *ck, const struct tc_ad *ad, const void *pt,
    size_t len, struct tbuf *out, struct tc_err *err)
{
	return conf_crypt(1, ck, ad, pt, len, out, err);
}

int
confidential_reseal(struct candkey *from, const struct tc_ad *from_ad, struct candkey *to,
    const struct tc_ad *to_ad, const void *ct, size_t len, struct tbuf *out,
    struct tc_err *err)
{
	struct tbuf pt = { NULL, 0 };
	int rc;

	if (conf_crypt(0, from, from_ad, ct, len, &pt, err) != 0)
		return -1;
	rc = conf_crypt(1, to, to_ad, pt.data, pt.len, out, err);
	tbuf_free(&pt);
	return rc;
}

int
confidential_open(struct candkey *ck, const struct tc_ad *ad, const void *ct,
    size_t len, struct tbuf *out, struct tc_err *err)
{
	return conf_crypt(0, ck, ad, ct, len, out, err);
}

int
confidential_check(struct candkey *ck, const struct tc_ad *ad, const void *ct, size_t len,
    struct tc_err *err)
{
	struct tbuf pt = { NULL, 0 };
	int rc = conf_crypt(0, ck, ad, ct, len, &pt, err);

	tbuf_free(&pt);
	return rc;
}

int
confidential_feedback_seal(struct candkey *ck, const struct tc_ad *ad, const void *pt,
    size_t len, struct tbuf *out, struct tc_err *err)
{
	return fb_crypt(1, ck, ad, pt, len, out, err);
}

int
confidential_feedback_check(struct candkey *ck, const struct tc_ad *ad, const void *ct,
    size_t len, struct tc_err *err)
{
	struct tbuf pt = { NULL, 0 };
	int rc = fb_crypt(0, ck, ad, ct, len, &pt, err);

	tbuf_free(&pt);
	return rc;
}

int
confidential_feedback_open(struct candkey *ck, const struct tc_ad *ad, const void *ct,
    size_t len, struct tbuf *out, struct tc_err *err)
{
	return fb_crypt(0, ck, ad, ct, len, out, err);
}

int
confidential_feedback_reseal(struct candkey *from, const struct tc_ad *from_ad,
    struct candkey *to, const struct tc_ad *to_ad, const void *ct, size_t len,
    struct tbuf *out, struct tc_err *err)
{
	struct tbuf pt = { NULL, 0 };
	int rc;

	if (fb_crypt(0, from, from_ad, ct, len, &pt, err) != 0)
		return -1;
	rc = fb_crypt(1, to, to_ad, pt.data, pt.len, out, err);
	tbuf_free(&pt);
	return rc;
}
