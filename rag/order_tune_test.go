package rag

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/plume-sp/plume/store"
)

// orderRow is one tuning message's search on one corpus, for the study of
// the order of the first documents (TestOrderStudy): plume's ranked
// candidates in their final order and the plain BM25 list (every word of
// the message alike, title and text as one field, as the baseline).
type orderRow struct {
	ID, File, Corpus string
	Expected         []string
	Cands            []rankCandidate
	Plain            []string
	PlainScores      []float64
	// Rank and Reliable are the search's outcome.
	Rank     int
	Reliable bool
}

// orderFiles are the message files whose tuning halves the study reads.
var orderFiles = []string{"messages.jsonl", "messages-r7.jsonl", "messages-r8.jsonl", "messages-r9.jsonl", "messages-r10.jsonl", "messages-r11.jsonl", "messages-r12.jsonl", "messages-r13.jsonl", "messages-r14.jsonl", "messages-r15.jsonl", "messages-r16.jsonl", "messages-r17.jsonl", "messages-r18.jsonl", "messages-r19.jsonl", "messages-r20.jsonl", "messages-r21.jsonl", "messages-s21.jsonl", "messages-r22.jsonl"}

// plainQuery is the plain BM25 query of an analysed message: every word
// of its sentences (not the lexicon's), weighed by its idf alone.
func plainQuery(qs store.QueryStats, sentences int, filter store.SearchFilter) store.DocQuery {
	nd := float64(max(qs.Documents, 1))
	q := store.DocQuery{Filter: filter, K: 30, K1: 1.2, B: 0.75, TitleBoost: 1, AvgDocTerms: qs.AvgDocTerms}
	for _, st := range qs.Terms {
		if st.Lexemes > 1 || st.DDF == 0 {
			continue
		}
		inMessage := false
		for _, i := range st.Sentences {
			inMessage = inMessage || i < sentences
		}
		if inMessage {
			q.Terms = append(q.Terms, store.DocTerm{Lexeme: st.Lexeme, Weight: idf(nd, st.DDF)})
		}
	}
	return q
}

// orderRows searches the tuning messages on every corpus of
// PLUME_TUNE_CORPUS, or reads the rows from PLUME_ORDER_ROWS when that file
// exists (written there otherwise).
func orderRows(t *testing.T) []orderRow {
	return tuneRows(t, os.Getenv("PLUME_ORDER_ROWS"), func(url, corpus string) []orderRow { return corpusOrderRows(t, url, corpus) })
}

func corpusOrderRows(t *testing.T, url, corpus string) []orderRow {
	return corpusOrderRowsWith(t, url, corpus, SearchOptions{})
}

func corpusOrderRowsWith(t *testing.T, url, corpus string, opts SearchOptions) []orderRow {
	ctx := context.Background()
	st, s, tr := tracedSearcher(t, url, opts)
	var rows []orderRow
	for _, q := range halfMessageFiles(t, orderFiles, corpus, 0) {
		*tr = searchTrace{}
		o, err := s.evalOne(ctx, q.EvalQuestion, 10)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := st.SearchDocuments(ctx, plainQuery(tr.stats, tr.sentences, tr.plan.query.Documents.Filter))
		if err != nil {
			t.Fatal(err)
		}
		row := orderRow{ID: q.ID, File: q.file, Corpus: corpus, Expected: q.Expected, Cands: o.candidates, Rank: o.Rank, Reliable: o.Reliable}
		ids := make([]int64, len(hits))
		for i, h := range hits {
			ids[i] = h.DocumentID
			row.PlainScores = append(row.PlainScores, h.Score)
		}
		row.Plain = externalIDs(t, st, ids)
		rows = append(rows, row)
	}
	return rows
}

func externalIDs(t *testing.T, st *store.Store, ids []int64) []string {
	rows, err := st.Pool().Query(context.Background(), `SELECT i.n, d.external_id FROM unnest($1::bigint[]) WITH ORDINALITY AS i(id, n) JOIN documents d ON d.id = i.id ORDER BY i.n`, ids)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n int64
		var ext string
		if err := rows.Scan(&n, &ext); err != nil {
			t.Fatal(err)
		}
		out = append(out, ext)
	}
	if len(out) != len(ids) {
		t.Fatal(fmt.Errorf("external ids: %d of %d", len(out), len(ids)))
	}
	return out
}

// orderFigures are r@1, r@5 and MRR over answerable rows.
type orderFigures struct{ n, at1, at5, mrr float64 }

func (f *orderFigures) add(rank int) {
	f.n++
	if rank > 0 {
		f.at1 += b2f(rank == 1)
		f.at5 += b2f(rank <= 5)
		f.mrr += 1 / float64(rank)
	}
}

func (f orderFigures) String() string {
	if f.n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f %.3f %.3f", f.at1/f.n, f.at5/f.n, f.mrr/f.n)
}

// distinctRank is the 1-based rank of the first expected among the
// distinct ids of docs.
func distinctRank(docs, expected []string) int {
	seen := map[string]bool{}
	var out []string
	for _, d := range docs {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return FirstRank(out, expected)
}

// orderVariant orders a row's candidates (returns their doc ids).
type orderVariant struct {
	name  string
	order func(r orderRow) []string
}

func candIDs(cs []rankCandidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.DocID
	}
	return out
}

// plainFirst moves the plain list's first document first when it is among
// plume's first n.
func plainFirst(n int) func(orderRow) []string {
	return func(r orderRow) []string {
		ids := candIDs(r.Cands)
		if len(r.Plain) == 0 {
			return ids
		}
		for i := 0; i < min(n, len(ids)); i++ {
			if ids[i] == r.Plain[0] {
				out := append([]string{ids[i]}, ids[:i]...)
				return append(out, ids[i+1:]...)
			}
		}
		return ids
	}
}

func reportVariants(t *testing.T, rows []orderRow, vs []orderVariant) {
	type key struct{ file, corpus string }
	figs := map[key][]orderFigures{}
	var keys []key
	for _, r := range rows {
		if len(r.Expected) == 0 {
			continue
		}
		for _, k := range []key{{r.File, r.Corpus}, {"all", r.Corpus}} {
			if figs[k] == nil {
				figs[k] = make([]orderFigures, len(vs)+1)
				keys = append(keys, k)
			}
			figs[k][0].add(FirstRank(r.Plain, r.Expected))
			for i, v := range vs {
				figs[k][i+1].add(distinctRank(v.order(r), r.Expected))
			}
		}
	}
	for _, k := range keys {
		line := fmt.Sprintf("%-20s %-4s n=%3d plain %s", k.file, k.corpus, int(figs[k][0].n), figs[k][0])
		for i, v := range vs {
			line += fmt.Sprintf(" | %s %s", v.name, figs[k][i+1])
		}
		t.Log(line)
	}
}

// TestOrderStudy prints, on the tuning halves, plume's r@1, r@5 and MRR
// beside the plain BM25 list's and variants of the order.
func TestOrderStudy(t *testing.T) {
	rows := orderRows(t)
	reportVariants(t, rows, []orderVariant{
		{"plume", func(r orderRow) []string { return candIDs(r.Cands) }},
		{"tie2", plainFirst(2)},
		{"tie3", plainFirst(3)},
		{"tie5", plainFirst(5)},
	})
	// Where the plain list has it first and plume does not.
	for _, r := range rows {
		if len(r.Expected) == 0 || FirstRank(r.Plain, r.Expected) != 1 {
			continue
		}
		if pr := distinctRank(candIDs(r.Cands), r.Expected); pr != 1 {
			c := r.Cands
			line := fmt.Sprintf("%s %s plume rank %d;", r.ID, r.Corpus, pr)
			for i := 0; i < min(5, len(c)); i++ {
				line += fmt.Sprintf(" %s(place %d bm25 %.2f txt %.2f vec %.2f sem %.2f title %.2f req %.2f)", c[i].DocID, c[i].Place, c[i].Vec[0], c[i].Vec[1], c[i].Vec[2], c[i].Vec[3], c[i].Vec[10], c[i].Vec[9])
			}
			t.Log(line)
		}
	}
}

// TestOrderOptions searches the tuning halves with each of the search
// options of PLUME_ORDER_OPTS (JSON objects separated by ";") and prints
// r@1, r@5, MRR and the reliability rates by file and corpus.
func TestOrderOptions(t *testing.T) {
	url, corpora := os.Getenv("PLUME_TUNE_DB"), os.Getenv("PLUME_TUNE_CORPUS")
	if url == "" || corpora == "" {
		t.Skip("set PLUME_TUNE_DB and PLUME_TUNE_CORPUS")
	}
	for _, o := range strings.Split(os.Getenv("PLUME_ORDER_OPTS"), ";") {
		var opts SearchOptions
		if o != "" {
			if err := json.Unmarshal([]byte(o), &opts); err != nil {
				t.Fatal(err)
			}
		}
		var rows []orderRow
		for _, corpus := range strings.Split(corpora, ",") {
			rows = append(rows, corpusOrderRowsWith(t, strings.ReplaceAll(url, "{corpus}", corpus), corpus, opts)...)
		}
		t.Logf("options %s", o)
		reportOutcomes(t, rows)
	}
}

// reportOutcomes prints the rows' figures by file and corpus: plain
// BM25's r@1, r@5 and MRR, plume's, its reliable when found in the top
// five and out of corpus flagged.
func reportOutcomes(t *testing.T, rows []orderRow) {
	type key struct{ file, corpus string }
	type figs struct {
		plain, plume              orderFigures
		found, rel, none, flagged float64
	}
	by := map[key]*figs{}
	var keys []key
	for _, r := range rows {
		for _, k := range []key{{r.File, r.Corpus}, {"all", r.Corpus}} {
			f := by[k]
			if f == nil {
				f = &figs{}
				by[k] = f
				keys = append(keys, k)
			}
			if len(r.Expected) == 0 {
				f.none++
				f.flagged += b2f(!r.Reliable)
				continue
			}
			f.plain.add(FirstRank(r.Plain, r.Expected))
			f.plume.add(r.Rank)
			if r.Rank > 0 && r.Rank <= 5 {
				f.found++
				f.rel += b2f(r.Reliable)
			}
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].corpus > keys[j].corpus })
	for _, k := range keys {
		f := by[k]
		t.Logf("%-20s %-4s n=%3d plain %s | plume %s | rel-found %.3f flagged %.3f", k.file, k.corpus, int(f.plume.n), f.plain, f.plume, f.rel/max(f.found, 1), f.flagged/max(f.none, 1))
	}
}
