package api

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// queryParams maps each route of the OpenAPI document ("GET
// /v1/answers") to the query parameters it declares: the one list of what
// a route takes, so that the contract and the refusals cannot differ.
type queryParams map[string][]queryParam

// queryParam is a declared query parameter: repeatable when its schema is
// an array (?audience=a&audience=b), else given at most once.
type queryParam struct {
	name       string
	repeatable bool
}

// declaredParams reads the query parameters of every route of the OpenAPI
// document doc.
func declaredParams(doc []byte) (queryParams, error) {
	var d struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("read the OpenAPI document: %w", err)
	}
	out := queryParams{}
	for path, ops := range d.Paths {
		for method, raw := range ops {
			var op struct {
				Parameters []struct {
					Name, In string
					Schema   struct{ Type string }
				} `json:"parameters"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				continue // not an operation ("summary", "parameters")
			}
			params := []queryParam{}
			for _, p := range op.Parameters {
				if p.In == "query" {
					params = append(params, queryParam{name: p.Name, repeatable: p.Schema.Type == "array"})
				}
			}
			out[strings.ToUpper(method)+" "+path] = params
		}
	}
	return out, nil
}

// check refuses, with 400 unknown_parameter, a query parameter that the
// route of c does not declare: /v1/answers?q=RSA would otherwise list every
// answer as if it had been searched; and, 400 invalid_request, one given
// twice that is not repeatable (?q=carte&q=velo would search the first
// only). Routes outside /v1 (the provider's callback adds what it wants)
// are not checked.
func (q queryParams) check(c echo.Context) error {
	if !strings.HasPrefix(c.Path(), "/v1/") {
		return nil
	}
	route := c.Request().Method + " " + openapiPath(c.Path())
	known, ok := q[route]
	if !ok {
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(c.QueryParams())) {
		i := slices.IndexFunc(known, func(p queryParam) bool { return p.name == name })
		switch {
		case i < 0:
			return errorf(http.StatusBadRequest, "unknown_parameter", "unknown query parameter %q: %s takes %s",
				strings.ToValidUTF8(name, "\uFFFD"), route, takes(known))
		case !known[i].repeatable && len(c.QueryParams()[name]) > 1:
			return errorf(http.StatusBadRequest, "invalid_request", "the query parameter %q is given %d times: give it once",
				name, len(c.QueryParams()[name]))
		}
	}
	return nil
}

// takes says which query parameters a route takes.
func takes(known []queryParam) string {
	if len(known) == 0 {
		return "no query parameter"
	}
	names := make([]string, len(known))
	for i, p := range known {
		names[i] = p.name
	}
	return "only " + strings.Join(names, ", ")
}
