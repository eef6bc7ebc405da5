/*
 * check_wipe.c - unit tests for the wipes: a buffer that held a secret is
 * erased before it is given back.
 *
 * check_tact is linked with -Wl,--wrap=free, so every call to free() in
 * tact's objects and in the tests reaches __wrap_free() below instead.
 * While a test has armed it, the spy looks through each buffer about to be
 * freed (all malloc_usable_size() bytes of it) for a marker, counts the
 * frees it saw and the buffers that still held the marker, then frees with
 * __real_free().  A wipe that is removed, or turned into a memset() that the
 * compiler drops at -O2, leaves the marker in a freed buffer and fails.
 *
 * What it cannot see: frees inside libraries (libsodium, libunistring,
 * SQLite, Check), since --wrap only redirects the calls of the objects it
 * links, the old block realloc() lets go of, and sodium_free(), which wipes
 * locked memory itself.  Under ASan the spy runs first and ASan's free()
 * after it; under valgrind the bytes the spy reads are marked defined first,
 * since a buffer need not have been filled to its end.
 */
#include <check.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif
#endif
#ifndef VALGRIND_MAKE_MEM_DEFINED
#define VALGRIND_MAKE_MEM_DEFINED(p, n) ((void)(p), (void)(n))
#endif

#include "core/base/wipe.h"
#include "core/confidential/guard.h"
#include "core/records/turndown.h"
#include "crypto/tcrypto.h"
#include "fixture.h"
#include "suites.h"

/* The linker's names for the wrapped free() and the real one; there is no
 * header for them. */
void __wrap_free(void *p);
void __real_free(void *p);

/* Lower case letters only, so that the guard's lowered, NFC copies of a
 * note hold it too; it is also a word of its own in every text below. */
#define MARKER "qxwipemarkqx"
#define CAND 3

/* Volatile: the compiler takes free() for a call that reads no globals and
 * would otherwise drop the arming around a free() in this file as dead. */
static volatile struct {
	int armed;
	size_t frees;           /* buffers freed while armed */
	size_t marked;          /* of those, the ones still holding MARKER */
} spy;

/* A place the optimiser must assume is read, so that a malloc() and free()
 * pair in a test is not dropped as dead. */
static void *volatile sink;

void
__wrap_free(void *p)
{
	if (p != NULL && spy.armed) {
		size_t n = malloc_usable_size(p);

		VALGRIND_MAKE_MEM_DEFINED(p, n);
		spy.frees++;
		if (memmem(p, n, MARKER, strlen(MARKER)) != NULL)
			spy.marked++;
	}
	__real_free(p);
}

static void
spy_arm(void)
{
	spy.frees = 0;
	spy.marked = 0;
	spy.armed = 1;
}

static void
spy_disarm(void)
{
	spy.armed = 0;
}

/* Fails unless the spy saw at least MIN frees and no marker in any of them. */
static void
spy_check(size_t min, const char *what)
{
	spy_disarm();
	ck_assert_msg(spy.frees >= min, "%s: the spy saw %zu frees, expected at least %zu",
	    what, spy.frees, min);
	ck_assert_msg(spy.marked == 0, "%s: %zu of %zu freed buffers still held the marker",
	    what, spy.marked, spy.frees);
}

/* Returns a malloc'd copy of TEXT, which the caller frees. */
static char *
heap_copy(const char *text)
{
	char *p = strdup(text);

	ck_assert_ptr_nonnull(p);
	sink = p;
	return p;
}

/* The spy itself: a plain free() of a buffer holding the marker is seen.
 * Without this, every other test here would also pass with no spy at all. */
START_TEST(test_spy_sees_plain_free)
{
	char *p = heap_copy("a plain copy of " MARKER);

	spy_arm();
	free(p);
	spy_disarm();
	ck_assert_uint_eq(spy.frees, 1);
	ck_assert_uint_eq(spy.marked, 1);
}
END_TEST

START_TEST(test_wipe_free)
{
	char *p = heap_copy("passphrase " MARKER);
	size_t len = strlen(p) + 1;

	spy_arm();
	wipe_free(p, len);
	wipe_free(NULL, 10);
	spy_check(1, "wipe_free");
}
END_TEST

START_TEST(test_wipe_str_free)
{
	char *s = heap_copy("token " MARKER);

	spy_arm();
	wipe_str_free(s);
	wipe_str_free(NULL);
	spy_check(1, "wipe_str_free");
}
END_TEST

START_TEST(test_wipe_str_drop)
{
	char *s = heap_copy("note " MARKER);

	spy_arm();
	wipe_str_drop(&s);
	spy_check(1, "wipe_str_drop");
	ck_assert_ptr_null(s);
}
END_TEST

/* Every text of a turndown, built through its setters and then cleared:
 * neither the setters' working copies nor the fields keep the marker. */
START_TEST(test_turndown_clear)
{
	static const char *const names[] = { "candidate", "client", "role" };
	const char *cand = "Ada " MARKER, *client = "Acme " MARKER, *role = "Lead " MARKER;
	const char *share = "Shareable note on " MARKER " and the offer.";
	const char *conf = "Confidential: " MARKER " is the real reason.\nSecond line.";
	const char *values[] = { cand, client, role };
	struct turndown td;
	struct terr err = { 0 };
	char **fields[3];

	memset(&td, 0, sizeof(td));
	fields[0] = &td.candidate;
	fields[1] = &td.client;
	fields[2] = &td.role;
	spy_arm();
	for (size_t i = 0; i < 3; i++)
		ck_assert_msg(turndown_set_text(fields[i], names[i], values[i], strlen(values[i]),
		    TEXT_NAME_MAX, 0, &err) == 0, "%s: %s", names[i], err.msg);
	ck_assert_msg(turndown_set_text(&td.shareable, "shareable", share, strlen(share),
	    TEXT_NOTE_MAX, 1, &err) == 0, "%s", err.msg);
	ck_assert_msg(turndown_set_text(&td.confidential, "confidential", conf, strlen(conf),
	    TEXT_NOTE_MAX, 1, &err) == 0, "%s", err.msg);
	ck_assert_msg(turndown_add_person(&td, "Quentin " MARKER, "hr", "negative", &err) == 0,
	    "%s", err.msg);
	ck_assert_msg(turndown_add_met(&td, "Rosa " MARKER ":peer:positive", &err) == 0,
	    "%s", err.msg);
	ck_assert_uint_eq(td.nmet, 2);
	ck_assert_ptr_nonnull(strstr(td.confidential, MARKER));
	ck_assert_ptr_nonnull(strstr(td.met[1].name, MARKER));
	turndown_clear(&td);
	/* The three names, two notes, two people, the people's array. */
	spy_check(8, "turndown_clear");
	ck_assert_ptr_null(td.candidate);
	ck_assert_uint_eq(td.nmet, 0);
}
END_TEST

/* A guard built from a note holding the marker, asked about it, and freed:
 * its word copies and hash sets keep nothing of the note. */
START_TEST(test_guard_free)
{
	const char *conf = "She said " MARKER " told her the team would be cut in spring.";
	const char *share = "Relocation did not work out.";
	char name[64] = "Quentin " MARKER;
	struct person met[1] = { { name, 1 /* hr */, IMP_NEGATIVE } };
	struct terr err = { 0 };
	struct guard *g;
	const char *rule = NULL;

	spy_arm();
	g = guard_from_text(conf, share, met, 1, &err);
	ck_assert_msg(g != NULL, "guard_from_text: %s", err.msg);
	ck_assert_int_eq(guard_check(g, "we heard " MARKER " told her the team", &rule), 1);
	guard_free(g);
	spy_check(3, "guard_free");
}
END_TEST

/* tbuf_free() on a buffer that part_open() filled with a note, on its
 * ciphertext, and on one the test filled. */
START_TEST(test_tbuf_free)
{
	const char *note = "shareable " MARKER " note";
	struct tc_ad ad = { "turndowns", "shareable", 1, CAND };
	struct tbuf ct = { NULL, 0 }, pt = { NULL, 0 }, mine;
	struct tc_err err = { 0 };
	struct candkey *ck;

	ck_assert_ptr_nonnull(ck = candkey_alloc(&err));
	candkey_generate(ck, CAND);
	mine.data = (uint8_t *)heap_copy(note);
	mine.len = strlen(note) + 1;
	spy_arm();
	ck_assert_msg(part_seal(ck, TC_PART_SHAREABLE, &ad, note, strlen(note), &ct, &err) == 0,
	    "part_seal: %s", err.msg);
	ck_assert_msg(part_open(ck, TC_PART_SHAREABLE, &ad, ct.data, ct.len, &pt, &err) == 0,
	    "part_open: %s", err.msg);
	ck_assert(pt.len == strlen(note) && memcmp(pt.data, note, pt.len) == 0);
	tbuf_free(&pt);
	tbuf_free(&ct);
	tbuf_free(&mine);
	spy_check(3, "tbuf_free");
	ck_assert_ptr_null(mine.data);
	candkey_free(ck);
}
END_TEST

/* A passphrase read from a file and freed.  It lives in sodium_malloc'd
 * memory, which sodium_free() wipes and free() never sees, so what this
 * guards against is a secret (or a copy of it) moving to the plain heap
 * and going back unwiped. */
START_TEST(test_secret_free)
{
	char dir[PATH_MAX], path[PATH_MAX + 16];
	struct tc_err err = { 0 };
	struct secret *s;
	FILE *f;

	fixture_mkdir(dir, sizeof(dir), "wipe");
	snprintf(path, sizeof(path), "%s/pass", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fprintf(f, "correct horse %s battery\n", MARKER);
	ck_assert_int_eq(fclose(f), 0);
	spy_arm();
	s = secret_from_file(path, &err);
	ck_assert_msg(s != NULL, "secret_from_file: %s", err.msg);
	ck_assert_ptr_nonnull(strstr(secret_str(s), MARKER));
	secret_free(s);
	spy_check(0, "secret_free");
	fixture_rmtree(dir);
}
END_TEST

Suite *
make_wipe_suite(void)
{
	Suite *s = suite_create("wipe");
	TCase *tc = tcase_create("freed buffers");

	/* A test that fails while armed leaves the spy off for the next one. */
	tcase_add_checked_fixture(tc, NULL, spy_disarm);

	tcase_add_test(tc, test_spy_sees_plain_free);
	tcase_add_test(tc, test_wipe_free);
	tcase_add_test(tc, test_wipe_str_free);
	tcase_add_test(tc, test_wipe_str_drop);
	tcase_add_test(tc, test_turndown_clear);
	tcase_add_test(tc, test_guard_free);
	tcase_add_test(tc, test_tbuf_free);
	tcase_add_test(tc, test_secret_free);
	suite_add_tcase(s, tc);
	return s;
}
