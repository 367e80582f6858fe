package redact

// A number the writer gives as theirs without saying its kind: "mon
// numéro c'est 8765432", "mon numéro : 12345678". A possessive, "numéro",
// then a verb or a colon and seven digits or more make it a personal
// identifier whatever its kind; it is masked as the kind the text names
// elsewhere, or as DOSSIER, and the
// propagation pass masks it where it is written again. A phone's shape
// (a 0 then nine digits, or "+") is the phone readers' to mask.

// ownNumberVerbs are the words between "mon numéro" and its digits.
var ownNumberVerbs = wordSet("c est cest etait sera is le")

// minOwnNumber is the fewest digits of such a number: fewer are a
// service's short number ("3949"), a year or an amount.
const minOwnNumber = 7

// ownNumbers masks the digits after "mon numéro c'est" and its forms.
func (sc *scanner) ownNumbers() {
	for i := 1; i+2 < len(sc.toks); i++ {
		if !sc.isText(i, "numero", "num", "no") || !sc.has(sc.wordBefore(i), wPossessive) {
			continue
		}
		j, told := i+1, false
		for k := 0; k < 4 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
			p := sc.punct(j)
			if p == 0 && !sc.foldedIn(j, ownNumberVerbs) || p != 0 && p != ':' && p != '=' && p != '\'' {
				break
			}
			told = told || p == ':' || p == '=' || sc.isText(j, "est", "cest", "etait", "sera", "is")
			j++
		}
		if told {
			sc.ownNumberAt(j, sc.ownNumberType())
		}
	}
	sc.insurerNumbers()
}

// insurerWords are the bodies that hold the writer's file under a
// number they give with "ma CPAM est au …" (folded); the CAF's and the
// MSA's numbers are allocataires', read with their cues (copulaAu).
var insurerWords = wordSet("cpam mutuelle complementaire retraite")

// insurerNumbers masks the number after "ma CPAM est au", "ma mutuelle
// est au" as DOSSIER, the writer's file there; "la CPAM est au 36 46" and
// an address ("ma mutuelle est au 12 rue …") stay (ownNumberAt).
func (sc *scanner) insurerNumbers() {
	for i := 1; i+3 < len(sc.toks); i++ {
		if sc.toks[i].kind != kWord || !sc.foldedIn(i, insurerWords) || !sc.has(sc.wordBefore(i), wPossessive) {
			continue
		}
		if sc.isText(i+1, "est", "etait") && sc.isText(i+2, "au") && sc.toks[i+3].gap == gapSpace {
			sc.ownNumberAt(i+3, DOSSIER)
		}
	}
}

// ownNumberAt masks the digits from token j as typ, groups apart by one
// blank included, when they are seven or more, no phone's, and no
// amount's, length's or date's.
func (sc *scanner) ownNumberAt(j int, typ Type) {
	if j >= len(sc.toks) || sc.toks[j].kind != kNum || sc.toks[j].gap >= gapLine {
		return
	}
	n, last := 0, j
	for k := j; k < len(sc.toks) && sc.toks[k].kind == kNum && (k == j || sc.toks[k].gap == gapSpace); k++ {
		n += int(sc.toks[k].end - sc.toks[k].start)
		last = k
	}
	if next := last + 1; next < len(sc.toks) && sc.toks[next].gap == gapNone && sc.toks[next].kind != kPunct {
		return
	}
	start, end := int(sc.toks[j].start), int(sc.toks[last].end)
	if n < minOwnNumber || sc.s[start] == '0' && n == 10 || sc.secretAfterWord(j, end) || sc.currencyAfter(last) {
		return
	}
	sc.add(start, end, typ, 0.75)
}

// ownNumberType is the kind of "mon numéro" the text names elsewhere,
// when it names one only ("Numéro allocataire : 3344556 … or mon numéro
// est 3344565": CAF), else DOSSIER.
func (sc *scanner) ownNumberType() Type {
	typ := Type("")
	for _, r := range rivalTypes {
		if sc.allCues&r.cue == 0 {
			continue
		}
		if typ != "" {
			return DOSSIER
		}
		typ = r.typ
	}
	if typ == "" {
		return DOSSIER
	}
	return typ
}
