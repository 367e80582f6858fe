package redact

// Logins given after their cue: "mon identifiant c'est jdupont75",
// "login : m.garnier", "identifiant : jdupont". A login opens the
// writer's account as a password does, and the labelled sets mark it
// SECRET. The numbers an "identifiant" names (France Travail's "4518293X",
// a NIR, a tax number) start with a digit and stay the identifiers'
// readers' (idents).

// loginCues are the words after which a login is given (folded): "mon
// pseudo sur le site : mariedu13", "user: mdupont2"; "utilisateur" only
// in "nom d'utilisateur" (loginCueAt).
var loginCues = wordSet("identifiant identifiants login pseudo user username utilisateur")

// logins masks the login that follows a login's cue, past what
// secretValue skips (the service, the verb, a colon), and a quote that
// closes it ("nom d'utilisateur 'marie.dupont.13'").
func (sc *scanner) logins() {
	for i := range sc.toks {
		if !sc.loginCueAt(i) {
			continue
		}
		start, end, ok := sc.secretValue(i+1, passwordCue)
		if ok && end-start > 1 && sc.s[end-1] == '\'' && start > 0 && sc.s[start-1] == '\'' {
			end--
		}
		if !ok || !sc.loginShape(start, end) {
			if j := sc.pastSecretSkip(i + 1); sc.initialLogin(j) {
				sc.addToks(j, j, SECRET, 0.97) // "login ameli jquemener"
			}
			continue
		}
		sc.add(start, end, SECRET, 0.97) // surer than the case number (0.96) the "identifiant" cue reads there
	}
}

// loginCueAt reports whether the word at i is a login's cue:
// "identifiant", "login", "pseudo", "user", "username", or "utilisateur"
// after "nom d'".
func (sc *scanner) loginCueAt(i int) bool {
	if sc.toks[i].kind != kWord || !sc.foldedIn(i, loginCues) {
		return false
	}
	if sc.folded(i) == "utilisateur" {
		d := sc.wordBefore(i)
		return sc.isText(d, "d", "de") && sc.isText(sc.wordBefore(d), "nom")
	}
	return true
}

// loginShape reports whether the value from byte start to end is written
// as a login: a letter first, three letters or more, and letters, digits,
// dots, dashes and underscores only ("jdupont75", "m.garnier"); a login of
// letters alone is one plain word (plainPassword: "identifiant : jdupont",
// not "identifiant : inconnu").
func (sc *scanner) loginShape(start, end int) bool {
	v := sc.s[start:end]
	if v == "" || !isLetter(v[0]) {
		return false
	}
	letters, others := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case isLetter(c):
			letters++
		case isDigit(c) || c == '.' || c == '-' || c == '_':
			others++
		default:
			return false
		}
	}
	if letters < 3 {
		return false
	}
	if others > 0 {
		return true
	}
	j := sc.tokAfter(start)
	if j < len(sc.toks) && sc.punct(j+1) == '/' && sc.toks[j+1].gap == gapSpace {
		return sc.plainWord(j, end) // "login: mlefevre / pass: …": a pair's separator
	}
	return j < len(sc.toks) && sc.plainPassword(j, end)
}

// pastSecretSkip returns the token after the words and marks that
// secretValue skips from token j on ("ameli", "c'est", a colon).
func (sc *scanner) pastSecretSkip(j int) int {
	for k := 0; k < 6 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		if p := sc.punct(j); p != ':' && p != '\'' && (p != 0 || !sc.foldedIn(j, secretSkip)) {
			break
		}
		j++
	}
	return j
}

// initialLogin reports whether the word at token j is written as an
// initial glued to a surname in lower case, whatever its ending
// ("jquemener", which ends as infinitives do, so plainWord refuses it):
// ASCII letters in lower case only, five or more, two consonants first
// that open no French word (frenchOnsets: "bloquer" stays), unknown to
// the lexicon, no adjective's or common word's ending nor a password's
// state, and its clause ends after it.
func (sc *scanner) initialLogin(j int) bool {
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return false
	}
	t := &sc.toks[j]
	if t.kind != kWord || t.ent != 0 || t.end-t.start < 5 {
		return false
	}
	w := sc.text(j)
	for _, c := range []byte(w) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	if isVowel(w[0]) || isVowel(w[1]) || frenchOnsets[w[:2]] {
		return false
	}
	return !adjectiveEnding(w) && !hasSuffixOf(w, commonEndings) && !passwordStates[w] && sc.clauseEndsAt(j+1, stopMarksOnly|stopFuncWord)
}

// frenchOnsets are the two consonants that open French words, which an
// initial glued to a surname seldom makes.
var frenchOnsets = wordSet("bl br ch cl cr dr fl fr gl gn gr kh ph pl pr ps sc sk sl sm sn sp st th tr vr wh")

// isVowel reports whether the ASCII letter c is a vowel or "y".
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
