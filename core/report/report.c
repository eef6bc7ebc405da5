/*
 * report.c - the anonymized feedback report: counting, suppressing small
 * groups, sampling quotes, and writing it as text, Markdown, CSV, JSON or
 * one HTML page.
 *
 * One pass.  Turndowns come ordered by candidate, so counting
 * distinct candidates per category needs no set: the categories of the
 * current candidate are a bit mask, added to the counts when the candidate
 * changes.  Days from offer to decline go into a histogram (a median needs
 * no list), and shareable notes into a reservoir sample of at most
 * REPORT_QUOTES_MAX, scrubbed when they enter it.  Only for those few notes
 * are the candidate's and the people met's names opened, to be scrubbed out.
 * The one thing that grows with the vault is the candidate set the release
 * ledger records (core/records/ledger.h), a few bytes per candidate.
 *
 * What is shown is decided here, once, for every format: a scope with fewer
 * than K candidates is refused; every category is listed, and a count of 0
 * to K-1 is "<K" (a row that appears or vanishes would speak); the median needs
 * offer dates from K candidates; quotes need shareable notes from 2K.  Rows
 * are ordered by count, but suppressed rows come last in taxonomy order, so
 * their order does not rank the hidden counts.  Months, never days, say what
 * period a report covers: a date range is widened to whole months, which
 * also makes it harder to difference two reports a few days apart; the
 * ledger (release.c) refuses what months alone cannot.
 */
#include <csv.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/tcrypto.h"
#include "core/base/rng.h"
#include "core/records/read.h"
#include "core/report/report.h"
#include "core/report/scrub.h"
#include "core/text/wrap.h"

#define BAR_WIDTH 40
#define TEXT_WIDTH 78           /* columns for quotes in the text format */

/* ---- randomness ------------------------------------------------------------ */

/* Returns a uniform number below UPPER (> 0): reproducible from the seed
 * when there is one, else from the system's generator. */
static uint32_t
random_below(struct report *r, uint32_t upper)
{
	if (!r->scope.seeded)
		return tc_random_below(upper);
	return (uint32_t)rng_below(&r->rng, upper);
}

/* ---- building ----------------------------------------------------------------- */

struct report *
report_new(const struct report_scope *scope, struct terr *err)
{
	struct report *r;

	if (scope->min_group < REPORT_MIN_GROUP_FLOOR) {
		terr_set(err, EX_USAGE, "the minimum group must be at least %d",
		    REPORT_MIN_GROUP_FLOOR);
		return NULL;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	r->scope = *scope;
	if (scope->client != NULL) {
		snprintf(r->client, sizeof(r->client), "%s", scope->client);
		r->scope.client = r->client;
	}
	r->rng = scope->seed;
	r->cur_candidate = -1;
	return r;
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < REPORT_QUOTES_MAX; i++)
		free(r->quotes[i]);
	ledger_set_free(&r->set);
	free(r);
}

/* Adds the current candidate's mask and flags to the counts, and the
 * candidate to the set the ledger records. */
static int
flush_candidate(struct report *r, struct terr *err)
{
	if (!r->cur_any)
		return 0;
	if (ledger_set_add(&r->set, r->cur_candidate, r->cur_fp, err) != 0)
		return -1;
	r->candidates++;
	for (int c = 0; c < TAXONOMY_COUNT; c++)
		if (r->cur_mask & (1u << c))
			r->reasons[c]++;
	r->offer_candidates += r->cur_offer;
	r->note_candidates += r->cur_note;
	r->cur_any = r->cur_mask = 0;
	r->cur_offer = r->cur_note = 0;
	return 0;
}

/* Whether S holds anything but white space. */
static int
has_text(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

/* Returns TD's shareable note with names and contact details scrubbed. */
static char *
scrub_note(struct report *r, const struct turndown *td, struct terr *err)
{
	struct turndown names = { 0 };
	const struct turndown *src = td;
	const char **list = NULL;
	char *out = NULL;
	size_t n = 0;

	if (r->names != NULL) {
		if (r->names(r->names_arg, td->id, &names, err) != 0)
			goto out;
		src = &names;
	}
	if ((list = calloc(src->nmet + 1, sizeof(*list))) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	if (src->candidate != NULL)
		list[n++] = src->candidate;
	for (size_t i = 0; i < src->nmet; i++)
		list[n++] = src->met[i].name;
	if ((out = scrub_text(td->shareable, list, n)) == NULL)
		terr_set(err, EX_OSERR, "out of memory");
out:
	free(list);
	turndown_clear(&names);
	return out;
}

/* Offers TD's shareable note to the reservoir (Algorithm R): the first
 * REPORT_QUOTES_MAX are kept, then note i replaces a random one with
 * probability REPORT_QUOTES_MAX / i, so every note is equally likely to end
 * up in the sample.  Only notes that enter are scrubbed. */
static int
sample_note(struct report *r, const struct turndown *td, struct terr *err)
{
	long long seen = r->notes_seen++;
	size_t slot;
	char *q;

	if (seen < REPORT_QUOTES_MAX) {
		slot = (size_t)seen;
	} else {
		if (seen >= (long long)UINT32_MAX)
			return 0;
		slot = random_below(r, (uint32_t)seen + 1);
		if (slot >= REPORT_QUOTES_MAX)
			return 0;
	}
	if ((q = scrub_note(r, td, err)) == NULL)
		return -1;
	free(r->quotes[slot]);
	r->quotes[slot] = q;
	return 0;
}

int
report_add(struct report *r, const struct turndown *td, struct terr *err)
{
	uint32_t mask = 0;
	long days;

	if (td->candidate_id != r->cur_candidate) {
		if (td->candidate_id < r->cur_candidate)
			return terr_set(err, EX_SOFTWARE, "turndowns reach the report out of "
			    "candidate order");
		if (flush_candidate(r, err) != 0)
			return -1;
		r->cur_candidate = td->candidate_id;
		r->cur_fp = LEDGER_FP_INIT;
	}
	if (td->consent != CONSENT_AGGREGATE)
		return 0;
	r->turndowns++;
	r->cur_any = 1;
	for (size_t i = 0; i < td->nreasons; i++)
		if (td->reasons[i].category >= 0 && td->reasons[i].category < TAXONOMY_COUNT)
			mask |= 1u << td->reasons[i].category;
	r->cur_mask |= mask;
	days = -1;
	if (td->offer_date[0] != '\0' && td->decline_date[0] != '\0') {
		days = date_days(td->decline_date) - date_days(td->offer_date);
		if (days < 0)
			days = 0;
		if (days > REPORT_DAYS_MAX)
			days = REPORT_DAYS_MAX;
		r->days[days]++;
		r->cur_offer = 1;
	}
	/* The fingerprint covers what the report counts of the turndown, so a
	 * turndown edited since an earlier release makes its candidate differ. */
	r->cur_fp = ledger_fp_mix(ledger_fp_mix(ledger_fp_mix(r->cur_fp, td->id), mask), days);
	/* Another member's notes are left out of the quotes: the names they
	 * could hold (people met, sealed to that member) cannot be scrubbed. */
	if (r->scope.quotes && has_text(td->shareable) && !td->foreign) {
		r->cur_note = 1;
		return sample_note(r, td, err);
	}
	return 0;
}

/* Returns the day count at 1-based rank K of the histogram. */
static long
days_at_rank(const struct report *r, uint64_t k)
{
	uint64_t sum = 0;

	for (long d = 0; d <= REPORT_DAYS_MAX; d++) {
		sum += r->days[d];
		if (sum >= k)
			return d;
	}
	return REPORT_DAYS_MAX;
}

int
report_finish(struct report *r, struct terr *err)
{
	uint64_t total = 0;
	size_t n = 0;

	if (flush_candidate(r, err) != 0 || ledger_set_finish(&r->set, err) != 0)
		return -1;
	r->finished = 1;
	if (r->candidates < r->scope.min_group)
		return terr_set(err, EX_DATAERR, "too few candidates in scope for a safe report "
		    "(fewer than %d; see --min-group)", r->scope.min_group);
	for (long d = 0; d <= REPORT_DAYS_MAX; d++)
		total += r->days[d];
	if (total > 0 && r->offer_candidates >= r->scope.min_group) {
		r->median_known = 1;
		if (total % 2 == 1)
			r->median_days = (double)days_at_rank(r, total / 2 + 1);
		else
			r->median_days = (days_at_rank(r, total / 2) +
			    days_at_rank(r, total / 2 + 1)) / 2.0;
	}
	if (!r->scope.quotes)
		return 0;
	if (r->note_candidates < 2LL * r->scope.min_group) {
		for (size_t i = 0; i < REPORT_QUOTES_MAX; i++) {
			free(r->quotes[i]);
			r->quotes[i] = NULL;
		}
		r->quotes_withheld = 1;
		return 0;
	}
	while (n < REPORT_QUOTES_MAX && r->quotes[n] != NULL)
		n++;
	r->nquotes = n;
	for (size_t i = n; i > 1; i--) {         /* Fisher-Yates */
		size_t j = random_below(r, (uint32_t)i);
		char *t = r->quotes[i - 1];

		r->quotes[i - 1] = r->quotes[j];
		r->quotes[j] = t;
	}
	return 0;
}

static int
load_names(void *arg, long long id, struct turndown *td, struct terr *err)
{
	return turndown_load(arg, id, TD_IDENTITY | TD_PEOPLE, td, err);
}

struct report *
report_build(struct vault *v, const struct report_scope *scope, struct terr *err)
{
	struct td_filter f = { 0 };
	struct td_iter *it = NULL;
	struct turndown td = { 0 };
	struct report *r;
	char since[DATE_LEN], until[DATE_LEN];
	int rc;

	if ((r = report_new(scope, err)) == NULL)
		return NULL;
	/* Inside the report's transaction the candidate set goes into the vault
	 * chunk by chunk as it is read, so memory does not grow with it. */
	if (vault_in_transaction(v) && ledger_set_spill(&r->set, v, err) != 0) {
		report_free(r);
		return NULL;
	}
	r->names = load_names;
	r->names_arg = v;
	f.client_id = scope->client_id;
	f.by_candidate = 1;
	if (scope->since[0] != '\0') {
		snprintf(since, sizeof(since), "%.7s-01", scope->since);
		f.since = since;
	}
	if (scope->until[0] != '\0') {
		/* Dates compare as text: day 31 closes any month. */
		snprintf(until, sizeof(until), "%.7s-31", scope->until);
		f.until = until;
	}
	if ((it = td_iter_new(v, &f, TD_SIGNALS | (scope->quotes ? TD_SHAREABLE : 0u),
	    err)) == NULL)
		goto fail;
	while ((rc = td_iter_next(it, &td, err)) == 1)
		if (report_add(r, &td, err) != 0)
			goto fail;
	if (rc < 0) {
		if (rc == -1 && err->code == EX_DATAERR && strlen(err->msg) + 40 < TERR_MSG_MAX)
			strcat(err->msg, "; no report was made");
		goto fail;
	}
	turndown_clear(&td);
	td_iter_free(it);
	if (report_finish(r, err) != 0) {
		report_free(r);
		return NULL;
	}
	return r;
fail:
	turndown_clear(&td);
	td_iter_free(it);
	report_free(r);
	return NULL;
}

/* ---- what is shown ------------------------------------------------------------ */

long long
report_shown(const struct report *r, int cat)
{
	long long n = r->reasons[cat];

	return n < r->scope.min_group ? -1 : n;
}

/* Fills ORDER with every category of the taxonomy; returns how many (all
 * of them, always: a row that appears or vanishes would say that somebody
 * gave, or nobody gave, that reason).  Shown counts first, largest first;
 * then suppressed ones (0 to K-1) in taxonomy order, so that their position
 * says nothing of their size. */
static int
report_rows(const struct report *r, int order[TAXONOMY_COUNT])
{
	int n = 0, i, j, t;

	for (i = 0; i < TAXONOMY_COUNT; i++)
		if (report_shown(r, i) >= 0)
			order[n++] = i;
	for (i = 1; i < n; i++)                 /* insertion sort, stable */
		for (j = i; j > 0 && r->reasons[order[j]] > r->reasons[order[j - 1]]; j--) {
			t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (i = 0; i < TAXONOMY_COUNT; i++)
		if (report_shown(r, i) < 0)
			order[n++] = i;
	return n;
}

static const char *
period(const struct report *r, char *buf, size_t size)
{
	const struct report_scope *s = &r->scope;

	if (s->since[0] && s->until[0] && strcmp(s->since, s->until) == 0)
		snprintf(buf, size, "%s", s->since);
	else if (s->since[0] && s->until[0])
		snprintf(buf, size, "%s to %s", s->since, s->until);
	else if (s->since[0])
		snprintf(buf, size, "from %s", s->since);
	else if (s->until[0])
		snprintf(buf, size, "up to %s", s->until);
	else
		snprintf(buf, size, "all dates");
	return buf;
}

/*
 * The prose around the numbers is kept short and plain.  A report is held
 * to the debrief's rule (SPEC 5: no run of three words of any confidential
 * note) without reading a single confidential note, so its fixed wording
 * avoids the stock phrases ("the number of", "in the end") that such a
 * note could share with it by chance.
 */
static void
median_words(const struct report *r, char *buf, size_t size)
{
	if (!r->median_known)
		snprintf(buf, size, "held back (offer dates from under %d candidates)",
		    r->scope.min_group);
	else if (r->median_days == (long)r->median_days)
		snprintf(buf, size, "%ld day%s, offer to decline", (long)r->median_days,
		    r->median_days == 1 ? "" : "s");
	else
		snprintf(buf, size, "%.1f days, offer to decline", r->median_days);
}

static void
count_words(const struct report *r, int cat, char *buf, size_t size)
{
	long long n = report_shown(r, cat);

	if (n < 0)
		snprintf(buf, size, "<%d", r->scope.min_group);
	else
		snprintf(buf, size, "%lld", n);
}

#define TITLE "Why candidates declined: anonymized report"
#define PERIOD_NOTE "(decline dates, whole months)"
#define COUNTS_NOTE "Counts: distinct candidates per reason (one candidate may give several)."
#define CONF_NOTE "Confidential reasons: counted, never described."

static void
write_text(const struct report *r, FILE *out)
{
	int order[TAXONOMY_COUNT], n = report_rows(r, order), wname = 6, wcount = 10;
	long long max = 0;
	char buf[128], cnt[32];

	fprintf(out, "%s\n\n", TITLE);
	fprintf(out, "Client:      %s\n", r->scope.client ? r->scope.client : "all clients");
	fprintf(out, "Period:      %s %s\n", period(r, buf, sizeof(buf)), PERIOD_NOTE);
	fprintf(out, "Turndowns:   %lld, from %lld consenting candidates\n", r->turndowns,
	    r->candidates);
	median_words(r, buf, sizeof(buf));
	fprintf(out, "Median:      %s\n\n", buf);
	for (int i = 0; i < n; i++) {
		if ((int)strlen(taxonomy[order[i]].slug) > wname)
			wname = (int)strlen(taxonomy[order[i]].slug);
		if (r->reasons[order[i]] > max && report_shown(r, order[i]) > 0)
			max = r->reasons[order[i]];
	}
	fprintf(out, "%-*s  %*s\n", wname, "Reason", wcount, "Candidates");
	for (int i = 0; i < n; i++) {
		long long shown = report_shown(r, order[i]);
		int bar = 0;

		count_words(r, order[i], cnt, sizeof(cnt));
		if (shown > 0 && max > 0) {
			bar = (int)((shown * BAR_WIDTH + max / 2) / max);
			if (bar < 1)
				bar = 1;
		}
		fprintf(out, "%-*s  %*s", wname, taxonomy[order[i]].slug, wcount, cnt);
		if (bar > 0) {
			fputs("  ", out);
			for (int k = 0; k < bar; k++)
				fputc('#', out);
		}
		fputc('\n', out);
	}
	fprintf(out, "\n%s\n%s  Counts 0 to %d appear as <%d.\n", COUNTS_NOTE, CONF_NOTE,
	    r->scope.min_group - 1, r->scope.min_group);
	if (r->quotes_withheld) {
		fprintf(out, "\nQuotes withheld: under %d candidates (2 x %d) left shareable "
		    "notes.\n", 2 * r->scope.min_group, r->scope.min_group);
	} else if (r->nquotes > 0) {
		fputs("\nQuotes (shareable notes, in random order; names, e-mail addresses,\n"
		    "phone numbers and dates replaced):\n", out);
		for (size_t q = 0; q < r->nquotes; q++) {
			fputc('\n', out);
			text_wrap(out, "  - ", "    ", r->quotes[q], TEXT_WIDTH);
		}
	}
}

/* Whether P starts an HTML character reference ("&amp;", "&#38;"). */
static int
md_entity(const char *p)
{
	size_t n = 1;

	if (p[n] == '#')
		n++;
	while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
	    (p[n] >= '0' && p[n] <= '9'))
		n++;
	return n > 1 && p[n] == ';';
}

/* Writes the character at P (in a line that starts at LINE) escaped where
 * Markdown would read it as markup or HTML. */
static void
md_char(const char *p, const char *line, FILE *out)
{
	if (strchr("\\`*_<", *p) != NULL || (*p == '#' && p == line) ||
	    (*p == '&' && md_entity(p)))
		fputc('\\', out);
	fputc(*p, out);
}

/* Writes S escaped for Markdown, each line after a newline starting with
 * PREFIX. */
static void
md_escape(const char *s, const char *prefix, FILE *out)
{
	const char *line = s;

	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '\n') {
			fputc('\n', out);
			fputs(prefix, out);
			line = p + 1;
			continue;
		}
		md_char(p, line, out);
	}
}

static void
write_markdown(const struct report *r, FILE *out)
{
	int order[TAXONOMY_COUNT], n = report_rows(r, order);
	char buf[128], cnt[32];

	fprintf(out, "# %s\n\n", TITLE);
	fputs("- **Client:** ", out);
	if (r->scope.client != NULL)
		md_escape(r->scope.client, "", out);
	else
		fputs("all clients", out);
	fprintf(out, "\n- **Period:** %s %s\n", period(r, buf, sizeof(buf)), PERIOD_NOTE);
	fprintf(out, "- **Turndowns:** %lld, from %lld consenting candidates\n", r->turndowns,
	    r->candidates);
	median_words(r, buf, sizeof(buf));
	fprintf(out, "- **Median:** %s\n\n", buf);
	fputs("| Reason | Candidates |\n| :--- | ---: |\n", out);
	for (int i = 0; i < n; i++) {
		count_words(r, order[i], cnt, sizeof(cnt));
		fprintf(out, "| %s | %s |\n", taxonomy[order[i]].slug, cnt);
	}
	fprintf(out, "\n%s %s Counts 0 to %d appear as <%d.\n", COUNTS_NOTE, CONF_NOTE,
	    r->scope.min_group - 1, r->scope.min_group);
	if (r->quotes_withheld) {
		fprintf(out, "\nQuotes withheld: under %d candidates (2 x %d) left shareable "
		    "notes.\n", 2 * r->scope.min_group, r->scope.min_group);
	} else if (r->nquotes > 0) {
		fputs("\n## Quotes\n\nShareable notes, in random order; names, e-mail addresses, "
		    "phone numbers and dates replaced.\n", out);
		for (size_t q = 0; q < r->nquotes; q++) {
			fputs("\n> ", out);
			md_escape(r->quotes[q], "> ", out);
			fputc('\n', out);
		}
	}
}

/* Writes one CSV field: as it is when it needs no quoting, else through
 * libcsv, which quotes it and doubles its quotes (RFC 4180). */
static void
csv_field(const char *s, FILE *out)
{
	if (strpbrk(s, ",\"\r\n") == NULL)
		fputs(s, out);
	else
		csv_fwrite(out, s, strlen(s));
}

static void
write_csv(const struct report *r, FILE *out)
{
	int order[TAXONOMY_COUNT], n = report_rows(r, order);
	char cnt[32];

	csv_field("category", out);
	fputc(',', out);
	csv_field("count", out);
	fputs("\r\n", out);
	for (int i = 0; i < n; i++) {
		count_words(r, order[i], cnt, sizeof(cnt));
		csv_field(taxonomy[order[i]].slug, out);
		fputc(',', out);
		csv_field(cnt, out);
		fputs("\r\n", out);
	}
}

static json_t *
json_month(const char *m)
{
	return m[0] != '\0' ? json_string(m) : json_null();
}

static int
write_json(const struct report *r, FILE *out)
{
	int order[TAXONOMY_COUNT], n = report_rows(r, order), rc;
	json_t *j, *reasons = json_array(), *quotes = json_array(), *median;

	if (reasons == NULL || quotes == NULL)
		goto oom;
	for (int i = 0; i < n; i++) {
		long long shown = report_shown(r, order[i]);

		if (json_array_append_new(reasons, json_pack("{s:s, s:o, s:b}", "category",
		    taxonomy[order[i]].slug, "count", shown < 0 ? json_null() :
		    json_integer(shown), "suppressed", shown < 0)) != 0)
			goto oom;
	}
	for (size_t q = 0; q < r->nquotes; q++)
		if (json_array_append_new(quotes, json_string(r->quotes[q])) != 0)
			goto oom;
	if (!r->median_known)
		median = json_null();
	else if (r->median_days == (long)r->median_days)
		median = json_integer((json_int_t)r->median_days);
	else
		median = json_real(r->median_days);
	j = json_pack("{s:{s:o, s:o, s:o}, s:i, s:I, s:I, s:o, s:o, s:o}",
	    "scope", "client", r->scope.client ? json_string(r->scope.client) : json_null(),
	    "since", json_month(r->scope.since), "until", json_month(r->scope.until),
	    "min_group", r->scope.min_group, "turndowns", (json_int_t)r->turndowns,
	    "candidates", (json_int_t)r->candidates, "reasons", reasons,
	    "median_days_to_decline", median, "quotes", quotes);
	if (j == NULL)
		return -1;
	rc = json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
	json_decref(j);
	fputc('\n', out);
	return rc;
oom:
	json_decref(reasons);
	json_decref(quotes);
	return -1;
}

/* Writes S with the characters HTML gives meaning to replaced. */
static void
html_escape(const char *s, FILE *out)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(*s, out);
		}
	}
}

/*
 * One page a client opens in any browser or prints: no script, no font,
 * image or style sheet from anywhere, so it shows the same offline, inside
 * a mail client and on paper.  The chart is inline SVG scaled to the page's
 * width (a phone as well as A4 or Letter); suppressed reasons are written
 * out as "<K", never drawn, so no bar hints at a hidden size.
 */
static const char html_style[] =
    "@page{size:auto;margin:16mm 14mm}"
    "html{-webkit-text-size-adjust:100%}"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
    "sans-serif;color:#1f2328;background:#fff;max-width:46rem;margin:0 auto;"
    "padding:1.5rem 1rem;line-height:1.45}"
    "h1{font-size:1.45rem;margin:0 0 .3rem}"
    "h2{font-size:1.1rem;margin:1.6rem 0 .5rem}"
    ".scope{color:#57606a;margin:0 0 1.2rem}"
    ".figures{display:flex;flex-wrap:wrap;gap:.7rem;margin:0;padding:0;list-style:none}"
    ".figures li{flex:1 1 9rem;border:1px solid #d0d7de;border-radius:6px;padding:.55rem .8rem}"
    ".figures .n{display:block;font-size:1.75rem;font-weight:600;line-height:1.2}"
    ".figures .l{color:#57606a;font-size:.85rem}"
    "svg.chart{display:block;width:100%;height:auto}"
    "svg.chart{max-width:40rem}"
    "svg.chart text{font-size:15px;fill:#1f2328}"
    "svg.chart .bar{fill:#2f6f9f}"
    "p.hidden{color:#57606a;font-size:.9rem;margin:.4rem 0 1rem}"
    "table{border-collapse:collapse;width:100%;max-width:26rem;font-size:.95rem}"
    "th,td{text-align:left;padding:.2rem .5rem;border-bottom:1px solid #e6e8eb}"
    "th.c,td.c{text-align:right;font-variant-numeric:tabular-nums}"
    "tr.s td{color:#6e7781}"
    "blockquote{margin:.7rem 0;padding:.2rem .9rem;border-left:3px solid #d0d7de;color:#32383f}"
    ".method{font-size:.85rem;color:#57606a;border-top:1px solid #d0d7de;margin-top:1.6rem;"
    "padding-top:.5rem}"
    "@media (max-width:32rem){svg.chart text{font-size:20px}}"
    "@media print{body{max-width:none;padding:0}"
    ".figures li,svg.chart,tr,blockquote{break-inside:avoid}h2{break-after:avoid}}";

/* The chart's own units.  A phone scales the 520-unit width down to about
 * 350 pixels, so there its text grows from 15 to 20 units (a media query)
 * and stays as large as the page's; the label column fits either. */
#define SVG_W 520
#define SVG_ROW 26
#define SVG_LABEL 170
#define SVG_BAR_MAX 300

static void
write_html(const struct report *r, FILE *out)
{
	int order[TAXONOMY_COUNT], n = report_rows(r, order), k = r->scope.min_group, shown_rows;
	long long max = 0;
	char buf[128], cnt[32];

	for (int i = 0; i < n; i++)
		if (report_shown(r, order[i]) > max)
			max = report_shown(r, order[i]);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>" TITLE "</title>\n<style>", out);
	fputs(html_style, out);
	fputs("</style>\n</head>\n<body>\n<h1>" TITLE "</h1>\n<p class=\"scope\">Client: <b>", out);
	html_escape(r->scope.client ? r->scope.client : "all clients", out);
	fprintf(out, "</b> &middot; Period: <b>%s</b> " PERIOD_NOTE "</p>\n",
	    period(r, buf, sizeof(buf)));
	fprintf(out, "<ul class=\"figures\">\n<li id=\"turndowns\"><span class=\"n\">%lld</span>"
	    "<span class=\"l\">turndowns</span></li>\n", r->turndowns);
	fprintf(out, "<li id=\"candidates\"><span class=\"n\">%lld</span><span class=\"l\">"
	    "consenting candidates</span></li>\n", r->candidates);
	if (r->median_known && r->median_days == (long)r->median_days)
		snprintf(buf, sizeof(buf), "%ld", (long)r->median_days);
	else if (r->median_known)
		snprintf(buf, sizeof(buf), "%.1f", r->median_days);
	else
		snprintf(buf, sizeof(buf), "&ndash;");
	fprintf(out, "<li id=\"median\"><span class=\"n\">%s</span><span class=\"l\">%s</span>"
	    "</li>\n</ul>\n", buf, r->median_known ? "median days, offer to decline" :
	    "median held back (too few offer dates)");

	fputs("<h2>Reasons</h2>\n", out);
	for (shown_rows = 0; shown_rows < n && report_shown(r, order[shown_rows]) >= 0;
	    shown_rows++)
		;
	if (shown_rows > 0)
		fprintf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
		    "aria-label=\"Candidates per reason\">\n", SVG_W, shown_rows * SVG_ROW + 4);
	for (int i = 0; i < shown_rows; i++) {
		long long shown = report_shown(r, order[i]);
		int y = i * SVG_ROW, w = max > 0 ? (int)((shown * SVG_BAR_MAX + max / 2) / max) : 0;

		if (w < 2)
			w = 2;
		fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
		    "<rect class=\"bar\" data-category=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\" rx=\"2\"/><text x=\"%d\" y=\"%d\">%lld</text>\n",
		    SVG_LABEL - 8, y + 17, taxonomy[order[i]].slug, taxonomy[order[i]].slug,
		    SVG_LABEL, y + 4, w, SVG_ROW - 8, SVG_LABEL + w + 6, y + 17, shown);
	}
	if (shown_rows > 0)
		fputs("</svg>\n", out);
	/* Suppressed rows are named, not drawn: a bar of any length would
	 * hint at the hidden count. */
	if (shown_rows < n) {
		fprintf(out, "<p class=\"hidden\">Fewer than %d candidates each, so not drawn: ", k);
		for (int i = shown_rows; i < n; i++)
			fprintf(out, "%s%s", taxonomy[order[i]].slug, i + 1 < n ? ", " : ".");
		fputs("</p>\n", out);
	}
	fputs("<table>\n<thead><tr><th>Reason</th><th class=\"c\">Candidates</th></tr>"
	    "</thead>\n<tbody>\n", out);
	for (int i = 0; i < n; i++) {
		count_words(r, order[i], cnt, sizeof(cnt));
		fprintf(out, "<tr%s><td>%s</td><td class=\"c\">", report_shown(r, order[i]) < 0 ?
		    " class=\"s\"" : "", taxonomy[order[i]].slug);
		html_escape(cnt, out);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
	if (r->quotes_withheld) {
		fprintf(out, "<h2>Quotes</h2>\n<p>Withheld: under %d candidates (2 &times; %d) left "
		    "shareable notes.</p>\n", 2 * k, k);
	} else if (r->nquotes > 0) {
		fputs("<h2>Quotes</h2>\n<p class=\"scope\">Shareable notes, in random order; names, "
		    "e-mail addresses, phone numbers and dates replaced.</p>\n", out);
		for (size_t q = 0; q < r->nquotes; q++) {
			fputs("<blockquote>", out);
			html_escape(r->quotes[q], out);
			fputs("</blockquote>\n", out);
		}
	}
	fprintf(out, "<p class=\"method\">%s %s<br>Counts 0 to %d appear as &lt;%d; a scope of "
	    "fewer than %d candidates is not reported.</p>\n</body>\n</html>\n", COUNTS_NOTE,
	    CONF_NOTE, k - 1, k, k);
}

int
report_write(const struct report *r, enum report_format fmt, FILE *out, struct terr *err)
{
	switch (fmt) {
	case REPORT_TEXT:
		write_text(r, out);
		break;
	case REPORT_MARKDOWN:
		write_markdown(r, out);
		break;
	case REPORT_CSV:
		write_csv(r, out);
		break;
	case REPORT_JSON:
		if (write_json(r, out) != 0)
			return terr_set(err, EX_OSERR, "cannot build the JSON report");
		break;
	case REPORT_HTML:
		write_html(r, out);
		break;
	}
	if (fflush(out) != 0 || ferror(out))
		return terr_set(err, EX_IOERR, "cannot write the report");
	return 0;
}

int
report_format_parse(const char *name)
{
	static const char *const names[] = { "text", "markdown", "csv", "json", "html" };

	for (int i = 0; i < 5; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

int
report_month(const char *what, const char *date, char out[REPORT_MONTH_LEN], struct terr *err)
{
	char full[DATE_LEN], tmp[DATE_LEN + 3];
	struct terr e = { 0 };

	if (date != NULL && strlen(date) == 7) {
		snprintf(tmp, sizeof(tmp), "%s-01", date);
		if (date_parse(what, tmp, full, &e) == 0)
			goto ok;
	} else if (date != NULL && date_parse(what, date, full, &e) == 0) {
		goto ok;
	}
	return terr_set(err, EX_DATAERR, "%s '%.40s' is not a date (want YYYY-MM-DD or YYYY-MM)",
	    what, date ? date : "");
ok:
	memcpy(out, full, 7);
	out[7] = '\0';
	return 0;
}
