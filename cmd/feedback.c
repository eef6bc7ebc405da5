/*
 * feedback.c - `tact feedback`: the other direction, a client's feedback on
 * a candidate it rejected (SPEC section 9).  The subcommands live in
 * cmd/feedback_<sub>.c; this file gathers them and holds `feedback areas`,
 * the list of areas with one line each.
 */
#include <stdio.h>

#include "cmd/feedback.h"

static const struct argp areas_argp = {
	NULL, NULL, NULL,
	"The areas a client's feedback is filed under, with what each covers.\v"
	"Example:  tact feedback areas", NULL, NULL, NULL
};

static int
areas_exec(struct cmd_ctx *ctx, void *opts)
{
	json_t *arr;

	(void)opts;
	if (ctx->json) {
		if ((arr = json_array()) == NULL)
			return terr_set(&ctx->err, EX_OSERR, "out of memory");
		for (int i = 0; i < FB_AREA_COUNT; i++)
			json_array_append_new(arr, json_pack("{s:s, s:s}", "slug", feedback_areas[i].slug,
			    "description", feedback_areas[i].description));
		return cmd_print_json(ctx, arr);
	}
	for (int i = 0; i < FB_AREA_COUNT; i++)
		if (printf("%-26s %s\n", feedback_areas[i].slug, feedback_areas[i].description) < 0)
			return terr_set(&ctx->err, EX_IOERR, "cannot write the list");
	return 0;
}

const struct cmd_entry cmd_feedback_areas_entry = {
	.name = "areas",
	.summary = "the feedback areas with one-line descriptions",
	.argp = &areas_argp,
	.exec = areas_exec,
};

static const struct cmd_entry *const feedback_subs[] = {
	&cmd_feedback_log_entry, &cmd_feedback_areas_entry, &cmd_feedback_list_entry,
	&cmd_feedback_show_entry, &cmd_feedback_edit_entry, &cmd_feedback_delete_entry,
	&cmd_feedback_coach_entry, &cmd_feedback_ask_entry, NULL
};

static const struct argp feedback_argp = {
	NULL, NULL, NULL,
	"A client's feedback on a candidate it rejected: what may be passed on and what was said "
	"in confidence, kept apart, and the scripts of the coaching call with the candidate and "
	"of the candidate's own call to the hiring manager.\v"
	"Example:\n"
	"  tact feedback log --candidate 'Jane Roe' --client 'Acme Health' --stage final "
	"--area accomplishments --area communication:confidential --share 'Wanted more numbers "
	"behind the turnaround story.'\n"
	"  tact feedback coach 1", NULL, NULL, NULL
};

const struct cmd_entry cmd_feedback_entry = {
	.name = "feedback",
	.summary = "a client's feedback on a rejected candidate: log, areas, list, show, edit, "
	    "delete, coach, ask",
	.argp = &feedback_argp,
	.subs = feedback_subs,
};
