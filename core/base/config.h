/*
 * config.h - the configuration file, $XDG_CONFIG_HOME/tact/config (default
 * ~/.config/tact/config), INI syntax:
 *
 *   [recruiter]  name, firm, phone        who signs notes and scripts
 *   [scripts]    locale = en-US | en-GB   spelling and vocabulary
 *   [report]     min_group = K            the smallest group a report shows
 *   [vault]      path, retention          the vault file; how long to keep
 *
 * Every setting remembers where its value came from, for `tact config`.
 */
#ifndef TACT_CONFIG_H
#define TACT_CONFIG_H

#include "core/base/error.h"

enum config_key {
	CONF_RECRUITER_NAME,
	CONF_RECRUITER_FIRM,
	CONF_RECRUITER_PHONE,
	CONF_SCRIPTS_LOCALE,
	CONF_REPORT_MIN_GROUP,
	CONF_VAULT_PATH,
	CONF_VAULT_RETENTION,
	CONF_KEYS
};

/* The section and key of each setting ("recruiter", "name"). */
struct config_name {
	const char *section, *key;
	const char *what;               /* one line for `tact config` and the man page */
};
extern const struct config_name config_names[CONF_KEYS];

struct config_value {
	char *value;                    /* NULL: not set (the default applies) */
	char source[320];               /* "FILE:LINE", "$TACT_VAULT", "--vault", "default" */
};

struct config {
	char *path;                     /* the file read (or looked for) */
	int found;                      /* whether it exists */
	struct config_value v[CONF_KEYS];
};

/* Returns the config file's path: $XDG_CONFIG_HOME/tact/config, else
 * ~/.config/tact/config; the caller frees it.  NULL when out of memory. */
char *config_default_path(void);
/* Returns the path of LEAF in tact's config folder ($XDG_CONFIG_HOME/tact,
 * else ~/.config/tact); free with free(). */
char *config_file_path(const char *leaf);

/* Reads the file at PATH (NULL: config_default_path()) into C, which the
 * caller frees with config_clear() whether or not this fails.  A missing
 * file is no error.  A line that is not INI, an unknown section or key, or
 * a value that is not valid for its key is one EX_USAGE error naming the
 * file and the line. */
int config_load(struct config *c, const char *path, struct terr *err);

/* Sets KEY to VALUE (copied), coming from SOURCE; -1 when out of memory. */
int config_set(struct config *c, enum config_key key, const char *value, const char *source);

/* Returns the value of KEY, or NULL if it is not set. */
const char *config_get(const struct config *c, enum config_key key);

/* Checks VALUE for KEY; on a bad one, fills MSG (SIZE bytes) and returns -1. */
int config_check(enum config_key key, const char *value, char *msg, size_t size);

void config_clear(struct config *c);

#endif
