package redact

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// chunkBytes is the size of the pieces the detectors work on, so that the
// memory of one pass stays bounded whatever the input size. Pieces end at a
// blank line, a line break or a sentence end when there is one.
const chunkBytes = 1 << 20

// chunkOverlap is how much text each piece's scan reads on either side of
// the piece: a value that crosses a cut is seen whole, with its context, by
// the scans of both pieces. Every value and cue is far shorter.
const chunkOverlap = 8 << 10

// chunkEdge is how near a window's cut side a value must not come to be
// taken from that window's reading.
const chunkEdge = chunkOverlap / 4

// window is one piece of a long text, text[base:end], and what the
// detectors read of it, text[lo:hi].
type window struct {
	lo, base, end, hi int
}

// chunkScan is what the first pass keeps of one piece for the second: its
// window, how many names were known once it was read, and a bit filter of
// the hashes of its words.
type chunkScan struct {
	w      window
	known  int
	filter *wordFilter
}

// wordFilter is a bit filter on word hashes.
type wordFilter [4096]uint64

func (f *wordFilter) set(h uint32)      { f[h>>6&4095] |= 1 << (h & 63) }
func (f *wordFilter) has(h uint32) bool { return f[h>>6&4095]&(1<<(h&63)) != 0 }

// detect validates text and returns the resolved spans of personal data, in
// text order, offsets relative to text. The detectors read the text's
// normal view (see normalView).
func detect(ctx context.Context, text string) ([]cand, error) {
	spans, _, err := detectShops(ctx, text)
	return spans, err
}

// detectShops is detect that also returns the spans of the shops,
// brands and landmarks kept whole (keepname.go), which the values found
// again elsewhere must not break (outsideShops).
func detectShops(ctx context.Context, text string) (spans, shops []cand, err error) {
	spans, err = detectAll(ctx, text)
	if err != nil {
		return nil, nil, err
	}
	spans, shops = splitShops(spans)
	return spans, shops, nil
}

// detectAll is detect with the shops' spans among the others.
func detectAll(ctx context.Context, text string) ([]cand, error) {
	if len(text) > MaxInputBytes {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(text), MaxInputBytes)
	}
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("%w (first bad byte at offset %d)", ErrInvalidUTF8, FirstInvalid(text))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("redact: %w", err)
	}
	v := unglue(normalView(text))
	sc := scanner{done: ctx.Done()}
	sc.takeBuffers()
	defer sc.giveBuffers()
	if len(v.s) <= chunkBytes {
		spans := dropKeeps(sc.resolve(sc.scan(v.s)))
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("redact: %w", err)
		}
		return v.mapSpans(spans), nil
	}
	spans, err := detectChunks(ctx, &sc, v.s)
	if err != nil {
		return nil, err
	}
	return v.mapSpans(spans), nil
}

// scanBuffers are the buffers of a scanner that no result of detect
// refers to: the next call of detect reuses them rather than allocate
// them again (a long text's tokens take megabytes).
type scanBuffers struct {
	toks   []token
	cands  []cand
	addrs  []addrPart
	runs   []int
	sorted []cand
}

var scanBufferPool sync.Pool // of *scanBuffers

// takeBuffers gives sc the buffers of an earlier scanner, if any.
func (sc *scanner) takeBuffers() {
	if b, ok := scanBufferPool.Get().(*scanBuffers); ok {
		sc.toks, sc.cands, sc.addrs = b.toks[:0], b.cands[:0], b.addrs[:0]
		sc.sorter.runs, sc.sorter.sorted = b.runs[:0], b.sorted[:0]
	}
}

// giveBuffers hands sc's buffers on to a later scanner. Its resolved
// candidates (sc.acc) are not among them: detect returns them.
func (sc *scanner) giveBuffers() {
	scanBufferPool.Put(&scanBuffers{toks: sc.toks, cands: sc.cands, addrs: sc.addrs, runs: sc.sorter.runs, sorted: sc.sorter.sorted})
}

// detectChunks detects the values of a text longer than one piece. The
// pieces' windows overlap, so a value across a cut is read whole; a name
// found in one piece is looked for in every piece, the earlier ones by a
// second pass over those whose words may hold it.
func detectChunks(ctx context.Context, sc *scanner, text string) ([]cand, error) {
	sc.found = &nameSet{}
	// room for the tokens of the largest window, so that they are
	// allocated once
	if want := (chunkBytes+4*chunkOverlap)/4 + 16; cap(sc.toks) < want {
		sc.toks = make([]token, 0, want)
	}
	var all []cand
	var chunks []chunkScan
	for base := 0; base < len(text); {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("redact: %w", err)
		}
		end := chunkEnd(text, base)
		w := window{lo: overlapStart(text, base), base: base, end: end, hi: overlapEnd(text, end)}
		sc.cutEnd = w.hi < len(text)
		cands := sc.resolve(sc.scan(text[w.lo:w.hi]))
		if all == nil {
			// as many values per byte in the pieces to come
			all = make([]cand, 0, len(cands)*(len(text)/(end-base)+1))
		}
		all = appendRead(all, cands, w, len(text))
		chunks = append(chunks, chunkScan{w: w, known: len(sc.found.names), filter: sc.wordFilter()})
		base = end
	}
	for _, c := range chunks {
		if !sc.found.mayHaveSince(c.known, c.filter) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("redact: %w", err)
		}
		all = appendRead(all, sc.rescanNames(text[c.w.lo:c.w.hi]), c.w, len(text))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("redact: %w", err)
	}
	sc.s = text
	sc.acc = all[:0] // resolved in place: all is sorted, resolve writes behind what it reads
	return dropKeeps(sc.resolve(all)), nil
}

// appendRead merges into all, sorted as resolve sorts, the candidates of
// w's scan, sorted too, with offsets moved to the whole text of n bytes,
// but for those within chunkEdge of a side of the window that cuts the
// text: they were read without their context, and the window next to that
// side reads them whole. Both windows' readings of the text they share
// are kept; the final resolve merges them, so a value masked by either
// stays masked. Only the few candidates of the shared text are moved.
func appendRead(all, cands []cand, w window, n int) []cand {
	from, to := w.lo+chunkEdge, w.hi-chunkEdge
	if w.lo == 0 {
		from = 0
	}
	if w.hi == n {
		to = n
	}
	kept := cands[:0]
	for _, c := range cands {
		c.start += w.lo
		c.end += w.lo
		if c.start >= from && c.end <= to {
			kept = append(kept, c)
		}
	}
	if len(kept) == 0 {
		return all
	}
	idx := sort.Search(len(all), func(i int) bool { return candBefore(kept[0], all[i]) })
	tail := slices.Clone(all[idx:])
	all = all[:idx]
	for len(tail) > 0 && len(kept) > 0 {
		if candBefore(kept[0], tail[0]) {
			all, kept = append(all, kept[0]), kept[1:]
		} else {
			all, tail = append(all, tail[0]), tail[1:]
		}
	}
	return append(append(all, tail...), kept...)
}

// candBefore reports whether a sorts before b: by start, the longest
// first.
func candBefore(a, b cand) bool {
	return a.start < b.start || a.start == b.start && a.end > b.end
}

// dropKeeps removes the protected spans, which mask nothing, in place.
func dropKeeps(cands []cand) []cand {
	out := cands[:0]
	for _, c := range cands {
		if c.typ != typKeep {
			out = append(out, c)
		}
	}
	return out
}

// wordFilter returns a filter of the hashes of the words of the last scan.
func (sc *scanner) wordFilter() *wordFilter {
	f := new(wordFilter)
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind == kWord && t.val != 0 {
			f.set(t.val)
		}
	}
	return f
}

// rescanNames returns the names of sc.found that s repeats.
func (sc *scanner) rescanNames(s string) []cand {
	sc.s = s
	sc.toks = tokenize(s, sc.toks)
	sc.cands = sc.cands[:0]
	sc.markNames(sc.found)
	return sc.resolve(sc.cands)
}

// chunkEnd returns where the chunk that starts at base ends: the whole rest
// when it is small, else the last paragraph break, line break, sentence end
// or blank in the second half of the next chunkBytes, else a rune boundary.
func chunkEnd(text string, base int) int {
	if len(text)-base <= chunkBytes {
		return len(text)
	}
	// only the second half is searched: a cut must fall there, and a text
	// without blanks is read half as much
	half := base + chunkBytes/2
	second := text[half : base+chunkBytes]
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if k := strings.LastIndex(second, sep); k >= 0 {
			return half + k + len(sep)
		}
	}
	return runeStartBefore(text, base+chunkBytes)
}

// overlapStart returns where the scan of the piece that starts at base
// starts: chunkOverlap bytes before it, moved back to the start of a line
// or a word when one is near.
func overlapStart(text string, base int) int {
	lo := base - chunkOverlap
	if lo <= 0 {
		return 0
	}
	near := text[max(0, lo-chunkOverlap/2):lo]
	for _, sep := range []byte{'\n', ' '} {
		if k := strings.LastIndexByte(near, sep); k >= 0 {
			return lo - len(near) + k + 1
		}
	}
	return runeStartBefore(text, lo)
}

// overlapEnd returns where the scan of the piece that ends at end ends:
// chunkOverlap bytes after it, moved on to the end of a line or a word when
// one is near.
func overlapEnd(text string, end int) int {
	hi := end + chunkOverlap
	if hi >= len(text) {
		return len(text)
	}
	near := text[hi:min(len(text), hi+chunkOverlap/2)]
	for _, sep := range []byte{'\n', ' '} {
		if k := strings.IndexByte(near, sep); k >= 0 {
			return hi + k + 1
		}
	}
	return runeStartBefore(text, hi)
}

// runeStartBefore returns i, or the start of the rune i falls inside.
func runeStartBefore(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
