package redact

// wordTable finds the lexicon entry of a folded word. It does what the
// lexicon's map does, faster: tokenize looks up every word of the text, and
// the table's open addressing with a cheap hash of the few bytes of a word
// costs about half a map lookup.
type wordTable struct {
	slots []uint64 // hash<<32 | entry, 0 for an empty slot: 8 bytes, so that the table stays in cache
	keys  []string // the word of each slot, compared only when the hash matches
	mask  uint32
}

// FNV-1a, 32 bits.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// wordHash hashes a folded word (FNV-1a, 32 bits). readWord computes the
// same hash of an ASCII word as it reads it.
func wordHash(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

// newWordTable indexes words, a load factor of at most one half.
func newWordTable(words map[string]uint32) wordTable {
	n := uint32(16)
	for int(n) < 2*len(words) {
		n *= 2
	}
	t := wordTable{slots: make([]uint64, n), keys: make([]string, n), mask: n - 1}
	for w, ent := range words {
		h := wordHash([]byte(w))
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = uint64(h)<<32 | uint64(ent)
		t.keys[i] = w
	}
	return t
}

// lookup returns the entry of the folded word b, whose wordHash is h, 0
// when it has none.
func (t *wordTable) lookup(b []byte, h uint32) uint32 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0
		}
		if uint32(s>>32) == h && t.keys[i] == string(b) {
			return uint32(s)
		}
	}
}

// lookupString is lookup for a word held in a string.
func (t *wordTable) lookupString(w string, h uint32) uint32 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0
		}
		if uint32(s>>32) == h && t.keys[i] == w {
			return uint32(s)
		}
	}
}
