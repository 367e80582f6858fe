package redact

// Plates written loosely near their cue: an old FNI plate in three groups
// ("immat ancien format 7431 QT 973", "1987 ZB 29 — vieille plaque"), a
// SIV plate in lower case ("la plaque c fx 719 qb") and a Swiss plate,
// its canton's letters then digits ("immatriculée en Suisse GE 481 227").

// plateWords are the words that name a plate, before or after it.
var plateWords = wordSet("plaque plaques immat immatriculation immatriculee immatricule immatriculees plate plates")

// swissCantons are the letters of Switzerland's cantons on its plates.
var swissCantons = wordSet("ag ai ar be bl bs fr ge gl gr ju lu ne nw ow sg sh so sz tg ti ur vd vs zg zh")

// loosePlates masks the plates of this file's comment, within eight
// tokens of a plate's word on their line.
func (sc *scanner) loosePlates() {
	var buf [16]byte
	for i := 0; i+2 < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != kNum && (t.kind != kWord || t.end-t.start != 2) || i > 0 && sc.toks[i].gap == gapNone {
			continue
		}
		j, k := sc.plateNext(i), -1
		if j > 0 {
			k = sc.plateNext(j)
		}
		if k < 0 || k+1 < len(sc.toks) && sc.toks[k+1].gap == gapNone && sc.toks[k+1].kind != kPunct || !sc.plateWordNear(i, k) {
			continue
		}
		id := buf[:0]
		for _, x := range [3]int{i, j, k} {
			for _, c := range []byte(sc.text(x)) {
				id = append(id, upper(c))
			}
		}
		switch {
		case t.kind == kNum && sc.toks[j].kind == kWord && (sc.toks[j].shape&shUpper != 0 || !sc.has(j, wFunc)) && fniShape(id),
			t.kind == kWord && sivLikeShape(id) && !sc.has(i, wFunc),
			t.kind == kWord && sc.foldedIn(i, swissCantons) && sc.toks[i].shape&shUpper != 0 && sc.toks[k].kind == kNum && swissPlate(id):
			sc.addToks(i, k, PLAQUE, 0.8)
		}
	}
}

// plateNext returns the token after token j in a plate's groups: one
// blank or an attached dash apart, on the line; -1 when none.
func (sc *scanner) plateNext(j int) int {
	n := j + 1
	if sc.punct(n) == '-' && sc.attached(n) {
		n++
		if !sc.attached(n) {
			return -1
		}
	} else if n < len(sc.toks) && sc.toks[n].gap != gapSpace {
		return -1
	}
	if n >= len(sc.toks) || sc.toks[n].kind == kPunct {
		return -1
	}
	return n
}

// plateWordNear reports whether a word of plateWords stands within eight
// tokens before token i or after token k, on their line.
func (sc *scanner) plateWordNear(i, k int) bool {
	for x := i - 1; x >= 0 && x >= i-8 && sc.toks[x+1].gap < gapLine; x-- {
		if sc.foldedIn(x, plateWords) {
			return true
		}
	}
	for x := k + 1; x < len(sc.toks) && x <= k+8 && sc.toks[x].gap < gapLine; x++ {
		if sc.foldedIn(x, plateWords) {
			return true
		}
	}
	return false
}

// swissPlate reports whether id is a canton's two letters then one to six
// digits.
func swissPlate(id []byte) bool {
	return len(id) >= 3 && len(id) <= 8 && allDigits(id[2:])
}
