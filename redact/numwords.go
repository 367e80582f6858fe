package redact

import (
	"strconv"
	"strings"
)

// Numbers written in words, French and English: "zéro six douze
// trente-quatre", "06 douze 34 89 70", "oh seven double nine", and the
// days and years of dates of birth ("vingt-sept juin mille neuf cent
// soixante-quatorze").

// numWords gives the value of each number word (folded). Multipliers
// ("double", "triple") are negative: -2, -3.
var numWords = map[string]int{
	"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
	"seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
	"septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
	"oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"double": -2, "triple": -3, "premier": 1, "premiere": 1, "first": 1,
}

// numWordList lists numWords for the lexicon, which tags each with wNumWord.
func numWordList() []string {
	out := make([]string, 0, len(numWords)+4)
	for w := range numWords {
		out = append(out, w)
	}
	return append(out, "cent", "cents", "mille", "mil", "million", "millions", "hundred", "thousand", "et", "and")
}

// numValue returns the value of word token i, and whether it is a number
// word.
func (sc *scanner) numValue(i int) (int, bool) {
	if !sc.has(i, wNumWord) {
		return 0, false
	}
	v, ok := numWords[lex.entries[sc.toks[i].ent].word]
	return v, ok
}

// nextNumWord returns the token after j that continues a spelled number:
// the word after a hyphen or a blank on the same line, or -1.
func (sc *scanner) nextNumWord(j int) int {
	k := j + 1
	if k < len(sc.toks) && sc.punct(k) == '-' && sc.attached(k) {
		k++
		if k < len(sc.toks) && !sc.attached(k) {
			return -1
		}
	} else if k < len(sc.toks) && sc.toks[k].gap > gapBlank {
		return -1
	}
	if k >= len(sc.toks) || !sc.has(k, wNumWord) {
		return -1
	}
	return k
}

// spelled reads a spelled number of at most two digits at token k and
// returns its digits ("6", "12", "00" for "double zéro") and last token,
// or "" when token k starts none.
func (sc *scanner) spelled(k int) (string, int) {
	v, ok := sc.numValue(k)
	if !ok {
		return "", -1
	}
	if v < 0 { // double, triple
		if n := k + 1; n < len(sc.toks) && sc.toks[n].kind == kNum && sc.toks[n].end-sc.toks[n].start == 1 && sc.toks[n].gap <= gapBlank {
			return strings.Repeat(sc.text(n), -v), n // "double 8"
		}
		n := sc.nextNumWord(k)
		u, ok := sc.numValue(n)
		if n < 0 || !ok || u < 0 || u > 9 {
			return "", -1
		}
		d := strconv.Itoa(u)
		out := d
		for r := 1; r < -v; r++ {
			out += d
		}
		return out, n
	}
	last := k
	switch {
	case v == 4: // quatre-vingt(s)
		if n := sc.nextNumWord(k); n >= 0 && sc.isText(n, "vingt", "vingts") {
			v, last = 80, n
		}
	case v == 10: // dix-sept
		if n := sc.nextNumWord(k); n >= 0 {
			if u, _ := sc.numValue(n); u >= 7 && u <= 9 {
				v, last = 10+u, n
			}
		}
	}
	if v >= 20 && v%10 == 0 {
		n := sc.nextNumWord(last)
		if n >= 0 && sc.isText(n, "et", "and") {
			n = sc.nextNumWord(n)
		}
		if u, ok := sc.numValue(n); n >= 0 && ok && u >= 1 && u <= 19 {
			d2, l2 := sc.spelled(n)
			if uu, _ := strconv.Atoi(d2); d2 != "" && (uu <= 9 || v == 60 || v == 80) && uu <= 19 {
				v, last = v+uu, l2
			}
		}
	}
	if v > 99 || v < 0 {
		return "", -1
	}
	return strconv.Itoa(v), last
}

// numGroup is one group of a number written partly in words.
type numGroup struct {
	first, last int // tokens
	digits      string
	word        bool
}

// spelledNumbers finds phone numbers written wholly or partly in words.
func (sc *scanner) spelledNumbers() {
	if sc.allBits&wNumWord == 0 {
		return
	}
	var run []numGroup
	for i := 0; i < len(sc.toks); i++ {
		if !sc.has(i, wNumWord) {
			continue
		}
		run = sc.numRun(i, run[:0])
		if len(run) == 0 {
			continue
		}
		if end, ok := sc.spelledNIR(run); ok {
			i = max(i, end)
			continue
		}
		if end, ok := sc.spelledIdent(run); ok {
			i = max(i, end)
			continue
		}
		end := sc.matchSpelled(run)
		i = max(i, end)
	}
}

// numRun reads the groups of digits and spelled numbers from token i,
// going back first to the digit groups just before it.
func (sc *scanner) numRun(i int, run []numGroup) []numGroup {
	start := i
	for n := 0; n < 6; n++ {
		p := start - 1
		for p >= 0 && sc.toks[p].kind == kPunct && sc.numSep(p) {
			p--
		}
		if p < 0 || sc.toks[p].kind != kNum || sc.toks[p].end-sc.toks[p].start > 4 || sc.toks[p+1].gap >= gapLine {
			break
		}
		start = p
	}
	words := 0
	for k := start; k < len(sc.toks) && len(run) < 34; {
		var g numGroup
		switch {
		case sc.toks[k].kind == kNum && sc.toks[k].end-sc.toks[k].start <= 4:
			g = numGroup{first: k, last: k, digits: sc.text(k)}
		case sc.toks[k].kind == kAlnum:
			d := sc.gluedDigits(k) // "0six12trente4"
			if d == "" {
				k = len(sc.toks)
				continue
			}
			g = numGroup{first: k, last: k, digits: d, word: true}
			words++
		default:
			d, last := sc.spelledLarge(k)
			if d == "" {
				k = len(sc.toks)
				continue
			}
			g = numGroup{first: k, last: last, digits: d, word: true}
			words++
		}
		run = append(run, g)
		k = g.last + 1
		for k < len(sc.toks) && sc.toks[k].kind == kPunct && sc.numSep(k) && sc.toks[k].gap < gapLine {
			k++
		}
		if k < len(sc.toks) && sc.toks[k].gap >= gapLine {
			break
		}
	}
	if words == 0 {
		return run[:0]
	}
	return run
}

// spelledLarge reads a spelled number at token k as spelled does, and on
// through "cent", "mille" and "million" when they follow: "trois cent
// vingt et un" is 321, "trente mille trois" 30003, "deux millions trois
// cent quarante-cinq mille six cent soixante-dix-huit" 2345678, as people
// dictate an identifier group by group.
func (sc *scanner) spelledLarge(k int) (string, int) {
	d, last := sc.spelled(k)
	if d == "" {
		return "", -1
	}
	n := sc.nextNumWord(last)
	if n < 0 || sc.multiplier(n) == 0 {
		return d, last // the common case: no multiplier
	}
	total := 0
	cur, _ := strconv.Atoi(d)
	for ; n >= 0; n = sc.nextNumWord(last) {
		switch mult := sc.multiplier(n); {
		case mult == 100 && cur < 100:
			cur = max(cur, 1) * 100
		case mult > 100:
			total, cur = total+max(cur, 1)*mult, 0
		case mult == 0 && sc.multiplier(last) > 0:
			d, l := sc.spelled(n) // "cent vingt", "mille trois"
			if d == "" {
				return strconv.Itoa(total + cur), last
			}
			v, _ := strconv.Atoi(d)
			cur, n = cur+v, l
		default:
			return strconv.Itoa(total + cur), last
		}
		last = n
	}
	return strconv.Itoa(total + cur), last
}

// multiplier returns 100, 1000 or 1000000 for "cent", "mille",
// "million" at token n, else 0.
func (sc *scanner) multiplier(n int) int {
	switch {
	case sc.isText(n, "cent", "cents"):
		return 100
	case sc.isText(n, "mille", "mil"):
		return 1000
	case sc.isText(n, "million", "millions"):
		return 1000000
	}
	return 0
}

// numSep reports whether punctuation token p may separate the groups of a
// dictated number: the usual separators, the long dash, and the marks
// written to hide or space a number ("zéro six — trente et un",
// "zéro six ** douze").
func (sc *scanner) numSep(p int) bool {
	switch sc.punct(p) {
	case '-', '.', ',', '/', '–', '—', '*', '|', '~', '•', '·':
		return true
	}
	return false
}

// matchSpelled masks the phone numbers of a run that holds at least one
// spelled group, and returns the last token it looked at.
func (sc *scanner) matchSpelled(run []numGroup) int {
	last := run[len(run)-1].last
	matched := false
	defer func() {
		if !matched {
			sc.spelledFallback(run)
		}
	}()
	for p := 0; p < len(run); p++ {
		d, words := "", 0
		for k := p; k < len(run) && len(d) < 16; k++ {
			d += run[k].digits
			if run[k].word {
				words++
			}
			if words == 0 {
				continue
			}
			if len(d) == 10 && d[0] == '0' && d[1] != '0' && d[1] != '8' {
				if k+1 < len(run) && len(run[k+1].digits) == 1 && nationalPhone([]byte(d+run[k+1].digits)) {
					k++ // a British mobile: 07700 900123
				} else if k+2 == len(run) && sc.trailingGroup(run[k+1].first, run[k+1].last, run[k+1].digits) {
					k++ // "07 60 quarante 90 11 04": a group typed too many
				}
				sc.addToks(run[p].first, run[k].last, TEL, 0.9)
				matched = true
				p = k
				break
			}
			if k == p+4 && sc.bareMobile(run[p:k+1]) {
				sc.addToks(run[p].first, run[k].last, TEL, 0.8)
				matched = true
				p = k
				break
			}
			if len(d) >= 11 && len(d) <= 13 && (d[:2] == "33" || d[:2] == "00") && words >= 1 && k+1 == len(run) {
				sc.addToks(run[p].first, run[k].last, TEL, 0.8)
				matched = true
				p = k
				break
			}
		}
	}
	return last
}

// bareMobile reports whether the five groups g are a French mobile
// dictated without its leading zero right after a phone's cue: "appelez-moi
// au six douze trente-quatre cinquante-six soixante-dix-huit" (six or
// sept, then four numbers of two digits). Without the cue, amounts, ages
// and dates in words stay.
func (sc *scanner) bareMobile(g []numGroup) bool {
	if len(g) != 5 || g[0].digits != "6" && g[0].digits != "7" {
		return false
	}
	for _, x := range g[1:] {
		if len(x.digits) != 2 {
			return false
		}
	}
	return sc.cueBefore(g[0].first, 6)&cTel != 0
}

// spelledFallback masks a dictated number that no reading makes a phone
// number but that reads like one: a run starting with zero, of 8 to 12
// digits, one group at least in words. "soixante quatorze" may be 74 or
// 60 14; either way the number is personal.
func (sc *scanner) spelledFallback(run []numGroup) {
	for p := 0; p < len(run); p++ {
		if run[p].digits[0] != '0' {
			continue
		}
		n, words := 0, 0
		for k := p; k < len(run); k++ {
			n += len(run[k].digits)
			if run[k].word {
				words++
			}
			if n >= 8 && n <= 12 && words > 0 && (k+1 == len(run) || n+len(run[k+1].digits) > 12) {
				sc.addToks(run[p].first, run[k].last, TEL, 0.7)
				return
			}
		}
	}
}
