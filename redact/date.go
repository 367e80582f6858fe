package redact

import (
	"strings"
	"unicode/utf8"
)

// births finds dates and places of birth: a date after "né le", "née en",
// "date de naissance :", "DDN", a town after "né à" (birthPlace). Other
// dates (deadlines, appointments) and towns stay.
func (sc *scanner) births() {
	placeEnd := -1
	for i := range sc.toks {
		if sc.toks[i].cue&cBirth == 0 {
			if sc.toks[i].kind == kNum && sc.selfYear(i) {
				sc.dayAfterYear(i) // "je suis de 1975, le 3 juin"
			} else if i > 0 && sc.toks[i-1].cue&cSelfWeak != 0 {
				if end := sc.selfDate(i); end > 0 {
					sc.addToks(i+1, end, NAISSANCE, 0.85) // "je suis du 23/08/1979"
				}
			}
			continue
		}
		sc.birthBefore(i)
		if i > placeEnd {
			placeEnd = sc.birthPlace(i)
		}
		j := sc.birthDateStart(i)
		if j < 0 {
			continue
		}
		end := sc.date(j)
		if end < 0 && compactDate6(sc.text(j)) {
			end = j // "ddn 120385"
		}
		if end < 0 {
			j, end = sc.looseBirthDate(i, j)
		}
		// A year alone ("né en 1963") stays: agents need it (retirement
		// age) and it identifies no one.
		if end >= 0 && end == j && sc.toks[j].end-sc.toks[j].start == 4 {
			sc.dayAfterYear(j) // "né à Tunis en 1975, le 12 juin": the day and month go
			continue
		}
		if end < 0 {
			continue
		}
		if sc.toks[j].kind == kWord && sc.has(j, wNumWord) && sc.isText(j-1, "le") && sc.toks[j].gap <= gapBlank {
			j-- // a dictated date, "le douze mars quatre-vingt-sept", is said with its article
		}
		end = sc.yearAfterDay(end)
		sc.addToks(j, end, NAISSANCE, 0.9)
		sc.restatedBirth(end)
		sc.siblingBirth(end + 1)
		sc.placeFieldAfter(end)
	}
}

// siblingBirth masks the date and town of birth of a second person that
// the sentence of a date of birth gives from token k on, after a pronoun:
// "Julien est né le 21/06/1988 à Angers, moi le 9 septembre 1985 à
// Cholet". The date must be whole (a day, a month and a year).
func (sc *scanner) siblingBirth(k int) {
	for end := min(len(sc.toks), k+24); k < end && sc.toks[k].gap < gapPara; k++ {
		switch sc.punct(k) {
		case '.', '!', '?', ';':
			return
		}
		if !sc.isText(k, "moi", "lui", "elle", "toi") || !sc.isText(k+1, "le") {
			continue
		}
		d := sc.date(k + 2)
		if d < k+4 {
			return // a day alone, or a month and a year: "moi le 12"
		}
		sc.addToks(k+2, d, NAISSANCE, 0.85)
		if sc.isText(d+1, "a") {
			if town := sc.townAt(d + 2); town >= 0 {
				sc.addToks(d+2, town, NAISSANCE, 0.8)
			}
		}
		return
	}
}

// birthLinks are the words that may stand between a birth cue and the
// date: "né le", "date de naissance de mon fils : ", "c'est le", "née un
// 14 juillet", "born on the", "γεννήθηκα στις".
var birthLinks = wordSet("le en e du la est a au ma mon sa son ses mes notre votre leur on the is el il am em c ce my de d of l un une no dia " +
	"etait sont suis pe dnia den στις lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday")

// wordSet returns the set of the blank-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// birthDateStart returns the token where the date announced by the birth
// cue at i starts, or -1. Between them may stand links, relatives ("date
// de naissance de mon fils"), punctuation and a place ("né à
// Saint-Martin-d'Hères (Isère) le", "née à l'hôpital de Lyon le").
func (sc *scanner) birthDateStart(i int) int {
	j, place := i+1, 0
	for steps := 0; j < len(sc.toks) && steps < 14; steps++ {
		t := sc.toks[j]
		if t.gap >= gapPara {
			return -1
		}
		switch {
		case t.kind == kPunct:
			switch sc.punct(j) {
			case ':', '(', ')', '-', ',', '=', '.', '\'', '：', '«', '"', '“':
				j++ // a dictated date in quotes: « le vingt-deux novembre … »
				continue
			}
			return -1
		case t.kind != kWord:
			return j
		case sc.toks[j].cue&cBirth != 0 || birthLinks[lex.entries[t.ent].word] || sc.has(j, wRelative):
			if sc.isText(j, "a", "au", "en") {
				place = 1 // "à Oran", "au Maroc", "en Algérie"
			}
			j++
			continue
		case sc.isMonth(j) || sc.has(j, wNumWord) && !sc.isText(j, "un", "une", "a", "et"):
			return j // "le 3 mars", "le vingt et un mars"
		case place > 0 && place < 6 && sc.bits(j)&(wFunc|wMonth) == 0, place > 0 && sc.has(j, wStreetLink),
			t.shape&shCap != 0 && place < 3:
			// a place: "né à Oran le", "born in Kyiv on", "née à casablanca le"
			place++
			j++
			continue
		}
		return j
	}
	return -1
}

// hanBirths finds the Chinese dates of birth written in one word with
// their cue: "出生于1985年3月12日", "出生日期1985年3月12日".
func (sc *scanner) hanBirths() {
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind != kAlnum || sc.s[t.start] < utf8.RuneSelf {
			continue
		}
		w := sc.text(i)
		if !strings.HasPrefix(w, "出生") {
			continue
		}
		if a, b, ok := hanDate(w); ok {
			sc.add(int(t.start)+a, int(t.start)+b, NAISSANCE, 0.9)
		}
	}
}

// birthBefore masks a full date written just before the birth cue at
// token i: "12/03/1985 (date de naissance)", "3 mars 1980, date de
// naissance".
func (sc *scanner) birthBefore(i int) {
	p := i - 1
	for p >= 0 && p > i-6 && (sc.punct(p) == '(' || sc.punct(p) == ',' || sc.punct(p) == '-' || sc.isText(p, "date", "ma", "sa", "de")) {
		p--
	}
	if p < 0 || p == i-1 && sc.toks[i].kind != kWord {
		return
	}
	for k := max(0, p-6); k <= p; k++ {
		if sc.toks[k].kind != kNum && sc.toks[k].kind != kAlnum {
			continue
		}
		if end := sc.date(k); end == p && (k < p || sc.toks[k].end-sc.toks[k].start == 8) && sc.toks[p].kind == kNum &&
			sc.toks[p].end-sc.toks[p].start == 4 {
			sc.addToks(k, p, NAISSANCE, 0.75)
			return
		}
	}
}

// bracketBirths finds the full dates written in brackets right after a
// capitalized word, a first name or an age, as people give a date of
// birth: "mon fils Ilyes (12/12/2008)", "ma fille lina (3/5/2016)", "38 ans
// (12/03/1985)".
func (sc *scanner) bracketBirths() {
	for i := 1; i+2 < len(sc.toks); i++ {
		if sc.punct(i) != '(' || sc.toks[i-1].kind != kWord || sc.toks[i-1].shape&shCap == 0 && !sc.isText(i-1, "ans", "years") && !sc.isFirstName(i-1) ||
			sc.has(i-1, wMonth) {
			continue
		}
		j := i + 1
		if sc.toks[j].kind != kNum && sc.toks[j].kind != kAlnum {
			continue
		}
		end := sc.date(j)
		if end <= j || sc.punct(end+1) != ')' || sc.toks[end].kind != kNum || sc.toks[end].end-sc.toks[end].start != 4 {
			continue
		}
		sc.addToks(j, end, NAISSANCE, 0.6)
	}
}

// isText reports whether token i exists and, folded, is one of words.
func (sc *scanner) isText(i int, words ...string) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	e := sc.toks[i].ent
	if e == 0 {
		return false
	}
	word := lex.word[e]
	for _, w := range words {
		if word == w {
			return true
		}
	}
	return false
}

// date reads a date starting at token j and returns its last token, or -1:
// "3 avril 1990", "1er avril 1990", "03/04/1990", "3.4.90", "avril 1990",
// "1990", "03041990". A j past the tokens (a cue ending the text) starts
// no date.
func (sc *scanner) date(j int) int {
	n := len(sc.toks)
	if j < 0 || j >= n {
		return -1
	}
	t := sc.toks[j]
	if d, last := sc.spelled(j); d != "" && t.kind == kWord {
		// vingt-sept juin mille neuf cent soixante-quatorze
		if k := sc.ofWord(last + 1); k < n && sc.isMonth(k) && sc.toks[k].gap <= gapBlank {
			return sc.monthYear(k)
		}
	}
	switch t.kind {
	case kNum:
		return sc.numDate(j)
	case kAlnum:
		if _, end, ok := hanDate(sc.text(j)); ok && end == len(sc.text(j)) {
			return j // 1985年3月12日
		}
		if end := sc.koreanDate(j); end > j {
			return end // 1982년 4월 3일
		}
		if sc.isOrdinalFirst(j) || sc.isOrdinal(j) {
			if k := sc.ofWord(j + 1); k < n && sc.isMonth(k) && sc.toks[k].gap <= gapBlank {
				return sc.monthYear(k)
			}
			return sc.ordinalNumericDate(j)
		}
	case kWord:
		if sc.isMonth(j) {
			end := sc.monthYear(j)
			if end > j {
				return end
			}
		}
	}
	return -1
}

// numDate is date for a date that starts with a number at token j:
// "1990", "03041990", "3 avril 1990", "03/04/1990", "12. März 1985",
// "3/VI/1990", "03/1985", "23 O3 1996".
func (sc *scanner) numDate(j int) int {
	s := sc.text(j)
	v, _ := atoi(s)
	if len(s) == 4 && v >= 1900 && v <= 2099 {
		if end := sc.isoDate(j); end > j {
			return end
		}
	}
	if len(s) == 8 {
		d, _ := atoi(s[:2])
		m, _ := atoi(s[2:4])
		y, _ := atoi(s[4:])
		if d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1900 && y <= 2099 {
			return j
		}
		return -1
	}
	if len(s) == 4 {
		if v >= 1900 && v <= 2099 {
			return j
		}
		return -1
	}
	if len(s) > 2 || v < 1 || v > 31 {
		return -1
	}
	return sc.dayDate(j, v)
}

// dayDate is date for a date that starts with the day v at token j: "3
// avril 1990", "12. März 1985", "12 tháng 3 năm 1985", "le 3 du 6 1990",
// "12.III.1985", "3 / 4 / 1990", or numbers (numericDate).
func (sc *scanner) dayDate(j, v int) int {
	n := len(sc.toks)
	if end := sc.thangDate(j); end > j {
		return end
	}
	if k := j + 1; sc.punct(k) == '.' && sc.attached(k) && k+1 < n && sc.isMonth(k+1) && sc.toks[k+1].gap <= gapSpace {
		return sc.monthYear(k + 1) // 12. März 1985
	}
	// day then month name, or day sep month sep year
	if k := sc.ofWord(j + 1); k < n && sc.toks[k].kind == kWord && sc.isMonth(k) && sc.toks[k].gap <= gapBlank {
		return sc.monthYear(k)
	}
	if end := sc.duMonthDate(j); end > j {
		return end // "le 3 du 6 1990"
	}
	if end := sc.romanMonthDate(j); end > j {
		return end // "12.III.1985", "3/VI/1990", "12 III 1985"
	}
	if end := sc.spacedDate(j); end > j {
		return end
	}
	return sc.numericDate(j, v)
}

// numericDate is date for a day v at token j followed by a month and a
// year in digits: "03/04/1990", "3.4.90", "03/1985", "09/23/2001",
// "23 O3 1996".
func (sc *scanner) numericDate(j, v int) int {
	n, k := len(sc.toks), j+1
	if k+1 < n && sc.attached(k) && sc.attached(k+1) && sc.dateNum(k+1) {
		sep := sc.punct(k)
		if sep == '/' || sep == '.' || sep == '-' {
			m, _ := atoi(sc.groupText(k + 1))
			if l := sc.toks[k+1].end - sc.toks[k+1].start; l == 4 && v >= 1 && v <= 12 && m >= 1900 && m <= 2099 {
				return k + 1 // month and year: 03/1985
			}
			if v <= 12 && m > 12 && m <= 31 {
				m = v // month first: 09/23/2001
			}
			if m < 1 || m > 12 || sc.toks[k+1].end-sc.toks[k+1].start > 2 {
				return -1
			}
			end := k + 1
			if y := k + 3; y < n && sc.punct(k+2) == sep && sc.attached(k+2) && sc.attached(y) && sc.toks[y].kind == kNum {
				if l := sc.toks[y].end - sc.toks[y].start; l == 2 || l == 4 {
					end = y
				}
			}
			return end
		}
	}
	if k < n && sc.toks[k].gap == gapSpace && sc.dateNum(k) && k+1 < n && sc.toks[k+1].gap == gapSpace && sc.toks[k+1].kind == kNum {
		m, _ := atoi(sc.groupText(k)) // "23 O3 1996": a letter O typed for the zero
		if l := sc.toks[k+1].end - sc.toks[k+1].start; m >= 1 && m <= 12 && (l == 2 || l == 4) {
			return k + 1
		}
	}
	return -1
}

// dateNum reports whether token k is a number, or a letter O typed for
// its zero ("O3").
func (sc *scanner) dateNum(k int) bool {
	return sc.toks[k].kind == kNum || sc.toks[k].kind == kAlnum && oZero(sc.text(k))
}

// dateOnlyMonths are month names that are also names or words ("Marco",
// "mart"): months only where a date is expected.
var dateOnlyMonths = wordSet("marco mart mar jan sep")

// dateWords are the other words the date reader compares: Vietnamese
// "tháng" (month) and "năm" (year).
var dateWords = wordSet("thang nam")

// isMonth reports whether word k names a month where a date is expected.
func (sc *scanner) isMonth(k int) bool {
	return sc.has(k, wMonth) || k >= 0 && k < len(sc.toks) && sc.toks[k].kind == kWord && dateOnlyMonths[sc.foldedWord(k)]
}

// thangDate reads the Vietnamese "12 tháng 3 năm 1985" from the day at
// token j and returns its last token, or -1.
func (sc *scanner) thangDate(j int) int {
	if !sc.isText(j+1, "thang") || j+2 >= len(sc.toks) || sc.toks[j+2].kind != kNum || sc.toks[j+2].end-sc.toks[j+2].start > 2 {
		return -1
	}
	if m, _ := atoi(sc.text(j + 2)); m < 1 || m > 12 {
		return -1
	}
	if y := j + 4; y < len(sc.toks) && sc.isText(j+3, "nam") && sc.toks[y].kind == kNum && sc.toks[y].end-sc.toks[y].start == 4 {
		return y
	}
	return j + 2
}

// hanDate finds a date written "1985年3月12日" (the day may be missing) in
// s and returns its byte offsets.
func hanDate(s string) (start, end int, ok bool) {
	for i := 0; i+4 <= len(s); i++ {
		if i > 0 && isDigit(s[i-1]) || !allDigits(s[i:i+4]) || !strings.HasPrefix(s[i+4:], "年") {
			continue
		}
		k := i + 4 + len("年")
		m := k
		for m < len(s) && m < k+2 && isDigit(s[m]) {
			m++
		}
		if m == k || !strings.HasPrefix(s[m:], "月") {
			continue
		}
		end := m + len("月")
		d := end
		for d < len(s) && d < end+2 && isDigit(s[d]) {
			d++
		}
		if d > end && strings.HasPrefix(s[d:], "日") {
			end = d + len("日")
		}
		return i, end, true
	}
	return 0, 0, false
}

// ordinalNumericDate reads a month and a year in digits after an ordinal
// day at token j, with the same separator attached: "1er/02/2004",
// "1er.02.2004", "2e-03-1990". It returns the year's token, or -1.
func (sc *scanner) ordinalNumericDate(j int) int {
	k := j + 1
	if k+3 >= len(sc.toks) {
		return -1
	}
	sep := sc.punct(k)
	if sep != '/' && sep != '.' && sep != '-' || !sc.attached(k) || sc.punct(k+2) != sep {
		return -1
	}
	m, y := k+1, k+3
	if !sc.attached(m) || !sc.attached(k+2) || !sc.attached(y) || sc.toks[m].kind != kNum || sc.toks[y].kind != kNum {
		return -1
	}
	if v, _ := atoi(sc.text(m)); v < 1 || v > 12 || sc.toks[m].end-sc.toks[m].start > 2 {
		return -1
	}
	if l := sc.toks[y].end - sc.toks[y].start; l != 2 && l != 4 {
		return -1
	}
	return y
}

// isOrdinalFirst reports whether token j is "1er", or "1ᵉʳ" in the
// superscript letters a word processor puts there.
func (sc *scanner) isOrdinalFirst(j int) bool {
	s := sc.text(j)
	return len(s) == 3 && s[0] == '1' && (s[1] == 'e' || s[1] == 'E') && (s[2] == 'r' || s[2] == 'R') || s == "1ᵉʳ"
}

// monthYear returns the last token of a month name at k and the year that
// may follow it.
func (sc *scanner) monthYear(k int) int {
	end := k
	if k+1 < len(sc.toks) && sc.punct(k+1) == '.' && sc.attached(k+1) {
		end = k + 1
	}
	if end+2 < len(sc.toks) && sc.punct(end+1) == '/' && sc.isMonth(end+2) && sc.toks[end+2].gap <= gapSpace {
		end += 2 // a passport's month in two languages: "21 ABR / APR 1944"
	}
	y := end + 1
	if y+1 < len(sc.toks) && (sc.toks[y].kind == kNum && sc.toks[y].end-sc.toks[y].start <= 2 || sc.toks[y].kind == kAlnum && sc.isOrdinal(y)) &&
		sc.toks[y].gap <= gapBlank {
		// April 3, 1990
		end = y
		y++
		if sc.punct(y) == ',' {
			y++
		}
	}
	y = sc.ofWord(y)
	if y < len(sc.toks) && sc.toks[y].kind == kNum && sc.toks[y].gap <= gapBlank {
		if l := sc.toks[y].end - sc.toks[y].start; l == 4 || l == 2 {
			return y
		}
	}
	// a year in words: mille neuf cent soixante-quatorze, quarante-huit
	if y < len(sc.toks) && sc.has(y, wNumWord) && sc.toks[y].gap <= gapBlank && !sc.isText(y, "et", "and") {
		last := y
		for w := 0; w < 10; w++ {
			nx := sc.nextNumWord(last)
			if nx < 0 {
				break
			}
			last = nx
		}
		return last
	}
	return end
}

// ofWord skips the "de", "of", "del", comma or hyphen between the parts of
// a date ("3 de abril de 1990", "3rd of April", "12-mars-1985").
func (sc *scanner) ofWord(k int) int {
	if k < len(sc.toks) && (sc.isText(k, "de", "of", "del", "the", "d") || sc.punct(k) == ',') && sc.toks[k].gap <= gapBlank {
		return k + 1
	}
	if sc.punct(k) == '-' && sc.attached(k) && sc.attached(k+1) {
		return k + 1
	}
	return k
}

// spacedDate reads a day, month and year separated by spaced slashes,
// dashes or dots from token j ("12 / 03 / 1985", "12 - 03 - 85") and
// returns its last token, or -1.
func (sc *scanner) spacedDate(j int) int {
	if j+4 >= len(sc.toks) {
		return -1
	}
	sep := sc.punct(j + 1)
	if sep != '/' && sep != '-' && sep != '.' || sc.punct(j+3) != sep {
		return -1
	}
	for k := j + 1; k <= j+4; k++ {
		if sc.toks[k].gap > gapSpace || k%2 == j%2 && sc.toks[k].kind != kNum {
			return -1
		}
	}
	if sc.toks[j+1].gap == gapNone && sc.toks[j+2].gap == gapNone {
		return -1 // attached: read by date
	}
	d, _ := atoi(sc.text(j))
	m, _ := atoi(sc.text(j + 2))
	y := sc.toks[j+4].end - sc.toks[j+4].start
	if d < 1 || d > 31 || m < 1 || m > 12 || sc.toks[j+2].end-sc.toks[j+2].start > 2 || y != 2 && y != 4 {
		return -1
	}
	return j + 4
}

// leadingDigits returns how many ASCII digits s starts with.
func leadingDigits(s string) int {
	k := 0
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	return k
}

// isOrdinal reports whether token j is a day written as an ordinal: "3rd",
// "21st", "2nd", "4th", "2eme", "3º".
func (sc *scanner) isOrdinal(j int) bool {
	s := sc.text(j)
	k := leadingDigits(s)
	if k == 0 || k > 2 {
		return false
	}
	switch strings.ToLower(s[k:]) {
	case "st", "nd", "rd", "th", "e", "eme", "er", "o", "a":
		return true
	}
	return false
}

// isoDate reads "1990-04-03" or "1990/04/03" from the year at token j and
// returns its last token, or -1.
func (sc *scanner) isoDate(j int) int {
	n := len(sc.toks)
	if j+4 >= n {
		return -1
	}
	sep := sc.punct(j + 1)
	if (sep != '-' && sep != '/' && sep != '.') || !sc.attached(j+1) || !sc.attached(j+2) || sc.toks[j+2].kind != kNum ||
		sc.punct(j+3) != sep || !sc.attached(j+3) || !sc.attached(j+4) || sc.toks[j+4].kind != kNum {
		return -1
	}
	m, _ := atoi(sc.text(j + 2))
	d, _ := atoi(sc.text(j + 4))
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return -1
	}
	return j + 4
}
