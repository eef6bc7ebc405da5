/*
 * feedback_note.c - the one reader of a client's confidential note on a
 * candidate (core/records/feedback.h).
 *
 * Only `tact feedback show --confidential` and the leak guard call
 * confidential_feedback_load; the note is sealed (write-only) by
 * core/records/feedback_write.c.  Coaching and call scripts reach it only
 * through the guard's yes/no answer.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/confidential/confidential.h"
#include "core/records/team.h"
#include "crypto/confidential.h"

int
confidential_feedback_load(struct vault *v, struct feedback *fb, struct terr *err)
{
	struct tc_ad ad = { "feedback", "confidential", fb->id, 0 };
	struct candkey *ck = NULL;
	struct tbuf wrapped = { 0 }, sealed = { 0 }, b = { 0 };
	struct tc_err ce = { 0 };
	long long candidate = 0;
	int rc = -1, found;

	if ((found = store_feedback_owner(v, fb->id, &candidate, &wrapped, &sealed, err)) <= 0) {
		if (found == 0)
			terr_set(err, EX_NOINPUT, "no feedback %lld", fb->id);
		return -1;
	}
	/* The row must still belong to the candidate the caller read. */
	if (fb->candidate_id != 0 && candidate != fb->candidate_id) {
		terr_set(err, EX_DATAERR, "feedback %lld: moved to another candidate (tampered)",
		    fb->id);
		goto out;
	}
	ad.candidate = candidate;
	if ((ck = candkey_alloc(&ce)) == NULL) {
		terr_crypto(err, &ce);
		goto out;
	}
	if (candkey_unwrap(v->keys, ck, candidate, wrapped.data, wrapped.len, NULL) == 0 &&
	    candkey_is_split(ck) && !candkey_has_private(ck)) {
		struct terr why = { 0 };

		team_refuse_foreign(v, candidate, &why);
		terr_set(err, EX_NOPERM, "feedback %lld: %s", fb->id, why.msg);
		goto out;
	}
	if (candkey_candidate(ck) == 0 ||
	    confidential_feedback_open(ck, &ad, sealed.data, sealed.len, &b, NULL) != 0) {
		terr_set(err, EX_DATAERR, "feedback %lld: confidential note failed authentication "
		    "(tampered or moved)", fb->id);
		goto out;
	}
	wipe_str_drop(&fb->confidential);
	fb->confidential = b.len ? (char *)b.data : NULL;
	if (b.len == 0)
		tbuf_free(&b);
	rc = 0;
out:
	candkey_free(ck);
	tbuf_free(&wrapped);
	tbuf_free(&sealed);
	return rc;
}
