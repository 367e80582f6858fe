package store

import "github.com/plume-sp/plume/redact"

// Text is a user's text as the store keeps it: redacted. The store writes
// a Text only from a redact.Text (Redacted) and reads it back as it was
// stored; its field is unexported, so raw user text cannot be stored by
// any path the compiler accepts. The zero Text is empty.
type Text struct{ s string }

// Redacted is the stored form of a redacted text.
func Redacted(t redact.Text) Text { return Text{t.String()} }

// String returns the stored, redacted text.
func (t Text) String() string { return t.s }

// Equal reports whether t and u hold the same text.
func (t Text) Equal(u Text) bool { return t.s == u.s }

// MarshalText gives the stored text, so that JSON encodes a Text as the
// string it holds.
func (t Text) MarshalText() ([]byte, error) { return []byte(t.s), nil }

// texts returns the strings of ts, never nil, as query arguments.
func texts(ts []Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.s
	}
	return out
}
