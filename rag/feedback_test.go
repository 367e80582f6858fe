package rag_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

func TestEditDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want float64
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"", "abc", 1},
		{"abc", "", 1},
		{"kitten", "sitting", 3.0 / 7},
		{"sitting", "kitten", 3.0 / 7},
		{"flaw", "lawn", 2.0 / 4},
		{"abc", "xyz", 1},
		{"Bonjour", "bonjour", 1.0 / 7},
		// Runes, not bytes: é against e is one substitution.
		{"été", "ete", 2.0 / 3},
		{"Bonjour [NOM_1],", "Bonjour [NOM_1], merci", 6.0 / 22},
		{"ab", "ba", 1},
	}
	for _, tt := range tests {
		got := rag.EditDistance(tt.a, tt.b)
		if math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("EditDistance(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzEditDistance(f *testing.F) {
	f.Add("kitten", "sitting")
	f.Add("", "é")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := rag.EditDistance(a, b)
		if d < 0 || d > 1 || math.IsNaN(d) {
			t.Fatalf("EditDistance(%q, %q) = %v, out of [0, 1]", a, b, d)
		}
		if r := rag.EditDistance(b, a); r != d {
			t.Fatalf("not symmetric: %v and %v", d, r)
		}
		if (d == 0) != (string([]rune(a)) == string([]rune(b))) {
			t.Fatalf("EditDistance(%q, %q) = %v", a, b, d)
		}
	})
}

func intPtr(n int) *int { return &n }

func TestFeedback(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	d := env.drafter(nil)
	ctx := context.Background()
	draft, err := writeDraft(ctx, d, rag.Request{Question: "Bonjour, je suis Madame Sophie Martin (sophie.martin@example.org). Comment renouveler mon passeport ?"})
	if err != nil {
		t.Fatal(err)
	}
	row, err := env.store.GetDraft(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(draft.Draft, "Nous vous remercions pour votre message.",
		"Merci Madame Martin, vous pouvez aussi nous écrire à sophie.martin@example.org ou appeler le 06 12 34 56 78.", 1)
	if edited == draft.Draft {
		t.Fatalf("the draft lacks the sentence to edit:\n%s", draft.Draft)
	}

	checkFeedbackOutcomes(t, d, row, draft.Draft, edited)
	t.Run("edited text is redacted", func(t *testing.T) {
		got, err := d.Feedback(ctx, row, rag.FeedbackRequest{Outcome: "edited", FinalText: edited})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"[NOM_", "[EMAIL_", "[TEL_"} {
			if !strings.Contains(got.FinalText.String(), want) {
				t.Errorf("stored final text lacks %s:\n%s", want, got.FinalText.String())
			}
		}
		if got.EditDistance <= 0 || got.EditDistance >= 0.5 {
			t.Errorf("edit distance %v for a one-sentence edit, want in ]0, 0.5[", got.EditDistance)
		}
	})

	checkFeedbackErrors(t, d, row)
}

// TestFeedbackTagVocabulary: feedback tags are the configured labels,
// whatever their case and accents, stored as the vocabulary spells them;
// a surname or an address, which no redactor tells from a word, is
// refused as any label outside it, and personal data is named as such.
func TestFeedbackTagVocabulary(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	long := strings.Repeat("é", 40)
	d := rag.NewDrafter(env.searcher, env.store, nil, env.prompts, nil, rag.DraftOptions{FeedbackTags: []string{"clair", "trop long", long}})
	ctx := context.Background()
	draft, err := writeDraft(ctx, d, rag.Request{Question: "Comment renouveler mon passeport ?"})
	if err != nil {
		t.Fatal(err)
	}
	row, err := env.store.GetDraft(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Feedback(ctx, row, rag.FeedbackRequest{Outcome: "accepted", Tags: []string{"CLAIR", "Trop  Long", "clair", strings.ToUpper(long)}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"clair", "trop long", long}, storedTexts(got.Tags)); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ tag, want string }{
		{"Fontaine", "not one of the labels"}, {"dupont", "not one of the labels"}, {"rue Pasteur", "not one of the labels"},
		{"incomplet", "not one of the labels"}, {"Marie", "personal data"}, {"06 12 34 56 78", "personal data"},
	} {
		_, err := d.Feedback(ctx, row, rag.FeedbackRequest{Outcome: "accepted", Tags: []string{"clair", tc.tag}})
		if !errors.Is(err, rag.ErrInvalid) || !strings.Contains(err.Error(), "tag 2 ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("tag %q: %v, want ErrInvalid saying %q", tc.tag, err, tc.want)
		}
	}
	if d.FeedbackTags()[0] != "clair" || len(rag.DefaultFeedbackTags()) == 0 {
		t.Errorf("vocabulary %q, default %q", d.FeedbackTags(), rag.DefaultFeedbackTags())
	}
}

// feedbackCase is one feedback on a draft and what the store keeps of it.
type feedbackCase struct {
	name string
	req  rag.FeedbackRequest
	// wantText is the stored final text, "" for the stored draft.
	wantText string
	wantTags []string
	// zero says whether the edit distance must be 0.
	zero bool
	// setAside says the draft was rejected with no text: nothing stored
	// as sent, the edit distance 1.
	setAside bool
}

// feedbackCases are the outcomes of feedback on a draft whose restored text
// is restored and an edit of it edited.
func feedbackCases(restored, edited string) []feedbackCase {
	return []feedbackCase{
		{name: "accepted as is", req: rag.FeedbackRequest{Outcome: "accepted", Rating: intPtr(5), Tags: []string{"clair"}},
			wantTags: []string{"clair"}, zero: true},
		{name: "accepted, restored text given", req: rag.FeedbackRequest{Outcome: "accepted", FinalText: restored},
			zero: true},
		{name: "edited", req: rag.FeedbackRequest{Outcome: "edited", FinalText: edited, Rating: intPtr(3),
			Tags: []string{" trop long ", "incomplet", "trop long"}}, wantTags: []string{"trop long", "incomplet"}},
		{name: "rejected", req: rag.FeedbackRequest{Outcome: "rejected", FinalText: "Madame, votre demande est transmise au service compétent.",
			Rating: intPtr(1), Tags: []string{"mauvaise source"}}, wantText: "Madame, votre demande est transmise au service compétent.",
			wantTags: []string{"mauvaise source"}},
		{name: "rejected without a text", req: rag.FeedbackRequest{Outcome: "rejected", Rating: intPtr(1)}, setAside: true},
	}
}

// checkFeedbackOutcomes records each of feedbackCases on row.
func checkFeedbackOutcomes(t *testing.T, d *rag.Drafter, row store.Draft, restored, edited string) {
	for _, tt := range feedbackCases(restored, edited) {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.Feedback(context.Background(), row, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, row, got)
		})
	}
}

// check compares the feedback stored on row with the case.
func (tt feedbackCase) check(t *testing.T, row store.Draft, got store.Feedback) {
	t.Helper()
	if got.ID == 0 || got.DraftID != row.ID || string(got.Outcome) != tt.req.Outcome {
		t.Errorf("feedback %+v", got)
	}
	if diff := cmp.Diff(tt.req.Rating, got.Rating); diff != "" {
		t.Errorf("rating (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(tt.wantTags, storedTexts(got.Tags), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
	for _, secret := range []string{"Martin", "sophie.martin", "06 12 34 56 78"} {
		if strings.Contains(got.FinalText.String(), secret) {
			t.Errorf("stored final text holds %q:\n%s", secret, got.FinalText.String())
		}
	}
	if tt.setAside {
		if got.FinalText.String() != "" || got.EditDistance != 1 {
			t.Errorf("rejected without a text: final text %q, edit distance %v; want none and 1", got.FinalText.String(), got.EditDistance)
		}
		return
	}
	if tt.zero {
		if diff := cmp.Diff(row.Draft, got.FinalText.String()); diff != "" {
			t.Errorf("final text (-stored draft +got):\n%s", diff)
		}
		if got.EditDistance != 0 {
			t.Errorf("edit distance %v, want 0", got.EditDistance)
		}
		return
	}
	if tt.wantText != "" && got.FinalText.String() != tt.wantText {
		t.Errorf("final text %q, want %q", got.FinalText.String(), tt.wantText)
	}
	if want := rag.EditDistance(row.Draft, got.FinalText.String()); got.EditDistance != want || want <= 0 || want > 1 {
		t.Errorf("edit distance %v, want %v in ]0, 1]", got.EditDistance, want)
	}
}

// checkFeedbackErrors sends malformed feedback on row, and feedback on a
// draft the store does not hold.
func checkFeedbackErrors(t *testing.T, d *rag.Drafter, row store.Draft) {
	ctx := context.Background()
	t.Run("errors", func(t *testing.T) {
		tags := make([]string, 11)
		for i := range tags {
			tags[i] = "t" + strings.Repeat("x", i)
		}
		tests := []struct {
			name string
			id   string
			req  rag.FeedbackRequest
			want error
		}{
			{"unknown outcome", row.ID, rag.FeedbackRequest{Outcome: "sent"}, rag.ErrInvalid},
			{"rating 0", row.ID, rag.FeedbackRequest{Outcome: "accepted", Rating: intPtr(0)}, rag.ErrInvalid},
			{"rating 6", row.ID, rag.FeedbackRequest{Outcome: "accepted", Rating: intPtr(6)}, rag.ErrInvalid},
			{"edited without text", row.ID, rag.FeedbackRequest{Outcome: "edited", FinalText: "  "}, rag.ErrInvalid},
			{"too many tags", row.ID, rag.FeedbackRequest{Outcome: "accepted", Tags: tags}, rag.ErrInvalid},
			{"long tag", row.ID, rag.FeedbackRequest{Outcome: "accepted", Tags: []string{strings.Repeat("é", 41)}}, rag.ErrInvalid},
			{"empty tag", row.ID, rag.FeedbackRequest{Outcome: "accepted", Tags: []string{" "}}, rag.ErrInvalid},
			{"long text", row.ID, rag.FeedbackRequest{Outcome: "edited", FinalText: strings.Repeat("a", 2*rag.MaxQuestionBytes+1)}, rag.ErrTextTooLong},
			{"tag with a phone number", row.ID, rag.FeedbackRequest{Outcome: "accepted", Tags: []string{"rappeler 06 12 34 56 78"}}, rag.ErrInvalid},
			{"invalid UTF-8", row.ID, rag.FeedbackRequest{Outcome: "edited", FinalText: "abc\xff"}, rag.ErrInvalid},
			{"unknown draft", "d_nosuchdraft", rag.FeedbackRequest{Outcome: "accepted"}, store.ErrNotFound},
		}
		for _, tt := range tests {
			target := row
			if tt.id != row.ID {
				target = store.Draft{ID: tt.id}
			}
			_, err := d.Feedback(ctx, target, tt.req)
			if !errors.Is(err, tt.want) {
				t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
			}
			if err != nil && strings.Count(err.Error(), "too long") > 1 {
				t.Errorf("%s: %q says it twice", tt.name, err)
			}
		}
	})

}
