package rag

import (
	"fmt"
	"strings"

	"github.com/plume-sp/plume/redact"
)

// StreamEvent changes the text shown to the agent while a draft is written.
// All of it has passed the draft's checks (citations, contacts, prompt
// leak) and is restored as the final draft will be.
type StreamEvent struct {
	// Text is appended to what was shown, or, with Replace, shown instead
	// of it ("" clears the screen).
	Text    string
	Replace bool
}

// checker runs the output checks of a draft on redacted text and restores
// checked text for the agent. It keeps, from one call of check to the
// next, what the sources give and what its scans found in the text so
// far: a streamed draft is checked again at each sentence, and each
// check reads only what is new. Not safe for concurrent use.
type checker struct {
	passages []Result
	contacts ContactPolicy
	restore  redact.Mapping
	policy   redact.Policy
	// citationCheck and contactCheck are made by the first check.
	citationCheck *citationCheck
	contactCheck  *contactCheck
}

// check returns text with unknown citations removed and unknown contacts
// masked, the citations it marks as cited (numbered after passages), and
// the warnings.
func (c *checker) check(text string) (string, []Citation, []Warning) {
	if c.contactCheck == nil {
		c.start()
	}
	citations := citationsOf(c.passages)
	text, warnings := c.citationCheck.check(text, citations)
	text, warns := c.contactCheck.check(text)
	return text, citations, append(warnings, warns...)
}

// start makes the checks, from the passages and the user's own values.
func (c *checker) start() {
	sources := sourceTexts(c.passages)
	var own []string
	for _, e := range c.restore.Entries() {
		own = append(own, e.Value)
	}
	c.citationCheck = newCitationCheck()
	c.contactCheck = newContactCheck(sources, newIdentifierScan(sources, own), c.contacts)
}

// show returns text checked and restored, as the agent may see it.
func (c *checker) show(text string) string {
	checked, _, _ := c.check(text)
	return redact.Restore(checked, c.restore, c.policy)
}

// streamGuard holds a streamed model reply back until a sentence ends, then
// shows the checked, restored text so far. Checking the whole text at each
// boundary keeps what is shown equal to what the final checks would give
// for that text; when a later sentence changes an earlier one (a contact
// spanning both) or reveals a prompt leak, the screen is replaced.
type streamGuard struct {
	leak *leakScanner
	emit func(StreamEvent) error
	raw  strings.Builder
	// checkedTo is the length of raw last checked; shown is what the agent
	// sees.
	checkedTo int
	shown     string
	// leaked stops the stream: the reply reproduces the system prompt.
	leaked bool
	// prefix starts every text shown: the urgent template, or "".
	prefix string
}

// startStream starts the stream of a draft, when onEvent is not nil, by
// showing the draft's opening.
func startStream(d *Drafter, r run, onEvent func(StreamEvent) error) (*streamGuard, error) {
	if onEvent == nil {
		return nil, nil
	}
	g := &streamGuard{leak: d.shingles.scanner(), emit: onEvent, prefix: r.opening.text}
	if err := g.show(r.opening.text); err != nil {
		return nil, fmt.Errorf("draft: stream: %w", err)
	}
	return g, nil
}

// feed returns the function that takes the model's reply as it comes,
// checking it with chk.
func (g *streamGuard) feed(chk *checker) func(delta string) error {
	return func(delta string) error { return g.add(chk, delta) }
}

// add takes a piece of the model's reply.
func (g *streamGuard) add(chk *checker, delta string) error {
	if g.leaked {
		return nil
	}
	g.raw.WriteString(plainText(delta))
	text := g.raw.String()
	end := sentenceBoundary(text)
	if end <= g.checkedTo {
		return nil
	}
	// Boundaries fall after white space: the scanner reads whole words.
	piece := text[g.checkedTo:end]
	g.checkedTo = end
	if g.leak.feed(piece) {
		g.leaked = true
		return g.show(g.prefix)
	}
	return g.show(g.prefix + chk.show(text[:end]))
}

// show makes the screen read text: by appending when it extends what is
// shown, else by replacing it.
func (g *streamGuard) show(text string) error {
	if rest, ok := strings.CutPrefix(text, g.shown); ok {
		g.shown = text
		if rest == "" {
			return nil
		}
		return g.emit(StreamEvent{Text: rest})
	}
	g.shown = text
	return g.emit(StreamEvent{Text: text, Replace: true})
}

// sentenceBoundary returns the length of the longest prefix of text that
// ends a sentence or a line: a newline, or a space after ".", "!", "?",
// ":" or ";". It returns 0 when there is none yet.
func sentenceBoundary(text string) int {
	for i := len(text) - 1; i > 0; i-- {
		switch text[i] {
		case '\n':
			return i + 1
		case ' ', '\t':
			if strings.IndexByte(".!?:;", text[i-1]) >= 0 {
				return i + 1
			}
		}
	}
	return 0
}
