/*
 * guarded.c - printing only what the leak guard lets through.
 *
 * Every line of a script is vetted as it is chosen; this is the last look
 * at the whole rendered output, where words of two lines meet.  When the
 * whole trips the guard, other wording is drawn (a derived seed), a bounded
 * number of times; then the command fails rather than print.
 *
 * Names are read whole.  The guard refuses any part of the name of someone
 * seen neutrally or negatively, so a candidate called Anna Smith could not
 * be named when an Anna Jones sat on the panel, and her notes were refused.
 * When the guard's only objection is a name, the text is asked again with
 * the whole sayable names (candidate, client, a note's recipient) taken
 * out: a name that still trips the guard then stands alone, and is refused.
 * The runs of confidential words were checked on the text as it is first.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "cmd/cmd.h"
#include "cmd/guarded.h"

#define GUARDED_TRIES 16

#define RULE_NAME "a name that must not be said"

void
cmd_wording_init(struct cmd_wording *w, const struct guard *g, const char *const *sayable,
    size_t n)
{
	size_t k = 0;

	w->guard = g;
	for (size_t i = 0; i < n && k < CMD_SAYABLE_MAX; i++)
		if (sayable[i] != NULL && sayable[i][0] != '\0')
			w->sayable[k++] = sayable[i];
	w->sayable[k] = NULL;
}

static int
word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c >= 0x80;
}

/* Returns a copy of TEXT with every whole occurrence of the names of W
 * blanked out (free it); NULL when out of memory or when there is none. */
static char *
without_sayable(const struct cmd_wording *w, const char *text)
{
	char *copy = NULL;
	int found = 0;

	if ((copy = strdup(text)) == NULL)
		return NULL;
	for (size_t k = 0; w->sayable[k] != NULL; k++) {
		size_t nl = strlen(w->sayable[k]);

		for (char *p = strstr(copy, w->sayable[k]); p != NULL; p = strstr(p + 1, w->sayable[k])) {
			if ((p > copy && word_byte((unsigned char)p[-1])) || word_byte((unsigned char)p[nl]))
				continue;
			memset(p, ' ', nl);
			found = 1;
		}
	}
	if (!found) {
		free(copy);
		return NULL;
	}
	return copy;
}

/* Returns 0 if TEXT may be said, by the guard, names read whole (above). */
static int
check_text(const struct cmd_wording *w, const char *text, const char **rule)
{
	char *masked;
	int rc;

	if ((rc = guard_check(w->guard, text, rule)) == 0 || strcmp(*rule, RULE_NAME) != 0)
		return rc;
	if ((masked = without_sayable(w, text)) == NULL)
		return rc;
	rc = guard_check(w->guard, masked, rule);
	wipe_str_free(masked);
	return rc;
}

int
cmd_check_wording(void *wording, const char *text)
{
	const char *rule;

	return check_text(wording, text, &rule);
}

/* Checks every string of the JSON document J; 0 if all may be said. */
static int
check_json(const struct cmd_wording *g, json_t *j, const char **rule)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_string(j))
		return check_text(g, json_string_value(j), rule);
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
check_output(struct cmd_ctx *ctx, const struct cmd_wording *g, const char *out, const char **rule)
{
	json_t *j;
	int rc;

	if (!ctx->json)
		return check_text(g, out, rule);
	if ((j = json_loads(out, JSON_DECODE_ANY, NULL)) == NULL) {
		*rule = "unreadable output";
		return 1;
	}
	rc = check_json(g, j, rule);
	json_decref(j);
	return rc;
}

char *
cmd_guarded(struct cmd_ctx *ctx, const struct cmd_wording *g, uint64_t seed, const char *what,
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
