package api_test

import (
	"net/http"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// TestPublicReplyWithholdsARelativesName: on the Services Publics+
// channel, a name a relation word follows (« Je suis\nOdile Martin\nma
// voisine… ») is the neighbour's: the public reply never puts it back,
// where it greeted her as the writer.
func TestPublicReplyWithholdsARelativesName(t *testing.T) {
	t.Parallel()
	greet := func(openai.ChatCompletionRequest) (string, error) {
		return "Bonjour [NOM_1], voici la démarche décrite par la source [1]. Cordialement.", nil
	}
	e := newEnv(t, api.Config{RatePerSecond: -1}, llmtest.WithReply(greet))
	for _, tc := range []struct{ name, question, want string }{
		{"the neighbour's name", "Je suis\nOdile Martin\nma voisine n'a plus de chauffage depuis hier, comment l'aider pour sa carte d'identité ?", ""},
		{"the writer's name", "Bonjour, je suis Odile Martin, comment refaire ma carte d'identité ?", "Odile Martin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d rag.Draft
			e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent",
				body: map[string]any{"question": tc.question, "channel": "spp"}}).decode(t, &d)
			if got := strings.Contains(d.Draft, "Odile") || strings.Contains(d.Draft, "Martin"); got != (tc.want != "") ||
				tc.want != "" && !strings.Contains(d.Draft, tc.want) {
				t.Errorf("public reply (want the name %q):\n%s", tc.want, d.Draft)
			}
		})
	}
}
