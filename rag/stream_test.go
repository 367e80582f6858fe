package rag

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/redact"
)

func TestSentenceBoundary(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Bonjour", 0},
		{"Bonjour,\n", 9},
		{"Voir l'art. 3", 12},
		{"Un. Deux", 4},
		{"Un. Deux ? Trois", 11},
		{"Un.Deux", 0},
		{"Appelez le 01.", 0},
	} {
		if got := sentenceBoundary(tt.in); got != tt.want {
			t.Errorf("sentenceBoundary(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestStreamGuardReplaces feeds a reply whose second line turns the end of
// the first into a phone number: what was shown is replaced, and the screen
// never holds the number.
func TestStreamGuardReplaces(t *testing.T) {
	t.Parallel()
	var events []StreamEvent
	g := &streamGuard{leak: newPromptShingles(nil).scanner(),
		emit: func(ev StreamEvent) error { events = append(events, ev); return nil }}
	feed := g.feed(&checker{contacts: DefaultContactPolicy()})
	for _, d := range []string{"Bonjour,\n", "Appelez le 01\n", "23 45 67 89 ", "demain.\n"} {
		if err := feed(d); err != nil {
			t.Fatal(err)
		}
	}
	want := []StreamEvent{
		{Text: "Bonjour,\n"},
		{Text: "Appelez le 01\n"},
		{Text: "Bonjour,\nAppelez le [coordonnée à vérifier] demain.\n", Replace: true},
	}
	if diff := cmp.Diff(want, events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// BenchmarkStreamGuard streams a reply of about 1,000 tokens in pieces of
// five runes through the checks, as DraftStream does.
func BenchmarkStreamGuard(b *testing.B) {
	ps, err := prompts.Load("")
	if err != nil {
		b.Fatal(err)
	}
	leak := newPromptShingles(ps.SystemTexts())
	sentence := "Bonjour [NOM_1], la demande se fait en ligne sur le site officiel puis en mairie avec les pièces demandées [1]. "
	reply := strings.Repeat(sentence, 40)
	var pieces []string
	for r := []rune(reply); len(r) > 0; {
		n := min(5, len(r))
		pieces = append(pieces, string(r[:n]))
		r = r[n:]
	}
	m, err := redact.NewMapping([]redact.MappingEntry{{Placeholder: "[NOM_1]", Type: redact.NOM, Value: "Marie Dupont", Restore: true}})
	if err != nil {
		b.Fatal(err)
	}
	chk := &checker{passages: []Result{{Title: "Carte", URL: "https://www.service-public.fr/x", Text: "Texte."}},
		contacts: DefaultContactPolicy(), restore: m, policy: redact.DefaultPolicy()}
	b.ReportAllocs()
	for b.Loop() {
		g := &streamGuard{leak: leak.scanner(), emit: func(StreamEvent) error { return nil }}
		for _, p := range pieces {
			if err := g.add(chk, p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
