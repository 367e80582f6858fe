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

// Margins of an identifierScan's rescans, in bytes: the identifiers
// ending more than identifierSettle before the end of what was scanned
// (or before the first change) are kept; the rescan starts
// identifierLead before them, at a space, so that the detectors read
// the context they look back on (a cue such as « IBAN : », a few words
// of the same sentence or the line before). Both are far longer than an
// identifier, spelled out or grouped, and than the context it needs.
const (
	identifierSettle = 256
	identifierLead   = 512
)

// identifierScan finds the IBANs, card numbers and NIRs of a draft as it
// grows while it is streamed: each call rescans only the text after the
// identifiers settled by the previous one (from identifierLead before
// them), so that the cost of a whole stream is linear in the draft's
// length, not quadratic; what it finds is what the redactor finds in the
// whole text. Not safe for concurrent use.
type identifierScan struct {
	// known is knownIdentifiers of the sources and the user's values.
	known string
	// text is the draft last scanned, found its identifiers.
	text  string
	found []identifier
	// scanned counts the bytes given to the redactor.
	scanned int
}

// identifier is one identifier of a draft: its span, and whether it
// stays (a placeholder of the user's value, or known).
type identifier struct {
	start, end int
	keep       bool
}

// newIdentifierScan returns a scan that keeps the identifiers of sources
// and own (see knownIdentifiers).
func newIdentifierScan(sources, own []string) *identifierScan {
	return &identifierScan{known: knownIdentifiers(sources, own)}
}

// find returns the identifiers of draft, offsets in draft, as
// redact.Redact with identifierPolicy finds them in the whole of it;
// ok is false when the redactor refuses the draft.
func (s *identifierScan) find(draft string) (_ []identifier, ok bool) {
	from := max(0, commonPrefix(s.text, draft)-identifierSettle)
	kept := s.found[:0:0]
	keptEnd := 0
	for _, e := range s.found {
		if e.end <= from {
			kept, keptEnd = append(kept, e), e.end
		}
	}
	lo := spaceBefore(draft, from-identifierLead)
	s.scanned += len(draft) - lo
	res, err := redact.Redact(context.Background(), draft[lo:], identifierPolicy())
	if err != nil {
		s.text, s.found = "", nil
		return nil, false
	}
	for _, e := range res.Entities {
		start, end := e.Start+lo, e.End+lo
		if end > from && start >= keptEnd {
			value := draft[start:end]
			keep := len(redact.Placeholders(value)) > 0 || strings.Contains(s.known, compact(value))
			kept = append(kept, identifier{start: start, end: end, keep: keep})
		}
	}
	s.text, s.found = draft, kept
	return kept, true
}

// spaceBefore returns the offset just after the last space or line
// break of text before i, or 0: a rescan starts on a word.
func spaceBefore(text string, i int) int {
	if i <= 0 {
		return 0
	}
	return strings.LastIndexAny(text[:i], " \n") + 1
}

// replace masks each IBAN, card number and NIR of draft (found by the
// redactor's detectors) that appears neither in the sources nor in the
// user's own values; a placeholder of the user's value stays. It returns
// the text, the values masked and the spans, in the new text, of the
// identifiers kept, which the phone check must not read as phones. A
// draft the redactor refuses (invalid UTF-8, over redact.MaxInputBytes)
// is returned as is.
func (s *identifierScan) replace(draft string) (string, []string, [][2]int) {
	found, ok := s.find(draft)
	if !ok || len(found) == 0 {
		return draft, nil, nil
	}
	var (
		b      strings.Builder
		masked []string
		kept   [][2]int
		last   int
	)
	for _, e := range found {
		value := draft[e.start:e.end]
		b.WriteString(draft[last:e.start])
		last = e.end
		if e.keep {
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
