package redact

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

var (
	evalVerbose = flag.Bool("eval.verbose", false, "log every miss, false positive and damaged keep phrase of the generated set and of the tuning halves, grouped by type (never of a test half)")
	updateGates = flag.Bool("update-gates", false, "rewrite testdata/gates.json from the figures measured now (see gateFor)")
)

// The labelled sets:
//
//   - testdata/messages.jsonl: the generated set, clean formats;
//   - testdata/messy.jsonl: hand-written messy messages (SMS style,
//     obfuscations, numbers in words, foreign formats, special categories),
//     split once into a tuning half and a test half by splitHalf. Only the
//     tuning half may be looked at to improve the detectors; the test half
//     gives the reported and gated figures;
//   - testdata/messy2.jsonl: a second hand-written set in the same style,
//     written after two rounds of tuning on messy.jsonl's tuning half and
//     before the third, to check that gains generalise. Split by the same
//     rule; neither half has been looked at message by message, and only
//     its test half is gated. Since the fourth round its tuning half is
//     tuned on like the others (-eval.verbose lists its findings);
//   - testdata/messy3.jsonl: a third hand-written set, written before the
//     fourth round on the kinds of values an outside measurement found
//     leaking (obfuscated e-mails, foreign documents and phones, names in
//     other scripts, identifiers split over a line, dates of birth in other
//     languages, special categories, organisations' addresses that stay).
//     Split by the same rule; its test half is gated.
//   - testdata/badkeys.jsonl: identifiers typed or invented with a wrong
//     key (NIR, IBAN, SIRET, cards, numéros fiscaux) and other documents'
//     numbers, in the users' writing, with look-alikes that must stay;
//     written to tune the shape-and-cue rules, tuning only (gated, so that
//     the rules it pinned stay);
//   - testdata/badkeys-check.jsonl: 25 more of the same kinds, written
//     midway through the tuning and never tuned on (main's code already
//     found all its values: too easy to tell the rounds apart);
//   - testdata/messy4.jsonl: 100 messages by two writers who never saw the
//     code (4a elderly letters, relatives, small businesses, forwarded
//     e-mails; 4b SMS style, people born abroad, numbers in words or split,
//     special categories in passing), measured whole, once before and once
//     after the sixth and seventh rounds, on 2026-12-01, and kept out of
//     them; split by the same rule from then on, its test half gated.
//   - testdata/ambnames.jsonl: 40 messages written for issue 10's first
//     names that are also common words ("mon fils pierre", "je suis
//     claire martin", capitals), with the phrases where they are the
//     common word ("je suis claire sur ce point"); tuning only, gated so
//     that its rules stay;
//   - testdata/ambnames-check.jsonl: 20 more of the same kinds, written
//     once the rules were done and never tuned on (measured, not gated);
//   - testdata/messy5.jsonl: 100 messages (774 values) by two writers who
//     never saw the code (5a foreign nationals and their helpers, SMS
//     style, pasted form fields and signatures; 5b elderly people and
//     relatives, drivers, union delegates, special categories told in
//     long stories), measured whole once before and once after the
//     eighth round on 2026-12-01 and kept out of it; split by the same
//     rule from then on, its test half gated.
//   - testdata/messy6.jsonl: 100 messages (626 values) by two more writers
//     who never saw the code (6a foreign nationals, refugees and their
//     helpers, other scripts and languages; 6b SMS, dictated numbers,
//     forwarded e-mails, special categories in stories), measured whole
//     once before and once after session 8's rounds and kept out of them;
//     split by the same rule from then on, its test half gated.
//   - testdata/messy7.jsonl: 100 messages (740 values) by two more writers
//     who never saw the code (7a letters with address blocks, tenants,
//     foreign students and workers, advisers' notes, numbers dictated in
//     words; 7b SMS with obfuscated contacts, angry posts, social workers,
//     the self-employed, special categories in passing, forwarded
//     threads), measured whole once before and once after session 9's
//     rounds and kept out of them; split by the same rule from then on,
//     its test half gated.
//   - testdata/messy8.jsonl: 100 messages (671 values) by two more writers
//     who never saw the code (8a letters and e-mails from elderly people
//     and families, advisers' notes, foreign nationals with foreign phones
//     and IBANs, health and disability; 8b SMS and angry posts, numbers in
//     words and spaced out, obfuscated e-mails in five languages, religion,
//     unions, orientation and convictions in everyday words), measured
//     whole once before and once after session 10's changes and kept out
//     of them; split by the same rule from then on, its test half gated.
//   - testdata/messy9.jsonl: 100 messages (784 values) by two more writers
//     who never saw the code (9a foreign nationals and mixed languages,
//     obfuscated contacts, foreign phones and IBANs, residence permits,
//     SMS self-introductions, special categories in everyday words; 9b
//     elderly people's letters with address blocks, pasted forms, quoted
//     e-mails, numbers and dates of birth in words with places of birth,
//     CAF, tax and case numbers, plates, SIRET, cards and IBANs in odd
//     groupings, many phrases that must stay), measured whole once before
//     and once after session 11's changes and kept out of them; split by
//     the same rule from then on, its test half gated.
//   - testdata/messy10.jsonl: 100 messages (729 values) by two more
//     writers who never saw the code (10a places and dates of birth in
//     seven languages and many formats, residence-permit, OFII and case
//     numbers after courts, cards, foreign identity cards and passports,
//     health and disability in everyday words, pasted forms; 10b SMS
//     without accents, numbers in words or split oddly, obfuscated
//     contacts, several people in one message, religion, unions,
//     orientation and justice told in passing, many phrases that must
//     stay), measured whole once before and once after session 12's
//     changes and kept out of them; split by the same rule from then on,
//     its test half gated.
//   - testdata/messy11.jsonl: 100 messages (904 values) by two more
//     writers who never saw the code (11a identity documents, residence
//     permits and AGDREF numbers, CAF and tax numbers in odd formats,
//     dates and places of birth abroad and in other languages, foreign
//     and dictated phones, pasted forms; 11b health, disability,
//     religion, unions, orientation and justice in everyday words beside
//     figurative uses, relatives and neighbours, obfuscated e-mails,
//     addresses without a street-type word, SMS, mixed languages),
//     written on session 13, measured whole once before that session's
//     changes, then split by the same rule: its tuning half tuned on from
//     then, its test half gated.
//   - testdata/messy12.jsonl: 100 messages (795 values) by two more
//     writers who never saw the code (12a elderly people and their
//     children, formal letters with address blocks, forms pasted into
//     e-mails, names surname first in capitals or all in lower case,
//     hyphenated first names, addresses without a postcode or a street
//     word, health in passing; 12b foreign nationals, students, small
//     businesses, SMS and obfuscated contacts, tax and case numbers in odd
//     formats, offences, unions, religion and origin in passing), written
//     on session 14, measured whole once before and once after that
//     session's changes and kept out of them; split by the same rule from
//     then on, its test half gated.
//   - testdata/messy13.jsonl: 100 messages (879 values) by two more
//     writers who never saw the code (13a addresses without a street word,
//     foreign addresses, dates of birth in every form, relatives, tax and
//     case numbers after varied cues; 13b foreign nationals with their own
//     identity numbers, phones and addresses, SMS, advisers' notes, formal
//     letters, quoted threads, English), written on session 15, measured
//     whole once before and once after that session's changes and kept out
//     of them; split by the same rule from then on, its test half gated.
//   - testdata/messy14.jsonl: 100 messages (943 values) by two more
//     writers who never saw the code (14a lower-case SMS writers, first
//     names alone in signatures, names in capitals, names that are words
//     or towns, advisers' notes, elderly people's letters; 14b foreign
//     nationals with their permits, passports, phones, IBANs and
//     addresses, forwarded threads, English and mixed languages, health
//     and disability in passing, passwords shared carelessly), written on
//     session 16, measured whole once before and once after that
//     session's changes and kept out of them; split by the same rule from
//     then on, its test half gated.
//   - testdata/messy15.jsonl: 100 messages (845 values) by two more
//     writers who never saw the code (15a e-mails and posts by residents
//     and foreign nationals, names that are words, capitals, surname first,
//     compound and foreign names, obfuscated contacts; 15b advisers' notes,
//     social workers, address blocks, quoted threads, forms, several
//     languages, special categories written indirectly), written on session
//     17, measured whole once on the session's start and committed before
//     its changes, tuned on its tuning half only; its test half gated.
//   - testdata/messy16.jsonl: 100 messages (942 values) by two more
//     writers who never saw the code (16a families, elderly people,
//     foreigners in immigration procedures, people with health problems,
//     names that are words, compound surnames, hidden contacts; 16b
//     advisers' notes crowded with identifiers, workers and students,
//     forwarded threads, English speakers, numbers written oddly,
//     addresses without cue words, lower-case names), written on session
//     18, measured whole once on the session's start and committed before
//     its changes, tuned on its tuning half only; its test half gated.
//     16a labels a nationality ORIGINE, 16b does not: ORIGINE's recall on
//     this set measures that difference as much as the redactor.
//   - testdata/messy17.jsonl: 100 messages (1,195 values) by two more
//     writers who never saw the code (17a older people and families, long
//     e-mails with signatures, forwarded threads, lists of documents,
//     several people a message, names that are words, compound and
//     foreign names; 17b young people in SMS style, numbers spelled or
//     split, obfuscated contacts, language mixes, residence permits,
//     special categories said in passing, pasted passwords), written on
//     session 19, measured whole once on the session's start and
//     committed before its changes, tuned on its tuning half only; its
//     test half gated. Both label a birth date with its place (« 4
//     novembre 2003 a fes ») as one NAISSANCE value.
//   - testdata/messy18.jsonl: 100 messages (983 values) by two more
//     writers who never saw the code (18a formal letters of retirees and
//     families, advisers' notes, people writing for a relative, users born
//     overseas with multi-word towns of birth, logins and passwords in
//     sentences; 18b SMS style, foreigners in English or mixed languages,
//     angry public posts naming agents, quoted e-mails and case numbers,
//     surnames alone after prepositions), written on session 20, measured
//     whole once on the session's start and committed before its changes,
//     tuned on its tuning half only; its test half gated. A birth date
//     and its town are labelled apart (the writers' LIEU_NAISSANCE read
//     as NAISSANCE, their FT, IMMAT and INFRACTION as FRANCE_TRAVAIL,
//     PLAQUE and JUSTICE).
//   - testdata/messy19.jsonl: 100 messages (1,037 values, 434 phrases to
//     keep) by two more writers who never saw the code (19a the elderly
//     and their families, formal letters with address blocks, forwarded
//     threads, people born abroad with foreign identity numbers, health
//     told at length; 19b SMS style without accents, advisers' and
//     telephone notes, English and mixed messages, numbers dictated in
//     words or split, obfuscated e-mails, passwords told casually,
//     surnames that are common words, several people a message), written
//     on session 21, measured once on session 20's final code (2591ef5)
//     and committed before session 21's changes, tuned on its tuning half
//     only; its test half gated. Whole: recall 970/1,108 = 0.875,
//     precision 0.952, phrases kept 0.977 (regex baseline five types
//     0.684 / 0.986, phrases 0.998); test half 458/539 = 0.850, precision
//     0.943, phrases 0.977.
//   - testdata/messy20.jsonl: 100 messages (695 values, 552 phrases to
//     keep) by two more writers who never saw the code (20a the elderly in
//     formal letters, France services and Mission locale advisers' notes,
//     people in precarious situations, French as a second language,
//     English speakers; 20b SMS style without accents, angry complaints,
//     the self-employed, students, carers of sick or disabled relatives,
//     court, prison, union and religion matters, forwarded threads),
//     written on session 22, measured once on session 21's final code
//     (4695c53) and committed before session 22's changes to redaction,
//     tuned on its tuning half only; its test half gated. Whole: recall
//     645/695 = 0.928, precision 0.944, phrases kept 0.986 (regex
//     baseline five types 0.879 / 0.943, phrases 0.991); test half
//     310/331 = 0.937, precision 0.925, phrases kept 274/275 = 0.996.
const (
	generatedFile = "testdata/messages.jsonl"
	messyFile     = "testdata/messy.jsonl"
	messy2File    = "testdata/messy2.jsonl"
	messy3File    = "testdata/messy3.jsonl"
	badKeysFile   = "testdata/badkeys.jsonl"
	badCheckFile  = "testdata/badkeys-check.jsonl"
	messy4File    = "testdata/messy4.jsonl"
	ambNamesFile  = "testdata/ambnames.jsonl"
	ambCheckFile  = "testdata/ambnames-check.jsonl"
	messy5File    = "testdata/messy5.jsonl"
	messy6File    = "testdata/messy6.jsonl"
	messy7File    = "testdata/messy7.jsonl"
	messy8File    = "testdata/messy8.jsonl"
	messy9File    = "testdata/messy9.jsonl"
	messy10File   = "testdata/messy10.jsonl"
	messy11File   = "testdata/messy11.jsonl"
	messy12File   = "testdata/messy12.jsonl"
	messy13File   = "testdata/messy13.jsonl"
	messy14File   = "testdata/messy14.jsonl"
	messy15File   = "testdata/messy15.jsonl"
	messy16File   = "testdata/messy16.jsonl"
	messy17File   = "testdata/messy17.jsonl"
	messy18File   = "testdata/messy18.jsonl"
	messy19File   = "testdata/messy19.jsonl"
	messy20File   = "testdata/messy20.jsonl"
	gatesFile     = "testdata/gates.json"
)

// labelled is one message of a labelled set.
type labelled struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Type  Type   `json:"type"`
		Value string `json:"value"`
	} `json:"entities"`
	Keep []string `json:"keep"`
	Note string   `json:"note,omitempty"`
}

// splitHalf is the fixed rule that splits the messy set: the 32-bit FNV-1a
// hash of the message id, even for the tuning half, odd for the test half.
func splitHalf(id string) (test bool) {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 1
}

func loadLabelled(tb testing.TB, path string) []labelled {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var m labelled
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			tb.Fatalf("%s line %d: %v", path, line, err)
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// messyHalves loads the messy set and splits it with splitHalf.
func messyHalves(tb testing.TB) (tuning, test []labelled) {
	return halves(tb, messyFile)
}

// halves loads a hand-written set and splits it with splitHalf.
func halves(tb testing.TB, path string) (tuning, test []labelled) {
	for _, m := range loadLabelled(tb, path) {
		if splitHalf(m.ID) {
			test = append(test, m)
		} else {
			tuning = append(tuning, m)
		}
	}
	return tuning, test
}

// typeScore counts one type's expected values found, detections, and
// detections that match no expected value.
type typeScore struct {
	expected, found, detected, falsePos int
}

func (s typeScore) recall() float64 {
	if s.expected == 0 {
		return 1
	}
	return float64(s.found) / float64(s.expected)
}

func (s typeScore) precision() float64 {
	if s.detected == 0 {
		return 1
	}
	return float64(s.detected-s.falsePos) / float64(s.detected)
}

// setScore is the outcome of one redactor on one labelled set.
type setScore struct {
	types             map[Type]*typeScore
	keepTotal, keepOK int
	// expected counts every labelled value, masked those some detection
	// of any type covers: what reaches a prompt whatever the type said.
	expected, masked int
	record           bool
	findings         []finding
}

func (s *setScore) score(ty Type) *typeScore {
	if s.types[ty] == nil {
		s.types[ty] = &typeScore{}
	}
	return s.types[ty]
}

// overall sums the scores of the types of only, of every type when only
// is nil.
func (s *setScore) overall(only map[Type]bool) typeScore {
	var all typeScore
	for ty, ts := range s.types {
		if only != nil && !only[ty] {
			continue
		}
		all.expected += ts.expected
		all.found += ts.found
		all.detected += ts.detected
		all.falsePos += ts.falsePos
	}
	return all
}

func (s *setScore) keepRate() float64 {
	if s.keepTotal == 0 {
		return 1
	}
	return float64(s.keepOK) / float64(s.keepTotal)
}

// span is a labelled value or a detection, in bytes of the message.
type span struct {
	ty         Type
	start, end int
}

// redactor returns the masked text and the detected spans of a message.
type redactor func(text string) (string, []span)

func plumeRedactor(tb testing.TB) redactor {
	return func(text string) (string, []span) {
		res, err := Redact(context.Background(), text, DefaultPolicy())
		if err != nil {
			tb.Fatal(err)
		}
		sp := make([]span, len(res.Entities))
		for i, e := range res.Entities {
			sp[i] = span{e.Type, e.Start, e.End}
		}
		return res.Text.String(), sp
	}
}

// wantSpans returns every occurrence of every labelled value of m.
func wantSpans(tb testing.TB, m labelled) []span {
	var want []span
	seen := map[span]bool{}
	for _, e := range m.Entities {
		if e.Value == "" || !strings.Contains(m.Text, e.Value) {
			tb.Errorf("%s: label %s %q is not a substring of the text", m.ID, e.Type, e.Value)
			continue
		}
		for from := 0; ; {
			k := strings.Index(m.Text[from:], e.Value)
			if k < 0 {
				break
			}
			sp := span{e.Type, from + k, from + k + len(e.Value)}
			if !seen[sp] {
				seen[sp] = true
				want = append(want, sp)
			}
			from = sp.end
		}
	}
	return want
}

// covers reports whether detection d finds labelled value w: it must cover
// the whole value, except for the special categories, whose labels are
// often whole clauses ("condamné pour conduite en état d'ivresse"): there a
// detection inside the clause counts. Unless anyType, d must be of w's
// type; with it, covers reports whether d takes w out of the text.
func covers(d, w span, anyType bool) bool {
	if !anyType && d.ty != w.ty {
		return false
	}
	if w.ty.Special() {
		return d.start < w.end && w.start < d.end
	}
	return d.start <= w.start && d.end >= w.end
}

// evaluate scores redactor r on msgs; with record, it also keeps every
// miss, false positive and damaged keep phrase in the score's findings.
func evaluate(tb testing.TB, msgs []labelled, r redactor, record bool) *setScore {
	s := &setScore{types: map[Type]*typeScore{}, record: record}
	for _, m := range msgs {
		out, got := r(m.Text)
		want := wantSpans(tb, m)
		for _, w := range want {
			s.scoreExpected(m, w, got)
		}
		for _, d := range got {
			s.scoreDetected(m, d, want)
		}
		for _, kp := range m.Keep {
			s.keepTotal++
			if strings.Count(out, kp) >= strings.Count(m.Text, kp) && strings.Contains(m.Text, kp) {
				s.keepOK++
			} else {
				s.note("keep phrase damaged", "", m.ID, kp)
			}
		}
	}
	return s
}

// scoreExpected counts labelled value w of m as found or missed.
func (s *setScore) scoreExpected(m labelled, w span, got []span) {
	ts := s.score(w.ty)
	ts.expected++
	s.expected++
	if slices.ContainsFunc(got, func(d span) bool { return covers(d, w, true) }) {
		s.masked++ // whatever its type
	}
	for _, d := range got {
		// A value nested in a longer detected value ("amina" in the
		// address amina.k@…) is masked with it.
		if covers(d, w, false) || d.start <= w.start && d.end >= w.end && d.end-d.start > w.end-w.start {
			ts.found++
			return
		}
	}
	s.note("missed", w.ty, m.ID, m.Text[w.start:w.end])
}

// maskedRate is the share of labelled values masked whatever the type.
func (s *setScore) maskedRate() float64 {
	if s.expected == 0 {
		return 1
	}
	return float64(s.masked) / float64(s.expected)
}

// scoreDetected counts detection d of m, false when it overlaps no
// labelled value of its type.
func (s *setScore) scoreDetected(m labelled, d span, want []span) {
	ts := s.score(d.ty)
	ts.detected++
	for _, w := range want {
		if w.ty == d.ty && d.start < w.end && w.start < d.end {
			return
		}
	}
	ts.falsePos++
	s.note("false", d.ty, m.ID, m.Text[d.start:d.end])
}

// finding is one miss, false positive or damaged keep phrase.
type finding struct {
	kind      string
	ty        Type
	id, value string
}

func (s *setScore) note(kind string, ty Type, id, value string) {
	if s.record {
		s.findings = append(s.findings, finding{kind, ty, id, value})
	}
}

// findingsByType lists the recorded findings grouped by type, then kind.
func (s *setScore) findingsByType(name string) string {
	f := append([]finding(nil), s.findings...)
	sort.SliceStable(f, func(i, j int) bool {
		if f[i].ty != f[j].ty {
			return f[i].ty < f[j].ty
		}
		return f[i].kind < f[j].kind
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d findings", name, len(f))
	for _, x := range f {
		fmt.Fprintf(&b, "\n%-15s %-20s %s %q", x.ty, x.kind, x.id, x.value)
	}
	return b.String()
}

// table prints plume's figures per type with the regex baseline beside.
func table(name string, n int, p, base *setScore) string {
	var types []Type
	for ty := range p.types {
		if p.types[ty].expected > 0 {
			types = append(types, ty)
		}
	}
	sort.Slice(types, func(i, j int) bool { return types[i] < types[j] })
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d messages\n%-15s %8s %6s %7s %9s %7s   %s\n", name, n, "type", "expected", "found", "recall", "falsepos", "precis.", "regex baseline recall / precision")
	for _, ty := range types {
		s := p.types[ty]
		fmt.Fprintf(&b, "%-15s %8d %6d %7.3f %9d %7.3f", ty, s.expected, s.found, s.recall(), s.falsePos, s.precision())
		if bs := base.types[ty]; bs != nil && baselineTypes[ty] {
			fmt.Fprintf(&b, "   %.3f / %.3f", bs.recall(), bs.precision())
		}
		b.WriteByte('\n')
	}
	all, five, fiveBase := p.overall(nil), p.overall(baselineTypes), base.overall(baselineTypes)
	fmt.Fprintf(&b, "all types: recall %d/%d = %.3f, precision %.3f; the baseline's 5 types: %.3f / %.3f (regex baseline %.3f / %.3f)\n",
		all.found, all.expected, all.recall(), all.precision(), five.recall(), five.precision(), fiveBase.recall(), fiveBase.precision())
	fmt.Fprintf(&b, "masked whatever the type: %d/%d = %.3f (regex baseline %.3f)\n", p.masked, p.expected, p.maskedRate(), base.maskedRate())
	fmt.Fprintf(&b, "keep phrases intact: %d/%d = %.3f (regex baseline %.3f)", p.keepOK, p.keepTotal, p.keepRate(), base.keepRate())
	return b.String()
}

// TestLabelledSet measures per-type recall and precision on the generated
// set and on both halves of the two hand-written sets, prints them with the
// regex baseline beside, and checks the generated set and the test halves
// against testdata/gates.json.
func TestLabelledSet(t *testing.T) {
	tuning, test := messyHalves(t)
	tuning2, test2 := halves(t, messy2File)
	tuning3, test3 := halves(t, messy3File)
	tuning4, test4 := halves(t, messy4File)
	tuning5, test5 := halves(t, messy5File)
	tuning6, test6 := halves(t, messy6File)
	tuning7, test7 := halves(t, messy7File)
	tuning8, test8 := halves(t, messy8File)
	tuning9, test9 := halves(t, messy9File)
	tuning10, test10 := halves(t, messy10File)
	tuning11, test11 := halves(t, messy11File)
	tuning12, test12 := halves(t, messy12File)
	tuning13, test13 := halves(t, messy13File)
	tuning14, test14 := halves(t, messy14File)
	tuning15, test15 := halves(t, messy15File)
	tuning16, test16 := halves(t, messy16File)
	tuning17, test17 := halves(t, messy17File)
	tuning18, test18 := halves(t, messy18File)
	tuning19, test19 := halves(t, messy19File)
	tuning20, test20 := halves(t, messy20File)
	sets := []struct {
		name   string
		msgs   []labelled
		record bool
	}{
		{"generated", loadLabelled(t, generatedFile), *evalVerbose},
		{"messy-tuning", tuning, *evalVerbose},
		{"messy-test", test, false}, // never looked at message by message
		{"messy2-tuning", tuning2, *evalVerbose},
		{"messy2-test", test2, false},
		{"messy3-tuning", tuning3, *evalVerbose},
		{"messy3-test", test3, false},
		{"badkeys", loadLabelled(t, badKeysFile), *evalVerbose},
		{"badkeys-check", loadLabelled(t, badCheckFile), false}, // measured, never tuned on
		{"messy4-tuning", tuning4, *evalVerbose},
		{"messy4-test", test4, false},
		{"ambnames", loadLabelled(t, ambNamesFile), *evalVerbose},
		{"ambnames-check", loadLabelled(t, ambCheckFile), false}, // measured, never tuned on
		{"messy5-tuning", tuning5, *evalVerbose},
		{"messy5-test", test5, false},
		{"messy6-tuning", tuning6, *evalVerbose},
		{"messy6-test", test6, false},
		{"messy7-tuning", tuning7, *evalVerbose},
		{"messy7-test", test7, false},
		{"messy8-tuning", tuning8, *evalVerbose},
		{"messy8-test", test8, false},
		{"messy9-tuning", tuning9, *evalVerbose},
		{"messy9-test", test9, false},
		{"messy10-tuning", tuning10, *evalVerbose},
		{"messy10-test", test10, false},
		{"messy11-tuning", tuning11, *evalVerbose},
		{"messy11-test", test11, false},
		{"messy12-tuning", tuning12, *evalVerbose},
		{"messy12-test", test12, false},
		{"messy13-tuning", tuning13, *evalVerbose},
		{"messy13-test", test13, false},
		{"messy14-tuning", tuning14, *evalVerbose},
		{"messy14-test", test14, false},
		{"messy15-tuning", tuning15, *evalVerbose},
		{"messy15-test", test15, false},
		{"messy16-tuning", tuning16, *evalVerbose},
		{"messy16-test", test16, false},
		{"messy17-tuning", tuning17, *evalVerbose},
		{"messy17-test", test17, false},
		{"messy18-tuning", tuning18, *evalVerbose},
		{"messy18-test", test18, false},
		{"messy19-tuning", tuning19, *evalVerbose},
		{"messy19-test", test19, false},
		{"messy20-tuning", tuning20, *evalVerbose},
		{"messy20-test", test20, false},
	}
	scores := map[string]*setScore{}
	for _, set := range sets {
		p := evaluate(t, set.msgs, plumeRedactor(t), set.record)
		base := evaluate(t, set.msgs, regexBaseline, false)
		scores[set.name] = p
		t.Log("\n" + table(set.name, len(set.msgs), p, base))
		if set.record {
			t.Log("\n" + p.findingsByType(set.name))
		}
	}
	if *updateGates {
		writeGates(t, scores)
	}
	g := loadGates(t)
	for _, set := range gatedSets {
		checkGates(t, g, set.name, scores[set.name])
	}
}

// TestSplitIsFixed pins the split rule, so that no message moves from one
// half to the other.
func TestSplitIsFixed(t *testing.T) {
	for id, want := range map[string]bool{"x001": splitHalf("x001"), "w001": splitHalf("w001")} {
		h := fnv.New32a()
		h.Write([]byte(id))
		if got := h.Sum32()%2 == 1; got != want {
			t.Errorf("%s: split %v, want %v", id, got, want)
		}
	}
	tuning, test := messyHalves(t)
	if len(tuning) < 80 || len(test) < 80 {
		t.Errorf("halves of %d and %d messages, want at least 80 each", len(tuning), len(test))
	}
	tuning2, test2 := halves(t, messy2File)
	if len(tuning2) < 40 || len(test2) < 40 {
		t.Errorf("messy2: halves of %d and %d messages, want at least 40 each", len(tuning2), len(test2))
	}
	tuning3, test3 := halves(t, messy3File)
	if len(tuning3) < 20 || len(test3) < 20 {
		t.Errorf("messy3: halves of %d and %d messages, want at least 20 each", len(tuning3), len(test3))
	}
}
