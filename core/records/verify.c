/*
 * verify.c - opening every sealed value of the vault, one function per
 * table, and naming each record that does not open.
 *
 * Each check gets one row of core/store/'s walk and opens its values with
 * the additional data they were sealed with (table, column, row, owner), so
 * a value moved to another row fails as a flipped byte does.  The
 * confidential note is authenticated by crypto/'s confidential_check(),
 * which answers yes or no and wipes what it opened.  To add a table
 * (feedback, say): a WALK_* entry in core/store/, a check_* function here
 * and a line in checks[] below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/records/pack.h"
#include "core/records/verify.h"
#include "crypto/confidential.h"

struct vstate {
	struct vault *v;
	struct candkey *ck;
	long long ck_for;               /* the candidate CK holds (0: none) */
	int ck_ok;
	verify_fn fn;
	void *arg;
	struct verify_counts *c;
	int table;
	long long found;
};

/* Records one damaged record of the current table; returns FN's answer. */
static int
damaged(struct vstate *s, long long id, const char *fmt, const char *what)
{
	char msg[256];

	snprintf(msg, sizeof(msg), fmt, id, what);
	s->c->damaged[s->table]++;
	s->found++;
	return s->fn ? s->fn(s->arg, s->table, id, msg) : 0;
}

/* Unwraps the owner's key of ROW into s->ck, once per run of rows. */
static int
owner_key(struct vstate *s, const struct store_walk_row *row)
{
	if (row->candidate == 0)
		return -1;
	if (s->ck_for != row->candidate) {
		s->ck_for = row->candidate;
		s->ck_ok = candkey_unwrap(s->v->keys, s->ck, row->candidate, row->key.data,
		    row->key.len, NULL) == 0;
	}
	return s->ck_ok ? 0 : -1;
}

static int
part_ok(struct vstate *s, enum tc_part part, const char *table, const char *column,
    long long id, const struct store_blob *b, struct tbuf *out)
{
	struct tc_ad ad = { table, column, id, s->ck_for };

	return part_open(s->ck, part, &ad, b->data, b->len, out, NULL);
}

static int
check_candidate(struct vstate *s, const struct store_walk_row *row)
{
	struct tbuf b = { 0 };
	int rc;

	if (owner_key(s, row) != 0)
		return damaged(s, row->id, "candidate %lld: %s", "the wrapped key does not open");
	rc = part_ok(s, TC_PART_IDENTITY, "candidates", "name", row->id, &row->v[0], &b);
	tbuf_free(&b);
	return rc == 0 ? 0 : damaged(s, row->id, "candidate %lld: %s",
	    "the name failed authentication");
}

static int
check_client(struct vstate *s, const struct store_walk_row *row)
{
	struct tc_ad ad = { "clients", "name", row->id, 0 };
	struct tbuf b = { 0 };
	int rc = keyring_open_sealed(s->v->keys, &ad, row->v[0].data, row->v[0].len, &b, NULL);

	tbuf_free(&b);
	return rc == 0 ? 0 : damaged(s, row->id, "client %lld: %s",
	    "the name failed authentication");
}

/* Opens the signals and compares their sealed copies of the client and
 * dates with the row's clear columns. */
static const char *
turndown_signals(struct vstate *s, const struct store_walk_row *row)
{
	struct turndown td;
	struct tbuf b = { 0 };
	int rc;

	memset(&td, 0, sizeof(td));
	td.id = row->id;
	td.candidate_id = row->candidate;
	td.client_id = row->ref;
	snprintf(td.offer_date, DATE_LEN, "%s", row->date[0] ? row->date[0] : "");
	snprintf(td.decline_date, DATE_LEN, "%s", row->date[1] ? row->date[1] : "");
	rc = part_ok(s, TC_PART_SIGNALS, "turndowns", "signals", row->id, &row->v[0], &b);
	if (rc == 0)
		rc = unpack_signals(b.data, b.len, &td);
	tbuf_free(&b);
	turndown_clear(&td);
	if (rc == -2)
		return "its client or dates were changed outside tact";
	return rc == 0 ? NULL : "signals failed authentication";
}

static const char *
turndown_people(struct vstate *s, const struct store_walk_row *row)
{
	struct turndown td;
	struct tbuf b = { 0 };
	int rc;

	memset(&td, 0, sizeof(td));
	rc = part_ok(s, TC_PART_PEOPLE, "turndowns", "people", row->id, &row->v[1], &b);
	if (rc == 0)
		rc = unpack_people(b.data, b.len, &td);
	tbuf_free(&b);
	turndown_clear(&td);
	return rc == 0 ? NULL : "people met failed authentication";
}

static int
check_turndown(struct vstate *s, const struct store_walk_row *row)
{
	struct tc_ad ad = { "turndowns", "confidential", row->id, row->candidate };
	const char *bad[4] = { NULL, NULL, NULL, NULL };
	struct tbuf b = { 0 };
	char what[200];
	int n = 0;

	if (owner_key(s, row) != 0)
		return damaged(s, row->id, "turndown %lld: %s", row->candidate == 0 ?
		    "its candidate is missing" : "its candidate's key does not open");
	bad[n] = turndown_signals(s, row);
	n += bad[n] != NULL;
	bad[n] = turndown_people(s, row);
	n += bad[n] != NULL;
	if (part_ok(s, TC_PART_SHAREABLE, "turndowns", "shareable", row->id, &row->v[2], &b) != 0)
		bad[n++] = "shareable note failed authentication";
	tbuf_free(&b);
	if (confidential_check(s->ck, &ad, row->v[3].data, row->v[3].len, NULL) != 0)
		bad[n++] = "confidential note failed authentication";
	if (n == 0)
		return 0;
	snprintf(what, sizeof(what), "%s%s%s%s%s%s%s", bad[0], n > 1 ? "; " : "",
	    n > 1 ? bad[1] : "", n > 2 ? "; " : "", n > 2 ? bad[2] : "", n > 3 ? "; " : "",
	    n > 3 ? bad[3] : "");
	return damaged(s, row->id, "turndown %lld: %s", what);
}

static int
check_followup(struct vstate *s, const struct store_walk_row *row)
{
	struct tbuf b = { 0 };
	int rc;

	if (row->v[0].len == 0)
		return 0;
	if (owner_key(s, row) != 0)
		return damaged(s, row->id, "follow-up %lld: %s", row->candidate == 0 ?
		    "its turndown or candidate is missing" : "its candidate's key does not open");
	rc = part_ok(s, TC_PART_FOLLOWUP, "followups", "note", row->id, &row->v[0], &b);
	tbuf_free(&b);
	return rc == 0 ? 0 : damaged(s, row->id, "follow-up %lld: %s",
	    "the note failed authentication");
}

static int
check_release(struct vstate *s, const struct store_walk_row *row)
{
	struct tc_ad ad = { "releases", "body", row->id, 0 };
	struct tbuf b = { 0 };
	int rc = keyring_open_sealed(s->v->keys, &ad, row->v[0].data, row->v[0].len, &b, NULL);

	tbuf_free(&b);
	return rc == 0 ? 0 : damaged(s, row->id, "release %lld: %s",
	    "the ledger entry failed authentication");
}

/* A chunk of a release's candidate set, bound to its release and place. */
static int
check_release_chunk(struct vstate *s, const struct store_walk_row *row)
{
	struct tc_ad ad = { "release_chunks", "body", row->id, row->ref };
	struct tbuf b = { 0 };
	int rc = keyring_open_sealed(s->v->keys, &ad, row->v[0].data, row->v[0].len, &b, NULL);

	tbuf_free(&b);
	return rc == 0 ? 0 : damaged(s, row->id, "release %lld: %s",
	    "a chunk of its candidate set failed authentication");
}

/* A client's feedback: its two parts, and its confidential note
 * authenticated inside crypto/ (yes or no, the note never out). */
static int
check_feedback(struct vstate *s, const struct store_walk_row *row)
{
	struct tc_ad ad = { "feedback", "confidential", row->id, row->candidate };
	const char *bad = NULL;
	struct tbuf b = { 0 };

	if (owner_key(s, row) != 0)
		return damaged(s, row->id, "feedback %lld: %s", row->candidate == 0 ?
		    "its candidate is missing" : "its candidate's key does not open");
	if (part_ok(s, TC_PART_FEEDBACK, "feedback", "signals", row->id, &row->v[0], &b) != 0)
		bad = "its areas failed authentication";
	tbuf_free(&b);
	if (bad == NULL && part_ok(s, TC_PART_FEEDBACK_SHARE, "feedback", "shareable", row->id,
	    &row->v[1], &b) != 0)
		bad = "its shareable points failed authentication";
	tbuf_free(&b);
	if (bad == NULL && confidential_feedback_check(s->ck, &ad, row->v[2].data, row->v[2].len,
	    NULL) != 0)
		bad = "the client's confidential note failed authentication";
	return bad == NULL ? 0 : damaged(s, row->id, "feedback %lld: %s", bad);
}

static int (*const checks[WALK_TABLES])(struct vstate *, const struct store_walk_row *) = {
	[WALK_CANDIDATES] = check_candidate,
	[WALK_CLIENTS] = check_client,
	[WALK_TURNDOWNS] = check_turndown,
	[WALK_FOLLOWUPS] = check_followup,
	[WALK_RELEASES] = check_release,
	[WALK_RELEASE_CHUNKS] = check_release_chunk,
	[WALK_FEEDBACK] = check_feedback,
};

static int
walk_row(void *arg, const struct store_walk_row *row)
{
	struct vstate *s = arg;

	s->c->rows[s->table]++;
	return checks[s->table](s, row);
}

/* The key slots: the one this passphrase opened is proved by the unlock;
 * the others can be checked only for their form without their passphrase. */
static int
check_slots(struct vstate *s, struct terr *err)
{
	struct slot_row *rows;
	int n, rc = 0;

	if ((n = store_slots(s->v, &rows, err)) < 0)
		return -1;
	s->table = VERIFY_SLOTS;
	for (int i = 0; i < n && rc == 0; i++) {
		s->c->rows[VERIFY_SLOTS]++;
		if (rows[i].damaged || rows[i].slot.opslimit == 0 || rows[i].slot.memlimit == 0)
			rc = damaged(s, rows[i].id, "key slot %lld: %s",
			    "its salt, limits or wrapped key are malformed");
		else if (rows[i].id != s->v->slot_opened)
			s->c->slots_unchecked++;
	}
	free(rows);
	return rc;
}

static int
integrity_problem(void *arg, const char *problem)
{
	struct vstate *s = arg;
	char msg[256];

	snprintf(msg, sizeof(msg), "database: %s", problem);
	s->found++;
	return s->fn ? s->fn(s->arg, -1, 0, msg) : 0;
}

const char *
verify_table_name(int t)
{
	return t == VERIFY_SLOTS ? "key slots" : store_walk_name((enum store_walk_table)t);
}

long long
vault_verify(struct vault *v, verify_fn fn, void *arg, struct verify_counts *c,
    struct terr *err)
{
	struct vstate s = { v, NULL, 0, 0, fn, arg, c, 0, 0 };
	struct tc_err ce = { 0 };
	int n, rc = 0;

	memset(c, 0, sizeof(*c));
	if (v->keys == NULL)
		return terr_set(err, EX_SOFTWARE, "vault is locked");
	if ((n = vault_integrity(v, integrity_problem, &s, err)) < 0)
		return -1;
	c->integrity = n;
	if ((s.ck = candkey_alloc(&ce)) == NULL)
		return terr_crypto(err, &ce);
	for (int t = 0; t < WALK_TABLES && rc == 0; t++) {
		s.table = t;
		s.ck_for = 0;
		rc = store_walk(v, (enum store_walk_table)t, walk_row, &s, err);
	}
	if (rc == 0)
		rc = check_slots(&s, err);
	candkey_free(s.ck);
	return rc < 0 ? -1 : s.found;
}
