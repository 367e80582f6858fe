package rag

import (
	"context"
	"strings"
	"unicode"

	"github.com/plume-sp/plume/redact"
)

// identifierTypes are the identifiers a draft gives only when the user or
// a source gave them: a bank account or card number the model wrote could
// divert a payment, a NIR could be anyone's.
var identifierTypes = []redact.Type{redact.IBAN, redact.CARTE, redact.NIR}

// identifierPolicy masks identifierTypes and keeps everything else, so
// that the redactor's detectors find those identifiers only.
func identifierPolicy() redact.Policy {
	p := make(redact.Policy, len(redact.Types()))
	for _, t := range redact.Types() {
		p[t] = redact.Keep
	}
	for _, t := range identifierTypes {
		p[t] = redact.Mask
	}
	return p
}

// compact keeps the letters and digits of s, in upper case, so that an
// identifier matches however it is grouped.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, s)
}

// knownIdentifiers is the compacted text of the sources and of the user's
// own values, where a draft's identifier must appear to be kept.
func knownIdentifiers(sources, own []string) string {
	parts := make([]string, 0, len(sources)+len(own))
	for _, s := range append(append([]string(nil), sources...), own...) {
		parts = append(parts, compact(s))
	}
	return strings.Join(parts, " ")
}

// replaceIdentifiers masks each IBAN, card number and NIR of draft (found
// by the redactor's detectors) that appears neither in the sources nor in
// the user's own values (known, from knownIdentifiers); a placeholder of
// the user's value stays. It returns the text, the values masked and the
// spans, in the new text, of the identifiers kept, which the phone check
// must not read as phones. A draft the redactor refuses (invalid UTF-8,
// over redact.MaxInputBytes) is returned as is.
func replaceIdentifiers(draft, known string) (string, []string, [][2]int) {
	res, err := redact.Redact(context.Background(), draft, identifierPolicy())
	if err != nil || len(res.Entities) == 0 {
		return draft, nil, nil
	}
	var (
		b      strings.Builder
		masked []string
		kept   [][2]int
		last   int
	)
	for _, e := range res.Entities {
		value := draft[e.Start:e.End]
		b.WriteString(draft[last:e.Start])
		last = e.End
		if len(redact.Placeholders(value)) > 0 || strings.Contains(known, compact(value)) {
			kept = append(kept, [2]int{b.Len(), b.Len() + len(value)})
			b.WriteString(value)
			continue
		}
		masked = append(masked, value)
		b.WriteString(maskedContact)
	}
	b.WriteString(draft[last:])
	return b.String(), masked, kept
}

// overlaps reports whether [start, end) overlaps one of spans.
func overlaps(start, end int, spans [][2]int) bool {
	for _, s := range spans {
		if start < s[1] && s[0] < end {
			return true
		}
	}
	return false
}
