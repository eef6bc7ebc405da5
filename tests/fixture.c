/* fixture.c - temporary folders and passphrase files for the unit suites. */
#include <check.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
fixture_mkdir(char *dir, size_t size, const char *name)
{
	const char *base = getenv("TMPDIR");

	snprintf(dir, size, "%s/tact-check-%s.XXXXXX",
	    base != NULL && base[0] == '/' ? base : "/tmp", name);
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

void
fixture_rmtree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

struct secret *
fixture_secret(const char *dir, const char *file, const char *text)
{
	char path[PATH_MAX + 64];
	struct tc_err err = { 0 };
	struct secret *s;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fprintf(f, "%s\n", text);
	ck_assert_int_eq(fclose(f), 0);
	s = secret_from_file(path, &err);
	ck_assert_msg(s != NULL, "secret_from_file: %s", err.msg);
	return s;
}
