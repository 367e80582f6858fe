package redact

import "strings"

// What stands around a town of birth: the brackets, districts and states
// written beside it, and the asides between the date and the town.

// birthPunctStep reads punctuation token j after the birth cue c, as
// birthPlaceStep does: it returns the token to read next, or the last
// token of a town of birth it masked, or -1 for both.
func (sc *scanner) birthPunctStep(c *birthCue, j int) (next, end int) {
	switch sc.punct(j) {
	case ',':
		if j == c.dated && sc.isText(c.verb, "born") { // "born 3rd of march 2004, Munich."
			if end := sc.cityName(j + 1); end == j+1 && !sc.isFirstName(j+1) && sc.clauseEndsAt(end+1, lowerSurnameStops) {
				return -1, sc.addTown(j+1, end)
			}
		}
		return j + 1, -1
	case '(':
		if j == c.dated { // "née le 1er janvier 1996 (c'est juste la date sur mes papiers) a Kaolack"
			if k := sc.asideEnd(j); k > j {
				return k + 1, -1
			}
		}
		return j + 1, -1
	case ':', ')', '-', '=':
		return j + 1, -1
	case '.':
		if j == c.i+1 && c.direct && sc.attached(j) { // "lieu naiss. Dakar": an abbreviation's dot
			return j + 1, -1
		}
	}
	return -1, -1
}

// placeFieldAfter masks the town of a form's "Lieu :" field written on
// the line after a date of birth that ends at token end, or right after
// it on its line: "Date de naissance : 12-12-1975 / Lieu : Tlemcen
// (Algérie)", "Date de naissance : 08.11.1927. Lieu : Potenza.".
func (sc *scanner) placeFieldAfter(end int) {
	k := end + 1
	if p := sc.punct(k); (p == '.' || p == ',' || p == ';' || p == '/' || p == '–' || p == '-') && sc.isText(k+1, "lieu") && sc.toks[k+1].gap < gapLine {
		k++ // "Date de naissance : 08.11.1927. Lieu : Potenza."
	} else {
		for n := 0; k < len(sc.toks) && sc.toks[k].gap < gapLine && n < 8; n++ {
			k++
		}
		if k < len(sc.toks) && sc.toks[k].gap != gapLine {
			return
		}
	}
	if k+2 >= len(sc.toks) || !sc.isText(k, "lieu") || sc.punct(k+1) != ':' {
		return
	}
	if e := sc.townAt(k + 2); e >= 0 {
		sc.addTown(k+2, e)
	}
}

// asideEnd returns the closing bracket of the aside that opens at token j
// on its line, or -1 when there is none within 16 tokens or the aside holds
// a preposition that may introduce the town itself.
func (sc *scanner) asideEnd(j int) int {
	for k := j + 1; k < len(sc.toks) && k <= j+16; k++ {
		if sc.toks[k].gap >= gapLine || sc.isText(k, "a", "in", "en", "em", "au") || sc.punct(k) == '(' {
			return -1
		}
		if sc.punct(k) == ')' {
			return k
		}
	}
	return -1
}

// addTown masks the town of birth from token j to end with what the
// writer set beside it (townTail) and returns its last token.
func (sc *scanner) addTown(j, end int) int {
	end = sc.townTail(end)
	sc.addToks(j, end, NAISSANCE, 0.8)
	return end
}

// townTail extends the town of birth ending at token end over what is
// written beside it: its country, department or former name in brackets
// ("Iași (Roumanie)", "AMIENS (80)", "Hô-Chi-Minh-Ville (Saigon à
// l'époque)"), its district ("Marseille 5e"), after a comma the state
// that ends the clause ("Columbus, Ohio.") or a country ("Enugu,
// Nigeria"), and a country after "au" or "en" ("Dakar au Sénégal").
func (sc *scanner) townTail(end int) int {
	k := end + 1
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine {
		return end
	}
	switch {
	case sc.punct(k) == '(':
		if c := sc.bracketEnd(k); c > k {
			return c
		}
	case sc.toks[k].kind == kAlnum && district(sc.text(k)):
		return k
	case sc.punct(k) == ',' && (sc.isState(k+1) || sc.isCountry(k+1)):
		return k + 1
	case sc.isText(k, "au", "en") && sc.isCountry(k+1):
		return k + 1 // "Dakar au Sénégal"
	}
	return end
}

// isCountry reports whether token k is the capitalized name of a country,
// which after a town of birth goes with it: "Arequipa, Perú", "Enugu,
// Nigeria", "Dakar au Sénégal".
func (sc *scanner) isCountry(k int) bool {
	return k < len(sc.toks) && sc.toks[k].kind == kWord && sc.toks[k].shape&shCap != 0 &&
		(sc.has(k, wCountry) || birthCountries[strings.ToLower(sc.text(k))])
}

// bracketEnd returns the closing bracket of the brackets that open at token
// k after a town, when they hold a department number or a capitalized name
// on the same line within 6 tokens; -1 otherwise.
func (sc *scanner) bracketEnd(k int) int {
	first := k + 1
	if first >= len(sc.toks) {
		return -1
	}
	t := &sc.toks[first]
	dept := t.kind == kNum && t.end-t.start <= 3 || t.kind == kAlnum && (sc.text(first) == "2A" || sc.text(first) == "2B")
	if !dept && (t.kind != kWord || t.shape&(shCap|shUpper) == 0) {
		return -1
	}
	for c := first + 1; c < len(sc.toks) && c <= k+7; c++ {
		if sc.toks[c].gap >= gapLine || sc.punct(c) == '(' {
			return -1
		}
		if sc.punct(c) == ')' {
			return c
		}
	}
	return -1
}

// isState reports whether word k, after a town and a comma, is the name of
// its state or province that ends the clause: "Columbus, Ohio."; a country
// stays, as it does alone.
func (sc *scanner) isState(k int) bool {
	if k >= len(sc.toks) || sc.toks[k].kind != kWord || sc.toks[k].shape&shCap == 0 || sc.toks[k].ent != 0 ||
		sc.has(k, wCountry) || birthCountries[strings.ToLower(sc.text(k))] || sc.isFirstName(k) {
		return false
	}
	next := sc.punct(k + 1)
	return k+1 >= len(sc.toks) || next == '.' || next == ';' || next == ')'
}

// district reports whether s is an arrondissement written after its town:
// "5e", "14ème", "1er".
func district(s string) bool {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	switch strings.ToLower(s[n:]) {
	case "e", "eme", "ème", "er":
		return true
	}
	return false
}

// auTowns are the towns whose name starts with "Le", after which "né au"
// introduces a town rather than a country: "né au Havre", "au
// Puy-en-Velay".
var auTowns = wordSet("havre mans puy creusot raincy bourget vésinet vesinet pecq cannet touquet lamentin")

// townJoins are the words that join the words of a town's name written
// apart: "Pointe à Pitre", "aix en provence", "saint-denis de la réunion",
// "Villeneuve sur Lot" (folded; "a" only accented, townJoined).
var townJoins = wordSet("a à de du des en sur sous les lès lez aux")

// townArticles may follow a join: "de la réunion", "sur l'ognon".
var townArticles = wordSet("la le l les")

// maxTownJoins bounds the joins read after a town's first word.
const maxTownJoins = 3

// townJoined extends the town of birth ending at token end over the words
// a join adds to its name ("Pointe à Pitre", "puy en velay",
// "saint-denis de la réunion"), at most maxTownJoins, and returns its
// last token. A joined word is capitalised in a text with case when the
// town was, and a word the lexicon does not know otherwise; no month,
// country or first name ("née à Lyon en Mai", "né à Paris à Noël" hold
// no such town).
func (sc *scanner) townJoined(end int, capital bool) int {
	for n := 0; n < maxTownJoins; n++ {
		k := end + 1
		if k+1 >= len(sc.toks) || sc.toks[k].gap != gapSpace || sc.toks[k].kind != kWord || !sc.foldedIn(k, townJoins) ||
			sc.isText(k, "a") && sc.toks[k].shape&shASCII != 0 { // "a grandi a Lyon": the verb
			return end
		}
		w := k + 1
		if sc.foldedIn(w, townArticles) && w+1 < len(sc.toks) && (sc.toks[w+1].gap == gapSpace || sc.punct(w+1) == '\'' && sc.attached(w+1)) {
			w++
			if sc.punct(w) == '\'' {
				w++
			}
		}
		if w >= len(sc.toks) || !sc.joinedTownWord(w, capital) {
			return end
		}
		end = sc.compoundEnd(w)
	}
	return end
}

// joinedTownWord reports whether word w may go on a town's name after a
// join: capitalised when capital is set, else a word in lower case that
// the lexicon does not know; never a month, a country or a first name.
func (sc *scanner) joinedTownWord(w int, capital bool) bool {
	t := &sc.toks[w]
	if t.kind != kWord || t.gap >= gapLine || sc.has(w, wMonth|wCountry|wFunc|wCivility) || sc.isFirstName(w) {
		return false
	}
	if capital {
		return t.shape&shCap != 0 && !sc.caseless
	}
	return (sc.caseless || t.shape&shLower != 0) && sc.unknownTownWord(w)
}

// joinedTown reports whether the word at j, which the lexicon knows,
// starts a town's name in lower case all the same: a join inside its
// compound ("pointe-à-pitre") or after it, then a word the lexicon does
// not know ("pointe à pitre"). No function or common word starts one.
func (sc *scanner) joinedTown(j int) bool {
	if !sc.placeWord(j) || sc.has(j, wFunc|wStop) || notTown[strings.ToLower(sc.text(j))] {
		return false
	}
	end := sc.compoundEnd(j)
	for k := j + 2; k < end; k += 2 {
		if sc.foldedIn(k, townJoins) {
			return true
		}
	}
	return sc.townJoined(end, false) > end
}

// capitalAt reports whether token k is a capitalised word.
func (sc *scanner) capitalAt(k int) bool {
	return k < len(sc.toks) && sc.toks[k].kind == kWord && sc.toks[k].shape&shCap != 0
}

// elidedBirths masks the towns of birth of the relatives listed after
// the town ending at token end without the verb again: "ma mère est née
// à Lyon, et mon père à Villeneuve Saint Georges en 1950". Each is "et",
// a possessive and a relative, "à" and a town that ends its clause or
// comes before a year, a date or another "et"; "et mon père à Paris
// depuis 2010" and "et mon père à Décathlon", a firm's (wOrgWord), stay.
// It returns the last token read.
func (sc *scanner) elidedBirths(end int) int {
	for n := 0; n < 4; n++ {
		k := end + 1
		if sc.punct(k) == ',' {
			k++
		}
		if !sc.isText(k, "et") || !sc.has(k+1, wPossessive) || !sc.has(k+2, wRelative) || !sc.isText(k+3, "a") {
			return end
		}
		town := sc.townAt(k + 4)
		if town < 0 || sc.has(k+4, wOrgWord) || sc.toks[k].gap >= gapLine {
			return end
		}
		if t := sc.townTail(town); !sc.clauseEndsAt(t+1, stopMarksOnly) && !sc.yearAfter(t+1) && !sc.isText(t+1, "le", "et") {
			return end
		}
		end = sc.addTown(k+4, town)
	}
	return end
}
