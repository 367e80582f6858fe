package redact

// People often type one group too many at the end of a phone number
// ("07 60 quarante 90 11 04", "07.12.34.56.78.90", "+44 20 7946 0958 1"): the number is
// theirs all the same, and leaving the extra group out would leave part of
// what they wrote in the text. The group is taken when it is the last of
// the run, one or two digits on the same line, and nothing after it makes
// it a quantity or a house number ("… 78 12 ans", "… 78 15 rue").

// trailingGroup reports whether the group whose tokens are first to last,
// digits d, belongs to the number before it as its last group: a phone's
// group typed too many, a NIR's key typed wrong.
func (sc *scanner) trailingGroup(first, last int, d string) bool {
	if len(d) == 0 || len(d) > 2 || sc.toks[first].gap >= gapLine {
		return false
	}
	n := last + 1
	if n >= len(sc.toks) || sc.toks[n].gap >= gapLine {
		return true
	}
	if sc.currencyAfter(last) || sc.punct(n) == '%' {
		return false
	}
	if sc.toks[n].kind == kWord && (sc.bits(n)&(wStreet|wStreetBare|wAddrUnit|wAddrNamed|wMonth) != 0 || sc.isText(n, unitWords...)) {
		return false
	}
	return sc.toks[n].kind != kNum && sc.toks[n].kind != kAlnum
}

// unitWords make a number after a phone a quantity.
var unitWords = []string{"ans", "an", "h", "heures", "heure", "fois", "mois", "jours", "jour", "semaines", "min", "minutes", "kg", "km", "m", "euros", "eur", "e", "enfants", "personnes", "pieces", "bis", "ter"}
