/*
 * failio.c - an LD_PRELOAD shim that makes file writes and syncs fail, to
 * test how tact and SQLite behave when the disk fills up or breaks.
 * Built and used by tests/e2e/t_faults.sh:
 *
 *   cc -shared -fPIC -o failio.so failio.c -ldl
 *   LD_PRELOAD=./failio.so FAILIO_AFTER=3 FAILIO_ERRNO=ENOSPC tact log ...
 *
 * Settings (environment):
 *   FAILIO_AFTER=N      let the first N matching calls through, fail every
 *                       later one (default 0: fail from the first)
 *   FAILIO_ERRNO=E      ENOSPC, EIO, EDQUOT or EROFS (default EIO)
 *   FAILIO_MATCH=TEXT   only files whose path contains TEXT (default: every
 *                       regular file; stdin, stdout and stderr never fail)
 *   FAILIO_CALLS=LIST   which calls fail, of write, pwrite, fsync
 *                       (default all three; write also covers writev,
 *                       pwrite covers pwrite64 and pwritev, fsync covers
 *                       fdatasync)
 *   FAILIO_LOG=FILE     append one line per failed call, so a test can
 *                       tell the fault was really injected
 * Unset FAILIO_AFTER disables the shim (everything passes through).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off64_t);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);

static long calls;              /* matching calls seen so far */

static void *
next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL) {
		static const char msg[] = "failio: a libc function is missing\n";

		/* No stdio here: we may be inside it. */
		if (syscall(1, 2, msg, sizeof(msg) - 1) < 0)
			_exit(125);
		_exit(125);
	}
	return f;
}

static int
errno_value(void)
{
	const char *e = getenv("FAILIO_ERRNO");

	if (e == NULL || strcmp(e, "EIO") == 0)
		return EIO;
	if (strcmp(e, "ENOSPC") == 0)
		return ENOSPC;
	if (strcmp(e, "EDQUOT") == 0)
		return EDQUOT;
	if (strcmp(e, "EROFS") == 0)
		return EROFS;
	return EIO;
}

static void
note(const char *call, int fd, const char *path)
{
	const char *log = getenv("FAILIO_LOG");
	char line[4400];
	int n, lfd;

	if (log == NULL || *log == '\0')
		return;
	n = snprintf(line, sizeof(line), "%s fd %d %s call %ld errno %d\n", call, fd, path, calls,
	    errno_value());
	if (n <= 0)
		return;
	if (real_write == NULL)
		real_write = next("write");
	lfd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (lfd >= 0) {
		if (real_write(lfd, line, (size_t)n) < 0) {
			/* the log is best effort */
		}
		close(lfd);
	}
}

/* Whether this call on FD should fail; counts the calls that match. */
static int
should_fail(const char *call, const char *kind, int fd)
{
	const char *after = getenv("FAILIO_AFTER"), *match = getenv("FAILIO_MATCH");
	const char *which = getenv("FAILIO_CALLS");
	char link[64], path[4096];
	struct stat st;
	ssize_t n;

	if (after == NULL || fd <= 2)
		return 0;
	if (which != NULL && *which != '\0' && strstr(which, kind) == NULL)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof(path) - 1)) < 0)
		n = 0;
	path[n] = '\0';
	if (match != NULL && *match != '\0' && strstr(path, match) == NULL)
		return 0;
	if (++calls <= atol(after))
		return 0;
	note(call, fd, path);
	errno = errno_value();
	return 1;
}

ssize_t
write(int fd, const void *buf, size_t len)
{
	if (real_write == NULL)
		real_write = next("write");
	if (should_fail("write", "write", fd))
		return -1;
	return real_write(fd, buf, len);
}

ssize_t
writev(int fd, const struct iovec *iov, int n)
{
	if (real_writev == NULL)
		real_writev = next("writev");
	if (should_fail("writev", "write", fd))
		return -1;
	return real_writev(fd, iov, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t len, off_t off)
{
	if (real_pwrite == NULL)
		real_pwrite = next("pwrite");
	if (should_fail("pwrite", "pwrite", fd))
		return -1;
	return real_pwrite(fd, buf, len, off);
}

ssize_t
pwrite64(int fd, const void *buf, size_t len, off64_t off)
{
	if (real_pwrite64 == NULL)
		real_pwrite64 = next("pwrite64");
	if (should_fail("pwrite64", "pwrite", fd))
		return -1;
	return real_pwrite64(fd, buf, len, off);
}

ssize_t
pwritev(int fd, const struct iovec *iov, int n, off_t off)
{
	if (real_pwritev == NULL)
		real_pwritev = next("pwritev");
	if (should_fail("pwritev", "pwrite", fd))
		return -1;
	return real_pwritev(fd, iov, n, off);
}

int
fsync(int fd)
{
	if (real_fsync == NULL)
		real_fsync = next("fsync");
	if (should_fail("fsync", "fsync", fd))
		return -1;
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	if (real_fdatasync == NULL)
		real_fdatasync = next("fdatasync");
	if (should_fail("fdatasync", "fsync", fd))
		return -1;
	return real_fdatasync(fd);
}
