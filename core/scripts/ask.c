/*
 * ask.c - the script a candidate who was not chosen can follow to call the
 * hiring manager and learn: thanks, the wish to learn, open questions, a
 * reminder to listen without defending, thanks again and a wish to stay in
 * touch.  It never argues the decision or asks for it to be undone.
 *
 * Its shape depends on nothing the client said: the same sections and the
 * same number of questions in every script (one fitted to the stage the
 * candidate reached, the rest drawn from the bank), so it can carry no
 * trace of the confidential note.  Every line still goes to the leak
 * guard, as every script's does.
 */
#include <stdlib.h>
#include <string.h>

#include "core/scripts/coach.h"
#include "core/scripts/coach_bank.h"

enum { A_OK = 0, A_OOM = -1, A_REFUSED = 1 };

static int
add(struct chooser *c, char ***list, size_t *n, const char *const *from, size_t i, size_t to,
    const char *const *subs)
{
	char *s = choose_from(c, from, i, to, subs);

	if (s == NULL)
		return c->oom ? A_OOM : A_REFUSED;
	return strlist_push(list, n, s) == 0 ? A_OK : A_OOM;
}

static int
add_all(struct chooser *c, char ***list, size_t *n, const char *const *from,
    const char *const *subs)
{
	return add(c, list, n, from, 0, wording_count(from), subs);
}

/* One question fitted to the stage, then generic ones without repeats. */
static int
add_questions(struct chooser *c, struct ask *a, int stage, const char *const *subs)
{
	size_t order[16], n = wording_count(ask_questions), from = (size_t)stage * 2;
	char *s;
	int rc;

	if ((rc = add(c, &a->questions, &a->nquestions, ask_stage_questions, from, from + 2,
	    subs)) != A_OK)
		return rc;
	if (n > 16)
		n = 16;
	chooser_permute(c, order, n);
	for (size_t i = 0; i < n && a->nquestions < ASK_QUESTIONS; i++) {
		if ((s = choose_line(c, ask_questions[order[i]], subs)) == NULL) {
			if (c->oom)
				return A_OOM;
			continue;
		}
		if (strlist_push(&a->questions, &a->nquestions, s) != 0)
			return A_OOM;
	}
	return a->nquestions == ASK_QUESTIONS ? A_OK : A_REFUSED;
}

struct ask *
ask_build(const struct coach_input *in, uint64_t seed, wording_check_fn check, void *arg,
    struct terr *err)
{
	struct chooser c;
	struct ask *a;
	char *role = NULL;
	const char *subs[] = { "client", in->client ? in->client : "your company", "role", NULL,
		NULL };
	int rc = A_OOM, stage = in->stage >= 0 && in->stage < FB_STAGE_COUNT ? in->stage : 0;

	if ((a = calloc(1, sizeof(*a))) == NULL)
		goto out;
	if (in->role != NULL && asprintf(&role, "the %s role", in->role) < 0) {
		role = NULL;
		goto out;
	}
	subs[3] = role ? role : "the role";
	a->feedback = in->feedback;
	a->seed = seed;
	chooser_init(&c, seed, check, arg);
	if ((rc = add_all(&c, &a->opening, &a->nopening, ask_thanks, subs)) != A_OK ||
	    (rc = add_all(&c, &a->opening, &a->nopening, ask_wish, subs)) != A_OK ||
	    (rc = add_questions(&c, a, stage, subs)) != A_OK)
		goto out;
	if ((a->listen = choose_from(&c, ask_listen, 0, wording_count(ask_listen), subs)) == NULL) {
		rc = c.oom ? A_OOM : A_REFUSED;
		goto out;
	}
	if ((rc = add_all(&c, &a->closing, &a->nclosing, ask_closing, subs)) != A_OK ||
	    (rc = add_all(&c, &a->closing, &a->nclosing, ask_keep_in_touch, subs)) != A_OK)
		goto out;
	for (size_t i = 0; ask_reminders[i] != NULL && rc == A_OK; i++)
		rc = add(&c, &a->reminders, &a->nreminders, ask_reminders, i, i + 1, subs);
	if (rc == A_OK && c.oom)
		rc = A_OOM;
out:
	free(role);
	if (rc != A_OK) {
		if (rc == A_OOM)
			terr_set(err, EX_OSERR, "out of memory");
		else
			terr_set(err, EX_DATAERR, "call script would disclose confidential content; no "
			    "safe wording left for a whole script");
		ask_free(a);
		return NULL;
	}
	return a;
}

void
ask_free(struct ask *a)
{
	if (a == NULL)
		return;
	strlist_free(a->opening, a->nopening);
	strlist_free(a->questions, a->nquestions);
	free(a->listen);
	strlist_free(a->closing, a->nclosing);
	strlist_free(a->reminders, a->nreminders);
	free(a);
}

static void
write_list(FILE *out, int md, char **list, size_t n, int numbered)
{
	char lead[32];

	for (size_t i = 0; i < n; i++) {
		if (numbered)
			snprintf(lead, sizeof(lead), md ? "%zu. " : "  %zu. ", i + 1);
		else
			snprintf(lead, sizeof(lead), md ? "- " : "  ");
		wording_wrap(out, lead, md ? "   " : numbered ? "     " : "  ", list[i],
		    md ? 100000 : 78);
	}
}

void
ask_write(const struct ask *a, enum coach_format fmt, FILE *out)
{
	int md = fmt == COACH_MARKDOWN;

	fputs(md ? "# Your call to the hiring manager\n\n## Opening\n\n" :
	    "YOUR CALL TO THE HIRING MANAGER\n\nOPENING\n", out);
	write_list(out, md, a->opening, a->nopening, 0);
	fputs(md ? "\n## Questions\n\n" : "\nQUESTIONS\n", out);
	write_list(out, md, a->questions, a->nquestions, 1);
	wording_wrap(out, md ? "\n*While they answer:* " : "  While they answer: ", "    ", a->listen,
	    md ? 100000 : 78);
	fputs(md ? "\n## Closing\n\n" : "\nCLOSING\n", out);
	write_list(out, md, a->closing, a->nclosing, 0);
	fputs(md ? "\n## Before you call\n\n" : "\nBEFORE YOU CALL\n", out);
	for (size_t i = 0; i < a->nreminders; i++)
		wording_wrap(out, md ? "- " : "  - ", md ? "  " : "    ", a->reminders[i],
		    md ? 100000 : 78);
	fprintf(out, md ? "\n*Script %llu: --seed %llu gives this script again.*\n" :
	    "\n(script %llu: --seed %llu gives this script again)\n",
	    (unsigned long long)a->seed, (unsigned long long)a->seed);
}
