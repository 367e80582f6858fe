package redact

import "strings"

// Text is text the redactor wrote: a user's text with every masked value
// replaced by its placeholder. Its field is unexported and only this
// package makes one (Redact, Session.Redact, and the derivations below,
// which cut, join or blank parts of a Text and add nothing else), so a
// function that takes a Text cannot be handed raw user text: the compiler
// refuses it. The zero Text is the empty text.
//
// A Text holds no mapping: the values stay beside it, in Result.Mapping,
// which is never serialized.
type Text struct{ s string }

// String returns the redacted text.
func (t Text) String() string { return t.s }

// IsEmpty reports whether t holds nothing but white space.
func (t Text) IsEmpty() bool { return strings.TrimSpace(t.s) == "" }

// Equal reports whether t and u hold the same text.
func (t Text) Equal(u Text) bool { return t.s == u.s }

// MarshalText gives the redacted text, so that JSON encodes a Text as the
// string it holds: it carries placeholders, never values.
func (t Text) MarshalText() ([]byte, error) { return []byte(t.s), nil }

// TrimSpace returns t without its leading and trailing white space.
func (t Text) TrimSpace() Text { return Text{strings.TrimSpace(t.s)} }

// Slice returns the bytes of t from i to j, which must be offsets of t.
func (t Text) Slice(i, j int) Text { return Text{t.s[i:j]} }

// Filler is what Join puts between texts and Blank puts in place of the
// parts it removes. Only this package makes one: a Filler adds no user
// text.
type Filler struct{ s string }

// The fillers.
var (
	// Space is one blank.
	Space = Filler{" "}
	// Newline is one line break.
	Newline = Filler{"\n"}
	// Ellipsis is "…", for a part left out on purpose.
	Ellipsis = Filler{"…"}
)

// Join concatenates parts, with f between each two.
func Join(parts []Text, f Filler) Text {
	ss := make([]string, len(parts))
	for i, p := range parts {
		ss[i] = p.s
	}
	return Text{strings.Join(ss, f.s)}
}

// Blank returns t with each of spans (byte offsets [start, end) of t, in
// order and not overlapping, as regexp's FindAllStringIndex gives them)
// replaced by f.
func (t Text) Blank(spans [][]int, f Filler) Text {
	if len(spans) == 0 {
		return t
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(t.s[last:sp[0]])
		b.WriteString(f.s)
		last = sp[1]
	}
	b.WriteString(t.s[last:])
	return Text{b.String()}
}

// WithoutPlaceholders returns t with the placeholders of m replaced by
// blanks, even when nothing but blanks is left. It is the text to search
// with: words such as "NOM" or "TEL_1" would find the pages about names
// or telephones, and a message that holds only personal data holds no
// word to search for.
func (t Text) WithoutPlaceholders(m Mapping) Text {
	text := t.s
	for _, ph := range m.Placeholders() {
		text = strings.ReplaceAll(text, ph, " ")
	}
	return Text{text}
}
