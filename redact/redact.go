package redact

import (
	"context"
	"errors"
	"strings"
	"sync"
	"unicode/utf8"
)

// ErrInvalidUTF8 is returned for input that is not valid UTF-8. Redact does
// not guess what broken bytes meant: the caller fixes or refuses the input.
var ErrInvalidUTF8 = errors.New("redact: input is not valid UTF-8")

// ErrTooLarge is returned for input longer than MaxInputBytes.
var ErrTooLarge = errors.New("redact: input too large")

// MaxInputBytes is the largest input Redact accepts. Cost is linear in the
// input size; callers that take text from the network set a lower limit of
// their own.
const MaxInputBytes = 256 << 20

// Entity is one detected value, as Result lists it. It never holds the value
// itself.
type Entity struct {
	Type Type `json:"type"`
	// Start and End are byte offsets of the value in the input text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Placeholder is what replaced the value in Result.Text.
	Placeholder string `json:"placeholder"`
	// Confidence, from 0 to 1, grades the rule that found the value: 0.99
	// for a checksum-backed identifier, about 0.6 for a first name alone.
	Confidence float64 `json:"confidence"`
}

// Result is the outcome of redacting one text.
type Result struct {
	// Text is the input with every masked value replaced by its placeholder.
	Text Text `json:"text"`
	// Entities lists the masked values in text order. Values kept by the
	// policy are not listed.
	Entities []Entity `json:"entities"`
	// Mapping holds the placeholders of the text (for a Session, of every
	// message so far) and their values. It is never serialized.
	Mapping Mapping `json:"-"`
}

// Redact masks the personal data of text according to policy. It is
// NewSession(policy).Redact(ctx, text): use a Session to redact several
// messages of one conversation with consistent placeholders.
func Redact(ctx context.Context, text string, policy Policy) (Result, error) {
	// The session dies here: its mapping needs no copy.
	return NewSession(policy).redact(ctx, text, false)
}

// Session redacts the messages of one conversation: a value keeps its
// placeholder from one message to the next, and Restore on a draft that
// answers the whole conversation finds every value. A Session is safe for
// concurrent use.
type Session struct {
	policy Policy
	mu     sync.Mutex
	m      Mapping
	// expected are the values of texts the session will redact later
	// (Expect), found in the texts before them without a placeholder of
	// their own until they are.
	expected Mapping
}

// NewSession returns a Session that applies policy.
func NewSession(policy Policy) *Session {
	return &Session{policy: policy}
}

// NewSessionFrom returns a Session that applies policy and goes on from
// a copy of m, the mapping of an earlier session: a value of m keeps its
// placeholder, a new one is numbered after m's, so that texts redacted
// apart from a message (an answer checked against it) share its
// numbering without adding to it.
func NewSessionFrom(policy Policy, m Mapping) *Session {
	return &Session{policy: policy, m: m.clone()}
}

// Mapping returns a copy of the session's mapping so far.
func (s *Session) Mapping() Mapping {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m.clone()
}

// Restore puts the session's values back into text (see Restore).
func (s *Session) Restore(text string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Restore(text, s.m, s.policy)
}

// Expect reads texts the session will redact after the next ones (an
// agent's note redacted after the message it is about), so that a value
// only they tell as one is masked in the texts before them too: a note's
// « Gérard Chassagne » makes the message's « Veuve Chassagne » a name. It
// numbers nothing: a value gets its placeholder where it is first masked.
func (s *Session) Expect(ctx context.Context, texts ...string) error {
	s.mu.Lock()
	ahead := NewSessionFrom(s.policy, s.expected)
	s.mu.Unlock()
	for _, text := range texts {
		if _, err := ahead.redact(ctx, text, false); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expected = ahead.m
	return nil
}

// Redact masks the personal data of text. The result's Mapping is a copy of
// the session's mapping after this message.
func (s *Session) Redact(ctx context.Context, text string) (Result, error) {
	return s.redact(ctx, text, true)
}

func (s *Session) redact(ctx context.Context, text string, clone bool) (Result, error) {
	spans, shops, err := detectShops(ctx, text)
	if err != nil {
		return Result{}, err
	}
	spans = s.applyPolicy(spans)
	spans = unionSpans(spans, repeatedSpans(text, spans))
	s.mu.Lock()
	known := withExpected(text, knownSpans(text, s.m), knownSpans(text, s.expected))
	s.mu.Unlock()
	spans = addEscapes(text, outsideShops(s.masked(spans, cands(known)), shops), s.policy)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.m.reserve(len(spans)/2 + 1) // a long text names the same values again
	var b strings.Builder
	b.Grow(len(text) + len(spans)*4)
	ents := make([]Entity, 0, len(spans))
	last := 0
	for _, c := range spans {
		action := s.policy.Action(c.typ)
		ph, ok := placeholderAt(known, c)
		if !ok {
			ph = s.m.placeholderFor(c.typ, text[c.start:c.end], action != MaskNoRestore)
		}
		b.WriteString(text[last:c.start])
		b.WriteString(ph)
		last = c.end
		ents = append(ents, Entity{Type: c.typ, Start: c.start, End: c.end, Placeholder: ph, Confidence: c.conf})
	}
	b.WriteString(text[last:])
	m := s.m
	if clone {
		m = s.m.clone()
	}
	return Result{Text: Text{b.String()}, Entities: ents, Mapping: m}, nil
}

// masked returns the spans to mask: the detectors' and the session's known
// values', each without the types the policy keeps, then merged. The
// policy comes first so that a kept span (a health phrase under
// SANTE=keep) never takes in, and drops with it, a known value it
// overlaps.
func (s *Session) masked(detected, known []cand) []cand {
	return unionSpans(s.applyPolicy(detected), s.applyPolicy(known))
}

// applyPolicy drops the spans of types the policy keeps.
func (s *Session) applyPolicy(spans []cand) []cand {
	out := spans[:0]
	for _, c := range spans {
		if s.policy.Action(c.typ) != Keep {
			out = append(out, c)
		}
	}
	return out
}

// FirstInvalid returns the offset of the first byte of s that is not part of
// valid UTF-8.
func FirstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(s)
}

// addEscapes masks the text of the input that already looks like a
// placeholder, so that Restore cannot mistake it for one: each becomes a
// value of its type. One that overlaps a masked span widens that span
// instead.
func addEscapes(text string, spans []cand, policy Policy) []cand {
	var esc []cand
	for i := 0; ; {
		m, ok := nextPlaceholder(text, i)
		if !ok {
			break
		}
		if policy.Action(m.typ) != Keep {
			esc = append(esc, cand{start: m.start, end: m.end, typ: m.typ, conf: 0.5})
		}
		i = m.end
	}
	return unionSpans(spans, esc)
}

// unionSpans returns spans and more in text order, each overlap made one
// span that covers both, of the first one's type.
func unionSpans(spans, more []cand) []cand {
	if len(more) == 0 {
		return spans
	}
	all := append(spans, more...)
	var cs candSorter
	cs.sort(all)
	out := all[:0:0]
	for _, c := range all {
		if n := len(out); n > 0 && out[n-1].end > c.start {
			if c.end > out[n-1].end {
				out[n-1].end = c.end
			}
			continue
		}
		out = append(out, c)
	}
	return out
}
