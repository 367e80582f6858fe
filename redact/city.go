package redact

// Postal codes, cities and the names of places.

// postalCity reads "69003 Lyon", "75015 PARIS CEDEX 15" from the postal code
// at i. A postal code without a city counts only right after another address
// part (lastPart).
func (sc *scanner) postalCity(i, lastPart int) (int, float64) {
	s := sc.text(i)
	if len(s) == 4 {
		// a 4-digit code (Belgium, Switzerland) only right after a street
		prev := i - 1
		for prev >= 0 && sc.punct(prev) == ',' {
			prev--
		}
		if prev < 0 || prev != lastPart {
			return -1, 0
		}
	}
	if dep, _ := atoi(s[:2]); (dep < 1 || dep > 98 || dep == 96) && !sc.afterPart(i, lastPart) {
		return -1, 0 // not French: only right after a street ("Via Roma 12, 00184 Roma")
	}
	// not a group of a longer number, unless that number ends an address
	// part ("app 34 93200 Saint-Denis", "Calle Mayor 5 28013 Madrid")
	if i > 0 && sc.toks[i].gap <= gapSpace && sc.toks[i-1].kind == kNum && i-1 != lastPart {
		return -1, 0
	}
	if i+1 < len(sc.toks) && sc.toks[i+1].gap <= gapSpace && sc.toks[i+1].kind == kNum {
		return -1, 0
	}
	if c := sc.cityName(i + 1); c >= 0 {
		if sc.caseless {
			return c, 0.7
		}
		return c, 0.8
	}
	prev := i - 1
	for prev >= 0 && (sc.punct(prev) == ',' || sc.punct(prev) == '-') {
		prev--
	}
	if prev >= 0 && prev == lastPart {
		if c := sc.lowerCity(i + 1); c >= 0 {
			return c, 0.8 // "4 allée Jean Moulin 69100 villeurbanne"
		}
		return i, 0.8
	}
	return -1, 0
}

// lowerCity reads a city written in lower case in a message that is not,
// one word or one compound ("villeurbanne", "saint-denis") from token j,
// or -1: only after a street and its postal code, where a word of the
// lexicon ("merci", "depuis") is no city.
func (sc *scanner) lowerCity(j int) int {
	if j >= len(sc.toks) || sc.toks[j].kind != kWord || sc.toks[j].gap > gapBlank || sc.toks[j].gap >= gapLine ||
		sc.toks[j].shape&shCap != 0 || sc.toks[j].end-sc.toks[j].start < 3 || sc.toks[j].ent != 0 {
		return -1
	}
	return sc.compoundEnd(j)
}

// afterPart reports whether token i follows the address part that ends at
// lastPart, with only commas between.
func (sc *scanner) afterPart(i, lastPart int) bool {
	prev := i - 1
	for prev >= 0 && sc.punct(prev) == ',' {
		prev--
	}
	return prev >= 0 && prev == lastPart
}

// postalCode reports whether token i is a French postal code.
func (sc *scanner) postalCode(i int) bool {
	t := &sc.toks[i]
	if t.kind != kNum || t.end-t.start != 5 {
		return false
	}
	dep, _ := atoi(sc.text(i)[:2])
	return dep >= 1 && dep <= 98 && dep != 96
}

// cityName reads a city name from token j ("Lyon", "Le Mans",
// "Saint-Germain-en-Laye", "Pointe-à-Pitre", "PARIS CEDEX 15") and returns
// its last token, or -1.
func (sc *scanner) cityName(j int) int { return sc.placeWords(j, false) }

// placeWords reads the capitalized words of a city or place name from
// token j; street words count only when street is set ("Le Clos Fleuri").
func (sc *scanner) placeWords(j int, street bool) int {
	n := len(sc.toks)
	if j >= n || sc.toks[j].gap >= gapLine || sc.toks[j].gap > gapBlank {
		return -1
	}
	m := j
	// a leading article: "Le Mans", "La Rochelle", "L'Haÿ-les-Roses"
	if e := sc.toks[m].ent; sc.toks[m].kind == kWord && (e == entLe || e == entLa || e == entLes || e == entL) &&
		(sc.toks[m].shape&shCap != 0 || sc.caseless) {
		k := m + 1
		if k < n && sc.punct(k) == '\'' && sc.attached(k) {
			k++
		}
		if k < n && sc.toks[k].kind == kWord && sc.toks[k].gap <= gapSpace && (sc.toks[k].shape&shCap != 0 || sc.caseless) {
			m = k
		}
	}
	words, last := 0, -1
	for m < n && words < 4 {
		t := sc.toks[m]
		if t.kind != kWord || (m > j && t.gap >= gapLine) {
			break
		}
		if words > 0 && lex.bits[t.ent]&wStreetLink != 0 && t.ent != entEt {
			m++
			continue
		}
		if sc.has(m, wFunc|wCivility|wCurrency|wMonth|wLegal|wPossessive|wCountry) || (!street && sc.has(m, wAddrComp|wStreet)) {
			break
		}
		if sc.caseless {
			if sc.has(m, wStop) && !sc.has(m, wInstitution) {
				break
			}
		} else if t.shape&shCap == 0 {
			break
		}
		last = sc.compoundEnd(m)
		words++
		m = last + 1
	}
	return sc.cedex(last)
}

// compoundEnd returns the last token of the hyphenated or elided compound
// whose first word is token k: Issy-les-Moulineaux, Villeneuve-d'Ascq,
// Pointe-à-Pitre; k itself when there is none.
func (sc *scanner) compoundEnd(k int) int {
	n := len(sc.toks)
	for parts := 1; parts < maxCompound && k+2 < n && (sc.punct(k+1) == '-' || sc.punct(k+1) == '\'') && sc.attached(k+1) && sc.attached(k+2) && sc.toks[k+2].kind == kWord; parts++ {
		k += 2
	}
	return k
}

// placeName reads the name of a residence, a lieu-dit or a building from
// token k ("Les Tilleuls", "des Mûriers", "Adoma"), or -1.
func (sc *scanner) placeName(k int) int {
	m := k
	for count := 0; count < 2 && m < len(sc.toks) && sc.toks[m].kind == kWord && (sc.has(m, wStreetLink) || sc.has(m, wParticle)); count++ {
		m++
		if m < len(sc.toks) && sc.punct(m) == '\'' && sc.attached(m) {
			m++
		}
	}
	if m >= len(sc.toks) || sc.toks[m].kind != kWord || sc.toks[m].gap >= gapLine || (!sc.caseless && sc.toks[m].shape&shCap == 0) {
		return -1
	}
	return sc.placeWords(m, true)
}

// cedex extends a city over "Cedex 15".
func (sc *scanner) cedex(last int) int {
	if last < 0 {
		return last
	}
	k := last + 1
	if k < len(sc.toks) && sc.toks[k].gap < gapLine && sc.isText(k, "cedex") {
		last = k
		if k+1 < len(sc.toks) && sc.toks[k+1].kind == kNum && sc.toks[k+1].gap <= gapSpace && sc.toks[k+1].end-sc.toks[k+1].start <= 2 {
			last = k + 1
		}
	}
	return last
}

// postalCodeCue reports whether the postal code at token i follows the
// words that name it ("code postal 75015 Paris", "CP : 69003 Lyon",
// "zip code 75015"), no address cue before them: the writer gives a
// postal code and its town, which tell a town as "à Paris" does, not an
// address.
func (sc *scanner) postalCodeCue(i int) bool {
	k := i - 1
	if sc.punct(k) == ':' {
		k--
	}
	if k < 0 || sc.toks[k].kind != kWord || sc.toks[k+1].gap >= gapLine {
		return false
	}
	w, before := sc.folded(k), ""
	if p := sc.wordBefore(k); p >= 0 {
		before = sc.folded(p)
	}
	cued := w == "cp" || (w == "postal" || w == "postale") && before == "code" || w == "code" && (before == "postal" || before == "zip")
	return cued && sc.cueBefore(k, 6)&cAddrCue == 0
}
