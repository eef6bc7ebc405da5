/*
 * cover.c - the weight of an area as a confidential reason (see cover.h).
 * With no shareable area, the weight is the base row's; with one, that
 * area's row; with more, the mean of their rows, weighed by cover_adjust
 * (a mean of rows is too light on the areas that go with many others).  tests/privacy/gen.py draws covers the same way when it
 * calibrates the table, so keep the two in step.
 *
 * cover_pick() serves scripts over other areas: it chooses the whole set of
 * probed areas at once by systematic sampling with chances proportional to
 * weight (lay the areas, in a random order, end to end on [0, K) with
 * lengths equal to their chances; take the areas under u, u + 1, ...,
 * u + K - 1).  Starting u inside a real area's stretch conditions the draw
 * on that area being chosen, which is what makes every probed area equally
 * likely to be the real one: P(real = a | set) is proportional to
 * weight(a) / chance(a), the same for every a.  More than one real area is
 * conditioned on by drawing again until all are in (or, rarely, taking
 * them and the heaviest others).
 */
#include <string.h>

#include "core/scripts/cover.h"

unsigned
cover_weight(int a, const unsigned char *shareable)
{
	unsigned long long sum = 0, n = 0, w;

	if (a < 0 || a >= COVER_AREAS || shareable[a])
		return 0;
	for (int s = 0; s < COVER_AREAS; s++) {
		if (!shareable[s])
			continue;
		sum += cover_given[s][a];
		n++;
	}
	if (n == 0)
		return cover_base[a];
	if (n == 1)
		return (unsigned)sum;
	w = sum * cover_adjust[a] / n / 100000;
	return w > 0 ? (unsigned)w : 1;
}

/* A uniform number in [0, 1) from C. */
static double
uniform(struct chooser *c)
{
	return (double)chooser_below(c, 1u << 30) / (double)(1u << 30);
}

/* Fills P with each area's chance of being chosen among K: K * W[a] / sum,
 * areas whose chance would pass 1 set to 1 and the rest shared out again.
 * Returns the number of areas with a chance. */
static size_t
chances(const unsigned *w, size_t n, size_t k, double *p)
{
	unsigned char capped[COVER_PICK_MAX];
	size_t live = 0, ncapped = 0, changed = 1;

	memset(capped, 0, sizeof(capped));
	for (size_t a = 0; a < n; a++)
		live += w[a] > 0;
	if (k > live)
		k = live;
	while (changed) {
		double sum = 0;

		changed = 0;
		for (size_t a = 0; a < n; a++)
			if (!capped[a])
				sum += w[a];
		for (size_t a = 0; a < n; a++) {
			if (capped[a])
				p[a] = 1;
			else
				p[a] = sum > 0 ? (double)(k - ncapped) * w[a] / sum : 0;
			if (!capped[a] && p[a] >= 1) {
				capped[a] = 1;
				ncapped++;
				changed = 1;
			}
		}
	}
	return live;
}

/* One systematic draw: the areas of ORDER laid end to end with lengths P,
 * chosen under u + j for j < K (U in [0, 1)). */
static void
sweep(const double *p, const size_t *order, size_t n, size_t k, double u, unsigned char *picked)
{
	double end = 0;
	size_t i = 0, j = 0;

	memset(picked, 0, n);
	for (j = 0; j < k; j++) {
		double point = u + (double)j;

		while (i < n && end + p[order[i]] <= point) {
			end += p[order[i]];
			i++;
		}
		/* Rounding may leave the last point past the end: the last area. */
		if (i == n)
			i = n - 1;
		while (picked[order[i]] && i + 1 < n)
			i++;
		picked[order[i]] = 1;
	}
}

size_t
cover_pick(struct chooser *c, const unsigned *w, size_t n, const unsigned char *must, size_t k,
    unsigned char *picked)
{
	unsigned ww[COVER_PICK_MAX];
	double p[COVER_PICK_MAX];
	size_t order[COVER_PICK_MAX], nmust = 0, live, got = 0, anchor;

	if (n > COVER_PICK_MAX)
		n = COVER_PICK_MAX;
	memset(picked, 0, n);
	for (size_t a = 0; a < n; a++) {
		nmust += must[a] != 0;
		/* A real area always has a chance, however light. */
		ww[a] = w[a] > 0 ? w[a] : must[a] ? 1 : 0;
	}
	if (nmust >= k) {
		for (size_t a = 0; a < n; a++)
			picked[a] = must[a] != 0;
		return nmust;
	}
	live = chances(ww, n, k, p);
	if (k > live)
		k = live;
	for (int tries = 0; tries < 256; tries++) {
		double u, start = 0;
		size_t i, m = 0;

		chooser_permute(c, order, n);
		u = uniform(c);
		if (nmust > 0) {
			/* Start inside the stretch of one real area, chosen at random. */
			anchor = chooser_below(c, nmust);
			for (i = 0; i < n; i++) {
				if (must[order[i]] && m++ == anchor)
					break;
				start += p[order[i]];
			}
			u = start + u * p[order[i]];
			u -= (double)(size_t)u;
		}
		sweep(p, order, n, k, u, picked);
		got = 0;
		for (i = 0; i < n; i++)
			if (must[i] && !picked[i])
				break;
		if (i == n) {
			for (i = 0; i < n; i++)
				got += picked[i];
			return got;
		}
	}
	/* Real areas that hardly ever come up together: take them, then the
	 * heaviest others. */
	memset(picked, 0, n);
	for (size_t a = 0; a < n; a++)
		if (must[a])
			picked[a] = 1, got++;
	while (got < k) {
		size_t best = n;

		for (size_t a = 0; a < n; a++)
			if (!picked[a] && ww[a] > 0 && (best == n || p[a] > p[best]))
				best = a;
		if (best == n)
			break;
		picked[best] = 1;
		got++;
	}
	return got;
}
