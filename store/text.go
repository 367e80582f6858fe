package store

import (
	"strings"
	"unicode"

	"github.com/plume-sp/plume/redact"
)

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

// UnsafeRune reports a character a text shown to people must not hold:
// a control character (C0, DEL, C1: ANSI escapes among them) or one of
// the bidirectional formatting characters, which reorder what is shown
// (U+202E makes « txt.exe » read « exe.txt »). Documents, answers,
// curation reasons and key names are refused with one.
func UnsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// UnsafeText reports whether s, a text of several lines, holds an
// UnsafeRune other than a line break or a tab.
func UnsafeText(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && r != '\r' && r != '\t' && UnsafeRune(r) })
}
