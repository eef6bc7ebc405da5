/*
 * passphrase.c - reading a passphrase into locked memory.
 *
 * From a file, only the first line counts and at most TC_PASS_MAX bytes are
 * ever read, so a huge file costs nothing.  From the terminal, /dev/tty is
 * used with echo off, never stdin, so piped input cannot be mistaken for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "alloc.h"
#include "internal.h"

#define TC_PASS_MAX 1024

struct secret {
	size_t len;
	char str[TC_PASS_MAX + 2];
};

const char *
secret_str(const struct secret *s)
{
	return s->str;
}

size_t
secret_len(const struct secret *s)
{
	return s->len;
}

void
secret_free(struct secret *s)
{
	if (s != NULL)
		sodium_free(s);
}

/* Ends the secret at its first newline; refuses empty and over-long ones. */
static int
secret_finish(struct secret *s, size_t got, const char *what, struct tc_err *err)
{
	char *nl = memchr(s->str, '\n', got);

	if (nl == NULL && got > TC_PASS_MAX)
		return tc_err_set(err, EX_DATAERR, "%s: passphrase longer than %d bytes", what,
		    TC_PASS_MAX);
	s->len = nl != NULL ? (size_t)(nl - s->str) : got;
	if (s->len > 0 && s->str[s->len - 1] == '\r')
		s->len--;
	s->str[s->len] = '\0';
	sodium_memzero(s->str + s->len, sizeof(s->str) - s->len);
	if (memchr(s->str, '\0', s->len) != NULL)
		return tc_err_set(err, EX_DATAERR, "%s: passphrase contains a NUL byte", what);
	if (s->len == 0)
		return tc_err_set(err, EX_DATAERR, "%s: empty passphrase", what);
	return 0;
}

struct secret *
secret_from_file(const char *path, struct tc_err *err)
{
	struct secret *s;
	size_t got = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		tc_err_set(err, errno == ENOENT ? EX_NOINPUT : EX_IOERR,
		    "cannot read passphrase file '%s': %s", path, strerror(errno));
		return NULL;
	}
	if ((s = tc_secure_alloc(sizeof(*s), err)) == NULL) {
		close(fd);
		return NULL;
	}
	sodium_memzero(s->str, sizeof(s->str));
	/* Read until a newline or one byte past the limit, never more. */
	while (got < TC_PASS_MAX + 1 && memchr(s->str, '\n', got) == NULL) {
		n = read(fd, s->str + got, TC_PASS_MAX + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			tc_err_set(err, EX_IOERR, "cannot read passphrase file '%s': %s", path,
			    strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	fd = -1;
	if (secret_finish(s, got, "passphrase file", err) != 0)
		goto fail;
	return s;
fail:
	if (fd >= 0)
		close(fd);
	secret_free(s);
	return NULL;
}

static struct secret *
ask_once(int fd, const char *prompt, struct tc_err *err)
{
	struct termios old, quiet;
	struct secret *s;
	size_t got = 0;
	ssize_t n;
	char c;

	if ((s = tc_secure_alloc(sizeof(*s), err)) == NULL)
		return NULL;
	sodium_memzero(s->str, sizeof(s->str));
	if (write(fd, prompt, strlen(prompt)) < 0) {
		/* nothing useful to do; the read below still works */
	}
	if (tcgetattr(fd, &old) != 0) {
		tc_err_set(err, EX_NOPERM, "cannot ask for the passphrase: not a terminal");
		goto fail;
	}
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	tcsetattr(fd, TCSAFLUSH, &quiet);
	for (;;) {
		n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || c == '\n')
			break;
		if (got <= TC_PASS_MAX)
			s->str[got++] = c;
	}
	c = 0;
	tcsetattr(fd, TCSAFLUSH, &old);
	if (write(fd, "\n", 1) < 0) {
		/* as above */
	}
	if (secret_finish(s, got, "terminal", err) != 0)
		goto fail;
	return s;
fail:
	secret_free(s);
	return NULL;
}

struct secret *
secret_from_tty(const char *prompt, int confirm, struct tc_err *err)
{
	struct secret *a = NULL, *b = NULL;
	int fd;

	if ((fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		tc_err_set(err, EX_NOPERM, "no passphrase given and no terminal to ask on "
		    "(use --passphrase-file FILE, TACT_PASSPHRASE_FILE or TACT_SESSION)");
		return NULL;
	}
	if ((a = ask_once(fd, prompt, err)) == NULL)
		goto out;
	if (confirm) {
		if ((b = ask_once(fd, "Repeat passphrase: ", err)) == NULL) {
			secret_free(a);
			a = NULL;
			goto out;
		}
		if (a->len != b->len || sodium_memcmp(a->str, b->str, a->len) != 0) {
			tc_err_set(err, EX_DATAERR, "the passphrases do not match");
			secret_free(a);
			a = NULL;
		}
	}
out:
	secret_free(b);
	close(fd);
	return a;
}

struct secret *
secret_from_text(const char *text, size_t len, struct tc_err *err)
{
	struct secret *s;

	if (len > TC_PASS_MAX) {
		tc_err_set(err, EX_DATAERR, "secret longer than %d bytes", TC_PASS_MAX);
		return NULL;
	}
	if ((s = tc_secure_alloc(sizeof(*s), err)) == NULL)
		return NULL;
	sodium_memzero(s->str, sizeof(s->str));
	memcpy(s->str, text, len);
	if (secret_finish(s, len, "secret", err) != 0) {
		secret_free(s);
		return NULL;
	}
	return s;
}
