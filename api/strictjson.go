package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"unicode/utf16"
)

// jsonLevel is an object or an array being read by checkStrictJSON.
type jsonLevel struct {
	object bool
	path   string
	// keys are the object's keys so far; key is the one whose value comes
	// next, wantKey true while a key (or the end) comes next.
	keys    map[string]bool
	key     string
	wantKey bool
	// index is the array's next element.
	index int
}

// child is the path of the value that comes next in l.
func (l *jsonLevel) child() string {
	if l == nil {
		return "the body"
	}
	if l.object {
		return childPath(l.path, l.key)
	}
	return fmt.Sprintf("%s[%d]", l.path, l.index)
}

// valueDone moves l past the value just read.
func (l *jsonLevel) valueDone() {
	if l == nil {
		return
	}
	if l.object {
		l.wantKey = true
	} else {
		l.index++
	}
}

// checkStrictJSON refuses, with 400 naming the field and the byte, what
// encoding/json accepts silently in a body it has already read as valid
// JSON: a key twice in one object (the last would win: malformed_json), and
// a \u escape of a lone UTF-16 surrogate, in a key or a value (it would
// become U+FFFD: invalid_text).
func checkStrictJSON(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	var stack []*jsonLevel
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or an error decodeJSON has reported
		}
		var top *jsonLevel
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		raw := body[start:dec.InputOffset()]
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				stack = append(stack, &jsonLevel{object: t == '{', path: top.child(), keys: map[string]bool{}, wantKey: true})
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				stack[len(stack)-1].valueDone()
			}
			continue
		case string:
			if top != nil && top.object && top.wantKey {
				if at, ok := loneSurrogate(raw); ok {
					return errorf(http.StatusBadRequest, "invalid_text",
						"a key of %s holds a lone UTF-16 surrogate (byte %d): escape a character outside the BMP as a pair", top.path, start+int64(at))
				}
				if top.keys[t] {
					return errorf(http.StatusBadRequest, "malformed_json", "%s holds the key %q twice (byte %d): send each field once",
						top.path, t, start+int64(bytes.IndexByte(raw, '"')))
				}
				top.keys[t], top.key, top.wantKey = true, t, false
				continue
			}
			if at, ok := loneSurrogate(raw); ok {
				return errorf(http.StatusBadRequest, "invalid_text",
					"%s holds a lone UTF-16 surrogate (byte %d): escape a character outside the BMP as a pair", top.child(), start+int64(at))
			}
		}
		top.valueDone()
	}
}

// loneSurrogate returns the offset in raw (one JSON string, with what
// precedes it) of the first \u escape of a UTF-16 surrogate that is not
// half of a pair (a high surrogate followed by a low one).
func loneSurrogate(raw []byte) (int, bool) {
	for i := bytes.IndexByte(raw, '"') + 1; i < len(raw)-1; i++ {
		if raw[i] != '\\' {
			continue
		}
		if raw[i+1] != 'u' {
			i++ // \" \\ \n …
			continue
		}
		r := hexRune(raw[i+2 : i+6])
		if !utf16.IsSurrogate(r) {
			i += 5
			continue
		}
		if r < 0xdc00 && i+12 <= len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' {
			if low := hexRune(raw[i+8 : i+12]); low >= 0xdc00 && low <= 0xdfff {
				i += 11
				continue
			}
		}
		return i, true
	}
	return 0, false
}

// hexRune reads the four hexadecimal digits of a \u escape.
func hexRune(h []byte) rune {
	n, _ := strconv.ParseUint(string(h), 16, 32)
	return rune(n)
}
