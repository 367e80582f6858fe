package triage

// englishRules are urgent cues told in English (and a few in Italian and
// German) that the classifier cannot read: a message the lexicon finds
// foreign is left to the lexicon alone, so before session 20 « He said
// next time he'll kill me and the kids » or « Since 2 days I don't eat…
// My daughter is 3 » were routine (black-box round 2). Each is read as
// every cue is: negation, the past, topics, jokes.
var englishRules = []rule{
	// Farewells and decisions: « I've written letters to my kids », « this
	// will be my last week », « vuole morire e ha comprato una corda ».
	// A last week or day only when decided, a job's or a stay's is none
	// (« this is my last day at this job », « my last week in France »).
	{code: CodeSuicide, cue: re(` (?:written|wrote|left) (?:goodbye )?(?:letters?|notes?) (?:to|for) (?:my|the) (?:kids|children|family|son|daughter|wife|husband|parents)` +
		`| decided (?:that )?this (?:will be|is going to be|is) my last (?:week|day|night)| this (?:will be|is) my last (?:message|letter) to anyone` +
		`| (?:want|wants|wanted) to die| end (?:my|his|her) life| (?:will|want to|wants to|going to) (?:hang|kill) (?:myself|himself|herself)` +
		`| (?:vuole|voglio|vorrei) morire| (?:mi voglio|si vuole|voglio) (?:uccidere|ammazzare)| (?:will|wollen|willst) (?:nicht mehr leben|sterben)| mich umbringen`),
		except: re(` to die (?:laughing|of laughter|of boredom|of shame|for)| dying to`)},
	// « a repéré le pont » in an adviser's note, beside a despair: a place
	// chosen (alone, « il a repéré le pont pour la randonnée »).
	{code: CodeSuicide, cue: re(` (?:a|ai|avait|avais) repere (?:le|un) pont| (?:a|ai) repere (?:un|l' ) endroit pour (?:sauter|en finir)`),
		with: re(` n' en (?:peut|peux|pouvait) plus| pleur| en finir| sauter| desesper| plus envie| plus la force`)},
	// Violence at home: locked in, a phone taken, choked, threatened,
	// kept in.
	{code: CodeViolence, cue: re(` (?:locked|locks) (?:me|us|her)(?: and [a-z' ]{1,30})? (?:in|inside|up)` +
		`| (?:husband|partner|boyfriend|wife|girlfriend|ex) (?:took|takes|has taken|broke|smashed|keeps|hides) my (?:phone|passport|papers)` +
		`| (?:choked|chokes|strangled|strangles|slapped|slaps|punched|punches) (?:me|her|us)| (?:he|she)(?:' ll| will| would| is going to|' s going to) kill (?:me|us|her|him|the kids|the children)` +
		`| (?:won' t|will not|doesn' t|does not) let me (?:leave|go out of|out of) (?:the house|the flat|the apartment|home|the room)` +
		`| (?:hits|beats|hurts) her| (?:husband|partner|boyfriend) (?:hits|beats|hurts|threatens)`)},
	// A child touched by an adult, named in the sentence.
	{code: CodeChild, cue: re(` (?:touches|touched|touching) (?:me|her|him|my)`),
		with: re(` teacher| uncle| stepfather| step-father| stepdad| coach| neighbou?r| cousin| babysitter| priest| (?:little|younger|baby) (?:sister|brother)| my (?:daughter|son)| (?:i' m|i am|she is|he is|she' s|he' s) (?:[1-9]|1[0-7])(?: |$)`)},
	// Nights on the street, no room at the 115, belongings thrown out.
	{code: CodeHousingLoss, cue: re(` (?:in|on) the street since| (?:sleeping|sleep|slept) (?:outside|rough|in the street|on the street|in (?:my|the|a|our) car)` +
		`| no (?:place|room|space|bed|beds) (?:in|at|from) (?:the )?115| 115 (?:is full|doesn' t answer|does not answer|never answers)` +
		`| throw (?:my|our) (?:things|stuff|belongings) (?:in|on|into|out)| (?:evicted|kicked out|thrown out) (?:tomorrow|today|tonight|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))`)},
	{code: CodeHousingLoss, cue: re(` (?:not|be) out by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)`),
		with: re(` landlord| landlady| owner| evict| throw| street| bailiff`)},
	// Days without food, in English, Italian or German.
	{code: CodeFood, cue: re(` (?:don' t|didn' t|haven' t|have not|did not|do not|hasn' t|has not) (?:eat|eaten)(?: anything)? (?:since|for)` +
		`| since (?:[0-9]+|two|three|four|five|several) days (?:i|we|he|she) (?:don' t|didn' t|do not|did not|have not|haven' t) (?:eat|eaten)` +
		`| nothing (?:left )?to eat| no food (?:left|at home|at all|for (?:the|my|our) (?:kids|children|baby|son|daughter))` +
		`| (?:nichts|kaum) (?:mehr )?(?:gegessen|zu essen)| (?:niente|nulla) da mangiare| non mangi(?:o|amo|a) da`)},
	// A baby who no longer drinks or burns with fever.
	{code: CodeHealth, cue: re(` (?:baby|newborn|infant)`),
		with: re(` not (?:drinking|feeding|eating)(?: anymore| any more)?| (?:won' t|doesn' t|does not) (?:drink|feed|wake)| very hot| high fever| fever (?:of )?(?:39|40|41)| not breathing| breathing (?:badly|hard|strangely)| blue lips| convuls| seizure`)},
	// Alarming symptoms told in English (since session 22): « strong pain
	// in the chest when I breathe… my lips looked a bit blue », « he is
	// struggling to breathe »; not lips blue from paint or sweets.
	{code: CodeHealth, cue: re(` pain in (?:my|the|his|her) chest| chest (?:hurts|is tight|tightness)| (?:lips|fingers|fingertips|face|skin) (?:look|looks|looked|are|is|were|was|turned|turning|went|going|getting)(?: a bit| slightly| very| quite| kind of)? (?:blue|purple|grey|gray)| (?:struggling|struggles|struggled|fighting) (?:to|for) (?:breathe|breath)| (?:short|out) of breath (?:all the time|at rest|even|when i (?:lie|sit|talk))| coughing (?:up )?blood| (?:fainted|passed out|blacked out) (?:twice|again|several times|this morning|yesterday|today)`),
		// Nor a pain in the chest told of a past year or month (« I had
		// a pain in my chest last year, now the hospital bill… »; session
		// 22's review).
		others: re(` (?:blue|purple) (?:from|with|because of) (?:the |her |his |my )?(?:paint|face paint|make-?up|lipstick|ice|juice|candy|sweets|blueberr|cold water|swimming)` +
			`| ` + chestPain + `(?: [a-z']+){0,4} ` + pastTime + ` | ` + pastTime + `(?: [a-z']+){0,4} (?:had|felt|got)(?: [a-z']+){0,2} ` + chestPain)},
	// Said in the message or the note: the person speaks only another
	// language, or apologises for their English.
	{code: CodeLanguage, cue: re(` sorry for my (?:bad |poor |broken )?english| my english is (?:not (?:good|great)|bad|poor)| (?:spoke|speaks|speaking) only (?:english|spanish|italian|german|arabic|russian|portuguese)` +
		`| only (?:speaks|spoke) (?:english|spanish|italian|german|arabic|russian|portuguese)| (?:parla|parlo) solo (?:italiano|inglese)| (?:spreche|spricht) (?:nur|kein)`)},
}

// chestPain is a pain in the chest told in English, and pastTime a
// past year or month (« last year », « two years ago », « in 2023 »).
const (
	chestPain = `(?:pain in (?:my|the|his|her) chest|chest (?:hurts|is tight|tightness))`
	pastTime  = `(?:last (?:year|month|summer|winter|spring|autumn)|(?:a few |a |one |two |three |several |many |[0-9]+ )?(?:years?|months?) ago|in (?:19|20)[0-9]{2})`
)
