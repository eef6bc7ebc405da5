/*
 * session.c - `tact unlock` sessions.
 *
 * The token printed by `tact unlock` is 32 random bytes.  It is not the
 * master key: keyed hashes of it name a file in a private folder
 * ($XDG_RUNTIME_DIR/tact, else /tmp/tact-UID, mode 0700) and give the key
 * that wraps the master key stored there.  The file also holds the expiry
 * time and the vault id, bound in as additional data.  Destroying the file
 * ends the session for good, whoever still holds the token.  A firm vault's
 * session (version 2, SES_MAGIC2) wraps the member's seed after the firm
 * key, so the member's private halves open too; version 1 files still open.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "internal.h"

#define SES_MAGIC "TACTSES1"     /* the master key alone */
#define SES_MAGIC2 "TACTSES2"    /* a firm vault's: the firm key, then the member's seed */
#define SES_HEAD (8 + 8 + TC_VAULT_ID_LEN)
#define SES_FILE_LEN (SES_HEAD + TC_WRAPPED_KEY_LEN)
#define SES_FILE_MAX (SES_FILE_LEN + TC_KEY_LEN)
#define SES_TOKEN_PREFIX "tact1."
#define SES_NAME_LEN 16

static int
session_dir(char *buf, size_t size, struct tc_err *err)
{
	const char *rt = getenv("XDG_RUNTIME_DIR");
	struct stat st;
	int n;

	if (rt != NULL && rt[0] == '/')
		n = snprintf(buf, size, "%s/tact", rt);
	else
		n = snprintf(buf, size, "/tmp/tact-%u", (unsigned)getuid());
	if (n < 0 || (size_t)n >= size)
		return tc_err_set(err, EX_IOERR, "session folder path too long");
	if (mkdir(buf, 0700) != 0 && errno != EEXIST)
		return tc_err_set(err, EX_CANTCREAT, "cannot create '%s': %s", buf, strerror(errno));
	if (lstat(buf, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 077) != 0)
		return tc_err_set(err, EX_NOPERM, "session folder '%s' is not a private folder of yours",
		    buf);
	return 0;
}

/* Token bytes from their printed form; -1 if malformed. */
static int
token_decode(const char *token, uint8_t raw[32])
{
	size_t len;

	if (strncmp(token, SES_TOKEN_PREFIX, strlen(SES_TOKEN_PREFIX)) != 0)
		return -1;
	token += strlen(SES_TOKEN_PREFIX);
	if (sodium_base642bin(raw, 32, token, strlen(token), NULL, &len, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || len != 32)
		return -1;
	return 0;
}

static int
session_path(const uint8_t raw[32], char *buf, size_t size, struct tc_err *err)
{
	uint8_t name[SES_NAME_LEN];
	char hex[2 * SES_NAME_LEN + 1], dir[PATH_MAX - 64];

	if (session_dir(dir, sizeof(dir), err) != 0)
		return -1;
	crypto_generichash(name, sizeof(name), (const unsigned char *)"name", 4, raw, 32);
	sodium_bin2hex(hex, sizeof(hex), name, sizeof(name));
	snprintf(buf, size, "%s/%s", dir, hex);
	return 0;
}

static void
wipe_unlink(const char *path)
{
	uint8_t zero[SES_FILE_MAX] = { 0 };
	int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd >= 0) {
		if (write(fd, zero, sizeof(zero)) == (ssize_t)sizeof(zero))
			fsync(fd);
		close(fd);
	}
	unlink(path);
}

static void
put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t
get64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/* Wipes the session files of this user whose expiry has passed: a stale
 * token then opens nothing, even with its file copied away later. */
static void
sweep_expired(const char *dir)
{
	char path[PATH_MAX];
	uint8_t head[SES_HEAD];
	struct dirent *de;
	DIR *d = opendir(dir);
	int fd;

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (strlen(de->d_name) != 2 * SES_NAME_LEN ||
		    strspn(de->d_name, "0123456789abcdef") != 2 * SES_NAME_LEN ||
		    snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >= (int)sizeof(path))
			continue;
		if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
			continue;
		if (read(fd, head, sizeof(head)) == (ssize_t)sizeof(head) &&
		    (memcmp(head, SES_MAGIC, 8) == 0 || memcmp(head, SES_MAGIC2, 8) == 0) &&
		    (uint64_t)time(NULL) >= get64(head + 8)) {
			close(fd);
			wipe_unlink(path);
			continue;
		}
		close(fd);
	}
	if (d != NULL)
		closedir(d);
}

char *
session_create(const struct keyring *kr, const uint8_t vault_id[TC_VAULT_ID_LEN],
    unsigned ttl_minutes, struct tc_err *err)
{
	uint8_t *raw = NULL, *kek = NULL, *keys = NULL, file[SES_FILE_MAX];
	size_t tlen, klen = kr->has_member ? 2 * TC_KEY_LEN : TC_KEY_LEN;
	size_t flen = SES_HEAD + 1 + 24 + klen + 16;
	char path[PATH_MAX], *token = NULL;
	int fd;

	if ((raw = tc_secure_alloc(32, err)) == NULL ||
	    (kek = tc_secure_alloc(TC_KEY_LEN, err)) == NULL ||
	    (keys = tc_secure_alloc(2 * TC_KEY_LEN, err)) == NULL)
		goto out;
	memcpy(keys, kr->master, TC_KEY_LEN);
	if (kr->has_member)
		memcpy(keys + TC_KEY_LEN, kr->member_seed, TC_KEY_LEN);
	randombytes_buf(raw, 32);
	if (session_path(raw, path, sizeof(path), err) != 0)
		goto out;
	*strrchr(path, '/') = '\0';
	sweep_expired(path);
	path[strlen(path)] = '/';
	crypto_generichash(kek, TC_KEY_LEN, (const unsigned char *)"key", 3, raw, 32);
	memcpy(file, kr->has_member ? SES_MAGIC2 : SES_MAGIC, 8);
	put64(file + 8, (uint64_t)time(NULL) + (uint64_t)ttl_minutes * 60);
	memcpy(file + 16, vault_id, TC_VAULT_ID_LEN);
	file[SES_HEAD] = TC_BLOB_VERSION;
	randombytes_buf(file + SES_HEAD + 1, 24);
	crypto_aead_xchacha20poly1305_ietf_encrypt(file + SES_HEAD + 25, NULL, keys, klen,
	    file, SES_HEAD, NULL, file + SES_HEAD + 1, kek);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		tc_err_set(err, EX_CANTCREAT, "cannot create session file: %s", strerror(errno));
		goto out;
	}
	if (write(fd, file, flen) != (ssize_t)flen || fsync(fd) != 0) {
		close(fd);
		wipe_unlink(path);
		tc_err_set(err, EX_IOERR, "cannot write session file");
		goto out;
	}
	close(fd);
	tlen = strlen(SES_TOKEN_PREFIX) +
	    sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	if ((token = malloc(tlen)) == NULL) {
		wipe_unlink(path);
		tc_err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	strcpy(token, SES_TOKEN_PREFIX);
	sodium_bin2base64(token + strlen(SES_TOKEN_PREFIX), tlen - strlen(SES_TOKEN_PREFIX), raw,
	    32, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
out:
	if (raw != NULL)
		sodium_free(raw);
	if (kek != NULL)
		sodium_free(kek);
	if (keys != NULL)
		sodium_free(keys);
	return token;
}

struct keyring *
session_open(const char *token, const uint8_t vault_id[TC_VAULT_ID_LEN], struct tc_err *err)
{
	uint8_t *raw = NULL, *kek = NULL, *master = NULL, file[SES_FILE_MAX + 1];
	struct keyring *kr = NULL;
	char path[PATH_MAX];
	size_t klen = 0;
	ssize_t n;
	int fd;

	if ((raw = tc_secure_alloc(32, err)) == NULL)
		goto out;
	if (token_decode(token, raw) != 0) {
		tc_err_set(err, EX_NOPERM, "TACT_SESSION is not a session token");
		goto out;
	}
	if (session_path(raw, path, sizeof(path), err) != 0)
		goto out;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		tc_err_set(err, EX_NOPERM, "session has ended; run 'tact unlock' again");
		goto out;
	}
	n = read(fd, file, sizeof(file));
	close(fd);
	if (n == (ssize_t)SES_FILE_LEN && memcmp(file, SES_MAGIC, 8) == 0)
		klen = TC_KEY_LEN;
	else if (n == (ssize_t)SES_FILE_MAX && memcmp(file, SES_MAGIC2, 8) == 0)
		klen = 2 * TC_KEY_LEN;
	if (klen == 0) {
		tc_err_set(err, EX_NOPERM, "session has ended; run 'tact unlock' again");
		goto out;
	}
	if ((uint64_t)time(NULL) >= get64(file + 8)) {
		wipe_unlink(path);
		tc_err_set(err, EX_NOPERM, "session expired; run 'tact unlock' again");
		goto out;
	}
	if (sodium_memcmp(file + 16, vault_id, TC_VAULT_ID_LEN) != 0) {
		tc_err_set(err, EX_NOPERM, "session belongs to another vault");
		goto out;
	}
	if ((kek = tc_secure_alloc(TC_KEY_LEN, err)) == NULL ||
	    (master = tc_secure_alloc(2 * TC_KEY_LEN, err)) == NULL)
		goto out;
	crypto_generichash(kek, TC_KEY_LEN, (const unsigned char *)"key", 3, raw, 32);
	if (file[SES_HEAD] != TC_BLOB_VERSION ||
	    crypto_aead_xchacha20poly1305_ietf_decrypt(master, NULL, NULL, file + SES_HEAD + 25,
	    klen + 16, file, SES_HEAD, file + SES_HEAD + 1, kek) != 0) {
		tc_err_set(err, EX_NOPERM, "session file failed authentication");
		goto out;
	}
	kr = keyring_from_parts(master, klen > TC_KEY_LEN ? master + TC_KEY_LEN : NULL, err);
out:
	sodium_memzero(file, sizeof(file));
	if (raw != NULL)
		sodium_free(raw);
	if (kek != NULL)
		sodium_free(kek);
	if (master != NULL)
		sodium_free(master);
	return kr;
}

int
session_destroy(const char *token, struct tc_err *err)
{
	uint8_t raw[32];
	char path[PATH_MAX];
	struct stat st;
	int rc;

	if (token_decode(token, raw) != 0) {
		sodium_memzero(raw, sizeof(raw));
		return tc_err_set(err, EX_USAGE, "TACT_SESSION is not a session token");
	}
	rc = session_path(raw, path, sizeof(path), err);
	sodium_memzero(raw, sizeof(raw));
	if (rc != 0)
		return -1;
	if (lstat(path, &st) != 0)
		return 0;
	wipe_unlink(path);
	return 1;
}

int
session_destroy_all(struct tc_err *err)
{
	char dir[PATH_MAX - 64], path[PATH_MAX];
	struct dirent *de;
	DIR *d;
	int count = 0;

	if (session_dir(dir, sizeof(dir), err) != 0)
		return -1;
	if ((d = opendir(dir)) == NULL)
		return tc_err_set(err, EX_IOERR, "cannot read '%s': %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (strlen(de->d_name) != 2 * SES_NAME_LEN ||
		    strspn(de->d_name, "0123456789abcdef") != 2 * SES_NAME_LEN)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >= (int)sizeof(path))
			continue;
		wipe_unlink(path);
		count++;
	}
	closedir(d);
	return count;
}
