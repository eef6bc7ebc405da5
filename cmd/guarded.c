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

#include "cmd.h"
#include "guarded.h"

#define GUARDED_TRIES 16

int
guard_says(void *arg, const char *text)
{
	const char *rule;

	return guard_check(arg, text, &rule);
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
		if (guard_check(g, out, &rule) == 0)
			return out;
		memset(out, 0, strlen(out));
		free(out);
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
	memset(out, 0, strlen(out));
	free(out);
}
