/*
 * edit_form.h - the turndown as a JSON form in $EDITOR, for `tact edit ID`
 * given no option on a terminal.
 */
#ifndef TACT_EDIT_FORM_H
#define TACT_EDIT_FORM_H

#include "core/records/turndown.h"

/* Opens CUR (every part but the confidential note) as a form in $EDITOR
 * until it is saved as a good record, which goes into OUT (checked as
 * import checks a line) with *CONF set when it replaces the confidential
 * note.  Returns 0, 1 when the form was saved unchanged or emptied (OUT
 * empty), or -1 with ERR. */
int edit_form(const struct turndown *cur, struct turndown *out, int *conf, struct terr *err);

#endif
