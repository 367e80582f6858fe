package redact

import "net/netip"

// IP addresses: personal data under the GDPR (they identify a line or a
// device), masked as IP. A dotted quad is read whole: a version number
// ("1.2.3"), a date ("12.03.2024"), a decimal or a legal reference
// ("L. 262-1") has fewer parts, and four small parts after a version or
// section word ("version 1.2.3.4", "article 1.1.2.3") stay.

// ipNotAfter are the words that make four dotted numbers a version or a
// section number.
var ipNotAfter = wordSet("version versions v ver release build article art articles section paragraphe alinea chapitre annexe " +
	"point points norme normes iso nf ref reference references numero no circulaire decret loi rubrique item etape partie titre " +
	"livre tableau figure cerfa")

// ipCueWords are the words that announce an address when its parts are
// all small: "mon IP 1.2.3.4".
var ipCueWords = wordSet("ip ipv4 ipv6 adresse address serveur server routeur box")

// ipAddresses masks IPv4 and IPv6 addresses.
func (sc *scanner) ipAddresses() {
	for i := 0; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		switch {
		case t.kind == kNum && sc.punct(i+1) == '.':
			if last := sc.ipv4(i); last > i {
				sc.addToks(i, last, IP, 0.9)
				i = last
			}
		case t.kind == kPunct && t.val == ':' && sc.attached(i) && sc.attached(i+1):
			first, last, ok := sc.ipv6(i)
			if ok {
				sc.addToks(first, last, IP, 0.9)
			}
			i = last // the run read, address or not
		}
	}
}

// ipv4 returns the last token of the dotted quad that starts at token i,
// or -1.
func (sc *scanner) ipv4(i int) int {
	if i > 0 && sc.attached(i) && sc.toks[i-1].kind != kPunct || sc.punct(i-1) == '.' && sc.attached(i) {
		return -1 // "v1.2.3.4", ".1.2.3.4"
	}
	last := i + 6
	if last >= len(sc.toks) {
		return -1
	}
	small := true
	for p := 0; p < 4; p++ {
		k := i + 2*p
		if sc.toks[k].kind != kNum || (p > 0 && (sc.punct(k-1) != '.' || !sc.attached(k-1) || !sc.attached(k))) {
			return -1
		}
		v := sc.text(k)
		if len(v) > 3 || len(v) > 1 && v[0] == '0' || len(v) == 3 && v > "255" {
			return -1
		}
		if len(v) > 1 {
			small = false
		}
	}
	if n := last + 1; n+1 < len(sc.toks) && sc.attached(n) && (sc.toks[n].kind == kNum || sc.toks[n].kind != kPunct ||
		sc.punct(n) == '.' && sc.attached(n+1) && sc.toks[n+1].kind == kNum) {
		return -1 // a fifth part, or letters attached
	}
	if sc.ipCueBefore(i, ipNotAfter) || small && !sc.ipCueBefore(i, ipCueWords) {
		return -1
	}
	return last
}

// wordBefore reports whether one of the three words before token i, on its
// line, is in set.
func (sc *scanner) ipCueBefore(i int, set map[string]bool) bool {
	for k, words := i-1, 0; k >= 0 && words < 3; k-- {
		if sc.toks[k+1].gap >= gapLine {
			return false
		}
		if sc.toks[k].kind == kWord {
			if sc.foldedIn(k, set) {
				return true
			}
			words++
		}
	}
	return false
}

// ipv6 reads the run of hexadecimal groups, colons and dots around the
// attached colon at token i (at most maxIPv6Toks tokens) and returns its
// first and last tokens, and whether netip reads it as an IPv6 address
// (not the loopback "::1" nor "::").
func (sc *scanner) ipv6(i int) (first, last int, ok bool) {
	first, last = i, i
	for first > 0 && i-first < maxIPv6Toks && sc.attached(first) && ipv6Part(sc, first-1) {
		first--
	}
	for last+1 < len(sc.toks) && last-i < maxIPv6Toks && sc.attached(last+1) && ipv6Part(sc, last+1) {
		last++
	}
	end := last
	for end > i && sc.toks[end].kind == kPunct && sc.punct(end) != ':' {
		end-- // a sentence's dot after the address
	}
	if first > 0 && sc.attached(first) || end+1 < len(sc.toks) && sc.attached(end+1) && sc.toks[end+1].kind != kPunct {
		return first, last, false
	}
	s := sc.s[sc.toks[first].start:sc.toks[end].end]
	colons := 0
	for c := 0; c < len(s); c++ {
		if s[c] == ':' {
			colons++
		}
	}
	a, err := netip.ParseAddr(s)
	if err != nil || colons < 3 || !a.Is6() || a.IsLoopback() || a.IsUnspecified() {
		return first, last, false
	}
	return first, end, true
}

// maxIPv6Toks bounds the tokens read on either side of a colon: an IPv6
// address has at most 8 groups and 7 colons, or an IPv4 tail.
const maxIPv6Toks = 24

// ipv6Part reports whether token k can be part of an IPv6 address: a
// colon, a dot, or a group of at most four hexadecimal digits.
func ipv6Part(sc *scanner, k int) bool {
	t := &sc.toks[k]
	if t.kind == kPunct {
		return t.val == ':' || t.val == '.'
	}
	if t.end-t.start > 4 {
		return false
	}
	for _, c := range []byte(sc.text(k)) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
