/*
 * confidential.c - sealing and opening the confidential note.
 *
 * This file and crypto/confidential.c are the only places the confidential
 * subkey is used.  Debriefs and reports do not link against anything here
 * except the leak guard's yes/no answer.
 */
#include <stdlib.h>
#include <string.h>

#include "crypto/confidential.h"
#include "core/confidential/confidential.h"

int confidential_seal_note(struct candkey *ck, long long row, const char *note,
    struct tbuf *out, struct terr *err);

int
confidential_seal_note(struct candkey *ck, long long row, const char *note, struct tbuf *out,
    struct terr *err)
{
	struct tc_ad ad = { "turndowns", "confidential", row, candkey_candidate(ck) };
	const char *text = note ? note : "";

	return confidential_seal(ck, &ad, text, strlen(text), out, err);
}

int
confidential_load(struct vault *v, struct turndown *td, struct terr *err)
{
	struct tc_ad ad = { "turndowns", "confidential", td->id, td->candidate_id };
	struct candkey *ck = NULL;
	struct tbuf b = { 0 };
	sqlite3_stmt *st;
	int rc = -1, step;

	st = vault_prepare(v, "SELECT c.wrapped_key, t.confidential FROM turndowns t JOIN "
	    "candidates c ON c.id = t.candidate_id WHERE t.id = ? AND t.candidate_id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, td->id);
	sqlite3_bind_int64(st, 2, td->candidate_id);
	if ((step = sqlite3_step(st)) != SQLITE_ROW) {
		if (step == SQLITE_DONE)
			terr_set(err, EX_NOINPUT, "no turndown %lld", td->id);
		else
			vault_sqlerr(v, step, "turndowns", err);
		goto out;
	}
	if ((ck = candkey_alloc(err)) == NULL)
		goto out;
	if (candkey_unwrap(v->keys, ck, td->candidate_id, sqlite3_column_blob(st, 0),
	    (size_t)sqlite3_column_bytes(st, 0), NULL) != 0 ||
	    confidential_open(ck, &ad, sqlite3_column_blob(st, 1),
	    (size_t)sqlite3_column_bytes(st, 1), &b, NULL) != 0) {
		terr_set(err, EX_DATAERR, "turndown %lld: confidential note failed authentication "
		    "(tampered or moved)", td->id);
		goto out;
	}
	free(td->confidential);
	td->confidential = b.len ? (char *)b.data : NULL;
	if (b.len == 0)
		tbuf_free(&b);
	rc = 0;
out:
	candkey_free(ck);
	sqlite3_finalize(st);
	return rc;
}
