/* bank.c - the question bank for debrief scripts: safe wording, probes,
 * follow-ups and the phrases around them.  All of it is the project's own
 * wording, written for a recruiter on the phone with a hiring manager, and
 * none of it depends on anything a candidate said. */
#include <string.h>

#include "core/scripts/debrief_bank.h"

const struct bank_area bank_areas[] = {
	{
		.slug = "compensation",
		.safe = {
			"The overall package they accepted elsewhere fitted their circumstances a little better.",
			"On balance, the financial side of the other offer suited where they are right now.",
			"It was a close call, and the complete package tipped it the other way.",
		},
		.neighbours = { "benefits", "equity", "title", "counteroffer" },
		.probes = {
			{
				.question = "How do you think your offer compares with what strong people at this level are being offered right now?",
				.follow_ups = {
					"Where does that view come from?",
					"When did you last check the market for this role?",
					"If the numbers were set again today, what would you move?",
				},
			},
			{
				.question = "Looking back, how much room do you feel you had to shape the offer around the person?",
				.follow_ups = {
					"Who decides how far an offer can stretch?",
					"What would it take to get more flexibility next time?",
					"How did that limit feel from your side?",
				},
			},
			{
				.question = "If you were in the candidate's shoes weighing two offers, how do you think yours would have read on paper?",
				.follow_ups = {
					"Which part of it would you have looked at first?",
					"What would have made it stand out?",
					"Is there anything you'd present differently?",
				},
			},
			{
				.question = "How was the salary conversation handled from your side, and when did it first come up?",
				.follow_ups = {
					"Would talking about money earlier have helped, do you think?",
					"Who led that part of the process?",
					"What would you want to know sooner next time?",
				},
			},
			{
				.question = "What do you think a top performer in this role would expect their total reward to look like in a few years?",
				.follow_ups = {
					"How clearly does the offer show that path?",
					"Where would a bonus or a pay review fit into that picture?",
				},
			},
		},
	},
	{
		.slug = "equity",
		.safe = {
			"The longer-term ownership side of the other offer matched their plans more closely.",
			"They felt the other opportunity gave them a stake that fits how they think about the long run.",
		},
		.neighbours = { "compensation", "stability", "growth", "benefits" },
		.probes = {
			{
				.question = "How do you think your equity offer comes across to someone who has seen a few of these before?",
				.follow_ups = {
					"What would they need to know to value it properly?",
					"How much time did anyone spend walking them through it?",
					"What questions would you expect them to ask about it?",
				},
			},
			{
				.question = "How well do you feel the company explains what its shares or options could actually be worth?",
				.follow_ups = {
					"Who usually takes people through that?",
					"Is there a simpler way to show it?",
					"How would you put its value in a sentence?",
				},
			},
			{
				.question = "If you were choosing between a larger stake somewhere else and yours, what would make you pick yours?",
				.follow_ups = {
					"How strong is that case today?",
					"What would you add to make the case stronger?",
				},
			},
			{
				.question = "How do you think your vesting terms and timing compare with what others in your space are doing?",
				.follow_ups = {
					"Have those terms been reviewed lately?",
					"What would it cost to bring them in line?",
					"Who would need to sign that off?",
				},
			},
		},
	},
	{
		.slug = "benefits",
		.safe = {
			"Some of the benefits in the other offer made a practical difference for them.",
			"The wider benefits elsewhere lined up better with what they need at this stage of life.",
		},
		.neighbours = { "compensation", "schedule", "family", "remote" },
		.probes = {
			{
				.question = "How do you think your benefits package stands up against other employers hiring similar people?",
				.follow_ups = {
					"Which parts do you feel are strongest?",
					"Where might it look thin?",
					"When was it last benchmarked?",
				},
			},
			{
				.question = "How much of the benefits detail do you think people actually see before they have to decide?",
				.follow_ups = {
					"At what point is it shared?",
					"Who answers questions about it?",
					"Could it be brought forward in the process?",
				},
			},
			{
				.question = "If you were weighing this offer for your own household, which benefits would matter most to you?",
				.follow_ups = {
					"How well does your package cover those?",
					"Is any of that open to discussion for a senior hire?",
				},
			},
			{
				.question = "What do you think your leave, health cover and pension say to someone about how the company treats its people?",
				.follow_ups = {
					"Is that the message you want to send?",
					"What would you change first?",
				},
			},
		},
	},
	{
		.slug = "title",
		.safe = {
			"The role they accepted carries a title that fits the next step they have in mind.",
			"They felt the level of the other position lined up better with where they want to be in a few years.",
		},
		.neighbours = { "scope", "growth", "compensation", "leadership" },
		.probes = {
			{
				.question = "How do you think the title on this offer reads to someone at their stage?",
				.follow_ups = {
					"How does it compare with titles for similar roles at your competitors?",
					"Is there any flexibility on it?",
					"How would it look on their CV a few years from now?",
				},
			},
			{
				.question = "Looking back, how clear was the level of this role compared with the rest of the team?",
				.follow_ups = {
					"Where does it sit in the reporting line?",
					"How did you explain that during the interviews?",
					"Would a different level have changed the picture?",
				},
			},
			{
				.question = "If you were moving from a senior post elsewhere, what would you want the job title here to signal?",
				.follow_ups = {
					"Does the current title do that?",
					"Who owns decisions about titles?",
				},
			},
			{
				.question = "How much weight do you think people in your field put on titles when they compare offers?",
				.follow_ups = {
					"Has that shifted in the last few years?",
					"How has it played out with earlier hires?",
				},
			},
		},
	},
	{
		.slug = "scope",
		.safe = {
			"The other role offers a breadth of responsibility that fits the direction they want to take.",
			"They found a position whose remit lines up closely with the work they most want to do.",
		},
		.neighbours = { "title", "growth", "workload", "better-fit" },
		.probes = {
			{
				.question = "How would you describe the scope of this role to someone hearing about it for the first time?",
				.follow_ups = {
					"Is that the same description the interviewers gave?",
					"Which parts of the remit are still being settled?",
					"What would you add or take away?",
				},
			},
			{
				.question = "How consistent do you think the picture of the job was across the different people they met?",
				.follow_ups = {
					"Where might the accounts have differed?",
					"How could the panel get aligned beforehand?",
					"Who would you put in charge of that?",
				},
			},
			{
				.question = "Putting yourself in the position of someone joining, how much of the role would you feel you could really shape?",
				.follow_ups = {
					"Which decisions would actually sit with them?",
					"Where would they need sign-off?",
					"How was that conveyed?",
				},
			},
			{
				.question = "What do you think the first year in this job would look like in practice?",
				.follow_ups = {
					"How much of that came through in the interviews?",
					"What might surprise a new hire?",
				},
			},
			{
				.question = "How does the size of this role compare with similar roles you've seen at other companies?",
				.follow_ups = {
					"Is it bigger or smaller than the market would expect?",
					"What would make it more attractive to a strong person?",
				},
			},
		},
	},
	{
		.slug = "growth",
		.safe = {
			"The position they chose lines up more closely with where they want their career to head over the next few years.",
			"They chose the path that lines up best with their long-term development.",
		},
		.neighbours = { "scope", "title", "leadership", "better-fit" },
		.probes = {
			{
				.question = "Where do you think someone who does well in this role would be in three to five years?",
				.follow_ups = {
					"How often has that happened for people in it before?",
					"Did that story come through when you met?",
					"What would help make that path visible?",
				},
			},
			{
				.question = "How do you think the development side of the job came across during the process?",
				.follow_ups = {
					"Who spoke about training or mentoring?",
					"What examples did you share?",
					"What would you say differently?",
				},
			},
			{
				.question = "If you were weighing this job as a career step, what would make it feel like a move up?",
				.follow_ups = {
					"How well does the current offer show that?",
					"What's missing from the picture?",
				},
			},
			{
				.question = "How do learning and promotion here compare with what your competitors offer strong people?",
				.follow_ups = {
					"Where do you think you're ahead?",
					"Where would you like to be stronger?",
					"What is already being done about it?",
				},
			},
		},
	},
	{
		.slug = "better-fit",
		.safe = {
			"They found another opportunity that is an especially close match to their skills and goals.",
			"It was a difficult choice, and in the end the other role simply fitted their plans a little more closely.",
			"It came down to fit, and they had a real choice between two good options.",
		},
		.neighbours = { "growth", "scope", "culture", "compensation" },
		.probes = {
			{
				.question = "What do you think makes this role distinctive compared with other openings a strong person might be considering?",
				.follow_ups = {
					"How clearly did that come across?",
					"Who told that story best?",
					"What would you lead with next time?",
				},
			},
			{
				.question = "If you were choosing between this and a similar role elsewhere, what would tip you towards yours?",
				.follow_ups = {
					"How visible was that during the process?",
					"Is there anything that might tip someone the other way?",
				},
			},
			{
				.question = "How would you describe the ideal person for this job, now that you've been through the process?",
				.follow_ups = {
					"Has that picture changed since the search began?",
					"What would you adjust in the brief?",
					"Which qualities matter most to you now?",
				},
			},
			{
				.question = "Looking back, how well do you think the role matched what a person at their stage wants from a next move?",
				.follow_ups = {
					"What did you learn about their goals along the way?",
					"Where do you think the match was strongest?",
					"What might you have asked earlier?",
				},
			},
		},
	},
	{
		.slug = "counteroffer",
		.safe = {
			"Their current employer made a strong case for them to stay, and they decided to take it.",
			"After careful thought, they chose to continue where they are, on terms that work well for them.",
		},
		.neighbours = { "compensation", "title", "stability", "growth" },
		.probes = {
			{
				.question = "How do you think a strong person's current employer would react if they resigned to join you?",
				.follow_ups = {
					"What might that employer put on the table?",
					"How would your offer hold up against that?",
					"Did the process prepare for that moment?",
				},
			},
			{
				.question = "At what stage do you think it's best to talk about what it would take for someone to leave their current role?",
				.follow_ups = {
					"How much did you learn about what keeps them where they are?",
					"Who would normally raise that?",
					"What would you ask sooner next time?",
				},
			},
			{
				.question = "If you were happy and valued in your present job, what would it take for you to move?",
				.follow_ups = {
					"How well did your offer answer that?",
					"What would a compelling reason look like?",
				},
			},
			{
				.question = "How much do you think the gap between the final interview and the offer matters when someone is being courted to stay?",
				.follow_ups = {
					"How long was that gap here?",
					"What might shorten it?",
					"Who holds things up at that stage?",
				},
			},
		},
	},
	{
		.slug = "relocation",
		.safe = {
			"Moving home turned out not to be the right step for them at this point.",
			"They decided that staying in their current area suits their life better for now.",
		},
		.neighbours = { "commute", "family", "partner-career", "remote" },
		.probes = {
			{
				.question = "How do you think the location came across to someone who would need to move for the job?",
				.follow_ups = {
					"What did you share about living in the area?",
					"Who showed them around, if anyone?",
					"What would you highlight next time?",
				},
			},
			{
				.question = "How much support does the company offer someone relocating, and how early is that explained?",
				.follow_ups = {
					"How does that support compare with other employers?",
					"Who handles relocation questions?",
					"Is there room to do more for a senior hire?",
				},
			},
			{
				.question = "If you were uprooting your own household for this role, what would you want to know first?",
				.follow_ups = {
					"How much of that would the process have told you?",
					"Where could they have found it?",
				},
			},
			{
				.question = "What do you think a newcomer would find hardest about settling in your area?",
				.follow_ups = {
					"How do people who moved for the job usually get on?",
					"What helps them settle?",
					"Is that something you could talk about earlier?",
				},
			},
		},
	},
	{
		.slug = "commute",
		.safe = {
			"The daily journey turned out to matter more to them than they had first expected.",
			"The job they chose is nearer home, which makes a real difference to their day.",
		},
		.neighbours = { "relocation", "remote", "schedule", "workload" },
		.probes = {
			{
				.question = "How do you think the journey to your office looks to someone living elsewhere in the region?",
				.follow_ups = {
					"How do most of your team get in?",
					"Is there any give on where the work is done?",
					"How was that discussed?",
				},
			},
			{
				.question = "How much flexibility do you think there is on start and finish times for people with longer trips?",
				.follow_ups = {
					"Is that written down or informal?",
					"Who decides?",
					"How would a new hire find out?",
				},
			},
			{
				.question = "If you were making that trip every day, how would it shape your view of the job?",
				.follow_ups = {
					"What would make it easier?",
					"Is there anything the company already does to help?",
				},
			},
			{
				.question = "How often does travel time come up when people on your team talk about balancing work and home?",
				.follow_ups = {
					"What have you noticed?",
					"Has it affected retention?",
					"What have you tried so far?",
				},
			},
		},
	},
	{
		.slug = "remote",
		.safe = {
			"The other role offers a way of working that fits their situation especially well.",
			"They were looking for a particular balance between home and office, and the other offer matched it.",
		},
		.neighbours = { "commute", "schedule", "culture", "relocation" },
		.probes = {
			{
				.question = "How would you describe your team's approach to working from home to someone thinking of joining?",
				.follow_ups = {
					"How settled is that policy?",
					"Does it differ from team to team?",
					"How was it explained in the interviews?",
				},
			},
			{
				.question = "How do you think your hybrid arrangements compare with what other employers in your field are offering?",
				.follow_ups = {
					"Where do you think you're more generous?",
					"Where are you stricter?",
					"Is any change on the horizon?",
				},
			},
			{
				.question = "If you were weighing this role against a largely remote one, what would make the office worth it?",
				.follow_ups = {
					"How strongly did that case come through?",
					"Who on the panel speaks best to it?",
				},
			},
			{
				.question = "What do you think a strong hire would need to hear about flexibility before saying yes?",
				.follow_ups = {
					"How early in the process does that come up now?",
					"Who is able to commit to an arrangement?",
					"What would you be prepared to offer?",
				},
			},
		},
	},
	{
		.slug = "family",
		.safe = {
			"A family matter made this the wrong time for them to make the move.",
			"Their personal and family circumstances pointed them towards a different choice for now.",
			"It came down to what is right for their family at this point in time.",
		},
		.neighbours = { "relocation", "partner-career", "schedule", "benefits" },
		.probes = {
			{
				.question = "How do you think the role fits with the life of someone who has commitments outside work?",
				.follow_ups = {
					"How does the team handle those commitments today?",
					"What did the interviews show about that?",
					"What would you want a new hire to know?",
				},
			},
			{
				.question = "Imagining you had people at home to think about, what would you want to hear from the company before changing jobs?",
				.follow_ups = {
					"How much of that came through?",
					"Who would be the best person to say it?",
				},
			},
			{
				.question = "How would you describe the support the company offers around parental leave, caring duties or time off?",
				.follow_ups = {
					"How well known is that support inside the company?",
					"Was it mentioned during the process?",
					"How does it compare with other employers you know?",
				},
			},
			{
				.question = "Looking back, how much room do you think the process left for personal circumstances to come up?",
				.follow_ups = {
					"Whose job would that be?",
					"How would you open that conversation without prying?",
					"What would you change about it?",
				},
			},
		},
	},
	{
		.slug = "partner-career",
		.safe = {
			"A move needed to work for their partner's career as well, and the timing did not line up.",
			"They made the decision together with their partner, weighing both of their working lives.",
		},
		.neighbours = { "relocation", "family", "commute", "remote" },
		.probes = {
			{
				.question = "How do you think a move here would look to someone whose partner also has a career to consider?",
				.follow_ups = {
					"What help could the company give there?",
					"Has this come up with earlier hires?",
					"How was it raised this time, if at all?",
				},
			},
			{
				.question = "What support, if any, do you think the company or its network could offer the partners of people who relocate?",
				.follow_ups = {
					"Who could make introductions locally?",
					"Is that something you'd be willing to set up?",
					"How would a candidate hear about it?",
				},
			},
			{
				.question = "If you were joining with a partner who would need to find work nearby, what would you want to know?",
				.follow_ups = {
					"How strong is the local job market for that?",
					"What would reassure you?",
				},
			},
			{
				.question = "How well do you think the process made room for the people around a candidate to be part of the decision?",
				.follow_ups = {
					"Was there a chance for family to visit?",
					"What would you do differently for the next hire?",
				},
			},
		},
	},
	{
		.slug = "schedule",
		.safe = {
			"The working pattern of the other role fits their life outside work more easily.",
			"They chose the role whose hours suit their personal commitments best.",
		},
		.neighbours = { "workload", "remote", "commute", "family" },
		.probes = {
			{
				.question = "How would you describe the typical working hours in this role, if you're being candid?",
				.follow_ups = {
					"How does that compare with what was described in the interviews?",
					"How much do the hours vary through the year?",
					"Who sets the pattern?",
				},
			},
			{
				.question = "How do you think on-call, shift or weekend expectations come across to someone new?",
				.follow_ups = {
					"How early are they explained?",
					"Is there room to adjust them?",
					"How do current staff feel about them?",
				},
			},
			{
				.question = "If you were joining, which parts of the schedule would you want to negotiate?",
				.follow_ups = {
					"Would that be possible here?",
					"Who would need to agree?",
				},
			},
			{
				.question = "How does your flexibility on hours compare with other places a strong person could work?",
				.follow_ups = {
					"What would it take to offer more?",
					"What would you lose if you did?",
					"Has anyone asked for that before?",
				},
			},
		},
	},
	{
		.slug = "workload",
		.safe = {
			"They were looking for a pace of work that suits them over the long run, and the other role offers that.",
			"The balance between the demands of the job and life outside it weighed heavily in their decision.",
		},
		.neighbours = { "schedule", "scope", "team", "culture" },
		.probes = {
			{
				.question = "How do you think the demands of this job came across during the interviews?",
				.follow_ups = {
					"Who spoke most about the workload?",
					"How candid were those conversations?",
					"What would you want the next person to hear?",
				},
			},
			{
				.question = "How would you describe a busy week in this role?",
				.follow_ups = {
					"How often are weeks like that?",
					"What help is in place when it peaks?",
					"How does the team recover afterwards?",
				},
			},
			{
				.question = "If you were stepping into this role, what would you watch for in keeping it sustainable?",
				.follow_ups = {
					"What's being done about that?",
					"Who would a new hire lean on?",
				},
			},
			{
				.question = "How has the workload for this position changed since the role was first opened?",
				.follow_ups = {
					"What's driving that change?",
					"Is the role still the right shape?",
					"Would splitting anything off help?",
				},
			},
		},
	},
	{
		.slug = "culture",
		.safe = {
			"They found an environment elsewhere that feels like an especially natural fit for how they like to work.",
			"Their choice reflects the kind of working atmosphere they do their best work in.",
		},
		.neighbours = { "team", "leadership", "hiring-manager", "remote" },
		.probes = {
			{
				.question = "How would you describe the culture here to someone you really wanted to hire?",
				.follow_ups = {
					"How does that match what a newcomer would see in the first week?",
					"Which values show up most in daily work?",
					"Which parts are you less sure a newcomer would enjoy?",
				},
			},
			{
				.question = "What do you think someone picks up about the company from the way your interview days are run?",
				.follow_ups = {
					"What impression would you want them to leave with?",
					"What might undercut that?",
					"Who sets the tone on those days?",
				},
			},
			{
				.question = "If you were in the candidate's shoes meeting everyone for the first time, what would stand out to you?",
				.follow_ups = {
					"Would that be a good thing or a mixed one?",
					"How would you want it to feel instead?",
				},
			},
			{
				.question = "How do you think the company's way of working compares with the places strong people are leaving?",
				.follow_ups = {
					"Where do you think you have an edge?",
					"What would outsiders find unusual?",
					"What's changing at the moment?",
				},
			},
		},
	},
	{
		.slug = "hiring-manager",
		.safe = {
			"They put a lot of weight on who they would work for day to day, and found a very close match elsewhere.",
			"They felt the working relationship in the other role fitted their own style a little more naturally.",
		},
		.neighbours = { "team", "leadership", "culture", "process" },
		.probes = {
			{
				.question = "Looking back, how do you think your own conversations with the candidate went?",
				.follow_ups = {
					"Which moment felt strongest to you?",
					"Was there a point where it felt less connected?",
					"What would you try differently?",
				},
			},
			{
				.question = "How would you describe your management style to someone deciding whether to work for you?",
				.follow_ups = {
					"How do you think that came across in the interviews?",
					"What would your team say about it?",
					"What would you want a new report to know early on?",
				},
			},
			{
				.question = "If you were the candidate, what would you want to learn about your future manager before accepting?",
				.follow_ups = {
					"How much of that did they get a chance to see?",
					"Is there a way to give the next person more time with you?",
				},
			},
			{
				.question = "How much time do you feel you had with them, compared with the other people in the process?",
				.follow_ups = {
					"Did that feel like the right balance?",
					"Would an informal meeting have helped?",
					"What got in the way of more time together?",
				},
			},
		},
	},
	{
		.slug = "team",
		.safe = {
			"They were drawn to a particular team setup in the other role that matches how they like to collaborate.",
			"The makeup of the team they are joining fits their experience and working style especially well.",
		},
		.neighbours = { "culture", "hiring-manager", "workload", "leadership" },
		.probes = {
			{
				.question = "How do you think the team came across to someone meeting them for the first time?",
				.follow_ups = {
					"Who do you think made the strongest impression?",
					"Was anyone missing who should have been there?",
					"How was the team briefed beforehand?",
				},
			},
			{
				.question = "How settled is the team at the moment, and how do you think that shows from the outside?",
				.follow_ups = {
					"Have there been recent changes?",
					"How would a newcomer notice?",
					"How would you explain those changes to them?",
				},
			},
			{
				.question = "If you were joining this team, who would you want to meet before you said yes?",
				.follow_ups = {
					"Did the process give them those meetings?",
					"What would it take to arrange them next time?",
				},
			},
			{
				.question = "Of the colleagues who took part in the interviews, who do you think gave the least typical picture of the team?",
				.follow_ups = {
					"What gives you that impression?",
					"How could they be better prepared next time?",
					"Should the panel look different for the next search?",
				},
			},
		},
	},
	{
		.slug = "leadership",
		.safe = {
			"They were especially drawn to the direction and outlook of the leadership in the role they accepted.",
			"They chose the organisation whose senior direction lines up most closely with their own thinking.",
		},
		.neighbours = { "hiring-manager", "culture", "stability", "team" },
		.probes = {
			{
				.question = "How do you think your senior leadership came across to someone at their level?",
				.follow_ups = {
					"Which leaders did they get time with?",
					"What message would you want the executives to give?",
					"How were those meetings set up?",
				},
			},
			{
				.question = "How clearly do you think the company's direction was explained during the process?",
				.follow_ups = {
					"Who is best placed to tell that story?",
					"What questions would you expect from a strong hire?",
					"Where is the story still unclear internally?",
				},
			},
			{
				.question = "If you were joining at this level, what would you want to hear from the people at the top?",
				.follow_ups = {
					"How much of that do you think they heard?",
					"How could you make sure the next person does?",
				},
			},
			{
				.question = "Looking back, how invested do you feel the wider leadership team was in this hire?",
				.follow_ups = {
					"How would an outsider see that?",
					"What would more involvement look like?",
					"Who could champion the next search?",
				},
			},
		},
	},
	{
		.slug = "hr",
		.safe = {
			"Some practical aspects of how the later stages ran weighed in their decision.",
			"They valued a very smooth experience through the offer stage, and that became a factor in the end.",
		},
		.neighbours = { "process", "team", "culture", "benefits" },
		.probes = {
			{
				.question = "As you see it, what part did your HR colleagues play in the process?",
				.follow_ups = {
					"At which stages were they most involved?",
					"How did the hand-off between you work?",
					"What would you want them to own next time?",
				},
			},
			{
				.question = "How do you think the offer conversation came across from the candidate's side?",
				.follow_ups = {
					"Who delivered it?",
					"How much room was there to discuss it?",
					"What tone would you want it to have?",
				},
			},
			{
				.question = "Seen from the other side of the table, how would you want the paperwork and practical questions handled?",
				.follow_ups = {
					"How close was the process to that?",
					"Where might it have felt slow or formal?",
				},
			},
			{
				.question = "How well aligned do you feel hiring managers and HR are on how to treat senior candidates?",
				.follow_ups = {
					"Where do your approaches differ?",
					"Who usually settles that?",
					"What would a joint approach look like?",
				},
			},
		},
	},
	{
		.slug = "process",
		.safe = {
			"Timing mattered a great deal to them, and the other process came together first.",
			"The pace and sequence of the other opportunity fitted their own timetable more closely.",
		},
		.neighbours = { "hr", "hiring-manager", "counteroffer", "team" },
		.probes = {
			{
				.question = "Thinking back, how did the pace from the first interview to the offer feel to you?",
				.follow_ups = {
					"Where did things slow down?",
					"What caused the delays?",
					"What could run in parallel next time?",
				},
			},
			{
				.question = "How do you think the number of interview rounds comes across to someone senior?",
				.follow_ups = {
					"Which stages added the most?",
					"Could any be combined?",
					"How do your competitors run theirs?",
				},
			},
			{
				.question = "If you were the candidate waiting between stages, how well informed do you think you would have felt?",
				.follow_ups = {
					"Who was keeping them updated?",
					"How often did they hear from the company?",
					"What would better communication look like?",
				},
			},
			{
				.question = "How organised do you think the interview days looked from the outside?",
				.follow_ups = {
					"What went to plan?",
					"What would you tighten up?",
					"Who coordinates those days?",
				},
			},
			{
				.question = "What do you think the process shows an outsider about how decisions get made here?",
				.follow_ups = {
					"Is that an accurate picture?",
					"What would you want it to say?",
				},
			},
		},
	},
	{
		.slug = "stability",
		.safe = {
			"They were looking for a particular kind of long-term certainty at this stage of their career, and the other role gave them that.",
			"Their decision reflects how much predictability they want over the next few years.",
		},
		.neighbours = { "leadership", "reputation", "equity", "growth" },
		.probes = {
			{
				.question = "How do you think the company's current position looks to someone weighing a move from a secure job?",
				.follow_ups = {
					"What would they read about you in the press?",
					"What questions would you expect about funding or results?",
					"How well equipped is the panel to answer those?",
				},
			},
			{
				.question = "How openly do you feel the business outlook was discussed during the interviews?",
				.follow_ups = {
					"Who spoke to it?",
					"Was there anything you'd have liked to say but couldn't?",
					"What could be shared more openly?",
				},
			},
			{
				.question = "If you were leaving a steady role to join, what would you need to hear to feel confident?",
				.follow_ups = {
					"How much of that could the company say today?",
					"Who would be the right person to reassure them?",
				},
			},
			{
				.question = "How do you think recent changes in the company, if any, would look from the outside?",
				.follow_ups = {
					"How are they explained internally?",
					"What would you want an outsider to understand?",
					"Is there a plan for telling that story?",
				},
			},
		},
	},
	{
		.slug = "reputation",
		.safe = {
			"They chose the organisation whose profile fits the way they want their career to be seen.",
			"It was a question of where they want their work to be visible over the coming years.",
		},
		.neighbours = { "stability", "leadership", "culture", "better-fit" },
		.probes = {
			{
				.question = "How do you think the company is seen by experienced people in your field right now?",
				.follow_ups = {
					"What is that view based on?",
					"Has it shifted recently?",
					"How does it match the way you see yourselves?",
				},
			},
			{
				.question = "What do you think a strong candidate would find if they asked around about working here?",
				.follow_ups = {
					"What would you hope they'd hear?",
					"What might they hear that would worry you?",
					"How could you influence that?",
				},
			},
			{
				.question = "If you were a friend advising someone about this role, what would you say about the company's standing?",
				.follow_ups = {
					"What would you point to as evidence?",
					"What would you want them to look past?",
				},
			},
			{
				.question = "How does your employer brand compare with the companies you usually compete with for talent?",
				.follow_ups = {
					"Where do you lose people most often?",
					"What are they doing that you aren't?",
					"Who looks after the employer brand?",
				},
			},
		},
	},
	{
		.slug = "other",
		.safe = {
			"They balanced several personal considerations, and the other opportunity came out just ahead.",
			"They gave it a great deal of thought, and in the end another path suited their plans better.",
		},
		.neighbours = { "better-fit", "process", "culture", "growth" },
		.probes = {
			{
				.question = "Looking back over the whole search, what do you think went best?",
				.follow_ups = {
					"What would you repeat next time?",
					"Who deserves credit for that?",
					"How could you build on it?",
				},
			},
			{
				.question = "If you could rerun one part of the process, which would it be?",
				.follow_ups = {
					"What would you do differently in that part?",
					"What stops you from changing it now?",
				},
			},
			{
				.question = "What do you think the candidate will remember most about their time with you?",
				.follow_ups = {
					"Is that the impression you'd want them to keep?",
					"What would you add to it?",
				},
			},
			{
				.question = "How do you think this search compares with the hires that have gone well for you in the past?",
				.follow_ups = {
					"What was different about those?",
					"What would help this one look more like them?",
					"Is there a pattern you've noticed?",
				},
			},
			{
				.question = "If this role opened again next month, what would you do differently from the start?",
				.follow_ups = {
					"Who would need to be involved in that change?",
					"How soon could it happen?",
				},
			},
		},
	},
};

const size_t bank_area_count = 24;

_Static_assert(sizeof(bank_areas) / sizeof(bank_areas[0]) == 24,
	       "bank_areas must hold the 24 taxonomy areas");

size_t
bank_safe_count(const struct bank_area *a)
{
	size_t n = 0;

	while (n < BANK_MAX_SAFE && a->safe[n] != NULL)
		n++;
	return n;
}

const struct bank_area *bank_find(const char *slug)
{
	size_t i;

	if (!slug)
		return NULL;
	for (i = 0; i < bank_area_count; i++)
		if (strcmp(bank_areas[i].slug, slug) == 0)
			return &bank_areas[i];
	return NULL;
}

const char *const bank_openings[] = {
	"Thank you for the time you and your team gave {candidate} over the last few weeks.",
	"{candidate} came away with a very good feeling about you all, and hopes your paths cross professionally again one day.",
	"I wanted to call you myself rather than send an email, because the effort you put into this search deserves that.",
	"I know how much care went into this process, and I appreciate it.",
	"{candidate} asked me to pass on their thanks for the way they were received.",
	"You and your colleagues made a real investment in this search, and it has not gone unnoticed.",
	NULL,
};

const char *const bank_no_reason[] = {
	"In the end it was a personal balancing of the options in front of them, not a verdict on any single part of your process.",
	"They thought it through carefully, and it was a decision about their circumstances as a whole.",
	"There wasn't a single deciding factor: it was the overall balance between two good choices.",
	"It was a close and personal call, and it wouldn't be fair to boil it down to one reason.",
	NULL,
};

const char *const bank_note_intro[] = {
	"In their own words, shared with their blessing:",
	"They asked me to pass this on to you directly:",
	"Here is how they put it, and they're happy for you to hear it:",
	"Something they wanted you to know:",
	NULL,
};

const char *const bank_cues[] = {
	"Pause after the question and give them room to think.",
	"Let them finish completely before you respond.",
	"Play back what you heard, using their words rather than yours.",
	"If they go quiet, wait a few seconds before moving on.",
	"Ask them to say more about anything they bring up unprompted.",
	"Note what they raise first: it is usually what weighs on them most.",
	"Keep your tone even, whatever they suggest.",
	"Acknowledge the point without agreeing or disagreeing, then ask what they would do about it.",
	NULL,
};

const char *const bank_closings[] = {
	"{candidate} would like to stay in touch, and I expect your paths will cross again.",
	"The timing may well suit both sides another time, and I'd like to keep that door open.",
	"I'd like to keep working with you on this search, and I have a couple of people in mind to introduce.",
	"If it helps, I can send you a short profile of another strong candidate this week.",
	"I'd also be glad to refer someone from my network who could be a good match for this role.",
	"Let's book a short call in the next few days to agree the next steps on the search.",
	"I'll come back to you by the end of the week with a revised timeline and a first shortlist.",
	"What you've shared today will help me brief the next candidates more accurately.",
	"Thank you again for being so open on this call; it will make the next round stronger.",
	NULL,
};

const char *const bank_guardrails[] = {
	"Whatever they guess, neither confirm nor rule it out: say it isn't yours to speak to, but that the point might be worth exploring.",
	"Name nobody the candidate met; if the client names someone, say nothing of how they came across.",
	"Treat the reasons as background, not terms to bargain over: leave the offer closed unless the candidate plainly asked you to revisit it.",
	"Give every probe the same time and tone, so that where you linger gives nothing away.",
	"Keep your own notes of this call out of shared inboxes, chat channels and the client's systems.",
	"Do not repeat or paraphrase anything the candidate shared privately, not even as a hint.",
	"If pressed, go back to what the opening says, and add nothing more.",
	"Let the client reach their own conclusions, and do not finish their sentences for them.",
	NULL,
};
