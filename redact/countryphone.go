package redact

import (
	"github.com/nyaruka/phonenumbers"
	"github.com/plume-sp/plume/fold"
)

// Mobiles written after the country they ring in, with no phone word:
// "ma mère au Cameroun: 6 71 23 45 67", "Espagne 612 34 56 78". The
// digits are masked as TEL when libphonenumber holds them a valid mobile
// number of that country; "Espagne 2024", "au Sénégal 3 mois" and
// "Portugal 12 345 €" stay.

// countryRegions maps the folded names of countries to their regions.
var countryRegions = map[string]string{
	"belgique": "BE", "suisse": "CH", "luxembourg": "LU", "allemagne": "DE", "espagne": "ES", "italie": "IT",
	"portugal": "PT", "maroc": "MA", "algerie": "DZ", "tunisie": "TN", "senegal": "SN", "mali": "ML",
	"cameroun": "CM", "canada": "CA", "angleterre": "GB", "roumanie": "RO", "pologne": "PL", "turquie": "TR",
	"ukraine": "UA", "guinee": "GN", "benin": "BJ", "togo": "TG", "madagascar": "MG", "congo": "CG",
	"gabon": "GA", "niger": "NE", "mauritanie": "MR", "comores": "KM", "haiti": "HT", "bresil": "BR",
	"russie": "RU", "grece": "GR", "irlande": "IE", "autriche": "AT", "bulgarie": "BG", "serbie": "RS",
	"albanie": "AL", "moldavie": "MD", "georgie": "GE", "armenie": "AM", "egypte": "EG", "liban": "LB",
	"syrie": "SY", "inde": "IN", "chine": "CN", "vietnam": "VN", "burkina": "BF", "usa": "US",
}

// maxCountryGroups bounds the digit groups read after a country's name.
const maxCountryGroups = 6

// countryMobiles masks the mobile numbers that follow a country's name.
func (sc *scanner) countryMobiles() {
	for i := range sc.toks {
		if sc.toks[i].kind != kWord {
			continue
		}
		region := sc.countryRegion(i)
		if region == "" || sc.cueBefore(i, 8)&(identCues|cNIR|cFiscal|cSiret|cIBAN|cCarte) != 0 {
			continue // "mon numéro fiscal au Portugal 912 345 678"
		}
		j := i + 1
		if p := sc.punct(j); p == ':' || p == ',' {
			j++
		}
		if j < len(sc.toks) && sc.toks[j].kind == kNum && sc.toks[j].gap < gapLine {
			sc.countryMobileAt(j, region)
		}
	}
}

// countryRegion returns the region of the country named by word i, or "".
func (sc *scanner) countryRegion(i int) string {
	t := &sc.toks[i]
	if n := t.end - t.start; n < 3 || n > 14 {
		return ""
	}
	var buf [32]byte
	return countryRegions[string(fold.Append(buf[:0], sc.text(i)))]
}

// countryMobileAt masks the longest run of digit groups from token j that
// is a valid mobile number of region, unless an amount's or a unit's word
// follows it.
func (sc *scanner) countryMobileAt(j int, region string) {
	var buf [32]byte
	d := buf[:0]
	best := -1
	for k, n := j, 0; k < len(sc.toks) && n < maxCountryGroups; n++ {
		if sc.toks[k].kind != kNum || len(d)+int(sc.toks[k].end-sc.toks[k].start) > len(buf) {
			break
		}
		d = append(d, sc.text(k)...)
		if len(d) >= 8 && regionMobile(string(d), region) {
			best = k
		}
		next := k + 1
		if p := sc.punct(next); (p == '.' || p == '-') && sc.attached(next) && sc.attached(next+1) {
			next++
		} else if next < len(sc.toks) && sc.toks[next].gap != gapSpace {
			break
		}
		k = next
	}
	if best < 0 || sc.currencyAfter(best) || best+1 < len(sc.toks) && sc.toks[best+1].kind == kWord && sc.foldedIn(best+1, secretAfter) {
		return
	}
	sc.addToks(j, best, TEL, 0.9)
}

// regionMobile reports whether the national digits d are a valid mobile
// number of region.
func regionMobile(d, region string) bool {
	num, err := phonenumbers.Parse(d, region)
	if err != nil || !phonenumbers.IsValidNumberForRegion(num, region) {
		return false
	}
	switch phonenumbers.GetNumberType(num) {
	case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE:
		return true
	}
	return false
}
