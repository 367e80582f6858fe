package redact

// A NIR told in pieces across a sentence: "mon numéro de sécu commence par
// 2 85 puis 07 75 et finit par 056 234 12". After a NIR cue, groups of
// digits joined by words that go on ("puis", "et", "ensuite", "après",
// "finit par") are one number; when they add up to a NIR's 13 or 15
// digits and start as one does (1, 2, 7 or 8), every piece is masked, as
// one NIR from the first to the last.

// nirPieceLinks are the words that may join two pieces of a NIR told in a
// sentence (folded).
var nirPieceLinks = wordSet("puis et ensuite apres suivi suivie de par finit fini finis termine terminent " +
	"se commence continue enfin la fin avec les derniers dernier chiffres c est ca")

// maxPieceLink bounds the words between two pieces, and maxPieceLead the
// tokens between the cue and the first piece.
const (
	maxPieceLink = 4
	maxPieceLead = 8
)

// nirPieces finds the NIRs told in pieces after a NIR cue.
func (sc *scanner) nirPieces() {
	if sc.allCues&cNIR == 0 {
		return
	}
	for i := range sc.toks {
		if sc.toks[i].cue&cNIR == 0 {
			continue
		}
		first := sc.firstPiece(i)
		if first < 0 {
			continue
		}
		if last, ok := sc.nirPieceRun(first); ok {
			sc.addToks(first, last, NIR, 0.85)
		}
	}
}

// firstPiece returns the first number after the cue at i, within
// maxPieceLead tokens of its sentence, or -1.
func (sc *scanner) firstPiece(i int) int {
	for k := i + 1; k < len(sc.toks) && k <= i+maxPieceLead; k++ {
		t := &sc.toks[k]
		if t.gap >= gapPara {
			return -1
		}
		switch {
		case t.kind == kNum:
			return k
		case t.kind == kPunct && sc.pieceStop(k):
			return -1
		}
	}
	return -1
}

// nirPieceRun reads the pieces from the number at first and returns the
// last token of the last piece, and whether the pieces make a NIR: two
// pieces at least, linked by words, 13 or 15 digits in all, starting with
// a NIR's first digit.
func (sc *scanner) nirPieceRun(first int) (int, bool) {
	var buf [16]byte
	d := buf[:0]
	pieces, last := 0, -1
	for k := first; ; {
		// one piece: numbers side by side
		for from := k; k < len(sc.toks) && sc.toks[k].kind == kNum && (k == from || sc.toks[k].gap <= gapSpace); k++ {
			if len(d)+int(sc.toks[k].end-sc.toks[k].start) > len(buf) {
				return -1, false
			}
			d = append(d, sc.text(k)...)
			last = k
		}
		pieces++
		if pieces >= 2 && (len(d) == 13 || len(d) == 15) && allDigits(d) && nirSex(d) {
			return last, true
		}
		if k = sc.pieceLink(last + 1); k < 0 {
			return -1, false
		}
	}
}

// pieceLink skips the words that join two pieces from token k and returns
// the next piece's first token, or -1 when something else comes.
func (sc *scanner) pieceLink(k int) int {
	words := 0
	for ; k < len(sc.toks) && words <= maxPieceLink; k++ {
		t := &sc.toks[k]
		if t.gap >= gapPara {
			return -1
		}
		switch {
		case t.kind == kNum:
			if words == 0 {
				return -1
			}
			return k
		case t.kind == kWord && sc.foldedIn(k, nirPieceLinks):
			words++
		case t.kind == kPunct && (sc.punct(k) == ',' || sc.punct(k) == '\'' || sc.punct(k) == '-' || sc.punct(k) == ':'):
		default:
			return -1
		}
	}
	return -1
}

// pieceStop reports whether punctuation token k ends the sentence of a
// NIR's cue.
func (sc *scanner) pieceStop(k int) bool {
	switch sc.punct(k) {
	case '.', '!', '?', ';':
		return true
	}
	return false
}
