package redact

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

// typKeep marks a protected span: text that no detector may mask (a public
// URL, an institution whose name holds a sensitive word).
const typKeep Type = ""

// cand is one detection before overlaps are resolved. Offsets are relative to
// the scanned chunk.
type cand struct {
	start, end int
	typ        Type
	conf       float64
}

// scanner runs the detectors over one chunk of text.
type scanner struct {
	s        string
	toks     []token
	cands    []cand
	addrs    []addrPart // address parts, merged before joining cands
	acc      []cand     // resolve's result, reused from one chunk to the next
	sorter   candSorter // resolve's sort buffers
	caseless bool       // the text ignores case: all lower or all upper case
	allCues  cueBits    // the cues of the whole chunk, once markPhrases has run
	disabled []int      // the chunk's words of disability (disabilityWord), once markPhrases has run
	allBits  wordBits   // the lexicon bits of the chunk's words: a detector of words none has skips the chunk
	// found holds the names found in the pieces of a long text read so
	// far, nil for a text read at once (see detectChunks).
	found *nameSet
	// cutEnd tells that the text read stops before the message's end.
	cutEnd bool
	// done is the caller's context's Done: the passes whose cost may grow
	// faster than the text (markNames) stop when it is closed, and detect
	// then returns the context's error, never what they found so far.
	done <-chan struct{}
}

// cancelled reports whether the caller gave up (see done).
func (sc *scanner) cancelled() bool {
	select {
	case <-sc.done:
		return true
	default:
		return false
	}
}

// Entries of words the detectors compare tokens with.
var (
	entA   = lex.words["a"]
	entEt  = lex.words["et"]
	entLe  = lex.words["le"]
	entLa  = lex.words["la"]
	entLes = lex.words["les"]
	entL   = lex.words["l"]
)

// scan runs every detector over s and returns the candidates.
func (sc *scanner) scan(s string) []cand {
	sc.s = s
	sc.toks = tokenize(s, sc.toks)
	if want := len(sc.toks)/8 + 8; cap(sc.cands) < want {
		sc.cands = make([]cand, 0, want)
	}
	sc.cands = sc.cands[:0]
	sc.addrs = sc.addrs[:0]
	sc.caseless = sc.detectCaseless() // and sc.allBits
	sc.markPhrases()
	sc.morphWords()
	sc.samePartner()
	sc.bodyConditions()
	sc.chronicConditions()
	sc.takenDrugs()
	sc.prisonTowns()
	sc.contacts()
	sc.ownSiteURLs()
	sc.obfuscatedEmails()
	sc.numbers()
	sc.spelledNumbers()
	sc.nirPieces()
	sc.foreignSocialNumbers()
	sc.wrappedNIRs()
	sc.gluedNumbers()
	sc.ribParts()
	sc.cardDetails()
	sc.ibans()
	sc.cardRefs()
	sc.idents()
	sc.messageIDs()
	sc.sentencePassports()
	sc.cpfNumbers()
	sc.plainIDs()
	sc.dashedRefs()
	sc.ownNumbers()
	sc.corrections()
	sc.secrets()
	sc.codeSecrets()
	sc.triedSecrets()
	sc.secretsBefore()
	sc.saidCodes()
	sc.cardCodes()
	sc.bracketCodes()
	sc.placeCodes()
	sc.namedCardPINs()
	sc.joinedPasswords()
	sc.otherPasswords()
	sc.logins() // before the lists: "jdupont / Soleil2024!"
	sc.secretLists()
	sc.countryMobiles()
	sc.ipAddresses()
	sc.births()
	sc.maidenNames()
	sc.disabilityDegrees()
	sc.signedStatuses()
	sc.origins()
	sc.regionOrigins()
	sc.nationOrigins()
	sc.originLists()
	sc.hanBirths()
	sc.bracketBirths()
	sc.addresses()
	sc.foreignAddresses()
	sc.names()
	sc.scriptNames()
	sc.bracketNames()
	sc.emailNames()
	sc.signatureName()
	sc.hyphenNames()
	sc.repeatedNames()
	sc.ambBeforeNames()
	sc.coupleNames()
	sc.coupledFirstNames()
	sc.nicknames()
	sc.nameDates()
	sc.keepShopNames()
	sc.mergeAddresses()
	return sc.cands
}

func (sc *scanner) add(start, end int, typ Type, conf float64) {
	if end > start {
		sc.cands = append(sc.cands, cand{start: start, end: end, typ: typ, conf: conf})
	}
}

// addToks adds a candidate covering tokens i to j inclusive.
func (sc *scanner) addToks(i, j int, typ Type, conf float64) {
	sc.add(int(sc.toks[i].start), int(sc.toks[j].end), typ, conf)
}

func (sc *scanner) text(i int) string {
	t := &sc.toks[i]
	return sc.s[t.start:t.end]
}

func (sc *scanner) bits(i int) wordBits {
	if i < 0 || i >= len(sc.toks) {
		return 0
	}
	return sc.toks[i].bits
}

func (sc *scanner) has(i int, b wordBits) bool { return sc.bits(i)&b != 0 }

// punct returns the punctuation rune of token i, apostrophes and hyphens
// normalized to ' and -, or 0 when token i is not punctuation. The rune is
// read once, by tokenize (normPunct).
func (sc *scanner) punct(i int) rune {
	if i < 0 || i >= len(sc.toks) {
		return 0
	}
	if t := &sc.toks[i]; t.kind == kPunct { // no copy of the token
		return rune(t.val)
	}
	return 0
}

// normPunct returns the punctuation rune at the start of s, apostrophes,
// hyphens, full-width '@' and '.' normalized to ', -, @ and '.'.
func normPunct(s string) rune {
	if c := s[0]; c < utf8.RuneSelf {
		if c == '`' {
			return '\''
		}
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '´':
		return '\''
	case '‐', '‑', '−':
		return '-'
	case '＠':
		return '@'
	case '．':
		return '.'
	}
	return r
}

// attached reports whether token i touches the token before it.
func (sc *scanner) attached(i int) bool {
	return i >= 0 && i < len(sc.toks) && sc.toks[i].gap == gapNone
}

// isFirstName reports whether word i is a first name as written: a word with
// accents matches only names that have an accented spelling, so that
// "marié" is not "Marie".
func (sc *scanner) isFirstName(i int) bool {
	b := sc.bits(i)
	if b&wFirst == 0 {
		return false
	}
	return sc.toks[i].shape&shASCII != 0 || b&wFirstAccented != 0
}

// detectCaseless reports whether the text ignores case, and sets
// sc.allBits, the union of the lexicon bits of its words, in the same
// pass (only words have bits).
func (sc *scanner) detectCaseless() bool {
	n, upper, capital := 0, 0, 0
	sc.allBits = 0
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind != kWord {
			continue
		}
		sc.allBits |= t.bits
		if t.end-t.start < 2 {
			continue
		}
		n++
		switch {
		case t.shape&shUpper != 0:
			upper++
		case t.shape&shCap != 0:
			capital++
		}
	}
	if n == 0 {
		return false
	}
	return upper*10 > n*6 || (upper+capital)*25 < n
}

// nextWord returns the index of the word after token j, skipping attached
// apostrophes and hyphens, or -1 when the next word is on another line.
func (sc *scanner) nextWord(j int) int {
	k := j + 1
	for skipped := 0; k < len(sc.toks) && sc.toks[k].kind == kPunct; skipped++ {
		switch sc.punct(k) {
		case '\'', '-', '«', '»', '"', '“', '”':
		default:
			return -1
		}
		if skipped == 2 || sc.toks[k].gap > gapSpace {
			return -1
		}
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].kind != kWord || sc.toks[k].gap > gapBlank {
		return -1
	}
	return k
}

// cueBefore returns the union of the cues on up to window tokens before i,
// within the same sentence.
func (sc *scanner) cueBefore(i, window int) cueBits {
	var c cueBits
	for k := i - 1; k >= 0 && k >= i-window; k-- {
		t := sc.toks[k]
		if t.kind == kPunct && k+1 < len(sc.toks) && sc.toks[k+1].gap != gapNone {
			switch sc.punct(k) {
			case '.':
				if !sc.numberAbbrev(k) {
					return c
				}
			case '!', '?', ';':
				return c
			}
		}
		c |= t.cue
		if t.gap >= gapPara || (t.gap >= gapLine && k > 0 && sc.punct(k-1) != ':') {
			return c
		}
	}
	return c
}

// numberAbbrev reports whether the dot at token k ends an abbreviation
// that announces a number ("nr. 0123456789", "num. 12"), not a sentence.
func (sc *scanner) numberAbbrev(k int) bool {
	return k > 0 && sc.attached(k) && sc.isText(k-1, "nr", "no", "num", "nro", "tel")
}

// resolve sorts candidates and, where they overlap, keeps the one that
// contains the other or else the most confident one; overlapping candidates
// of one type are merged. Keeping the container means a value is never
// partly left in the text. A candidate that loses a partial overlap keeps
// the part outside the winner ("steven dacosta" before an e-mail that
// starts with "steven").
func (sc *scanner) resolve(cands []cand) []cand {
	sc.sorter.sort(cands)
	if cap(sc.acc) < len(cands) {
		sc.acc = make([]cand, 0, len(cands))
	}
	acc := sc.acc[:0]
	for i := 0; i < len(cands); i++ {
		c := cands[i]
		keep := true
		for len(acc) > 0 && acc[len(acc)-1].end > c.start {
			a := &acc[len(acc)-1]
			if a.typ == c.typ {
				if c.end > a.end {
					a.end = c.end
				}
				if c.conf > a.conf {
					a.conf = c.conf
				}
				keep = false
				break
			}
			if v, ok := sc.checksumOver(*a, c); ok {
				*a = v // "Dossier IBAN DE89 …": the check digits name the value
				keep = false
				break
			}
			if a.start == c.start && a.end == c.end && c.conf > a.conf {
				*a = c // the same text read two ways: the surer reading wins
				keep = false
				break
			}
			if a.end >= c.end {
				keep = false
				break
			}
			if a.conf > c.conf || (a.conf == c.conf && a.end-a.start >= c.end-c.start) {
				// c sticks out after a: keep that part.
				if start := sc.trimStart(a.end, c.end); start < c.end {
					c.start = start
					continue
				}
				keep = false
				break
			}
			// c wins: keep the part of a before c.
			if end := sc.trimEnd(a.start, c.start); end > a.start {
				a.end = end
				break
			}
			acc = acc[:len(acc)-1]
		}
		if keep && len(acc) > 0 && sc.namesJoin(acc[len(acc)-1], c) {
			acc[len(acc)-1].end = c.end // one person: "Fofana Ibrahima", "OKAFOR née ADEYEMI"
			continue
		}
		if keep {
			acc = append(acc, c)
		}
	}
	return acc
}

// namesJoin reports whether names a and c, c after a, are parts of one
// person's name: only a space between them on the line, or a word of
// nameCont ("née", "épouse", "dite").
func (sc *scanner) namesJoin(a, c cand) bool {
	if a.typ != NOM || c.typ != NOM || c.start < a.end || c.start-a.end > 10 {
		return false
	}
	gap := sc.s[a.end:c.start]
	if gap == " " {
		return true
	}
	if len(gap) < 3 || gap[0] != ' ' || gap[len(gap)-1] != ' ' {
		return false
	}
	w := strings.TrimSuffix(gap[1:len(gap)-1], ".")
	if strings.ContainsAny(w, " \t\n") {
		return false
	}
	e := lex.words[string(fold.Append(nil, w))]
	return e != 0 && lex.bits[e]&wNameCont != 0
}

// candSorter sorts candidates by start, the longest first. Long lists are
// sorted stably: candidates of the same start and end keep the order in
// which the detectors found them. Its buffers are reused from one sort to
// the next.
type candSorter struct {
	sorted []cand
	runs   []int
}

func (cs *candSorter) sort(cands []cand) {
	const bits = 20
	if slices.IsSortedFunc(cands, cmpCands) {
		return // the pieces of a long text, merged in order
	}
	if len(cands) < 64 || len(cands) >= 1<<bits {
		sortCandsFunc(cands)
		return
	}
	for _, c := range cands {
		if n := c.end - c.start; c.start >= 1<<(64-2*bits) || n >= 1<<bits || n < 0 {
			sortCandsFunc(cands)
			return
		}
	}
	cs.mergeRuns(cands)
}

// mergeRuns sorts cands stably by merging its sorted runs two by two: the
// detectors each add their candidates mostly in text order, so a chunk's
// candidates are a few runs (14 for 35,000 candidates of the benchmark's
// text), merged in a few passes.
func (cs *candSorter) mergeRuns(cands []cand) {
	runs := append(cs.runs[:0], 0)
	for i := 1; i < len(cands); i++ {
		if cmpCands(cands[i-1], cands[i]) > 0 {
			runs = append(runs, i)
		}
	}
	runs = append(runs, len(cands))
	buf := slices.Grow(cs.sorted[:0], len(cands))[:len(cands)]
	cs.sorted = buf
	src, dst := cands, buf
	for len(runs) > 2 {
		next := runs[:0] // written behind what is read
		for k := 0; k+1 < len(runs); k += 2 {
			lo, mid := runs[k], runs[k+1]
			hi := mid
			if k+2 < len(runs) {
				hi = runs[k+2]
			}
			mergeCands(dst[lo:hi], src[lo:mid], src[mid:hi])
			next = append(next, lo)
		}
		runs = append(next, len(cands))
		src, dst = dst, src
	}
	cs.runs = runs
	if &src[0] != &cands[0] {
		copy(cands, src)
	}
}

// mergeCands merges the sorted a and b into dst, a's candidates first
// among equals.
func mergeCands(dst, a, b []cand) {
	i, j, k := 0, 0, 0
	for ; i < len(a) && j < len(b); k++ {
		if x, y := &a[i], &b[j]; y.start < x.start || y.start == x.start && y.end > x.end {
			dst[k] = *y
			j++
		} else {
			dst[k] = *x
			i++
		}
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}

func sortCandsFunc(cands []cand) {
	slices.SortFunc(cands, cmpCands)
}

// cmpCands orders candidates by start, the longest first.
func cmpCands(a, b cand) int {
	if a.start != b.start {
		return a.start - b.start
	}
	return b.end - a.end
}

// trimEnd returns the end of s[start:end] without trailing blanks and
// punctuation; start when nothing else is left.
func (sc *scanner) trimEnd(start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(sc.s[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return end
		}
		end -= size
	}
	return start
}

// trimStart returns the start of s[start:end] without leading blanks and
// punctuation; end when nothing else is left.
func (sc *scanner) trimStart(start, end int) int {
	for start < end {
		r, size := utf8.DecodeRuneInString(sc.s[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return start
		}
		start += size
	}
	return end
}
