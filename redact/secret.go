package redact

// Secrets: a password, a secret code or a PIN that the writer gives after
// its cue ("mon mot de passe caf est Azerty123!", "mdp : soleil2024",
// "code PIN 4821", "OTP: 552310", "clave: Perro99"). The value is masked as SECRET; the cue stays.

// secretCueWords are the last words of the cues, registered in the
// lexicon so that a token's entry tells them apart.
var secretCueWords = []string{"passe", "mdp", "password", "passwd", "pwd", "motdepasse", "secret", "confidentiel", "pin", "acces", "activation", "code",
	"passwort", "kennwort", "contrasena", "senha", "clave", "otp", "pass"}

// secretCue says what a cue word announces: a password (any value with a
// digit or a sign, or any word after a colon) or a code (digits).
type secretCue uint8

const (
	noSecret secretCue = iota
	passwordCue
	codeCue
	bareCodeCue // "code" or "pass" alone: "mon code Soleil2024!", a password's shape only
)

// secretCues maps the entries of the cue words to what they announce,
// indexed by entry.
var secretCues = func() []secretCue {
	cues := make([]secretCue, len(lex.entries))
	for _, w := range secretCueWords {
		cues[lex.words[w]] = passwordCue
	}
	for _, w := range []string{"secret", "confidentiel", "pin", "otp", "activation"} {
		cues[lex.words[w]] = codeCue
	}
	cues[lex.words["code"]] = bareCodeCue
	cues[lex.words["pass"]] = bareCodeCue // "pass: Tournesol!88"; not "pass: jeunes"
	cues[0] = noSecret
	return cues
}()

// motWords are the words before "de passe": "mes mots de passe : …".
var motWords = wordSet("mot mots")

// secretSkip are the words between a cue and its value: the service, the
// verb, a qualifier ("mon mot de passe caf est", "mdp provisoire :"), a
// clause ("le mot de passe qu'elle a choisi est", "choisi par lui"), the
// site it is for ("mon mot de passe sur impots.gouv c'est").
var secretSkip = wordSet("est c de du d mon ma le la l " + secretServices + " compte espace site appli application actuel actuelle provisoire temporaire nouveau nouvel ancien " +
	"sont is was my the sera etait ist mein meine lautet mi es minha e cest pour i made for portal anef lespace bien toujours encore comme aussi juste maintenant now still " +
	"recu recue par courrier sms fr gouv oublie oubliee cetait devenu devenue from " +
	"qu que elle il j je ai a avait avais choisi choisie lui sur")

// secretServices are the services a password is named after, between its
// cue and its value ("mon mot de passe caf est", "celui d'Ameli c'est").
const secretServices = "caf ameli impots impot ants cpam msa urssaf france connect franceconnect travail pole emploi"

// secretAfter are the words after a number that make it a length or an
// amount, not a code: "mot de passe de 12 caractères".
var secretAfter = wordSet("caracteres caractere chiffres chiffre lettres lettre fois jours jour mois ans euros euro minutes heures h")

// secrets masks the values that follow a password or code cue.
func (sc *scanner) secrets() {
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind != kWord || int(t.ent) >= len(secretCues) {
			continue
		}
		cue := secretCues[t.ent]
		if cue == noSecret || !sc.secretCueAt(i) {
			continue
		}
		j := i + 1
		if sc.isText(i, "acces") {
			j = sc.accessPlaceEnd(i, j)
		}
		start, end, ok := sc.secretValue(j, cue)
		if !ok || sc.isText(i, "acces") && !sc.accessCodeGiven(i, start) {
			continue
		}
		sc.add(start, end, SECRET, 0.8)
		if sc.loginBefore(i) {
			sc.secondSecret(i+1, end)
		}
		sc.otherSecret(i+1, end)
	}
}

// secretCueAt reports whether the cue word at i is a cue in its place:
// "passe" after "mot de", "secret" and "confidentiel" after "code", "pin"
// after "code", a possessive ("mon pin") or written "PIN", "accès" after
// "code d'", "activation" after "code d'", "pass" before a colon written
// against it.
func (sc *scanner) secretCueAt(i int) bool {
	switch lex.word[sc.toks[i].ent] {
	case "passe":
		d := sc.prevWord(i)
		return d >= 0 && sc.isText(d, "de", "2") && sc.prevWord(d) >= 0 && sc.foldedIn(sc.prevWord(d), motWords)
	case "secret", "confidentiel":
		return sc.isText(sc.prevWord(i), "code")
	case "pin":
		return sc.text(i) == "PIN" || sc.isText(sc.prevWord(i), "code") || sc.has(sc.prevWord(i), wPossessive)
	case "acces", "activation":
		d := sc.prevWord(i)
		return d >= 0 && sc.isText(d, "d", "de") && sc.isText(sc.prevWord(d), "code", "codes")
	case "code":
		return sc.bareCodeAt(i)
	case "pass":
		p := sc.punct(i + 1)
		// "pass: Tournesol!88", "mon pass c'est carla1990" (a password's
		// shape only); not "pass Navigo"
		return (p == ':' || p == '=') && sc.attached(i+1) || sc.has(sc.wordBefore(i), wPossessive)
	}
	return true
}

// prevWord returns the word before token i on its line, across an
// attached hyphen ("mot-de-passe") or apostrophe, or -1.
func (sc *scanner) prevWord(i int) int {
	if i > 0 && sc.attached(i) && sc.punct(i-1) == '-' {
		i--
	}
	return sc.wordBefore(i)
}

// secretValue returns the byte span of the value after a cue that ends at
// token j-1, or false.
func (sc *scanner) secretValue(j int, cue secretCue) (start, end int, ok bool) {
	colon, said := false, false
	for k := 0; k < 6 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		switch p := sc.punct(j); {
		case p == ':' || p == '=':
			colon = true
		case p == '\'':
			k-- // "c'est" counts as one word
		case p == '-' || p == '«' || p == '"' || p == '(':
		case p == 0 && sc.toks[j].kind == kWord && sc.foldedIn(j, secretSkip):
			said = said || sc.foldedIn(j, secretSaid)
		case p == '.' && sc.inDomain(j): // "mot de passe caf.fr", "sur impots.gouv.fr": a domain counts as one word
			k--
		default:
			k = 6
			continue
		}
		j++
	}
	strong := cue == bareCodeCue
	if c := sc.colonAhead(j, 8); !colon && c > j && c+1 < len(sc.toks) && sc.toks[c+1].gap < gapLine {
		// "mon ancien mot de passe pour que vous vérifiez : Soleil2019!Mimi":
		// a clause then a colon; only a password's shape after it
		j, colon, strong = c+1, true, true
	}
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine || sc.toks[j].kind == kPunct {
		return 0, 0, false
	}
	start = int(sc.toks[j].start)
	end = start
	for end < len(sc.s) && end-start <= maxSecret && sc.s[end] != '\n' && sc.s[end] != '\r' && !isBlank(sc.s[end]) {
		end++
	}
	for end > start && isTrailing(sc.s[end-1]) {
		end--
	}
	v := sc.s[start:end]
	shaped := secretShape(v, cue, colon) || cue == passwordCue && said && !colon && sc.plainPassword(j, end)
	if !shaped || strong && !passwordShape(v) || sc.secretAfterWord(j, end) || isDateShape(v) || sc.plainWordValue(j, end) ||
		cue == bareCodeCue && adminRefShape(v) {
		return 0, 0, false
	}
	return start, end, true
}

// plainWordValue reports whether the value at token j, ending at byte end,
// is one everyday word of the lexicon's function or stop words: what the
// writer says of the password ("Mot de passe : perdu"), not the password,
// or an elided adverb of time (elidedAdverbs: "oublié aujourd'hui").
func (sc *scanner) plainWordValue(j, end int) bool {
	if elidedAdverbs[foldAlnum(sc.s[sc.toks[j].start:end])] {
		return true
	}
	return int(sc.toks[j].end) == end && sc.toks[j].kind == kWord && sc.bits(j)&(wFunc|wStop) != 0
}

// elidedAdverbs are the adverbs written with an apostrophe that follow a
// password's cue as when, not what (folded, letters only).
var elidedAdverbs = wordSet("aujourdhui")

// isDateShape reports whether v is a date written with digits ("12/03/2024",
// "12-03-24", "12.03.2024"): a date after the cue ("mot de passe le
// 12/03/2024") is when, not what.
func isDateShape(v string) bool {
	parts, n := 0, 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) && '0' <= v[i] && v[i] <= '9' {
			n++
			continue
		}
		if n == 0 || n > 4 || i < len(v) && v[i] != '/' && v[i] != '-' && v[i] != '.' {
			return false
		}
		parts, n = parts+1, 0
	}
	return parts == 3
}

// maxSecret bounds a secret's length, which keeps the reading linear on a
// text without blanks.
const maxSecret = 64

// secretShape reports whether v can be the value of the cue: a code is 4
// to 8 characters with a digit, or longer with letters or signs beside
// its digits; a password 4 to 64 characters with a
// digit or a sign, or any word right after a colon.
func secretShape(v string, cue secretCue, colon bool) bool {
	if len(v) < 4 || len(v) > maxSecret {
		return false
	}
	digits, signs := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c < 0x80 && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'):
			signs++
		}
	}
	switch cue {
	case codeCue:
		return digits > 0 && (len(v) <= 8 || digits < len(v)) // "4821", "Soleil2024!"
	case bareCodeCue:
		return passwordShape(v)
	}
	return digits > 0 || signs > 0 || colon
}

// secretAfterWord reports whether the word after the value at byte end is
// a unit that makes the value a length or an amount. The value starts at
// token j.
func (sc *scanner) secretAfterWord(j, end int) bool {
	for i := j; i < len(sc.toks) && i < j+64; i++ {
		if int(sc.toks[i].start) >= end {
			return sc.toks[i].kind == kWord && sc.foldedIn(i, secretAfter)
		}
	}
	return false
}

// isTrailing reports whether c, ending a value, is the sentence's
// punctuation rather than the value's: "…est soleil2024." The signs a
// password takes ('!', '?', '*') stay.
func isTrailing(c byte) bool {
	switch c {
	case '.', ',', ';', ':', ')', '"':
		return true
	}
	return false
}

// passwordShape reports whether v is written as a password and as no word
// or number: six characters or more, with a letter and a digit or a sign
// ("Soleil2024!", "lola2003"; not "75001", "1AF").
func passwordShape(v string) bool {
	if len(v) < 6 {
		return false
	}
	letters, others := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			letters++
		case c < 0x80 && c != '-' && c != '\'':
			others++ // not the dash of "peut-être"
		}
	}
	return letters > 0 && others > 0
}
