/*
 * identity.c - candidates and clients by name or id.  Names are found
 * through keyed blind indexes of their normalised form (case and spacing),
 * so the vault never holds or compares a name in clear.  Forgetting deletes
 * the candidate's wrapped key with their rows: with secure_delete and a
 * checkpoint, no copy of the key or of any ciphertext of theirs is left.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/check.h"
#include "core/base/wipe.h"
#include "core/records/identity.h"

int
identity_blind(struct vault *v, const char *domain, const char *name,
    uint8_t out[TC_BLIND_LEN], struct terr *err)
{
	char *key = text_name_key(name);

	if (key == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	blind_index(v->keys, domain, key, out);
	wipe_str_free(key);
	return 0;
}

long long
candidate_find(struct vault *v, const char *name, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];
	long long id = 0;
	int rc;

	if (identity_blind(v, "candidate", name, blind, err) != 0)
		return -1;
	if ((rc = store_candidate_find(v, blind, &id, NULL, err)) < 0)
		return -1;
	return rc == 1 ? id : 0;
}

long long
client_find(struct vault *v, const char *name, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];

	if (identity_blind(v, "client", name, blind, err) != 0)
		return -1;
	return store_client_find(v, blind, err);
}

long long
candidate_resolve(struct vault *v, const char *spec, char **name, int *turndowns,
    struct terr *err)
{
	struct candkey *ck = NULL;
	struct tbuf wrapped = { 0 }, sealed = { 0 }, b = { 0 };
	struct tc_ad ad = { "candidates", "name", 0, 0 };
	struct tc_err ce = { 0 };
	long long id = 0;
	int rc;

	*name = NULL;
	*turndowns = 0;
	if (strspn(spec, "0123456789") == strlen(spec) && strlen(spec) > 0 && strlen(spec) < 18)
		id = atoll(spec);
	else if ((id = candidate_find(v, spec, err)) < 0)
		return -1;
	if (id == 0)
		return terr_set(err, EX_NOINPUT, "no candidate named '%.80s'", spec);
	if ((rc = store_candidate_get(v, id, &wrapped, &sealed, turndowns, err)) <= 0)
		return rc < 0 ? -1 : terr_set(err, EX_NOINPUT, "no candidate %lld", id);
	ad.row = ad.candidate = id;
	/* The name is only for the confirmation; a damaged one must not block erasure. */
	if ((ck = candkey_alloc(&ce)) == NULL) {
		id = terr_crypto(err, &ce);
		goto out;
	}
	if (candkey_unwrap(v->keys, ck, id, wrapped.data, wrapped.len, NULL) == 0 &&
	    part_open(ck, TC_PART_IDENTITY, &ad, sealed.data, sealed.len, &b, NULL) == 0)
		*name = (char *)b.data;
out:
	candkey_free(ck);
	tbuf_free(&wrapped);
	tbuf_free(&sealed);
	return id;
}

int
candidate_forget(struct vault *v, long long candidate, int *pending, struct terr *err)
{
	int n;

	*pending = 0;
	if (vault_begin(v, err) != 0)
		return -1;
	if ((n = store_candidate_delete(v, candidate, err)) < 0)
		goto fail;
	if (n != 1) {
		terr_set(err, EX_NOINPUT, "no candidate %lld", candidate);
		goto fail;
	}
	if (vault_commit(v, err) != 0)
		goto fail;
	/* secure_delete zeroed the freed cells; now push every page out of the
	 * WAL.  Another process reading the vault can hold the checkpoint off:
	 * the deletion stands, and the last connection to close checkpoints. */
	*pending = vault_checkpoint(v, NULL) != 0;
	return 0;
fail:
	vault_rollback(v);
	return -1;
}
