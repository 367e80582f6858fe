package redact

import (
	"regexp"
	"sort"
	"strings"
)

// The naive baseline: the textbook regular expressions for e-mail, French
// phone, IBAN, card and NIR, measured in the same run as plume.
var (
	baselineTypes = map[Type]bool{EMAIL: true, TEL: true, IBAN: true, CARTE: true, NIR: true}
	baselineREs   = []struct {
		ty Type
		re *regexp.Regexp
	}{
		{EMAIL, regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)},
		{IBAN, regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`)},
		{NIR, regexp.MustCompile(`\b[12] ?\d{2} ?(?:0[1-9]|1[0-2]) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3}(?: ?\d{2})?\b`)},
		{CARTE, regexp.MustCompile(`\b(?:\d{4}[ -]?){3}\d{4}\b|\b3[47]\d{2}[ -]?\d{6}[ -]?\d{5}\b`)},
		{TEL, regexp.MustCompile(`(?:(?:\+|00)33 ?|\b0)[1-9](?:[ .-]?\d{2}){4}\b`)},
	}
)

// regexBaseline masks what the textbook expressions match, first match
// winning.
func regexBaseline(text string) (string, []span) {
	var got []span
	taken := make([]bool, len(text)+1)
	for _, b := range baselineREs {
		for _, loc := range b.re.FindAllStringIndex(text, -1) {
			if taken[loc[0]] || taken[loc[1]-1] {
				continue
			}
			for k := loc[0]; k < loc[1]; k++ {
				taken[k] = true
			}
			got = append(got, span{b.ty, loc[0], loc[1]})
		}
	}
	sort.Slice(got, func(i, j int) bool { return got[i].start < got[j].start })
	var out strings.Builder
	last := 0
	for _, s := range got {
		out.WriteString(text[last:s.start])
		out.WriteString("[" + string(s.ty) + "]")
		last = s.end
	}
	out.WriteString(text[last:])
	return out.String(), got
}
