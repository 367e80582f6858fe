package rag

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/redact"
)

// TestWithoutCredentials checks which clauses are left out of the search:
// those that only give credentials, not those that ask about them nor a
// message that is nothing else.
func TestWithoutCredentials(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, want string }{
		{"mon mot de passe est Castor!77, comment refaire ma carte d'identité ?", "comment refaire ma carte d'identité ?"},
		{"Je vous donne mon identifiant et mon mot de passe : comment demander la prime d'activité ?", "comment demander la prime d'activité ?"},
		{"Bonjour, mon mdp : Soleil2024! Je voudrais refaire mon passeport.", "Bonjour, Je voudrais refaire mon passeport."},
		{"identifiant : jdupont, mot de passe : Soleil2024! Comment voter ?", "Comment voter ?"},
		// Asking about a password, or a clause that says more, is searched.
		{"J'ai oublié mon mot de passe, comment le changer ?", "J'ai oublié mon mot de passe, comment le changer ?"},
		{"Mot de passe : comment le récupérer ?", "Mot de passe : comment le récupérer ?"},
		{"je n'ai pas mon mot de passe, que faire ?", "je n'ai pas mon mot de passe, que faire ?"},
		{"J'ai un problème avec mon mot de passe impots.gouv", "J'ai un problème avec mon mot de passe impots.gouv"},
		{"mon code postal est le 75011, comment voter ?", "mon code postal est le 75011, comment voter ?"},
		// The next clause speaks of the credential: searched as it is.
		{"Voici mon mot de passe : Soleil2024! Il ne marche pas", "Voici mon mot de passe : Soleil2024! Il ne marche pas"},
		// Nothing else to search: the message is searched as it is.
		{"Voici mon mot de passe : Castor!77", "Voici mon mot de passe : Castor!77"},
	} {
		red := redactedText(t, tt.text)
		got := strings.Fields(fold.Words(stripPlaceholders(withoutCredentials(red)).String()))
		if diff := cmp.Diff(strings.Fields(fold.Words(stripPlaceholders(redactedText(t, tt.want)).String())), got); diff != "" {
			t.Errorf("withoutCredentials(%q) (-want +got):\n%s", red, diff)
		}
	}
}

// redactedText is text redacted with the default policy.
func redactedText(t *testing.T, text string) redact.Text {
	t.Helper()
	red, err := redact.Redact(context.Background(), text, redact.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	return red.Text
}
