/*
 * identity.c - candidates and clients by name or id.  Names are found
 * through keyed blind indexes of their normalised form (case and spacing),
 * so the vault never holds or compares a name in clear.  Forgetting deletes
 * the candidate's wrapped key with their rows: with secure_delete and a
 * checkpoint, no copy of the key or of any ciphertext of theirs is left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/check.h"
#include "core/base/wipe.h"
#include "core/records/identity.h"

/* A name that starts with '#' but is no '#ID' ("#", "#12a"): refused
 * rather than taken for a new candidate or client of that name. */
static int
bad_ref(const char *spec, struct terr *err)
{
	if (spec[0] != '#')
		return 0;
	return terr_set(err, EX_USAGE, "'%.40s' is not a reference: give '#' and a number, "
	    "such as '#12' (see tact candidates and tact clients)", spec);
}

int
identity_blind(struct vault *v, const char *domain, const char *name,
    uint8_t out[TC_BLIND_LEN], struct terr *err)
{
	char *key;

	if (bad_ref(name, err) != 0)
		return -1;
	if ((key = text_name_key(name)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	blind_index(v->keys, domain, key, out);
	wipe_str_free(key);
	return 0;
}

void
identity_row(struct vault *v, long long id, uint8_t out[TC_BLIND_LEN])
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", id);
	blind_index(v->keys, "candidate-row", num, out);
}

int
identity_is_ref(const char *spec, long long *id)
{
	size_t n = strlen(spec);

	if (n < 2 || n > 18 || spec[0] != '#' || strspn(spec + 1, "0123456789") != n - 1)
		return 0;
	*id = atoll(spec + 1);
	return *id > 0;
}

long long
candidate_find(struct vault *v, const char *spec, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];
	long long id = 0, other = 0;
	int rc;

	if (identity_is_ref(spec, &id)) {
		if ((rc = store_exists(v, STORE_CANDIDATES, id, err)) < 0)
			return -1;
		return rc == 1 ? id : 0;
	}
	if (identity_blind(v, "candidate", spec, blind, err) != 0)
		return -1;
	if ((rc = store_candidate_find(v, blind, &id, &other, NULL, err)) < 0)
		return -1;
	if (rc > 1)
		return terr_set(err, EX_USAGE, "the name '%.80s' is two candidates, #%lld and #%lld: "
		    "give one as '#ID' (see tact candidates)", spec, id, other);
	return rc == 1 ? id : 0;
}

long long
client_find(struct vault *v, const char *spec, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];
	long long id;
	int rc;

	if (identity_is_ref(spec, &id)) {
		if ((rc = store_exists(v, STORE_CLIENTS, id, err)) < 0)
			return -1;
		return rc == 1 ? id : 0;
	}
	if (identity_blind(v, "client", spec, blind, err) != 0)
		return -1;
	return store_client_find(v, blind, err);
}

char *
client_name(struct vault *v, long long id, struct terr *err)
{
	struct tbuf sealed = { 0 }, b = { 0 };
	struct tc_ad ad = { "clients", "name", id, 0 };
	struct tc_err ce = { 0 };
	int rc;

	if ((rc = store_client_get(v, id, &sealed, err)) <= 0) {
		if (rc == 0)
			terr_set(err, EX_NOINPUT, "no client #%lld", id);
		return NULL;
	}
	rc = keyring_open_sealed(v->keys, &ad, sealed.data, sealed.len, &b, &ce);
	tbuf_free(&sealed);
	if (rc != 0) {
		terr_set(err, EX_DATAERR, "client #%lld: %s", id, ce.msg);
		return NULL;
	}
	return (char *)b.data;
}

struct names_acc {
	struct vault *v;
	int clients;
	struct name_row *list;
	long long n, cap;
	struct candkey *ck;
	struct terr *err;
};

static int
names_add(void *arg, const struct store_name_row *r)
{
	struct names_acc *a = arg;
	struct name_row *row;
	struct tc_ad ad = { a->clients ? "clients" : "candidates", "name", r->id, 0 };
	struct tbuf b = { 0 };
	int rc;

	if (a->n == a->cap) {
		long long cap = a->cap ? a->cap * 2 : 64;
		struct name_row *grown = realloc(a->list, (size_t)cap * sizeof(*grown));

		if (grown == NULL)
			return terr_set(a->err, EX_OSERR, "out of memory");
		a->list = grown;
		a->cap = cap;
	}
	row = &a->list[a->n++];
	memset(row, 0, sizeof(*row));
	row->id = r->id;
	row->turndowns = r->turndowns;
	if (r->last_decline != NULL)
		snprintf(row->last_decline, DATE_LEN, "%s", r->last_decline);
	if (a->clients) {
		rc = keyring_open_sealed(a->v->keys, &ad, r->name.data, r->name.len, &b, NULL);
	} else {
		ad.candidate = r->id;
		rc = candkey_unwrap(a->v->keys, a->ck, r->id, r->wrapped_key.data, r->wrapped_key.len,
		    NULL);
		if (rc == 0)
			rc = part_open(a->ck, TC_PART_IDENTITY, &ad, r->name.data, r->name.len, &b, NULL);
	}
	if (rc == 0)
		row->name = (char *)b.data;
	return 0;
}

long long
names_list(struct vault *v, int clients, struct name_row **out, struct terr *err)
{
	struct names_acc a = { v, clients, NULL, 0, 0, NULL, err };
	struct tc_err ce = { 0 };

	*out = NULL;
	if ((a.ck = candkey_alloc(&ce)) == NULL)
		return terr_crypto(err, &ce);
	if (store_names(v, clients, names_add, &a, err) != 0) {
		candkey_free(a.ck);
		names_free(a.list, a.n);
		return -1;
	}
	candkey_free(a.ck);
	*out = a.list;
	return a.n;
}

void
names_free(struct name_row *list, long long n)
{
	for (long long i = 0; i < n; i++)
		wipe_str_drop(&list[i].name);
	free(list);
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
	else if (identity_is_ref(spec, &id))
		;
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
record_erase(struct vault *v, long long id, const char *what,
    int (*erase)(struct vault *v, long long id, struct terr *err), int *pending,
    struct terr *err)
{
	int n;

	*pending = 0;
	if (vault_begin(v, err) != 0)
		return -1;
	if ((n = erase(v, id, err)) < 0)
		goto fail;
	if (n != 1) {
		terr_set(err, EX_NOINPUT, "no %s %lld", what, id);
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

/* A candidate's rows: their clients' feedback on them goes with them. */
static int
forget_rows(struct vault *v, long long candidate, struct terr *err)
{
	if (store_feedback_delete_of(v, candidate, err) < 0)
		return -1;
	return store_candidate_delete(v, candidate, err);
}

int
candidate_forget(struct vault *v, long long candidate, int *pending, struct terr *err)
{
	return record_erase(v, candidate, "candidate", forget_rows, pending, err);
}
