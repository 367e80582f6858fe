package triage

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestAssess(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		level Level
		codes []string
	}{
		{"plain question", "Combien de temps est valable une carte d'identité ?", Routine, nil},
		{"urgent weeks away", "C'est urgent : je pars dans trois semaines, faut-il un passeport ?", Routine, nil},
		{"thanks", "Merci beaucoup, vous m'avez sauvé la vie avec cette réponse !", Routine, nil},
		{"negated violence", "Il n'y a pas de violence chez nous, je veux juste divorcer.", Routine, nil},
		{"ne ... plus", "Il ne me frappe plus depuis des années, je voudrais changer de nom.", Routine, nil},
		{"suicide", "Je pense à mettre fin à mes jours.", Urgent, []string{CodeSuicide}},
		{"violence", "Mon mari me frappe.", Urgent, []string{CodeViolence}},
		{"eviction tomorrow", "L'expulsion est prévue demain matin.", Urgent, []string{CodeHousingLoss}},
		{"eviction later", "Une procédure d'expulsion est en cours, l'audience est en mars.", Attention, []string{CodeHousingRisk}},
		{"cut in days", "EDF va couper l'électricité jeudi pour une facture impayée.", Urgent, []string{CodeEnergyCut, CodeDebt}},
		{"dated deadline near", "La date limite du recours est le 3 décembre.", Urgent, []string{CodeLegalDeadline}},
		{"dated deadline far", "La date limite du recours est le 20 février.", Routine, nil},
		{"deadline question", "Quel est le délai pour contester une amende ? Je l'ai reçue hier.", Routine, nil},
		{"complaint", "L'agent a été méprisant, c'est inadmissible.", Attention, []string{CodeComplaint}},
		{"english", "Hello, I don't speak French, can you help me with my tax letter please?", Attention, []string{CodeLanguage}},
		{"arabic script", "مرحبا أحتاج مساعدة في ملف الإقامة الخاص بي من فضلك", Attention, []string{CodeLanguage}},
		{"genealogy", "Je cherche l'acte de décès de mon arrière-grand-père, mort en 1917.", Routine, nil},
		{"bereavement", "Mon mari est décédé la semaine dernière.", Attention, []string{CodeBereavement}},
		{"double negation", "Je n'hésiterai pas à saisir le tribunal.", Attention, []string{CodeLegalThreat}},
		{"awareness day, a battered woman now", "Journée de sensibilisation : une femme battue est à l'accueil en ce moment", Urgent, []string{CodeViolence}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := AssessAt(context.Background(), tc.text, evalNow)
			if diff := cmp.Diff(tc.codes, a.Codes()); a.Level != tc.level || diff != "" {
				t.Errorf("AssessAt(%q) = %s %v, want %s %v", tc.text, a.Level, a.Codes(), tc.level, tc.codes)
			}
		})
	}
}

// TestReasonOffsets checks that each reason points at the sentence that
// triggered it, in the text as given (accents, apostrophes and all).
func TestReasonOffsets(t *testing.T) {
	text := "Bonjour Madame,\n\nJ’ai bien reçu votre courrier. Mon ex m’a frappée samedi ! Merci."
	a := AssessAt(context.Background(), text, evalNow)
	if len(a.Reasons) != 1 {
		t.Fatalf("reasons = %+v, want one", a.Reasons)
	}
	r := a.Reasons[0]
	if got, want := text[r.Start:r.End], "Mon ex m’a frappée samedi !"; got != want {
		t.Errorf("reason sentence = %q, want %q", got, want)
	}
	if r.Label == "" || r.Level != Urgent {
		t.Errorf("reason = %+v, want a label and level urgent", r)
	}
}

func TestRaiseNeverLowers(t *testing.T) {
	a := AssessAt(context.Background(), "Mon mari me frappe.", evalNow)
	if got := a.Raise(Attention, Reason{Code: CodeModel}); got.Level != Urgent || len(got.Reasons) != len(a.Reasons) {
		t.Errorf("Raise(attention) on urgent = %+v", got)
	}
	r := AssessAt(context.Background(), "Quels papiers pour un passeport ?", evalNow)
	if got := r.Raise(Urgent, Reason{Code: CodeModel}); got.Level != Urgent || len(got.Reasons) != 1 {
		t.Errorf("Raise(urgent) on routine = %+v", got)
	}
	if len(r.Reasons) != 0 {
		t.Errorf("Raise changed its receiver: %+v", r)
	}
}

func FuzzAssess(f *testing.F) {
	f.Add("Mon mari me frappe. L'expulsion est demain !")
	f.Add("é’\n\n...!!?")
	f.Add("le 31/02 le 0 janvier dans 99 jours")
	// A cue framed as a topic late in the sentence, then one of a later
	// alternative earlier in it: until session 18 affirmed sliced the
	// text backwards and Assess panicked.
	f.Add("Je souhaiterais disposer de supports officiels et à jour présentant la procédure de dépôt d'un dossier de surendettement auprès de la Banque de France ainsi que les règles applicables en cas de saisie sur salaire.")
	f.Fuzz(func(t *testing.T, text string) {
		a := AssessAt(context.Background(), text, evalNow)
		if !a.Level.Valid() || (a.Level != Routine) != (len(a.Reasons) > 0) {
			t.Fatalf("assessment %+v", a)
		}
		for _, r := range a.Reasons {
			if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
				t.Fatalf("reason %+v out of text of %d bytes", r, len(text))
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[r.Start:r.End]) {
				t.Fatalf("reason %+v cuts a character", r)
			}
			if r.Label == "" || CodeLevel(r.Code) != r.Level {
				t.Fatalf("reason %+v", r)
			}
		}
	})
}

// BenchmarkAssess measures triage, one message per iteration (reporting
// the 95th percentile): the evaluation set and the long messages of
// testdata/long.jsonl, each with the lexicon alone beside it; and a 12 kB
// message.
func BenchmarkAssess(b *testing.B) {
	set := loadSet(b)
	ctx := context.Background()
	defaultModel() // decoded once, at the first message
	full := func(text string) { _ = AssessAt(ctx, text, evalNow) }
	lexicon := func(text string) { _ = assessLexicon(newMessage(text, evalNow), text) }
	for _, c := range []struct {
		name   string
		set    []labelled
		assess func(text string)
	}{
		{"messages", set, full},
		{"messages-lexicon-only", set, lexicon},
		{"long", loadJSONL(b, "testdata/long.jsonl"), full},
		{"long-lexicon-only", loadJSONL(b, "testdata/long.jsonl"), lexicon},
	} {
		b.Run(c.name, func(b *testing.B) {
			var durations []float64
			for i := 0; b.Loop(); i++ {
				start := nanotime()
				c.assess(c.set[i%len(c.set)].Text)
				durations = append(durations, since(start))
			}
			b.ReportMetric(percentile(durations, 0.95), "p95-µs")
		})
	}
	long := strings.Repeat(set[0].Text+" "+set[len(set)-1].Text+"\n", 60)
	b.Run("12kB", func(b *testing.B) {
		b.SetBytes(int64(len(long)))
		for b.Loop() {
			_ = AssessAt(ctx, long, evalNow)
		}
	})
}

// TestAssessConcurrently assesses messages from many goroutines at once, as
// plume serve does: under -race, any state shared between calls shows.
func TestAssessConcurrently(t *testing.T) {
	msgs := []string{"Je vais être expulsé jeudi, aidez-moi, c'est très urgent !", "Merci beaucoup pour votre aide précieuse.",
		"Mon fils de 15 ans est en danger chez son père, je ne sais plus quoi faire."}
	want := make([]Level, len(msgs))
	for i, m := range msgs {
		want[i] = Assess(context.Background(), m).Level
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				k := (g + i) % len(msgs)
				if got := Assess(context.Background(), msgs[k]).Level; got != want[k] {
					t.Errorf("message %d: level %s, want %s", k, got, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestOneCueIsNotTwo: a message the lexicon reads as routine is not made
// urgent by the flagged threshold, whose « two weak cues make one strong »
// needs the lexicon's attention beside the classifier's lean (a review
// found « Mon dossier CAF est bloqué depuis 2 mois. » urgent for want of
// food, its draft opening with the 115).
func TestOneCueIsNotTwo(t *testing.T) {
	for _, text := range []string{
		"Mon dossier CAF est bloqué depuis 2 mois.",
		"Tout va bien pour moi. Mon dossier CAF est bloqué depuis 2 mois.",
		"Je ne suis pas en danger, tout va bien. Mon dossier de retraite est bloqué depuis 6 mois.",
	} {
		if a := Assess(context.Background(), text); a.Level == Urgent {
			t.Errorf("%q: %s %v, want at most attention", text, a.Level, a.Codes())
		}
	}
}

// TestAssessWithNote: the agent's note of what the person said is triaged
// beside the question; each reason says which text its offsets point into.
func TestAssessWithNote(t *testing.T) {
	const question = "Bonjour, comment demander le RSA ?"
	const note = "Au téléphone la personne dit qu elle va se suicider ce soir, son mari la frappe"
	ctx := context.Background()
	a := AssessWithNoteAt(ctx, question, note, evalNow)
	if a.Level != Urgent || len(a.Reasons) == 0 {
		t.Fatalf("assessment %+v, want urgent", a)
	}
	for _, r := range a.Reasons {
		if r.Source != SourceNote || r.End > len(note) || !strings.Contains(note[r.Start:r.End], "suicider") {
			t.Errorf("reason %+v, want the note's sentence", r)
		}
	}
	a = AssessWithNoteAt(ctx, "Mon mari me frappe.", "Rappeler demain matin.", evalNow)
	if a.Level != Urgent || len(a.Reasons) == 0 || a.Reasons[0].Source != SourceQuestion {
		t.Errorf("assessment %+v, want urgent from the question", a)
	}
	if diff := cmp.Diff(AssessAt(ctx, question, evalNow), AssessWithNoteAt(ctx, question, " ", evalNow)); diff != "" {
		t.Errorf("a blank note changed the assessment (-without +with):\n%s", diff)
	}
}
