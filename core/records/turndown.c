/*
 * turndown.c - turndowns in and out of the vault.
 *
 * Row ids are allocated before sealing, because each sealed part carries its
 * table, column, row and candidate as additional data: a part copied into
 * another row, or into another candidate's row, no longer opens.  Names are
 * found through keyed blind indexes, never stored or compared in clear.
 * Writers and readers keep their prepared statements and a small cache of
 * unwrapped candidate keys for the whole run, so an import or a report does
 * not pay per row for what it can pay once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/followup.h"
#include "core/records/turndown.h"

#define PACK_VERSION 1
/* Signals version 2 also seal the row's clear client id and dates, so that
 * moving a turndown to another client or period is detected on reading. */
#define SIGNALS_VERSION 2
#define CAND_CACHE 16
#define CLIENT_CACHE 256

/* ---- building and checking ---------------------------------------------- */

static void
free_text(char **p)
{
	if (*p != NULL) {
		wipe_str_free(*p);
		*p = NULL;
	}
}

void
turndown_clear(struct turndown *td)
{
	free_text(&td->candidate);
	free_text(&td->client);
	free_text(&td->role);
	free_text(&td->shareable);
	free_text(&td->confidential);
	for (size_t i = 0; i < td->nmet; i++)
		free_text(&td->met[i].name);
	free(td->met);
	memset(td, 0, sizeof(*td));
}

int
turndown_set_text(char **field, const char *what, const char *value, size_t len, size_t max,
    int note, struct terr *err)
{
	char *copy;

	if (text_check(what, value, len, max, note, err) != 0)
		return -1;
	if ((copy = note ? strndup(value, len) : NULL) == NULL && note)
		return terr_set(err, EX_OSERR, "out of memory");
	if (!note) {
		char *tmp = strndup(value, len);

		if (tmp == NULL)
			return terr_set(err, EX_OSERR, "out of memory");
		copy = text_trim(tmp);
		free_text(&tmp);
		if (copy == NULL)
			return terr_set(err, EX_OSERR, "out of memory");
		if (*copy == '\0') {
			free(copy);
			return terr_set(err, EX_DATAERR, "%s is empty", what);
		}
	}
	free_text(field);
	*field = copy;
	return 0;
}

static int
unknown_category(const char *slug, struct terr *err)
{
	char list[512];
	const char *near = taxonomy_suggest(slug);

	if (near != NULL)
		return terr_set(err, EX_DATAERR, "unknown reason '%.60s' (did you mean '%s'?)", slug,
		    near);
	taxonomy_list(list, sizeof(list));
	return terr_set(err, EX_DATAERR, "unknown reason '%.60s' (one of: %s)", slug, list);
}

int
turndown_add_reason2(struct turndown *td, const char *category, const char *visibility,
    struct terr *err)
{
	int cat = taxonomy_find(category), vis = VIS_SHAREABLE;

	if (cat < 0)
		return unknown_category(category, err);
	if (visibility != NULL && (vis = vocab_find(visibility_names, 2, visibility)) < 0)
		return terr_set(err, EX_DATAERR, "reason '%s': visibility '%.40s' is neither "
		    "'confidential' nor 'shareable'", category, visibility);
	for (size_t i = 0; i < td->nreasons; i++) {
		if (td->reasons[i].category == cat) {
			/* Given twice: the more careful visibility wins. */
			if (vis == VIS_CONFIDENTIAL)
				td->reasons[i].visibility = vis;
			return 0;
		}
	}
	td->reasons[td->nreasons].category = cat;
	td->reasons[td->nreasons].visibility = vis;
	td->nreasons++;
	return 0;
}

int
turndown_add_reason(struct turndown *td, const char *spec, struct terr *err)
{
	char buf[128], *colon;

	if (text_check("reason", spec, strlen(spec), sizeof(buf) - 1, 0, err) != 0)
		return -1;
	strcpy(buf, spec);
	if ((colon = strchr(buf, ':')) != NULL)
		*colon++ = '\0';
	return turndown_add_reason2(td, buf, colon, err);
}

int
turndown_add_person(struct turndown *td, const char *name, const char *role,
    const char *impression, struct terr *err)
{
	struct person *grown, p = { NULL, 0, 0 };

	if (td->nmet >= TEXT_MET_MAX)
		return terr_set(err, EX_DATAERR, "too many people met (the limit is %d)",
		    TEXT_MET_MAX);
	if ((p.role = vocab_find(person_role_names, PERSON_ROLE_COUNT, role)) < 0)
		return terr_set(err, EX_DATAERR, "person met: unknown role '%.40s' (hiring-manager, "
		    "hr, executive, interviewer, peer or other)", role);
	if ((p.impression = vocab_find(impression_names, 3, impression)) < 0)
		return terr_set(err, EX_DATAERR, "person met: unknown impression '%.40s' (positive, "
		    "neutral or negative)", impression);
	if (turndown_set_text(&p.name, "name of person met", name, strlen(name), TEXT_NAME_MAX, 0,
	    err) != 0)
		return -1;
	if ((grown = realloc(td->met, (td->nmet + 1) * sizeof(*grown))) == NULL) {
		free_text(&p.name);
		return terr_set(err, EX_OSERR, "out of memory");
	}
	td->met = grown;
	td->met[td->nmet++] = p;
	return 0;
}

int
turndown_add_met(struct turndown *td, const char *spec, struct terr *err)
{
	char *copy, *imp, *role;
	int rc;

	if (text_check("--met", spec, strlen(spec), TEXT_NAME_MAX + 64, 0, err) != 0)
		return -1;
	if ((copy = strdup(spec)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	/* From the right, so a name may itself hold a colon. */
	if ((imp = strrchr(copy, ':')) == NULL || (*imp = '\0', role = strrchr(copy, ':')) == NULL) {
		free_text(&copy);
		return terr_set(err, EX_DATAERR, "--met '%.60s' is not NAME:ROLE:IMPRESSION", spec);
	}
	*role++ = '\0';
	imp++;
	rc = turndown_add_person(td, copy, role, imp, err);
	free_text(&copy);
	return rc;
}

int
turndown_set_consent(struct turndown *td, const char *value, struct terr *err)
{
	int c = vocab_find(consent_names, 2, value);

	if (c < 0)
		return terr_set(err, EX_DATAERR, "consent '%.40s' is neither 'aggregate' nor 'none'",
		    value);
	td->consent = c;
	return 0;
}

int
turndown_validate(struct turndown *td, struct terr *err)
{
	if (td->candidate == NULL)
		return terr_set(err, EX_USAGE, "missing the candidate (--candidate)");
	if (td->client == NULL)
		return terr_set(err, EX_USAGE, "missing the client (--client)");
	if (td->nreasons == 0)
		return terr_set(err, EX_USAGE, "missing a reason (--reason)");
	if (td->decline_date[0] == '\0')
		date_today(td->decline_date);
	if (td->offer_date[0] != '\0' && strcmp(td->offer_date, td->decline_date) > 0)
		return terr_set(err, EX_DATAERR, "the offer date %s is after the decline date %s",
		    td->offer_date, td->decline_date);
	if (td->shareable != NULL && td->shareable[0] == '\0')
		free_text(&td->shareable);
	if (td->confidential != NULL && td->confidential[0] == '\0')
		free_text(&td->confidential);
	return 0;
}

/* ---- packing the signals and people parts -------------------------------- */

struct pack {
	uint8_t *buf;
	size_t len, cap;
	int failed;
};

static void
pack_bytes(struct pack *p, const void *data, size_t len)
{
	if (p->failed)
		return;
	if (p->len + len > p->cap) {
		size_t cap = (p->cap ? p->cap * 2 : 256) + len;
		uint8_t *grown = realloc(p->buf, cap);

		if (grown == NULL) {
			p->failed = 1;
			return;
		}
		p->buf = grown;
		p->cap = cap;
	}
	memcpy(p->buf + p->len, data, len);
	p->len += len;
}

static void
pack_u8(struct pack *p, unsigned v)
{
	uint8_t b = (uint8_t)v;

	pack_bytes(p, &b, 1);
}

static void
pack_str(struct pack *p, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	uint8_t l[2] = { (uint8_t)(len >> 8), (uint8_t)len };

	pack_bytes(p, l, 2);
	pack_bytes(p, s ? s : "", len);
}

static void
pack_free(struct pack *p)
{
	wipe_free(p->buf, p->cap);
	memset(p, 0, sizeof(*p));
}

struct unpack {
	const uint8_t *p;
	size_t left;
	int bad;
};

static unsigned
unpack_u8(struct unpack *u)
{
	if (u->left < 1) {
		u->bad = 1;
		return 0;
	}
	u->left--;
	return *u->p++;
}

static char *
unpack_str(struct unpack *u)
{
	size_t len;
	char *s;

	len = unpack_u8(u) << 8;
	len |= unpack_u8(u);
	if (u->bad || len > u->left) {
		u->bad = 1;
		return NULL;
	}
	if ((s = strndup((const char *)u->p, len)) == NULL)
		u->bad = 1;
	u->p += len;
	u->left -= len;
	return s;
}

static void
pack_signals(struct pack *p, const struct turndown *td)
{
	char client[24];

	pack_u8(p, SIGNALS_VERSION);
	pack_u8(p, (unsigned)td->consent);
	pack_u8(p, (unsigned)td->nreasons);
	for (size_t i = 0; i < td->nreasons; i++) {
		pack_u8(p, (unsigned)td->reasons[i].category);
		pack_u8(p, (unsigned)td->reasons[i].visibility);
	}
	pack_str(p, td->role);
	snprintf(client, sizeof(client), "%lld", td->client_id);
	pack_str(p, client);
	pack_str(p, td->offer_date);
	pack_str(p, td->decline_date);
}

/* Whether the sealed copy S of a clear column equals the clear value. */
static int
same(char *s, const char *clear)
{
	int eq = s != NULL && strcmp(s, clear) == 0;

	free(s);
	return eq;
}

/* Fills TD's signals; -1 if malformed, -2 if the clear client id or dates
 * of the row (already in TD) differ from their sealed copies. */
static int
unpack_signals(const uint8_t *data, size_t len, struct turndown *td)
{
	struct unpack u = { data, len, 0 };
	unsigned version = unpack_u8(&u);
	char client[24];
	size_t n;
	int moved = 0;

	if (version != PACK_VERSION && version != SIGNALS_VERSION)
		return -1;
	td->consent = (int)unpack_u8(&u);
	n = unpack_u8(&u);
	if (td->consent > CONSENT_NONE || n > TAXONOMY_COUNT)
		return -1;
	for (td->nreasons = 0; td->nreasons < n; td->nreasons++) {
		struct reason *r = &td->reasons[td->nreasons];

		r->category = (int)unpack_u8(&u);
		r->visibility = (int)unpack_u8(&u);
		if (r->category >= TAXONOMY_COUNT || r->visibility > VIS_CONFIDENTIAL)
			return -1;
	}
	td->role = unpack_str(&u);
	if (version == SIGNALS_VERSION) {
		int c, o, d;

		snprintf(client, sizeof(client), "%lld", td->client_id);
		c = same(unpack_str(&u), client);
		o = same(unpack_str(&u), td->offer_date);
		d = same(unpack_str(&u), td->decline_date);
		moved = !(c && o && d);
	}
	if (u.bad || u.left != 0 || td->role == NULL)
		return -1;
	if (td->role[0] == '\0')
		free_text(&td->role);
	return moved ? -2 : 0;
}

static void
pack_people(struct pack *p, const struct turndown *td)
{
	pack_u8(p, PACK_VERSION);
	pack_u8(p, (unsigned)td->nmet);
	for (size_t i = 0; i < td->nmet; i++) {
		pack_u8(p, (unsigned)td->met[i].role);
		pack_u8(p, (unsigned)td->met[i].impression);
		pack_str(p, td->met[i].name);
	}
}

static int
unpack_people(const uint8_t *data, size_t len, struct turndown *td)
{
	struct unpack u = { data, len, 0 };
	size_t n;

	if (unpack_u8(&u) != PACK_VERSION)
		return -1;
	n = unpack_u8(&u);
	if (n > TEXT_MET_MAX || (n > 0 && (td->met = calloc(n, sizeof(*td->met))) == NULL))
		return -1;
	for (td->nmet = 0; td->nmet < n; td->nmet++) {
		struct person *p = &td->met[td->nmet];

		p->role = (int)unpack_u8(&u);
		p->impression = (int)unpack_u8(&u);
		p->name = unpack_str(&u);
		if (u.bad || p->role >= PERSON_ROLE_COUNT || p->impression > IMP_NEGATIVE) {
			td->nmet++;
			return -1;
		}
	}
	return u.left == 0 ? 0 : -1;
}

/* ---- blind indexes -------------------------------------------------------- */

static int
name_blind(struct vault *v, const char *domain, const char *name, uint8_t out[TC_BLIND_LEN],
    struct terr *err)
{
	char *key = text_name_key(name);

	if (key == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	blind_index(v->keys, domain, key, out);
	free_text(&key);
	return 0;
}

static long long
find_by_blind(struct vault *v, const char *table, const uint8_t blind[TC_BLIND_LEN],
    struct terr *err)
{
	char sql[96];
	sqlite3_stmt *st;
	long long id = 0;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE blind = ?", table);
	if ((st = vault_prepare(v, sql, err)) == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, blind, TC_BLIND_LEN, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return vault_sqlerr(v, rc, table, err);
	return id;
}

long long
candidate_find(struct vault *v, const char *name, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];

	if (name_blind(v, "candidate", name, blind, err) != 0)
		return -1;
	return find_by_blind(v, "candidates", blind, err);
}

long long
client_find(struct vault *v, const char *name, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];

	if (name_blind(v, "client", name, blind, err) != 0)
		return -1;
	return find_by_blind(v, "clients", blind, err);
}

/* ---- writing -------------------------------------------------------------- */

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
	sqlite3_stmt *find_cand, *add_cand, *find_client, *add_client, *add_td, *add_fu;
	long long next_cand, next_client, next_td;
	struct cand_slot cands[CAND_CACHE];
	struct client_slot clients[CLIENT_CACHE];
};

static long long
next_id(struct vault *v, const char *table, struct terr *err)
{
	char sql[96];
	sqlite3_stmt *st;
	long long id = -1;

	snprintf(sql, sizeof(sql), "SELECT coalesce(max(id), 0) + 1 FROM %s", table);
	if ((st = vault_prepare(v, sql, err)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else
		vault_sqlerr(v, sqlite3_errcode(v->db), table, err);
	sqlite3_finalize(st);
	return id;
}

struct td_writer *
td_writer_new(struct vault *v, struct terr *err)
{
	struct td_writer *w = calloc(1, sizeof(*w));

	if (w == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	w->v = v;
	for (int i = 0; i < CAND_CACHE; i++)
		if ((w->cands[i].key = candkey_alloc(err)) == NULL)
			goto fail;
	if ((w->find_cand = vault_prepare(v, "SELECT id, wrapped_key FROM candidates "
	    "WHERE blind = ?", err)) == NULL ||
	    (w->add_cand = vault_prepare(v, "INSERT INTO candidates(id, blind, wrapped_key, name) "
	    "VALUES (?, ?, ?, ?)", err)) == NULL ||
	    (w->find_client = vault_prepare(v, "SELECT id FROM clients WHERE blind = ?",
	    err)) == NULL ||
	    (w->add_client = vault_prepare(v, "INSERT INTO clients(id, blind, name) "
	    "VALUES (?, ?, ?)", err)) == NULL ||
	    (w->add_td = vault_prepare(v, "INSERT INTO turndowns(id, candidate_id, client_id, "
	    "offer_date, decline_date, created, signals, people, shareable, confidential) "
	    "VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
	    err)) == NULL ||
	    (w->add_fu = vault_prepare(v, "INSERT INTO followups(turndown_id, kind, due) "
	    "VALUES (?, ?, ?)", err)) == NULL)
		goto fail;
	if ((w->next_cand = next_id(v, "candidates", err)) < 0 ||
	    (w->next_client = next_id(v, "clients", err)) < 0 ||
	    (w->next_td = next_id(v, "turndowns", err)) < 0)
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
	sqlite3_finalize(w->find_cand);
	sqlite3_finalize(w->add_cand);
	sqlite3_finalize(w->find_client);
	sqlite3_finalize(w->add_client);
	sqlite3_finalize(w->add_td);
	sqlite3_finalize(w->add_fu);
	for (int i = 0; i < CAND_CACHE; i++)
		candkey_free(w->cands[i].key);
	free(w);
}

static int
step_done(struct vault *v, sqlite3_stmt *st, const char *what, struct terr *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return vault_sqlerr(v, rc, what, err);
	return 0;
}

/* Finds or creates the candidate named in TD; returns their cached key slot. */
static struct cand_slot *
writer_candidate(struct td_writer *w, struct turndown *td, int *created, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN], wrapped[TC_WRAPPED_KEY_LEN];
	struct cand_slot *slot;
	struct tc_ad ad = { "candidates", "name", 0, 0 };
	struct tbuf name = { NULL, 0 };
	int rc;

	*created = 0;
	if (name_blind(w->v, "candidate", td->candidate, blind, err) != 0)
		return NULL;
	slot = &w->cands[blind[0] % CAND_CACHE];
	if (slot->id != 0 && memcmp(slot->blind, blind, TC_BLIND_LEN) == 0)
		return slot;
	slot->id = 0;
	memcpy(slot->blind, blind, TC_BLIND_LEN);
	sqlite3_bind_blob(w->find_cand, 1, blind, TC_BLIND_LEN, SQLITE_STATIC);
	rc = sqlite3_step(w->find_cand);
	if (rc == SQLITE_ROW) {
		long long id = sqlite3_column_int64(w->find_cand, 0);

		rc = candkey_unwrap(w->v->keys, slot->key, id, sqlite3_column_blob(w->find_cand, 1),
		    (size_t)sqlite3_column_bytes(w->find_cand, 1), err);
		sqlite3_reset(w->find_cand);
		if (rc != 0)
			return NULL;
		slot->id = id;
		return slot;
	}
	sqlite3_reset(w->find_cand);
	if (rc != SQLITE_DONE) {
		vault_sqlerr(w->v, rc, "candidates", err);
		return NULL;
	}
	/* A new candidate: a key of their own, wrapped under the vault's. */
	ad.row = ad.candidate = w->next_cand;
	candkey_generate(slot->key, w->next_cand);
	candkey_wrap(w->v->keys, slot->key, wrapped);
	if (part_seal(slot->key, TC_PART_IDENTITY, &ad, td->candidate, strlen(td->candidate),
	    &name, err) != 0)
		return NULL;
	sqlite3_bind_int64(w->add_cand, 1, w->next_cand);
	sqlite3_bind_blob(w->add_cand, 2, blind, TC_BLIND_LEN, SQLITE_STATIC);
	sqlite3_bind_blob(w->add_cand, 3, wrapped, TC_WRAPPED_KEY_LEN, SQLITE_STATIC);
	sqlite3_bind_blob(w->add_cand, 4, name.data, (int)name.len, SQLITE_STATIC);
	rc = step_done(w->v, w->add_cand, "candidates", err);
	tbuf_free(&name);
	if (rc != 0)
		return NULL;
	slot->id = w->next_cand++;
	*created = 1;
	return slot;
}

static long long
writer_client(struct td_writer *w, const char *client, int *created, struct terr *err)
{
	uint8_t blind[TC_BLIND_LEN];
	struct client_slot *slot;
	struct tc_ad ad = { "clients", "name", 0, 0 };
	struct tbuf name = { NULL, 0 };
	long long id = 0;
	int rc;

	*created = 0;
	if (name_blind(w->v, "client", client, blind, err) != 0)
		return -1;
	slot = &w->clients[(blind[0] | (unsigned)blind[1] << 8) % CLIENT_CACHE];
	if (slot->id != 0 && memcmp(slot->blind, blind, TC_BLIND_LEN) == 0)
		return slot->id;
	sqlite3_bind_blob(w->find_client, 1, blind, TC_BLIND_LEN, SQLITE_STATIC);
	rc = sqlite3_step(w->find_client);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(w->find_client, 0);
	sqlite3_reset(w->find_client);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return vault_sqlerr(w->v, rc, "clients", err);
	if (id == 0) {
		ad.row = id = w->next_client;
		if (vault_seal(w->v->keys, &ad, client, strlen(client), &name, err) != 0)
			return -1;
		sqlite3_bind_int64(w->add_client, 1, id);
		sqlite3_bind_blob(w->add_client, 2, blind, TC_BLIND_LEN, SQLITE_STATIC);
		sqlite3_bind_blob(w->add_client, 3, name.data, (int)name.len, SQLITE_STATIC);
		rc = step_done(w->v, w->add_client, "clients", err);
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

/* Defined in confidential.c: seals the confidential note (the only writer). */
int confidential_seal_note(struct candkey *ck, long long row, const char *note,
    struct tbuf *out, struct terr *err);

int
td_writer_put(struct td_writer *w, struct turndown *td, int *new_candidate, int *new_client,
    struct terr *err)
{
	struct cand_slot *cand;
	struct pack sig = { 0 }, ppl = { 0 };
	struct tbuf b_sig = { 0 }, b_ppl = { 0 }, b_share = { 0 }, b_conf = { 0 };
	struct tc_ad ad = { "turndowns", NULL, 0, 0 };
	const char *share = td->shareable ? td->shareable : "";
	int rc = -1;

	if ((cand = writer_candidate(w, td, new_candidate, err)) == NULL)
		return -1;
	if ((td->client_id = writer_client(w, td->client, new_client, err)) < 0)
		return -1;
	td->candidate_id = cand->id;
	td->id = w->next_td;
	ad.row = td->id;
	ad.candidate = cand->id;
	pack_signals(&sig, td);
	pack_people(&ppl, td);
	if (sig.failed || ppl.failed) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	ad.column = "signals";
	if (part_seal(cand->key, TC_PART_SIGNALS, &ad, sig.buf, sig.len, &b_sig, err) != 0)
		goto out;
	ad.column = "people";
	if (part_seal(cand->key, TC_PART_PEOPLE, &ad, ppl.buf, ppl.len, &b_ppl, err) != 0)
		goto out;
	ad.column = "shareable";
	if (part_seal(cand->key, TC_PART_SHAREABLE, &ad, share, strlen(share), &b_share, err) != 0)
		goto out;
	if (confidential_seal_note(cand->key, td->id, td->confidential, &b_conf, err) != 0)
		goto out;
	sqlite3_bind_int64(w->add_td, 1, td->id);
	sqlite3_bind_int64(w->add_td, 2, td->candidate_id);
	sqlite3_bind_int64(w->add_td, 3, td->client_id);
	if (td->offer_date[0] != '\0')
		sqlite3_bind_text(w->add_td, 4, td->offer_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->add_td, 5, td->decline_date, -1, SQLITE_STATIC);
	sqlite3_bind_blob(w->add_td, 6, b_sig.data, (int)b_sig.len, SQLITE_STATIC);
	sqlite3_bind_blob(w->add_td, 7, b_ppl.data, (int)b_ppl.len, SQLITE_STATIC);
	sqlite3_bind_blob(w->add_td, 8, b_share.data, (int)b_share.len, SQLITE_STATIC);
	sqlite3_bind_blob(w->add_td, 9, b_conf.data, (int)b_conf.len, SQLITE_STATIC);
	if (step_done(w->v, w->add_td, "turndowns", err) != 0)
		goto out;
	/* Every turndown gets its stay-in-touch plan. */
	for (int k = 0; k < FU_KINDS; k++) {
		char due[DATE_LEN];

		followup_due(td->decline_date, k, due);
		sqlite3_bind_int64(w->add_fu, 1, td->id);
		sqlite3_bind_int(w->add_fu, 2, k);
		sqlite3_bind_text(w->add_fu, 3, due, -1, SQLITE_TRANSIENT);
		if (step_done(w->v, w->add_fu, "followups", err) != 0)
			goto out;
	}
	w->next_td++;
	rc = 0;
out:
	pack_free(&sig);
	pack_free(&ppl);
	tbuf_free(&b_sig);
	tbuf_free(&b_ppl);
	tbuf_free(&b_share);
	tbuf_free(&b_conf);
	return rc;
}

/* ---- reading -------------------------------------------------------------- */

struct client_name {
	long long id;
	char *name;
};

struct td_iter {
	struct vault *v;
	sqlite3_stmt *st;
	unsigned parts;
	struct candkey *key;            /* the last candidate's, reused while rows share it */
	int key_bad;                    /* that candidate's key failed to unwrap */
	struct client_name clients[CLIENT_CACHE];
};

enum { COL_ID, COL_CAND, COL_CLIENT, COL_OFFER, COL_DECLINE, COL_SIGNALS, COL_PEOPLE,
	COL_SHARE, COL_WRAPPED, COL_CNAME, COL_CLNAME };

struct td_iter *
td_iter_new(struct vault *v, const struct td_filter *f, unsigned parts, struct terr *err)
{
	struct td_iter *it = calloc(1, sizeof(*it));
	char sql[1024];
	int n, i = 1;

	if (it == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	it->v = v;
	it->parts = parts;
	if ((it->key = candkey_alloc(err)) == NULL)
		goto fail;
	n = snprintf(sql, sizeof(sql),
	    "SELECT t.id, t.candidate_id, t.client_id, t.offer_date, t.decline_date, %s, %s, %s, "
	    "c.wrapped_key, %s, %s FROM turndowns t JOIN candidates c ON c.id = t.candidate_id%s "
	    "WHERE 1",
	    parts & TD_SIGNALS ? "t.signals" : "NULL",
	    parts & TD_PEOPLE ? "t.people" : "NULL",
	    parts & TD_SHAREABLE ? "t.shareable" : "NULL",
	    parts & TD_IDENTITY ? "c.name" : "NULL",
	    parts & TD_CLIENT ? "cl.name" : "NULL",
	    parts & TD_CLIENT ? " JOIN clients cl ON cl.id = t.client_id" : "");
	if (f->id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.id = ?%d", i++);
	if (f->client_id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.client_id = ?%d", i++);
	if (f->candidate_id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.candidate_id = ?%d", i++);
	if (f->since)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.decline_date >= ?%d", i++);
	if (f->until)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.decline_date <= ?%d", i++);
	snprintf(sql + n, sizeof(sql) - (size_t)n, f->by_candidate ?
	    " ORDER BY t.candidate_id, t.id" : " ORDER BY t.decline_date, t.id");
	if ((it->st = vault_prepare(v, sql, err)) == NULL)
		goto fail;
	i = 1;
	if (f->id)
		sqlite3_bind_int64(it->st, i++, f->id);
	if (f->client_id)
		sqlite3_bind_int64(it->st, i++, f->client_id);
	if (f->candidate_id)
		sqlite3_bind_int64(it->st, i++, f->candidate_id);
	if (f->since)
		sqlite3_bind_text(it->st, i++, f->since, -1, SQLITE_TRANSIENT);
	if (f->until)
		sqlite3_bind_text(it->st, i++, f->until, -1, SQLITE_TRANSIENT);
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
	sqlite3_finalize(it->st);
	candkey_free(it->key);
	for (int i = 0; i < CLIENT_CACHE; i++)
		free_text(&it->clients[i].name);
	free(it);
}

/* Opens column COL of the current row as part PART into a NUL-terminated buffer. */
static int
row_open(struct td_iter *it, int col, enum tc_part part, const char *table, const char *column,
    long long row, struct tbuf *out, struct terr *err)
{
	struct tc_ad ad = { table, column, row, candkey_candidate(it->key) };

	return part_open(it->key, part, &ad, sqlite3_column_blob(it->st, col),
	    (size_t)sqlite3_column_bytes(it->st, col), out, err);
}

static int
row_client(struct td_iter *it, struct turndown *td, struct terr *err)
{
	struct client_name *c = &it->clients[td->client_id % CLIENT_CACHE];
	struct tc_ad ad = { "clients", "name", td->client_id, 0 };
	struct tbuf b = { 0 };

	if (c->id != td->client_id || c->name == NULL) {
		free_text(&c->name);
		c->id = 0;
		if (vault_open_sealed(it->v->keys, &ad, sqlite3_column_blob(it->st, COL_CLNAME),
		    (size_t)sqlite3_column_bytes(it->st, COL_CLNAME), &b, err) != 0)
			return -1;
		c->name = (char *)b.data;
		c->id = td->client_id;
	}
	if ((td->client = strdup(c->name)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	return 0;
}

/* Copies a stored date; cheaper than snprintf on a million rows. */
static void
copy_date(char out[DATE_LEN], const char *date)
{
	size_t n = strnlen(date, DATE_LEN - 1);

	memcpy(out, date, n);
	out[n] = '\0';
}

static int
row_read(struct td_iter *it, struct turndown *td, struct terr *err)
{
	struct terr e = { 0 };
	struct tbuf b = { 0 };
	const char *date;
	const void *wrapped;

	td->id = sqlite3_column_int64(it->st, COL_ID);
	td->candidate_id = sqlite3_column_int64(it->st, COL_CAND);
	td->client_id = sqlite3_column_int64(it->st, COL_CLIENT);
	if ((date = (const char *)sqlite3_column_text(it->st, COL_OFFER)) != NULL)
		copy_date(td->offer_date, date);
	if ((date = (const char *)sqlite3_column_text(it->st, COL_DECLINE)) != NULL)
		copy_date(td->decline_date, date);
	if (candkey_candidate(it->key) != td->candidate_id) {
		wrapped = sqlite3_column_blob(it->st, COL_WRAPPED);
		if (candkey_unwrap(it->v->keys, it->key, td->candidate_id, wrapped,
		    (size_t)sqlite3_column_bytes(it->st, COL_WRAPPED), &e) != 0)
			return terr_set(err, EX_DATAERR, "turndown %lld: %s", td->id, e.msg);
	}
	if (it->parts & TD_IDENTITY) {
		if (row_open(it, COL_CNAME, TC_PART_IDENTITY, "candidates", "name",
		    td->candidate_id, &b, &e) != 0)
			return terr_set(err, EX_DATAERR, "turndown %lld: candidate %lld's name failed "
			    "authentication (tampered or moved)", td->id, td->candidate_id);
		td->candidate = (char *)b.data;
	}
	if ((it->parts & TD_CLIENT) && row_client(it, td, &e) != 0)
		return terr_set(err, EX_DATAERR, "turndown %lld: client %lld's name failed "
		    "authentication (tampered or moved)", td->id, td->client_id);
	if (it->parts & TD_SIGNALS) {
		int rc = row_open(it, COL_SIGNALS, TC_PART_SIGNALS, "turndowns", "signals", td->id,
		    &b, &e);

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
	if (it->parts & TD_PEOPLE) {
		if (row_open(it, COL_PEOPLE, TC_PART_PEOPLE, "turndowns", "people", td->id, &b,
		    &e) != 0 || unpack_people(b.data, b.len, td) != 0) {
			tbuf_free(&b);
			return terr_set(err, EX_DATAERR, "turndown %lld: people met failed "
			    "authentication (tampered or moved)", td->id);
		}
		tbuf_free(&b);
	}
	if (it->parts & TD_SHAREABLE) {
		if (row_open(it, COL_SHARE, TC_PART_SHAREABLE, "turndowns", "shareable", td->id, &b,
		    &e) != 0)
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
	rc = sqlite3_step(it->st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		vault_sqlerr(it->v, rc, "turndowns", err);
		return -2;
	}
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

/* ---- forgetting ------------------------------------------------------------ */

long long
candidate_resolve(struct vault *v, const char *spec, char **name, int *turndowns,
    struct terr *err)
{
	struct candkey *ck = NULL;
	struct tbuf b = { 0 };
	struct tc_ad ad = { "candidates", "name", 0, 0 };
	sqlite3_stmt *st;
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
	st = vault_prepare(v, "SELECT wrapped_key, name, (SELECT count(*) FROM turndowns "
	    "WHERE candidate_id = c.id) FROM candidates c WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return terr_set(err, EX_NOINPUT, "no candidate %lld", id);
		return vault_sqlerr(v, rc, "candidates", err);
	}
	*turndowns = sqlite3_column_int(st, 2);
	ad.row = ad.candidate = id;
	/* The name is only for the confirmation; a damaged one must not block erasure. */
	if ((ck = candkey_alloc(err)) != NULL &&
	    candkey_unwrap(v->keys, ck, id, sqlite3_column_blob(st, 0),
	    (size_t)sqlite3_column_bytes(st, 0), NULL) == 0 &&
	    part_open(ck, TC_PART_IDENTITY, &ad, sqlite3_column_blob(st, 1),
	    (size_t)sqlite3_column_bytes(st, 1), &b, NULL) == 0)
		*name = (char *)b.data;
	candkey_free(ck);
	sqlite3_finalize(st);
	return id;
}

int
candidate_forget(struct vault *v, long long candidate, int *pending, struct terr *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*pending = 0;
	if (vault_begin(v, err) != 0)
		return -1;
	if ((st = vault_prepare(v, "DELETE FROM turndowns WHERE candidate_id = ?", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, candidate);
	if (step_done(v, st, "turndowns", err) != 0)
		goto fail;
	sqlite3_finalize(st);
	if ((st = vault_prepare(v, "DELETE FROM candidates WHERE id = ?", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, candidate);
	if (step_done(v, st, "candidates", err) != 0)
		goto fail;
	rc = sqlite3_changes(v->db);
	sqlite3_finalize(st);
	st = NULL;
	if (rc != 1) {
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
	sqlite3_finalize(st);
	vault_rollback(v);
	return -1;
}
