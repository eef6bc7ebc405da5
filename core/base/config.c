/*
 * config.c - the configuration file, read with inih.
 *
 * The file is optional and small; it is read whole on every run and kept
 * as strings, each with where it came from, so that `tact config` can say
 * what is in force and why.  Every value is checked when it is read, so a
 * mistake is reported once, with its file and line, before any command
 * runs, instead of surfacing later as a puzzling default.
 */
#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/config.h"
#include "core/base/suggest.h"

const struct config_name config_names[CONF_KEYS] = {
	{ "recruiter", "name", "your name, to sign notes and scripts" },
	{ "recruiter", "firm", "your firm" },
	{ "recruiter", "phone", "your phone number" },
	{ "scripts", "locale", "spelling and vocabulary of scripts: en-US or en-GB" },
	{ "report", "min_group", "the smallest group a report shows (at least 3)" },
	{ "vault", "path", "the vault file" },
	{ "vault", "retention", "how long to keep a candidate after the last decline (24m, 90d, 2y)" },
};

char *
config_file_path(const char *leaf)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *p;

	if (x != NULL && x[0] == '/') {
		if (asprintf(&p, "%s/tact/%s", x, leaf) < 0)
			return NULL;
	} else if (asprintf(&p, "%s/.config/tact/%s", home != NULL ? home : ".", leaf) < 0)
		return NULL;
	return p;
}

char *
config_default_path(void)
{
	return config_file_path("config");
}

int
config_check(enum config_key key, const char *value, char *msg, size_t size)
{
	size_t len = strlen(value), digits;
	char *end;
	long n;

	switch (key) {
	case CONF_SCRIPTS_LOCALE:
		if (strcmp(value, "en-US") == 0 || strcmp(value, "en-GB") == 0)
			return 0;
		snprintf(msg, size, "locale '%.40s' is neither 'en-US' nor 'en-GB'", value);
		return -1;
	case CONF_REPORT_MIN_GROUP:
		errno = 0;
		n = strtol(value, &end, 10);
		if (len > 0 && len < 10 && strspn(value, "0123456789") == len && errno == 0 &&
		    *end == '\0' && n >= 3)
			return 0;
		/* 3: the floor of core/report's small-group suppression. */
		snprintf(msg, size, "min_group '%.40s' is not a whole number of at least 3", value);
		return -1;
	case CONF_VAULT_RETENTION:
		digits = strspn(value, "0123456789");
		if (digits > 0 && digits < 6 && len == digits + 1 && strchr("dmy", value[digits]) &&
		    strtol(value, NULL, 10) > 0)
			return 0;
		snprintf(msg, size, "retention '%.40s' is not a period such as 24m, 90d or 2y",
		    value);
		return -1;
	case CONF_VAULT_PATH:
		if (len > 0)
			return 0;
		snprintf(msg, size, "path is empty");
		return -1;
	default:
		for (const unsigned char *p = (const unsigned char *)value; *p != '\0'; p++) {
			if (*p < 0x20 || *p == 0x7f) {
				snprintf(msg, size, "%s holds a control character", config_names[key].key);
				return -1;
			}
		}
		return 0;
	}
}

int
config_set(struct config *c, enum config_key key, const char *value, const char *source)
{
	char *copy = strdup(value);

	if (copy == NULL)
		return -1;
	free(c->v[key].value);
	c->v[key].value = copy;
	snprintf(c->v[key].source, sizeof(c->v[key].source), "%s", source);
	return 0;
}

const char *
config_get(const struct config *c, enum config_key key)
{
	return c->v[key].value;
}

struct reading {
	struct config *c;
	struct terr *err;
	const char *path;
	FILE *f;
	int line;                       /* lines read so far: the handler's own */
	char msg[256];                  /* what is wrong with it */
};

/* Writes into R->msg what is unknown about SECTION and NAME, with the
 * nearest known word. */
static void
unknown(struct reading *r, const char *section, const char *name)
{
	const char *words[CONF_KEYS], *near;
	size_t n = 0;
	int known_section = 0;

	for (int k = 0; k < CONF_KEYS; k++)
		known_section |= strcmp(config_names[k].section, section) == 0;
	if (!known_section) {
		for (int k = 0; k < CONF_KEYS; k++)
			if (k == 0 || strcmp(config_names[k].section, config_names[k - 1].section) != 0)
				words[n++] = config_names[k].section;
		near = suggest_word(section, words, n);
		snprintf(r->msg, sizeof(r->msg), "unknown section [%.40s]%s%s%s", section,
		    near ? " (did you mean [" : " (recruiter, scripts, report or vault)",
		    near ? near : "", near ? "]?)" : "");
		return;
	}
	for (int k = 0; k < CONF_KEYS; k++)
		if (strcmp(config_names[k].section, section) == 0)
			words[n++] = config_names[k].key;
	near = suggest_word(name, words, n);
	snprintf(r->msg, sizeof(r->msg), "unknown key '%.40s' in [%s]%s%s%s", name, section,
	    near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
}

/* Reads one line for inih, counting lines, so the handler knows its own. */
static char *
reader(char *str, int num, void *stream)
{
	struct reading *r = stream;
	char *got = fgets(str, num, r->f);

	if (got != NULL && strchr(got, '\n') != NULL)
		r->line++;
	else if (got != NULL && feof(r->f))
		r->line++;
	return got;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct reading *r = user;
	char source[320], *home = NULL;
	int lineno = r->line;

	if (name == NULL)               /* a section header alone */
		return 1;
	if (*section == '\0') {
		snprintf(r->msg, sizeof(r->msg), "'%.40s' is outside any [section]", name);
		return 0;
	}
	/* [vault] url names a shared vault on a server: the same setting as path. */
	if (strcmp(section, "vault") == 0 && strcmp(name, "url") == 0) {
		if (strncmp(value, "postgresql://", 13) != 0 && strncmp(value, "postgres://", 11) != 0) {
			snprintf(r->msg, sizeof(r->msg), "url '%.40s' is not a postgresql:// URL", value);
			return 0;
		}
		name = "path";
	}
	for (int k = 0; k < CONF_KEYS; k++) {
		if (strcmp(config_names[k].section, section) != 0 ||
		    strcmp(config_names[k].key, name) != 0)
			continue;
		if (config_check(k, value, r->msg, sizeof(r->msg)) != 0)
			return 0;
		snprintf(source, sizeof(source), "%s:%d", r->path, lineno);
		/* A path may start at the home folder, as in a shell. */
		if (k == CONF_VAULT_PATH && strncmp(value, "~/", 2) == 0 && getenv("HOME") != NULL) {
			if (asprintf(&home, "%s%s", getenv("HOME"), value + 1) < 0)
				home = NULL;
			value = home;
		}
		if (value == NULL || config_set(r->c, k, value, source) != 0) {
			free(home);
			snprintf(r->msg, sizeof(r->msg), "out of memory");
			return 0;
		}
		free(home);
		return 1;
	}
	unknown(r, section, name);
	return 0;
}

int
config_load(struct config *c, const char *path, struct terr *err)
{
	struct reading r = { c, err, NULL, NULL, 0, "" };
	int rc;

	memset(c, 0, sizeof(*c));
	c->path = path != NULL ? strdup(path) : config_default_path();
	if (c->path == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	r.path = c->path;
	if ((r.f = fopen(c->path, "re")) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return terr_set(err, EX_USAGE, "cannot read %s: %s", c->path, strerror(errno));
	}
	c->found = 1;
	/* The first error stops the reading: it is the one reported. */
	ini_stop_on_first_error = 1;
	ini_allow_multiline = 0;
	rc = ini_parse_stream(reader, &r, handler, &r);
	fclose(r.f);
	if (rc == 0)
		return 0;
	if (rc < 0)
		return terr_set(err, EX_USAGE, "cannot read %s", c->path);
	/* rc is the first bad line: one the handler refused, or one that is not INI. */
	if (r.msg[0] == '\0')
		return terr_set(err, EX_USAGE, "%s:%d: not a 'key = value' line or a [section]",
		    c->path, rc);
	return terr_set(err, EX_USAGE, "%s:%d: %s", c->path, rc, r.msg);
}

void
config_clear(struct config *c)
{
	for (int k = 0; k < CONF_KEYS; k++) {
		free(c->v[k].value);
		c->v[k].value = NULL;
	}
	free(c->path);
	c->path = NULL;
}
