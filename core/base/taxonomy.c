/*
 * taxonomy.c - the 24 reason categories and their one-line descriptions.
 *
 * The order is the contract's order and is stored as an index in sealed
 * signals, so categories may be added only at the end.
 */
#include <stdio.h>
#include <string.h>

#include "core/base/taxonomy.h"

const struct category taxonomy[TAXONOMY_COUNT] = {
	{ "compensation", "base pay or total cash fell short of another offer or of the market" },
	{ "equity", "shares, options or carried interest were too small or too uncertain" },
	{ "benefits", "pension, health cover, leave or other benefits compared badly" },
	{ "title", "the job title or grade did not reflect the candidate's level" },
	{ "scope", "the remit, budget or team size was narrower than hoped" },
	{ "growth", "the path to promotion or learning looked limited" },
	{ "better-fit", "another opportunity matched the candidate's goals more closely" },
	{ "counteroffer", "the current employer made an offer to keep them" },
	{ "relocation", "moving home for the job was not workable" },
	{ "commute", "the daily journey was too long or too costly" },
	{ "remote", "the remote or hybrid arrangement did not suit them" },
	{ "family", "a family or personal circumstance weighed against the move" },
	{ "partner-career", "the move did not work for a partner's career" },
	{ "schedule", "hours, on-call duty, shifts or travel did not fit" },
	{ "workload", "the expected pace or volume of work looked unsustainable" },
	{ "culture", "the way the organisation works or behaves did not appeal" },
	{ "hiring-manager", "doubts about working for the future manager" },
	{ "team", "the future colleagues or team dynamics gave pause" },
	{ "leadership", "doubts about senior leadership or the direction it sets" },
	{ "hr", "the HR partner or people function left a poor impression" },
	{ "process", "the hiring process was slow, disorganised or demanding" },
	{ "stability", "concern about the organisation's finances or job security" },
	{ "reputation", "the employer's public or market reputation" },
	{ "other", "anything that fits none of the categories above" },
};

const char *const visibility_names[2] = { "shareable", "confidential" };
const char *const impression_names[3] = { "positive", "neutral", "negative" };
const char *const consent_names[2] = { "aggregate", "none" };
const char *const person_role_names[PERSON_ROLE_COUNT] = {
	"hiring-manager", "hr", "executive", "interviewer", "peer", "other"
};
const char *const person_role_words[PERSON_ROLE_COUNT] = {
	"hiring manager", "HR partner", "executive", "interviewer", "future peer", "colleague"
};

int
vocab_find(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

int
taxonomy_find(const char *slug)
{
	for (int i = 0; i < TAXONOMY_COUNT; i++)
		if (strcmp(taxonomy[i].slug, slug) == 0)
			return i;
	return -1;
}

/* Levenshtein distance, capped: slugs are short. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), prev[64], cur[64], i, j;

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);

			cur[j] = del < ins ? del : ins;
			if (sub < cur[j])
				cur[j] = sub;
		}
		memcpy(prev, cur, (lb + 1) * sizeof(size_t));
	}
	return prev[lb];
}

const char *
taxonomy_suggest(const char *slug)
{
	const char *best = NULL;
	size_t bestd = 99, d, len = strlen(slug);

	for (int i = 0; i < TAXONOMY_COUNT; i++) {
		if (len >= 3 && strncmp(taxonomy[i].slug, slug, len) == 0)
			return taxonomy[i].slug;        /* a prefix: "comp" */
		d = distance(slug, taxonomy[i].slug);
		if (d < bestd) {
			bestd = d;
			best = taxonomy[i].slug;
		}
	}
	return bestd <= 3 && bestd < len ? best : NULL;
}

void
taxonomy_list(char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < TAXONOMY_COUNT && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", taxonomy[i].slug);

		if (n < 0)
			break;
		used += (size_t)n;
	}
}
