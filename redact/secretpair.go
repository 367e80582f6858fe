package redact

import "strings"

// Secrets told in a pair or after an access code's cue: "identifiant et
// mot de passe : jdupont / Lune77?", "mon code d'accès est Soleil2024!".

// accessCodeGiven reports whether the value at byte start after the cue
// "code d'accès" at i is given as the writer's: a possessive before
// "code" ("mon code d'accès …"), or a colon, "=" or a verb between the
// cue and the value ("code d'accès : …", "le code d'accès c'est …"), or
// the value right after the cue ("le code d'accès 1234B" of a door opens
// it as well as the writer's).
func (sc *scanner) accessCodeGiven(i, start int) bool {
	if sc.ownAccessCode(i) {
		return true
	}
	if i+1 < len(sc.toks) && int(sc.toks[i+1].start) == start {
		return !sc.publicNumber(publicShort, sc.text(i+1), i+1, i+1) // "code d'accès 4471"; "code d'accès 3949 puis tapez 1" dials a service
	}
	for k := i + 1; k < len(sc.toks) && int(sc.toks[k].start) < start; k++ {
		if p := sc.punct(k); p == ':' || p == '=' || sc.isText(k, "est", "c", "cest", "is", "sera", "etait") {
			return true
		}
	}
	return false
}

// ownAccessCode reports whether a possessive stands before "code" of the
// cue "code d'accès" whose "accès" is token i: "mon code d'accès".
func (sc *scanner) ownAccessCode(i int) bool {
	code := sc.prevWord(sc.prevWord(i))
	return code >= 0 && sc.has(sc.wordBefore(code), wPossessive)
}

// accessPlaceEnd returns the token after the place the writer's own
// access code's cue names, from token j, when a verb or a colon follows
// the place ("mon code d'accès au bâtiment est le 4589B", "mon code
// d'accès de l'immeuble : 4589B"): the verb or the colon, which
// secretValue skips. Otherwise, or when a number comes first, j; a
// building's code without a possessive ("le code d'accès de l'immeuble
// est 1234B") is placeCodes' to mask.
func (sc *scanner) accessPlaceEnd(i, j int) int {
	if !sc.isText(j, "au", "du", "de", "d", "des", "a", "pour") || !sc.ownAccessCode(i) {
		return j
	}
	for k := j + 1; k < len(sc.toks) && k < j+6 && sc.toks[k].gap < gapLine; k++ {
		switch t := &sc.toks[k]; {
		case sc.punct(k) == ':' || sc.punct(k) == '=' || sc.isText(k, "est", "cest", "etait", "sera"):
			return k
		case t.kind != kWord && sc.punct(k) != '\'' && sc.punct(k) != '-':
			return j
		}
	}
	return j
}

// loginBefore reports whether the cue word at i, "passe" of "mot de
// passe" or another, follows a login's cue and "et" or "/": the value
// read first is then the login, and the password follows it
// ("identifiant et mot de passe : jdupont / Lune77?").
func (sc *scanner) loginBefore(i int) bool {
	k := i
	if sc.isText(i, "passe") {
		k = sc.prevWord(sc.prevWord(i)) // "mot"
	}
	if k <= 0 {
		return false
	}
	link := k - 1
	if sc.toks[link].kind == kWord && !sc.isText(link, "et", "and") || sc.toks[link].kind == kPunct && sc.punct(link) != '/' {
		return false
	}
	return sc.isText(link-1, "identifiant", "identifiants", "login", "id", "username", "utilisateur")
}

// secondSecret masks the password after the login ending at byte end,
// past a "/", ",", ";", "-", "|" or "et" ("jdupont / Lune77?"); from
// token j, the first after the cue.
func (sc *scanner) secondSecret(j, end int) {
	for j < len(sc.toks) && int(sc.toks[j].start) < end {
		j++
	}
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return
	}
	switch p := sc.punct(j); {
	case p == '/' || p == ',' || p == ';' || p == '-' || p == '|' || sc.isText(j, "et", "and"):
	default:
		return
	}
	if start, end, ok := sc.secretValue(j+1, passwordCue); ok {
		sc.add(start, end, SECRET, 0.97) // surer than the case number (0.96) the "identifiant" cue reads there
	}
}

// bareCodeAt reports whether "code" at token i, with no "secret", "PIN"
// or "d'accès" after it, announces the writer's own code: a possessive
// before it ("mon code Soleil2024!") or a verb or a colon right after it
// ("le code c'est Soleil2024!"); secretValue then takes only a password's
// shape, so "code postal", "mon code 1AF" and a case's "code de cession"
// stay.
func (sc *scanner) bareCodeAt(i int) bool {
	if sc.has(sc.wordBefore(i), wPossessive) {
		return true
	}
	k := i + 1
	if k < len(sc.toks) && sc.isText(k, "c") && sc.punct(k+1) == '\'' {
		k += 2
	}
	return k < len(sc.toks) && (sc.punct(k) == ':' || sc.punct(k) == '=' || sc.isText(k, "est", "cest", "etait", "is"))
}

// secretAlt are the words that announce another password tried.
var secretAlt = wordSet("ou essaye sinon or tried")

// otherSecret masks a second password the writer tried or remembers in
// the sentence of the one ending at byte end, from token j on: "jai mis
// comme mdp Ines1312* et jai aussi essayé lola2003", "… ou peut-être
// Lune77?". Only a password's shape after "ou", "essayé", "sinon", "or"
// or "tried".
func (sc *scanner) otherSecret(j, end int) {
	for j < len(sc.toks) && int(sc.toks[j].start) < end {
		j++
	}
	alt := false
	for k := j; k < len(sc.toks) && k < j+12 && sc.toks[k].gap < gapLine; k++ {
		switch p := sc.punct(k); {
		case p == '.' || p == '?' || p == '!' || p == ';':
			return
		case sc.foldedIn(k, secretAlt):
			alt = true
		case alt && (sc.toks[k].kind == kAlnum || sc.toks[k].kind == kWord):
			if start, e, ok := sc.secretValue(k, bareCodeCue); ok && start == int(sc.toks[k].start) {
				sc.add(start, e, SECRET, 0.7)
				return
			}
		}
	}
}

// adminRefShape reports whether v, after a bare "code", is written as a
// code's legal article ("L262-1", "R.351-2") or a form's number
// ("CERFA-12345", "RNCP34567", "RS5432"): a letter or a form's prefix,
// then digits, dots, dashes, slashes and stars only.
func adminRefShape(v string) bool {
	rest := ""
	switch u := strings.ToUpper(v); {
	case strings.HasPrefix(u, "CERFA"):
		rest = v[5:]
	case strings.HasPrefix(u, "RNCP"):
		rest = v[4:]
	case strings.HasPrefix(u, "RS"):
		rest = v[2:]
	case len(v) > 1 && strings.IndexByte("LRD", v[0]) >= 0:
		rest = strings.TrimPrefix(v[1:], ".")
	default:
		return false
	}
	rest = strings.TrimLeft(rest, " -_.:")
	if rest == "" || !isDigit(rest[0]) {
		return false
	}
	return strings.Trim(rest, "0123456789.-/*") == ""
}
