package triage

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSentences checks where messages are cut: a single line break is a
// space inside a sentence (an e-mail wrapped at a fixed width), a blank
// line, a list item or punctuation still ends one; the sentences are byte
// ranges of the text as given.
func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"wrapped", "Bonjour,\nje n en peux plus, je veux me\nsuicider. Merci",
			[]string{"Bonjour,\nje n en peux plus, je veux me\nsuicider.", "Merci"}},
		{"wrapped crlf", "je veux me\r\nsuicider\r\n\r\nMerci", []string{"je veux me\r\nsuicider", "Merci"}},
		{"lone cr", "mon mari me\rfrappe", []string{"mon mari me\rfrappe"}},
		{"blank line", "Objet : loyer\n\nBonjour", []string{"Objet : loyer", "Bonjour"}},
		{"blank line of spaces", "Objet : loyer\n \t\n  Bonjour", []string{"Objet : loyer", "Bonjour"}},
		{"blank line of invisibles", "Objet : loyer\n\u200b\nBonjour", []string{"Objet : loyer", "Bonjour"}},
		{"punctuation at the line end", "J'ai peur !\nIl revient ce soir", []string{"J'ai peur !", "Il revient ce soir"}},
		{"list", "Pièces :\n- avis d'imposition\n- RIB\n2) bail", []string{"Pièces :", "- avis d'imposition", "- RIB", "2) bail"}},
		{"paragraph separator", "loyer\u2029Bonjour", []string{"loyer", "Bonjour"}},
		{"line separator", "je veux me\u2028suicider", []string{"je veux me\u2028suicider"}},
		{"trailing break", "Merci\n", []string{"Merci"}},
		{"invisible edges", "\ufeffBonjour\u200b", []string{"Bonjour"}},
		{"dash inside a line", "Bonjour\n-3 degrés chez moi", []string{"Bonjour\n-3 degrés chez moi"}},
		{"a closing quote ends its sentence", "Il m'a dit « tu vas voir. » Je veux mourir.", []string{"Il m'a dit « tu vas voir. »", "Je veux mourir."}},
		{"an opening straight quote starts the next", `Il dit. "Bonjour" ok`, []string{"Il dit.", `"Bonjour" ok`}},
		{"a closing bracket and quote", `(c'est fini.) "Merci !" Bonjour`, []string{"(c'est fini.)", `"Merci !"`, "Bonjour"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range newMessage(tc.text, evalNow).sentences {
				got = append(got, tc.text[s.start:s.end])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("sentences of %q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestHiddenCues checks that a cue split by a line break or an invisible
// character is read, and that each reason's offsets point at its sentence
// in the text as given.
func TestHiddenCues(t *testing.T) {
	tests := []struct {
		name, text string
		code       string
		sentence   string
	}{
		{"line break", "Bonjour,\nje n en peux plus, je veux me\nsuicider. Merci", CodeSuicide,
			"Bonjour,\nje n en peux plus, je veux me\nsuicider."},
		{"crlf", "Bonjour,\r\nje n en peux plus, je veux me\r\nsuicider. Merci", CodeSuicide,
			"Bonjour,\r\nje n en peux plus, je veux me\r\nsuicider."},
		{"my days", "Bonjour, je pense à mettre fin\na mes jours.\n\nCordialement", CodeSuicide,
			"Bonjour, je pense à mettre fin\na mes jours."},
		{"husband", "Madame,\n\nmon mari me\nfrappe. Que faire ?", CodeViolence, "mon mari me\nfrappe."},
		{"zero-width space", "je veux me su\u200bicider", CodeSuicide, "je veux me su\u200bicider"},
		{"soft hyphen", "Merci. je veux me sui\u00adcider", CodeSuicide, "je veux me sui\u00adcider"},
		{"zero-width joiner", "je veux me sui\u200dcider", CodeSuicide, "je veux me sui\u200dcider"},
		{"byte order mark", "\ufeffmon mari me fr\ufeffappe", CodeViolence, "mon mari me fr\ufeffappe"},
		{"word joiner", "mon mari me frap\u2060pe", CodeViolence, "mon mari me frap\u2060pe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := AssessAt(context.Background(), tc.text, evalNow)
			if a.Level != Urgent {
				t.Fatalf("AssessAt(%q) = %s %v, want urgent", tc.text, a.Level, a.Codes())
			}
			for _, r := range a.Reasons {
				if r.Code != tc.code {
					continue
				}
				if got := tc.text[r.Start:r.End]; got != tc.sentence {
					t.Errorf("reason %s points at %q, want %q", r.Code, got, tc.sentence)
				}
				return
			}
			t.Errorf("AssessAt(%q) codes %v, want %s", tc.text, a.Codes(), tc.code)
		})
	}
}
