/*
 * fuzz_open.c - libFuzzer harness for opening sealed blobs: part_open,
 * keyring_open_sealed, confidential_open and candkey_unwrap (crypto/).
 *
 * A fixed keyring and candidate key are made once.  Each input is tried as
 * a blob, as it is and behind a valid version byte (so more of it reaches
 * the AEAD): every open must fail closed, returning -1 with EX_DATAERR and
 * no output at all (a forgery that authenticates would take 2^-128 luck).
 * The input is then sealed as plaintext under each key and must open back
 * to the same bytes, NUL-terminated; with one byte of the blob flipped, or
 * opened under another row, candidate, column or part, it must not.
 */
#include <string.h>
#include <sysexits.h>

#include "crypto/confidential.h"
#include "fuzz.h"

static struct keyring *kr;
static struct candkey *ck, *scratch;

#define CAND 7

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct tc_err err = { 0 };

	(void)argc;
	(void)argv;
	if (tc_init(&err) != 0 || (kr = keyring_new_random(&err)) == NULL ||
	    (ck = candkey_alloc(&err)) == NULL || (scratch = candkey_alloc(&err)) == NULL) {
		fprintf(stderr, "fuzz_open: init: %s\n", err.msg);
		abort();
	}
	candkey_generate(ck, CAND);
	return 0;
}

/* Checks that an open of a blob that was never sealed failed closed. */
static void
failed_closed(const char *what, int rc, const struct tbuf *out, const struct tc_err *err,
    int code)
{
	FUZZ_CHECK(rc == -1, "%s: opened a forged blob (rc %d)", what, rc);
	FUZZ_CHECK(out->data == NULL && out->len == 0, "%s: output left after failing", what);
	FUZZ_CHECK(err->code == code, "%s: code %d, want %d (%s)", what, err->code, code,
	    err->msg);
}

static void
try_forged(const uint8_t *blob, size_t len)
{
	struct tc_ad ad = { "turndowns", "signals", 1, CAND };
	struct tc_ad vad = { "clients", "name", 1, 0 };
	struct tbuf out = { NULL, 0 };
	struct tc_err err;
	int rc;

	for (int part = TC_PART_IDENTITY; part <= TC_PART_SHAREABLE; part++) {
		memset(&err, 0, sizeof(err));
		out = (struct tbuf){ NULL, 0 };
		rc = part_open(ck, (enum tc_part)part, &ad, blob, len, &out, &err);
		failed_closed("part_open", rc, &out, &err, EX_DATAERR);
	}
	/* Parts outside identity..shareable are refused whatever the blob. */
	memset(&err, 0, sizeof(err));
	rc = part_open(ck, (enum tc_part)TC_PART_CONFIDENTIAL_ID, &ad, blob, len, &out, &err);
	FUZZ_CHECK(rc == -1 && out.data == NULL, "part_open opened the confidential part");
	memset(&err, 0, sizeof(err));
	rc = keyring_open_sealed(kr, &vad, blob, len, &out, &err);
	failed_closed("keyring_open_sealed", rc, &out, &err, EX_DATAERR);
	memset(&err, 0, sizeof(err));
	ad.column = "confidential";
	rc = confidential_open(ck, &ad, blob, len, &out, &err);
	failed_closed("confidential_open", rc, &out, &err, EX_DATAERR);
	memset(&err, 0, sizeof(err));
	rc = candkey_unwrap(kr, scratch, CAND, blob, len, &err);
	FUZZ_CHECK(rc == -1 && err.code == EX_DATAERR, "candkey_unwrap took a forged key");
	FUZZ_CHECK(candkey_candidate(scratch) == 0, "a failed unwrap left a candidate key");
}

/* Seals PT with SEAL, checks it opens back, and fails once tampered with. */
static void
round_trip(const char *what, const uint8_t *pt, size_t len, size_t flip,
    int (*seal)(const void *, size_t, struct tbuf *, struct tc_err *),
    int (*open)(int variant, const void *, size_t, struct tbuf *, struct tc_err *))
{
	struct tbuf blob = { 0 }, out = { 0 };
	struct tc_err err = { 0 };
	int rc;

	FUZZ_CHECK(seal(pt, len, &blob, &err) == 0, "%s: seal: %s", what, err.msg);
	FUZZ_CHECK(blob.len == len + TC_SEAL_OVERHEAD, "%s: blob of %zu bytes for %zu", what,
	    blob.len, len);
	rc = open(0, blob.data, blob.len, &out, &err);
	FUZZ_CHECK(rc == 0, "%s: open: %s", what, err.msg);
	FUZZ_CHECK(out.len == len && (len == 0 || memcmp(out.data, pt, len) == 0),
	    "%s: opened to other bytes", what);
	FUZZ_CHECK(out.data != NULL && out.data[len] == '\0', "%s: not NUL-terminated", what);
	tbuf_free(&out);
	/* Every other binding (row, candidate, column, part) must refuse it. */
	for (int variant = 1; variant <= 4; variant++) {
		memset(&err, 0, sizeof(err));
		rc = open(variant, blob.data, blob.len, &out, &err);
		if (rc == 1)    /* this kind of key has no such binding */
			continue;
		FUZZ_CHECK(rc == -1 && out.data == NULL, "%s: opened under binding %d", what,
		    variant);
	}
	/* One bit flipped anywhere, or one byte short: refused. */
	blob.data[flip % blob.len] ^= (uint8_t)(1u << (flip % 8));
	memset(&err, 0, sizeof(err));
	rc = open(0, blob.data, blob.len, &out, &err);
	failed_closed(what, rc, &out, &err, EX_DATAERR);
	blob.data[flip % blob.len] ^= (uint8_t)(1u << (flip % 8));
	memset(&err, 0, sizeof(err));
	rc = open(0, blob.data, blob.len - 1, &out, &err);
	failed_closed(what, rc, &out, &err, EX_DATAERR);
	tbuf_free(&blob);
}

static int cur_part = TC_PART_SIGNALS;

static int
seal_part(const void *pt, size_t len, struct tbuf *out, struct tc_err *err)
{
	struct tc_ad ad = { "turndowns", "signals", 3, CAND };

	return part_seal(ck, (enum tc_part)cur_part, &ad, pt, len, out, err);
}

static int
open_part(int variant, const void *ct, size_t len, struct tbuf *out, struct tc_err *err)
{
	struct tc_ad ad = { "turndowns", "signals", 3, CAND };
	int part = cur_part;

	switch (variant) {
	case 1: ad.row = 4; break;
	case 2: ad.candidate = CAND + 1; break;
	case 3: ad.column = "people"; break;
	case 4: part = cur_part % TC_PART_SHAREABLE + 1; break;
	}
	return part_open(ck, (enum tc_part)part, &ad, ct, len, out, err);
}

static int
seal_conf(const void *pt, size_t len, struct tbuf *out, struct tc_err *err)
{
	struct tc_ad ad = { "turndowns", "confidential", 3, CAND };

	return confidential_seal(ck, &ad, pt, len, out, err);
}

static int
open_conf(int variant, const void *ct, size_t len, struct tbuf *out, struct tc_err *err)
{
	struct tc_ad ad = { "turndowns", "confidential", 3, CAND };
	struct tc_ad pad = { "turndowns", "shareable", 3, CAND };

	switch (variant) {
	case 1: ad.row = 4; break;
	case 2: ad.candidate = CAND + 1; break;
	case 3: ad.column = "shareable"; break;
	case 4: /* the shareable part's key must not open the confidential note */
		return part_open(ck, TC_PART_SHAREABLE, &pad, ct, len, out, err);
	}
	return confidential_open(ck, &ad, ct, len, out, err);
}

static int
seal_vault(const void *pt, size_t len, struct tbuf *out, struct tc_err *err)
{
	struct tc_ad ad = { "clients", "name", 3, 0 };

	return keyring_seal(kr, &ad, pt, len, out, err);
}

static int
open_vault(int variant, const void *ct, size_t len, struct tbuf *out, struct tc_err *err)
{
	struct tc_ad ad = { "clients", "name", 3, 0 };

	switch (variant) {
	case 1: ad.row = 4; break;
	case 2: ad.candidate = CAND; break;
	case 3: ad.table = "candidates"; break;
	case 4: return 1;
	}
	return keyring_open_sealed(kr, &ad, ct, len, out, err);
}

static void
wrap_trip(size_t flip)
{
	uint8_t w[TC_WRAPPED_KEY_LEN];
	struct tc_err err = { 0 };

	candkey_wrap(kr, ck, w);
	FUZZ_CHECK(candkey_unwrap(kr, scratch, CAND, w, sizeof(w), &err) == 0, "unwrap: %s",
	    err.msg);
	FUZZ_CHECK(candkey_candidate(scratch) == CAND, "unwrapped for %lld",
	    candkey_candidate(scratch));
	memset(&err, 0, sizeof(err));
	FUZZ_CHECK(candkey_unwrap(kr, scratch, CAND + 1, w, sizeof(w), &err) == -1 &&
	    candkey_candidate(scratch) == 0, "a key moved to another candidate unwrapped");
	w[flip % sizeof(w)] ^= (uint8_t)(1u << (flip % 8));
	memset(&err, 0, sizeof(err));
	FUZZ_CHECK(candkey_unwrap(kr, scratch, CAND, w, sizeof(w), &err) == -1 &&
	    candkey_candidate(scratch) == 0, "a tampered key unwrapped");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *v;
	size_t flip = 0;

	try_forged(data, size);
	/* Behind a good version byte, so the AEAD itself sees the bytes. */
	if ((v = malloc(size + 1)) == NULL)
		abort();
	v[0] = 1;
	if (size > 0)
		memcpy(v + 1, data, size);
	try_forged(v, size + 1);
	free(v);

	for (size_t i = 0; i < size && i < 4; i++)
		flip = flip << 8 | data[i];
	cur_part = TC_PART_IDENTITY + (int)(size > 0 ? data[0] % 4 : 0);
	round_trip("part", data, size, flip, seal_part, open_part);
	round_trip("confidential", data, size, flip, seal_conf, open_conf);
	round_trip("vault", data, size, flip, seal_vault, open_vault);
	wrap_trip(flip);
	return 0;
}
