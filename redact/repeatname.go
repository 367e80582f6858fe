package redact

import (
	"sort"

	"github.com/plume-sp/plume/fold"
)

// A name found once is found again wherever the message repeats it, in
// another case or without its accents ("Je m'appelle Karim Benali … au nom
// de benali", "Nguyễn Thị Lan (écrit nguyen thi lan sur le visa)"), or
// written in one word ("Walid Ben Salah … pas Bensalah").

// nameSet holds the folded words of the names found so far. Each word
// that may be looked for alone points to its place in its name, and a bit
// filter on the words' hashes makes most words of the text cost one test.
type nameSet struct {
	filter [1024]uint64
	names  [][]string             // folded words of each name
	at     map[uint32][]namePlace // a looked-for word → its places
	seen   map[string]bool        // names already collected, as written
	added  []namePlace            // every looked-for word, in the order added
	// before and after index the places of a word by the word written
	// before or after it in its name (wordPair of both hashes): a repeat
	// reads the few places its neighbours may extend, not every place of
	// its word (a family's or a register's shared surname).
	before, after map[uint64][]int32 // → indices in added
}

type namePlace struct {
	name, pos int
	word      string
	hash      uint32
	idx       int32 // index in nameSet.added
}

// add adds word w, at place pos of name (-1 for two words joined),
// whose words are words.
func (ns *nameSet) add(w string, name, pos int, words []string) {
	h := wordHash([]byte(w))
	if ns.at == nil {
		ns.at = map[uint32][]namePlace{}
		ns.before = map[uint64][]int32{}
		ns.after = map[uint64][]int32{}
	}
	ns.filter[h>>6&1023] |= 1 << (h & 63)
	p := namePlace{name: name, pos: pos, word: w, hash: h, idx: int32(len(ns.added))}
	ns.at[h] = append(ns.at[h], p)
	ns.added = append(ns.added, p)
	if pos > 0 {
		k := wordPair(h, wordHash([]byte(words[pos-1])))
		ns.before[k] = append(ns.before[k], p.idx)
	}
	if pos >= 0 && pos+1 < len(words) {
		k := wordPair(h, wordHash([]byte(words[pos+1])))
		ns.after[k] = append(ns.after[k], p.idx)
	}
}

// wordPair is the key of a word's hash h beside a word of hash n.
func wordPair(h, n uint32) uint64 { return uint64(h)<<32 | uint64(n) }

func (ns *nameSet) mayHave(h uint32) bool {
	return ns.at != nil && ns.filter[h>>6&1023]&(1<<(h&63)) != 0
}

// mayHaveSince reports whether a text whose words f filters may hold a
// word of the names added after the first known ones.
func (ns *nameSet) mayHaveSince(known int, f *wordFilter) bool {
	for i := len(ns.added) - 1; i >= 0 && ns.added[i].name >= known; i-- {
		if f.has(ns.added[i].hash) {
			return true
		}
	}
	return false
}

// repeatedNames masks the other occurrences of the names found with a cue,
// whatever their case and accents; from one word of a name that is no
// common word, the words of the name around it are taken too. The pieces
// of a long text share one set of names.
func (sc *scanner) repeatedNames() {
	if sc.found != nil {
		sc.collectNames(sc.found)
		sc.markNames(sc.found)
		return
	}
	var ns nameSet
	sc.collectNames(&ns)
	sc.markNames(&ns)
}

// collectNames adds to ns the names found with a cue so far.
func (sc *scanner) collectNames(ns *nameSet) {
	for ci, n := 0, len(sc.cands); ci < n; ci++ {
		c := sc.cands[ci]
		if c.typ != NOM || c.conf < 0.75 || ns.seen[sc.s[c.start:c.end]] {
			continue
		}
		if ns.seen == nil {
			ns.seen = map[string]bool{}
		}
		ns.seen[sc.s[c.start:c.end]] = true
		sc.collectName(ns, c)
	}
}

// markNames masks the words of the text that repeat a name of ns.
func (sc *scanner) markNames(ns *nameSet) {
	if ns.at == nil {
		return
	}
	var cued *spanCover // built at the first repeat: most texts have none
	repeats := 0
	for i := 0; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != kWord || t.val == 0 || !ns.mayHave(t.val) {
			continue
		}
		if repeats++; repeats&255 == 0 && sc.cancelled() {
			return // names sharing words may cost more than the text's length
		}
		first, last, ok := sc.repeatAt(ns, i)
		if !ok || sc.nounRepeat(first, last) {
			continue
		}
		if cued == nil {
			cued = sc.cueNames()
		}
		if !cued.covers(int(sc.toks[first].start), int(sc.toks[last].end)) {
			if sc.joinsName(first-1, first) {
				first-- // "Mon mari Paul. Dubois Paul travaille."
			}
			if sc.joinsName(last+1, last+1) {
				last++ // "Mon fils Lucas … Lucas Garnier"
			}
		}
		sc.addToks(first, last, NOM, 0.7)
		i = last
	}
}

// repeatAt returns the tokens of the longest name of ns that word i
// repeats, with the words of that name around it ("Pierre Benali … Sofia
// Benali … pierre benali": both names hold "benali", the first one fits).
//
// Of the places of that word, only the first and those whose name has the
// word before or after word i beside it can give more than word i alone:
// those are the ones read, so that a word many names share costs as much
// as one.
func (sc *scanner) repeatAt(ns *nameSet, i int) (first, last int, ok bool) {
	if sc.inCompound(i) {
		return sc.compoundRepeat(ns, i)
	}
	h := sc.toks[i].val
	var r nameRepeat
	for _, p := range ns.at[h] {
		if sc.foldedIs(i, p.word) {
			r = sc.longerRepeat(r, ns, p, i)
			break
		}
	}
	if !r.ok {
		return 0, 0, false
	}
	if n, ok := sc.besideHash(i-1, i); ok {
		for _, k := range ns.before[wordPair(h, n)] {
			r = sc.longerRepeat(r, ns, ns.added[k], i)
		}
	}
	if n, ok := sc.besideHash(i+1, i+1); ok {
		for _, k := range ns.after[wordPair(h, n)] {
			r = sc.longerRepeat(r, ns, ns.added[k], i)
		}
	}
	return r.first, r.last, true
}

// compoundRepeat returns the tokens of the hyphenated compound holding
// word i when the whole compound repeats words of a name of ns in order
// (« Mme Anne Kervella-Gourvès … le dossier de Kervella-Gourvès »: until
// session 20 the second was left, a word of a compound never repeating a
// name, so that « Martin » never finds « Saint-Martin »).
func (sc *scanner) compoundRepeat(ns *nameSet, i int) (first, last int, ok bool) {
	first, last = sc.compoundAround(i)
	at := (i - first) / 2 // word i's place among the compound's words
	for _, p := range ns.at[sc.toks[i].val] {
		if p.pos < at || !sc.foldedIs(i, p.word) {
			continue
		}
		words := ns.names[p.name]
		start := p.pos - at
		if start+(last-first)/2 >= len(words) {
			continue
		}
		matches := true
		for k, q := first, start; k <= last; k, q = k+2, q+1 {
			matches = matches && sc.foldedIs(k, words[q])
		}
		if matches {
			return first, last, true
		}
	}
	return 0, 0, false
}

// compoundAround returns the first and last words of the hyphenated
// compound holding word i: words joined by a hyphen with no blank.
func (sc *scanner) compoundAround(i int) (first, last int) {
	first, last = i, i
	for first >= 2 && sc.punct(first-1) == '-' && sc.attached(first) && sc.attached(first-1) && sc.toks[first-2].kind == kWord {
		first -= 2
	}
	for last+2 < len(sc.toks) && sc.punct(last+1) == '-' && sc.attached(last+1) && sc.attached(last+2) && sc.toks[last+2].kind == kWord {
		last += 2
	}
	return first, last
}

// nameRepeat is a name written again: its tokens and the place of ns it
// was read from.
type nameRepeat struct {
	first, last int
	idx         int32
	ok          bool
}

// longerRepeat returns the name written again at word i read from place p
// when it is longer than r, or as long and p was added first; else r.
func (sc *scanner) longerRepeat(r nameRepeat, ns *nameSet, p namePlace, i int) nameRepeat {
	if !sc.foldedIs(i, p.word) {
		return r
	}
	f, l := sc.nameAround(ns, p, i)
	if !r.ok || l-f > r.last-r.first || l-f == r.last-r.first && p.idx < r.idx {
		return nameRepeat{first: f, last: l, idx: p.idx, ok: true}
	}
	return r
}

// besideHash returns the wordHash of word k folded, when it is a word and
// token gap, the later of k and its neighbour, follows a single blank,
// as nameAround reads the words of a name around a repeat.
func (sc *scanner) besideHash(k, gap int) (uint32, bool) {
	if k < 0 || k >= len(sc.toks) || sc.toks[gap].gap != gapSpace || sc.toks[k].kind != kWord {
		return 0, false
	}
	if v := sc.toks[k].val; v != 0 {
		return v, true
	}
	return wordHash([]byte(sc.folded(k))), true
}

// nameAround extends word i, at place p of its name, over the words of
// the name written before and after it.
func (sc *scanner) nameAround(ns *nameSet, p namePlace, i int) (first, last int) {
	first, last = i, i
	if p.pos < 0 {
		return first, last
	}
	words := ns.names[p.name]
	for q := p.pos - 1; q >= 0 && first > 0 && sc.toks[first].gap == gapSpace && sc.foldedIs(first-1, words[q]); q-- {
		first--
	}
	for q := p.pos + 1; q < len(words) && last+1 < len(sc.toks) && sc.toks[last+1].gap == gapSpace && sc.foldedIs(last+1, words[q]); q++ {
		last++
	}
	return first, last
}

// cueNames returns the spans of the names found with a cue, which ns
// holds: a repeat within one is the name as first written, whose cue
// ("Sou", "Doña", "Cabinet") is no surname. markNames adds names of a
// lower confidence only, so the spans hold while it runs.
func (sc *scanner) cueNames() *spanCover {
	var sp spanCover
	for _, c := range sc.cands {
		if c.typ == NOM && c.conf >= 0.75 {
			sp.spans = append(sp.spans, c)
		}
	}
	sp.index()
	return &sp
}

// joinsName reports whether word k, beside a name written again, is
// part of it: on the same line, one blank between them (gap is the token
// after the blank), capitalised, no common word, no first name that is
// also one, not in capitals (an acronym: "CAF Paul"), nor in a hyphenated
// compound, as a surname read with a first name found without a cue.
func (sc *scanner) joinsName(k, gap int) bool {
	if k < 0 || k >= len(sc.toks) || sc.caseless || sc.toks[gap].gap != gapSpace {
		return false
	}
	t := sc.toks[k]
	return t.kind == kWord && t.cue == 0 && t.end-t.start >= 2 && t.shape&shCap != 0 && t.shape&shUpper == 0 &&
		sc.bits(k)&(notName|wStop|wFirstAmb|wParticle|wCountry) == 0 && !sc.inCompound(k)
}

// folded returns word i folded, or "" for a token that is no word.
func (sc *scanner) folded(i int) string {
	if sc.toks[i].kind != kWord {
		return ""
	}
	if e := sc.toks[i].ent; e != 0 {
		return lex.entries[e].word
	}
	var buf [64]byte
	return string(fold.Append(buf[:0], sc.text(i)))
}

// foldedIs reports whether word i, folded, is w, without allocating.
func (sc *scanner) foldedIs(i int, w string) bool {
	t := &sc.toks[i]
	if t.kind != kWord {
		return false
	}
	if t.ent != 0 {
		return lex.entries[t.ent].word == w
	}
	var buf [64]byte
	return string(fold.Append(buf[:0], sc.text(i))) == w
}

// foldedIn reports whether word i, folded, is in set, without allocating.
func (sc *scanner) foldedIn(i int, set map[string]bool) bool {
	t := &sc.toks[i]
	if t.kind != kWord {
		return false
	}
	if t.ent != 0 {
		return set[lex.entries[t.ent].word]
	}
	if t.end-t.start > 32 {
		return false
	}
	var buf [64]byte
	return set[string(fold.Append(buf[:0], sc.text(i)))]
}

// collectName adds the name c to ns: its words, the words that may be
// looked for alone, and each of those joined to the word before it ("Ben
// Salah": "bensalah").
func (sc *scanner) collectName(ns *nameSet, c cand) {
	first := sort.Search(len(sc.toks), func(k int) bool { return int(sc.toks[k].start) >= c.start })
	var words []string
	var toks []int
	for k := first; k < len(sc.toks) && int(sc.toks[k].start) < c.end && len(words) < 8; k++ {
		if sc.toks[k].kind == kWord {
			words = append(words, sc.folded(k))
			toks = append(toks, k)
		}
	}
	name := len(ns.names)
	ns.names = append(ns.names, words)
	for pos, k := range toks {
		if !sc.repeatableName(k) {
			continue
		}
		ns.add(words[pos], name, pos, words)
		if pos > 0 && toks[pos-1] == k-1 && sc.toks[k].gap == gapSpace {
			ns.add(words[pos-1]+words[pos], name, -1, words)
		}
	}
}

// repeatableName reports whether word k of a name may be looked for
// elsewhere: no common word, no first name that is also one.
func (sc *scanner) repeatableName(k int) bool {
	t := sc.toks[k]
	return t.end-t.start >= 4 && sc.bits(k)&(notName|wStop|wFirstAmb|wParticle|wCountry) == 0
}

// inCompound reports whether word i is part of a hyphenated compound:
// "Sainte-Anne", "Saint-Martin" hold a first name and name a place.
func (sc *scanner) inCompound(i int) bool {
	return i > 0 && sc.punct(i-1) == '-' && sc.attached(i) || sc.punct(i+1) == '-' && sc.attached(i+1)
}
