package redact

import "strings"

// First names that are also common words ("pierre", "claire", "rose",
// "prudence"): alone they stay, but a relative ("mon fils pierre a 12
// ans"), a self-introduction ("je suis claire martin"), a greeting
// before a surname ("bonjour claire dupont") or a surname found right
// after them ("claire Martin") makes them names, in lower case,
// capitalised or in capitals. What follows the word decides: the end of a
// clause, a verb of which it is the subject or a surname; a preposition
// or an article keeps the common word ("je suis claire sur ce point", "ma
// fille rose de honte").

// ambCue is the kind of cue before an ambiguous first name.
type ambCue uint8

const (
	ambRelative ambCue = iota // "mon fils", "ma nièce"
	ambSelf                   // "je suis", "c'est": an adjective may follow
	ambHere                   // "ici": no adjective follows
	ambGreeting               // "bonjour", "salut"
	ambClosing                // "cordialement", "bien à vous": as a greeting, the name on the next line too
)

// Entries the rules compare words with.
var (
	// subjectVerbs follow a relative's first name that is the subject of
	// the clause: "mon fils pierre a 12 ans", "ma fille rose est malade".
	subjectVerbs = entrySet("a est et qui va vient vit habite travaille ne n il elle doit veut voudrait aura avait " +
		"etait fait sera peut pourra se s y lui ou aussi ira etudie ont sont")
	// greetingWords may stand before a name: "bonjour claire dupont";
	// indexed by entry, since every word of a text is looked up.
	greetingWords = entryFlags("bonjour bonsoir salut hello coucou hey bjr bsr slt")
	entIci        = lex.words["ici"]
	entGrace      = lex.words["grace"]
	entJuste      = lex.words["juste"]
	// determiners before a common word rule out a name that a surname
	// seems to follow: "la rose Martin", "en france Martin".
	determiners = entrySet("le la les l un une des du au aux ce cet cette en mon ton son ma ta sa mes tes ses " +
		"notre votre nos vos leur leurs")
)

// entrySet returns the lexicon entries of the folded words of list; a word
// the lexicon does not hold is left out.
func entrySet(list string) map[uint32]bool {
	set := map[uint32]bool{}
	for _, w := range strings.Fields(list) {
		if e := lex.words[w]; e != 0 {
			set[e] = true
		}
	}
	return set
}

// entryFlags returns, for every entry of the lexicon, whether it is one of
// the folded words of list.
func entryFlags(list string) []bool {
	flags := make([]bool, len(lex.entries))
	for e := range entrySet(list) {
		flags[e] = true
	}
	return flags
}

// ambFirst reports whether word j is a first name that is also a common
// word; months, countries and common content words ("mai", "france",
// "long") are left to the other rules.
func (sc *scanner) ambFirst(j int) bool {
	return j >= 0 && j < len(sc.toks) && sc.toks[j].kind == kWord && sc.isFirstName(j) &&
		sc.bits(j)&(wFirstAmb|wMonth|wCountry|wStop|wFunc) == wFirstAmb
}

// ambNameAt returns the last token of the name that the ambiguous first
// name at j starts after a cue of kind how, its surname included, or -1.
func (sc *scanner) ambNameAt(j int, how ambCue) int {
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine && how != ambClosing {
		return -1
	}
	place := how != ambGreeting && how != ambHere && sc.ambPlaceFirst(j)
	if !place && !sc.ambFirst(j) {
		return -1
	}
	last := sc.hyphenEnd(j)
	if l := sc.surnameEnd(last + 1); l >= 0 && !(place && (how == ambClosing || sc.commonSurname(last+1, l))) {
		return l // after a closing, a country stays before a word: "merci france bleu"
	}
	if l := sc.wordSurnameEnd(j, last+1); l >= 0 {
		return l // "bien à vous, olive petit", "JE SUIS OLIVE PETIT,", "Cordialement,\nFRANCE PETIT"
	}
	if place {
		if how == ambSelf && sc.relativeAfter(last+1) {
			return last // "c'est france, la mère de kevin"
		}
		return -1 // "ma mère france blanc", not "ma mère en france"
	}
	if how == ambGreeting || how == ambClosing {
		return -1 // "bonjour claire, …" may greet the agent
	}
	// "je suis claire.", "c'est rose": the adjective, unless capitalised
	// in a text that uses case
	adjective := how == ambSelf && notSMSName[lex.entries[sc.toks[j].ent].word] &&
		(sc.caseless || sc.toks[j].shape&shCap == 0)
	switch {
	case adjective:
		return -1
	case sc.clauseEndsAt(last+1, ambNameStops):
		return last
	case sc.subjectGoesOn(last+1, how) && !(sc.toks[last+1].ent == entA && sc.toks[j].ent == entGrace):
		return last // not "grâce à": "ma fille grace a vous a eu son bac"
	}
	return -1
}

// ambPlaceFirst reports whether word j is a first name that is also a
// country or a region ("france", "lorraine"), which firstnames.txt leaves
// out: after a relative or a self-introduction, it is a name when a
// surname follows it ("ma mère france blanc", "je suis france blanc").
func (sc *scanner) ambPlaceFirst(j int) bool {
	b := sc.bits(j)
	return sc.toks[j].kind == kWord && b&(wFirstAmb|wCountry) == wFirstAmb|wCountry && b&(wStop|wFunc|wMonth) == 0
}

// commonSurname reports whether a word from k to last, read as the
// surname after a country's first name, is a common word of the lexicon
// or a region's ("ma mère france entière", "france hauts seine").
func (sc *scanner) commonSurname(k, last int) bool {
	for ; k <= last; k++ {
		t := &sc.toks[k]
		if t.kind != kWord || sc.isFirstName(k) {
			continue
		}
		w := sc.folded(k)
		if t.ent != 0 && t.bits&wWordSurname == 0 || sc.has(k, wOrgWord) || adjectiveEnding(w) ||
			t.shape&shLower != 0 && hasSuffixOf(w, placeAdjEndings) {
			return true
		}
	}
	return false
}

// placeAdjEndings are endings of adjectives in lower case after a
// country's name ("france entière"), which commonEndings leaves to
// surnames elsewhere.
var placeAdjEndings = []string{"iere", "ieres", "ier", "iers", "elle", "elles"}

// wordSurnameEnd returns the last token of a frequent surname that is also
// a common word ([word-surname]: "petit", "fontaine") at k, after the
// ambiguous first name at j, when it ends the clause ("bien à vous, olive
// petit"), or -1. An adverb before it keeps both words ("c'est juste
// petit").
func (sc *scanner) wordSurnameEnd(j, k int) int {
	if k >= len(sc.toks) || sc.toks[k].gap != gapSpace || sc.toks[k].kind != kWord || !sc.has(k, wWordSurname) ||
		sc.toks[j].ent == entJuste {
		return -1
	}
	if e := sc.hyphenEnd(k); sc.clauseEndsAt(e+1, ambNameStops|stopOpener|stopNumber) {
		return e // "JE SUIS OLIVE PETIT ET JE VEUX…"
	}
	return -1
}

// hyphenEnd returns the last token of the hyphenated name that
// starts at word j ("rose-marie"), or j.
func (sc *scanner) hyphenEnd(j int) int {
	for p := 1; p < maxCompound && j+2 < len(sc.toks) && sc.punct(j+1) == '-' && sc.attached(j+1) && sc.attached(j+2) &&
		sc.toks[j+2].kind == kWord && sc.bits(j+2)&(wFunc|wStop) == 0; p++ {
		j += 2
	}
	return j
}

// subjectGoesOn reports whether token k goes on a clause whose subject is
// the first name before it: a verb, "et", "qui"; after a relative, a
// number too ("ma fille rose 3 ans").
func (sc *scanner) subjectGoesOn(k int, how ambCue) bool {
	t := sc.toks[k]
	if t.gap > gapBlank {
		return false
	}
	if t.kind == kNum {
		return how == ambRelative
	}
	return t.kind == kWord && (subjectVerbs[t.ent] || englishVerbs[sc.folded(k)])
}

// englishVerbs go on an English clause whose subject is the first name
// before them: "my son Tom is 5".
var englishVerbs = wordSet("is has was will and who lives works needs")

// relativeAfter reports whether a comma at k is followed by a relative
// that tells whose the name before it is: "c'est france, la mère de
// kevin", "c'est rose, sa fille".
func (sc *scanner) relativeAfter(k int) bool {
	if sc.punct(k) != ',' || k+2 >= len(sc.toks) || sc.toks[k+1].gap >= gapLine {
		return false
	}
	m := k + 1
	if sc.toks[m].kind == kWord && (determiners[sc.toks[m].ent] || sc.has(m, wPossessive)) {
		m++
	}
	return sc.toks[m].kind == kWord && sc.toks[m].gap < gapLine && sc.has(m, wRelative)
}

// surnameEnd returns the last token of a surname starting at word k, on
// the line of the first name before it, or -1: words that are no common
// word, compounds included ("dupont", "Dubois-Marchand", "martin").
func (sc *scanner) surnameEnd(k int) int {
	last := -1
	for words := 0; words < 3 && k < len(sc.toks) && sc.toks[k].gap == gapSpace && sc.surnameWord(k); words++ {
		last = sc.hyphenEnd(k)
		k = last + 1
	}
	return last
}

// surnameWord reports whether word k may be a surname after a first name
// that is also a common word: no word of the lexicon's lists (a first name
// excepted), no particle ("rose de honte"), and in lower case no ending
// of French adjectives, adverbs, participles or verbs ("claire
// concernant").
func (sc *scanner) surnameWord(k int) bool {
	t := sc.toks[k]
	if t.kind != kWord || t.end-t.start < 2 || sc.bits(k)&(notName|wStop|wParticle|wNumWord|wCountry) != 0 {
		return false
	}
	if sc.isFirstName(k) || (!sc.caseless && t.shape&shCap != 0) {
		return true
	}
	w := sc.folded(k)
	return len(w) >= 2 && !hasSuffixOf(w, commonEndings)
}

// commonEndings end French words that are seldom surnames.
var commonEndings = []string{"ment", "ant", "ants", "ante", "antes", "tion", "tions", "sion", "ique", "iques",
	"able", "ables", "ible", "ibles", "eux", "euse", "euses", "ait", "aient", "ee", "ees"}

// ambBeforeNames extends the names found so far over an ambiguous first
// name written right before them ("claire Martin", "je vous ecris pour
// rose benali"), unless a determiner or a place word shows the common
// word ("la rose Martin", "rue pierre martin"). A capitalised one in a
// text that uses case was read with its surname already ("Claire
// Martin"). It walks the tokens, not the names, since those first names
// are rare: the names are indexed by their start only when one is met.
func (sc *scanner) ambBeforeNames() {
	if sc.allBits&wFirstAmb == 0 {
		return
	}
	var starts map[int32][]int // start of a name → its candidates
	for p := 0; p+1 < len(sc.toks); p++ {
		if sc.toks[p].bits&wFirstAmb == 0 || sc.toks[p+1].gap != gapSpace || sc.toks[p+1].kind != kWord ||
			!sc.caseless && sc.toks[p].shape&shCap != 0 || !sc.ambFirst(p) {
			continue
		}
		if starts == nil {
			starts = map[int32][]int{}
			for ci, c := range sc.cands {
				if c.typ == NOM {
					starts[int32(c.start)] = append(starts[int32(c.start)], ci)
				}
			}
		}
		found := starts[int32(sc.toks[p+1].start)]
		if len(found) == 0 || sc.determinerBefore(p) || sc.placeBefore(p) {
			continue
		}
		for _, ci := range found {
			sc.cands[ci].start = int(sc.toks[p].start)
		}
	}
}

// determinerBefore reports whether a determiner or a number comes right
// before word p on its line: "la rose", "3 mai".
func (sc *scanner) determinerBefore(p int) bool {
	prev := p - 1
	return prev >= 0 && sc.toks[p].gap < gapLine &&
		(sc.toks[prev].kind == kNum || sc.toks[prev].kind == kWord && determiners[sc.toks[prev].ent])
}

// greetedName reads a name after the greeting at i: an ambiguous first
// name and its surname ("bonjour claire dupont"); the other names are
// read without a cue. It returns the name's last token, or -1.
func (sc *scanner) greetedName(i int) int {
	if !greetingWords[sc.toks[i].ent] {
		return -1
	}
	j := sc.skipPunct(i+1, false)
	last := sc.ambNameAt(j, ambGreeting)
	if last >= 0 {
		sc.addToks(j, last, NOM, 0.75)
	}
	return last
}
