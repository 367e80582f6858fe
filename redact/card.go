package redact

import (
	"sort"
	"strings"
)

// Bank cards: 13 to 19 digits, Luhn, in groups of four or run together.

// cardConf grades digits d, written in k groups of shape sh, as a bank
// card; 0 when they are none. ctx holds the cues before the number, weak
// that an amount or a legal reference surrounds it.
func cardConf(d []byte, sh shapeKey, k int, ctx cueBits, weak bool) float64 {
	fours := k == 1 || sh.allFours() || sh == shapeAmex || sh == shapeDiners
	nir := len(d) <= 16 && nirSex(d) || d[0] == '3' || d[0] == '4'
	nir = nir && sh != shapeAmex && ctx&cCarte == 0 && ((len(d) == 13 || len(d) == 15) && nirShape(d) &&
		(ctx&cNIR != 0 || (sh == shapeNIR || sh == shapeNIR13 || len(d) == 15) && d[0] != '3' && d[0] != '4') || // Visa 4…, Amex 3…
		nirAmiss(d, ctx))
	switch {
	case nir:
		// a NIR's shape with no card word: a social security
		// number whose key is wrong passes Luhn one time in ten (no
		// card network issues fifteen digits starting with 1, 2, 7, 8)
		return 0
	case luhn(d) && fours:
		return 0.95
	case luhn(d) && !weak:
		return 0.85
	case len(d) == 16 && (sh == shapeCard || k == 1) && ctx&cCarte != 0:
		return 0.8 // after a card word, a digit mistyped
	case len(d) == 16 && sh == shapeCard && !weak:
		return 0.7
	}
	return 0
}

// cardRivals are the cues of the numbers a card may be mistaken for when
// one passes Luhn by chance: numéro fiscal, NIR, CAF, France Travail, INE,
// identity documents.
const cardRivals = cFiscal | cNIR | cCAF | cFT | cINE | cCNI | cPasseport | cPermis | cEtranger

// cardRival returns the type the nearest cue before token first gives
// the card-like digits d (k groups of shape sh) when that cue names
// another number and no card ("mon numéro fiscal est le 1788577598773",
// "numéro d'identité roumain, c'est le 2900615400123"), or a numéro
// fiscal's shape names one in a message about taxes, or "". Sixteen
// digits or more in groups of four stay a card: no rival number is
// written so.
func (sc *scanner) cardRival(first int, d []byte, sh shapeKey, k int) Type {
	if len(d) >= 15 && k > 1 && sh.allFours() {
		return ""
	}
	c := sc.nearestIdentCue(first, 8)
	if c == 0 && spiShape(d) && sc.allCues&cFiscal != 0 && sc.allCues&cCarte == 0 {
		// a numéro fiscal's shape in a message about taxes and no card:
		// "mon numéro fiscal est le … ; celui de Didier était le 1 05 32
		// 097 114 62"
		return FISCAL
	}
	if c&cardRivals == 0 || c&cCarte != 0 {
		return ""
	}
	for _, r := range rivalTypes {
		if c&r.cue != 0 {
			return r.typ
		}
	}
	return ""
}

// rivalTypes are the types of cardRivals, the most specific cue first.
var rivalTypes = [...]struct {
	cue cueBits
	typ Type
}{
	{cPasseport, PASSEPORT}, {cCNI, CNI}, {cPermis, PERMIS}, {cEtranger, ETRANGER}, {cINE, INE},
	{cFiscal, FISCAL}, {cNIR, NIR}, {cCAF, CAF}, {cFT, FRANCE_TRAVAIL},
}

// cardDetails masks what is written after a card number to pay with it,
// its expiry date and its security code, with the card: "4970 1012 3456
// 7893 exp 09/27 cvv 123" is one card's value. A value is taken right
// after the card or the value before it, or after its own word
// ("cryptogramme", "expire fin"), on the card's paragraph and within a few
// words.
func (sc *scanner) cardDetails() {
	for c := range sc.cands {
		if sc.cands[c].typ == CARTE {
			if last := sc.cardTail(sc.tokAfter(sc.cands[c].end)); last >= 0 {
				sc.cands[c].end = int(sc.toks[last].end)
			}
		}
	}
}

// maxCardTail bounds the tokens cardTail reads after a card.
const maxCardTail = 16

// cardTail returns the last token of the expiry date and security code
// written from token k on, after a card number, or -1. A bracket opened
// before them is taken with its closing one: "(exp 09/26)".
func (sc *scanner) cardTail(k int) int {
	last, open := sc.cardValues(k)
	if last >= 0 && open >= 0 && sc.punct(last+1) == ')' {
		last++
	}
	return last
}

// cardValues returns the last token of the expiry date and security code
// written from token k on, or -1, and the last opening bracket before it,
// or -1.
func (sc *scanner) cardValues(k int) (found, open int) {
	found, open = -1, -1
	cue, words := false, 0 // since the card or the last value
	for end := min(len(sc.toks), k+maxCardTail); k < end && sc.toks[k].gap < gapPara; k++ {
		switch sc.toks[k].kind {
		case kPunct:
			if sc.punct(k) == '(' && found < 0 {
				open = k
			}
			continue
		case kWord:
			switch w := strings.ToLower(sc.text(k)); {
			case cardDetailWords[w]:
				cue = true
			case words == 3:
				return found, open
			default:
				words++
			}
			continue
		case kNum:
			if sc.toks[k].end-sc.toks[k].start == 1 && sc.nextWord(k) == k+1 && words < 3 {
				words++ // "les 3 chiffres au dos"
				continue
			}
		default:
			return found, open
		}
		last, ok := sc.cardExpiry(k, cue, words == 0)
		switch {
		case ok:
		case sc.cardCode(k, cue || words == 0):
			last = k
		default:
			return found, open
		}
		k, found, cue, words = last, last, false, 0
	}
	return found, open
}

// cardDetailWords announce a card's expiry date or security code.
var cardDetailWords = map[string]bool{
	"exp": true, "expire": true, "expires": true, "expiration": true, "expiry": true, "valable": true,
	"validite": true, "validité": true, "valid": true, "fin": true, "jusqu": true, "until": true, "thru": true,
	"cvv": true, "cvc": true, "cvv2": true, "cvc2": true, "ccv": true, "crypto": true, "cryptogramme": true,
	"cryptogram": true, "code": true, "securite": true, "sécurité": true, "security": true, "chiffres": true,
	"digits": true, "date": true,
}

// cardExpiry reads an expiry date at token k, after its word or right
// after the card or its code (next): "09/27", "09/2027", "09-27", and "0927"
// after its word or a slash. It returns the date's last token.
func (sc *scanner) cardExpiry(k int, cue, next bool) (int, bool) {
	s := sc.text(k)
	if len(s) == 4 && (cue || next && sc.punct(k-1) == '/') && expiryMonth(s[:2]) && !sc.currencyAfter(k) {
		return k, true // "0927"
	}
	if !cue && !next || len(s) > 2 || !expiryMonth(s) || k+2 >= len(sc.toks) || !sc.attached(k+1) || !sc.attached(k+2) {
		return 0, false
	}
	if p := sc.punct(k + 1); p != '/' && p != '-' && p != '.' || sc.toks[k+2].kind != kNum {
		return 0, false
	}
	y := sc.text(k + 2)
	if len(y) == 2 || len(y) == 4 && y[:2] == "20" {
		return k + 2, true
	}
	return 0, false
}

// expiryMonth reports whether s is a month written with one or two digits.
func expiryMonth(s string) bool {
	m, ok := atoi(s)
	return ok && m >= 1 && m <= 12
}

// cardCode reports whether token k is a security code: three or four
// digits after their word or right after the card, and no amount.
func (sc *scanner) cardCode(k int, cue bool) bool {
	l := sc.toks[k].end - sc.toks[k].start
	return cue && (l == 3 || l == 4) && !sc.currencyAfter(k) && !(k+1 < len(sc.toks) && sc.toks[k+1].kind == kNum && sc.toks[k+1].gap <= gapSpace)
}

// tokAfter returns the index of the first token that starts at or after
// offset end.
func (sc *scanner) tokAfter(end int) int {
	return sort.Search(len(sc.toks), func(i int) bool { return int(sc.toks[i].start) >= end })
}

// cardWordBefore reports whether the word "carte" alone stands right
// before token first, but for punctuation and "n°": "ma carte : …".
// Sixteen digits after it are a card's: a carte vitale's, d'identité's or
// de séjour's number is shorter, and their cues end on their own word.
func (sc *scanner) cardWordBefore(first int) bool {
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		switch {
		case sc.toks[k].kind == kPunct, sc.isText(k, "n", "no", "numero") && sc.toks[k].gap <= gapSpace:
			continue
		}
		return sc.isText(k, "carte", "cb") && sc.toks[first].gap < gapLine
	}
	return false
}
