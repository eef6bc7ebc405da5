/*
 * check_crypto.c - unit tests for crypto/: sealing in parts, key slots,
 * candidate keys, blind indexes, passphrase files and sessions.
 *
 * Most tests are about failing closed: a blob that was tampered with,
 * truncated, swapped into another row, column, table or candidate, or opened
 * with the wrong key or as the wrong part must give -1 with EX_DATAERR and no
 * output at all.  Blobs under test are copied into buffers of their exact
 * length so that ASan and valgrind see any read past the end.
 *
 * The sealing tests run once for every kind of blob: each part of
 * tcrypto.h, the confidential note, and vault-level blobs.
 *
 * Every test gets a fresh temporary folder (for passphrase files) with its
 * own XDG_RUNTIME_DIR inside, so session tests can count the files they make.
 * Key slots use the "interactive" Argon2id level only, to stay fast.
 */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "crypto/confidential.h"
#include "crypto/internal.h"         /* tc_check_owner, and keyring layout for a few checks */
#include "crypto/tcrypto.h"
#include "fixture.h"
#include "suites.h"

#define CAND 7
#define OTHER_CAND 8

static char tmpdir[PATH_MAX];
static char *saved_runtime;             /* XDG_RUNTIME_DIR before the test */
static struct keyring *kr, *kr_other;   /* two unrelated vaults' keyrings */
static struct candkey *ck;              /* CAND's key */
static struct candkey *ck_twin;         /* another random key, also for CAND */
static struct candkey *ck_other;        /* OTHER_CAND's key */
static uint8_t vid[TC_VAULT_ID_LEN], vid_other[TC_VAULT_ID_LEN];

static void
setup(void)
{
	const char *rt = getenv("XDG_RUNTIME_DIR");
	char run[PATH_MAX + 8];
	struct tc_err err = { 0 };

	fixture_mkdir(tmpdir, sizeof(tmpdir), "crypto");
	saved_runtime = rt != NULL ? strdup(rt) : NULL;
	snprintf(run, sizeof(run), "%s/run", tmpdir);
	ck_assert_int_eq(mkdir(run, 0700), 0);
	setenv("XDG_RUNTIME_DIR", run, 1);

	kr = keyring_new_random(&err);
	kr_other = keyring_new_random(&err);
	ck = candkey_alloc(&err);
	ck_twin = candkey_alloc(&err);
	ck_other = candkey_alloc(&err);
	ck_assert_msg(kr && kr_other && ck && ck_twin && ck_other, "setup: %s", err.msg);
	candkey_generate(ck, CAND);
	candkey_generate(ck_twin, CAND);
	candkey_generate(ck_other, OTHER_CAND);
	tc_random(vid, sizeof(vid));
	tc_random(vid_other, sizeof(vid_other));
}

static void
teardown(void)
{
	keyring_free(kr);
	keyring_free(kr_other);
	candkey_free(ck);
	candkey_free(ck_twin);
	candkey_free(ck_other);
	kr = kr_other = NULL;
	ck = ck_twin = ck_other = NULL;
	if (saved_runtime != NULL)
		setenv("XDG_RUNTIME_DIR", saved_runtime, 1);
	else
		unsetenv("XDG_RUNTIME_DIR");
	free(saved_runtime);
	saved_runtime = NULL;
	fixture_rmtree(tmpdir);
}

/* Returns PATH of NAME inside the test's folder, in one of a few static buffers. */
static const char *
tpath(const char *name)
{
	static char bufs[4][PATH_MAX + 64];
	static int next;
	char *b = bufs[next++ % 4];

	snprintf(b, sizeof(bufs[0]), "%s/%s", tmpdir, name);
	return b;
}

static void
write_file(const char *name, const void *data, size_t len)
{
	FILE *f = fopen(tpath(name), "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* Returns TEXT as a secret, read through a passphrase file; free with secret_free(). */
static struct secret *
make_secret(const char *text)
{
	struct tc_err err = { 0 };
	struct secret *s;
	char line[1100];

	snprintf(line, sizeof(line), "%s\n", text);
	write_file("passphrase", line, strlen(line));
	s = secret_from_file(tpath("passphrase"), &err);
	ck_assert_msg(s != NULL, "secret_from_file: %s", err.msg);
	return s;
}

/* Returns a malloc'd copy of LEN bytes of P (exactly LEN, so overreads show). */
static uint8_t *
copy_exact(const void *p, size_t len)
{
	uint8_t *c = malloc(len > 0 ? len : 1);

	ck_assert_ptr_nonnull(c);
	if (len > 0)
		memcpy(c, p, len);
	return c;
}

/* --- sealing: the same tests for every kind of blob --- */

/*
 * The kinds of blob, numbered so that every sealed part is its own number:
 * 0 is a vault-level blob, TC_PART_CONFIDENTIAL_ID the confidential note,
 * and every other number up to TC_PART_LAST the part_seal() part of it.
 */
enum kind {
	K_VAULT = 0,
	K_IDENTITY = TC_PART_IDENTITY,
	K_SIGNALS = TC_PART_SIGNALS,
	K_PEOPLE = TC_PART_PEOPLE,
	K_SHAREABLE = TC_PART_SHAREABLE,
	K_CONFIDENTIAL = TC_PART_CONFIDENTIAL_ID,
	NKINDS = (TC_PART_LAST > TC_PART_CONFIDENTIAL_ID ? TC_PART_LAST : TC_PART_CONFIDENTIAL_ID) + 1
};

static const char *
kind_name(int kind)
{
	static char buf[32];

	switch (kind) {
	case K_VAULT: return "vault-level blob";
	case K_IDENTITY: return "identity part";
	case K_SIGNALS: return "signals part";
	case K_PEOPLE: return "people part";
	case K_SHAREABLE: return "shareable part";
	case K_CONFIDENTIAL: return "confidential note";
	default:
		snprintf(buf, sizeof(buf), "part %d", kind);
		return buf;
	}
}

/* Seals (SEAL) or opens as KIND: under candidate key K, or keyring R for K_VAULT. */
static int
kind_crypt(int seal, int kind, struct candkey *k, const struct keyring *r, const struct tc_ad *ad,
    const void *in, size_t len, struct tbuf *out, struct tc_err *err)
{
	switch (kind) {
	case K_CONFIDENTIAL:
		return seal ? confidential_seal(k, ad, in, len, out, err) :
		    confidential_open(k, ad, in, len, out, err);
	case K_VAULT:
		return seal ? keyring_seal(r, ad, in, len, out, err) :
		    keyring_open_sealed(r, ad, in, len, out, err);
	default:
		return seal ? part_seal(k, (enum tc_part)kind, ad, in, len, out, err) :
		    part_open(k, (enum tc_part)kind, ad, in, len, out, err);
	}
}

/* The additional data a KIND blob is sealed with in these tests. */
static struct tc_ad
base_ad(int kind)
{
	struct tc_ad ad = { "turndowns", "signals", 42, CAND };

	if (kind == K_VAULT) {
		ad.table = "clients";
		ad.column = "name";
		ad.candidate = 0;
	}
	return ad;
}

/* Seals PT as KIND under the test's own keys; the caller frees OUT. */
static void
seal_as(int kind, const struct tc_ad *ad, const char *pt, struct tbuf *out)
{
	struct tc_err err = { 0 };

	ck_assert_msg(kind_crypt(1, kind, ck, kr, ad, pt, strlen(pt), out, &err) == 0,
	    "%s: seal failed: %s", kind_name(kind), err.msg);
	ck_assert_uint_eq(out->len, strlen(pt) + TC_SEAL_OVERHEAD);
}

/* Opens CT (copied to an exact-size buffer) as KIND; checks -1, EX_DATAERR, no output. */
static void
check_fails(int kind, struct candkey *k, const struct keyring *r, const struct tc_ad *ad,
    const void *ct, size_t len, const char *what, size_t at)
{
	uint8_t *copy = ct != NULL ? copy_exact(ct, len) : NULL;
	struct tbuf out = { (uint8_t *)"poison", 99 };
	struct tc_err err = { 0 };
	int rc, cleared;

	rc = kind_crypt(0, kind, k, r, ad, copy, len, &out, &err);
	cleared = out.data == NULL && out.len == 0;
	if (rc == 0)
		tbuf_free(&out);
	free(copy);
	ck_assert_msg(rc == -1 && err.code == EX_DATAERR && cleared,
	    "%s, %s (%zu): got rc %d, code %d, output %s", kind_name(kind), what, at, rc,
	    err.code, cleared ? "cleared" : "left set");
}

START_TEST(test_seal_roundtrip)
{
	const char *pt = "I could not stand the HR partner";
	struct tc_ad ad = base_ad(_i);
	struct tbuf a = { 0 }, b = { 0 }, out = { 0 };
	struct tc_err err = { 0 };
	uint8_t *copy;

	seal_as(_i, &ad, pt, &a);
	seal_as(_i, &ad, pt, &b);
	ck_assert_msg(memcmp(a.data, b.data, a.len) != 0, "two seals are identical (nonce reused)");
	ck_assert_ptr_null(memmem(a.data, a.len, "HR partner", 10));
	copy = copy_exact(a.data, a.len);
	ck_assert_msg(kind_crypt(0, _i, ck, kr, &ad, copy, a.len, &out, &err) == 0,
	    "%s: open failed: %s", kind_name(_i), err.msg);
	free(copy);
	ck_assert_uint_eq(out.len, strlen(pt));
	ck_assert_mem_eq(out.data, pt, out.len);
	ck_assert_int_eq(out.data[out.len], '\0');
	tbuf_free(&out);
	ck_assert_ptr_null(out.data);
	ck_assert_uint_eq(out.len, 0);
	tbuf_free(&a);
	tbuf_free(&b);
}
END_TEST

START_TEST(test_seal_empty_plaintext)
{
	struct tc_ad ad = base_ad(_i);
	struct tbuf a = { 0 }, out = { 0 };
	struct tc_err err = { 0 };

	ck_assert_int_eq(kind_crypt(1, _i, ck, kr, &ad, "", 0, &a, &err), 0);
	ck_assert_uint_eq(a.len, TC_SEAL_OVERHEAD);
	ck_assert_int_eq(kind_crypt(0, _i, ck, kr, &ad, a.data, a.len, &out, &err), 0);
	ck_assert_uint_eq(out.len, 0);
	tbuf_free(&out);
	tbuf_free(&a);
}
END_TEST

START_TEST(test_seal_wrong_key)
{
	struct tc_ad ad = base_ad(_i);
	struct tbuf a = { 0 };

	seal_as(_i, &ad, "shareable: the commute", &a);
	/* Another random key for the same candidate, or another vault's keyring. */
	check_fails(_i, ck_twin, kr_other, &ad, a.data, a.len, "wrong key", 0);
	tbuf_free(&a);
}
END_TEST

START_TEST(test_seal_flipped_byte)
{
	static const uint8_t masks[] = { 0x01, 0x80, 0xff };
	struct tc_ad ad = base_ad(_i);
	struct tbuf a = { 0 };
	uint8_t *t;

	seal_as(_i, &ad, "ok", &a);
	t = copy_exact(a.data, a.len);
	for (size_t pos = 0; pos < a.len; pos++) {
		for (size_t m = 0; m < sizeof(masks); m++) {
			t[pos] ^= masks[m];
			check_fails(_i, ck, kr, &ad, t, a.len, "flipped byte at", pos);
			t[pos] ^= masks[m];
		}
	}
	free(t);
	tbuf_free(&a);
}
END_TEST

START_TEST(test_seal_ad_swapped)
{
	struct tc_ad ad = base_ad(_i), other;
	struct tbuf a = { 0 };

	seal_as(_i, &ad, "people: Dana (hiring manager), negative", &a);
	other = ad;
	other.row = ad.row + 1;
	check_fails(_i, ck, kr, &other, a.data, a.len, "other row", 0);
	other = ad;
	other.column = "people";
	check_fails(_i, ck, kr, &other, a.data, a.len, "other column", 0);
	other = ad;
	other.table = "candidates";
	check_fails(_i, ck, kr, &other, a.data, a.len, "other table", 0);
	other = ad;
	if (_i == K_VAULT) {
		other.candidate = OTHER_CAND;
		check_fails(_i, ck, kr, &other, a.data, a.len, "other candidate", 0);
	} else {
		/* Copied into another candidate's record, opened with that candidate's key. */
		other.candidate = OTHER_CAND;
		check_fails(_i, ck_other, kr, &other, a.data, a.len, "other candidate", 0);
	}
	tbuf_free(&a);
}
END_TEST

START_TEST(test_seal_truncated)
{
	struct tc_ad ad = base_ad(_i);
	struct tbuf a = { 0 };

	seal_as(_i, &ad, "a short note", &a);
	for (size_t len = 0; len < a.len; len++)
		check_fails(_i, ck, kr, &ad, a.data, len, "truncated to", len);
	tbuf_free(&a);
}
END_TEST

START_TEST(test_seal_empty_blob)
{
	struct tc_ad ad = base_ad(_i);

	check_fails(_i, ck, kr, &ad, NULL, 0, "NULL blob", 0);
	check_fails(_i, ck, kr, &ad, "", 0, "empty blob", 0);
	check_fails(_i, ck, kr, &ad, "\x01", 1, "version byte only", 0);
}
END_TEST

/* A blob of one kind never opens as another: the parts have separate keys. */
START_TEST(test_seal_cross_kind)
{
	static const int no_parts[] = { 0, TC_PART_CONFIDENTIAL_ID, TC_PART_LAST + 1, 100 };
	struct tc_ad ad = base_ad(_i);
	struct tbuf a = { 0 }, out = { 0 };
	struct tc_err err;
	int part;

	seal_as(_i, &ad, "the confidential bits", &a);
	for (int other = 0; other < NKINDS; other++) {
		struct tc_ad oad = ad;

		if (other == _i)
			continue;
		/* Same table, column, row (and candidate where it has one): only the key
		 * and the domain differ. */
		if (other != K_VAULT)
			oad.candidate = CAND;
		check_fails(other, ck, kr, &oad, a.data, a.len, "opened as", (size_t)other);
	}
	/* part_seal and part_open know no part 0, none past the last, and not the
	 * confidential note's subkey id. */
	ad.candidate = CAND;
	for (size_t j = 0; j < sizeof(no_parts) / sizeof(no_parts[0]); j++) {
		part = no_parts[j];
		memset(&err, 0, sizeof(err));
		out.data = NULL;
		out.len = 0;
		ck_assert_int_eq(part_open(ck, (enum tc_part)part, &ad, a.data, a.len, &out, &err), -1);
		ck_assert_int_ne(err.code, 0);
		ck_assert_ptr_null(out.data);
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(part_seal(ck, (enum tc_part)part, &ad, "x", 1, &out, &err), -1);
		ck_assert_int_ne(err.code, 0);
		ck_assert_ptr_null(out.data);
	}
	tbuf_free(&a);
}
END_TEST

START_TEST(test_check_owner)
{
	struct tc_ad mine = base_ad(K_SIGNALS), theirs = mine;
	struct tbuf a = { 0 }, out = { 0 };
	struct tc_err err = { 0 };
	struct candkey *empty;

	theirs.candidate = OTHER_CAND;
	ck_assert_int_eq(tc_check_owner(ck, &mine, &err), 0);
	ck_assert_int_eq(err.code, 0);
	ck_assert_int_eq(tc_check_owner(ck, &theirs, &err), -1);
	ck_assert_int_eq(err.code, EX_SOFTWARE);

	/* Sealing or opening with a key of another candidate is a programming error. */
	seal_as(K_SIGNALS, &mine, "compensation", &a);
	for (int kind = K_IDENTITY; kind < NKINDS; kind++) {
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(kind_crypt(1, kind, ck, kr, &theirs, "x", 1, &out, &err), -1);
		ck_assert_int_eq(err.code, EX_SOFTWARE);
		ck_assert_ptr_null(out.data);
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(kind_crypt(0, kind, ck, kr, &theirs, a.data, a.len, &out, &err), -1);
		ck_assert_int_eq(err.code, EX_SOFTWARE);
		ck_assert_ptr_null(out.data);
	}

	/* An empty handle belongs to nobody, not even to candidate 0. */
	empty = candkey_alloc(&err);
	ck_assert_ptr_nonnull(empty);
	ck_assert_int_eq(candkey_candidate(empty), 0);
	theirs.candidate = 0;
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(tc_check_owner(empty, &theirs, &err), -1);
	ck_assert_int_eq(err.code, EX_SOFTWARE);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(part_seal(empty, TC_PART_SIGNALS, &theirs, "x", 1, &out, &err), -1);
	ck_assert_int_eq(err.code, EX_SOFTWARE);
	candkey_free(empty);
	tbuf_free(&a);
}
END_TEST

/* A handle refilled with another key must not keep the old key's cached subkeys. */
START_TEST(test_candkey_handle_refill)
{
	struct tc_ad ad = base_ad(K_SHAREABLE);
	uint8_t wa[TC_WRAPPED_KEY_LEN], wb[TC_WRAPPED_KEY_LEN];
	struct tbuf blob = { 0 }, out = { 0 };
	struct tc_err err = { 0 };
	struct candkey *h = candkey_alloc(&err);

	ck_assert_ptr_nonnull(h);
	seal_as(K_SHAREABLE, &ad, "happy to be referred", &blob);
	candkey_wrap(kr, ck, wa);
	candkey_wrap(kr, ck_twin, wb);

	ck_assert_int_eq(candkey_unwrap(kr, h, CAND, wa, sizeof(wa), &err), 0);
	ck_assert_int_eq(part_open(h, TC_PART_SHAREABLE, &ad, blob.data, blob.len, &out, &err), 0);
	tbuf_free(&out);
	ck_assert_int_eq(candkey_unwrap(kr, h, CAND, wb, sizeof(wb), &err), 0);
	check_fails(K_SHAREABLE, h, kr, &ad, blob.data, blob.len, "after refilling the handle", 0);
	candkey_generate(h, CAND);
	check_fails(K_SHAREABLE, h, kr, &ad, blob.data, blob.len, "after generating into it", 0);
	ck_assert_int_eq(candkey_unwrap(kr, h, CAND, wa, sizeof(wa), &err), 0);
	ck_assert_int_eq(part_open(h, TC_PART_SHAREABLE, &ad, blob.data, blob.len, &out, &err), 0);
	ck_assert_mem_eq(out.data, "happy to be referred", out.len);
	tbuf_free(&out);
	tbuf_free(&blob);
	candkey_free(h);
}
END_TEST

/* --- key slots --- */

/* Checks that A and B hold the same master key, through what each one seals. */
static void
check_same_master(const struct keyring *a, const struct keyring *b)
{
	const struct tc_ad ad = { "clients", "name", 3, 0 };
	struct tbuf blob = { 0 }, out = { 0 };
	struct tc_err err = { 0 };
	uint8_t ba[TC_BLIND_LEN], bb[TC_BLIND_LEN];

	ck_assert_int_eq(keyring_seal(a, &ad, "Acme Corp", 9, &blob, &err), 0);
	ck_assert_msg(keyring_open_sealed(b, &ad, blob.data, blob.len, &out, &err) == 0,
	    "the other keyring cannot open: %s", err.msg);
	ck_assert_mem_eq(out.data, "Acme Corp", 9);
	tbuf_free(&out);
	tbuf_free(&blob);
	ck_assert_int_eq(keyring_seal(b, &ad, "Globex", 6, &blob, &err), 0);
	ck_assert_int_eq(keyring_open_sealed(a, &ad, blob.data, blob.len, &out, &err), 0);
	tbuf_free(&out);
	tbuf_free(&blob);
	blind_index(a, "client", "acme corp", ba);
	blind_index(b, "client", "acme corp", bb);
	ck_assert_mem_eq(ba, bb, TC_BLIND_LEN);
}

START_TEST(test_keyslot_roundtrip)
{
	struct secret *pass = make_secret("correct horse battery staple");
	struct keyslot slot;
	struct keyring *opened;
	struct tc_err err = { 0 };

	ck_assert_msg(keyslot_seal(kr, pass, TC_KDF_INTERACTIVE, vid, &slot, &err) == 0,
	    "keyslot_seal: %s", err.msg);
	ck_assert_int_eq(slot.alg, crypto_pwhash_ALG_ARGON2ID13);
	ck_assert_uint_eq(slot.opslimit, crypto_pwhash_OPSLIMIT_INTERACTIVE);
	ck_assert_uint_eq(slot.memlimit, crypto_pwhash_MEMLIMIT_INTERACTIVE);
	ck_assert_str_eq(tc_kdf_name(slot.opslimit, slot.memlimit), "interactive");
	ck_assert_ptr_null(memmem(&slot, sizeof(slot), kr->master, TC_KEY_LEN));
	opened = keyslot_open(&slot, pass, vid, &err);
	ck_assert_msg(opened != NULL, "keyslot_open: %s", err.msg);
	check_same_master(kr, opened);
	keyring_free(opened);
	secret_free(pass);
}
END_TEST

START_TEST(test_keyslot_wrong_passphrase)
{
	struct secret *pass = make_secret("correct horse battery staple");
	struct secret *wrong = make_secret("correct horse battery stapler");
	struct keyslot slot;
	struct keyring *opened;
	struct tc_err err = { 0 };

	ck_assert_int_eq(keyslot_seal(kr, pass, TC_KDF_INTERACTIVE, vid, &slot, &err), 0);
	opened = keyslot_open(&slot, wrong, vid, &err);
	keyring_free(opened);
	ck_assert_ptr_null(opened);
	ck_assert_int_eq(err.code, EX_NOPERM);
	secret_free(pass);
	secret_free(wrong);
}
END_TEST

START_TEST(test_keyslot_other_vault)
{
	struct secret *pass = make_secret("correct horse battery staple");
	struct keyslot slot;
	struct keyring *opened;
	struct tc_err err = { 0 };

	ck_assert_int_eq(keyslot_seal(kr, pass, TC_KDF_INTERACTIVE, vid, &slot, &err), 0);
	opened = keyslot_open(&slot, pass, vid_other, &err);
	keyring_free(opened);
	ck_assert_ptr_null(opened);
	ck_assert_int_ne(err.code, 0);
	secret_free(pass);
}
END_TEST

/* Changes one field of S, the Ith way; returns what it changed, or NULL past the last. */
static const char *
tamper_slot(struct keyslot *s, int i)
{
	switch (i) {
	case 0: s->opslimit += 1; return "opslimit raised";
	case 1: s->opslimit -= 1; return "opslimit lowered";
	case 2: s->memlimit += (size_t)1 << 20; return "memlimit raised";
	case 3: s->memlimit -= 1024; return "memlimit lowered";
	case 4: s->alg = crypto_pwhash_ALG_ARGON2I13; return "algorithm";
	case 5: s->salt[0] ^= 0x01; return "salt, first byte";
	case 6: s->salt[TC_SALT_LEN - 1] ^= 0x80; return "salt, last byte";
	case 7: s->wrapped[0] ^= 0x01; return "wrapped, version byte";
	case 8: s->wrapped[1] ^= 0x01; return "wrapped, nonce";
	case 9: s->wrapped[25 + 7] ^= 0x10; return "wrapped, key";
	case 10: s->wrapped[TC_WRAPPED_KEY_LEN - 1] ^= 0x80; return "wrapped, tag";
	default: return NULL;
	}
}

START_TEST(test_keyslot_tampered)
{
	struct secret *pass = make_secret("correct horse battery staple");
	struct keyslot slot, t;
	struct keyring *opened;
	struct tc_err err;
	const char *what;

	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(keyslot_seal(kr, pass, TC_KDF_INTERACTIVE, vid, &slot, &err), 0);
	for (int i = 0; t = slot, (what = tamper_slot(&t, i)) != NULL; i++) {
		memset(&err, 0, sizeof(err));
		opened = keyslot_open(&t, pass, vid, &err);
		keyring_free(opened);
		ck_assert_msg(opened == NULL, "tampered slot (%s) still opens", what);
		ck_assert_msg(err.code == EX_NOPERM || err.code == EX_DATAERR,
		    "tampered slot (%s): code %d (%s)", what, err.code, err.msg);
	}
	secret_free(pass);
}
END_TEST

START_TEST(test_kdf_names)
{
	enum tc_kdf k;

	ck_assert_int_eq(tc_kdf_parse("interactive", &k), 0);
	ck_assert_int_eq(k, TC_KDF_INTERACTIVE);
	ck_assert_int_eq(tc_kdf_parse("moderate", &k), 0);
	ck_assert_int_eq(k, TC_KDF_MODERATE);
	ck_assert_int_eq(tc_kdf_parse("sensitive", &k), 0);
	ck_assert_int_eq(k, TC_KDF_SENSITIVE);
	ck_assert_int_eq(tc_kdf_parse("bogus", &k), -1);
	ck_assert_int_eq(tc_kdf_parse("", &k), -1);
	ck_assert_int_eq(tc_kdf_parse("Interactive", &k), -1);
	ck_assert_int_eq(tc_kdf_parse("interactive ", &k), -1);

	ck_assert_str_eq(tc_kdf_name(crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE), "interactive");
	ck_assert_str_eq(tc_kdf_name(crypto_pwhash_OPSLIMIT_MODERATE,
	    crypto_pwhash_MEMLIMIT_MODERATE), "moderate");
	ck_assert_str_eq(tc_kdf_name(crypto_pwhash_OPSLIMIT_SENSITIVE,
	    crypto_pwhash_MEMLIMIT_SENSITIVE), "sensitive");
	ck_assert_str_eq(tc_kdf_name(crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_MODERATE), "custom");
	ck_assert_str_eq(tc_kdf_name(7, (size_t)1 << 20), "custom");
	ck_assert_str_eq(tc_kdf_name(0, 0), "custom");
}
END_TEST

/* --- candidate keys --- */

START_TEST(test_candkey_roundtrip)
{
	struct tc_ad ad = base_ad(K_PEOPLE);
	uint8_t w1[TC_WRAPPED_KEY_LEN], w2[TC_WRAPPED_KEY_LEN];
	struct tbuf blob = { 0 }, out = { 0 };
	struct tc_err err = { 0 };
	struct candkey *h = candkey_alloc(&err);

	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(candkey_candidate(h), 0);
	ck_assert_int_eq(candkey_candidate(ck), CAND);
	seal_as(K_PEOPLE, &ad, "Dana:hiring-manager:positive", &blob);
	candkey_wrap(kr, ck, w1);
	candkey_wrap(kr, ck, w2);
	ck_assert_msg(memcmp(w1, w2, sizeof(w1)) != 0, "two wraps are identical (nonce reused)");
	ck_assert_ptr_null(memmem(w1, sizeof(w1), ck->key, TC_KEY_LEN));
	ck_assert_msg(candkey_unwrap(kr, h, CAND, w1, sizeof(w1), &err) == 0, "unwrap: %s",
	    err.msg);
	ck_assert_int_eq(candkey_candidate(h), CAND);
	ck_assert_int_eq(part_open(h, TC_PART_PEOPLE, &ad, blob.data, blob.len, &out, &err), 0);
	ck_assert_mem_eq(out.data, "Dana:hiring-manager:positive", out.len);
	tbuf_free(&out);
	tbuf_free(&blob);
	candkey_free(h);
}
END_TEST

/* Checks that unwrapping W (LEN bytes, copied exactly) for CANDIDATE under R fails. */
static void
check_unwrap_fails(const struct keyring *r, long long candidate, const uint8_t *w, size_t len,
    const char *what, size_t at)
{
	uint8_t *copy = w != NULL ? copy_exact(w, len) : NULL;
	struct tc_err err = { 0 };
	struct candkey *h = candkey_alloc(&err);
	int rc;
	long long owner;

	ck_assert_ptr_nonnull(h);
	candkey_generate(h, CAND);              /* must be emptied by the failure */
	rc = candkey_unwrap(r, h, candidate, copy, len, &err);
	owner = candkey_candidate(h);
	candkey_free(h);
	free(copy);
	ck_assert_msg(rc == -1 && err.code == EX_DATAERR && owner == 0,
	    "unwrap, %s (%zu): rc %d, code %d, handle owner %lld", what, at, rc, err.code, owner);
}

START_TEST(test_candkey_unwrap_fails)
{
	static const uint8_t masks[] = { 0x01, 0x80, 0xff };
	uint8_t w[TC_WRAPPED_KEY_LEN], big[TC_WRAPPED_KEY_LEN + 1];

	candkey_wrap(kr, ck, w);
	check_unwrap_fails(kr, OTHER_CAND, w, sizeof(w), "other candidate id", 0);
	check_unwrap_fails(kr_other, CAND, w, sizeof(w), "other vault's keyring", 0);
	for (size_t pos = 0; pos < sizeof(w); pos++) {
		for (size_t m = 0; m < sizeof(masks); m++) {
			w[pos] ^= masks[m];
			check_unwrap_fails(kr, CAND, w, sizeof(w), "flipped byte at", pos);
			w[pos] ^= masks[m];
		}
	}
	for (size_t len = 0; len < sizeof(w); len++)
		check_unwrap_fails(kr, CAND, w, len, "truncated to", len);
	memcpy(big, w, sizeof(w));
	big[sizeof(w)] = 0;
	check_unwrap_fails(kr, CAND, big, sizeof(big), "one byte too long", sizeof(big));
	check_unwrap_fails(kr, CAND, NULL, 0, "NULL", 0);
}
END_TEST

/* --- blind indexes --- */

START_TEST(test_blind_index)
{
	uint8_t a[TC_BLIND_LEN], b[TC_BLIND_LEN], c[TC_BLIND_LEN], zero[TC_BLIND_LEN] = { 0 };

	blind_index(kr, "candidate", "jane doe", a);
	blind_index(kr, "candidate", "jane doe", b);
	ck_assert_mem_eq(a, b, TC_BLIND_LEN);
	ck_assert_mem_ne(a, zero, TC_BLIND_LEN);

	blind_index(kr, "client", "jane doe", c);
	ck_assert_mem_ne(a, c, TC_BLIND_LEN);
	blind_index(kr, "candidate", "jane doe2", c);
	ck_assert_mem_ne(a, c, TC_BLIND_LEN);
	blind_index(kr, "candidate", "Jane Doe", c);
	ck_assert_mem_ne(a, c, TC_BLIND_LEN);
	blind_index(kr_other, "candidate", "jane doe", c);
	ck_assert_mem_ne(a, c, TC_BLIND_LEN);
	/* The domain and the name are kept apart: no shifting of letters across. */
	blind_index(kr, "candidat", "ejane doe", c);
	ck_assert_mem_ne(a, c, TC_BLIND_LEN);

	blind_index(kr, "client", "", a);
	blind_index(kr, "client", "", b);
	ck_assert_mem_eq(a, b, TC_BLIND_LEN);
	blind_index(kr, "candidate", "", c);
	ck_assert_mem_ne(a, c, TC_BLIND_LEN);
}
END_TEST

/* --- passphrase files --- */

/* Reads NAME as a passphrase file; checks it gives exactly WANT. */
static void
check_secret(const char *name, const char *want)
{
	struct tc_err err = { 0 };
	struct secret *s = secret_from_file(tpath(name), &err);

	ck_assert_msg(s != NULL, "%s: %s", name, err.msg);
	ck_assert_uint_eq(secret_len(s), strlen(want));
	ck_assert_str_eq(secret_str(s), want);
	secret_free(s);
}

/* Reads NAME (a full path when it starts with '/'); checks it fails with CODE. */
static void
check_secret_fails(const char *name, int code)
{
	struct tc_err err = { 0 };
	struct secret *s = secret_from_file(name[0] == '/' ? name : tpath(name), &err);

	secret_free(s);
	ck_assert_msg(s == NULL, "%s: accepted as a passphrase file", name);
	ck_assert_msg(err.code == code, "%s: code %d, want %d (%s)", name, err.code, code, err.msg);
	ck_assert_msg(strchr(err.msg, '\n') == NULL && err.msg[0] != '\0', "%s: bad message", name);
}

START_TEST(test_secret_from_file)
{
	char line[1100];

	write_file("one", "hunter2\nsecond line\n", 20);
	check_secret("one", "hunter2");
	write_file("crlf", "pass word\r\nmore\r\n", 17);
	check_secret("crlf", "pass word");
	write_file("nonl", "no newline at the end", 21);
	check_secret("nonl", "no newline at the end");
	write_file("spaces", "  spaced out  \n", 15);
	check_secret("spaces", "  spaced out  ");
	write_file("utf8", "d\xc3\xa9j\xc3\xa0 vu\n", 11);
	check_secret("utf8", "d\xc3\xa9j\xc3\xa0 vu");

	/* Exactly the limit is fine, one byte more is not. */
	memset(line, 'x', 1024);
	line[1024] = '\n';
	write_file("max", line, 1025);
	line[1024] = '\0';
	check_secret("max", line);
	line[1024] = 'x';
	line[1025] = '\n';
	write_file("over", line, 1026);
	check_secret_fails("over", EX_DATAERR);
}
END_TEST

START_TEST(test_secret_from_file_refused)
{
	char *big;

	write_file("empty", "", 0);
	check_secret_fails("empty", EX_DATAERR);
	write_file("newline", "\nsecond line\n", 13);
	check_secret_fails("newline", EX_DATAERR);
	write_file("cr", "\r\n", 2);
	check_secret_fails("cr", EX_DATAERR);
	write_file("nul", "ab\0cd\n", 6);
	check_secret_fails("nul", EX_DATAERR);
	check_secret_fails("does-not-exist", EX_NOINPUT);

	big = malloc(2001);
	ck_assert_ptr_nonnull(big);
	memset(big, 'p', 2000);
	big[2000] = '\n';
	write_file("long", big, 2001);
	free(big);
	check_secret_fails("long", EX_DATAERR);
}
END_TEST

START_TEST(test_secret_from_huge_file)
{
	struct timespec t0, t1;
	char chunk[65536];
	FILE *f;
	double secs;

	memset(chunk, 'z', sizeof(chunk));
	f = fopen(tpath("huge"), "wb");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 50 * 16; i++)       /* 50 MiB, no newline */
		ck_assert_uint_eq(fwrite(chunk, 1, sizeof(chunk), f), sizeof(chunk));
	ck_assert_int_eq(fclose(f), 0);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	check_secret_fails("huge", EX_DATAERR);
	/* An endless file: this returns only if at most a bounded prefix is read. */
	check_secret_fails("/dev/zero", EX_DATAERR);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_msg(secs < 1.0, "reading a huge passphrase file took %.2f s", secs);
}
END_TEST

/* --- sessions --- */

/* Returns the session folder of this test. */
static const char *
session_dir(void)
{
	static char buf[PATH_MAX + 8];

	snprintf(buf, sizeof(buf), "%s/tact", getenv("XDG_RUNTIME_DIR"));
	return buf;
}

/* Counts the session files (32 hex digits) in the session folder; NAME gets the last. */
static int
session_files(char name[PATH_MAX + 64])
{
	DIR *d = opendir(session_dir());
	struct dirent *de;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (strlen(de->d_name) == 32 && strspn(de->d_name, "0123456789abcdef") == 32) {
			n++;
			if (name != NULL)
				snprintf(name, PATH_MAX + 64, "%s/%s", session_dir(), de->d_name);
		}
	}
	closedir(d);
	return n;
}

/* Checks that TOKEN opens no session for VAULT_ID, with EX_NOPERM. */
static void
check_session_refused(const char *token, const uint8_t *vault_id, const char *what)
{
	struct tc_err err = { 0 };
	struct keyring *got = session_open(token, vault_id, &err);

	keyring_free(got);
	ck_assert_msg(got == NULL, "session opened: %s", what);
	ck_assert_msg(err.code == EX_NOPERM, "%s: code %d (%s)", what, err.code, err.msg);
}

/* Returns a new session token for the test's keyring and vault; free with free(). */
static char *
new_session(unsigned ttl)
{
	struct tc_err err = { 0 };
	char *token = session_create(kr, vid, ttl, &err);

	ck_assert_msg(token != NULL, "session_create: %s", err.msg);
	return token;
}

START_TEST(test_session_roundtrip)
{
	struct tc_err err = { 0 };
	char *token = new_session(15);
	struct keyring *got;

	ck_assert_int_eq(strncmp(token, "tact1.", 6), 0);
	ck_assert_uint_eq(strlen(token), 6 + 43);
	got = session_open(token, vid, &err);
	ck_assert_msg(got != NULL, "session_open: %s", err.msg);
	check_same_master(kr, got);
	keyring_free(got);
	/* Opening does not use the session up. */
	got = session_open(token, vid, &err);
	ck_assert_ptr_nonnull(got);
	keyring_free(got);
	free(token);
}
END_TEST

START_TEST(test_session_other_vault)
{
	char *token = new_session(15);

	check_session_refused(token, vid_other, "other vault id");
	free(token);
}
END_TEST

START_TEST(test_session_destroy)
{
	struct tc_err err = { 0 };
	char *token = new_session(15), *keep = new_session(15);
	struct keyring *got;

	ck_assert_int_eq(session_files(NULL), 2);
	ck_assert_int_eq(session_destroy(token, &err), 1);
	ck_assert_int_eq(session_files(NULL), 1);
	check_session_refused(token, vid, "destroyed session");
	ck_assert_int_eq(session_destroy(token, &err), 0);
	ck_assert_int_eq(err.code, 0);
	/* The other session is untouched. */
	got = session_open(keep, vid, &err);
	ck_assert_ptr_nonnull(got);
	keyring_free(got);
	free(token);
	free(keep);
}
END_TEST

START_TEST(test_session_destroy_all)
{
	struct tc_err err = { 0 };
	char *t[3];

	for (int i = 0; i < 3; i++)
		t[i] = new_session(15);
	ck_assert_int_eq(session_files(NULL), 3);
	ck_assert_int_eq(session_destroy_all(&err), 3);
	ck_assert_int_eq(session_files(NULL), 0);
	for (int i = 0; i < 3; i++) {
		check_session_refused(t[i], vid, "after session_destroy_all");
		free(t[i]);
	}
	ck_assert_int_eq(session_destroy_all(&err), 0);
}
END_TEST

START_TEST(test_session_malformed_token)
{
	char *token = new_session(15), bad[128];
	struct tc_err err = { 0 };
	const char *const junk[] = {
		"", "x", "tact1.", "tact1", "tact2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"tact1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!",
		"tact1.!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
		"tact1.AAAA", "../../etc/passwd", "tact1./../../../../../../etc/passwd",
	};

	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		check_session_refused(junk[i], vid, junk[i]);
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(session_destroy(junk[i], &err), -1);
		ck_assert_int_ne(err.code, 0);
	}
	/* Well-formed but not ours: one letter changed. */
	snprintf(bad, sizeof(bad), "%s", token);
	bad[10] = bad[10] == 'A' ? 'B' : 'A';
	check_session_refused(bad, vid, "one letter changed");
	/* Cut short, and with something after it. */
	bad[10] = token[10];
	bad[strlen(bad) - 1] = '\0';
	check_session_refused(bad, vid, "cut short");
	snprintf(bad, sizeof(bad), "%sA", token);
	check_session_refused(bad, vid, "one letter more");
	snprintf(bad, sizeof(bad), "%s\n", token);
	check_session_refused(bad, vid, "with a newline");
	ck_assert_int_eq(session_files(NULL), 1);
	free(token);
}
END_TEST

START_TEST(test_session_file_modes)
{
	char *token = new_session(15), path[PATH_MAX + 64];
	struct stat st;
	uint8_t buf[512];
	ssize_t n;
	int fd;

	ck_assert_int_eq(lstat(session_dir(), &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_uint_eq(st.st_mode & 07777, 0700);
	ck_assert_int_eq(session_files(path), 1);
	ck_assert_int_eq(lstat(path, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_uint_eq(st.st_mode & 07777, 0600);

	/* The file holds the master key only wrapped, and not the token. */
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	ck_assert_int_gt(n, 0);
	ck_assert_ptr_null(memmem(buf, (size_t)n, kr->master, TC_KEY_LEN));
	ck_assert_ptr_null(memmem(buf, (size_t)n, token + 6, 16));
	free(token);
}
END_TEST

START_TEST(test_session_expired)
{
	char *token = new_session(0);

	ck_assert_int_eq(session_files(NULL), 1);
	check_session_refused(token, vid, "expired session");
	/* An expired session's file is removed when it is found. */
	ck_assert_int_eq(session_files(NULL), 0);
	free(token);
}
END_TEST

START_TEST(test_session_tampered)
{
	static const size_t where[] = { 0, 8, 15, 16, 31, 32, 33, 60, 104 };
	char *token = new_session(15), path[PATH_MAX + 64];
	uint8_t orig[512], t[512];
	ssize_t n;
	int fd;

	ck_assert_int_eq(session_files(path), 1);
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	n = read(fd, orig, sizeof(orig));
	close(fd);
	ck_assert_int_gt(n, 104);
	for (size_t i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
		memcpy(t, orig, (size_t)n);
		t[where[i]] ^= where[i] == 15 ? 0x40 : 0x01;
		fd = open(path, O_WRONLY | O_TRUNC);
		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(write(fd, t, (size_t)n), n);
		close(fd);
		check_session_refused(token, vid, "session file with a flipped byte");
	}
	/* Cut short. */
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, orig, (size_t)n - 1), n - 1);
	close(fd);
	check_session_refused(token, vid, "session file cut short");
	free(token);
}
END_TEST

START_TEST(test_session_private_folder)
{
	struct tc_err err = { 0 };
	char *token = new_session(15), *again, elsewhere[PATH_MAX + 16];

	/* A session folder others can enter is refused, for creating and opening. */
	ck_assert_int_eq(chmod(session_dir(), 0755), 0);
	again = session_create(kr, vid, 15, &err);
	free(again);
	ck_assert_ptr_null(again);
	ck_assert_int_eq(err.code, EX_NOPERM);
	check_session_refused(token, vid, "session folder mode 0755");
	ck_assert_int_eq(chmod(session_dir(), 0700), 0);

	/* So is a symbolic link in its place, even to a private folder. */
	snprintf(elsewhere, sizeof(elsewhere), "%s/elsewhere", tmpdir);
	ck_assert_int_eq(rename(session_dir(), elsewhere), 0);
	ck_assert_int_eq(symlink(elsewhere, session_dir()), 0);
	memset(&err, 0, sizeof(err));
	again = session_create(kr, vid, 15, &err);
	free(again);
	ck_assert_ptr_null(again);
	ck_assert_int_eq(err.code, EX_NOPERM);
	check_session_refused(token, vid, "session folder is a symlink");
	free(token);
}
END_TEST

/* A script's seed is keyed by the vault: the same in one vault, another in
 * the next, and different for each purpose, turndown and user seed. */
START_TEST(test_script_seed)
{
	uint64_t a = keyring_script_seed(kr, "debrief", 7, 42);

	ck_assert_uint_eq(a, keyring_script_seed(kr, "debrief", 7, 42));
	ck_assert_uint_ne(a, keyring_script_seed(kr_other, "debrief", 7, 42));
	ck_assert_uint_ne(a, keyring_script_seed(kr, "decline", 7, 42));
	ck_assert_uint_ne(a, keyring_script_seed(kr, "debrief", 8, 42));
	ck_assert_uint_ne(a, keyring_script_seed(kr, "debrief", 7, 43));
}
END_TEST

Suite *
make_crypto_suite(void)
{
	Suite *s = suite_create("crypto");
	TCase *tc;

	tc = tcase_create("seal");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_seal_roundtrip, 0, NKINDS);
	tcase_add_loop_test(tc, test_seal_empty_plaintext, 0, NKINDS);
	tcase_add_loop_test(tc, test_seal_wrong_key, 0, NKINDS);
	tcase_add_loop_test(tc, test_seal_flipped_byte, 0, NKINDS);
	tcase_add_loop_test(tc, test_seal_ad_swapped, 0, NKINDS);
	tcase_add_loop_test(tc, test_seal_truncated, 0, NKINDS);
	tcase_add_loop_test(tc, test_seal_empty_blob, 0, NKINDS);
	tcase_add_loop_test(tc, test_seal_cross_kind, 0, NKINDS);
	tcase_add_test(tc, test_check_owner);
	tcase_add_test(tc, test_script_seed);
	tcase_add_test(tc, test_candkey_handle_refill);
	suite_add_tcase(s, tc);

	tc = tcase_create("keyslot");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);             /* a dozen Argon2id derivations */
	tcase_add_test(tc, test_keyslot_roundtrip);
	tcase_add_test(tc, test_keyslot_wrong_passphrase);
	tcase_add_test(tc, test_keyslot_other_vault);
	tcase_add_test(tc, test_keyslot_tampered);
	tcase_add_test(tc, test_kdf_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("candkey");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_candkey_roundtrip);
	tcase_add_test(tc, test_candkey_unwrap_fails);
	tcase_add_test(tc, test_blind_index);
	suite_add_tcase(s, tc);

	tc = tcase_create("passphrase");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_secret_from_file);
	tcase_add_test(tc, test_secret_from_file_refused);
	tcase_add_test(tc, test_secret_from_huge_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("session");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_session_roundtrip);
	tcase_add_test(tc, test_session_other_vault);
	tcase_add_test(tc, test_session_destroy);
	tcase_add_test(tc, test_session_destroy_all);
	tcase_add_test(tc, test_session_malformed_token);
	tcase_add_test(tc, test_session_file_modes);
	tcase_add_test(tc, test_session_expired);
	tcase_add_test(tc, test_session_tampered);
	tcase_add_test(tc, test_session_private_folder);
	suite_add_tcase(s, tc);
	return s;
}
