package rag

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// The tests of this file study new evidence for the reliability decision
// (README, "Retrieval"): TestEvidence, TestEvidenceGreedy and
// TestEvidenceSets cross-validate it on the tuning halves of the four
// message files over the databases of PLUME_TUNE_DB and PLUME_TUNE_CORPUS
// (as TestTuneMessages), the rows cached in PLUME_EVIDENCE;
// TestEvidenceTestHalf measures a chosen set once on the test halves
// (PLUME_EVIDENCE_TEST, PLUME_EVIDENCE_EXTRAS). They skip without them.

// evidenceRow is one tuning message's search on one corpus: its outcome,
// the reliability features of its first document and the candidate
// evidence studied by TestEvidence.
type evidenceRow struct {
	ID, Corpus string
	Answerable bool
	Rank       int
	Base       [numFeatures]float64
	Extra      map[string]float64
}

// halfMessages returns one half of the four message files for a corpus
// (parity 0: the tuning half, 1: the test half).
func halfMessages(t *testing.T, corpus string, parity uint32) []EvalQuestion {
	files := []string{"messages.jsonl", "messages-r7.jsonl", "messages-r8.jsonl", "messages-r9.jsonl"}
	var out []EvalQuestion
	for _, q := range halfMessageFiles(t, files, corpus, parity) {
		out = append(out, q.EvalQuestion)
	}
	return out
}

// fileQuestion is a message of a message file.
type fileQuestion struct {
	EvalQuestion
	file string
}

// halfMessageFiles returns one half of message files for a corpus (parity
// 0: the tuning half, 1: the test half), each message with its file.
func halfMessageFiles(t *testing.T, files []string, corpus string, parity uint32) []fileQuestion {
	var out []fileQuestion
	for _, file := range files {
		raw, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			var m struct {
				EvalQuestion
				Corpus string `json:"corpus"`
			}
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatal(err)
			}
			h := fnv.New32a()
			h.Write([]byte(m.ID))
			if h.Sum32()%2 != parity || (corpus == "spf" && m.Corpus == "vosdroits") {
				continue
			}
			out = append(out, fileQuestion{m.EvalQuestion, file})
		}
	}
	return out
}

// evidenceRows searches the tuning messages on every corpus of
// PLUME_TUNE_CORPUS, or reads the rows from PLUME_EVIDENCE when that file
// exists (written there otherwise).
func evidenceRows(t *testing.T) []evidenceRow {
	return halfEvidence(t, os.Getenv("PLUME_EVIDENCE"), 0)
}

// halfEvidence is evidenceRows for one half, cached in path.
func halfEvidence(t *testing.T, path string, parity uint32) []evidenceRow {
	return tuneRows(t, path, func(url, corpus string) []evidenceRow { return corpusEvidence(t, url, corpus, parity) })
}

// tuneRows reads rows from the JSON file at path when it exists; otherwise
// it gathers them on the databases of PLUME_TUNE_DB for each corpus of
// PLUME_TUNE_CORPUS (see TestTuneMessages) with corpusRows and writes them
// there (when path is set).
func tuneRows[T any](t *testing.T, path string, corpusRows func(url, corpus string) []T) []T {
	if raw, err := os.ReadFile(path); path != "" && err == nil {
		var rows []T
		if err := json.Unmarshal(raw, &rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	url, corpora := os.Getenv("PLUME_TUNE_DB"), os.Getenv("PLUME_TUNE_CORPUS")
	if url == "" || corpora == "" {
		t.Skip("set PLUME_TUNE_DB and PLUME_TUNE_CORPUS")
	}
	var rows []T
	for _, corpus := range strings.Split(corpora, ",") {
		rows = append(rows, corpusRows(strings.ReplaceAll(url, "{corpus}", corpus), corpus)...)
	}
	if path != "" {
		raw, err := json.Marshal(rows)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return rows
}

// OpenTuneSearcher opens an ingested database for tuning and returns it
// with a searcher over it (local embedder, default lexicon), prepared as
// the server prepares its own (Prepare: the stored reliability model and
// the chunk index, so that vectors are searched exactly and not through
// the HNSW index); the store closes when the test ends. It fails when the
// chunk index holds no vector of the embedder: tuning would then rank
// otherwise than the server.
func OpenTuneSearcher(t testing.TB, url string, opts SearchOptions) (*store.Store, *Searcher) {
	ctx := context.Background()
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSearcher(st, embedder, DefaultLexicon(), nil, opts)
	if err := s.Prepare(ctx); err != nil {
		t.Fatal(err)
	}
	if stats := st.ChunkIndexStats(); stats.Vectors == 0 {
		t.Fatalf("chunk index %+v holds no vector: searches would go through the HNSW index", stats)
	}
	return st, s
}

// tracedSearcher is OpenTuneSearcher with the trace of the searcher's last
// search kept in the returned searchTrace.
func tracedSearcher(t testing.TB, url string, opts SearchOptions) (*store.Store, *Searcher, *searchTrace) {
	st, s := OpenTuneSearcher(t, url, opts)
	tr := new(searchTrace)
	s.probe = func(x searchTrace) { *tr = x }
	return st, s, tr
}

func corpusEvidence(t *testing.T, url, corpus string, parity uint32) []evidenceRow {
	ctx := context.Background()
	st, s, tr := tracedSearcher(t, url, SearchOptions{})
	var rows []evidenceRow
	for _, q := range halfMessages(t, corpus, parity) {
		*tr = searchTrace{}
		o, err := s.evalOne(ctx, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		extra, err := traceEvidence(ctx, st, *tr)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, evidenceRow{q.ID, corpus, o.Answerable(), o.Rank, o.Top.vector(), extra})
	}
	return rows
}

// docLexemes returns, for each document of ids, the query's lexemes it
// holds (in its title: true).
func docLexemes(ctx context.Context, st *store.Store, ids []int64, lexemes []string) (map[int64]map[string]bool, error) {
	rows, err := st.Pool().Query(ctx, `SELECT document_id, lexeme, tf_title > 0 FROM document_terms
		WHERE document_id = ANY($1) AND lexeme = ANY($2)`, ids, lexemes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[string]bool{}
	for rows.Next() {
		var id int64
		var lex string
		var title bool
		if err := rows.Scan(&id, &lex, &title); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[string]bool{}
		}
		out[id][lex] = title
	}
	return out, rows.Err()
}

// chunkPositions returns, for each chunk of a document, the positions of
// the query's lexemes in it.
func chunkPositions(ctx context.Context, st *store.Store, doc int64, lexemes []string) (map[int64]map[string][]int, error) {
	rows, err := st.Pool().Query(ctx, `SELECT c.id, u.lexeme, u.positions::int[] FROM chunks c, unnest(c.tsv) u
		WHERE c.document_id = $1 AND u.lexeme = ANY($2)`, doc, lexemes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[string][]int{}
	for rows.Next() {
		var id int64
		var lex string
		var pos []int32
		if err := rows.Scan(&id, &lex, &pos); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[string][]int{}
		}
		for _, p := range pos {
			out[id][lex] = append(out[id][lex], int(p))
		}
	}
	return out, rows.Err()
}

// sentenceLexemes returns the lexemes of each text in order.
func sentenceLexemes(ctx context.Context, st *store.Store, texts []string) ([][]string, error) {
	out := make([][]string, len(texts))
	for i, text := range texts {
		rows, err := st.Pool().Query(ctx, `SELECT u.lexeme, p FROM unnest(to_tsvector('plume_fr', $1)) u, unnest(u.positions) p ORDER BY p`, text)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var lex string
			var p int32
			if err := rows.Scan(&lex, &p); err != nil {
				rows.Close()
				return nil, err
			}
			out[i] = append(out[i], lex)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// titleLexemes returns the lexemes of a document's title.
func titleLexemes(ctx context.Context, st *store.Store, doc int64) ([]string, error) {
	var lex []string
	err := st.Pool().QueryRow(ctx, `SELECT coalesce(array_agg(u.lexeme), '{}') FROM documents d, unnest(to_tsvector('plume_fr', d.title)) u WHERE d.id = $1`, doc).Scan(&lex)
	return lex, err
}

// lexemeDDF returns the document frequency of lexemes.
func lexemeDDF(ctx context.Context, st *store.Store, lexemes []string) (map[string]int, error) {
	rows, err := st.Pool().Query(ctx, `SELECT lexeme, ddf FROM lexeme_stats WHERE lexeme = ANY($1)`, lexemes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var lex string
		var n int
		if err := rows.Scan(&lex, &n); err != nil {
			return nil, err
		}
		out[lex] = n
	}
	return out, rows.Err()
}

// traceTop returns the document of tr the reliability decision reads (the
// first by the base fusion among those with passages) and the first five
// such documents by the base fusion.
func traceTop(tr searchTrace) (top rankedDoc, five []rankedDoc, ok bool) {
	var docs []rankedDoc
	for _, d := range tr.ranked {
		if d.cand.baseRank > 0 {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return rankedDoc{}, nil, false
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].cand.baseRank < docs[j].cand.baseRank })
	return docs[0], docs[:min(5, len(docs))], true
}

// requestTerm is a word of the request with its idf over documents.
type requestTerm struct {
	lex  string
	idf  float64
	sent []int
}

// traceEvidence computes the candidate evidence of one search.
func traceEvidence(ctx context.Context, st *store.Store, tr searchTrace) (map[string]float64, error) {
	ev := map[string]float64{}
	top, five, ok := traceTop(tr)
	if !ok {
		return ev, nil
	}
	nd := float64(max(tr.stats.Documents, 1))
	var req []requestTerm
	var msgLex []string
	msgSet := map[string]bool{}
	for _, t := range tr.stats.Terms {
		if t.Lexemes > 1 || t.DDF == 0 {
			continue
		}
		msgLex = append(msgLex, t.Lexeme)
		msgSet[t.Lexeme] = true
		if termWeight(t, tr.weights) >= requestWeight {
			req = append(req, requestTerm{t.Lexeme, idf(nd, t.DDF), t.Sentences})
		}
	}
	ids := make([]int64, len(five))
	for i, d := range five {
		ids[i] = d.cand.id
	}
	has, err := docLexemes(ctx, st, ids, msgLex)
	if err != nil {
		return nil, err
	}
	inTop := has[top.cand.id]
	lexEvidence(ev, req, inTop, nd)
	sentenceEvidence(ev, req, inTop, tr.weights)
	if err := pairEvidence(ctx, st, ev, tr, top, req); err != nil {
		return nil, err
	}
	if err := titleEvidence(ctx, st, ev, tr, top, req, msgSet); err != nil {
		return nil, err
	}
	listEvidence(ev, tr, top)
	return ev, nil
}

// lexEvidence: the request's words the first document lacks.
func lexEvidence(ev map[string]float64, req []requestTerm, in map[string]bool, nd float64) {
	if len(req) == 0 {
		return
	}
	var maxIdf, missMax, sum, missSum float64
	rarest := req[0]
	for _, r := range req {
		maxIdf = math.Max(maxIdf, r.idf)
		sum += r.idf
		if r.idf > rarest.idf {
			rarest = r
		}
		if _, ok := in[r.lex]; !ok {
			missMax = math.Max(missMax, r.idf)
			missSum += r.idf
		}
	}
	ev["missMaxAbs"] = missMax / math.Log(1+nd)
	ev["missMaxRel"] = share(missMax, maxIdf)
	_, ok := in[rarest.lex]
	ev["rarestIn"] = b2f(ok)
	// the two rarest request words
	sorted := append([]requestTerm(nil), req...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].idf > sorted[j].idf })
	var top3, top3in float64
	for _, r := range sorted[:min(3, len(sorted))] {
		top3 += r.idf
		if _, ok := in[r.lex]; ok {
			top3in += r.idf
		}
	}
	ev["rare3In"] = share(top3in, top3)
	var titleIn float64
	for _, r := range req {
		if in[r.lex] {
			titleIn += r.idf
		}
	}
	ev["reqInTitle"] = share(titleIn, sum)
}

// sentenceEvidence: how well the first document covers the best and the
// worst covered request sentence.
func sentenceEvidence(ev map[string]float64, req []requestTerm, in map[string]bool, weights []float64) {
	tot, got := map[int]float64{}, map[int]float64{}
	for _, r := range req {
		seen := map[int]bool{}
		for _, s := range r.sent {
			if s >= len(weights) || weights[s] < requestWeight || seen[s] {
				continue
			}
			seen[s] = true
			tot[s] += r.idf
			if _, ok := in[r.lex]; ok {
				got[s] += r.idf
			}
		}
	}
	best, worst := 0.0, 1.0
	for s, w := range tot {
		c := share(got[s], w)
		best, worst = math.Max(best, c), math.Min(worst, c)
	}
	if len(tot) == 0 {
		worst = 0
	}
	ev["sentBest"], ev["sentWorst"] = best, worst
	n, got2 := map[int]float64{}, map[int]float64{}
	for _, r := range req {
		for _, s := range dedupe(r.sent) {
			if s < len(weights) && weights[s] >= requestWeight {
				n[s]++
				if _, ok := in[r.lex]; ok {
					got2[s]++
				}
			}
		}
	}
	var bestN float64
	for s, c := range n {
		bestN = math.Max(bestN, got2[s]/c)
	}
	ev["sentBestN"] = bestN
}

// pairEvidence: the request's consecutive content words that the first
// document holds close together in one passage.
func pairEvidence(ctx context.Context, st *store.Store, ev map[string]float64, tr searchTrace, top rankedDoc, req []requestTerm) error {
	idfOf := map[string]float64{}
	for _, r := range req {
		idfOf[r.lex] = r.idf
	}
	var texts []string
	for i, s := range tr.texts {
		if i < len(tr.weights) && tr.weights[i] >= requestWeight {
			texts = append(texts, s.Text)
		}
	}
	seqs, err := sentenceLexemes(ctx, st, texts)
	if err != nil {
		return err
	}
	type pair struct{ a, b string }
	var pairs []pair
	var lexes []string
	for _, seq := range seqs {
		var kept []string
		for _, l := range seq {
			if idfOf[l] > 0 {
				kept = append(kept, l)
			}
		}
		for i := 0; i+1 < len(kept); i++ {
			if kept[i] != kept[i+1] {
				pairs = append(pairs, pair{kept[i], kept[i+1]})
			}
		}
		lexes = append(lexes, kept...)
	}
	if len(pairs) == 0 {
		return nil
	}
	pos, err := chunkPositions(ctx, st, top.cand.id, lexes)
	if err != nil {
		return err
	}
	var tot, near, same float64
	for _, p := range pairs {
		w := idfOf[p.a] + idfOf[p.b]
		tot += w
		bestGap := math.MaxInt
		together := false
		for _, c := range pos {
			pa, pb := c[p.a], c[p.b]
			if len(pa) == 0 || len(pb) == 0 {
				continue
			}
			together = true
			for _, x := range pa {
				for _, y := range pb {
					bestGap = min(bestGap, abs(x-y))
				}
			}
		}
		if together {
			same += w
		}
		if bestGap <= 5 {
			near += w
		}
	}
	ev["pairNear"], ev["pairSame"] = share(near, tot), share(same, tot)
	best := top.hits[0].ChunkID
	var reqTot, reqBest float64
	for _, r := range req {
		reqTot += r.idf
		if len(pos[best][r.lex]) > 0 {
			reqBest += r.idf
		}
	}
	ev["reqPassage"] = share(reqBest, reqTot)
	ev["sentChunkBest"] = sentenceChunkBest(req, pos, tr.weights)
	return nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// titleEvidence: the title's rare words the message does not name.
func titleEvidence(ctx context.Context, st *store.Store, ev map[string]float64, tr searchTrace, top rankedDoc, req []requestTerm, msg map[string]bool) error {
	title, err := titleLexemes(ctx, st, top.cand.id)
	if err != nil {
		return err
	}
	ddf, err := lexemeDDF(ctx, st, title)
	if err != nil {
		return err
	}
	nd := float64(max(tr.stats.Documents, 1))
	reqSet := map[string]bool{}
	for _, r := range req {
		reqSet[r.lex] = true
	}
	var tot, inMsg, inReq, missMax float64
	for _, l := range title {
		w := idf(nd, max(ddf[l], 1))
		tot += w
		if msg[l] {
			inMsg += w
		} else {
			missMax = math.Max(missMax, w)
		}
		if reqSet[l] {
			inReq += w
		}
	}
	ev["titleIdfMsg"], ev["titleIdfReq"] = share(inMsg, tot), share(inReq, tot)
	ev["titleMissMax"] = missMax / math.Log(1+nd)
	return nil
}

// listEvidence: agreement of the lexical and vector lists, gaps.
func listEvidence(ev map[string]float64, tr searchTrace, top rankedDoc) {
	firstDocs := func(ids []int64) map[int64]bool {
		out := map[int64]bool{}
		for _, id := range ids {
			if len(out) == 5 {
				break
			}
			out[id] = true
		}
		return out
	}
	var bm, vec, txt []int64
	for _, h := range tr.found.Documents {
		bm = append(bm, h.DocumentID)
	}
	var maxCos float64
	for _, h := range tr.found.Vector {
		vec = append(vec, h.DocumentID)
		maxCos = math.Max(maxCos, similarity(h))
	}
	for _, h := range tr.found.Text {
		txt = append(txt, h.DocumentID)
	}
	b, v, x := firstDocs(bm), firstDocs(vec), firstDocs(txt)
	var bv, bx float64
	for id := range b {
		bv += b2f(v[id])
		bx += b2f(x[id])
	}
	ev["jaccBV"], ev["jaccBX"] = bv/5, bx/5
	ev["cosGap"] = maxCos - similarity(top.hits[0])
	if len(tr.found.Documents) > 1 && tr.found.Documents[0].Score > 0 {
		ev["bm25Gap"] = 1 - tr.found.Documents[1].Score/tr.found.Documents[0].Score
	}
	ev["fused"] = top.cand.fused
	var passHolding float64
	for _, h := range top.hits {
		passHolding += b2f(h.Matched > 0)
	}
	ev["passHold"] = math.Log1p(passHolding)
}

// logit is a logistic model over any number of features.
type logit struct {
	bias, threshold float64
	w               []float64
}

func (m logit) score(x []float64) float64 { return logistic(m.bias, m.w, x) }

// fitLogit is Calibrate's fit over any number of features.
func fitLogit(xs [][]float64, ys []float64) logit {
	m := logit{w: make([]float64, len(xs[0]))}
	m.bias = fitWeights(xs, ys, m.w)
	scores := make([]float64, len(xs))
	for i, x := range xs {
		scores[i] = m.score(x)
	}
	m.threshold = balancedThreshold(scores, ys)
	return m
}

// vectorOf is a row's features: the base ones (those of keepBase) and the
// extras named.
func vectorOf(r evidenceRow, keepBase []bool, extras []string) []float64 {
	var x []float64
	for i, v := range r.Base {
		if keepBase[i] {
			x = append(x, v)
		}
	}
	for _, e := range extras {
		v := r.Extra[e]
		if e == "fused" {
			v *= 10
		}
		x = append(x, v)
	}
	return x
}

// cvRates cross-validates (five folds by message, each salt a repeat)
// and returns reliable when found and flagged, averaged over repeats.
func cvRates(rows []evidenceRow, keepBase []bool, extras []string, salts []string) (found, flagged float64) {
	for _, salt := range salts {
		fold := func(id string) uint32 {
			h := fnv.New32a()
			h.Write([]byte(salt + id))
			return h.Sum32() % 5
		}
		var nf, rf, no, fo float64
		for k := range uint32(5) {
			var xs [][]float64
			var ys []float64
			for _, r := range rows {
				if fold(r.ID) == k || (r.Answerable && (r.Rank == 0 || r.Rank > 5)) {
					continue
				}
				xs, ys = append(xs, vectorOf(r, keepBase, extras)), append(ys, b2f(r.Answerable))
			}
			m := fitLogit(xs, ys)
			for _, r := range rows {
				if fold(r.ID) != k {
					continue
				}
				rel := m.score(vectorOf(r, keepBase, extras)) >= m.threshold
				switch {
				case !r.Answerable:
					no++
					fo += b2f(!rel)
				case r.Rank > 0 && r.Rank <= 5:
					nf++
					rf += b2f(rel)
				}
			}
		}
		found += rf / nf
		flagged += fo / no
	}
	return found / float64(len(salts)), flagged / float64(len(salts))
}

// TestEvidence cross-validates the reliability model with each candidate
// evidence added to the eleven features, then greedily.
func TestEvidence(t *testing.T) {
	rows := evidenceRows(t)
	all := make([]bool, numFeatures)
	for i := range all {
		all[i] = true
	}
	noCues := append([]bool(nil), all...)
	noCues[9], noCues[10] = false, false
	salts := []string{"fold:", "fold1:", "fold2:"}
	names := map[string]bool{}
	for _, r := range rows {
		for k := range r.Extra {
			names[k] = true
		}
	}
	var extras []string
	for k := range names {
		extras = append(extras, k)
	}
	sort.Strings(extras)
	for _, base := range []struct {
		name string
		keep []bool
	}{{"all", all}, {"noCues", noCues}} {
		f, g := cvRates(rows, base.keep, nil, salts)
		t.Logf("%s base: found %.3f flagged %.3f min %.3f", base.name, f, g, math.Min(f, g))
		for _, e := range extras {
			f, g := cvRates(rows, base.keep, []string{e}, salts)
			t.Logf("%s +%-12s found %.3f flagged %.3f min %.3f", base.name, e, f, g, math.Min(f, g))
		}
	}
}

// TestEvidenceGreedy adds, one at a time, the candidate evidence that
// most raises the smaller cross-validated rate (ties: their sum), and
// stops when none raises it.
func TestEvidenceGreedy(t *testing.T) {
	rows := evidenceRows(t)
	keep := make([]bool, numFeatures)
	for i := range keep {
		keep[i] = true
	}
	if os.Getenv("PLUME_EVIDENCE_NOCUES") != "" {
		keep[9], keep[10] = false, false
	}
	salts := []string{"fold:", "fold1:", "fold2:", "fold3:", "fold4:"}
	names := map[string]bool{}
	for _, r := range rows {
		for k := range r.Extra {
			names[k] = true
		}
	}
	var chosen []string
	f, g := cvRates(rows, keep, nil, salts)
	best := math.Min(f, g)
	t.Logf("base: found %.3f flagged %.3f", f, g)
	for {
		pick := ""
		var order []string
		for e := range names {
			order = append(order, e)
		}
		sort.Strings(order)
		for _, e := range order {
			f, g := cvRates(rows, keep, append(append([]string(nil), chosen...), e), salts)
			if m := math.Min(f, g); m > best+0.005 {
				best, pick = m, e
				t.Logf("  candidate +%s: found %.3f flagged %.3f", e, f, g)
			}
		}
		if pick == "" {
			break
		}
		chosen = append(chosen, pick)
		delete(names, pick)
		t.Logf("chose %v: min %.3f", chosen, best)
	}
}

// TestEvidenceTestHalf fits the reliability model on the tuning rows
// (PLUME_EVIDENCE) with the eleven features and with the extras of
// PLUME_EVIDENCE_EXTRAS, and prints both beside the default model on the
// test half's rows (PLUME_EVIDENCE_TEST), by corpus. Measure once.
func TestEvidenceTestHalf(t *testing.T) {
	tuning := evidenceRows(t)
	test := halfEvidence(t, os.Getenv("PLUME_EVIDENCE_TEST"), 1)
	if os.Getenv("PLUME_EVIDENCE_EXTRAS") == "" {
		t.Skipf("%d test rows read; set PLUME_EVIDENCE_EXTRAS to measure", len(test))
	}
	extras := strings.Split(os.Getenv("PLUME_EVIDENCE_EXTRAS"), ",")
	keep := make([]bool, numFeatures)
	for i := range keep {
		keep[i] = true
	}
	fit := func(extras []string) logit {
		var xs [][]float64
		var ys []float64
		for _, r := range tuning {
			if r.Answerable && (r.Rank == 0 || r.Rank > 5) {
				continue
			}
			xs, ys = append(xs, vectorOf(r, keep, extras)), append(ys, b2f(r.Answerable))
		}
		return fitLogit(xs, ys)
	}
	refit, with := fit(nil), fit(extras)
	t.Logf("fitted with %v: %#v", extras, with)
	for _, corpus := range []string{"spf", "full"} {
		var nf, no, def, rf, wf, dfl, rfl, wfl float64
		for _, r := range test {
			if r.Corpus != corpus {
				continue
			}
			d := DefaultReliability.score(r.Base) >= DefaultReliability.Threshold
			a := refit.score(vectorOf(r, keep, nil)) >= refit.threshold
			w := with.score(vectorOf(r, keep, extras)) >= with.threshold
			switch {
			case !r.Answerable:
				no++
				dfl, rfl, wfl = dfl+b2f(!d), rfl+b2f(!a), wfl+b2f(!w)
			case r.Rank > 0 && r.Rank <= 5:
				nf++
				def, rf, wf = def+b2f(d), rf+b2f(a), wf+b2f(w)
			}
		}
		t.Logf("%s test half (%d found, %d out of corpus): default %.3f / %.3f; refitted %.3f / %.3f; with %v %.3f / %.3f",
			corpus, int(nf), int(no), def/nf, dfl/no, rf/nf, rfl/no, extras, wf/nf, wfl/no)
	}
}

func dedupe(xs []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// sentenceChunkBest is the best idf-weighted coverage of one request
// sentence by one passage of the document.
func sentenceChunkBest(req []requestTerm, pos map[int64]map[string][]int, weights []float64) float64 {
	tot := map[int]float64{}
	for _, r := range req {
		for _, s := range dedupe(r.sent) {
			if s < len(weights) && weights[s] >= requestWeight {
				tot[s] += r.idf
			}
		}
	}
	var best float64
	for _, c := range pos {
		got := map[int]float64{}
		for _, r := range req {
			if len(c[r.lex]) == 0 {
				continue
			}
			for _, s := range dedupe(r.sent) {
				if s < len(weights) && weights[s] >= requestWeight {
					got[s] += r.idf
				}
			}
		}
		for s, w := range got {
			best = math.Max(best, share(w, tot[s]))
		}
	}
	return best
}

// TestEvidenceSets cross-validates, with ten repeats, the eleven features
// with and without the cues, alone and with each set of extras of
// PLUME_EVIDENCE_SETS ("a,b;c").
func TestEvidenceSets(t *testing.T) {
	rows := evidenceRows(t)
	var salts []string
	for i := range 10 {
		salts = append(salts, "fold"+strings.Repeat("'", i)+":")
	}
	salts[0] = "fold:"
	all := make([]bool, numFeatures)
	for i := range all {
		all[i] = true
	}
	noCues := append([]bool(nil), all...)
	noCues[9], noCues[10] = false, false
	sets := [][]string{nil}
	for _, s := range strings.Split(os.Getenv("PLUME_EVIDENCE_SETS"), ";") {
		if s != "" {
			sets = append(sets, strings.Split(s, ","))
		}
	}
	for _, keep := range [][]bool{all, noCues} {
		for _, set := range sets {
			f, g := cvRates(rows, keep, set, salts)
			t.Logf("cues %v, %v: found %.3f flagged %.3f min %.3f", keep[9], set, f, g, math.Min(f, g))
		}
	}
}
