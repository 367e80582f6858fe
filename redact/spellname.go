package redact

// The first names of a spelling alphabet: « A comme Anatole, B comme
// Berthe » spells letters, it names no one (session 22: masked as names
// in the pooled tuning halves).

// spellingName reports whether word i follows "comme" and a letter alone:
// "A comme Anatole", "b comme berthe".
func (sc *scanner) spellingName(i int) bool {
	c := sc.wordBefore(i)
	if c < 0 || !sc.isText(c, "comme") || sc.toks[i].gap != gapSpace {
		return false
	}
	l := sc.wordBefore(c)
	return l >= 0 && sc.toks[l].end-sc.toks[l].start == 1 && sc.toks[c].gap == gapSpace
}
