package rag_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store/storetest"
)

// TestSearchDigestDB searches every message (rag/testdata/messages*.jsonl)
// and every short question over an already ingested database
// (PLUME_DIGEST_DB, e.g. the whole corpus) and hashes what each search
// returned: the ids, scores (all their digits) and reliability of every
// result. A change that must leave the ranking as it was (a faster way of
// fetching the same results) gives the same digest: PLUME_DIGEST_WANT, when
// set, is the digest wanted; PLUME_DIGEST_OUT, when set, receives every
// search's line, to compare two runs line by line.
func TestSearchDigestDB(t *testing.T) {
	st := storetest.Ingested(t, "PLUME_DIGEST_DB")
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	s := rag.NewSearcher(st, embedder, rag.DefaultLexicon(), nil, rag.SearchOptions{})
	var lines []string
	for _, k := range []int{5, 20} {
		for _, q := range digestQueries(t) {
			lines = append(lines, fmt.Sprintf("k=%d %s", k, searchLine(t, s, q, k)))
		}
	}
	all := strings.Join(lines, "\n") + "\n"
	sum := sha256.Sum256([]byte(all))
	digest := hex.EncodeToString(sum[:])
	t.Logf("%d searches, digest %s", len(lines), digest)
	if out := os.Getenv("PLUME_DIGEST_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(all), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want := os.Getenv("PLUME_DIGEST_WANT"); want != "" && want != digest {
		t.Errorf("digest %s, want %s: the searches' results changed", digest, want)
	}
}

// digestQueries are the texts TestSearchDigestDB searches: every message
// of both message files and every short question.
func digestQueries(t *testing.T) []string {
	var out []string
	for _, file := range []string{messagesFile, heldOutFile} {
		for _, m := range loadMessageFile(t, file) {
			out = append(out, m.Question)
		}
	}
	for _, file := range []string{"spf-questions.jsonl", "vosdroits-questions.jsonl"} {
		out = append(out, questionTexts(t, file)...)
	}
	return out
}

// searchLine is what the search of text for k results returned, as one
// line: reliability, warnings and the search's internals (Internals), then
// each result's ids, score, reliability and a hash of its text.
func searchLine(t *testing.T, s *rag.Searcher, text string, k int) string {
	t.Helper()
	res, err := s.Search(context.Background(), rag.Query{Text: query(t, s, text), K: k})
	if err != nil {
		return "error " + err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "reliable=%t warnings=%v %s", res.Reliable, res.Warnings, res.Internals())
	for _, r := range res.Results {
		fmt.Fprintf(&b, " %d/%d:%s:%t:%x", r.DocumentID, r.ChunkID, strconv.FormatFloat(r.Score, 'g', -1, 64),
			r.Reliable, sha256.Sum256([]byte(r.Title+"\x00"+r.Heading+"\x00"+r.Text+"\x00"+r.URL+"\x00"+r.Source+"\x00"+r.DocID+"\x00"+r.Service)))
	}
	return b.String()
}
