package redact

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names that the French cues miss: names written in another script
// (Наталья Кравченко, Ελένη Παπαδοπούλου, 刘建国, نور الهدى بوزيد), first
// names repeated in the person's e-mail address ("amina — amina.k arobase
// hotmail point fr"), and a first name alone that signs the message.

// script classes of a word's first letter.
const (
	scriptLatin = iota
	scriptCased // Cyrillic, Greek, Armenian, Georgian: capitals mark names
	scriptUncased
	scriptHan // Chinese, Japanese kanji, Korean hangul: no spaces
)

func scriptOf(r rune) int {
	switch {
	case r < 0x250:
		return scriptLatin
	case unicode.In(r, unicode.Cyrillic, unicode.Greek, unicode.Armenian):
		return scriptCased
	case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana):
		return scriptHan
	case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Devanagari, unicode.Bengali, unicode.Tamil, unicode.Thai, unicode.Georgian, unicode.Ethiopic):
		return scriptUncased
	}
	return scriptLatin
}

// notNamesUncased are phrases of uncased scripts that are often written in
// messages and are not names.
var notNamesUncased = map[string]bool{
	"السلام عليكم": true, "بسم الله": true, "إن شاء الله": true, "ان شاء الله": true, "شكرا جزيلا": true,
	"الحمد لله": true, "ما شاء الله": true, "您好": true, "你好": true, "谢谢": true, "谢谢您": true, "再见": true,
	"大家好": true, "こんにちは": true, "ありがとう": true, "رقم الهاتف": true, "رقم هاتفي": true, "العنوان": true,
}

// hanSelf are the Chinese self-introductions written in one word with the
// name that follows them.
var hanSelf = []string{"我叫", "我是", "我的名字是", "我的名字叫"}

// tokScript returns the script of word token i, scriptLatin for others.
func (sc *scanner) tokScript(i int) int {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kWord || sc.toks[i].shape&shASCII != 0 {
		return scriptLatin
	}
	r, _ := utf8.DecodeRuneInString(sc.s[sc.toks[i].start:sc.toks[i].end])
	return scriptOf(r)
}

// scriptNames masks the short runs of words in another script: two or
// three capitalized words of a cased script, two to four words of an
// uncased one, a word of two to four Chinese characters standing alone.
func (sc *scanner) scriptNames() {
	for i := 0; i < len(sc.toks); i++ {
		if sc.toks[i].shape&shASCII != 0 {
			continue // tokScript's Latin, read without a call
		}
		sc0 := sc.tokScript(i)
		if sc0 == scriptLatin {
			continue
		}
		j := i
		for j+1 < len(sc.toks) && sc.tokScript(j+1) == sc0 && sc.toks[j+1].gap <= gapSpace {
			j++
		}
		next := j
		// the lexicon's words are no names: "تاريخ الميلاد", "出生日期"
		for i <= j && sc.toks[i].ent != 0 {
			i++
		}
		for j >= i && sc.toks[j].ent != 0 {
			j--
		}
		if i > j {
			i = next
			continue
		}
		words := j - i + 1
		switch sc0 {
		case scriptCased:
			caps := 0
			for k := i; k <= j; k++ {
				if sc.toks[k].shape&shCap != 0 && sc.toks[k].shape&shUpper == 0 {
					caps++
				}
			}
			if caps == words && (words >= 2 && words <= 3 || words == 1 && sc.selfCueBefore(i)) {
				sc.addToks(i, j, NOM, 0.75)
			}
		case scriptUncased:
			if (words >= 2 && words <= 4 || words == 1 && sc.selfCueBefore(i)) && !notNamesUncased[sc.s[sc.toks[i].start:sc.toks[j].end]] {
				sc.addToks(i, j, NOM, 0.65)
			}
		case scriptHan:
			w := sc.text(i)
			for _, p := range hanSelf {
				if strings.HasPrefix(w, p) && len(w) > len(p) {
					// 我叫陈丽华: "my name is" and the name in one word
					sc.add(int(sc.toks[i].start)+len(p), int(sc.toks[i].end), NOM, 0.8)
					w = ""
					break
				}
			}
			if n := utf8.RuneCountInString(w); words == 1 && n >= 2 && n <= 4 && !notNamesUncased[w] {
				sc.addToks(i, i, NOM, 0.65)
			}
		}
		i = next
	}
}

// selfCueBefore reports whether a self-introduction or a name label comes
// just before token i: one word in another script after "je suis", "my
// name is", "Nom :" is a name ("je suis Αθανάσιος").
func (sc *scanner) selfCueBefore(i int) bool {
	return sc.cueBefore(i, 3)&(cSelf|cSelfMed|cSelfWeak|cFormName) != 0
}

// emailNames masks the words near an e-mail address that repeat a part of
// its local part: the person's first name or surname ("amina — amina.k
// arobase hotmail point fr"). Only the 40 tokens before the address and
// the 15 after it are compared, which keeps the cost linear.
func (sc *scanner) emailNames() {
	n := len(sc.cands)
	var parts []string
	for ci := 0; ci < n; ci++ {
		c := sc.cands[ci]
		if c.typ != EMAIL {
			continue
		}
		local := sc.s[c.start:c.end]
		if k := strings.IndexAny(local, "@ ([{"); k > 0 {
			local = local[:k]
		}
		parts = parts[:0]
		for _, p := range strings.FieldsFunc(local, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(p) >= 3 && !genericMailbox[strings.ToLower(p)] {
				parts = append(parts, strings.ToLower(p))
			}
		}
		if len(parts) == 0 {
			continue
		}
		ti := sort.Search(len(sc.toks), func(i int) bool { return int(sc.toks[i].start) >= c.start })
		prev := -2
		for i := max(0, ti-40); i < len(sc.toks) && i < ti+15; i++ {
			if int(sc.toks[i].start) >= c.start && int(sc.toks[i].end) <= c.end {
				continue
			}
			if !sc.emailNameWord(i, parts) {
				continue
			}
			if prev == i-1 && sc.toks[i].gap == gapSpace {
				sc.cands[len(sc.cands)-1].end = int(sc.toks[i].end) // one name: "Maïa Oukacha"
			} else {
				sc.addToks(i, i, NOM, 0.7)
			}
			prev = i
		}
	}
}

// emailNameWord reports whether token i is a name-like word equal to one
// of parts.
func (sc *scanner) emailNameWord(i int, parts []string) bool {
	t := &sc.toks[i]
	if t.kind != kWord || t.end-t.start < 3 || sc.bits(i)&(wFunc|wStop|notName) != 0 ||
		t.shape&shUpper != 0 && t.end-t.start <= 4 && !sc.isFirstName(i) {
		return false // "VTC" in mehdi.vtc75@…
	}
	if !sc.isFirstName(i) && (t.shape&shCap == 0 || t.shape&shUpper != 0) && !sc.caseless {
		return false // a name written as one: "Amina", "Kerjean"
	}
	for _, p := range parts {
		// folded: "Maïa" in maia.oukacha@…
		if l := int(t.end - t.start); l >= len(p) && l <= 2*len(p) && sc.foldedIs(i, p) {
			return true
		}
	}
	return false
}

// genericMailbox are the local parts of shared mailboxes, which name no one.
var genericMailbox = map[string]bool{
	"contact": true, "info": true, "infos": true, "accueil": true, "service": true, "services": true,
	"secretariat": true, "admin": true, "support": true, "noreply": true, "mairie": true, "direction": true,
	"courrier": true, "mail": true, "email": true, "hello": true, "bonjour": true, "office": true,
	"pas": true, "repondre": true, "reply": true, "donotreply": true, "notification": true, "notifications": true,
	"scolarite": true, "rrhh": true, "drh": true, "compta": true, "comptabilite": true, "facturation": true,
	"recrutement": true, "inscription": true, "inscriptions": true, "relation": true, "clients": true,
	"client": true, "usagers": true, "usager": true, "public": true,
}

// officeMailbox are the first words of the mailboxes of public offices,
// followed by the office's place: "sie.annecy@dgfip.finances.gouv.fr",
// "sip.lyon-3@…", "cpam-lyon@…".
var officeMailbox = map[string]bool{
	"sie": true, "sip": true, "spf": true, "sgc": true, "cdif": true, "pcrp": true, "ddfip": true, "drfip": true,
	"cpam": true, "caf": true, "carsat": true, "urssaf": true, "mdph": true, "ccas": true, "prefecture": true,
	"agence": true, "antenne": true,
}

// signatureName masks a first name alone, in any case, that ends the
// message on its own line or after its last sentence ("… ce qui bloque.
// Claire"), with an initial maybe ("sofiane b.").
func (sc *scanner) signatureName() {
	if sc.cutEnd {
		return
	}
	n := len(sc.toks)
	end := n - 1
	for end >= 0 && sc.toks[end].kind == kPunct {
		end--
	}
	if end < 0 {
		return
	}
	// "sofiane b." before a phone number or an e-mail that ends the text
	for k := end; k > 0 && k > end-12; k-- {
		if sc.toks[k].gap >= gapLine {
			break
		}
		if sc.toks[k].kind == kWord && sc.toks[k].end-sc.toks[k].start == 1 && sc.punct(k+1) == '.' && sc.attached(k+1) && sc.isFirstName(k-1) {
			if sc.signatureStart(k - 1) {
				sc.addToks(k-1, k+1, NOM, 0.7)
				return
			}
		}
	}
	// "merci, r. gaudin": an initial and a surname end the text
	if i := end - 2; i >= 0 && sc.toks[i].kind == kWord && sc.toks[i].end-sc.toks[i].start == 1 && sc.punct(i+1) == '.' && sc.attached(i+1) &&
		sc.toks[end].kind == kWord && sc.toks[end].gap == gapSpace && sc.bits(end)&(notName|wStop) == 0 &&
		(sc.signatureStart(i) || sc.punct(i-1) == ',' || sc.cueBefore(i, 3)&cClosing != 0) {
		sc.addToks(i, end, NOM, 0.65) // also "Pour Mlle Bertrand, P. Rey"
		return
	}
	// "Thomas D": a first name and the initial of a surname end the text
	if i := end - 1; i >= 0 && sc.toks[end].kind == kWord && sc.toks[end].end-sc.toks[end].start == 1 && sc.toks[end].shape&shCap != 0 &&
		sc.toks[end].gap == gapSpace && sc.isFirstName(i) && sc.bits(i)&(wCountry|wInstitution|wMonth|wFunc) == 0 && sc.signatureStart(i) {
		sc.addToks(i, end, NOM, 0.65)
		return
	}
	if sc.toks[end].kind == kWord && sc.isFirstName(end) && sc.bits(end)&(wCountry|wInstitution|wMonth|wFunc) == 0 && sc.signatureStart(end) {
		sc.addToks(end, end, NOM, 0.65)
	}
}

// signatureStart reports whether token i starts a line or follows a
// sentence end or a dash.
func (sc *scanner) signatureStart(i int) bool {
	if sc.toks[i].gap >= gapLine {
		return true
	}
	switch sc.punct(i - 1) {
	case '.', '!', '?', '—', '–':
		return true
	case '-':
		return sc.punct(i-2) == '-' // "-- sonia m."
	}
	return false
}

// bracketNames masks a name in Latin letters in brackets right after a
// name found otherwise, as people give the transliteration of a name in
// another script: "همسرم فرشته احمدی (Fereshta Ahmadi)". One to three
// capitalized words, and only the closing bracket after them.
func (sc *scanner) bracketNames() {
	for ci, n := 0, len(sc.cands); ci < n; ci++ {
		c := sc.cands[ci]
		if c.typ != NOM || c.end+2 >= len(sc.s) || sc.s[c.end] != ' ' || sc.s[c.end+1] != '(' {
			continue
		}
		k := sort.Search(len(sc.toks), func(k int) bool { return int(sc.toks[k].start) >= c.end+1 })
		j := k + 1
		if sc.punct(k) != '(' || j >= len(sc.toks) || !sc.attached(j) || sc.toks[j].kind != kWord || sc.toks[j].shape&shCap == 0 {
			continue
		}
		if _, last, words, _ := sc.nameSpan(j, strong); words >= 1 && words <= 3 && sc.punct(last+1) == ')' && sc.attached(last+1) {
			sc.addToks(j, last, NOM, 0.7)
		}
	}
}
