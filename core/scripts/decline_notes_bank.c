/* phrases.c - wording for keeping the relationships after a turndown: the
 * lines a recruiter uses on the call that delivers the decline, a few tips
 * for making that call well, and the short thank-you notes that follow it.
 * All of it is the project's own wording.  None of it carries a reason or an
 * impression, so every note can go to anyone who gave time to the process. */
#include "core/scripts/decline_notes_bank.h"

const char *const phr_decline_open[] = {
	"Thank you for taking my call, and thank you again for the offer you made to {candidate}.",
	"Before anything else, I want to thank you and everyone at {client} for the care you put into this process.",
	"I wanted to speak with you myself rather than send an e-mail, because you gave {candidate} a great deal of your time.",
	"{candidate} asked me to pass on sincere thanks for the offer and for the way the whole team handled it.",
	"I know how much effort goes into getting an offer out the door, and {candidate} noticed and appreciated it.",
	"Thank you for the thought that went into the offer; it was clear that {client} took the hire seriously.",
	NULL
};

const char *const phr_decline_decision[] = {
	"{candidate} has decided not to accept the offer.",
	"After careful thought, {candidate} has decided to decline the role, and I wanted you to hear it from me first.",
	"I'm sorry to tell you that {candidate} will not be taking up the offer.",
	"{candidate} has made a final decision and will be turning the offer down.",
	"The answer is no this time: {candidate} has chosen not to accept.",
	"I won't keep you guessing: {candidate} has decided to say no to the offer.",
	NULL
};

const char *const phr_decline_future[] = {
	"I'd very much like to keep working with you, and I hope this won't be the last time we talk about a hire.",
	"{candidate} would be glad to stay in touch, and I hope the door stays open on both sides.",
	"I value working with {client}, and I'd like to keep helping you find the right people.",
	"Paths often cross again in this field, and I'd be pleased if ours did.",
	"I hope we can keep talking, whether it's about this role or whatever comes next for your team.",
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
	"I'd be glad to help you pick the search back up, and I can start on a fresh shortlist this week.",
	"If it's useful, I can go back through the candidates we met and bring you the strongest of them again.",
	"Let me know how I can help keep the search moving; I'm happy to put time into it straight away.",
	"I'd like to help you fill this role, and I can share some thoughts on where to look next whenever suits you.",
	NULL
};

const char *const phr_decline_next[] = {
	"I'd like to set up a short call later this week to talk through the next steps for the search.",
	"I'll confirm the decline in writing today so that the offer can be formally released.",
	"If your HR team needs anything from me to close the paperwork, I'll make sure they have it by tomorrow.",
	"I'll send you a note by the end of the week with a proposed timeline for restarting the search.",
	"Once you've had a chance to think it over, let's agree a date to review the role and the brief together.",
	"If you tell me who in HR should receive the formal withdrawal, I'll send it to them directly.",
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
	"I appreciated the chance to talk with you about the role and what you hope to build.",
	"It was a real pleasure getting to know you and learning about the work at {client}.",
	"I'm grateful for the conversations we had and for the consideration you gave my application.",
	"Thank you for the confidence you showed in making me an offer.",
	"Our conversations gave me a clear picture of the team you are building.",
	"I came away with real respect for how you run your department.",
	NULL
};

static const char *const note_hr[] = {
	"Thank you for organising my visit and for looking after all the arrangements.",
	"I appreciated being kept informed at every stage of the process.",
	"Thank you for taking care of the logistics, which let me focus on the conversations.",
	"I'm grateful for the time and care you put into coordinating everything.",
	"Thank you for welcoming me to {client}.",
	"Everything about my visit ran smoothly, and I know that took effort.",
	"Your help made a demanding few weeks much easier.",
	"I was glad of your patience with all my questions about the role.",
	NULL
};

static const char *const note_executive[] = {
	"Thank you for finding time in a busy schedule to meet with me.",
	"I appreciated the chance to hear your view of where {client} is heading.",
	"It meant a great deal that you made time for our conversation.",
	"Thank you for our conversation; I valued hearing your perspective.",
	"Hearing how you see the years ahead was one of the highlights of my visit.",
	"I left our meeting with a good deal to think about.",
	NULL
};

static const char *const note_interviewer[] = {
	"Thank you for your time and for the thoughtful questions during our conversation.",
	"I enjoyed our discussion and appreciated the chance to talk through the work in some depth.",
	"I valued the chance to tell you more about my experience and to learn about yours.",
	"Thank you for taking part in my interviews at {client}.",
	"Your questions made me think hard about my own work.",
	"Talking with you was one of the most useful parts of my visit.",
	NULL
};

static const char *const note_peer[] = {
	"Thank you for taking the time to show me what day-to-day work at {client} looks like.",
	"I appreciated getting a sense of the team from someone who works in it.",
	"Thank you for talking with me about the work and what it is like to be part of the team.",
	"It was good to meet you, and I'm grateful for the time you gave me.",
	"Hearing about the work first-hand was a real help.",
	"I enjoyed comparing notes with you on the work.",
	NULL
};

static const char *const note_other[] = {
	"Thank you for the time you gave me during the process.",
	"I appreciated your help during my visit to {client}.",
	"It was a pleasure to meet you, and I wish you all the best.",
	"I'm grateful for the part you played in the process.",
	"Your help made my visit go smoothly.",
	"I was glad to meet you during my visit.",
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

const char *const phr_note_closing[] = {
	"With warm thanks,",
	"Kind regards,",
	"With best wishes,",
	"Thank you again,",
	NULL
};

const char *const phr_client_note[] = {
	"Thank you for working so closely with me on this search.",
	"I'm grateful for the time and care everyone at {client} put into meeting {candidate}.",
	"I know this wasn't the outcome either of us hoped for, and I appreciate your understanding.",
	"I remain fully committed to finding the right person for this role.",
	"I'll be in touch shortly with next steps, and I'm always glad to talk in the meantime.",
	"I value our partnership and look forward to continuing it.",
	NULL
};
