package redact

import "github.com/plume-sp/plume/fold"

// houseSuffix are the words after a house number: "12 bis", "3 ter", "5 B".
var houseSuffix = map[string]bool{"bis": true, "ter": true, "quater": true, "a": true, "b": true, "c": true, "d": true}

// addrPart is one part of an address, tokens first to last.
type addrPart struct {
	first, last int
	conf        float64
}

// addresses finds postal addresses: numbered streets, streets after an
// address cue, building complements, postal codes with their city. Parts
// next to each other become one address.
func (sc *scanner) addresses() {
	n := len(sc.toks)
	lastPart := -2 // last token of the previous address part
	for i := 0; i < n; i++ {
		t := sc.toks[i]
		first, last, conf := i, -1, 0.0
		switch {
		case t.kind == kNum && t.end-t.start == 5:
			last, conf = sc.postalCity(i, lastPart)
		case (t.kind == kNum && t.end-t.start <= 4) || sc.houseNumber(i):
			last, conf = sc.numberedStreet(i), 0.9
			if last < 0 && t.kind == kNum && t.end-t.start == 4 {
				last, conf = sc.postalCity(i, lastPart) // Belgium, Switzerland
			}
		case t.kind == kAlnum && t.end-t.start <= 5:
			last, conf = sc.ordinalFloor(i), 0.6
		case t.kind == kWord && sc.has(i, wStreet|wAddrComp):
			if sc.has(i, wStreet) {
				last, conf = sc.bareStreet(i)
			}
			if last < 0 && sc.has(i, wAddrComp) {
				first, last, conf = sc.addrComp(i)
			}
		}
		if last >= 0 {
			sc.addrs = append(sc.addrs, addrPart{first: first, last: last, conf: conf})
			lastPart = last
			i = last
		}
	}
}

// houseNumber reports whether token i is a house number with its suffix
// written together: "12bis", "3B".
func (sc *scanner) houseNumber(i int) bool {
	t := sc.toks[i]
	if t.kind != kAlnum || t.end-t.start > 10 {
		return false
	}
	s := sc.text(i)
	k := 0
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k == 0 || k > 4 {
		return false
	}
	var buf [8]byte
	return houseSuffix[string(fold.Append(buf[:0], s[k:]))]
}

// numberedStreet reads "12 bis, rue de la Paix à Lyon" from the number at i
// and returns its last token, or -1.
func (sc *scanner) numberedStreet(i int) int {
	n := len(sc.toks)
	j := i + 1
	if j+1 < n && sc.punct(j) == '-' && sc.attached(j) && sc.attached(j+1) && sc.toks[j+1].kind == kNum {
		j += 2 // 12-14
	}
	if j < n && sc.toks[j].kind == kWord && sc.toks[j].gap <= gapBlank && sc.toks[j].end-sc.toks[j].start <= 6 {
		var buf [8]byte
		if houseSuffix[string(fold.Append(buf[:0], sc.text(j)))] && j+1 < n && sc.has(j+1, wStreet) {
			j++
		}
	}
	if j < n && sc.punct(j) == ',' {
		j++
	}
	if j >= n || !sc.has(j, wStreet) || sc.toks[j].gap >= gapLine {
		return -1
	}
	k := j + 1
	if k < n && sc.punct(k) == '.' && sc.attached(k) {
		k++
	}
	last := sc.streetName(k)
	if last < 0 {
		return -1
	}
	return sc.addrTail(last)
}

// ordinalFloor reads "3e étage", "2ème étage" from the ordinal at i.
func (sc *scanner) ordinalFloor(i int) int {
	if sc.toks[i].kind != kAlnum || i+1 >= len(sc.toks) || !sc.isText(i+1, "etage") {
		return -1
	}
	return i + 1
}

// bareStreet reads a street without a number: "rue Victor Hugo", or any
// street after an address cue ("j'habite place de la Mairie").
func (sc *scanner) bareStreet(i int) (int, float64) {
	if sc.isText(i, "mail") && (i+1 >= len(sc.toks) || sc.toks[i+1].shape&shCap == 0) {
		return -1, 0 // "mail jean@…": the e-mail, not a street
	}
	cue := sc.cueBefore(i, 4)&cAddrCue != 0
	k := i + 1
	if k < len(sc.toks) && sc.punct(k) == '.' && sc.attached(k) {
		k++
	}
	if !cue {
		if !sc.has(i, wStreetBare) || sc.caseless {
			return -1, 0
		}
		// The name must start with a capital: "rue Victor Hugo", "rue de la Paix".
		m := k
		for m < len(sc.toks) && sc.toks[m].kind == kWord && sc.has(m, wStreetLink) && m < k+3 {
			m++
			if m < len(sc.toks) && sc.punct(m) == '\'' {
				m++
			}
		}
		if m >= len(sc.toks) || sc.toks[m].kind != kWord || sc.toks[m].shape&shCap == 0 {
			return -1, 0
		}
	}
	last := sc.streetName(k)
	if last < 0 {
		return -1, 0
	}
	// "Derb Sidi Bouamar n° 27": the number after the name, with its sign
	if m := last + 1; m+2 < len(sc.toks) && sc.isText(m, "n", "no") && (sc.punct(m+1) == '°' || sc.punct(m+1) == 'º') &&
		sc.attached(m+1) && sc.toks[m+2].kind == kNum && sc.toks[m+2].end-sc.toks[m+2].start <= 4 && sc.toks[m+2].gap <= gapSpace {
		last = m + 1
	}
	// "Rue de la Station 14": the number after the name
	if m := last + 1; m < len(sc.toks) && sc.toks[m].kind == kNum && sc.toks[m].end-sc.toks[m].start <= 4 && sc.toks[m].gap <= gapSpace {
		if m+2 < len(sc.toks) && sc.punct(m+1) == '/' && sc.attached(m+1) && sc.attached(m+2) && sc.toks[m+2].kind == kNum {
			m += 2 // ul. Marszałkowska 12/4
		}
		if m+1 >= len(sc.toks) || sc.toks[m+1].gap >= gapLine || sc.punct(m+1) == ',' {
			last = m
		}
	}
	if cue {
		return sc.addrTail(last), 0.8
	}
	// A street alone may be a place rather than someone's address ("feu
	// rouge avenue Jean Médecin"): it counts only next to another part.
	return sc.addrTail(last), 0.45
}

// streetName reads the name of a street from token k and returns its last
// token, or -1.
func (sc *scanner) streetName(k int) int {
	n := len(sc.toks)
	words, last := 0, -1
	for m := k; m < n && words < 6; m++ {
		t := sc.toks[m]
		if t.gap >= gapLine {
			break
		}
		switch t.kind {
		case kWord:
			if lex.entries[t.ent].bits&wStreetLink != 0 {
				if t.ent == entEt && (m+1 >= n || sc.toks[m+1].shape&shCap == 0 || sc.caseless) {
					return last
				}
				continue
			}
			if sc.has(m, wFunc|wAddrComp|wStreet|wCurrency|wLegal|wPossessive) && !(sc.isFirstName(m) && sc.toks[m].shape&shCap != 0) {
				return last
			}
			if sc.has(m, wMonth) && words == 0 {
				return last
			}
			last = m
			words++
		case kNum:
			// rue du 8 Mai 1945
			if m+1 < n && sc.has(m+1, wMonth) && t.end-t.start <= 2 {
				last = m + 1
				m++
				if m+1 < n && sc.toks[m+1].kind == kNum && sc.toks[m+1].end-sc.toks[m+1].start == 4 {
					m++
					last = m
				}
				words++
				continue
			}
			return last
		case kPunct:
			p := sc.punct(m)
			if (p == '-' || p == '\'') && t.gap == gapNone && m+1 < n && sc.attached(m+1) {
				continue
			}
			if p == '.' && t.gap == gapNone && last == m-1 && sc.toks[last].end-sc.toks[last].start <= 3 {
				continue // "St." "Gal."
			}
			return last
		default:
			return last
		}
	}
	return last
}

// addrTail extends a street over "à Lyon" / "a lyon".
func (sc *scanner) addrTail(last int) int {
	k := last + 1
	if k >= len(sc.toks) || sc.toks[k].ent != entA || sc.toks[k].gap >= gapLine {
		return last
	}
	if c := sc.cityName(k + 1); c >= 0 {
		return c
	}
	return last
}

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
	dep, _ := atoi(s[:2])
	if dep < 1 || dep > 98 || dep == 96 {
		return -1, 0
	}
	// not a group of a longer number
	if i > 0 && sc.toks[i].gap <= gapSpace && sc.toks[i-1].kind == kNum {
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
		return i, 0.8
	}
	return -1, 0
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
		if words > 0 && lex.entries[t.ent].bits&wStreetLink != 0 && t.ent != entEt {
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
		last = m
		words++
		m++
		// compounds: Issy-les-Moulineaux, Villeneuve-d'Ascq, Pointe-à-Pitre
		for parts := 1; parts < maxCompound && m+1 < n && (sc.punct(m) == '-' || sc.punct(m) == '\'') && sc.attached(m) && sc.attached(m+1) && sc.toks[m+1].kind == kWord; parts++ {
			last = m + 1
			m += 2
		}
	}
	return sc.cedex(last)
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

// addrComp reads a building complement: "bâtiment B", "appartement 12",
// "BP 123", "résidence Les Tilleuls", "lieu-dit La Motte", "centre
// d'hébergement Le Relais". It returns the first and last tokens.
func (sc *scanner) addrComp(i int) (int, int, float64) {
	n := len(sc.toks)
	e := sc.toks[i].ent
	first := i
	k := i + 1
	if k < n && sc.punct(k) == '.' && sc.attached(k) {
		k++
	}
	if sc.isText(i, "lieu") {
		if k+1 < n && sc.punct(k) == '-' && sc.isText(k+1, "dit") {
			k += 2
		} else if k < n && sc.isText(k, "dit") {
			k++
		} else {
			return i, -1, 0
		}
		e = lex.words["lieudit"]
	}
	if sc.isText(i, "hebergement") {
		// centre d'hébergement, foyer d'hébergement
		if i < 3 || sc.punct(i-1) != '\'' || !sc.isText(i-2, "d") || sc.toks[i-3].kind != kWord {
			return i, -1, 0
		}
		first = i - 3
	}
	if k >= n || sc.toks[k].gap >= gapLine {
		return i, -1, 0
	}
	if lex.entries[e].bits&wAddrUnit != 0 {
		m := k
		if sc.isText(m, "n", "no", "numero") {
			m++
			if m < n && (sc.punct(m) == '°' || sc.punct(m) == 'º' || sc.punct(m) == '.') {
				m++
			}
		}
		if m < n && sc.toks[m].gap < gapLine {
			t := sc.toks[m]
			l := t.end - t.start
			conf := 0.6
			if sc.isText(i, "chambre", "studio", "logement", "porte", "entree", "hall") {
				conf = 0.45 // common words: only next to another part
			}
			switch {
			case t.kind == kNum && l <= 5:
				return first, m, conf
			case (t.kind == kAlnum && l <= 4) || (t.kind == kWord && l == 1 && t.shape&shCap != 0):
				return first, m, conf
			}
		}
	}
	if lex.entries[e].bits&wAddrNamed != 0 {
		if sc.caseless && sc.cueBefore(i, 4)&cAddrCue == 0 {
			return i, -1, 0
		}
		if last := sc.placeName(k); last >= 0 {
			return first, last, 0.7
		}
		// "Résidence internationale": only next to another part
		if sc.toks[first].shape&shCap != 0 && sc.toks[k].kind == kWord && sc.bits(k)&(wFunc|wStop) == 0 {
			return first, k, 0.4
		}
	}
	return i, -1, 0
}

// mergeAddresses joins address parts separated only by blanks, commas or
// dashes into one ADRESSE, widens it over a place name written before it
// and a country after it, and adds it to the candidates. Weak parts (a
// street without a number) count only when joined to another part.
func (sc *scanner) mergeAddresses() {
	if len(sc.addrs) == 0 {
		return
	}
	cur, parts := sc.addrs[0], 1
	flush := func() {
		if cur.conf < 0.5 && parts == 1 {
			return
		}
		first, last := sc.placeBeforeAddress(cur.first), sc.countryAfter(cur.last)
		sc.addToks(first, last, ADRESSE, max(cur.conf, 0.5))
	}
	for _, a := range sc.addrs[1:] {
		if a.first > cur.last && addrGlue(sc.s[sc.toks[cur.last].end:sc.toks[a.first].start]) {
			cur.last = a.last
			cur.conf = max(cur.conf, a.conf)
			parts++
			continue
		}
		flush()
		cur, parts = a, 1
	}
	flush()
}

// placeBeforeAddress widens an address that starts at token f over a place
// name written before it on the same line: "La Grange Neuve, 18200 …",
// "Les Hauts de Saint-Pierre, bât. 2, …". The name must start its line or
// follow a colon or an address cue.
func (sc *scanner) placeBeforeAddress(f int) int {
	if f < 2 || sc.punct(f-1) != ',' || sc.toks[f].gap >= gapLine {
		return f
	}
	start, words := -1, 0
	for k := f - 2; k >= 0 && k >= f-8; k-- {
		t := sc.toks[k]
		switch {
		case t.kind == kWord && (t.shape&shCap != 0 || lex.entries[t.ent].bits&wStreetLink != 0) && sc.bits(k)&(wFunc|wCivility|wPossessive) == 0:
			words++
		case t.kind == kWord && lex.entries[t.ent].bits&wStreetLink != 0:
		case t.kind == kPunct && (sc.punct(k) == '-' || sc.punct(k) == '\'') && t.gap == gapNone:
		case t.kind == kWord && (t.shape&shCap != 0) && (t.ent == entLe || t.ent == entLa || t.ent == entLes):
			words++
		default:
			return f
		}
		if t.gap >= gapLine || (k > 0 && (sc.punct(k-1) == ':' || sc.toks[k-1].cue&cAddrCue != 0)) {
			start = k
			break
		}
	}
	if start < 0 || words == 0 || sc.toks[start].shape&shCap == 0 || sc.caseless {
		return f
	}
	for k := start; k < f; k++ {
		if sc.isFirstName(k) && !(k >= 2 && sc.punct(k-1) == '-' && (sc.toks[k-2].ent == entSaint || sc.toks[k-2].ent == entSainte)) {
			return f // a person's name before the address: "Thierry Bousquet, 12 allée…"
		}
	}
	return start
}

// countryAfter widens an address that ends at token l over ", Belgique".
func (sc *scanner) countryAfter(l int) int {
	if l+2 < len(sc.toks) && sc.punct(l+1) == ',' && sc.has(l+2, wCountry) && sc.toks[l+2].gap < gapLine {
		return l + 2
	}
	return l
}

// addrGlue reports whether gap can separate two parts of one address.
func addrGlue(gap string) bool {
	if len(gap) > 12 {
		return false
	}
	lines := 0
	for _, r := range gap {
		switch r {
		case '\n':
			lines++
		case ' ', '\t', '\r', ',', '-', '–', '/', '\u00a0', '\u202f', ';':
		default:
			return false
		}
	}
	return lines <= 1
}
