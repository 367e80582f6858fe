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
