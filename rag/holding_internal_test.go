package rag

import (
	"testing"

	"github.com/plume-sp/plume/llm"
)

// TestKeepsHolding checks what a model's reply without sources may say:
// the line the prompt asked for first, no figure, link nor e-mail address
// besides placeholders and the service's name.
func TestKeepsHolding(t *testing.T) {
	t.Parallel()
	asked := []llm.Message{{Role: llm.RoleUser, Content: llm.Official("Commencez par la ligne « " + holdingLine + " »")}}
	notAsked := []llm.Message{{Role: llm.RoleUser, Content: llm.Official("Écrivez une note de deux lignes.")}}
	for _, tt := range []struct {
		name   string
		reply  string
		prompt []llm.Message
		want   bool
	}{
		{"holding reply", holdingLine + "\n\nBonjour [NOM_1], votre demande est examinée.\n\nLe service Mairie du 11e", asked, true},
		{"line in other case", "à vérifier par l'agent : aucune source trouvée\nBonjour.", asked, true},
		{"no line", "Bonjour, votre demande est examinée.", asked, false},
		{"line not first", "Bonjour.\n" + holdingLine, asked, false},
		{"note without the line, not asked", "Aucune fiche ne répond : vérifiez sur le site de l'organisme.", notAsked, true},
		{"figure", holdingLine + "\nLe délai est de 3 semaines.", asked, false},
		{"figure, not asked", "Le délai est de 3 semaines.", notAsked, false},
		{"link", holdingLine + "\nVoyez https://example.org/aide.", asked, false},
		{"e-mail", holdingLine + "\nÉcrivez à aide@exemple.fr.", asked, false},
	} {
		if got := keepsHolding(tt.reply, tt.prompt, "Mairie du 11e"); got != tt.want {
			t.Errorf("%s: keepsHolding(%q) = %v, want %v", tt.name, tt.reply, got, tt.want)
		}
	}
}
