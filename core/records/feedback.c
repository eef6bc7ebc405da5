/*
 * feedback.c - building and checking a client's feedback record, with the
 * same rules whichever way it arrives (options, prompts, JSON Lines), and
 * the areas feedback is filed under.  Texts go through the turndown's
 * checks (turndown_set_text), so a name or note is held to one standard.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/suggest.h"
#include "core/base/taxonomy.h"
#include "core/base/wipe.h"
#include "core/records/feedback.h"
#include "core/records/turndown.h"

const struct fb_area_def feedback_areas[FB_AREA_COUNT] = {
	{ "experience-gap", "missing experience the role needs, or experience not shown clearly" },
	{ "accomplishments", "results not made concrete: what was done, by whom, with what effect" },
	{ "communication", "how answers came across: length, clarity, listening" },
	{ "technical-depth", "depth in the craft of the role, under follow-up questions" },
	{ "leadership-presence", "how the candidate led, decided and carried the room" },
	{ "culture-add", "what the candidate would bring to how the team works" },
	{ "motivation", "why this role and this company, and how convincingly" },
	{ "preparation", "knowledge of the company, the role and the people met" },
	{ "compensation-expectations", "the package asked for against what the role pays" },
	{ "references", "what references said, or how they could be reached" },
	{ "other", "anything the other areas do not cover" },
};

const char *const fb_stage_names[FB_STAGE_COUNT] = { "", "screen", "interview", "final" };

int
feedback_area_find(const char *slug)
{
	for (int i = 0; i < FB_AREA_COUNT; i++)
		if (strcmp(feedback_areas[i].slug, slug) == 0)
			return i;
	return -1;
}

void
feedback_init(struct feedback *fb)
{
	memset(fb, 0, sizeof(*fb));
	fb->from_role = -1;
}

void
feedback_clear(struct feedback *fb)
{
	wipe_str_drop(&fb->candidate);
	wipe_str_drop(&fb->client);
	wipe_str_drop(&fb->role);
	wipe_str_drop(&fb->from);
	wipe_str_drop(&fb->shareable);
	wipe_str_drop(&fb->confidential);
	wipe_str_drop(&fb->candidate_ref);
	feedback_init(fb);
}

static int
unknown_area(const char *slug, struct terr *err)
{
	const char *slugs[FB_AREA_COUNT], *near;
	char list[512];
	size_t n = 0;

	for (int i = 0; i < FB_AREA_COUNT; i++)
		slugs[i] = feedback_areas[i].slug;
	if ((near = suggest_word(slug, slugs, FB_AREA_COUNT)) != NULL)
		return terr_set(err, EX_DATAERR, "unknown area '%.60s' (did you mean '%s'?)", slug,
		    near);
	list[0] = '\0';
	for (int i = 0; i < FB_AREA_COUNT; i++)
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s", i ? ", " : "", slugs[i]);
	return terr_set(err, EX_DATAERR, "unknown area '%.60s' (one of: %s)", slug, list);
}

int
feedback_add_area_vis(struct feedback *fb, const char *area, const char *visibility,
    struct terr *err)
{
	int a = feedback_area_find(area), vis = VIS_SHAREABLE;

	if (a < 0)
		return unknown_area(area, err);
	if (visibility != NULL && (vis = vocab_find(visibility_names, 2, visibility)) < 0)
		return terr_set(err, EX_DATAERR, "area '%s': visibility '%.40s' is neither "
		    "'confidential' nor 'shareable'", area, visibility);
	for (size_t i = 0; i < fb->nareas; i++) {
		if (fb->areas[i].area == a) {
			/* Given twice: the more careful visibility wins. */
			if (vis == VIS_CONFIDENTIAL)
				fb->areas[i].visibility = vis;
			return 0;
		}
	}
	fb->areas[fb->nareas].area = a;
	fb->areas[fb->nareas].visibility = vis;
	fb->nareas++;
	return 0;
}

int
feedback_add_area(struct feedback *fb, const char *spec, struct terr *err)
{
	char buf[128], *colon;

	if (text_check("area", spec, strlen(spec), sizeof(buf) - 1, 0, err) != 0)
		return -1;
	snprintf(buf, sizeof(buf), "%s", spec);
	if ((colon = strchr(buf, ':')) != NULL)
		*colon++ = '\0';
	return feedback_add_area_vis(fb, buf, colon, err);
}

int
feedback_set_stage(struct feedback *fb, const char *stage, struct terr *err)
{
	int s = vocab_find(fb_stage_names + 1, FB_STAGE_COUNT - 1, stage);

	if (s < 0)
		return terr_set(err, EX_DATAERR, "stage '%.40s' is not one of screen, interview, "
		    "final", stage);
	fb->stage = s + 1;
	return 0;
}

int
feedback_set_from_parts(struct feedback *fb, const char *name, const char *role,
    struct terr *err)
{
	int r = vocab_find(person_role_names, PERSON_ROLE_COUNT, role);

	if (r < 0)
		return terr_set(err, EX_DATAERR, "role '%.40s' is not one of hiring-manager, hr, "
		    "executive, interviewer, peer, other", role);
	if (turndown_set_text(&fb->from, "the name of who gave the feedback", name, strlen(name),
	    TEXT_NAME_MAX, 0, err) != 0)
		return -1;
	fb->from_role = r;
	return 0;
}

int
feedback_set_from(struct feedback *fb, const char *spec, struct terr *err)
{
	char *copy, *role;
	int rc;

	if (text_check("--from", spec, strlen(spec), TEXT_NAME_MAX + 32, 0, err) != 0)
		return -1;
	if ((copy = strdup(spec)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	if ((role = strrchr(copy, ':')) == NULL) {
		wipe_str_drop(&copy);
		return terr_set(err, EX_DATAERR, "--from '%.60s' is not NAME:ROLE", spec);
	}
	*role++ = '\0';
	rc = feedback_set_from_parts(fb, copy, role, err);
	wipe_str_drop(&copy);
	return rc;
}

int
feedback_validate(struct feedback *fb, struct terr *err)
{
	char today[DATE_LEN];

	if (fb->candidate == NULL)
		return terr_set(err, EX_USAGE, "missing the candidate (--candidate)");
	if (fb->client == NULL)
		return terr_set(err, EX_USAGE, "missing the client (--client)");
	if (fb->nareas == 0)
		return terr_set(err, EX_USAGE, "missing an area (--area; see 'tact feedback areas')");
	date_today(today);
	if (fb->date[0] == '\0')
		memcpy(fb->date, today, DATE_LEN);
	if (strcmp(fb->date, today) > 0)
		return terr_set(err, EX_DATAERR, "the feedback date %s is in the future (today is "
		    "%s)", fb->date, today);
	if (fb->shareable != NULL && fb->shareable[0] == '\0')
		wipe_str_drop(&fb->shareable);
	if (fb->confidential != NULL && fb->confidential[0] == '\0')
		wipe_str_drop(&fb->confidential);
	return 0;
}
