// Package ingest turns official guidance (DILA XML fiches, JSONL, Markdown,
// HTML, plain text, PDF and zip archives of these) into documents, cuts them
// into structure-aware chunks, embeds the chunks and stores them.
package ingest

import (
	"strings"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// Document is one piece of guidance as a reader understood it, before
// chunking. Readers fill what their format carries and leave the rest empty.
type Document struct {
	// Source names where the document came from, e.g. "dila", "jsonl",
	// "markdown", "html", "text", "pdf". It scopes ExternalID.
	Source string
	// ExternalID is the document's own identifier: the DILA ID ("F1234"),
	// the JSONL "id", or the file's path relative to the ingested root.
	ExternalID string
	Title      string
	// Description is a one or two sentence summary, when the format has one.
	Description string
	// URL is the document's public address, when known.
	URL string
	// Audience lists who the guidance is for ("particuliers",
	// "professionnels", "associations"), lower case.
	Audience []string
	// Service is the public service that owns the document (e.g. "caf"),
	// empty for guidance shared by all services.
	Service string
	Tags    []string
	// Breadcrumb is the path of themes above the document, outermost first.
	Breadcrumb []string
	UpdatedAt  time.Time
	// Blocks is the body in reading order.
	Blocks []Block
	// Warnings say what the reader had to repair to read the document
	// (e.g. bytes that are not UTF-8); the pipeline reports them. They
	// are not stored and do not enter the content hash.
	Warnings []string `json:",omitempty"`
}

// Block is one unit of body text (a paragraph, a list, a table rendered as
// text, a note box) together with the path of headings it sits under.
type Block struct {
	// Heading is the heading path, outermost first, not including the
	// document title. Situations (DILA "Cas") count as headings.
	Heading []string
	// Text is plain text. Lists are rendered one item per line prefixed by
	// "- "; tables one row per line with cells separated by " | ".
	Text string
}

// EmbeddingText is the text embedded for a chunk of an official document
// (never a user's text, hence llm.Official): the document title and
// the heading path give the passage its context.
func EmbeddingText(title string, heading []string, text string) llm.Text {
	var b strings.Builder
	b.WriteString(title)
	for _, h := range heading {
		b.WriteString("\n")
		b.WriteString(h)
	}
	b.WriteString("\n")
	b.WriteString(text)
	return llm.Official(b.String())
}

// headingSeparator joins a chunk's heading path in the store.
const headingSeparator = " > "

// SplitHeading is the heading path of a stored chunk's heading (the path
// joined by " > "), nil for none.
func SplitHeading(h string) []string {
	if h == "" {
		return nil
	}
	return strings.Split(h, headingSeparator)
}

// key is the key d is stored under: its service, source and identifier.
func (d *Document) key() store.DocKey {
	return store.DocKey{Service: d.Service, Source: d.Source, ExternalID: d.ExternalID}
}

// toStoreDocument is d as the store saves it.
func toStoreDocument(d Document, hash, origin string, status store.Status) store.Document {
	sd := store.Document{
		Source: d.Source, ExternalID: d.ExternalID, Title: d.Title, Description: d.Description, URL: d.URL,
		Audience: d.Audience, Service: d.Service, Tags: d.Tags, Breadcrumb: d.Breadcrumb, Status: status,
		ContentHash: hash, Origin: origin,
	}
	if !d.UpdatedAt.IsZero() {
		t := d.UpdatedAt
		sd.UpdatedAt = &t
	}
	return sd
}
