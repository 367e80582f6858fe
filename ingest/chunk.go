package ingest

import (
	"strings"
	"unicode/utf8"
)

// Default chunk sizes, in characters (runes).
const (
	DefaultTargetChars = 1200
	DefaultMaxChars    = 1800
	DefaultMinChars    = 200
)

// ChunkOptions tunes Chunk. Zero fields take the defaults.
type ChunkOptions struct {
	// TargetChars is the size consecutive blocks of one section are packed
	// up to, and the size pieces of a long block aim at.
	TargetChars int
	// MaxChars bounds every chunk's length: a block longer than this is
	// split on sentence boundaries, and a sentence longer than this between
	// words.
	MaxChars int
	// MinChars is the size under which a section is merged with the
	// section that follows it (a sibling, or a section under the same
	// parent heading) when both fit in TargetChars. Negative disables
	// merging.
	MinChars int
}

func (o ChunkOptions) withDefaults() ChunkOptions {
	if o.TargetChars <= 0 {
		o.TargetChars = DefaultTargetChars
	}
	if o.MaxChars <= 0 {
		o.MaxChars = DefaultMaxChars
	}
	if o.MaxChars < o.TargetChars {
		o.MaxChars = o.TargetChars
	}
	if o.MinChars == 0 {
		o.MinChars = DefaultMinChars
	}
	if o.MinChars > o.TargetChars {
		o.MinChars = o.TargetChars
	}
	return o
}

// Piece is one retrievable chunk of a document: its position, the heading
// path it sits under (outermost first, without the document title) and its
// plain text. (It is not named Chunk because the function Chunk makes
// pieces; the store has its own chunk type.)
type Piece struct {
	Ordinal int
	Heading []string
	Text    string
}

// section is a run of consecutive blocks with the same heading path.
type section struct {
	heading []string
	texts   []string
	runes   int // total length, separators included
}

// Chunk cuts a document into pieces, following its structure:
//
//   - consecutive blocks with the same heading path are packed together up
//     to TargetChars (a short block may be packed up to MaxChars rather
//     than left alone);
//   - a block longer than MaxChars is split on sentence boundaries (French
//     abbreviations such as "M.", "art." or "n°" do not end sentences,
//     line breaks do) into pieces of about TargetChars, consecutive pieces
//     sharing one sentence of overlap; a single sentence longer than
//     MaxChars is cut between words;
//   - a section shorter than MinChars is merged with the next one when it
//     is a sibling or sits under the same parent, the merged chunk taking
//     their common heading path and each merged section's own heading
//     staying in the text as a line ("Coût", then "Gratuit.").
//
// A document without body text but with a description gives one chunk of
// its description. The result depends only on the document and options,
// and is computed in time linear in the document's size.
func Chunk(doc Document, opts ChunkOptions) []Piece {
	o := opts.withDefaults()
	secs := sections(doc.Blocks)
	c := &chunker{opts: o}
	for _, s := range secs {
		c.add(s)
	}
	c.flushPending()
	if len(c.out) == 0 {
		if d := strings.TrimSpace(doc.Description); d != "" {
			for _, p := range splitLong(d, o) {
				c.emit(nil, p)
			}
		}
	}
	return c.out
}

// sections groups consecutive blocks with equal heading paths, dropping
// empty texts.
func sections(blocks []Block) []section {
	var out []section
	for _, b := range blocks {
		t := strings.TrimSpace(b.Text)
		if t == "" {
			continue
		}
		n := utf8.RuneCountInString(t)
		if k := len(out) - 1; k >= 0 && equalStrings(out[k].heading, b.Heading) {
			out[k].texts = append(out[k].texts, t)
			out[k].runes += 1 + n
			continue
		}
		out = append(out, section{heading: b.Heading, texts: []string{t}, runes: n})
	}
	return out
}

type chunker struct {
	opts        ChunkOptions
	out         []Piece
	pending     []section
	pendingSize int
}

func (c *chunker) emit(heading []string, text string) {
	if text == "" {
		return
	}
	var h []string
	if len(heading) > 0 {
		h = append([]string(nil), heading...)
	}
	c.out = append(c.out, Piece{Ordinal: len(c.out), Heading: h, Text: text})
}

// mergedSize is the size s adds to a merged chunk: its text, its heading
// line and separators.
func mergedSize(s section) int {
	n := s.runes + 1
	for _, h := range s.heading {
		n += utf8.RuneCountInString(h) + 3
	}
	return n
}

func (c *chunker) add(s section) {
	o := c.opts
	if len(c.pending) > 0 {
		first := c.pending[0].heading
		related := commonPrefix(first, s.heading) >= len(first)-1
		if related && c.pendingSize+mergedSize(s) <= o.TargetChars {
			c.pending = append(c.pending, s)
			c.pendingSize += mergedSize(s)
			if c.pendingSize >= o.MinChars {
				c.flushPending()
			}
			return
		}
		c.flushPending()
	}
	if o.MinChars > 0 && s.runes < o.MinChars {
		c.pending = []section{s}
		c.pendingSize = mergedSize(s)
		return
	}
	for _, p := range packSection(s, o) {
		c.emit(s.heading, p)
	}
}

// flushPending emits the pending short sections as one chunk.
func (c *chunker) flushPending() {
	switch len(c.pending) {
	case 0:
		return
	case 1:
		c.emit(c.pending[0].heading, strings.Join(c.pending[0].texts, "\n"))
	default:
		common := c.pending[0].heading
		n := len(common)
		for _, s := range c.pending[1:] {
			n = min(n, commonPrefix(common, s.heading))
		}
		common = common[:n]
		var b strings.Builder
		for i, s := range c.pending {
			if i > 0 {
				b.WriteByte('\n')
			}
			if len(s.heading) > n {
				b.WriteString(strings.Join(s.heading[n:], " > "))
				b.WriteByte('\n')
			}
			b.WriteString(strings.Join(s.texts, "\n"))
		}
		c.emit(common, b.String())
	}
	c.pending = nil
	c.pendingSize = 0
}

func commonPrefix(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// packSection packs a section's blocks into pieces.
func packSection(s section, o ChunkOptions) []string {
	var pieces []string
	var cur strings.Builder
	curLen := 0
	flush := func() {
		if cur.Len() > 0 {
			pieces = append(pieces, cur.String())
			cur.Reset()
			curLen = 0
		}
	}
	for _, t := range s.texts {
		n := utf8.RuneCountInString(t)
		if n > o.MaxChars {
			flush()
			pieces = append(pieces, splitLong(t, o)...)
			continue
		}
		if curLen > 0 {
			fits := curLen+1+n <= o.TargetChars || curLen < o.MinChars && curLen+1+n <= o.MaxChars
			if !fits {
				flush()
			}
		}
		if curLen > 0 {
			cur.WriteByte('\n')
			curLen++
		}
		cur.WriteString(t)
		curLen += n
	}
	flush()
	return pieces
}

// span is a sentence of a text: t[start:end], end excluding the white
// space that follows.
type span struct {
	start, end int
	runes      int
}

// splitLong splits text into pieces of about TargetChars on sentence
// boundaries, each piece after the first starting with the last sentence
// of the previous one when that sentence is short (at most a third of
// TargetChars).
func splitLong(text string, o ChunkOptions) []string {
	if utf8.RuneCountInString(text) <= o.MaxChars {
		return []string{text}
	}
	sents := cutLongSentences(text, sentences(text), o)
	var pieces []string
	i := 0
	for i < len(sents) {
		j := i
		size := 0
		for j < len(sents) {
			add := sents[j].runes
			if j > i {
				add++
			}
			if j > i && size+add > o.TargetChars {
				break
			}
			size += add
			j++
		}
		pieces = append(pieces, strings.TrimSpace(text[sents[i].start:sents[j-1].end]))
		if j >= len(sents) {
			break
		}
		// One sentence of overlap, when it is short and the window moved on.
		if j-1 > i && sents[j-1].runes <= o.TargetChars/3 {
			i = j - 1
		} else {
			i = j
		}
	}
	return pieces
}

// cutLongSentences cuts sentences longer than MaxChars between words into
// parts of at most TargetChars.
func cutLongSentences(text string, sents []span, o ChunkOptions) []span {
	var out []span
	for _, s := range sents {
		if s.runes <= o.MaxChars {
			out = append(out, s)
			continue
		}
		start := s.start
		for start < s.end {
			// Find the byte offset after TargetChars runes.
			end, n := start, 0
			for end < s.end && n < o.TargetChars {
				_, size := utf8.DecodeRuneInString(text[end:])
				end += size
				n++
			}
			if end < s.end {
				if k := strings.LastIndexAny(text[start:end], " \n"); k > 0 {
					end = start + k
				}
			}
			part := span{start: start, end: end, runes: utf8.RuneCountInString(text[start:end])}
			out = append(out, part)
			start = end
			for start < s.end && (text[start] == ' ' || text[start] == '\n') {
				start++
			}
		}
	}
	return out
}
