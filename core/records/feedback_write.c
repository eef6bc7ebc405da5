/*
 * feedback_write.c - sealing a client's feedback into the vault.
 *
 * The candidate and client are found or created through the turndown
 * writer (write.h), so a feedback record and a turndown of one person
 * share their record, key and caches.  As for a turndown, the row id is
 * chosen before sealing and every part is bound to its table, column, row
 * and candidate.  The confidential note is sealed through crypto/'s
 * feedback sealer, on its own subkey, and never read back in this layer;
 * an edit that keeps it re-seals it inside crypto/.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/feedback.h"
#include "core/records/feedback_pack.h"
#include "core/records/identity.h"
#include "core/records/team.h"
#include "crypto/confidential.h"

/* Seals FB's three parts under KEY into OUT. */
static int
seal_parts(struct candkey *key, const struct feedback *fb, struct tbuf out[3],
    struct terr *err)
{
	struct pack sig = { 0 };
	struct tc_ad ad = { "feedback", NULL, fb->id, fb->candidate_id };
	const char *share = fb->shareable ? fb->shareable : "";
	const char *conf = fb->confidential ? fb->confidential : "";
	struct tc_err ce = { 0 };
	int rc = -1;

	feedback_pack_signals(&sig, fb);
	if (sig.failed) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	ad.column = "signals";
	if (part_seal(key, TC_PART_FEEDBACK, &ad, sig.buf, sig.len, &out[0], &ce) != 0)
		goto out;
	ad.column = "shareable";
	if (part_seal(key, TC_PART_FEEDBACK_SHARE, &ad, share, strlen(share), &out[1], &ce) != 0)
		goto out;
	ad.column = "confidential";
	if (confidential_feedback_seal(key, &ad, conf, strlen(conf), &out[2], &ce) != 0)
		goto out;
	rc = 0;
out:
	if (ce.code != 0)
		terr_crypto(err, &ce);
	pack_free(&sig);
	return rc;
}

static void
row_of(const struct feedback *fb, const struct tbuf parts[3], struct store_feedback *row)
{
	memset(row, 0, sizeof(*row));
	row->id = fb->id;
	row->candidate_id = fb->candidate_id;
	row->client_id = fb->client_id;
	row->date = fb->date;
	row->signals = (struct store_blob){ parts[0].data, parts[0].len };
	row->shareable = (struct store_blob){ parts[1].data, parts[1].len };
	row->confidential = (struct store_blob){ parts[2].data, parts[2].len };
}

/* Finds or creates FB's candidate and client; returns the candidate's key. */
static struct candkey *
owner(struct td_writer *w, struct feedback *fb, int *new_candidate, int *new_client,
    struct terr *err)
{
	struct candkey *key = td_writer_candidate(w, fb->candidate, fb->candidate_ref,
	    fb->new_candidate, &fb->candidate_id, new_candidate, err);

	if (key == NULL)
		return NULL;
	if ((fb->client_id = td_writer_client(w, fb->client, new_client, err)) < 0)
		return NULL;
	return key;
}

int
feedback_put(struct td_writer *w, struct feedback *fb, int skip_duplicates, int *new_candidate,
    int *new_client, struct terr *err)
{
	struct vault *v = td_writer_vault(w);
	struct tbuf parts[3] = { { 0 } };
	struct store_feedback row;
	struct candkey *key;
	int rc = -1;

	if ((key = owner(w, fb, new_candidate, new_client, err)) == NULL)
		return -1;
	if (skip_duplicates && !*new_candidate && !*new_client) {
		long long seen = store_feedback_exists(v, fb->candidate_id, fb->client_id, fb->date,
		    err);

		if (seen < 0)
			return -1;
		if (seen > 0) {
			fb->id = seen;
			return 1;
		}
	}
	if ((fb->id = store_next_id(v, STORE_FEEDBACK, err)) < 0)
		return -1;
	if (seal_parts(key, fb, parts, err) != 0)
		goto out;
	row_of(fb, parts, &row);
	rc = store_feedback_add(v, &row, err);
out:
	for (int i = 0; i < 3; i++)
		tbuf_free(&parts[i]);
	return rc;
}

int
feedback_update(struct td_writer *w, struct feedback *fb, int keep_confidential,
    int *new_candidate, int *new_client, struct terr *err)
{
	struct vault *v = td_writer_vault(w);
	struct tbuf parts[3] = { { 0 } }, wrapped = { 0 }, conf = { 0 };
	struct candkey *key, *old = NULL;
	struct store_feedback row;
	struct tc_err ce = { 0 };
	long long old_cand = 0;
	int rc = -1, found;

	if ((found = store_feedback_owner(v, fb->id, &old_cand, &wrapped, &conf, err)) <= 0)
		return found < 0 ? -1 : terr_set(err, EX_NOINPUT, "no feedback %lld", fb->id);
	if ((key = owner(w, fb, new_candidate, new_client, err)) == NULL)
		goto out;
	if (seal_parts(key, fb, parts, err) != 0)
		goto out;
	if (keep_confidential) {
		struct tc_ad from = { "feedback", "confidential", fb->id, old_cand };
		struct tc_ad to = { "feedback", "confidential", fb->id, fb->candidate_id };

		tbuf_free(&parts[2]);
		if (old_cand == fb->candidate_id) {
			parts[2] = conf;
			conf.data = NULL;
			conf.len = 0;
		} else if ((old = candkey_alloc(&ce)) == NULL ||
		    candkey_unwrap(v->keys, old, old_cand, wrapped.data, wrapped.len, &ce) != 0 ||
		    confidential_feedback_reseal(old, &from, key, &to, conf.data, conf.len, &parts[2],
		    &ce) != 0) {
			terr_set(err, EX_DATAERR, "feedback %lld: confidential: %s", fb->id, ce.msg);
			goto out;
		}
	}
	row_of(fb, parts, &row);
	rc = store_feedback_update(v, &row, err);
out:
	candkey_free(old);
	for (int i = 0; i < 3; i++)
		tbuf_free(&parts[i]);
	tbuf_free(&wrapped);
	tbuf_free(&conf);
	return rc;
}

int
feedback_delete(struct vault *v, long long id, int *pending, struct terr *err)
{
	struct tbuf wrapped = { NULL, 0 }, conf = { NULL, 0 };
	long long cand = 0;
	int rc = store_feedback_owner(v, id, &cand, &wrapped, &conf, err);

	tbuf_free(&wrapped);
	tbuf_free(&conf);
	if (rc < 0 || (rc == 1 && team_check_owner(v, cand, err) != 0))
		return -1;
	return record_erase(v, id, "feedback", store_feedback_delete, pending, err);
}

/* Returns a new "#ID" (free it), or NULL. */
static char *
ref_of(long long id)
{
	char *s = NULL;

	return asprintf(&s, "#%lld", id) < 0 ? NULL : s;
}

long long
feedback_move_all(struct vault *v, int clients, long long from, long long into,
    struct terr *err)
{
	struct fb_filter f = { 0 };
	struct td_writer *w = NULL;
	struct fb_iter *it = NULL;
	struct feedback fb;
	long long *ids = NULL, *grown, n = 0;
	int r, nc, ncl;

	feedback_init(&fb);
	if (clients)
		f.client_id = from;
	else
		f.candidate_id = from;
	if ((it = fb_iter_new(v, &f, 0, err)) == NULL)
		goto fail;
	while ((r = fb_iter_next(it, &fb, err)) == 1) {
		if ((grown = realloc(ids, (size_t)(n + 1) * sizeof(*ids))) == NULL)
			goto oom;
		ids = grown;
		ids[n++] = fb.id;
	}
	fb_iter_free(it);
	it = NULL;
	if (r != 0 || (w = td_writer_new(v, err)) == NULL)
		goto fail;
	for (long long i = 0; i < n; i++) {
		/* Opened as it is (a tampered row stops the move), sealed as INTO's. */
		if (feedback_load(v, ids[i], FB_SIGNALS | FB_SHAREABLE, &fb, err) != 0)
			goto fail;
		if ((fb.candidate = ref_of(clients ? fb.candidate_id : into)) == NULL ||
		    (fb.client = ref_of(clients ? into : fb.client_id)) == NULL)
			goto oom;
		if (feedback_update(w, &fb, 1, &nc, &ncl, err) != 0)
			goto fail;
		feedback_clear(&fb);
	}
	td_writer_free(w);
	free(ids);
	return n;
oom:
	terr_set(err, EX_OSERR, "out of memory");
fail:
	fb_iter_free(it);
	td_writer_free(w);
	feedback_clear(&fb);
	free(ids);
	return -1;
}
