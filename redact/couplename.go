package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// coupleNames joins a first name alone and the first name and surname
// after it, linked by "et", "and", "&", "y" or "e", into one name: "Annie
// et Michel Boyer", "Roger et Simone Chambon" name a couple sharing the
// surname, which the first name alone would not carry. The one-word names
// of a list separated by commas are joined too ("Prénoms : Brigitte,
// Anne, Marie"; in capitals only: "mes enfants pierre, rose et claire"
// are three).
func (sc *scanner) coupleNames() {
	var want map[int]int // the start of a second name → the first name's candidate
	for ci, c := range sc.cands {
		if c.typ != NOM || strings.ContainsAny(sc.s[c.start:c.end], " \t\n") {
			continue
		}
		if p, _ := coupleLink(sc.s, c.end); p >= 0 {
			if want == nil {
				want = map[int]int{}
			}
			want[p] = ci
		}
	}
	for di, n := 0, len(sc.cands); di < n && want != nil; di++ {
		d := sc.cands[di]
		ci, ok := want[d.start]
		if !ok || d.typ != NOM {
			continue
		}
		c := sc.cands[ci]
		_, list := coupleLink(sc.s, c.end)
		dt := sc.s[d.start:d.end]
		if !strings.ContainsRune(dt, '\n') && (list && !strings.ContainsAny(dt, " \t") && capitalized(dt) && capitalized(sc.s[c.start:c.end]) || !list && strings.IndexByte(dt, ' ') > 0) {
			sc.add(c.start, d.end, NOM, max(c.conf, d.conf))
		}
	}
}

// capitalized reports whether s starts with an upper-case letter.
func capitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// coupleLinks are the words between the two first names of a couple.
var coupleLinks = []string{" et ", " and ", " & ", " y ", " e ", " und "}

// coupleLink returns the offset after a link of coupleLinks at s[i:], or
// after ", " between the first names of a list (list), or -1.
func coupleLink(s string, i int) (int, bool) {
	if strings.HasPrefix(s[i:], ", ") {
		return i + 2, true
	}
	for _, l := range coupleLinks {
		if strings.HasPrefix(s[i:], l) {
			return i + len(l), false
		}
	}
	return -1, false
}

// coupledFirstNames reads a first name that is also a common word as a
// name when "et" joins it to a name found ("Mr et Mme DURAND Pierre et
// Rose", "M. et Mme Petit Jean et Marine", "M. et Mme STOICA (Ion et
// Maria)"): after the name, capitalised in a text that uses case and
// ending its clause or before its verb; in lower case only after a name
// ending in a first name and before a mark ("mr et mme durand pierre et
// rose.", and so in a text in capitals: "MR ET MME DURAND PIERRE ET
// ROSE"). Before a lone first name found, only capitalised and ending the
// clause with it ("(Ion et Maria)"); first names in brackets after a
// name, see bracketFirstNames.
func (sc *scanner) coupledFirstNames() {
	if sc.allBits&wFirstAmb == 0 {
		return
	}
	var ends, starts map[int32]bool
	for k := 2; k < len(sc.toks); k++ {
		if sc.toks[k].bits&wFirstAmb == 0 || !sc.ambFirst(k) {
			continue
		}
		if ends == nil {
			ends, starts = sc.loneNameEdges()
		}
		if e := sc.hyphenEnd(k); sc.coupledAfter(k, e, ends) || sc.coupledBefore(k, e, starts) {
			sc.addToks(k, e, NOM, 0.8)
		} else if last := sc.bracketFirstNames(k, ends); last > k {
			k = last
		}
	}
}

// bracketFirstNames reads the first names in brackets right after a name
// found (ends) when all are first names joined by "et" or commas, the
// ambiguous first name at k opening them: "M. et Mme Leroy (Pierre et
// Rose)". It adds each and returns the closing bracket's token, or -1.
func (sc *scanner) bracketFirstNames(k int, ends map[int32]bool) int {
	if sc.punct(k-1) != '(' || sc.toks[k-2].kind != kWord || !ends[sc.toks[k-2].end] || sc.toks[k].shape&shCap == 0 && !sc.caseless {
		return -1
	}
	var firsts [4][2]int
	n, m := 0, k
	for n < len(firsts) && m < len(sc.toks) && sc.isFirstName(m) && (sc.toks[m].shape&shCap != 0 || sc.caseless) {
		firsts[n] = [2]int{m, sc.hyphenEnd(m)}
		n++
		m = firsts[n-1][1] + 1
		if m < len(sc.toks) && (sc.toks[m].ent == entEt || sc.punct(m) == ',') {
			m++
			continue
		}
		break
	}
	if n < 2 || sc.punct(m) != ')' {
		return -1
	}
	for _, f := range firsts[:n] {
		sc.addToks(f[0], f[1], NOM, 0.8)
	}
	return m
}

// loneNameEdges returns the ends of the names found, and the starts of
// those of one word, by offset.
func (sc *scanner) loneNameEdges() (ends, starts map[int32]bool) {
	ends, starts = map[int32]bool{}, map[int32]bool{}
	for _, c := range sc.cands {
		if c.typ != NOM {
			continue
		}
		ends[int32(c.end)] = true
		if !strings.ContainsAny(sc.s[c.start:c.end], " \t\n") {
			starts[int32(c.start)] = true
		}
	}
	return ends, starts
}

// coupledAfter reports whether the first name from k to e follows "et"
// after a name found (ends).
func (sc *scanner) coupledAfter(k, e int, ends map[int32]bool) bool {
	et, prev := k-1, k-2
	if sc.toks[et].ent != entEt || sc.toks[et].gap != gapSpace || sc.toks[k].gap != gapSpace || !ends[sc.toks[prev].end] {
		return false
	}
	if !sc.caseless && sc.toks[k].shape&shCap != 0 {
		return sc.clauseEndsAt(e+1, surnameStops) || sc.subjectGoesOn(e+1, ambHere) || sc.isText(e+1, coupleVerbs...)
	}
	return (sc.toks[k].shape&shLower != 0 || sc.caseless) && sc.isFirstName(prev) && sc.clauseEndsAt(e+1, ambNameStops)
}

// coupledBefore reports whether the capitalised first name from k to e
// comes before "et" and a one-word name found (starts) that ends the
// clause: "(Ion et Maria)".
func (sc *scanner) coupledBefore(k, e int, starts map[int32]bool) bool {
	et, next := e+1, e+2
	if sc.caseless || sc.toks[k].shape&shCap == 0 || next >= len(sc.toks) || sc.toks[et].ent != entEt ||
		sc.toks[et].gap != gapSpace || sc.toks[next].gap != gapSpace || !starts[sc.toks[next].start] {
		return false
	}
	return sc.isFirstName(next) && sc.clauseEndsAt(sc.hyphenEnd(next)+1, stopMarksOnly) && !sc.determinerBefore(k) && !sc.placeBefore(k)
}

// coupleVerbs are the plural verbs a couple is the subject of: "M. et Mme
// Petit Jean et Marine habitent ici".
var coupleVerbs = []string{"habitent", "vivent", "viennent", "souhaitent", "demandent", "travaillent", "ont", "sont"}
