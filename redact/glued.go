package redact

import (
	"strconv"

	"github.com/plume-sp/plume/fold"
)

// Phone digits glued to number words, one token: "0six12trente4 56 78" is
// 06 12 34 56 78. The token is read as its digits and words in turn, a
// tens word before one digit making one number ("trente4" is 34), and
// joins the groups of a dictated number (numRun), so that the phone rules
// of numbers written partly in words apply.

// maxGlued bounds the length of a glued token worth decoding.
const maxGlued = 48

// gluedDigits returns the digits of alphanumeric token i when it glues
// digits and number words ("0six12trente4": "06" "12" "34"), or "" when
// it is anything else ("2A", "1er", "B12"): every run of letters must be
// number words, and there must be a run of letters and one of digits.
func (sc *scanner) gluedDigits(i int) string {
	t := &sc.toks[i]
	if t.kind != kAlnum || t.end-t.start < 4 || t.end-t.start > maxGlued {
		return ""
	}
	var vals [maxGlued]int8 // one value per part: a digit, or a word's 0 to 99
	var digit [maxGlued]bool
	n, words := 0, 0
	var buf [2 * maxGlued]byte
	s := sc.text(i)
	for k := 0; k < len(s); {
		if c := s[k]; c >= '0' && c <= '9' {
			vals[n], digit[n] = int8(c-'0'), true
			n, k = n+1, k+1
			continue
		}
		e := k
		for e < len(s) && (s[e] < '0' || s[e] > '9') {
			e++
		}
		w := fold.Append(buf[:0], s[k:e])
		got, ok := splitNumWords(w, vals[n:])
		if !ok {
			return ""
		}
		n += got
		words += got
		k = e
	}
	if words == 0 || words == n {
		return ""
	}
	return gluedString(vals[:n], digit[:n])
}

// splitNumWords splits the folded letters w into number words of 0 to 99
// ("zerosix": 0, 6), writing their values into vals; ok is false when w
// is anything else.
func splitNumWords(w []byte, vals []int8) (n int, ok bool) {
	for len(w) > 0 {
		best := 0
		for l := min(len(w), 10); l >= 2 && best == 0; l-- {
			if v, ok := numWords[string(w[:l])]; ok && v >= 0 && v <= 99 && glueWord(string(w[:l])) {
				best = l
				vals[n] = int8(v)
			}
		}
		if best == 0 || n+1 >= len(vals) {
			return n, false
		}
		n++
		w = w[best:]
	}
	return n, true
}

// glueWord reports whether number word w may be glued to digits: the
// words that are also common words of other uses ("un", "oh", "premier")
// may not.
func glueWord(w string) bool {
	switch w {
	case "un", "une", "oh", "premier", "premiere", "first", "double", "triple":
		return false
	}
	return true
}

// gluedString writes the values of a glued token as digits: a tens word
// (20 to 90) before a single digit or unit word makes one number
// ("trente4": 34); every other value is written as is ("six": 6, "douze":
// 12).
func gluedString(vals []int8, digit []bool) string {
	var out []byte
	for k := 0; k < len(vals); k++ {
		v := int(vals[k])
		unitNext := k+1 < len(vals) && vals[k+1] >= 1 && vals[k+1] <= 9 && (!digit[k+1] || k+2 == len(vals) || !digit[k+2])
		if !digit[k] && v >= 20 && v%10 == 0 && unitNext {
			v += int(vals[k+1])
			k++
		}
		out = strconv.AppendInt(out, int64(v), 10)
	}
	return string(out)
}

// gluedNumbers finds the phone numbers whose groups are glued to number
// words, starting from each glued token (a run starting at a number word
// reads them too: numRun).
func (sc *scanner) gluedNumbers() {
	var run []numGroup
	for i := 0; i < len(sc.toks); i++ {
		if sc.toks[i].kind != kAlnum || sc.gluedDigits(i) == "" {
			continue
		}
		if run = sc.numRun(i, run[:0]); len(run) > 0 {
			i = max(i, sc.matchSpelled(run))
		}
	}
}
