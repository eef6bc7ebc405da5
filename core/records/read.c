/*
 * read.c - opening turndowns.  The iterator unwraps each candidate's key
 * once while rows of that candidate follow each other (a report reads in
 * candidate order) and keeps the last client names it opened, so a large
 * read pays per candidate and per client rather than per row.  A row that
 * fails authentication is named in the error and skipped; the others still
 * read.  In a firm vault a row of another member's candidate reads its
 * shared parts and is marked foreign; asking for its people refuses it
 * (EX_NOPERM), whose private half only the owner opens.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/pack.h"
#include "core/records/read.h"
#include "core/records/team.h"

#define CLIENT_CACHE 256

struct client_name {
	long long id;
	char *name;
};

struct td_iter {
	struct vault *v;
	struct store_iter *rows;
	struct store_row row;
	unsigned parts;
	struct candkey *key;            /* the last candidate's, reused while rows share it */
	char *cand_name;                /* and their name, once opened */
	struct client_name clients[CLIENT_CACHE];
};

struct td_iter *
td_iter_new(struct vault *v, const struct td_filter *f, unsigned parts, struct terr *err)
{
	struct td_iter *it = calloc(1, sizeof(*it));
	struct tc_err ce = { 0 };
	unsigned cols = 0;

	if (it == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	it->v = v;
	it->parts = parts;
	if ((it->key = candkey_alloc(&ce)) == NULL) {
		terr_crypto(err, &ce);
		goto fail;
	}
	cols |= parts & TD_SIGNALS ? STORE_SIGNALS : 0;
	cols |= parts & TD_PEOPLE ? STORE_PEOPLE : 0;
	cols |= parts & TD_SHAREABLE ? STORE_SHAREABLE : 0;
	cols |= parts & TD_IDENTITY ? STORE_CAND_NAME : 0;
	cols |= parts & TD_CLIENT ? STORE_CLIENT_NAME : 0;
	if ((it->rows = store_iter_new(v, f, cols, err)) == NULL)
		goto fail;
	return it;
fail:
	td_iter_free(it);
	return NULL;
}

void
td_iter_free(struct td_iter *it)
{
	if (it == NULL)
		return;
	store_iter_free(it->rows);
	candkey_free(it->key);
	wipe_str_drop(&it->cand_name);
	for (int i = 0; i < CLIENT_CACHE; i++)
		wipe_str_drop(&it->clients[i].name);
	free(it);
}

/* Opens the sealed value B as part PART of row ROW of TABLE.COLUMN. */
static int
part_read(struct td_iter *it, const struct store_blob *b, enum tc_part part, const char *table,
    const char *column, long long row, struct tbuf *out)
{
	struct tc_ad ad = { table, column, row, candkey_candidate(it->key) };

	return part_open(it->key, part, &ad, b->data, b->len, out, NULL);
}

static int
row_client(struct td_iter *it, struct turndown *td)
{
	struct client_name *c = &it->clients[td->client_id % CLIENT_CACHE];
	struct tc_ad ad = { "clients", "name", td->client_id, 0 };
	struct tbuf b = { 0 };

	if (c->id != td->client_id || c->name == NULL) {
		wipe_str_drop(&c->name);
		c->id = 0;
		if (keyring_open_sealed(it->v->keys, &ad, it->row.client_name.data,
		    it->row.client_name.len, &b, NULL) != 0)
			return -1;
		c->name = (char *)b.data;
		c->id = td->client_id;
	}
	return (td->client = strdup(c->name)) == NULL ? -1 : 0;
}

/* The candidate's name, opened once while their rows follow each other. */
static int
row_candidate(struct td_iter *it, struct turndown *td)
{
	struct tbuf b = { 0 };

	if (it->cand_name == NULL) {
		if (part_read(it, &it->row.cand_name, TC_PART_IDENTITY, "candidates", "name",
		    td->candidate_id, &b) != 0)
			return -1;
		it->cand_name = (char *)b.data;
	}
	return (td->candidate = strdup(it->cand_name)) == NULL ? -1 : 0;
}

/* Copies a stored date; cheaper than snprintf on a million rows. */
static void
copy_date(char out[DATE_LEN], const char *date)
{
	size_t n = date != NULL ? strnlen(date, DATE_LEN - 1) : 0;

	if (n > 0)
		memcpy(out, date, n);
	out[n] = '\0';
}

static int
row_read(struct td_iter *it, struct turndown *td, struct terr *err)
{
	const struct store_row *r = &it->row;
	struct tc_err ce = { 0 };
	struct tbuf b = { 0 };

	td->id = r->td.id;
	td->candidate_id = r->td.candidate_id;
	td->client_id = r->td.client_id;
	copy_date(td->offer_date, r->td.offer_date);
	copy_date(td->decline_date, r->td.decline_date);
	if (candkey_candidate(it->key) != td->candidate_id) {
		wipe_str_drop(&it->cand_name);
		if (candkey_unwrap(it->v->keys, it->key, td->candidate_id, r->wrapped_key.data,
		    r->wrapped_key.len, &ce) != 0)
			return terr_set(err, EX_DATAERR, "turndown %lld: %s", td->id, ce.msg);
	}
	td->foreign = candkey_is_split(it->key) && !candkey_has_private(it->key);
	if ((it->parts & TD_IDENTITY) && row_candidate(it, td) != 0)
		return terr_set(err, EX_DATAERR, "turndown %lld: candidate %lld's name failed "
		    "authentication (tampered or moved)", td->id, td->candidate_id);
	if ((it->parts & TD_CLIENT) && row_client(it, td) != 0)
		return terr_set(err, EX_DATAERR, "turndown %lld: client %lld's name failed "
		    "authentication (tampered or moved)", td->id, td->client_id);
	if (it->parts & TD_SIGNALS) {
		int rc = part_read(it, &r->td.signals, TC_PART_SIGNALS, "turndowns", "signals",
		    td->id, &b);

		if (rc == 0)
			rc = unpack_signals(b.data, b.len, td);
		tbuf_free(&b);
		if (rc == -2)
			return terr_set(err, EX_DATAERR, "turndown %lld: its client or dates were "
			    "changed outside tact (tampered)", td->id);
		if (rc != 0)
			return terr_set(err, EX_DATAERR, "turndown %lld: signals failed "
			    "authentication (tampered or moved)", td->id);
	}
	if ((it->parts & TD_PEOPLE) && td->foreign) {
		struct terr why = { 0 };

		team_refuse_foreign(it->v, td->candidate_id, &why);
		return terr_set(err, EX_NOPERM, "turndown %lld: %s", td->id, why.msg);
	}
	if (it->parts & TD_PEOPLE) {
		if (part_read(it, &r->td.people, TC_PART_PEOPLE, "turndowns", "people", td->id,
		    &b) != 0 || unpack_people(b.data, b.len, td) != 0) {
			tbuf_free(&b);
			return terr_set(err, EX_DATAERR, "turndown %lld: people met failed "
			    "authentication (tampered or moved)", td->id);
		}
		tbuf_free(&b);
	}
	if (it->parts & TD_SHAREABLE) {
		if (part_read(it, &r->td.shareable, TC_PART_SHAREABLE, "turndowns", "shareable",
		    td->id, &b) != 0)
			return terr_set(err, EX_DATAERR, "turndown %lld: shareable note failed "
			    "authentication (tampered or moved)", td->id);
		if (b.len > 0)
			td->shareable = (char *)b.data;
		else
			tbuf_free(&b);
	}
	return 0;
}

int
td_iter_next(struct td_iter *it, struct turndown *td, struct terr *err)
{
	int rc;

	turndown_clear(td);
	if ((rc = store_iter_next(it->rows, &it->row, err)) <= 0)
		return rc == 0 ? 0 : -2;
	if (row_read(it, td, err) != 0) {
		long long id = td->id;

		turndown_clear(td);
		td->id = id;
		return -1;
	}
	return 1;
}

int
turndown_load(struct vault *v, long long id, unsigned parts, struct turndown *td,
    struct terr *err)
{
	struct td_filter f = { 0 };
	struct td_iter *it;
	int rc;

	f.id = id;
	if ((it = td_iter_new(v, &f, parts, err)) == NULL)
		return -1;
	rc = td_iter_next(it, td, err);
	td_iter_free(it);
	if (rc == 0)
		return terr_set(err, EX_NOINPUT, "no turndown %lld", id);
	return rc == 1 ? 0 : -1;
}
