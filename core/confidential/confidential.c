/*
 * confidential.c - the one reader of the confidential note.
 *
 * Only `tact show --confidential` and the leak guard call confidential_load;
 * the note is sealed (write-only) by core/records/write.c.  Scripts and
 * reports reach this layer only through the guard's yes/no answer, and a
 * build-time check (mk/check-layout.py) keeps it so.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/confidential/confidential.h"
#include "core/records/team.h"
#include "crypto/confidential.h"

int
confidential_load(struct vault *v, struct turndown *td, struct terr *err)
{
	struct tc_ad ad = { "turndowns", "confidential", td->id, td->candidate_id };
	struct candkey *ck = NULL;
	struct tbuf wrapped = { 0 }, sealed = { 0 }, b = { 0 };
	struct tc_err ce = { 0 };
	int rc = -1, found;

	if ((found = store_turndown_confidential(v, td->id, td->candidate_id, &wrapped, &sealed,
	    err)) <= 0) {
		if (found == 0)
			terr_set(err, EX_NOINPUT, "no turndown %lld", td->id);
		return -1;
	}
	if ((ck = candkey_alloc(&ce)) == NULL) {
		terr_crypto(err, &ce);
		goto out;
	}
	if (candkey_unwrap(v->keys, ck, td->candidate_id, wrapped.data, wrapped.len, NULL) == 0 &&
	    candkey_is_split(ck) && !candkey_has_private(ck)) {
		struct terr why = { 0 };

		team_refuse_foreign(v, td->candidate_id, &why);
		terr_set(err, EX_NOPERM, "turndown %lld: %s", td->id, why.msg);
		goto out;
	}
	if (candkey_candidate(ck) == 0 ||
	    confidential_open(ck, &ad, sealed.data, sealed.len, &b, NULL) != 0) {
		terr_set(err, EX_DATAERR, "turndown %lld: confidential note failed authentication "
		    "(tampered or moved)", td->id);
		goto out;
	}
	wipe_str_drop(&td->confidential);
	td->confidential = b.len ? (char *)b.data : NULL;
	if (b.len == 0)
		tbuf_free(&b);
	rc = 0;
out:
	candkey_free(ck);
	tbuf_free(&wrapped);
	tbuf_free(&sealed);
	return rc;
}
