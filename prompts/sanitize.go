package prompts

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/redact"
)

var (
	// labelRe finds the labels of the blocks opened in the templates.
	labelRe = regexp.MustCompile(`<<<([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`)
	// citationLikeRe matches a bare source number such as "[2]".
	citationLikeRe = regexp.MustCompile(`\[\s*(\d+)\s*\]`)
	// blankRunRe matches two or more blank lines.
	blankRunRe = regexp.MustCompile(`\n{3,}`)
)

// sanitizer neutralises the text of a request or of a source before it is
// put in a template.
type sanitizer struct {
	// labels matches any block label, whatever its case and separator; nil
	// when the templates open no labelled block.
	labels *regexp.Regexp
	// firsts holds the lower-case first word of every label, to skip
	// labels when no text could match them.
	firsts []string
}

// newSanitizer returns a sanitizer for the block labels found in the
// template texts.
func newSanitizer(texts []string) *sanitizer {
	seen := map[string]bool{}
	var alts, firsts []string
	for _, t := range texts {
		for _, m := range labelRe.FindAllStringSubmatch(t, -1) {
			if seen[m[1]] {
				continue
			}
			seen[m[1]] = true
			parts := strings.Split(m[1], "_")
			firsts = append(firsts, strings.ToLower(parts[0]))
			for i, p := range parts {
				parts[i] = regexp.QuoteMeta(p)
			}
			alts = append(alts, strings.Join(parts, `[_\-]?`))
		}
	}
	if len(alts) == 0 {
		return &sanitizer{}
	}
	return &sanitizer{labels: regexp.MustCompile(`(?i)` + strings.Join(alts, "|")), firsts: firsts}
}

// text neutralises a multi-line text: invalid UTF-8 is replaced, line breaks
// are normalised, control and invisible format characters are dropped, runs
// of angle brackets become a single guillemet, block labels become plain
// words, bare source numbers "[n]" become "(n)", and blank space is tidied as
// tidy does.
func (z *sanitizer) text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	// The current run of angle characters: its side (0 none, 1 left,
	// 2 right), its length and its first character.
	side, n, first := 0, 0, rune(0)
	flush := func() {
		switch {
		case n == 1:
			b.WriteRune(first)
		case n > 1 && side == 1:
			b.WriteRune('«')
		case n > 1:
			b.WriteRune('»')
		}
		side, n = 0, 0
	}
	folds := false
	prevCR := false
	for _, r := range s {
		if r == '\n' && prevCR {
			prevCR = false
			continue // the "\r" of "\r\n" already wrote the line break
		}
		prevCR = r == '\r'
		switch {
		case r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			r = '\n'
		case r == '\t':
		case unicode.IsControl(r) || (r >= '\u00ad' && unicode.Is(unicode.Cf, r)):
			continue // dropped: invisible characters can hide a marker
		case r == '\u212A' || r == '\u017F':
			folds = true
		}
		if k := angleSide(r); k != 0 {
			if k == side {
				n++
				continue
			}
			flush()
			side, n, first = k, 1, r
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	s = b.String()
	if z.mayHoldLabel(s, folds) {
		s = z.labels.ReplaceAllStringFunc(s, labelWords)
	}
	if strings.Contains(s, "[") {
		s = citationLikeRe.ReplaceAllString(s, "($1)")
	}
	return tidy(s)
}

// mayHoldLabel reports whether s may match z.labels: it holds the first word
// of a label in lower case, or folds is set because s holds one of the two
// non-ASCII letters that fold to an ASCII one (the Kelvin sign, the long s).
func (z *sanitizer) mayHoldLabel(s string, folds bool) bool {
	if z.labels == nil {
		return false
	}
	if folds {
		return true
	}
	lower := strings.ToLower(s)
	for _, f := range z.firsts {
		if strings.Contains(lower, f) {
			return true
		}
	}
	return false
}

// angleSide tells whether r can draw the "<" (1) or the ">" (2) of a block
// marker, look-alikes included (＜ ‹ « ≪ ⟨ 〈 ❮ and their mirrors), or neither (0).
func angleSide(r rune) int {
	switch r {
	case '<', '\uFF1C', '\uFE64', '\u2039', '\u00AB', '\u226A', '\u22D8', '\u27E8', '\u2329', '\u3008', '\u276E':
		return 1
	case '>', '\uFF1E', '\uFE65', '\u203A', '\u00BB', '\u226B', '\u22D9', '\u27E9', '\u232A', '\u3009', '\u276F':
		return 2
	}
	return 0
}

// line neutralises a one-line field such as a title or a URL.
func (z *sanitizer) line(s string) string {
	return strings.Join(strings.Fields(z.text(s)), " ")
}

// tidy removes the spaces and tabs at the end of lines, keeps at most one
// blank line in a row and trims the text.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s = blankRunRe.ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
	return strings.TrimSpace(s)
}

// labelWords writes a matched block label as plain lower-case words.
func labelWords(m string) string {
	return strings.ToLower(strings.NewReplacer("_", " ", "-", " ").Replace(m))
}

// Neutraliser neutralises the redacted texts of a prompt built outside the
// templates (the triage second opinion, the query rewrite) as Render
// neutralises a draft's: a text cannot close the block it is put in, nor
// open another, with the prompt's markers (« MESSAGE_USAGER>>> », any
// case or separator, look-alike brackets). It is safe for concurrent use.
type Neutraliser struct{ z *sanitizer }

// NewNeutraliser returns a Neutraliser for the block labels that texts,
// the prompt's own instructions, open with <<<LABEL.
func NewNeutraliser(texts ...string) *Neutraliser {
	return &Neutraliser{z: newSanitizer(texts)}
}

// Text returns t neutralised, as a text of a prompt rendered from redacted
// input.
func (n *Neutraliser) Text(t redact.Text) llm.Text {
	return llm.Official(n.z.text(t.String()))
}
