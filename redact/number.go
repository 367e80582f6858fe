package redact

// group is one run of digits inside a number written in groups
// ("06 12 34 56 78"): one token, or the "(0)" of "+33 (0)6".
type group struct {
	tok    int
	digits string
	zero   bool
	line   bool // written at the start of a new line
}

// maxGroups bounds how many groups one identifier may span, which keeps the
// matching linear however long a run of numbers is; maxDictated bounds a
// number dictated one digit at a time from the start of its run ("4 9 7 0
// 3 5 …": a card's 16 digits, a NIR's 15).
const (
	maxGroups   = 12
	maxDictated = 19
)

// numbers finds the identifiers written with digits only: phone numbers,
// NIR, bank cards, SIREN/SIRET and numéros fiscaux.
func (sc *scanner) numbers() {
	var run []group
	for i := 0; i < len(sc.toks); {
		if !sc.numberTok(i) {
			i++
			continue
		}
		run = append(run[:0], group{tok: i, digits: sc.groupText(i)})
		j := i
		for {
			n := j + 1
			if n >= len(sc.toks) {
				break
			}
			t := sc.toks[n]
			switch {
			case sc.numberTok(n) && (t.gap == gapSpace || t.gap == gapBlank):
				run = append(run, group{tok: n, digits: sc.groupText(n)})
				j = n
				if len(run) >= runWindow {
					run = sc.matchRun(run, false)
				}
				continue
			case sc.numberTok(n) && t.gap == gapLine:
				// a NIR, a card or a French phone split over two lines:
				// only those may span the break (see matchNumber)
				run = append(run, group{tok: n, digits: sc.groupText(n), line: true})
				j = n
				if len(run) >= runWindow {
					run = sc.matchRun(run, false)
				}
				continue
			case t.kind == kPunct && sc.groupSep(n) && n+1 < len(sc.toks) && sc.numberTok(n+1) &&
				(t.gap == gapNone && sc.attached(n+1) || t.gap == gapSpace && sc.toks[n+1].gap == gapSpace && (sc.punct(n) != '.' || sc.spacedDot(j, n+1))):
				// 06.12.34, 06-12, 07/61/22, 06 - 31 - 77, 06 . 32 . 18
				run = append(run, group{tok: n + 1, digits: sc.groupText(n + 1)})
				j = n + 1
				continue
			case t.kind == kPunct && sc.looseSep(run, j, n):
				// 07 33. 62 .91 .84, 06 ,12, 70, 55, 03: see looseSep
				run = append(run, group{tok: n + 1, digits: sc.groupText(n + 1), line: sc.toks[n+1].gap == gapLine})
				j = n + 1
				continue
			case t.kind == kPunct && t.gap <= gapSpace && sc.fillerEnd(n) > n:
				// 07 ** 81 22 ** 45, 06~12~34, 06 | 12 | 34: filler written to hide a number
				m := sc.fillerEnd(n)
				run = append(run, group{tok: m, digits: sc.groupText(m)})
				j = m
				continue
			case sc.punct(n) == ')' && sc.attached(n) && sc.openBefore(run[len(run)-1].tok) && n+1 < len(sc.toks) &&
				sc.numberTok(n+1) && sc.toks[n+1].gap <= gapSpace:
				// (212) 555-1234, (+33) 6 12 34 56 78
				run = append(run, group{tok: n + 1, digits: sc.groupText(n + 1)})
				j = n + 1
				continue
			case sc.punct(n) == '(' && t.gap <= gapSpace && n+3 < len(sc.toks) && sc.toks[n+1].kind == kNum &&
				sc.toks[n+1].end-sc.toks[n+1].start <= 4 && sc.attached(n+1) && sc.punct(n+2) == ')' && sc.attached(n+2) &&
				sc.numberTok(n+3) && sc.toks[n+3].gap <= gapSpace:
				// +33 (0)6 12…, +1 (212) 555-1234
				zero := sc.text(n+1) == "0"
				run = append(run, group{tok: n + 1, digits: sc.groupText(n + 1), zero: zero}, group{tok: n + 3, digits: sc.groupText(n + 3)})
				j = n + 3
				continue
			}
			break
		}
		run = sc.matchRun(run, true)
		i = j + 1
	}
}

// runWindow is how many groups of a long run are kept before the first
// ones are matched and dropped: a million spaced digits are read in
// windows, in bounded memory.
const runWindow = 256

// matchRun adds the identifiers that start in run: all of them when final,
// else those that start before the last maxDictated groups, which stay for
// the next window. It returns the groups left.
func (sc *scanner) matchRun(run []group, final bool) []group {
	limit := len(run)
	if !final {
		limit -= maxDictated
	}
	p := 0
	for p < limit {
		k, typ, conf := sc.matchNumber(run, p)
		if k == 0 {
			p++
			continue
		}
		from := run[p].tok
		if sc.plusBefore(from) {
			from--
			if sc.punct(from-1) == '(' && sc.attached(from) {
				from-- // (+33) 6…
			}
		} else if sc.punct(from-1) == '(' && sc.attached(from) && sc.punct(from+1) == ')' && k > 1 {
			from-- // (212) 555-1234
		}
		last := run[p+k-1].tok
		if typ == SIRET && sc.orgNumber(from) {
			typ = typKeep // "le SIRET de la CAF", "SIREN de mon employeur"
		}
		if typ == NIR {
			last = sc.nirKeyAfter(run[p:p+k], last)
		}
		if typ == TEL && final && p+k == len(run)-1 && !run[p+k].line &&
			sc.trailingGroup(run[p+k].tok, run[p+k].tok, run[p+k].digits) {
			k++ // "07.12.34.56.78.90", "+44 20 7946 0958 1": a group typed too many, never left out
			last = run[p+k-1].tok
		}
		sc.addToks(from, last, typ, conf)
		p += k
	}
	return append(run[:0], run[min(p, len(run)):]...)
}

// fewDigits reports whether groups g hold fewer than nine digits, "(0)"
// groups left out: too few for any identifier matchNumber reads but
// international phones.
func fewDigits(g []group) bool {
	n := 0
	for _, x := range g {
		if !x.zero {
			if n += len(x.digits); n >= 9 {
				return false
			}
		}
	}
	return true
}

// nirKeyWords announce the key of a NIR.
var nirKeyWords = map[string]bool{"cle": true, "clef": true, "key": true}

// nirKeyJoin are the words between a NIR and its named key: "puis la
// clé 27", "et sa clé 27".
var nirKeyJoin = map[string]bool{"puis": true, "et": true, "la": true, "sa": true, "ma": true, "avec": true, "and": true, "the": true}

// nirKeyAfter extends a NIR of 13 characters (groups g, last token last)
// over its key written apart: "clé 06", "(06)", "/ 52", "key 58". A key
// named so is taken as it is, and so is two digits right after the NIR,
// on its line, that nothing after makes a quantity or a house number
// (people mistype keys too: leaving it would leave part of the number);
// one set apart by punctuation must be the right one.
func (sc *scanner) nirKeyAfter(g []group, last int) int {
	var buf [16]byte
	d := buf[:0]
	for _, x := range g {
		if !x.zero {
			d = append(d, x.digits...)
		}
	}
	if len(d) != 13 {
		return last
	}
	k, named, joined := last+1, false, false
	for steps := 0; steps < 4 && k < len(sc.toks) && sc.toks[k].gap <= gapSpace; steps++ {
		if p := sc.punct(k); p == '(' || p == '/' || p == '-' || p == ',' || p == ':' {
			k++
		} else if nirKeyWords[sc.foldedWord(k)] {
			named = true // "clé 99": said to be the key, right or wrong
			k++
		} else if !named && nirKeyJoin[sc.foldedWord(k)] {
			joined = true // "… 350 118 puis la clé 27"
			k++
		}
	}
	if joined && !named || k >= len(sc.toks) || sc.toks[k].kind != kNum || sc.toks[k].end-sc.toks[k].start != 2 || sc.toks[k].gap > gapSpace ||
		!named && !nirKeyValid(append(d, sc.text(k)...)) && (k != last+1 || !sc.trailingGroup(k, k, sc.text(k))) {
		return last
	}
	if sc.punct(k+1) == ')' && sc.attached(k+1) && sc.punct(last+1) == '(' {
		return k + 1
	}
	return k
}

// openBefore reports whether the group at token g follows an attached
// opening bracket, with or without a plus: "(212)", "(+33)".
func (sc *scanner) openBefore(g int) bool {
	if sc.punct(g-1) == '+' && sc.attached(g) {
		g--
	}
	return sc.punct(g-1) == '(' && sc.attached(g)
}

// groupSep reports whether punctuation token n may separate the groups of
// a number.
func (sc *scanner) groupSep(n int) bool {
	switch sc.punct(n) {
	case '.', '-', '/', '–', '_':
		return true
	}
	return false
}

// spacedDot reports whether the spaced dot between number tokens a and b
// separates the pairs of a phone, "06 . 32 . 18 . 77 . 04", and ends no
// sentence: both are two digits.
func (sc *scanner) spacedDot(a, b int) bool {
	return sc.toks[a].kind == kNum && sc.toks[a].end-sc.toks[a].start == 2 &&
		sc.toks[b].kind == kNum && sc.toks[b].end-sc.toks[b].start == 2
}

// fillerEnd returns the number token after one to three filler marks
// from token n ("**", "~", "|", "•", two or three dots, dashes or slashes
// written together: "04 74 85 .. 12 .. 36", "06--12"), all on one line with blanks of one space at
// most, or n when there is none.
func (sc *scanner) fillerEnd(n int) int {
	k, dots := n, 0
	for marks := 0; marks < 3 && k < len(sc.toks) && sc.toks[k].gap <= gapSpace; marks++ {
		switch sc.punct(k) {
		case '*', '~', '|', '•', '·':
			k++
			continue
		case '.', '-', '/':
			if k == n || sc.toks[k].gap == gapNone && sc.punct(k-1) == sc.punct(k) {
				k, dots = k+1, dots+1
				continue
			}
		}
		break
	}
	if k == n || k >= len(sc.toks) || !sc.numberTok(k) || sc.toks[k].gap > gapSpace || dots == 1 {
		return n
	}
	return k
}

// numberTok reports whether token i can be a group of a number: digits, or
// the Corsican department of a NIR ("2A", "184122A45108946").
func (sc *scanner) numberTok(i int) bool {
	if k := sc.toks[i].kind; k != kAlnum {
		return k == kNum // oZero's tokens are alphanumeric too
	}
	return sc.alnumNumberTok(i)
}

// alnumNumberTok is numberTok for an alphanumeric token.
func (sc *scanner) alnumNumberTok(i int) bool {
	t := &sc.toks[i]
	if oZero(sc.text(i)) {
		return true // "o6 12 34 56 78": a letter o typed for the zero
	}
	if t.kind != kAlnum || t.end-t.start > 15 {
		return false
	}
	s := sc.text(i)
	letters, typos := 0, 0
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c >= '0' && c <= '9':
			continue
		case typoDigit(c) != 0 && (k > 0 || c != 'l' && c != 'I' && len(s) >= 3 || len(s) == 2 && sc.afterGroup(i)):
			typos++
			continue
		}
		if (c != 'A' && c != 'B' && c != 'a' && c != 'b') || k == 0 || s[k-1] != '2' {
			return false
		}
		letters++
	}
	if typos > 0 {
		// "1850l75112045", a key "4l": a letter l or O typed for a digit
		// inside a long number or as a key's second digit (never a
		// Corsican department with it), or in a group of four or five
		// before another group ("3O41 2567 8901 3")
		return letters == 0 && typos <= 2 && (len(s)-typos >= 8 || len(s) <= 3 || typos == 1 && len(s) <= 5 && sc.beforeGroup(i))
	}
	return letters == 1
}

// afterGroup reports whether token i follows a group of a number, a space
// or a dot between: "O6 I2 34 56 78", where "I2" is a group and no word.
func (sc *scanner) afterGroup(i int) bool {
	k := i - 1
	if k >= 0 && sc.toks[i].gap == gapNone && sc.punct(k) == '.' {
		k--
	}
	if k < 0 || sc.toks[k+1].gap > gapSpace {
		return false
	}
	return sc.toks[k].kind == kNum || oZero(sc.text(k))
}

// beforeGroup reports whether a group of three digits or more follows
// token i after a space: "3O41 2567", where "3O41" is a group.
func (sc *scanner) beforeGroup(i int) bool {
	k := i + 1
	return k < len(sc.toks) && sc.toks[k].gap == gapSpace && sc.toks[k].kind == kNum && sc.toks[k].end-sc.toks[k].start >= 3
}

// typoDigit returns the digit a letter typed for it stands for inside a
// number, l and I for 1 and O for 0, or 0 for any other byte.
func typoDigit(c byte) byte {
	switch c {
	case 'o', 'O':
		return '0'
	case 'l', 'I':
		return '1'
	}
	return 0
}

// shapeKey packs the lengths of the groups of a number, four bits each
// (lengths over 15 count as 15), first group in the highest bits.
type shapeKey uint64

func (k shapeKey) add(n int) shapeKey { return k<<4 | shapeKey(min(n, 15)) }

// shape builds the key of a list of lengths.
func shape(lens ...int) shapeKey {
	var k shapeKey
	for _, n := range lens {
		k = k.add(n)
	}
	return k
}

// phoneShapes are the groupings in which people write a French phone number.
var phoneShapes = map[shapeKey]bool{
	shape(10): true, shape(2, 2, 2, 2, 2): true, shape(2, 4, 4): true, shape(4, 2, 2, 2): true,
	shape(4, 3, 3): true, shape(1, 3, 3, 3): true, shape(3, 3, 2, 2): true, shape(2, 2, 2, 4): true,
	shape(4, 4, 2): true, shape(4, 6): true, shape(2, 8): true, shape(1, 9): true, shape(5, 5): true,
	shape(3, 3, 4): true, shape(2, 2, 3, 3): true, shape(1, 1, 2, 2, 2, 2): true, shape(2, 3, 3, 2): true,
	shape(1, 1, 1, 1, 1, 1, 1, 1, 1, 1): true,
}

// Shapes with a meaning of their own.
var (
	shapeNIR    = shape(1, 2, 2, 2, 3, 3, 2)
	shapeNIR2   = shape(13, 2)
	shapeNIR13  = shape(1, 2, 2, 2, 3, 3)
	shape15     = shape(15)
	shapeSIRET  = shape(3, 3, 3, 5)
	shapeSIRET2 = shape(9, 5)
	shape14     = shape(14)
	shapeSIREN  = shape(3, 3, 3)
	shapeAmex   = shape(4, 6, 5)
	shapeCard   = shape(4, 4, 4, 4)
	shapeDiners = shape(4, 6, 4)
	shapeRIB    = shape(5, 5, 11, 2)
	shapeBBAN   = shape(4, 4, 4, 4, 4, 3) // a French IBAN's grouping without "FR76"
)

// numberMatch is the search for the best identifier that starts at one
// group of a run of digit groups: the groups read so far, the context
// before the first one (read once, when a rule needs it) and the best
// identifier found.
type numberMatch struct {
	sc  *scanner
	run []group
	p   int
	// first is the token of the first group; plus, a « + » before it;
	// intl, a run read as an international number (« + » or « 00 »);
	// legal, a legal word just before (an article, not an identifier).
	first             int
	plus, intl, legal bool
	// crossed: the groups so far span a line break.
	crossed bool
	ctxDone bool
	ctxBits cueBits
	bestK   int
	bestTyp Type
	bestCf  float64
}

// ctx returns the cues before the number, read once: a phone's cue when
// the number follows a country's phone word or a list of phones.
func (m *numberMatch) ctx() cueBits {
	if !m.ctxDone {
		m.ctxDone, m.ctxBits = true, m.sc.cueBefore(m.first, 8)
		if m.ctxBits&cTel == 0 && (m.sc.countryPhone(m.first) || m.sc.phoneListBefore(m.first)) {
			m.ctxBits |= cTel
		}
	}
	return m.ctxBits
}

// consider keeps the identifier of k groups, typ and conf, when it beats
// the best so far (a longer one wins a tie). Across a line break only the
// surest kinds count.
func (m *numberMatch) consider(k int, typ Type, conf float64) {
	if m.crossed && !(typ == NIR && conf >= 0.99 || typ == CARTE && conf >= 0.95 || typ == TEL && conf >= 0.95) {
		return
	}
	if conf > 0 && (conf > m.bestCf || (conf == m.bestCf && k > m.bestK)) {
		m.bestK, m.bestTyp, m.bestCf = k, typ, conf
	}
}

// matchNumber tries the identifiers that start at group p of run and returns
// how many groups the best one spans (0 for none), its type and confidence.
func (sc *scanner) matchNumber(run []group, p int) (int, Type, float64) {
	first := run[p].tok
	m := &numberMatch{sc: sc, run: run, p: p, first: first, plus: sc.plusBefore(first)}
	m.intl = m.plus || (len(run[p].digits) >= 2 && run[p].digits[:2] == "00")
	if !m.intl && fewDigits(run[p:]) {
		return 0, "", 0 // "14 mars", "2021": every length below is too short
	}
	m.legal = sc.legalBefore(first)
	var buf [64]byte
	d := buf[:0]
	var sh shapeKey
	zeros := 0
	span := maxGroups
	if p == 0 || len(run[p-1].digits) > 1 {
		span = maxDictated // checked below: every group past maxGroups is one digit
	}
	for k := 1; k <= span && p+k <= len(run); k++ {
		g := run[p+k-1]
		if k > maxGroups && len(g.digits) != 1 {
			break
		}
		m.crossed = m.crossed || k > 1 && g.line
		if g.zero {
			zeros++
			continue
		}
		if len(d)+len(g.digits) > len(buf) {
			break
		}
		d = append(d, g.digits...)
		sh = sh.add(len(g.digits))
		if !m.intl && (len(d) < 9 || len(d) > 19 && len(d) != 23) {
			continue
		}
		m.try(k, d, sh, zeros)
	}
	if m.bestTyp == TEL && sc.publicNumber(publicLandline, string(appendDialled(d[:0], run[p:p+m.bestK])), first, run[p+m.bestK-1].tok) {
		return m.bestK, typKeep, m.bestCf
	}
	return m.bestK, m.bestTyp, m.bestCf
}

// legalBefore reports whether a legal word (an article of law) stands in
// the four tokens before token first, and no phone word right before the
// number decides over it: "mon code Soleil2024! Handynummer 0151 23456789".
func (sc *scanner) legalBefore(first int) bool {
	legal := false
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if sc.has(k, wLegal) {
			legal = true
		}
	}
	return legal && !sc.phoneCueNearest(first)
}

// try considers the identifiers the first k groups make: digits d in
// groupings sh, after zeros groups written as a zero word.
func (m *numberMatch) try(k int, d []byte, sh shapeKey, zeros int) {
	last := m.run[m.p+k-1].tok
	currency := m.sc.currencyAfter(last)
	weak := currency || m.legal
	switch {
	case !allDigits(d):
		m.tryLettered(k, d, sh, weak)
		return
	case m.intl:
		m.tryIntl(k, d)
		return
	case zeros > 0:
		return
	}
	m.tryForeignPhone(k, d, sh, currency)
	m.tryLength(k, d, sh, last, currency, weak)
	if len(d) >= 12 && len(d) <= 17 && !weak {
		if typ, conf := typedAmiss(d, sh, m.ctx()); typ != "" {
			m.consider(k, typ, conf)
		}
	}
	m.tryCard(k, d, sh, weak)
}

// tryLettered considers a NIR with Corsica's 2A or 2B.
func (m *numberMatch) tryLettered(k int, d []byte, sh shapeKey, weak bool) {
	switch {
	case len(d) == 15 && nirShape(d):
		m.consider(k, NIR, nirConf(d, sh, m.ctx(), weak))
	case len(d) == 13 && nirShape(d) && !weak:
		// Corsica without its key: 2 84 12 2A 451 089
		m.consider(k, NIR, 0.7)
	}
}

// tryIntl considers an international number: +33…, 0033…, +44…
func (m *numberMatch) tryIntl(k int, d []byte) {
	intl := d
	if !m.plus {
		intl = d[2:]
	}
	if len(intl) >= 2 && intl[0] == '3' && intl[1] == '3' {
		nat := intl[2:]
		if (len(nat) == 9 && nat[0] != '0') || (len(nat) == 10 && nat[0] == '0' && nat[1] != '0') {
			m.consider(k, TEL, 0.97)
		}
		return
	}
	if len(intl) < 7 || len(intl) > 15 || !m.plus && len(intl) < 9 {
		return
	}
	// The library only sees numbers written with "+", or with "00" after
	// a phone cue; other "00…" runs keep the old rule.
	c := 0.0
	if m.plus || m.ctx()&cTel != 0 && m.ctx()&(identCues|cNIR|cFiscal|cSiret|cIBAN|cCarte) == 0 {
		c = intlPhone(intl)
	}
	switch {
	case c > 0:
		m.consider(k, TEL, c)
	case len(intl) >= 8:
		m.consider(k, TEL, 0.8)
	}
}

// tryForeignPhone considers a foreign national phone number written
// without its country code, in a foreign grouping.
func (m *numberMatch) tryForeignPhone(k int, d []byte, sh shapeKey, currency bool) {
	frenchPhone := len(d) == 10 && d[0] == '0' && d[1] != '0' && d[1] != '8' && phoneGrouping(d, sh)
	if len(d) < 9 || !(len(d) <= 11 || m.sc.cuedTrunkPhone(d, m.ctx)) || frenchPhone || currency || m.legal ||
		!m.sc.foreignPhoneShape(m.run, m.p, k, m.ctx) || !nationalPhone(d) {
		return
	}
	m.consider(k, TEL, 0.85)
	if len(d) == 10 && d[0] == '0' && d[1] == '8' && sh == shape(3, 3, 4) {
		m.consider(k, TEL, 0.97) // Irish mobile: 087 482 1936
	}
}

// tryLength considers the identifiers of d's length.
func (m *numberMatch) tryLength(k int, d []byte, sh shapeKey, last int, currency, weak bool) {
	switch len(d) {
	case 9:
		m.try9(k, d, sh, weak)
	case 10:
		m.try10(k, d, sh, last, currency)
	case 11:
		if d[0] == '3' && d[1] == '3' && d[2] != '0' && !weak && (m.run[m.p].digits == "33" || m.ctx()&cTel != 0) && frenchValid(d[2:]) {
			m.consider(k, TEL, 0.9) // the calling code without its "+": "33 6 12 34 56 91"
		}
	case 13:
		m.try13(k, d, sh, weak)
	case 14:
		m.consider(k, SIRET, siretConf(d, sh, m.ctx(), weak))
	case 15:
		switch {
		case nirShape(d) && (m.ctx()&cCarte == 0 || m.ctx()&cNIR != 0):
			m.consider(k, NIR, nirConf(d, sh, m.ctx(), weak))
		case nirSex(d) && m.ctx()&cNIR != 0:
			m.consider(k, NIR, 0.8) // "sécurité sociale 2 99 13 75…": month mistyped
		}
	case 23:
		m.try23(k, d, sh, weak)
	}
}

// try9 considers a SIREN, or a foreign mobile after a phone's cue.
func (m *numberMatch) try9(k int, d []byte, sh shapeKey, weak bool) {
	ctx := m.ctx()
	switch {
	case luhn(d) && ctx&cSiret != 0:
		m.consider(k, SIRET, 0.9)
	case ctx&cSiret != 0:
		m.consider(k, SIRET, 0.75)
	case (d[0] == '6' || d[0] == '7') && ctx&cTel != 0 && !weak:
		m.consider(k, TEL, 0.8)
	case luhn(d) && !weak && (k == 1 || sh == shapeSIREN):
		m.consider(k, SIRET, 0.6)
	}
}

// try10 considers a French phone number, or a service number kept.
func (m *numberMatch) try10(k int, d []byte, sh shapeKey, last int, currency bool) {
	if d[0] == '0' && d[1] == '8' && serviceGrouping(sh) && !currency {
		m.consider(k, typKeep, 0.96) // "0 800 00 12 34": a numéro vert as printed
	}
	switch {
	case d[0] == '0' && d[1] != '0' && phoneGrouping(d, sh) && !currency:
		if d[1] == '8' || m.sc.publicNumber(publicService, string(d), m.first, last) {
			// 08…, 09 69…: service numbers, public
			m.consider(k, typKeep, 0.96)
		} else if ctx := m.ctx(); idDocCue(ctx) && (ctx&cTel == 0 || m.sc.docCueNearest(m.first)) {
			// "permis de conduire n° 0123456789": the document's
			// number, read by idents, unless a phone cue is nearer
			// ("numéro de permis 0707691004 87": "permis" is)
			m.consider(k, TEL, 0.8)
		} else {
			m.consider(k, TEL, 0.95)
		}
	case d[0] == '0' && d[1] != '0' && d[1] != '8' && !currency && m.ctx()&cTel != 0 && frenchValid(d[1:]):
		m.consider(k, TEL, 0.85) // after a phone's cue, any grouping: "06123456 88"
	}
}

// try13 considers a tax number or a NIR without its key.
func (m *numberMatch) try13(k int, d []byte, sh shapeKey, weak bool) {
	switch {
	case fiscalKeyValid(d):
		m.consider(k, FISCAL, 0.97)
	case nirShape(d) && (m.ctx()&cNIR != 0 || sh == shapeNIR13 && m.ctx()&cCarte == 0):
		m.consider(k, NIR, 0.8)
	case nirSex(d) && m.ctx()&cNIR != 0 && m.ctx()&cFiscal == 0:
		m.consider(k, NIR, 0.75) // after its cue, an impossible month is mistyped
	case m.ctx()&cFiscal != 0:
		m.consider(k, FISCAL, 0.85)
	case !weak && d[0] <= '3':
		m.consider(k, FISCAL, 0.55)
	}
}

// try23 considers a French RIB: bank, branch, account and key, the whole
// divisible by 97; a wrong key in a RIB's grouping or after its cue is
// still an account number.
func (m *numberMatch) try23(k int, d []byte, sh shapeKey, weak bool) {
	rem, _ := mod97(d)
	switch {
	case sh == shapeBBAN:
		// "1027 8060 3100 0201 2345 067": an IBAN's grouping with its
		// country letters left out; no card is 23 digits long, so it is
		// surer than the card its first four groups make
		m.consider(k, IBAN, 0.96)
	case rem == 0 && (sh == shapeRIB || m.ctx()&cIBAN != 0):
		m.consider(k, IBAN, 0.9)
	case sh == shapeRIB || m.ctx()&cIBAN != 0 && !weak:
		m.consider(k, IBAN, 0.75)
	}
}

// tryCard considers a payment card. A number after an identity document's
// cue is that document's, even when it passes Luhn by chance: "CNP
// 2900615400123".
func (m *numberMatch) tryCard(k int, d []byte, sh shapeKey, weak bool) {
	if len(d) < 13 || len(d) > 19 || d[0] < '1' || d[0] > '6' || idDocCue(m.sc.cueBefore(m.first, 3)) {
		return
	}
	ctx := m.ctx()
	if len(d) == 16 && m.sc.cardWordBefore(m.first) {
		ctx |= cCarte // "ma carte : 4970101234567892", a digit mistyped
	}
	if c := cardConf(d, sh, k, ctx, weak); c > 0 {
		if typ := m.sc.cardRival(m.first, d, sh, k); typ != "" {
			m.consider(k, typ, 0.5)
		} else {
			m.consider(k, CARTE, c)
		}
	}
}

// docCueNearest reports whether the two tokens before token first name
// an identity document and no phone: "numéro de permis 0707691004".
func (sc *scanner) docCueNearest(first int) bool {
	c := sc.cueBefore(first, 2)
	return idDocCue(c) && c&cTel == 0
}

// siretConf grades a 14-digit number d of shape sh as a SIRET: Luhn, a
// SIRET's grouping or a cue each suffice, and with a cue the whole SIRET
// is surer than the SIREN it starts with.
func siretConf(d []byte, sh shapeKey, ctx cueBits, weak bool) float64 {
	grouped := sh == shapeSIRET || sh == shape14 || sh == shapeSIRET2
	switch {
	case ctx&cSiret != 0:
		return 0.95
	case idDocCue(ctx) && sh != shapeSIRET:
		return 0.5 // "carte d'identité égyptienne 28905121401234": the document's, read by idents
	case luhn(d) && grouped:
		return 0.95
	case luhn(d):
		return 0.85
	case sh == shapeSIRET && !weak:
		return 0.7 // 443 061 841 00048: a SIRET's grouping, key mistyped
	}
	return 0
}

// foreignPhoneShape reports whether groups p to p+k-1 of run may be a
// foreign national phone number worth asking the phone library about: a
// phone cue before it, or an 11-digit number starting with 0 (British,
// German mobiles), or the North American (212) 555-1234.
func (sc *scanner) foreignPhoneShape(run []group, p, k int, ctx func() cueBits) bool {
	first := run[p].digits
	if first == "" || (first[0] == '0' && len(first) > 1 && first[1] != '0' && k > 1 && len(run[p].digits)+len(run[p+1].digits) == 4) {
		return false // French grouping: 06 12…
	}
	c := ctx()
	if c&(identCues|cNIR|cFiscal|cSiret|cIBAN|cCarte) != 0 && !sc.phoneCueNearest(run[p].tok) {
		return false
	}
	n := 0
	for _, g := range run[p : p+k] {
		n += len(g.digits)
	}
	if n == 9 {
		return c&cTel != 0 // 612 90 47 38 (Spain), 512-834-907 (Poland)
	}
	if first[0] == '0' {
		return n == 11 && len(first) >= 3 || c&cTel != 0 && len(first) >= 2 || k == 3 && len(first) == 3 && len(run[p+1].digits) == 3
	}
	if sc.punct(run[p].tok-1) == '(' && sc.attached(run[p].tok) {
		return true
	}
	// 212 555 1234, 418.624.3917, 613-729-4186; 4186243917 after a phone cue
	return k == 3 && len(run[p].digits) == 3 && len(run[p+1].digits) == 3 && len(run[p+2].digits) == 4 || k == 1 && c&cTel != 0
}

// phoneCueNearest reports whether a phone's word and no other number's
// cue stands in the three tokens before token first: the phone word
// right before the number decides over a code or a case named earlier
// ("mon code Soleil2024! Handynummer 0151 23456789"). "numéro" and
// "number", which name any number, are no phone word there ("la OFPRA
// nos dio el numero 2301-04562-G").
func (sc *scanner) phoneCueNearest(first int) bool {
	if sc.cueBefore(first, 3)&(identCues|cNIR|cFiscal|cSiret|cIBAN|cCarte) != 0 {
		return false
	}
	for k := first - 1; k >= 0 && k >= first-3; k-- {
		if sc.toks[k].cue&cTel != 0 && !sc.isText(k, "numero", "num", "number") {
			return true
		}
		if sc.toks[k].gap >= gapLine {
			return false
		}
	}
	return false
}

// nirConf grades a NIR-shaped number: its key, the context and how it is
// written.
func nirConf(s []byte, sh shapeKey, ctx cueBits, weak bool) float64 {
	switch {
	case nirKeyValid(s):
		return 0.99
	case ctx&cNIR != 0:
		return 0.9 // as sure as a NIR typed a digit off after its cue (typedAmiss), and longer
	case sh == shapeNIR || sh == shapeNIR2 || sh == shape15:
		return 0.75
	case weak:
		return 0
	}
	return 0.6
}

// typedAmiss reads a number a digit or two off its type's length after
// that type's cue, as people type them: a NIR of 12 to 16 characters
// after "sécu", a SIRET of 13 or 15 digits after "SIRET", a card of 15 or
// 17 digits in groups of four after a card word.
func typedAmiss(d []byte, sh shapeKey, ctx cueBits) (Type, float64) {
	switch {
	case nirAmiss(d, ctx):
		return NIR, 0.9
	case ctx&cSiret != 0 && ctx&cNIR == 0 && (len(d) == 13 || len(d) == 15):
		return SIRET, 0.8
	case ctx&cCarte != 0 && ctx&cNIR == 0 && (sh == shape(4, 4, 4, 3) || sh == shape(4, 4, 4, 5)):
		return CARTE, 0.8
	}
	return "", 0
}

// nirAmiss reports whether d, after a NIR's cue and no other number's, is
// a NIR with a digit too many or too few: 12, 14 or 16 characters.
func nirAmiss(d []byte, ctx cueBits) bool {
	return ctx&cNIR != 0 && ctx&(cSiret|cFiscal|cCarte|cIBAN) == 0 &&
		(len(d) == 12 || len(d) == 14 || len(d) == 16) && nirSex(d)
}

// nirSex reports whether d starts with a NIR's first digit (1, 2, 7, 8;
// 3 and 4 are rare and start cards).
func nirSex(d []byte) bool {
	return d[0] == '1' || d[0] == '2' || d[0] == '7' || d[0] == '8'
}

// currencyAfter reports whether the token after i is a currency, past
// an amount's cents ("1 234,56 €").
func (sc *scanner) currencyAfter(i int) bool {
	n := i + 1
	if p := sc.punct(n); (p == ',' || p == '.') && n+1 < len(sc.toks) && sc.attached(n) && sc.attached(n+1) &&
		sc.toks[n+1].kind == kNum && sc.toks[n+1].end-sc.toks[n+1].start <= 2 {
		n += 2
	}
	if n >= len(sc.toks) || sc.toks[n].gap > gapBlank {
		return false
	}
	if sc.has(n, wCurrency) {
		return true
	}
	switch sc.punct(n) {
	case '€', '$', '£':
		return true
	}
	return false
}

// idDocCue reports whether the cues ctx announce an identity document's
// number and no bank card.
func idDocCue(ctx cueBits) bool {
	return ctx&(cCNI|cPasseport|cPermis|cEtranger) != 0 && ctx&(cCarte|cIBAN) == 0
}

// oZero reports whether s is a letter o typed for a zero before a digit,
// as a phone number's first group: "o6", "O7".
func oZero(s string) bool {
	return len(s) == 2 && (s[0] == 'o' || s[0] == 'O') && s[1] >= '1' && s[1] <= '9'
}

// zeroGroups are the first groups "01" to "09", for oZero's tokens.
var zeroGroups = [...]string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09"}

// groupText returns the digits of number token i: its text, with a zero
// for the letter of "o6".
func (sc *scanner) groupText(i int) string {
	s := sc.text(i)
	if oZero(s) {
		return zeroGroups[s[1]-'0']
	}
	if sc.toks[i].kind == kAlnum {
		return typosRead(s)
	}
	return s
}

// typosRead returns s with the letters numberTok takes for digits read as
// them ("1850l75" → "1850175"); s itself when it has none.
func typosRead(s string) string {
	b := []byte(nil)
	for k := 0; k < len(s); k++ {
		if d := typoDigit(s[k]); d != 0 {
			if b == nil {
				b = []byte(s)
			}
			b[k] = d
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}
