/*
 * write.c - sealing a turndown into the vault.
 *
 * Row ids are allocated before sealing, because each sealed part carries its
 * table, column, row and candidate as additional data: a part copied into
 * another row, or into another candidate's row, no longer opens.  A new
 * candidate gets a random key of their own, wrapped under the vault's.  The
 * confidential note is sealed here through crypto/confidential.h, the only
 * writer of that part; it is never read back in this layer.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/followup.h"
#include "core/records/identity.h"
#include "core/records/pack.h"
#include "core/records/team.h"
#include "core/records/write.h"
#include "crypto/confidential.h"

#define CAND_CACHE 16
#define CLIENT_CACHE 256

struct cand_slot {
	uint8_t blind[TC_BLIND_LEN];
	long long id;
	struct candkey *key;
};

struct client_slot {
	uint8_t blind[TC_BLIND_LEN];
	long long id;
};

struct td_writer {
	struct vault *v;
	long long next_cand, next_client, next_td;
	struct cand_slot cands[CAND_CACHE];
	struct client_slot clients[CLIENT_CACHE];
	int skip_dups;
	enum td_plan plan;
	char today[DATE_LEN];
};

const char *const td_plan_names[3] = { "all", "future", "none" };

void
td_writer_options(struct td_writer *w, int skip_duplicates, enum td_plan plan)
{
	w->skip_dups = skip_duplicates;
	w->plan = plan;
}

struct td_writer *
td_writer_new(struct vault *v, struct terr *err)
{
	struct td_writer *w = calloc(1, sizeof(*w));
	struct tc_err ce = { 0 };

	if (w == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	w->v = v;
	date_today(w->today);
	for (int i = 0; i < CAND_CACHE; i++)
		if ((w->cands[i].key = candkey_alloc(&ce)) == NULL) {
			terr_crypto(err, &ce);
			goto fail;
		}
	if ((w->next_cand = store_next_id(v, STORE_CANDIDATES, err)) < 0 ||
	    (w->next_client = store_next_id(v, STORE_CLIENTS, err)) < 0 ||
	    (w->next_td = store_next_id(v, STORE_TURNDOWNS, err)) < 0)
		goto fail;
	return w;
fail:
	td_writer_free(w);
	return NULL;
}

void
td_writer_free(struct td_writer *w)
{
	if (w == NULL)
		return;
	for (int i = 0; i < CAND_CACHE; i++)
		candkey_free(w->cands[i].key);
	free(w);
}

/* Unwraps candidate ID's key WRAPPED into SLOT, cached under KEY. */
static struct cand_slot *
slot_fill(struct td_writer *w, struct cand_slot *slot, const uint8_t key[TC_BLIND_LEN],
    long long id, struct tbuf *wrapped, struct terr *err)
{
	struct tc_err ce = { 0 };
	int rc = candkey_unwrap(w->v->keys, slot->key, id, wrapped->data, wrapped->len, &ce);

	tbuf_free(wrapped);
	if (rc != 0) {
		terr_crypto(err, &ce);
		return NULL;
	}
	/* A firm vault's candidate of another member: nothing is written under
	 * a key whose private half is theirs. */
	if (candkey_is_split(slot->key) && !candkey_has_private(slot->key)) {
		team_refuse_foreign(w->v, id, err);
		return NULL;
	}
	memcpy(slot->blind, key, TC_BLIND_LEN);
	slot->id = id;
	return slot;
}

static struct cand_slot *
cache_slot(struct td_writer *w, const uint8_t key[TC_BLIND_LEN])
{
	return &w->cands[key[0] % CAND_CACHE];
}

/* Finds or creates the candidate CANDIDATE: by "#ID", by candidate_ref where
 * given (CANDIDATE_REF: a ref not seen yet is a new person, whatever the
 * name), else by name (a name two records share is refused), or always new
 * with NEW_CANDIDATE.  Returns their cached key slot. */
static struct cand_slot *
writer_candidate(struct td_writer *w, const char *candidate, const char *candidate_ref,
    int new_candidate, int *created, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN], ref[TC_BLIND_LEN], row[TC_BLIND_LEN];
	uint8_t wrapped[TC_WRAPPED_CAND_MAX];
	size_t wrapped_len;
	const uint8_t *key = blind;
	struct cand_slot *slot;
	struct tc_ad ad = { "candidates", "name", 0, 0 };
	struct tbuf name = { NULL, 0 }, stored = { NULL, 0 };
	struct tc_err ce = { 0 };
	long long id = 0, other = 0;
	int rc, turndowns;

	*created = 0;
	if (identity_is_ref(candidate, &id)) {
		identity_row(w->v, id, row);
		slot = cache_slot(w, row);
		if (slot->id == id && memcmp(slot->blind, row, TC_BLIND_LEN) == 0)
			return slot;
		slot->id = 0;
		if ((rc = store_candidate_get(w->v, id, &stored, &name, &turndowns, err)) < 0)
			return NULL;
		tbuf_free(&name);
		if (rc == 0) {
			terr_set(err, EX_NOINPUT, "no candidate %s", candidate);
			return NULL;
		}
		return slot_fill(w, slot, row, id, &stored, err);
	}
	if (identity_blind(w->v, "candidate", candidate, blind, err) != 0)
		return NULL;
	if (candidate_ref != NULL) {
		blind_index(w->v->keys, "candidate-ref", candidate_ref, ref);
		key = ref;
	}
	slot = cache_slot(w, key);
	if (!new_candidate && slot->id != 0 && memcmp(slot->blind, key, TC_BLIND_LEN) == 0)
		return slot;
	slot->id = 0;
	if (candidate_ref != NULL)
		rc = store_candidate_find_ref(w->v, ref, &id, &stored, err);
	else if (new_candidate)
		rc = 0;
	else
		rc = store_candidate_find(w->v, blind, &id, &other, &stored, err);
	if (rc < 0)
		return NULL;
	if (rc > 1) {
		tbuf_free(&stored);
		terr_set(err, EX_USAGE, "the name '%.80s' is two candidates, #%lld and #%lld: give "
		    "one as '#ID' (see tact candidates)", candidate, id, other);
		return NULL;
	}
	if (rc == 1)
		return slot_fill(w, slot, key, id, &stored, err);
	/* A new candidate: a key of their own, wrapped under the vault's. */
	ad.row = ad.candidate = w->next_cand;
	candkey_generate_for(w->v->keys, slot->key, w->next_cand);
	wrapped_len = candkey_wrap(w->v->keys, slot->key, wrapped);
	if (part_seal(slot->key, TC_PART_IDENTITY, &ad, candidate, strlen(candidate),
	    &name, &ce) != 0) {
		terr_crypto(err, &ce);
		return NULL;
	}
	identity_row(w->v, w->next_cand, row);
	rc = store_candidate_add(w->v, w->next_cand, row, blind,
	    candidate_ref != NULL ? ref : NULL, wrapped, wrapped_len, &name, err);
	tbuf_free(&name);
	if (rc != 0)
		return NULL;
	/* The name may now be two people: a cached lookup of it is stale. */
	if (key != blind && cache_slot(w, blind)->id != 0 &&
	    memcmp(cache_slot(w, blind)->blind, blind, TC_BLIND_LEN) == 0)
		cache_slot(w, blind)->id = 0;
	memcpy(slot->blind, key, TC_BLIND_LEN);
	slot->id = w->next_cand++;
	*created = 1;
	return slot;
}

/* Finds or creates the client CLIENT; returns its id or -1. */
static long long
writer_client(struct td_writer *w, const char *client, int *created, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];
	struct client_slot *slot;
	struct tc_ad ad = { "clients", "name", 0, 0 };
	struct tbuf name = { NULL, 0 };
	struct tc_err ce = { 0 };
	long long id;
	int rc;

	*created = 0;
	if (identity_is_ref(client, &id)) {
		if ((rc = store_exists(w->v, STORE_CLIENTS, id, err)) <= 0)
			return rc < 0 ? -1 : terr_set(err, EX_NOINPUT, "no client %s", client);
		return id;
	}
	if (identity_blind(w->v, "client", client, blind, err) != 0)
		return -1;
	slot = &w->clients[(blind[0] | (unsigned)blind[1] << 8) % CLIENT_CACHE];
	if (slot->id != 0 && memcmp(slot->blind, blind, TC_BLIND_LEN) == 0)
		return slot->id;
	if ((id = store_client_find(w->v, blind, err)) < 0)
		return -1;
	if (id == 0) {
		ad.row = id = w->next_client;
		if (keyring_seal(w->v->keys, &ad, client, strlen(client), &name, &ce) != 0)
			return terr_crypto(err, &ce);
		rc = store_client_add(w->v, id, blind, &name, err);
		tbuf_free(&name);
		if (rc != 0)
			return -1;
		w->next_client++;
		*created = 1;
	}
	memcpy(slot->blind, blind, TC_BLIND_LEN);
	slot->id = id;
	return id;
}

struct candkey *
td_writer_candidate(struct td_writer *w, const char *candidate, const char *candidate_ref,
    int new_candidate, long long *id, int *created, struct terr *err)
{
	struct cand_slot *slot = writer_candidate(w, candidate, candidate_ref, new_candidate,
	    created, err);

	if (slot == NULL)
		return NULL;
	*id = slot->id;
	return slot->key;
}

struct vault *
td_writer_vault(const struct td_writer *w)
{
	return w->v;
}

long long
td_writer_client(struct td_writer *w, const char *client, int *created, struct terr *err)
{
	return writer_client(w, client, created, err);
}

/* Seals TD's four parts under KEY into the four buffers of OUT. */
static int
seal_parts(struct candkey *key, const struct turndown *td, struct tbuf out[4],
    struct terr *err)
{
	struct pack sig = { 0 }, ppl = { 0 };
	struct tc_ad ad = { "turndowns", NULL, td->id, td->candidate_id };
	const char *share = td->shareable ? td->shareable : "";
	const char *conf = td->confidential ? td->confidential : "";
	struct tc_err ce = { 0 };
	int rc = -1;

	pack_signals(&sig, td);
	pack_people(&ppl, td);
	if (sig.failed || ppl.failed) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	ad.column = "signals";
	if (part_seal(key, TC_PART_SIGNALS, &ad, sig.buf, sig.len, &out[0], &ce) != 0)
		goto out;
	ad.column = "people";
	if (part_seal(key, TC_PART_PEOPLE, &ad, ppl.buf, ppl.len, &out[1], &ce) != 0)
		goto out;
	ad.column = "shareable";
	if (part_seal(key, TC_PART_SHAREABLE, &ad, share, strlen(share), &out[2], &ce) != 0)
		goto out;
	ad.column = "confidential";
	if (confidential_seal(key, &ad, conf, strlen(conf), &out[3], &ce) != 0)
		goto out;
	rc = 0;
out:
	if (ce.code != 0)
		terr_crypto(err, &ce);
	pack_free(&sig);
	pack_free(&ppl);
	return rc;
}

struct note_move {
	struct td_writer *w;
	struct candkey *from, *to;
	long long from_id, to_id;
	struct terr *err;
	long long *tasks;
	struct tbuf *notes;
	size_t n;
};

/* Opens one follow-up note under the old owner's key and seals it under the new one's. */
static int
note_reseal(void *arg, long long task, const struct store_blob *note)
{
	struct note_move *m = arg;
	struct tc_ad from = { "followups", "note", task, m->from_id };
	struct tc_ad to = { "followups", "note", task, m->to_id };
	struct tbuf pt = { 0 }, ct = { 0 };
	struct tc_err ce = { 0 };
	long long *t;
	struct tbuf *nb;

	if (part_open(m->from, TC_PART_FOLLOWUP, &from, note->data, note->len, &pt, &ce) != 0 ||
	    part_seal(m->to, TC_PART_FOLLOWUP, &to, pt.data, pt.len, &ct, &ce) != 0) {
		tbuf_free(&pt);
		return terr_set(m->err, EX_DATAERR, "follow-up task %lld: %s", task, ce.msg);
	}
	tbuf_free(&pt);
	if ((t = realloc(m->tasks, (m->n + 1) * sizeof(*t))) == NULL ||
	    (m->tasks = t, nb = realloc(m->notes, (m->n + 1) * sizeof(*nb))) == NULL) {
		tbuf_free(&ct);
		return terr_set(m->err, EX_OSERR, "out of memory");
	}
	m->notes = nb;
	m->tasks[m->n] = task;
	m->notes[m->n++] = ct;
	return 0;
}

int
record_update(struct td_writer *w, struct turndown *td, int keep_confidential,
    int *new_candidate, int *new_client, struct terr *err)
{
	struct cand_slot *cand;
	struct candkey *old = NULL;
	struct tbuf parts[4] = { { 0 } }, wrapped = { 0 }, conf = { 0 };
	struct store_turndown row;
	struct tc_err ce = { 0 };
	struct note_move m;
	char old_decline[DATE_LEN], due[DATE_LEN];
	long long old_cand = 0;
	int rc = -1, found;

	memset(&m, 0, sizeof(m));
	if ((found = store_turndown_owner(w->v, td->id, &old_cand, old_decline, &wrapped, &conf,
	    err)) <= 0)
		return found < 0 ? -1 : terr_set(err, EX_NOINPUT, "no turndown %lld", td->id);
	if ((cand = writer_candidate(w, td->candidate, td->candidate_ref, td->new_candidate,
	    new_candidate, err)) == NULL)
		goto out;
	if ((td->client_id = writer_client(w, td->client, new_client, err)) < 0)
		goto out;
	td->candidate_id = cand->id;
	if (seal_parts(cand->key, td, parts, err) != 0)
		goto out;
	if (cand->id != old_cand && (old = candkey_alloc(&ce)) == NULL) {
		terr_crypto(err, &ce);
		goto out;
	}
	if (old != NULL && candkey_unwrap(w->v->keys, old, old_cand, wrapped.data, wrapped.len,
	    &ce) != 0) {
		terr_set(err, EX_DATAERR, "turndown %lld: %s", td->id, ce.msg);
		goto out;
	}
	if (keep_confidential) {
		tbuf_free(&parts[3]);
		if (old == NULL) {
			parts[3] = conf;
			conf.data = NULL;
			conf.len = 0;
		} else {
			struct tc_ad from = { "turndowns", "confidential", td->id, old_cand };
			struct tc_ad to = { "turndowns", "confidential", td->id, cand->id };

			if (confidential_reseal(old, &from, cand->key, &to, conf.data, conf.len,
			    &parts[3], &ce) != 0) {
				terr_set(err, EX_DATAERR, "turndown %lld: confidential: %s", td->id,
				    ce.msg);
				goto out;
			}
		}
	}
	memset(&row, 0, sizeof(row));
	row.id = td->id;
	row.candidate_id = td->candidate_id;
	row.client_id = td->client_id;
	row.offer_date = td->offer_date;
	row.decline_date = td->decline_date;
	row.signals = (struct store_blob){ parts[0].data, parts[0].len };
	row.people = (struct store_blob){ parts[1].data, parts[1].len };
	row.shareable = (struct store_blob){ parts[2].data, parts[2].len };
	row.confidential = (struct store_blob){ parts[3].data, parts[3].len };
	if (store_turndown_update(w->v, &row, err) != 0)
		goto out;
	if (old != NULL) {
		m.w = w;
		m.from = old;
		m.to = cand->key;
		m.from_id = old_cand;
		m.to_id = cand->id;
		m.err = err;
		if (store_followup_notes(w->v, td->id, note_reseal, &m, err) != 0)
			goto out;
		for (size_t i = 0; i < m.n; i++)
			if (store_followup_set_note(w->v, m.tasks[i], &m.notes[i], err) != 0)
				goto out;
	}
	if (strcmp(old_decline, td->decline_date) != 0) {
		for (int k = 0; k < FU_KINDS; k++) {
			followup_due(td->decline_date, k, due);
			if (store_followup_redate(w->v, td->id, k, due, err) != 0)
				goto out;
		}
	}
	rc = 0;
out:
	for (size_t i = 0; i < m.n; i++)
		tbuf_free(&m.notes[i]);
	free(m.notes);
	free(m.tasks);
	candkey_free(old);
	for (int i = 0; i < 4; i++)
		tbuf_free(&parts[i]);
	tbuf_free(&wrapped);
	tbuf_free(&conf);
	return rc;
}

int
record_delete(struct vault *v, long long id, int *pending, struct terr *err)
{
	struct tbuf wrapped = { NULL, 0 }, conf = { NULL, 0 };
	char decline[DATE_LEN];
	long long cand = 0;
	int rc = store_turndown_owner(v, id, &cand, decline, &wrapped, &conf, err);

	tbuf_free(&wrapped);
	tbuf_free(&conf);
	if (rc < 0 || (rc == 1 && team_check_owner(v, cand, err) != 0))
		return -1;
	return record_erase(v, id, "turndown", store_turndown_delete, pending, err);
}

int
record_put(struct td_writer *w, struct turndown *td, int *new_candidate, int *new_client,
    struct terr *err)
{
	struct cand_slot *cand;
	struct tbuf parts[4] = { { 0 } };
	struct store_turndown row;
	int rc = -1;

	if ((cand = writer_candidate(w, td->candidate, td->candidate_ref, td->new_candidate,
	    new_candidate, err)) == NULL)
		return -1;
	if ((td->client_id = writer_client(w, td->client, new_client, err)) < 0)
		return -1;
	td->candidate_id = cand->id;
	/* Only a known candidate at a known client can be a duplicate. */
	if (w->skip_dups && !*new_candidate && !*new_client) {
		long long seen = store_turndown_exists(w->v, td->candidate_id, td->client_id,
		    td->decline_date, err);

		if (seen < 0)
			return -1;
		if (seen > 0) {
			td->id = seen;
			return 1;
		}
	}
	td->id = w->next_td;
	if (seal_parts(cand->key, td, parts, err) != 0)
		goto out;
	memset(&row, 0, sizeof(row));
	row.id = td->id;
	row.candidate_id = td->candidate_id;
	row.client_id = td->client_id;
	row.offer_date = td->offer_date;
	row.decline_date = td->decline_date;
	row.signals = (struct store_blob){ parts[0].data, parts[0].len };
	row.people = (struct store_blob){ parts[1].data, parts[1].len };
	row.shareable = (struct store_blob){ parts[2].data, parts[2].len };
	row.confidential = (struct store_blob){ parts[3].data, parts[3].len };
	if (store_turndown_add(w->v, &row, err) != 0)
		goto out;
	/* Every turndown gets its stay-in-touch plan, from the one planner. */
	if (w->plan != TD_PLAN_NONE && followup_plan_after(w->v, td->id, td->decline_date,
	    w->plan == TD_PLAN_FUTURE ? w->today : NULL, err) < 0)
		goto out;
	w->next_td++;
	rc = 0;
out:
	for (int i = 0; i < 4; i++)
		tbuf_free(&parts[i]);
	return rc;
}
