package rag

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/redact"
)

// identifierSentences make the long drafts of the identifiers check's
// tests: filler of several lengths, identifiers invented, from a source or
// the user's own, grouped oddly, announced on the line before, or cut by
// a line break (a sentence boundary of the stream).
var identifierSentences = []string{
	"Bonjour, ",
	"La demande se fait en ligne sur le site officiel, puis en mairie avec les pièces demandées [1]. ",
	"Vous recevrez une réponse sous deux mois ; sans réponse, la demande est rejetée. ",
	"Pensez à garder une copie de chaque pièce envoyée, elle vous sera utile si le dossier est perdu ou incomplet, ce qui arrive plus souvent qu'on ne le croit. ",
	"Votre IBAN FR76 3000 6000 0112 3456 7890 189 est enregistré. ",
	"Virement au compte FR76 3000 4000 0312 3456 7890 143 de la Caf. ",
	"Réglez avec la carte 4970 1012 3456 7890 avant la fin du mois. ",
	"Votre NIR 1 85 03 75 123 456 78 figure sur l'attestation. ",
	"Votre numéro de sécurité sociale 185037512345641 est le bon, pas le 2 90 01 13 004 077 02. ",
	"IBAN :\nFR76 3000 6000 0112 3456 7890 189\n",
	"Carte bancaire n° 4970 1012\n3456 7890 : elle est refusée. ",
	"Votre IBAN [IBAN_1] et votre NIR [NIR_1] restent masqués. ",
	"Appelez le 01 23 45 67 89 ou écrivez à contact@exemple-mairie.fr. ",
	"Le montant est de 1 250 euros pour 2026 (article L. 262-2).\n",
}

// drawDraft returns a draft of n sentences drawn by rng from sentences.
func drawDraft(rng *rand.Rand, sentences []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(sentences[rng.IntN(len(sentences))])
	}
	return b.String()
}

// identifierChecker is the checker of the identifiers tests: the
// sources of contactCases, the user's NIR.
func identifierChecker(t testing.TB) *checker {
	t.Helper()
	m, err := redact.NewMapping([]redact.MappingEntry{{Placeholder: "[NIR_1]", Type: redact.NIR, Value: "1 85 03 75 123 456 41", Restore: true}})
	if err != nil {
		t.Fatal(err)
	}
	var passages []Result
	for i, s := range contactSources {
		passages = append(passages, Result{Title: fmt.Sprintf("Source %d", i+1), URL: "https://www.service-public.fr/x", Text: s})
	}
	return &checker{passages: passages, contacts: DefaultContactPolicy(), restore: m, policy: redact.DefaultPolicy()}
}

// checkResult is what check returns, for comparing.
type checkResult struct {
	Text      string
	Citations []Citation
	Warnings  []Warning
}

// TestIdentifierScanStreamed checks long drafts as a stream does, after
// each piece of a few bytes (cuts fall inside identifiers and between a
// cue and its value), with one checker that reads only what is new, and
// compares every result with a fresh checker's on the same text.
func TestIdentifierScanStreamed(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 2026))
	masked := 0
	for d := range 4 {
		draft := drawDraft(rng, identifierSentences, 30+15*d)
		chk := identifierChecker(t)
		for _, end := range randomCuts(rng, draft) {
			text, cites, warns := chk.check(draft[:end])
			wantText, wantCites, wantWarns := identifierChecker(t).check(draft[:end])
			if diff := cmp.Diff(checkResult{wantText, wantCites, wantWarns}, checkResult{text, cites, warns}); diff != "" {
				t.Fatalf("draft %d, %d bytes of %d, streamed (-whole +streamed):\n%s", d, end, len(draft), diff)
			}
		}
		masked += strings.Count(identifierChecker(t).show(draft), maskedContact)
	}
	if masked == 0 {
		t.Error("no identifier masked: the drafts test nothing")
	}
}

// utf8RuneStart reports whether b starts a rune.
func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// TestIdentifierScanLinear streams a long draft through the guard: the
// identifiers check gives the redactor each byte once, plus a bounded
// margin per sentence, not the whole draft again at each sentence.
func TestIdentifierScanLinear(t *testing.T) {
	t.Parallel()
	draft := drawDraft(rand.New(rand.NewPCG(7, 7)), identifierSentences, 150)
	chk, steps := streamWords(t, draft)
	bound := len(draft) + steps*(identifierSettle+identifierLead+64)
	if chk.contactCheck.ids.scanned > bound {
		t.Errorf("%d bytes redacted for a draft of %d bytes in %d checks, over %d", chk.contactCheck.ids.scanned, len(draft), steps, bound)
	}
}

// streamWords streams draft word by word through the guard, with an
// identifierChecker, and returns the checker and the number of checks.
// What the guard shows at the end must be the whole draft checked.
func streamWords(t *testing.T, draft string) (*checker, int) {
	t.Helper()
	chk := identifierChecker(t)
	g := &streamGuard{leak: newPromptShingles(nil).scanner(), emit: func(StreamEvent) error { return nil }}
	steps := 0
	for piece := range strings.SplitAfterSeq(draft, " ") {
		before := g.checkedTo
		if err := g.add(chk, piece); err != nil {
			t.Fatal(err)
		}
		if g.checkedTo != before {
			steps++
		}
	}
	if want := identifierChecker(t).show(draft); g.shown != want {
		t.Errorf("streamed draft differs from the whole draft checked:\n%s\nwant\n%s", g.shown, want)
	}
	return chk, steps
}

// BenchmarkIdentifierScan checks drafts of n sentences as a stream does,
// after each sentence: "streamed" with one scan that reads what is new,
// "rescan" with a fresh scan of the whole text each time (as before).
// Its time and the bytes it gives the redactor (redacted-B/op) grow
// linearly with n streamed, quadratically rescanned.
func BenchmarkIdentifierScan(b *testing.B) {
	for _, n := range []int{25, 50, 100, 200} {
		draft := drawDraft(rand.New(rand.NewPCG(3, uint64(n))), identifierSentences, n)
		var cuts []int
		for i := range draft {
			if i > 0 && draft[i-1] == ' ' && strings.IndexByte(".:;", draft[max(0, i-2)]) >= 0 || draft[i] == '\n' {
				cuts = append(cuts, i)
			}
		}
		cuts = append(cuts, len(draft))
		for _, mode := range []string{"streamed", "rescan"} {
			b.Run(fmt.Sprintf("mode=%s/sentences=%d", mode, n), func(b *testing.B) {
				b.SetBytes(int64(len(draft)))
				redacted := 0
				for b.Loop() {
					s := newIdentifierScan(contactSources, nil)
					for _, c := range cuts {
						if mode == "rescan" {
							redacted += s.scanned
							s = newIdentifierScan(contactSources, nil)
						}
						s.replace(draft[:c])
					}
					redacted += s.scanned
				}
				b.ReportMetric(float64(redacted)/float64(b.N), "redacted-B/op")
			})
		}
	}
}
