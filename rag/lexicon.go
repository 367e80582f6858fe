package rag

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/plume-sp/plume/fold"
)

//go:embed lexicon.txt
var defaultLexicon string

// Lexicon holds groups of equivalent terms (acronyms, everyday words and
// their administrative names) used to expand search queries: a query that
// says "carte grise" also looks for "certificat d'immatriculation".
type Lexicon struct {
	groups [][]lexTerm
}

type lexTerm struct {
	text   string // as written, for full-text phrases and embeddings
	folded string // " words " accent-folded, lower case, space padded
}

// DefaultLexicon returns the lexicon shipped with plume (rag/lexicon.txt).
func DefaultLexicon() *Lexicon {
	l, err := ParseLexicon(defaultLexicon)
	if err != nil {
		panic(fmt.Sprintf("rag/lexicon.txt: %v", err)) // checked by tests
	}
	return l
}

// ParseLexicon reads a lexicon: one group of equivalent terms a line,
// separated by " | "; blank lines and lines starting with # are ignored.
func ParseLexicon(text string) (*Lexicon, error) {
	l := &Lexicon{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var group []lexTerm
		for _, t := range strings.Split(line, "|") {
			t = strings.TrimSpace(t)
			if t == "" {
				return nil, fmt.Errorf("line %d: empty term", n+1)
			}
			group = append(group, lexTerm{text: t, folded: " " + fold.Words(t) + " "})
		}
		if len(group) < 2 {
			return nil, fmt.Errorf("line %d: a group needs at least two terms separated by |", n+1)
		}
		l.groups = append(l.groups, group)
	}
	return l, nil
}

// Expand returns the terms equivalent to those found in query, excluding
// the terms the query already contains.
func (l *Lexicon) Expand(query string) []string {
	if l == nil {
		return nil
	}
	q := " " + fold.Words(query) + " "
	var out []string
	seen := map[string]bool{}
	for _, g := range l.groups {
		hit := false
		for _, t := range g {
			if strings.Contains(q, t.folded) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		for _, t := range g {
			if !strings.Contains(q, t.folded) && !seen[t.folded] {
				seen[t.folded] = true
				out = append(out, t.text)
			}
		}
	}
	return out
}
