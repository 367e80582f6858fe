package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// collapseSpace replaces every run of white space (including no-break and
// narrow no-break spaces, tabs and line breaks) by one ASCII space and trims
// both ends. It returns s itself when nothing needs to change.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isCollapsed reports whether s has no leading, trailing, doubled or
// non-ASCII-space white space.
func isCollapsed(s string) bool {
	prevSpace := true // a leading space is not collapsed
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || isSpace(r) {
				return false
			}
			i += size - 1
			prevSpace = false
			continue
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// splitLines splits s on "\n", "\r\n" and "\r".
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// decodeText returns b as a string. Valid UTF-8 is kept. A file in which
// some byte sequences are UTF-8 and some bytes are not is UTF-8 damaged here
// and there (a cut character, a stray byte): it is decoded as UTF-8, each
// bad byte becoming U+FFFD, and warning says how many and where, so an
// admin can fix the file. A file in which no sequence is UTF-8 is in a
// legacy encoding and is decoded as Windows-1252 (a superset of the
// printable ISO-8859-1 range). A UTF-8 byte order mark is dropped, NUL
// bytes are removed.
func decodeText(b []byte) (s, warning string) {
	b = trimBOM(b)
	switch multi, bad, first := utf8Stats(b); {
	case bad == 0:
		s = string(b)
	case multi > 0:
		s = replacePerByte(b)
		plural := ""
		if bad > 1 {
			plural = "s"
		}
		warning = fmt.Sprintf("%d invalid UTF-8 byte%s (first at byte %d) replaced by U+FFFD: the file is UTF-8 with errors", bad, plural, first)
	default:
		dec, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			s = strings.ToValidUTF8(string(b), "\uFFFD")
		} else {
			s = string(dec)
		}
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return s, warning
}

// utf8Stats counts the valid multi-byte UTF-8 sequences of b and its bytes
// that are not UTF-8, and gives the offset of the first of those.
func utf8Stats(b []byte) (multi, bad, first int) {
	first = -1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if first < 0 {
				first = i
			}
			bad++
			size = 1
		case size > 1:
			multi++
		}
		i += size
	}
	return multi, bad, first
}

// replacePerByte returns b as UTF-8 with each invalid byte replaced by
// U+FFFD.
func replacePerByte(b []byte) string {
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			out.WriteRune(utf8.RuneError)
			i++
			continue
		}
		out.Write(b[i : i+size])
		i += size
	}
	return out.String()
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// appendUnique appends the values of add that are non-empty and not yet in
// list, keeping order. It runs in time linear in len(list)+len(add).
func appendUnique(list []string, add ...string) []string {
	if len(list)+len(add) <= 16 {
		for _, a := range add {
			if a != "" && !containsString(list, a) {
				list = append(list, a)
			}
		}
		return list
	}
	seen := make(map[string]bool, len(list)+len(add))
	for _, l := range list {
		seen[l] = true
	}
	for _, a := range add {
		if a != "" && !seen[a] {
			seen[a] = true
			list = append(list, a)
		}
	}
	return list
}

func containsString(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// dedupe returns the non-empty values of list without repeats, in order.
func dedupe(list []string) []string {
	return appendUnique(nil, list...)
}

// splitList splits a comma-separated value, trimming and collapsing each
// item and dropping empty ones. Surrounding brackets ("[a, b]") and quotes
// around items are removed.
func splitList(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "[")
	s = strings.TrimSuffix(s, "]")
	parts := strings.Split(s, ",")
	for i, part := range parts {
		parts[i] = unquote(collapseSpace(part))
	}
	return dedupe(parts)
}

// unquote removes one pair of matching surrounding single or double quotes.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// lowerAll lower-cases each value and removes duplicates.
func lowerAll(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strings.ToLower(collapseSpace(v))
	}
	return dedupe(out)
}
