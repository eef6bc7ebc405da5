/*
 * input.c - reading files, prompts and $EDITOR notes for commands.
 *
 * A note written in $EDITOR has to live in a file while the editor runs.
 * That file is made only under $XDG_RUNTIME_DIR, which is memory-backed and
 * private to the user, in a 0700 folder of its own; it is overwritten with
 * zeros and removed as soon as the editor exits.  Without $XDG_RUNTIME_DIR
 * the editor is refused rather than falling back to a disk folder.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/base/wipe.h"
#include "cmd/cmd.h"
#include "cmd/input.h"

void
input_free(char *s)
{
	wipe_str_free(s);
}

char *
input_file(const char *path, size_t max, size_t *lenp, struct terr *err)
{
	char *buf;
	size_t len = 0;
	ssize_t n;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		terr_set(err, errno == ENOENT ? EX_NOINPUT : EX_IOERR, "cannot read '%s': %s", path,
		    strerror(errno));
		return NULL;
	}
	if ((buf = malloc(max + 2)) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto fail;
	}
	while (len <= max) {
		n = read(fd, buf + len, max + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			terr_set(err, EX_IOERR, "cannot read '%s': %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > max) {
		terr_set(err, EX_DATAERR, "'%s' is too long (the limit is %zu bytes)", path, max);
		goto fail;
	}
	buf[len] = '\0';
	if (fd != STDIN_FILENO)
		close(fd);
	*lenp = len;
	return buf;
fail:
	wipe_free(buf, max + 2);
	if (fd != STDIN_FILENO)
		close(fd);
	return NULL;
}

char *
input_ask(const char *question, struct terr *err)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	fprintf(stderr, "%s", question);
	fflush(stderr);
	n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		terr_set(err, EX_USAGE, "no answer (end of input)");
		return NULL;
	}
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
	return line;
}

int
input_confirm(const char *question)
{
	struct terr e = { 0 };
	char *a = input_ask(question, &e);
	int yes = a != NULL && (strcmp(a, "y") == 0 || strcmp(a, "yes") == 0 ||
	    strcmp(a, "Y") == 0 || strcmp(a, "YES") == 0 || strcmp(a, "Yes") == 0);

	free(a);
	return yes;
}

static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static void
wipe_file(const char *path, size_t len)
{
	char zero[4096] = { 0 };
	int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd >= 0) {
		while (len > 0) {
			size_t chunk = len < sizeof(zero) ? len : sizeof(zero);

			if (write(fd, zero, chunk) < 0)
				break;
			len -= chunk;
		}
		fsync(fd);
		close(fd);
	}
	unlink(path);
}

/* Wipes and removes every file in DIR (the note, and any backup or swap
 * file the editor left beside it), then DIR itself. */
static void
wipe_dir(const char *dir)
{
	char path[4200];
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(dir);

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >= (int)sizeof(path))
			continue;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
			wipe_file(path, (size_t)st.st_size);
		else
			unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

char *
input_editor(const char *hint, size_t max, struct terr *err)
{
	return input_editor_text(hint, NULL, max, err);
}

char *
input_editor_text(const char *hint, const char *initial, size_t max, struct terr *err)
{
	const char *rt = getenv("XDG_RUNTIME_DIR"), *editor = getenv("VISUAL");
	char dir[4096], path[4200], *text = NULL;
	size_t len = 0;
	sigset_t block, old;
	pid_t pid, waited;
	int fd, status = 0;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	if (rt == NULL || rt[0] != '/') {
		terr_set(err, EX_UNAVAILABLE, "no private memory folder ($XDG_RUNTIME_DIR) for the "
		    "editor's file; type the note instead");
		return NULL;
	}
	snprintf(dir, sizeof(dir), "%s/tact-edit-XXXXXX", rt);
	if (mkdtemp(dir) == NULL) {
		terr_set(err, EX_CANTCREAT, "cannot make a folder for the editor: %s",
		    strerror(errno));
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/NOTE", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		terr_set(err, EX_CANTCREAT, "cannot create the editor's file: %s", strerror(errno));
		rmdir(dir);
		return NULL;
	}
	if ((initial != NULL && *initial != '\0' ?
	    dprintf(fd, "# %s\n# Lines starting with '#' are left out.\n", hint) < 0 ||
	    write_all(fd, initial, strlen(initial)) != 0 || write_all(fd, "\n", 1) != 0 :
	    dprintf(fd, "\n# %s\n# Lines starting with '#' are left out.\n", hint) < 0)) {
		terr_set(err, EX_IOERR, "cannot write the editor's file: %s", strerror(errno));
		close(fd);
		wipe_dir(dir);
		return NULL;
	}
	close(fd);
	/* Ctrl-C belongs to the editor while it runs; tact must live to clean up. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGQUIT);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	if ((pid = fork()) == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		/* Neither the session token nor the passphrase file is the editor's
		 * business; the path is not secret and the note never reaches argv. */
		unsetenv("TACT_SESSION");
		unsetenv("TACT_PASSPHRASE_FILE");
		execl("/bin/sh", "sh", "-c", "$0 \"$1\"", editor, path, (char *)NULL);
		_exit(127);
	}
	waited = pid > 0 ? waitpid(pid, &status, 0) : -1;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (waited < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		terr_set(err, EX_UNAVAILABLE, "the editor '%s' failed", editor);
		goto out;
	}
	if ((text = input_file(path, max + 4096, &len, err)) != NULL) {
		/* Drop comment lines. */
		char *r = text, *w = text, *nl;

		while (*r != '\0') {
			nl = strchr(r, '\n');
			size_t l = nl ? (size_t)(nl - r + 1) : strlen(r);

			if (*r != '#') {
				memmove(w, r, l);
				w += l;
			}
			r += l;
		}
		*w = '\0';
		while (w > text && (w[-1] == '\n' || w[-1] == ' '))
			*--w = '\0';
	}
out:
	wipe_dir(dir);
	return text;
}

char *
input_inline(size_t max, struct terr *err)
{
	char *buf = malloc(max + 1), *line = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;

	if (buf == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	fprintf(stderr, "Type the note; end it with a line holding only '.':\n");
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		if (strcmp(line, ".\n") == 0 || strcmp(line, ".") == 0)
			break;
		if (len + (size_t)n > max) {
			terr_set(err, EX_DATAERR, "the note is too long (the limit is %zu bytes)", max);
			wipe_free(line, cap);
			wipe_free(buf, max + 1);
			return NULL;
		}
		memcpy(buf + len, line, (size_t)n);
		len += (size_t)n;
	}
	if (line != NULL)
		wipe_free(line, cap);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		len--;
	buf[len] = '\0';
	return buf;
}

/* The editor, again and again if it fails: a note's (INITIAL NULL) or a
 * form's, starting from INITIAL. */
static char *
editor_loop(const char *hint, const char *initial, size_t max, struct terr *err)
{
	int form = initial != NULL;
	char *text, *a;

	for (;;) {
		terr_clear(err);
		text = input_editor_text(hint, initial, max, err);
		if (text != NULL)
			return text;
		if (err->code != EX_UNAVAILABLE && err->code != EX_CANTCREAT)
			return NULL;
		cmd_notice("%s; what you typed so far is kept", err->msg);
		terr_clear(err);
		a = input_ask(!form ? "[r] run the editor again, [t] type the note here, "
		    "[s] skip the note: " : "[r] run the editor again, [t] type it here, [s] stop "
		    "(nothing changes): ", err);
		if (a == NULL)
			return NULL;
		if (strcmp(a, "t") == 0) {
			free(a);
			return input_inline(max, err);
		}
		if (strcmp(a, "s") == 0) {
			free(a);
			if ((text = strdup("")) == NULL)
				terr_set(err, EX_OSERR, "out of memory");
			return text;
		}
		free(a);
	}
}

char *
input_note(const char *hint, size_t max, struct terr *err)
{
	return editor_loop(hint, NULL, max, err);
}

char *
input_form(const char *hint, const char *initial, size_t max, struct terr *err)
{
	return editor_loop(hint, initial, max, err);
}

void
input_warn_argv(void)
{
	cmd_notice("warning: --confidential and --met on the command line can be read by other "
	    "users (ps) and stay in your shell's history; use --confidential-file - or leave them "
	    "out to be asked");
}
