package redact

// A card named again by its bare word: "j'ai perdu ma carte de séjour …
// numéro de la carte : 1 3 0 2 9 8 7 6 5 4", "Mon titre de séjour … N° de
// carte : AB3021447". The word "carte" alone announces no number (a bank
// card, a loyalty card); after a residence permit's or an identity card's
// name earlier in the message, "numéro de la carte" refers to it.

// cardWords are the bare words of a card.
var cardWords = wordSet("carte card")

// cardNumberWords name the number of the card after them.
var cardNumberWords = wordSet("n no num numero number")

// cardRefCues are the documents a bare "carte" may refer to.
const cardRefCues = cEtranger | cCNI

// cardRefs gives a bare "carte" after "numéro de (la)" the cue of the
// last document named before it in the message, when that document is a
// residence permit or an identity card; a bank card, a carte vitale or a
// benefit named last leave it without one.
func (sc *scanner) cardRefs() {
	if sc.allCues&cardRefCues == 0 {
		return
	}
	var last cueBits
	for i := range sc.toks {
		t := &sc.toks[i]
		if c := t.cue & (docCues | cNIR | cCarte | cIBAN); c != 0 {
			last = c
			continue
		}
		if t.kind != kWord || last&cardRefCues == 0 || !sc.foldedIn(i, cardWords) || !sc.numberOfCard(i) {
			continue
		}
		t.cue |= last & cardRefCues
	}
}

// numberOfCard reports whether the bare card word at i is the complement
// of a number's word, "numéro de la carte", "N° de carte", and ends its
// noun phrase (no "de séjour", "bancaire" after it).
func (sc *scanner) numberOfCard(i int) bool {
	if n := sc.nextWord(i); n > 0 && !sc.has(n, wFiller) {
		return false
	}
	k := i - 1
	for n := 0; n < 2 && k >= 0 && sc.toks[k+1].gap < gapLine && sc.foldedIn(k, cardLinks); n++ {
		k--
	}
	if k < 0 || sc.toks[k+1].gap >= gapLine {
		return false
	}
	return sc.punct(k) == '°' || sc.foldedIn(k, cardNumberWords)
}

// cardLinks stand between a number's word and the card: "numéro de la
// carte", "number of the card".
var cardLinks = wordSet("de la sa ma ta of the")
