/*
 * check_member.c - unit tests for a firm vault's members (crypto/member.c)
 * and the split candidate keys (crypto/keys.c): a member's seed wrapped
 * under its passphrase, the firm key sealed to it, a candidate's private
 * half that only its owner opens, transfers, sessions that carry the seed,
 * rotation, and invitation secrets.
 *
 * Two members, A and B, share one firm key.  Most tests are about refusal:
 * B never opens A's people, follow-up or confidential parts, and the old
 * firm key opens nothing sealed after a rotation.
 */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "crypto/confidential.h"
#include "crypto/internal.h"         /* keyring layout, to compare firm keys */
#include "crypto/tcrypto.h"
#include "fixture.h"
#include "suites.h"

#define CAND 7

static char tmpdir[PATH_MAX];
static char *saved_runtime;
static struct keyring *firm, *ka, *kb;  /* the firm key alone, and members A and B */
static struct candkey *ck, *h;
static uint8_t vid[TC_VAULT_ID_LEN];

static void
setup(void)
{
	const char *rt = getenv("XDG_RUNTIME_DIR");
	char run[PATH_MAX + 8];
	struct tc_err err = { 0 };

	fixture_mkdir(tmpdir, sizeof(tmpdir), "member");
	saved_runtime = rt != NULL ? strdup(rt) : NULL;
	snprintf(run, sizeof(run), "%s/run", tmpdir);
	ck_assert_int_eq(mkdir(run, 0700), 0);
	setenv("XDG_RUNTIME_DIR", run, 1);
	firm = keyring_new_random(&err);
	ck_assert_msg(firm != NULL, "%s", err.msg);
	ka = keyring_join(firm, &err);
	kb = keyring_join(firm, &err);
	ck = candkey_alloc(&err);
	h = candkey_alloc(&err);
	ck_assert_msg(ka && kb && ck && h, "setup: %s", err.msg);
	tc_random(vid, sizeof(vid));
	candkey_generate_for(ka, ck, CAND);
}

static void
teardown(void)
{
	keyring_free(firm);
	keyring_free(ka);
	keyring_free(kb);
	candkey_free(ck);
	candkey_free(h);
	if (saved_runtime != NULL)
		setenv("XDG_RUNTIME_DIR", saved_runtime, 1);
	else
		unsetenv("XDG_RUNTIME_DIR");
	free(saved_runtime);
	fixture_rmtree(tmpdir);
}

static void
check_same_firm(const struct keyring *a, const struct keyring *b)
{
	ck_assert_int_eq(sodium_memcmp(a->master, b->master, TC_KEY_LEN), 0);
}

static struct secret *
pass(const char *text)
{
	struct tc_err err = { 0 };
	struct secret *s = secret_from_text(text, strlen(text), &err);

	ck_assert_msg(s != NULL, "%s", err.msg);
	return s;
}

/* Seals PT as PART (a tcrypto part, or 5 for the confidential note) under K. */
static void
seal_part(struct candkey *k, int part, const char *pt, struct tbuf *out)
{
	struct tc_ad ad = { "turndowns", "part", 1, CAND };
	struct tc_err err = { 0 };
	int rc = part == TC_PART_CONFIDENTIAL_ID ?
	    confidential_seal(k, &ad, pt, strlen(pt), out, &err) :
	    part_seal(k, (enum tc_part)part, &ad, pt, strlen(pt), out, &err);

	ck_assert_msg(rc == 0, "seal part %d: %s", part, err.msg);
}

/* Opens CT as PART under K; returns the exit-code class (0 on success) and
 * checks the text when it opens. */
static int
open_part(struct candkey *k, int part, const struct tbuf *ct, const char *want)
{
	struct tc_ad ad = { "turndowns", "part", 1, CAND };
	struct tc_err err = { 0 };
	struct tbuf pt = { NULL, 0 };
	int rc = part == TC_PART_CONFIDENTIAL_ID ?
	    confidential_open(k, &ad, ct->data, ct->len, &pt, &err) :
	    part_open(k, (enum tc_part)part, &ad, ct->data, ct->len, &pt, &err);

	if (rc != 0) {
		ck_assert_ptr_null(pt.data);
		if (err.code == EX_NOPERM)
			ck_assert_str_eq(err.msg, "candidate 7 belongs to another member");
		return err.code;
	}
	ck_assert_str_eq((const char *)pt.data, want);
	tbuf_free(&pt);
	return 0;
}

START_TEST(test_member_slot_roundtrip)
{
	struct tc_err err = { 0 };
	struct secret *p = pass("correct horse"), *bad = pass("wrong horse");
	uint8_t pk[TC_PUBLIC_LEN], sealed[TC_SEALED_KEY_LEN], other[TC_VAULT_ID_LEN];
	struct keyslot slot;
	struct keyring *got;

	ck_assert(keyring_is_member(ka));
	ck_assert(!keyring_is_member(firm));
	ck_assert_int_eq(member_slot_seal(ka, p, TC_KDF_INTERACTIVE, vid, "alice", &slot, &err), 0);
	keyring_member_public(ka, pk);
	firm_key_seal(ka, pk, sealed);
	got = member_open(&slot, p, vid, "alice", sealed, sizeof(sealed), &err);
	ck_assert_msg(got != NULL, "member_open: %s", err.msg);
	check_same_firm(firm, got);
	ck_assert(keyring_is_member(got));
	ck_assert_int_eq(memcmp(got->member_pk, ka->member_pk, TC_PUBLIC_LEN), 0);
	keyring_free(got);

	/* Wrong passphrase, another member's name, another vault: refused. */
	memset(&err, 0, sizeof(err));
	ck_assert_ptr_null(member_open(&slot, bad, vid, "alice", sealed, sizeof(sealed), &err));
	ck_assert_int_eq(err.code, EX_NOPERM);
	memset(&err, 0, sizeof(err));
	ck_assert_ptr_null(member_open(&slot, p, vid, "bob", sealed, sizeof(sealed), &err));
	ck_assert_int_eq(err.code, EX_NOPERM);
	memcpy(other, vid, sizeof(other));
	other[0] ^= 1;
	memset(&err, 0, sizeof(err));
	ck_assert_ptr_null(member_open(&slot, p, other, "alice", sealed, sizeof(sealed), &err));
	ck_assert_int_eq(err.code, EX_NOPERM);

	/* The firm key sealed to B does not open with A's seed. */
	keyring_member_public(kb, pk);
	firm_key_seal(kb, pk, sealed);
	memset(&err, 0, sizeof(err));
	ck_assert_ptr_null(member_open(&slot, p, vid, "alice", sealed, sizeof(sealed), &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	secret_free(p);
	secret_free(bad);
}
END_TEST

START_TEST(test_split_wrap_lengths)
{
	struct tc_err err = { 0 };
	uint8_t w[TC_WRAPPED_CAND_MAX];
	struct candkey *solo = candkey_alloc(&err);

	ck_assert_uint_eq(TC_WRAPPED_CAND_MAX, 73 + 80);
	ck_assert_uint_eq(candkey_wrap(ka, ck, w), TC_WRAPPED_CAND_MAX);
	ck_assert(candkey_is_split(ck) && candkey_has_private(ck));
	/* A solo vault's keyring makes one key, wrapped as before. */
	candkey_generate_for(firm, solo, CAND);
	ck_assert(!candkey_is_split(solo));
	ck_assert_uint_eq(candkey_wrap(firm, solo, w), TC_WRAPPED_KEY_LEN);
	ck_assert_int_eq(candkey_unwrap(firm, h, CAND, w, TC_WRAPPED_KEY_LEN, &err), 0);
	ck_assert(!candkey_is_split(h));
	/* Any other length is refused. */
	ck_assert_int_eq(candkey_unwrap(firm, h, CAND, w, TC_WRAPPED_KEY_LEN + 1, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_int_eq(candkey_candidate(h), 0);
	candkey_free(solo);
}
END_TEST

START_TEST(test_foreign_member_private_half)
{
	struct tc_err err = { 0 };
	uint8_t w[TC_WRAPPED_CAND_MAX];
	struct tbuf id, people, conf, share, fu;
	size_t len = candkey_wrap(ka, ck, w);

	seal_part(ck, TC_PART_IDENTITY, "Dana Whitfield", &id);
	seal_part(ck, TC_PART_PEOPLE, "met Priya Raman", &people);
	seal_part(ck, TC_PART_SHAREABLE, "wants remote", &share);
	seal_part(ck, TC_PART_FOLLOWUP, "call back in May", &fu);
	seal_part(ck, TC_PART_CONFIDENTIAL_ID, "counter-offer 180k", &conf);

	/* B opens the shared half: identity and shareable. */
	ck_assert_msg(candkey_unwrap(kb, h, CAND, w, len, &err) == 0, "%s", err.msg);
	ck_assert(candkey_is_split(h) && !candkey_has_private(h));
	ck_assert_int_eq(open_part(h, TC_PART_IDENTITY, &id, "Dana Whitfield"), 0);
	ck_assert_int_eq(open_part(h, TC_PART_SHAREABLE, &share, "wants remote"), 0);
	/* ... and none of the private parts, nor can it seal one. */
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, NULL), EX_NOPERM);
	ck_assert_int_eq(open_part(h, TC_PART_FOLLOWUP, &fu, NULL), EX_NOPERM);
	ck_assert_int_eq(open_part(h, TC_PART_CONFIDENTIAL_ID, &conf, NULL), EX_NOPERM);
	{
		struct tc_ad ad = { "turndowns", "part", 1, CAND };
		struct tbuf out = { NULL, 0 };

		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(part_seal(h, TC_PART_PEOPLE, &ad, "x", 1, &out, &err), -1);
		ck_assert_int_eq(err.code, EX_NOPERM);
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(confidential_seal(h, &ad, "x", 1, &out, &err), -1);
		ck_assert_int_eq(err.code, EX_NOPERM);
		ck_assert_ptr_null(out.data);
	}
	/* The firm key alone (an administrator, the server) is no better. */
	ck_assert_int_eq(candkey_unwrap(firm, h, CAND, w, len, &err), 0);
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, NULL), EX_NOPERM);
	/* Nor is the shared key used as the private one: the private parts are
	 * not under any subkey of the shared half. */
	memcpy(h->priv, h->key, TC_KEY_LEN);
	h->has_priv = 1;
	h->derived = 0;
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, NULL), EX_DATAERR);
	/* A, the owner, opens everything. */
	ck_assert_int_eq(candkey_unwrap(ka, h, CAND, w, len, &err), 0);
	ck_assert(candkey_has_private(h));
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, "met Priya Raman"), 0);
	ck_assert_int_eq(open_part(h, TC_PART_FOLLOWUP, &fu, "call back in May"), 0);
	ck_assert_int_eq(open_part(h, TC_PART_CONFIDENTIAL_ID, &conf, "counter-offer 180k"), 0);
	/* Rewrapping what B holds keeps A's sealed half as it was. */
	ck_assert_int_eq(candkey_unwrap(kb, h, CAND, w, len, &err), 0);
	{
		uint8_t again[TC_WRAPPED_CAND_MAX];

		ck_assert_uint_eq(candkey_wrap(kb, h, again), TC_WRAPPED_CAND_MAX);
		ck_assert_int_eq(memcmp(again + TC_WRAPPED_KEY_LEN, w + TC_WRAPPED_KEY_LEN,
		    TC_SEALED_PRIV_LEN), 0);
		ck_assert_int_eq(candkey_unwrap(ka, h, CAND, again, sizeof(again), &err), 0);
		ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, "met Priya Raman"), 0);
	}
	tbuf_free(&id);
	tbuf_free(&people);
	tbuf_free(&share);
	tbuf_free(&fu);
	tbuf_free(&conf);
}
END_TEST

START_TEST(test_transfer)
{
	struct tc_err err = { 0 };
	uint8_t w[TC_WRAPPED_CAND_MAX], pk[TC_PUBLIC_LEN];
	struct tbuf people;
	size_t len;

	seal_part(ck, TC_PART_PEOPLE, "met Priya Raman", &people);
	keyring_member_public(kb, pk);
	ck_assert_int_eq(candkey_wrap_to(ka, ck, pk, w, &len, &err), 0);
	ck_assert_uint_eq(len, TC_WRAPPED_CAND_MAX);
	ck_assert_int_eq(candkey_unwrap(kb, h, CAND, w, len, &err), 0);
	ck_assert(candkey_has_private(h));
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, "met Priya Raman"), 0);
	/* A no longer opens the private half it handed over. */
	ck_assert_int_eq(candkey_unwrap(ka, h, CAND, w, len, &err), 0);
	ck_assert(!candkey_has_private(h));
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, NULL), EX_NOPERM);
	/* Only a holder of the private half can hand it on. */
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(candkey_wrap_to(ka, h, pk, w, &len, &err), -1);
	ck_assert_int_eq(err.code, EX_NOPERM);
	tbuf_free(&people);
}
END_TEST

START_TEST(test_session_carries_seed)
{
	struct tc_err err = { 0 };
	uint8_t w[TC_WRAPPED_CAND_MAX];
	struct tbuf people;
	size_t len = candkey_wrap(ka, ck, w);
	char *token = session_create(ka, vid, 15, &err), *solo;
	struct keyring *got;

	ck_assert_msg(token != NULL, "%s", err.msg);
	seal_part(ck, TC_PART_PEOPLE, "met Priya Raman", &people);
	got = session_open(token, vid, &err);
	ck_assert_msg(got != NULL, "session_open: %s", err.msg);
	check_same_firm(firm, got);
	ck_assert(keyring_is_member(got));
	ck_assert_int_eq(candkey_unwrap(got, h, CAND, w, len, &err), 0);
	ck_assert(candkey_has_private(h));
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, "met Priya Raman"), 0);
	keyring_free(got);
	/* A solo keyring's session is the old format and opens as before. */
	solo = session_create(firm, vid, 15, &err);
	ck_assert_ptr_nonnull(solo);
	got = session_open(solo, vid, &err);
	ck_assert_ptr_nonnull(got);
	ck_assert(!keyring_is_member(got));
	check_same_firm(firm, got);
	keyring_free(got);
	free(token);
	free(solo);
	tbuf_free(&people);
}
END_TEST

START_TEST(test_rotation)
{
	struct tc_err err = { 0 };
	uint8_t w[TC_WRAPPED_CAND_MAX], w2[TC_WRAPPED_CAND_MAX], b1[TC_BLIND_LEN], b2[TC_BLIND_LEN];
	struct tc_ad ad = { "turndowns", "part", 1, CAND }, cad = { "clients", "name", 3, 0 };
	struct tbuf id, people, id2, client, pt = { NULL, 0 };
	struct keyring *next = keyring_rotate(ka, &err), *bnext;
	struct candkey *ck2 = candkey_alloc(&err);
	size_t len;

	ck_assert_ptr_nonnull(next);
	ck_assert(keyring_is_member(next));
	ck_assert_int_ne(sodium_memcmp(next->master, firm->master, TC_KEY_LEN), 0);
	seal_part(ck, TC_PART_IDENTITY, "Dana Whitfield", &id);
	seal_part(ck, TC_PART_PEOPLE, "met Priya Raman", &people);
	candkey_wrap(ka, ck, w);
	/* The candidate's shared half renewed, the identity sealed again under it,
	 * the private half kept as it was. */
	candkey_renew_shared(ck2, ck);
	ck_assert_int_ne(sodium_memcmp(ck2->key, ck->key, TC_KEY_LEN), 0);
	ck_assert_int_eq(part_open(ck, TC_PART_IDENTITY, &ad, id.data, id.len, &pt, &err), 0);
	ck_assert_int_eq(part_seal(ck2, TC_PART_IDENTITY, &ad, pt.data, pt.len, &id2, &err), 0);
	tbuf_free(&pt);
	len = candkey_wrap(next, ck2, w2);
	ck_assert_int_eq(memcmp(w2 + TC_WRAPPED_KEY_LEN, w + TC_WRAPPED_KEY_LEN,
	    TC_SEALED_PRIV_LEN), 0);
	/* The old firm key (a removed member's session, say) opens none of it. */
	ck_assert_int_eq(candkey_unwrap(firm, h, CAND, w2, len, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_int_eq(candkey_unwrap(ka, h, CAND, w2, len, &err), -1);
	ck_assert_int_eq(keyring_seal(next, &cad, "Northwind", 9, &client, &err), 0);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(keyring_open_sealed(firm, &cad, client.data, client.len, &pt, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_null(pt.data);
	/* Nor does the old shared half open the identity sealed anew. */
	ck_assert_int_eq(candkey_unwrap(firm, h, CAND, w, sizeof(w), &err), 0);
	ck_assert_int_eq(open_part(h, TC_PART_IDENTITY, &id2, NULL), EX_DATAERR);
	/* Blind indexes change with the firm key. */
	blind_index(firm, "client", "northwind", b1);
	blind_index(next, "client", "northwind", b2);
	ck_assert_int_ne(memcmp(b1, b2, TC_BLIND_LEN), 0);
	/* The owner, under the new firm key, opens both halves as before. */
	ck_assert_int_eq(candkey_unwrap(next, h, CAND, w2, len, &err), 0);
	ck_assert(candkey_has_private(h));
	ck_assert_int_eq(open_part(h, TC_PART_IDENTITY, &id2, "Dana Whitfield"), 0);
	ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, "met Priya Raman"), 0);
	/* B, given the new firm key, opens the shared half only. */
	bnext = keyring_rotate(kb, &err);
	ck_assert_ptr_nonnull(bnext);
	{
		uint8_t pk[TC_PUBLIC_LEN], sealed[TC_SEALED_KEY_LEN];
		struct secret *p = pass("bob's passphrase");
		struct keyslot slot;
		struct keyring *bopen;

		keyring_member_public(kb, pk);
		firm_key_seal(next, pk, sealed);
		ck_assert_int_eq(member_slot_seal(kb, p, TC_KDF_INTERACTIVE, vid, "bob", &slot, &err),
		    0);
		bopen = member_open(&slot, p, vid, "bob", sealed, sizeof(sealed), &err);
		ck_assert_msg(bopen != NULL, "%s", err.msg);
		check_same_firm(next, bopen);
		ck_assert_int_eq(candkey_unwrap(bopen, h, CAND, w2, len, &err), 0);
		ck_assert_int_eq(open_part(h, TC_PART_IDENTITY, &id2, "Dana Whitfield"), 0);
		ck_assert_int_eq(open_part(h, TC_PART_PEOPLE, &people, NULL), EX_NOPERM);
		keyring_free(bopen);
		secret_free(p);
	}
	keyring_free(bnext);
	keyring_free(next);
	candkey_free(ck2);
	tbuf_free(&id);
	tbuf_free(&id2);
	tbuf_free(&people);
	tbuf_free(&client);
}
END_TEST

START_TEST(test_invite)
{
	struct tc_err err = { 0 };
	char code[TC_INVITE_LEN + 1], pw[TC_DBPASS_LEN + 1], pw2[TC_DBPASS_LEN + 1];
	char upper[TC_INVITE_LEN + 1], wrong[TC_INVITE_LEN + 1];
	uint8_t wrapped[TC_WRAPPED_KEY_LEN];
	struct keyring *got;

	ck_assert_int_eq(invite_new(ka, vid, "carol", code, wrapped, pw, &err), 0);
	ck_assert_uint_eq(strlen(code), TC_INVITE_LEN);
	ck_assert_uint_eq(strspn(code, "abcdefghijklmnopqrstuvwxyz234567"), TC_INVITE_LEN);
	ck_assert_uint_eq(strlen(pw), TC_DBPASS_LEN);
	ck_assert_int_eq(invite_password(code, pw2, &err), 0);
	ck_assert_str_eq(pw, pw2);
	got = invite_open(code, vid, "carol", wrapped, sizeof(wrapped), &err);
	ck_assert_msg(got != NULL, "%s", err.msg);
	check_same_firm(firm, got);
	ck_assert(!keyring_is_member(got));
	keyring_free(got);
	/* The code may be typed in capitals. */
	for (int i = 0; i <= TC_INVITE_LEN; i++)
		upper[i] = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 32) : code[i];
	got = invite_open(upper, vid, "carol", wrapped, sizeof(wrapped), &err);
	ck_assert_ptr_nonnull(got);
	keyring_free(got);
	/* Another name, another secret, a malformed code: refused. */
	ck_assert_ptr_null(invite_open(code, vid, "mallory", wrapped, sizeof(wrapped), &err));
	ck_assert_int_eq(err.code, EX_NOPERM);
	memcpy(wrong, code, sizeof(wrong));
	wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
	memset(&err, 0, sizeof(err));
	ck_assert_ptr_null(invite_open(wrong, vid, "carol", wrapped, sizeof(wrapped), &err));
	ck_assert_int_eq(err.code, EX_NOPERM);
	ck_assert_int_eq(invite_password(wrong, pw2, &err), 0);
	ck_assert_str_ne(pw, pw2);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(invite_password("short", pw2, &err), -1);
	ck_assert_int_eq(err.code, EX_NOPERM);
	memset(&err, 0, sizeof(err));
	wrong[3] = '1';                         /* not in the base32 alphabet */
	ck_assert_ptr_null(invite_open(wrong, vid, "carol", wrapped, sizeof(wrapped), &err));
	ck_assert_int_eq(err.code, EX_NOPERM);
	/* Database passwords are random and of the documented length. */
	tc_db_password(pw);
	tc_db_password(pw2);
	ck_assert_uint_eq(strlen(pw), TC_DBPASS_LEN);
	ck_assert_str_ne(pw, pw2);
}
END_TEST

Suite *
make_member_suite(void)
{
	Suite *s = suite_create("member");
	TCase *tc = tcase_create("member");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);              /* a few Argon2id derivations */
	tcase_add_test(tc, test_member_slot_roundtrip);
	tcase_add_test(tc, test_split_wrap_lengths);
	tcase_add_test(tc, test_foreign_member_private_half);
	tcase_add_test(tc, test_transfer);
	tcase_add_test(tc, test_session_carries_seed);
	tcase_add_test(tc, test_rotation);
	tcase_add_test(tc, test_invite);
	suite_add_tcase(s, tc);
	return s;
}
