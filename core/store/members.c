/*
 * members.c - a firm vault's tables, roles and row-level security, and the
 * rows a rotation of the firm key rewrites (declared in team.h).
 *
 * `tact team init` runs store_team_create() as the operator (a role that
 * owns the database and may create roles), inside the transaction that
 * vault_create() opened, so a failure leaves no half-made firm behind.  It
 * makes two group roles, "tact_DB-members" and "tact_DB-admins" (a hyphen,
 * which no member name has, so no member's role can be one of them), and
 * SECURITY DEFINER functions owned by the operator that alone create and
 * drop member roles: admins may EXECUTE them, and they refuse any role name
 * but tact_DB_NAME.  Passwords reach the server only as SCRAM verifiers,
 * bound as parameters.
 *
 * Row-level security: every member reads every row (ciphertext); a member
 * writes candidates it owns and the turndowns, feedback and follow-ups of
 * those; admins may also rewrite what a rotation rewrites (wrapped keys'
 * shared halves, sealed names, shared parts, releases), and a trigger keeps
 * a non-owner from changing a candidate's owner, its private half or any
 * private part.  RLS is ENABLEd but not FORCEd: the operator owns the tables
 * and runs migrations; it holds no key, so what it can read is ciphertext.
 */
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/wipe.h"
#include "core/store/engine.h"
#include "core/store/team.h"

#define SQL_MAX 16384

int
team_name_ok(const char *name)
{
	size_t n = strlen(name);

	return n >= 1 && n <= TEAM_NAME_MAX &&
	    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static int
is_pg(const struct vault *v)
{
	return v->eng->kind == ENGINE_POSTGRES;
}

static int
need_pg(const struct vault *v, struct terr *err)
{
	if (!is_pg(v))
		return terr_set(err, EX_USAGE, "'%s' is not a firm vault: `tact team` works on a "
		    "PostgreSQL vault made by `tact team init`", v->path);
	return 0;
}

const char *
store_team_role(const struct vault *v)
{
	return is_pg(v) ? v->eng->member : "";
}

/* Fills DB (TEAM_ROLE_MAX) with the current database's name, checked. */
static int
database_name(struct vault *v, char *db, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT current_database()", err);
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = engine_row(v, st, "database", err)) == 1)
		snprintf(db, TEAM_ROLE_MAX, "%s", est_text(st, 0) ? est_text(st, 0) : "");
	est_finalize(st);
	if (rc != 1)
		return -1;
	return 0;
}

/* Fills ROLE with member NAME's role in database DB, both checked. */
static int
role_in(const char *db, const char *name, char *role, struct terr *err)
{
	if (!team_name_ok(name))
		return terr_set(err, EX_USAGE, "'%.60s' is not a member name: use 1 to %d of a-z, "
		    "0-9 and _", name, TEAM_NAME_MAX);
	if (!team_name_ok(db) || strlen(db) > 20)
		return terr_set(err, EX_USAGE, "database '%.64s': a firm vault's database is named "
		    "with 1 to 20 of a-z, 0-9 and _", db);
	snprintf(role, TEAM_ROLE_MAX, "tact_%.20s_%.32s", db, name);
	return 0;
}

int
store_team_role_of(struct vault *v, const char *name, char *role, struct terr *err)
{
	char db[TEAM_ROLE_MAX];

	if (need_pg(v, err) != 0 || database_name(v, db, err) != 0)
		return -1;
	return role_in(db, name, role, err);
}

int
store_team_role_at(const char *url, const char *name, char *role, struct terr *err)
{
	char host[256], port[256], db[256];

	if (store_team_target(url, host, port, db, sizeof(host), err) != 0)
		return -1;
	return role_in(db, name, role, err);
}

int
store_team_is_firm(struct vault *v, struct terr *err)
{
	struct est *st;
	int rc;

	if (!is_pg(v))
		return 0;
	if ((st = engine_prepare(v, "SELECT to_regclass('members') IS NOT NULL", err)) == NULL)
		return -1;
	if ((rc = engine_row(v, st, "members", err)) == 1)
		rc = est_int(st, 0) != 0;
	est_finalize(st);
	return rc;
}

/* The team schema, %1$s the database's name.  Policies name the groups;
 * tact_owns() and tact_admin() are SECURITY INVOKER helpers. */
static const char team_schema[] =
	"CREATE TABLE members(name TEXT PRIMARY KEY, role TEXT NOT NULL UNIQUE,"
	"  admin INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0,"
	"  public_key BYTEA, slot_alg INTEGER, slot_ops BIGINT, slot_mem BIGINT, slot_salt BYTEA,"
	"  slot_wrapped BYTEA, sealed BYTEA, generation BIGINT NOT NULL DEFAULT 1,"
	"  invite BYTEA, invited TEXT NOT NULL, joined TEXT);"
	"CREATE TABLE firm(id INTEGER PRIMARY KEY CHECK (id = 1), generation BIGINT NOT NULL);"
	"INSERT INTO firm VALUES (1, 1);"
	"CREATE ROLE \"tact_%1$s-members\" NOLOGIN;"
	"CREATE ROLE \"tact_%1$s-admins\" NOLOGIN IN ROLE \"tact_%1$s-members\";"
	"REVOKE ALL ON DATABASE %1$s FROM PUBLIC;"
	"GRANT CONNECT, TEMPORARY ON DATABASE %1$s TO \"tact_%1$s-members\";"
	"CREATE FUNCTION tact_admin() RETURNS boolean LANGUAGE sql STABLE AS"
	"  $$ SELECT pg_has_role(current_user, 'tact_%1$s-admins', 'MEMBER') $$;"
	"CREATE FUNCTION tact_owns(cid BIGINT) RETURNS boolean LANGUAGE sql STABLE AS"
	"  $$ SELECT EXISTS (SELECT 1 FROM candidates WHERE id = cid AND owner = current_user) $$;"
	"CREATE FUNCTION tact_member_create(member TEXT, verifier TEXT, admin BOOLEAN)"
	"  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$"
	"  BEGIN"
	"    IF member !~ '^tact_%1$s_[a-z0-9_]{1,32}$' THEN"
	"      RAISE EXCEPTION 'not a member role: %%', member; END IF;"
	"    IF verifier !~ '^SCRAM-SHA-256[$]' THEN RAISE EXCEPTION 'not a verifier'; END IF;"
	"    EXECUTE format('CREATE ROLE %%I LOGIN PASSWORD %%L IN ROLE %%I', member, verifier,"
	"      'tact_%1$s-members');"
	"    IF admin THEN EXECUTE format('GRANT %%I TO %%I', 'tact_%1$s-admins', member); END IF;"
	"  END $$;"
	"CREATE FUNCTION tact_member_drop(member TEXT) RETURNS void LANGUAGE plpgsql"
	"  SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$"
	"  BEGIN"
	"    IF member !~ '^tact_%1$s_[a-z0-9_]{1,32}$' OR member = session_user"
	"      OR NOT pg_has_role(member, 'tact_%1$s-members', 'MEMBER') THEN"
	"      RAISE EXCEPTION 'not a member role one may drop: %%', member; END IF;"
	"    EXECUTE format('DROP ROLE %%I', member);"
	"  END $$;"
	"CREATE FUNCTION tact_set_password(verifier TEXT) RETURNS void LANGUAGE plpgsql AS $$"
	"  BEGIN"
	"    IF verifier !~ '^SCRAM-SHA-256[$]' THEN RAISE EXCEPTION 'not a verifier'; END IF;"
	"    EXECUTE format('ALTER ROLE %%I PASSWORD %%L', current_user, verifier);"
	"  END $$;"
	"REVOKE ALL ON FUNCTION tact_member_create(TEXT, TEXT, BOOLEAN), tact_member_drop(TEXT),"
	"  tact_set_password(TEXT) FROM PUBLIC;"
	"GRANT EXECUTE ON FUNCTION tact_member_create(TEXT, TEXT, BOOLEAN), tact_member_drop(TEXT)"
	"  TO \"tact_%1$s-admins\";"
	"GRANT EXECUTE ON FUNCTION tact_set_password(TEXT) TO \"tact_%1$s-members\";"
	/* A non-owner (an admin rotating the firm key) may rewrite a candidate's
	 * shared half and sealed name, never its owner or private half. */
	"CREATE FUNCTION tact_guard_candidate() RETURNS trigger LANGUAGE plpgsql AS $$"
	"  BEGIN"
	"    IF OLD.owner <> current_user AND (NEW.owner <> OLD.owner OR"
	"      substring(NEW.wrapped_key from 74) IS DISTINCT FROM"
	"      substring(OLD.wrapped_key from 74)) THEN"
	"      RAISE EXCEPTION 'candidate %% belongs to %%', OLD.id, OLD.owner; END IF;"
	"    RETURN NEW;"
	"  END $$;"
	"CREATE TRIGGER tact_guard_candidate BEFORE UPDATE ON candidates"
	"  FOR EACH ROW EXECUTE FUNCTION tact_guard_candidate();"
	"CREATE FUNCTION tact_guard_private() RETURNS trigger LANGUAGE plpgsql AS $$"
	"  BEGIN"
	"    IF NOT tact_owns(OLD.candidate_id) AND (NEW.candidate_id <> OLD.candidate_id OR"
	"      NEW.confidential IS DISTINCT FROM OLD.confidential OR"
	"      (TG_TABLE_NAME = 'turndowns' AND"
	"       (to_jsonb(NEW)->>'people') IS DISTINCT FROM (to_jsonb(OLD)->>'people'))) THEN"
	"      RAISE EXCEPTION '%% %% belongs to another member', TG_TABLE_NAME, OLD.id; END IF;"
	"    RETURN NEW;"
	"  END $$;"
	"CREATE TRIGGER tact_guard_private BEFORE UPDATE ON turndowns"
	"  FOR EACH ROW EXECUTE FUNCTION tact_guard_private();"
	"CREATE TRIGGER tact_guard_private BEFORE UPDATE ON feedback"
	"  FOR EACH ROW EXECUTE FUNCTION tact_guard_private();"
	"GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"tact_%1$s-members\";"
	"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \"tact_%1$s-members\";"
	"GRANT INSERT, UPDATE, DELETE ON candidates, turndowns, feedback, followups, clients,"
	"  members TO \"tact_%1$s-members\";"
	"GRANT INSERT, UPDATE ON releases, release_chunks, release_gone, firm"
	"  TO \"tact_%1$s-members\";"
	"ALTER TABLE candidates ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY r ON candidates FOR SELECT USING (true);"
	"CREATE POLICY i ON candidates FOR INSERT WITH CHECK (owner = current_user);"
	"CREATE POLICY u ON candidates FOR UPDATE USING (owner = current_user OR tact_admin())"
	"  WITH CHECK (true);"
	"CREATE POLICY d ON candidates FOR DELETE USING (owner = current_user);"
	"ALTER TABLE turndowns ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE feedback ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE followups ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY r ON turndowns FOR SELECT USING (true);"
	"CREATE POLICY i ON turndowns FOR INSERT WITH CHECK (tact_owns(candidate_id));"
	"CREATE POLICY u ON turndowns FOR UPDATE USING (tact_owns(candidate_id) OR tact_admin())"
	"  WITH CHECK (tact_owns(candidate_id) OR tact_admin());"
	"CREATE POLICY d ON turndowns FOR DELETE USING (tact_owns(candidate_id));"
	"CREATE POLICY r ON feedback FOR SELECT USING (true);"
	"CREATE POLICY i ON feedback FOR INSERT WITH CHECK (tact_owns(candidate_id));"
	"CREATE POLICY u ON feedback FOR UPDATE USING (tact_owns(candidate_id) OR tact_admin())"
	"  WITH CHECK (tact_owns(candidate_id) OR tact_admin());"
	"CREATE POLICY d ON feedback FOR DELETE USING (tact_owns(candidate_id));"
	"CREATE POLICY r ON followups FOR SELECT USING (true);"
	"CREATE POLICY w ON followups FOR ALL USING (tact_owns((SELECT candidate_id FROM"
	"  turndowns t WHERE t.id = turndown_id))) WITH CHECK (tact_owns((SELECT candidate_id"
	"  FROM turndowns t WHERE t.id = turndown_id)));"
	"ALTER TABLE clients ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY r ON clients FOR SELECT USING (true);"
	"CREATE POLICY i ON clients FOR INSERT WITH CHECK (true);"
	"CREATE POLICY u ON clients FOR UPDATE USING (tact_admin());"
	"CREATE POLICY d ON clients FOR DELETE USING (tact_admin());"
	"ALTER TABLE members ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY r ON members FOR SELECT USING (true);"
	"CREATE POLICY i ON members FOR INSERT WITH CHECK (tact_admin());"
	"CREATE POLICY u ON members FOR UPDATE USING (role = current_user OR tact_admin());"
	"CREATE POLICY d ON members FOR DELETE USING (tact_admin());"
	"ALTER TABLE firm ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY r ON firm FOR SELECT USING (true);"
	"CREATE POLICY u ON firm FOR UPDATE USING (tact_admin());"
	"ALTER TABLE releases ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE release_chunks ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE release_gone ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY r ON releases FOR SELECT USING (true);"
	"CREATE POLICY i ON releases FOR INSERT WITH CHECK (true);"
	"CREATE POLICY u ON releases FOR UPDATE USING (tact_admin());"
	"CREATE POLICY r ON release_chunks FOR SELECT USING (true);"
	"CREATE POLICY i ON release_chunks FOR INSERT WITH CHECK (true);"
	"CREATE POLICY u ON release_chunks FOR UPDATE USING (tact_admin());"
	"CREATE POLICY r ON release_gone FOR SELECT USING (true);"
	"CREATE POLICY i ON release_gone FOR INSERT WITH CHECK (true);"
	/* The forget trigger's upsert of a reused candidate id: a mark, no content. */
	"CREATE POLICY u ON release_gone FOR UPDATE USING (true);";

/* EX_USAGE unless V is a firm vault. */
static int
need_firm(struct vault *v, struct terr *err)
{
	int rc = store_team_is_firm(v, err);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return terr_set(err, EX_USAGE, "'%s' is not a firm vault: `tact team` works on a "
		    "PostgreSQL vault made by `tact team init`", v->path);
	return 0;
}

int
store_team_create(struct vault *v, struct terr *err)
{
	char db[TEAM_ROLE_MAX], *sql;
	int rc;

	if (need_pg(v, err) != 0 || database_name(v, db, err) != 0)
		return -1;
	if ((sql = malloc(SQL_MAX)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	rc = snprintf(sql, SQL_MAX, team_schema, db);
	if (rc < 0 || rc >= SQL_MAX)
		rc = terr_set(err, EX_SOFTWARE, "team schema too long");
	else
		rc = engine_exec(v, sql, err);
	free(sql);
	if (rc == 0)
		rc = engine_meta_set(v, "firm", "1", err);
	return rc;
}

#define MEMBER_COLS "name, role, admin, state, public_key, slot_alg, slot_ops, slot_mem, " \
	"slot_salt, slot_wrapped, sealed, generation, invite, invited, joined"

/* Copies column COL's blob into OUT when it is exactly LEN bytes; 1 if so. */
static int
col_fixed(struct est *st, int col, void *out, size_t len)
{
	if (est_is_null(st, col) || est_bytes(st, col) != len)
		return 0;
	memcpy(out, est_blob(st, col), len);
	return 1;
}

static void
member_read(struct est *st, struct member_row *m)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", est_text(st, 0) ? est_text(st, 0) : "");
	snprintf(m->role, sizeof(m->role), "%s", est_text(st, 1) ? est_text(st, 1) : "");
	m->admin = est_int(st, 2);
	m->state = est_int(st, 3);
	m->slot.alg = est_int(st, 5);
	m->slot.opslimit = (unsigned long long)est_int64(st, 6);
	m->slot.memlimit = (size_t)est_int64(st, 7);
	m->has_keys = col_fixed(st, 4, m->public_key, TC_PUBLIC_LEN) &&
	    col_fixed(st, 8, m->slot.salt, TC_SALT_LEN) &&
	    col_fixed(st, 9, m->slot.wrapped, TC_WRAPPED_KEY_LEN) &&
	    col_fixed(st, 10, m->sealed, TC_SEALED_KEY_LEN);
	m->generation = est_int64(st, 11);
	m->has_invite = col_fixed(st, 12, m->invite, TC_WRAPPED_KEY_LEN);
	snprintf(m->invited, sizeof(m->invited), "%s", est_text(st, 13) ? est_text(st, 13) : "");
	snprintf(m->joined, sizeof(m->joined), "%s", est_text(st, 14) ? est_text(st, 14) : "");
}

static int
member_where(struct vault *v, const char *col, const char *value, struct member_row *out,
    struct terr *err)
{
	char sql[256];
	struct est *st;
	int rc;

	if (need_firm(v, err) != 0)
		return -1;
	snprintf(sql, sizeof(sql), "SELECT " MEMBER_COLS " FROM members WHERE %s = ?", col);
	if ((st = engine_prepare(v, sql, err)) == NULL)
		return -1;
	est_bind_text(st, 1, value);
	if ((rc = engine_row(v, st, "members", err)) == 1)
		member_read(st, out);
	est_finalize(st);
	return rc;
}

int
store_member_by_role(struct vault *v, const char *role, struct member_row *out, struct terr *err)
{
	return member_where(v, "role", role != NULL ? role : store_team_role(v), out, err);
}

int
store_member_by_name(struct vault *v, const char *name, struct member_row *out, struct terr *err)
{
	return member_where(v, "name", name, out, err);
}

int
store_members(struct vault *v, struct member_row **out, struct terr *err)
{
	struct member_row *arr = NULL, *grown;
	size_t n = 0, cap = 0;
	struct est *st;
	int rc;

	*out = NULL;
	if (need_firm(v, err) != 0)
		return -1;
	st = engine_prepare(v, "SELECT " MEMBER_COLS ", (SELECT count(*) FROM candidates c "
	    "WHERE c.owner = m.role) FROM members m ORDER BY name", err);
	if (st == NULL)
		return -1;
	while ((rc = engine_row(v, st, "members", err)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			if ((grown = realloc(arr, cap * sizeof(*arr))) == NULL) {
				rc = terr_set(err, EX_OSERR, "out of memory");
				break;
			}
			arr = grown;
		}
		member_read(st, &arr[n]);
		arr[n++].owned = est_int64(st, 15);
	}
	est_finalize(st);
	if (rc < 0) {
		free(arr);
		return -1;
	}
	*out = arr;
	return (int)n;
}

/* Binds M's keys (or NULLs) to parameters FIRST.. of ST: public key, slot
 * alg, ops, mem, salt, wrapped, sealed, generation. */
static void
bind_keys(struct est *st, int first, const struct member_row *m)
{
	if (!m->has_keys) {
		for (int i = 0; i < 7; i++)
			est_bind_null(st, first + i);
		est_bind_int64(st, first + 7, m->generation > 0 ? m->generation : 1);
		return;
	}
	est_bind_blob(st, first, m->public_key, TC_PUBLIC_LEN);
	est_bind_int64(st, first + 1, m->slot.alg);
	est_bind_int64(st, first + 2, (long long)m->slot.opslimit);
	est_bind_int64(st, first + 3, (long long)m->slot.memlimit);
	est_bind_blob(st, first + 4, m->slot.salt, TC_SALT_LEN);
	est_bind_blob(st, first + 5, m->slot.wrapped, TC_WRAPPED_KEY_LEN);
	est_bind_blob(st, first + 6, m->sealed, TC_SEALED_KEY_LEN);
	est_bind_int64(st, first + 7, m->generation);
}

int
store_member_add(struct vault *v, const struct member_row *m, struct terr *err)
{
	struct member_row have;
	struct est *st;
	int rc;

	if ((rc = store_member_by_name(v, m->name, &have, err)) != 0)
		return rc < 0 ? -1 : terr_set(err, EX_DATAERR, "'%s' is already a member", m->name);
	st = engine_prepare(v, "INSERT INTO members(name, role, admin, state, public_key, "
	    "slot_alg, slot_ops, slot_mem, slot_salt, slot_wrapped, sealed, generation, invite, "
	    "invited, joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	est_bind_text(st, 1, m->name);
	est_bind_text(st, 2, m->role);
	est_bind_int64(st, 3, m->admin);
	est_bind_int64(st, 4, m->state);
	bind_keys(st, 5, m);
	if (m->has_invite)
		est_bind_blob(st, 13, m->invite, TC_WRAPPED_KEY_LEN);
	else
		est_bind_null(st, 13);
	est_bind_text(st, 14, m->invited);
	if (m->joined[0] != '\0')
		est_bind_text(st, 15, m->joined);
	else
		est_bind_null(st, 15);
	rc = engine_done(v, st, "members", err);
	est_finalize(st);
	return rc;
}

/* Runs ST (a write on members) and checks it changed exactly one row. */
static int
one_row(struct vault *v, struct est *st, const char *name, struct terr *err)
{
	int rc = engine_done(v, st, "members", err);

	est_finalize(st);
	if (rc != 0)
		return -1;
	if (engine_changes(v) != 1)
		return terr_set(err, EX_NOPERM, "member '%s': not changed (no such member, or not "
		    "yours to change)", name);
	return 0;
}

int
store_member_join(struct vault *v, const struct member_row *m, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE members SET public_key = ?, slot_alg = ?, "
	    "slot_ops = ?, slot_mem = ?, slot_salt = ?, slot_wrapped = ?, sealed = ?, "
	    "generation = ?, state = ?, joined = ?, invite = NULL WHERE name = ?", err);

	if (st == NULL)
		return -1;
	bind_keys(st, 1, m);
	est_bind_int64(st, 9, MEMBER_ACTIVE);
	est_bind_text(st, 10, m->joined);
	est_bind_text(st, 11, m->name);
	return one_row(v, st, m->name, err);
}

int
store_member_seal(struct vault *v, const char *name, const uint8_t sealed[TC_SEALED_KEY_LEN],
    long long generation, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE members SET sealed = ?, generation = ? "
	    "WHERE name = ?", err);

	if (st == NULL)
		return -1;
	est_bind_blob(st, 1, sealed, TC_SEALED_KEY_LEN);
	est_bind_int64(st, 2, generation);
	est_bind_text(st, 3, name);
	return one_row(v, st, name, err);
}

int
store_member_delete(struct vault *v, const char *name, struct terr *err)
{
	struct est *st = engine_prepare(v, "DELETE FROM members WHERE name = ?", err);

	if (st == NULL)
		return -1;
	est_bind_text(st, 1, name);
	return one_row(v, st, name, err);
}

/* Runs "SELECT FN(...)" with the text parameters ARGS (N of them). */
static int
call_function(struct vault *v, const char *sql, const char *const *args, int n,
    struct terr *err)
{
	struct est *st;
	int rc;

	if (need_pg(v, err) != 0 || (st = engine_prepare(v, sql, err)) == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		est_bind_text(st, i + 1, args[i]);
	rc = engine_row(v, st, "roles", err);
	est_finalize(st);
	return rc < 0 ? -1 : 0;
}

int
store_role_create(struct vault *v, const char *role, const char *password, int admin,
    struct terr *err)
{
	char verifier[512];
	const char *args[3] = { role, verifier, admin ? "true" : "false" };
	int rc;

	if (engine_pg_verifier(v, role, password, verifier, sizeof(verifier), err) != 0)
		return -1;
	rc = call_function(v, "SELECT tact_member_create(?, ?, CAST(? AS boolean))", args, 3, err);
	wipe(verifier, sizeof(verifier));
	return rc;
}

int
store_role_drop(struct vault *v, const char *role, struct terr *err)
{
	const char *args[1] = { role };

	return call_function(v, "SELECT tact_member_drop(?)", args, 1, err);
}

int
store_role_password(struct vault *v, const char *password, struct terr *err)
{
	char verifier[512];
	const char *args[1] = { verifier };
	int rc;

	if (need_pg(v, err) != 0 ||
	    engine_pg_verifier(v, v->eng->member, password, verifier, sizeof(verifier), err) != 0)
		return -1;
	rc = call_function(v, "SELECT tact_set_password(?)", args, 1, err);
	wipe(verifier, sizeof(verifier));
	return rc;
}

int
store_team_target(const char *url, char *host, char *port, char *db, size_t size,
    struct terr *err)
{
	PQconninfoOption *opts, *o;
	char *msg = NULL;

	host[0] = port[0] = db[0] = '\0';
	if (!engine_is_url(url))
		return terr_set(err, EX_USAGE, "'%s' is not a PostgreSQL URL: a firm vault lives on "
		    "a PostgreSQL server (postgresql://HOST/DATABASE)", url);
	if ((opts = PQconninfoParse(url, &msg)) == NULL) {
		PQfreemem(msg);
		return terr_set(err, EX_USAGE, "cannot read the URL '%s'", url);
	}
	for (o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL)
			continue;
		if (strcmp(o->keyword, "host") == 0)
			snprintf(host, size, "%s", o->val);
		else if (strcmp(o->keyword, "port") == 0)
			snprintf(port, size, "%s", o->val);
		else if (strcmp(o->keyword, "dbname") == 0)
			snprintf(db, size, "%s", o->val);
	}
	PQconninfoFree(opts);
	if (port[0] == '\0')
		snprintf(port, size, "5432");
	if (host[0] == '\0')
		snprintf(host, size, "localhost");
	if (db[0] == '\0')
		return terr_set(err, EX_USAGE, "the vault's URL names no database");
	if (strpbrk(host, ":\\\n,") != NULL || strpbrk(port, ":\\\n") != NULL ||
	    strpbrk(db, ":\\\n") != NULL)
		return terr_set(err, EX_USAGE, "the vault's URL has a host, port or database tact "
		    "cannot write to a passfile");
	return 0;
}

/* Whether passfile LINE is for HOST:PORT:DB:ROLE. */
static int
same_target(const char *line, const char *prefix)
{
	return strncmp(line, prefix, strlen(prefix)) == 0;
}

int
store_passfile_put(const struct vault *v, const char *role, const char *password,
    struct terr *err)
{
	char host[256], port[256], db[256], prefix[900], tmp[4200], *line = NULL;
	char *path = engine_pg_passfile(), *slash;
	size_t cap = 0;
	FILE *in = NULL, *out = NULL;
	int fd = -1, rc = -1;

	if (path == NULL)
		return terr_set(err, EX_CANTCREAT, "no place for the passfile (set XDG_CONFIG_HOME "
		    "or HOME)");
	if (store_team_target(v->path, host, port, db, sizeof(host), err) != 0)
		goto out;
	snprintf(prefix, sizeof(prefix), "%s:%s:%s:%s:", host, port, db, role);
	if (snprintf(tmp, sizeof(tmp), "%s.new", path) >= (int)sizeof(tmp)) {
		terr_set(err, EX_CANTCREAT, "passfile path too long");
		goto out;
	}
	if ((slash = strrchr(tmp, '/')) != NULL) {
		*slash = '\0';
		if (mkdir(tmp, 0700) != 0 && errno != EEXIST) {
			terr_set(err, EX_CANTCREAT, "cannot create '%s': %s", tmp, strerror(errno));
			goto out;
		}
		*slash = '/';
	}
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || (out = fdopen(fd, "w")) == NULL) {
		terr_set(err, EX_CANTCREAT, "cannot write '%s': %s", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	/* Every other line as it was; this role's line replaced. */
	if ((in = fopen(path, "re")) != NULL) {
		while (getline(&line, &cap, in) > 0)
			if (!same_target(line, prefix))
				fputs(line, out);
		fclose(in);
	}
	fprintf(out, "%s%s\n", prefix, password);
	if (fflush(out) != 0 || fsync(fileno(out)) != 0) {
		terr_set(err, EX_IOERR, "cannot write '%s'", tmp);
		goto out;
	}
	fclose(out);
	out = NULL;
	if (rename(tmp, path) != 0) {
		terr_set(err, EX_CANTCREAT, "cannot write '%s': %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (out != NULL)
		fclose(out);
	if (fd >= 0)
		close(fd);
	if (rc != 0)
		unlink(tmp);
	if (line != NULL)
		wipe_free(line, cap);
	free(path);
	return rc;
}

struct vault *
store_open_as(const char *url, const char *role, const char *password, struct terr *err)
{
	if (!engine_is_url(url)) {
		terr_set(err, EX_USAGE, "'%s' is not a PostgreSQL URL", url);
		return NULL;
	}
	return pg_vault_open_as(url, role, password, 0, err);
}

int
store_candidate_owner(struct vault *v, long long id, char *role, char *name, struct terr *err)
{
	struct est *st;
	int rc;

	role[0] = name[0] = '\0';
	/* A solo vault, on either engine, has no owners. */
	if ((rc = store_team_is_firm(v, err)) <= 0)
		return rc;
	st = engine_prepare(v, "SELECT c.owner, m.name FROM candidates c LEFT JOIN members m "
	    "ON m.role = c.owner WHERE c.id = ?", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "candidates", err)) == 1) {
		snprintf(role, TEAM_ROLE_MAX, "%s", est_text(st, 0) ? est_text(st, 0) : "");
		snprintf(name, TEAM_ROLE_MAX, "%s", est_text(st, 1) ? est_text(st, 1) : role);
	}
	est_finalize(st);
	return rc;
}

int
store_candidate_give(struct vault *v, long long id, const char *role, const uint8_t *wrapped,
    size_t len, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE candidates SET owner = ?, wrapped_key = ? "
	    "WHERE id = ? AND owner = current_user", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_text(st, 1, role);
	est_bind_blob(st, 2, wrapped, len);
	est_bind_int64(st, 3, id);
	rc = engine_done(v, st, "candidates", err);
	est_finalize(st);
	if (rc != 0)
		return -1;
	if (engine_changes(v) != 1)
		return terr_set(err, EX_NOPERM, "candidate %lld is not yours to hand over", id);
	return 0;
}

long long
store_team_generation(struct vault *v, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT generation FROM firm WHERE id = 1", err);
	long long g = -1;
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = engine_row(v, st, "firm", err)) == 1)
		g = est_int64(st, 0);
	else if (rc == 0)
		terr_set(err, EX_DATAERR, "firm vault '%s' is damaged: no firm key generation",
		    v->path);
	est_finalize(st);
	return g;
}

int
store_team_bump(struct vault *v, long long generation, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE firm SET generation = ? WHERE id = 1", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, generation);
	rc = engine_done(v, st, "firm", err);
	est_finalize(st);
	if (rc == 0 && engine_changes(v) != 1)
		rc = terr_set(err, EX_NOPERM, "only an admin may rotate the firm key");
	return rc;
}

/* ---- rotation ------------------------------------------------------------- */

struct rot_sql {
	const char *table, *select, *update;
	size_t nvals;
	int blinds;             /* 2 candidates (row, name), 1 clients (name), 0 */
};

static const struct rot_sql rot_sql[] = {
	[ROT_CANDIDATES] = { "candidates", "SELECT id, id, wrapped_key, name FROM candidates",
	    "UPDATE candidates SET wrapped_key = ?, name = ?, blind = ?, name_blind = ?, "
	    "ref_blind = NULL WHERE id = ?", 2, 2 },
	[ROT_CLIENTS] = { "clients", "SELECT id, 0, name FROM clients",
	    "UPDATE clients SET name = ?, blind = ? WHERE id = ?", 1, 1 },
	[ROT_TURNDOWNS] = { "turndowns", "SELECT id, candidate_id, signals, shareable "
	    "FROM turndowns", "UPDATE turndowns SET signals = ?, shareable = ? WHERE id = ?",
	    2, 0 },
	[ROT_FEEDBACK] = { "feedback", "SELECT id, candidate_id, signals, shareable "
	    "FROM feedback", "UPDATE feedback SET signals = ?, shareable = ? WHERE id = ?", 2, 0 },
	[ROT_RELEASES] = { "releases", "SELECT id, 0, body FROM releases",
	    "UPDATE releases SET body = ? WHERE id = ?", 1, 0 },
	[ROT_RELEASE_CHUNKS] = { "release_chunks", "SELECT release_id, seq, body FROM "
	    "release_chunks", "UPDATE release_chunks SET body = ? WHERE release_id = ? AND "
	    "seq = ?", 1, 0 },
};

/* Every row of a table, read before any is rewritten. */
struct rot_rows {
	struct rot_row *rows;
	struct tbuf *vals;
	size_t n, cap, nvals;
};

static void
rot_rows_free(struct rot_rows *r)
{
	for (size_t i = 0; i < r->n * r->nvals; i++)
		tbuf_free(&r->vals[i]);
	free(r->vals);
	free(r->rows);
}

static int
rot_read(struct vault *v, const struct rot_sql *q, long long candidate, struct rot_rows *r,
    struct terr *err)
{
	char sql[256];
	struct est *st;
	int rc;

	snprintf(sql, sizeof(sql), "%s%s", q->select, candidate > 0 ?
	    " WHERE candidate_id = ?" : "");
	if ((st = engine_prepare(v, sql, err)) == NULL)
		return -1;
	if (candidate > 0)
		est_bind_int64(st, 1, candidate);
	while ((rc = engine_row(v, st, q->table, err)) == 1) {
		if (r->n == r->cap) {
			size_t cap = r->cap ? 2 * r->cap : 64;
			struct rot_row *rows = realloc(r->rows, cap * sizeof(*rows));
			struct tbuf *vals;

			if (rows != NULL)
				r->rows = rows;
			vals = rows != NULL ? realloc(r->vals, cap * q->nvals * sizeof(*vals)) : NULL;
			if (vals == NULL) {
				rc = terr_set(err, EX_OSERR, "out of memory");
				break;
			}
			r->vals = vals;
			r->cap = cap;
		}
		r->rows[r->n].id = est_int64(st, 0);
		r->rows[r->n].candidate = est_int64(st, 1);
		r->rows[r->n].n = q->nvals;
		for (size_t k = 0; k < q->nvals; k++) {
			struct tbuf *b = &r->vals[r->n * q->nvals + k];

			b->data = NULL;
			b->len = 0;
			if (engine_blob(st, 2 + (int)k, b, err) != 0)
				rc = -1;
		}
		r->n++;
		if (rc < 0)
			break;
	}
	est_finalize(st);
	return rc < 0 ? -1 : 0;
}

int
store_rotate(struct vault *v, enum rot_table table, long long candidate,
    int (*fn)(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err), void *arg, struct terr *err)
{
	const struct rot_sql *q = &rot_sql[table];
	struct rot_rows r = { NULL, NULL, 0, 0, q->nvals };
	struct tbuf out[4];
	uint8_t blind[2][TC_BLIND_LEN];
	struct est *up = NULL;
	int rc = -1, p;

	if (need_pg(v, err) != 0 || rot_read(v, q, candidate, &r, err) != 0)
		goto done;
	if ((up = engine_prepare(v, q->update, err)) == NULL)
		goto done;
	for (size_t i = 0; i < r.n; i++) {
		struct rot_row *row = &r.rows[i];

		for (size_t k = 0; k < q->nvals; k++) {
			row->v[k].data = r.vals[i * q->nvals + k].data;
			row->v[k].len = r.vals[i * q->nvals + k].len;
		}
		memset(out, 0, sizeof(out));
		if (fn(arg, row, out, blind, err) != 0)
			goto done;
		p = 1;
		for (size_t k = 0; k < q->nvals; k++, p++)
			est_bind_blob(up, p, out[k].data, out[k].len);
		for (int k = 0; k < q->blinds; k++, p++)
			est_bind_blob(up, p, blind[k], TC_BLIND_LEN);
		est_bind_int64(up, p++, row->id);
		if (table == ROT_RELEASE_CHUNKS)
			est_bind_int64(up, p, row->candidate);
		rc = engine_done(v, up, q->table, err);
		for (size_t k = 0; k < q->nvals; k++)
			tbuf_free(&out[k]);
		if (rc != 0)
			goto done;
		if (engine_changes(v) != 1) {
			rc = terr_set(err, EX_NOPERM, "%s %lld: not rewritten (only an admin may "
			    "rotate the firm key)", q->table, row->id);
			goto done;
		}
	}
	rc = 0;
done:
	if (up != NULL)
		est_finalize(up);
	rot_rows_free(&r);
	return rc;
}

char *
store_team_member_url(const char *url, const char *role, struct terr *err)
{
	char host[256], port[256], db[256], *out = NULL;
	int n;

	if (store_team_target(url, host, port, db, sizeof(host), err) != 0)
		return NULL;
	if (host[0] == '/')
		n = asprintf(&out, "postgresql:///%s?user=%s&host=%s&port=%s", db, role, host, port);
	else
		n = asprintf(&out, "postgresql://%s@%s:%s/%s", role, host, port, db);
	if (n < 0) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	return out;
}
