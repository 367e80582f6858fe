package redact

import (
	"strconv"

	"github.com/nyaruka/phonenumbers"
)

// Phone numbers of every country are checked with libphonenumber's
// metadata (github.com/nyaruka/phonenumbers). The library is slow next to
// the scanner, so it only sees candidate digit runs: international numbers
// ("+44 …", "0048 …"), and national numbers of other countries after a
// phone cue or in a phone's usual grouping.

// intlPhone grades the digits of an international number written after
// "+" or "00": 0.97 when valid for its country, 0.85 when only possible,
// 0 otherwise. The number is built from its calling code and national
// digits, so that the library's length check, which is cheap, comes before
// its patterns.
func intlPhone(digits []byte) float64 {
	if len(digits) < 7 || len(digits) > 15 {
		return 0
	}
	n := callingCode(digits)
	if n == 0 || digits[n] == '0' {
		return 0
	}
	cc, _ := strconv.Atoi(string(digits[:n]))
	nat, err := strconv.ParseUint(string(digits[n:]), 10, 64)
	if err != nil {
		return 0
	}
	cc32 := int32(cc)
	num := &phonenumbers.PhoneNumber{CountryCode: &cc32, NationalNumber: &nat}
	switch {
	case !phonenumbers.IsPossibleNumber(num):
		return 0
	case phonenumbers.IsValidNumber(num):
		return 0.97
	}
	return 0.85
}

// callingCode returns the length of the country calling code that starts
// digits (calling codes are prefix-free: 1, 33, 351…), 0 when there is
// none.
func callingCode(digits []byte) int {
	if len(digits) == 0 || digits[0] == '0' {
		return 0
	}
	cc := 0
	for i := 0; i < 3 && i < len(digits); i++ {
		cc = cc*10 + int(digits[i]-'0')
		if phonenumbers.GetRegionCodeForCountryCode(cc) != phonenumbers.UNKNOWN_REGION {
			return i + 1
		}
	}
	return 0
}

// foreignRegions are the countries whose national numbers are tried when
// no country code is written: those of the people France services most
// often serve.
var foreignRegions = []string{
	"GB", "US", "CA", "IE", "DE", "BE", "CH", "IT", "ES", "PT", "NL", "PL", "RO", "BG", "HU", "CZ", "GR", "RS",
	"UA", "RU", "GE", "AM", "TR", "MA", "DZ", "TN", "SN", "CI", "CM", "BR", "IN", "VN", "PH", "CN",
	"IL", "LB", "EG", "AE", "SA", "AF", "PK", "BD", "LK", "IR", "IQ", "SY", "AL", "XK", "MD", "BY", "AZ",
	"ML", "BJ", "TG", "MG", "HT", "CD", "CG", "GN", "NG", "JP", "KR", "AU", "MX", "CO",
}

// nationalPhone reports whether digits, written without a country code,
// are a valid number of one of foreignRegions. The number is built for each
// region (its calling code, the digits without their trunk prefix), and the
// library's length check weeds out most regions before its patterns.
func nationalPhone(digits []byte) bool {
	if len(digits) < 9 || len(digits) > 12 {
		return false
	}
	for _, r := range foreignRegions {
		nat := digits
		switch {
		case nat[0] == '0' && r != "IT":
			nat = nat[1:] // trunk prefix: 07700 900123
		case nat[0] == '1' && (r == "US" || r == "CA") && len(nat) == 11:
			nat = nat[1:]
		}
		if len(nat) == 0 || nat[0] == '0' && r != "IT" {
			continue
		}
		n, err := strconv.ParseUint(string(nat), 10, 64)
		if err != nil {
			return false
		}
		cc := int32(phonenumbers.GetCountryCodeForRegion(r))
		num := &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &n}
		if r == "IT" && nat[0] == '0' {
			lead := true
			num.ItalianLeadingZero = &lead
		}
		if phonenumbers.IsPossibleNumber(num) && phonenumbers.IsValidNumberForRegion(num, r) {
			return true
		}
	}
	return false
}

// countryPhone reports whether the number at token first is a phone named
// by its country after a phone's cue further back in the sentence: "mon
// numéro au Maroc 06 61 23 45 67 et au Sénégal 77 123 45 67". The country
// is right before the number, "au", "en", "du" or "de" before it.
func (sc *scanner) countryPhone(first int) bool {
	k := sc.wordBefore(first)
	if k < 0 || !sc.has(k, wCountry) {
		return false
	}
	return sc.cueBefore(k, 24)&cTel != 0
}

// frenchValid reports whether nat, a French number's nine digits after
// its trunk prefix or calling code, is a valid French number.
func frenchValid(nat []byte) bool {
	if len(nat) != 9 || nat[0] == '0' {
		return false
	}
	n, err := strconv.ParseUint(string(nat), 10, 64)
	if err != nil {
		return false
	}
	cc := int32(33)
	return phonenumbers.IsValidNumber(&phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &n})
}
