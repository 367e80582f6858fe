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
