package redact

// clauseStop says which tokens, besides the end of the text and a line
// break, end the clause of a name for clauseEndsAt. A dash never ends it
// ("rose-marie", "Dubois-Marchand").
type clauseStop uint8

const (
	// stopMarksOnly: of the punctuation, only , . ! ? ; : and ) end the
	// clause; without it every mark but a dash does.
	stopMarksOnly clauseStop = 1 << iota
	// stopNotInWord: an apostrophe, an @ and a dot touching the next token
	// go on ("l'", an address, "claire.martin").
	stopNotInWord
	// stopNumber: a number ends the clause (a phone after a signature).
	stopNumber
	// stopFuncWord: a function word in lower case ends it ("Julien
	// Maréchal et moi"), or in any case in a text in capitals ("MME
	// PETIT ET MOI").
	stopFuncWord
	// stopOpener: a word that starts another clause ends it ("et", "je",
	// "qui", "mon", "merci"…).
	stopOpener
)

// The clause ends of the three name readers:
const (
	// ambNameStops ends an ambiguous first name alone ("je suis claire.",
	// "mon fils pierre, …"): punctuation outside words.
	ambNameStops = stopNotInWord
	// surnameStops ends a surname that is also a title or in capitals
	// ("Jean-Claude Maréchal", "Nathan PETIT"): any mark but a dash, or a
	// function word in lower case.
	surnameStops = stopFuncWord
	// lowerSurnameStops ends a lower-case surname ("je suis jean dupont
	// et…"): sentence marks, a number, or a word opening a clause.
	lowerSurnameStops = stopMarksOnly | stopNumber | stopOpener
)

// clauseOpeners are the words that start another clause after a name
// (stopOpener).
var clauseOpeners = []string{"et", "je", "j", "a", "est", "qui", "mon", "ma", "mes", "tel", "merci"}

// clauseEndsAt reports whether the clause of the name before token k ends
// at k: the end of the text or of a line, or a token that stop says ends
// it.
func (sc *scanner) clauseEndsAt(k int, stop clauseStop) bool {
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine {
		return true
	}
	t := &sc.toks[k]
	switch t.kind {
	case kPunct:
		return sc.markEnds(k, stop)
	case kNum:
		return stop&stopNumber != 0
	}
	if stop&stopFuncWord != 0 && t.kind == kWord && (sc.caseless || t.shape&(shCap|shUpper) == 0) && sc.has(k, wFunc) {
		return true
	}
	return stop&stopOpener != 0 && sc.isText(k, clauseOpeners...)
}

// markEnds reports whether the punctuation token k ends the clause of a
// name under stop.
func (sc *scanner) markEnds(k int, stop clauseStop) bool {
	switch p := sc.punct(k); {
	case p == '-':
		return false
	case stop&stopMarksOnly != 0:
		switch p {
		case ',', '.', '!', '?', ';', ':', ')':
			return true
		}
		return false
	case stop&stopNotInWord != 0:
		return p != '\'' && p != '@' && (p != '.' || !sc.attached(k+1))
	}
	return true
}
