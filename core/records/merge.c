/*
 * merge.c - renaming and merging candidates and clients.
 *
 * A candidate's turndowns are sealed under their own key and bound to their
 * id, so merging re-seals every part of every row under the target's key
 * (record_update; the confidential note only inside crypto/) before the
 * source's key and row are deleted.  A turndown's signals part holds its
 * client's id too, so merging clients re-seals the rows the same way before
 * the source client is deleted.  A client's feedback on a candidate
 * (feedback.h) moves the same way.  Either way the command
 * ends with a checkpoint, so the old name, key and ciphertexts leave the
 * WAL as forget's do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/check.h"
#include "core/base/wipe.h"
#include "core/records/feedback.h"
#include "core/records/identity.h"
#include "core/records/merge.h"
#include "core/records/read.h"
#include "core/records/write.h"

static int
check_name(const char *name, char **out, struct terr *err)
{
	*out = NULL;
	return turndown_set_text(out, "name", name, strlen(name), TEXT_NAME_MAX, 0, err);
}

int
candidate_rename(struct vault *v, long long id, const char *name, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN], row[TC_BLIND_LEN];
	struct tbuf wrapped = { 0 }, sealed = { 0 }, old = { 0 };
	struct tc_ad ad = { "candidates", "name", id, id };
	struct candkey *ck = NULL;
	struct tc_err ce = { 0 };
	char *clean = NULL;
	int rc = -1, found, n;

	if (check_name(name, &clean, err) != 0)
		return -1;
	if (identity_blind(v, "candidate", clean, blind, err) != 0)
		goto out;
	identity_row(v, id, row);
	if (vault_begin(v, err) != 0)
		goto out;
	if ((found = store_candidate_get(v, id, &wrapped, &old, &n, err)) <= 0) {
		if (found == 0)
			terr_set(err, EX_NOINPUT, "no candidate #%lld", id);
		goto fail;
	}
	if ((ck = candkey_alloc(&ce)) == NULL ||
	    candkey_unwrap(v->keys, ck, id, wrapped.data, wrapped.len, &ce) != 0 ||
	    part_seal(ck, TC_PART_IDENTITY, &ad, clean, strlen(clean), &sealed, &ce) != 0) {
		terr_crypto(err, &ce);
		goto fail;
	}
	if (store_candidate_rename(v, id, row, blind, &sealed, err) != 0 ||
	    vault_commit(v, err) != 0)
		goto fail;
	(void)vault_checkpoint(v, NULL);
	rc = 0;
	goto out;
fail:
	vault_rollback(v);
out:
	candkey_free(ck);
	tbuf_free(&wrapped);
	tbuf_free(&sealed);
	tbuf_free(&old);
	wipe_str_drop(&clean);
	return rc;
}

int
client_rename(struct vault *v, long long id, const char *name, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];
	struct tbuf sealed = { 0 };
	struct tc_ad ad = { "clients", "name", id, 0 };
	struct tc_err ce = { 0 };
	char *clean = NULL;
	long long other;
	int rc = -1, found;

	if (check_name(name, &clean, err) != 0)
		return -1;
	if (identity_blind(v, "client", clean, blind, err) != 0)
		goto out;
	if (vault_begin(v, err) != 0)
		goto out;
	if ((found = store_exists(v, STORE_CLIENTS, id, err)) <= 0) {
		if (found == 0)
			terr_set(err, EX_NOINPUT, "no client #%lld", id);
		goto fail;
	}
	if ((other = store_client_find(v, blind, err)) < 0)
		goto fail;
	if (other != 0 && other != id) {
		terr_set(err, EX_DATAERR, "client #%lld already has the name '%.80s': merge them "
		    "with 'tact merge client %lld %lld'", other, clean, id, other);
		goto fail;
	}
	if (keyring_seal(v->keys, &ad, clean, strlen(clean), &sealed, &ce) != 0) {
		terr_crypto(err, &ce);
		goto fail;
	}
	if (store_client_rename(v, id, blind, &sealed, err) != 0 || vault_commit(v, err) != 0)
		goto fail;
	(void)vault_checkpoint(v, NULL);
	rc = 0;
	goto out;
fail:
	vault_rollback(v);
out:
	tbuf_free(&sealed);
	wipe_str_drop(&clean);
	return rc;
}

static int
both_exist(struct vault *v, enum store_table t, long long from, long long into, struct terr *err)
{
	const char *what = t == STORE_CLIENTS ? "client" : "candidate";
	int rc;

	if (from == into)
		return terr_set(err, EX_USAGE, "cannot merge %s #%lld into itself", what, from);
	if ((rc = store_exists(v, t, from, err)) <= 0)
		return rc < 0 ? -1 : terr_set(err, EX_NOINPUT, "no %s #%lld", what, from);
	if ((rc = store_exists(v, t, into, err)) <= 0)
		return rc < 0 ? -1 : terr_set(err, EX_NOINPUT, "no %s #%lld", what, into);
	return 0;
}

/* Moves every turndown of FROM (a candidate, or a client with CLIENTS) to
 * INTO, each opened and re-sealed: the signals part holds the client's id
 * and every part the candidate's, so no row may just be relabelled. */
static long long
move_all(struct vault *v, int clients, long long from, long long into, struct terr *err)
{
	struct td_writer *w = NULL;
	struct turndown td;
	long long *ids = NULL, n, i;
	char spec[32];
	int nc, ncl;

	memset(&td, 0, sizeof(td));
	if ((n = store_turndowns_of(v, clients ? STORE_CLIENTS : STORE_CANDIDATES, from, &ids,
	    err)) < 0 || (w = td_writer_new(v, err)) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		/* Opened as it is (a tampered row stops the merge), sealed as INTO's. */
		if (turndown_load(v, ids[i], TD_ALL_OPEN, &td, err) != 0)
			goto fail;
		snprintf(spec, sizeof(spec), "#%lld", clients ? td.candidate_id : into);
		wipe_str_drop(&td.candidate);
		if ((td.candidate = strdup(spec)) == NULL)
			goto oom;
		snprintf(spec, sizeof(spec), "#%lld", clients ? into : td.client_id);
		wipe_str_drop(&td.client);
		if ((td.client = strdup(spec)) == NULL)
			goto oom;
		if (record_update(w, &td, 1, &nc, &ncl, err) != 0)
			goto fail;
		turndown_clear(&td);
	}
	td_writer_free(w);
	free(ids);
	return n;
oom:
	terr_set(err, EX_OSERR, "out of memory");
fail:
	td_writer_free(w);
	turndown_clear(&td);
	free(ids);
	return -1;
}

static long long
merge(struct vault *v, int clients, long long from, long long into, int *pending,
    struct terr *err)
{
	long long n;
	int gone;

	*pending = 0;
	if (vault_begin(v, err) != 0)
		return -1;
	if (both_exist(v, clients ? STORE_CLIENTS : STORE_CANDIDATES, from, into, err) != 0)
		goto fail;
	/* An import's candidate_ref goes with the person, so that importing
	 * the same file again finds the merged record; two references would
	 * make one of them a new candidate at the next import. */
	if (!clients && (gone = store_candidate_move_ref(v, from, into, err)) != 0) {
		if (gone > 0)
			terr_set(err, EX_DATAERR, "candidates #%lld and #%lld both came from an import "
			    "with a candidate_ref of their own: merge them where they came from, "
			    "then import again", from, into);
		goto fail;
	}
	if ((n = move_all(v, clients, from, into, err)) < 0 ||
	    feedback_move_all(v, clients, from, into, err) < 0)
		goto fail;
	/* Reports released to FROM are compared with INTO's from now on. */
	if (clients && store_release_move_client(v, from, into, err) != 0)
		goto fail;
	/* FROM has no rows left; for a candidate, deleting the record deletes their key. */
	gone = clients ? store_client_delete(v, from, err) : store_candidate_delete(v, from, err);
	if (gone < 0 || vault_commit(v, err) != 0)
		goto fail;
	*pending = vault_checkpoint(v, NULL) != 0;
	return n;
fail:
	vault_rollback(v);
	return -1;
}

long long
candidate_merge(struct vault *v, long long from, long long into, int *pending,
    struct terr *err)
{
	return merge(v, 0, from, into, pending, err);
}

long long
client_merge(struct vault *v, long long from, long long into, int *pending, struct terr *err)
{
	return merge(v, 1, from, into, pending, err);
}
