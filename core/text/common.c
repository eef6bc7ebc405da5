/*
 * common.c - the lists of words that name nobody (see common.h).
 *
 * One list of common words serves the guard (a capitalised word of the
 * confidential note that is common is grammar, not a secret name; a part of
 * a name that is common, like "Will", is the name only when capitalised)
 * and the scrubber (a common word opening a sentence is kept).  The words
 * are written in their comparison forms: lower case, plain apostrophes.
 * Leaving a word out only makes both stricter.
 */
#include <string.h>

#include "core/text/common.h"

static const char *const common_words[] = {
	"a", "an", "the", "i", "we", "they", "he", "she", "it", "you", "this", "that", "these",
	"those", "there", "their", "our", "my", "his", "her", "its", "your", "and", "but",
	"or", "so", "also", "however", "overall", "although", "though", "because", "since",
	"after", "before", "when", "while", "if", "as", "at", "in", "on", "for", "with",
	"without", "from", "to", "of", "by", "about", "not", "no", "yes", "all", "both",
	"each", "every", "some", "many", "most", "much", "more", "less", "few", "several",
	"one", "two", "three", "four", "five", "first", "second", "third", "then", "finally",
	"still", "just", "only", "even", "very", "really", "honestly", "frankly",
	"unfortunately", "fortunately", "ultimately", "basically", "generally", "mostly",
	"mainly", "partly", "compensation", "salary", "pay", "base", "bonus", "package",
	"offer", "offers", "equity", "benefits", "pension", "title", "scope", "growth",
	"culture", "team", "teams", "leadership", "management", "process", "relocation",
	"commute", "commuting", "remote", "hybrid", "office", "family", "schedule", "hours",
	"workload", "travel", "role", "job", "position", "company", "organisation",
	"organization", "interview", "interviews", "interviewers", "interviewing", "everyone",
	"everything", "nobody", "nothing", "someone", "somebody", "something", "anyone",
	"great", "good", "nice", "lovely", "strong", "weak", "poor", "slow", "fast", "long",
	"short", "too", "what", "why", "how", "where", "which", "who", "would", "could",
	"should", "will", "can", "did", "does", "do", "was", "were", "is", "are", "had", "has",
	"have", "been", "being", "felt", "feels", "liked", "loved", "enjoyed", "thanks",
	"thank", "candidate", "candidates", "client", "clients", "hiring", "money", "location",
	"distance", "timing", "communication", "feedback", "decided", "decision", "accepted",
	"declined", "happy", "concerned", "worried", "prefers", "preferred", "wanted", "wants",
	"needs", "needed", "other", "another", "again", "later", "now", "today", "yesterday",
	"next", "last", "currently", "recently", "previously", "definitely", "probably",
	"maybe", "perhaps", "instead", "otherwise", "meanwhile", "anyway", "besides",
	"despite", "given", "compared", "between", "during", "until", "unless", "whether",
	"here", "well", "ok", "okay", "sorry", "please", "best", "regards", "dear", "hi",
	"hello", "note", "notes", "reason", "reasons", "main", "key", "big", "small", "new",
	"old", "better", "worse", "clear", "clearly", "quite", "rather", "such", "any", "none",
	"neither", "either", "once", "twice", "always", "never", "often", "sometimes",
	"manager", "managers", "people", "staff", "colleagues", "peers", "benefit", "working",
	"work", "worked", "onboarding", "start", "starting", "moving", "move", "children",
	"kids", "partner", "spouse", "health", "personal", "private", "public", "market",
	"industry", "sector", "funding", "finances", "stability", "reputation", "competitor",
	"competitors", "counteroffer", "counter", "current", "existing", "previous", "future",
	"long-term", "short-term", "part-time", "full-time", "i'm", "i've", "i'd", "i'll",
	"it's", "that's", "there's", "they're", "we're", "we've", "they've", "you're", "he's",
	"she's", "let's", "don't", "didn't", "doesn't", "wasn't", "weren't", "isn't", "aren't",
	"couldn't", "wouldn't", "shouldn't", "can't", "won't", "hasn't", "haven't", "hadn't",
	"what's", "met", "meeting", "spoke", "said", "says", "told", "asked", "got", "took",
	"went", "came", "saw", "thought", "think", "know", "knew", "found", "made", "left",
	"joined", "stayed", "chose", "turned", "received", "heard", "seemed", "seems", "looks",
	"looked", "loves", "likes", "hates", "hated", "disliked", "absolutely", "everybody",
	"somewhat", "fair", "fine", "unclear", "line", "end", "nor", "yet", "plus", "hence",
	"thus", "therefore", "likewise", "similarly", "sadly", "luckily", "interestingly",
	"apparently", "obviously", "especially", "particularly", "specifically", "personally",
	"lots", "plenty", "little", "whole", "entire", "half", "full", "high", "low", "higher",
	"lower", "lack", "limited", "slower", "faster", "way", "things", "thing", "time",
	"times", "day", "days", "week", "weeks", "month", "months", "year", "years", "contact",
	"email", "e-mail", "phone", "call", "ask", "let", "might", "must", "shall", "per",
	"via", "she'd", "he'd", "they'd", "we'd", "you'd", "she'll", "he'll", "they'll",
	"we'll", "you'll", "who's", "where's", "how's", "here's", "should've", "would've",
	"could've", "ain't", "mail", "reach", "write", "text", "message", "see", "tell",
	"send", "keep", "get", "give", "take", "make", "try", "glad", "keen", "open", "ready",
	"unsure", "nervous", "excited", "impressed", "disappointed", "surprised", "frustrated",
	"annoyed", "pleased", "grateful", "be", "into", "like", "me", "them", NULL
};

static const char *const date_words[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", NULL
};

static const char *const date_short[] = {
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL
};

static const char *const titles[] = {
	"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "jr", "sr", "st", "rev", NULL
};

/* As written: "IT" is the department, "it" a word. */
static const char *const abbreviations[] = {
	"HR", "CEO", "CFO", "CTO", "COO", "CIO", "CMO", "CPO", "CRO", "CISO", "CHRO", "VP",
	"SVP", "EVP", "AVP", "MD", "GM", "IT", "PR", "OK", "UK", "US", "USA", "EU", "IPO",
	"KPI", "KPIs", "OKR", "OKRs", "ROI", "PTO", "WFH", "AI", "ML", "API", "SaaS", "B2B",
	"B2C", "PhD", "MBA", "CV", "CVs", "NDA", "RSU", "RSUs", "ESOP", "LTIP", "TBD", "ASAP",
	"FYI", "HQ", "UX", "UI", "QA", "SRE", "CEOs", "VPs", "Q1", "Q2", "Q3", "Q4", "H1",
	"H2", "FTE", "NHS", "GP", "ICU", "ER", NULL
};

static const char *const ampersand_abbreviations[] = { "R&D", "P&L", "M&A", NULL };

static int
in_list(const char *const *list, const char *w)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], w) == 0)
			return 1;
	return 0;
}

int
text_common_word(const char *form)
{
	return in_list(common_words, form);
}

int
text_common_date(const char *form, int short_forms)
{
	return in_list(date_words, form) || (short_forms && in_list(date_short, form));
}

int
text_common_title(const char *form)
{
	return in_list(titles, form);
}

int
text_common_abbreviation(const char *s, size_t n)
{
	for (size_t i = 0; abbreviations[i] != NULL; i++)
		if (strlen(abbreviations[i]) == n && memcmp(abbreviations[i], s, n) == 0)
			return 1;
	return 0;
}

size_t
text_common_ampersand(const char *s, size_t n)
{
	for (size_t i = 0; ampersand_abbreviations[i] != NULL; i++) {
		size_t l = strlen(ampersand_abbreviations[i]);
		unsigned char next = l < n ? (unsigned char)s[l] : 0;

		if (l <= n && memcmp(s, ampersand_abbreviations[i], l) == 0 &&
		    !((next >= '0' && next <= '9') || (next >= 'a' && next <= 'z') ||
		    (next >= 'A' && next <= 'Z')))
			return l;
	}
	return 0;
}
