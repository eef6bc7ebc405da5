/*
 * check_vault.c - unit tests for the SQLite engine (core/store/) and the
 * vault's keys (core/records/keyslots.c): creating and opening the vault
 * file, its pragmas, schema versions, and key slots.
 *
 * Each test gets a fresh temporary folder (removed afterwards) holding the
 * vault and the passphrase files; passphrases are read with
 * secret_from_file(), as `--passphrase-file` does.  "Nothing changed" is
 * checked by comparing the vault file and its -wal byte for byte.
 */
#include <check.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/keyslots.h"
#include "core/store/engine.h"
#include "core/store/vault.h"
#include "fixture.h"
#include "suites.h"

static char tmpdir[PATH_MAX];
static char vpath[PATH_MAX + 16];       /* the vault most tests use */
static struct secret *pw1, *pw2, *pw3, *bad;

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
write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void
setup(void)
{
	fixture_mkdir(tmpdir, sizeof(tmpdir), "vault");
	snprintf(vpath, sizeof(vpath), "%s/vault.db", tmpdir);
	pw1 = fixture_secret(tmpdir, "pw1", "correct horse battery staple");
	pw2 = fixture_secret(tmpdir, "pw2", "second slot's passphrase");
	pw3 = fixture_secret(tmpdir, "pw3", "third passphrase, rewrapped");
	bad = fixture_secret(tmpdir, "bad", "not the passphrase");
}

static void
teardown(void)
{
	secret_free(pw1);
	secret_free(pw2);
	secret_free(pw3);
	secret_free(bad);
	pw1 = pw2 = pw3 = bad = NULL;
	fixture_rmtree(tmpdir);
}

/* The bytes of a vault file and its -wal, to compare before and after. */
struct files {
	uint8_t *data[2];
	size_t len[2];
	int present[2];
};

static void
files_read(const char *path, struct files *f /* OUT */)
{
	char name[PATH_MAX + 32];

	memset(f, 0, sizeof(*f));
	for (int i = 0; i < 2; i++) {
		FILE *fp;
		long n;

		snprintf(name, sizeof(name), "%s%s", path, i == 0 ? "" : "-wal");
		if ((fp = fopen(name, "rb")) == NULL)
			continue;
		f->present[i] = 1;
		ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
		n = ftell(fp);
		rewind(fp);
		f->len[i] = (size_t)n;
		f->data[i] = malloc((size_t)n + 1);
		ck_assert_ptr_nonnull(f->data[i]);
		ck_assert_uint_eq(fread(f->data[i], 1, (size_t)n, fp), (size_t)n);
		fclose(fp);
	}
}

static int
files_same(const struct files *a, const struct files *b)
{
	for (int i = 0; i < 2; i++) {
		if (a->present[i] != b->present[i] || a->len[i] != b->len[i] ||
		    (a->len[i] > 0 && memcmp(a->data[i], b->data[i], a->len[i]) != 0))
			return 0;
	}
	return 1;
}

static void
files_free(struct files *f)
{
	free(f->data[0]);
	free(f->data[1]);
	memset(f, 0, sizeof(*f));
}

/* Creates a vault at PATH under PASS and returns it open and unlocked. */
static struct vault *
create_vault(const char *path, const struct secret *pass)
{
	struct terr err = { 0 };
	struct vault *v = vault_init(path, pass, TC_KDF_INTERACTIVE, &err);

	ck_assert_msg(v != NULL, "vault_create: %s", err.msg);
	ck_assert_ptr_nonnull(v->keys);
	return v;
}

static struct vault *
open_vault(const char *path)
{
	struct terr err = { 0 };
	struct vault *v = vault_open(path, &err);

	ck_assert_msg(v != NULL, "vault_open: %s", err.msg);
	ck_assert_ptr_null(v->keys);
	return v;
}

/* Opens PATH and unlocks it with PASS; returns 0 or the error code.  *SLOT gets the slot. */
static int
try_unlock(const char *path, const struct secret *pass, long long *slot)
{
	struct vault *v = open_vault(path);
	struct terr err = { 0 };
	int rc = vault_unlock_pass(v, pass, &err), code = err.code;

	if (slot != NULL)
		*slot = rc == 0 ? v->slot_opened : 0;
	if (rc != 0 && (v->keys != NULL || code == 0))
		code = -1;                      /* a failure must leave it locked, with a code */
	vault_close(v);
	return rc == 0 ? 0 : code;
}

/* Copies the first column of the one row SQL returns, as text, into BUF. */
static void
query_text(struct vault *v, const char *sql, char *buf, size_t size)
{
	struct terr err = { 0 };
	struct est *st = engine_prepare(v, sql, &err);
	const char *t;

	ck_assert_msg(st != NULL, "%s: %s", sql, err.msg);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 1);
	t = est_text(st, 0);
	snprintf(buf, size, "%s", t != NULL ? (const char *)t : "(null)");
	est_finalize(st);
}

static void
check_pragmas(struct vault *v)
{
	char buf[64], want[16];

	snprintf(want, sizeof(want), "%d", VAULT_SCHEMA_VERSION);
	query_text(v, "PRAGMA user_version", buf, sizeof(buf));
	ck_assert_str_eq(buf, want);
	query_text(v, "PRAGMA journal_mode", buf, sizeof(buf));
	ck_assert_str_eq(buf, "wal");
	query_text(v, "PRAGMA secure_delete", buf, sizeof(buf));
	ck_assert_str_eq(buf, "1");
	query_text(v, "PRAGMA synchronous", buf, sizeof(buf));
	ck_assert_str_eq(buf, "2");             /* FULL */
	query_text(v, "PRAGMA foreign_keys", buf, sizeof(buf));
	ck_assert_str_eq(buf, "1");
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	ck_assert_msg(lstat(path, &st) == 0, "%s: missing", path);
	return st.st_mode & 07777;
}

/* --- creating and opening --- */

START_TEST(test_create_modes)
{
	char path[PATH_MAX + 64], wal[PATH_MAX + 80];
	struct vault *v;
	mode_t old = umask(0);                  /* the modes must not depend on the umask */

	snprintf(path, sizeof(path), "%s/new/deeper/vault.db", tmpdir);
	v = create_vault(path, pw1);
	umask(old);
	ck_assert_uint_eq(mode_of(path), 0600);
	ck_assert_uint_eq(mode_of(tpath("new/deeper")), 0700);
	ck_assert_uint_eq(mode_of(tpath("new")), 0700);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	if (access(wal, F_OK) == 0)
		ck_assert_uint_eq(mode_of(wal), 0600);
	check_pragmas(v);
	vault_close(v);
	ck_assert_uint_eq(mode_of(path), 0600);
}
END_TEST

START_TEST(test_create_existing)
{
	struct files before, after;
	struct terr err = { 0 };
	struct vault *v;

	/* Any file in the way, a vault or not, is left alone. */
	write_file(vpath, "not a vault\n", 12);
	files_read(vpath, &before);
	v = vault_init(vpath, pw1, TC_KDF_INTERACTIVE, &err);
	vault_close(v);
	files_read(vpath, &after);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, EX_CANTCREAT);
	ck_assert_ptr_nonnull(strstr(err.msg, vpath));
	ck_assert_msg(files_same(&before, &after), "a failed create changed the file");
	files_free(&before);
	files_free(&after);

	unlink(vpath);
	vault_close(create_vault(vpath, pw1));
	files_read(vpath, &before);
	memset(&err, 0, sizeof(err));
	v = vault_init(vpath, pw2, TC_KDF_INTERACTIVE, &err);
	vault_close(v);
	files_read(vpath, &after);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, EX_CANTCREAT);
	ck_assert_msg(files_same(&before, &after), "a failed create changed the vault");
	files_free(&before);
	files_free(&after);
	ck_assert_int_eq(try_unlock(vpath, pw1, NULL), 0);
	ck_assert_int_eq(try_unlock(vpath, pw2, NULL), EX_NOPERM);
}
END_TEST

START_TEST(test_open_missing)
{
	struct terr err = { 0 };
	struct vault *v = vault_open(vpath, &err);

	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, EX_NOINPUT);
	ck_assert_int_eq(access(vpath, F_OK), -1);
	memset(&err, 0, sizeof(err));
	v = vault_open(tpath("no/such/folder/vault.db"), &err);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, EX_NOINPUT);
	memset(&err, 0, sizeof(err));
	v = vault_open(tmpdir, &err);           /* a folder is not a vault either */
	ck_assert_ptr_null(v);
	ck_assert_int_ne(err.code, 0);
}
END_TEST

START_TEST(test_open_random_bytes)
{
	static const size_t sizes[] = { 1, 100, 512, 4096, 65536 };
	uint8_t *junk = malloc(65536);
	struct terr err;
	struct vault *v;

	ck_assert_ptr_nonnull(junk);
	for (size_t i = 0; i < 2 * sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t n = sizes[i / 2];

		tc_random(junk, n);
		if (i % 2 == 1 && n >= 16)      /* random pages behind a real SQLite header */
			memcpy(junk, "SQLite format 3", 16);
		write_file(vpath, junk, n);
		memset(&err, 0, sizeof(err));
		v = vault_open(vpath, &err);
		vault_close(v);
		ck_assert_msg(v == NULL, "%zu random bytes opened as a vault", n);
		ck_assert_msg(err.code == EX_DATAERR, "%zu random bytes (%s): code %d (%s)", n,
		    i % 2 ? "with header" : "plain", err.code, err.msg);
		unlink(vpath);
	}
	free(junk);
}
END_TEST

/* A file that is not a tact vault is refused and left exactly as it was. */
START_TEST(test_open_foreign_database)
{
	struct files before, after;
	struct terr err = { 0 };
	struct vault *v;
	sqlite3 *db;
	int same;

	ck_assert_int_eq(sqlite3_open(vpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE notes(body TEXT);"
	    "INSERT INTO notes VALUES ('somebody else''s data');", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	files_read(vpath, &before);
	v = vault_open(vpath, &err);
	vault_close(v);
	files_read(vpath, &after);
	same = files_same(&before, &after);
	files_free(&before);
	files_free(&after);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_msg(same, "vault_open wrote into a SQLite database that is not a vault");
}
END_TEST

START_TEST(test_open_empty_file)
{
	struct terr err = { 0 };
	struct vault *v;
	struct stat st;

	write_file(vpath, "", 0);
	v = vault_open(vpath, &err);
	vault_close(v);
	ck_assert_int_eq(stat(vpath, &st), 0);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_msg(st.st_size == 0, "vault_open wrote %lld bytes into an empty file",
	    (long long)st.st_size);
}
END_TEST

START_TEST(test_pragmas)
{
	struct vault *v = create_vault(vpath, pw1);

	check_pragmas(v);
	vault_close(v);
	v = open_vault(vpath);
	check_pragmas(v);
	vault_close(v);
}
END_TEST

/* A schema version lowered outside tact makes the migrations run into tables
 * that exist: that is a damaged vault (65), not an internal error. */
START_TEST(test_lowered_user_version)
{
	struct vault *v = create_vault(vpath, pw1);
	struct terr err = { 0 };

	ck_assert_int_eq(engine_exec(v, "PRAGMA user_version=1", &err), 0);
	vault_close(v);
	ck_assert_ptr_null(vault_open(vpath, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "damaged") != NULL, "%s", err.msg);
}
END_TEST

START_TEST(test_default_path)
{
	const char *names[] = { "TACT_VAULT", "XDG_DATA_HOME", "HOME" };
	char *saved[3], *p;

	for (int i = 0; i < 3; i++) {
		const char *e = getenv(names[i]);

		saved[i] = e != NULL ? strdup(e) : NULL;
	}
	setenv("TACT_VAULT", "/somewhere/v.db", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	setenv("HOME", "/home/r", 1);
	p = vault_default_path();
	ck_assert_str_eq(p, "/somewhere/v.db");
	free(p);
	unsetenv("TACT_VAULT");
	p = vault_default_path();
	ck_assert_str_eq(p, "/data/tact/vault.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = vault_default_path();
	ck_assert_str_eq(p, "/home/r/.local/share/tact/vault.db");
	free(p);
	for (int i = 0; i < 3; i++) {
		if (saved[i] != NULL)
			setenv(names[i], saved[i], 1);
		else
			unsetenv(names[i]);
		free(saved[i]);
	}
}
END_TEST

/* --- unlocking and key slots --- */

START_TEST(test_unlock_pass)
{
	struct tc_err ce = { 0 };
	const struct tc_ad ad = { "clients", "name", 1, 0 };
	struct files start, before, after, end;
	struct tbuf blob = { 0 }, out = { 0 };
	struct terr err = { 0 };
	struct vault *v = create_vault(vpath, pw1);
	int same_during, same_after;

	ck_assert_int_eq(keyring_seal(v->keys, &ad, "Initech", 7, &blob, &ce), 0);
	vault_close(v);
	files_read(vpath, &start);

	v = open_vault(vpath);
	files_read(vpath, &before);
	ck_assert_int_eq(vault_unlock_pass(v, bad, &err), -1);
	ck_assert_int_eq(err.code, EX_NOPERM);
	ck_assert_ptr_null(v->keys);
	files_read(vpath, &after);
	same_during = files_same(&before, &after);

	memset(&err, 0, sizeof(err));
	ck_assert_msg(vault_unlock_pass(v, pw1, &err) == 0, "right passphrase: %s", err.msg);
	ck_assert_ptr_nonnull(v->keys);
	ck_assert_int_eq(v->slot_opened, 1);
	ck_assert_int_eq(keyring_open_sealed(v->keys, &ad, blob.data, blob.len, &out, &ce), 0);
	ck_assert_mem_eq(out.data, "Initech", 7);
	tbuf_free(&out);
	tbuf_free(&blob);
	vault_close(v);
	files_read(vpath, &end);
	same_after = files_same(&start, &end);
	files_free(&start);
	files_free(&before);
	files_free(&after);
	files_free(&end);
	ck_assert_msg(same_during, "a wrong passphrase changed the vault or its -wal");
	ck_assert_msg(same_after, "opening and unlocking changed the vault file");
}
END_TEST

START_TEST(test_slot_add)
{
	struct tc_err ce = { 0 };
	const struct tc_ad ad = { "clients", "name", 1, 0 };
	struct tbuf blob = { 0 }, out = { 0 };
	struct terr err = { 0 };
	struct vault *v = create_vault(vpath, pw1);
	long long slot;

	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_int_eq(vault_slot_add(v, pw2, TC_KDF_INTERACTIVE, &err), 2);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	ck_assert_int_eq(keyring_seal(v->keys, &ad, "Umbrella", 8, &blob, &ce), 0);
	vault_close(v);

	ck_assert_int_eq(try_unlock(vpath, pw2, &slot), 0);
	ck_assert_int_eq(slot, 2);
	ck_assert_int_eq(try_unlock(vpath, pw1, &slot), 0);
	ck_assert_int_eq(slot, 1);
	ck_assert_int_eq(try_unlock(vpath, pw3, NULL), EX_NOPERM);

	/* Both slots hold the same master key. */
	v = open_vault(vpath);
	ck_assert_int_eq(vault_unlock_pass(v, pw2, &err), 0);
	ck_assert_int_eq(keyring_open_sealed(v->keys, &ad, blob.data, blob.len, &out, &ce), 0);
	tbuf_free(&out);
	tbuf_free(&blob);
	vault_close(v);

	/* Adding needs the master key. */
	v = open_vault(vpath);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(vault_slot_add(v, pw3, TC_KDF_INTERACTIVE, &err), -1);
	ck_assert_int_eq(err.code, EX_SOFTWARE);
	vault_close(v);
}
END_TEST

START_TEST(test_slot_rewrap)
{
	struct terr err = { 0 };
	struct vault *v = create_vault(vpath, pw1);
	long long slot;

	ck_assert_int_eq(vault_slot_add(v, pw2, TC_KDF_INTERACTIVE, &err), 2);
	ck_assert_msg(vault_slot_rewrap(v, 2, pw3, TC_KDF_INTERACTIVE, &err) == 0, "rewrap: %s",
	    err.msg);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(vault_slot_rewrap(v, 9, pw3, TC_KDF_INTERACTIVE, &err), -1);
	ck_assert_int_eq(err.code, EX_NOINPUT);
	vault_close(v);

	ck_assert_int_eq(try_unlock(vpath, pw2, NULL), EX_NOPERM);
	ck_assert_int_eq(try_unlock(vpath, pw3, &slot), 0);
	ck_assert_int_eq(slot, 2);
	ck_assert_int_eq(try_unlock(vpath, pw1, &slot), 0);
	ck_assert_int_eq(slot, 1);

	v = open_vault(vpath);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(vault_slot_rewrap(v, 1, pw2, TC_KDF_INTERACTIVE, &err), -1);
	ck_assert_int_eq(err.code, EX_SOFTWARE);
	vault_close(v);
}
END_TEST

START_TEST(test_slot_remove)
{
	struct slot_info *slots;
	struct terr err = { 0 };
	struct vault *v = create_vault(vpath, pw1);
	long long slot;

	ck_assert_int_eq(vault_slot_remove(v, 1, &err), -1);
	ck_assert_int_eq(err.code, EX_USAGE);
	ck_assert_int_eq(vault_slot_list(v, &slots, &err), 1);
	free(slots);

	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(vault_slot_add(v, pw2, TC_KDF_INTERACTIVE, &err), 2);
	ck_assert_int_eq(vault_slot_remove(v, 9, &err), -1);
	ck_assert_int_eq(err.code, EX_NOINPUT);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(vault_slot_remove(v, 1, &err), 0);
	ck_assert_int_eq(vault_slot_list(v, &slots, &err), 1);
	ck_assert_int_eq(slots[0].id, 2);
	free(slots);
	ck_assert_int_eq(vault_slot_remove(v, 2, &err), -1);
	ck_assert_int_eq(err.code, EX_USAGE);
	vault_close(v);

	ck_assert_int_eq(try_unlock(vpath, pw1, NULL), EX_NOPERM);
	ck_assert_int_eq(try_unlock(vpath, pw2, &slot), 0);
	ck_assert_int_eq(slot, 2);
}
END_TEST

static int
iso_utc(const char *s)
{
	static const char pat[] = "dddd-dd-ddTdd:dd:ddZ";

	if (strlen(s) != sizeof(pat) - 1)
		return 0;
	for (size_t i = 0; pat[i] != '\0'; i++) {
		if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != pat[i])
			return 0;
	}
	return 1;
}

START_TEST(test_slot_list)
{
	struct slot_info *slots;
	struct terr err = { 0 };
	struct vault *v = create_vault(vpath, pw1);

	ck_assert_int_eq(vault_slot_add(v, pw2, TC_KDF_INTERACTIVE, &err), 2);
	vault_close(v);
	v = open_vault(vpath);                  /* listing needs no key */
	ck_assert_int_eq(vault_slot_list(v, &slots, &err), 2);
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(slots[i].id, i + 1);
		ck_assert_msg(iso_utc(slots[i].created), "created '%s'", slots[i].created);
		ck_assert_int_eq(slots[i].alg, crypto_pwhash_ALG_ARGON2ID13);
		ck_assert_uint_eq(slots[i].opslimit, crypto_pwhash_OPSLIMIT_INTERACTIVE);
		ck_assert_uint_eq(slots[i].memlimit, crypto_pwhash_MEMLIMIT_INTERACTIVE);
		ck_assert_str_eq(tc_kdf_name(slots[i].opslimit, slots[i].memlimit), "interactive");
	}
	free(slots);
	vault_close(v);
}
END_TEST

Suite *
make_vault_suite(void)
{
	Suite *s = suite_create("vault");
	TCase *tc;

	tc = tcase_create("file");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_create_modes);
	tcase_add_test(tc, test_create_existing);
	tcase_add_test(tc, test_open_missing);
	tcase_add_test(tc, test_open_random_bytes);
	tcase_add_test(tc, test_open_foreign_database);
	tcase_add_test(tc, test_open_empty_file);
	tcase_add_test(tc, test_pragmas);
	tcase_add_test(tc, test_default_path);
	tcase_add_test(tc, test_lowered_user_version);
	suite_add_tcase(s, tc);

	tc = tcase_create("keyslots");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);             /* several Argon2id derivations per test */
	tcase_add_test(tc, test_unlock_pass);
	tcase_add_test(tc, test_slot_add);
	tcase_add_test(tc, test_slot_rewrap);
	tcase_add_test(tc, test_slot_remove);
	tcase_add_test(tc, test_slot_list);
	suite_add_tcase(s, tc);
	return s;
}
