/*
 * config.c - `tact config`: the settings in force and where each came from
 * (the config file and its line, an environment variable, an option, or
 * the default), so that a surprising value can be traced in one look.
 */
#include <string.h>

#include "core/report/report.h"
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
	"Show the settings in force and where each came from.\v"
	"The config file is $XDG_CONFIG_HOME/tact/config (default ~/.config/tact/config), in INI "
	"syntax; a missing file is fine.  Example:\n"
	"\n"
	"  [recruiter]\n"
	"  name = Sam Rivera\n"
	"  firm = Rivera Search\n"
	"  [report]\n"
	"  min_group = 5\n"
	"\n"
	"Keys: [recruiter] name, firm, phone; [scripts] locale (en-US or en-GB); [report] "
	"min_group; [vault] path, retention (24m, 90d, 2y).  The vault is --vault, else "
	"$TACT_VAULT, else [vault] path, else $XDG_DATA_HOME/tact/vault.db.",
	NULL, NULL, NULL
};

/* The value in force when KEY is not set, or NULL if there is none. */
static const char *
default_of(enum config_key key)
{
	switch (key) {
	case CONF_SCRIPTS_LOCALE:
		return "en-US";
	case CONF_REPORT_MIN_GROUP:
		return REPORT_MIN_GROUP_DEFAULT == 5 ? "5" : NULL;
	default:
		return NULL;
	}
}

static int
config_exec(struct cmd_ctx *ctx, void *opts)
{
	const struct config *c = &ctx->config;
	json_t *j, *settings;
	char name[64];

	(void)opts;
	if (ctx->json) {
		settings = json_object();
		for (int k = 0; k < CONF_KEYS; k++) {
			const char *v = config_get(c, k), *d = default_of(k);

			snprintf(name, sizeof(name), "%s.%s", config_names[k].section,
			    config_names[k].key);
			json_object_set_new(settings, name, json_pack("{s:s?, s:s}", "value",
			    v != NULL ? v : d, "source", v != NULL ? c->v[k].source : d != NULL ?
			    "default" : "not set"));
		}
		j = json_pack("{s:s, s:b, s:o}", "file", c->path ? c->path : "", "found", c->found,
		    "settings", settings);
		return cmd_print_json(ctx, j);
	}
	printf("# %s%s\n", c->path ? c->path : "", c->found ? "" : " (not found: defaults only)");
	for (int k = 0; k < CONF_KEYS; k++) {
		const char *v = config_get(c, k), *d = default_of(k);

		snprintf(name, sizeof(name), "%s.%s", config_names[k].section, config_names[k].key);
		if (v != NULL)
			printf("%-18s %s\t(%s)\n", name, v, c->v[k].source);
		else if (d != NULL)
			printf("%-18s %s\t(default)\n", name, d);
		else
			printf("%-18s -\t(not set: %s)\n", name, config_names[k].what);
	}
	return 0;
}

/* No flags: it reads no vault. */
const struct cmd_entry cmd_config_entry = {
	.name = "config",
	.summary = "the settings in force and where each came from",
	.argp = &argp,
	.exec = config_exec,
};
