/*
 * feedback.h - what the files of `tact feedback` share: the subcommands'
 * entries (one file each, gathered in feedback.c), the options `log` and
 * `edit` both take (feedback_opts.c), and reading a feedback id.
 */
#ifndef TACT_CMD_FEEDBACK_H
#define TACT_CMD_FEEDBACK_H

#include "core/records/feedback.h"
#include "cmd/cmd.h"

extern const struct cmd_entry cmd_feedback_log_entry;
extern const struct cmd_entry cmd_feedback_areas_entry;
extern const struct cmd_entry cmd_feedback_list_entry;
extern const struct cmd_entry cmd_feedback_show_entry;
extern const struct cmd_entry cmd_feedback_edit_entry;
extern const struct cmd_entry cmd_feedback_delete_entry;
extern const struct cmd_entry cmd_feedback_coach_entry;
extern const struct cmd_entry cmd_feedback_ask_entry;

/* The options of `feedback log` and `feedback edit`, filled into a record. */
struct fb_opts {
	struct cmd_ctx *ctx;
	struct feedback fb;
	long long id;                   /* edit: the record */
	int have_conf, have_share, have_areas, have_from, have_stage, have_date, have_role;
	int any;                        /* edit: some option was given */
	int editor;                     /* edit: none, on a terminal: open it in $EDITOR */
};
extern const struct argp_option fb_log_options[];
/* The argp parser of those options; ID arguments only for edit (EDIT set in state). */
error_t fb_opts_parse(int key, char *arg, struct argp_state *state, int edit);
/* Asks on a terminal for what `log` is missing: candidate, client, areas,
 * then the shareable points and the confidential note ('e' for $EDITOR). */
int fb_opts_ask(struct cmd_ctx *ctx, struct fb_opts *o);
void fb_opts_fini(void *opts);

/* For subcommands that take one feedback ID: handles ARGP_KEY_ARG and ARGP_KEY_END. */
int fb_arg_id(struct argp_state *state, int key, const char *arg, long long *id);

#endif
