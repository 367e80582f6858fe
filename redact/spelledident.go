package redact

// Identifiers dictated in words after their cue: "SIRET trois cent vingt
// et un, six cent cinquante-quatre…", "passeport : C, B, quatre, cinq…".

// spelledIdent masks a run dictated after the cue of an identifier and
// no phone cue ("RIB : F R sept six, trente mille trois…", "SIRET trois
// cent vingt et un, six cent cinquante-quatre…", "numéro de passeport :
// C, B, quatre, cinq…") as that identifier, with the letters spelled
// before it; it returns the run's last token and whether it masked it.
func (sc *scanner) spelledIdent(run []numGroup) (int, bool) {
	words, digits := 0, 0
	for _, g := range run {
		if g.word {
			words++
		}
		digits += len(g.digits)
	}
	if !run[0].word || words*2 < len(run) || digits < 5 {
		return 0, false // "ma Visa 4216 6665 5831 8671 three weeks ago"
	}
	first, last := run[0].first, run[len(run)-1].last
	var id []byte
	for k := first - 1; k >= 0 && first-k <= 6; k-- {
		if t := sc.toks[k]; t.kind == kWord && t.end-t.start <= 2 && t.shape&(shUpper|shCap) != 0 || sc.numSep(k) && t.gap < gapLine {
			if t.kind == kWord {
				first = k
			}
			continue
		}
		break
	}
	for k := first; k < run[0].first; k++ {
		if sc.toks[k].kind == kWord {
			id = append(id, sc.text(k)...)
		}
	}
	for _, g := range run {
		id = append(id, g.digits...)
	}
	if want := ibanLengths[string([]byte{upper(id[0]), upper(id[min(1, len(id)-1)])})]; want > 0 && len(id) >= want-2 && len(id) <= want+2 {
		sc.addToks(first, last, IBAN, 0.85) // "F R soixante-seize, un sept cinq six neuf…"
		return last, true
	}
	ctx := sc.nearestIdentCue(first, 8)
	if ctx == 0 || len(id) < 7 {
		return 0, false
	}
	typ, conf := spelledIdentType(id, ctx)
	if typ == "" {
		return 0, false
	}
	if typ == NIR {
		last = sc.namedKeyAfter(last)
	}
	sc.addToks(first, last, typ, conf)
	return last, true
}

// spelledCues are the cues of identifiers a dictated number may follow.
const spelledCues = identCues | cFiscal | cIBAN | cNIR | cCarte | cSiret

// nearestIdentCue returns the cues of the nearest word before token i, on
// up to window tokens of its sentence, that announces an identifier and
// no phone number ("numero" may announce both: the search goes on), or 0
// when a phone's cue comes first.
func (sc *scanner) nearestIdentCue(i, window int) cueBits {
	for k := i - 1; k >= 0 && k >= i-window; k-- {
		switch sc.punct(k) {
		case '.', '!', '?', ';':
			if !sc.attached(k+1) && !sc.numberAbbrev(k) {
				return 0
			}
		}
		switch c := sc.toks[k].cue; {
		case c&spelledCues != 0 && c&cTel == 0:
			return c
		case c&cTel != 0 && c&spelledCues == 0:
			return 0
		}
		if sc.toks[k].gap >= gapLine {
			return 0
		}
	}
	return 0
}

// spelledIdentType returns the type the cues ctx give the dictated
// identifier id, or "".
func spelledIdentType(id []byte, ctx cueBits) (Type, float64) {
	n := len(id)
	switch {
	case ctx&cIBAN != 0 && n >= 8:
		return IBAN, 0.9
	case ctx&cNIR != 0 && n >= 10:
		return NIR, 0.9
	case ctx&cCarte != 0 && n >= 12:
		return CARTE, 0.9
	case ctx&cSiret != 0 && n >= 9:
		return SIRET, 0.9
	case ctx&cFiscal != 0 && n >= 8:
		return FISCAL, 0.9
	}
	return classifyIdent(id, ctx)
}

// namedKeyAfter extends a NIR dictated in words, ending at token last,
// over its key named after it, in words or digits: "… zéro vingt et un,
// clé quarante-huit", "…, clé 48". It returns the new last token.
func (sc *scanner) namedKeyAfter(last int) int {
	k := last + 1
	if sc.punct(k) == ',' {
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine || !nirKeyWords[sc.foldedWord(k)] {
		return last
	}
	k++
	if sc.punct(k) == ':' {
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine {
		return last
	}
	if t := sc.toks[k]; t.kind == kNum && t.end-t.start <= 2 {
		return k
	}
	if d, l := sc.spelled(k); d != "" && l >= k {
		return l
	}
	return last
}

// spelledNIR masks a run that holds a social security number written
// partly in words ("un quatre-vingt-cinq douze 75 108 012 34"): its 15
// digits of a NIR's shape with a right key, or after a NIR's cue, or its
// 13 digits without the key after the cue; a month said in one word
// ("un 85 cinq 78 006 084 36") counts its zero (monthDigits). It returns
// the run's last token and whether it masked it.
func (sc *scanner) spelledNIR(run []numGroup) (int, bool) {
	var d []byte
	cue := -1
	for k, g := range run {
		if d = append(d, monthDigits(g, len(d))...); len(d) > 15 {
			return 0, false
		}
		if len(d) == 15 && nirShape(d) || len(d) == 13 && k+1 == len(run) && nirShape(d) {
			if cue < 0 {
				cue = 0
				if sc.nearestIdentCue(run[0].first, 8)&cNIR != 0 {
					cue = 1
				}
			}
			if cue == 1 || len(d) == 15 && nirKeyValid(d) {
				last := g.last
				if len(d) == 13 {
					last = sc.namedKeyAfter(last)
				}
				sc.addToks(run[0].first, last, NIR, 0.9)
				return last, true
			}
		}
	}
	return 0, false
}

// monthDigits returns the digits of group g of a NIR, n digits read
// before it: a month said in one word of 2 to 9 ("cinq") where the
// month starts is written with its zero, "05"; "zéro" or "un" there may
// be the month's first digit dictated alone and stay as they are.
func monthDigits(g numGroup, n int) string {
	if n == 3 && g.word && len(g.digits) == 1 && g.digits[0] >= '2' && g.digits[0] <= '9' {
		return "0" + g.digits
	}
	return g.digits
}
