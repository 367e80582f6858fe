package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// queryParams maps each route of the OpenAPI document ("GET
// /v1/answers") to the query parameters it declares: the one list of what
// a route takes, so that the contract and the refusals cannot differ.
type queryParams map[string][]string

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
				Parameters []struct{ Name, In string } `json:"parameters"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				continue // not an operation ("summary", "parameters")
			}
			names := []string{}
			for _, p := range op.Parameters {
				if p.In == "query" {
					names = append(names, p.Name)
				}
			}
			out[strings.ToUpper(method)+" "+path] = names
		}
	}
	return out, nil
}

// check refuses, with 400 unknown_parameter, a query parameter that the
// route of c does not declare: /v1/answers?q=RSA would otherwise list every
// answer as if it had been searched. Routes outside /v1 (the provider's
// callback adds what it wants) are not checked.
func (q queryParams) check(c echo.Context) error {
	if !strings.HasPrefix(c.Path(), "/v1/") {
		return nil
	}
	route := c.Request().Method + " " + openapiPath(c.Path())
	known, ok := q[route]
	if !ok {
		return nil
	}
	for name := range c.QueryParams() {
		if slices.Contains(known, name) {
			continue
		}
		takes := "no query parameter"
		if len(known) > 0 {
			takes = "only " + strings.Join(known, ", ")
		}
		return errorf(http.StatusBadRequest, "unknown_parameter", "unknown query parameter %q: %s takes %s",
			strings.ToValidUTF8(name, "\uFFFD"), route, takes)
	}
	return nil
}
