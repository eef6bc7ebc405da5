/*
 * team.c - a firm's shared vault: its members, their invitations, the
 * rotation of the firm key when one leaves, and handing a candidate over.
 *
 * Every function runs as one transaction.  Keys stay in crypto/: this file
 * holds handles and moves sealed bytes between crypto/ and core/store/.
 *
 * Removing a member rotates the firm key: a new one is sealed to every
 * remaining member; every candidate's shared half is replaced and the parts
 * under it (name, signals, shareable, the feedback's signals and shareable)
 * sealed again; clients' names and the report ledger are sealed again; and
 * every blind index is recomputed.  The private halves do not change: they
 * were never under the firm key.  Pending invitations wrap the old firm key
 * and are cancelled.  A copy of the old firm key (a removed member's session
 * file, say) then opens nothing written since, nor the rows rewritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/check.h"
#include "core/base/wipe.h"
#include "core/records/identity.h"
#include "core/records/team.h"

int
team_refuse_foreign(struct vault *v, long long id, struct terr *err)
{
	char role[TEAM_ROLE_MAX], name[TEAM_ROLE_MAX];
	struct terr ignore = { 0 };

	if (store_candidate_owner(v, id, role, name, &ignore) != 1)
		return terr_set(err, EX_NOPERM, "candidate %lld belongs to another member; ask "
		    "them or `tact team transfer`", id);
	return terr_set(err, EX_NOPERM, "candidate %lld belongs to %s; ask them or `tact team "
	    "transfer`", id, name);
}

int
team_check_owner(struct vault *v, long long candidate, struct terr *err)
{
	char role[TEAM_ROLE_MAX], name[TEAM_ROLE_MAX];
	int rc = store_candidate_owner(v, candidate, role, name, err);

	if (rc <= 0)
		return rc;
	return strcmp(role, store_team_role(v)) == 0 ? 0 : team_refuse_foreign(v, candidate, err);
}

/* Fills M with V's own member row; EX_NOPERM when V's role is none. */
static int
own_row(struct vault *v, struct member_row *m, struct terr *err)
{
	int rc = store_member_by_role(v, NULL, m, err);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return terr_set(err, EX_NOPERM, "database role '%s' is not a member of this firm "
		    "vault", store_team_role(v));
	return 0;
}

static int
need_admin(struct vault *v, struct member_row *me, const char *what, struct terr *err)
{
	if (own_row(v, me, err) != 0)
		return -1;
	if (!me->admin)
		return terr_set(err, EX_NOPERM, "only an admin of the firm may %s ('%s' is not one)",
		    what, me->name);
	return 0;
}

/* Fills M's keys for member KR: public key, slot under PASS, the firm key
 * sealed to it. */
static int
member_keys(struct vault *v, const struct keyring *kr, const struct secret *pass,
    enum tc_kdf kdf, struct member_row *m, struct terr *err)
{
	struct tc_err ce = { 0 };

	keyring_member_public(kr, m->public_key);
	if (member_slot_seal(kr, pass, kdf, v->id, m->name, &m->slot, &ce) != 0)
		return terr_crypto(err, &ce);
	firm_key_seal(kr, m->public_key, m->sealed);
	m->has_keys = 1;
	return 0;
}

struct vault *
team_init(const char *url, const char *name, const struct unlock_src *src, enum tc_kdf kdf,
    char **member_url, struct terr *err)
{
	struct unlock_src ask = { NULL, src->passfile };
	struct keyring *firm = NULL, *me = NULL;
	struct tc_err ce = { 0 };
	struct secret *pass = NULL;
	struct vault *v = NULL;
	struct member_row m;
	char pw[TC_DBPASS_LEN + 1], host[256], port[256], db[256];

	*member_url = NULL;
	memset(&m, 0, sizeof(m));
	if (!team_name_ok(name)) {
		terr_set(err, EX_USAGE, "'%.60s' is not a member name: use 1 to %d of a-z, 0-9 "
		    "and _", name, TEAM_NAME_MAX);
		return NULL;
	}
	if (store_team_target(url, host, port, db, sizeof(host), err) != 0)
		return NULL;
	if ((pass = vault_ask_passphrase(&ask, "New member passphrase: ", 1, err)) == NULL)
		return NULL;
	if ((v = vault_create(url, err)) == NULL)
		goto fail;
	snprintf(m.name, sizeof(m.name), "%s", name);
	if (store_team_create(v, err) != 0 || store_team_role_of(v, name, m.role, err) != 0)
		goto fail;
	if ((firm = keyring_new_random(&ce)) == NULL || (me = keyring_join(firm, &ce)) == NULL) {
		terr_crypto(err, &ce);
		goto fail;
	}
	tc_db_password(pw);
	m.admin = 1;
	m.state = MEMBER_ACTIVE;
	m.generation = 1;
	date_now_utc(m.invited);
	memcpy(m.joined, m.invited, sizeof(m.joined));
	if (store_role_create(v, m.role, pw, 1, err) != 0 ||
	    member_keys(v, me, pass, kdf, &m, err) != 0 || store_member_add(v, &m, err) != 0 ||
	    (*member_url = store_team_member_url(url, m.role, err)) == NULL ||
	    store_passfile_put(v, m.role, pw, err) != 0 || vault_commit(v, err) != 0)
		goto fail;
	v->keys = me;
	keyring_free(firm);
	secret_free(pass);
	wipe(pw, sizeof(pw));
	return v;
fail:
	wipe(pw, sizeof(pw));
	free(*member_url);
	*member_url = NULL;
	keyring_free(firm);
	keyring_free(me);
	secret_free(pass);
	if (v != NULL)
		vault_discard(v);
	return NULL;
}

int
team_invite(struct vault *v, const char *name, char *code, struct terr *err)
{
	char secret[TC_INVITE_LEN + 1], pw[TC_DBPASS_LEN + 1];
	struct tc_err ce = { 0 };
	struct member_row me, m;
	int rc = -1;

	memset(&m, 0, sizeof(m));
	if (vault_begin(v, err) != 0)
		return -1;
	if (need_admin(v, &me, "invite", err) != 0 || store_team_role_of(v, name, m.role, err) != 0)
		goto out;
	snprintf(m.name, sizeof(m.name), "%s", name);
	if (invite_new(v->keys, v->id, name, secret, m.invite, pw, &ce) != 0) {
		terr_crypto(err, &ce);
		goto out;
	}
	m.has_invite = 1;
	m.state = MEMBER_INVITED;
	date_now_utc(m.invited);
	if (store_member_add(v, &m, err) != 0 || store_role_create(v, m.role, pw, 0, err) != 0 ||
	    vault_commit(v, err) != 0)
		goto out;
	snprintf(code, TEAM_CODE_MAX, "%s-%s", name, secret);
	rc = 0;
out:
	if (rc != 0)
		vault_rollback(v);
	wipe(secret, sizeof(secret));
	wipe(pw, sizeof(pw));
	wipe(&m, sizeof(m));
	return rc;
}

struct vault *
team_join(const char *url, const char *code, const struct unlock_src *src, enum tc_kdf kdf,
    char **member_url, struct terr *err)
{
	struct unlock_src ask = { NULL, src->passfile };
	char name[TEAM_NAME_MAX + 1], role[TEAM_ROLE_MAX], pw[TC_DBPASS_LEN + 1];
	struct keyring *firm = NULL, *me = NULL;
	const char *dash = strchr(code, '-');
	struct tc_err ce = { 0 };
	struct secret *pass = NULL;
	struct vault *v = NULL;
	struct member_row m;
	long long gen;

	*member_url = NULL;
	memset(pw, 0, sizeof(pw));
	if (dash == NULL || dash == code || (size_t)(dash - code) > TEAM_NAME_MAX) {
		terr_set(err, EX_NOPERM, "not an invitation code (NAME-CODE)");
		return NULL;
	}
	memcpy(name, code, (size_t)(dash - code));
	name[dash - code] = '\0';
	if (!team_name_ok(name)) {
		terr_set(err, EX_NOPERM, "not an invitation code (NAME-CODE)");
		return NULL;
	}
	if (store_team_role_at(url, name, role, err) != 0)
		return NULL;
	if (invite_password(dash + 1, pw, &ce) != 0) {
		terr_crypto(err, &ce);
		return NULL;
	}
	if ((v = store_open_as(url, role, pw, err)) == NULL) {
		if (err->code == EX_NOPERM || err->code == EX_UNAVAILABLE || err->code == 0) {
			terr_clear(err);
			terr_set(err, EX_NOPERM, "invitation code for '%s' is wrong or used", name);
		}
		goto fail;
	}
	if (vault_begin(v, err) != 0 || own_row(v, &m, err) != 0)
		goto fail;
	if (m.state != MEMBER_INVITED || !m.has_invite) {
		terr_set(err, EX_NOPERM, "invitation code for '%s' is wrong or used", name);
		goto fail;
	}
	if ((firm = invite_open(dash + 1, v->id, name, m.invite, sizeof(m.invite), &ce)) == NULL ||
	    (me = keyring_join(firm, &ce)) == NULL) {
		terr_crypto(err, &ce);
		goto fail;
	}
	if ((gen = store_team_generation(v, err)) < 0 ||
	    (pass = vault_ask_passphrase(&ask, "New member passphrase: ", 1, err)) == NULL)
		goto fail;
	m.generation = gen;
	date_now_utc(m.joined);
	tc_db_password(pw);
	if (member_keys(v, me, pass, kdf, &m, err) != 0 || store_member_join(v, &m, err) != 0 ||
	    store_role_password(v, pw, err) != 0 ||
	    (*member_url = store_team_member_url(url, role, err)) == NULL ||
	    store_passfile_put(v, role, pw, err) != 0 || vault_commit(v, err) != 0)
		goto fail;
	v->keys = me;
	keyring_free(firm);
	secret_free(pass);
	wipe(pw, sizeof(pw));
	return v;
fail:
	wipe(pw, sizeof(pw));
	free(*member_url);
	*member_url = NULL;
	keyring_free(firm);
	keyring_free(me);
	secret_free(pass);
	if (v != NULL) {
		vault_rollback(v);
		vault_close(v);
	}
	return NULL;
}

int
team_list(struct vault *v, struct member_row **out, struct terr *err)
{
	return store_members(v, out, err);
}

/* ---- rotation ------------------------------------------------------------- */

struct rotation {
	struct vault *v;
	const struct keyring *old, *next;
	struct candkey *ck, *ck2;       /* the candidate's key, before and after */
};

/* Opens part PART of COL under FROM and seals it under TO into OUT. */
static int
reseal_part(struct rotation *r, enum tc_part part, const char *table, const char *col,
    long long row, long long cand, const struct store_blob *in, struct tbuf *out,
    struct terr *err)
{
	struct tc_ad ad = { table, col, row, cand };
	struct tbuf pt = { NULL, 0 };
	struct tc_err ce = { 0 };
	int rc;

	if (part_open(r->ck, part, &ad, in->data, in->len, &pt, &ce) != 0)
		return terr_set(err, ce.code == EX_NOPERM ? EX_NOPERM : EX_DATAERR,
		    "%s %lld: %s failed authentication (tampered or moved); nothing was changed",
		    table, row, col);
	rc = part_seal(r->ck2, part, &ad, pt.data, pt.len, out, &ce);
	tbuf_free(&pt);
	return rc != 0 ? terr_crypto(err, &ce) : 0;
}

static int
rot_turndown(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err)
{
	struct rotation *r = arg;

	(void)blind;
	if (reseal_part(r, TC_PART_SIGNALS, "turndowns", "signals", row->id, row->candidate,
	    &row->v[0], &out[0], err) != 0)
		return -1;
	return reseal_part(r, TC_PART_SHAREABLE, "turndowns", "shareable", row->id,
	    row->candidate, &row->v[1], &out[1], err);
}

static int
rot_feedback(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err)
{
	struct rotation *r = arg;

	(void)blind;
	if (reseal_part(r, TC_PART_FEEDBACK, "feedback", "signals", row->id, row->candidate,
	    &row->v[0], &out[0], err) != 0)
		return -1;
	return reseal_part(r, TC_PART_FEEDBACK_SHARE, "feedback", "shareable", row->id,
	    row->candidate, &row->v[1], &out[1], err);
}

/* Writes the blind index of NAME in DOMAIN under KR into OUT. */
static int
name_blind(const struct keyring *kr, const char *domain, const char *name, uint8_t *out,
    struct terr *err)
{
	char *key = text_name_key(name);

	if (key == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	blind_index(kr, domain, key, out);
	wipe_str_free(key);
	return 0;
}

static int
rot_candidate(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err)
{
	struct rotation *r = arg;
	struct tc_ad ad = { "candidates", "name", row->id, row->id };
	struct tbuf name = { NULL, 0 };
	struct tc_err ce = { 0 };
	char num[32];
	int rc = -1;

	if (candkey_unwrap(r->old, r->ck, row->id, row->v[0].data, row->v[0].len, &ce) != 0)
		return terr_crypto(err, &ce);
	candkey_renew_shared(r->ck2, r->ck);
	if (part_open(r->ck, TC_PART_IDENTITY, &ad, row->v[1].data, row->v[1].len, &name,
	    &ce) != 0)
		return terr_set(err, EX_DATAERR, "candidate %lld: name failed authentication "
		    "(tampered or moved); nothing was changed", row->id);
	if (part_seal(r->ck2, TC_PART_IDENTITY, &ad, name.data, name.len, &out[1], &ce) != 0) {
		terr_crypto(err, &ce);
		goto out;
	}
	if ((out[0].data = malloc(TC_WRAPPED_CAND_MAX)) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	out[0].len = candkey_wrap(r->next, r->ck2, out[0].data);
	snprintf(num, sizeof(num), "%lld", row->id);
	blind_index(r->next, "candidate-row", num, blind[0]);
	if (name_blind(r->next, "candidate", (const char *)name.data, blind[1], err) != 0)
		goto out;
	/* The parts under the shared half, while both halves are at hand. */
	if (store_rotate(r->v, ROT_TURNDOWNS, row->id, rot_turndown, r, err) != 0 ||
	    store_rotate(r->v, ROT_FEEDBACK, row->id, rot_feedback, r, err) != 0)
		goto out;
	rc = 0;
out:
	tbuf_free(&name);
	return rc;
}

/* Opens a vault-level value under the old firm key and seals it under the new. */
static int
reseal_vault(struct rotation *r, const struct tc_ad *ad, const struct store_blob *in,
    struct tbuf *out, struct tbuf *keep, struct terr *err)
{
	struct tbuf pt = { NULL, 0 };
	struct tc_err ce = { 0 };
	int rc;

	if (keyring_open_sealed(r->old, ad, in->data, in->len, &pt, &ce) != 0)
		return terr_set(err, EX_DATAERR, "%s %lld: %s failed authentication (tampered or "
		    "moved); nothing was changed", ad->table, ad->row, ad->column);
	rc = keyring_seal(r->next, ad, pt.data, pt.len, out, &ce);
	if (keep != NULL && rc == 0)
		*keep = pt;
	else
		tbuf_free(&pt);
	return rc != 0 ? terr_crypto(err, &ce) : 0;
}

static int
rot_client(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err)
{
	struct tc_ad ad = { "clients", "name", row->id, 0 };
	struct tbuf name = { NULL, 0 };
	int rc;

	if (reseal_vault(arg, &ad, &row->v[0], &out[0], &name, err) != 0)
		return -1;
	rc = name_blind(((struct rotation *)arg)->next, "client", (const char *)name.data,
	    blind[0], err);
	tbuf_free(&name);
	return rc;
}

static int
rot_release(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err)
{
	struct tc_ad ad = { "releases", "body", row->id, 0 };

	(void)blind;
	return reseal_vault(arg, &ad, &row->v[0], &out[0], NULL, err);
}

static int
rot_chunk(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err)
{
	struct tc_ad ad = { "release_chunks", "body", row->id, row->candidate };

	(void)blind;
	return reseal_vault(arg, &ad, &row->v[0], &out[0], NULL, err);
}

/* Seals NEXT to every active member of LIST but GONE, generation GEN. */
static int
reseal_members(struct vault *v, const struct keyring *next, const struct member_row *list,
    int n, const char *gone, long long gen, struct terr *err)
{
	uint8_t sealed[TC_SEALED_KEY_LEN];

	for (int i = 0; i < n; i++) {
		if (strcmp(list[i].name, gone) == 0 || list[i].state != MEMBER_ACTIVE ||
		    !list[i].has_keys)
			continue;
		firm_key_seal(next, list[i].public_key, sealed);
		if (store_member_seal(v, list[i].name, sealed, gen, err) != 0)
			return -1;
	}
	return 0;
}

/* Rotates V's firm key to NEXT: every row under the old one rewritten. */
static int
rotate(struct vault *v, const struct keyring *next, struct terr *err)
{
	struct rotation r = { v, v->keys, next, NULL, NULL };
	struct tc_err ce = { 0 };
	int rc = -1;

	if ((r.ck = candkey_alloc(&ce)) == NULL || (r.ck2 = candkey_alloc(&ce)) == NULL) {
		terr_crypto(err, &ce);
		goto out;
	}
	if (store_rotate(v, ROT_CANDIDATES, 0, rot_candidate, &r, err) != 0 ||
	    store_rotate(v, ROT_CLIENTS, 0, rot_client, &r, err) != 0 ||
	    store_rotate(v, ROT_RELEASES, 0, rot_release, &r, err) != 0 ||
	    store_rotate(v, ROT_RELEASE_CHUNKS, 0, rot_chunk, &r, err) != 0)
		goto out;
	rc = 0;
out:
	candkey_free(r.ck);
	candkey_free(r.ck2);
	return rc;
}

int
team_remove(struct vault *v, const char *name, int *cancelled, struct terr *err)
{
	struct member_row me, *list = NULL, *gone = NULL;
	struct keyring *next = NULL;
	struct tc_err ce = { 0 };
	long long gen;
	int n = 0, rc = -1;

	*cancelled = 0;
	if (vault_begin(v, err) != 0)
		return -1;
	if (need_admin(v, &me, "remove a member", err) != 0)
		goto out;
	if (strcmp(me.name, name) == 0) {
		terr_set(err, EX_USAGE, "you cannot remove yourself; another admin can");
		goto out;
	}
	if ((n = store_members(v, &list, err)) < 0)
		goto out;
	for (int i = 0; i < n; i++)
		if (strcmp(list[i].name, name) == 0)
			gone = &list[i];
	if (gone == NULL) {
		terr_set(err, EX_NOINPUT, "no member '%.60s' (see tact team list)", name);
		goto out;
	}
	if (gone->owned > 0) {
		terr_set(err, EX_USAGE, "'%s' owns %lld candidate%s: hand %s over first (`tact team "
		    "transfer CANDIDATE MEMBER`, run by %s)", name, gone->owned,
		    gone->owned == 1 ? "" : "s", gone->owned == 1 ? "it" : "them", name);
		goto out;
	}
	if (store_role_drop(v, gone->role, err) != 0 || store_member_delete(v, name, err) != 0)
		goto out;
	/* Pending invitations wrap the old firm key: cancelled, roles and all. */
	for (int i = 0; i < n; i++) {
		if (&list[i] == gone || list[i].state != MEMBER_INVITED)
			continue;
		if (store_role_drop(v, list[i].role, err) != 0 ||
		    store_member_delete(v, list[i].name, err) != 0)
			goto out;
		(*cancelled)++;
	}
	if ((gen = store_team_generation(v, err)) < 0)
		goto out;
	if ((next = keyring_rotate(v->keys, &ce)) == NULL) {
		terr_crypto(err, &ce);
		goto out;
	}
	if (reseal_members(v, next, list, n, name, gen + 1, err) != 0 ||
	    rotate(v, next, err) != 0 || store_team_bump(v, gen + 1, err) != 0 ||
	    vault_commit(v, err) != 0)
		goto out;
	keyring_free(v->keys);
	v->keys = next;
	next = NULL;
	rc = 0;
out:
	if (rc != 0)
		vault_rollback(v);
	keyring_free(next);
	free(list);
	return rc;
}

int
team_transfer(struct vault *v, const char *candidate, const char *name, long long *id,
    struct terr *err)
{
	uint8_t wrapped[TC_WRAPPED_CAND_MAX];
	struct tbuf have = { NULL, 0 }, sealed_name = { NULL, 0 };
	struct candkey *ck = NULL;
	struct member_row me, to;
	struct tc_err ce = { 0 };
	size_t len;
	int rc = -1, turndowns, found;

	if (vault_begin(v, err) != 0)
		return -1;
	if (own_row(v, &me, err) != 0)
		goto out;
	if ((*id = candidate_find(v, candidate, err)) <= 0) {
		if (*id == 0)
			terr_set(err, EX_NOINPUT, "no candidate '%.80s'", candidate);
		goto out;
	}
	if ((found = store_member_by_name(v, name, &to, err)) <= 0) {
		if (found == 0)
			terr_set(err, EX_NOINPUT, "no member '%.60s' (see tact team list)", name);
		goto out;
	}
	if (to.state != MEMBER_ACTIVE || !to.has_keys) {
		terr_set(err, EX_USAGE, "'%s' has not joined yet", name);
		goto out;
	}
	if (strcmp(to.name, me.name) == 0) {
		terr_set(err, EX_USAGE, "candidate %lld is yours already", *id);
		goto out;
	}
	if ((found = store_candidate_get(v, *id, &have, &sealed_name, &turndowns, err)) <= 0) {
		if (found == 0)
			terr_set(err, EX_NOINPUT, "no candidate %lld", *id);
		goto out;
	}
	if ((ck = candkey_alloc(&ce)) == NULL ||
	    candkey_unwrap(v->keys, ck, *id, have.data, have.len, &ce) != 0) {
		terr_crypto(err, &ce);
		goto out;
	}
	if (!candkey_is_split(ck) || !candkey_has_private(ck)) {
		team_refuse_foreign(v, *id, err);
		goto out;
	}
	if (candkey_wrap_to(v->keys, ck, to.public_key, wrapped, &len, &ce) != 0) {
		terr_crypto(err, &ce);
		goto out;
	}
	if (store_candidate_give(v, *id, to.role, wrapped, len, err) != 0 ||
	    vault_commit(v, err) != 0)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		vault_rollback(v);
	candkey_free(ck);
	tbuf_free(&have);
	tbuf_free(&sealed_name);
	return rc;
}
