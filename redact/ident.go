package redact

import "strings"

// Identifiers that only their context tells apart: CAF, France Travail,
// AGDREF, INE, passport, identity card, driving licence, plate and case
// numbers.

func isLetter(c byte) bool { return ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// identPart records where each part of an identifier ends.
type identPart struct {
	tok  int // last token of the part
	norm int // length of the normalized identifier up to this part
}

// idents finds the identifiers that only context tells apart: CAF,
// France Travail, AGDREF, INE, passport, identity card, driving licence,
// plate and case numbers, each after a context word ("numéro allocataire",
// "dossier n°").
func (sc *scanner) idents() {
	var r identReader
	for i := range sc.toks {
		if sc.toks[i].cue&(identCues|cFiscal) == 0 || sc.taxBase(i) {
			continue
		}
		j := sc.identStart(i)
		if j >= len(sc.toks) || sc.toks[j].gap >= gapPara {
			continue
		}
		if sc.toks[i].cue&cFiscal != 0 && sc.wrappedTax(j) || sc.identAt(&r, i, j) {
			continue
		}
		// "dossier social étudiant (DSE 2024-2025) : n° 24-0315877": the
		// first reading failed, the sign "n°" on the line announces the value.
		// From the cue on: "CNI (n° donné de mémoire : 1107 5912 3456)",
		// whose sign the first reading skipped.
		signed := false
		for k := i + 1; k < len(sc.toks) && k < j+8 && (k <= j || sc.toks[k].gap < gapLine); k++ {
			if v := sc.identSign(k); v > 0 {
				if !sc.has(k-1, wLegal) && !sc.has(k-2, wLegal) { // not "cerfa n°14069*04"
					sc.identAt(&r, i, v)
				}
				signed = true
				break
			}
		}
		if v := sc.copulaValue(i); !signed && v > 0 {
			sc.identAt(&r, i, v)
		}
	}
}

// identCopulas are the verbs "is" and "was" that give a value after a clause:
// "Mi permiso de cuando vivía en Sevilla es 48123456K".
var identCopulas = wordSet("es est etait ist war is was")

// copulaValue returns the token of the value that a copula gives later
// in the cue's sentence, within twelve words: a number or letters and
// digits right after "es", "est", "ist", "is"; 0 when there is none.
func (sc *scanner) copulaValue(i int) int {
	for k := i + 1; k+1 < len(sc.toks) && k <= i+12 && sc.toks[k].gap < gapLine; k++ {
		switch sc.punct(k) {
		case '.', '?', '!', ';', ',', ':':
			return 0
		}
		if sc.toks[k].cue&(identCues|cFiscal|cNIR|cTel) != 0 && k > i+1 {
			return 0 // another document's cue: its own value
		}
		if sc.foldedIn(k, identCopulas) && sc.toks[k+1].gap == gapSpace && (sc.toks[k+1].kind == kNum || sc.toks[k+1].kind == kAlnum) {
			return k + 1
		}
	}
	return 0
}

// identSign returns the token of the value a numbering sign at token k
// announces: "n° 24-0315877", "num 0901 2345 6789", "nr. 0123456789"; 0
// when token k is none or no number follows it.
func (sc *scanner) identSign(k int) int {
	v := k + 1
	switch {
	case sc.isText(k, "n", "no") && (sc.punct(v) == '°' || sc.punct(v) == 'º') && sc.attached(v):
		if v+1 >= len(sc.toks) {
			return 0
		}
		if colon := sc.colonAhead(v+1, 5); colon > 0 && colon+1 < len(sc.toks) {
			return colon + 1 // "n° donné de mémoire : 1107 5912 3456"
		}
		return v + 1
	case sc.isText(k, "num", "numero", "nr", "nro", "nº", "number"):
		if p := sc.punct(v); p == '.' || p == ':' {
			v++
		} else if sc.isText(v, "is") {
			v++ // "(Withdrawal Agreement) number is 2401234567"
		}
	default:
		return 0
	}
	if v >= len(sc.toks) || sc.toks[v].gap >= gapLine || (sc.toks[v].kind != kNum && sc.toks[v].kind != kAlnum) {
		return 0
	}
	return v
}

// taxBase reports whether the cue at token i is a word of "revenu fiscal
// de référence", which announces an amount and no identifier.
func (sc *scanner) taxBase(i int) bool {
	if sc.isText(i, "reference") {
		i -= 2
	}
	return sc.isText(i, "fiscal") && sc.isText(i-1, "revenu") && sc.isText(i+1, "de") && sc.isText(i+2, "reference")
}

// identReader holds the buffers of readIdent, reused from one cue to the
// next.
type identReader struct {
	parts []identPart
	norm  []byte
	// sibling and siblingNorm are siblingIdent's buffers.
	sibling     []identPart
	siblingNorm []byte
}

// identStart skips what may stand between the cue at token i and its value:
// punctuation, fillers, adjectives, a duration, a label ending with a colon.
func (sc *scanner) identStart(i int) int {
	j := i + 1
	adjectives := 0
	for skipped := 0; j < len(sc.toks) && skipped < 6; skipped++ {
		t := sc.toks[j]
		if t.gap >= gapPara {
			break
		}
		if c := sc.bracketedWord(j); c > 0 {
			j = c + 1 // "Krankenversicherungsnummer (TK) ist …": the insurer's name
			continue
		}
		if t.kind == kPunct {
			switch sc.punct(j) {
			case ':', '°', '#', '(', ')', '=', '.', '-', ',', '\'', 'º', '/', '"', '«', '»', '“', '”', '+':
				j++
				continue
			}
			break
		}
		if sc.letterPrefix(j) || sc.letterApart(j) {
			break // "contrat n° L-0045871-22", "passeport C 1234567": the letter is the number's
		}
		if t.kind == kWord && sc.has(j, wCivility) {
			j++ // "passeport syrien de M. : N009283417": whose document it is
			continue
		}
		if t.kind == kWord && (sc.has(j, wFiller|wStop|wInstitution) || t.cue&(identCues|cNIR|cFiscal|cTel) != 0 || sc.copulaAu(i, j)) {
			j++
			continue
		}
		// "passeport algérien 197458213", "carte de résident 10 ans n° …", in
		// capitals "CARTE D'IDENTITE POLONAISE AXL 912457" (a value's word
		// has at most four letters)
		if t.kind == kWord && (t.shape&shLower != 0 && t.end-t.start >= 4 || t.shape&shUpper != 0 && t.end-t.start >= 5) &&
			sc.bits(j)&(wFunc|wLegal) == 0 && adjectives < 2 {
			adjectives++
			j++
			continue
		}
		if t.kind == kNum && t.end-t.start <= 2 && sc.isText(j+1, "ans", "mois", "years", "anos") {
			j += 2
			continue
		}
		if j == i+1 && t.kind == kNum && t.end-t.start <= 3 && t.gap == gapSpace && sc.punct(j+1) == ':' {
			j += 2 // "CAF 13 : 2987451": the cue's department
			continue
		}
		// "Référence de la proposition de rectification : X": a label
		// that ends with a colon on the same line.
		if colon := sc.colonAhead(j, 6); colon > 0 {
			j = colon + 1
			continue
		}
		break
	}
	return j
}

// legalRef reports whether a legal text's word stands between the cue at
// token i and its value at token j, or in the cue's clause before it:
// "décret n°", "article 4 … référence". A word of another clause does not
// count: « "dossier en cours d'instruction" under reference 2024-… ».
func (sc *scanner) legalRef(i, j int, near cueBits) bool {
	legal := func(k int) bool {
		// "Code de cession : CES-7741-2023" names a case, not a code
		return sc.has(k, wLegal) && !(sc.isText(k, "code") && near&cDossier != 0)
	}
	for k := i + 1; k < j; k++ {
		if legal(k) {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch sc.punct(k) {
		case ',', ';', '"', '(', ')', '«', '»', '“', '”':
			return false
		}
		if legal(k) {
			return true
		}
	}
	return false
}

// letterPrefix reports whether token j is a capital letter joined by a dash
// to the digits after it, or a short word in capitals joined to digits or
// letters and digits: the first part of an identifier, "L-0045871",
// "APA-37-558214".
func (sc *scanner) letterPrefix(j int) bool {
	t := sc.toks[j]
	if t.kind != kWord || sc.punct(j+1) != '-' || !sc.attached(j+1) || j+2 >= len(sc.toks) || !sc.attached(j+2) {
		return false
	}
	if t.end-t.start == 1 {
		return t.shape&shCap != 0 && sc.toks[j+2].kind == kNum
	}
	// "APA-37-558214", "RDV-PREF75-88231": a word in capitals that is no
	// cue of its own opens the reference
	return t.end-t.start <= 4 && t.shape&shUpper != 0 && t.cue == 0 && (sc.toks[j+2].kind == kNum || sc.toks[j+2].kind == kAlnum)
}

// letterApart reports whether token j is a single capital written apart
// before the digits of an identifier: "passeport vietnamien C 1234567",
// "K 4 8 2 1 7 3 9 9" (not the SMS "c" of "c'est", in lower case).
func (sc *scanner) letterApart(j int) bool {
	t := &sc.toks[j]
	return t.kind == kWord && t.end-t.start == 1 && t.shape&shCap != 0 && j+1 < len(sc.toks) &&
		sc.toks[j+1].kind == kNum && sc.toks[j+1].gap == gapSpace
}

// identAt reads the value at token j announced by the cue at token i and
// adds it with the type its context and shape give; it reports whether it
// added one.
func (sc *scanner) identAt(r *identReader, i, j int) bool {
	r.parts, r.norm = sc.readIdent(j, r.parts[:0], r.norm[:0])
	if len(r.parts) == 0 {
		return false
	}
	// The nearest context decides: the cue word and what follows it,
	// then the rest of the sentence.
	c := identCtx{i: i, j: j, near: sc.nearCues(i, j), wide: sc.cueBefore(j, 10)}
	c.legal = sc.legalRef(i, j, c.near)
	// Try the longest reading first, then drop trailing parts.
	for p := len(r.parts) - 1; p >= 0; p-- {
		last := r.parts[p].tok
		typ, conf, nir := sc.identType(c, r.norm[:r.parts[p].norm], last)
		if nir {
			return false
		}
		if typ == "" {
			continue
		}
		start := j
		if typ == DOSSIER && sc.isText(j-1, "rg", "pv") && sc.text(j-1) != "pv" && sc.toks[j].gap == gapSpace {
			start = j - 1 // "n° RG 23/01872", "PV 2024/004578": the register goes with its number
		}
		if typ == CNI && sc.isText(j-1, "seria", "serie", "series") && sc.toks[j].gap == gapSpace {
			start = j - 1 // "buletin seria MZ nr. 418236": the word goes with the series it names
		}
		sc.addToks(start, last, typ, conf)
		sc.siblingIdent(r, last+1, p, typ, conf)
		return true
	}
	return false
}

// identCtx is the context of a value identAt reads: the cue's token i,
// the value's first token j, the cues near (from the cue to the value)
// and wide (the sentence before the value), and whether a legal text's
// word stands by (legalRef).
type identCtx struct {
	i, j       int
	near, wide cueBits
	legal      bool
}

// identType returns the type and confidence of the normalized reading id
// of tokens c.j to last, "" when it is none (a date, an amount, a legal
// reference); nir reports a NIR's number after a foreign cue, which the
// numbers detector reads and no shorter reading may take.
func (sc *scanner) identType(c identCtx, id []byte, last int) (typ Type, conf float64, nir bool) {
	typ, conf = classifyIdent(id, c.near)
	if typ == "" && c.near&cEtranger != 0 && sc.foreignNumber(c.i, id) {
		typ, conf = ETRANGER, 0.8
	}
	if typ == "" || typ == DOSSIER && (c.near&cDossier == 0 || sc.isText(c.i, "id", "identifiant", "login")) {
		if t2, c2 := classifyIdent(id, c.wide); t2 != "" && (typ == "" || t2 != DOSSIER) {
			typ, conf = t2, c2
		}
	}
	if typ == DOSSIER && (c.legal || sc.currencyAfter(last) || sc.publicRef(c, last)) || typ != "" && sc.dateLike(c.j, last) {
		return "", 0, false // a date is no identifier: "passeport c'est le 31/12/1975"
	}
	if typ == DOSSIER && (c.wide&cFiscal != 0 || sc.allCues&cFiscal != 0 && c.near&cDossier == 0) && spiShape(id) {
		// "mon numéro fiscal est sur l'avis : 30 12 345 678 901";
		// without a case's cue of its own, the cue anywhere in the
		// message: "Son numéro fiscal : … Le mien si besoin : 3012
		// 8845 90176"
		typ = FISCAL
	}
	if typ == DOSSIER && len(id) == 15 && nirShape(id) && sc.nirGrouped(c.j, last) {
		return "", 0, true // "le dossier de mon père : 1 45 12 99 352 231 17": a NIR's grouping, read by numbers
	}
	if typ == CNI && c.near&cNIR != 0 && (len(id) == 13 || len(id) == 15) && allDigits(id) && nirSex(id) {
		return "", 0, true // "social security number 1 85 03 75 112 045": a NIR's length, read by numbers
	}
	if w := strings.ReplaceAll(sc.s[sc.toks[c.j].start:sc.toks[last].end], " ", ""); (typ == ETRANGER || typ == "" && c.near&cEtranger != 0 && !sc.dateLike(c.j, last) && !dateForm(w) && len(w) >= 8) && (ofpraShape(w) || caseShape(w)) {
		// "numéro OFPRA 2404-01873", "OFII number 44-2026-7781", "récépissé
		// n° R-74-2024-118943": a case, not a foreigner's number
		typ, conf = DOSSIER, 0.8
	}
	if typ == ETRANGER && c.near&cDossier != 0 && sc.asylumOffice(c.i, c.j) {
		typ = DOSSIER // "n° dossier OFPRA 23-07-01234", "My OFPRA case number is 2203318754"
	}
	if typ != ETRANGER && c.near&cEtranger != 0 && len(id) == 11 && asylumShape(sc.s[sc.toks[c.j].start:sc.toks[last].end]) {
		typ, conf = ETRANGER, 0.85 // an asylum seeker's attestation: "750-226-418-93"
	}
	if (typ == ETRANGER && c.near&cEtranger != 0 || typ == DOSSIER && c.near&cDossier != 0) && !sc.phoneWord(c.i, c.j) && c.near&otherNumbers == 0 {
		conf = 0.96 // AGDREF and case numbers may look like phones: 0699214873
	}
	return typ, conf, false
}

// docCues are the cues of one kind of document or benefit number.
const docCues = cCNI | cPasseport | cPermis | cEtranger | cINE | cCAF | cFT | cPlaque

// nearCues returns the cues of tokens i (the cue) to j (the value,
// excluded). When another document's cue stands between them, the nearest
// document decides: "passeport tunisien et carte consulaire n° 1234/2020"
// is the consular card's number.
func (sc *scanner) nearCues(i, j int) cueBits {
	var near, last cueBits
	for k := i; k < j; k++ {
		c := sc.toks[k].cue
		near |= c
		if c&docCues != 0 {
			last = c & docCues
		}
	}
	return near &^ (docCues &^ last)
}

// colonAhead returns the index of a colon within n tokens from j on the same
// line, with only words before it, or -1.
func (sc *scanner) colonAhead(j, n int) int {
	for k := j; k < len(sc.toks) && k < j+n; k++ {
		if k > j && sc.toks[k].gap >= gapLine {
			return -1
		}
		switch sc.toks[k].kind {
		case kWord:
			continue
		case kPunct:
			switch sc.punct(k) {
			case ':':
				return k
			case '\'', '-':
				continue
			}
		}
		return -1
	}
	return -1
}

// maxIdentParts bounds the parts readIdent reads: a numéro fiscal
// dictated one digit at a time has thirteen.
const maxIdentParts = 16

// readIdent reads the identifier that starts at token j: letters and digits
// joined by - / . _ or single spaces. It appends its parts and its
// normalized (upper-case, separator-free) form.
func (sc *scanner) readIdent(j int, parts []identPart, norm []byte) ([]identPart, []byte) {
	k := j
	for len(parts) < maxIdentParts && k < len(sc.toks) {
		if len(parts) > 0 {
			if k = sc.identJoin(k, parts[len(parts)-1].tok); k < 0 {
				return parts, norm
			}
		}
		t := sc.toks[k]
		if !sc.identPartOK(k, len(parts)) || len(norm)+int(t.end-t.start) > 40 {
			return parts, norm
		}
		s := sc.text(k)
		for x := 0; x < len(s); x++ {
			if s[x] >= 0x80 {
				return parts, norm
			}
			norm = append(norm, upper(s[x]))
		}
		parts = append(parts, identPart{tok: k, norm: len(norm)})
		k++
	}
	return parts, norm
}

// identJoin returns the token of the next part of an identifier, the part
// before ending at token prev and token k following it: k itself after a
// single space, the token after a separator written without spaces (- / .
// _), the number after a series' "nr"; -1 when the identifier ends at prev.
func (sc *scanner) identJoin(k, prev int) int {
	t := &sc.toks[k]
	switch {
	case t.kind == kPunct && t.gap == gapNone && k+1 < len(sc.toks) && sc.attached(k+1):
		switch sc.punct(k) {
		case '-', '/', '.', '_':
			return k + 1
		}
		return -1
	case t.gap == gapSpace && isSerialNo(sc.text(k)) && k+1 < len(sc.toks) && sc.toks[k+1].kind == kNum &&
		sc.toks[k+1].gap == gapSpace:
		return k + 1 // Romanian identity cards: "seria RX nr 482913"
	case t.gap == gapSpace && isSerialNo(sc.text(k)) && k+2 < len(sc.toks) && sc.punct(k+1) == '.' &&
		sc.attached(k+1) && sc.toks[k+2].kind == kNum && sc.toks[k+2].gap == gapSpace:
		return k + 2 // "seria RX nr. 482913"
	case t.gap == gapSpace && t.kind != kPunct:
		return k
	case t.gap == gapBlank && sc.oneDigit(k) && sc.oneDigit(prev):
		return k // dictated digits with a slip of the space bar: "8  0 2 9 1 1 3"
	case t.gap == gapSpace && sc.punct(k) == '-' && sc.oneDigit(prev) && k+1 < len(sc.toks) && sc.oneDigit(k+1) &&
		sc.toks[k+1].gap == gapSpace:
		return k + 1 // an OFPRA number dictated: "2 0 2 6 - 0 4 4 7 1 8"
	}
	return -1
}

// identPartOK reports whether token k may be a part of an identifier that
// has parts parts before it: digits, letters and digits, or a short word
// in capitals ("NAT-06", "2024/DGFIP/PR/00873"), a single capital, a
// lower-case word joined by dashes ("ab-123-cd").
func (sc *scanner) identPartOK(k, parts int) bool {
	t := &sc.toks[k]
	switch t.kind {
	case kNum, kAlnum:
		return true
	case kWord:
		if parts > 0 && t.gap != gapNone && t.end-t.start >= 2 && sc.has(k, wFunc) {
			return false // "AXL 912457 EST OK": a word of the sentence in capitals
		}
		maxLen := int32(4)
		if parts > 0 && t.gap == gapNone {
			maxLen = 8 // 2024/DGFIP/PR/00873
		}
		return t.end-t.start <= maxLen && (t.shape&shUpper != 0 || t.end-t.start == 1 && t.shape&shCap != 0 || sc.dashedLower(k, parts))
	}
	return false
}

// dashedLower reports whether the lower-case word k of at most three
// letters is part of an identifier written with dashes, "ab-123-cd": it is
// joined by a dash to the digits after it, or to the part before it.
func (sc *scanner) dashedLower(k, parts int) bool {
	if sc.toks[k].end-sc.toks[k].start > 3 {
		return false
	}
	if parts > 0 {
		return sc.toks[k].gap == gapNone && sc.punct(k-1) == '-'
	}
	return sc.punct(k+1) == '-' && sc.attached(k+1) && sc.attached(k+2) && k+2 < len(sc.toks) && sc.toks[k+2].kind == kNum
}

// isSerialNo reports whether s is the "nr" or "no" written between the
// series and the number of an identity card.
func isSerialNo(s string) bool { return s == "nr" || s == "Nr" || s == "no" || s == "No" }

// dateLike reports whether tokens i to j write a date or a year
// ("12/03/2024", "2024-03-15", "2023").
func (sc *scanner) dateLike(i, j int) bool {
	var nums []int
	for i < j && sc.toks[i].kind == kWord {
		i++ // "DSE 2024-2025"
	}
	for k := i; k <= j; k++ {
		switch sc.toks[k].kind {
		case kNum:
			n, ok := atoi(sc.text(k))
			if !ok {
				return false
			}
			nums = append(nums, n)
		case kPunct:
		default:
			return false
		}
	}
	switch len(nums) {
	case 1:
		return j == i && sc.toks[i].end-sc.toks[i].start == 4 && nums[0] >= 1900 && nums[0] <= 2099
	case 2:
		if nums[0] >= 1900 && nums[0] <= 2099 && nums[1] == nums[0]+1 {
			return true // a school year: 2024-2025
		}
		if j == i+2 && sc.punct(i+1) == '/' && nums[0] >= 1 && nums[0] <= 31 && nums[1] >= 1 && nums[1] <= 12 {
			return true // a day: "convocation le 12/12"
		}
		return nums[0] >= 1 && nums[0] <= 12 && nums[1] >= 1900 && nums[1] <= 2099
	case 3:
		if nums[0] >= 1900 && nums[0] <= 2099 {
			return nums[1] >= 1 && nums[1] <= 12 && nums[2] >= 1 && nums[2] <= 31
		}
		// a day, a month and a year of two or four digits: "23-08-0011245" is a case
		return nums[0] >= 1 && nums[0] <= 31 && nums[1] >= 1 && nums[1] <= 12 && (sc.numLen(j) == 2 || sc.numLen(j) == 4)
	}
	return false
}

// classifyIdent picks the most specific type whose context is present and
// whose shape fits the normalized identifier id.
func classifyIdent(id []byte, cues cueBits) (Type, float64) {
	l, digits := len(id), 0
	for _, c := range id {
		if isDigit(c) {
			digits++
		}
	}
	if digits == 0 {
		return "", 0
	}
	letters := l - digits
	switch {
	case cues&cPasseport != 0 && (passportShape(id) || (l >= 8 && l <= 9 && digits >= 2) || (l == 7 || l == 10) && digits >= 6 && isLetter(id[0])):
		return PASSEPORT, 0.9
	case cues&cCNI != 0 && ((l == 12 && digits >= 9) || (l == 9 && letters >= 1) || (l >= 6 && l <= 18 && digits >= 5)):
		return CNI, 0.85 // 18: Algeria's NIN, China's and Mexico's numbers
	case cues&cPermis != 0 && l >= 8 && l <= 16 && digits >= 5: // 16: a British licence
		return PERMIS, 0.85
	case cues&cPlaque != 0 && (sivLikeShape(id) || fniShape(id) || romanianPlateShape(id)):
		return PLAQUE, 0.85
	case cues&cPlateWord != 0 && l >= 4 && l <= 9 && letters >= 1:
		return PLAQUE, 0.8 // a foreign plate: KX19PLU, VT482K
	case cues&cINE != 0 && l == 11 && (digits >= 8 || digits >= 5 && isDigit(id[0])):
		return INE, 0.85 // letters inside: "0A2B3C4D5E6"
	case cues&cEtranger != 0 && letters == 0 && (l == 10 || l == 9):
		return ETRANGER, 0.85
	case cues&cEtranger != 0 && l == 9 && letters == 2 && isLetter(id[0]) && isLetter(id[1]):
		return ETRANGER, 0.8 // a residence card's own number: "N° de carte : AB3021447"
	case cues&cEtranger != 0 && letters == 1 && l >= 10 && l <= 14 && isDigit(id[0]) && isDigit(id[l-1]):
		return ETRANGER, 0.8 // a récépissé's number with its letter: "910R000123456"
	case cues&cEtranger != 0 && isLetter(id[0]) && digits >= 7 && l <= 10 && (letters == 1 || letters == 2 && isLetter(id[l-1])):
		return ETRANGER, 0.8 // a letter then digits: Spain's NIE "X1234567L", a German insurance's "A123456780"
	case cues&cEtranger != 0 && letters == 3 && digits >= 7 && l <= 13 && isLetter(id[0]) && isLetter(id[1]) && isLetter(id[2]):
		return ETRANGER, 0.8 // a card's number after its issuing state's code: "FRA1234567", "FRA023187764"

	case cues&cFT != 0 && l >= 7 && l <= 11 && digits >= 6:
		return FRANCE_TRAVAIL, 0.85
	case cues&cFTWeak != 0 && l == 8 && digits == 7 && isLetter(id[7]):
		return FRANCE_TRAVAIL, 0.8
	case cues&cCAF != 0 && l >= 5 && l <= 10 && digits >= 5:
		return CAF, 0.85
	case cues&cFiscal != 0 && l >= 8 && l <= 16 && digits >= 7:
		return FISCAL, 0.85 // "NIF portugais 123456789", "codice fiscale", "Steuer-ID"
	case cues&cDossier != 0 && l >= 4 && l <= 30 && (digits >= 3 || (digits >= 2 && l >= 6)):
		return DOSSIER, 0.75
	}
	return "", 0
}

// messageIDs finds the identifiers whose cue is elsewhere in the message:
// "… ma carte d'identité … sa carte c'était 070905946804", "… ma prime
// d'activité … Stéphane Girard – n° 8099707". Only lone numbers of the
// exact length of a CNI (12 digits, also dictated one at a time) or of a
// CAF number after "n°" (7 digits), and France Travail's seven digits and
// a letter, are taken, with a low confidence.
func (sc *scanner) messageIDs() {
	all := sc.allCues
	if all&(cCNI|cCAF|cFT) == 0 {
		return
	}
	if all&cCNI != 0 {
		sc.dictatedIDs(12, CNI)
	}
	if all&cCAF != 0 {
		sc.dictatedIDs(7, CAF) // "le num allocataire ct celui de ma mere 2 7 8 4 5 1 9"
	}
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind == kAlnum && all&cFT != 0 && ftShape(sc.text(i)) {
			sc.addToks(i, i, FRANCE_TRAVAIL, 0.55) // "… France Travail … je crois que c'était 3581264K"
			continue
		}
		if t.kind != kNum || (i+1 < len(sc.toks) && sc.toks[i+1].kind == kNum && sc.toks[i+1].gap <= gapSpace) ||
			(i > 0 && sc.toks[i-1].kind == kNum && t.gap <= gapSpace) || sc.currencyAfter(i) {
			continue
		}
		switch l := t.end - t.start; {
		case l == 12 && all&cCNI != 0:
			sc.addToks(i, i, CNI, 0.55)
		case l == 7 && all&cCAF != 0 && i >= 2 && sc.isText(i-2, "n", "no") && (sc.punct(i-1) == '°' || sc.punct(i-1) == 'º'):
			sc.addToks(i, i, CAF, 0.55)
		case l == 7 && all&cCAF != 0 && sc.figuresAfterWords(i):
			sc.addToks(i, i, CAF, 0.55) // "deux six sept quatre, un neuf huit (2674198)"
		}
	}
}

// ftShape reports whether s is written as a France Travail identifier:
// seven digits and a capital letter.
func ftShape(s string) bool {
	return len(s) == 8 && allDigits(s[:7]) && s[7] >= 'A' && s[7] <= 'Z'
}

// figuresAfterWords reports whether the number at token i is written in
// brackets right after a number in words, as people repeat in figures a
// number they dictated: "un neuf huit (2674198)".
func (sc *scanner) figuresAfterWords(i int) bool {
	return sc.punct(i-1) == '(' && sc.attached(i) && sc.punct(i+1) == ')' && sc.attached(i+1) &&
		i >= 2 && sc.has(i-2, wNumWord)
}

// dictatedIDs finds the n digits of an identifier of type typ dictated
// one at a time, with spaces or " / " between them, in a message that
// names its document: the twelve of an old identity card ("Numero de
// l'ancienne 8 8 0 6 9 2 3 1 0 2 8 5", "0 9 0 7 / 7 5 0 / 1 2 3 4 5"),
// the seven of a CAF number. Exactly n, with a low confidence.
func (sc *scanner) dictatedIDs(want int, typ Type) {
	for i := 0; i < len(sc.toks); i++ {
		if !sc.oneDigit(i) || i > 0 && sc.toks[i-1].kind == kNum && sc.toks[i].gap <= gapSpace {
			continue
		}
		last, n := i, 1
		for k := i + 1; k < len(sc.toks) && n <= want; k++ {
			if sc.toks[k].gap > gapSpace {
				break
			}
			if p := sc.punct(k); (p == '/' || p == '-') && sc.toks[k].gap == gapSpace && k+1 < len(sc.toks) {
				continue // "0 9 0 7 / 7 5 0"
			}
			if !sc.oneDigit(k) {
				break
			}
			last, n = k, n+1
		}
		if n == want && !(last+1 < len(sc.toks) && sc.toks[last+1].kind == kNum && sc.toks[last+1].gap <= gapSpace) {
			sc.addToks(i, last, typ, 0.55)
		}
		i = last
	}
}

// oneDigit reports whether token i is a single digit.
func (sc *scanner) oneDigit(i int) bool {
	return sc.toks[i].kind == kNum && sc.toks[i].end-sc.toks[i].start == 1
}

// sentencePassports finds the passport numbers written further in the
// sentence of a passport's cue than idents reads: "mon numéro de passeport
// et le mien a changé : ancien FZ123456, nouveau GA987654". Only a word
// of one or two capitals and six to eight digits is taken, or the French
// shape (2 digits, 2 letters, 5 digits), with a low confidence.
func (sc *scanner) sentencePassports() {
	if sc.allCues&cPasseport == 0 {
		return
	}
	for i := range sc.toks {
		t := &sc.toks[i]
		last := i
		if t.kind == kWord {
			last = sc.passportApart(i)
		} else if t.kind != kAlnum || !passportWord(sc.text(i)) {
			continue
		}
		if c := sc.cueBefore(i, 16); last >= 0 && c&cPasseport != 0 && c&(cPlaque|cPlateWord|cIBAN) == 0 {
			sc.addToks(i, last, PASSEPORT, 0.6)
		}
	}
}

// passportApart returns the last token of a passport number whose one
// or two capitals are written apart from its six to eight digits ("FT
// 902214", "Z 4 8 1 9 2 7 3"), starting at word i, or -1.
func (sc *scanner) passportApart(i int) int {
	w := sc.text(i)
	if len(w) > 2 || w[0] < 'A' || w[0] > 'Z' || w[len(w)-1] < 'A' || w[len(w)-1] > 'Z' {
		return -1
	}
	n, last := 0, -1
	for k := i + 1; k < len(sc.toks) && sc.toks[k].gap == gapSpace && sc.toks[k].kind == kNum; k++ {
		if l := int(sc.toks[k].end - sc.toks[k].start); l > 1 && k > i+1 || l > 1 && l < 6 || n > 0 && l > 1 {
			return -1 // "AB 12 34": no passport's digits
		}
		n, last = n+int(sc.toks[k].end-sc.toks[k].start), k
		if sc.toks[k].end-sc.toks[k].start > 1 {
			break
		}
	}
	if last < 0 || n < 6 || n > 8 || last+1 < len(sc.toks) && sc.toks[last+1].gap == gapNone && sc.toks[last+1].kind != kPunct {
		return -1
	}
	return last
}

// passportWord reports whether s is written as a passport number: one or
// two capitals then six to eight digits ("FZ123456", "A1234567"), or
// France's 2 digits, 2 letters and 5 digits.
func passportWord(s string) bool {
	if passportShape([]byte(s)) {
		return true
	}
	letters := 0
	for letters < len(s) && s[letters] >= 'A' && s[letters] <= 'Z' {
		letters++
	}
	digits := len(s) - letters
	return letters >= 1 && letters <= 2 && digits >= 6 && digits <= 8 && allDigits(s[letters:])
}

// ofpraShape reports whether s is written as an OFPRA case number: four
// digits (year and month), a dash, five to eight digits.
func ofpraShape(s string) bool {
	if n := len(s); n > 2 && s[n-2] == '-' && isLetter(s[n-1]) {
		s = s[:n-2] // "2301-04562-G": a letter after the number
	}
	if len(s) < 10 || len(s) > 13 || s[4] != '-' {
		return false
	}
	return allDigits(s[:4]) && allDigits(s[5:])
}

// asylumShape reports whether w, eleven digits, is written as an asylum
// seeker's attestation number: whole, or in threes ("750-226-418-93"),
// never as a case's number that opens with a date ("23-08-0011245").
func asylumShape(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == ' ' || r == '.' })
	if len(parts) == 1 {
		return allDigits(parts[0])
	}
	if len(parts) != 4 {
		return false
	}
	for k, p := range parts {
		if want := 3 - k/3; len(p) != want || !allDigits(p) {
			return false
		}
	}
	return true
}

// foreignNumber reports whether id, after the foreigner's cue at token
// i, is written as a foreign national number or a visa's: twelve to
// fourteen digits after "AVS" or "resident registration"
// ("756.1234.5678.97", "950812-2345678"), a visa's number with its
// country's letters after "VLS-TS" or "visa" ("0IND12345678").
func (sc *scanner) foreignNumber(i int, id []byte) bool {
	l, digits := len(id), 0
	for _, c := range id {
		if isDigit(c) {
			digits++
		}
	}
	letters := l - digits
	if sc.isText(i, "avs", "registration") {
		return letters == 0 && l >= 12 && l <= 14
	}
	return sc.isText(i, "ts", "vls", "visa") && letters >= 2 && letters <= 4 && digits >= 7 && l <= 14 && isDigit(id[0])
}

// cpfNumbers finds Brazil's CPF numbers, its taxpayers' register (FISCAL,
// as the other foreign tax numbers), in their own shape after "CPF" and at
// most two words: "mon CPF 529.982.247-25". "CPF" is no cue of its own:
// in French it is a training account ("mon CPF 1500 €").
func (sc *scanner) cpfNumbers() {
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind != kNum || t.end-t.start != 3 || int(t.start)+14 > len(sc.s) || !cpfShape(sc.s[t.start:t.start+14]) {
			continue
		}
		if sc.cpfBefore(i) {
			sc.addToks(i, i+6, FISCAL, 0.8)
		}
	}
}

// cpfBefore reports whether "CPF" comes at most two words before token i,
// past punctuation, "n°" and a word in brackets: "CPF : …", "CPF n° …",
// "CPF (Brésil) …".
func (sc *scanner) cpfBefore(i int) bool {
	words := 0
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		switch t := &sc.toks[k]; {
		case t.kind == kPunct:
			continue
		case t.kind != kWord:
			return false
		}
		switch s := sc.text(k); {
		case s == "CPF" || s == "cpf":
			return true
		case s == "n" || s == "N" || s == "no" || s == "num":
			continue
		}
		if words++; words > 2 {
			return false
		}
	}
	return false
}

// cpfShape reports whether w is written as a Brazilian CPF: three groups
// of three digits joined by dots, a dash, two digits ("529.982.247-25").
func cpfShape(w string) bool {
	if len(w) != 14 || w[3] != '.' || w[7] != '.' || w[11] != '-' {
		return false
	}
	return allDigits(w[:3]) && allDigits(w[4:7]) && allDigits(w[8:11]) && allDigits(w[12:])
}

// caseShape reports whether s is written as a case's number, which a
// foreigner's number never is: parts joined by slashes ("26/00/12345"), or
// by dashes around a year ("44-2026-7781").
func caseShape(s string) bool {
	if strings.IndexByte(s, '/') >= 0 {
		return true
	}
	parts := strings.Split(s, "-")
	for k, p := range parts {
		if len(parts) >= 3 && k > 0 && len(p) == 4 && (strings.HasPrefix(p, "19") || strings.HasPrefix(p, "20")) && allDigits(p) {
			return true
		}
	}
	return false
}

// dateForm reports whether s is written as a date, whatever its values:
// one or two digits, one or two digits, two or four digits, joined by
// slashes, dots or dashes ("00/00/1956": a date of birth whose day is
// unknown).
func dateForm(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 || !allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2]) {
		return false
	}
	return len(parts[0]) <= 2 && len(parts[1]) <= 2 && (len(parts[2]) == 2 || len(parts[2]) == 4)
}

// numLen returns the length of token j's text.
func (sc *scanner) numLen(j int) int { return int(sc.toks[j].end - sc.toks[j].start) }

// spiShape reports whether id is a French numéro fiscal: 13 digits, the
// first 0 to 3.
func spiShape(id []byte) bool {
	return len(id) == 13 && allDigits(id) && id[0] <= '3'
}

// otherNumbers are the cues of the numbers that the numbers detector
// reads by their shape and key: after them an identifier's shape is no
// surer than theirs ("mon numéro sécu 1 52 09 99 350 114 62").
const otherNumbers = cNIR | cFiscal | cSiret | cIBAN | cCarte

// phoneWord reports whether a phone's cue stands among tokens i to j
// (excluded) other than the word "numéro", which names any number:
// "récépissé, o número 0 6 9 1 2 3 4 5 6 7" is the récépissé's.
func (sc *scanner) phoneWord(i, j int) bool {
	for k := i; k < j; k++ {
		if sc.toks[k].cue&cTel != 0 && !sc.isText(k, "numero", "num", "number", "no", "nr") {
			return true
		}
	}
	return false
}

// siblingIdent masks the second number of the same document given in
// the sentence of the one idents read, from token k on, with the first's
// type: "numéro étranger 6 9 0 1 5 7 3 3 2 0 pour lui, 6 9 0 1 5 7 3 3 2 1
// pour elle". The second must be written as the first, in as many parts
// (p+1) of as many characters, within a few words.
func (sc *scanner) siblingIdent(r *identReader, k, p int, typ Type, conf float64) {
	want, n := r.parts[p].norm, p+1
	for end := min(len(sc.toks), k+8); k < end && sc.toks[k].gap < gapLine; k++ {
		switch t := sc.toks[k]; {
		case t.kind == kPunct && strings.ContainsRune(",-()", sc.punct(k)), t.kind == kWord && t.end-t.start <= 5:
			// "7602219855 (pour moi) et 7602219856", "4512387K (ou 4512387 K)"
			continue
		case t.kind != kNum && t.kind != kAlnum:
			return
		}
		r.sibling, r.siblingNorm = sc.readIdent(k, r.sibling[:0], r.siblingNorm[:0])
		if last := r.respelled(want); last >= 0 && !sc.dateLike(k, last) {
			sc.addToks(k, last, typ, conf)
		} else if parts := r.sibling; len(parts) == n && parts[n-1].norm == want && !sc.dateLike(k, parts[n-1].tok) {
			sc.addToks(k, parts[n-1].tok, typ, conf)
		}
		return
	}
}

// bracketedWord returns the token of the ")" when token j opens a
// bracket that holds one word of letters only ("(TK)"), or -1.
func (sc *scanner) bracketedWord(j int) int {
	if sc.punct(j) != '(' || j+2 >= len(sc.toks) || sc.toks[j+1].kind != kWord || sc.punct(j+2) != ')' {
		return -1
	}
	return j + 2
}

// asylumOffice reports whether the asylum office's or court's name, OFPRA
// or CNDA, stands among tokens i-3 to j (excluded): with a case's word,
// its number is a case's.
func (sc *scanner) asylumOffice(i, j int) bool {
	for k := max(0, i-3); k < j; k++ {
		if sc.isText(k, "ofpra", "cnda") {
			return true
		}
	}
	return false
}

// respelled returns the last token of the sibling reading when it
// writes the same value as the first reading's want characters in other
// parts ("4512387K (ou 4512387 K je sais plus)"), or -1.
func (r *identReader) respelled(want int) int {
	for _, p := range r.sibling {
		if p.norm == want && string(r.siblingNorm[:want]) == string(r.norm[:want]) {
			return p.tok
		}
	}
	return -1
}

// nirGrouped reports whether tokens j to last write a number in a NIR's
// grouping, 1 2 2 2 3 3 2, with one space or one dot between the groups.
func (sc *scanner) nirGrouped(j, last int) bool {
	var sh shapeKey
	for k := j; k <= last; k++ {
		switch t := sc.toks[k]; {
		case t.kind == kNum || sc.alnumNumberTok(k):
			sh = sh.add(int(t.end - t.start))
		case sc.punct(k) != '.':
			return false
		}
	}
	return sh == shapeNIR
}

// copulaAu reports whether the word at j, between the cue at i and its
// value, is the "au" of a number given as the writer's after a verb of
// being: "ma CAF est au 1234567" (a possessive before the cue, a number
// right after "au"; "la CAF est au 0810 …" gives an office's line).
func (sc *scanner) copulaAu(i, j int) bool {
	if !sc.isText(j, "au") || !sc.isText(j-1, "est", "etait", "cest") || j+1 >= len(sc.toks) || sc.toks[j+1].gap != gapSpace {
		return false
	}
	b := sc.wordBefore(i)
	if sc.isText(b, "numero") {
		b = sc.wordBefore(b) // "mon numéro allocataire est au 765 4321"
	}
	v := &sc.toks[j+1]
	return sc.has(b, wPossessive) && (v.kind == kNum || v.kind == kAlnum && isDigit(sc.s[v.start])) // "1234567B"
}
