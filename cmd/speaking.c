/*
 * speaking.c - whom a script speaks to, and in which English: helpers for
 * `tact debrief`, `tact decline` and `tact notes`.
 */
#include <string.h>
#include <strings.h>

#include "core/scripts/locale.h"
#include "cmd/speaking.h"

/* Whether WORD is a whole word of NAME, any case. */
static int
has_word(const char *name, const char *word)
{
	size_t wl = strlen(word);

	for (const char *p = name; wl > 0 && (p = strcasestr(p, word)) != NULL; p++)
		if ((p == name || p[-1] == ' ') && (p[wl] == '\0' || p[wl] == ' ' || p[wl] == ','))
			return 1;
	return 0;
}

long
cmd_person_on_line(const struct turndown *td, const char *to)
{
	long found = -1;
	int matches = 0;

	if (to == NULL) {
		for (size_t i = 0; i < td->nmet; i++)
			if (strcmp(person_role_names[td->met[i].role], "hiring-manager") == 0)
				return (long)i;
		return -1;
	}
	for (size_t i = 0; i < td->nmet; i++)
		if (td->met[i].name != NULL && strcasecmp(td->met[i].name, to) == 0)
			return (long)i;
	for (size_t i = 0; i < td->nmet; i++)
		if (td->met[i].name != NULL && strchr(to, ' ') == NULL && has_word(td->met[i].name, to)) {
			found = (long)i;
			matches++;
		}
	return matches == 1 ? found : -1;
}

int
cmd_locale(const struct cmd_ctx *ctx)
{
	return (int)locale_from_name(config_get(&ctx->config, CONF_SCRIPTS_LOCALE));
}

const char *
cmd_recruiter(const struct cmd_ctx *ctx)
{
	return config_get(&ctx->config, CONF_RECRUITER_NAME);
}

const char *
cmd_firm(const struct cmd_ctx *ctx)
{
	return config_get(&ctx->config, CONF_RECRUITER_FIRM);
}
