package rag

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// shortRow is one message's search on one corpus for the study of short
// out-of-corpus questions (TestShortStudyRows): its outcome, the
// reliability features of its first document, the evidence of
// traceEvidence and counts of the request's words.
type shortRow struct {
	ID, File, Corpus string
	Answerable       bool
	Rank             int
	Reliable, Draft  bool
	Base             [numFeatures]float64
	Extra            map[string]float64
	Terms            []string
}

// TestShortStudyRows writes (PLUME_SHORT_ROWS) the rows of one half
// (PLUME_TUNE_HALF=test: the test half, never to tune on) of every message
// file over the databases of PLUME_TUNE_DB and PLUME_TUNE_CORPUS.
func TestShortStudyRows(t *testing.T) {
	path := os.Getenv("PLUME_SHORT_ROWS")
	if path == "" {
		t.Skip("set PLUME_SHORT_ROWS, PLUME_TUNE_DB and PLUME_TUNE_CORPUS")
	}
	parity := uint32(0)
	if os.Getenv("PLUME_TUNE_HALF") == "test" {
		parity = 1
	}
	tuneRows(t, path, func(url, corpus string) []shortRow { return corpusShortRows(t, url, corpus, parity) })
}

func corpusShortRows(t *testing.T, url, corpus string, parity uint32) []shortRow {
	ctx := context.Background()
	st, s, tr := tracedSearcher(t, url, SearchOptions{})
	var rows []shortRow
	for _, q := range halfMessageFiles(t, orderFiles, corpus, parity) {
		*tr = searchTrace{}
		o, err := s.evalOne(ctx, q.EvalQuestion, 10)
		if err != nil {
			t.Fatal(err)
		}
		extra, err := traceEvidence(ctx, st, *tr)
		if err != nil {
			t.Fatal(err)
		}
		requestCounts(extra, *tr)
		extra["entity"] = o.Top.Entity
		rows = append(rows, shortRow{q.ID, q.file, corpus, o.Answerable(), o.Rank, o.Reliable, o.DraftReliable, o.Top.vector(), extra, requestTerms(*tr)})
	}
	return rows
}

// requestCounts adds the counts of the request's words: all, those no
// document holds, the message's.
func requestCounts(ev map[string]float64, tr searchTrace) {
	for _, st := range tr.stats.Terms {
		if st.Lexemes > 1 {
			continue
		}
		ev["nMsg"]++
		if termWeight(st, tr.weights) < requestWeight {
			continue
		}
		ev["nReq"]++
		ev["nUnk"] += b2f(st.DDF == 0)
		if len(st.Lexeme) >= 4 {
			ev["nReq4"]++
		}
	}
}

// requestTerms are the request's words with their document frequency.
func requestTerms(tr searchTrace) []string {
	var out []string
	for _, st := range tr.stats.Terms {
		if st.Lexemes <= 1 && termWeight(st, tr.weights) >= requestWeight {
			out = append(out, fmt.Sprintf("%s:%d", st.Lexeme, st.DDF))
		}
	}
	return out
}
