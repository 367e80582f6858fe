package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
)

// pageDoc is a document as GET /v1/documents/{id} gives it to the page.
type pageDoc struct {
	ID          int64    `json:"id"`
	Title       string   `json:"title"`
	URL         string   `json:"url"`
	Description string   `json:"description"`
	Service     string   `json:"service"`
	Audience    []string `json:"audience"`
	Tags        []string `json:"tags"`
	Breadcrumb  []string `json:"breadcrumb"`
	UpdatedAt   *string  `json:"updated_at"`
	ModifiedAt  string   `json:"modified_at"`
	Chunks      []struct {
		ID            int64
		Heading, Text string
	} `json:"chunks"`
}

// pageEdit is the body the page's documents.js sends to save a document
// whose text is text.
func pageEdit(d pageDoc, text string) map[string]any {
	return map[string]any{"title": d.Title, "text": text, "url": d.URL, "description": d.Description,
		"service": d.Service, "audience": d.Audience, "tags": d.Tags}
}

// TestPageEditKeepsStructure: saving a document from the page as it is
// changes nothing (same passages, headings, breadcrumb and date); an edit
// of its text keeps its headings, breadcrumb and date.
func TestPageEditKeepsStructure(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	get := func(id int64) (d pageDoc) {
		e.must(http.StatusOK, request{method: "GET", path: fmt.Sprint("/v1/documents/", id), key: "admin"}).decode(t, &d)
		return d
	}
	for _, name := range []string{"ants", "shared"} {
		// The demo documents have no breadcrumb; DILA's fiches have one.
		if _, err := e.st.Pool().Exec(t.Context(), "UPDATE documents SET breadcrumb = '{Particuliers,Démarches}' WHERE id = $1",
			e.docs[name]); err != nil {
			t.Fatal(err)
		}
		before := get(e.docs[name])
		texts, headings := make([]string, len(before.Chunks)), map[string]bool{}
		for i, c := range before.Chunks {
			texts[i] = c.Text
			headings[c.Heading] = true
		}
		if len(headings) < 2 || len(before.Breadcrumb) == 0 || before.UpdatedAt == nil {
			t.Fatalf("%s: demo document without headings, breadcrumb or date: %+v", name, before)
		}
		path := fmt.Sprint("/v1/documents/", before.ID)
		e.must(http.StatusOK, request{method: "PUT", path: path, key: "admin", body: e.asRead(before.ID, pageEdit(before, strings.Join(texts, "\n\n")))})
		if diff := cmp.Diff(before, get(before.ID)); diff != "" {
			t.Errorf("%s saved unchanged from the page (-before +after):\n%s", name, diff)
		}
		added := "Nouvelle règle : la démarche se fait désormais sous un mois."
		texts[len(texts)-1] += "\n\n" + added
		e.must(http.StatusOK, request{method: "PUT", path: path, key: "admin", body: e.asRead(before.ID, pageEdit(before, strings.Join(texts, "\n\n")))})
		after := get(before.ID)
		got := map[string]bool{}
		var addedUnder *string
		for _, c := range after.Chunks {
			got[c.Heading] = true
			if strings.Contains(c.Text, added) {
				addedUnder = &c.Heading
			}
		}
		if diff := cmp.Diff(headings, got); diff != "" {
			t.Errorf("%s edited: headings (-before +after):\n%s", name, diff)
		}
		last := before.Chunks[len(before.Chunks)-1].Heading
		if addedUnder == nil || *addedUnder != last {
			t.Errorf("%s edited: the new paragraph is under %v, want the last passage's heading %q", name, addedUnder, last)
		}
		if !cmp.Equal(after.Breadcrumb, before.Breadcrumb) || after.UpdatedAt == nil || *after.UpdatedAt != *before.UpdatedAt {
			t.Errorf("%s edited: breadcrumb %v, date %v; want %v, %v", name, after.Breadcrumb, after.UpdatedAt, before.Breadcrumb, *before.UpdatedAt)
		}
	}
}
