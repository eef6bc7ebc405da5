/* decline_notes_bank.c - wording for keeping the relationships after a
 * turndown: the lines a recruiter uses on the call that delivers the
 * decline, a few tips for making that call well, and the short thank-you
 * notes that follow it.  All of it is the project's own wording.  None of
 * it carries a reason or an impression, so every note can go to anyone who
 * gave time to the process. */
#include "core/scripts/decline_notes_bank.h"

const char *const phr_decline_greet_to[] = {
	"Hi {to}, thanks for taking my call.",
	"{to}, hello, I hope this is a good moment.",
	"Hello {to}, I'm glad I caught you.",
	"Hi {to}, thank you for picking up.",
	"{to}, thanks for making time for me today.",
	NULL
};

const char *const phr_decline_greet_none[] = {
	"Hello, thanks for taking my call.",
	"Hi, I hope this is a good moment.",
	"Hello, I'm glad I caught you.",
	"Thank you for picking up.",
	NULL
};

const char *const phr_decline_open[] = {
	"{cand} asked me to thank you for the offer and for the time you and {team} gave {them}.",
	"Before anything else, {cand} wanted me to pass on {their} thanks for the offer and for your time.",
	"{cand} is grateful for the offer, and for the care everyone at {client} took over the process.",
	"I spoke to {cand} this morning, and the first thing {they} said was how much {they} appreciated your time.",
	"{cand} wanted me to thank you personally for the offer and for the conversations along the way.",
	NULL
};

const char *const phr_decline_decision[] = {
	"I'm sorry to say {they} {has} decided not to accept, and I wanted you to hear it from me.",
	"{They} {has} decided to turn the offer down, and I wanted you to hear it from me rather than in an e-mail.",
	"After a lot of thought, {they} {has} decided not to take the role; I wanted you to hear it from me first.",
	"I wanted you to hear it from me: {cand} has decided to say no to the offer.",
	"I wanted you to hear it from me directly: {cand} will not be taking up the offer.",
	NULL
};

const char *const phr_decline_future[] = {
	"I'd very much like to keep working with you, and I hope this is not the last time we talk about a hire.",
	"I value working with {client}, and I'd like to keep helping you find the right people.",
	"Paths often cross again in this field, and I'd be pleased if ours did.",
	"I hope we can keep talking, whether about this role or whatever comes next for {team}.",
	"This search matters to me, and I'm not stepping away from it.",
	NULL
};

const char *const phr_decline_referral[] = {
	"I'd like to introduce you to {referral}, who I think could be a strong fit for the role.",
	"If it would help, I can put you in touch with {referral}, whose background lines up well with what you described.",
	"There's someone I'd like you to meet: {referral} has the kind of experience you were looking for.",
	"I've been thinking about who else could do this job well, and {referral} comes to mind first.",
	NULL
};

const char *const phr_decline_help[] = {
	"I can bring you two or three fresh profiles this week, starting with people I already know are open to a move.",
	"I'll go back through the strongest people we met in this search and tell you which of them are still available.",
	"I'd like to set up half an hour with you to rework the brief, so the next shortlist lands closer to what you need.",
	"I know two people who were not on the market when we started, and I'd like to sound them out for you this week.",
	"I can take the brief back to my network straight away and tell you within days who is worth meeting.",
	"I can start calling the people I held back from the first round, and have a short list for you within days.",
	NULL
};

const char *const phr_decline_next[] = {
	"Could we talk again on {date}? I'll bring the first new names then.",
	"I'll send you a written confirmation today, and call you on {date} with where the search stands.",
	"Let's put half an hour on the calendar for {date} to go over the next candidates.",
	"I'll be back in touch by {date} with a revised timeline and the first profiles.",
	"If it suits you, I'll call on {date} to agree how we restart the search.",
	NULL
};

const char *const phr_decline_tips[] = {
	"Call the hiring manager yourself; a message to HR or an e-mail alone feels like the news is being passed around them.",
	"Make the call as soon as the decision is firm, because an offer held open and then declined does the most damage.",
	"Open with thanks before the news, so the manager hears the appreciation rather than just the no.",
	"Keep the reason short and general, and give only what the candidate agreed can be shared.",
	"Do not reopen the negotiation on the call unless the candidate has asked you to.",
	"Have something to offer, such as another candidate or help with the search, before you pick up the phone.",
	"Agree a concrete next step before you hang up, so the call ends with a plan rather than a silence.",
	"Remind the candidate to send short thank-you notes within two days, and send your own to the client too.",
	NULL
};

const char *const phr_decline_tips_spare[] = {
	"Ring rather than write: a voice softens news that reads coldly on a screen.",
	"Speak first to whoever made the offer, and only then to anyone else involved.",
	"Say the decision early in the call and plainly; hedging makes it harder to hear.",
	"Leave any argument about the offer aside; the decision is made.",
	"Before you dial, know what you can offer them next.",
	"End with a date or an action, so both sides know what happens now.",
	"Suggest the candidate writes a brief note of thanks to each person they met.",
	"Be brief and warm, and resist the urge to explain more than was agreed.",
	NULL,
};

static const char *const note_hiring_manager[] = {
	"Thank you for the time and thought you put into the process, and for the offer itself.",
	"I appreciated the chance to talk with you about the role and the work ahead.",
	"Thank you for the offer and for the time you set aside for our conversations.",
	"Thank you for making me an offer; it meant a great deal.",
	"Thank you for walking me through the role and what it involves.",
	"I appreciated the time you gave me, and the offer itself.",
	"I am grateful to have been considered for the role.",
	NULL
};

static const char *const note_hr[] = {
	"Thank you for your part in arranging my interviews and the offer.",
	"Thank you for your time during the process and for your help with the arrangements.",
	"Thank you for explaining how the process and the offer worked.",
	"I'm grateful for the time you spent on my application.",
	"Thank you for taking part in my process at {client}.",
	"I appreciated your part in getting my interviews arranged.",
	"I am grateful for the time you gave my application.",
	NULL
};

static const char *const note_executive[] = {
	"Thank you for finding time in a busy schedule to meet with me.",
	"I appreciated the chance to hear your view of where {client} is heading.",
	"It meant a great deal that you made time for our conversation.",
	"Thank you for our conversation; I valued hearing your perspective.",
	"I appreciated the time you made for me in a busy week.",
	"I am grateful you made room to meet me.",
	NULL
};

static const char *const note_interviewer[] = {
	"Thank you for your time and for the questions during our conversation.",
	"Thank you for talking through the work with me in some depth.",
	"Thank you for taking part in my interviews at {client}.",
	"Thank you for the time you set aside for my interview.",
	"I appreciated the time you set aside to interview me.",
	"I am grateful for our conversation about the work.",
	"It was good to talk with you about the work at {client}.",
	NULL
};

static const char *const note_peer[] = {
	"Thank you for showing me what day-to-day work at {client} looks like.",
	"Thank you for telling me about the work from the inside.",
	"Thank you for talking with me about the work and what it is like to be part of it every day.",
	"It was good to meet you, and I'm grateful for the time you gave me.",
	"I appreciated the chance to talk with someone who does the work.",
	"I am glad we had the chance to meet.",
	NULL
};

static const char *const note_other[] = {
	"Thank you for the time you gave me during the process.",
	"Thank you for your help during my visit to {client}.",
	"I'm grateful for the time you gave me at {client}.",
	"Thank you for the part you played in my visit.",
	"I appreciated your time during my visit.",
	"I am glad we had the chance to meet at {client}.",
	NULL
};

const char *const *const phr_note_body[PERSON_ROLE_COUNT] = {
	note_hiring_manager,
	note_hr,
	note_executive,
	note_interviewer,
	note_peer,
	note_other,
};

const char *const phr_note_greeting[] = {
	"Dear {person},",
	"Hello {person},",
	"Hi {person},",
	NULL
};

const char *const phr_note_greeting_formal[] = {
	"Dear {person},",
	NULL
};

const char *const phr_note_news[] = {
	"I wanted to write to you myself after my answer on the offer; saying no was not easy, and I'm sorry not to be joining you.",
	"You'll have heard that I've accepted another role. It was a hard call, and I wanted to thank you myself.",
	"I've chosen to go another way this time, and I wanted to write to you personally before too long passed.",
	"I'm sorry that my answer this time was no; I wanted to thank you properly all the same.",
	"My answer on the offer was no in the end, which I did not find easy, and I wanted to write before too long.",
	"I've said no to the offer this time, and I wanted to thank you personally.",
	NULL
};

const char *const phr_note_moment[] = {
	"I remember [a moment you remember].",
	"Looking back, I remember [a moment you remember].",
	"One thing I'll remember is [a moment you remember].",
	"I have not forgotten [a moment you remember].",
	NULL
};

const char *const phr_note_ahead[] = {
	"I hope our paths cross again.",
	"I hope we meet again.",
	"I hope we get the chance to work together one day.",
	"I wish you and {client} well with the search.",
	NULL
};

const char *const phr_note_closing[] = {
	"With warm thanks,",
	"Kind regards,",
	"With best wishes,",
	"Thank you again,",
	NULL
};

const char *const phr_client_greeting_team[] = {
	"Hello,",
	"Good morning,",
	NULL
};

const char *const phr_client_thanks[] = {
	"Thank you for working so closely with me on this search.",
	"I'm grateful for the time and care you put into meeting {cand}.",
	"Thank you for the attention you gave this search, and for being so easy to work with.",
	"I appreciated how quickly and openly you engaged at every stage.",
	NULL
};

const char *const phr_client_news[] = {
	"I know this was not the outcome either of us hoped for, and I appreciate how graciously you took the news.",
	"I'm sorry this one did not come together; thank you for hearing it so well.",
	"It is disappointing to lose a hire at the last step, and I appreciate your understanding.",
	NULL
};

const char *const phr_client_next[] = {
	"I'm already working on the next names, and as I said on the phone, I'll be back to you by {date}.",
	"I remain fully committed to finding the right person, and I'll call you on {date} with a plan.",
	"I'd like to keep the momentum, and you'll have new profiles from me by {date}.",
	NULL
};
