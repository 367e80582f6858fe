package rag

import (
	"strings"

	"github.com/plume-sp/plume/fold"
)

// A draft leaks a system prompt when it reproduces leakChain of its words in
// order, even with words inserted or left out: consecutive words of the
// chain may be up to leakDraftGap words apart in the draft and
// leakPromptGap words apart in the prompt. Inserting up to four words
// between each, or dropping one, does not break the chain. None of the 535
// real fiches is taken for a leak with these settings.
const (
	leakChain     = 10
	leakDraftGap  = 5
	leakPromptGap = 2
)

// promptShingles indexes the words of the system prompts, accent-folded, for
// leaksPrompt.
type promptShingles struct {
	// positions lists where each word occurs in the prompts, laid end to
	// end with a gap wider than leakPromptGap so no chain spans two.
	positions map[string][]int
}

func newPromptShingles(systemTexts []string) promptShingles {
	set := promptShingles{positions: map[string][]int{}}
	at := 0
	for _, sys := range systemTexts {
		for _, w := range strings.Fields(fold.Words(sys)) {
			set.positions[w] = append(set.positions[w], at)
			at++
		}
		at += leakPromptGap + 1
	}
	return set
}

// leaksPrompt reports whether the draft reproduces a chain of leakChain
// words of a system prompt (see leakChain). It runs in time proportional to
// the draft's length times the occurrences of its words in the prompts.
func (set promptShingles) leaksPrompt(draft string) bool {
	sc := set.scanner()
	return sc.feed(draft)
}

// leakScanner reads a draft piece by piece for leaksPrompt, so that a
// stream is scanned once, not again at each piece.
type leakScanner struct {
	set promptShingles
	// runs[k] maps a prompt position to the longest chain ending there at
	// the draft word k words back (k = 1 … leakDraftGap).
	runs [leakDraftGap + 1]map[int]int
}

func (set promptShingles) scanner() *leakScanner { return &leakScanner{set: set} }

// feed reads the next piece of the draft, which must end between words,
// and reports whether the draft so far leaks a prompt.
func (sc *leakScanner) feed(piece string) bool {
	for _, w := range strings.Fields(fold.Words(piece)) {
		cur := map[int]int{}
		for _, p := range sc.set.positions[w] {
			best := 1
			for k := 1; k <= leakDraftGap; k++ {
				for dp := 1; dp <= leakPromptGap; dp++ {
					if n := sc.runs[k][p-dp]; n+1 > best {
						best = n + 1
					}
				}
			}
			if best >= leakChain {
				return true
			}
			cur[p] = best
		}
		copy(sc.runs[2:], sc.runs[1:leakDraftGap])
		sc.runs[1] = cur
	}
	return false
}
