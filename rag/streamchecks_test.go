package rag

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// streamSentences make the long drafts of the streamed checks' tests:
// identifierSentences, and links, e-mails, phone numbers and citations,
// kept or masked, some split by a sentence boundary of the stream (a
// line break inside a phone number or a citation, « ; » inside a
// citation, a cue on the line before a short number).
var streamSentences = append(append([]string(nil), identifierSentences...),
	"Voir https://www.service-public.fr/particuliers/vosdroits/F1342 et https://aides-faciles.com/rsa. ",
	"Rendez-vous sur impots.gouv.fr/particulier ou sur aides-cni.com ; écrivez à aide@gmail.com. ",
	"Appelez le 01\n23 45 67 89 ou le 06 12\n34 56 78 demain.\n",
	"Téléphone :\n3999 pour un conseiller, ou le 3230 pour la Caf. ",
	"Les sources [1;\n2] et [2; 9] le disent, pas [7]. ",
	"Payez sur evil.com:8080/pay ou 10.0.0.1:8443 ; version 1.2.3.4 du logiciel. ",
	"Écrivez à Contact@exemple-mairie.fr.\n",
	"Voir www.caf.fr/allocataires: la page.\n",
)

// sentenceCuts returns the lengths of draft at which a stream checks it:
// each sentence boundary (see sentenceBoundary), and the end.
func sentenceCuts(draft string) []int {
	var cuts []int
	for i := 1; i < len(draft); i++ {
		if draft[i-1] == '\n' || (draft[i-1] == ' ' || draft[i-1] == '\t') && i > 1 && strings.IndexByte(".!?:;", draft[i-2]) >= 0 {
			cuts = append(cuts, i)
		}
	}
	return append(cuts, len(draft))
}

// BenchmarkStreamChecks runs the checks of a draft of n sentences as a
// stream does: with one checker, after each sentence.
func BenchmarkStreamChecks(b *testing.B) {
	for _, n := range []int{25, 50, 100, 200} {
		draft := drawDraft(rand.New(rand.NewPCG(5, uint64(n))), streamSentences, n)
		cuts := sentenceCuts(draft)
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				chk := identifierChecker(b)
				for _, c := range cuts {
					chk.check(draft[:c])
				}
			}
		})
	}
}

// TestStreamChecksStreamed checks long drafts as a stream does, after
// each piece of a few bytes (cuts fall inside links, phone numbers and
// citations, and between a cue and its number) or after each sentence,
// with one checker that reads only what is new, and compares every
// result with a fresh checker's on the same text.
func TestStreamChecksStreamed(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(13, 2026))
	var whole []string
	for d := range 12 {
		draft := drawDraft(rng, streamSentences, 20+10*d)
		cuts := sentenceCuts(draft)
		if d%2 == 0 {
			cuts = randomCuts(rng, draft)
		}
		chk := identifierChecker(t)
		for _, end := range cuts {
			text, cites, warns := chk.check(draft[:end])
			wantText, wantCites, wantWarns := identifierChecker(t).check(draft[:end])
			if diff := cmp.Diff(checkResult{wantText, wantCites, wantWarns}, checkResult{text, cites, warns}); diff != "" {
				t.Fatalf("draft %d, %d bytes of %d, streamed (-whole +streamed):\n%s", d, end, len(draft), diff)
			}
		}
		whole = append(whole, identifierChecker(t).show(draft))
	}
	// The drafts must test something: each kind of value masked or kept.
	all := strings.Join(whole, "")
	for _, want := range []string{maskedContact, "[1, 2]", "www.caf.fr/allocataires", "Contact@exemple-mairie.fr", "3230"} {
		if !strings.Contains(all, want) {
			t.Errorf("no draft holds %q once checked: the drafts test nothing", want)
		}
	}
}

// randomCuts returns lengths of draft every few bytes, on rune starts.
func randomCuts(rng *rand.Rand, draft string) []int {
	var cuts []int
	for end := 0; end < len(draft); {
		end = min(len(draft), end+1+rng.IntN(40))
		for end < len(draft) && !utf8RuneStart(draft[end]) {
			end++
		}
		cuts = append(cuts, end)
	}
	return cuts
}

// TestSpanScanRestart checks the premise of spanScan on long drafts: at
// every restart point, the spans of each check split into those of the
// text before and after it.
func TestSpanScanRestart(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(17, 2026))
	checks := map[string]func(string, int) [][]int{
		"links": urlSpans, "e-mails": regexSpans(emailRe), "phones": phoneSpans, "citations": regexSpans(citationRe),
	}
	for d := range 3 {
		draft := drawDraft(rng, streamSentences, 30)
		points := 0
		for r := 2; r < len(draft); r++ {
			if !restartAt(draft, r) {
				continue
			}
			points++
			for name, spans := range checks {
				want := spans(draft, 0)
				got := append(spans(draft[:r], 0), spans(draft, r)...)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("draft %d, %s split at %d (%q): (-whole +split):\n%s", d, name, r, draft[max(0, r-20):min(len(draft), r+20)], diff)
				}
			}
		}
		if points < len(draft)/20 {
			t.Errorf("draft %d: %d restart points in %d bytes", d, points, len(draft))
		}
	}
}

// TestStreamChecksLinear streams a long draft through the guard: the
// scans of links, e-mails, phone numbers and citations read each byte
// once, plus a bounded margin per sentence, not the whole draft again at
// each sentence.
func TestStreamChecksLinear(t *testing.T) {
	t.Parallel()
	draft := drawDraft(rand.New(rand.NewPCG(7, 7)), streamSentences, 150)
	chk, steps := streamWords(t, draft)
	cc := chk.contactCheck
	for name, s := range map[string]*spanScan{"citations": &chk.citationCheck.markers, "links": &cc.urls, "e-mails": &cc.emails, "phones": &cc.phones} {
		// A rescan starts a few words before the end of the text
		// checked last, or before the first value it changed.
		if bound := len(draft) + steps*128; s.scanned > bound {
			t.Errorf("%s: %d bytes scanned for a draft of %d bytes in %d checks, over %d", name, s.scanned, len(draft), steps, bound)
		}
	}
}
