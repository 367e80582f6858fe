package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// saveDoc stores a document with the given content hash and returns it.
func saveDoc(t *testing.T, st *store.Store, ext, hash string) store.Document {
	t.Helper()
	d := store.Document{Source: "dila", ExternalID: ext, Title: "Fiche " + ext, ContentHash: hash, Service: "caf"}
	if err := st.SaveDocument(context.Background(), &d, nil); err != nil {
		t.Fatal(err)
	}
	return d
}

// answersMade numbers the answers newAnswer makes: two identical active
// answers are refused.
var answersMade atomic.Int64

func newAnswer(t *testing.T, st *store.Store, service string, docs ...int64) store.Answer {
	t.Helper()
	text := fmt.Sprintf("Madame [NOM_1], vous déclarez votre nouvelle adresse en ligne (fiche %d).", answersMade.Add(1))
	// Its sources name the documents it cites, as the answers rag writes.
	sources := `[{"n":1}]`
	if len(docs) > 0 {
		var cites []string
		for i, d := range docs {
			cites = append(cites, fmt.Sprintf(`{"n":%d,"document_id":%d}`, i+1, d))
		}
		sources = "[" + strings.Join(cites, ",") + "]"
	}
	a := store.Answer{Service: service, Question: red(t, "Comment déclarer un déménagement à la CAF ?"),
		Text: red(t, text), Sources: json.RawMessage(sources)}
	if err := st.CreateAnswer(context.Background(), &a, store.AnswerWrite{DocumentIDs: docs, MatchText: a.Question,
		Model: "m", Vector: []float32{1, 0, 0}}); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAnswersCRUD(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := saveDoc(t, st, "F1", "h1")
	a := newAnswer(t, st, "caf", doc.ID)
	if a.ID == 0 || a.Version != 1 || a.Status != store.AnswerActive {
		t.Fatalf("created %+v", a)
	}
	got, err := st.GetAnswer(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, got); diff != "" {
		t.Errorf("GetAnswer (-want +got):\n%s", diff)
	}
	a.Text = red(t, "Nouveau texte.")
	if err := st.UpdateAnswer(ctx, &a, store.AnswerWrite{DocumentIDs: []int64{doc.ID}, MatchText: a.Question}, 1); err != nil {
		t.Fatal(err)
	}
	if a.Version != 2 || a.Text.String() != "Nouveau texte." {
		t.Errorf("updated %+v", a)
	}
	if err := st.UpdateAnswer(ctx, &a, store.AnswerWrite{MatchText: a.Question}, 1); !errors.Is(err, store.ErrStaleVersion) {
		t.Errorf("update at an old version = %v, want ErrStaleVersion", err)
	}
	missing := store.Answer{ID: 999, Question: red(t, "q"), Text: red(t, "t")}
	if err := st.UpdateAnswer(ctx, &missing, store.AnswerWrite{}, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update unknown = %v, want ErrNotFound", err)
	}
	if err := st.CreateAnswer(ctx, &store.Answer{Question: red(t, "q")}, store.AnswerWrite{}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("create without text = %v, want ErrInvalid", err)
	}
	if _, err := st.SetAnswerStatus(ctx, a.ID, "lost", store.Text{}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad status = %v", err)
	}
	newAnswer(t, st, "ants")
	shared := newAnswer(t, st, "")
	if _, err := st.SetAnswerStatus(ctx, shared.ID, store.AnswerArchived, red(t, "obsolète")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    store.AnswerFilter
		want int64
	}{
		{"all", store.AnswerFilter{}, 3},
		{"caf and shared", store.AnswerFilter{Services: []string{"caf", ""}}, 2},
		{"archived", store.AnswerFilter{Status: store.AnswerArchived}, 1},
		{"by document", store.AnswerFilter{DocumentID: doc.ID}, 1},
	} {
		p, err := st.ListAnswers(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != tc.want || len(p.Answers) != int(tc.want) {
			t.Errorf("%s: %d answers (total %d), want %d", tc.name, len(p.Answers), p.Total, tc.want)
		}
	}
}

// TestAnswersFlaggedWhenSourceChanges checks that an answer is flagged
// "to review" in the transaction that changes, archives or deletes one of
// its sources, and only then.
func TestAnswersFlaggedWhenSourceChanges(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	status := func(id int64) (store.AnswerStatus, string) {
		t.Helper()
		a, err := st.GetAnswer(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return a.Status, a.StatusReason.String()
	}
	d1, d2, d3 := saveDoc(t, st, "F1", "h1"), saveDoc(t, st, "F2", "h2"), saveDoc(t, st, "F3", "h3")
	a1, a2, a3 := newAnswer(t, st, "caf", d1.ID), newAnswer(t, st, "caf", d2.ID), newAnswer(t, st, "caf", d3.ID)
	other := newAnswer(t, st, "caf")

	saveDoc(t, st, "F1", "h1") // same content: nothing to review
	if s, _ := status(a1.ID); s != store.AnswerActive {
		t.Errorf("unchanged source: %s", s)
	}
	saveDoc(t, st, "F1", "h1-bis")
	if s, r := status(a1.ID); s != store.AnswerToReview || r != store.ReasonSourceChanged {
		t.Errorf("changed source: %s %s", s, r)
	}
	if _, err := st.SetDocumentStatus(ctx, d2.ID, store.StatusArchived); err != nil {
		t.Fatal(err)
	}
	if s, r := status(a2.ID); s != store.AnswerToReview || r != store.ReasonSourceArchived {
		t.Errorf("archived source: %s %s", s, r)
	}
	if _, err := st.DeleteDocuments(ctx, []int64{d3.ID}); err != nil {
		t.Fatal(err)
	}
	if s, r := status(a3.ID); s != store.AnswerToReview || r != store.ReasonSourceDeleted {
		t.Errorf("deleted source: %s %s", s, r)
	}
	if s, _ := status(other.ID); s != store.AnswerActive {
		t.Errorf("answer without that source: %s", s)
	}
	d4 := saveDoc(t, st, "F4", "h4")
	a4 := newAnswer(t, st, "caf", d4.ID)
	if _, err := st.SetDocumentStatus(ctx, d4.ID, store.StatusDraft); err != nil {
		t.Fatal(err)
	}
	if s, r := status(a4.ID); s != store.AnswerToReview || r != store.ReasonSourceUnpublished {
		t.Errorf("source back to draft: %s %s", s, r)
	}
	// A review makes it active with the new content; a later save of the
	// same content keeps it so.
	if _, err := st.SetAnswerStatus(ctx, a1.ID, store.AnswerActive, red(t, "relu")); err != nil {
		t.Fatal(err)
	}
	saveDoc(t, st, "F1", "h1-bis")
	if s, _ := status(a1.ID); s != store.AnswerActive {
		t.Errorf("reviewed answer, same content saved again: %s", s)
	}
}

// TestAnswerActiveNeedsPublishedSources checks that an answer is made
// active again only when it cites documents and all of them are published
// and seen by its service.
func TestAnswerActiveNeedsPublishedSources(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	draft, archived, deleted, kept := saveDoc(t, st, "F1", "h1"), saveDoc(t, st, "F2", "h2"), saveDoc(t, st, "F3", "h3"), saveDoc(t, st, "F4", "h4")
	moved := saveDoc(t, st, "F5", "h5")
	cases := []struct {
		name string
		a    store.Answer
		want error
	}{
		{"draft source", newAnswer(t, st, "caf", draft.ID, kept.ID), store.ErrSourceNotPublished},
		{"archived source", newAnswer(t, st, "caf", archived.ID), store.ErrSourceNotPublished},
		{"deleted source", newAnswer(t, st, "caf", deleted.ID), store.ErrSourceNotPublished},
		{"deleted source, named in its sources", newCitingAnswer(t, st, deleted.ID, kept.ID), store.ErrSourceNotPublished},
		{"no source (questions the knowledge base does not answer)", newAnswer(t, st, "caf"), nil},
		{"source of another service", answerOfMovedSource(t, st, "msa", moved.ID), store.ErrSourceNotPublished},
		{"published sources", newAnswer(t, st, "caf", kept.ID), nil},
	}
	for _, doc := range []struct {
		id     int64
		status store.Status
	}{{draft.ID, store.StatusDraft}, {archived.ID, store.StatusArchived}} {
		if _, err := st.SetDocumentStatus(ctx, doc.id, doc.status); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.DeleteDocuments(ctx, []int64{deleted.ID}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range cases {
		if _, err := st.SetAnswerStatus(ctx, tt.a.ID, store.AnswerToReview, store.Text{}); err != nil {
			t.Fatal(err)
		}
		_, err := st.SetAnswerStatus(ctx, tt.a.ID, store.AnswerActive, red(t, "relu"))
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: reactivation = %v, want %v", tt.name, err, tt.want)
		}
		a, err := st.GetAnswer(ctx, tt.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := store.AnswerToReview
		if tt.want == nil {
			want = store.AnswerActive
		}
		if a.Status != want {
			t.Errorf("%s: status %s, want %s", tt.name, a.Status, want)
		}
	}
	if _, err := st.SetAnswerStatus(ctx, 1<<40, store.AnswerActive, store.Text{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing answer: %v, want ErrNotFound", err)
	}
}

// answerOfMovedSource stores an answer of service citing doc while doc is
// shared, then gives doc back to caf, as a document moved after the
// answer's review.
func answerOfMovedSource(t *testing.T, st *store.Store, service string, doc int64) store.Answer {
	t.Helper()
	ctx := context.Background()
	if _, err := st.Pool().Exec(ctx, "UPDATE documents SET service = '' WHERE id = $1", doc); err != nil {
		t.Fatal(err)
	}
	a := newAnswer(t, st, service, doc)
	if _, err := st.Pool().Exec(ctx, "UPDATE documents SET service = 'caf' WHERE id = $1", doc); err != nil {
		t.Fatal(err)
	}
	return a
}

// newCitingAnswer stores an answer of caf whose sources name docs, as
// answers written through package rag do.
func newCitingAnswer(t *testing.T, st *store.Store, docs ...int64) store.Answer {
	t.Helper()
	var cites []map[string]any
	for i, id := range docs {
		cites = append(cites, map[string]any{"n": i + 1, "document_id": id})
	}
	sources, err := json.Marshal(cites)
	if err != nil {
		t.Fatal(err)
	}
	a := store.Answer{Service: "caf", Question: red(t, "Comment déclarer un déménagement ?"), Text: red(t, "En ligne."), Sources: sources}
	if err := st.CreateAnswer(context.Background(), &a, store.AnswerWrite{DocumentIDs: docs[1:], MatchText: a.Question}); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestMatchAnswers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	caf := newAnswer(t, st, "caf")
	ants := newAnswer(t, st, "ants")
	archived := newAnswer(t, st, "caf")
	if _, err := st.SetAnswerStatus(ctx, archived.ID, store.AnswerArchived, store.Text{}); err != nil {
		t.Fatal(err)
	}
	got, err := st.MatchAnswers(ctx, store.AnswerQuery{Text: "déménagement CAF", Services: []string{"caf", ""},
		Model: "m", Dim: 3, Vector: []float32{0, 1, 0}, TextVector: []float32{1, 0, 0}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Candidates) != 1 || got.Candidates[0].ID != caf.ID {
		t.Fatalf("candidates %+v, want answer %d only (not %d of ants, not the archived %d)", got.Candidates, caf.ID, ants.ID, archived.ID)
	}
	c := got.Candidates[0]
	// The question's vector is (1, 0, 0), its text has none.
	if c.Cosine != 0 || c.TextCosine != -1 || len(c.Lexemes) == 0 || len(got.Message) != 2 {
		t.Errorf("cosine %v text cosine %v lexemes %v message %v", c.Cosine, c.TextCosine, c.Lexemes, got.Message)
	}
	words, err := st.MatchAnswers(ctx, store.AnswerQuery{Text: "déménagement CAF"})
	if err != nil || len(words.Candidates) != 2 || words.Candidates[0].Cosine != -1 {
		t.Errorf("without vectors: %+v %v", words.Candidates, err)
	}
}

// TestMatchAnswersBySource checks that the answers relying on a document the
// message's search found are candidates first, with their documents.
func TestMatchAnswersBySource(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := saveDoc(t, st, "F1", "h1")
	newAnswer(t, st, "caf")
	sourced := newAnswer(t, st, "caf", doc.ID)
	got, err := st.MatchAnswers(ctx, store.AnswerQuery{Text: "passeport perdu", Documents: []int64{doc.ID}, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Candidates) != 1 || got.Candidates[0].ID != sourced.ID {
		t.Fatalf("candidates %+v, want answer %d, whose source was found", got.Candidates, sourced.ID)
	}
	if diff := cmp.Diff([]int64{doc.ID}, got.Candidates[0].Documents); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

func TestCurationQueries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := saveDoc(t, st, "F1", "h1")
	cited := json.RawMessage(`[{"n":1,"document_id":` + jsonInt(doc.ID) + `,"cited":true,"title":"Fiche F1"}]`)
	var drafts []store.Draft
	for i, reliable := range []bool{false, false, true, false} {
		d := store.Draft{Channel: "email", Service: "caf", Question: red(t, "Question "+string(rune('A'+i%3))), Draft: "x",
			Reliable: reliable, Sources: cited}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, d)
	}
	sc := store.CurationScope{Service: "caf", ServiceSet: true, Since: time.Now().Add(-time.Hour)}
	qs, err := st.UnreliableQuestions(ctx, sc, 10)
	if err != nil {
		t.Fatal(err)
	}
	// The same question asked twice is one row, its newest draft first.
	type asked struct {
		Question string
		Count    int
		DraftIDs []string
	}
	var got []asked
	for _, q := range qs {
		got = append(got, asked{q.Question, q.Count, q.DraftIDs})
	}
	want := []asked{{"Question A", 2, []string{drafts[3].ID, drafts[0].ID}}, {"Question B", 1, []string{drafts[1].ID}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unreliable questions (-want +got):\n%s", diff)
	}
	one := 1
	if err := st.SaveFeedback(ctx, &store.Feedback{DraftID: drafts[2].ID, Outcome: store.OutcomeEdited, Rating: &one}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveFeedback(ctx, &store.Feedback{DraftID: drafts[1].ID, Outcome: store.OutcomeAccepted}); err != nil {
		t.Fatal(err)
	}
	low, err := st.LowRatedDrafts(ctx, sc, 10)
	if err != nil || len(low) != 1 || low[0].DraftID != drafts[2].ID {
		t.Fatalf("low-rated %+v %v", low, err)
	}
	most, least, err := st.DocumentUses(ctx, sc, 5)
	if err != nil || len(most) != 1 || most[0].Citations != 4 || least[0].DocumentID != doc.ID {
		t.Fatalf("uses %+v %+v %v", most, least, err)
	}
	stale, err := st.StaleDocuments(ctx, sc, time.Now().Add(time.Hour), 10)
	if err != nil || len(stale) != 1 {
		t.Fatalf("stale %+v %v", stale, err)
	}
	if stale, _ := st.StaleDocuments(ctx, sc, time.Now().Add(-time.Hour), 10); len(stale) != 0 {
		t.Errorf("fresh document listed as stale: %+v", stale)
	}
	cl := store.Closure{Service: "caf", Kind: "unanswered", Key: "k", Action: store.ActionOutOfScope, Reason: red(t, "hors champ")}
	if err := st.CloseCurationItem(ctx, &cl); err != nil {
		t.Fatal(err)
	}
	if err := st.CloseCurationItem(ctx, &store.Closure{Kind: "x", Key: "k", Action: "maybe"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad action = %v", err)
	}
	cs, err := st.CurationClosures(ctx, sc)
	if err != nil || cs[store.ClosureKey("caf", "unanswered", "k")].Reason.String() != "hors champ" {
		t.Fatalf("closures %+v %v", cs, err)
	}
	if err := st.ReopenCurationItem(ctx, "caf", "unanswered", "k"); err != nil {
		t.Fatal(err)
	}
	if err := st.ReopenCurationItem(ctx, "caf", "unanswered", "k"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("reopen twice = %v", err)
	}
}

func jsonInt(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestMigrationFlagsAnswersWithoutPublishedSources: migration 0024 flags
// to review the active answers stored before the rule whose sources are
// not all published, and leaves the others alone, those citing none too
// (written for questions the knowledge base does not answer).
func TestMigrationFlagsAnswersWithoutPublishedSources(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.MigrateTo(ctx, 23); err != nil {
		t.Fatal(err)
	}
	var published, unpublished store.Document
	savedBeforeServiceKeys(t, st, func() { published, unpublished = saveDoc(t, st, "F1", "h1"), saveDoc(t, st, "F2", "h2") })
	good, bad, none := newAnswer(t, st, "caf", published.ID), newAnswer(t, st, "caf", published.ID, unpublished.ID), newAnswer(t, st, "caf")
	if _, err := st.Pool().Exec(ctx, "UPDATE documents SET status = 'draft' WHERE id = $1", unpublished.ID); err != nil {
		t.Fatal(err)
	}
	reviewed := newAnswer(t, st, "caf")
	if _, err := st.SetAnswerStatus(ctx, reviewed.ID, store.AnswerToReview, red(t, "à relire")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for name, id := range map[string]int64{"good": good.ID, "bad": bad.ID, "none": none.ID, "reviewed": reviewed.ID} {
		a, err := st.GetAnswer(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got[name] = string(a.Status) + " " + a.StatusReason.String()
	}
	want := map[string]string{"good": "active ", "bad": "to_review source_unpublished", "none": "active ",
		"reviewed": "to_review à relire"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statuses after migration (-want +got):\n%s", diff)
	}
}

// TestIdenticalAnswerRefused: an answer sent twice, even at once, is
// stored once; the same question and text are accepted again once the
// first answer is archived.
func TestIdenticalAnswerRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	create := func() error {
		a := store.Answer{Service: "caf", Question: red(t, "Comment déclarer un déménagement ?"), Text: red(t, "En ligne.")}
		return st.CreateAnswer(ctx, &a, store.AnswerWrite{MatchText: a.Question})
	}
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() { errs[i] = create() })
	}
	wg.Wait()
	created := 0
	for _, err := range errs {
		switch {
		case err == nil:
			created++
		case !errors.Is(err, store.ErrDuplicate):
			t.Errorf("identical answer: %v, want ErrDuplicate", err)
		}
	}
	page, err := st.ListAnswers(ctx, store.AnswerFilter{Services: []string{"caf"}})
	if err != nil || created != 1 || len(page.Answers) != 1 {
		t.Fatalf("4 identical answers at once: %d created, %d stored (%v), want 1", created, len(page.Answers), err)
	}
	if _, err := st.SetAnswerStatus(ctx, page.Answers[0].ID, store.AnswerArchived, store.Text{}); err != nil {
		t.Fatal(err)
	}
	if err := create(); err != nil {
		t.Errorf("answer identical to an archived one: %v", err)
	}
}

// TestUpdateToIdenticalAnswerRefused: an update cannot make an answer
// identical to another active one (it could be created so); it can keep
// its own question and text.
func TestUpdateToIdenticalAnswerRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	answer := func(text string) store.Answer {
		return store.Answer{Service: "caf", Question: red(t, "Comment déclarer un déménagement ?"), Text: red(t, text)}
	}
	first, second := answer("En ligne."), answer("Au guichet.")
	for _, a := range []*store.Answer{&first, &second} {
		if err := st.CreateAnswer(ctx, a, store.AnswerWrite{MatchText: a.Question}); err != nil {
			t.Fatal(err)
		}
	}
	same := answer("En ligne.")
	same.ID = second.ID
	if err := st.UpdateAnswer(ctx, &same, store.AnswerWrite{MatchText: same.Question}, 0); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("update to another active answer's text: %v, want ErrDuplicate", err)
	}
	again := answer("En  ligne.")
	again.ID = first.ID
	if err := st.UpdateAnswer(ctx, &again, store.AnswerWrite{MatchText: again.Question}, 0); err != nil {
		t.Errorf("update keeping its own text: %v", err)
	}
}

// TestAnswerSourcesChecked: the store checks an answer's sources under
// lock, with a message naming the source and what is wrong with it, and
// writes the sources Cite makes of the documents, in the order cited.
func TestAnswerSourcesChecked(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	caf, draft := saveDoc(t, st, "S1", "h1"), saveDoc(t, st, "S2", "h2")
	shared := store.Document{Source: "dila", ExternalID: "S3", Title: "Fiche S3", ContentHash: "h3"}
	if err := st.SaveDocument(ctx, &shared, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Pool().Exec(ctx, "UPDATE documents SET status = 'draft' WHERE id = $1", draft.ID); err != nil {
		t.Fatal(err)
	}
	cite := func(docs []store.Document) (json.RawMessage, error) {
		ids := []string{}
		for _, d := range docs {
			ids = append(ids, d.ExternalID)
		}
		return json.Marshal(ids)
	}
	for _, tc := range []struct {
		name, scope, service string
		ids                  []int64
		want                 string // the sources written, or the error's words
		notPublished         bool
	}{
		{"shared and own, in order", "caf", "caf", []int64{shared.ID, caf.ID}, `["S3", "S1"]`, false},
		{"no source", "caf", "caf", nil, `[]`, false},
		{"another service's, for its key", "ants", "ants", []int64{caf.ID}, `no document of the service "ants" or shared`, false},
		{"unknown", "", "caf", []int64{caf.ID + 1000}, "no document of the service", false},
		{"not positive", "", "caf", []int64{0}, "document ids are positive", false},
		{"not published", "", "caf", []int64{caf.ID, draft.ID}, "is not published (status draft)", true},
		{"not seen by the answer's service", "", "ants", []int64{caf.ID}, `the answer's service "ants" does not see`, true},
	} {
		a := store.Answer{Service: tc.service, Question: red(t, "Comment déclarer un déménagement ?"), Text: red(t, "En ligne: "+tc.name)}
		err := st.CreateAnswer(ctx, &a, store.AnswerWrite{DocumentIDs: tc.ids, Scope: tc.scope, Cite: cite, MatchText: a.Question})
		if err == nil {
			if got := string(a.Sources); got != tc.want {
				t.Errorf("%s: sources %s, want %s", tc.name, got, tc.want)
			}
			continue
		}
		if !errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrSourceNotPublished) != tc.notPublished ||
			!strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrInvalid (not published: %v) saying %q", tc.name, err, tc.notPublished, tc.want)
		}
	}
}
