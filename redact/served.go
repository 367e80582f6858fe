package redact

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
