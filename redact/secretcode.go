package redact

// Codes given as digits after their cue: a one-time code ("le code reçu
// par sms : 482913", "verification code 552109"), a card's security code
// ("cryptogramme 731", "CVV 123") and a card's PIN ("la carte … et le code
// 2704"). The digits are masked as SECRET; the cue stays.

// secretCodeWords are the cue words of these codes, registered in the
// lexicon.
var secretCodeWords = []string{"cryptogramme", "cvv", "cvc", "verification", "security", "recu", "recue", "sms", "banque",
	"carte", "card", "cb", "visa", "mastercard", "code", "codes", "otp", "cession"}

// codeSkip are the words between a code's cue and its digits: "code reçu
// par SMS de ma banque (884 153)", "le code c'est 0412".
var codeSkip = wordSet("recu recue par sms texto de ma mon la le l d est c cest is was of the my banque verification " +
	"validation confirmation securite sera etait a")

// codeKind is what a code cue announces, with the digits it takes.
type codeKind struct{ min, max int }

var (
	noCode      = codeKind{}
	oneTimeCode = codeKind{4, 8}
	cardCode    = codeKind{3, 4}
	cardPIN     = codeKind{4, 4}
	ownCode     = codeKind{4, 6} // after "mon code": a PIN, an access or a one-time code
)

// codeSecrets masks the digits after a one-time code's, a card security
// code's or a card PIN's cue.
func (sc *scanner) codeSecrets() {
	for i := range sc.toks {
		kind := sc.codeCueAt(i)
		if kind == noCode {
			continue
		}
		from := i + 1
		if r := sc.receivedClause(i); r > 0 {
			from = r // "le code que j'ai reçu par SMS est 849302"
		}
		if start, end, ok := sc.codeDigits(from, kind); ok {
			sc.add(start, end, SECRET, 0.8)
		}
	}
	sc.transferCodes()
}

// receivedClause returns the token of "reçu" when "que j'ai reçu"
// follows "code" at token i, or 0.
func (sc *scanner) receivedClause(i int) int {
	r := i + 5
	if !sc.isText(i+1, "que") || !sc.foldedIs(i+2, "j") || sc.punct(i+3) != '\'' || !sc.isText(i+4, "ai") || r >= len(sc.toks) || !sc.isText(r, "recu", "recue") {
		return 0
	}
	return r
}

// transferCodes masks a vehicle's transfer code, letters and digits in
// one word of 4 to 8 after "code de cession" ("il m'a donné le code de
// cession 7H4K2P"); a case's reference with dashes ("Code de cession :
// CES-7741-2023") stays for the case number's reader.
func (sc *scanner) transferCodes() {
	for i := 0; i+3 < len(sc.toks); i++ {
		if !sc.isText(i, "code") || !sc.isText(i+1, "de") || !sc.isText(i+2, "cession") {
			continue
		}
		j := i + 3
		for k := 0; k < 4 && j < len(sc.toks) && (sc.punct(j) == ':' || sc.foldedIn(j, codeSkip)); k++ {
			j++ // "le code de cession c etait 7H3K9Q"
		}
		if j >= len(sc.toks) || sc.toks[j].kind != kAlnum || sc.toks[j].gap >= gapLine {
			continue
		}
		t := sc.toks[j]
		if n := t.end - t.start; n < 4 || n > 8 || j+1 < len(sc.toks) && sc.toks[j+1].gap == gapNone && sc.punct(j+1) == '-' {
			continue
		}
		sc.add(int(t.start), int(t.end), SECRET, 0.97) // surer than the case number the cue reads
	}
}

// codeCueAt returns what the word at i announces: "cryptogramme", "CVV",
// "security code" a card code; "verification code", "code reçu", "code
// sms", "code de vérification" a one-time code; "code" after a card's
// word on its line a PIN; "code" after a possessive ("mon code 3817")
// the writer's own code of 4 to 6 digits.
func (sc *scanner) codeCueAt(i int) codeKind {
	switch {
	case sc.isText(i, "cryptogramme", "cvv", "cvc"):
		return cardCode
	case !sc.isText(i, "code"):
		return noCode
	case sc.isText(i-1, "security"):
		return cardCode
	case sc.isText(i-1, "verification", "sms", "otp"), sc.isText(i+1, "recu", "recue", "sms", "otp"), sc.receivedClause(i) > 0,
		sc.isText(i+1, "de") && sc.isText(i+2, "verification", "validation", "confirmation", "securite"):
		return oneTimeCode
	case sc.sentCodeAfter(i): // "my card … and then the code 884213 that my bank sent me"
		return oneTimeCode
	case sc.cardBefore(i), sc.cardCodeAfter(i):
		return cardPIN
	case sc.possessive(sc.wordBefore(i)) && sc.digitsAfterCode(i):
		return ownCode // "mon code 3817, puis …"
	}
	return noCode
}

// cardCodeAfter reports whether a card's security code is named after
// "code" at token i in its sentence: "mon code 4821 et le cryptogramme
// 532", the PIN given with it.
func (sc *scanner) cardCodeAfter(i int) bool {
	for k := i + 1; k < len(sc.toks) && k <= i+8 && sc.toks[k].gap < gapLine; k++ {
		if p := sc.punct(k); p == '.' || p == '?' || p == '!' || p == ';' {
			return false
		}
		if sc.isText(k, "cryptogramme", "cvv", "cvc") {
			return true
		}
	}
	return false
}

// digitsAfterCode reports whether digits follow "code" at token i,
// across the words and marks a code's cue may have before them ("mon
// code est 3817", "mon code : 3817"), and no other word: "mon code
// postal : 75011" stays.
func (sc *scanner) digitsAfterCode(i int) bool {
	j := sc.codeLeadEnd(i + 1)
	return j < len(sc.toks) && sc.toks[j].kind == kNum && sc.toks[j].gap < gapLine
}

// codeLeadEnd returns the first token from j on, on its line, that is
// neither a word of codeSkip nor a mark that leads to a code (isCodeLead),
// eight at most: where a code's digits may start.
func (sc *scanner) codeLeadEnd(j int) int {
	for k := 0; k < 8 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		if p := sc.punct(j); p == 0 && !sc.foldedIn(j, codeSkip) || p != 0 && !isCodeLead(p) {
			break
		}
		j++
	}
	return j
}

// codeSenders are the words that tell a code after "code" was sent to the
// writer: "the code 884213 that my bank sent me", "le code 482913 que la
// banque m'a envoyé par sms".
var codeSenders = wordSet("banque bank sms texto envoye envoyee sent texted recu received")

// sentCodeAfter reports whether digits follow "code" at token i and a word
// telling who sent them follows the digits within a few words.
func (sc *scanner) sentCodeAfter(i int) bool {
	j := i + 1
	if j >= len(sc.toks) || sc.toks[j].kind != kNum || sc.toks[j].gap >= gapLine {
		return false
	}
	for k := j + 1; k < len(sc.toks) && k <= j+6 && sc.toks[k].gap < gapLine; k++ {
		if p := sc.punct(k); p == '.' || p == '?' || p == '!' || p == ';' {
			return false
		}
		if sc.foldedIn(k, codeSenders) {
			return true
		}
	}
	return false
}

// cardBefore reports whether a card's word comes before token i on its
// line, within 24 tokens: "la carte ADA (…) ne marche plus et le code".
func (sc *scanner) cardBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-24; k-- {
		if sc.isText(k, "carte", "card", "cb", "visa", "mastercard") {
			return true
		}
		if sc.toks[k].gap >= gapLine {
			return false
		}
	}
	return false
}

// codeDigits returns the span of the digits after a code cue ending at
// token j-1, past codeSkip words and punctuation, in groups ("481 207"),
// when their count fits the kind and no unit follows them.
func (sc *scanner) codeDigits(j int, kind codeKind) (start, end int, ok bool) {
	j = sc.codeLeadEnd(j)
	if c := sc.colonAhead(j, 6); c > j {
		j = c + 1 // "le code reçu par sms pour débloquer : 481 207"
	}
	n, last := 0, -1
	for k := j; k < len(sc.toks) && sc.toks[k].kind == kNum && (k == j || sc.toks[k].gap == gapSpace); k++ {
		n += int(sc.toks[k].end - sc.toks[k].start)
		last = k
	}
	if last < 0 || n < kind.min || n > kind.max || last+1 < len(sc.toks) && sc.toks[last+1].gap == gapNone && sc.toks[last+1].kind != kPunct {
		return 0, 0, false
	}
	start, end = int(sc.toks[j].start), int(sc.toks[last].end)
	if sc.secretAfterWord(j, end) {
		return 0, 0, false
	}
	return start, end, true
}

// isCodeLead reports whether p may stand between a code's cue and its
// digits.
func isCodeLead(p rune) bool {
	switch p {
	case ':', '=', ',', '(', '\'', '-', '«', '"':
		return true
	}
	return false
}
