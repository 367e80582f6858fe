package redact

// A RIB given by its parts after their cues, as forms and bank letters set
// them out: "code banque 30004 code guichet 00823 numéro de compte
// 12345678901 clé 45". Together they are the account's number, masked as
// IBAN (the type of bank accounts, RIBs included); a part alone ("le
// guichet 4", "clé 45" of a locker) stays.

// ribPart is one part of a RIB: the bank's code, the branch's, the
// account number or the key.
type ribPart uint8

const (
	ribNone ribPart = iota
	ribBank
	ribBranch
	ribAccount
	ribKey
)

// ribWindow is how many tokens may separate two parts of one RIB.
const ribWindow = 40

// ribCueWords are the words of the parts' cues, entries of the lexicon
// (buildLexicon adds them) so that ribCue compares entries only.
var ribCueWords = []string{"code", "banque", "etablissement", "guichet", "compte", "cle"}

// ribValueSkip are the words between a part's cue and its value (folded).
var ribValueSkip = wordSet("n no numero num est c rib")

// ribParts masks the parts of a RIB written apart after their cues, when
// two parts of different kinds or more are found near each other.
func (sc *scanner) ribParts() {
	var found [][3]int // kind, first and last token of the value
	for i := 0; i < len(sc.toks); i++ {
		kind, cueEnd := sc.ribCue(i)
		if kind == ribNone {
			continue
		}
		if first, last := sc.ribValue(kind, cueEnd+1); first >= 0 {
			found = append(found, [3]int{int(kind), first, last})
			i = last
		}
	}
	for a, p := range found {
		if ribNeighbour(found, a) {
			sc.addToks(p[1], p[2], IBAN, 0.99)
		}
	}
}

// ribNeighbour reports whether a part of another kind than found[a] lies
// within ribWindow tokens of it. The parts are in token order, each a cue
// and a value, so that few lie within the window: the cost stays linear.
func ribNeighbour(found [][3]int, a int) bool {
	for b := a - 1; b >= 0 && found[a][1]-found[b][1] <= ribWindow; b-- {
		if found[b][0] != found[a][0] {
			return true
		}
	}
	for b := a + 1; b < len(found) && found[b][1]-found[a][1] <= ribWindow; b++ {
		if found[b][0] != found[a][0] {
			return true
		}
	}
	return false
}

// ribCue returns the part whose cue word is token i ("code banque",
// "code guichet", "code établissement", "banque :", "guichet :", "compte",
// "clé") and the cue's last token.
func (sc *scanner) ribCue(i int) (ribPart, int) {
	t := &sc.toks[i]
	if t.kind != kWord || t.ent == 0 {
		return ribNone, -1
	}
	switch lex.word[t.ent] {
	case "code":
		switch {
		case sc.isText(i+1, "banque", "etablissement"):
			return ribBank, i + 1
		case sc.isText(i+1, "guichet"):
			return ribBranch, i + 1
		}
	case "banque", "etablissement":
		if sc.punct(i+1) == ':' {
			return ribBank, i
		}
	case "guichet":
		if sc.punct(i+1) == ':' {
			return ribBranch, i
		}
	case "compte":
		return ribAccount, i
	case "cle":
		return ribKey, i
	}
	return ribNone, -1
}

// ribValue returns the value of a part of kind after its cue, from token
// k: five digits for the bank and the branch, eleven characters for the
// account, two digits for the key; -1 when there is none.
func (sc *scanner) ribValue(kind ribPart, k int) (int, int) {
	for skipped := 0; k < len(sc.toks) && skipped < 4 && sc.toks[k].gap < gapLine; skipped++ {
		if p := sc.punct(k); p != ':' && p != '=' && p != '-' && p != '°' && p != '\'' && !sc.foldedIn(k, ribValueSkip) {
			break
		}
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine {
		return -1, -1
	}
	t := &sc.toks[k]
	n := int(t.end - t.start)
	if k+1 < len(sc.toks) && sc.toks[k+1].gap == gapNone && sc.toks[k+1].kind != kPunct {
		return -1, -1
	}
	switch kind {
	case ribBank, ribBranch:
		if t.kind == kNum && n == 5 {
			return k, k
		}
	case ribAccount:
		if (t.kind == kNum || t.kind == kAlnum) && n == 11 {
			return k, k
		}
	case ribKey:
		if t.kind == kNum && n == 2 {
			return k, k
		}
	}
	return -1, -1
}
