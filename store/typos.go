package store

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
)

// trigram is one of pg_trgm's trigrams: three bytes (three ASCII
// characters, or pg_trgm's 3-byte hash of longer ones).
type trigram [3]byte

// typoIndex holds the lexemes of lexeme_stats as of one refresh and their
// trigrams, as pg_trgm makes them, so that typo repair runs in memory (a
// search of the trigram index in the database took 3 to 15 ms a word on
// the whole corpus, and a long message asks for up to four).
type typoIndex struct {
	// generation is the refresh's (lexemeGeneration).
	generation int64
	lexemes    []string
	df, ddf    []int
	// size is the number of distinct trigrams of each lexeme.
	size []int
	// postings are the lexemes holding each trigram, ascending.
	postings map[trigram][]int32
}

// lexemeGeneration is the SQL of lexeme_stats' generation: the
// transaction that wrote the totals' row, which RefreshLexemeStats
// writes with every other (0: no totals' row, no generation).
const lexemeGeneration = `coalesce((SELECT xmin::text::bigint FROM lexeme_stats WHERE lexeme = ''), 0)`

// loadTypoIndex reads every lexeme of lexeme_stats, its frequencies and
// its trigrams (pg_trgm's show_trgm), and their generation.
func (s *Store) loadTypoIndex(ctx context.Context) (*typoIndex, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+lexemeGeneration+`, lexeme, df, ddf, show_trgm(lower(lexeme))
		FROM lexeme_stats ORDER BY lexeme`)
	if err != nil {
		return nil, fmt.Errorf("typo index: %w", err)
	}
	defer rows.Close()
	x := &typoIndex{postings: map[trigram][]int32{}}
	for rows.Next() {
		var lexeme string
		var df, ddf int
		var shown []string
		if err := rows.Scan(&x.generation, &lexeme, &df, &ddf, &shown); err != nil {
			return nil, fmt.Errorf("typo index: %w", err)
		}
		if err := x.add(lexeme, df, ddf, shown); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("typo index: %w", err)
	}
	return x, nil
}

// add appends a lexeme with its trigrams as show_trgm shows them.
func (x *typoIndex) add(lexeme string, df, ddf int, shown []string) error {
	at := int32(len(x.lexemes))
	x.lexemes, x.df, x.ddf = append(x.lexemes, lexeme), append(x.df, df), append(x.ddf, ddf)
	x.size = append(x.size, len(shown))
	for _, s := range shown {
		t, err := parseTrigram(s)
		if err != nil {
			return fmt.Errorf("typo index: lexeme %q: %w", lexeme, err)
		}
		x.postings[t] = append(x.postings[t], at)
	}
	return nil
}

// parseTrigram reads a trigram as show_trgm shows it: its three
// characters, or 0x and the six hex digits of a hashed one.
func parseTrigram(s string) (trigram, error) {
	var t trigram
	switch {
	case len(s) == 3:
		copy(t[:], s)
	case len(s) == 8 && strings.HasPrefix(s, "0x"):
		if _, err := hex.Decode(t[:], []byte(s[2:])); err != nil {
			return t, fmt.Errorf("trigram %q: %w", s, err)
		}
	default:
		return t, fmt.Errorf("trigram %q: not three characters or a hash", s)
	}
	return t, nil
}

// asciiTrigrams returns the distinct trigrams pg_trgm makes of an ASCII
// text: its words (runs of letters and digits), lowercased, each padded
// with two spaces before and one after; ok is false for a text with a
// byte outside ASCII, whose trigrams pg_trgm hashes.
func asciiTrigrams(text string) (set map[trigram]bool, ok bool) {
	for i := range len(text) {
		if text[i] >= 0x80 {
			return nil, false
		}
	}
	set = map[trigram]bool{}
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return !isASCIIAlnum(r) }) {
		padded := "  " + strings.ToLower(word) + " "
		for i := 0; i+3 <= len(padded); i++ {
			set[trigram{padded[i], padded[i+1], padded[i+2]}] = true
		}
	}
	return set, true
}

// isASCIIAlnum reports whether r is an ASCII letter or digit, of which
// pg_trgm's words are made; any other rune separates words.
func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// errTypoTie marks a word whose closest lexemes tie, which only the
// database's order of rows decides.
var errTypoTie = errors.New("typo repair: tied lexemes")

// fix returns the lexeme fixTypos's query picks for word: the most similar
// by pg_trgm's similarity (as float4) of at least typoSimilarity, the
// most frequent first among equals; ok is false when none is. It fails
// with errTypoTie when two lexemes tie on both, and when word is not ASCII
// or has more trigrams than common counts.
// common is a zeroed count per lexeme, which it leaves zeroed.
func (x *typoIndex) fix(word string, common []uint16) (stat TermStat, ok bool, err error) {
	grams, ascii := asciiTrigrams(word)
	if !ascii || len(grams) > math.MaxUint16 {
		return TermStat{}, false, fmt.Errorf("typo repair: %q is not ASCII or too long to count in memory", word)
	}
	var touched []int32
	for t := range grams {
		for _, at := range x.postings[t] {
			if common[at] == 0 {
				touched = append(touched, at)
			}
			common[at]++
		}
	}
	best, bestSim, tie := int32(-1), float32(0), false
	for _, at := range touched {
		n := int(common[at])
		common[at] = 0
		sim := float32(n) / float32(len(grams)+x.size[at]-n)
		if float64(sim) < typoSimilarity {
			continue
		}
		switch {
		case best < 0 || sim > bestSim || sim == bestSim && x.df[at] > x.df[best]:
			best, bestSim, tie = at, sim, false
		case sim == bestSim && x.df[at] == x.df[best]:
			tie = true
		}
	}
	if tie {
		return TermStat{}, false, errTypoTie
	}
	if best < 0 {
		return TermStat{}, false, nil
	}
	return TermStat{Lexeme: x.lexemes[best], Lexemes: 1, DF: x.df[best], DDF: x.ddf[best]}, true, nil
}

// fixAll is fixTypos in memory; ok is false when a word needs the
// database (see fix).
func (x *typoIndex) fixAll(words []string) (fixed map[string]TermStat, ok bool) {
	fixed = make(map[string]TermStat, len(words))
	common := make([]uint16, len(x.lexemes))
	for _, w := range words {
		stat, found, err := x.fix(w, common)
		if err != nil {
			return nil, false
		}
		if found {
			fixed[w] = stat
		}
	}
	return fixed, true
}

// typoCache keeps the typo index of the latest generation of lexeme_stats
// a search saw, read in the background the first time a search sees a
// generation; searches repair typos in the database meanwhile.
type typoCache struct {
	mu      sync.Mutex
	index   *typoIndex
	loading bool
	// failed is the generation whose reading failed: not tried again
	// (the database repairs typos until the next refresh).
	failed int64
	bg     background
}

// newTypoCache returns an empty cache.
func newTypoCache() *typoCache {
	c := &typoCache{}
	c.bg.init()
	return c
}

// close stops a reading under way and waits for it; none starts after.
func (c *typoCache) close() { c.bg.close(&c.mu) }

// current returns the index of generation, or nil; start is true when the
// caller must read it, which then counts as under way.
func (c *typoCache) current(generation int64) (x *typoIndex, start bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index != nil && c.index.generation == generation {
		return c.index, false
	}
	start = generation != 0 && !c.loading && c.failed != generation && c.bg.begin()
	c.loading = c.loading || start
	return nil, start
}

// done ends a reading asked for at generation: x, the index read, holds
// the latest lexemes.
func (c *typoCache) done(generation int64, x *typoIndex, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loading = false
	if err != nil {
		c.failed = generation
		return
	}
	c.index = x
}

// typoIndexAt returns the typo index of generation, or nil, and then
// starts reading it in the background.
func (s *Store) typoIndexAt(generation int64) *typoIndex {
	x, start := s.typos.current(generation)
	if start {
		s.typos.bg.run(func(ctx context.Context) {
			x, err := s.loadTypoIndex(ctx)
			s.typos.done(generation, x, err)
		})
	}
	return x
}
