package rag_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// The message of the name tests: its author, then a neighbour.
const (
	authorAndNeighbour = "Bonjour, je suis Mme Claire Martin, comment changer l'adresse de ma carte grise ? " +
		"Mon voisin Paul Durand a le même souci."
	neighbourReply = "Bonjour [NOM_1], pour changer l'adresse de votre carte grise, voyez la source [1]. " +
		"Nous contacterons [NOM_2] comme demandé."
)

// TestPublicReplyRestoresOnlyTheAuthorsName checks that a public Services
// Publics+ reply gets back the name of the message's author only, never
// another person's the message names (streamed or not: not even on the
// screen), and that a private e-mail reply gets both back.
func TestPublicReplyRestoresOnlyTheAuthorsName(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	srv := llmtest.New(t, fixedReply(neighbourReply), llmtest.WithStreamChunks(5, 0))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	ctx := context.Background()
	for _, stream := range []bool{false, true} {
		t.Run(fmt.Sprintf("spp stream=%v", stream), func(t *testing.T) {
			req := rag.Request{Question: authorAndNeighbour, Channel: "spp"}
			var sc screen
			var got rag.Draft
			var err error
			if stream {
				got, err = streamDraft(ctx, d, req, sc.apply)
			} else {
				got, err = writeDraft(ctx, d, req)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Extractive || !strings.HasPrefix(got.Draft, "Bonjour Claire Martin,") {
				t.Errorf("draft (extractive %v) does not greet the author:\n%s", got.Extractive, got.Draft)
			}
			if strings.Contains(got.Draft, "Durand") || sc.everShown("Durand") {
				t.Errorf("the public reply names the neighbour:\n%s", got.Draft)
			}
			w, ok := findWarning(got, rag.WarnPublicWithheld)
			if !ok {
				t.Fatalf("no %s warning: %v", rag.WarnPublicWithheld, warningCodes(got))
			}
			if diff := cmp.Diff([]string{"[NOM_2]"}, w.Values); diff != "" {
				t.Errorf("withheld placeholders (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("email", func(t *testing.T) {
		got, err := writeDraft(ctx, d, rag.Request{Question: authorAndNeighbour, Channel: "email"})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Bonjour Claire Martin,", "Nous contacterons Paul Durand"} {
			if !strings.Contains(got.Draft, want) {
				t.Errorf("the e-mail draft lacks %q:\n%s", want, got.Draft)
			}
		}
	})
}

// TestExtractiveDraftGreetsTheAuthor checks the greeting of a draft written
// without a model: the author by name when a cue names them (« je suis »,
// a signature), « Madame, Monsieur, » when the message names only other
// people, on the public and the e-mail channels alike; and never another
// person's name on the public channel.
func TestExtractiveDraftGreetsTheAuthor(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	d := env.drafter(nil)
	ctx := context.Background()
	tests := []struct {
		name, question, greeting, absent string
	}{
		{"a son, then the signature",
			"Bonjour, mon fils Lucas Bernard a perdu sa carte d'identité, comment la refaire ? Merci, Sophie Bernard",
			"Bonjour Sophie Bernard,", "Lucas"},
		{"an ex-husband, then je suis",
			"Mon ex-mari Marc Petit a gardé ma carte d'identité. Comment la refaire ? Je suis Mme Julie Petit.",
			"Bonjour Madame Julie Petit,", "Marc"},
		{"only a son",
			"Bonjour, mon fils Lucas Bernard a perdu sa carte d'identité, comment la refaire ?",
			"Madame, Monsieur,", "Lucas"},
	}
	for _, tt := range tests {
		for _, channel := range []string{"spp", "email"} {
			t.Run(tt.name+" "+channel, func(t *testing.T) {
				got, err := writeDraft(ctx, d, rag.Request{Question: tt.question, Channel: channel})
				if err != nil {
					t.Fatal(err)
				}
				if !got.Extractive {
					t.Fatalf("not extractive: %v", warningCodes(got))
				}
				if !strings.HasPrefix(got.Draft, tt.greeting+"\n") {
					t.Errorf("draft starts %q, want %q", firstLine(got.Draft), tt.greeting)
				}
				if strings.Contains(got.Draft, tt.absent) {
					t.Errorf("the draft names %q:\n%s", tt.absent, got.Draft)
				}
			})
		}
	}
}
