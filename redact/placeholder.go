package redact

import (
	"strconv"
	"strings"
)

// A placeholder is written "[TYPE_n]". Models mangle them: they add spaces,
// change case, drop the brackets or swap the underscore. The scanner below
// reads every tolerated form; Restore and the escaping of placeholder-like
// input text both use it, which is what makes Restore(Redact(x)) == x hold.
//
// Tolerated forms, TYPE in any case and n of 1 to 6 digits:
//
//	[TYPE_n]  [ TYPE_n ]  [TYPE n]  [TYPE-n]  [TYPEn]   (inside brackets)
//	[TYPE_n                                            (unclosed, as a whole word)
//	TYPE_n                                             (bare, as a whole word)
//
// A bare form must not touch a letter, a digit, '_' or a non-ASCII byte on
// either side, nor ']' before it or '[' after it; inserted placeholders start
// with '[' and end with ']', so inserting one never creates a bare form.

// maxPlaceholderDigits bounds the number in a placeholder.
const maxPlaceholderDigits = 6

// phMatch is one placeholder-looking text: bytes start to end of the text
// it was found in, read as placeholder number n of type typ.
type phMatch struct {
	start, end int
	typ        Type
	n          int
}

// canonical returns the placeholder as Redact writes it.
func (m phMatch) canonical() string { return placeholder(m.typ, m.n) }

// placeholder returns "[TYPE_n]".
func placeholder(t Type, n int) string {
	return "[" + string(t) + "_" + strconv.Itoa(n) + "]"
}

// typesByInitial lists the types by the upper-case letter they start
// with, longest name first.
var typesByInitial = func() (t [256][]Type) {
	for _, ty := range allTypes {
		c := ty[0]
		t[c] = append(t[c], ty)
		t[c+'a'-'A'] = append(t[c+'a'-'A'], ty)
	}
	return t
}()

// nextPlaceholder returns the first placeholder-looking text of s at or
// after from. Only '[' and '_' can make one ("[NOM_1]", "NOM_1"), so the
// loop looks at those bytes alone and, for '_', reads the word before it.
func nextPlaceholder(s string, from int) (phMatch, bool) {
	bracket, under := -1, -1 // the next '[' and '_' at or after i
	for i := from; i < len(s); i++ {
		if bracket < i {
			bracket = indexByteFrom(s, i, '[')
		}
		if under < i {
			under = indexByteFrom(s, i, '_')
		}
		if i = min(bracket, under); i == len(s) {
			break
		}
		switch s[i] {
		case '[':
			if m, ok := bracketAt(s, i); ok {
				return m, true
			}
		case '_':
			w := i
			for w > 0 && isLetter(s[w-1]) {
				w--
			}
			if w == i || w < from || typesByInitial[s[w]] == nil {
				continue
			}
			if w > 0 && !bareBoundaryBefore(s[w-1]) {
				continue
			}
			if m, ok := bareAt(s, w); ok {
				return m, true
			}
		}
	}
	return phMatch{}, false
}

// indexByteFrom returns the offset of the first c in s at or after i,
// len(s) when there is none.
func indexByteFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

func isWordByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '_' || c >= 0x80
}

func bareBoundaryBefore(c byte) bool { return !isWordByte(c) && c != ']' }
func bareBoundaryAfter(c byte) bool  { return !isWordByte(c) && c != '[' }

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// matchType reads a type name at s[i:] (any case). Inside brackets the
// underscore of FRANCE_TRAVAIL may also be a blank, a dash or nothing.
func matchType(s string, i int, bracket bool) (Type, int, bool) {
	if i >= len(s) {
		return "", 0, false
	}
	for _, t := range typesByInitial[s[i]] {
		j, ok := i, true
		for k := 0; k < len(t) && ok; k++ {
			c := t[k]
			if c == '_' {
				switch {
				case j < len(s) && s[j] == '_':
					j++
				case bracket && j < len(s) && (s[j] == ' ' || s[j] == '-'):
					j++
				case !bracket:
					ok = false
				}
				continue
			}
			if j >= len(s) || upper(s[j]) != c {
				ok = false
				continue
			}
			j++
		}
		if ok {
			return t, j, true
		}
	}
	return "", 0, false
}

// readNumber reads 1 to maxPlaceholderDigits digits at s[j:].
func readNumber(s string, j int) (int, int, bool) {
	k, n := j, 0
	for k < len(s) && isDigit(s[k]) {
		if k-j == maxPlaceholderDigits {
			return 0, 0, false
		}
		n = n*10 + int(s[k]-'0')
		k++
	}
	return n, k, k > j
}

// bracketAt reads a bracketed placeholder starting with the '[' at i.
func bracketAt(s string, i int) (phMatch, bool) {
	j := i + 1
	for j < len(s) && isBlank(s[j]) {
		j++
	}
	typ, j, ok := matchType(s, j, true)
	if !ok {
		return phMatch{}, false
	}
	if j < len(s) && (s[j] == '_' || s[j] == '-' || s[j] == ' ') {
		j++
	}
	n, j, ok := readNumber(s, j)
	if !ok {
		return phMatch{}, false
	}
	digitsEnd := j
	for j < len(s) && isBlank(s[j]) {
		j++
	}
	if j < len(s) && s[j] == ']' {
		return phMatch{start: i, end: j + 1, typ: typ, n: n}, true
	}
	// "[NOM_1" without its closing bracket, as a whole word
	if digitsEnd == len(s) || bareBoundaryAfter(s[digitsEnd]) {
		return phMatch{start: i, end: digitsEnd, typ: typ, n: n}, true
	}
	return phMatch{}, false
}

// bareAt reads a bare placeholder ("NOM_1") starting at i.
func bareAt(s string, i int) (phMatch, bool) {
	typ, j, ok := matchType(s, i, false)
	if !ok || j >= len(s) || s[j] != '_' {
		return phMatch{}, false
	}
	n, j, ok := readNumber(s, j+1)
	if !ok || (j < len(s) && !bareBoundaryAfter(s[j])) {
		return phMatch{}, false
	}
	return phMatch{start: i, end: j, typ: typ, n: n}, true
}

// Placeholders returns the placeholders present in text, in canonical form
// ("[NOM_1]") and in order of first appearance, each once. Mangled forms
// ("[ nom 1 ]", "NOM_1") count as the placeholder they stand for.
func Placeholders(text string) []string {
	var out []string
	seen := map[string]bool{}
	for i := 0; ; {
		m, ok := nextPlaceholder(text, i)
		if !ok {
			return out
		}
		if p := m.canonical(); !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
		i = m.end
	}
}

// MissingPlaceholders returns, sorted, the placeholders of m that text does
// not contain in any tolerated form: values the model dropped.
func MissingPlaceholders(text string, m Mapping) []string {
	present := map[string]bool{}
	for _, p := range Placeholders(text) {
		present[p] = true
	}
	var out []string
	for _, p := range m.Placeholders() {
		if !present[p] {
			out = append(out, p)
		}
	}
	return out
}

// UnknownPlaceholders returns the placeholders present in text that m does
// not define, in order of appearance: placeholders the model invented.
func UnknownPlaceholders(text string, m Mapping) []string {
	var out []string
	for _, p := range Placeholders(text) {
		if _, ok := m.entries[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}
