package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

// plainBody refuses a body sent compressed (415): the server reads no
// Content-Encoding, and a body it would read as plain text while the
// client said gzip is not what the client meant.
func plainBody(r *http.Request) error {
	if enc := strings.TrimSpace(r.Header.Get("Content-Encoding")); enc != "" && !strings.EqualFold(enc, "identity") {
		return errorf(http.StatusUnsupportedMediaType, "unsupported_media_type", "the body must not be compressed (Content-Encoding %q)", enc)
	}
	return nil
}

// utf8BOM is the byte order mark some tools write before UTF-8 text.
var utf8BOM = []byte("\uFEFF")

// decodeJSON reads the request body into v: the body must be JSON
// (Content-Type application/json, in UTF-8 when a charset is named, not
// compressed, else 415), at most MaxBodyBytes (else
// 413), one object with no unknown field (else 400: a misspelt field is an
// error, not silently ignored), no key twice in an object and no lone
// UTF-16 surrogate escaped in a string, every key spelt exactly as its
// field's name (400: checkJSON). A UTF-8 byte order mark before the JSON
// (as some Windows tools write) is read past, as RFC 8259 allows.
func (s *Server) decodeJSON(c echo.Context, v any) error {
	r := c.Request()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return errorf(http.StatusUnsupportedMediaType, "unsupported_media_type", "the body must be application/json")
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return errorf(http.StatusUnsupportedMediaType, "unsupported_media_type", "the body must be JSON in UTF-8, not charset %q", cs)
	}
	if err := plainBody(r); err != nil {
		return err
	}
	if r.ContentLength > s.cfg.MaxBodyBytes {
		return errorf(http.StatusRequestEntityTooLarge, "too_large", "the body is over %d bytes", s.cfg.MaxBodyBytes)
	}
	body, err := s.readBody(c)
	if err != nil {
		return err
	}
	if !utf8.Valid(body) {
		return errorf(http.StatusBadRequest, "invalid_text", "the body is not valid UTF-8")
	}
	body = bytes.TrimPrefix(body, utf8BOM)
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return errorf(http.StatusBadRequest, "malformed_json", "the body is empty")
		}
		return errorf(http.StatusBadRequest, "malformed_json", "the body is not valid JSON for this route: %s", decodeProblem(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return errorf(http.StatusBadRequest, "malformed_json", "the body holds more than one JSON value")
	}
	if err := checkJSON(body, reflect.TypeOf(v)); err != nil {
		return err
	}
	if err := checkStrings(reflect.ValueOf(v), "body"); err != nil {
		return err
	}
	return normalizeServices(reflect.ValueOf(v))
}

// normalizeServices puts every field named "service" (a string or a
// pointer to one) of the decoded body v in the form services are stored
// and compared in (store.NormalizeService: « CAF » and « caf », « France
// Travail » and « france-travail » are one service, as in an ingested
// file), so that no handler compares a name as sent. On a field tagged
// service:"noblank" (a key's, an agent's, a rule's, a document's: there no
// service widens the scope to every service, or to the shared documents),
// a service sent blank but not empty (« », a no-break space) is refused,
// 400, not taken for none; "" or no field says none.
func normalizeServices(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return normalizeServices(v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if !t.Field(i).IsExported() {
				continue
			}
			noBlank := t.Field(i).Tag.Get("service") == "noblank"
			if err := normalizeField(v.Field(i), name, noBlank); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := normalizeServices(v.Index(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// normalizeField normalises f, the field name of a struct, when it is a
// service (refusing a blank one when noBlank), and what it holds otherwise.
func normalizeField(f reflect.Value, name string, noBlank bool) error {
	if name != "service" {
		return normalizeServices(f)
	}
	if f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.String {
		f = f.Elem()
	}
	if f.Kind() != reflect.String || !f.CanSet() {
		return nil
	}
	sent := f.String()
	f.SetString(store.NormalizeService(sent))
	if noBlank && sent != "" && f.String() == "" {
		return errorf(http.StatusBadRequest, "invalid_request",
			"service is blank: name a service, or leave the field out (or \"\") for none")
	}
	return nil
}

// normalizeServiceParam puts the service query parameter, on every route
// that takes one, in the form services are compared in (normalizeServices).
func normalizeServiceParam(c echo.Context) {
	vs := c.QueryParams()["service"]
	for i, v := range vs {
		vs[i] = store.NormalizeService(v)
	}
}

// checkText refuses text that no database column or model may receive:
// invalid UTF-8 and NUL characters.
func checkText(field, v string) error {
	switch {
	case !utf8.ValidString(v):
		return errorf(http.StatusBadRequest, "invalid_text", "%s is not valid UTF-8", field)
	case strings.ContainsRune(v, 0):
		return errorf(http.StatusBadRequest, "invalid_text", "%s holds a NUL character", field)
	}
	return nil
}

// checkInt refuses an integer that PostgreSQL's integer (int4) cannot
// hold: a body's Go int fields (a version, a rating) are stored in such
// columns, and a value past them would fail in SQL (500) rather than here
// (400 naming the field). Ids are int64 fields, bigint columns.
func checkInt(field string, n int64) error {
	if n < math.MinInt32 || n > math.MaxInt32 {
		return errorf(http.StatusBadRequest, "invalid_request", "%s must be an integer from %d to %d", field, math.MinInt32, math.MaxInt32)
	}
	return nil
}

// checkStrings runs checkText on every string reachable from v (struct
// fields, slices, maps, pointers), as decoded from a JSON body, and
// checkInt on every integer.
func checkStrings(v reflect.Value, field string) error {
	switch v.Kind() {
	case reflect.String:
		return checkText(field, v.String())
	case reflect.Int, reflect.Int32:
		return checkInt(field, v.Int())
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkStrings(v.Elem(), field)
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			if !t.Field(i).IsExported() {
				continue
			}
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name == "" {
				name = t.Field(i).Name
			}
			if err := checkStrings(v.Field(i), name); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := checkStrings(v.Index(i), field); err != nil {
				return err
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if err := checkStrings(it.Key(), field); err != nil {
				return err
			}
			if err := checkStrings(it.Value(), field); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkParams refuses a query string that is not URL encoding (echo would
// read « ?q=%%%% » as no q at all: every document listed), invalid UTF-8
// and NUL characters in the path and query parameters of every route, and
// query parameters a route does not declare (queryParams.check), before any
// handler runs.
func (s *Server) checkParams(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		for _, v := range c.ParamValues() {
			if err := checkText("the path", v); err != nil {
				return err
			}
			if u, err := url.PathUnescape(v); err == nil {
				if err := checkText("the path", u); err != nil {
					return err
				}
			}
		}
		if _, err := url.ParseQuery(c.Request().URL.RawQuery); err != nil {
			return errorf(http.StatusBadRequest, "invalid_request",
				"the query string is not valid URL encoding (a « %% » must start an escape such as %%25)")
		}
		for name, vs := range c.QueryParams() {
			for _, v := range append(vs, name) {
				if checkText(name, v) != nil {
					return errorf(http.StatusBadRequest, "invalid_text",
						"the query parameter %q is not valid UTF-8 text without NUL", strings.ToValidUTF8(name, "\uFFFD"))
				}
			}
		}
		if err := s.params.check(c); err != nil {
			return err
		}
		normalizeServiceParam(c)
		return next(c)
	}
}

// pathID parses a numeric path parameter: the decimal form of a positive
// integer, digits only without a leading zero. Anything else (abc, 0, -1,
// but also +1 or 01, which strconv reads as 1: an id must not have aliases)
// names no row: 404 with the body of a missing id, on every route.
func pathID(c echo.Context) (int64, error) {
	raw := c.Param("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 || raw != strconv.FormatInt(id, 10) {
		return 0, fmt.Errorf("id %q: %w", raw, store.ErrNotFound)
	}
	return id, nil
}

// queryInt parses an optional integer query parameter within [lo, hi].
func queryInt(c echo.Context, name string, def, lo, hi int) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, errorf(http.StatusBadRequest, "invalid_request", "%s must be an integer from %d to %d", name, lo, hi)
	}
	return n, nil
}

// queryBool parses an optional boolean query parameter (false when absent).
func queryBool(c echo.Context, name string) (bool, error) {
	v := c.QueryParam(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errorf(http.StatusBadRequest, "invalid_request", "%s must be true or false", name)
	}
	return b, nil
}

// queryDay parses an optional query parameter holding a UTC day,
// YYYY-MM-DD (zero when absent).
func queryDay(c echo.Context, name string) (time.Time, error) {
	v := c.QueryParam(name)
	if v == "" {
		return time.Time{}, nil
	}
	day, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, errorf(http.StatusBadRequest, "invalid_request", "%s must be a date, YYYY-MM-DD", name)
	}
	return day, nil
}

// queryList reads a repeatable, comma-separated query parameter.
func queryList(c echo.Context, name string) []string {
	var out []string
	for _, v := range c.QueryParams()[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// openapiPath turns echo's ":id" parameters into OpenAPI's "{id}".
func openapiPath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if strings.HasPrefix(s, ":") {
			parts[i] = "{" + s[1:] + "}"
		}
	}
	return strings.Join(parts, "/")
}

// hasWord reports whether text holds a letter or a digit: a question or a
// query without any has nothing to search for.
func hasWord(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func errNoWords(field string) *Error {
	return errorf(http.StatusBadRequest, "no_words", "%s holds no word to search for (only punctuation or symbols)", field)
}

// pageParams reads the limit (default def, at most max) and offset of a
// listing.
func pageParams(c echo.Context, def, max int) (limit, offset int, err error) {
	if limit, err = queryInt(c, "limit", def, 1, max); err != nil {
		return 0, 0, err
	}
	if offset, err = queryInt(c, "offset", 0, 0, 1<<30); err != nil {
		return 0, 0, err
	}
	return limit, offset, nil
}

// readBody reads a JSON body of at most MaxBodyBytes within BodyTimeout.
func (s *Server) readBody(c echo.Context) ([]byte, error) {
	// A recorder in tests cannot set deadlines: the server's read timeout
	// then bounds the body alone.
	// net/http lifts the deadline once the body is read (its watch for a
	// client that leaves has none): a draft may last longer.
	_ = http.NewResponseController(c.Response()).SetReadDeadline(time.Now().Add(s.cfg.BodyTimeout))
	body, err := io.ReadAll(http.MaxBytesReader(c.Response(), c.Request().Body, s.cfg.MaxBodyBytes))
	if err != nil {
		return nil, bodyReadError(err, s.cfg.BodyTimeout)
	}
	return body, nil
}

// bodyReadError says why a request body could not be read: over its
// limit (413), not arrived in time (408: the client stalled), or cut
// before its announced length (400).
func bodyReadError(err error, timeout time.Duration) error {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return err
	case errors.Is(err, os.ErrDeadlineExceeded):
		return errorf(http.StatusRequestTimeout, codeBodyTimeout, "the request body did not arrive within %s", timeout)
	default:
		return errorf(http.StatusBadRequest, "incomplete_body", "the request body ended before its announced length")
	}
}

// codeBodyTimeout is the error code of a body that did not arrive in time:
// the client is still there, and gets it.
const codeBodyTimeout = "body_timeout"

// decodeProblem says what a JSON decoding error found, in the body's terms:
// a value of the wrong type by its field's JSON name and the kind of
// value the field takes, never the Go type it is read into
// (« FeedbackRequest.rating »).
func decodeProblem(err error) string {
	var wrongType *json.UnmarshalTypeError
	if !errors.As(err, &wrongType) {
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	field := jsonPath(wrongType.Field)
	switch n, isNumber := strings.CutPrefix(wrongType.Value, "number "); {
	case field == "":
		return fmt.Sprintf("the body must be %s, not %s", jsonKind(wrongType.Type), article(wrongType.Value))
	case isNumber:
		return fmt.Sprintf("the field %q takes %s, and %s is not one or is out of its range", field, jsonKind(wrongType.Type), n)
	default:
		return fmt.Sprintf("the field %q takes %s, not %s%s", field, jsonKind(wrongType.Type), article(wrongType.Value), fieldHints[field])
	}
}

// fieldHints say what a field takes when its name alone may mislead: a
// document's public id (« F18142 ») is no id of the API's.
var fieldHints = map[string]string{
	"document_ids": ": the documents' numeric ids (document_id in search results and citations, id in GET /v1/documents), " +
		"not their public doc_id such as \"F18142\" (external_id in GET /v1/documents), which each service and source may hold a copy of",
}

// jsonPath is the path of a field as the client wrote it: encoding/json
// names it through the Go structs that embed others ("AnswerInput.text"),
// whose names the client never sent; the API's JSON keys are lower case.
func jsonPath(field string) string {
	parts := strings.Split(field, ".")
	parts = slices.DeleteFunc(parts, func(p string) bool { return p == "" || unicode.IsUpper([]rune(p)[0]) })
	return strings.Join(parts, ".")
}

// article puts "a" or "an" before the kind of JSON value encoding/json
// names ("array", "object", "string", "bool", "number …").
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// jsonKind names the kind of JSON value a Go type is read from.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}
