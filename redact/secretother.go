package redact

// Passwords named by another word than their cue, in a message that
// names a password: an earlier, a newer or another one ("l'ancien qui
// était Marseille#13", "Avant c'était JulieEtMarc", "celui d'Ameli c'est
// azerty123", "le nouveau: Printemps_2026", "encore un autre :
// Vanille!99"), and the answer to a secret question, which opens an
// account as a password does ("la réponse secrète est Médor").

// otherPasswordWords are the words that name a password beside the one
// the cue gave (folded).
var otherPasswordWords = wordSet("ancien ancienne avant celui celle nouveau nouvelle nouvel autre precedent precedente maintenant desormais")

// sameWords end the words that say a password is the one used before,
// which a comma and a password's shape follow (folded): "the same as
// always, Dakar2020", "comme d'habitude, Soleil2024!".
var sameWords = wordSet("always usual habitude")

// otherPasswordLead are the words between such a word and the value:
// a relative pronoun, a verb of being, the service ("l'ancien qui
// était", "celui d'Ameli c'est"); no noun, as "l'ancien compte qui est
// clôturé" speaks of an account (folded).
var otherPasswordLead = wordSet("qui c cest est etait cetait sera is was aussi encore d de du l " + secretServices)

// maxOtherPasswordLead bounds the tokens read between the word and the
// value: "celui d ' Ameli c ' est".
const maxOtherPasswordLead = 8

// otherPasswords masks the values that an order word or "réponse
// secrète" gives after a verb of being or a colon: a password's shape,
// or one plain word after a verb (plainPassword). The order words count
// only in a message that names a password (namesPassword).
func (sc *scanner) otherPasswords() {
	named := sc.namesPassword()
	for i := range sc.toks {
		if sc.toks[i].kind != kWord {
			continue
		}
		answer := false
		switch {
		case named && sc.foldedIn(i, otherPasswordWords):
		case sc.isText(i, "reponse") && sc.secretAnswerAt(i+1):
			i, answer = i+1, true
		case named && sc.foldedIn(i, sameWords) && sc.punct(i+1) == ',':
			if start, end, ok := sc.secretValue(i+2, bareCodeCue); ok && start == int(sc.toks[i+2].start) {
				sc.add(start, end, SECRET, 0.75) // "the same as always, Dakar2020"
			}
			continue
		default:
			continue
		}
		if start, end, ok := sc.otherPasswordValue(i+1, answer); ok {
			sc.add(start, end, SECRET, 0.75)
		}
	}
}

// secretAnswerAt reports whether token k is "secrète" or "secrete",
// written after "réponse".
func (sc *scanner) secretAnswerAt(k int) bool {
	return k < len(sc.toks) && sc.toks[k].gap == gapSpace && sc.foldedIn(k, secretAnswerWords)
}

// secretAnswerWords are the adjectives of "réponse secrète" (folded).
var secretAnswerWords = wordSet("secrete secret")

// otherPasswordValue returns the span of the value given from token j
// on, past the words of otherPasswordLead, when a verb of
// being or a colon stands before it, or false. A plain word written as a
// name, a capital first and none after ("Avant c'était Dupont qui…"),
// or in capitals ("L ANCIEN … EST CLOTURE") is a secret answer's only
// ("la réponse secrète est Médor"; not "JulieEtMarc").
func (sc *scanner) otherPasswordValue(j int, answer bool) (start, end int, ok bool) {
	colon, said := false, false
	for k := 0; k < maxOtherPasswordLead && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		switch p := sc.punct(j); {
		case p == ':' || p == '=':
			colon = true
		case p == '\'' || p == '-' && !colon:
		case p == 0 && sc.toks[j].kind == kWord && sc.foldedIn(j, otherPasswordLead):
			said = said || sc.foldedIn(j, secretSaid)
		default:
			k = maxOtherPasswordLead
			continue
		}
		j++
	}
	if !colon && !said || j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return 0, 0, false
	}
	if start, end, ok = sc.secretValue(j, bareCodeCue); ok && start == int(sc.toks[j].start) {
		return start, end, true
	}
	if t := &sc.toks[j]; said && sc.plainPassword(j, int(t.end)) && (answer || t.shape&shLower != 0 || t.shape&shUpper == 0 && innerCapital(sc.text(j))) {
		return int(t.start), int(t.end), true
	}
	return 0, 0, false
}

// innerCapital reports whether an ASCII capital letter stands in w after
// its first byte: "JulieEtMarc".
func innerCapital(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}
