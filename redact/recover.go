package redact

import (
	"context"
	"strings"
	"unicode"
)

// Recover returns the mapping that Restore would have used to turn
// redacted, a text with placeholders, into restored, the same text with
// values in their place and possibly edited since (a draft as stored and
// the text its agent finally sent): each placeholder of redacted is given
// the text restored writes between the words the two share around it.
// A placeholder whose value cannot be told apart (the words around it
// edited, or two placeholders side by side that split their text in more
// than one way) is left out: Recover never guesses. It lets a session go
// on from a draft whose mapping is gone (NewSessionFrom), so that the
// values restored into it are masked wherever the agent's text repeats
// them.
//
// Every other placeholder of redacted and of the texts reserved (the
// draft's question) stands for itself, so that a session going on from
// the mapping numbers a new value after them and keeps one left as it was
// ("[TEL_1]" withheld from a reply stays "[TEL_1]"). A placeholder whose
// value was read stays itself too where a text redacted again holds it
// as it is: the draft's question, already redacted, keeps its
// placeholders beside the final text that names their values.
func Recover(redacted, restored string, reserved ...string) Mapping {
	m := recovered(redacted, restored)
	for _, text := range append([]string{redacted}, reserved...) {
		for i := 0; ; {
			p, ok := nextPlaceholder(text, i)
			if !ok {
				break
			}
			i = p.end
			m.keepPlaceholder(p)
		}
	}
	return m
}

// keepPlaceholder makes placeholder p of a redacted text stand for itself: new,
// it is added with itself as value; read already (recovered), its own
// text is indexed beside its value, so that both keep it.
func (m *Mapping) keepPlaceholder(p phMatch) {
	ph := p.canonical()
	if _, dup := m.entries[ph]; !dup {
		m.set(ph, p.typ, p.n, ph, true)
		return
	}
	m.byValue[valueKey{p.typ, ph}] = ph
}

// recovered returns the values Recover reads.
func recovered(redacted, restored string) Mapping {
	var m Mapping
	cursor, steps := 0, maxSplitSteps
	for _, g := range placeholderGroups(redacted) {
		g.steps = &steps
		vals, end, ok := g.findShortening(restored, cursor)
		if !ok {
			continue
		}
		cursor = end
		for i, p := range g.phs {
			if vals[i] == "" {
				continue
			}
			if _, dup := m.entries[p.canonical()]; !dup {
				m.set(p.canonical(), p.typ, p.n, vals[i], true)
			}
		}
	}
	return m
}

// anchorBytes is how much of the shared text around a group is looked for
// in the restored text; minAnchor, the least that tells a place.
const (
	anchorBytes = 32
	minAnchor   = 6
)

// phGroup is a run of placeholders with only short separators between
// them ("[NOM_1] [CAF_1], [TEL_1]"), and the shared text around it.
type phGroup struct {
	before, after string   // the anchors: the end and start of the texts around
	seps          []string // the separators between the placeholders
	phs           []phMatch
	steps         *int // the cuts split may still try, shared by a Recover call
}

// maxSplitSteps bounds the cuts one Recover call tries: ways of cutting a
// text among placeholders side by side grow exponentially with their
// number, and the agent writes the text. A group whose values are not read
// within it is left out, as an ambiguous one is.
const maxSplitSteps = 20000

// placeholderGroups cuts redacted into groups of placeholders.
func placeholderGroups(redacted string) []phGroup {
	var groups []phGroup
	last := 0
	for i := 0; ; {
		p, ok := nextPlaceholder(redacted, i)
		if !ok {
			break
		}
		lit := redacted[last:p.start]
		if n := len(groups); n > 0 && len(strings.TrimSpace(lit)) < minAnchor && len(lit) <= anchorBytes {
			g := &groups[n-1]
			g.seps, g.phs = append(g.seps, lit), append(g.phs, p)
		} else {
			if n := len(groups); n > 0 {
				groups[n-1].after = headOf(lit)
			}
			groups = append(groups, phGroup{before: tailOf(lit), phs: []phMatch{p}})
		}
		i, last = p.end, p.end
	}
	if n := len(groups); n > 0 {
		groups[n-1].after = headOf(redacted[last:])
	}
	return groups
}

// findShortening is find with the anchors whole, then shortened, for a
// text edited close to the values ("si besoin." sent as "si besoin,
// merci.").
func (g phGroup) findShortening(restored string, cursor int) (vals []string, end int, ok bool) {
	for _, n := range []int{anchorBytes, 12, minAnchor} {
		short := g
		short.before, short.after = tailOfN(g.before, n), headOfN(g.after, n)
		if n < anchorBytes && short.before == g.before && short.after == g.after {
			continue
		}
		if vals, end, ok := short.find(restored, cursor); ok {
			return vals, end, true
		}
	}
	return nil, 0, false
}

func headOf(s string) string { return headOfN(s, anchorBytes) }

func tailOf(s string) string { return tailOfN(s, anchorBytes) }

func headOfN(s string, n int) string {
	if len(s) > n {
		s = s[:n]
		for !utf8Start(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

func tailOfN(s string, n int) string {
	for len(s) > n || !utf8Start(s) {
		s = s[1:]
	}
	return s
}

func utf8Start(s string) bool { return s == "" || s[0]&0xC0 != 0x80 }

// maxValueBytes bounds one value read between anchors.
const maxValueBytes = 160

// find reads the group's values in restored from cursor: the first place
// where its anchors enclose text that splits into values of the
// placeholders' types. vals[i] is "" for a value the split leaves
// ambiguous.
func (g phGroup) find(restored string, cursor int) (vals []string, end int, ok bool) {
	for from := cursor; from <= len(restored); {
		at := strings.Index(restored[from:], g.before)
		if at < 0 {
			return nil, 0, false
		}
		start := from + at + len(g.before)
		limit := min(len(restored), start+len(g.phs)*(maxValueBytes+anchorBytes))
		stop := len(restored)
		if g.after != "" || stop > limit {
			k := strings.Index(restored[start:limit], g.after)
			if k < 0 {
				if g.before == "" {
					return nil, 0, false
				}
				from = start
				continue
			}
			stop = start + k
		}
		if vals, ok := g.split(restored[start:stop]); ok {
			return vals, stop, true
		}
		if g.before == "" {
			return nil, 0, false
		}
		from = start
	}
	return nil, 0, false
}

// split cuts region into the group's values and separators; a value two
// splits read differently is "".
func (g phGroup) split(region string) ([]string, bool) {
	var found [][]string
	var walk func(i int, rest string, acc []string)
	walk = func(i int, rest string, acc []string) {
		if len(found) > 16 || *g.steps <= 0 {
			return
		}
		*g.steps--
		if i == len(g.phs)-1 {
			if fitsType(g.phs[i].typ, rest) {
				found = append(found, append(slicesClone(acc), rest))
			}
			return
		}
		sep := g.seps[i]
		for k := 1; k < len(rest); k++ {
			if strings.HasPrefix(rest[k:], sep) && fitsType(g.phs[i].typ, rest[:k]) {
				walk(i+1, rest[k+len(sep):], append(acc, rest[:k]))
			}
		}
	}
	walk(0, region, nil)
	if len(found) == 0 || *g.steps <= 0 {
		return nil, false
	}
	found = g.bestSplits(found)
	vals := found[0]
	for _, f := range found[1:] {
		for i := range vals {
			if f[i] != vals[i] {
				vals[i] = ""
			}
		}
	}
	return vals, true
}

// bestSplits keeps the splits whose values the detectors recognise most
// often, each alone, as wholly of their placeholder's type: "Karim Benali
// 7654321 07 98 76 54 32" for "[NOM_1] [CAF_1] [TEL_1]" ends the number
// before the phone, which "07 98 76 54 32" is and "98 76 54 32" is not.
func (g phGroup) bestSplits(found [][]string) [][]string {
	if len(found) < 2 {
		return found
	}
	best, out := -1, found[:0:0]
	for _, f := range found {
		score := 0
		for i, v := range f {
			if detectedAs(g.phs[i].typ, v) {
				score++
			}
		}
		if score > best {
			best, out = score, out[:0]
		}
		if score == best {
			out = append(out, f)
		}
	}
	return out
}

// detectedAs reports whether the detectors, reading v alone, mask all of
// it as one value of type t.
func detectedAs(t Type, v string) bool {
	spans, err := detect(context.Background(), v)
	return err == nil && len(spans) == 1 && spans[0].typ == t && spans[0].start == 0 && spans[0].end == len(v)
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// wordyTypes are the types whose values are words; the others are
// numbers and codes, each of whose words holds a digit.
var wordyTypes = map[Type]bool{NOM: true, ADRESSE: true, NAISSANCE: true, EMAIL: true, URL: true, SECRET: true,
	SANTE: true, HANDICAP: true, RELIGION: true, SYNDICAT: true, ORIENTATION: true, JUSTICE: true, ORIGINE: true}

// fitsType reports whether v can be a value of type t: one line, not
// blank, no longer than maxValueBytes, not starting or ending with a
// blank; a name holds no digit; a number or code holds one in each word.
func fitsType(t Type, v string) bool {
	if v == "" || len(v) > maxValueBytes || strings.ContainsRune(v, '\n') || strings.TrimSpace(v) != v {
		return false
	}
	if _, ok := nextPlaceholder(v, 0); ok {
		return false // the placeholder left as it was
	}
	hasDigit := func(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }
	switch {
	case t == NOM:
		return !hasDigit(v)
	case wordyTypes[t]:
		return true
	}
	for _, w := range strings.Fields(v) {
		if !hasDigit(w) {
			return false
		}
	}
	return true
}
