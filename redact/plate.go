package redact

// Plates and passports: the identifiers whose shape alone is telling.

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
	if !sivLikeShape(id) {
		return false
	}
	for _, c := range id {
		if c == 'I' || c == 'O' || c == 'U' {
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
		t := &sc.toks[i]
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

// romanianPlateShape: a Romanian plate, the county's one or two letters,
// two or three digits, three letters ("B123XYZ", "CJ07ABC").
func romanianPlateShape(id []byte) bool {
	i := 0
	for i < len(id) && isLetter(id[i]) {
		i++
	}
	j := i
	for j < len(id) && isDigit(id[j]) {
		j++
	}
	return i >= 1 && i <= 2 && j-i >= 2 && j-i <= 3 && len(id)-j == 3 && isLetter(id[j]) && isLetter(id[j+1]) && isLetter(id[j+2])
}
