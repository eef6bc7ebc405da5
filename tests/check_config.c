/*
 * check_config.c - unit tests for the config file (core/base/config.c):
 * values and where they came from, a missing file, and one error naming
 * the file and the line for every kind of bad line.
 */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/config.h"
#include "fixture.h"
#include "suites.h"

static char dir[PATH_MAX];
static char path[PATH_MAX + 16];

static void
setup(void)
{
	fixture_mkdir(dir, sizeof(dir), "config");
	snprintf(path, sizeof(path), "%s/config", dir);
}

static void
teardown(void)
{
	fixture_rmtree(dir);
}

static void
write_file(const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(test_missing)
{
	struct config c;
	struct terr err = { 0 };

	ck_assert_int_eq(config_load(&c, path, &err), 0);
	ck_assert_int_eq(c.found, 0);
	for (int k = 0; k < CONF_KEYS; k++)
		ck_assert_ptr_null(config_get(&c, k));
	config_clear(&c);
}
END_TEST

START_TEST(test_values)
{
	struct config c;
	struct terr err = { 0 };
	char want[PATH_MAX + 32];

	write_file("; comment\n[recruiter]\nname = Sam Rivera\nfirm=Rivera Search\n\n"
	    "[scripts]\nlocale = en-GB\n[report]\nmin_group = 7\n[vault]\nretention = 90d\n"
	    "path = /tmp/x.db\n");
	ck_assert_msg(config_load(&c, path, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(c.found, 1);
	ck_assert_str_eq(config_get(&c, CONF_RECRUITER_NAME), "Sam Rivera");
	ck_assert_str_eq(config_get(&c, CONF_RECRUITER_FIRM), "Rivera Search");
	ck_assert_ptr_null(config_get(&c, CONF_RECRUITER_PHONE));
	ck_assert_str_eq(config_get(&c, CONF_SCRIPTS_LOCALE), "en-GB");
	ck_assert_str_eq(config_get(&c, CONF_REPORT_MIN_GROUP), "7");
	ck_assert_str_eq(config_get(&c, CONF_VAULT_RETENTION), "90d");
	ck_assert_str_eq(config_get(&c, CONF_VAULT_PATH), "/tmp/x.db");
	snprintf(want, sizeof(want), "%s:3", path);
	ck_assert_str_eq(c.v[CONF_RECRUITER_NAME].source, want);
	snprintf(want, sizeof(want), "%s:12", path);
	ck_assert_str_eq(c.v[CONF_VAULT_PATH].source, want);
	/* A later setting replaces the file's, with its own source. */
	ck_assert_int_eq(config_set(&c, CONF_VAULT_PATH, "/y.db", "--vault"), 0);
	ck_assert_str_eq(config_get(&c, CONF_VAULT_PATH), "/y.db");
	ck_assert_str_eq(c.v[CONF_VAULT_PATH].source, "--vault");
	config_clear(&c);
}
END_TEST

/* Loads TEXT; checks it fails with EX_USAGE naming "PATH:LINE: " and holding WANT. */
static void
bad(const char *text, int line, const char *want)
{
	struct config c;
	struct terr err = { 0 };
	char head[PATH_MAX + 32];

	write_file(text);
	ck_assert_int_eq(config_load(&c, path, &err), -1);
	ck_assert_int_eq(err.code, EX_USAGE);
	snprintf(head, sizeof(head), "%s:%d: ", path, line);
	ck_assert_msg(strncmp(err.msg, head, strlen(head)) == 0, "'%s' does not start '%s'",
	    err.msg, head);
	ck_assert_msg(strstr(err.msg, want) != NULL, "'%s' lacks '%s'", err.msg, want);
	config_clear(&c);
}

START_TEST(test_bad_lines)
{
	bad("[recruiter]\nname = Sam\nnot a line\n", 3, "not a 'key = value' line");
	bad("[recruiter]\n\nnmae = Sam\n", 3, "unknown key 'nmae' in [recruiter] (did you mean 'name'?)");
	bad("[recruiter]\nsalary = 9\n", 2, "unknown key 'salary'");
	bad("[reprot]\nmin_group = 5\n", 2, "did you mean [report]?");
	bad("name = Sam\n", 1, "outside any [section]");
	bad("[scripts]\nlocale = fr-FR\n", 2, "locale 'fr-FR'");
	bad("[report]\nmin_group = 2\n", 2, "at least 3");
	bad("[report]\nmin_group = 5x\n", 2, "min_group '5x'");
	bad("[vault]\nretention = 24\n", 2, "retention '24'");
	bad("[vault]\nretention = 0m\n", 2, "retention '0m'");
	bad("[vault]\npath =\n", 2, "path is empty");
	/* The first bad line is the one named. */
	bad("[report]\nmin_group = 1\n[scripts]\nlocale = xx\n", 2, "min_group");
}
END_TEST

START_TEST(test_default_path)
{
	const char *h = getenv("HOME"), *x = getenv("XDG_CONFIG_HOME");
	char *home = h ? strdup(h) : NULL, *xdg = x ? strdup(x) : NULL, *p;

	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	p = config_default_path();
	ck_assert_str_eq(p, "/cfg/tact/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);       /* not absolute: ignored */
	setenv("HOME", "/home/sam", 1);
	p = config_default_path();
	ck_assert_str_eq(p, "/home/sam/.config/tact/config");
	free(p);
	/* As it was, for the tests that run after this one in the same process. */
	if (home != NULL)
		setenv("HOME", home, 1);
	if (xdg != NULL)
		setenv("XDG_CONFIG_HOME", xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(home);
	free(xdg);
}
END_TEST

Suite *
make_config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_missing);
	tcase_add_test(tc, test_values);
	tcase_add_test(tc, test_bad_lines);
	tcase_add_test(tc, test_default_path);
	suite_add_tcase(s, tc);
	return s;
}
