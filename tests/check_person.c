/*
 * check_person.c - unit tests for the person model behind scripts: names
 * and titles (core/text/person.c), the field of a role (core/base/field.c),
 * pronouns and the voice a script speaks with (core/scripts/voice.c), the
 * locale's words and spelling (core/scripts/locale.c), and the sealed
 * signals part that carries pronouns and field (core/records/pack.c),
 * old parts without them included.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/field.h"
#include "core/text/person.h"
#include "core/records/pack.h"
#include "core/scripts/choose.h"
#include "core/scripts/locale.h"
#include "core/scripts/voice.h"
#include "suites.h"

static void
call_is(const char *full, const char *want)
{
	char out[PERSON_PART_MAX + 16];

	person_call(full, out, sizeof(out));
	ck_assert_msg(strcmp(out, want) == 0, "'%s' is called '%s', want '%s'", full, out, want);
}

START_TEST(test_titles_and_first_names)
{
	call_is("Dr. Amara Okafor", "Dr. Okafor");
	call_is("Dr Amara Okafor", "Dr. Okafor");
	call_is("dr. amara okafor", "Dr. okafor");
	call_is("Doctor Ingrid Hale", "Dr. Hale");
	call_is("Prof. Lena Fischer", "Prof. Fischer");
	/* Mr., Ms. and the like are read, and the first name is used. */
	call_is("Mr. Henry Caldwell", "Henry");
	call_is("Ms. Ruth Abernethy", "Ruth");
	call_is("Mrs. Joan Wills", "Joan");
	call_is("Mx. Robin Kaye", "Robin");
	/* Suffixes: a doctor's gives the title, others are dropped. */
	call_is("Ingrid Hale, MD", "Dr. Hale");
	call_is("Ingrid Hale MD", "Dr. Hale");
	call_is("Ingrid Hale, PhD", "Dr. Hale");
	call_is("Samuel Adeyemi, D.O.", "Dr. Adeyemi");
	call_is("Marcus Bell, RN", "Marcus");
	call_is("Tom Reyes Jr.", "Tom");
	call_is("Tom Reyes, Jr., MBA", "Tom");
	call_is("Prof. Lena Fischer, PhD", "Prof. Fischer");
	/* Everyone else: the first name. */
	call_is("Helen Marsh", "Helen");
	call_is("Rupert Kingsley-Hale", "Rupert");
	call_is("Zoë Brandt", "Zoë");
	call_is("Madonna", "Madonna");
	call_is("王小明", "王小明");
	/* A name that is only a title-like word stays a name. */
	call_is("Dr.", "Dr.");
	call_is("Do", "Do");
	call_is("", "");
}
END_TEST

START_TEST(test_name_parts)
{
	struct person_name n;

	ck_assert_int_eq(person_name_parse("Dr. Amara N. Okafor, FACC", &n), 0);
	ck_assert_str_eq(n.title, "Dr.");
	ck_assert_str_eq(n.first, "Amara");
	ck_assert_str_eq(n.last, "Okafor");
	ck_assert_int_eq(person_name_parse("   ", &n), -1);
	ck_assert_int_eq(person_name_parse(NULL, &n), -1);
}
END_TEST

static void
field_is(const char *role, enum field want)
{
	enum field got = field_from_role(role);

	ck_assert_msg(got == want, "'%s' is %s, want %s", role ? role : "(none)",
	    field_names[got], field_names[want]);
}

START_TEST(test_field_from_role)
{
	field_is("Cardiologist", FIELD_PHYSICIAN);
	field_is("Interventional Cardiologist", FIELD_PHYSICIAN);
	field_is("Hospitalist", FIELD_PHYSICIAN);
	field_is("Staff Physician, MD", FIELD_PHYSICIAN);
	field_is("Consultant Anaesthetist", FIELD_PHYSICIAN);
	field_is("Orthopedic Surgeon", FIELD_PHYSICIAN);
	field_is("Board Certified Dermatologist", FIELD_PHYSICIAN);
	field_is("RN", FIELD_NURSING);
	field_is("Charge Nurse, Medical ICU", FIELD_NURSING);
	field_is("Nurse Practitioner", FIELD_NURSING);
	field_is("CRNA", FIELD_NURSING);
	field_is("Physician Assistant", FIELD_ALLIED_HEALTH);
	field_is("Physical Therapist", FIELD_ALLIED_HEALTH);
	field_is("Radiologic Technologist", FIELD_ALLIED_HEALTH);
	field_is("Clinical Pharmacist", FIELD_ALLIED_HEALTH);
	/* Seniority beats function. */
	field_is("VP Engineering", FIELD_EXECUTIVE);
	field_is("Vice President, Sales", FIELD_EXECUTIVE);
	field_is("Chief Nursing Officer", FIELD_EXECUTIVE);
	field_is("Chief Financial Officer", FIELD_EXECUTIVE);
	field_is("CEO", FIELD_EXECUTIVE);
	field_is("Managing Director", FIELD_EXECUTIVE);
	/* ... but an account executive sells. */
	field_is("Account Executive", FIELD_SALES);
	field_is("Regional Account Executive", FIELD_SALES);
	field_is("Sales Director", FIELD_SALES);
	field_is("Senior Backend Engineer", FIELD_TECHNOLOGY);
	field_is("Data Scientist", FIELD_TECHNOLOGY);
	field_is("Financial Controller", FIELD_FINANCE);
	field_is("Senior Financial Analyst", FIELD_FINANCE);
	field_is("Supply Chain Manager", FIELD_OPERATIONS);
	field_is("Store Operations Lead", FIELD_OPERATIONS);
	field_is("Equity Partner, Commercial Litigation", FIELD_GENERAL);
	field_is("Office Administrator", FIELD_GENERAL);
	field_is("", FIELD_GENERAL);
	field_is(NULL, FIELD_GENERAL);
	/* A field given wins over the role's. */
	ck_assert_int_eq(field_effective(FIELD_SALES, "Cardiologist"), FIELD_SALES);
	ck_assert_int_eq(field_effective(FIELD_UNSET, "Cardiologist"), FIELD_PHYSICIAN);
}
END_TEST

START_TEST(test_vocabularies)
{
	ck_assert_int_eq(field_find("allied-health"), FIELD_ALLIED_HEALTH);
	ck_assert_int_eq(field_find("Physician"), FIELD_PHYSICIAN);
	ck_assert_int_eq(field_find(""), -1);
	ck_assert_int_eq(field_find("doctor"), -1);
	ck_assert_int_eq(pronouns_find("she"), PRON_SHE);
	ck_assert_int_eq(pronouns_find("they"), PRON_THEY);
	ck_assert_int_eq(pronouns_find("it"), -1);
	ck_assert_int_eq(pronouns_find(""), -1);
}
END_TEST

static char *
filled(const struct voice *v, const char *tmpl)
{
	char *s = wording_fill(tmpl, v->subs);

	ck_assert_ptr_nonnull(s);
	return s;
}

START_TEST(test_voice)
{
	struct voice v;
	char *s;

	voice_init(&v, "Dr. Amara Okafor", "Tom Reyes", PRON_SHE, FIELD_PHYSICIAN, LOCALE_US,
	    NULL, NULL);
	s = filled(&v, "Hi {to}: {cand} says {they} want{s} {their} {team} and {has} {time_off}.");
	ck_assert_str_eq(s, "Hi Tom: Dr. Okafor says she wants her the group and has PTO.");
	free(s);
	voice_init(&v, "Jordan Ellis", NULL, PRON_UNSET, FIELD_UNSET, LOCALE_GB, NULL, NULL);
	ck_assert_str_eq(v.to, "");
	s = filled(&v, "{cand}: {they} {is} sure {they} want{s} {retirement} and {health}.");
	ck_assert_str_eq(s, "Jordan: they are sure they want pension and private medical cover.");
	free(s);
	voice_init(&v, "Marcus Bell, RN", NULL, PRON_HE, FIELD_NURSING, LOCALE_US, NULL, NULL);
	s = filled(&v, "{They} {was} on {team}; {them}.");
	ck_assert_str_eq(s, "He was on the unit; him.");
	free(s);
}
END_TEST

/* Refuses text holding the word ARG. */
static int
refuse(void *arg, const char *text)
{
	return strstr(text, arg) != NULL;
}

START_TEST(test_voice_falls_back)
{
	struct voice v;

	/* A first name that is also someone else's: the full name, else neutral. */
	voice_init(&v, "Anna Smith", NULL, PRON_SHE, FIELD_GENERAL, LOCALE_US, refuse,
	    (void *)"Anna");
	ck_assert_str_eq(v.cand, "the candidate");
	voice_name("Anna Smith", "the candidate", refuse, (void *)"Smith", v.cand, sizeof(v.cand));
	ck_assert_str_eq(v.cand, "Anna");
	voice_name("Dr. Lee Park", "", refuse, (void *)"Dr. Park", v.cand, sizeof(v.cand));
	ck_assert_str_eq(v.cand, "Dr. Lee Park");
}
END_TEST

START_TEST(test_locale)
{
	char *s;

	ck_assert_int_eq(locale_from_name("en-GB"), LOCALE_GB);
	ck_assert_int_eq(locale_from_name("en-US"), LOCALE_US);
	ck_assert_int_eq(locale_from_name(NULL), LOCALE_US);
	s = locale_spell(LOCALE_GB, "How organized is the program for a pediatric center? "
	    "Programmer candor toward {cand}.");
	ck_assert_str_eq(s, "How organised is the programme for a paediatric centre? "
	    "Programmer candour towards {cand}.");
	free(s);
	s = locale_spell(LOCALE_US, "How organized is the program?");
	ck_assert_str_eq(s, "How organized is the program?");
	free(s);
	ck_assert_str_eq(locale_word(LOCALE_US, "retirement"), "401(k)");
	ck_assert_str_eq(locale_word(LOCALE_GB, "time_off"), "annual leave");
	ck_assert_ptr_null(locale_word(LOCALE_GB, "nothing"));
}
END_TEST

/* Pronouns and field survive the sealed signals part; a version 2 part
 * (written before they existed) still reads, with both unset. */
START_TEST(test_signals_carry_pronouns_and_field)
{
	struct turndown td, back;
	struct pack p = { 0 };

	memset(&td, 0, sizeof(td));
	td.client_id = 7;
	memcpy(td.decline_date, "2026-11-10", DATE_LEN);
	td.nreasons = 1;
	td.role = (char *)"Hospitalist";
	td.pronouns = PRON_HE;
	td.field = FIELD_PHYSICIAN;
	pack_signals(&p, &td);
	ck_assert(!p.failed);
	memset(&back, 0, sizeof(back));
	back.client_id = 7;
	memcpy(back.decline_date, "2026-11-10", DATE_LEN);
	ck_assert_int_eq(unpack_signals(p.buf, p.len, &back), 0);
	ck_assert_int_eq(back.pronouns, PRON_HE);
	ck_assert_int_eq(back.field, FIELD_PHYSICIAN);
	ck_assert_str_eq(back.role, "Hospitalist");
	free(back.role);
	/* The same part as version 2 wrote it: no pronoun or field bytes. */
	p.buf[0] = 2;
	memset(&back, 0, sizeof(back));
	back.client_id = 7;
	memcpy(back.decline_date, "2026-11-10", DATE_LEN);
	ck_assert_int_eq(unpack_signals(p.buf, p.len - 2, &back), 0);
	ck_assert_int_eq(back.pronouns, PRON_UNSET);
	ck_assert_int_eq(back.field, FIELD_UNSET);
	free(back.role);
	/* Out of range values are a damaged part. */
	p.buf[0] = 3;
	p.buf[p.len - 1] = FIELD_COUNT;
	memset(&back, 0, sizeof(back));
	back.client_id = 7;
	memcpy(back.decline_date, "2026-11-10", DATE_LEN);
	ck_assert_int_eq(unpack_signals(p.buf, p.len, &back), -1);
	free(back.role);
	pack_free(&p);
}
END_TEST

Suite *
make_person_suite(void)
{
	Suite *s = suite_create("person");
	TCase *tc = tcase_create("person");

	tcase_add_test(tc, test_titles_and_first_names);
	tcase_add_test(tc, test_name_parts);
	tcase_add_test(tc, test_field_from_role);
	tcase_add_test(tc, test_vocabularies);
	tcase_add_test(tc, test_voice);
	tcase_add_test(tc, test_voice_falls_back);
	tcase_add_test(tc, test_locale);
	tcase_add_test(tc, test_signals_carry_pronouns_and_field);
	suite_add_tcase(s, tc);
	return s;
}
