package store

import (
	"slices"

	"golang.org/x/text/unicode/norm"
)

// nfcDocument puts d's title, description, tags and audiences in Unicode
// NFC, as ingest.CheckDocument does, so that whatever writes a document,
// « café » typed with a combining accent is the tag or the title « café »
// typed with one character (migration 0031 did it for the rows stored
// before).
func nfcDocument(d *Document) {
	d.Title = norm.NFC.String(d.Title)
	d.Description = norm.NFC.String(d.Description)
	d.Tags = NFCLabels(d.Tags)
	d.Audience = NFCLabels(d.Audience)
}

// NFCLabels returns labels (tags, audiences) in NFC, in order, the first
// kept of two that become equal: what is written and what is looked for
// (a search filter, a vocabulary check) are in the stored form.
func NFCLabels(labels []string) []string {
	if labels == nil {
		return nil
	}
	out := make([]string, 0, len(labels))
	for _, l := range labels {
		if l = norm.NFC.String(l); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
