/*
 * voice.c - the names, pronouns and words a script is filled with (see
 * voice.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/base/field.h"
#include "core/scripts/locale.h"
#include "core/scripts/voice.h"

struct pronoun_forms {
	const char *they, *them, *their, *They, *Their, *is, *has, *was, *s;
};

static const struct pronoun_forms forms[PRON_COUNT] = {
	[PRON_UNSET] = { "they", "them", "their", "They", "Their", "are", "have", "were", "" },
	[PRON_SHE] = { "she", "her", "her", "She", "Her", "is", "has", "was", "s" },
	[PRON_HE] = { "he", "him", "his", "He", "His", "is", "has", "was", "s" },
	[PRON_THEY] = { "they", "them", "their", "They", "Their", "are", "have", "were", "" },
};

/* The field's word for the people someone would work among. */
static const char *const team_words[FIELD_COUNT] = {
	[FIELD_UNSET] = "the team", [FIELD_PHYSICIAN] = "the group",
	[FIELD_NURSING] = "the unit", [FIELD_ALLIED_HEALTH] = "the department",
	[FIELD_EXECUTIVE] = "the leadership team", [FIELD_TECHNOLOGY] = "the engineering team",
	[FIELD_SALES] = "the sales team", [FIELD_FINANCE] = "the finance team",
	[FIELD_OPERATIONS] = "the operations team", [FIELD_GENERAL] = "the team",
};

void
voice_name(const char *name, const char *fallback, wording_check_fn check, void *arg,
    char *out, size_t size)
{
	char call[VOICE_NAME_MAX];

	if (name == NULL || name[0] == '\0') {
		snprintf(out, size, "%s", fallback);
		return;
	}
	person_call(name, call, sizeof(call));
	if (call[0] != '\0' && (check == NULL || check(arg, call) == 0))
		snprintf(out, size, "%s", call);
	else if (check == NULL || check(arg, name) == 0)
		snprintf(out, size, "%s", name);
	else
		snprintf(out, size, "%s", fallback);
}

int
voice_add(struct voice *v, const char *key, const char *value)
{
	if (v->nsubs + 3 > VOICE_SUBS_MAX)
		return -1;
	v->subs[v->nsubs++] = key;
	v->subs[v->nsubs++] = value;
	v->subs[v->nsubs] = v->subs[v->nsubs + 1] = NULL;
	return 0;
}

void
voice_init(struct voice *v, const char *candidate, const char *to, int pronouns, int field,
    int locale, wording_check_fn check, void *arg)
{
	const struct pronoun_forms *p = &forms[pronouns > 0 && pronouns < PRON_COUNT ? pronouns :
	    PRON_UNSET];

	memset(v, 0, sizeof(*v));
	v->field = field > FIELD_UNSET && field < FIELD_COUNT ? field : FIELD_GENERAL;
	voice_name(candidate, "the candidate", check, arg, v->cand, sizeof(v->cand));
	if (to != NULL && to[0] != '\0')
		voice_name(to, "", check, arg, v->to, sizeof(v->to));
	voice_add(v, "cand", v->cand);
	voice_add(v, "to", v->to);
	voice_add(v, "they", p->they);
	voice_add(v, "them", p->them);
	voice_add(v, "their", p->their);
	voice_add(v, "They", p->They);
	voice_add(v, "Their", p->Their);
	voice_add(v, "is", p->is);
	voice_add(v, "has", p->has);
	voice_add(v, "was", p->was);
	voice_add(v, "s", p->s);
	voice_add(v, "team", team_words[v->field]);
	voice_add(v, "time_off", locale_word((enum locale)locale, "time_off"));
	voice_add(v, "health", locale_word((enum locale)locale, "health"));
	voice_add(v, "retirement", locale_word((enum locale)locale, "retirement"));
}
