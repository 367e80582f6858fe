package api

import (
	"reflect"
	"strings"
)

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

// childPath names key of the object at path (checkJSON's paths).
func childPath(path, key string) string {
	if path == "the body" {
		return key
	}
	return path + "." + key
}
