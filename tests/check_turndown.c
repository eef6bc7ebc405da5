/*
 * check_turndown.c - unit tests for the turndown record (core/records/:
 * turndown.c, pack.c, identity.c, write.c, read.c, jsonl.c) and the
 * confidential note's reader (core/confidential/confidential.c): building a
 * turndown, storing it in a real vault and reading it back part by part.
 *
 * The "input" cases need no vault.  The "store" cases each get a fresh vault
 * in a temporary folder (removed afterwards), created with a passphrase read
 * by secret_from_file(), as `--passphrase-file` does.  Every test frees what
 * it builds (turndown_clear, td_writer_free, td_iter_free, vault_close), so
 * `CK_FORK=no valgrind` and ASan see no leak.  Blobs are tampered with
 * through the vault's own SQLite handle, to check that every sealed column
 * fails closed and names its turndown while the other rows stay readable.
 */
#include <check.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/keyslots.h"
#include "core/records/write.h"
#include "core/records/identity.h"
#include "core/records/read.h"
#include "core/records/merge.h"
#include "core/records/followup.h"
#include "core/base/wipe.h"
#include "core/records/search.h"
#include "core/store/engine.h"
#include "core/confidential/confidential.h"
#include "core/base/taxonomy.h"
#include "core/base/check.h"
#include "core/base/date.h"
#include "core/records/turndown.h"
#include "core/store/vault.h"
#include "fixture.h"
#include "suites.h"

static char tmpdir[PATH_MAX];
static char vpath[PATH_MAX + 16];
static struct secret *pass;
static struct vault *v;

/* ---- helpers -------------------------------------------------------------- */

static void
setup(void)
{
	struct terr err = { 0 };

	fixture_mkdir(tmpdir, sizeof(tmpdir), "turndown");
	snprintf(vpath, sizeof(vpath), "%s/vault.db", tmpdir);
	pass = fixture_secret(tmpdir, "pw", "pass one");
	v = vault_init(vpath, pass, TC_KDF_INTERACTIVE, &err);
	ck_assert_msg(v != NULL, "vault_create: %s", err.msg);
	ck_assert_ptr_nonnull(v->keys);
}

static void
teardown(void)
{
	vault_close(v);
	v = NULL;
	secret_free(pass);
	pass = NULL;
	fixture_rmtree(tmpdir);
}

/* Checks that the last call failed with CODE and a message holding NEEDLE. */
static void
check_err(int rc, const struct terr *err, int code, const char *needle)
{
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(err->code == code, "code %d, want %d (%s)", err->code, code, err->msg);
	if (needle != NULL)
		ck_assert_msg(strstr(err->msg, needle) != NULL, "'%s' not in '%s'", needle,
		    err->msg);
}

/* text_check on a NUL-terminated S, as a name (NOTE 0) or a note. */
static int
check_text(const char *s, size_t max, int note, struct terr *err)
{
	memset(err, 0, sizeof(*err));
	return text_check("field", s, strlen(s), max, note, err);
}

/* Fills TD with a complete turndown; CONF and SHARE may be NULL. */
static void
build(struct turndown *td, const char *cand, const char *client, const char *decline,
    const char *reasons, const char *conf, const char *share)
{
	struct terr err = { 0 };
	char *list = strdup(reasons), *tok, *save = NULL;

	memset(td, 0, sizeof(*td));
	ck_assert_ptr_nonnull(list);
	ck_assert_msg(turndown_set_text(&td->candidate, "candidate", cand, strlen(cand),
	    TEXT_NAME_MAX, 0, &err) == 0, "%s", err.msg);
	ck_assert_msg(turndown_set_text(&td->client, "client", client, strlen(client),
	    TEXT_NAME_MAX, 0, &err) == 0, "%s", err.msg);
	ck_assert_msg(date_parse("decline", decline, td->decline_date, &err) == 0, "%s", err.msg);
	for (tok = strtok_r(list, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		ck_assert_msg(turndown_add_reason(td, tok, &err) == 0, "%s: %s", tok, err.msg);
	free(list);
	if (conf != NULL)
		ck_assert_msg(turndown_set_text(&td->confidential, "confidential", conf, strlen(conf),
		    TEXT_NOTE_MAX, 1, &err) == 0, "%s", err.msg);
	if (share != NULL)
		ck_assert_msg(turndown_set_text(&td->shareable, "shareable", share, strlen(share),
		    TEXT_NOTE_MAX, 1, &err) == 0, "%s", err.msg);
	ck_assert_msg(turndown_validate(td, &err) == 0, "%s", err.msg);
}

/* Stores TD in a transaction of its own; returns its id.  NEWC/NEWCL may be NULL. */
static long long
store(struct turndown *td, int *newc, int *newcl)
{
	struct terr err = { 0 };
	struct td_writer *w;
	int a = -1, b = -1;

	ck_assert_msg(vault_begin(v, &err) == 0, "%s", err.msg);
	w = td_writer_new(v, &err);
	ck_assert_msg(w != NULL, "td_writer_new: %s", err.msg);
	ck_assert_msg(record_put(w, td, &a, &b, &err) == 0, "record_put: %s", err.msg);
	td_writer_free(w);
	ck_assert_msg(vault_commit(v, &err) == 0, "%s", err.msg);
	if (newc != NULL)
		*newc = a;
	if (newcl != NULL)
		*newcl = b;
	ck_assert_int_gt(td->id, 0);
	return td->id;
}

/* Builds and stores a turndown in one call; returns its id. */
static long long
store_new(const char *cand, const char *client, const char *decline, const char *reasons,
    const char *conf, const char *share)
{
	struct turndown td;
	long long id;

	build(&td, cand, client, decline, reasons, conf, share);
	id = store(&td, NULL, NULL);
	turndown_clear(&td);
	return id;
}

/* Returns a malloc'd copy of TABLE.COLUMN in row ID; *LEN gets its length. */
static uint8_t *
blob_get(const char *table, const char *column, long long id, size_t *len)
{
	char sql[160];
	struct terr err = { 0 };
	struct est *st;
	uint8_t *copy;
	int n;

	snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = ?", column, table);
	ck_assert_msg((st = engine_prepare(v, sql, &err)) != NULL, "%s", err.msg);
	est_bind_int64(st, 1, id);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 1);
	n = est_bytes(st, 0);
	ck_assert_int_gt(n, 0);
	ck_assert_ptr_nonnull(copy = malloc((size_t)n));
	memcpy(copy, est_blob(st, 0), (size_t)n);
	est_finalize(st);
	*len = (size_t)n;
	return copy;
}

static void
blob_set(const char *table, const char *column, long long id, const uint8_t *data, size_t len)
{
	char sql[160];
	struct terr err = { 0 };
	struct est *st;

	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ? WHERE id = ?", table, column);
	ck_assert_msg((st = engine_prepare(v, sql, &err)) != NULL, "%s", err.msg);
	est_bind_blob(st, 1, data, (int)len);
	est_bind_int64(st, 2, id);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 0);
	ck_assert_int_eq(engine_changes(v), 1);
	est_finalize(st);
}

/* Flips one bit of byte AT (from the end if negative) of TABLE.COLUMN in row ID. */
static void
blob_flip(const char *table, const char *column, long long id, long at)
{
	size_t len;
	uint8_t *b = blob_get(table, column, id, &len);

	b[at < 0 ? (long)len + at : at] ^= 0x04;
	blob_set(table, column, id, b, len);
	free(b);
}

/* Copies TABLE.COLUMN from row FROM into row TO. */
static void
blob_copy(const char *table, const char *column, long long from, long long to)
{
	size_t len;
	uint8_t *b = blob_get(table, column, from, &len);

	blob_set(table, column, to, b, len);
	free(b);
}

static long long
count_rows(const char *table)
{
	char sql[96];
	struct terr err = { 0 };
	struct est *st;
	long long n;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	ck_assert_msg((st = engine_prepare(v, sql, &err)) != NULL, "%s", err.msg);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 1);
	n = est_int64(st, 0);
	est_finalize(st);
	return n;
}

/* Loads turndown ID's PARTS; returns 0 or the error code (the message in ERR). */
static int
load(long long id, unsigned parts, struct turndown *td, struct terr *err)
{
	memset(td, 0, sizeof(*td));
	memset(err, 0, sizeof(*err));
	if (turndown_load(v, id, parts, td, err) == 0)
		return 0;
	ck_assert_int_ne(err->code, 0);
	return err->code;
}

/* Walks F and writes the ids read into IDS (-ID for a row that failed); returns the count. */
static int
walk(const struct td_filter *f, unsigned parts, long long *ids, int max, char *msg, size_t msgsz)
{
	struct terr err = { 0 };
	struct td_iter *it = td_iter_new(v, f, parts, &err);
	struct turndown td;
	int n = 0, r;

	ck_assert_msg(it != NULL, "td_iter_new: %s", err.msg);
	memset(&td, 0, sizeof(td));
	if (msg != NULL)
		msg[0] = '\0';
	while ((r = td_iter_next(it, &td, &err)) != 0) {
		ck_assert_msg(r != -2, "td_iter_next: %s", err.msg);
		ck_assert_int_lt(n, max);
		if (r == -1) {
			ck_assert_int_eq(err.code, EX_DATAERR);
			ck_assert_ptr_null(td.candidate);
			if (msg != NULL)
				snprintf(msg, msgsz, "%s", err.msg);
			ids[n++] = -td.id;
			memset(&err, 0, sizeof(err));
			continue;
		}
		ids[n++] = td.id;
	}
	turndown_clear(&td);
	td_iter_free(it);
	return n;
}

/* Reads a whole file into a new buffer; NULL if it does not exist. */
static uint8_t *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	*len = 0;
	if (f == NULL)
		return NULL;
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	ck_assert_ptr_nonnull(buf = malloc((size_t)n + 1));
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Whether any 16-byte piece of NEEDLE (or all of it, if shorter) is in a vault file. */
static int
in_vault_files(const void *needle, size_t len)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char path[PATH_MAX + 32];
	int found = 0;

	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]) && !found; i++) {
		size_t flen;
		uint8_t *data;

		snprintf(path, sizeof(path), "%s%s", vpath, suffix[i]);
		if ((data = slurp(path, &flen)) == NULL)
			continue;
		if (len <= 16) {
			found = memmem(data, flen, needle, len) != NULL;
		} else {
			for (size_t off = 0; off < len && !found; off += 16) {
				size_t at = off + 16 <= len ? off : len - 16;

				found = memmem(data, flen, (const uint8_t *)needle + at, 16) != NULL;
			}
		}
		free(data);
	}
	return found;
}

/* ---- text_check ----------------------------------------------------------- */

START_TEST(test_text_limits)
{
	struct terr err;
	char buf[TEXT_NOTE_MAX + 2];

	memset(buf, 'a', sizeof(buf));
	buf[TEXT_NOTE_MAX] = '\0';
	ck_assert_int_eq(check_text(buf, TEXT_NOTE_MAX, 1, &err), 0);
	buf[TEXT_NOTE_MAX] = 'a';
	buf[TEXT_NOTE_MAX + 1] = '\0';
	check_err(check_text(buf, TEXT_NOTE_MAX, 1, &err), &err, EX_DATAERR, "too long");
	ck_assert_ptr_nonnull(strstr(err.msg, "field"));
	/* The limit is in bytes: 100 two-byte letters are 200 bytes. */
	buf[0] = '\0';
	for (int i = 0; i < 100; i++)
		strcat(buf, "\xc3\xa9");
	ck_assert_int_eq(check_text(buf, TEXT_NAME_MAX, 0, &err), 0);
	strcat(buf, "x");
	check_err(check_text(buf, TEXT_NAME_MAX, 0, &err), &err, EX_DATAERR, "too long");
	ck_assert_int_eq(check_text("", TEXT_NAME_MAX, 0, &err), 0);
}
END_TEST

START_TEST(test_text_utf8_valid)
{
	static const char *const good[] = {
		"plain ASCII",
		"Zo\xc3\xab M\xc3\xbcller",                 /* Zoë Müller */
		"\xe2\x82\xac 120k",                        /* € */
		"\xe6\x9d\x8e\xe5\xb0\x8f\xe9\xbe\x8d",     /* 李小龍 */
		"\xf0\x9f\x98\x80",                         /* U+1F600 */
		"\xf4\x8f\xbf\xbf",                         /* U+10FFFF, the last code point */
		"\xed\x9f\xbf",                             /* U+D7FF, just below the surrogates */
		"\xee\x80\x80",                             /* U+E000, just above them */
		"\xc2\xa0",                                 /* U+00A0 */
	};
	struct terr err;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(check_text(good[i], 200, 0, &err) == 0, "'%s' refused: %s", good[i],
		    err.msg);
}
END_TEST

START_TEST(test_text_utf8_invalid)
{
	static const char *const bad[] = {
		"\xff", "\xfe", "caf\xe9",                  /* Latin-1, not UTF-8 */
		"\x80", "a\xbf" "b",                        /* a lone continuation byte */
		"\xc0\xaf", "\xc1\xbf",                     /* overlong two-byte forms */
		"\xe0\x80\xaf", "\xe0\x9f\xbf",             /* overlong three-byte forms */
		"\xf0\x80\x80\xaf", "\xf0\x8f\xbf\xbf",     /* overlong four-byte forms */
		"\xed\xa0\x80", "\xed\xbf\xbf",             /* UTF-16 surrogates */
		"\xed\xa0\xbd\xed\xb8\x80",                 /* a CESU-8 surrogate pair */
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80",     /* beyond U+10FFFF */
		"\xf8\x88\x80\x80\x80",                     /* five-byte form */
		"\xc3", "\xe2\x82", "\xf0\x9f\x98",         /* truncated at the end */
		"a\xc3" "b", "\xe2\x82x", "\xf0\x9f\x98z",  /* truncated in the middle */
		"\xc3\xc3\xa9",                             /* a lead byte where a continuation goes */
	};
	struct terr err;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_msg(check_text(bad[i], 200, 1, &err) == -1, "bad UTF-8 #%zu accepted", i);
		ck_assert_int_eq(err.code, EX_DATAERR);
		ck_assert_msg(strstr(err.msg, "UTF-8") != NULL, "#%zu: %s", i, err.msg);
	}
	/* A sequence cut by the length given, though the bytes go on. */
	memset(&err, 0, sizeof(err));
	check_err(text_check("field", "\xc3\xa9", 1, 200, 0, &err), &err, EX_DATAERR, "UTF-8");
	memset(&err, 0, sizeof(err));
	check_err(text_check("field", "\xf0\x9f\x98\x80", 3, 200, 0, &err), &err, EX_DATAERR,
	    "UTF-8");
}
END_TEST

START_TEST(test_text_nul_and_controls)
{
	static const char *const ctl[] = {
		"\x01", "a\x1b[31mred", "bell\x07", "del\x7f", "back\x08space", "\x1f",
	};
	struct terr err = { 0 };

	check_err(text_check("field", "ab\0cd", 5, 200, 0, &err), &err, EX_DATAERR, "NUL");
	memset(&err, 0, sizeof(err));
	check_err(text_check("note", "ab\0cd", 5, 200, 1, &err), &err, EX_DATAERR, "NUL");
	memset(&err, 0, sizeof(err));
	check_err(text_check("field", "\0", 1, 200, 1, &err), &err, EX_DATAERR, "NUL");
	for (size_t i = 0; i < sizeof(ctl) / sizeof(ctl[0]); i++) {
		for (int note = 0; note <= 1; note++) {
			memset(&err, 0, sizeof(err));
			ck_assert_msg(check_text(ctl[i], 200, note, &err) == -1,
			    "control #%zu accepted (note %d)", i, note);
			ck_assert_int_eq(err.code, EX_DATAERR);
			ck_assert_ptr_nonnull(strstr(err.msg, "control character"));
		}
	}
	/* Notes may hold line breaks and tabs; names may not. */
	ck_assert_int_eq(check_text("line one\nline two\n\tindented", TEXT_NOTE_MAX, 1, &err), 0);
	check_err(check_text("Jane\nRoe", 200, 0, &err), &err, EX_DATAERR, "control character");
	check_err(check_text("Jane\tRoe", 200, 0, &err), &err, EX_DATAERR, "control character");
}
END_TEST

/* C1 controls (U+0080..U+009F) are control characters too: U+009B is a
 * terminal's CSI, as dangerous in a name printed by `tact list` as ESC [. */
START_TEST(test_text_c1_controls)
{
	static const char *const c1[] = { "\xc2\x9b" "2J", "x\xc2\x85y", "\xc2\x80", "\xc2\x9f" };
	struct terr err;

	for (size_t i = 0; i < sizeof(c1) / sizeof(c1[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_msg(check_text(c1[i], 200, 0, &err) == -1,
		    "C1 control #%zu accepted in a name", i);
		ck_assert_int_eq(err.code, EX_DATAERR);
	}
}
END_TEST

START_TEST(test_text_trim_and_key)
{
	static const struct { const char *in, *key; } cases[] = {
		{ "Jane Roe", "jane roe" },
		{ "  jane   ROE  ", "jane roe" },
		{ "JANE\tROE", "jane roe" },
		{ "\n Jane \n Roe \n", "jane roe" },
		{ "O'Brien-Smith", "o'brien-smith" },
		{ "\xc3\x89LODIE Martin", "\xc3\x89lodie martin" },  /* only ASCII is lowered */
		{ "", "" },
		{ "   ", "" },
	};
	char *s;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_ptr_nonnull(s = text_name_key(cases[i].in));
		ck_assert_str_eq(s, cases[i].key);
		free(s);
	}
	ck_assert_ptr_nonnull(s = text_trim("  \t Acme  Health \n"));
	ck_assert_str_eq(s, "Acme  Health");
	free(s);
	ck_assert_ptr_nonnull(s = text_trim(" \t\n"));
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

/* ---- dates ---------------------------------------------------------------- */

START_TEST(test_date_parse)
{
	static const char *const good[] = {
		"2026-01-05", "2024-02-29", "2000-02-29", "2026-12-31", "2026-02-28", "1999-01-01",
	};
	static const char *const bad[] = {
		"2026-02-30", "2100-02-29", "1900-02-29", "2026-02-29", "2026-04-31", "2026-13-01",
		"2026-00-10", "2026-01-00", "2026-01-32", "2026-1-05", "2026-01-5", "26-01-05",
		"2026-01-05x", "2026-01-05 ", " 2026-01-05", "2026/01/05", "2026-01-05T10:00",
		"20260105", "", "yyyy-mm-dd", "+026-01-05", "2026-+1-05", "2026-0x-05",
		"2026-01-05\n",
	};
	char out[DATE_LEN];
	struct terr err;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(&err, 0, sizeof(err));
		memset(out, 'x', sizeof(out));
		ck_assert_msg(date_parse("--decline-date", good[i], out, &err) == 0, "%s: %s", good[i],
		    err.msg);
		ck_assert_str_eq(out, good[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_msg(date_parse("--decline-date", bad[i], out, &err) == -1, "'%s' accepted",
		    bad[i]);
		ck_assert_int_eq(err.code, EX_DATAERR);
		ck_assert_msg(strstr(err.msg, "--decline-date") != NULL, "%s", err.msg);
	}
	memset(&err, 0, sizeof(err));
	check_err(date_parse("offer_date", NULL, out, &err), &err, EX_DATAERR, "offer_date");
}
END_TEST

/* What a person types for a date: today, yesterday, N days ago; and a date
 * the calendar lacks is refused with the reason. */
START_TEST(test_date_relative_and_why)
{
	static const struct {
		const char *in, *why;
	} why[] = {
		{ "2026-11-31", "2026-11-31: November has 30 days" },
		{ "2026-04-31", "April has 30 days" },
		{ "2025-02-29", "February has 28 days in 2025" },
		{ "2024-02-30", "February has 29 days in 2024" },
		{ "2026-13-01", "no month 13" },
		{ "2026-01-00", "no day 00" },
		{ "1800-01-01", "year" },
	};
	static const char *const bad[] = {
		"tomorrow", "days ago", "-3 days ago", "3 days", "3 weeks ago", "3 days ago ",
		"99999999999999999999 days ago", "40000 days ago", "Today",
	};
	char out[DATE_LEN], today[DATE_LEN], want[DATE_LEN];
	struct terr err;

	date_today(today);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(date_parse_typed("d", "today", out, &err), 0);
	ck_assert_str_eq(out, today);
	ck_assert_int_eq(date_parse_typed("d", "yesterday", out, &err), 0);
	date_add_days(today, -1, want);
	ck_assert_str_eq(out, want);
	ck_assert_int_eq(date_parse_typed("d", "3 days ago", out, &err), 0);
	date_add_days(today, -3, want);
	ck_assert_str_eq(out, want);
	ck_assert_int_eq(date_parse_typed("d", "1 day ago", out, &err), 0);
	date_add_days(today, -1, want);
	ck_assert_str_eq(out, want);
	ck_assert_int_eq(date_parse_typed("d", "0 days ago", out, &err), 0);
	ck_assert_str_eq(out, today);
	for (size_t i = 0; i < sizeof(why) / sizeof(why[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(date_parse_typed("--decline-date", why[i].in, out, &err), -1);
		ck_assert_int_eq(err.code, EX_DATAERR);
		ck_assert_msg(strstr(err.msg, why[i].why) != NULL, "%s: '%s'", why[i].in, err.msg);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_msg(date_parse_typed("d", bad[i], out, &err) == -1, "'%s' accepted", bad[i]);
	}
	/* The strict parser (reports, stored dates) takes none of the typed forms. */
	ck_assert_int_eq(date_parse("d", "today", out, &err), -1);
	ck_assert_int_eq(date_parse("d", "3 days ago", out, &err), -1);
}
END_TEST

START_TEST(test_date_days)
{
	static const struct { const char *a, *b; long diff; } gaps[] = {
		{ "2024-02-28", "2024-03-01", 2 },          /* a leap year */
		{ "2023-02-28", "2023-03-01", 1 },
		{ "2100-02-28", "2100-03-01", 1 },          /* divisible by 100: not leap */
		{ "2000-02-28", "2000-03-01", 2 },          /* divisible by 400: leap */
		{ "2025-12-31", "2026-01-01", 1 },
		{ "2026-01-31", "2026-02-01", 1 },
		{ "2026-04-30", "2026-05-01", 1 },
		{ "2024-01-01", "2025-01-01", 366 },
		{ "2025-01-01", "2026-01-01", 365 },
	};

	ck_assert_int_eq(date_days("1970-01-01"), 0);
	ck_assert_int_eq(date_days("1970-01-02"), 1);
	ck_assert_int_eq(date_days("1969-12-31"), -1);
	ck_assert_int_eq(date_days("2000-03-01"), 11017);
	for (size_t i = 0; i < sizeof(gaps) / sizeof(gaps[0]); i++)
		ck_assert_msg(date_days(gaps[i].b) - date_days(gaps[i].a) == gaps[i].diff,
		    "%s .. %s: %ld days, want %ld", gaps[i].a, gaps[i].b,
		    date_days(gaps[i].b) - date_days(gaps[i].a), gaps[i].diff);
}
END_TEST

START_TEST(test_date_add_days)
{
	static const struct { const char *from; long days; const char *to; } cases[] = {
		{ "2024-02-28", 1, "2024-02-29" },
		{ "2024-02-29", 1, "2024-03-01" },
		{ "2023-02-28", 1, "2023-03-01" },
		{ "2100-02-28", 1, "2100-03-01" },
		{ "2000-02-28", 1, "2000-02-29" },
		{ "2025-12-31", 1, "2026-01-01" },
		{ "2026-01-01", -1, "2025-12-31" },
		{ "2024-03-01", -1, "2024-02-29" },
		{ "2024-02-28", 366, "2025-02-28" },
		{ "2026-01-31", 30, "2026-03-02" },
		{ "2026-03-15", 0, "2026-03-15" },
	};
	char out[DATE_LEN], back[DATE_LEN], parsed[DATE_LEN], prev[DATE_LEN];
	struct terr err = { 0 };
	const char *start = "1999-11-15";
	long base = date_days(start);

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		date_add_days(cases[i].from, cases[i].days, out);
		ck_assert_msg(strcmp(out, cases[i].to) == 0, "%s + %ld = %s, want %s",
		    cases[i].from, cases[i].days, out, cases[i].to);
	}
	/* Every day for a century and more: each is a valid date, one after the
	 * other.  Plain ifs, not an assertion per day, to keep Check's fork mode fast. */
	snprintf(prev, sizeof(prev), "%s", start);
	for (long d = 1; d <= 37000; d++) {
		date_add_days(start, d, out);
		if (date_parse("day", out, parsed, &err) != 0)
			ck_abort_msg("%s + %ld = '%s': %s", start, d, out, err.msg);
		if (date_days(out) != base + d)
			ck_abort_msg("date_days(%s) = %ld, want %ld", out, date_days(out), base + d);
		if (strcmp(prev, out) >= 0)
			ck_abort_msg("%s does not follow %s", out, prev);
		date_add_days(out, -d, back);
		if (strcmp(back, start) != 0)
			ck_abort_msg("%s - %ld = %s, want %s", out, d, back, start);
		date_add_days(prev, 1, back);
		if (strcmp(back, out) != 0)
			ck_abort_msg("%s + 1 = %s, want %s", prev, back, out);
		memcpy(prev, out, sizeof(prev));
	}
}
END_TEST

/* ---- taxonomy --------------------------------------------------------------- */

START_TEST(test_taxonomy_order)
{
	static const char *const spec[TAXONOMY_COUNT] = {
		"compensation", "equity", "benefits", "title", "scope", "growth", "better-fit",
		"counteroffer", "relocation", "commute", "remote", "family", "partner-career",
		"schedule", "workload", "culture", "hiring-manager", "team", "leadership", "hr",
		"process", "stability", "reputation", "other",
	};
	char list[1024], small[12];

	ck_assert_int_eq(TAXONOMY_COUNT, 24);
	for (int i = 0; i < TAXONOMY_COUNT; i++) {
		ck_assert_str_eq(taxonomy[i].slug, spec[i]);
		ck_assert_ptr_nonnull(taxonomy[i].description);
		ck_assert_int_gt((int)strlen(taxonomy[i].description), 10);
		ck_assert_ptr_null(strchr(taxonomy[i].description, '\n'));
		ck_assert_int_eq(taxonomy_find(spec[i]), i);
	}
	ck_assert_int_eq(taxonomy_find("compensashun"), -1);
	ck_assert_int_eq(taxonomy_find(""), -1);
	ck_assert_int_eq(taxonomy_find("compensation "), -1);
	taxonomy_list(list, sizeof(list));
	ck_assert_str_eq(list, "compensation, equity, benefits, title, scope, growth, better-fit, "
	    "counteroffer, relocation, commute, remote, family, partner-career, schedule, "
	    "workload, culture, hiring-manager, team, leadership, hr, process, stability, "
	    "reputation, other");
	/* A buffer too small is cut short, not overrun. */
	memset(small, 'Z', sizeof(small));
	taxonomy_list(small, 8);
	ck_assert_int_lt((int)strlen(small), 8);
	ck_assert_int_eq(small[8], 'Z');
	ck_assert_int_eq(small[11], 'Z');
}
END_TEST

START_TEST(test_taxonomy_suggest)
{
	const char *s;

	ck_assert_ptr_nonnull(s = taxonomy_suggest("compensashun"));
	ck_assert_str_eq(s, "compensation");
	ck_assert_ptr_nonnull(s = taxonomy_suggest("comp"));
	ck_assert_str_eq(s, "compensation");
	ck_assert_ptr_nonnull(s = taxonomy_suggest("relocaton"));
	ck_assert_str_eq(s, "relocation");
	ck_assert_ptr_nonnull(s = taxonomy_suggest("hiring-manger"));
	ck_assert_str_eq(s, "hiring-manager");
	ck_assert_ptr_null(taxonomy_suggest("zzzz"));
	ck_assert_ptr_null(taxonomy_suggest(""));
	ck_assert_ptr_null(taxonomy_suggest("x"));
	/* Long input must not overrun the distance table. */
	{
		char longslug[300];

		memset(longslug, 'q', sizeof(longslug) - 1);
		longslug[sizeof(longslug) - 1] = '\0';
		ck_assert_ptr_null(taxonomy_suggest(longslug));
	}
}
END_TEST

START_TEST(test_vocab)
{
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "hiring-manager"), 0);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "hr"), 1);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "executive"), 2);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "interviewer"), 3);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "peer"), 4);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "other"), 5);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "boss"), -1);
	ck_assert_int_eq(vocab_find(impression_names, 3, "positive"), IMP_POSITIVE);
	ck_assert_int_eq(vocab_find(impression_names, 3, "neutral"), IMP_NEUTRAL);
	ck_assert_int_eq(vocab_find(impression_names, 3, "negative"), IMP_NEGATIVE);
	ck_assert_int_eq(vocab_find(visibility_names, 2, "confidential"), VIS_CONFIDENTIAL);
	ck_assert_int_eq(vocab_find(visibility_names, 2, "shareable"), VIS_SHAREABLE);
	ck_assert_int_eq(vocab_find(consent_names, 2, "aggregate"), CONSENT_AGGREGATE);
	ck_assert_int_eq(vocab_find(consent_names, 2, "none"), CONSENT_NONE);
}
END_TEST

/* ---- building a turndown ------------------------------------------------------ */

START_TEST(test_add_reason)
{
	struct turndown td;
	struct terr err = { 0 };
	char longspec[400];
	int hr = taxonomy_find("hr"), comp = taxonomy_find("compensation");

	memset(&td, 0, sizeof(td));
	ck_assert_int_eq(turndown_add_reason(&td, "compensation", &err), 0);
	ck_assert_int_eq(turndown_add_reason(&td, "hr:confidential", &err), 0);
	ck_assert_int_eq(turndown_add_reason(&td, "equity:shareable", &err), 0);
	ck_assert_uint_eq(td.nreasons, 3);
	ck_assert_int_eq(td.reasons[0].category, comp);
	ck_assert_int_eq(td.reasons[0].visibility, VIS_SHAREABLE);
	ck_assert_int_eq(td.reasons[1].category, hr);
	ck_assert_int_eq(td.reasons[1].visibility, VIS_CONFIDENTIAL);
	ck_assert_int_eq(td.reasons[2].category, taxonomy_find("equity"));
	ck_assert_int_eq(td.reasons[2].visibility, VIS_SHAREABLE);

	/* Given twice: one reason, and confidential wins whatever the order. */
	ck_assert_int_eq(turndown_add_reason(&td, "hr", &err), 0);
	ck_assert_int_eq(turndown_add_reason(&td, "hr:shareable", &err), 0);
	ck_assert_int_eq(turndown_add_reason(&td, "compensation:confidential", &err), 0);
	ck_assert_int_eq(turndown_add_reason(&td, "compensation:shareable", &err), 0);
	ck_assert_uint_eq(td.nreasons, 3);
	ck_assert_int_eq(td.reasons[1].visibility, VIS_CONFIDENTIAL);
	ck_assert_int_eq(td.reasons[0].visibility, VIS_CONFIDENTIAL);

	/* Bad ones change nothing. */
	check_err(turndown_add_reason(&td, "compensashun", &err), &err, EX_DATAERR,
	    "did you mean 'compensation'");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "zzzz", &err), &err, EX_DATAERR, "zzzz");
	ck_assert_ptr_nonnull(strstr(err.msg, "compensation, equity"));
	ck_assert_ptr_nonnull(strstr(err.msg, "reputation, other"));
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "hr:secret", &err), &err, EX_DATAERR, "secret");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "benefits:Confidential", &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "benefits:", &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, ":confidential", &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "", &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "hr:confidential:x", &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "Compensation", &err), &err, EX_DATAERR, NULL);
	memset(longspec, 'c', sizeof(longspec) - 1);
	longspec[sizeof(longspec) - 1] = '\0';
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, longspec, &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_reason(&td, "hr\x1b[2J", &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_category(&td, "hr", "private", &err), &err, EX_DATAERR, "private");
	ck_assert_uint_eq(td.nreasons, 3);

	/* Every category, many times over: never more than 24 entries. */
	for (int round = 0; round < 50; round++)
		for (int i = 0; i < TAXONOMY_COUNT; i++)
			ck_assert_int_eq(turndown_add_category(&td, taxonomy[i].slug,
			    round % 2 ? "shareable" : NULL, &err), 0);
	ck_assert_uint_eq(td.nreasons, TAXONOMY_COUNT);
	turndown_clear(&td);
}
END_TEST

START_TEST(test_add_met)
{
	struct turndown td;
	struct terr err = { 0 };
	char spec[512];

	memset(&td, 0, sizeof(td));
	ck_assert_int_eq(turndown_add_met(&td, "Ann Lee:hiring-manager:positive", &err), 0);
	ck_assert_int_eq(turndown_add_met(&td, "Dr. Who: The Doctor:peer:negative", &err), 0);
	ck_assert_int_eq(turndown_add_met(&td, "  Bo  Chen :hr:neutral", &err), 0);
	ck_assert_uint_eq(td.nmet, 3);
	ck_assert_str_eq(td.met[0].name, "Ann Lee");
	ck_assert_int_eq(td.met[0].role, 0);
	ck_assert_int_eq(td.met[0].impression, IMP_POSITIVE);
	ck_assert_str_eq(td.met[1].name, "Dr. Who: The Doctor");
	ck_assert_int_eq(td.met[1].role, 4);
	ck_assert_int_eq(td.met[1].impression, IMP_NEGATIVE);
	ck_assert_str_eq(td.met[2].name, "Bo  Chen");
	ck_assert_int_eq(td.met[2].role, 1);
	ck_assert_int_eq(td.met[2].impression, IMP_NEUTRAL);

	/* Malformed: a usage or a data error, never a person added. */
	static const char *const bad_syntax[] = { "Ann Lee", "Ann Lee:hr", "", ":" };
	for (size_t i = 0; i < sizeof(bad_syntax) / sizeof(bad_syntax[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(turndown_add_met(&td, bad_syntax[i], &err), -1);
		ck_assert_msg(err.code == EX_DATAERR || err.code == EX_USAGE, "'%s': code %d",
		    bad_syntax[i], err.code);
	}
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, "Ann Lee:boss:positive", &err), &err, EX_DATAERR, "boss");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, "Ann Lee:hr:great", &err), &err, EX_DATAERR, "great");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, ":hr:positive", &err), &err, EX_DATAERR, "empty");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, "  :hr:positive", &err), &err, EX_DATAERR, "empty");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, "Ann Lee:HR:positive", &err), &err, EX_DATAERR, NULL);
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, "Ann\x01Lee:hr:positive", &err), &err, EX_DATAERR,
	    "control");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, "Ann \xff Lee:hr:positive", &err), &err, EX_DATAERR,
	    "UTF-8");
	memset(spec, 'n', 201);
	snprintf(spec + 201, sizeof(spec) - 201, ":hr:neutral");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, spec, &err), &err, EX_DATAERR, "too long");
	memset(spec, 'n', 200);
	snprintf(spec + 200, sizeof(spec) - 200, ":hr:neutral");
	memset(&err, 0, sizeof(err));
	ck_assert_msg(turndown_add_met(&td, spec, &err) == 0, "a 200-byte name: %s", err.msg);
	ck_assert_uint_eq(td.nmet, 4);

	/* At most TEXT_MET_MAX people. */
	while (td.nmet < TEXT_MET_MAX) {
		snprintf(spec, sizeof(spec), "Person %zu:interviewer:neutral", td.nmet);
		ck_assert_int_eq(turndown_add_met(&td, spec, &err), 0);
	}
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_met(&td, "One Too Many:peer:positive", &err), &err, EX_DATAERR,
	    "too many");
	memset(&err, 0, sizeof(err));
	check_err(turndown_add_person(&td, "One Too Many", "peer", "positive", &err), &err,
	    EX_DATAERR, "too many");
	ck_assert_uint_eq(td.nmet, TEXT_MET_MAX);
	turndown_clear(&td);
	ck_assert_ptr_null(td.met);
	ck_assert_uint_eq(td.nmet, 0);
}
END_TEST

START_TEST(test_set_text_and_consent)
{
	struct turndown td;
	struct terr err = { 0 };
	char big[TEXT_NOTE_MAX + 2];

	memset(&td, 0, sizeof(td));
	ck_assert_int_eq(turndown_set_text(&td.candidate, "candidate", "  Jane Roe  ", 12,
	    TEXT_NAME_MAX, 0, &err), 0);
	ck_assert_str_eq(td.candidate, "Jane Roe");
	/* Replacing frees the old value (valgrind would tell). */
	ck_assert_int_eq(turndown_set_text(&td.candidate, "candidate", "John Doe", 8,
	    TEXT_NAME_MAX, 0, &err), 0);
	ck_assert_str_eq(td.candidate, "John Doe");
	check_err(turndown_set_text(&td.client, "client", "   ", 3, TEXT_NAME_MAX, 0, &err), &err,
	    EX_DATAERR, "client is empty");
	ck_assert_ptr_null(td.client);
	/* A failed set leaves the old value. */
	memset(&err, 0, sizeof(err));
	check_err(turndown_set_text(&td.candidate, "candidate", "J\x1b", 2, TEXT_NAME_MAX, 0,
	    &err), &err, EX_DATAERR, "candidate");
	ck_assert_str_eq(td.candidate, "John Doe");
	/* Notes keep their white space; only the given length counts. */
	ck_assert_int_eq(turndown_set_text(&td.shareable, "shareable", "  two\n\tlines  \nXX", 15,
	    TEXT_NOTE_MAX, 1, &err), 0);
	ck_assert_str_eq(td.shareable, "  two\n\tlines  \n");
	memset(big, 'a', sizeof(big));
	memset(&err, 0, sizeof(err));
	check_err(turndown_set_text(&td.confidential, "confidential note", big, TEXT_NOTE_MAX + 1,
	    TEXT_NOTE_MAX, 1, &err), &err, EX_DATAERR, "too long");
	ck_assert_ptr_null(td.confidential);
	ck_assert_int_eq(turndown_set_text(&td.confidential, "confidential note", big,
	    TEXT_NOTE_MAX, TEXT_NOTE_MAX, 1, &err), 0);
	ck_assert_uint_eq(strlen(td.confidential), TEXT_NOTE_MAX);

	ck_assert_int_eq(td.consent, CONSENT_AGGREGATE);
	ck_assert_int_eq(turndown_set_consent(&td, "none", &err), 0);
	ck_assert_int_eq(td.consent, CONSENT_NONE);
	ck_assert_int_eq(turndown_set_consent(&td, "aggregate", &err), 0);
	ck_assert_int_eq(td.consent, CONSENT_AGGREGATE);
	memset(&err, 0, sizeof(err));
	check_err(turndown_set_consent(&td, "yes", &err), &err, EX_DATAERR, "yes");
	ck_assert_int_eq(td.consent, CONSENT_AGGREGATE);
	turndown_clear(&td);
}
END_TEST

START_TEST(test_validate)
{
	struct turndown td;
	struct terr err = { 0 };
	char today[DATE_LEN];

	memset(&td, 0, sizeof(td));
	check_err(turndown_validate(&td, &err), &err, EX_USAGE, "candidate");
	ck_assert_int_eq(turndown_set_text(&td.candidate, "candidate", "Jane Roe", 8,
	    TEXT_NAME_MAX, 0, &err), 0);
	memset(&err, 0, sizeof(err));
	check_err(turndown_validate(&td, &err), &err, EX_USAGE, "client");
	ck_assert_int_eq(turndown_set_text(&td.client, "client", "Acme", 4, TEXT_NAME_MAX, 0,
	    &err), 0);
	memset(&err, 0, sizeof(err));
	check_err(turndown_validate(&td, &err), &err, EX_USAGE, "reason");
	ck_assert_int_eq(turndown_add_reason(&td, "compensation", &err), 0);

	/* The decline date defaults to today. */
	ck_assert_int_eq(turndown_set_text(&td.shareable, "shareable", "", 0, TEXT_NOTE_MAX, 1,
	    &err), 0);
	ck_assert_int_eq(turndown_validate(&td, &err), 0);
	date_today(today);
	ck_assert_str_eq(td.decline_date, today);
	ck_assert_ptr_null(td.shareable);       /* an empty note is no note */

	/* The offer may be the same day as the decline, never after it. */
	ck_assert_int_eq(date_parse("offer", "2026-03-01", td.offer_date, &err), 0);
	ck_assert_int_eq(date_parse("decline", "2026-03-01", td.decline_date, &err), 0);
	ck_assert_int_eq(turndown_validate(&td, &err), 0);
	ck_assert_int_eq(date_parse("offer", "2026-03-02", td.offer_date, &err), 0);
	memset(&err, 0, sizeof(err));
	check_err(turndown_validate(&td, &err), &err, EX_DATAERR, "2026-03-02");
	ck_assert_ptr_nonnull(strstr(err.msg, "2026-03-01"));
	ck_assert_int_eq(date_parse("offer", "2025-12-31", td.offer_date, &err), 0);
	ck_assert_int_eq(turndown_validate(&td, &err), 0);

	/* A decline date after today is refused; today itself is fine. */
	date_add_days(today, 1, td.decline_date);
	td.offer_date[0] = '\0';
	memset(&err, 0, sizeof(err));
	check_err(turndown_validate(&td, &err), &err, EX_DATAERR, "future");
	memcpy(td.decline_date, today, DATE_LEN);
	ck_assert_int_eq(turndown_validate(&td, &err), 0);
	turndown_clear(&td);
}
END_TEST

/* ---- the vault ---------------------------------------------------------------- */

START_TEST(test_store_load_parts)
{
	struct turndown td, got;
	struct terr err = { 0 };
	const char *conf = "Found the HR partner, Petra Quill, dismissive.\nDo not repeat.";
	const char *share = "Chose a role closer to family.\n\tThanks the team.";
	long long id, id2;
	int newc, newcl;

	build(&td, "Jane Roe", "Acme Health", "2026-02-10", "compensation hr:confidential "
	    "growth:shareable", conf, share);
	ck_assert_int_eq(turndown_set_text(&td.role, "role", "Chief Nursing Officer", 21,
	    TEXT_ROLE_MAX, 0, &err), 0);
	ck_assert_int_eq(date_parse("offer", "2026-02-01", td.offer_date, &err), 0);
	ck_assert_int_eq(turndown_add_met(&td, "Ann Lee:hiring-manager:positive", &err), 0);
	ck_assert_int_eq(turndown_add_met(&td, "Petra Quill:hr:negative", &err), 0);
	ck_assert_int_eq(turndown_set_consent(&td, "none", &err), 0);
	id = store(&td, &newc, &newcl);
	ck_assert_int_eq(newc, 1);
	ck_assert_int_eq(newcl, 1);
	ck_assert_int_gt(td.candidate_id, 0);
	ck_assert_int_gt(td.client_id, 0);

	/* Each part alone, and nothing else. */
	ck_assert_int_eq(load(id, TD_IDENTITY, &got, &err), 0);
	ck_assert_int_eq(got.id, id);
	ck_assert_int_eq(got.candidate_id, td.candidate_id);
	ck_assert_int_eq(got.client_id, td.client_id);
	ck_assert_str_eq(got.decline_date, "2026-02-10");
	ck_assert_str_eq(got.offer_date, "2026-02-01");
	ck_assert_str_eq(got.candidate, "Jane Roe");
	ck_assert_ptr_null(got.client);
	ck_assert_ptr_null(got.role);
	ck_assert_uint_eq(got.nreasons, 0);
	ck_assert_uint_eq(got.nmet, 0);
	ck_assert_ptr_null(got.shareable);
	ck_assert_ptr_null(got.confidential);
	turndown_clear(&got);

	ck_assert_int_eq(load(id, TD_CLIENT, &got, &err), 0);
	ck_assert_str_eq(got.client, "Acme Health");
	ck_assert_ptr_null(got.candidate);
	turndown_clear(&got);

	ck_assert_int_eq(load(id, TD_SIGNALS, &got, &err), 0);
	ck_assert_ptr_null(got.candidate);
	ck_assert_str_eq(got.role, "Chief Nursing Officer");
	ck_assert_int_eq(got.consent, CONSENT_NONE);
	ck_assert_uint_eq(got.nreasons, 3);
	ck_assert_int_eq(got.reasons[0].category, taxonomy_find("compensation"));
	ck_assert_int_eq(got.reasons[0].visibility, VIS_SHAREABLE);
	ck_assert_int_eq(got.reasons[1].category, taxonomy_find("hr"));
	ck_assert_int_eq(got.reasons[1].visibility, VIS_CONFIDENTIAL);
	ck_assert_int_eq(got.reasons[2].category, taxonomy_find("growth"));
	ck_assert_uint_eq(got.nmet, 0);
	ck_assert_ptr_null(got.shareable);
	turndown_clear(&got);

	ck_assert_int_eq(load(id, TD_PEOPLE, &got, &err), 0);
	ck_assert_uint_eq(got.nmet, 2);
	ck_assert_str_eq(got.met[0].name, "Ann Lee");
	ck_assert_int_eq(got.met[0].role, 0);
	ck_assert_int_eq(got.met[0].impression, IMP_POSITIVE);
	ck_assert_str_eq(got.met[1].name, "Petra Quill");
	ck_assert_int_eq(got.met[1].role, 1);
	ck_assert_int_eq(got.met[1].impression, IMP_NEGATIVE);
	ck_assert_uint_eq(got.nreasons, 0);
	turndown_clear(&got);

	ck_assert_int_eq(load(id, TD_SHAREABLE, &got, &err), 0);
	ck_assert_str_eq(got.shareable, share);
	ck_assert_ptr_null(got.confidential);
	turndown_clear(&got);

	/* Everything open, and still no confidential note until asked for. */
	ck_assert_int_eq(load(id, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_str_eq(got.candidate, "Jane Roe");
	ck_assert_str_eq(got.client, "Acme Health");
	ck_assert_uint_eq(got.nmet, 2);
	ck_assert_ptr_null(got.confidential);
	ck_assert_int_eq(confidential_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, conf);
	turndown_clear(&got);

	/* The same person and client, typed differently, are found, not created. */
	turndown_clear(&td);
	build(&td, "  jane   ROE ", "ACME health", "2026-03-01", "title", NULL, NULL);
	id2 = store(&td, &newc, &newcl);
	ck_assert_int_eq(newc, 0);
	ck_assert_int_eq(newcl, 0);
	ck_assert_int_eq(id2, id + 1);
	ck_assert_int_eq(load(id2, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_str_eq(got.candidate, "Jane Roe");    /* as first given */
	ck_assert_str_eq(got.client, "Acme Health");
	ck_assert_ptr_null(got.role);
	ck_assert_ptr_null(got.shareable);
	ck_assert_uint_eq(got.nmet, 0);
	ck_assert_int_eq(got.consent, CONSENT_AGGREGATE);
	ck_assert_str_eq(got.offer_date, "");
	ck_assert_int_eq(confidential_load(v, &got, &err), 0);
	ck_assert_ptr_null(got.confidential);
	turndown_clear(&got);
	turndown_clear(&td);
	ck_assert_int_eq(count_rows("candidates"), 1);
	ck_assert_int_eq(count_rows("clients"), 1);

	/* No such turndown. */
	ck_assert_int_eq(load(id2 + 1, TD_ALL_OPEN, &got, &err), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "turndown"));
	turndown_clear(&got);
	got.id = 999;
	got.candidate_id = 1;
	memset(&err, 0, sizeof(err));
	check_err(confidential_load(v, &got, &err), &err, EX_NOINPUT, NULL);
	turndown_clear(&got);
}
END_TEST

/* Committed data survives closing; rolled-back data leaves no trace. */
START_TEST(test_store_persist_and_rollback)
{
	struct turndown td, got;
	struct terr err = { 0 };
	struct td_writer *w;
	long long id;
	int a, b;

	id = store_new("Jane Roe", "Acme", "2026-01-10", "culture:confidential",
	    "the CEO shouted", "a kind note");
	build(&td, "Rollback Person", "Rollback Client", "2026-01-11", "scope", "x", NULL);
	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_ptr_nonnull(w = td_writer_new(v, &err));
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 0);
	td_writer_free(w);
	vault_rollback(v);
	turndown_clear(&td);
	ck_assert_int_eq(count_rows("turndowns"), 1);
	ck_assert_int_eq(count_rows("candidates"), 1);
	ck_assert_int_eq(count_rows("clients"), 1);
	ck_assert_int_eq(candidate_find(v, "Rollback Person", &err), 0);

	vault_close(v);
	ck_assert_ptr_nonnull(v = vault_open(vpath, &err));
	ck_assert_ptr_null(v->keys);
	ck_assert_msg(vault_unlock_pass(v, pass, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(load(id, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_str_eq(got.candidate, "Jane Roe");
	ck_assert_str_eq(got.shareable, "a kind note");
	ck_assert_int_eq(confidential_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, "the CEO shouted");
	turndown_clear(&got);
	/* The next id follows the committed one, not the rolled-back one's. */
	ck_assert_int_eq(store_new("Other", "Acme", "2026-01-12", "team", NULL, NULL), id + 1);
}
END_TEST

START_TEST(test_iter_filters)
{
	struct td_filter f;
	struct terr err = { 0 };
	long long ids[64], jane, john, acme, beta;
	char msg[TERR_MSG_MAX];
	int n;

	/* ids 1..6, decline dates out of id order. */
	store_new("Jane Roe", "Acme Health", "2026-03-01", "compensation", NULL, NULL);   /* 1 */
	store_new("John Doe", "Beta Corp", "2026-01-15", "equity", NULL, NULL);           /* 2 */
	store_new("jane roe", "Beta Corp", "2026-02-01", "title", NULL, NULL);            /* 3 */
	store_new("Mary Major", "acme health", "2026-01-15", "hr:confidential", NULL,
	    NULL);                                                                          /* 4 */
	store_new("John Doe", "ACME HEALTH", "2025-12-31", "team", NULL, NULL);           /* 5 */
	store_new("Jane Roe", "Gamma", "2026-03-02", "other", NULL, NULL);                /* 6 */
	jane = candidate_find(v, "JANE ROE", &err);
	john = candidate_find(v, "john   doe", &err);
	acme = client_find(v, "Acme health", &err);
	beta = client_find(v, "  beta corp ", &err);
	ck_assert_int_gt(jane, 0);
	ck_assert_int_gt(john, 0);
	ck_assert_int_ne(jane, john);
	ck_assert_int_gt(acme, 0);
	ck_assert_int_gt(beta, 0);
	ck_assert_int_ne(acme, beta);
	ck_assert_int_eq(candidate_find(v, "Jane Roe2", &err), 0);
	ck_assert_int_eq(candidate_find(v, "Jane", &err), 0);
	ck_assert_int_eq(client_find(v, "Acme", &err), 0);
	/* Separate blind indexes: a client's name is no candidate's. */
	ck_assert_int_eq(candidate_find(v, "Acme Health", &err), 0);
	ck_assert_int_eq(client_find(v, "Jane Roe", &err), 0);
	ck_assert_int_eq(count_rows("candidates"), 3);
	ck_assert_int_eq(count_rows("clients"), 3);

	/* Decline-date order, ties by id. */
	memset(&f, 0, sizeof(f));
	n = walk(&f, TD_ALL_OPEN, ids, 64, NULL, 0);
	ck_assert_int_eq(n, 6);
	ck_assert_int_eq(ids[0], 5);
	ck_assert_int_eq(ids[1], 2);
	ck_assert_int_eq(ids[2], 4);
	ck_assert_int_eq(ids[3], 3);
	ck_assert_int_eq(ids[4], 1);
	ck_assert_int_eq(ids[5], 6);

	f.client_id = acme;
	n = walk(&f, TD_IDENTITY, ids, 64, NULL, 0);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(ids[0], 5);
	ck_assert_int_eq(ids[1], 4);
	ck_assert_int_eq(ids[2], 1);

	f.candidate_id = jane;
	n = walk(&f, TD_IDENTITY, ids, 64, NULL, 0);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(ids[0], 1);

	memset(&f, 0, sizeof(f));
	f.candidate_id = jane;
	n = walk(&f, TD_CLIENT | TD_SIGNALS, ids, 64, NULL, 0);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(ids[0], 3);
	ck_assert_int_eq(ids[1], 1);
	ck_assert_int_eq(ids[2], 6);

	memset(&f, 0, sizeof(f));
	f.since = "2026-01-15";
	f.until = "2026-03-01";
	n = walk(&f, TD_SIGNALS, ids, 64, NULL, 0);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(ids[0], 2);
	ck_assert_int_eq(ids[1], 4);
	ck_assert_int_eq(ids[2], 3);
	ck_assert_int_eq(ids[3], 1);

	memset(&f, 0, sizeof(f));
	f.until = "2025-12-31";
	n = walk(&f, 0, ids, 64, NULL, 0);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(ids[0], 5);

	memset(&f, 0, sizeof(f));
	f.since = "2026-03-03";
	ck_assert_int_eq(walk(&f, TD_ALL_OPEN, ids, 64, NULL, 0), 0);

	memset(&f, 0, sizeof(f));
	f.id = 4;
	n = walk(&f, TD_ALL_OPEN, ids, 64, NULL, 0);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(ids[0], 4);

	memset(&f, 0, sizeof(f));
	f.by_candidate = 1;
	n = walk(&f, TD_ALL_OPEN, ids, 64, msg, sizeof(msg));
	ck_assert_int_eq(n, 6);
	ck_assert_msg(ids[0] == 1 && ids[1] == 3 && ids[2] == 6 && ids[3] == 2 && ids[4] == 5 &&
	    ids[5] == 4, "by candidate: %lld %lld %lld %lld %lld %lld", ids[0], ids[1], ids[2],
	    ids[3], ids[4], ids[5]);

	/* candidate_resolve by name and by id. */
	{
		char *name = NULL;
		int count = 0;

		ck_assert_int_eq(candidate_resolve(v, "JANE roe", &name, &count, &err), jane);
		ck_assert_str_eq(name, "Jane Roe");
		ck_assert_int_eq(count, 3);
		free(name);
		ck_assert_int_eq(candidate_resolve(v, "2", &name, &count, &err), 2);
		ck_assert_str_eq(name, "John Doe");
		ck_assert_int_eq(count, 2);
		free(name);
		memset(&err, 0, sizeof(err));
		check_err((int)candidate_resolve(v, "Nobody", &name, &count, &err), &err, EX_NOINPUT,
		    "Nobody");
		ck_assert_ptr_null(name);
		memset(&err, 0, sizeof(err));
		check_err((int)candidate_resolve(v, "99", &name, &count, &err), &err, EX_NOINPUT,
		    NULL);
		ck_assert_ptr_null(name);
	}
}
END_TEST

/* One writer for many turndowns (as import does), with more candidates and
 * clients than its caches hold, coming back to earlier ones. */
START_TEST(test_writer_caches)
{
	struct terr err = { 0 };
	struct td_writer *w;
	struct turndown td, got;
	char cand[64], client[64];
	long long first_id[40];
	int a, b, newc = 0, newcl = 0;

	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_ptr_nonnull(w = td_writer_new(v, &err));
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 40; i++) {
			snprintf(cand, sizeof(cand), "%s %d", round ? "CANDIDATE" : "candidate", i);
			snprintf(client, sizeof(client), "Client %d", (i * 7 + round * 3) % 300);
			build(&td, cand, client, "2026-01-20", "compensation", NULL, NULL);
			ck_assert_msg(record_put(w, &td, &a, &b, &err) == 0, "%s", err.msg);
			newc += a;
			newcl += b;
			if (round == 0)
				first_id[i] = td.candidate_id;
			else
				ck_assert_int_eq(td.candidate_id, first_id[i]);
			turndown_clear(&td);
		}
	}
	/* Three hundred clients: past the client cache. */
	for (int i = 0; i < 300; i++) {
		snprintf(client, sizeof(client), "client %d", i);
		build(&td, "candidate 0", client, "2026-01-21", "equity", NULL, NULL);
		ck_assert_msg(record_put(w, &td, &a, &b, &err) == 0, "%s", err.msg);
		newc += a;
		newcl += b;
		turndown_clear(&td);
	}
	td_writer_free(w);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	ck_assert_int_eq(newc, 40);
	ck_assert_int_eq(newcl, 300);
	ck_assert_int_eq(count_rows("candidates"), 40);
	ck_assert_int_eq(count_rows("clients"), 300);
	ck_assert_int_eq(count_rows("turndowns"), 380);
	for (int i = 0; i < 40; i += 13) {
		snprintf(cand, sizeof(cand), "Candidate %d", i);
		ck_assert_int_eq(candidate_find(v, cand, &err), first_id[i]);
	}
	ck_assert_int_eq(load(380, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_str_eq(got.candidate, "candidate 0");
	ck_assert_str_eq(got.client, "client 299");
	turndown_clear(&got);
	ck_assert_int_eq(load(41, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_str_eq(got.candidate, "candidate 0");
	ck_assert_str_eq(got.client, "Client 3");
	turndown_clear(&got);
}
END_TEST

START_TEST(test_forget)
{
	struct turndown got;
	struct terr err = { 0 };
	uint8_t *secret[8];
	size_t len[8];
	long long jane, john;
	int pending = 0;
	int ns = 0;

	store_new("Jane Roe", "Acme", "2026-01-10", "hr:confidential",
	    "Quillfeather was rude to me", "Zanzibarish shareable words");   /* 1 */
	store_new("John Doe", "Acme", "2026-01-11", "equity", "john secret", NULL);   /* 2 */
	store_new("Jane Roe", "Beta", "2026-01-12", "scope", NULL, NULL);             /* 3 */
	jane = candidate_find(v, "jane roe", &err);
	john = candidate_find(v, "john doe", &err);
	ck_assert_int_gt(jane, 0);
	secret[ns] = blob_get("candidates", "wrapped_key", jane, &len[ns]), ns++;
	secret[ns] = blob_get("candidates", "name", jane, &len[ns]), ns++;
	secret[ns] = blob_get("candidates", "blind", jane, &len[ns]), ns++;
	secret[ns] = blob_get("turndowns", "signals", 1, &len[ns]), ns++;
	secret[ns] = blob_get("turndowns", "people", 3, &len[ns]), ns++;
	secret[ns] = blob_get("turndowns", "shareable", 1, &len[ns]), ns++;
	secret[ns] = blob_get("turndowns", "confidential", 1, &len[ns]), ns++;
	for (int i = 0; i < ns; i++)
		ck_assert_msg(in_vault_files(secret[i], len[i]), "blob %d not found before", i);

	ck_assert_msg(candidate_forget(v, jane, &pending, &err) == 0, "%s", err.msg);
	ck_assert_msg(pending == 0, "nobody else had the vault open: the WAL must be checkpointed");
	ck_assert_int_eq(candidate_find(v, "Jane Roe", &err), 0);
	ck_assert_int_eq(load(1, TD_ALL_OPEN, &got, &err), EX_NOINPUT);
	ck_assert_int_eq(load(3, TD_ALL_OPEN, &got, &err), EX_NOINPUT);
	ck_assert_int_eq(count_rows("turndowns"), 1);
	ck_assert_int_eq(count_rows("candidates"), 1);
	/* Nothing of hers left in any file, not even in free pages or the WAL. */
	for (int i = 0; i < ns; i++) {
		ck_assert_msg(!in_vault_files(secret[i], len[i]), "blob %d survived forget", i);
		free(secret[i]);
	}
	/* The others are intact, confidential note included. */
	ck_assert_int_eq(load(2, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_str_eq(got.candidate, "John Doe");
	ck_assert_str_eq(got.client, "Acme");
	ck_assert_int_eq(confidential_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, "john secret");
	turndown_clear(&got);
	ck_assert_int_eq(candidate_find(v, "John Doe", &err), john);

	memset(&err, 0, sizeof(err));
	check_err(candidate_forget(v, jane, &pending, &err), &err, EX_NOINPUT, NULL);
	memset(&err, 0, sizeof(err));
	check_err(candidate_forget(v, 4242, &pending, &err), &err, EX_NOINPUT, NULL);
	ck_assert_int_eq(count_rows("turndowns"), 1);
	/* A new Jane Roe is a new candidate with a new key. */
	ck_assert_int_eq(store_new("Jane Roe", "Acme", "2026-02-01", "team", NULL, NULL), 3);
	ck_assert_int_ne(candidate_find(v, "Jane Roe", &err), 0);
}
END_TEST

/* Walks all turndowns expecting exactly turndown BAD to fail, naming it. */
static void
expect_only_bad(long long bad, unsigned parts)
{
	struct td_filter f;
	long long ids[16];
	char msg[TERR_MSG_MAX], want[32];
	int n, failed = 0;

	memset(&f, 0, sizeof(f));
	n = walk(&f, parts, ids, 16, msg, sizeof(msg));
	ck_assert_int_eq(n, 3);
	for (int i = 0; i < n; i++) {
		if (ids[i] < 0) {
			ck_assert_int_eq(-ids[i], bad);
			failed++;
		}
	}
	ck_assert_int_eq(failed, 1);
	snprintf(want, sizeof(want), "turndown %lld", bad);
	ck_assert_msg(strstr(msg, want) != NULL, "'%s' not in '%s'", want, msg);
}

START_TEST(test_tamper)
{
	static const char *const cols[] = { "signals", "people", "shareable" };
	static const unsigned part[] = { TD_SIGNALS, TD_PEOPLE, TD_SHAREABLE };
	struct turndown got;
	struct terr err = { 0 };
	long long id;

	store_new("Jane Roe", "Acme", "2026-01-10", "hr:confidential", "conf one", "share one");
	store_new("Jane Roe", "Acme", "2026-01-11", "equity", "conf two", "share two");
	store_new("John Doe", "Beta", "2026-01-12", "scope", "conf three", "share three");

	for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
		for (long at = 0; at < 3; at++) {
			long pos = at == 0 ? 0 : at == 1 ? 30 : -1;    /* version, body, tag */
			size_t len;
			uint8_t *orig = blob_get("turndowns", cols[c], 2, &len);

			blob_flip("turndowns", cols[c], 2, pos);
			ck_assert_int_eq(load(2, part[c], &got, &err), EX_DATAERR);
			ck_assert_msg(strstr(err.msg, "turndown 2") != NULL, "%s", err.msg);
			ck_assert_ptr_null(got.candidate);
			turndown_clear(&got);
			/* Only the tampered part fails: the others still open. */
			ck_assert_int_eq(load(2, TD_ALL_OPEN & ~part[c], &got, &err), 0);
			turndown_clear(&got);
			expect_only_bad(2, TD_ALL_OPEN);
			blob_set("turndowns", cols[c], 2, orig, len);
			free(orig);
		}
	}
	/* Truncated, emptied. */
	{
		size_t len;
		uint8_t *orig = blob_get("turndowns", "signals", 2, &len);

		blob_set("turndowns", "signals", 2, orig, len - 1);
		ck_assert_int_eq(load(2, TD_SIGNALS, &got, &err), EX_DATAERR);
		turndown_clear(&got);
		blob_set("turndowns", "signals", 2, orig, 1);
		ck_assert_int_eq(load(2, TD_SIGNALS, &got, &err), EX_DATAERR);
		turndown_clear(&got);
		blob_set("turndowns", "signals", 2, orig, len);
		free(orig);
	}

	/* The confidential note: only confidential_load notices, and names the turndown. */
	blob_flip("turndowns", "confidential", 2, 30);
	ck_assert_int_eq(load(2, TD_ALL_OPEN, &got, &err), 0);
	memset(&err, 0, sizeof(err));
	check_err(confidential_load(v, &got, &err), &err, EX_DATAERR, "turndown 2");
	ck_assert_ptr_null(got.confidential);
	turndown_clear(&got);
	ck_assert_int_eq(load(1, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_int_eq(confidential_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, "conf one");
	turndown_clear(&got);
	blob_flip("turndowns", "confidential", 2, 30);

	/* The candidate's name: fails where it is read, every turndown of theirs. */
	blob_flip("candidates", "name", 2, 30);
	ck_assert_int_eq(load(3, TD_IDENTITY, &got, &err), EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "turndown 3") != NULL, "%s", err.msg);
	turndown_clear(&got);
	ck_assert_int_eq(load(3, TD_CLIENT | TD_SIGNALS | TD_PEOPLE | TD_SHAREABLE, &got, &err), 0);
	turndown_clear(&got);
	expect_only_bad(3, TD_ALL_OPEN);
	blob_flip("candidates", "name", 2, 30);

	/* The candidate's wrapped key: nothing of theirs opens. */
	blob_flip("candidates", "wrapped_key", 2, 10);
	ck_assert_int_eq(load(3, TD_SIGNALS, &got, &err), EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "turndown 3") != NULL, "%s", err.msg);
	turndown_clear(&got);
	expect_only_bad(3, TD_SIGNALS);
	got.id = 3;
	got.candidate_id = 2;
	memset(&err, 0, sizeof(err));
	check_err(confidential_load(v, &got, &err), &err, EX_DATAERR, "turndown 3");
	turndown_clear(&got);
	blob_flip("candidates", "wrapped_key", 2, 10);

	/* A client's name. */
	blob_flip("clients", "name", 2, -3);
	ck_assert_int_eq(load(3, TD_CLIENT, &got, &err), EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "turndown 3") != NULL, "%s", err.msg);
	turndown_clear(&got);
	ck_assert_int_eq(load(3, TD_SIGNALS | TD_IDENTITY, &got, &err), 0);
	turndown_clear(&got);
	expect_only_bad(3, TD_ALL_OPEN);
	blob_flip("clients", "name", 2, -3);

	/* All restored: everything reads again. */
	for (id = 1; id <= 3; id++) {
		ck_assert_int_eq(load(id, TD_ALL_OPEN, &got, &err), 0);
		ck_assert_int_eq(confidential_load(v, &got, &err), 0);
		turndown_clear(&got);
	}
}
END_TEST

START_TEST(test_swap)
{
	static const char *const cols[] = { "signals", "people", "shareable", "confidential" };
	struct turndown got;
	struct terr err = { 0 };
	size_t len;
	uint8_t *orig;

	store_new("Jane Roe", "Acme", "2026-01-10", "hr:confidential", "conf one", "share one");
	store_new("Jane Roe", "Acme", "2026-01-11", "equity", "conf two", "share two");
	store_new("John Doe", "Acme", "2026-01-12", "scope", "conf three", "share three");

	for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
		/* Same candidate, other row; then another candidate's row. */
		for (long long from = 1; from <= 3; from += 2) {
			orig = blob_get("turndowns", cols[c], 2, &len);
			blob_copy("turndowns", cols[c], from, 2);
			memset(&got, 0, sizeof(got));
			if (c < 3) {
				ck_assert_int_eq(load(2, TD_ALL_OPEN, &got, &err), EX_DATAERR);
			} else {
				ck_assert_int_eq(load(2, TD_ALL_OPEN, &got, &err), 0);
				memset(&err, 0, sizeof(err));
				ck_assert_int_eq(confidential_load(v, &got, &err), -1);
				ck_assert_int_eq(err.code, EX_DATAERR);
				ck_assert_ptr_null(got.confidential);
			}
			ck_assert_msg(strstr(err.msg, "turndown 2") != NULL, "%s from %lld: %s",
			    cols[c], from, err.msg);
			turndown_clear(&got);
			blob_set("turndowns", cols[c], 2, orig, len);
			free(orig);
		}
	}
	/* Candidates' names and wrapped keys swapped between candidates. */
	orig = blob_get("candidates", "name", 1, &len);
	blob_copy("candidates", "name", 2, 1);
	ck_assert_int_eq(load(1, TD_IDENTITY, &got, &err), EX_DATAERR);
	turndown_clear(&got);
	blob_set("candidates", "name", 1, orig, len);
	free(orig);

	orig = blob_get("candidates", "wrapped_key", 1, &len);
	blob_copy("candidates", "wrapped_key", 2, 1);
	ck_assert_int_eq(load(1, TD_SIGNALS, &got, &err), EX_DATAERR);
	turndown_clear(&got);
	ck_assert_int_eq(load(3, TD_ALL_OPEN, &got, &err), 0);
	turndown_clear(&got);
	blob_set("candidates", "wrapped_key", 1, orig, len);
	free(orig);

	/* A turndown moved to another candidate (its ciphertexts bound to the first). */
	ck_assert_int_eq(engine_exec(v, "UPDATE turndowns SET candidate_id = 2 WHERE id = 1",
	    &err), 0);
	ck_assert_int_eq(load(1, TD_SIGNALS, &got, &err), EX_DATAERR);
	turndown_clear(&got);
	ck_assert_int_eq(engine_exec(v, "UPDATE turndowns SET candidate_id = 1 WHERE id = 1",
	    &err), 0);
	for (long long id = 1; id <= 3; id++) {
		ck_assert_int_eq(load(id, TD_ALL_OPEN, &got, &err), 0);
		ck_assert_int_eq(confidential_load(v, &got, &err), 0);
		turndown_clear(&got);
	}
}
END_TEST

/* ---- correcting the record (SPEC 3a) ------------------------------------------- */

/* Import's policy: a turndown of the same candidate, client and decline
 * date is skipped (record_put returns 1), whether stored before or earlier
 * through the same writer; --plan future adds only tasks not yet due. */
START_TEST(test_duplicates_and_plan)
{
	struct terr err = { 0 };
	struct td_writer *w;
	struct turndown td;
	struct { int n; } c = { 0 };
	struct task *list = NULL;
	struct fu_filter f = { 1, NULL, 0, 0, 0 };
	size_t n = 0;
	int a, b;
	long long first;

	build(&td, "Dup Person", "Dup Co", "2026-01-05", "hr", NULL, NULL);
	first = store(&td, NULL, NULL);
	turndown_clear(&td);
	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_ptr_nonnull(w = td_writer_new(v, &err));
	td_writer_options(w, 1, TD_PLAN_NONE);
	build(&td, "DUP PERSON", "dup co", "2026-01-05", "workload", NULL, NULL);
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 1);
	ck_assert_int_eq(td.id, first);
	turndown_clear(&td);
	build(&td, "Dup Person", "Dup Co", "2026-01-06", "hr", NULL, NULL);
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 0);
	turndown_clear(&td);
	build(&td, "Dup Person", "Dup Co", "2026-01-06", "hr", NULL, NULL);
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 1);      /* earlier in the same run */
	turndown_clear(&td);
	/* Without the policy the same line is stored again (log's behaviour). */
	td_writer_options(w, 0, TD_PLAN_FUTURE);
	build(&td, "Dup Person", "Dup Co", "2026-01-06", "hr", NULL, NULL);
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 0);
	turndown_clear(&td);
	td_writer_free(w);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	ck_assert_int_eq(followup_list(v, &f, &list, &n, &err), 0);
	for (size_t i = 0; i < n; i++)
		c.n += list[i].turndown == first;
	ck_assert_int_eq(c.n, 4);               /* store() plans everything but connect: nobody met */
	c.n = 0;
	for (size_t i = 0; i < n; i++)
		c.n += list[i].turndown != first;
	/* PLAN_NONE gave the second nothing; PLAN_FUTURE the fourth only the
	 * catch-up of 2027-01-06 (today is later than the other four). */
	ck_assert_int_le(c.n, 1);
	followup_free_list(list, n);
}
END_TEST

/* Two people of one name: found by #ID, the name alone refused with both ids. */
START_TEST(test_same_name_and_ref)
{
	struct terr err = { 0 };
	struct td_writer *w;
	struct turndown td;
	long long one, two, r1, r2;
	int a, b;
	char msg[64];

	build(&td, "Sam Same", "Same Co", "2026-01-05", "hr", NULL, NULL);
	store(&td, NULL, NULL);
	one = td.candidate_id;
	turndown_clear(&td);
	build(&td, "Sam Same", "Same Co", "2026-01-06", "hr", NULL, NULL);
	td.new_candidate = 1;
	store(&td, &a, NULL);
	two = td.candidate_id;
	ck_assert_int_eq(a, 1);
	ck_assert_int_ne(one, two);
	turndown_clear(&td);
	check_err((int)candidate_find(v, "sam same", &err), &err, EX_USAGE, "two candidates");
	snprintf(msg, sizeof(msg), "#%lld and #%lld", one, two);
	ck_assert_msg(strstr(err.msg, msg) != NULL, "%s", err.msg);
	snprintf(msg, sizeof(msg), "#%lld", two);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(candidate_find(v, msg, &err), two);
	ck_assert_int_eq(candidate_find(v, "#99999", &err), 0);
	/* candidate_ref decides: the same ref is the same person whatever the name */
	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_ptr_nonnull(w = td_writer_new(v, &err));
	build(&td, "Ref One", "Same Co", "2026-01-05", "hr", NULL, NULL);
	td.candidate_ref = strdup("crm-1");
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 0);
	r1 = td.candidate_id;
	turndown_clear(&td);
	build(&td, "Ref One", "Same Co", "2026-01-07", "hr", NULL, NULL);
	td.candidate_ref = strdup("crm-2");
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 0);
	r2 = td.candidate_id;
	ck_assert_int_eq(a, 1);
	turndown_clear(&td);
	build(&td, "Ref Renamed", "Same Co", "2026-01-08", "hr", NULL, NULL);
	td.candidate_ref = strdup("crm-1");
	ck_assert_int_eq(record_put(w, &td, &a, &b, &err), 0);
	ck_assert_int_eq(td.candidate_id, r1);
	ck_assert_int_eq(a, 0);
	turndown_clear(&td);
	td_writer_free(w);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	ck_assert_int_ne(r1, r2);
}
END_TEST

/* Edit (record_update) moving a turndown to another candidate, then merge:
 * every part, the confidential note included, opens under the new owner. */
START_TEST(test_update_and_merge)
{
	struct terr err = { 0 };
	struct td_writer *w;
	struct turndown td, got;
	long long id, from, into;
	int a, b, pending;

	build(&td, "Move From", "Move Co", "2026-01-05", "hr:confidential", "Move secret",
	    "Move open");
	ck_assert_int_eq(turndown_add_met(&td, "Ann Lee:hr:negative", &err), 0);
	id = store(&td, NULL, NULL);
	from = td.candidate_id;
	turndown_clear(&td);
	build(&td, "Move Into", "Move Co", "2026-01-04", "workload", NULL, NULL);
	store(&td, NULL, NULL);
	into = td.candidate_id;
	turndown_clear(&td);

	/* edit: a new decline date and another client, the note kept */
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(turndown_load(v, id, TD_ALL_OPEN, &got, &err), 0);
	wipe_str_drop(&got.candidate);
	ck_assert_int_gt(asprintf(&got.candidate, "#%lld", from), 0);
	snprintf(got.decline_date, DATE_LEN, "2026-02-01");
	wipe_str_drop(&got.client);
	got.client = strdup("Other Co");
	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_ptr_nonnull(w = td_writer_new(v, &err));
	ck_assert_msg(record_update(w, &got, 1, &a, &b, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(b, 1);
	td_writer_free(w);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	turndown_clear(&got);
	ck_assert_int_eq(turndown_load(v, id, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_str_eq(got.client, "Other Co");
	ck_assert_str_eq(got.decline_date, "2026-02-01");
	ck_assert_str_eq(got.met[0].name, "Ann Lee");
	ck_assert_int_eq(confidential_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, "Move secret");
	turndown_clear(&got);

	/* merge: FROM's turndown opens under INTO, FROM is gone */
	ck_assert_msg(candidate_merge(v, from, into, &pending, &err) == 1, "%s", err.msg);
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(turndown_load(v, id, TD_ALL_OPEN, &got, &err), 0);
	ck_assert_int_eq(got.candidate_id, into);
	ck_assert_str_eq(got.candidate, "Move Into");
	ck_assert_str_eq(got.shareable, "Move open");
	ck_assert_int_eq(confidential_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, "Move secret");
	turndown_clear(&got);
	ck_assert_int_eq(store_exists(v, STORE_CANDIDATES, from, &err), 0);
	check_err((int)candidate_merge(v, into, into, &pending, &err), &err, EX_USAGE, "itself");
	memset(&err, 0, sizeof(err));
	check_err((int)candidate_merge(v, from, into, &pending, &err), &err, EX_NOINPUT, "no candidate");
}
END_TEST

START_TEST(test_search)
{
	struct terr err = { 0 };
	struct search *s = search_new("NORTHWIND", &err);

	ck_assert_ptr_nonnull(s);
	ck_assert(search_match(s, "Northwind Robotics"));
	ck_assert(search_match(s, "the northwind office"));
	ck_assert(!search_match(s, "North wind"));
	ck_assert(!search_match(s, NULL));
	search_free(s);
	ck_assert_ptr_nonnull(s = search_new("emile", &err));
	ck_assert(search_match(s, "Émile Zola"));
	search_free(s);
}
END_TEST

Suite *
make_turndown_suite(void)
{
	Suite *s = suite_create("turndown");
	TCase *tc;

	tc = tcase_create("input");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_text_limits);
	tcase_add_test(tc, test_text_utf8_valid);
	tcase_add_test(tc, test_text_utf8_invalid);
	tcase_add_test(tc, test_text_nul_and_controls);
	tcase_add_test(tc, test_text_c1_controls);
	tcase_add_test(tc, test_text_trim_and_key);
	tcase_add_test(tc, test_date_parse);
	tcase_add_test(tc, test_date_relative_and_why);
	tcase_add_test(tc, test_search);
	tcase_add_test(tc, test_date_days);
	tcase_add_test(tc, test_date_add_days);
	tcase_add_test(tc, test_taxonomy_order);
	tcase_add_test(tc, test_taxonomy_suggest);
	tcase_add_test(tc, test_vocab);
	tcase_add_test(tc, test_add_reason);
	tcase_add_test(tc, test_add_met);
	tcase_add_test(tc, test_set_text_and_consent);
	tcase_add_test(tc, test_validate);
	suite_add_tcase(s, tc);

	tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);             /* an Argon2id derivation per test */
	tcase_add_test(tc, test_store_load_parts);
	tcase_add_test(tc, test_store_persist_and_rollback);
	tcase_add_test(tc, test_iter_filters);
	tcase_add_test(tc, test_writer_caches);
	tcase_add_test(tc, test_forget);
	tcase_add_test(tc, test_tamper);
	tcase_add_test(tc, test_swap);
	tcase_add_test(tc, test_duplicates_and_plan);
	tcase_add_test(tc, test_same_name_and_ref);
	tcase_add_test(tc, test_update_and_merge);
	suite_add_tcase(s, tc);
	return s;
}
