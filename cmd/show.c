/*
 * show.c - `tact show ID [--confidential]`: one turndown.
 *
 * Without --confidential only what may be passed on is shown, with counts
 * of what is held back; --confidential adds the confidential reasons, the
 * people met with impressions, and the confidential note.
 */
#include <string.h>

#include "core/records/read.h"
#include "core/confidential/confidential.h"
#include "core/records/turndown.h"
#include "cmd/cmd.h"

struct show_opts {
	struct cmd_ctx *ctx;
	long long id;
	int conf;
};

static const struct argp_option options[] = {
	{ "confidential", 'c', NULL, 0, "also show the confidential reasons, the people met with "
	  "impressions, and the confidential note", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct show_opts *o = state->input;

	switch (key) {
	case 'c':
		o->conf = 1;
		break;
	case ARGP_KEY_ARG:
	case ARGP_KEY_END:
		return cmd_arg_turndown(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "ID",
	"Show one turndown.  What the candidate said in confidence is shown only with "
	"--confidential.\v"
	"Example:  tact show 12 --confidential",
	NULL, NULL, NULL
};

static json_t *
to_json(const struct turndown *td, int conf)
{
	json_t *j, *reasons = json_array(), *met;

	for (size_t i = 0; i < td->nreasons; i++) {
		if (!conf && td->reasons[i].visibility == VIS_CONFIDENTIAL)
			continue;
		json_array_append_new(reasons, json_pack("{s:s, s:s}", "category",
		    taxonomy[td->reasons[i].category].slug, "visibility",
		    visibility_names[td->reasons[i].visibility]));
	}
	j = json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s, s:s, s:o, s:s?}", "id",
	    (json_int_t)td->id, "candidate", td->candidate, "client", td->client, "role", td->role,
	    "offer_date", td->offer_date[0] ? td->offer_date : NULL, "decline_date",
	    td->decline_date, "consent", consent_names[td->consent], "reasons", reasons,
	    "shareable", td->shareable);
	if (j != NULL) {
		json_object_set_new(j, "pronouns", td->pronouns > PRON_UNSET ?
		    json_string(pronoun_names[td->pronouns]) : json_null());
		json_object_set_new(j, "field", json_string(field_names[field_effective(td->field, td->role)]));
		json_object_set_new(j, "field_given", json_boolean(td->field > FIELD_UNSET));
	}
	if (j == NULL || !conf)
		return j;
	met = json_array();
	for (size_t i = 0; i < td->nmet; i++)
		json_array_append_new(met, json_pack("{s:s, s:s, s:s}", "name", td->met[i].name,
		    "role", person_role_names[td->met[i].role], "impression",
		    impression_names[td->met[i].impression]));
	json_object_set_new(j, "met", met);
	json_object_set_new(j, "confidential", td->confidential ?
	    json_string(td->confidential) : json_null());
	return j;
}

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
print_text(const struct turndown *td, int conf)
{
	size_t hidden = 0, i;
	const char *sep = "";

	printf("Turndown %lld\n", td->id);
	printf("  Candidate     %s\n", td->candidate);
	printf("  Client        %s\n", td->client);
	printf("  Role          %s\n", td->role ? td->role : "-");
	printf("  Field         %s%s\n", field_names[field_effective(td->field, td->role)],
	    td->field > FIELD_UNSET ? "" : " (from the role)");
	if (td->pronouns > PRON_UNSET)
		printf("  Pronouns      %s\n", pronoun_names[td->pronouns]);
	printf("  Offered       %s\n", td->offer_date[0] ? td->offer_date : "-");
	printf("  Declined      %s\n", td->decline_date);
	printf("  Consent       %s\n", td->consent == CONSENT_AGGREGATE ?
	    "may count in anonymized reports" : "never in reports");
	printf("  Reasons       ");
	for (i = 0; i < td->nreasons; i++) {
		if (!conf && td->reasons[i].visibility == VIS_CONFIDENTIAL) {
			hidden++;
			continue;
		}
		printf("%s%s%s", sep, taxonomy[td->reasons[i].category].slug,
		    td->reasons[i].visibility == VIS_CONFIDENTIAL ? " (confidential)" : "");
		sep = ", ";
	}
	if (hidden)
		printf("%s%zu confidential (see --confidential)", sep, hidden);
	printf("\n");
	if (td->shareable)
		print_note("Shareable note", td->shareable);
	if (!conf) {
		if (td->nmet)
			printf("People met    %zu (see --confidential)\n", td->nmet);
		return;
	}
	if (td->nmet) {
		printf("People met (confidential)\n");
		for (i = 0; i < td->nmet; i++)
			printf("  %-28s %-15s %s\n", td->met[i].name,
			    person_role_names[td->met[i].role],
			    impression_names[td->met[i].impression]);
	}
	if (td->confidential)
		print_note("Confidential note", td->confidential);
}

static int
show_exec(struct cmd_ctx *ctx, void *opts)
{
	struct show_opts *o = opts;
	struct turndown td;
	int rc = -1;

	memset(&td, 0, sizeof(td));
	if (turndown_load(ctx->vault, o->id, TD_ALL_OPEN, &td, &ctx->err) != 0)
		goto out;
	if (o->conf && confidential_load(ctx->vault, &td, &ctx->err) != 0)
		goto out;
	if (ctx->json)
		rc = cmd_print_json(ctx, to_json(&td, o->conf));
	else {
		print_text(&td, o->conf);
		rc = 0;
	}
out:
	turndown_clear(&td);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.summary = "one turndown; the confidential part only with --confidential",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct show_opts),
	.exec = show_exec,
};
