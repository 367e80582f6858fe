package redact

// Prisons named by their town, which tells a prison term (GDPR article
// 10): "je sors de Fresnes", "il a fait 2 ans à Fleury". The town is
// masked as JUSTICE after "sors de", "sorti de", "sortie de" or a term
// served ("fait", "passé", "pris") and "à"; "j'habite à Fresnes", "la mairie de
// Fresnes" stay.

// prisonTowns are the towns known by their prison (folded).
var prisonTowns = wordSet("fresnes fleury baumettes")

// releasedWords say the writer or a relative left a place (folded).
var releasedWords = wordSet("sors sort sorti sortie sortis sorties")

// servedWords are the verbs of a term served (folded): "il a fait 2 ans
// à Fleury"; "j'ai vécu 3 ans à Fresnes" stays.
var servedWords = wordSet("fait faits passe pris tire purge")

// termUnits count a prison term (folded).
var termUnits = wordSet("ans an mois")

// prisonTownsNamed masks the towns of prisonTowns after "sorti de" or a
// term and "à", with the rest of a hyphenated name ("Fleury-Mérogis").
func (sc *scanner) prisonTownsNamed() {
	for i := 2; i < len(sc.toks); i++ {
		if !sc.foldedIn(i, prisonTowns) || sc.toks[i].gap != gapSpace {
			continue
		}
		p := i - 1
		released := sc.isText(p, "de") && sc.foldedIn(i-2, releasedWords)
		term := sc.isText(p, "a") && sc.foldedIn(i-2, termUnits) && i >= 4 && sc.toks[i-3].kind == kNum && sc.foldedIn(i-4, servedWords)
		e := sc.compoundEnd(i)
		if e != i && !(e == i+2 && sc.foldedIs(e, "merogis")) {
			continue // "Fresnes-sur-Marne", another town
		}
		if released || term {
			sc.addToks(i, e, JUSTICE, 0.75)
		}
	}
}
