package triage

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// minAnchor is the shortest literal worth checking before a regular
// expression: shorter ones are in almost every text.
const minAnchor = 3

// pattern is a regular expression with a literal prefilter: a match must
// contain one of anchors, so a text holding none is rejected without
// running the expression. Go's regular expressions run in linear time but
// slowly on long alternations; most sentences hold no cue at all.
type pattern struct {
	re      *regexp.Regexp
	anchors []string // nil: no prefilter
}

// compile compiles expr and derives its anchors.
func compile(expr string) *pattern {
	p := &pattern{re: regexp.MustCompile(expr)}
	if tree, err := syntax.Parse(expr, syntax.Perl); err == nil {
		p.anchors = anchors(tree.Simplify())
	}
	return p
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

// possible reports whether text holds one of p's anchors (always true
// without a prefilter).
func (p *pattern) possible(text string) bool {
	if p.anchors == nil {
		return true
	}
	for _, a := range p.anchors {
		if strings.Contains(text, a) {
			return true
		}
	}
	return false
}

// MatchString is regexp.MatchString behind the prefilter.
func (p *pattern) MatchString(text string) bool {
	return p.possible(text) && p.re.MatchString(text)
}

// FindAllStringIndex is regexp.FindAllStringIndex behind the prefilter.
func (p *pattern) FindAllStringIndex(text string, n int) [][]int {
	if !p.possible(text) {
		return nil
	}
	return p.re.FindAllStringIndex(text, n)
}

// FindAllStringSubmatch is regexp.FindAllStringSubmatch behind the
// prefilter.
func (p *pattern) FindAllStringSubmatch(text string, n int) [][]string {
	if !p.possible(text) {
		return nil
	}
	return p.re.FindAllStringSubmatch(text, n)
}

// FindAllString is regexp.FindAllString behind the prefilter.
func (p *pattern) FindAllString(text string, n int) []string {
	if !p.possible(text) {
		return nil
	}
	return p.re.FindAllString(text, n)
}
