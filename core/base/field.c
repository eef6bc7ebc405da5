/*
 * field.c - the field of a role, from the vocabulary of its title (see
 * field.h for the order of the rules), and the pronoun vocabulary.
 */
#include <ctype.h>
#include <string.h>

#include "core/base/field.h"

const char *const field_names[FIELD_COUNT] = {
	"", "physician", "nursing", "allied-health", "executive", "technology", "sales",
	"finance", "operations", "general",
};

const char *const pronoun_names[PRON_COUNT] = { "", "she", "he", "they" };

int
field_find(const char *name)
{
	for (int i = 1; i < FIELD_COUNT; i++)
		if (name != NULL && strcasecmp(name, field_names[i]) == 0)
			return i;
	return -1;
}

int
pronouns_find(const char *name)
{
	for (int i = 1; i < PRON_COUNT; i++)
		if (name != NULL && strcasecmp(name, pronoun_names[i]) == 0)
			return i;
	return -1;
}

/* One rule: the field, and phrases of one or more lower-case words, any of
 * which in the title gives it.  A phrase ending in '*' matches a word by
 * its beginning ("cardiolog*"); one starting with '*' by its end. */
struct field_rule {
	enum field field;
	const char *phrases[48];
};

static const struct field_rule rules[] = {
	{ FIELD_EXECUTIVE, {
		"chief", "ceo", "cfo", "coo", "cto", "cio", "cmo", "cno", "cmio", "ciso", "cro",
		"cpo", "chro", "president", "vp", "svp", "evp", "avp", "vice president",
		"managing director", "general manager", "executive director", "founder",
		"co founder", "head of", "managing partner", NULL } },
	{ FIELD_NURSING, {
		"nurse", "nurses", "nursing", "rn", "lpn", "lvn", "bsn", "msn", "crna", "aprn",
		"np", "midwife", "midwifery", "cna", "fnp", "icu nurse", NULL } },
	{ FIELD_ALLIED_HEALTH, {
		"physician assistant", "physician associate", "pa", "pa c", "therap*",
		"physiotherap*", "pharmac*", "technologist", "sonographer", "radiographer",
		"dietitian", "dietician", "nutritionist", "audiologist", "psychologist",
		"counselor", "counsellor", "paramedic", "emt", "phlebotomist", "optometrist",
		"respiratory", "occupational", "speech", "perfusionist", "dental hygienist",
		"hygienist", "lab technician", "medical technician", "social worker", "lcsw",
		"slp", "ot", "pt", "dpt", "rrt", NULL } },
	{ FIELD_PHYSICIAN, {
		"physician", "doctor", "md", "do", "mbbs", "surgeon", "hospitalist", "intensivist",
		"internist", "*ologist", "psychiatrist", "pediatrician", "paediatrician",
		"obstetrician", "gynecologist", "gynaecologist", "anesthesiologist",
		"anaesthetist", "radiologist", "general practitioner", "gp", "attending",
		"medical director", "residency", "proceduralist", "neonatologist", "dermatologist",
		"urologist", "orthopedic", "orthopaedic", "family medicine", "internal medicine",
		"emergency medicine", NULL } },
	{ FIELD_SALES, {
		"sales", "account executive", "account manager", "account director",
		"business development", "bdr", "sdr", "territory", "key account", "channel",
		"ae", "seller", "salesperson", "representative", "rep", "customer success",
		"partnerships", NULL } },
	{ FIELD_TECHNOLOGY, {
		"engineer", "engineering", "developer", "software", "devops", "sre",
		"programmer", "architect", "data scientist", "data science", "machine learning",
		"ml", "ai", "it", "security", "infrastructure", "frontend", "backend", "front end",
		"back end", "full stack", "fullstack", "cloud", "qa", "tester", "sysadmin",
		"product manager", "technical", "tech lead", "platform", "mobile", "ios",
		"android", "web", NULL } },
	{ FIELD_FINANCE, {
		"finance", "financial", "accountant", "accounting", "controller", "comptroller",
		"cpa", "treasurer", "treasury", "audit", "auditor", "actuary", "actuarial", "tax",
		"fp a", "investment", "banker", "banking", "analyst", "credit", "underwriter",
		"bookkeeper", "payroll", "portfolio", "risk", NULL } },
	{ FIELD_OPERATIONS, {
		"operations", "operational", "ops", "supply chain", "logistics", "procurement",
		"purchasing", "plant", "warehouse", "facilities", "manufacturing", "production",
		"project manager", "program manager", "programme manager", "office manager",
		"fleet", "distribution", "quality", "process", NULL } },
};

#define FIELD_WORDS_MAX 24
#define FIELD_WORD_LEN 32

/* Splits ROLE into lower-case words of letters and digits. */
static size_t
split_words(const char *role, char words[][FIELD_WORD_LEN], size_t max)
{
	size_t n = 0, len = 0;

	for (const char *p = role;; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch != '\0' && (isalnum(ch) || ch >= 0x80)) {
			if (len + 1 < FIELD_WORD_LEN)
				words[n][len++] = (char)tolower(ch);
			continue;
		}
		if (len > 0) {
			words[n][len] = '\0';
			len = 0;
			if (++n == max)
				break;
		}
		if (ch == '\0')
			break;
	}
	return n;
}

/* Whether word W matches one word PAT of a phrase (with '*' at either end). */
static int
word_matches(const char *w, const char *pat, size_t plen)
{
	size_t wl = strlen(w);

	if (plen > 0 && pat[plen - 1] == '*')
		return wl >= plen - 1 && strncmp(w, pat, plen - 1) == 0;
	if (plen > 0 && pat[0] == '*')
		return wl >= plen - 1 && strncmp(w + wl - (plen - 1), pat + 1, plen - 1) == 0;
	return wl == plen && strncmp(w, pat, plen) == 0;
}

/* Whether the phrase PHRASE (words separated by spaces) occurs in WORDS. */
static int
phrase_in(const char *phrase, char words[][FIELD_WORD_LEN], size_t n)
{
	for (size_t start = 0; start < n; start++) {
		const char *p = phrase;
		size_t i = start;
		int ok = 1;

		while (*p != '\0' && ok) {
			size_t plen = strcspn(p, " ");

			ok = i < n && word_matches(words[i], p, plen);
			i++;
			p += plen;
			while (*p == ' ')
				p++;
		}
		if (ok)
			return 1;
	}
	return 0;
}

enum field
field_from_role(const char *role)
{
	char words[FIELD_WORDS_MAX][FIELD_WORD_LEN];
	size_t n;

	if (role == NULL)
		return FIELD_GENERAL;
	n = split_words(role, words, FIELD_WORDS_MAX);
	/* "Account Executive" is a seller, whatever rule 1 says of "executive". */
	if (phrase_in("account executive", words, n) || phrase_in("sales executive", words, n))
		return FIELD_SALES;
	for (size_t r = 0; r < sizeof(rules) / sizeof(rules[0]); r++)
		for (size_t i = 0; rules[r].phrases[i] != NULL; i++)
			if (phrase_in(rules[r].phrases[i], words, n))
				return rules[r].field;
	return FIELD_GENERAL;
}

enum field
field_effective(int field, const char *role)
{
	if (field > FIELD_UNSET && field < FIELD_COUNT)
		return (enum field)field;
	return field_from_role(role);
}
