/*
 * feedback_show.c - `tact feedback show ID [--confidential]`: one client's
 * feedback.  Without --confidential only what may be passed on is shown,
 * with a count of the areas held back; --confidential adds the confidential
 * areas, who gave the feedback, and the client's confidential note (read
 * through core/confidential/, the one reader).  --json is the import
 * format's object (feedback_to_json) with the id.
 */
#include <stdio.h>
#include <string.h>

#include "core/base/taxonomy.h"
#include "core/confidential/confidential.h"
#include "cmd/feedback.h"

struct show_opts {
	struct cmd_ctx *ctx;
	long long id;
	int conf;
};

static const struct argp_option options[] = {
	{ "confidential", 'c', NULL, 0, "also show the confidential areas, who gave the feedback, "
	  "and the client's confidential note", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct show_opts *o = state->input;

	switch (key) {
	case 'c':
		o->conf = 1;
		return 0;
	case ARGP_KEY_ARG:
	case ARGP_KEY_END:
		return fb_arg_id(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, "ID",
	"Show one client's feedback on a candidate; what was said in confidence only with "
	"--confidential.\v"
	"Example:  tact feedback show 3 --confidential", NULL, NULL, NULL
};

static void
print_note(const char *label, const char *text)
{
	const char *p = text, *nl;

	printf("%s\n", label);
	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		printf("  %.*s\n", nl ? (int)(nl - p) : (int)strlen(p), p);
		p = nl ? nl + 1 : NULL;
	}
}

static void
print_text(const struct feedback *fb, int conf)
{
	size_t hidden = 0;
	const char *sep = "";

	printf("Feedback %lld\n", fb->id);
	printf("  Candidate     %s\n", fb->candidate);
	printf("  Client        %s\n", fb->client);
	printf("  Role          %s\n", fb->role ? fb->role : "-");
	printf("  Stage         %s\n", fb->stage ? fb_stage_names[fb->stage] : "-");
	printf("  Given         %s\n", fb->date);
	printf("  Areas         ");
	for (size_t i = 0; i < fb->nareas; i++) {
		if (!conf && fb->areas[i].visibility == VIS_CONFIDENTIAL) {
			hidden++;
			continue;
		}
		printf("%s%s%s", sep, feedback_areas[fb->areas[i].area].slug,
		    fb->areas[i].visibility == VIS_CONFIDENTIAL ? " (confidential)" : "");
		sep = ", ";
	}
	if (hidden)
		printf("%s%zu confidential (see --confidential)", sep, hidden);
	printf("\n");
	if (conf && fb->from != NULL)
		printf("  From          %s (%s; confidential)\n", fb->from,
		    person_role_words[fb->from_role]);
	if (fb->shareable)
		print_note("Shareable points", fb->shareable);
	if (conf && fb->confidential)
		print_note("Confidential note", fb->confidential);
}

static int
show_exec(struct cmd_ctx *ctx, void *opts)
{
	struct show_opts *o = opts;
	struct feedback fb;
	json_t *j;
	int rc = -1;

	feedback_init(&fb);
	if (feedback_load(ctx->vault, o->id, FB_ALL_OPEN, &fb, &ctx->err) != 0)
		goto out;
	if (o->conf && confidential_feedback_load(ctx->vault, &fb, &ctx->err) != 0)
		goto out;
	if (ctx->json) {
		if ((j = feedback_to_json(&fb, o->conf)) == NULL) {
			terr_set(&ctx->err, EX_OSERR, "out of memory");
			goto out;
		}
		json_object_set_new(j, "id", json_integer(fb.id));
		rc = cmd_print_json(ctx, j);
	} else {
		print_text(&fb, o->conf);
		rc = 0;
	}
out:
	feedback_clear(&fb);
	return rc;
}

const struct cmd_entry cmd_feedback_show_entry = {
	.name = "show",
	.summary = "one client's feedback; the confidential part only with --confidential",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct show_opts),
	.exec = show_exec,
};
