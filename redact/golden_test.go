package redact

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateGolden = flag.Bool("golden.update", false, "rewrite testdata/golden.txt from the output of the redactor as it is now")

// goldenFile holds one digest of the redactor's output per input of
// goldenInputs.
const goldenFile = "testdata/golden.txt"

// TestGoldenDigests checks that the redactor's output (text, entities and
// mapping) on every labelled text, the fuzz seeds and corpus, and the
// benchmarks' long texts is the one recorded in testdata/golden.txt. It
// guards changes meant to leave the output alone (speed, refactoring):
// a change of the detectors that is meant to change it rewrites the file
// with -golden.update, and the diff of the file says which inputs moved.
func TestGoldenDigests(t *testing.T) {
	if testing.Short() {
		t.Skip("long texts")
	}
	got := map[string]string{}
	for _, in := range goldenInputs(t) {
		got[in.name] = in.digest(t)
	}
	if *updateGolden {
		writeGolden(t, got)
		return
	}
	want := readGolden(t)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("redactor output changed (-recorded +now); if meant, rerun with -golden.update:\n%s", diff)
	}
}

// goldenInput is one text, or one conversation of texts redacted by a
// Session, and the name of its digest.
type goldenInput struct {
	name  string
	texts []string
}

// digest redacts the input's texts and hashes every result's text,
// entities and mapping.
func (in goldenInput) digest(t *testing.T) string {
	t.Helper()
	h := sha256.New()
	s := NewSession(nil)
	for _, text := range in.texts {
		res, err := s.Redact(context.Background(), text)
		if err != nil {
			fmt.Fprintf(h, "error %v\n", err)
			continue
		}
		fmt.Fprintf(h, "text %q\n", res.Text.String())
		for _, e := range res.Entities {
			fmt.Fprintf(h, "entity %+v\n", e)
		}
		for _, e := range res.Mapping.Entries() {
			fmt.Fprintf(h, "mapping %+v\n", e)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// goldenInputs returns the inputs of the golden digests: each labelled
// text alone, each labelled file as one conversation and as one long text
// (read in pieces), the fuzz seeds and corpus, and the benchmarks' texts.
func goldenInputs(t *testing.T) []goldenInput {
	t.Helper()
	files, err := filepath.Glob("testdata/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var ins []goldenInput
	var all []string
	for _, f := range files {
		var texts []string
		for _, m := range loadLabelled(t, f) {
			ins = append(ins, goldenInput{name: f + ":" + m.ID, texts: []string{m.Text}})
			texts = append(texts, m.Text)
		}
		ins = append(ins, goldenInput{name: f + ":conversation", texts: texts})
		all = append(all, texts...)
	}
	ins = append(ins, goldenInput{name: "labelled texts joined, 3 MB", texts: []string{joinedText(all, 3<<20)}})
	for i, s := range append(fuzzSeeds, fuzzCorpus(t)...) {
		ins = append(ins, goldenInput{name: "fuzz " + strconv.Itoa(i), texts: []string{s}})
	}
	for i, m := range benchMessages {
		ins = append(ins, goldenInput{name: "bench message " + strconv.Itoa(i), texts: []string{m}})
	}
	return append(ins,
		goldenInput{name: "realistic 1 MB", texts: []string{realisticText(1 << 20)}},
		goldenInput{name: "realistic 10 MB", texts: []string{realisticText(10 << 20)}},
		goldenInput{name: "spaced digits", texts: []string{strings.Repeat("1 2 3 4 5 6 7 8 9 0 ", 100000)}},
	)
}

// joinedText joins texts, separated by blank lines, again and again until
// the result holds size bytes.
func joinedText(texts []string, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(texts[i%len(texts)])
		b.WriteString("\n\n")
	}
	return b.String()
}

// fuzzCorpus returns the string inputs of testdata/fuzz.
func fuzzCorpus(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/fuzz/*/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if q, ok := strings.CutPrefix(line, "string("); ok {
				s, err := strconv.Unquote(strings.TrimSuffix(q, ")"))
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				out = append(out, s)
			}
		}
	}
	return out
}

// readGolden reads goldenFile: one "digest name" line per input.
func readGolden(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		digest, name, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			t.Fatalf("%s: bad line %q", goldenFile, sc.Text())
		}
		out[name] = digest
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// writeGolden writes digests to goldenFile, sorted by name.
func writeGolden(t *testing.T, digests map[string]string) {
	t.Helper()
	names := make([]string, 0, len(digests))
	for name := range digests {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "%s %s\n", digests[name], name)
	}
	if err := os.WriteFile(goldenFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
