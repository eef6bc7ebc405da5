/*
 * contacts.h - e-mail addresses, web links and phone numbers in free text
 * (see contacts.c).  S is N bytes; each *_at function looks at S[I] and,
 * when what it names starts there, sets *END past it.
 */
#ifndef TACT_TEXT_CONTACTS_H
#define TACT_TEXT_CONTACTS_H

#include <stddef.h>
#include <stdint.h>

enum text_number { TEXT_NUM_NONE, TEXT_NUM_PHONE, TEXT_NUM_DATE };

/* ASCII classes, for addresses and numbers. */
int text_ascii_alnum(uint32_t c);
int text_ascii_digit(unsigned char c);
/* Whether C may stand in an e-mail address before the '@'. */
int text_email_char(unsigned char c);

/* Whether an e-mail address starts at S[I]. */
int text_email_at(const unsigned char *s, size_t n, size_t i, size_t *end);
/* Whether a web address starts at S[I]; trailing punctuation is left out. */
int text_link_at(const unsigned char *s, size_t n, size_t i, size_t *end);
/* Whether a phone number or a calendar date starts at S[I]. */
enum text_number text_number_at(const unsigned char *s, size_t n, size_t i, size_t *end);

/* Returns a malloc'd copy of TEXT with e-mail addresses replaced by
 * [email], links by [link] and phone numbers by [phone]; NULL if out of
 * memory.  Names and dates are kept: this is for text its author wrote
 * to be passed on. */
char *text_contacts_scrub(const char *text);

#endif
