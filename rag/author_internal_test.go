package rag

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/redact"
)

// TestAuthorOf checks who a message's author is, from its redacted text
// and entities: only a name a cue ties to the writer, never a relative's,
// a neighbour's or an addressee's, and the greeting that follows.
func TestAuthorOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, message string
		// names are the values of the author's placeholders.
		names    []string
		greeting string
	}{
		{"je suis, then a neighbour",
			"Bonjour, je suis Mme Claire Martin, comment changer l'adresse de ma carte grise ? Mon voisin Paul Durand a le même souci.",
			[]string{"Claire Martin"}, "Bonjour Madame [NOM_1],"},
		{"a son, then the signature after a thanks",
			"Bonjour, mon fils Lucas Bernard a perdu sa carte d'identité, comment la refaire ? Merci, Sophie Bernard",
			[]string{"Sophie Bernard"}, "Bonjour [NOM_2],"},
		{"an ex-husband, then je suis",
			"Mon ex-mari Marc Petit me menace. Je suis Mme Julie Petit.",
			[]string{"Julie Petit"}, "Bonjour Madame [NOM_2],"},
		{"je m'appelle, then the wife",
			"Je m’appelle Karim Benali et ma femme Sara Benali voudrait renouveler son passeport.",
			[]string{"Karim Benali"}, "Bonjour [NOM_1],"},
		{"a signature line after a closing",
			"Bonjour,\nma carte grise est perdue, que faire ?\nCordialement,\nM. Jean Dupont\nTél : 06 12 34 56 78",
			// The redactor masks the civility with the name here.
			[]string{"M. Jean Dupont"}, "Bonjour [NOM_1],"},
		{"a letter's heading",
			"Mme Claire Martin\n12 rue des Lilas 75011 Paris\n\nObjet : carte grise\nMadame, Monsieur, comment changer l'adresse ?",
			[]string{"Claire Martin"}, "Bonjour Madame [NOM_1],"},
		{"c'est after a greeting",
			"slt c'est Nawel Haddad, ma carte vitale est bloquée",
			[]string{"Nawel Haddad"}, "Bonjour [NOM_1],"},
		{"only a child",
			"Bonjour, je suis la mère de Lucas Martin, comment l'inscrire à la cantine ?",
			nil, "Madame, Monsieur,"},
		{"an addressee, not the writer",
			"Madame Durand, je vous écris au sujet de la carte grise de mon fils Lucas Martin.",
			nil, "Madame, Monsieur,"},
		{"a thanks to someone",
			"Comment refaire ma carte grise ? Merci Madame Durand",
			nil, "Madame, Monsieur,"},
		{"a name announced, not signed",
			"Je demande une carte d'identité pour mon fils :\nLucas Martin",
			nil, "Madame, Monsieur,"},
		{"a name alone on a line, then the story",
			"slt\nmon fils\nLucas Martin\nsa carte perdue",
			nil, "Madame, Monsieur,"},
		{"a name in the last sentence",
			"Bonjour, comment refaire ma carte ? Mon voisin Paul Durand",
			nil, "Madame, Monsieur,"},
		{"no name", "Comment refaire ma carte grise ?", nil, "Madame, Monsieur,"},
		{"c'est later names a son",
			"Bonjour, mon fils a 15 ans et a perdu sa carte d'identité. C'est Lucas Bernard, il est au collège.",
			nil, "Madame, Monsieur,"},
		{"c'est X qui",
			"Mon fils a perdu sa carte. C'est Lucas Bernard qui doit la refaire ?",
			nil, "Madame, Monsieur,"},
		{"c'est a social worker",
			"Bonjour, c'est Mme Sophie Durand, l'assistante sociale, qui m'a conseillé de vous écrire.",
			nil, "Madame, Monsieur,"},
		{"c'est a daughter",
			"Bonjour, c'est Léa Martin, elle a 17 ans, peut-elle faire sa carte seule ?",
			nil, "Madame, Monsieur,"},
		{"a bare last line under a story about a father",
			"Bonjour,\nje vous écris pour mon père.\nJean Dupont",
			nil, "Madame, Monsieur,"},
		{"je suis, then a name a relation word follows",
			"Je suis\nOdile Martin\nma voisine n'a plus de chauffage depuis hier, que faire ?",
			nil, "Madame, Monsieur,"},
		{"je suis X, ma voisine",
			"Bonjour, je suis Mme Odile Martin, ma voisine, elle ne sait plus écrire.",
			nil, "Madame, Monsieur,"},
		{"je suis X, mon fils Y",
			"Bonjour, je suis Sophie Bernard, mon fils Lucas Bernard a perdu sa carte.",
			[]string{"Sophie Bernard"}, "Bonjour [NOM_1],"},
		{"a closing alone on the line above",
			"Bonjour,\nma carte grise est perdue, que faire ?\nMerci d'avance,\nJean Dupont",
			[]string{"Jean Dupont"}, "Bonjour [NOM_1],"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			red, err := redact.Redact(context.Background(), tt.message, redact.DefaultPolicy())
			if err != nil {
				t.Fatal(err)
			}
			a := authorOf(red.Text, red.Entities)
			var names []string
			for _, ph := range a.names {
				v, _ := red.Mapping.Value(ph)
				names = append(names, v)
			}
			if diff := cmp.Diff(tt.names, names); diff != "" {
				t.Errorf("author of %q (redacted %q) (-want +got):\n%s", tt.message, red.Text, diff)
			}
			if got := a.greeting(); got != tt.greeting {
				t.Errorf("greeting %q, want %q (redacted %q)", got, tt.greeting, red.Text)
			}
		})
	}
}

// TestNameSpansFollowsShifts checks that the positions of the names in the
// redacted text follow the entities, values longer and shorter than their
// placeholders before them.
func TestNameSpansFollowsShifts(t *testing.T) {
	t.Parallel()
	const message = "Mon IBAN FR76 3000 6000 0112 3456 7890 189, tél 0612345678, je suis Jo Li et mon fils Maximilien-Alexandre Durand-Lefebvre."
	red, err := redact.Redact(context.Background(), message, redact.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	s := red.Text.String()
	var got []string
	for _, sp := range nameSpans(s, red.Entities) {
		got = append(got, s[sp.start:sp.end])
	}
	if diff := cmp.Diff([]string{"[NOM_1]", "[NOM_2]"}, got); diff != "" {
		t.Errorf("name spans in %q (-want +got):\n%s", s, diff)
	}
}
