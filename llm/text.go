package llm

import (
	"strings"

	"github.com/plume-sp/plume/redact"
)

// Text is what a model may be shown, to embed it or in a chat message. Its
// field is unexported and it has two doors, each named for what goes
// through it: Redacted for a user's text, which must have been through the
// redactor (only package redact makes a redact.Text), and Official for
// text that is not a user's. Raw user text therefore reaches a model only
// by being called official, in so many words.
type Text struct{ s string }

// Redacted is a user's text, redacted: the one door for user text.
func Redacted(t redact.Text) Text { return Text{t.String()} }

// Official is text that is not a user's: a passage of an official document
// being ingested, a term of plume's lexicon, plume's own instructions, or
// a prompt that package prompts rendered from redacted input. Never pass
// it anything a user wrote: that goes through Redacted.
func Official(s string) Text { return Text{s} }

// Concat joins texts end to end.
func Concat(parts ...Text) Text {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.s)
	}
	return Text{b.String()}
}

// String returns the text, for the clients that send it.
func (t Text) String() string { return t.s }

// Equal reports whether t and u hold the same text.
func (t Text) Equal(u Text) bool { return t.s == u.s }
