package rag_test

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// message is one line of rag/testdata/messages.jsonl: a message written the
// way users write (a greeting, a story, personal data, typos, sometimes two
// questions or English) and the pages that answer it.
type message struct {
	rag.EvalQuestion
	// Corpus is "spf" when the answer is among the 535 fiches, "vosdroits"
	// when it is only in the whole 2020 corpus, "none" out of corpus.
	Corpus  string `json:"corpus"`
	Channel string `json:"channel"`
}

// Half names the half of the messages a message belongs to. The split was
// made once, by a fixed rule: the FNV-1a hash of the id, even for the
// tuning half (weights and thresholds are chosen on it), odd for the test
// half (figures and gates come from it).
func (m message) Half() string {
	if fnv32a(m.ID)%2 == 0 {
		return "tuning"
	}
	return "test"
}

// fnv32a is the FNV-1a hash of s.
func fnv32a(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func loadUserMessages(tb testing.TB) []message {
	return loadMessageFile(tb, messagesFile)
}

// The message sets: messagesFile was written for issue "Real messages" and
// tuned on for several sessions; heldOutFile (retr7) was written on
// 2026-12-01 by two writers who never saw the code, each given 50 fiches
// drawn at random (seed 20261201) among those messagesFile does not label,
// and measured whole once before and once after that day's semantic list;
// it is split by the same rule, its tuning half usable for tuning.
// heldOut8File (retr8) was written the same way on the next session's
// day by two new writers (50 fiches each, seed 20261202, among those
// neither earlier file labels; 15 out-of-corpus messages each), and
// measured whole before that session's changes. heldOut9File (retr9) was
// written on the session after by one new writer (30 fiches and 30 pages
// of the 2020 corpus, seed 20261203, among those no earlier file labels;
// 15 out-of-corpus messages), measured whole once before and once after
// that session's changes. heldOut10File (retr10) was written on the
// session after that by one new writer the same way (30 fiches and 30
// pages of the 2020 corpus, seed 20261201 among those no earlier file
// labels; 15 out-of-corpus messages, 12 of them near-misses), measured
// whole once before and once after that session's changes.
// heldOut11File (retr11) was written on the next session (11) by two new
// writers, one on 30 fiches, one on 30 pages of the 2020 corpus (seed
// 20261211, among those no earlier file labels), each with out-of-corpus
// messages (15 in all, every one a near-miss), measured whole once before
// and once after that session's changes. heldOut12File (retr12) was
// written on session 12 by two new writers, each on 15 fiches and 15 pages
// of the 2020 corpus (seed 20261221, among those no earlier file labels),
// each with 8 out-of-corpus messages (16 in all, every one a near-miss),
// measured whole once before and once after that session's changes.
// heldOut13File (retr13) was written on session 13 by two new writers,
// each on 25 fiches and 15 pages of the 2020 corpus (seeds 20261231 and
// 20261241, among those no earlier file labels, none shared), each with
// 10 out-of-corpus messages, measured whole once before and once after
// that session's changes (no retrieval change landed: the same figures).
// heldOut14File (retr14) was written on session 14 by two new writers,
// each on 40 fiches and 10 pages of the 2020 corpus (seeds 20261251 and
// 20261261, among those no earlier file labels, none shared), each with
// 12 out-of-corpus messages, every one a near-miss (a case's status, a
// site's bug, a local decision, another country's rules, an opinion),
// measured whole once before and once after that session's changes.
// heldOut15File (retr15) was written on session 15 by two new writers,
// each on 28 fiches and 22 pages of the 2020 corpus (seeds 20261271 and
// 20261281; the fiches no earlier file labels, then the least labelled,
// since every fiche had been labelled once; none shared), each with 12
// out-of-corpus messages, mostly near-misses, measured whole once before
// and once after that session's changes (the same figures). On its test
// half plume was then one message under BM25 at recall@10 over the
// fiches (0.893 against 0.929), so it was kept out of heldOutSets, its
// tuning half in messageFiles; session 17's change to the ranking (the
// ranker orders the places after the first five pages too) brought it
// level (0.929) and gated it (README, "Retrieval", retr15).
// heldOut16File (retr16) was written on session 16 by two new writers,
// each on 32 fiches and 18 pages of the 2020 corpus (seeds 20261291 and
// 20261301, the least labelled fiches first; none shared), each with 12
// out-of-corpus near-misses, measured whole once before and once after
// that session's changes (the same figures: no change to the ranking
// landed on by default). Like retr15, one message under BM25 at
// recall@10 over the fiches on its test half (0.875 against 0.906) kept
// it out of heldOutSets until session 17's change to the ranking, which
// raised it to 0.938 and gated it.
// heldOut17File (retr17) was written on session 17 by two new writers,
// each on 32 fiches and 18 pages of the 2020 corpus (seeds 20261311 and
// 20261321, the least labelled fiches first; none shared), each with 12
// out-of-corpus near-misses, measured whole once on the session's start
// and committed, gated, before its changes to the ranking.
// heldOut18File (retr18) was written on session 18 by two new writers the
// same way (seeds 20261331 and 20261341; 18a young people, retirees,
// rural users and foreigners; 18b working parents, small business owners,
// civil servants, angry complainers, advisers' terse notes), measured
// whole once on the session's start and committed, gated, before its
// changes.
// heldOut19File (retr19) was written on session 19 by two new writers the
// same way, each on 25 fiches and 25 pages of the 2020 corpus (seeds
// 20261351 and 20261361; 19a retirees, young workers, a farmer, a student,
// a nurse, foreigners; 19b SMS style, run-on paragraphs, angry public
// posts, terse advisers' notes, English speakers), measured whole once on
// the session's start and committed, gated, before its changes.
// heldOut20File (retr20) was written on session 20 by two new writers the
// same way, each on 30 fiches and 20 pages of the 2020 corpus (seeds
// 20261371 and 20261381; 20a older people, rural users, small business
// owners, advisers' quick notes, long rambling e-mails; 20b students, young
// parents, foreign residents in English, Spanish and Arabic-French mixes,
// angry public posts, SMS-style blobs), each with 12 messages meant out of
// corpus. The writers saw only their 50 pages: a third helper, who never
// saw the code, read each of the 24 beside the 10 pages a plain BM25 over
// the whole corpus ranks first and found 15 answered (their pages labelled
// since; a bias towards BM25, the baseline, on those 15). Measured whole
// once on the session's start (998f8ac): on its test half plume is one
// message under BM25 at recall@10 over the fiches (0.889 against 0.926;
// recall@5 0.889 against 0.852, MRR 0.799 against 0.656), so like retr15
// and retr16 it is kept out of heldOutSets, its tuning half in
// messageFiles, until a change to the ranking brings it level.
// heldOut21File (retr21) was written on session 21 by two new writers the
// same way, each on 35 fiches and 15 pages of the 2020 corpus (seeds
// 20261391 and 20261401; 21a older and rural people, people born abroad
// in simple French, some English, a third advisers' notes; 21b young
// people in SMS style, hurried and angry writers, two questions a
// message, landlords and small employers, mixed French and English),
// each with 12 messages meant out of corpus, which a third helper, who
// never saw the code, read beside the 10 pages a plain BM25 over the
// whole corpus ranks first: none of the 24 answered. Measured whole once
// on session 20's final code (2591ef5) and committed, gated, before
// session 21's changes. shortHeld21File (short21) holds short
// questions, 4 to 25 words, written on session 21 by a new writer: 70
// on fiches little used by the other sets (seed 20261411), one each, and
// 70 meant out of corpus after reading the 535 fiches' titles (absent
// topics, near-misses, vague or off-topic questions); two helpers who
// never saw the code read those 70 beside BM25's top ten over the whole
// corpus and found 26 answered by a page of the 2020 corpus only
// (labelled "vosdroits" since; none by a fiche). Measured whole once on
// 2591ef5 and committed, gated, before session 21's changes.
// heldOut22File (retr22) was written on session 22 by two new writers,
// each on 50 fiches little used by the other sets (seeds 20261421 and
// 20261431; 22a older people, parents, rural residents, advisers' notes,
// English and broken French; 22b young people in SMS style, workers and
// the self-employed, students, angry or anxious writers, forwarded
// e-mails, two questions a message), each with 12 messages meant out of
// corpus, which a third helper, who never saw the code, read beside the
// 10 pages a plain BM25 over the whole corpus ranks first: 9 of the 24
// are answered by a page of the 2020 corpus only (labelled "vosdroits");
// two messages got a second fiche that also answers them (r22a-021,
// r22a-029, as their writer noted). Measured whole once on session 21's
// final code (4695c53) and committed, gated, before session 22's changes.
const (
	messagesFile    = "messages.jsonl"
	heldOutFile     = "messages-r7.jsonl"
	heldOut8File    = "messages-r8.jsonl"
	heldOut9File    = "messages-r9.jsonl"
	heldOut10File   = "messages-r10.jsonl"
	heldOut11File   = "messages-r11.jsonl"
	heldOut12File   = "messages-r12.jsonl"
	heldOut13File   = "messages-r13.jsonl"
	heldOut14File   = "messages-r14.jsonl"
	heldOut15File   = "messages-r15.jsonl"
	heldOut16File   = "messages-r16.jsonl"
	heldOut17File   = "messages-r17.jsonl"
	heldOut18File   = "messages-r18.jsonl"
	heldOut19File   = "messages-r19.jsonl"
	heldOut20File   = "messages-r20.jsonl"
	heldOut21File   = "messages-r21.jsonl"
	shortHeld21File = "messages-s21.jsonl"
	heldOut22File   = "messages-r22.jsonl"
)

func loadMessageFile(tb testing.TB, name string) []message {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	var out []message
	for n, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var m message
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			tb.Fatalf("%s:%d: %v", name, n+1, err)
		}
		out = append(out, m)
	}
	return out
}

// messageSet returns the questions of one half for a corpus: with only the
// 535 fiches ("spf"), the messages they answer and the out-of-corpus ones;
// with the whole corpus ("full"), every message.
func messageSet(ms []message, corpus, half string) []rag.EvalQuestion {
	var out []rag.EvalQuestion
	for _, m := range ms {
		if m.Half() != half || (corpus == "spf" && m.Corpus == "vosdroits") {
			continue
		}
		out = append(out, m.EvalQuestion)
	}
	return out
}

// formatReports prints plume beside BM25 on the same questions.
func formatReports(name string, plume, bm25 rag.EvalReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d messages (%d answerable, %d out of corpus)\n", name, plume.N, plume.Answerable, plume.OutOfCorpus)
	fmt.Fprintf(&b, "  %-6s r@1 %.3f  r@5 %.3f  r@10 %.3f  MRR %.3f\n", "BM25", bm25.RecallAt1, bm25.RecallAt5, bm25.RecallAt10, bm25.MRR)
	fmt.Fprintf(&b, "  %-6s r@1 %.3f  r@5 %.3f  r@10 %.3f  MRR %.3f  reliable: answerable %.3f, found in top 5 %.3f; out of corpus flagged %.3f; p50 %.1f ms p95 %.1f ms\n",
		"plume", plume.RecallAt1, plume.RecallAt5, plume.RecallAt10, plume.MRR,
		plume.ReliableAnswerable, plume.ReliableFoundInTop5, plume.FlaggedOutOfCorpus, plume.LatencyP50, plume.LatencyP95)
	fmt.Fprintf(&b, "  %-6s as drafts decide (no reliable source among the first %d passages): found in top 5 %.3f; out of corpus flagged %.3f\n",
		"", 5, plume.DraftReliableFoundInTop5, plume.DraftFlaggedOutOfCorpus)
	return b.String()
}

// messageGoals are the gates of one corpus, on the test half.
type messageGoals struct {
	minRecall5, minOverBM25, minReliableFound, minFlagged float64
}

// checkMessages evaluates plume and BM25 on both halves of the messages for
// a corpus, logs them, and gates the test half.
func checkMessages(t *testing.T, st *store.Store, s *rag.Searcher, corpus string, goals messageGoals) {
	checkMessageFile(t, st, s, messagesFile, corpus, goals)
}

// heldOutSet is a held-out message file with its goals on each corpus.
type heldOutSet struct {
	file      string
	spf, full messageGoals
}

// heldOutSets are the held-out message files, oldest first.
var heldOutSets = []heldOutSet{
	{heldOutFile, spfHeldOutGoals, fullHeldOutGoals},
	{heldOut8File, spfHeldOut8Goals, fullHeldOut8Goals},
	{heldOut9File, spfHeldOut9Goals, fullHeldOut9Goals},
	{heldOut10File, spfHeldOut10Goals, fullHeldOut10Goals},
	{heldOut11File, spfHeldOut11Goals, fullHeldOut11Goals},
	{heldOut12File, spfHeldOut12Goals, fullHeldOut12Goals},
	{heldOut13File, spfHeldOut13Goals, fullHeldOut13Goals},
	{heldOut14File, spfHeldOut14Goals, fullHeldOut14Goals},
	{heldOut15File, spfHeldOut15Goals, fullHeldOut15Goals},
	{heldOut16File, spfHeldOut16Goals, fullHeldOut16Goals},
	{heldOut17File, spfHeldOut17Goals, fullHeldOut17Goals},
	{heldOut18File, spfHeldOut18Goals, fullHeldOut18Goals},
	{heldOut19File, spfHeldOut19Goals, fullHeldOut19Goals},
	{heldOut21File, spfHeldOut21Goals, fullHeldOut21Goals},
	{shortHeld21File, spfShort21Goals, fullShort21Goals},
	{heldOut22File, spfHeldOut22Goals, fullHeldOut22Goals},
}

// checkHeldOut is checkMessages on every held-out set, each with its goals
// for the corpus.
func checkHeldOut(t *testing.T, st *store.Store, s *rag.Searcher, corpus string) {
	for _, set := range heldOutSets {
		goals := set.spf
		if corpus == "full" {
			goals = set.full
		}
		checkMessageFile(t, st, s, set.file, corpus, goals)
	}
}

// checkMessageFile evaluates plume and BM25 on both halves of a message
// file for a corpus, logs them, and gates the test half.
func checkMessageFile(t *testing.T, st *store.Store, s *rag.Searcher, file, corpus string, goals messageGoals) {
	ms := loadMessageFile(t, file)
	ix := loadBM25(t, st)
	for _, half := range []string{"tuning", "test"} {
		qs := messageSet(ms, corpus, half)
		plume, err := s.Evaluate(context.Background(), qs, 10)
		if err != nil {
			t.Fatal(err)
		}
		bm25 := ix.evaluate(t, st, qs, 10)
		t.Log("\n" + formatReports(file+", "+corpus+" corpus, "+half+" half", plume, bm25))
		if half != "test" {
			continue
		}
		for _, o := range plume.Outcomes {
			if o.Answerable() && (o.Rank == 0 || o.Rank > 5) {
				t.Logf("miss: %s want %v got %v", o.Question.ID, o.Question.Expected, o.Docs)
			}
		}
		checks := []struct {
			name      string
			got, want float64
		}{
			{"recall@5", plume.RecallAt5, goals.minRecall5},
			{"recall@5 over BM25's", plume.RecallAt5 - bm25.RecallAt5, goals.minOverBM25},
			{"recall@10 over BM25's", plume.RecallAt10 - bm25.RecallAt10, 0},
			{"MRR over BM25's", plume.MRR - bm25.MRR, 0},
			{"reliable when found in the top 5", plume.ReliableFoundInTop5, goals.minReliableFound},
			{"out of corpus flagged", plume.FlaggedOutOfCorpus, goals.minFlagged},
		}
		for _, c := range checks {
			if c.got < c.want {
				t.Errorf("%s, %s corpus, test half: %s = %.3f, want at least %.3f", file, corpus, c.name, c.got, c.want)
			}
		}
	}
}

// TestMessagesSPFFiches measures retrieval of long, narrative messages over
// the 535 fiches, plume beside BM25.
func TestMessagesSPFFiches(t *testing.T) {
	t.Parallel()
	fiches := sharedData(t, "spf-fiches.jsonl")
	st, s := ingested(t, fiches)
	checkMessages(t, st, s, "spf", spfMessageGoals)
	checkHeldOut(t, st, s, "spf")
}

// TestTuneMessages evaluates the tuning halves of the five message files
// against already ingested databases (PLUME_TUNE_DB, where "{corpus}"
// stands for each of the comma-separated PLUME_TUNE_CORPUS, spf or full),
// searched as the server searches (OpenTuneSearcher) with search options
// from PLUME_TUNE_OPTS (JSON): it is how weights and thresholds are
// chosen, never on the test half. PLUME_TUNE_DUMP names a file to append
// every outcome's features to (dumpOutcomes). It calibrates the
// reliability model on the tuning halves together and prints it (how
// DefaultReliability was fitted). PLUME_TUNE_HALF=test prints the test
// halves' figures instead (for a report, never to tune on: no message is
// listed, nothing fitted or dumped).
func TestTuneMessages(t *testing.T) {
	t.Parallel()
	url, corpora := os.Getenv("PLUME_TUNE_DB"), os.Getenv("PLUME_TUNE_CORPUS")
	if url == "" || corpora == "" {
		t.Skip("set PLUME_TUNE_DB and PLUME_TUNE_CORPUS to tune on the tuning half")
	}
	var opts rag.SearchOptions
	if o := os.Getenv("PLUME_TUNE_OPTS"); o != "" {
		if err := json.Unmarshal([]byte(o), &opts); err != nil {
			t.Fatal(err)
		}
	}
	var all []rag.EvalOutcome
	var of []string
	for _, corpus := range strings.Split(corpora, ",") {
		outs := tuneCorpus(t, strings.ReplaceAll(url, "{corpus}", corpus), corpus, opts)
		all = append(all, outs...)
		for range outs {
			of = append(of, corpus)
		}
	}
	if os.Getenv("PLUME_TUNE_HALF") == "test" {
		return // the test half's figures only: nothing is fitted on it
	}
	r, err := rag.Calibrate(all)
	if err != nil {
		t.Fatal(err)
	}
	after := rag.Summarize(rag.Rescore(all, r))
	t.Logf("calibrated: %#v\nafter: reliable answerable %.3f, found in top 5 %.3f, flagged %.3f",
		r, after.ReliableAnswerable, after.ReliableFoundInTop5, after.FlaggedOutOfCorpus)
	logCrossValidation(t, all, of)
}

// logCrossValidation logs the reliability decision cross-validated on the
// tuning half, with every feature and without the cues, over every corpus
// together and over each (of names the corpus of each outcome).
func logCrossValidation(t *testing.T, outs []rag.EvalOutcome, of []string) {
	for _, v := range []struct {
		name  string
		strip func(*rag.Features)
	}{
		{"every feature", func(*rag.Features) {}},
		{"without the own-case and outside cues", func(f *rag.Features) { f.OwnCase, f.Outside = 0, 0 }},
	} {
		decided, err := crossValidate(outs, v.strip)
		if err != nil {
			t.Fatal(err)
		}
		cv := rag.Summarize(decided)
		line := fmt.Sprintf("five-fold cross-validation, %s: found in top 5 %.3f, flagged %.3f", v.name, cv.ReliableFoundInTop5, cv.FlaggedOutOfCorpus)
		byCorpus := map[string][]rag.EvalOutcome{}
		var names []string
		for i, o := range decided {
			if byCorpus[of[i]] == nil {
				names = append(names, of[i])
			}
			byCorpus[of[i]] = append(byCorpus[of[i]], o)
		}
		for _, c := range names {
			r := rag.Summarize(byCorpus[c])
			line += fmt.Sprintf("; %s %.3f / %.3f", c, r.ReliableFoundInTop5, r.FlaggedOutOfCorpus)
		}
		t.Log(line)
	}
}

// crossValidate calibrates the reliability model on four fifths of the
// outcomes and decides on the fifth left out, for each fifth (a message's
// outcomes on both corpora in the same fifth), with strip applied to every
// outcome's features first; it returns the outcomes so decided, in order. On the tuning half, it tells what a feature
// adds on messages the model was not fitted on; the own-case and outside
// cues were written from the tuning half's messages, so the figure without
// them is what the other features give on messages no cue was written for.
func crossValidate(outs []rag.EvalOutcome, strip func(*rag.Features)) ([]rag.EvalOutcome, error) {
	fold := func(o rag.EvalOutcome) uint32 { return fnv32a("fold:"+o.Question.ID) % 5 }
	stripped := make([]rag.EvalOutcome, len(outs))
	for i, o := range outs {
		strip(&o.Top)
		stripped[i] = o
	}
	decided := make([]rag.EvalOutcome, len(outs))
	for k := range uint32(5) {
		var train, held []rag.EvalOutcome
		var at []int
		for i, o := range stripped {
			if fold(o) == k {
				held, at = append(held, o), append(at, i)
			} else {
				train = append(train, o)
			}
		}
		r, err := rag.Calibrate(train)
		if err != nil {
			return nil, err
		}
		for j, o := range rag.Rescore(held, r) {
			decided[at[j]] = o
		}
	}
	return decided, nil
}

func tuneCorpus(t *testing.T, url, corpus string, opts rag.SearchOptions) []rag.EvalOutcome {
	ctx := context.Background()
	st, s := rag.OpenTuneSearcher(t, url, opts)
	var qs []rag.EvalQuestion
	var files []string // the file of each question
	half := "tuning"
	if os.Getenv("PLUME_TUNE_HALF") == "test" {
		half = "test" // figures only, for a report: never tuned on
	}
	for _, file := range messageFiles {
		set := messageSet(loadMessageFile(t, file), corpus, half)
		qs = append(qs, set...)
		for range set {
			files = append(files, file)
		}
	}
	plume, err := s.Evaluate(ctx, qs, 10)
	if err != nil {
		t.Fatal(err)
	}
	ix := loadBM25(t, st)
	bm25 := ix.evaluate(t, st, qs, 10)
	t.Log("\n" + formatReports(corpus+" corpus, "+half+" half", plume, bm25))
	if os.Getenv("PLUME_TUNE_BY_FILE") != "" {
		logByFile(t, st, ix, corpus, half, files, plume.Outcomes)
	}
	for _, o := range plume.Outcomes {
		if half == "tuning" && os.Getenv("PLUME_TUNE_MISSES") != "" && o.Answerable() && (o.Rank == 0 || o.Rank > 5) {
			t.Logf("miss %s rank %d want %v got %v: %.150s", o.Question.ID, o.Rank, o.Question.Expected, o.Docs, o.Question.Question)
		}
	}
	if half == "tuning" {
		dumpOutcomes(t, corpus, plume.Outcomes)
	}
	return plume.Outcomes
}

// messageFiles are the message files, oldest first.
var messageFiles = []string{messagesFile, heldOutFile, heldOut8File, heldOut9File, heldOut10File, heldOut11File, heldOut12File, heldOut13File, heldOut14File, heldOut15File, heldOut16File, heldOut17File, heldOut18File, heldOut19File, heldOut20File, heldOut21File, shortHeld21File, heldOut22File}

// logByFile logs the tuning half of each message file (files: the file of
// each outcome), plume beside BM25.
func logByFile(t *testing.T, st *store.Store, ix *bm25Index, corpus, half string, files []string, outs []rag.EvalOutcome) {
	for _, file := range messageFiles {
		var mine []rag.EvalOutcome
		var qs []rag.EvalQuestion
		for i, o := range outs {
			if files[i] == file {
				mine, qs = append(mine, o), append(qs, o.Question)
			}
		}
		t.Log("\n" + formatReports(file+", "+corpus+" corpus, "+half+" half", rag.Summarize(mine), ix.evaluate(t, st, qs, 10)))
	}
}

// dumpOutcomes appends the outcomes of a corpus, one JSON object a line, to
// the file PLUME_TUNE_DUMP names (nothing when unset): the features of
// every message's first document and its first three documents, to try
// reliability models on (TestReliabilityStudy).
func dumpOutcomes(t *testing.T, corpus string, outs []rag.EvalOutcome) {
	path := os.Getenv("PLUME_TUNE_DUMP")
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, o := range outs {
		line := struct {
			ID, Corpus     string
			Expected, Docs []string
			Rank           int
			Top            rag.Features
			Sources        []rag.Features
			Draft          bool
		}{o.Question.ID, corpus, o.Question.Expected, o.Docs[:min(len(o.Docs), 3)], o.Rank, o.Top, o.Sources(), o.DraftReliable}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
}

// The goals are recall@5 ≥ 0.85 on the 535 fiches, 0.10 over BM25 on
// both corpora, and 90 % for both reliability rates. Where the test half
// falls short of a goal, the gate sits a little under the figure measured
// when it was set (README, "Retrieval"), so that a regression fails; the
// goal itself stays open. The out-of-corpus gates stay where they were set
// before the own-case and outside cues, which did not raise those figures.
var spfMessageGoals = messageGoals{minRecall5: 0.85, minOverBM25: 0.05, minReliableFound: 0.74, minFlagged: 0.60}

var fullMessageGoals = messageGoals{minRecall5: 0.50, minOverBM25: 0.10, minReliableFound: 0.80, minFlagged: 0.55}

// The held-out set's gates sit a little under its test half's figures
// measured on 2026-12-01 after the semantic list was merged: fiches r@5
// 0.733 (BM25 0.667), reliable when found 0.682, flagged 0.615; whole
// corpus r@5 0.481 (BM25 0.385), reliable when found 0.760, flagged 0.538.
// Before the semantic list, the whole set gave plume under BM25 on the
// whole corpus's r@1 and MRR (0.160 and 0.284 against 0.210 and 0.306).
var spfHeldOutGoals = messageGoals{minRecall5: 0.70, minOverBM25: 0, minReliableFound: 0.65, minFlagged: 0.58}

var fullHeldOutGoals = messageGoals{minRecall5: 0.45, minOverBM25: 0.05, minReliableFound: 0.72, minFlagged: 0.50}

// The retr8 gates sit a message under its test half's figures measured on
// 2026-12-01 (session 8) before that session's changes, which left them
// unchanged: fiches r@5 0.857 (BM25 0.821), reliable when found 0.875,
// flagged 0.833; whole corpus r@5 0.736 (BM25 0.566), reliable when found
// 0.821, flagged 0.833. Whole, the set gave fiches r@1 0.580 (BM25 0.580)
// and whole-corpus r@1 0.390 (BM25 0.320).
var spfHeldOut8Goals = messageGoals{minRecall5: 0.82, minOverBM25: 0, minReliableFound: 0.83, minFlagged: 0.75}

var fullHeldOut8Goals = messageGoals{minRecall5: 0.71, minOverBM25: 0.10, minReliableFound: 0.80, minFlagged: 0.75}

// The retr9 gates sit a message under its test half's figures measured on
// 2026-12-01 (session 9) after that session's changes: fiches r@5 0.706
// (BM25 0.529), reliable when found 0.750, flagged 0.375 (3 of 8); whole
// corpus r@5 0.483 (BM25 0.345), reliable when found 0.857, flagged 0.625.
var spfHeldOut9Goals = messageGoals{minRecall5: 0.64, minOverBM25: 0.11, minReliableFound: 0.66, minFlagged: 0.25}

var fullHeldOut9Goals = messageGoals{minRecall5: 0.44, minOverBM25: 0.10, minReliableFound: 0.78, minFlagged: 0.50}

// The retr10 gates sit a message under its test half's figures measured on
// 2026-12-01 (session 10) after that session's changes: fiches r@5 0.750
// (BM25 0.750), reliable when found 0.778, flagged 0.400; whole corpus
// r@5 0.630 (BM25 0.630), reliable when found 0.588, flagged 0.400. The
// test half's recall was the same before them; out-of-corpus flagging on
// the whole set rose from 0.467 to 0.533 on the fiches.
var spfHeldOut10Goals = messageGoals{minRecall5: 0.66, minOverBM25: 0, minReliableFound: 0.66, minFlagged: 0.30}

var fullHeldOut10Goals = messageGoals{minRecall5: 0.59, minOverBM25: 0, minReliableFound: 0.52, minFlagged: 0.30}

// The retr11 gates sit a message under its test half's figures, measured
// on 2026-12-01 before and after session 11's changes, which left them as
// they were (the ten-deep ranker and the reliability refit were reverted):
// fiches r@5 0.929 (BM25 0.857), MRR 0.702 (0.629), reliable when found
// 0.692, flagged 0.714 (5 of 7); whole corpus r@5 0.700 (BM25 0.467), MRR
// 0.490 (0.341), reliable when found 0.476, flagged 0.714. With both
// changes in, the whole corpus's reliable when found was 0.524 and flagged
// 0.571. On the fiches' test half plume is one message above BM25, so the
// gate over BM25 is 0: never under it.
var spfHeldOut11Goals = messageGoals{minRecall5: 0.85, minOverBM25: 0, minReliableFound: 0.61, minFlagged: 0.57}

var fullHeldOut11Goals = messageGoals{minRecall5: 0.66, minOverBM25: 0.20, minReliableFound: 0.42, minFlagged: 0.57}

// The retr12 gates sit a message under its test half's figures measured
// on 2026-12-01 after session 12's changes: fiches r@5 1.000 (BM25 0.833),
// r@1 0.750 (0.583), MRR 0.847 (0.689), reliable when found 0.750 (9 of
// 12), flagged 0.545 (6 of 11); whole corpus r@5 0.630 (BM25 0.407), r@1
// 0.519 (0.296), MRR 0.573 (0.369), reliable when found 0.529 (9 of 17),
// flagged 0.727 (8 of 11). Before those changes: the same r@5 and
// reliability, fiches r@1 0.667 and MRR 0.799, whole-corpus r@1 0.444 and
// MRR 0.529 (the ranker's new feature, plain BM25's place, moved the right
// page up within the first five).
var spfHeldOut12Goals = messageGoals{minRecall5: 0.91, minOverBM25: 0.08, minReliableFound: 0.66, minFlagged: 0.45}

var fullHeldOut12Goals = messageGoals{minRecall5: 0.59, minOverBM25: 0.18, minReliableFound: 0.47, minFlagged: 0.63}

// The retr13 gates sit a message under its test half's figures measured
// on 2026-12-02 before and after session 13's changes (the same): fiches
// r@5 0.840 (BM25 0.760), r@1 0.680 (0.440), MRR 0.757 (0.567), reliable
// when found 0.714 (15 of 21), flagged 1.000 (10 of 10); whole corpus r@5
// 0.625 (BM25 0.450), r@1 0.350 (0.250), MRR 0.475 (0.325), reliable when
// found 0.720 (18 of 25), flagged 0.900 (9 of 10).
var spfHeldOut13Goals = messageGoals{minRecall5: 0.79, minOverBM25: 0.03, minReliableFound: 0.66, minFlagged: 0.89}

var fullHeldOut13Goals = messageGoals{minRecall5: 0.59, minOverBM25: 0.14, minReliableFound: 0.67, minFlagged: 0.79}

// The retr14 gates sit a message under its test half's figures measured
// on 2026-12-02 after session 14's changes: fiches r@5 0.825 (BM25 0.800),
// r@1 0.650 (0.575), MRR 0.742 (0.660), reliable when found 0.818 (27 of
// 33), flagged 0.667 (8 of 12); whole corpus r@5 0.680 (BM25 0.580), r@1
// 0.540 (0.320), MRR 0.611 (0.434), reliable when found 0.853 (29 of 34),
// flagged 0.667 (8 of 12), the same as before them. The fiches' gate over
// BM25 is 0: never under it. (An ordering search at b 0.9, which raised
// the whole corpus's r@5 to 0.720 here, was not kept: with the outside
// cues it put messages.jsonl's whole-corpus reliable when found under its
// gate.)
var spfHeldOut14Goals = messageGoals{minRecall5: 0.79, minOverBM25: 0, minReliableFound: 0.78, minFlagged: 0.58}

var fullHeldOut14Goals = messageGoals{minRecall5: 0.66, minOverBM25: 0.08, minReliableFound: 0.82, minFlagged: 0.58}

// The retr15 gates sit a message under its test half's figures measured
// on 2026-12-02 after session 17's change to the ranking: fiches r@5
// 0.821 (BM25 0.750), r@1 0.536 (0.357), r@10 0.929 (0.929; 0.893
// before), MRR 0.666 (0.542), reliable when found 0.696 (16 of 23),
// flagged 0.714 (10 of 14); whole corpus r@5 0.500 (BM25 0.396), r@1
// 0.354 (0.208), r@10 0.604 (0.479), MRR 0.427 (0.279), reliable when
// found 0.833 (20 of 24), flagged 0.786 (11 of 14).
var spfHeldOut15Goals = messageGoals{minRecall5: 0.78, minOverBM25: 0.03, minReliableFound: 0.65, minFlagged: 0.64}

var fullHeldOut15Goals = messageGoals{minRecall5: 0.47, minOverBM25: 0.08, minReliableFound: 0.79, minFlagged: 0.71}

// The retr16 gates sit a message under its test half's figures measured
// on 2026-12-02 after session 17's change to the ranking: fiches r@5
// 0.875 (BM25 0.812), r@1 0.688 (0.406), r@10 0.938 (0.906; 0.875
// before), MRR 0.764 (0.603), reliable when found 0.786 (22 of 28),
// flagged 0.750 (9 of 12); whole corpus r@5 0.620 (BM25 0.400), r@1
// 0.360 (0.140), r@10 0.700 (0.580), MRR 0.489 (0.251), reliable when
// found 0.742 (23 of 31), flagged 0.750 (9 of 12).
var spfHeldOut16Goals = messageGoals{minRecall5: 0.84, minOverBM25: 0.03, minReliableFound: 0.75, minFlagged: 0.66}

var fullHeldOut16Goals = messageGoals{minRecall5: 0.59, minOverBM25: 0.20, minReliableFound: 0.70, minFlagged: 0.66}

// The retr17 gates sit a message under its test half's figures measured
// on 2026-12-02 at the start of session 17: fiches r@5 0.938 (BM25
// 0.906), r@1 0.625 (0.594), r@10 0.969 (0.938), MRR 0.750 (0.730),
// reliable when found 0.767, flagged 0.417 (5 of 12); whole corpus r@5
// 0.800 (BM25 0.760), r@1 0.620 (0.400), MRR 0.694 (0.546), reliable when
// found 0.775 (31 of 40), flagged 0.500 (6 of 12). Out-of-corpus
// near-misses are flagged for fewer than half: the weakest figure.
var spfHeldOut17Goals = messageGoals{minRecall5: 0.90, minOverBM25: 0, minReliableFound: 0.73, minFlagged: 0.33}

var fullHeldOut17Goals = messageGoals{minRecall5: 0.78, minOverBM25: 0.02, minReliableFound: 0.74, minFlagged: 0.41}

// The retr18 gates sit a message under its test half's figures measured
// on 2026-12-02 at the start of session 18: fiches r@5 0.861 (BM25
// 0.722), r@1 0.528 (0.417), r@10 0.889 (0.722), MRR 0.656 (0.518),
// reliable when found 0.645 (20 of 31), flagged 0.900 (9 of 10); whole
// corpus r@5 0.596 (BM25 0.404), r@1 0.327 (0.231), r@10 0.731 (0.519),
// MRR 0.448 (0.319), reliable when found 0.774 (24 of 31), flagged 0.800
// (8 of 10).
var spfHeldOut18Goals = messageGoals{minRecall5: 0.83, minOverBM25: 0.11, minReliableFound: 0.61, minFlagged: 0.80}

var fullHeldOut18Goals = messageGoals{minRecall5: 0.57, minOverBM25: 0.17, minReliableFound: 0.74, minFlagged: 0.70}

// The retr19 gates sit a message under its test half's figures measured
// on 2026-12-03 at the start of session 19: fiches r@5 0.880 (BM25
// 0.800), r@1 0.680 (0.680), r@10 0.920 (0.880), MRR 0.756 (0.734),
// reliable when found 0.727 (16 of 22), flagged 0.833 (10 of 12); whole
// corpus r@5 0.580 (BM25 0.560), r@1 0.440 (0.260), r@10 0.720 (0.640),
// MRR 0.532 (0.384), reliable when found 0.690 (20 of 29), flagged 0.833
// (10 of 12). On the whole corpus plume is only one message over BM25 at
// five: that gate is BM25 itself.
var spfHeldOut19Goals = messageGoals{minRecall5: 0.84, minOverBM25: 0.04, minReliableFound: 0.68, minFlagged: 0.75}

var fullHeldOut19Goals = messageGoals{minRecall5: 0.56, minOverBM25: 0, minReliableFound: 0.65, minFlagged: 0.75}

// The retr21 gates sit a message under its test half's figures measured
// on 2026-12-03 at the start of session 21 (2591ef5): fiches r@5 0.875
// (BM25 0.812), r@1 0.656 (0.469), r@10 0.906 (0.875), MRR 0.760
// (0.601), reliable when found 0.750 (21 of 28), flagged 1.000 (12 of
// 12); whole corpus r@5 0.560 (BM25 0.480), r@1 0.360 (0.240), r@10
// 0.680 (0.520), MRR 0.458 (0.337), reliable when found 0.643 (18 of
// 28), flagged 0.667 (8 of 12).
var spfHeldOut21Goals = messageGoals{minRecall5: 0.84, minOverBM25: 0.03, minReliableFound: 0.71, minFlagged: 0.91}

var fullHeldOut21Goals = messageGoals{minRecall5: 0.54, minOverBM25: 0.06, minReliableFound: 0.60, minFlagged: 0.58}

// The short21 gates sit a message under its test half's figures measured
// on 2026-12-03 at the start of session 21 (2591ef5): fiches r@5 0.865
// (BM25 0.811), r@1 0.703 (0.459), r@10 0.865 (0.838), MRR 0.784
// (0.629), reliable when found 0.969 (31 of 32), flagged 0.421 (8 of
// 19); whole corpus r@5 0.808 (BM25 0.692), r@1 0.423 (0.365), r@10
// 0.865 (0.846), MRR 0.599 (0.513), reliable when found 1.000 (42 of 42),
// flagged 0.368 (7 of 19). Short questions out of corpus are marked
// reliable far more often than long ones.
var spfShort21Goals = messageGoals{minRecall5: 0.83, minOverBM25: 0.02, minReliableFound: 0.93, minFlagged: 0.36}

var fullShort21Goals = messageGoals{minRecall5: 0.78, minOverBM25: 0.09, minReliableFound: 0.97, minFlagged: 0.31}

// The retr22 gates sit a message under its test half's figures measured
// on 2026-12-03 at the start of session 22 (4695c53): fiches r@5 0.880
// (BM25 0.800), r@1 0.540 (0.460), r@10 0.940 (0.860), MRR 0.688
// (0.600), reliable when found 0.659 (29 of 44), flagged 0.714 (5 of 7);
// whole corpus r@5 0.691 (BM25 0.491), r@1 0.400 (0.236), r@10 0.818
// (0.564), MRR 0.536 (0.339), reliable when found 0.632 (24 of 38),
// flagged 0.857 (6 of 7).
var spfHeldOut22Goals = messageGoals{minRecall5: 0.86, minOverBM25: 0.06, minReliableFound: 0.63, minFlagged: 0.57}

var fullHeldOut22Goals = messageGoals{minRecall5: 0.67, minOverBM25: 0.18, minReliableFound: 0.60, minFlagged: 0.71}
