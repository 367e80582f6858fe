package redact

import (
	"sort"
	"strings"

	"github.com/plume-sp/plume/fold"
)

// Shops, brands and landmarks named after a person: "chez Leroy Merlin",
// "Marie Blachère", "un sac Louis Vuitton", "le lycée Jean Moulin", "la
// station Jean Jaurès", "le marché de Noël de Strasbourg". The lexicon's
// [keep-name] section lists them as whole phrases: unlike [keep], whose
// words become words the lexicon knows to every rule (putting "leroy
// merlin" there left "M. Leroy" unmasked), a [keep-name] phrase gives its
// first word one unlisted property (wKeepName) and nothing else, so that
// "Leroy", "Blachère" or "Vuitton" stay possible surnames everywhere else.
// A phrase found is kept, the names read inside it dropped, unless a cue
// of a person tells that someone of that name is meant: a civility or a
// relative right before it ("M. Leroy Merlin", "ma voisine Marie
// Blachère"), a self-introduction, a form's label or a greeting ("je
// m'appelle Jean Moulin", "Nom : Jean Moulin", "Bonjour Marie Blachère"),
// a verb whose object is a person ("parlé à Marie Blachère"), a verb of
// saying after it ("Marie Blachère m'a écrit"), an e-mail address in
// angle brackets after it when nothing but a label comes before it ("De :
// Jean Moulin <…>"; "Principal Collège Jean Moulin <…>" is the school),
// or a line holding it alone (a signature), commas on both sides ("Votre
// dossier, Marie Blachère, est complet") or a relative in brackets after
// it ("Marie Blachère (ma fille)"). "chez" before it makes it the shop
// whatever follows ("chez Marie Blachère, qui m'a dit…"). When one of its
// occurrences is a person, none of the phrase's occurrences is kept; a
// value the session knows that covers the whole phrase masks it too
// (outsideShops).

// keepNameSection is the lexicon's section of the phrases kept whole.
const keepNameSection = "keep-name"

// typShop marks the span of a [keep-name] phrase kept: a protected span
// as typKeep is, which detectShops returns apart, so that a name found
// elsewhere and written again inside it ("M. Leroy … chez Leroy
// Merlin") or known from an earlier message leaves it whole.
const typShop Type = "\x00shop"

// keepName is one [keep-name] phrase, after its first word.
type keepName struct {
	rest  []string // the folded words after the first
	place bool     // the phrase takes a town after "de": "marché de Noël de Strasbourg"
}

// addKeepName adds the [keep-name] phrase of line: a phrase ending in
// " +" takes the town that "de" or "du" puts after it. Its first word
// gets wKeepName in context.
func (l *lexicon) addKeepName(line string, context map[string]wordBits) {
	var k keepName
	if rest, ok := strings.CutSuffix(line, " +"); ok {
		line, k.place = strings.TrimSpace(rest), true
	}
	parts := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\'' || r == '-' })
	if len(parts) == 0 {
		return
	}
	for _, w := range parts[1:] {
		k.rest = append(k.rest, fold.String(w))
	}
	if l.keepNames == nil {
		l.keepNames = map[string][]keepName{}
	}
	head := fold.String(parts[0])
	context[head] |= wKeepName
	l.keepNames[head] = append(l.keepNames[head], k)
}

// keepNameMatch is a [keep-name] phrase found in the text: its tokens,
// the town after it included, and the phrase.
type keepNameMatch struct {
	first, last int
	phrase      *keepName
}

// keepShopNames keeps the [keep-name] phrases of the text that name no
// person and drops the names read inside them.
func (sc *scanner) keepShopNames() {
	if sc.allBits&wKeepName == 0 {
		return
	}
	var found []keepNameMatch
	person := map[*keepName]bool{}
	for i := range sc.toks {
		if sc.toks[i].kind != kWord || sc.toks[i].bits&wKeepName == 0 {
			continue
		}
		m, ok := sc.keepNameAt(i)
		if !ok {
			continue
		}
		if sc.keepNamePerson(m.first, m.last) {
			person[m.phrase] = true
		}
		found = append(found, m)
	}
	var shops []cand
	for _, m := range found {
		if person[m.phrase] {
			continue
		}
		sc.addToks(m.first, m.last, typShop, 1.5)
		shops = append(shops, cand{start: int(sc.toks[m.first].start), end: int(sc.toks[m.last].end), typ: typShop})
	}
	sc.dropNamesIn(shops)
}

// keepNameAt returns the longest [keep-name] phrase starting at word i,
// with the town after it when the phrase takes one.
func (sc *scanner) keepNameAt(i int) (keepNameMatch, bool) {
	best := keepNameMatch{first: i, last: -1}
	phrases := lex.keepNames[sc.folded(i)]
	for k := range phrases {
		p := &phrases[k]
		j := sc.keepNameEnd(i, p.rest)
		if j <= best.last {
			continue
		}
		if p.place {
			j = sc.townAfterDe(j)
		}
		best.last, best.phrase = j, p
	}
	return best, best.last >= 0
}

// keepNameEnd returns the last token of the words rest read after word
// i, or -1 when they do not follow.
func (sc *scanner) keepNameEnd(i int, rest []string) int {
	j := i
	for _, w := range rest {
		if j = sc.nextWord(j); j < 0 || !sc.foldedIs(j, w) {
			return -1
		}
	}
	return j
}

// townAfterDe returns the last token of the town that "de", "d'" or "du"
// puts after token j, capitalised ("de Strasbourg", "de Saint-Malo"), or
// j.
func (sc *scanner) townAfterDe(j int) int {
	d := sc.nextWord(j)
	if d < 0 || !sc.isText(d, "de", "d", "du") {
		return j
	}
	t := sc.nextWord(d)
	if t < 0 || sc.toks[t].shape&shCap == 0 || sc.has(t, notName|wStop) {
		return j
	}
	return sc.compoundEnd(t)
}

// keepNamePerson reports whether the [keep-name] phrase of tokens first
// to last names a person there (see the file's comment).
func (sc *scanner) keepNamePerson(first, last int) bool {
	p := first - 1
	if p > 0 && sc.punct(p) == '.' && sc.attached(p) {
		p-- // "M. Leroy Merlin"
	}
	for p > 0 && (sc.punct(p) == ':' || sc.punct(p) == ',') && sc.toks[p+1].gap < gapLine {
		p-- // "Nom : Jean Moulin", "Bonjour, Marie Blachère"
	}
	if p >= 0 && sc.toks[p].kind == kWord && sc.toks[p+1].gap < gapLine {
		if sc.has(p, wCivility|wRelative) || greetingWords[sc.toks[p].ent] ||
			sc.toks[p].cue&(cSelf|cSelfMed|cSelfWeak|cFormName|cClosing) != 0 {
			return true
		}
		if sc.isText(p, "chez") {
			return false
		}
	}
	if sc.apposed(first, last) || sc.relativeInBrackets(last) {
		return true // "Votre dossier, Marie Blachère, est…", "Marie Blachère (ma fille)"
	}
	opens := first == 0 || sc.toks[first].gap >= gapLine || sc.punct(first-1) == ':'
	if sc.personVerbBefore(first) || sc.saysAfter(last) || opens && sc.punct(last+1) == '<' {
		return true // "parlé à Marie Blachère", "… m'a écrit", "De : Jean Moulin <jm@…>"
	}
	return opens && sc.punct(first-1) != ':' && (last+1 >= len(sc.toks) || sc.toks[last+1].gap >= gapLine)
}

// apposed reports whether the phrase of tokens first to last stands
// between commas on its line, a person addressed or set in apposition:
// "Votre dossier, Marie Blachère, est complet". "chez" before it, read
// first, makes it the shop.
func (sc *scanner) apposed(first, last int) bool {
	return first > 0 && sc.punct(first-1) == ',' && sc.punct(last+1) == ',' &&
		sc.toks[first].gap < gapLine && sc.toks[last+1].gap < gapLine
}

// relativeInBrackets reports whether a relative, after a possessive or
// not, opens the brackets right after token j: "(ma fille)", "(voisin)".
func (sc *scanner) relativeInBrackets(j int) bool {
	if sc.punct(j+1) != '(' {
		return false
	}
	k := j + 2
	if k < len(sc.toks) && sc.toks[k].kind == kWord && sc.foldedIn(k, possessiveWords) {
		k++
	}
	return k < len(sc.toks) && sc.toks[k].kind == kWord && sc.has(k, wRelative)
}

// possessiveWords are the possessives before a relative (folded).
var possessiveWords = wordSet("ma mon sa son ta ton notre votre leur mes ses nos vos leurs")

// saysAfter reports whether a verb of saying follows token j, past an
// object pronoun and an auxiliary: "m'a écrit", "nous a répondu", "dit".
func (sc *scanner) saysAfter(j int) bool {
	k := j
	for steps := 0; steps < 3; steps++ {
		if k = sc.nextWord(k); k < 0 || sc.toks[k].gap >= gapLine {
			return false
		}
		switch {
		case sc.foldedIn(k, sayingVerbs):
			return true
		case !sc.foldedIn(k, pronounsAux):
			return false
		}
	}
	return false
}

// sayingVerbs are the verbs of saying a person, not a shop, is the
// subject of (folded).
var sayingVerbs = wordSet("ecrit dit repondu telephone appele appelee parle explique raconte affirme confie promis ecrivait disait")

// pronounsAux are the object pronouns and auxiliaries between a subject
// and its verb (folded): "m'a", "nous avait".
var pronounsAux = wordSet("m me nous vous t te lui leur l a avait aurait ont")

// dropNamesIn removes the names found within one of shops, the spans
// of the shops kept, in text order: one sweep with a binary search each.
func (sc *scanner) dropNamesIn(shops []cand) {
	if len(shops) == 0 {
		return
	}
	idx := newShopIndex(shops)
	out := sc.cands[:0]
	for _, c := range sc.cands {
		if c.typ == NOM && idx.within(c) {
			continue
		}
		out = append(out, c)
	}
	sc.cands = out
}

// splitShops returns spans without the shops' spans, and those.
func splitShops(spans []cand) (rest, shops []cand) {
	rest = spans[:0]
	for _, c := range spans {
		if c.typ == typShop {
			shops = append(shops, c)
		} else {
			rest = append(rest, c)
		}
	}
	return rest, shops
}

// outsideShops removes from spans, in place, the names that lie within a
// shop's span and do not cover it whole: a name's word written again
// there names the shop ("M. Leroy … chez Leroy Merlin"), while a value
// known as a person's whole name ("Je m'appelle Marie Blachère", then
// "Marie Blachère n'a pas reçu…") is that person again.
func outsideShops(spans, shops []cand) []cand {
	if len(shops) == 0 {
		return spans
	}
	idx := newShopIndex(shops)
	out := spans[:0]
	for _, c := range spans {
		if c.typ != NOM || !idx.drops(c) {
			out = append(out, c)
		}
	}
	return out
}

// shopIndex answers whether a span lies within one of the shops' spans
// in O(log n): the spans sorted by start, each with the farthest end of
// those up to it. steps counts the comparisons made (a test checks
// they grow as n log n).
type shopIndex struct {
	shops  []cand
	maxEnd []int // maxEnd[i] is the largest end of shops[:i+1]
	steps  int
}

// newShopIndex returns the index of shops, sorted by start in place.
func newShopIndex(shops []cand) *shopIndex {
	sort.Slice(shops, func(i, j int) bool {
		if shops[i].start != shops[j].start {
			return shops[i].start < shops[j].start
		}
		return shops[i].end > shops[j].end
	})
	idx := &shopIndex{shops: shops, maxEnd: make([]int, len(shops))}
	for i, s := range shops {
		idx.maxEnd[i] = s.end
		if i > 0 && idx.maxEnd[i-1] > s.end {
			idx.maxEnd[i] = idx.maxEnd[i-1]
		}
	}
	return idx
}

// lastBefore returns the index of the last shop starting at or before
// offset at, or -1.
func (idx *shopIndex) lastBefore(at int) int {
	return sort.Search(len(idx.shops), func(i int) bool {
		idx.steps++
		return idx.shops[i].start > at
	}) - 1
}

// within reports whether c lies within one of the shops' spans: a shop
// starting at or before it reaches its end.
func (idx *shopIndex) within(c cand) bool {
	i := idx.lastBefore(c.start)
	return i >= 0 && idx.maxEnd[i] >= c.end
}

// drops reports whether c lies within a shop's span without being that
// span whole: the shops of its start are read back while they start
// there, one of them the same span keeps it.
func (idx *shopIndex) drops(c cand) bool {
	i := idx.lastBefore(c.start)
	if i < 0 || idx.maxEnd[i] < c.end {
		return false
	}
	for ; i >= 0 && idx.shops[i].start == c.start; i-- {
		idx.steps++
		if idx.shops[i].end == c.end {
			return false
		}
	}
	return true
}
