package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

// firstNameGenders gives +1 to the first names of firstnames.txt's
// "# women" section and -1 to those of its "# men" section, keyed by the
// folded first part of a compound ("Jean-Marie" is Jean's); a part found
// in both ("Dominique") gets 0. The other sections say no gender.
var firstNameGenders = readNameGenders(firstNamesText)

// readNameGenders reads the gendered sections of a first-name list.
func readNameGenders(text string) map[string]int {
	genders := map[string]int{}
	section := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#") {
			switch strings.TrimSpace(line[1:]) {
			case "women":
				section = 1
			case "men":
				section = -1
			default:
				section = 0
			}
			continue
		}
		if section == 0 {
			continue
		}
		for _, name := range strings.Fields(line) {
			first, _, _ := strings.Cut(name, "-")
			key := string(fold.Append(nil, first))
			if g, seen := genders[key]; seen && g != section {
				genders[key] = 0
				continue
			}
			genders[key] = section
		}
	}
	return genders
}

// nameGender returns the gender of token i when it is a capitalised first
// name of a gendered section ("Julien", "Élodie"), else 0. The capital
// keeps "marie" (married) from being read as Marie.
func (sc *scanner) nameGender(i int) int {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kWord || sc.toks[i].end-sc.toks[i].start > 24 {
		return 0
	}
	s := sc.text(i)
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
		return 0
	}
	var buf [32]byte
	return firstNameGenders[string(fold.Append(buf[:0], s))]
}

// signedGender returns the gender of the first name that starts one of
// the message's last three lines, alone or before a capitalised surname
// ("Romain Gilles – 5 rue…", "Bernard Lacombe — 05 62…"): the writer's
// signature. It returns 0 when none does.
func (sc *scanner) signedGender() int {
	lines := 0
	for i := len(sc.toks) - 1; i > 0 && lines < 3; i-- {
		if sc.toks[i].gap < gapLine {
			continue
		}
		lines++
		g := sc.nameGender(i)
		if g == 0 {
			continue
		}
		k := i + 1
		if k == len(sc.toks) || sc.toks[k].gap >= gapLine || sc.toks[k].gap == gapSpace && sc.nameCapital(k) {
			return g
		}
	}
	return 0
}

// nameCapital reports whether token k is a word that starts with a capital.
func (sc *scanner) nameCapital(k int) bool {
	if sc.toks[k].kind != kWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.text(k))
	return unicode.IsUpper(r)
}
