package api

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
)

// checkKeyNames refuses, 400 naming it, a key of body that is not spelt
// exactly as the JSON name of the field of t it fills: encoding/json
// matches names case-insensitively, so « RATING » would fill rating, and
// {"rating": 4, "RATING": 1} would keep 1 unseen by the duplicate check.
// body has been decoded into a value of type t without error.
func checkKeyNames(body []byte, t reflect.Type) error {
	return checkKeysAt(json.RawMessage(body), t, "the body")
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// checkKeysAt checks raw, the JSON value at path, against t.
func checkKeysAt(raw json.RawMessage, t reflect.Type, path string) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || reflect.PointerTo(t).Implements(unmarshalerType) {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) != nil {
			return nil // null, or an error the decoder reported
		}
		return checkStructKeys(obj, jsonFields(t), path)
	case reflect.Map:
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) != nil {
			return nil
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			if err := checkKeysAt(obj[k], t.Elem(), childPath(path, k)); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		var arr []json.RawMessage
		if json.Unmarshal(raw, &arr) != nil {
			return nil
		}
		for i, v := range arr {
			if err := checkKeysAt(v, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkStructKeys checks the keys of obj, sorted, against fields.
func checkStructKeys(obj map[string]json.RawMessage, fields map[string]reflect.Type, path string) error {
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		ft, ok := fields[k]
		if ok {
			if err := checkKeysAt(obj[k], ft, childPath(path, k)); err != nil {
				return err
			}
			continue
		}
		for name := range fields {
			if strings.EqualFold(name, k) {
				return errorf(http.StatusBadRequest, "malformed_json",
					"%s holds the key %q: field names are case-sensitive, write %q", path, k, name)
			}
		}
		return errorf(http.StatusBadRequest, "malformed_json", "%s holds the unknown key %q", path, k)
	}
	return nil
}

// jsonFields returns the JSON names of struct type t's fields, those of
// embedded structs without a name included, with their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		switch {
		case name == "-" && tag == "-":
			continue
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			for n, ft := range jsonFields(f.Type) {
				if _, ok := out[n]; !ok {
					out[n] = ft
				}
			}
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

// childPath names key of the object at path (checkStrictJSON's and
// checkKeyNames' paths).
func childPath(path, key string) string {
	if path == "the body" {
		return key
	}
	return path + "." + key
}
