package triage

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// minAnchor is the shortest literal worth checking before a regular
// expression: shorter ones are in almost every text.
const minAnchor = 3

// pattern is a regular expression cut into its top-level alternatives,
// each with a literal prefilter: a match of an alternative contains one of
// its anchors, so a text holding none is not matched against it. Go's
// regular expressions run in linear time but slowly on long alternations;
// a sentence usually holds the literals of one alternative at most.
type pattern struct {
	branches []branch
}

// branch is one alternative of a pattern.
type branch struct {
	re      *regexp.Regexp
	anchors []string // nil: no prefilter
}

// compile compiles every top-level alternative of expr and derives its
// anchors.
func compile(expr string) *pattern {
	p := &pattern{}
	for _, alt := range splitAlternatives(expr) {
		b := branch{re: regexp.MustCompile(alt)}
		if tree, err := syntax.Parse(alt, syntax.Perl); err == nil {
			b.anchors = anchors(tree.Simplify())
		}
		p.branches = append(p.branches, b)
	}
	return p
}

// splitAlternatives cuts expr at the "|" outside parentheses and
// character classes.
func splitAlternatives(expr string) []string {
	var out []string
	depth, start, class := 0, 0, false
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, expr[start:i])
			start = i + 1
		}
	}
	return append(out, expr[start:])
}

// anchors returns literals one of which every match of re contains, or
// nil when it cannot tell.
func anchors(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(string(re.Rune)) < minAnchor {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return anchors(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return anchors(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			a := anchors(sub)
			if a == nil {
				return nil
			}
			out = append(out, a...)
		}
		return out
	case syntax.OpConcat:
		return concatAnchors(re.Sub)
	}
	return nil
}

// concatAnchors picks, for a sequence, the part whose anchors are the
// most selective (longest shortest literal), joining runs of literals
// first so that " " and "suicid" make " suicid".
func concatAnchors(subs []*syntax.Regexp) []string {
	var best []string
	bestLen := 0
	consider := func(a []string) {
		if a == nil {
			return
		}
		shortest := len(a[0])
		for _, s := range a {
			shortest = min(shortest, len(s))
		}
		if shortest > bestLen {
			best, bestLen = a, shortest
		}
	}
	var run strings.Builder
	for _, sub := range subs {
		if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
			run.WriteString(string(sub.Rune))
			continue
		}
		if run.Len() >= minAnchor {
			consider([]string{run.String()})
		}
		run.Reset()
		consider(anchors(sub))
	}
	if run.Len() >= minAnchor {
		consider([]string{run.String()})
	}
	return best
}

// possible reports whether the branch may match text: text holds one of
// its anchors, or it has none.
func (b branch) possible(text string) bool {
	if b.anchors == nil {
		return true
	}
	for _, a := range b.anchors {
		if strings.Contains(text, a) {
			return true
		}
	}
	return false
}

// possible reports whether one of p's branches may match text.
func (p *pattern) possible(text string) bool {
	for _, b := range p.branches {
		if b.possible(text) {
			return true
		}
	}
	return false
}

// MatchString reports whether one of p's alternatives matches text.
func (p *pattern) MatchString(text string) bool {
	for _, b := range p.branches {
		if b.possible(text) && b.re.MatchString(text) {
			return true
		}
	}
	return false
}

// FindAllStringIndex returns the matches of every alternative, grouped
// by alternative.
func (p *pattern) FindAllStringIndex(text string, n int) [][]int {
	var out [][]int
	for _, b := range p.branches {
		if b.possible(text) {
			out = append(out, b.re.FindAllStringIndex(text, n)...)
		}
	}
	return out
}

// FindAllStringSubmatch returns the submatches of every alternative. The
// groups are numbered within each alternative.
func (p *pattern) FindAllStringSubmatch(text string, n int) [][]string {
	var out [][]string
	for _, b := range p.branches {
		if b.possible(text) {
			out = append(out, b.re.FindAllStringSubmatch(text, n)...)
		}
	}
	return out
}

// FindAllString returns the matches of every alternative.
func (p *pattern) FindAllString(text string, n int) []string {
	var out []string
	for _, b := range p.branches {
		if b.possible(text) {
			out = append(out, b.re.FindAllString(text, n)...)
		}
	}
	return out
}
