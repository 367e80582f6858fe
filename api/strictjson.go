package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// jsonLevel is an object or an array being read by checkJSON.
type jsonLevel struct {
	object bool
	path   string
	// fields are the JSON fields of the struct the object fills, by name
	// (nil when its keys are free: a map's, an interface's, or a type
	// that decodes itself); elem is the type of a map's value or an
	// array's element (nil when not checked).
	fields map[string]reflect.Type
	elem   reflect.Type
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

// childType is the type of the value that comes next in l.
func (l *jsonLevel) childType() reflect.Type {
	if l.fields != nil {
		return l.fields[l.key]
	}
	return l.elem
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

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// newLevel is the level of an object (or an array) at path filling a
// value of type t (nil: not checked).
func newLevel(object bool, path string, t reflect.Type) *jsonLevel {
	l := &jsonLevel{object: object, path: path, keys: map[string]bool{}, wantKey: true}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || reflect.PointerTo(t).Implements(unmarshalerType) {
		return l
	}
	switch k := t.Kind(); {
	case object && k == reflect.Struct:
		l.fields = jsonFields(t)
	case object && k == reflect.Map, !object && (k == reflect.Slice || k == reflect.Array):
		l.elem = t.Elem()
	}
	return l
}

// checkJSON refuses, with 400 naming the field (and the byte), what
// encoding/json accepts silently in a body it has already decoded without
// error into a value of type t: a key twice in one object (the last would
// win: malformed_json), a \u escape of a lone UTF-16 surrogate, in a key or
// a value (it would become U+FFFD: invalid_text), and a key not spelt
// exactly as the JSON name of the field of t it fills (malformed_json):
// encoding/json matches names case-insensitively, so « RATING » would fill
// rating, and {"rating": 4, "RATING": 1} would keep 1 unseen by the
// duplicate check. A map's own keys are free. It reads the body once, as
// one stream of tokens, and reports the first fault in it.
func checkJSON(body []byte, t reflect.Type) error {
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
		switch v := tok.(type) {
		case json.Delim:
			stack = nextLevels(stack, top, v, t)
			continue
		case string:
			raw := body[start:dec.InputOffset()]
			if top != nil && top.object && top.wantKey {
				if err := top.checkKey(v, raw, start); err != nil {
					return err
				}
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

// nextLevels is stack after the delimiter d: a level more for an opening
// one (of the type t for the body itself), one less for a closing one.
func nextLevels(stack []*jsonLevel, top *jsonLevel, d json.Delim, t reflect.Type) []*jsonLevel {
	if d == '{' || d == '[' {
		if top != nil {
			t = top.childType()
		}
		return append(stack, newLevel(d == '{', top.child(), t))
	}
	stack = stack[:len(stack)-1]
	if len(stack) > 0 {
		stack[len(stack)-1].valueDone()
	}
	return stack
}

// checkKey checks k, a key of the object l read as raw at byte start: no
// lone surrogate, not twice, spelt as a field's name; its value comes
// next.
func (l *jsonLevel) checkKey(k string, raw []byte, start int64) error {
	if at, ok := loneSurrogate(raw); ok {
		return errorf(http.StatusBadRequest, "invalid_text",
			"a key of %s holds a lone UTF-16 surrogate (byte %d): escape a character outside the BMP as a pair", l.path, start+int64(at))
	}
	if l.keys[k] {
		return errorf(http.StatusBadRequest, "malformed_json", "%s holds the key %q twice (byte %d): send each field once",
			l.path, k, start+int64(bytes.IndexByte(raw, '"')))
	}
	if err := checkKeyName(l.fields, k, l.path); err != nil {
		return err
	}
	l.keys[k], l.key, l.wantKey = true, k, false
	return nil
}

// checkKeyName refuses k, a key of the object at path, when it is not
// the JSON name of one of fields (nil: any key).
func checkKeyName(fields map[string]reflect.Type, k, path string) error {
	if _, ok := fields[k]; ok || fields == nil {
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		if strings.EqualFold(name, k) {
			return errorf(http.StatusBadRequest, "malformed_json",
				"%s holds the key %q: field names are case-sensitive, write %q", path, k, name)
		}
	}
	return errorf(http.StatusBadRequest, "malformed_json", "%s holds the unknown key %q", path, k)
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
