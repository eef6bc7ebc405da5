/*
 * feedback_read.c - opening feedback records part by part, as read.c opens
 * turndowns: the candidate's key is unwrapped once while rows of that
 * candidate follow each other, each part is checked against its row, and a
 * row that fails authentication is named and skipped.  The confidential
 * note is never read here.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/feedback.h"
#include "core/records/feedback_pack.h"

struct fb_iter {
	struct vault *v;
	struct store_fb_iter *rows;
	struct store_fb_row row;
	unsigned parts;
	struct candkey *key;
};

struct fb_iter *
fb_iter_new(struct vault *v, const struct fb_filter *f, unsigned parts, struct terr *err)
{
	struct fb_iter *it = calloc(1, sizeof(*it));
	struct tc_err ce = { 0 };

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
	if ((it->rows = store_fb_iter_new(v, f, err)) == NULL)
		goto fail;
	return it;
fail:
	fb_iter_free(it);
	return NULL;
}

void
fb_iter_free(struct fb_iter *it)
{
	if (it == NULL)
		return;
	store_fb_iter_free(it->rows);
	candkey_free(it->key);
	free(it);
}

/* Opens B, part PART of row ROW of TABLE.COLUMN, into a new string (NULL
 * when empty) in *OUT. */
static int
open_text(struct fb_iter *it, const struct store_blob *b, enum tc_part part, const char *table,
    const char *column, long long row, char **out)
{
	struct tc_ad ad = { table, column, row, candkey_candidate(it->key) };
	struct tbuf t = { 0 };

	if (part_open(it->key, part, &ad, b->data, b->len, &t, NULL) != 0)
		return -1;
	if (t.len > 0)
		*out = (char *)t.data;
	else
		tbuf_free(&t);
	return 0;
}

static int
row_read(struct fb_iter *it, struct feedback *fb, struct terr *err)
{
	const struct store_fb_row *r = &it->row;
	struct tc_ad ad = { "clients", "name", r->fb.client_id, 0 };
	struct tc_err ce = { 0 };
	struct tbuf b = { 0 };
	size_t n;

	fb->id = r->fb.id;
	fb->candidate_id = r->fb.candidate_id;
	fb->client_id = r->fb.client_id;
	n = r->fb.date != NULL ? strnlen(r->fb.date, DATE_LEN - 1) : 0;
	memcpy(fb->date, r->fb.date ? r->fb.date : "", n);
	fb->date[n] = '\0';
	if (candkey_candidate(it->key) != fb->candidate_id &&
	    candkey_unwrap(it->v->keys, it->key, fb->candidate_id, r->wrapped_key.data,
	    r->wrapped_key.len, &ce) != 0)
		return terr_set(err, EX_DATAERR, "feedback %lld: %s", fb->id, ce.msg);
	if ((it->parts & FB_IDENTITY) && open_text(it, &r->cand_name, TC_PART_IDENTITY,
	    "candidates", "name", fb->candidate_id, &fb->candidate) != 0)
		return terr_set(err, EX_DATAERR, "feedback %lld: candidate %lld's name failed "
		    "authentication (tampered or moved)", fb->id, fb->candidate_id);
	if (it->parts & FB_CLIENT) {
		if (keyring_open_sealed(it->v->keys, &ad, r->client_name.data, r->client_name.len,
		    &b, NULL) != 0)
			return terr_set(err, EX_DATAERR, "feedback %lld: client %lld's name failed "
			    "authentication (tampered or moved)", fb->id, fb->client_id);
		fb->client = (char *)b.data;
	}
	if (it->parts & FB_SIGNALS) {
		struct tc_ad sad = { "feedback", "signals", fb->id, fb->candidate_id };
		int rc = part_open(it->key, TC_PART_FEEDBACK, &sad, r->fb.signals.data,
		    r->fb.signals.len, &b, NULL);

		if (rc == 0)
			rc = feedback_unpack_signals(b.data, b.len, fb);
		tbuf_free(&b);
		if (rc == -2)
			return terr_set(err, EX_DATAERR, "feedback %lld: its client or date was "
			    "changed outside tact (tampered)", fb->id);
		if (rc != 0)
			return terr_set(err, EX_DATAERR, "feedback %lld: signals failed "
			    "authentication (tampered or moved)", fb->id);
	}
	if ((it->parts & FB_SHAREABLE) && open_text(it, &r->fb.shareable, TC_PART_FEEDBACK_SHARE,
	    "feedback", "shareable", fb->id, &fb->shareable) != 0)
		return terr_set(err, EX_DATAERR, "feedback %lld: shareable points failed "
		    "authentication (tampered or moved)", fb->id);
	return 0;
}

int
fb_iter_next(struct fb_iter *it, struct feedback *fb, struct terr *err)
{
	int rc;

	feedback_clear(fb);
	if ((rc = store_fb_iter_next(it->rows, &it->row, err)) <= 0)
		return rc == 0 ? 0 : -2;
	if (row_read(it, fb, err) != 0) {
		long long id = fb->id;

		feedback_clear(fb);
		fb->id = id;
		return -1;
	}
	return 1;
}

int
feedback_load(struct vault *v, long long id, unsigned parts, struct feedback *fb,
    struct terr *err)
{
	struct fb_filter f = { 0 };
	struct fb_iter *it;
	int rc;

	f.id = id;
	if ((it = fb_iter_new(v, &f, parts, err)) == NULL)
		return -1;
	rc = fb_iter_next(it, fb, err);
	fb_iter_free(it);
	if (rc == 0)
		return terr_set(err, EX_NOINPUT, "no feedback %lld", id);
	return rc == 1 ? 0 : -1;
}
