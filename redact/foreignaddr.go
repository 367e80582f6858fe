package redact

import (
	"slices"
	"strings"

	"github.com/plume-sp/plume/fold"
)

// Addresses written the way other countries write them: the number after
// the street ("Hauptstraße 5", "Rua Augusta 100", "12 Baker Street"), and
// postal codes with a dash ("00-001 Warszawa", "1100-053 Lisboa").

// streetSuffixes end a street name of one word: Hauptstraße, Lindenweg.
var streetSuffixes = []string{"strasse", "str", "weg", "gasse", "platz", "allee", "damm", "ring", "straat", "laan", "gracht", "utca", "gatan", "vej"}

// streetAfter are the English street types written after the name.
var streetAfter = map[string]bool{
	"street": true, "st": true, "road": true, "rd": true, "avenue": true, "ave": true, "lane": true,
	"drive": true, "way": true, "close": true, "crescent": true, "terrace": true, "court": true, "boulevard": true,
}

// foreignAddresses adds the address parts of foreign formats; they merge
// with the French ones (a postal code and city after them).
func (sc *scanner) foreignAddresses() {
	n0 := len(sc.addrs)
	for i := 0; i < len(sc.toks); i++ {
		last := -1
		switch t := &sc.toks[i]; {
		case t.kind == kWord && t.shape&shCap != 0:
			// the house number first: it is rarer, and cheaper to read
			if last = sc.houseNumberAfter(i); last >= 0 && !sc.streetSuffix(i) {
				last = -1
			}
		case t.kind == kNum && t.end-t.start <= 4:
			last = sc.englishStreet(i)
			if last < 0 {
				last = sc.dashPostcode(i)
			}
		case t.kind == kAlnum && sc.houseNumber(i):
			last = sc.englishStreet(i) // "221B Baker Street"
		}
		if last >= 0 {
			sc.addrs = append(sc.addrs, addrPart{first: i, last: last, conf: 0.8})
			i = last
		}
	}
	if len(sc.addrs) > n0 {
		slices.SortFunc(sc.addrs, func(a, b addrPart) int { return a.first - b.first })
	}
	for k := range sc.addrs {
		sc.addrs[k].first = sc.placeNameBefore(sc.addrs[k].first)
	}
}

// placeNameBefore returns the first token of a place name written before
// the postal code at token i: "La Grange Neuve, 18200 Saint-Amand-Montrond".
// The name starts with a capitalized article and has capitalized words only;
// i itself when there is none.
func (sc *scanner) placeNameBefore(i int) int {
	t := &sc.toks[i]
	if t.kind != kNum || t.end-t.start != 5 || i < 3 || sc.punct(i-1) != ',' {
		return i
	}
	k := i - 2
	for words := 0; k >= 0 && words < 4; words++ {
		if sc.toks[k].kind != kWord || sc.toks[k].shape&shCap == 0 || sc.toks[k+1].gap >= gapLine {
			return i
		}
		if sc.isText(k, "la", "le", "les") && (k == 0 || sc.toks[k].gap >= gapLine || sc.punct(k-1) == ',') && words > 0 {
			return k
		}
		k--
		if k >= 0 && sc.punct(k) == '-' && sc.attached(k) {
			k--
		}
	}
	return i
}

// streetSuffix reports whether word i is a one-word street name.
func (sc *scanner) streetSuffix(i int) bool {
	t := &sc.toks[i]
	if t.end-t.start < 6 || t.end-t.start > 40 {
		return false
	}
	var buf [48]byte
	w := fold.Append(buf[:0], sc.text(i))
	for _, suf := range streetSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(string(w), suf) {
			return true
		}
	}
	return false
}

// houseNumberAfter returns the last token of the house number that follows
// the street name at i ("5", "12/4", "12a"), or -1.
func (sc *scanner) houseNumberAfter(i int) int {
	k := i + 1
	if k < len(sc.toks) && sc.punct(k) == '.' && sc.attached(k) {
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].gap != gapSpace || sc.toks[k].end-sc.toks[k].start > 5 || (sc.toks[k].kind != kNum && !sc.houseNumber(k)) {
		return -1
	}
	if sc.punct(k+1) == '/' && sc.attached(k+1) && k+2 < len(sc.toks) && sc.attached(k+2) && sc.toks[k+2].kind == kNum {
		return k + 2
	}
	return k
}

// englishStreet reads "12 Baker Street" from the number at i.
func (sc *scanner) englishStreet(i int) int {
	k := i + 1
	for words := 0; k < len(sc.toks) && words < 3; words++ {
		if sc.toks[k].kind != kWord || sc.toks[k].gap != gapSpace || sc.toks[k].shape&shCap == 0 {
			return -1
		}
		if words > 0 && streetAfter[strings.ToLower(sc.text(k))] {
			if sc.punct(k+1) == '.' && sc.attached(k+1) {
				return k + 1
			}
			return k
		}
		k++
	}
	return -1
}

// dashPostcode reads a postal code with a dash and its city: "00-001
// Warszawa", "1100-053 Lisboa".
func (sc *scanner) dashPostcode(i int) int {
	l := sc.toks[i].end - sc.toks[i].start
	if (l != 2 && l != 4) || sc.punct(i+1) != '-' || !sc.attached(i+1) || i+3 >= len(sc.toks) || !sc.attached(i+2) ||
		sc.toks[i+2].kind != kNum || sc.toks[i+2].end-sc.toks[i+2].start != 3 {
		return -1
	}
	if i > 0 && sc.toks[i].gap == gapNone {
		return -1
	}
	c := i + 3
	if sc.toks[c].kind != kWord || sc.toks[c].shape&shCap == 0 || sc.toks[c].gap > gapSpace {
		return -1
	}
	return c
}
