package redact

// wordTable finds the lexicon entry of a folded word. It does what the
// lexicon's map does, faster: tokenize looks up every word of the text, and
// the table's open addressing with a cheap hash of the few bytes of a word
// costs about half a map lookup.
type wordTable struct {
	slots []wordSlot
	mask  uint32
}

type wordSlot struct {
	hash uint32
	ent  uint32 // 0: an empty slot
	key  string
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
	t := wordTable{slots: make([]wordSlot, n), mask: n - 1}
	for w, ent := range words {
		h := wordHash([]byte(w))
		i := h & t.mask
		for t.slots[i].ent != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{hash: h, ent: ent, key: w}
	}
	return t
}

// lookup returns the entry of the folded word b, whose wordHash is h, 0
// when it has none.
func (t *wordTable) lookup(b []byte, h uint32) uint32 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.ent == 0 {
			return 0
		}
		if s.hash == h && s.key == string(b) {
			return s.ent
		}
	}
}
