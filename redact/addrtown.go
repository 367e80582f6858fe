package redact

// The town written after an address that has no postal code.

// townAfter widens an address with no postal code, tokens first to l,
// over what follows it up to its town: building units and districts
// between commas (", bât. Iroise", ", quartier Saint-Pancrace", ",
// hameau des Moulins"), then the town (", Lorient", ", à Bar-le-Duc",
// " a Montargis 87100", ", commune de Chambray", ", à côté de
// Percy-en-Auge"), or the town alone on the next line ("Résidence du
// Parc, Bât. B\nAntibes"). It returns the address's new last token.
func (sc *scanner) townAfter(first, l int) int {
	if sc.caseless || sc.hasPostcode(first, l) {
		return l
	}
	for seg := 0; seg < 3; seg++ {
		k, comma := l+1, false
		if sc.punct(k) == ',' {
			k, comma = k+1, true
		}
		if k >= len(sc.toks) || sc.toks[k].gap >= gapPara {
			return l
		}
		if sc.toks[k].gap == gapLine {
			if comma || sc.toks[l].kind == kPunct {
				return l
			}
			return max(l, sc.lineTown(k))
		}
		if e := sc.townLink(k); e >= 0 {
			return sc.postcodeAfter(e)
		}
		if e := sc.addrSegment(k); e >= 0 {
			l = e
			continue
		}
		if e := sc.placeSegment(k); comma && e >= 0 && !sc.isFirstName(k) {
			return e
		}
		return l
	}
	return l
}

// hasPostcode reports whether tokens first to l hold a French postal code.
func (sc *scanner) hasPostcode(first, l int) bool {
	for k := first; k <= l && k < len(sc.toks); k++ {
		if sc.toks[k].kind == kNum && sc.toks[k].end-sc.toks[k].start == 5 {
			return true
		}
	}
	return false
}

// townLink reads a town after its link from token k ("à Uzès", "a
// Montargis", "near Brive", "commune de Chambray", "à côté de Pacy",
// "près de Vire") and returns its last token, or -1.
func (sc *scanner) townLink(k int) int {
	switch {
	case sc.isText(k, "commune", "pres") && sc.isText(k+1, "de", "d"):
		k += 2
	case sc.isText(k, "a") && sc.isText(k+1, "cote") && sc.isText(k+2, "de", "d"):
		k += 3
	case sc.isText(k, "a", "at", "in", "near"):
		k++
	default:
		return -1
	}
	if sc.punct(k) == '\'' {
		k++ // "près d'Arras"
	}
	if k >= len(sc.toks) || sc.isFirstName(k) {
		return -1
	}
	return sc.cityName(k)
}

// townLinkWords are the words of townLink, given lexicon entries so that
// isText reads them.
var townLinkWords = []string{"commune", "pres", "cote", "near", "at", "in", "a", "de", "d"}

// postcodeAfter widens a town that ends at token e over a postal code
// written after it ("Limoges 87100").
func (sc *scanner) postcodeAfter(e int) int {
	if k := e + 1; k < len(sc.toks) && sc.toks[k].gap == gapSpace && sc.postalCode(k) {
		return k
	}
	return e
}

// addrSegment reads, from token k, a building unit or a named place that
// may stand between an address and its town: "bât. Iroise", "entrée 3",
// "quartier Les Garrigues", "hameau des Moulins". It returns its last
// token, or -1.
func (sc *scanner) addrSegment(k int) int {
	if !sc.has(k, wAddrComp|wStreet) {
		return -1
	}
	if _, last, _ := sc.addrComp(k); last >= 0 {
		return last
	}
	m := k + 1
	if sc.punct(m) == '.' && sc.attached(m) {
		m++
	}
	if sc.has(k, wAddrComp) && m < len(sc.toks) && sc.toks[m].gap <= gapSpace && sc.toks[m].kind == kWord &&
		sc.toks[m].shape&shCap != 0 && sc.bits(m)&(wFunc|wStop|wCivility) == 0 {
		return sc.compoundEnd(m) // "bât. Iroise"
	}
	return -1
}

// lineTown reads a town written alone on the line that starts at token k,
// with its district's ordinal ("Marseille 14e"), and returns its last
// token, or -1: capitalized words that are no first name, no cue and no
// word of the lexicon's lists ("Tel", "Merci"; a property for the words
// around it and a word surname's aside: "Loire", "Blanc", see
// unlistedBits), then the line's end.
func (sc *scanner) lineTown(k int) int {
	if k < len(sc.toks) {
	}
	if k >= len(sc.toks) || sc.toks[k].kind != kWord || sc.toks[k].shape&shCap == 0 || sc.isFirstName(k) ||
		sc.bits(k)&^unlistedBits != 0 || sc.toks[k].cue != 0 {
		return -1
	}
	e := sc.compoundEnd(k)
	for w := 1; w < 3 && e+1 < len(sc.toks) && sc.toks[e+1].gap == gapSpace && sc.toks[e+1].kind == kWord &&
		sc.toks[e+1].shape&shCap != 0 && sc.bits(e+1)&(wFunc|wStop|wCivility) == 0; w++ {
		e = sc.compoundEnd(e + 1)
	}
	if e+1 < len(sc.toks) && sc.toks[e+1].gap == gapSpace && sc.toks[e+1].kind == kAlnum && sc.isOrdinal(e+1) {
		e++ // "Marseille 14e"
	}
	if e+1 < len(sc.toks) && sc.toks[e+1].gap < gapLine {
		return -1
	}
	return e
}

// fieldPlace reads the place named without a street-type word or number
// in a form's address field from token i: "Adresse : Le Moulin Bas,
// Saint-Sauveur", "Address: La Maison Neuve, lieu-dit …". It returns its
// last token, or -1. The place opens with an article or a comma follows
// it; a first name there is a person's ("Adresse : Marie Dupont, …").
func (sc *scanner) fieldPlace(i int) int {
	t := &sc.toks[i]
	if t.kind != kWord || t.shape&shCap == 0 || sc.caseless || i < 2 || sc.punct(i-1) != ':' ||
		!sc.isText(i-2, addressNouns...) || t.gap >= gapLine {
		return -1
	}
	if sc.isFirstName(i) && !sc.articlePlace(i) || sc.has(i, wFunc|wStop|wCivility|wStreet|wAddrComp) && !sc.articlePlace(i) {
		return -1
	}
	last := sc.placeWords(i, true)
	if last < 0 || !sc.articlePlace(i) && sc.punct(last+1) != ',' {
		return -1 // "Adresse : Inchangée depuis mars"
	}
	return last
}

// unitOfPlace reports whether the tokens between two address parts,
// last and first, say that the first is a unit of the second: "Bâtiment
// B2 de la résidence du Moulin", "escalier C du foyer Les Lilas".
func (sc *scanner) unitOfPlace(last, first int) bool {
	if !sc.has(first, wAddrNamed) || !sc.has(last-1, wAddrComp) && !sc.has(last, wAddrComp) {
		return false
	}
	k := last + 1
	switch {
	case sc.isText(k, "du", "des"):
		k++
	case sc.isText(k, "de") && sc.isText(k+1, "la"):
		k += 2
	case sc.isText(k, "de") && sc.isText(k+1, "l") && sc.punct(k+2) == '\'':
		k += 3
	}
	if k == last+1 || k != first {
		return false
	}
	for m := last + 1; m <= first; m++ {
		if sc.toks[m].gap > gapSpace {
			return false
		}
	}
	return true
}
