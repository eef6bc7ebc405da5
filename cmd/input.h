/*
 * input.h - what commands share for reading what a person gives them:
 * files, answers at a prompt, and notes written in $EDITOR.
 */
#ifndef TACT_INPUT_H
#define TACT_INPUT_H

#include <stddef.h>

#include "core/base/error.h"

/* Reads at most MAX bytes of PATH ("-" for stdin) into a new NUL-terminated
 * buffer and sets *LEN to its length; a longer file is EX_DATAERR.  Free
 * with input_free(). */
char *input_file(const char *path, size_t max, size_t *len, struct terr *err);
/* Wipes and frees S. */
void input_free(char *s);
/* Asks QUESTION on stderr and reads one line from stdin; NULL at end of input. */
char *input_ask(const char *question, struct terr *err);
/* Asks whether to go on; returns 1 for yes. */
int input_confirm(const char *question);
/* Lets the person write a note in $EDITOR, in a private folder in memory
 * ($XDG_RUNTIME_DIR), wiped and removed afterwards.  HINT heads the file
 * as a comment line; the file is read up to MAX bytes plus room for its
 * comment lines.  Returns the note without them (free it with
 * input_free()), or NULL with ERR set. */
char *input_editor(const char *hint, size_t max, struct terr *err);
/* The same, the file starting with HINT as comment lines and then INITIAL
 * (a record to correct, as `edit` opens one); what comes back has every
 * line starting with '#' left out and trailing blank lines trimmed. */
char *input_editor_text(const char *hint, const char *initial, size_t max, struct terr *err);

/* Like input_editor(), but when the editor cannot be used or fails, says
 * so and offers to run it again, to type the note here (lines ending with
 * one holding only '.'), or to leave it out (an empty note), so nothing
 * typed before is lost.  NULL with ERR only at end of input. */
char *input_note(const char *hint, size_t max, struct terr *err);
/* input_editor_text() offered again in the same way when the editor
 * fails; [s] (stop) returns "", which a form takes as nothing changed. */
char *input_form(const char *hint, const char *initial, size_t max, struct terr *err);
/* Reads lines from stdin up to one holding only "." (or the end of input)
 * into a new note of at most MAX bytes; NULL with ERR if longer. */
char *input_inline(size_t max, struct terr *err);
/* The one warning for secrets given in argv (--confidential TEXT, --met),
 * which other users can read in ps and the shell keeps in its history. */
void input_warn_argv(void);

#endif
