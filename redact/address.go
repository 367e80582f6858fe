package redact

import (
	"strings"

	"github.com/plume-sp/plume/fold"
)

// entCite is the entry of "cite" (Algeria's "Cité 500 logements").
var entCite = lex.words["cite"]

// houseSuffix are the words after a house number: "12 bis", "3 ter", "5 B".
var houseSuffix = map[string]bool{"bis": true, "ter": true, "quater": true, "a": true, "b": true, "c": true, "d": true}

// addrPart is one part of an address, tokens first to last; town marks
// a postal code and its town.
type addrPart struct {
	first, last int
	conf        float64
	town        bool
}

// addresses finds postal addresses: numbered streets, streets after an
// address cue, building complements, postal codes with their city. Parts
// next to each other become one address.
func (sc *scanner) addresses() {
	n := len(sc.toks)
	lastPart := -2 // last token of the previous address part
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		if last := sc.fieldPlace(i); last >= 0 {
			sc.addrs = append(sc.addrs, addrPart{first: i, last: last, conf: 0.7})
			lastPart, i = last, last
			continue
		}
		if t.kind == kPunct || t.kind == kWord && t.bits&(wStreet|wAddrComp) == 0 && t.ent != entCite && (lastPart < 0 || i-lastPart > 2) {
			continue // no case below takes it: only words have entries ("n°", "cité")
		}
		first, last, conf, town := i, -1, 0.0, false
		switch {
		case t.kind == kNum && t.end-t.start == 5:
			last, conf = sc.postalCity(i, lastPart)
			town = true
		case (t.kind == kNum && t.end-t.start <= 4) || t.kind == kAlnum && sc.houseNumber(i):
			last, conf = sc.numberedStreet(i), 0.9
			if last < 0 && t.kind == kNum && t.end-t.start == 4 {
				last, conf = sc.postalCity(i, lastPart) // Belgium, Switzerland
			}
			if last < 0 {
				last, conf = sc.cuedPlace(i), 0.7
			}
		case t.kind == kAlnum && t.end-t.start <= 5:
			last, conf = sc.ordinalFloor(i)
		case lastPart >= 0 && i-lastPart <= 2 && sc.numberSign(i) && i+2 < n && sc.toks[i+2].kind == kNum && sc.toks[i+2].end-sc.toks[i+2].start <= 4:
			last, conf = i+2, 0.45 // "bloc 12 n° 3": only after another part
		case t.kind == kWord && i+2 < n && sc.toks[i+1].kind == kNum && t.ent == entCite && entCite != 0 && strings.EqualFold(sc.text(i+2), "logements"):
			last, conf = i+2, 0.6 // Algeria: "Cité 500 logements"
		case t.kind == kWord && sc.has(i, wStreet|wAddrComp):
			if sc.has(i, wStreet) {
				last, conf = sc.bareStreet(i)
			}
			if last < 0 && sc.has(i, wAddrComp) {
				first, last, conf = sc.addrComp(i)
			}
		}
		if last >= 0 {
			sc.addrs = append(sc.addrs, addrPart{first: first, last: last, conf: conf, town: town})
			lastPart = last
			i = last
		}
	}
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
		if sc.sentenceEndAfter(i) {
			return i, -1, 0 // "mon appartement. J'ai acheté": a sentence ends
		}
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
		if k+1 < n && sc.isText(k, "chez") && sc.toks[k].shape&shCap != 0 && sc.toks[k+1].gap == gapSpace {
			if last := sc.placeName(k + 1); last >= 0 {
				return first, last, 0.7 // "lieu-dit Chez Bernard"
			}
		}
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
	if lex.bits[e]&wAddrUnit != 0 {
		m := k
		if sc.isText(m, "n", "no", "numero") {
			m++
			if m < n && (sc.punct(m) == '°' || sc.punct(m) == 'º' || sc.punct(m) == '.') {
				m++
			}
		}
		if m < n && sc.toks[m].gap < gapLine && sc.isText(i, "porte") && sc.isText(m, "gauche", "droite", "face") {
			return first, m, 0.45 // "4e étage porte gauche": only next to another part
		}
		if m < n && sc.toks[m].gap < gapLine {
			t := sc.toks[m]
			l := t.end - t.start
			conf := 0.6
			if sc.isText(i, "chambre", "ch", "studio", "logement", "porte", "entree", "hall", "lot", "room") {
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
	if lex.bits[e]&wAddrNamed != 0 {
		if sc.caseless && sc.cueBefore(i, 4)&cAddrCue == 0 {
			return i, -1, 0
		}
		if first > 0 && sc.toks[first-1].kind == kNum && sc.toks[first-1].end-sc.toks[first-1].start <= 3 && sc.toks[first].gap == gapSpace {
			first-- // "3 résidence du Parc"
		}
		if last := sc.placeName(k); last >= 0 {
			if sc.isText(i, "ehpad", "quartier") {
				return first, last, 0.45 // "l'EHPAD Les Cèdres": an institution, an address only next to a street
			}
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
		first := sc.placeBeforeAddress(cur.first)
		if first < cur.first {
			first = sc.placeBeforeAddress(first) // "La Grange, 12 Les Granges Basses, 46300 …": a house's name, then its hamlet
		}
		first, last := sc.headingPlace(first), sc.townAfter(cur.first, sc.countryAfter(cur.last))
		if sc.orgAddress(cur.first, last) || parts == 1 && cur.town && sc.postalCode(first) && sc.postalCodeCue(first) && !sc.addressNear(first) {
			return // "code postal 75015 Paris": a town given by its code, no address
		}
		sc.addToks(first, last, ADRESSE, max(cur.conf, 0.5))
	}
	for _, a := range sc.addrs[1:] {
		if a.first > cur.last && (addrGlue(sc.s[sc.toks[cur.last].end:sc.toks[a.first].start]) || sc.districtBetween(cur.last, a.first) || sc.unitOfPlace(cur.last, a.first) ||
			sc.floorBetween(cur.last, a.first)) {
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

// addressNear reports whether a part of an address or an address's cue
// stands in the line or sentence of token first or in the one before it:
// "J'habite au 12 rue de Vaugirard\ncode postal 75015 Paris" gives the
// code as the rest of the address.
func (sc *scanner) addressNear(first int) bool {
	from, breaks := first, 0
	for k := first - 1; k >= 0 && breaks < 2; k-- {
		if sc.toks[k+1].gap >= gapPara {
			break
		}
		if p := sc.punct(k); sc.toks[k+1].gap >= gapLine || p == '.' || p == '?' || p == '!' {
			breaks++
		}
		if sc.toks[k].cue&cAddrCue != 0 {
			return true
		}
		from = k
	}
	for _, a := range sc.addrs {
		if a.last >= from && a.first < first {
			return true
		}
	}
	return false
}

// placeBeforeAddress widens an address that starts at token f over a place
// name written before it on the same line: "La Grange Neuve, 18200 …",
// "Les Hauts de Saint-Pierre, bât. 2, …". The name must start its line,
// follow a colon or an address cue, or follow a house number: a housing
// estate, a hamlet or a street named without a street-type word ("14 Les
// Beaudottes, 93270 Sevran", "11 Le Bourg, 15100 Saint-Flour", "102 Bis
// Stalingrad 93300 Aubervilliers").
func (sc *scanner) placeBeforeAddress(f int) int {
	if f < 2 || sc.toks[f].gap >= gapLine {
		return f
	}
	end := f - 1
	if p := sc.punct(end); p == ',' || (p == '–' || p == '-') && sc.toks[end].gap == gapSpace && sc.toks[f].gap == gapSpace {
		end-- // "La Grange Neuve, 18200 …", "La Bastide Neuve – 1250 route de Gordes"
	} else if !sc.postalCode(f) && !sc.has(f, wAddrComp) {
		return f // without a comma, only before "23200 Aubusson" or "bât B"
	}
	start, name, words := -1, -1, 0
	for k := end; k >= 0 && k >= end-7; k-- {
		t := sc.toks[k]
		switch {
		case t.kind == kWord && (t.shape&shCap != 0 || lex.bits[t.ent]&wStreetLink != 0) && sc.bits(k)&(wFunc|wCivility|wPossessive) == 0:
			words++
		case t.kind == kWord && lex.bits[t.ent]&wStreetLink != 0:
		case t.kind == kPunct && (sc.punct(k) == '-' || sc.punct(k) == '\'') && t.gap == gapNone:
		case t.kind == kWord && (t.shape&shCap != 0) && (t.ent == entLe || t.ent == entLa || t.ent == entLes):
			words++
		default:
			return f
		}
		if t.gap >= gapLine || (k > 0 && (sc.punct(k-1) == ':' || sc.toks[k-1].cue&cAddrCue != 0 || sc.livingAt(k-1))) {
			start, name = k, k
			break
		}
		if h := sc.houseNumberBefore(k); h >= 0 && words > 0 && (t.shape&shCap != 0 || lex.bits[t.ent]&wStreetLink != 0) {
			start, name = h, -1 // "14 Les Beaudottes, 93270 Sevran", "14 bis des Tilleuls 59300…": a house number, then the place's name
			break
		}
	}
	if start < 0 || words == 0 || name >= 0 && sc.toks[name].shape&shCap == 0 || sc.caseless {
		return f
	}
	for k := start; k < f && !sc.articlePlace(start); k++ {
		if sc.isFirstName(k) && !(k >= 2 && sc.punct(k-1) == '-' && (sc.toks[k-2].ent == entSaint || sc.toks[k-2].ent == entSainte)) {
			return f // a person's name before the address: "Thierry Bousquet, 12 allée…"
		}
	}
	return start
}

// livingAt reports whether token k is the preposition of a verb of living
// a few words before it: "I am living full time at La Croix Blanche, …",
// "on habite depuis peu au Clos Fleuri, …".
func (sc *scanner) livingAt(k int) bool {
	if !sc.isText(k, "at", "au", "a") {
		return false
	}
	if sc.cueBefore(k, 5)&cAddrCue != 0 {
		return true
	}
	for m := k - 1; m >= 0 && m >= k-5 && sc.toks[m].kind == kWord && sc.toks[m+1].gap < gapLine; m-- {
		if sc.isText(m, livingVerbs...) {
			return true
		}
	}
	return false
}

// livingVerbs say where someone lives when a place follows them a few
// words on, past an adverb: "living full time at", "on vit depuis peu au".
var livingVerbs = []string{"live", "lives", "living", "lived", "vis", "vit", "vivons", "vivez", "vivent", "reside", "resides", "residing"}

// articlePlace reports whether the place name starting at token k opens
// with a capitalised article, as places are named and people are not:
// "La Croix Blanche, 24250 …" keeps its first name's word.
func (sc *scanner) articlePlace(k int) bool {
	e := sc.toks[k].ent
	return sc.toks[k].shape&shCap != 0 && (e == entLe || e == entLa || e == entLes)
}

// countryAfter widens an address that ends at token l over ", Belgique",
// a postal code in brackets ("Clermont (63000)") and, when the text uses
// capitals, up to two places after commas with a British or American
// postcode ("…, Bab Ezzouar, Alger", "…, London NW1 6XE", "…, DC 20500").
func (sc *scanner) countryAfter(l int) int {
	n := len(sc.toks)
	if l+3 < n && sc.punct(l+1) == '(' && sc.toks[l+2].kind == kNum && sc.toks[l+2].end-sc.toks[l+2].start == 5 &&
		sc.punct(l+3) == ')' && sc.toks[l+1].gap < gapLine {
		l += 3
	}
	for seg := 0; seg < 2 && l+2 < n && sc.punct(l+1) == ',' && sc.toks[l+2].gap < gapLine; seg++ {
		if sc.has(l+2, wCountry) {
			return l + 2
		}
		e := sc.placeSegment(l + 2)
		if e < 0 {
			break
		}
		l = e
	}
	return l
}

// placeSegment reads a place after a comma from token k: one to three
// capitalized words or compounds ("Saint-Denis"), then maybe a postcode of letters and digits ("NW1
// 6XE", "M14 5RT") or a state and a ZIP code ("DC 20500"); what follows
// must end the clause. It returns its last token, or -1.
func (sc *scanner) placeSegment(k int) int {
	n := len(sc.toks)
	if sc.caseless {
		return -1
	}
	e := k - 1
	for w := 0; w < 3 && e+1 < n && sc.toks[e+1].kind == kWord && sc.toks[e+1].shape&shCap != 0 && sc.toks[e+1].gap <= gapSpace; w++ {
		c := sc.compoundEnd(e + 1) // "Saint-Denis": a compound is a place whatever its first word
		if c == e+1 && sc.bits(c)&(wFunc|wStop|wCivility|wMonth) != 0 {
			break
		}
		e = c
	}
	if e < k {
		return -1
	}
	for c := 0; c < 2 && e+1 < n && sc.toks[e+1].gap == gapSpace && postcodePart(sc.toks[e+1], sc.text(e+1)); c++ {
		e++
	}
	if e+1 < n && sc.toks[e+1].gap == gapSpace && sc.toks[e+1].kind == kAlnum && sc.isOrdinal(e+1) {
		e++ // "Lyon 7e"
	}
	if e+1 < n && sc.toks[e+1].gap < gapLine {
		switch sc.punct(e + 1) {
		case ',', '.', ')', ';':
		default:
			return -1
		}
	}
	return e
}

// postcodePart reports whether token t, of text s, may be a part of a
// British or American postcode: digits, or up to four upper-case letters
// and digits ("NW1", "6XE", "DC", "20500").
func postcodePart(t token, s string) bool {
	switch t.kind {
	case kNum:
		return len(s) == 5 || len(s) == 4
	case kAlnum:
		return len(s) <= 4 && s == strings.ToUpper(s)
	case kWord:
		return len(s) == 2 && t.shape&shUpper != 0
	}
	return false
}

// districtBetween reports whether the tokens between two address parts
// are a district between commas: "Derb Sidi Bouamar n° 27, Médina, 40000
// Marrakech".
func (sc *scanner) districtBetween(last, first int) bool {
	if first-last < 4 || first-last > 5 || sc.punct(last+1) != ',' || sc.punct(first-1) != ',' {
		return false
	}
	for k := last + 2; k < first-1; k++ {
		t := sc.toks[k]
		if t.kind != kWord || t.gap >= gapLine || t.shape&shCap == 0 || sc.bits(k)&(wFunc|wStop|wCivility) != 0 {
			return false
		}
	}
	return true
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

// orgAddress reports whether the address of tokens first to last is an
// organisation's, which stays: it ends in "Cedex", or an organisation word
// ("CAF", "préfecture", "conseil départemental") comes before it in its
// sentence, within a few words, with no word of the person's own address
// ("j'habite", "chez", "mon") between them.
func (sc *scanner) orgAddress(first, last int) bool {
	for k := first; k <= last; k++ {
		if sc.isText(k, "cedex") {
			return true
		}
	}
	for k := first - 1; k >= 0 && k >= first-12; k-- {
		t := sc.toks[k]
		if t.cue&cAddrCue != 0 || sc.has(k, wPossessive) || sc.isText(k, "chez", "domicile") {
			return false
		}
		if sc.orgWord(k) {
			return !sc.livesIn(k)
		}
		if p := sc.punct(k); p == '.' || p == '?' || p == '!' || p == ';' || sc.toks[k+1].gap >= gapPara {
			return false
		}
	}
	return false
}

// livesIn reports whether the organisation word k is where the person
// lives, a verb of living a few words before it: "I live in a CADA in
// Poitiers (…)", "j'habite au foyer ADOMA, …"; the noun "adresse" names
// the organisation's ("l'adresse de la CAF c'est bien …").
func (sc *scanner) livesIn(k int) bool {
	for m := k - 1; m >= 0 && m >= k-3 && sc.toks[m].kind == kWord && sc.toks[m+1].gap < gapLine; m-- {
		if sc.toks[m].cue&cAddrCue != 0 {
			return !sc.isText(m, addressNouns...)
		}
	}
	return false
}

// addressNouns are the address cues that name an address rather than say
// where someone lives.
var addressNouns = []string{"adresse", "address", "adres", "adresa", "direccion", "indirizzo", "endereco", "anschrift", "wohnadresse"}

// orgWord reports whether word k names an organisation whose address or
// registration number is public: "CAF", "préfecture", "France Travail",
// "France Services", "Pôle emploi".
func (sc *scanner) orgWord(k int) bool {
	return sc.has(k, wOrgAddr) || sc.isText(k, "travail", "services", "emploi") && sc.isText(k-1, "france", "pole")
}

// orgNumber reports whether the SIREN or SIRET at token i is an
// organisation's, which is public: an organisation or the employer is
// named just before it in its sentence.
func (sc *scanner) orgNumber(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if sc.orgWord(k) || sc.isText(k, "employeur", "employeuse", "patron") {
			return true
		}
		if p := sc.punct(k); p == '.' || p == '?' || p == '!' || p == ';' || sc.toks[k+1].gap >= gapLine {
			return false
		}
	}
	return false
}

// headingPlace widens an address that starts a line at token f over the
// line before it when that line names a place and follows a name with its
// civility, as letters are headed: "Monsieur Bernard Lacombe / Le Moulin
// de Tauzia / 47 chemin du Moulin", "Mademoiselle … / Foyer-logement « Les
// Capucines » / Chambre 14". It returns the new first token.
func (sc *scanner) headingPlace(f int) int {
	if f < 3 || sc.toks[f].gap != gapLine || sc.caseless {
		return f
	}
	a := f - 1
	for a > 0 && sc.toks[a].gap < gapLine && f-a <= 8 {
		a--
	}
	if sc.toks[a].gap != gapLine || a == 0 || !sc.placeLine(a, f) {
		return f
	}
	h := a - 1
	for h > 0 && sc.toks[h].gap < gapLine {
		h--
	}
	if !sc.has(h, wCivility) {
		return f
	}
	return a
}

// placeLine reports whether tokens a to f-1 name a place: capitalized
// words and the words that link them, compounds, quotes, no first name.
func (sc *scanner) placeLine(a, f int) bool {
	words := 0
	for k := a; k < f; k++ {
		t := sc.toks[k]
		switch {
		case t.kind == kWord && sc.isFirstName(k):
			return false
		case t.kind == kWord && t.shape&shCap != 0 && sc.bits(k)&(wFunc|wCivility|wPossessive) == 0:
			words++
		case t.kind == kWord && (lex.bits[t.ent]&wStreetLink != 0 || t.ent == entLe || t.ent == entLa || t.ent == entLes):
		case t.kind == kWord && t.gap == gapNone && sc.punct(k-1) == '-':
		case t.kind == kPunct && (sc.punct(k) == '«' || sc.punct(k) == '»' || sc.punct(k) == '"' || (sc.punct(k) == '-' || sc.punct(k) == '\'') && t.gap == gapNone):
		default:
			return false
		}
	}
	return words > 0 && sc.toks[a].shape&shCap != 0
}

// houseNumberBefore returns the house number written just before the
// place name starting at token k, on the same line: "14", "15B", "14
// bis". A number of four digits from 1900 to 2099 is a year unless its
// line starts with it ("depuis 2019 Les Ulis, 91940…"). It returns -1
// when there is none.
func (sc *scanner) houseNumberBefore(k int) int {
	h := k - 1
	if h >= 1 && sc.suffixWord(h) {
		h-- // "14 bis des Tilleuls"
	}
	if h < 0 || sc.toks[h+1].gap != gapSpace {
		return -1
	}
	t := sc.toks[h]
	switch {
	case t.kind == kNum && t.end-t.start <= 4:
		if y, _ := atoi(sc.text(h)); y >= 1900 && y <= 2099 && h > 0 && t.gap < gapLine {
			return -1
		}
		return h
	case sc.houseNumber(h):
		return h
	}
	return -1
}

// cuedPlace reads, from the house number at token i, a place named without
// a street-type word right after an address cue: « j'habite au 11 Le
// Bourg », « je vis au 4 Kerlann », « mon adresse est 102 Bis Stalingrad
// 93300 » (a postal code without its town is taken too). It returns the
// last token, or -1.
func (sc *scanner) cuedPlace(i int) int {
	n := len(sc.toks)
	j := i - 1
	if j >= 0 && (sc.punct(j) == ':' || sc.isText(j, "au", "a", "est")) {
		j--
	}
	if j < 0 || sc.toks[j].cue&cAddrCue == 0 || sc.caseless {
		return -1 // the cue right before: « je vis avec 2 Enfants » is no address
	}
	k := i + 1
	if k < n && sc.suffixWord(k) {
		k++ // « 14 bis »
	}
	if k >= n || sc.toks[k].gap != gapSpace {
		return -1
	}
	last := sc.placeName(k)
	if last < 0 || sc.toks[k].shape&shCap == 0 {
		return -1
	}
	if m := last + 1; m < n && sc.postalCode(m) && sc.toks[m].gap <= gapSpace && (m+1 >= n || sc.toks[m+1].kind != kWord || sc.toks[m+1].gap >= gapLine) {
		last = m // « … Stalingrad 93300, merci »: a postal code without its town
	}
	return last
}

// suffixWord reports whether token k is a house number's suffix written
// as a word after a space (« 14 bis », « 3 ter »; a lone letter is no
// suffix here: « 4 a » is a preposition).
func (sc *scanner) suffixWord(k int) bool {
	return sc.toks[k].kind == kWord && sc.toks[k].gap == gapSpace && len(sc.text(k)) > 1 && houseSuffix[fold.String(sc.text(k))]
}

// sentenceEndAfter reports whether the dot after the building word i ends
// a sentence rather than an abbreviation: a capital followed by an
// apostrophe comes next ("appartement. J'ai"), or the word is whole (seven
// letters or more) and a capitalised word of two letters or more comes
// next ("appartement. Le propriétaire"); never before a digit or a lone
// letter, which go on with the unit ("Bâtiment. C, appartement. 14")
// (session 22b, the final review's mend).
func (sc *scanner) sentenceEndAfter(i int) bool {
	n := i + 2
	if n >= len(sc.toks) {
		return true
	}
	if sc.toks[n].kind != kWord || sc.toks[n].shape&shCap == 0 {
		return false
	}
	if n+1 < len(sc.toks) && sc.punct(n+1) == '\'' {
		return true
	}
	return len([]rune(sc.text(i))) >= 7 && len([]rune(sc.text(n))) >= 2
}
