package redact

// births finds dates of birth: a date after "né le", "née en", "date de
// naissance :", "DDN". Other dates (deadlines, appointments) stay.
func (sc *scanner) births() {
	for i := range sc.toks {
		if sc.toks[i].cue&cBirth == 0 {
			continue
		}
		j := i + 1
		for skipped := 0; j < len(sc.toks) && skipped < 5; skipped++ {
			t := sc.toks[j]
			if t.gap >= gapPara {
				break
			}
			if t.kind == kPunct {
				switch sc.punct(j) {
				case ':', '(', ')', '-', ',', '=', '.':
					j++
					continue
				}
				break
			}
			if t.kind == kWord && (sc.toks[j].cue&cBirth != 0 || sc.isText(j, "le", "en", "e", "du", "la", "est", "a", "au", "ma", "mon", "sa", "son")) {
				j++
				continue
			}
			break
		}
		if j >= len(sc.toks) {
			continue
		}
		end := sc.date(j)
		// A year alone ("né en 1963") stays: agents need it (retirement
		// age) and it identifies no one.
		if end < 0 || (end == j && sc.toks[j].end-sc.toks[j].start == 4) {
			continue
		}
		sc.addToks(j, end, NAISSANCE, 0.9)
	}
}

// isText reports whether token i, folded, is one of words.
func (sc *scanner) isText(i int, words ...string) bool {
	e := sc.toks[i].ent
	if e == 0 {
		return false
	}
	word := lex.entries[e].word
	for _, w := range words {
		if word == w {
			return true
		}
	}
	return false
}

// date reads a date starting at token j and returns its last token, or -1:
// "3 avril 1990", "1er avril 1990", "03/04/1990", "3.4.90", "avril 1990",
// "1990", "03041990".
func (sc *scanner) date(j int) int {
	t := sc.toks[j]
	n := len(sc.toks)
	switch t.kind {
	case kNum:
		s := sc.text(j)
		v, _ := atoi(s)
		if len(s) == 8 {
			d, _ := atoi(s[:2])
			m, _ := atoi(s[2:4])
			y, _ := atoi(s[4:])
			if d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1900 && y <= 2099 {
				return j
			}
			return -1
		}
		if len(s) == 4 {
			if v >= 1900 && v <= 2099 {
				return j
			}
			return -1
		}
		if len(s) > 2 || v < 1 || v > 31 {
			return -1
		}
		// day then month name, or day sep month sep year
		if k := j + 1; k < n && sc.toks[k].kind == kWord && sc.has(k, wMonth) && sc.toks[k].gap <= gapBlank {
			return sc.monthYear(k)
		}
		k := j + 1
		if k+1 < n && sc.attached(k) && sc.attached(k+1) && sc.toks[k+1].kind == kNum {
			sep := sc.punct(k)
			if sep == '/' || sep == '.' || sep == '-' {
				m, _ := atoi(sc.text(k + 1))
				if m < 1 || m > 12 || sc.toks[k+1].end-sc.toks[k+1].start > 2 {
					return -1
				}
				end := k + 1
				if y := k + 3; y < n && sc.punct(k+2) == sep && sc.attached(k+2) && sc.attached(y) && sc.toks[y].kind == kNum {
					if l := sc.toks[y].end - sc.toks[y].start; l == 2 || l == 4 {
						end = y
					}
				}
				return end
			}
		}
		if k < n && sc.toks[k].gap == gapSpace && sc.toks[k].kind == kNum && k+1 < n && sc.toks[k+1].gap == gapSpace && sc.toks[k+1].kind == kNum {
			m, _ := atoi(sc.text(k))
			if l := sc.toks[k+1].end - sc.toks[k+1].start; m >= 1 && m <= 12 && (l == 2 || l == 4) {
				return k + 1
			}
		}
		return -1
	case kAlnum:
		if sc.isOrdinalFirst(j) {
			if k := j + 1; k < n && sc.has(k, wMonth) && sc.toks[k].gap <= gapBlank {
				return sc.monthYear(k)
			}
		}
	case kWord:
		if sc.has(j, wMonth) {
			end := sc.monthYear(j)
			if end > j {
				return end
			}
		}
	}
	return -1
}

// isOrdinalFirst reports whether token j is "1er".
func (sc *scanner) isOrdinalFirst(j int) bool {
	s := sc.text(j)
	return len(s) == 3 && s[0] == '1' && (s[1] == 'e' || s[1] == 'E') && (s[2] == 'r' || s[2] == 'R')
}

// monthYear returns the last token of a month name at k and the year that
// may follow it.
func (sc *scanner) monthYear(k int) int {
	end := k
	if k+1 < len(sc.toks) && sc.punct(k+1) == '.' && sc.attached(k+1) {
		end = k + 1
	}
	if y := end + 1; y < len(sc.toks) && sc.toks[y].kind == kNum && sc.toks[y].gap <= gapBlank {
		if l := sc.toks[y].end - sc.toks[y].start; l == 4 || l == 2 {
			return y
		}
	}
	return end
}
