package redact

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
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
	t := &sc.toks[i]
	if t.kind != kNum || (t.end-t.start != 4 && t.end-t.start != 2) || i < 2 || !sc.isText(i-1, "de") {
		return false
	}
	if y := sc.text(i); len(y) == 4 && y[:2] != "19" && y[:2] != "20" {
		return false
	}
	return sc.toks[i-2].cue&cSelfWeak != 0 && sc.isText(i-2, "suis", "jsuis", "chui")
}

// selfDate returns the last token of a full date with its year after "je
// suis du" at token i ("je suis du 23/08/1979", "chui du 3 mars 82"), or
// -1: the writer's date of birth, as "je suis de 1975" is their year.
func (sc *scanner) selfDate(i int) int {
	if i < 1 || i+1 >= len(sc.toks) || sc.toks[i+1].kind != kNum || sc.toks[i-1].cue&cSelfWeak == 0 ||
		!sc.isText(i, "du") || !sc.isText(i-1, "suis", "jsuis", "chui") {
		return -1
	}
	end := sc.date(i + 1)
	if end <= i+1 || sc.toks[end].kind != kNum {
		return -1
	}
	if sc.isText(end+1, "au", "jusqu", "jusque") {
		return -1 // "je suis du 01/01/2025 au 15/01/2025 en arrêt": a period
	}
	y := sc.text(end)
	if len(y) == 4 && (y[:2] == "19" || y[:2] == "20" && y[2] <= '1') || len(y) == 2 && end > i+2 {
		return end // a writer born by 2019 at the latest
	}
	return -1
}

// dayAfterYear masks the day and month written a few words after a birth
// year that stays alone ("né à Tunis en 1975, le 12 juin", "née en 1987
// le trois mars"): together they make a full date of birth, masked whole
// from the year on when only "le" stands between. Only within the sentence.
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
		if sc.toks[k].kind == kNum && sc.toks[k].end-sc.toks[k].start <= 2 || sc.spelledDay(k) || sc.isOrdinalFirst(k) {
			if end := sc.date(k); end > k {
				start := k
				if k <= y+2 && sc.punct(k-1) == 0 && sc.toks[y].end-sc.toks[y].start == 4 {
					start = y // "née en 1987 le trois mars": one date, told year first
				}
				sc.addToks(start, end, NAISSANCE, 0.8)
			}
			return
		}
	}
}

// spelledDay reports whether token k starts a day written in words before
// its month: "trois mars", "vingt et un juin" (not "un" alone, which is
// an article).
func (sc *scanner) spelledDay(k int) bool {
	return sc.toks[k].kind == kWord && sc.has(k, wNumWord) && !sc.isText(k, "un", "une", "et")
}

// yearAfterDay returns the token of a birth year written right after a
// day and month that ends at token end ("née un 3 mars, en 1987", "le 3
// mars de 1987"), or end itself when none follows.
func (sc *scanner) yearAfterDay(end int) int {
	if !sc.isMonth(end) {
		return end // the date has its year, or is no day and month
	}
	for k := end + 1; k < len(sc.toks) && k <= end+3; k++ {
		if sc.toks[k].gap >= gapLine {
			return end
		}
		switch {
		case sc.punct(k) == ',', sc.isText(k, "en", "de", "in"):
			continue
		case sc.toks[k].kind == kNum && sc.toks[k].end-sc.toks[k].start == 4 && sc.numDate(k) == k:
			return k
		}
		return end
	}
	return end
}

// deadlineWords announce a date that is no birth: an appointment, a
// deadline.
var deadlineWords = []string{"rdv", "rendez", "convocation", "convoque", "convoquee", "depuis", "avant", "apres", "jusqu",
	"jusque", "delai", "expire", "echeance", "limite", "audience", "entretien"}

// duMonthDate reads "3 du 6 1990", "17 du 9 de 1998" and "12 du septième
// mois 1975" (day, "du", month by its number, year) from the day at token
// j and returns its last token, or -1.
func (sc *scanner) duMonthDate(j int) int {
	k := j + 1
	if !sc.isText(k, "du") || k+2 >= len(sc.toks) || sc.toks[k+1].gap != gapSpace {
		return -1
	}
	m, y := 0, k+2
	switch sc.toks[k+1].kind {
	case kNum:
		m, _ = atoi(sc.text(k + 1))
	case kWord, kAlnum:
		m = ordinalMonth(fold.String(sc.text(k + 1)))
		if !sc.isText(y, "mois") {
			return -1
		}
		y++
	}
	y = sc.ofWord(y)
	if y >= len(sc.toks) || sc.toks[y].kind != kNum || sc.toks[y].gap != gapSpace {
		return -1
	}
	if l := sc.toks[y].end - sc.toks[y].start; m < 1 || m > 12 || l != 2 && l != 4 {
		return -1
	}
	return y
}

// ordinalMonths are the French ordinals of the twelve months, folded.
var ordinalMonths = [...]string{"premier", "deuxieme", "troisieme", "quatrieme", "cinquieme", "sixieme",
	"septieme", "huitieme", "neuvieme", "dixieme", "onzieme", "douzieme"}

// ordinalMonth returns the month that the folded ordinal w numbers
// ("septieme", "7e", "7eme"), or 0.
func ordinalMonth(w string) int {
	for m, o := range ordinalMonths {
		if w == o {
			return m + 1
		}
	}
	if n := leadingDigits(w); n > 0 && n <= 2 {
		if suf := w[n:]; suf == "e" || suf == "eme" || suf == "er" {
			m, _ := atoi(w[:n])
			return m
		}
	}
	return 0
}

// compactDate6 reports whether s is a date of six digits, day, month and
// year ("120385"), as written after a birth cue only.
func compactDate6(s string) bool {
	if len(s) != 6 || !allDigits(s) {
		return false
	}
	d, _ := atoi(s[:2])
	m, _ := atoi(s[2:4])
	return d >= 1 && d <= 31 && m >= 1 && m <= 12
}

// nameDates masks a full date written right after a person's name, as
// people list their children: "Lucas, 12/03/2015, CE2", "Lina 03/05/2016
// et Adam 12/12/2018", "Inès née 14/02/2011". A date announced by "le",
// "du" or "au" after the name is an appointment, not a birth, and has no
// place here: only a comma or "né(e)" may stand between.
func (sc *scanner) nameDates() {
	for ci, n := 0, len(sc.cands); ci < n; ci++ {
		c := sc.cands[ci]
		if c.typ != NOM || !dateMayFollow(sc.s, c.end) {
			continue
		}
		k := sort.Search(len(sc.toks), func(k int) bool { return int(sc.toks[k].start) >= c.end })
		if k < len(sc.toks) && (sc.punct(k) == ',' || sc.isText(k, "ne", "nee")) {
			k++
		}
		if k >= len(sc.toks) || sc.toks[k].kind != kNum || sc.toks[k].gap >= gapLine || sc.toks[k].end-sc.toks[k].start > 2 {
			continue
		}
		end := sc.date(k)
		if end > k+3 && sc.toks[end].kind == kNum && sc.toks[end].end-sc.toks[end].start == 4 {
			sc.addToks(k, end, NAISSANCE, 0.6)
		}
	}
}

// romanMonths are the months written in Roman numerals, as Poles and
// others write a date: "12.III.1985".
var romanMonths = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}

// romanMonthDate reads a day, a month in Roman numerals and a year from
// the day at token j, joined by one separator ('.', '/', '-') or by
// blanks, and returns the year's token, or -1.
func (sc *scanner) romanMonthDate(j int) int {
	n := len(sc.toks)
	k := j + 1
	sep := sc.punct(k)
	if sep == '.' || sep == '/' || sep == '-' {
		if !sc.attached(k) || !sc.attached(k+1) {
			return -1
		}
		k++
	} else {
		sep = 0
	}
	if k >= n || sc.toks[k].kind != kWord || romanMonths[sc.text(k)] == 0 || sep == 0 && sc.toks[k].gap != gapSpace {
		return -1
	}
	y := k + 1
	if sep != 0 {
		if sc.punct(y) != sep || !sc.attached(y) || !sc.attached(y+1) {
			return -1
		}
		y++
	} else if y < n && sc.toks[y].gap != gapSpace {
		return -1
	}
	if y >= n || sc.toks[y].kind != kNum {
		return -1
	}
	if l := sc.toks[y].end - sc.toks[y].start; l != 4 && l != 2 {
		return -1
	}
	return y
}

// dateMayFollow reports whether, after blanks and a comma, s[i:] starts with
// a digit or an "n" (né, née): the cheap test before nameDates looks for
// the tokens.
func dateMayFollow(s string, i int) bool {
	for i < len(s) && (s[i] == ' ' || s[i] == ',') {
		i++
	}
	return i < len(s) && (isDigit(s[i]) || s[i] == 'n' || s[i] == 'N')
}

// restatedBirth masks a date of birth written again in brackets right
// after the one ending at token end, in another calendar, script or
// form: "le 3 شباط 1989 (le 3 février 1989)", "12/03/1985 (12 mars
// 1985)". The bracket must hold a whole date and nothing else.
func (sc *scanner) restatedBirth(end int) {
	k := end + 1
	if sc.punct(k) != '(' || k+1 >= len(sc.toks) || sc.toks[k+1].gap >= gapLine {
		return
	}
	k++
	if sc.isText(k, "le", "soit", "ie", "i") {
		k++
	}
	d := sc.date(k)
	if d < k+2 || sc.punct(d+1) != ')' {
		return // a day alone or a month and a year
	}
	sc.addToks(k, d, NAISSANCE, 0.85)
}
