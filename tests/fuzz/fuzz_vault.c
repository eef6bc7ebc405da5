/*
 * fuzz_vault.c - libFuzzer harness for loading a damaged vault: vault_open,
 * vault_unlock (through a session), td_iter over every turndown,
 * turndown_load, confidential_load and candidate_resolve (core/).
 *
 * A small real vault is made once, at start, in a temporary folder: created
 * with a passphrase read from a file, four turndowns logged, a session
 * opened so that each run unlocks in microseconds instead of paying for
 * Argon2id, and the WAL checkpointed into the main file.  Its bytes are the
 * pristine copy.  Each input is applied to a fresh copy as mutations:
 *
 *   byte 0       flags: bit 0 truncates the file
 *   bytes 1..3   if truncating: the new length, big-endian, modulo size + 1
 *   then         4-byte records: a 3-byte big-endian offset (modulo the
 *                size) and the byte to write there
 *
 * The damaged copy is written to a file and read the way `tact list`,
 * `tact show` and `tact show --confidential` read it.  Whatever the damage,
 * nothing may crash, every failure must come back as an error with a
 * one-line message, and every turndown that does load must be sound.  The
 * error codes seen are counted and printed at exit; FUZZ_VAULT_STRICT=1
 * also fails on any code other than 65, 66, 74 or 77.
 */
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "core/records/keyslots.h"
#include "core/records/write.h"
#include "core/records/identity.h"
#include "core/records/read.h"
#include "core/confidential/confidential.h"
#include "core/records/turndown.h"
#include "fuzz.h"

static char dir[PATH_MAX - 64], dbpath[PATH_MAX], walpath[PATH_MAX], shmpath[PATH_MAX];
static uint8_t *pristine;
static size_t pristine_len;
static char *token;
static int strict;
static unsigned long codes[128];

static void __attribute__((noreturn))
die(const char *what, const struct terr *err)
{
	fprintf(stderr, "fuzz_vault: init: %s: %s\n", what, err ? err->msg : "");
	abort();
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
report(void)
{
	fprintf(stderr, "fuzz_vault: error codes seen:");
	for (int i = 0; i < 128; i++)
		if (codes[i] != 0)
			fprintf(stderr, " %d x %lu", i, codes[i]);
	fputc('\n', stderr);
	if (dir[0] != '\0')
		nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void
write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || (len > 0 && write(fd, data, len) != (ssize_t)len) || close(fd) != 0) {
		perror(path);
		abort();
	}
}

static void
add(struct td_writer *w, const char *cand, const char *client, const char *const *reasons,
    const char *const *met, const char *share, const char *conf, const char *offer)
{
	struct turndown td;
	struct terr err = { 0 };
	int nc, ncl;

	memset(&td, 0, sizeof(td));
	if (turndown_set_text(&td.candidate, "candidate", cand, strlen(cand), TEXT_NAME_MAX, 0,
	    &err) != 0 || turndown_set_text(&td.client, "client", client, strlen(client),
	    TEXT_NAME_MAX, 0, &err) != 0 || turndown_set_text(&td.role, "role", "Head of Data",
	    12, TEXT_ROLE_MAX, 0, &err) != 0)
		die("set", &err);
	for (; *reasons != NULL; reasons++)
		if (turndown_add_reason(&td, *reasons, &err) != 0)
			die("reason", &err);
	for (; met != NULL && *met != NULL; met++)
		if (turndown_add_met(&td, *met, &err) != 0)
			die("met", &err);
	if ((share && turndown_set_text(&td.shareable, "share", share, strlen(share),
	    TEXT_NOTE_MAX, 1, &err) != 0) || (conf && turndown_set_text(&td.confidential, "conf",
	    conf, strlen(conf), TEXT_NOTE_MAX, 1, &err) != 0) ||
	    (offer && date_parse("offer", offer, td.offer_date, &err) != 0) ||
	    date_parse("decline", "2024-03-15", td.decline_date, &err) != 0 ||
	    turndown_validate(&td, &err) != 0 || record_put(w, &td, &nc, &ncl, &err) != 0)
		die("put", &err);
	turndown_clear(&td);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const r1[] = { "compensation", "hr:confidential", NULL };
	static const char *const r2[] = { "growth", "culture:confidential", "team", NULL };
	static const char *const r3[] = { "relocation", NULL };
	static const char *const m1[] = { "Ann Lee:hiring-manager:positive",
		"Bob Stone:hr:negative", NULL };
	static const char *const m2[] = { "Cy Young:peer:neutral", NULL };
	const char *tmp = getenv("TMPDIR");
	char run[PATH_MAX], pass[PATH_MAX];
	struct terr err = { 0 };
	struct secret *s;
	struct vault *v;
	struct td_writer *w;
	struct stat st;
	int fd;

	(void)argc;
	(void)argv;
	strict = getenv("FUZZ_VAULT_STRICT") != NULL && strcmp(getenv("FUZZ_VAULT_STRICT"), "1") == 0;
	if (tc_init(&err) != 0)
		die("tc_init", &err);
	snprintf(dir, sizeof(dir), "%s/tact-fuzz-vault.XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		die("mkdtemp", NULL);
	atexit(report);
	/* Sessions live under $XDG_RUNTIME_DIR/tact: keep ours in the folder. */
	snprintf(run, sizeof(run), "%s/run", dir);
	if (mkdir(run, 0700) != 0 || setenv("XDG_RUNTIME_DIR", run, 1) != 0)
		die("runtime folder", NULL);
	snprintf(pass, sizeof(pass), "%s/pass", dir);
	write_file(pass, "fuzz the vault\n", 15);
	if ((s = secret_from_file(pass, &err)) == NULL)
		die("passphrase", &err);
	snprintf(dbpath, sizeof(dbpath), "%s/pristine.db", dir);
	if ((v = vault_init(dbpath, s, TC_KDF_INTERACTIVE, &err)) == NULL)
		die("vault_create", &err);
	secret_free(s);
	if (vault_begin(v, &err) != 0 || (w = td_writer_new(v, &err)) == NULL)
		die("writer", &err);
	add(w, "Jane Roe", "Acme Health", r1, m1, "Chose a role closer to family.",
	    "Found the HR partner dismissive.", "2024-03-01");
	add(w, "John Doe", "Acme Health", r2, m2, NULL, "Team lead seemed burnt out.", NULL);
	add(w, "Jane Roe", "Globex", r3, NULL, "Could not move this year.", NULL, "2024-02-20");
	add(w, "Mary Major", "Initech", r2, m1, "Liked the people.", "Feared the CTO.", NULL);
	td_writer_free(w);
	if (vault_commit(v, &err) != 0)
		die("commit", &err);
	if ((token = session_create(v->keys, v->id, 7 * 24 * 60, &err)) == NULL)
		die("session", &err);
	if (vault_checkpoint(v, &err) != 0)
		die("checkpoint", &err);
	vault_close(v);
	if ((fd = open(dbpath, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st) != 0)
		die("read back", NULL);
	pristine_len = (size_t)st.st_size;
	if ((pristine = malloc(pristine_len)) == NULL ||
	    read(fd, pristine, pristine_len) != (ssize_t)pristine_len)
		die("read back", NULL);
	close(fd);
	snprintf(dbpath, sizeof(dbpath), "%s/fuzz.db", dir);
	snprintf(walpath, sizeof(walpath), "%s-wal", dbpath);
	snprintf(shmpath, sizeof(shmpath), "%s-shm", dbpath);
	fprintf(stderr, "fuzz_vault: pristine vault of %zu bytes in %s\n", pristine_len, dir);
	return 0;
}

/* Counts ERR's code and checks it is a clean, one-line error. */
static void
clean_error(const char *what, const struct terr *err)
{
	size_t len = strnlen(err->msg, sizeof(err->msg));

	FUZZ_CHECK(err->code > 0 && err->code < 128, "%s: failed with code %d ('%s')", what,
	    err->code, err->msg);
	codes[err->code]++;
	FUZZ_CHECK(len > 0 && len < sizeof(err->msg), "%s: empty message", what);
	FUZZ_CHECK(memchr(err->msg, '\n', len) == NULL, "%s: message of several lines '%s'",
	    what, err->msg);
	if (strict)
		FUZZ_CHECK(err->code == EX_DATAERR || err->code == EX_NOINPUT ||
		    err->code == EX_IOERR || err->code == EX_NOPERM, "%s: code %d ('%s')", what,
		    err->code, err->msg);
}

static void
check_sound(const struct turndown *td)
{
	FUZZ_CHECK(td->nreasons <= TAXONOMY_COUNT && td->nmet <= TEXT_MET_MAX,
	    "turndown %lld: %zu reasons, %zu people", td->id, td->nreasons, td->nmet);
	for (size_t i = 0; i < td->nreasons; i++)
		FUZZ_CHECK(td->reasons[i].category >= 0 && td->reasons[i].category < TAXONOMY_COUNT,
		    "turndown %lld: category %d", td->id, td->reasons[i].category);
	for (size_t i = 0; i < td->nmet; i++)
		FUZZ_CHECK(td->met[i].name != NULL && td->met[i].role >= 0 &&
		    td->met[i].role < PERSON_ROLE_COUNT, "turndown %lld: person %zu", td->id, i);
	FUZZ_CHECK(strnlen(td->decline_date, DATE_LEN) < DATE_LEN &&
	    strnlen(td->offer_date, DATE_LEN) < DATE_LEN, "unterminated date");
	if (td->candidate != NULL)
		(void)strlen(td->candidate);
	if (td->client != NULL)
		(void)strlen(td->client);
}

/* Reads the vault as list, show ID and show --confidential ID would. */
static void
read_all(struct vault *v)
{
	struct td_filter f = { 0 };
	struct turndown td;
	struct terr err = { 0 };
	struct td_iter *it;
	long long ids[64];
	size_t nids = 0;
	int rc, rows = 0;

	memset(&td, 0, sizeof(td));
	if ((it = td_iter_new(v, &f, TD_ALL_OPEN, &err)) == NULL) {
		clean_error("td_iter_new", &err);
		return;
	}
	while (rows++ < 1000) {
		terr_clear(&err);
		rc = td_iter_next(it, &td, &err);
		FUZZ_CHECK(rc >= -2 && rc <= 1, "td_iter_next returned %d", rc);
		if (rc == 0)
			break;
		if (rc < 0)
			clean_error("td_iter_next", &err);
		if (rc == -2)
			break;
		if (rc == 1)
			check_sound(&td);
		if (nids < 64)
			ids[nids++] = td.id;
	}
	turndown_clear(&td);
	td_iter_free(it);
	for (size_t i = 0; i < nids; i++) {
		terr_clear(&err);
		if (turndown_load(v, ids[i], TD_ALL_OPEN, &td, &err) != 0) {
			clean_error("turndown_load", &err);
			turndown_clear(&td);
			continue;
		}
		check_sound(&td);
		terr_clear(&err);
		if (confidential_load(v, &td, &err) != 0)
			clean_error("confidential_load", &err);
		else if (td.confidential != NULL)
			(void)strlen(td.confidential);
		turndown_clear(&td);
	}
	for (int id = 1; id <= 3; id++) {
		char spec[8], *name = NULL;
		int n;

		snprintf(spec, sizeof(spec), "%d", id);
		terr_clear(&err);
		if (candidate_resolve(v, spec, &name, &n, &err) < 0)
			clean_error("candidate_resolve", &err);
		free(name);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct unlock_src src = { token, NULL };
	struct terr err = { 0 };
	struct vault *v;
	uint8_t *db;
	size_t len = pristine_len, i = 1;

	if ((db = malloc(pristine_len)) == NULL)
		abort();
	memcpy(db, pristine, pristine_len);
	if (size >= 4 && (data[0] & 1)) {
		len = ((size_t)data[1] << 16 | (size_t)data[2] << 8 | data[3]) % (pristine_len + 1);
		i = 4;
	}
	for (; i + 4 <= size; i += 4) {
		size_t off = ((size_t)data[i] << 16 | (size_t)data[i + 1] << 8 | data[i + 2]) %
		    pristine_len;

		db[off] = data[i + 3];
	}
	/* The header's user_version (offset 60): a damaged one is a known bug. */
	if (fuzz_known("user-version") && len >= 64 && memcmp(db + 60, pristine + 60, 4) != 0) {
		free(db);
		return 0;
	}
	unlink(walpath);
	unlink(shmpath);
	write_file(dbpath, db, len);
	free(db);

	if ((v = vault_open(dbpath, &err)) == NULL) {
		clean_error("vault_open", &err);
		return 0;
	}
	terr_clear(&err);
	if (vault_unlock(v, &src, &err) != 0)
		clean_error("vault_unlock", &err);
	else
		read_all(v);
	vault_close(v);
	return 0;
}
