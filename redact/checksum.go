package redact

// digits is a string or a byte slice of ASCII characters.
type digits interface{ ~string | ~[]byte }

// luhn reports whether the digit string d passes the Luhn check (bank
// cards, SIREN, SIRET).
func luhn[T digits](d T) bool {
	sum, double := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		c := d[i]
		if c < '0' || c > '9' {
			return false
		}
		v := int(c - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return len(d) > 0 && sum%10 == 0
}

// mod97 returns the decimal number written by d modulo 97, reading letters
// as 10 for A up to 35 for Z (the IBAN convention). ok is false when d holds
// another character.
func mod97[T digits](d T) (rem int, ok bool) {
	for i := 0; i < len(d); i++ {
		c := d[i]
		switch {
		case '0' <= c && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case 'A' <= c && c <= 'Z':
			rem = (rem*100 + int(c-'A') + 10) % 97
		case 'a' <= c && c <= 'z':
			rem = (rem*100 + int(c-'a') + 10) % 97
		default:
			return 0, false
		}
	}
	return rem, true
}

// ibanValid reports whether s (letters and digits only) is an IBAN whose
// check digits are right: moving the first four characters to the end gives
// a number equal to 1 modulo 97.
func ibanValid(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	r1, ok1 := mod97(s[4:])
	if !ok1 {
		return false
	}
	// Continue the remainder over the first four characters.
	r := r1
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			r = (r*10 + int(c-'0')) % 97
		case 'A' <= c && c <= 'Z':
			r = (r*100 + int(c-'A') + 10) % 97
		case 'a' <= c && c <= 'z':
			r = (r*100 + int(c-'a') + 10) % 97
		default:
			return false
		}
	}
	return r == 1
}

// nirKeyValid reports whether the 15-character NIR n has the right key:
// 97 − (first 13 digits mod 97), where the Corsican departments 2A and 2B
// count as 19 and 18.
func nirKeyValid[T digits](n T) bool {
	if len(n) != 15 {
		return false
	}
	var body [13]byte
	copy(body[:], n[:13])
	switch body[6] {
	case 'A', 'a':
		body[5], body[6] = '1', '9'
	case 'B', 'b':
		body[5], body[6] = '1', '8'
	}
	rem, ok := mod97(body[:])
	if !ok || !allDigits(body[:]) {
		return false
	}
	key, ok := atoi(n[13:15])
	return ok && key == 97-rem
}

// nirShape reports whether n (13 or 15 characters) reads as a NIR: sex,
// year, month, department (2A and 2B included), commune and order.
func nirShape[T digits](n T) bool {
	if len(n) != 13 && len(n) != 15 {
		return false
	}
	switch n[0] {
	case '1', '2', '3', '4', '7', '8':
	default:
		return false
	}
	if !allDigits(n[1:5]) || !allDigits(n[7:]) {
		return false
	}
	month, _ := atoi(n[3:5])
	if month == 0 || (month > 12 && month < 20) || (month > 42 && month < 50) {
		return false
	}
	if allDigits(n[5:7]) {
		return true
	}
	return n[5] == '2' && (n[6] == 'A' || n[6] == 'B' || n[6] == 'a' || n[6] == 'b')
}

// fiscalKeyValid reports whether the 13-digit numéro fiscal (SPI) d has the
// right key: its last three digits equal its first ten modulo 511.
func fiscalKeyValid[T digits](d T) bool {
	if len(d) != 13 || !allDigits(d) || d[0] > '3' {
		return false
	}
	var n int64
	for i := 0; i < 10; i++ {
		n = n*10 + int64(d[i]-'0')
	}
	key, _ := atoi(d[10:])
	return int64(key) == n%511
}

func allDigits[T digits](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// atoi reads a short run of ASCII digits.
func atoi[T digits](s T) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
