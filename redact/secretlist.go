package redact

import "sort"

// Secrets given as a list after one cue: "mon mot de passe est Soleil2024!
// et l'autre Azerty#77", "mes codes PIN : 4821, 7733 puis 9051". Each value
// after the first is masked when a link and a few words that order the
// values stand between them, and it has the first's shape.

// secretLinks are the words that join a value of a list to the one before.
var secretLinks = wordSet("et puis ou and then or")

// secretOrder are the words that may stand between a link and the next
// value: "et l'autre", "et le second", "puis le dernier c'est".
var secretOrder = wordSet("l le la les autre autres second seconde deuxieme troisieme dernier derniere ensuite aussi enfin " +
	"celui celle c est cest sinon other second ancien ancienne precedent precedente etait cetait avant")

// maxSecretOrder bounds the tokens read between a link and the next
// value: "l ' ancien c ' était".
const maxSecretOrder = 7

// maxSecretList bounds the values read after one cue.
const maxSecretList = 8

// secretLists masks the values that follow a secret found by its cue in
// a list, each with the shape of the first: digits after digits
// ("4821, 7733"), a password's shape after a password.
func (sc *scanner) secretLists() {
	n := len(sc.cands)
	for c := 0; c < n; c++ {
		if sc.cands[c].typ != SECRET {
			continue
		}
		v := sc.s[sc.cands[c].start:sc.cands[c].end]
		digits, plain := allDigitsOrBlank(v), v != "" && lettersOnly(v)
		end, conf := sc.cands[c].end, sc.cands[c].conf
		for k := 0; k < maxSecretList; k++ {
			start, e, ok := sc.nextListSecret(end, digits, plain)
			if !ok {
				break
			}
			sc.add(start, e, SECRET, conf)
			end = e
		}
	}
}

// nextListSecret returns the span of the value that continues a list of
// secrets whose last value ends at byte end, or false; plain says the
// first value was one plain word (plainPassword), which another may
// continue ("c'est soleil, l'ancien c'était papillon"), as may one that a
// verb of being gives after any first value ("Soleil2024!, l'ancien
// c'était papillon").
func (sc *scanner) nextListSecret(end int, digits, plain bool) (start, e int, ok bool) {
	j := sort.Search(len(sc.toks), func(i int) bool { return int(sc.toks[i].start) >= end })
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return 0, 0, false
	}
	switch p := sc.punct(j); {
	case p == ',' || p == ';' || p == '/' || p == '&' || p == 0 && sc.foldedIn(j, secretLinks):
	default:
		return 0, 0, false
	}
	j++
	for k := 0; k < maxSecretOrder && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		p := sc.punct(j)
		if p == 0 && !sc.foldedIn(j, secretOrder) && !sc.foldedIn(j, secretLinks) || p != 0 && p != '\'' && p != ':' && p != '=' && p != '-' {
			break
		}
		plain = plain || p == 0 && sc.foldedIn(j, secretSaid) // "…, l'ancien c'était papillon"
		j++
	}
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine || sc.toks[j].kind == kPunct {
		return 0, 0, false
	}
	if digits {
		start, e, ok = sc.codeDigits(j, codeKind{4, 8})
		ok = ok && !sc.yearInSentence(j, start, e)
	} else if t := &sc.toks[j]; plain && sc.plainPassword(j, int(t.end)) {
		start, e, ok = int(t.start), int(t.end), true
	} else {
		start, e, ok = sc.secretValue(j, passwordCue)
		ok = ok && (passwordShape(sc.s[start:e]) || allDigitsOrBlank(sc.s[start:e])) // not "peut-être"
	}
	return start, e, ok && start == int(sc.toks[j].start)
}

// allDigitsOrBlank reports whether v holds digits and blanks only.
func allDigitsOrBlank(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isDigit(v[i]) && v[i] != ' ' {
			return false
		}
	}
	return v != ""
}

// yearInSentence reports whether the digits from token j, bytes start to
// end, are a year that a sentence goes on from: "code PIN 4821, 2024 a
// été dure".
func (sc *scanner) yearInSentence(j, start, end int) bool {
	v := sc.s[start:end]
	if len(v) != 4 || v[:2] != "19" && v[:2] != "20" {
		return false
	}
	n := j + 1
	return n < len(sc.toks) && sc.toks[n].gap < gapLine && sc.toks[n].kind == kWord && !sc.foldedIn(n, secretLinks)
}
