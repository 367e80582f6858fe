package redact

import (
	"unicode"
	"unicode/utf8"
)

// Dates of birth written in other ways than date reads them: loosely
// after a birth cue, in the digits of another script, in Korean.

// looseBirthDate reads, when no date starts at token j right after a birth
// cue, a date written in other ways: a day in words of another language
// before a month name ("on iki Mayıs 1979"), a date in Arabic-Indic or
// Persian digits ("۱۲/۰۳/۱۳۷۵"), or a full numeric date with its year
// further on in the sentence ("née vers 1975 mais sur mon passeport c'est
// le 31/12/1975", only after a verb such as "né", never after the noun
// "naissance": "la prime de naissance versée le 12/03/2024"). It returns
// the first and last tokens, or -1.
func (sc *scanner) looseBirthDate(cue, j int) (int, int) {
	if end := sc.scriptDigitDate(j); end > j {
		return j, end
	}
	for k := j; k < len(sc.toks) && k <= j+3; k++ {
		if sc.toks[k].kind != kWord || k > j && sc.toks[k].gap > gapBlank {
			break
		}
		if k > j && sc.isMonth(k) {
			if end := sc.monthYear(k); end > k && sc.toks[end].kind == kNum {
				if sc.isText(j-1, "on") && sc.toks[j].gap <= gapSpace {
					j-- // Turkish "on iki" (twelve): "on" was read as a link
				}
				return j, end
			}
			break
		}
	}
	if sc.isText(cue, "naissance", "birth", "nascimento", "nacimiento", "nascita") {
		return -1, -1
	}
	for k := j; k < len(sc.toks) && k <= j+24; k++ {
		t := sc.toks[k]
		if t.gap >= gapPara || t.cue&cBirth != 0 && k > j {
			break
		}
		if p := sc.punct(k); p == '.' && !sc.attached(k+1) || p == '?' || p == '!' {
			break
		}
		if t.kind != kNum || t.end-t.start > 2 || !sc.attached(k+1) {
			continue
		}
		if end := sc.date(k); end > k+3 && sc.toks[end].kind == kNum && sc.toks[end].end-sc.toks[end].start == 4 {
			return k, end
		}
	}
	return -1, -1
}

// scriptDigitDate reads a day, month and year in the digits of another
// script, joined by '/', '.' or '-' ("۱۲/۰۳/۱۳۷۵", "١٢-٣-١٩٨٥") from token
// j, and returns its last token, or -1.
func (sc *scanner) scriptDigitDate(j int) int {
	for p := 0; p < 3; p++ {
		k := j + 2*p
		if k >= len(sc.toks) || !scriptDigits(sc.text(k)) || p > 0 && (!sc.attached(k) || !sc.attached(k-1)) {
			return -1
		}
		if p > 0 {
			if q := sc.punct(k - 1); q != '/' && q != '.' && q != '-' {
				return -1
			}
		}
	}
	return j + 4
}

// scriptDigits reports whether s is one to four decimal digits of a script
// other than ASCII.
func scriptDigits(s string) bool {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.IsDigit(r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 4
}

// koreanDate reads "1982년 4월 3일" from the year at token j and returns
// its last token, or -1.
func (sc *scanner) koreanDate(j int) int {
	unit := func(k int, suffix string, digits int) bool {
		if k >= len(sc.toks) || sc.toks[k].kind != kAlnum || k > j && sc.toks[k].gap > gapSpace {
			return false
		}
		w := sc.text(k)
		n := leadingDigits(w)
		return n >= 1 && n <= digits && w[n:] == suffix
	}
	if !unit(j, "년", 4) || !unit(j+1, "월", 2) {
		return -1
	}
	if unit(j+2, "일", 2) {
		return j + 2
	}
	return j + 1
}

// selfYear reports whether token i is a year the writer gives as their
// birth year: "je suis de 1975", "jsuis de 82", "moi je suis de 1990".
func (sc *scanner) selfYear(i int) bool {
	t := sc.toks[i]
	if t.kind != kNum || (t.end-t.start != 4 && t.end-t.start != 2) || i < 2 || !sc.isText(i-1, "de") {
		return false
	}
	if y := sc.text(i); len(y) == 4 && y[:2] != "19" && y[:2] != "20" {
		return false
	}
	return sc.toks[i-2].cue&cSelfWeak != 0 && sc.isText(i-2, "suis", "jsuis", "chui")
}

// dayAfterYear masks the day and month written a few words after a birth
// year that stays alone ("né à Tunis en 1975, le 12 juin"): together they
// make a full date of birth. Only within the sentence.
func (sc *scanner) dayAfterYear(y int) {
	for k := y + 1; k < len(sc.toks) && k <= y+6; k++ {
		if sc.toks[k].gap >= gapLine {
			return
		}
		if p := sc.punct(k); p == '.' && !sc.attached(k+1) || p == '?' || p == '!' || p == ';' {
			return
		}
		if sc.isText(k, deadlineWords...) {
			return // "je suis de 1975, rdv le 3 juin"
		}
		if sc.toks[k].kind == kNum && sc.toks[k].end-sc.toks[k].start <= 2 {
			if end := sc.date(k); end > k {
				sc.addToks(k, end, NAISSANCE, 0.8)
			}
			return
		}
	}
}

// deadlineWords announce a date that is no birth: an appointment, a
// deadline.
var deadlineWords = []string{"rdv", "rendez", "convocation", "convoque", "convoquee", "depuis", "avant", "apres", "jusqu",
	"jusque", "delai", "expire", "echeance", "limite", "audience", "entretien"}
