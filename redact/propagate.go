package redact

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A value found once, by its cue, is masked wherever the same text writes
// it again without one ("mon numéro caf 7654321 (je répète : 7654321)",
// "mot de passe : Azerty123 (oui Azerty123)", "Je suis Léa Rivière.
// Rivière, c'est mon nom."), as a continuing session masks the values of
// its earlier mapping (known.go), with the same safeguards: keys of
// minKnownKey letters or digits at least, from a word's start to a
// word's end. A name's word that is also a common word or first name is
// taken only where written with a capital ("la rivière" stays).

// repeatedSpans returns the spans of text that write again a value of
// detected, the spans the policy masks, in text order. A name's word
// written again takes in an initial before it ("O. Rivière") and a name
// found beside it ("Fontaine Nathalie"), so that both are one value.
func repeatedSpans(text string, detected []cand) []cand {
	var m Mapping
	for _, c := range detected {
		if propagates(c.typ) {
			m.placeholderFor(c.typ, text[c.start:c.end], true)
		}
	}
	found := keySpans(text, knownKeys(m, true), detected)
	out := make([]cand, 0, len(found))
	for _, k := range found {
		c := k.cand
		c.conf = 0.7
		if c.typ == NOM {
			if !standalone(text, c) {
				continue
			}
			c = joinNameParts(text, c, detected)
		}
		if !overridesNone(c, detected) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// propagates reports whether a value of type t is masked where written
// again. A special category's phrase is no value, and a town of birth
// written again is a town ("né à Bastia … j'habite Bastia").
func propagates(t Type) bool {
	return !t.Special() && t != NAISSANCE
}

// standalone reports whether the name's word c stands alone: no part of
// a hyphenated compound ("Sainte-Anne"), an e-mail address or a web
// address ("sie.annecy@…").
func standalone(text string, c cand) bool {
	if c.start > 0 && strings.ContainsRune("-.@_/", rune(text[c.start-1])) {
		return false
	}
	if c.end == len(text) {
		return true
	}
	switch text[c.end] {
	case '-', '@', '_', '/':
		return false
	case '.':
		return c.end+1 == len(text) || notAlnum(firstRune(text[c.end+1:]))
	}
	return true
}

// overridesNone reports whether c takes in no detected value but names
// its span wholly holds: a value written again leaves a value found
// otherwise its span and type.
func overridesNone(c cand, detected []cand) bool {
	i := sort.Search(len(detected), func(i int) bool { return detected[i].end > c.start })
	for ; i < len(detected) && detected[i].start < c.end; i++ {
		d := detected[i]
		if d.typ != NOM || d.start < c.start || d.end > c.end {
			return false
		}
	}
	return true
}

// joinNameParts widens c, a name's word written again, over an initial
// written before it and over a name of detected beside it, one blank
// between them.
func joinNameParts(text string, c cand, detected []cand) cand {
	if s, ok := initialBefore(text, c.start); ok {
		c.start = s
	}
	// detected do not overlap: their ends are in order as their starts
	if i := sort.Search(len(detected), func(i int) bool { return detected[i].end >= c.start-1 }); i < len(detected) {
		if d := detected[i]; d.typ == NOM && d.end+1 == c.start && text[d.end] == ' ' {
			c.start = d.start
		}
	}
	if i := sort.Search(len(detected), func(i int) bool { return detected[i].start >= c.end+1 }); i < len(detected) {
		if d := detected[i]; d.typ == NOM && d.start == c.end+1 && text[c.end] == ' ' {
			c.end = d.end
		}
	}
	return c
}

// initialBefore returns the start of an initial written before i ("O. "
// of "O. Rivière"): one capital letter, its dot and one blank, at a
// line's or a word's start. "M. " is Monsieur, no initial.
func initialBefore(text string, i int) (int, bool) {
	if i < 3 || text[i-1] != ' ' || text[i-2] != '.' {
		return 0, false
	}
	r, size := utf8.DecodeLastRuneInString(text[:i-2])
	s := i - 2 - size
	if !unicode.IsUpper(r) || r == 'M' {
		return 0, false
	}
	if s > 0 && !notAlnum(lastRune(text[:s])) {
		return 0, false
	}
	return s, true
}
