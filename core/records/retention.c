/*
 * retention.c - periods and the candidates past them.  Only dates in clear
 * are read: counting who is past the retention period opens no key.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/retention.h"

int
retention_cutoff(const char *age, const char *today, char out[DATE_LEN], struct terr *err)
{
	size_t len = strlen(age), digits = strspn(age, "0123456789");
	long n;

	if (digits == 0 || digits > 5 || len != digits + 1 || strchr("dmy", age[digits]) == NULL ||
	    (n = strtol(age, NULL, 10)) <= 0)
		return terr_set(err, EX_USAGE, "'%.40s' is not a period such as 24m, 400d or 2y",
		    age);
	switch (age[digits]) {
	case 'd':
		date_add_days(today, -n, out);
		break;
	case 'm':
		date_add_months(today, -(int)n, out);
		break;
	default:
		date_add_months(today, -12 * (int)n, out);
		break;
	}
	return 0;
}

struct past_acc {
	const char *cutoff;
	struct retention_row *list;
	long long n, cap;
	struct terr *err;
};

static int
past_add(void *arg, const struct store_name_row *r)
{
	struct past_acc *a = arg;

	if (r->last_decline == NULL || strcmp(r->last_decline, a->cutoff) >= 0)
		return 0;
	if (a->n == a->cap) {
		long long cap = a->cap ? a->cap * 2 : 64;
		struct retention_row *grown = realloc(a->list, (size_t)cap * sizeof(*grown));

		if (grown == NULL)
			return terr_set(a->err, EX_OSERR, "out of memory");
		a->list = grown;
		a->cap = cap;
	}
	a->list[a->n].id = r->id;
	strncpy(a->list[a->n].last_decline, r->last_decline, DATE_LEN - 1);
	a->list[a->n].last_decline[DATE_LEN - 1] = '\0';
	a->n++;
	return 0;
}

long long
retention_past(struct vault *v, const char *cutoff, struct retention_row **out,
    struct terr *err)
{
	struct past_acc a = { cutoff, NULL, 0, 0, err };

	*out = NULL;
	if (store_names(v, 0, past_add, &a, err) != 0) {
		free(a.list);
		return -1;
	}
	*out = a.list;
	return a.n;
}

int
retention_forget(struct vault *v, const struct retention_row *list, long long n, int *pending,
    struct terr *err)
{
	*pending = 0;
	if (vault_begin(v, err) != 0)
		return -1;
	for (long long i = 0; i < n; i++) {
		int gone = store_candidate_delete(v, list[i].id, err);

		if (gone < 0)
			goto fail;
		if (gone != 1) {
			terr_set(err, EX_NOINPUT, "no candidate %lld", list[i].id);
			goto fail;
		}
	}
	if (vault_commit(v, err) != 0)
		goto fail;
	*pending = vault_checkpoint(v, NULL) != 0;
	return 0;
fail:
	vault_rollback(v);
	return -1;
}
