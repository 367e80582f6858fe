package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/rag"
)

type answerBody struct {
	ID           int64           `json:"id"`
	Service      string          `json:"service"`
	Question     string          `json:"question"`
	Text         string          `json:"text"`
	Status       string          `json:"status"`
	StatusReason string          `json:"status_reason"`
	Version      int             `json:"version"`
	Sources      json.RawMessage `json:"sources"`
	DraftID      *string         `json:"draft_id"`
	// OutOfScopeSources are the sources its service no longer sees.
	OutOfScopeSources []int64 `json:"out_of_scope_sources"`
}

const (
	cafQuestion   = "Bonjour, je suis Mme Claire Martin, tél. 06 12 34 56 78. Je dois déclarer un changement de situation à la CAF, comment faire ?"
	cafParaphrase = "Comment signaler à la CAF que ma situation a changé ?"
)

// TestAnswersFlow promotes a draft over the API, gets it back for a
// paraphrase, and sees it flagged when its source changes.
func TestAnswersFlow(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("reviewer-caf", cafQuestion)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "reviewer-caf",
		body: map[string]any{"outcome": "edited", "final_text": "Madame Claire Martin, déclarez votre changement de situation en ligne sur caf.fr, rubrique Mon Compte."}})

	// A reviewer of the CAF promotes its draft: the final text, masked.
	var a answerBody
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "reviewer-caf",
		body: map[string]any{"draft_id": d.ID}}).decode(t, &a)
	for _, v := range []string{"Claire", "Martin", "06 12 34 56 78"} {
		if strings.Contains(a.Question+a.Text, v) {
			t.Errorf("stored answer holds %q: %q / %q", v, a.Question, a.Text)
		}
	}
	if a.Service != "caf" || !strings.Contains(a.Text, "Mon Compte") || a.Status != "active" || a.Version != 1 ||
		a.DraftID == nil || *a.DraftID != d.ID {
		t.Errorf("promoted answer %+v: want the CAF's (a service key writes for its own; naming another is 403, TestAnswerInput), active, with the final text and draft %s", a, d.ID)
	}
	var sources []rag.Citation
	if err := json.Unmarshal(a.Sources, &sources); err != nil || len(sources) == 0 {
		t.Fatalf("answer sources %s: %v", a.Sources, err)
	}

	// An agent of the CAF gets it for a paraphrase; the ANTS does not.
	var got rag.Draft
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
		body: map[string]any{"question": cafParaphrase}}).decode(t, &got)
	if len(got.ValidatedAnswers) == 0 || got.ValidatedAnswers[0].ID != a.ID {
		t.Fatalf("validated answers %+v, want %d", got.ValidatedAnswers, a.ID)
	}
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-ants",
		body: map[string]any{"question": cafParaphrase}}).decode(t, &got)
	if len(got.ValidatedAnswers) != 0 {
		t.Errorf("an ANTS agent got the CAF's answers: %+v", got.ValidatedAnswers)
	}

	// Editing the source flags it; a stale version is refused; an update
	// reviews it, active again (an archived answer would stay archived).
	doc := fmt.Sprint("/v1/documents/", sources[0].DocumentID)
	var docBody map[string]any
	e.must(http.StatusOK, request{method: "GET", path: doc, key: "admin"}).decode(t, &docBody)
	e.must(http.StatusOK, request{method: "PUT", path: doc, key: "admin", body: map[string]any{"title": docBody["title"],
		"service": docBody["service"], "url": docBody["url"], "text": "Nouvelle règle : la déclaration se fait sous huit jours.",
		"modified_at": docBody["modified_at"]}})
	path := fmt.Sprint("/v1/answers/", a.ID)
	e.must(http.StatusOK, request{method: "GET", path: path, key: "admin-caf"}).decode(t, &a)
	if a.Status != "to_review" || a.StatusReason != "source_changed" {
		t.Errorf("after its source changed: %s %q", a.Status, a.StatusReason)
	}
	e.must(http.StatusOK, request{method: "PUT", path: path, key: "admin-caf",
		body: map[string]any{"question": a.Question, "text": a.Text + " Sous huit jours.", "version": 1}}).decode(t, &a)
	if a.Status != "active" || a.Version != 2 || !strings.Contains(string(a.Sources), fmt.Sprint(sources[0].DocumentID)) {
		t.Errorf("after an update without document_ids: %s v%d, sources %s (want kept)", a.Status, a.Version, a.Sources)
	}
	if r := e.do(request{method: "PUT", path: path, key: "admin-caf",
		body: map[string]any{"question": a.Question, "text": a.Text, "version": 1}}); r.status != http.StatusConflict {
		t.Errorf("update at an old version: %d %s", r.status, r.body)
	}
	for _, bad := range []map[string]any{{"status": "gone"}, {"status": "archived", "reason": strings.Repeat("x", 600)}} {
		if r := e.do(request{method: "PUT", path: path + "/status", key: "admin-caf", body: bad}); r.status != http.StatusBadRequest {
			t.Errorf("status %v: %d", bad, r.status)
		}
	}
	if r := e.do(request{method: "POST", path: "/v1/answers", key: "admin", body: map[string]any{"question": "q"}}); r.status != http.StatusBadRequest {
		t.Errorf("answer without text: %d", r.status)
	}
}

// TestCurationFlow lists unanswered questions, closes a group with a
// reason (masked), sees it reopen when the question recurs, and exports.
func TestCurationFlow(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	for range 2 {
		d := e.draft("agent-caf", "Bonjour, je suis Claire Martin : quelle est la meilleure recette de gâteau au chocolat ?")
		if _, err := e.st.Pool().Exec(t.Context(), "UPDATE drafts SET reliable = false WHERE id = $1", d.ID); err != nil {
			t.Fatal(err)
		}
	}
	var rep rag.CurationReport
	e.must(http.StatusOK, request{method: "GET", path: "/v1/curation", key: "admin-caf"}).decode(t, &rep)
	if len(rep.Unanswered) != 1 || rep.Unanswered[0].Count != 2 || rep.Unanswered[0].Closed != nil {
		t.Fatalf("unanswered %+v", rep.Unanswered)
	}
	g := rep.Unanswered[0]
	if strings.Contains(g.Label, "Claire") || !strings.Contains(g.Label, "[NOM_1]") {
		t.Errorf("group label %q", g.Label)
	}
	e.must(http.StatusOK, request{method: "POST", path: "/v1/curation/close", key: "admin-caf", body: map[string]any{
		"kind": "unanswered", "key": g.Key, "service": "caf", "action": "out_of_scope", "reason": "Demande de Claire Martin, hors champ"}})
	e.must(http.StatusOK, request{method: "GET", path: "/v1/curation", key: "admin-caf"}).decode(t, &rep)
	if c := rep.Unanswered[0].Closed; c == nil || c.Action != "out_of_scope" || strings.Contains(c.Reason, "Claire") {
		t.Errorf("closed group %+v", c)
	}
	for _, bad := range []map[string]any{{"kind": "x", "key": "k"}, {"kind": "unanswered", "key": "k", "action": "maybe"}} {
		if r := e.do(request{method: "POST", path: "/v1/curation/close", key: "admin-caf", body: bad}); r.status != http.StatusBadRequest {
			t.Errorf("close %v: %d", bad, r.status)
		}
	}

	// Export: one JSON line an item.
	r := e.must(http.StatusOK, request{method: "GET", path: "/v1/curation/export", key: "admin-caf"})
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-ndjson") {
		t.Errorf("export type %q", ct)
	}
	sc := bufio.NewScanner(bytes.NewReader(r.body))
	lines := 0
	for sc.Scan() {
		var item struct {
			Kind string          `json:"kind"`
			Item json.RawMessage `json:"item"`
		}
		if err := json.Unmarshal(sc.Bytes(), &item); err != nil || item.Kind == "" {
			t.Errorf("export line %q: %v", sc.Text(), err)
		}
		lines++
	}
	if lines == 0 {
		t.Error("empty export")
	}

	// The question recurs: the group is open again.
	d := e.draft("agent-caf", "quelle est la meilleure recette de gâteau au chocolat svp")
	if _, err := e.st.Pool().Exec(t.Context(), "UPDATE drafts SET reliable = false WHERE id = $1", d.ID); err != nil {
		t.Fatal(err)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/curation", key: "admin-caf"}).decode(t, &rep)
	if len(rep.Unanswered) != 1 || rep.Unanswered[0].Count != 3 || rep.Unanswered[0].Closed != nil {
		t.Errorf("after the question recurred: %+v", rep.Unanswered)
	}
}

// TestCurationKeysChecked: a closed item's key has the form the work list
// gives items of its kind; anything else (free text, personal data, another
// kind's key) is refused before it is stored (400), and a key of the right
// form is no item of the work list here (404).
func TestCurationKeysChecked(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	draftID := e.draft("agent-caf", cafParaphrase).ID
	for _, tc := range []struct {
		kind, key string
		status    int
	}{
		{"unanswered", "0123456789abcdef", 404},
		{"low_rated", draftID, 404},
		{"low_rated", "d_" + strings.Repeat("a", 24), 404},
		{"stale", fmt.Sprint(e.docs["caf"]), 404},
		{"stale", "Claire Martin 06 12 34 56 78", 400},
		{"unanswered", "carte grise", 400},
		{"unanswered", "0123456789ABCDEF", 400},
		{"low_rated", "0123456789abcdef", 400},
		{"low_rated", draftID + " rappeler", 400},
		{"stale", draftID, 400},
		{"stale", "-5", 400},
		{"stale", "", 400},
	} {
		r := e.do(request{method: "POST", path: "/v1/curation/close", key: "admin-caf",
			body: map[string]any{"kind": tc.kind, "key": tc.key, "action": "other"}})
		if r.status != tc.status {
			t.Errorf("close %s %q: %d %s, want %d", tc.kind, tc.key, r.status, r.body, tc.status)
		}
	}
	var n int
	if err := e.st.Pool().QueryRow(t.Context(), "SELECT count(*) FROM curation_closures WHERE item_key !~ '^(d_[a-z0-9_]+|[0-9a-f]+)$'").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d closures stored with free text as key (%v)", n, err)
	}
}

// TestAnswerSourcesInScope: an answer cites only documents its service
// sees (its own and the shared ones), whoever writes it, and a service's
// reviewer only documents of its service or shared; ids of no document
// are invalid.
func TestAnswerSourcesInScope(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	post := func(key, service string, ids ...int64) response {
		// Each text its own: an answer identical to an active one is 409.
		text := fmt.Sprint("Déclarez-le sur caf.fr (", key, service, ids, ").")
		return e.do(request{method: "POST", path: "/v1/answers", key: key,
			body: map[string]any{"question": cafParaphrase, "text": text, "document_ids": ids, "service": service}})
	}
	for _, tc := range []struct {
		key, service string
		ids          []int64
		status       int
	}{
		{"reviewer-caf", "", []int64{e.docs["caf"], e.docs["shared"]}, 201},
		{"reviewer-caf", "", []int64{e.docs["caf"], e.docs["ants"]}, 400},
		{"admin-ants", "", []int64{e.docs["caf"]}, 400},
		{"reviewer-caf", "", []int64{-5}, 400},
		{"reviewer-caf", "", []int64{9223372036854775807}, 400},
		{"admin", "caf", []int64{e.docs["caf"], e.docs["shared"]}, 201},
		{"admin", "", []int64{e.docs["shared"]}, 201},
		{"admin", "ants", []int64{e.docs["caf"]}, 400},
		{"admin", "", []int64{e.docs["caf"]}, 400},
		{"admin", "caf", []int64{e.docs["caf"], e.docs["ants"]}, 400},
	} {
		if r := post(tc.key, tc.service, tc.ids...); r.status != tc.status {
			t.Errorf("%s for %q citing %v: %d %s, want %d", tc.key, tc.service, tc.ids, r.status, r.body, tc.status)
		}
	}
	var a answerBody
	post("reviewer-caf", "", e.docs["caf"]).decode(t, &a)
	path := fmt.Sprint("/v1/answers/", a.ID)
	r := e.do(request{method: "PUT", path: path, key: "reviewer-caf", body: map[string]any{
		"question": cafParaphrase, "text": "Voyez aussi l'ANTS.", "document_ids": []int64{e.docs["ants"]}, "version": a.Version}})
	if r.status != http.StatusBadRequest {
		t.Errorf("update citing another service's document: %d %s, want 400", r.status, r.body)
	}
	// A global administrator promoting a draft of no service: the answer
	// is for the service of the documents it cites.
	d := e.draft("admin", "Bonjour, comment changer l'adresse de ma carte grise après mon déménagement ?")
	var promoted answerBody
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "admin", body: map[string]any{"draft_id": d.ID}}).decode(t, &promoted)
	if promoted.Service != "ants" || promoted.DraftID == nil || *promoted.DraftID != d.ID {
		t.Errorf("answer promoted from a draft citing the ANTS's page: service %q, draft %v", promoted.Service, promoted.DraftID)
	}
	// A global administrator moving it to the ANTS, its sources kept.
	r = e.do(request{method: "PUT", path: path, key: "admin", body: map[string]any{
		"question": cafParaphrase, "text": "Déclarez-le sur caf.fr.", "service": "ants", "version": a.Version}})
	if r.status != http.StatusBadRequest {
		t.Errorf("moving an answer to a service that does not see its source: %d %s, want 400", r.status, r.body)
	}
}

// TestAnswerSourcesOutOfScope: an answer citing a document its service no
// longer sees (moved to another service, or deleted) is flagged in the
// list and found by out_of_scope=true; an edit that keeps the source, or
// marks the answer reviewed as it is, gets a clear 400, one that adds
// another service's document too; one that removes or replaces the source
// repairs it.
func TestAnswerSourcesOutOfScope(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	var docs [2]struct{ ID int64 }
	for i, id := range []string{"note-deplacee", "note-supprimee"} {
		e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf",
			body: map[string]any{"id": id, "title": "Note " + id, "text": "Déclarez tout changement de situation à la CAF."}}).decode(t, &docs[i])
	}
	var answers [2]answerBody
	for i, d := range docs {
		e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "admin-caf", body: map[string]any{
			"question": cafParaphrase, "text": fmt.Sprintf("Déclarez-le sur caf.fr (réponse %d).", i+1),
			"document_ids": []int64{e.docs["shared"], d.ID}}}).decode(t, &answers[i])
	}
	moved, deleted := fmt.Sprint("/v1/documents/", docs[0].ID), fmt.Sprint("/v1/documents/", docs[1].ID)
	e.must(http.StatusOK, request{method: "PUT", path: moved, key: "admin", body: e.asRead(docs[0].ID, map[string]any{
		"title": "Note passée à l'ANTS", "text": "Déclarez tout changement de situation à la CAF.", "service": "ants"})})
	e.must(http.StatusNoContent, request{method: "DELETE", path: deleted, key: "admin-caf"})

	flagged := func(query string) map[int64][]int64 {
		var page struct {
			Answers []struct {
				ID                int64
				OutOfScopeSources []int64 `json:"out_of_scope_sources"`
			}
		}
		e.must(http.StatusOK, request{method: "GET", path: "/v1/answers" + query, key: "admin-caf"}).decode(t, &page)
		out := map[int64][]int64{}
		for _, a := range page.Answers {
			out[a.ID] = a.OutOfScopeSources
		}
		return out
	}
	want := map[int64][]int64{answers[0].ID: {docs[0].ID}, answers[1].ID: {docs[1].ID}}
	if diff := cmp.Diff(want, flagged("?out_of_scope=true")); diff != "" {
		t.Errorf("answers with sources out of scope (-want +got):\n%s", diff)
	}
	if got := flagged(""); len(got[answers[0].ID]) != 1 || len(got[answers[1].ID]) != 1 {
		t.Errorf("the whole list does not flag them: %v", got)
	}
	for i, a := range answers {
		path := fmt.Sprint("/v1/answers/", a.ID)
		edit := func(ids ...int64) response {
			body := map[string]any{"question": cafParaphrase, "text": "Déclarez-le en ligne sur caf.fr.", "version": a.Version}
			if ids != nil {
				body["document_ids"] = ids
			}
			return e.do(request{method: "PUT", path: path, key: "admin-caf", body: body})
		}
		for _, tc := range []struct {
			name string
			r    response
			want string
		}{
			{"sources left out (kept)", edit(), "no longer documents"},
			{"source kept", edit(e.docs["shared"], docs[i].ID), "no longer documents"},
			{"marked reviewed", e.do(request{method: "PUT", path: path + "/status", key: "admin-caf",
				body: map[string]string{"status": "active"}}), "edit the answer to remove or replace"},
			{"another service's source added", edit(e.docs["shared"], e.docs["ants"]), "no document of the service"},
		} {
			var body struct {
				Error struct{ Code, Message string }
			}
			tc.r.decode(t, &body)
			if tc.r.status != http.StatusBadRequest || body.Error.Code != "invalid_request" || !strings.Contains(body.Error.Message, tc.want) {
				t.Errorf("answer %d, %s: %d %s, want 400 invalid_request saying %q", i, tc.name, tc.r.status, tc.r.body, tc.want)
			}
		}
	}
	// A global administrator moves the first along with its source; the
	// CAF's administrator replaces the second's sources.
	var repaired [2]answerBody
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/answers/", answers[0].ID), key: "admin",
		body: map[string]any{"question": cafParaphrase, "text": "Voyez l'ANTS.", "service": "ants", "version": answers[0].Version}}).decode(t, &repaired[0])
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/answers/", answers[1].ID), key: "admin-caf",
		body: map[string]any{"question": cafParaphrase, "text": "Déclarez-le sur caf.fr.", "document_ids": []int64{e.docs["caf"]},
			"version": answers[1].Version}}).decode(t, &repaired[1])
	// The edit of an answer to review is its review: active again.
	for i, a := range repaired {
		if a.Status != "active" || len(a.OutOfScopeSources) != 0 {
			t.Errorf("repaired answer %d: status %q, out of scope %v; want active, none", i, a.Status, a.OutOfScopeSources)
		}
	}
	if got := flagged("?out_of_scope=true"); len(got) != 0 {
		t.Errorf("answers still flagged after their repair: %v", got)
	}
	if r := e.do(request{method: "GET", path: "/v1/answers?out_of_scope=peut-etre", key: "admin-caf"}); r.status != http.StatusBadRequest {
		t.Errorf("out_of_scope=peut-etre: %d, want 400", r.status)
	}
}

// TestAnswerSourcesPublished: the documents an answer cites are published
// (it may cite none); a source set back to draft flags its answers to
// review, and none is made active again while a source is not published.
func TestAnswerSourcesPublished(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	post := func(body map[string]any) response {
		return e.do(request{method: "POST", path: "/v1/answers", key: "reviewer-caf", body: body})
	}
	// An answer citing nothing, for questions the knowledge base does not
	// answer (the curation's « réponse type ajoutée »), is written: no
	// source change can flag it.
	for name, body := range map[string]map[string]any{
		"no document_ids":    {"question": cafParaphrase, "text": "Nous ne traitons pas cette demande ici."},
		"empty document_ids": {"question": cafParaphrase, "text": "Adressez-vous à votre mairie.", "document_ids": []int64{}},
		"holding reply":      {"draft_id": e.draft("reviewer-caf", "Quelle est la recette de la tarte aux pommes ?").ID},
	} {
		if r := post(body); r.status != http.StatusCreated {
			t.Errorf("answer with %s: %d %s, want 201", name, r.status, r.body)
		}
	}
	var a answerBody
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "reviewer-caf", body: map[string]any{
		"question": cafParaphrase, "text": "Déclarez-le sur caf.fr.", "document_ids": []int64{e.docs["caf"]}}}).decode(t, &a)
	doc, path := fmt.Sprint("/v1/documents/", e.docs["caf"], "/status"), fmt.Sprint("/v1/answers/", a.ID)
	e.must(http.StatusOK, request{method: "PUT", path: doc, key: "admin", body: map[string]string{"status": "draft"}})
	e.must(http.StatusOK, request{method: "GET", path: path, key: "reviewer-caf"}).decode(t, &a)
	if a.Status != "to_review" || a.StatusReason != "source_unpublished" {
		t.Errorf("after its source went back to draft: %s %q, want to_review source_unpublished", a.Status, a.StatusReason)
	}
	r := e.do(request{method: "PUT", path: path + "/status", key: "reviewer-caf", body: map[string]string{"status": "active"}})
	if r.status != http.StatusConflict || !strings.Contains(string(r.body), "source_not_published") {
		t.Errorf("reactivation with a draft source: %d %s, want 409 source_not_published", r.status, r.body)
	}
	if r := post(map[string]any{"question": cafParaphrase, "text": "Déclarez-le.", "document_ids": []int64{e.docs["caf"]}}); r.status != http.StatusBadRequest {
		t.Errorf("answer citing a draft document: %d %s, want 400", r.status, r.body)
	}
	e.must(http.StatusOK, request{method: "PUT", path: doc, key: "admin", body: map[string]string{"status": "published"}})
	e.must(http.StatusOK, request{method: "PUT", path: path + "/status", key: "reviewer-caf", body: map[string]string{"status": "active"}})
}

// TestPromoteRejectedDraft: a draft its agent rejected is not promoted with
// the model's text (black-box test: it became an active answer holding the
// draft's invented placeholders, the agent's own text ignored): 409
// draft_rejected, nothing stored; with a text, the question is promoted
// with that text.
func TestPromoteRejectedDraft(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("reviewer-caf", cafQuestion)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "reviewer-caf",
		body: map[string]any{"outcome": "rejected", "rating": 1, "final_text": "Réponse écrite à la main : voyez caf.fr."}})
	r := e.must(http.StatusConflict, request{method: "POST", path: "/v1/answers", key: "reviewer-caf", body: map[string]any{"draft_id": d.ID}})
	if !strings.Contains(string(r.body), `"draft_rejected"`) {
		t.Errorf("promoting a rejected draft: %s, want code draft_rejected", r.body)
	}
	var list struct{ Answers []answerBody }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/answers", key: "reviewer-caf"}).decode(t, &list)
	if len(list.Answers) != 0 {
		t.Errorf("answers after a refused promotion: %+v, want none", list.Answers)
	}
	var a answerBody
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "reviewer-caf",
		body: map[string]any{"draft_id": d.ID, "text": "Déclarez votre changement de situation sur caf.fr."}}).decode(t, &a)
	if a.Text != "Déclarez votre changement de situation sur caf.fr." {
		t.Errorf("promoted with a text: %q", a.Text)
	}
}
