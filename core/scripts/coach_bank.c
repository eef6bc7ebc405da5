/*
 * coach_bank.c - the wording of the coaching call and of the candidate's
 * call to the hiring manager (see coach_bank.h).  The project's own words,
 * for a recruiter talking with a candidate who was not chosen, and for that
 * candidate calling to learn.
 */
#include "core/scripts/coach_bank.h"

const struct coach_area coach_areas[] = {
	{
		.slug = "experience-gap",
		.shared = {
			"They felt the background you brought was lighter than this role needs in one or two places, and that is something we can plan around.",
			"The gap they mentioned was about experience for this particular role, not about your ability; the fix is in how we position it and which roles we aim at.",
		},
		.questions = {
			{ "Which parts of the role do you think matched your background most closely, and which least?",
			  { "What have you done that comes closest to the parts you'd call a stretch?",
			    "How would you tell that story if you had two minutes for it?",
			    "What would help you close the gap over the next year?", NULL } },
			{ "If you were hiring for this role yourself, what experience would you have looked for first?",
			  { "Where do you think you stood against that list?",
			    "Which examples of yours best cover it?",
			    "Is there experience you have that didn't come up at all?", NULL } },
			{ "How do you think your recent roles read against what {role} asks of someone on day one?",
			  { "Which part of that do you think they'd have wanted to hear more about?",
			    "What would you lead with next time?",
			    "Who could vouch for the work that's closest to it?", NULL } },
		},
	},
	{
		.slug = "accomplishments",
		.shared = {
			"They'd have liked to hear your results made more concrete: what you did yourself, what changed because of it, and by how much.",
			"Your achievements came through as real, but they wanted more of the detail behind them, the numbers and your own part in them.",
		},
		.questions = {
			{ "When you talked about your biggest result, how much of the detail do you think they got to hear?",
			  { "What was your own part in it, in one sentence?",
			    "What numbers could you put on it?",
			    "What would you want them to remember about it afterwards?", NULL } },
			{ "How do you think your examples landed, in terms of showing what you did personally?",
			  { "Which example do you think worked best?",
			    "Is there one you'd swap out now?",
			    "How would you tell it more briefly?", NULL } },
			{ "Looking back, which achievement do you wish you'd spent more time on?",
			  { "What stopped you from getting to it?",
			    "How could you bring it up earlier next time?",
			    "What result would you open with?", NULL } },
		},
	},
	{
		.slug = "communication",
		.shared = {
			"They suggested tightening your answers: a clear point first, then the detail if they ask for it.",
			"One thing to work on is pace and structure in the conversation, so the person across the table can follow you easily.",
		},
		.questions = {
			{ "How do you think your answers came across in length and structure?",
			  { "Which answer felt the clearest to you?",
			    "Was there a moment you felt you'd lost the thread?",
			    "What would a one-line version of your longest answer be?", NULL } },
			{ "How did the conversation feel to you, more like a dialogue or more like a presentation?",
			  { "When did it feel most natural?",
			    "How much room do you think you left for their questions?",
			    "What would you change about the rhythm of it?", NULL } },
			{ "If they had to sum up how you communicate in one sentence, what do you think they'd say?",
			  { "What would you want them to say?",
			    "What could bring those two closer together?",
			    "Who could give you honest practice before the next one?", NULL } },
		},
	},
	{
		.slug = "technical-depth",
		.shared = {
			"They wanted to go deeper on the core of the craft than the conversation reached, so it's worth preparing to walk through your work step by step.",
			"The technical side came up as an area to strengthen: more depth when the follow-up questions come.",
		},
		.questions = {
			{ "How do you think you did when the questions went deeper into the detail of your work?",
			  { "Which question took you furthest into the detail?",
			    "Where did you feel on firm ground, and where less so?",
			    "What would you brush up on before the next interview?", NULL } },
			{ "Which piece of your work would you most like to have walked them through in depth?",
			  { "Did you get the chance to?",
			    "What would the walk-through have shown about how you work?",
			    "How could you steer towards it next time?", NULL } },
			{ "How well do you think the level of detail you gave matched the people asking?",
			  { "Who in the room do you think wanted more detail?",
			    "How could you check that during the conversation?",
			    "What would you do differently with the same question?", NULL } },
		},
	},
	{
		.slug = "leadership-presence",
		.shared = {
			"They'd have liked to see more of how you lead: the decisions you made, and how you brought people with you.",
			"A point to build on is showing your leadership in the room, with examples of calls you made and how you handled the people side.",
		},
		.questions = {
			{ "How do you think you came across as a leader in those conversations?",
			  { "Which example best shows how you lead?",
			    "How did you talk about the people who worked with you?",
			    "What would you want a future team to hear about you?", NULL } },
			{ "Think of a hard decision you described: how do you think it landed with them?",
			  { "How much of your reasoning did they get to hear?",
			    "How did you show what you'd learned from it?",
			    "Is there a better example you could use?", NULL } },
			{ "How comfortable did you feel taking the lead in the conversation itself?",
			  { "When did you feel most at ease?",
			    "Was there a moment you held back?",
			    "What would you do with that moment now?", NULL } },
		},
	},
	{
		.slug = "culture-add",
		.shared = {
			"They were less sure how you'd work with their team day to day, so it helps to show, with examples, how you work with others.",
			"A point for next time is to say more about what you would bring to how a team works, beyond the job itself.",
		},
		.questions = {
			{ "How do you think they saw you fitting in with the way their team works?",
			  { "What did you pick up about how they work?",
			    "Where do you think you'd have added something new?",
			    "What would you ask them about it now?", NULL } },
			{ "What do you think you'd have brought to that team that they don't have today?",
			  { "Did that come up in the conversations?",
			    "Which example would have shown it best?",
			    "How could you bring it up naturally?", NULL } },
			{ "How did the people you met make you feel about working there?",
			  { "Do you think that showed in how you talked with them?",
			    "What questions did you ask about the team?",
			    "What would you want to know next time?", NULL } },
		},
	},
	{
		.slug = "motivation",
		.shared = {
			"They'd have liked to hear more clearly why this role and this company in particular; that story is worth sharpening.",
			"One thing to work on is making your reasons for the move come through, so they hear why you want this job and not just a job.",
		},
		.questions = {
			{ "If they asked you why this role, what do you think they took away from your answer?",
			  { "What is the real reason, in your own words?",
			    "How does this role fit where you want to be in a few years?",
			    "How would you say it in two sentences?", NULL } },
			{ "How do you think your reasons for wanting to move came across?",
			  { "Which part of your story felt strongest to you?",
			    "Was there anything you held back?",
			    "What would make it more convincing?", NULL } },
			{ "What drew you to {client} in the first place, and how much of that do you think they heard?",
			  { "When did that come up?",
			    "What did you learn about them that made it stronger or weaker?",
			    "How would you open with it next time?", NULL } },
		},
	},
	{
		.slug = "preparation",
		.shared = {
			"They suggested doing a bit more homework on the company and the people before the next round; it shows and it helps.",
			"A simple thing to build on is preparation: the business, its recent news, and the background of the people you'll meet.",
		},
		.questions = {
			{ "How prepared did you feel going into each conversation?",
			  { "What did you look into beforehand?",
			    "What do you wish you'd known going in?",
			    "How would you prepare for the next one?", NULL } },
			{ "How do you think your questions for them came across?",
			  { "Which question got the best answer?",
			    "Was there something you wanted to ask and didn't?",
			    "What would you ask them now?", NULL } },
			{ "How much do you think you knew about their business and the challenges of {role}?",
			  { "Where did you find out about it?",
			    "What came up that surprised you?",
			    "What would you read before a similar interview?", NULL } },
		},
	},
	{
		.slug = "compensation-expectations",
		.shared = {
			"The package you were looking for and what they had in mind for the role were some way apart, which is useful for us to plan the next searches around.",
			"On the money side, your expectations sat above where they'd pitched the role; let's talk about how to handle that conversation next time.",
		},
		.questions = {
			{ "How do you think the conversation about pay went, and when it came up?",
			  { "How did you frame what you were looking for?",
			    "How firm was the number you gave?",
			    "What would you want me to say on your behalf next time?", NULL } },
			{ "How do you think your expectations compared with what roles like this pay at the moment?",
			  { "Where does your figure come from?",
			    "Which parts of a package matter most to you?",
			    "Where could you be flexible, if at all?", NULL } },
			{ "If you had the salary conversation again, what would you keep and what would you change?",
			  { "Who raised it first?",
			    "How did it feel at the time?",
			    "How could we prepare it together?", NULL } },
		},
	},
	{
		.slug = "references",
		.shared = {
			"The references are worth another look: who you ask, and how well they know the work this role needs.",
			"They mentioned the reference stage, so let's make sure the people you name can speak to the work that matters most here.",
		},
		.questions = {
			{ "How well do you think your references know the work this role is about?",
			  { "Who could speak best to the most relevant part?",
			    "When did you last speak with them?",
			    "What would you ask them to focus on?", NULL } },
			{ "How did you choose the people you put forward as references?",
			  { "Did you brief them before they were called?",
			    "Is there someone you'd add now?",
			    "How easy were they to reach?", NULL } },
			{ "If your references described you in three words, which words do you think they'd pick?",
			  { "Are those the words this role calls for?",
			    "Who would pick different ones?",
			    "How could you prepare them better next time?", NULL } },
		},
	},
	{
		.slug = "other",
		.shared = {
			"They raised one further point outside the usual areas, and it's worth keeping in mind as you prepare for the next process.",
			"There was one more remark beyond the main points, which we can work on together before your next interviews.",
		},
		.questions = {
			{ "Overall, how do you think the process went for you, start to finish?",
			  { "Which moment stands out?",
			    "What would you do the same way again?",
			    "What would you do differently?", NULL } },
			{ "Was there a moment in the process you've thought about since?",
			  { "What happened, in your own words?",
			    "How do you think it looked from their side?",
			    "What would you take from it?", NULL } },
			{ "If you could replay one part of the process, which would it be?",
			  { "Why that part?",
			    "What would you do in it now?",
			    "How can I help you prepare for it?", NULL } },
		},
	},
};
const size_t coach_area_count = sizeof(coach_areas) / sizeof(coach_areas[0]);

const char *const coach_openings[] = {
	"Thanks for taking the time to talk this through, {first}; I know it isn't the news you wanted.",
	"{first}, thank you for all the work you put into this process; I saw how much effort it took.",
	"I appreciate you making time for this call, {first}, and the way you handled the whole process.",
	"{first}, before anything else, thank you: you gave this process your best, and that matters for what comes next.",
	NULL
};

const char *const coach_decision[] = {
	"{client} has decided not to go further with you for {role}, and I want to help you get the most out of it.",
	"The decision at {client} has gone the other way this time, and my aim today is to turn it into something useful for your search.",
	"{client} won't be taking your application for {role} further; what we take from it for the next one is what matters now.",
	NULL
};

const char *const coach_shared_intro[] = {
	"Here is what they were happy for me to pass on, put as things to build on:",
	"They gave me some points I can share with you, and I'll put them as plainly and usefully as I can:",
	"What they agreed I could share, as things to work with:",
	NULL
};

const char *const coach_nothing_shared[] = {
	"They didn't give me specific points to pass on, so let's look at it together from your side.",
	"I don't have particular points from them to share, so I'd like to hear how you saw it.",
	NULL
};

const char *const coach_note_intro[] = {
	"In their words, as they gave them to me to share:",
	"The points they wrote down for me to pass on:",
	"What they put in writing for you:",
	NULL
};

const char *const coach_questions_intro[] = {
	"I'd like to go through the process with you; tell me how you saw each part.",
	"Let's walk through it from your side, one part at a time.",
	"I'll ask you a few questions, and there are no wrong answers: I want your view.",
	NULL
};

const char *const coach_cues[] = {
	"Let them think; silence is fine here.",
	"Let them finish, then say back what you heard in a sentence.",
	"Note what they would change; it feeds the next search.",
	"Don't fill the pause; give them time.",
	"Take a note of their words; you may use them when you prepare the next interview together.",
	"Ask what makes them say that, and listen to the end.",
	"Nod along to what they notice; don't correct them.",
	"Let them get to it in their own way.",
	NULL
};

/* In groups, one line of each: the next roles (0-2), preparing (3-5), the
 * candidate's own call (6-7), when we speak next (8-9). */
const char *const coach_next_steps[] = {
	"I'm going to look at roles that build on your strongest experience, and I'll send you a short list this week.",
	"Let's agree on the two or three kinds of role we go after next, and I'll start on them straight away.",
	"I already have a couple of openings in mind that suit you; I'll come back to you with them in the next few days.",
	"Before the next interview, let's take your two best results and rehearse telling each in under two minutes.",
	"Let's set up a practice session before your next interview, with the questions this process raised.",
	"I'll help you prepare your stories for the next round, with numbers and your own part in each.",
	"If you'd like to call the hiring manager yourself to learn from it, I can give you a short guide for that call.",
	"A short call of your own to thank them and ask what would have made you stronger can leave a good impression; I can help you plan it.",
	"Let's speak again at the end of next week to see where the search has got to.",
	"I'll check in with you in a few days, and sooner if something good comes up.",
	NULL
};

const char *const coach_guardrails[] = {
	"Pass on only what the client agreed to share; everything else stays with you.",
	"Don't say who at the client said anything, and don't let a name slip when asked.",
	"If the candidate guesses at a reason, don't confirm or deny it: bring the talk back to what they can do next.",
	"Keep the questions open and about their own view; let them reach their own conclusions.",
	"Don't argue the client's decision or promise that it can be changed.",
	NULL
};

const char *const ask_thanks[] = {
	"Hello, and thank you for taking my call; I wanted to thank you for the time you and the team gave me during the process for {role}.",
	"Thank you for picking up; I appreciated the time you spent with me in the process for {role}, and I wanted to say so.",
	"Hello, thanks for a few minutes of your time; I really valued meeting you and the team at {client}.",
	NULL
};

const char *const ask_wish[] = {
	"I respect the decision, and I'd like to learn from it so that I'm stronger next time.",
	"I'm not calling to change anything: I'd like to understand how I could improve.",
	"The decision is made and I accept it; I'd value any advice on what I could do better.",
	NULL
};

const char *const ask_questions[] = {
	"What would have made me a stronger candidate for this role?",
	"Is there anything in how I presented my experience that I could do better?",
	"Which skills or experience would you advise me to build over the next year?",
	"Looking at the people who do well in this kind of role, what do they have that I could work on?",
	"Is there anything you'd suggest I do differently in my next interviews?",
	"Was there an answer of mine you'd have liked to hear more about?",
	NULL
};

/* Two per stage: none given, screen, interview, final. */
const char *const ask_stage_questions[] = {
	"At which point in the process did the decision become clear, and what shaped it?",
	"Is there a part of the process where you'd suggest I focus my preparation?",
	"For a first conversation like ours, what would you have liked to hear more of?",
	"What would have helped me get further than the first round?",
	"In the interviews, what would have made my case stronger?",
	"Was there a question in the interviews I could have answered better?",
	"At the final stage, what made the difference between the candidates?",
	"What would have made me the clearer choice at the end?",
	NULL
};

const char *const ask_listen[] = {
	"Listen to the end and take notes; don't explain or defend.",
	"Whatever they say, thank them for it; ask what they mean if something is unclear.",
	"If a point stings, let it go for now: a short thank-you is the right answer.",
	NULL
};

const char *const ask_closing[] = {
	"Thank you, that's really helpful, and I'm grateful you took the time.",
	"Thank you for being open with me; it helps a great deal.",
	"Thanks again, I'll put this to good use.",
	NULL
};

const char *const ask_keep_in_touch[] = {
	"I'd be glad to stay in touch, and if something suitable opens up in future, I'd love to hear about it.",
	"I'd like to keep in contact, if that's all right, and I'd be happy to be considered for future openings.",
	"I hope our paths cross again; may I connect with you and keep in touch?",
	NULL
};

const char *const ask_reminders[] = {
	"Keep it short: ten minutes is plenty.",
	"Don't argue with the decision or ask them to reconsider it.",
	"Don't ask who said what, and don't mention anything your recruiter told you.",
	"If they'd rather not go into detail, thank them and close warmly.",
	NULL
};
