package api

import (
	"slices"
	"strings"
	"unicode"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/store"
)

// The page edits a document as the text of its passages, one after the
// other, separated by a blank line (what GET /v1/documents/{id} gives as
// chunks), without their headings. An update puts the headings back: the
// document keeps its structure, and a PUT that changes nothing changes
// nothing.

// passageSeparator separates passages in the text the page edits.
const passageSeparator = "\n\n"

// unchangedDocument reports whether in says what d and its chunks already
// say: the same metadata, and as text its passages joined.
func unchangedDocument(in documentInput, d store.Document, chunks []store.Chunk) bool {
	texts := make([]string, len(chunks))
	for i, ch := range chunks {
		texts[i] = ch.Text
	}
	return in.Title == d.Title && in.Description == d.Description && in.URL == d.URL && in.service() == d.Service &&
		slices.Equal(nonNil(in.Audience), nonNil(d.Audience)) && slices.Equal(nonNil(in.Tags), nonNil(d.Tags)) &&
		(in.Status == "" || in.Status == d.Status) && in.Text == strings.TrimSpace(strings.Join(texts, passageSeparator))
}

// editedBlocks cuts the edited text into its paragraphs (blank lines
// between them) and gives each the heading of the stored passage it comes
// from: the next passage, in order, whose text holds it or, edited, most
// of its words (see passageOf); a paragraph like none (new) takes the
// heading of the one before it (the first passage's at the start).
func editedBlocks(text string, chunks []store.Chunk) []ingest.Block {
	var blocks []ingest.Block
	var heading []string
	if len(chunks) > 0 {
		heading = ingest.SplitHeading(chunks[0].Heading)
	}
	next := 0
	held := make([]map[string]bool, len(chunks)) // each passage's words, read once
	for _, p := range strings.Split(text, passageSeparator) {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if i := passageOf(p, chunks, held, next); i >= 0 {
			heading, next = ingest.SplitHeading(chunks[i].Heading), i
		}
		blocks = append(blocks, ingest.Block{Heading: heading, Text: p})
	}
	return blocks
}

// editWindow is how many passages from the last one matched an edited
// paragraph is compared with by its words: edits keep the passages' order,
// and the bound keeps a long edit linear in its length.
const editWindow = 16

// minEditedShare is the share of an edited paragraph's words that the
// passage it came from must hold.
const minEditedShare = 0.5

// passageOf returns the index, from next on, of the first passage holding
// the paragraph p, or else of the passage holding the largest share of
// p's words among the editWindow passages from next (at least
// minEditedShare, the first of equals), or -1. held
// keeps each passage's words once read, so that a long edit reads every
// passage's words once, not once per paragraph.
func passageOf(p string, chunks []store.Chunk, held []map[string]bool, next int) int {
	for i := next; i < len(chunks); i++ {
		if strings.Contains(chunks[i].Text, p) {
			return i
		}
	}
	words := editWords(p)
	best, bestShare := -1, minEditedShare
	for i := next; i < min(len(chunks), next+editWindow) && len(words) > 0; i++ {
		if held[i] == nil {
			held[i] = editWords(chunks[i].Text)
		}
		n := 0
		for w := range words {
			if held[i][w] {
				n++
			}
		}
		if share := float64(n) / float64(len(words)); share >= bestShare && (best < 0 || share > bestShare) {
			best, bestShare = i, share
		}
	}
	return best
}

// editWords is the set of the lower-cased words (letters and digits) of s.
func editWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}
