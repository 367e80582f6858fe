package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
)

// check is one request and the status and error code it must get; want,
// when set, is a text the body must hold.
type check struct {
	name   string
	req    request
	status int
	code   string
	want   string
}

func (e *env) run(t *testing.T, tests []check) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.req.key == "" {
				tc.req.key = "admin"
			}
			r := e.do(tc.req)
			if r.status != tc.status || r.errorCode() != tc.code || !strings.Contains(string(r.body), tc.want) {
				t.Errorf("%d %s, want %d %q holding %q", r.status, r.body, tc.status, tc.code, tc.want)
			}
		})
	}
}

// doc is the JSON of a document to post, changed by edit.
func doc(id string, edit func(map[string]any)) map[string]any {
	d := map[string]any{"id": id, "title": "Fiche de test", "text": "Un texte de fiche.", "url": "https://exemple.gouv.fr/f"}
	if edit != nil {
		edit(d)
	}
	return d
}

// TestDocumentFields: POST and PUT /v1/documents refuse, with 400 naming
// the field, what the knowledge base's rules refuse (ingest.CheckDocument),
// and an upload fails the record or file that breaks them only.
func TestDocumentFields(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	post := func(d map[string]any) request { return request{method: "POST", path: "/v1/documents", body: d} }
	put := request{method: "PUT", path: fmt.Sprint("/v1/documents/", e.docs["shared"])}
	putWith := func(edit func(map[string]any)) request {
		r := put
		r.body = e.asRead(e.docs["shared"], doc("", edit))
		return r
	}
	upload := func(files map[string]string) request {
		body, ct := multipartBody(t, files, nil)
		return request{method: "POST", path: "/v1/documents", body: body, contentType: ct}
	}
	bad := `{"id": "js", "text": "Deux.", "url": "javascript:alert(document.cookie)"}` + "\n"
	e.run(t, []check{
		{"id of 5,000 characters", post(doc(strings.Repeat("i", 5000), nil)), 400, "invalid_request", "id is 5000 characters long, over 300"},
		{"title of 50,000 characters", post(doc("t", func(d map[string]any) { d["title"] = strings.Repeat("t", 50000) })), 400, "invalid_request", "over 300"},
		{"javascript URL", post(doc("u", func(d map[string]any) { d["url"] = "javascript:alert(document.cookie)" })), 400, "invalid_request", "absolute http(s) URL"},
		{"URL with a line break", post(doc("u", func(d map[string]any) { d["url"] = "not a url \n x" })), 400, "invalid_request", "absolute http(s) URL"},
		{"ANSI escape in the title", post(doc("a", func(d map[string]any) { d["title"] = "\x1b[31mRouge" })), 400, "invalid_request", "U+001B"},
		{"empty tag", post(doc("g", func(d map[string]any) { d["tags"] = []string{"auto", ""} })), 400, "invalid_request", "tag 2 is empty"},
		{"bidi override in a tag", post(doc("g", func(d map[string]any) { d["tags"] = []string{"\u202eotua"} })), 400, "invalid_request", "U+202E"},
		{"source with a space", post(doc("s", func(d map[string]any) { d["source"] = "a b" })), 400, "invalid_request", "source"},
		{"café in NFC", post(doc("caf\u00e9", nil)), 201, "", `"external_id":"café"`},
		{"café in NFD is the same id", post(doc("cafe\u0301", nil)), 409, "conflict", "api/café is taken"},
		{"PUT javascript URL", putWith(func(d map[string]any) { d["url"] = "javascript:alert(1)" }), 400, "invalid_request", "absolute http(s) URL"},
		{"PUT title with a control character", putWith(func(d map[string]any) { d["title"] = "a\u0007b" }), 400, "invalid_request", "U+0007"},
		{"upload: a bad member fails alone", upload(map[string]string{"z.zip": string(zipOf(t, [2]string{"bon.md", "# Bon\n\nTexte."},
			[2]string{"fiche\u202etxt.md", "# Inversé\n\nTexte."}))}), 201, "", `U+202E (control or bidirectional formatting)`},
		{"upload: a bad record fails alone", upload(map[string]string{"f.jsonl": `{"id": "ok1", "text": "Un."}` + "\n" + bad}), 201, "", `"js\": url`},
		{"upload: no valid line", upload(map[string]string{"f.jsonl": bad}), 422, "unreadable_file", "absolute http(s) URL"},
		{"upload: nothing valid", upload(map[string]string{"a.md": "# \x1b[2J Titre\n\nTexte."}), 422, "invalid_document", "U+001B"},
		{"upload: a file name with a bidi override", upload(map[string]string{"a\u202egpj.md": "# T\n\nTexte."}), 422, "invalid_document", `\u202e`},
	})
}
