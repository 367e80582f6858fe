package redact

// Towns named like a person: "je travaille à Nancy", "je vis à Florence
// (Italie)", "muté à Charlotte (États-Unis)". A first name alone after
// "à", "au" or "en" is a town when the lexicon lists it as one
// ([town-name]) or when brackets after it hold a department's number, a
// postcode or a country; without the preposition, when brackets after it
// hold a postcode or a country. A town alone is not personal: it stays. With a
// birth's cue ("né à Lourdes") births() reads it as NAISSANCE first.

// tellingVerbs are the verbs after which "à" and a first name name the
// person told, not a town: "j'ai écrit à Florence", "parlé à Nancy"
// (folded).
var tellingVerbs = wordSet("parle parler parlee ecrit ecrire ecris dit dire dis demande demander demandee envoye envoyer " +
	"repondu repondre telephone telephoner explique expliquer donne donner confie confier montre montrer transmis " +
	"transmettre annonce annoncer signale signaler rappele rappeler redige adresse adresser")

// townAfterPrep reports whether the first name alone at word i is a town
// after "à", "au" or "en": one of [town-name] that no verb of telling
// precedes, or any first name that brackets with a place follow
// (townBracket); without the preposition, only brackets with a postcode
// or a country (placeBracket: "Florence (Italie)"; "Marie (35)" may
// give her age).
func (sc *scanner) townAfterPrep(i int) bool {
	p := sc.wordBefore(i)
	if p < 0 || sc.toks[i].gap != gapSpace || !sc.isText(p, "a", "au", "en") {
		return sc.placeBracket(i + 1) // "Florence (Italie)"
	}
	if sc.townBracket(i + 1) {
		return true
	}
	if !sc.has(i, wTownName) {
		return false
	}
	v := sc.wordBefore(p)
	return v < 0 || !sc.foldedIn(v, tellingVerbs)
}

// townBracket reports whether the brackets that open at token k hold a
// department's number, a postcode or a country, alone: "(54)", "(2A)",
// "(54000)", "(Italie)".
func (sc *scanner) townBracket(k int) bool {
	if k+2 >= len(sc.toks) || sc.punct(k) != '(' || sc.punct(k+2) != ')' || sc.toks[k+1].gap >= gapLine {
		return false
	}
	t := &sc.toks[k+1]
	switch t.kind {
	case kNum:
		n := t.end - t.start
		return n == 2 || n == 3 || n == 5
	case kAlnum:
		return sc.text(k+1) == "2A" || sc.text(k+1) == "2B"
	}
	return sc.isCountry(k + 1)
}

// placeBracket reports whether the brackets that open at token k hold a
// postcode or a country, alone: "(54000)", "(Italie)".
func (sc *scanner) placeBracket(k int) bool {
	if !sc.townBracket(k) {
		return false
	}
	t := &sc.toks[k+1]
	return t.kind == kWord || t.kind == kNum && t.end-t.start == 5
}
