/*
 * backup.c - a consistent copy of the vault, and putting one in its place.
 *
 * The copy uses SQLite's online backup API in one step, which reads the
 * whole source inside one read transaction: in WAL mode other processes go
 * on writing meanwhile, and the copy holds the last state committed before
 * it began.  The destination is made here, 0600, O_EXCL and O_NOFOLLOW, so
 * an existing file or a planted link is refused, never overwritten; it is
 * written in rollback-journal mode (one self-contained file) and fsynced
 * with its folder before the copy counts as made.
 *
 * The swap keeps the old vault: it is checkpointed so that its main file
 * holds everything, closed, hard-linked to PATH.before-restore, and then the
 * new file is renamed over PATH, so that at every moment PATH is one whole
 * vault, old or new.  The old -wal and -shm are removed: a -wal left beside
 * the new file would be replayed onto it.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/store/engine.h"

/* fsyncs the folder holding PATH, so that a new name in it is durable. */
static int
sync_dir(const char *path)
{
	char *copy = strdup(path);
	int fd, rc = -1;

	if (copy == NULL)
		return -1;
	fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		rc = fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

static void
unlink_side(const char *path, const char *suffix)
{
	char buf[4200];

	if (snprintf(buf, sizeof(buf), "%s%s", path, suffix) < (int)sizeof(buf))
		unlink(buf);
}

static int
copy_pages(struct vault *v, sqlite3 *dest, const char *path, struct terr *err)
{
	sqlite3_backup *b;
	int rc;

	if (sqlite3_exec(dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		return terr_set(err, EX_IOERR, "backup '%s': %s", path, sqlite3_errmsg(dest));
	if ((b = sqlite3_backup_init(dest, "main", sq_db(v), "main")) == NULL)
		return terr_set(err, EX_IOERR, "backup '%s': %s", path, sqlite3_errmsg(dest));
	/* One step: every page inside one read transaction of the source. */
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return sq_error(v, rc, "backup", err);
	/* The copy is a rollback-mode file: say so in its header, whatever the
	 * source's mode, so that it opens on its own. */
	if (sqlite3_exec(dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		return terr_set(err, EX_IOERR, "backup '%s': %s", path, sqlite3_errmsg(dest));
	return 0;
}

int
vault_backup_to(struct vault *v, const char *dest, struct terr *err)
{
	struct stat a, b;
	sqlite3 *db = NULL;
	int fd, rc;

	if (sq_db(v) == NULL)
		return terr_set(err, EX_USAGE, "tact backup copies a SQLite vault; back a PostgreSQL "
		    "vault up with pg_dump (the server holds only sealed values)");
	fd = open(dest, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return terr_set(err, errno == EEXIST ? EX_CANTCREAT : EX_CANTCREAT,
		    errno == EEXIST ? "'%s' already exists (a backup is always a new file)" :
		    "cannot create '%s': %s", dest, strerror(errno));
	rc = sqlite3_open_v2(dest, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		terr_set(err, EX_CANTCREAT, "cannot open '%s': %s", dest, sqlite3_errstr(rc));
		goto fail;
	}
	/* The name must still be the file made above, not something put there since. */
	if (fstat(fd, &a) != 0 || lstat(dest, &b) != 0 || a.st_ino != b.st_ino ||
	    a.st_dev != b.st_dev || !S_ISREG(b.st_mode)) {
		terr_set(err, EX_CANTCREAT, "'%s' changed while the backup was being made", dest);
		goto fail;
	}
	if (copy_pages(v, db, dest, err) != 0)
		goto fail;
	if (sqlite3_close(db) != SQLITE_OK) {
		db = NULL;
		terr_set(err, EX_IOERR, "cannot close '%s'", dest);
		goto fail;
	}
	db = NULL;
	if (fsync(fd) != 0 || sync_dir(dest) != 0) {
		terr_set(err, EX_IOERR, "cannot sync '%s': %s", dest, strerror(errno));
		goto fail;
	}
	close(fd);
	return 0;
fail:
	if (db != NULL)
		sqlite3_close_v2(db);
	close(fd);
	unlink(dest);
	unlink_side(dest, "-journal");
	return -1;
}

/* Checkpoints the vault at PATH into its main file and closes it; after
 * the last connection closes SQLite removes its -wal and -shm. */
static int
settle_old(const char *path, struct terr *err)
{
	sqlite3 *db = NULL;
	int rc;

	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 2000);
		rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
		sqlite3_close_v2(db);
		return terr_set(err, EX_TEMPFAIL, "another process has the vault open; close it "
		    "and restore again");
	}
	/* A vault too damaged to checkpoint is still kept as it is, its
	 * write-ahead log beside it (vault_swap_in). */
	sqlite3_close_v2(db);
	return 0;
}

/* A write-ahead log the checkpoint could not empty (a damaged vault) belongs
 * to the old vault: it is kept beside KEEP, never replayed onto the new one. */
static void
keep_wal(const char *path, const char *keep)
{
	char wal[4200], kept[4300];
	struct stat st;

	snprintf(wal, sizeof(wal), "%s-wal", path);
	snprintf(kept, sizeof(kept), "%s-wal", keep);
	if (lstat(wal, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		rename(wal, kept);
}

int
vault_swap_in(const char *path, const char *fresh, struct terr *err)
{
	char keep[4200];
	struct stat st;
	int had;

	if (engine_is_url(path))
		return terr_set(err, EX_USAGE, "tact restore puts a SQLite vault in place; restore a "
		    "PostgreSQL vault with pg_restore");
	had = lstat(path, &st) == 0;

	if (snprintf(keep, sizeof(keep), "%s.before-restore", path) >= (int)sizeof(keep))
		return terr_set(err, EX_USAGE, "vault path too long");
	if (had) {
		if (!S_ISREG(st.st_mode))
			return terr_set(err, EX_CANTCREAT, "vault '%s' is not a file", path);
		if (lstat(keep, &st) == 0)
			return terr_set(err, EX_CANTCREAT, "'%s' is there from an earlier restore: "
			    "move it away first", keep);
		if (settle_old(path, err) != 0)
			return -1;
		if (link(path, keep) != 0)
			return terr_set(err, EX_CANTCREAT, "cannot keep the old vault as '%s': %s",
			    keep, strerror(errno));
		keep_wal(path, keep);
	}
	unlink_side(path, "-wal");
	unlink_side(path, "-shm");
	unlink_side(path, "-journal");
	if (rename(fresh, path) != 0) {
		terr_set(err, EX_IOERR, "cannot put '%s' in place: %s", path, strerror(errno));
		if (had)
			unlink(keep);
		return -1;
	}
	sync_dir(path);
	return 0;
}
