package redact

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

// A session that goes on from an earlier one (NewSessionFrom) knows the
// values of its mapping: a text redacted in it has each of them masked
// wherever it is written again, whatever its form, and not only where a
// detector finds it ("allocataire 7654321" in the message, a bare
// "76 54 321" in the reply; "Karim Benali", then "KARIM-BENALI" or
// "M. Benali").

// minKnownKey is the shortest folded key looked for: shorter values
// ("Li", "12") would match words and numbers of any text.
const minKnownKey = 4

// knownKey is one value of a mapping, folded to its letters and digits.
type knownKey struct {
	key string
	typ Type
	ph  string // the value's placeholder; "" for a word of a name
	// capital: the value is a name's word that is also a common word or
	// first name ("Noel", "Rivière"), found only where written with a
	// capital.
	capital bool
}

// knownKeys returns the keys of m's values: each value whole, and each
// word of a name that is no function word. A word that is also a common
// word or first name ("Noel", "Rivière") is found only capitalised; for a
// text's own values (self), so is any name or name's word.
func knownKeys(m Mapping, self bool) []knownKey {
	var keys []knownKey
	for ph, e := range m.entries {
		if _, ph := nextPlaceholder(e.value, 0); !e.restore || ph {
			continue // no value, or a placeholder standing for itself (Recover)
		}
		whole := foldAlnum(e.value)
		if len(whole) >= minKnownKey {
			keys = append(keys, knownKey{key: whole, typ: e.typ, ph: ph, capital: e.typ == NOM && capitalOnly(whole, self)})
		}
		if e.typ != NOM {
			continue
		}
		for _, w := range strings.FieldsFunc(e.value, notAlnum) {
			k := foldAlnum(w)
			if len(k) >= minKnownKey && k != whole && lex.entries[lex.words[k]].bits&skipWords(self) == 0 {
				keys = append(keys, knownKey{key: k, typ: NOM, capital: capitalOnly(k, self)})
			}
		}
	}
	// The mapping is a map: in a fixed order, the same text gives the same
	// spans whatever the iteration's (a whole value before a name's word
	// where both end at the same place).
	slices.SortFunc(keys, func(a, b knownKey) int {
		return cmp.Or(cmp.Compare(len(b.ph), len(a.ph)), cmp.Compare(a.ph, b.ph), cmp.Compare(a.key, b.key), cmp.Compare(a.typ, b.typ))
	})
	return keys
}

// capitalOnly reports whether a name's folded word k is looked for only
// where written with a capital: a first name that is also a common word
// or a common content word ("Noel", "Rivière": "la rivière" stays); for
// a text's own values, every name (repeatedNames finds a name's repeats
// in small letters where they are no common word).
func capitalOnly(k string, self bool) bool {
	if self {
		return true
	}
	e, ok := lex.words[k]
	return ok && lex.entries[e].bits&(wStop|wFirstAmb) != 0
}

// skipWords are the bits of a name's words never looked for alone: a
// function word or a particle, and for a text's own values a country
// ("France Dupont" … "France Travail").
func skipWords(self bool) wordBits {
	if self {
		return wFunc | wParticle | wCountry
	}
	return wFunc | wParticle
}

func notAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// alnumEnd returns the end of the letters and digits from i.
func alnumEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if notAlnum(r) {
			break
		}
		i += size
	}
	return i
}

// foldAlnum folds s (case, accents) and keeps its letters and digits.
func foldAlnum(s string) string {
	f := fold.String(s)
	return strings.Map(func(r rune) rune {
		if notAlnum(r) {
			return -1
		}
		return r
	}, f)
}

// knownSpan is a value of a mapping written again, with its placeholder.
type knownSpan struct {
	cand
	ph string
}

// knownSpans returns the spans of text that write a value of m again: from
// a word's start to a word's end, the value's letters and digits, folded,
// with blanks or punctuation between them ("07.98.76.54.32", "Benali
// Karim" does not match "Karim Benali": its words are found one by one).
// A whole value keeps its placeholder.
func knownSpans(text string, m Mapping) []knownSpan {
	return keySpans(text, knownKeys(m, false), nil)
}

// keySpans returns the spans of text that write one of keys, the longest
// at each word's start, outside the spans of skip (in text order, apart).
func keySpans(text string, keys []knownKey, skip []cand) []knownSpan {
	if len(keys) == 0 {
		return nil
	}
	idx := indexKeys(keys)
	var out []knownSpan
	for i := 0; i < len(text); {
		for len(skip) > 0 && skip[0].end <= i {
			skip = skip[1:]
		}
		if len(skip) > 0 && skip[0].start <= i {
			i = skip[0].end
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if notAlnum(r) {
			i += size
			continue
		}
		if i > 0 && !notAlnum(lastRune(text[:i])) {
			i = alnumEnd(text, i) // inside a word, after a skipped span
			continue
		}
		best := knownSpan{cand: cand{start: i, end: -1}}
		short, long := idx.at(text, i)
		best = longestKey(text, best, keys, long, unicode.IsUpper(r))
		best = longestKey(text, best, keys, short, unicode.IsUpper(r))
		if best.end < 0 {
			i = alnumEnd(text, i)
			continue
		}
		best.conf = 0.9
		out = append(out, best)
		i = best.end
	}
	return out
}

// longestKey returns the longest of best and the keys of list written from
// best.start; upper tells whether the text there starts with a capital.
func longestKey(text string, best knownSpan, keys []knownKey, list []int, upper bool) knownSpan {
	for _, ki := range list {
		k := &keys[ki]
		if k.capital && !upper {
			continue
		}
		if end := matchKey(text, best.start, k.key); end > best.end {
			best.end, best.typ, best.ph = end, k.typ, k.ph
		}
	}
	return best
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// maxKnownGap is the most characters that are no letter or digit between
// two of a value's ("07 - 98", "Karim  Benali").
const maxKnownGap = 3

// matchKey returns the end of key written from i, ending a word, or -1.
func matchKey(text string, i int, key string) int {
	var buf [16]byte
	k, gap := 0, 0
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if notAlnum(r) {
			if gap++; gap > maxKnownGap || r == '\n' {
				return -1
			}
			j += size
			continue
		}
		f := fold.Append(buf[:0], text[j:j+size])
		if k+len(f) > len(key) || string(f) != key[k:k+len(f)] {
			return -1
		}
		k, gap, j = k+len(f), 0, j+size
		if k == len(key) {
			if j < len(text) && !notAlnum(firstRune(text[j:])) {
				return -1 // the word goes on: "Benalis"
			}
			return j
		}
	}
	return -1
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// placeholderAt returns the placeholder of the known value that spans c
// exactly, if any; known is in text order.
func placeholderAt(known []knownSpan, c cand) (string, bool) {
	i := sort.Search(len(known), func(i int) bool { return known[i].start >= c.start })
	if i < len(known) && known[i].start == c.start && known[i].end == c.end && known[i].typ == c.typ && known[i].ph != "" {
		return known[i].ph, true
	}
	return "", false
}

// withExpected adds to known, in text order, the spans of expected values
// (Session.Expect) that overlap none of them and that text writes with a
// capital (a note's « Rose Justice » makes « Je demande justice » no
// name), without their placeholder: such a value is numbered in this
// session where it is first masked.
func withExpected(text string, known, expected []knownSpan) []knownSpan {
	for _, e := range expected {
		overlaps := slices.ContainsFunc(known, func(k knownSpan) bool { return k.start < e.end && e.start < k.end })
		if r, _ := utf8.DecodeRuneInString(text[e.start:]); !overlaps && unicode.IsUpper(r) {
			e.ph = ""
			known = append(known, e)
		}
	}
	slices.SortStableFunc(known, func(a, b knownSpan) int { return cmp.Compare(a.start, b.start) })
	return known
}

// cands returns the spans of known.
func cands(known []knownSpan) []cand {
	out := make([]cand, len(known))
	for i, k := range known {
		out[i] = k.cand
	}
	return out
}

// keyHead is the first bytes of a key: keySpans tries at a word only the
// keys whose text there begins the same, so that a text's many values cost
// little more than a few. A key of 8 bytes or more is indexed by its first
// 8 (the phone numbers of a long list share their first 4), a shorter one
// by its first minKnownKey.
type keyHead [8]byte

// keyIndex holds the indices of keys by their heads, and a bit filter of
// their first minKnownKey bytes that most words of a text fail.
type keyIndex struct {
	short, long map[keyHead][]int
	filter      []uint64 // about 16 bits a key, a power of two
	shift       uint     // 32 minus the filter's bits
}

func indexKeys(keys []knownKey) *keyIndex {
	idx := &keyIndex{short: map[keyHead][]int{}, long: map[keyHead][]int{}, shift: 32 - 10}
	for idx.shift > 12 && 1<<(32-idx.shift) < 16*len(keys) {
		idx.shift--
	}
	idx.filter = make([]uint64, 1<<(32-idx.shift)/64)
	for i, k := range keys {
		var h keyHead
		b := headBit(k.key, idx.shift)
		idx.filter[b>>6] |= 1 << (b & 63)
		if len(k.key) >= len(h) {
			copy(h[:], k.key)
			idx.long[h] = append(idx.long[h], i)
			continue
		}
		copy(h[:], k.key[:minKnownKey])
		idx.short[h] = append(idx.short[h], i)
	}
	return idx
}

// headBit is the filter's bit of a head's first minKnownKey bytes, for a
// filter of 32 - shift bits.
func headBit[S string | []byte](h S, shift uint) uint32 {
	v := uint32(h[0]) | uint32(h[1])<<8 | uint32(h[2])<<16 | uint32(h[3])<<24
	return (v * 0x9E3779B1) >> shift
}

// at returns the keys that may be written from i.
func (idx *keyIndex) at(text string, i int) (short, long []int) {
	h, n := keyPrefix(text, i, minKnownKey)
	if n < minKnownKey {
		return nil, nil
	}
	if b := headBit(h[:], idx.shift); idx.filter[b>>6]&(1<<(b&63)) == 0 {
		return nil, nil
	}
	if len(idx.long) > 0 {
		if full, n := keyPrefix(text, i, len(h)); n == len(h) {
			long = idx.long[full]
		}
	}
	clear(h[minKnownKey:])
	return idx.short[h], long
}

// keyPrefix returns the head of the letters and digits written from i,
// folded, read as matchKey reads them, up to max bytes, and how many of
// its bytes the text gave.
func keyPrefix(text string, i, max int) (keyHead, int) {
	var h keyHead
	var buf [16]byte
	n, gap := 0, 0
	for j := i; j < len(text) && n < max; {
		r, size := utf8.DecodeRuneInString(text[j:])
		j += size
		if notAlnum(r) {
			if gap++; gap > maxKnownGap || r == '\n' {
				break
			}
			continue
		}
		gap = 0
		if r < utf8.RuneSelf {
			h[n], n = byte(unicode.ToLower(r)), n+1
			continue
		}
		n += copy(h[n:], fold.Append(buf[:0], text[j-size:j]))
	}
	return h, n
}
