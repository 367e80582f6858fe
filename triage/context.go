package triage

// What a cue's surroundings say about it: a joke, a clause about years
// ago, a harm that is denied.

// jokeRe marks a sentence that laughs: a cue in it, or in the sentence
// before it (« mon mari me menace… de partir sans moi 😂 »), describes
// nobody's situation. Laughing emoji are folded to « mdr » (foldSentence).
var jokeRe = compile(` mdr | ptdr | blague a part| je plaisante| je rigole| c' est pour rire| haha`)

// seriousRe marks a sentence that turns serious after a joke (« Plus
// sérieusement, nous avons 76 et 78 ans… », « Trêve de plaisanterie »,
// « More seriously »): the sentence before it laughed (« mon mari a failli
// me tuer quand il a vu le montant de la taxe foncière ! »), not this one
// (since session 18). « En serio », « falando sério » and « joking
// aside » are not among them: they as often stress what follows a real
// danger (« Mi marido me pega… En serio, tengo mucho miedo »; the diff
// review of session 18).
var seriousRe = compile(`^ ?(?:plus serieusement|bon plus serieusement|treve de plaisanterie|blague mise a part|more seriously|on a serious note|hablando en serio|brincadeiras a parte)[ ,]`)

// loneJokeRe marks a sentence that laughs at itself only: « lol » is
// often a shy or bitter aside (« too ashamed to tell my professors lol »)
// after a sentence that meant what it said (« I haven't eaten since
// Saturday »).
var loneJokeRe = compile(` lol `)

// clauseBreak ends a clause inside a sentence: « expulsée en 2019 mais
// maintenant tout va bien ».
var clauseBreak = compile(` mais | aujourd' hui | maintenant | desormais | actuellement | depuis | or `)

// pastCodes are the attention codes a clause about years ago cancels, as
// it cancels every urgent code: a death or a fraud long over (« mon mari
// est décédé il y a quatre ans », « il y a deux ans mon compte a été
// piraté »). A disability, a language barrier, a failure that lasts or a
// debt still recovered (« la CAF retient… trop versé en 2023 ») are not
// over.
var pastCodes = map[string]bool{CodeBereavement: true, CodeFraud: true}

// pastMatters reports whether a clause about years ago cancels r's cue.
func (r rule) pastMatters() bool { return CodeLevel(r.code) == Urgent || pastCodes[r.code] }

// inPastClause reports whether the cue at loc in folded is in a clause
// that speaks of the past (past: years ago, pastRe, or last year,
// lastYearRe) and not of now or of the next days.
func inPastClause(folded string, loc []int, past *pattern) bool {
	start, end := 0, len(folded)
	for _, b := range clauseBreak.FindAllStringIndex(folded, -1) {
		switch {
		case b[1] <= loc[0]+1 && b[0] >= start:
			start = b[0]
		case b[0] >= loc[1]-1 && b[0]+1 < end:
			end = b[0] + 1
		}
	}
	clause := folded[start:end]
	return past.MatchString(clause) && !nowRe.MatchString(clause) && !nearRe.MatchString(clause)
}

// affirmed reports whether p matches folded somewhere it is not denied
// (« mon ex ne me harcèle pas du tout »), nor, when past is not nil, in a
// clause about that past (inPastClause), nor inside a match of others
// (someone else's act), nor named as a topic, or as the next item of a
// topic's list, or in a figure of speech (topicFramed, listGoesOn,
// inFigure).
//
// The matches of others and of the figures are found once per call, on
// first need: a sentence repeating a cue that others cancels (« je ne veux
// plus vivre dans … » seven hundred times) read them again for each match,
// seconds for a message of 20 KB.
func affirmed(p *pattern, folded string, past, others *pattern) bool {
	// framedEnd is the end of the last cue named as a topic. p's matches
	// come grouped by alternative, not in order: a list goes on only
	// from a cue framed before this one (until session 18 a cue framed
	// late in a sentence, then one of a later alternative earlier in it,
	// sliced folded[framedEnd:loc[0]] backwards and Assess panicked).
	framedEnd := -1
	var otherSpans *matchSpans
	var figures []matchSpans
	for _, loc := range p.FindAllStringIndex(folded, -1) {
		if negated(folded[:loc[0]], folded[loc[1]:]) || past != nil && inPastClause(folded, loc, past) {
			continue
		}
		if others != nil {
			if otherSpans == nil {
				s := findSpans(others, folded)
				otherSpans = &s
			}
			if otherSpans.overlaps(loc) {
				continue
			}
		}
		if topicFramed(folded[:loc[0]]) || framedEnd >= 0 && framedEnd <= loc[0] && listGoesOn(folded[framedEnd:loc[0]]) {
			framedEnd = loc[1]
			continue
		}
		if figures == nil {
			figures = figureSpans(folded)
		}
		if !anyOverlaps(figures, loc) {
			return true
		}
	}
	return false
}
