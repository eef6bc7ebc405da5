/* speaking.h - what the script commands (debrief, decline, notes) share
 * about whom they speak to and how: see speaking.c. */
#ifndef TACT_SPEAKING_H
#define TACT_SPEAKING_H

#include "core/records/turndown.h"
#include "cmd/cmd.h"

/* The index in TD->met of the person on the line: the person named TO
 * (case-insensitive, in full or by a whole word of the name, when only one
 * matches), else with TO NULL the first hiring manager met; -1 if none. */
long cmd_person_on_line(const struct turndown *td, const char *to);
/* The locale of the config file's [scripts] locale (enum locale). */
int cmd_locale(const struct cmd_ctx *ctx);
/* The config file's [recruiter] name and firm, or NULL. */
const char *cmd_recruiter(const struct cmd_ctx *ctx);
const char *cmd_firm(const struct cmd_ctx *ctx);

#endif
