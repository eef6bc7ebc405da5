/*
 * check_main.c - the one unit-test runner: every suite of suites.h, run by
 * Check with its normal report.
 *
 * Sessions live under $XDG_RUNTIME_DIR/tact, so before any test runs the
 * runner points XDG_RUNTIME_DIR at a fresh private folder (mode 0700): no
 * test ever touches the real one.  TMPDIR points at another folder beside
 * it, where the fixtures make their own; the runner removes both at the end,
 * so even a test that failed before its teardown leaves nothing behind.
 * tc_init() is called first, as tact itself does; it also disables core
 * dumps.
 */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "crypto/tcrypto.h"
#include "fixture.h"
#include "suites.h"

/* The suites, in the order of their files' names. */
static Suite *(*const builders[])(void) = {
#define SUITE(name) name,
#include "suites.inc"
#undef SUITE
};

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char top[4096], rundir[4200], tmpdir[4200];
	struct tc_err err = { 0 };
	SRunner *sr;
	size_t i;
	int failed;

	if (tc_init(&err) != 0) {
		fprintf(stderr, "check_tact: %s\n", err.msg);
		return EXIT_FAILURE;
	}
	snprintf(top, sizeof(top), "%s/tact-check.XXXXXX",
	    tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(top) == NULL) {
		perror("check_tact: cannot create a temporary folder");
		return EXIT_FAILURE;
	}
	snprintf(rundir, sizeof(rundir), "%s/run", top);
	snprintf(tmpdir, sizeof(tmpdir), "%s/tmp", top);
	if (mkdir(rundir, 0700) != 0 || chmod(rundir, 0700) != 0 || mkdir(tmpdir, 0700) != 0) {
		perror("check_tact: cannot create the test folders");
		fixture_rmtree(top);
		return EXIT_FAILURE;
	}
	setenv("XDG_RUNTIME_DIR", rundir, 1);
	setenv("TMPDIR", tmpdir, 1);
	unsetenv("TACT_SESSION");
	unsetenv("TACT_VAULT");
	unsetenv("TACT_PASSPHRASE_FILE");

	sr = srunner_create(builders[0]());
	for (i = 1; i < sizeof(builders) / sizeof(builders[0]); i++)
		srunner_add_suite(sr, builders[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);

	fixture_rmtree(top);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
