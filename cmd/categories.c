/* categories.c - `tact categories`: the reason taxonomy with descriptions. */
#include "core/base/taxonomy.h"
#include "cmd/cmd.h"

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	if (key == ARGP_KEY_ARG)
		return cmd_usage(state, "unexpected argument '%s'", arg);
	return ARGP_ERR_UNKNOWN;
}

static const struct argp argp = {
	NULL, parse, NULL,
	"List the reason categories a turndown can be filed under, with what each means.\v"
	"Use a slug with --reason, e.g. --reason compensation or --reason hr:confidential.",
	NULL, NULL, NULL
};

static int
categories_exec(struct cmd_ctx *ctx, void *opts)
{
	json_t *arr;

	(void)opts;
	if (ctx->json) {
		arr = json_array();
		for (int i = 0; i < TAXONOMY_COUNT; i++)
			json_array_append_new(arr, json_pack("{s:s, s:s}", "category", taxonomy[i].slug,
			    "description", taxonomy[i].description));
		return cmd_print_json(ctx, arr);
	}
	for (int i = 0; i < TAXONOMY_COUNT; i++)
		printf("%-15s %s\n", taxonomy[i].slug, taxonomy[i].description);
	return 0;
}

const struct cmd_entry cmd_categories_entry = {
	.name = "categories",
	.summary = "the reason categories with one-line descriptions",
	.argp = &argp,
	.exec = categories_exec,
};
