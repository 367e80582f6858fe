package triage

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
)

// trainingRounds are the holdout rounds the classifier learns from, each
// a fold of leave-one-round-out. Rounds 1 to 6 were each measured once,
// then the lexicon was widened with it in view before the next was
// written; round 7 was the honest estimate of the first classifier;
// round 8 (three writers who never saw the code: 8a elderly letters and
// advisers' notes, 8b young people, SMS and phone transcriptions, 8c
// people born abroad and long public posts) was measured once with the
// lexicon and classifier of 2026-11-30 before it became training data;
// round 9 (a fourth writer) was the honest estimate of 2026-12-01; round
// 10 (10a advisers' notes and relatives' letters, 10b public posts and
// e-mails, 10c little written French, other languages, SMS and voice-mail
// transcriptions, by writers who never saw the code) was the honest
// estimate measured once on 2026-12-01 before it became training data.
// Rounds 11 and 12 (three new writers each who never saw the code) were
// measured once as honest rounds on 2026-12-01, then trained on; so were
// round 13 (the fourth and fifth sessions of that day), round 14
// (session 9), and rounds 15 and 16 (honest rounds of sessions 9 to 12,
// trained on since session 13).
var trainingRounds = []string{"round1", "round2", "round3", "round4", "round5", "round6", "round7", "round8a", "round8b", "round8c", "round9",
	"round10a", "round10b", "round10c", "round11a", "round11b", "round11c", "round12a", "round12b", "round12c",
	"round13a", "round13b", "round13c", "round14a", "round14b", "round14c",
	"round15a", "round15b", "round15c", "round16a", "round16b", "round16c"}

// trainingRoundGroups are the training rounds written in parts, reported
// and gated with their parts taken together.
var trainingRoundGroups = []string{"round8", "round10", "round11", "round12", "round13", "round14", "round15", "round16"}

// honestRounds are the honest rounds: written by writers who never saw
// the code, kept away from whoever changes the triage. Each is split by
// the fixed rule (testHalf): its test half is never trained or tuned on;
// its tuning half is read and tuned on by the lexicon and, for the rounds
// of trainedHonestRounds only, trained on by the classifier. Each is
// reported, its parts taken together, when one of its
// files exists (skipped otherwise), and gated by its gate (reported only
// while its gate is zero). Each round is held by the lead outside the
// repository while the session's changes are made, measured before and
// after them, and added here at the session's end.
var honestRounds = []honestRound{
	{name: "round17", parts: []string{"round17a", "round17b", "round17c"}, gate: round17Gate},
	{name: "round18", parts: []string{"round18a", "round18b", "round18c"}, gate: round18Gate},
	{name: "round19", parts: []string{"round19a", "round19b", "round19c"}, gate: round19Gate},
	{name: "round20", parts: []string{"round20a", "round20b", "round20c"}, gate: round20Gate},
	{name: "round21", parts: []string{"round21a", "round21b", "round21c"}, gate: round21Gate},
	{name: "round22", parts: []string{"round22a", "round22b", "round22c"}, gate: round22Gate},
	{name: "round23", parts: []string{"round23a", "round23b"}, gate: round23Gate},
	{name: "round24", parts: []string{"round24a", "round24b"}, gate: round24Gate},
	{name: "round25", parts: []string{"round25a", "round25b"}, gate: round25Gate},
	{name: "round26", parts: []string{"round26a", "round26b"}, gate: round26Gate},
	{name: "round27", parts: []string{"round27a", "round27b"}, gate: round27Gate},
	{name: "round28", parts: []string{"round28a", "round28b"}, gate: round28Gate},
	{name: "round29", parts: []string{"round29a", "round29b"}, gate: round29Gate},
}

// trainedHonestRounds are the honest rounds whose tuning halves the
// classifier learns from since session 21, each a fold of
// leave-one-round-out (trainingFolds): rounds 17 to 27, whose tuning
// halves the lexicon had been read and tuned on for several sessions.
// Their test halves are never trained on (TestTrainingHoldsNoTestHalf).
// A later round (round28 and after) must not be added here: it stays
// wholly honest, both halves out of the classifier's training, until a
// session decides otherwise and retrains with it.
var trainedHonestRounds = []string{"round17", "round18", "round19", "round20", "round21", "round22",
	"round23", "round24", "round25", "round26", "round27"}

// trainedHonest returns the honest rounds of trainedHonestRounds, in its
// order; a name no honest round has fails t.
func trainedHonest(t testing.TB) []honestRound {
	t.Helper()
	var out []honestRound
	for _, name := range trainedHonestRounds {
		i := slices.IndexFunc(honestRounds, func(r honestRound) bool { return r.name == name })
		if i < 0 {
			t.Fatalf("trainedHonestRounds names %s, no honest round", name)
		}
		out = append(out, honestRounds[i])
	}
	return out
}

// round17Gate gates round 17 (17a advisers' notes at a France services
// desk, elderly and isolated people, housing and energy; 17b SMS and the
// young, foreigners in English or mixed French, families and children,
// routine messages full of alarming words; 17c angry public posts, long
// e-mails with quoted exchanges, debts, deadlines, fraud, bereavement and
// disability, urgent needs hidden in the middle), written on 2026-12-01
// (session 11) by three writers who never saw the code. Measured before
// session 11's changes: urgent 0.863, needs 0.989, attention 1.000,
// routine kept 0.867, reasons 0.632 (keywords 0.098 / 0.367 / 0.333 /
// 0.667); after them: 0.843 / 0.978 / 1.000 / 0.883 / 0.627 (one urgent
// message fewer, one routine message more). The gate sits a message under.
// After session 14's changes: 0.961 / 0.989 / 1.000 / 0.950 / 0.691; the
// gate raised to a message under.
var round17Gate = holdoutGate{urgentRecall: 0.94, needsRecall: 0.97, attentionRecall: 0.97, routineKept: 0.93, reasonRecall: 0.68}

// round18Gate gates round 18 (18a elderly people and their relatives, SMS,
// advisers' notes; 18b young adults, single parents, foreigners writing in
// English, Spanish, Portuguese or mixed French, people who understate; 18c
// workers, farmers and shopkeepers, angry formal letters, people writing
// for a neighbour or a parent, routine messages full of alarming words and
// urgent ones that sound calm), written on 2026-12-01 (session 12) by
// three writers who never saw the code. Measured before session 12's
// changes: urgent 0.843, needs 0.978, attention 0.974, routine kept 0.783,
// reasons 0.701 (lexicon alone urgent 0.431; keywords 0.059 / 0.300 /
// 0.333 / 0.817); after them: 0.843 / 0.978 / 0.974 / 0.783 / 0.718
// (lexicon alone urgent 0.510: its new cues catch what the model already
// caught). The gate sits a message under.
// After session 14's changes: 0.941 / 0.989 / 1.000 / 0.867 / 0.795; the
// gate raised to a message under.
// After session 16's changes (its tuning half: a month to appeal counted
// from a letter sent 27 days ago): 0.961 / 1.000 / 1.000 / 0.867 /
// 0.803; the gate raised to a message under.
// After session 18's changes (one routine message of its tuning half, a
// plain Portuguese question the model read as a language barrier, and
// one of its test half kept): routine kept 0.867 → 0.900; that gate
// raised to a message under.
var round18Gate = holdoutGate{urgentRecall: 0.94, needsRecall: 0.98, attentionRecall: 0.97, routineKept: 0.88, reasonRecall: 0.79}

// round19Gate gates round 19 (19a elderly people living alone and their
// children, carers, advisers' notes, rural people, people who understate;
// 19b students and young workers in SMS style, single parents, English,
// Portuguese, Spanish, transliterated Arabic or broken French, sarcastic
// posts, routine messages full of alarming words; 19c employees and job
// seekers, farmers and shopkeepers, angry formal letters, people writing
// for a neighbour or a parent, quoted threads, calm urgent needs in the
// middle of long messages), written on 2026-12-02 (session 13) by three
// writers who never saw the code. Measured before session 13's changes:
// urgent 0.902, needs 0.978, attention 0.974, routine kept 0.900, reasons
// 0.758 (lexicon alone 0.686 / 0.833 / 0.897 / 0.850; keywords 0.078 /
// 0.311 / 0.462 / 0.633); after them: 0.922 / 0.956 / 0.949 / 0.900 /
// 0.766 (lexicon alone 0.686 / 0.811 / 0.872 / 0.850): one urgent message
// more, two needing attention fewer (English writers no longer a barrier
// by their language alone). The gate sits a message under.
// After session 14's changes: 0.941 / 0.967 / 0.974 / 0.967 / 0.797; the
// gate raised to a message under.
// After session 16's changes (its tuning half unchanged; the test half
// measured once): 0.961 / 0.978 / 0.974 / 0.967 / 0.812; the gate raised
// to a message under.
var round19Gate = holdoutGate{urgentRecall: 0.94, needsRecall: 0.96, attentionRecall: 0.94, routineKept: 0.95, reasonRecall: 0.80}

// round20Gate gates round 20 (20a older people and families, e-mails and
// Services Publics+ posts, urgent needs understated and buried mid-story;
// 20b SMS, the young, foreigners in imperfect French, English and mixed
// languages, routine messages full of alarming words; 20c advisers'
// notes, short and clinical, and a few long formal letters), written on
// 2026-12-02 (session 14) by three writers who never saw the code.
// Measured before session 14's changes: urgent 0.902, needs 0.967,
// attention 0.974, routine kept 0.917, reasons 0.693 (lexicon alone
// 0.647 / 0.811 / 0.821 / 0.833; keywords 0.098 / 0.322 / 0.359 /
// 0.683); after them: 0.941 / 0.989 / 0.974 / 0.933 / 0.706 (lexicon
// alone 0.706 / 0.833 / 0.821 / 0.850). The gate sits a message under.
// After session 15's changes (read on its tuning half; the test half
// unchanged): 0.980 / 1.000 / 1.000 / 0.983 / 0.725 (lexicon alone 0.745
// / 0.856 / 0.846 / 0.900); the gate raised to a message under.
// After session 16's changes: reasons 0.732; that gate raised to a code
// under.
var round20Gate = holdoutGate{urgentRecall: 0.96, needsRecall: 0.98, attentionRecall: 0.97, routineKept: 0.96, reasonRecall: 0.72}

// round21Gate gates round 21 (21a advisers' short notes, elderly people
// and carers writing for a relative; 21b Services Publics+ posts, angry or
// ironic, SMS-style youths, English and poor French; 21c formal e-mails
// with the urgency one sentence deep, routine messages full of alarming
// words), written on 2026-12-02 (session 15) by three writers who never
// saw the code. Measured before and after session 15's changes (the
// same): urgent 0.863 (44 of 51), needs 0.967, attention 1.000, routine
// kept 0.867, reasons 0.664 (lexicon alone 0.706 / 0.889 → 0.900 / 0.923
// → 0.949 / 0.750; keywords 0.216 / 0.378 / 0.436 / 0.583); test half
// 0.926 / 1.000 / 1.000 / 0.875. The gate sits a message under.
// After session 16's changes (read on its tuning half): 0.961 (49 of 51)
// / 1.000 / 1.000 / 0.933 / 0.724 (lexicon alone 0.804 / 0.933 / 0.949 /
// 0.817); test half unchanged but reasons 0.653 → 0.667. The gate raised
// to a message under.
var round21Gate = holdoutGate{urgentRecall: 0.94, needsRecall: 0.98, attentionRecall: 0.97, routineKept: 0.91, reasonRecall: 0.71}

// round22Gate gates round 22 (22a advisers' notes of elderly, isolated
// visitors and people with little French, housing, energy, benefits cut
// off; 22b SMS, students, single parents, foreigners in English, Spanish
// or mixed French, routine messages full of dramatic words and slang; 22c
// long formal e-mails and angry public posts, debts, tax, legal threats,
// bereavement, urgent needs buried mid-message or understated), written
// on 2026-12-02 (session 16) by three writers who never saw the code.
// Measured before and after session 16's changes (the same levels):
// urgent 0.902 (46 of 51), needs 0.944, attention 0.949, routine kept
// 0.933, reasons 0.676 → 0.681 (lexicon alone 0.549 → 0.569 / 0.822 →
// 0.833 / 0.872 / 0.900; keywords 0.137 / 0.344 / 0.385 / 0.833); test half
// 0.926 / 0.952 / 0.867 / 0.906 / 0.633. The gate sits a message under.
var round22Gate = holdoutGate{urgentRecall: 0.88, needsRecall: 0.93, attentionRecall: 0.92, routineKept: 0.91, reasonRecall: 0.66}

// round23Gate gates round 23 (23a e-mails and public posts from people of
// every age, some in English or mixed, urgent needs hidden in long
// administrative stories, routine messages with dramatic words; 23b
// advisers' notes, SMS, social workers, elderly people and their children,
// foreigners with little French, attention cases close to urgent and
// urgent ones that read as routine), 120 messages written on 2026-12-02
// (session 17) by two writers who never saw the code, measured at the
// session's start and committed before its changes to the triage: urgent
// 0.950 (38 of 40), needs 0.986, attention 1.000, routine kept 0.938,
// reasons 0.724 (lexicon alone 0.875 / 0.972 / 0.969 / 0.854; keywords
// 0.150 / 0.333 / 0.312 / 0.667); test half 0.905 / 0.973 / 1.000 / 0.913
// / 0.696. The gate sits a message under (routine kept 0.93: the same
// figures after session 17's changes).
var round23Gate = holdoutGate{urgentRecall: 0.92, needsRecall: 0.97, attentionRecall: 0.96, routineKept: 0.93, reasonRecall: 0.70}

// round24Gate gates round 24 (24a elderly people and their families,
// people in debt, tenants, foreigners in broken French or English; 24b
// France services advisers' notes, SMS, parents, people with disabilities,
// angry complainers, Spanish and Portuguese speakers), 120 messages
// written on 2026-12-02 (session 18) by two writers who never saw the
// code, measured at the session's start and committed before its changes
// to the triage: urgent 0.875 (35 of 40), needs 0.972, attention 1.000,
// routine kept 0.812 (39 of 48), reasons 0.745 (lexicon alone 0.625 /
// 0.847 / 0.938 / 0.875; keywords 0.100 / 0.306 / 0.281 / 0.708); test
// half 0.900 / 0.972 / 1.000 / 0.833 / 0.723. The gate sat a message
// under. After session 18's changes (read on its tuning half): 0.950 (38
// of 40) / 0.986 / 1.000 / 0.958 (46 of 48) / 0.777 (lexicon alone 0.700
// / 0.903 / 0.969 / 0.938); test half 0.900 / 0.972 / 1.000 / 0.917 /
// 0.702. The gate raised to a message under.
var round24Gate = holdoutGate{urgentRecall: 0.92, needsRecall: 0.97, attentionRecall: 0.96, routineKept: 0.93, reasonRecall: 0.76}

// round25Gate gates round 25 (25a France services visitors as advisers
// note them, elderly people, carers, rural users; 25b young adults,
// students, single parents, migrants writing in French, English, Spanish,
// Portuguese and Arabic-French, angry public posts, routine decoys full of
// strong words), 120 messages written on 2026-12-03 (session 19) by two
// writers who never saw the code, measured at the session's start and
// committed before its changes to the triage: urgent 0.925 (37 of 40),
// needs 0.958 (69 of 72), attention 0.938 (30 of 32), routine kept 0.854
// (41 of 48), reasons 0.670 (lexicon alone 0.700 / 0.833 / 0.875 / 0.833;
// keywords 0.125 / 0.347 / 0.469 / 0.688); test half 0.842 / 0.971 /
// 1.000 / 0.846 / 0.646. The gate sits a message under.
var round25Gate = holdoutGate{urgentRecall: 0.90, needsRecall: 0.94, attentionRecall: 0.90, routineKept: 0.83, reasonRecall: 0.65}

// round26Gate gates round 26 (26a France services advisers' notes,
// elderly people, carers writing for a relative, rural users, long stories
// whose danger is one sentence near the end; 26b young people, students,
// single parents, SMS style, foreigners in English, Spanish, Portuguese
// and Arabic-French, angry public posts, sarcasm and idioms), 120 messages
// written on 2026-12-03 (session 20) by two writers who never saw the
// code, measured at the session's start (998f8ac) and committed before its
// changes to the triage: urgent 0.825 (33 of 40), needs 0.931 (67 of 72),
// attention 0.969 (31 of 32), routine kept 0.958 (46 of 48), reasons 0.745
// (lexicon alone 0.650 / 0.875 / 0.938 / 0.958 / 0.663; keywords 0.125 /
// 0.375 / 0.406 / 0.792); test half 0.900 / 0.944 / 1.000 / 0.958. The
// writers' « health_risk » is read as health_danger and three adults
// labelled child_at_risk as vulnerable_adult (the brief named the codes
// wrongly); the gate sits a message under.
var round26Gate = holdoutGate{urgentRecall: 0.80, needsRecall: 0.91, attentionRecall: 0.93, routineKept: 0.93, reasonRecall: 0.73}

// round27Gate gates round 27 (27a people who minimise, retirees,
// farmers, immigrants in simple French, social workers and neighbours
// writing about someone else, dangers in a subordinate clause; 27b
// teenagers in SMS style and slang, English, Spanish, Romanian,
// Turkish-French and Arabic-French, gig workers, people in shelters,
// sarcastic public posts, lists of questions with one alarming item),
// 120 messages of which 60 urgent, written on 2026-12-03 (session 20) by
// two writers who never saw the code, measured once on main (f87290e,
// after that session's first triage changes) and committed before its
// later ones: urgent 0.883 (53 of 60), needs 0.950 (76 of 80), attention
// 1.000 (20 of 20), routine kept 0.950 (38 of 40), reasons 0.667
// (lexicon alone 0.600 / 0.812 / 0.950 / 0.850 / 0.544; keywords 0.133 /
// 0.325 / 0.400 / 0.750); test half 0.800 / 0.925 / 1.000 / 0.900 /
// 0.596. The gate sits a message under.
var round27Gate = holdoutGate{urgentRecall: 0.86, needsRecall: 0.93, attentionRecall: 0.95, routineKept: 0.92, reasonRecall: 0.65}

// round28Gate gates round 28 (28a France services advisers' and
// telephone notes about a caller, neighbours, relatives and social
// workers writing for someone else, people who minimise, a few in English
// and Spanish; 28b people writing themselves on Services Publics+ and by
// e-mail: SMS style, workers, students, single parents, the elderly,
// Portuguese, darija mixed with French, broken French, urgent needs hidden
// in an ordinary request), 120 messages of which 60 urgent, written on
// 2026-12-03 (session 21) by two writers who never saw the code, measured
// once on session 20's final code (2591ef5) and committed before any of
// session 21's changes: urgent 0.883 (53 of 60), needs 0.900 (72 of 80),
// attention 0.850 (17 of 20), routine kept 0.925 (37 of 40), reasons
// 0.619 (lexicon alone 0.650 / 0.787 / 0.800 / 0.900 / 0.518; keywords
// 0.183 / 0.312 / 0.450 / 0.625); test half 0.889 / 0.914 / 0.875 /
// 0.920 / 0.593. The gate sits a message under.
// After session 22's changes (read on its tuning half): 0.983 / 0.988 /
// 0.950 / 0.950 / 0.683 (test half unchanged); the gate raised to a
// message under.
var round28Gate = holdoutGate{urgentRecall: 0.96, needsRecall: 0.97, attentionRecall: 0.90, routineKept: 0.92, reasonRecall: 0.66}

// round29Gate gates round 29 (29a the elderly, parents, people in rural
// areas, France services advisers' notes about a visitor, neighbours and
// relatives writing for someone else; 29b young adults in SMS style,
// precarious workers, migrants in French as a second language or in
// English, students, people with disabilities, distress hidden behind
// short administrative questions), 120 messages of which 60 urgent,
// written on 2026-12-03 (session 22) by two writers who never saw the
// code, measured once on session 21's final code (4695c53) and committed
// before any of session 22's changes to triage: urgent 0.900 (54 of 60),
// needs 0.912 (73 of 80), attention 0.900 (18 of 20), routine kept 0.950
// (38 of 40), reasons 0.670 (lexicon alone 0.650 / 0.762 / 0.850 / 0.900
// / 0.539; keywords 0.050 / 0.250 / 0.450 / 0.725); test half 0.871 /
// 0.881 / 0.909 / 0.944. Like round 28 it stays out of the classifier's
// training. The gate sits a message under.
// After session 22's changes (read on its tuning half): 0.933 / 0.938 /
// 0.950 / 0.975 / 0.704 (test half unchanged); the gate raised to a
// message under.
var round29Gate = holdoutGate{urgentRecall: 0.91, needsRecall: 0.92, attentionRecall: 0.90, routineKept: 0.95, reasonRecall: 0.68}

// honestRound is one honest round: its files and its gate.
type honestRound struct {
	name  string
	parts []string
	gate  holdoutGate
}

// TestHoldout reports the figures on testdata/holdout: rounds of 40 to 150
// messages, each written after the lexicon was frozen, in phrasings unlike
// its cues ("il m'a jetée contre le mur", "tout le monde serait mieux sans
// moi"). The classifier is trained on the training rounds: their figures
// are in-sample, and rounds 7 and 9 to 16 are gated under the
// figures they had when they were honest rounds, against regressions only.
// The honest rounds (honestRounds), when present, are the honest estimate.
// README.md gives the figures each round had when it was first measured.
func TestHoldout(t *testing.T) {
	groups := map[string][]labelled{}
	for _, round := range trainingRounds {
		t.Run(round, func(t *testing.T) {
			set := loadJSONL(t, "testdata/holdout/"+round+".jsonl")
			if g := strings.TrimRight(round, "abc"); g != round {
				groups[g] = append(groups[g], set...)
			}
			s := logFigures(t, set)
			if os.Getenv("PLUME_TRIAGE_MISSES") != "" {
				for _, m := range s.misses {
					t.Log("  miss: " + m)
				}
			}
			if s.missingReasons > 0 {
				t.Errorf("%d non-routine assessments without a reason", s.missingReasons)
			}
			if g, ok := trainingRoundGates[round]; ok {
				g.check(t, round, s)
			}
		})
	}
	for _, g := range trainingRoundGroups {
		t.Run(g, func(t *testing.T) {
			s := logFigures(t, groups[g])
			if gate, ok := trainingRoundGates[g]; ok {
				gate.check(t, g, s)
			}
		})
	}
	var tuning, test []labelled
	for _, r := range honestRounds {
		t.Run(r.name, func(t *testing.T) {
			tu, te := r.test(t)
			tuning, test = append(tuning, tu...), append(test, te...)
		})
	}
	t.Run("halves", func(t *testing.T) {
		if len(tuning) == 0 {
			t.Skip("no honest round written yet")
		}
		t.Run("tuning", func(t *testing.T) { logFigures(t, tuning) })
		t.Run("test", func(t *testing.T) { logFigures(t, test) })
	})
}

// test reports and gates the round when one of its files exists, then
// reports its halves by the fixed rule (testHalf): the misses of the
// tuning half are listed with PLUME_TRIAGE_MISSES, never the test half's.
// It returns the halves, for the pooled figures.
func (r honestRound) test(t *testing.T) (tuning, test []labelled) {
	set := r.load(t)
	if len(set) == 0 {
		t.Skipf("testdata/holdout/%s parts not written yet", r.name)
	}
	s := logFigures(t, set)
	if s.missingReasons > 0 {
		t.Errorf("%d non-routine assessments without a reason", s.missingReasons)
	}
	r.gate.check(t, r.name, s)
	tuning, test = splitHalves(set)
	t.Run("tuning", func(t *testing.T) {
		s := logFigures(t, tuning)
		if os.Getenv("PLUME_TRIAGE_MISSES") != "" {
			for _, m := range s.misses {
				t.Log("  miss: " + m)
			}
		}
	})
	t.Run("test", func(t *testing.T) { logFigures(t, test) })
	return tuning, test
}

// paths are the round's files that exist.
func (r honestRound) paths() []string {
	var out []string
	for _, part := range r.parts {
		path := "testdata/holdout/" + part + ".jsonl"
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		out = append(out, path)
	}
	return out
}

// load reads the round's files that exist, its parts in order.
func (r honestRound) load(t testing.TB) []labelled {
	t.Helper()
	var set []labelled
	for _, path := range r.paths() {
		set = append(set, loadJSONL(t, path)...)
	}
	return set
}

// holdoutGate holds a round's figures at or above these.
type holdoutGate struct {
	urgentRecall, needsRecall, attentionRecall, routineKept, reasonRecall float64
}

func (g holdoutGate) check(t *testing.T, round string, s scores) {
	t.Helper()
	if g == (holdoutGate{}) {
		t.Logf("%s is not gated yet: set its gate in holdout_test.go", round)
		return
	}
	if s.urgentRecall < g.urgentRecall || s.needsRecall < g.needsRecall || s.attentionRecall < g.attentionRecall ||
		s.routineKept < g.routineKept || s.reasonRecall < g.reasonRecall {
		t.Errorf("%s under its gates: urgent recall %.3f (want ≥ %.2f), needs-attention recall %.3f (≥ %.2f), "+
			"attention recall %.3f (≥ %.2f), routine kept %.3f (≥ %.2f), reason codes found %.3f (≥ %.2f)", round,
			s.urgentRecall, g.urgentRecall, s.needsRecall, g.needsRecall, s.attentionRecall, g.attentionRecall,
			s.routineKept, g.routineKept, s.reasonRecall, g.reasonRecall)
	}
}

// assessFull is the triage plume runs; assessLexiconOnly the lexicon
// without the classifier.
func assessFull(m labelled) Assessment { return AssessAt(context.Background(), m.Text, evalNow) }

func assessLexiconOnly(m labelled) Assessment {
	return assessLexicon(newMessage(m.Text, evalNow), m.Text)
}

// logFigures prints the figures of the triage, the lexicon alone and the
// keyword baseline on set, and returns the triage's.
func logFigures(t *testing.T, set []labelled) scores {
	t.Helper()
	s, lex, base := score(set, assessFull), score(set, assessLexiconOnly), score(set, naive)
	t.Logf("%d messages (%d urgent, %d attention, %d routine)", len(set), s.n[Urgent], s.n[Attention], s.n[Routine])
	t.Logf("  %-28s %8s %8s %8s", "", "triage", "lexicon", "keywords")
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "urgent recall", s.urgentRecall, lex.urgentRecall, base.urgentRecall)
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "needs-attention recall", s.needsRecall, lex.needsRecall, base.needsRecall)
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "attention recall", s.attentionRecall, lex.attentionRecall, base.attentionRecall)
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "routine kept routine", s.routineKept, lex.routineKept, base.routineKept)
	t.Logf("  %-28s %8.3f %8.3f", "expected reason codes found", s.reasonRecall, lex.reasonRecall)
	return s
}

// trainingRoundGates hold rounds 7 and 9 to 16 a little under
// the figures they had when each was the honest estimate, measured once with the
// classifier: round 7 on 2026-11-30 (urgent 0.719, needs-attention 0.882,
// attention 0.972, routine kept 0.896, reasons found 0.675), round 9 on
// 2026-12-01 (0.885, 0.907, 0.844, 0.849, 0.685; before the changes of
// round 8: 0.712, 0.835, 0.844, 0.849, 0.581), round 10, its three parts
// taken together, on 2026-12-01 (0.824, 0.938, 0.911, 0.759, 0.634;
// before that session's changes, with main at fb9dac8: 0.784, 0.948,
// 0.911, 0.741, 0.628), rounds 11 to 16 as their gates below say. All
// are training data now: the gates guard against regressions only.
var trainingRoundGates = map[string]holdoutGate{
	"round7":  {urgentRecall: 0.70, needsRecall: 0.86, attentionRecall: 0.94, routineKept: 0.88, reasonRecall: 0.65},
	"round9":  {urgentRecall: 0.86, needsRecall: 0.88, attentionRecall: 0.82, routineKept: 0.83, reasonRecall: 0.66},
	"round10": {urgentRecall: 0.80, needsRecall: 0.92, attentionRecall: 0.89, routineKept: 0.74, reasonRecall: 0.61},
	"round11": round11Gate,
	"round12": round12Gate,
	"round13": round13Gate,
	"round14": round14Gate,
	"round15": round15Gate,
	"round16": round16Gate,
}

// round11Gate gates round 11 a little under the figures it gave when
// measured on 2026-12-01 after that session's triage changes (urgent
// 0.980, needs attention 0.979, attention 0.978, routine kept 0.870,
// reasons 0.782; before them, with main at 9d873bd: 0.980, 0.969, 0.956,
// 0.852, 0.782). Were every figure zero, the round would be reported, not
// gated.
var round11Gate = holdoutGate{urgentRecall: 0.96, needsRecall: 0.96, attentionRecall: 0.95, routineKept: 0.85, reasonRecall: 0.76}

// round12Gate gates round 12 (three more writers who never saw the code)
// a little under the figures it gave when measured on 2026-12-01 with the
// same code as round 11's "after" (urgent 0.961, needs attention 0.969,
// attention 0.956, routine kept 0.778, reasons 0.725). A change to the
// lexicon's context reading and a model retrained with round 11 were then
// measured on it once (0.961, 0.948, 0.911, 0.796, 0.717: one routine
// message more kept, two needing attention missed) and not kept. Routine
// kept is gated at the keywords' figure on this round, 0.778.
var round12Gate = holdoutGate{urgentRecall: 0.94, needsRecall: 0.95, attentionRecall: 0.93, routineKept: 0.77, reasonRecall: 0.70}

// round13Gate gates round 13 (13a rural elderly people, farmers,
// artisans and overseas departments; 13b students and young adults in SMS
// style, English and Spanish; 13c advisers' call notes, interpreters and
// long disorganised messages: three writers who never saw the code) a
// little under the figures it gave when measured on 2026-12-01 after that
// session's triage changes (urgent 0.941, needs attention 0.969,
// attention 0.978, routine kept 0.741, reasons 0.687; before them, with
// main at f1f4cb0: 0.922, 0.958, 0.978, 0.722, 0.693; keywords 0.137,
// 0.385, 0.489, 0.704). Routine kept is far under the 0.90 goal: 13b's
// 0.667 is under the keywords' 0.722 on that part. Since the fifth
// session of 2026-12-01 it is training data, gated against regressions
// only.
var round13Gate = holdoutGate{urgentRecall: 0.92, needsRecall: 0.95, attentionRecall: 0.96, routineKept: 0.72, reasonRecall: 0.67}

// round14Gate gates round 14 (14a young adults' posts and SMS, irony and
// hyperbole; 14b elderly writers and those who write for them; 14c
// advisers' notes overseas and in suburbs, other languages), written on
// 2026-12-01 by three writers who never saw the code. Measured before
// that day's changes: 0.889 / 0.933 / 0.933 / 0.850 / 0.598; after them:
// 0.911 / 0.956 / 0.956 / 0.867 / 0.614; after the review's mends that
// followed: 0.911 / 0.956 / 0.956 / 0.850 / 0.614 (keywords 0.178 /
// 0.289 / 0.244 / 0.683). The gate sits a message under. Since session 9
// of 2026-12-01 it is training data, gated against regressions only.
var round14Gate = holdoutGate{urgentRecall: 0.88, needsRecall: 0.94, attentionRecall: 0.94, routineKept: 0.85, reasonRecall: 0.60}

// round15Gate gates round 15 (15a neighbours and relatives, elderly people
// alone, SMS, broken French and English, angry routine posts, debts; 15b
// parents and teachers, arrears, migrants, one alarming sentence in a long
// letter, figurative « tuer », « mourir »; 15c advisers' notes, disability
// and illness, scams, bereavement, press and lawyer threats, thanks),
// written on 2026-12-01 by three writers who never saw the code. Measured
// before session 9's changes: 0.902 / 0.989 / 0.974 / 0.783 / 0.675; after
// them: 0.902 / 0.989 / 0.974 / 0.783 / 0.681. The gate sits a message
// under. Since session 13 it is training data, gated against regressions
// only.
var round15Gate = holdoutGate{urgentRecall: 0.88, needsRecall: 0.97, attentionRecall: 0.94, routineKept: 0.76, reasonRecall: 0.66}

// round16Gate gates round 16 (16a letters from elderly people, families
// and carers, advisers' notes, a sign hidden in a list of questions; 16b
// public posts, SMS, the young and the precariously employed, sarcasm,
// a suicide hint in a one-star review; 16c foreign nationals in broken
// French and six other languages, farmers and shopkeepers, very short and
// very long messages), written on 2026-12-01 (session 10) by three writers
// who never saw the code. Measured before session 10's changes: 0.902 /
// 0.967 / 0.923 / 0.850 / 0.664 (keywords 0.098 / 0.278 / 0.308 / 0.767);
// after them: 0.922 / 0.967 / 0.923 / 0.850 / 0.664. The gate sits a
// message under. Since session 13 it is training data, gated against
// regressions only.
var round16Gate = holdoutGate{urgentRecall: 0.90, needsRecall: 0.95, attentionRecall: 0.89, routineKept: 0.83, reasonRecall: 0.64}
