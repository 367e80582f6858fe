package redact

// More secrets: a password given before its cue ("j'ai mis Soleil2024!
// comme mot de passe") and a card's PIN after "code de ma carte" ("le
// code de ma carte 4821"). A site's domain between a cue and its value
// ("mot de passe caf.fr c'est …") is read past in secretValue (inDomain).
// A code told a card's in brackets after it ("Code 7781 (celui de ma
// carte)", "7781 (code de ma carte)").

// secretsBefore masks the value written before "comme" and a password's or
// a code's cue: "j'ai mis Soleil2024! comme mot de passe". The value has a
// password's shape, or is 4 to 8 digits.
func (sc *scanner) secretsBefore() {
	for i := 1; i+1 < len(sc.toks); i++ {
		if !sc.isText(i, "comme") || sc.toks[i].gap != gapSpace || !sc.cueAfterComme(i+1) {
			continue
		}
		end := int(sc.toks[i].start)
		for end > 0 && isBlank(sc.s[end-1]) {
			end--
		}
		for end > 0 && isTrailing(sc.s[end-1]) {
			end--
		}
		start := end
		for start > 0 && end-start <= maxSecret && !isBlank(sc.s[start-1]) && sc.s[start-1] != '\n' && sc.s[start-1] != '\'' {
			start--
		}
		if v := sc.s[start:end]; passwordShape(v) || digitsOnly(v, 4, 8) {
			sc.add(start, end, SECRET, 0.8)
		}
	}
}

// cueAfterComme reports whether a password's or a code's cue starts at
// token j, after "comme": "mot de passe", "mdp", "password", "code".
func (sc *scanner) cueAfterComme(j int) bool {
	switch {
	case sc.isText(j, "mdp", "password", "motdepasse", "code", "pin"):
		return true
	case sc.isText(j, "mot") && j+2 < len(sc.toks):
		return sc.isText(j+1, "de") && sc.isText(j+2, "passe")
	}
	return false
}

// digitsOnly reports whether v is min to max ASCII digits.
func digitsOnly(v string, min, max int) bool {
	if len(v) < min || len(v) > max {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// cardCodes masks a card's PIN after "code de ma carte" ("le code de ma
// carte 4821", "le code de la carte bancaire : 4821").
func (sc *scanner) cardCodes() {
	for i := 0; i+2 < len(sc.toks); i++ {
		if !sc.isText(i, "code") || !sc.isText(i+1, "de", "d") {
			continue
		}
		j := i + 2
		if sc.isText(j, "ma", "mon", "la", "sa") {
			j++
		}
		if !sc.isText(j, "carte", "cb") || sc.toks[j].gap >= gapLine {
			continue
		}
		if j++; sc.isText(j, "bancaire", "bleue", "cb", "vitale") {
			j++
		}
		if start, end, ok := sc.codeDigits(j, cardPIN); ok {
			sc.add(start, end, SECRET, 0.8)
		}
	}
}

// inDomain reports whether the dot at token j joins two words of a
// domain: "caf.fr", "impots.gouv.fr".
func (sc *scanner) inDomain(j int) bool {
	return j > 0 && j+1 < len(sc.toks) && sc.attached(j) && sc.attached(j+1) &&
		sc.toks[j-1].kind == kWord && sc.toks[j+1].kind == kWord
}

// bracketLead are the words in brackets between a code and its card
// (folded): "(celui de ma carte)", "(c'est le code de ma CB)".
var bracketLead = wordSet("c est cest celui le code pin secret de d pour ma mon la")

// bracketCodes masks a code of 4 to 8 digits that the words in brackets
// after it tell a card's, when "code" or "pin" is among them or right
// before the code: "Code 7781 (celui de ma carte)", "7781 (code de ma
// carte)"; "75011 (code postal)", "1234 (de ma carte)" stay.
func (sc *scanner) bracketCodes() {
	for i := 0; i+2 < len(sc.toks); i++ {
		if sc.toks[i].kind != kNum || sc.punct(i+1) != '(' {
			continue
		}
		start, end, ok := sc.codeRun(i, 8)
		if !ok || !sc.cardBracket(i+2, sc.isText(sc.prevWord(i), "code", "pin")) {
			continue
		}
		sc.add(start, end, SECRET, 0.8)
	}
}

// cardBracket reports whether the words in brackets from token j name a
// card's code: bracketLead words, then "carte" or "cb", with "code" or
// "pin" among them unless cued already.
func (sc *scanner) cardBracket(j int, cued bool) bool {
	for k := 0; k < 8 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k, j = k+1, j+1 {
		switch {
		case sc.punct(j) == '\'':
		case sc.isText(j, "carte", "cb"):
			return cued && !sc.otherCard(j)
		case !sc.foldedIn(j, bracketLead):
			return false
		case sc.isText(j, "code", "pin"):
			cued = true
		}
	}
	return false
}

// otherCards are the cards with no secret code, named after "carte"
// (folded): "carte grise", "carte d'identité", "carte de séjour".
var otherCards = wordSet("grise vitale electorale identite sejour resident mobilite invalidite")

// otherCard reports whether the card word at j names a card with no
// secret code, its kind right after it or after "de".
func (sc *scanner) otherCard(j int) bool {
	n := sc.nextWord(j)
	if n >= 0 && sc.isText(n, "d", "de") {
		n = sc.nextWord(n)
	}
	return n >= 0 && sc.foldedIn(n, otherCards)
}
