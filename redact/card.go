package redact

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
