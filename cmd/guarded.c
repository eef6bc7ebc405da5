/*
 * guarded.c - printing only what the leak guard lets through.
 *
 * Every line of a script is vetted as it is chosen; this is the last look
 * at the whole rendered output, where words of two lines meet.  When the
 * whole trips the guard, other wording is drawn (a derived seed), a bounded
 * number of times; then the command fails rather than print.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "cmd/cmd.h"
#include "cmd/guarded.h"

#define GUARDED_TRIES 16

int
cmd_check_wording(void *guard, const char *text)
{
	const char *rule;

	return guard_check(guard, text, &rule);
}

/* Checks every string of the JSON document J; 0 if all may be said. */
static int
check_json(const struct guard *g, json_t *j, const char **rule)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_string(j))
		return guard_check(g, json_string_value(j), rule);
	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (check_json(g, v, rule) != 0)
				return 1;
	} else if (json_is_object(j)) {
		json_object_foreach(j, key, v)
			if (check_json(g, v, rule) != 0)
				return 1;
	}
	return 0;
}

/* Checks OUT as the user will see it: the whole text, or with --json every
 * string of the document (the escaped form would hide non-ASCII words). */
static int
check_output(struct cmd_ctx *ctx, const struct guard *g, const char *out, const char **rule)
{
	json_t *j;
	int rc;

	if (!ctx->json)
		return guard_check(g, out, rule);
	if ((j = json_loads(out, JSON_DECODE_ANY, NULL)) == NULL) {
		*rule = "unreadable output";
		return 1;
	}
	rc = check_json(g, j, rule);
	json_decref(j);
	return rc;
}

char *
cmd_guarded(struct cmd_ctx *ctx, const struct guard *g, uint64_t seed, const char *what,
    cmd_render_fn render, void *arg)
{
	const char *rule = "no wording";
	char *out;

	for (int t = 0; t < GUARDED_TRIES; t++) {
		out = render(ctx, seed + (uint64_t)t * 0x10000000000ULL, arg);
		if (out == NULL)
			return NULL;
		if (check_output(ctx, g, out, &rule) == 0)
			return out;
		wipe_str_free(out);
	}
	terr_set(&ctx->err, EX_DATAERR, "%s would disclose confidential content; nothing printed "
	    "(%s)", what, rule);
	return NULL;
}

char *
cmd_render(struct cmd_ctx *ctx, json_t *j, void (*write)(const void *obj, FILE *out),
    const void *obj)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	if (ctx->json) {
		if (j != NULL)
			buf = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
		json_decref(j);
	} else if ((f = open_memstream(&buf, &len)) != NULL) {
		write(obj, f);
		fclose(f);
	}
	if (buf == NULL)
		terr_set(&ctx->err, EX_OSERR, "out of memory");
	return buf;
}

void
cmd_print_secret(char *out, int newline)
{
	fputs(out, stdout);
	if (newline)
		fputc('\n', stdout);
	wipe_str_free(out);
}
