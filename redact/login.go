package redact

// Logins given after their cue: "mon identifiant c'est jdupont75",
// "login : m.garnier", "identifiant : jdupont". A login opens the
// writer's account as a password does, and the labelled sets mark it
// SECRET. The numbers an "identifiant" names (France Travail's "4518293X",
// a NIR, a tax number) start with a digit and stay the identifiers'
// readers' (idents).

// logins masks the login that follows an "identifiant" or "login" cue,
// past what secretValue skips (the service, the verb, a colon).
func (sc *scanner) logins() {
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind != kWord || t.ent == 0 || !sc.isText(i, "identifiant", "identifiants", "login") {
			continue
		}
		start, end, ok := sc.secretValue(i+1, passwordCue)
		if !ok || !sc.loginShape(start, end) {
			continue
		}
		sc.add(start, end, SECRET, 0.97) // surer than the case number (0.96) the "identifiant" cue reads there
	}
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
	return j < len(sc.toks) && sc.plainPassword(j, end)
}
