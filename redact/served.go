package redact

import "strings"

// A prison term told by its length and the prison: "j'ai fait 18 mois à
// la maison d'arrêt de Brest", "il a passé deux ans au centre
// pénitentiaire". The prison's name alone stays (an institution agents
// need); told with the time the person spent there, it is a sentence
// served (JUSTICE).

// timeServed masks the term served before the prison's protected phrase
// that starts at token i and ends at token j, with the town after it: a
// verb of serving, a number and a unit of time, then "à la", "au" or "en"
// right before the phrase. It reports whether it masked one.
func (sc *scanner) timeServed(i, j int) bool {
	k, prep := i-1, false
	for steps := 0; steps < 3 && k >= 0 && (sc.punct(k) == '\'' || sc.isText(k, "a", "au", "en", "la", "l", "in", "at", "the")); steps++ {
		prep = prep || sc.isText(k, "a", "au", "en", "in", "at")
		k-- // "à la maison d'arrêt", "au centre pénitentiaire", "à l'établissement"
	}
	if !prep || !sc.isText(k, "mois", "ans", "an", "annees", "semaines", "years", "months") {
		return false
	}
	n := k - 1
	if n < 0 || sc.toks[n].kind != kNum && !sc.has(n, wNumWord) {
		return false
	}
	v := n - 1
	if !sc.isText(v, servingVerbs...) {
		return false
	}
	end := j
	if sc.isText(j+1, "de", "d") && j+2 < len(sc.toks) && sc.toks[j+2].kind == kWord && sc.toks[j+2].shape&shCap != 0 {
		end = j + 2 // "… de Brest"
	}
	sc.addToks(v, end, JUSTICE, 0.8)
	return true
}

// servingVerbs tell time spent in prison before its length.
var servingVerbs = []string{"fait", "passe", "purge", "pris", "effectue", "served", "spent", "did"}

// detainedWords are the words of a detention after which "à" and a town
// name the prison (folded): "détenu à Fresnes", "incarcéré à Fresnes",
// "en détention à Fleury-Mérogis".
var detainedWords = wordSet("detenu detenue detenus detenues incarcere incarceree incarceres emprisonne emprisonnee emprisonnes detention")

// prisonWords are the words of prison that make a term "18 mois à" a
// town a term served there (folded): "sort de prison (18 mois à
// Fleury-Mérogis)".
var prisonWords = wordSet("prison prisons taule zonzon detention detenu detenue incarcere incarceree incarceration emprisonne emprisonnee emprisonnement penitentiaire")

// termUnits are the units of a term served (folded).
var termUnits = wordSet("mois ans an annees semaines")

// prisonTowns masks a prison named by its town after a detention's
// word ("détenu à Fresnes", "en détention à Fleury-Mérogis") and a term
// served in a town near a word of prison, told apart by a bracket or a
// verb of serving ("sort de prison (18 mois à Fleury-Mérogis)"), with
// the words before it, as JUSTICE. "à la maison
// d'arrêt de Brest" stays an institution (timeServed reads its term);
// "j'ai vécu 18 mois à Marseille", "détenu au Maroc" stay.
func (sc *scanner) prisonTowns() {
	for i := 0; i+2 < len(sc.toks); i++ {
		if !sc.isText(i+1, "a") || sc.toks[i+1].gap != gapSpace {
			continue
		}
		e := sc.prisonTown(i + 2)
		switch {
		case e < 0:
		case sc.foldedIn(i, detainedWords) && (!sc.foldedIs(i, "detention") || sc.isText(i-1, "en")):
			sc.addToks(i, e, JUSTICE, 0.8)
		case sc.foldedIn(i, termUnits) && sc.servedTerm(i-1) >= 0 && sc.prisonNear(i):
			sc.addToks(sc.servedTerm(i-1), e, JUSTICE, 0.8)
		}
	}
}

// servedTerm returns where the term whose number is at token n starts,
// when a bracket or a verb of serving tells it apart: the number after
// "(" ("(18 mois à"), the verb ("j'ai fait 18 mois à", as timeServed
// reads it); -1 otherwise: "après 2 ans à Fleury" tells when, not where
// the term was served.
func (sc *scanner) servedTerm(n int) int {
	switch {
	case n < 1 || sc.toks[n].kind != kNum && !sc.has(n, wNumWord):
		return -1
	case sc.punct(n-1) == '(':
		return n
	case sc.isText(n-1, servingVerbs...):
		return n - 1
	}
	return -1
}

// prisonTown returns the last token of a town's name at word k, a
// capitalised word or compound that is no country nor institution, or
// -1.
func (sc *scanner) prisonTown(k int) int {
	t := &sc.toks[k]
	if t.kind != kWord || t.gap != gapSpace || t.shape&shCap == 0 || sc.has(k, wCountry|wInstitution|wFunc) ||
		birthCountries[strings.ToLower(sc.text(k))] {
		return -1
	}
	return sc.compoundEnd(k)
}

// prisonNear reports whether a word of prison stands among the 20 tokens
// before token i or the 8 after it.
func (sc *scanner) prisonNear(i int) bool {
	for k := max(0, i-20); k < len(sc.toks) && k <= i+8; k++ {
		if sc.foldedIn(k, prisonWords) {
			return true
		}
	}
	return false
}
