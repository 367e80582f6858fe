package redact

// Medicines named by the writer after a verb of taking and a partitive
// article, or after "sous", that no list holds (black-box round of
// session 22): "je prends du Tahor et du Cordarone", "il prend de la
// Strattera", "sous Previscan". The lexicon's [sante] names the frequent
// ones wherever they stand ("du Doliprane", "de la Ritaline"); this rule
// reads a capitalised word the lexicon does not know, no first name,
// town, country nor organisation's word, in a message that speaks of
// health ([health-word]: "traitement", "ordonnance", a dose's "mg": "du
// Tahor 20 mg"). "je prends du pain", "prendre de la
// distance", "je prends des congés", "sous Windows" stay: a common word,
// a word in lower case, or no word of health in the message.

// takenDrugs masks the medicines named after a verb of taking and a
// partitive ([take-verb]: "je prends du Tahor"), or after "sous", and
// those listed after them with "et" or a comma and a partitive ("… et du
// Cordarone").
func (sc *scanner) takenDrugs() {
	if sc.allBits&wHealthWord == 0 {
		return
	}
	for i := 0; i+1 < len(sc.toks); i++ {
		k := -1
		switch {
		case sc.toks[i].kind != kWord:
			continue
		case sc.has(i, wTakeVerb):
			k = sc.partitiveEnd(i + 1)
		case sc.foldedIs(i, "sous") && sc.toks[i+1].gap == gapSpace && !sc.foldedIn(i+1, notUnderDrug):
			k = i + 1
		}
		if k < 0 || !sc.drugWord(k) {
			continue
		}
		i = sc.drugList(k)
	}
}

// drugList masks the medicine at word k and those listed after it with
// "et" or a comma and a partitive, and returns the last one's token.
func (sc *scanner) drugList(k int) int {
	for n := 0; n < 8; n++ {
		sc.addToks(k, k, SANTE, 0.7)
		l := k + 1
		if !sc.isText(l, "et") && sc.punct(l) != ',' {
			return k
		}
		next := sc.partitiveEnd(l + 1)
		if next < 0 || !sc.drugWord(next) {
			return k
		}
		k = next
	}
	return k
}

// notUnderDrug are the words "sous" puts a person under that are no
// medicine: a legal protection, a contract, a computer's system (the
// final review of session 22: « malade, sous Tutelle »).
var notUnderDrug = wordSet("tutelle curatelle sauvegarde contrat cdd cdi linux windows android ios mac macos")

// partitiveEnd returns the word after the partitive article at token j,
// "du", "de la", "de l'", or -1 ("des" takes plurals, « des Tickets
// restaurant », seldom a medicine the lexicon does not list).
func (sc *scanner) partitiveEnd(j int) int {
	switch {
	case sc.isText(j, "du"):
		return j + 1
	case !sc.isText(j, "de"):
		return -1
	case sc.isText(j+1, "la"):
		return j + 2
	case sc.isText(j+1, "l") && sc.punct(j+2) == '\'':
		return j + 3
	}
	return -1
}

// drugWord reports whether word k may be a medicine's name: capitalised,
// not in capitals, unknown to the lexicon, no first name, town, country
// nor organisation's word, on the line of the word before it.
func (sc *scanner) drugWord(k int) bool {
	if k >= len(sc.toks) {
		return false
	}
	t := &sc.toks[k]
	return t.kind == kWord && t.gap == gapSpace && t.shape&shCap != 0 && t.shape&shUpper == 0 && t.ent == 0 &&
		!sc.isFirstName(k) && !sc.has(k, wTownName|wCountry|wOrgWord) && sc.compoundEnd(k) == k
}
