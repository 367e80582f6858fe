package redact

// ibanLengths gives the IBAN length of every country of the ISO 13616
// registry, and of the countries that use IBANs outside it (most of
// francophone Africa, Algeria, Iran…). Other two-letter prefixes accept any
// length from 15 to 34 when the check digits are right.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
	"BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
	"GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
	"IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
	"LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
	"NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
	"RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
	"SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
	// outside the registry
	"DZ": 26, "AO": 25, "BJ": 28, "BF": 28, "CM": 27, "CV": 25, "CI": 28, "CF": 27, "TD": 27, "KM": 27,
	"CG": 27, "GQ": 27, "GA": 27, "GW": 25, "IR": 26, "MG": 27, "ML": 28, "MA": 28, "MZ": 25, "NE": 28,
	"SN": 28, "TG": 28,
}

func isLetter(c byte) bool { return ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// ibans finds IBANs, in any grouping (groups of four, irregular groups,
// run together, dashes or dots between groups, the country code apart),
// checked with mod 97 at the length of their country; an IBAN with a wrong
// key but the right length for its country is still masked.
func (sc *scanner) ibans() {
	for i := range sc.toks {
		if !sc.ibanStart(i) {
			continue
		}
		s := sc.text(i)
		var buf [40]byte
		norm := buf[:0]
		want := ibanLengths[string([]byte{upper(s[0]), upper(s[1])})]
		bestValid, bestLen, lastTok := -1, -1, i
		for j := i; j >= 0; j = sc.ibanNext(j) {
			part := sc.text(j)
			if len(norm)+len(part) > 34 {
				break
			}
			for k := 0; k < len(part); k++ {
				norm = append(norm, upper(part[k]))
			}
			lastTok = j
			switch {
			case want != 0 && len(norm) == want:
				if ibanValid(string(norm)) {
					bestValid = j
				}
				bestLen = j
			case len(norm) >= 15 && (bestValid < 0 || want == 0 || len(norm) < want) && ibanValid(string(norm)):
				// another length with the right key: a country missing
				// from the table, or a registry length the writer knew
				// better than we do
				bestValid = j
			}
		}
		switch {
		case bestValid >= 0:
			sc.addToks(i, bestValid, IBAN, 0.99)
		case bestLen >= 0 && len(norm) >= 4 && allDigits(norm[2:4]):
			sc.addToks(i, bestLen, IBAN, 0.75)
		case sc.cueBefore(i, 6)&cIBAN != 0 && len(norm) >= 14:
			sc.addToks(i, lastTok, IBAN, 0.6)
		}
	}
}

// ibanStart reports whether an IBAN may start at token i: "FR76…", or a
// country code written apart ("FR 76 3000…").
func (sc *scanner) ibanStart(i int) bool {
	t := sc.toks[i]
	s := sc.text(i)
	switch {
	case t.kind == kAlnum && len(s) >= 4:
		return isLetter(s[0]) && isLetter(s[1]) && isDigit(s[2]) && isDigit(s[3])
	case t.kind == kWord && len(s) == 2 && isLetter(s[0]) && isLetter(s[1]) && t.shape&shUpper != 0:
		if ibanLengths[s] == 0 || i+1 >= len(sc.toks) || sc.toks[i+1].gap > gapSpace || sc.toks[i+1].kind != kNum {
			return false
		}
		n := sc.text(i + 1)
		return len(n) >= 2
	}
	return false
}

// ibanNext returns the token that continues the IBAN whose last part is
// token j, or -1.
func (sc *scanner) ibanNext(j int) int {
	n := j + 1
	if n < len(sc.toks) && (sc.punct(n) == '-' || sc.punct(n) == '.') && sc.attached(n) && n+1 < len(sc.toks) && sc.attached(n+1) {
		n++
	} else if n < len(sc.toks) && (sc.toks[n].gap == gapNone || sc.toks[n].gap > gapBlank) {
		return -1
	}
	if n >= len(sc.toks) {
		return -1
	}
	t := sc.toks[n]
	switch t.kind {
	case kNum, kAlnum:
		return n
	case kWord:
		if t.end-t.start <= 4 && (t.shape&shUpper != 0 || t.end-t.start == 1 && t.shape&shCap != 0 ||
			t.shape&shLower != 0 && sc.toks[j].shape&shLower != 0) {
			return n
		}
	}
	return -1
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
		if sc.toks[i].cue&identCues == 0 {
			continue
		}
		j := sc.identStart(i)
		if j >= len(sc.toks) || sc.toks[j].gap >= gapPara {
			continue
		}
		if sc.identAt(&r, i, j) {
			continue
		}
		// "dossier social étudiant (DSE 2024-2025) : n° 24-0315877": the
		// first reading failed, the sign "n°" on the line announces the value.
		for k := j; k < len(sc.toks) && k < j+8 && (k == j || sc.toks[k].gap < gapLine); k++ {
			if sc.isText(k, "n", "no") && (sc.punct(k+1) == '°' || sc.punct(k+1) == 'º') && sc.attached(k+1) && k+2 < len(sc.toks) {
				if !sc.has(k-1, wLegal) && !sc.has(k-2, wLegal) { // not "cerfa n°14069*04"
					sc.identAt(&r, i, k+2)
				}
				break
			}
		}
	}
}

// identReader holds the buffers of readIdent, reused from one cue to the
// next.
type identReader struct {
	parts []identPart
	norm  []byte
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
		if t.kind == kPunct {
			switch sc.punct(j) {
			case ':', '°', '#', '(', ')', '=', '.', '-', ',', '\'', 'º', '/', '"', '«', '»', '“', '”':
				j++
				continue
			}
			break
		}
		if t.kind == kWord && (sc.has(j, wFiller|wStop|wInstitution) || t.cue&(identCues|cNIR|cFiscal|cTel) != 0) {
			j++
			continue
		}
		// "passeport algérien 197458213", "carte de résident 10 ans n° …"
		if t.kind == kWord && t.shape&shLower != 0 && t.end-t.start >= 4 && sc.bits(j)&(wFunc|wLegal) == 0 && adjectives < 2 {
			adjectives++
			j++
			continue
		}
		if t.kind == kNum && t.end-t.start <= 2 && sc.isText(j+1, "ans", "mois", "years", "anos") {
			j += 2
			continue
		}
		// "Référence de la proposition de rectification : X": a label
		// that ends with a colon on the same line.
		if colon := sc.colonAhead(j, 5); colon > 0 {
			j = colon + 1
			continue
		}
		break
	}
	return j
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
	var near cueBits
	for k := i; k < j; k++ {
		near |= sc.toks[k].cue
	}
	wide := sc.cueBefore(j, 10)
	legal := false
	for k := max(0, i-4); k < j; k++ {
		// "Code de cession : CES-7741-2023" names a case, not a code
		if k != i && sc.has(k, wLegal) && !(sc.isText(k, "code") && near&cDossier != 0) {
			legal = true
		}
	}
	// Try the longest reading first, then drop trailing parts.
	for p := len(r.parts) - 1; p >= 0; p-- {
		id := r.norm[:r.parts[p].norm]
		typ, conf := classifyIdent(id, near)
		if typ == "" || typ == DOSSIER && near&cDossier == 0 {
			if t2, c2 := classifyIdent(id, wide); t2 != "" && (typ == "" || t2 != DOSSIER) {
				typ, conf = t2, c2
			}
		}
		if typ == DOSSIER && (legal || sc.currencyAfter(r.parts[p].tok) || sc.dateLike(j, r.parts[p].tok)) {
			continue
		}
		if typ == ETRANGER && near&cEtranger != 0 || typ == DOSSIER && near&cDossier != 0 && near&cTel == 0 {
			conf = 0.96 // AGDREF and case numbers may look like phones: 0699214873
		}
		if typ != "" {
			sc.addToks(j, r.parts[p].tok, typ, conf)
			return true
		}
	}
	return false
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

// readIdent reads the identifier that starts at token j: letters and digits
// joined by - / . _ or single spaces. It appends its parts and its
// normalized (upper-case, separator-free) form.
func (sc *scanner) readIdent(j int, parts []identPart, norm []byte) ([]identPart, []byte) {
	k := j
	for len(parts) < 8 && k < len(sc.toks) {
		if len(parts) > 0 {
			n := k
			switch {
			case sc.toks[n].kind == kPunct && sc.toks[n].gap == gapNone && n+1 < len(sc.toks) && sc.attached(n+1):
				switch sc.punct(n) {
				case '-', '/', '.', '_':
					n++
				default:
					return parts, norm
				}
			case sc.toks[n].gap == gapSpace && sc.toks[n].kind != kPunct:
			default:
				return parts, norm
			}
			k = n
		}
		t := sc.toks[k]
		switch t.kind {
		case kNum, kAlnum:
		case kWord:
			maxLen := int32(4)
			if len(parts) > 0 && t.gap == gapNone {
				maxLen = 8 // 2024/DGFIP/PR/00873
			}
			if t.end-t.start > maxLen || (t.shape&shUpper == 0 && !(t.end-t.start == 1 && t.shape&shCap != 0)) {
				return parts, norm
			}
		default:
			return parts, norm
		}
		if len(norm)+int(t.end-t.start) > 40 {
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
		return nums[0] >= 1 && nums[0] <= 12 && nums[1] >= 1900 && nums[1] <= 2099
	case 3:
		if nums[0] >= 1900 && nums[0] <= 2099 {
			return nums[1] >= 1 && nums[1] <= 12 && nums[2] >= 1 && nums[2] <= 31
		}
		return nums[0] >= 1 && nums[0] <= 31 && nums[1] >= 1 && nums[1] <= 12
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
	case cues&cPasseport != 0 && (passportShape(id) || (l >= 8 && l <= 9 && digits >= 2)):
		return PASSEPORT, 0.9
	case cues&cCNI != 0 && ((l == 12 && digits >= 9) || (l == 9 && letters >= 1) || (l >= 6 && l <= 12 && digits >= 5)):
		return CNI, 0.85
	case cues&cPermis != 0 && l >= 8 && l <= 15 && digits >= 5:
		return PERMIS, 0.85
	case cues&cPlaque != 0 && (sivLikeShape(id) || fniShape(id)):
		return PLAQUE, 0.85
	case cues&cPlateWord != 0 && l >= 4 && l <= 9 && letters >= 1:
		return PLAQUE, 0.8 // a foreign plate: KX19PLU, VT482K
	case cues&cINE != 0 && l == 11 && digits >= 8:
		return INE, 0.85
	case cues&cEtranger != 0 && letters == 0 && (l == 10 || l == 9):
		return ETRANGER, 0.85
	case cues&cFT != 0 && l >= 7 && l <= 11 && digits >= 6:
		return FRANCE_TRAVAIL, 0.85
	case cues&cFTWeak != 0 && l == 8 && digits == 7 && isLetter(id[7]):
		return FRANCE_TRAVAIL, 0.8
	case cues&cCAF != 0 && l >= 5 && l <= 10 && digits >= 5:
		return CAF, 0.85
	case cues&cDossier != 0 && l >= 4 && l <= 30 && (digits >= 3 || (digits >= 2 && l >= 6)):
		return DOSSIER, 0.75
	}
	return "", 0
}

// passportShape: two digits, two letters, five digits ("12AB34567").
func passportShape(id []byte) bool {
	if len(id) != 9 {
		return false
	}
	for i, c := range id {
		if (i == 2 || i == 3) != isLetter(c) || (i != 2 && i != 3 && !isDigit(c)) {
			return false
		}
	}
	return true
}

// sivShape: the plates of the SIV system since 2009 ("AB123CD"), without the
// letters I, O and U that the system never uses.
func sivShape(id []byte) bool {
	if len(id) != 7 {
		return false
	}
	for i, c := range id {
		if i >= 2 && i <= 4 {
			if !isDigit(c) {
				return false
			}
			continue
		}
		if !isLetter(c) || c == 'I' || c == 'O' || c == 'U' {
			return false
		}
	}
	return true
}

// sivLikeShape: two letters, three digits, two letters, any letters (users
// mistype them; the context word is there).
func sivLikeShape(id []byte) bool {
	if len(id) != 7 {
		return false
	}
	for i, c := range id {
		if (i >= 2 && i <= 4) != isDigit(c) || (i < 2 || i > 4) && !isLetter(c) {
			return false
		}
	}
	return true
}

// fniShape: the older FNI plates ("1234 AB 56", "123 ABC 2A", "12 AB 974").
func fniShape(id []byte) bool {
	i := 0
	for i < len(id) && isDigit(id[i]) {
		i++
	}
	if i < 1 || i > 4 {
		return false
	}
	j := i
	for j < len(id) && isLetter(id[j]) {
		j++
	}
	if j-i < 1 || j-i > 3 {
		return false
	}
	dep := string(id[j:])
	switch {
	case len(dep) == 2 && allDigits(dep):
		return dep != "00"
	case dep == "2A" || dep == "2B":
		return true
	case len(dep) == 3 && allDigits(dep):
		return dep[:2] == "97"
	}
	return false
}

// plainIDs finds the identifiers whose shape alone is telling: passports
// ("12AB34567") and SIV plates ("AB-123-CD", "AB 123 CD", "AB123CD").
func (sc *scanner) plainIDs() {
	var buf [16]byte
	for i := range sc.toks {
		t := sc.toks[i]
		switch {
		case t.kind == kAlnum && t.end-t.start == 9 && t.shape&shLower == 0:
			if passportShape([]byte(sc.text(i))) {
				sc.addToks(i, i, PASSEPORT, 0.7)
			}
		case t.kind == kAlnum && t.end-t.start == 7 && t.shape&shLower == 0:
			if sivShape([]byte(sc.text(i))) {
				sc.addToks(i, i, PLAQUE, 0.8)
			}
		case t.kind == kWord && t.end-t.start == 2 && t.shape&shUpper != 0 && i+2 < len(sc.toks):
			// AB-123-CD or AB 123 CD
			j := i + 1
			sep := sc.punct(j)
			if sep == '-' && sc.attached(j) {
				j++
			} else if sep != 0 || sc.toks[j].gap != gapSpace {
				continue
			}
			if j >= len(sc.toks) || sc.toks[j].kind != kNum || sc.toks[j].end-sc.toks[j].start != 3 || (sep == '-' && !sc.attached(j)) {
				continue
			}
			k := j + 1
			if sep == '-' {
				if sc.punct(k) != '-' || !sc.attached(k) {
					continue
				}
				k++
				if k < len(sc.toks) && !sc.attached(k) {
					continue
				}
			} else if k < len(sc.toks) && sc.toks[k].gap != gapSpace {
				continue
			}
			if k >= len(sc.toks) || sc.toks[k].kind != kWord || sc.toks[k].end-sc.toks[k].start != 2 || sc.toks[k].shape&shUpper == 0 {
				continue
			}
			id := append(append(append(buf[:0], sc.text(i)...), sc.text(j)...), sc.text(k)...)
			if sivShape(id) {
				sc.addToks(i, k, PLAQUE, 0.8)
			}
		}
	}
}

// messageIDs finds the identifiers whose cue is elsewhere in the message:
// "… ma carte d'identité … sa carte c'était 070905946804", "… ma prime
// d'activité … Stéphane Girard – n° 8099707". Only lone numbers of the
// exact length of a CNI (12 digits) or of a CAF number after "n°" (7
// digits) are taken, with a low confidence.
func (sc *scanner) messageIDs() {
	var all cueBits
	for _, t := range sc.toks {
		all |= t.cue
	}
	if all&(cCNI|cCAF) == 0 {
		return
	}
	for i, t := range sc.toks {
		if t.kind != kNum || (i+1 < len(sc.toks) && sc.toks[i+1].kind == kNum && sc.toks[i+1].gap <= gapSpace) ||
			(i > 0 && sc.toks[i-1].kind == kNum && t.gap <= gapSpace) || sc.currencyAfter(i) {
			continue
		}
		switch l := t.end - t.start; {
		case l == 12 && all&cCNI != 0:
			sc.addToks(i, i, CNI, 0.55)
		case l == 7 && all&cCAF != 0 && i >= 2 && sc.isText(i-2, "n", "no") && (sc.punct(i-1) == '°' || sc.punct(i-1) == 'º'):
			sc.addToks(i, i, CAF, 0.55)
		}
	}
}
