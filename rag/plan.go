package rag

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/plume-sp/plume/store"
)

// Full-text candidate selection: a question's rarest words and lexicon
// phrases select chunks, rarest first (weighed by the part of the message
// they come from), until about bodyBudget chunks are selected (the rarest
// always does). Ranking weighs every informative word (found in at most
// informativeShare of the chunks). Common words thus rank but do not
// select: selecting by them made searches over the whole corpus ten times
// slower for the same recall, the vector and document searches covering
// them. When even the rarest word is in more than bodyBudget chunks, only a
// sample of textSample of them is ranked.
const (
	bodyBudget       = 2000
	textSample       = 1000
	informativeShare = 0.2
	phraseWeight     = 0.5
	// docCommonShare: words found in more than this share of the
	// documents are left out of the document search, whose cost grows
	// with their postings while BM25 gives them almost no weight.
	docCommonShare = 0.35
	// maxDocTerms bounds the words of a message the document search
	// looks up (the heaviest ones), which bounds its cost.
	maxDocTerms = 40
)

// queryPlan is what the searches of one message need: the chunk-level
// full-text and vector query, the document-level BM25 query, and the total
// weight of the message's words that scores are shares of.
type queryPlan struct {
	query store.Query
	// totalWeight and docWeight are the sums of the weights of the
	// message's words at chunk and document level; requestWeight, of the
	// request's words at document level.
	totalWeight, docWeight, requestWeight float64
	// unknown is the share of the request's words (by count) that no
	// document contains, even after typo repair: names of things the
	// knowledge base does not know.
	unknown float64
	// plain is the plain BM25 search of documents (plainDocuments), whose
	// ranking the ranker reads.
	plain store.DocQuery
	// ownCase and outside are the message's cues (askCues): it asks
	// where the person's own file stands; its request is a matter of a
	// town hall, another country or a private company.
	ownCase, outside float64
	// entity is 1 when the message is a short question naming a word the
	// knowledge base barely holds (rareEntity).
	entity float64
}

// planQuery weighs the analysed terms of a message, whose first
// messageSentences sentences are its own (the lexicon's expansions
// follow). weights[i] is the weight of sentence i; a term counts with the largest weight of the sentences it
// occurs in. Terms found in no chunk weigh as much as the rarest known term
// in totalWeight, so that a question about something absent scores low;
// lexicon phrases help find and rank passages but do not count there.
func planQuery(qs store.QueryStats, weights []float64, messageSentences int, filter store.SearchFilter, o SearchOptions) queryPlan {
	var p queryPlan
	p.query.Passages, p.totalWeight = planPassages(qs, weights)
	p.query.Passages.Filter, p.query.Passages.K = filter, o.Candidates
	p.query.Documents, p.docWeight, p.requestWeight = planDocuments(qs, weights)
	docs := &p.query.Documents
	docs.Filter, docs.K = filter, o.Documents
	docs.K1, docs.B, docs.TitleBoost = o.BM25K1, o.BM25B, o.TitleBoost
	p.plain = plainDocuments(qs, messageSentences, filter, o.Documents)
	var requestWords, unknownWords float64
	for _, st := range qs.Terms {
		if st.Lexemes <= 1 && termWeight(st, weights) >= requestWeight && len(st.Lexeme) >= 4 {
			requestWords++
			unknownWords += b2f(st.DDF == 0)
		}
	}
	p.unknown = share(unknownWords, requestWords)
	return p
}

// planPassages weighs the terms of the full-text search of passages and
// returns it with the total weight of the message's words.
func planPassages(qs store.QueryStats, weights []float64) (q store.HybridQuery, total float64) {
	n := float64(max(qs.Chunks, 1))
	var selectors []store.TermStat
	var common []store.Term
	for _, st := range qs.Terms {
		w := idf(n, max(st.DF, 1)) * termWeight(st, weights)
		if st.Lexemes <= 1 {
			total += w
		}
		if st.DF == 0 {
			continue
		}
		selectors = append(selectors, st)
		t := st.Term(w)
		switch {
		case st.Lexemes > 1:
			t.Weight *= phraseWeight
			q.Rank = append(q.Rank, t)
		case float64(st.DF)/n <= informativeShare:
			q.Terms = append(q.Terms, t)
			q.Rank = append(q.Rank, t)
		default:
			q.Terms = append(q.Terms, t)
			common = append(common, t)
		}
	}
	if len(q.Rank) == 0 {
		q.Rank = common
	}
	q.Select, q.Sample = selectTerms(selectors, weights)
	return q, total
}

// planDocuments weighs the words of the BM25 search of documents and
// returns it with the total weight of the message's words and of its
// request's words at document level.
func planDocuments(qs store.QueryStats, weights []float64) (q store.DocQuery, total, request float64) {
	nd := float64(max(qs.Documents, 1))
	for _, st := range qs.Terms {
		if st.Lexemes > 1 || st.DDF == 0 {
			continue
		}
		qw := termWeight(st, weights)
		dw := idf(nd, st.DDF) * qw
		isRequest := qw >= requestWeight
		total += dw
		if isRequest {
			request += dw
		}
		if float64(st.DDF)/nd <= docCommonShare {
			q.Terms = append(q.Terms, store.DocTerm{Lexeme: st.Lexeme, Weight: dw, Request: isRequest})
		}
	}
	q.Terms = strongestTerms(q.Terms, maxDocTerms)
	q.AvgDocTerms = qs.AvgDocTerms
	return q, total, request
}

// plainDocuments is the plain BM25 search of the k best documents for the
// words of the message's own sentences (the first messageSentences
// analysed, not the lexicon's expansions): each weighed by its idf alone
// whatever sentence it comes from, title and text as one field, as the
// baseline of the message sets weighs them.
func plainDocuments(qs store.QueryStats, messageSentences int, filter store.SearchFilter, k int) store.DocQuery {
	nd := float64(max(qs.Documents, 1))
	q := store.DocQuery{Filter: filter, K: k, K1: 1.2, B: 0.75, TitleBoost: 1, AvgDocTerms: qs.AvgDocTerms}
	for _, st := range qs.Terms {
		if st.Lexemes <= 1 && st.DDF > 0 && slices.ContainsFunc(st.Sentences, func(i int) bool { return i < messageSentences }) {
			q.Terms = append(q.Terms, store.DocTerm{Lexeme: st.Lexeme, Weight: idf(nd, st.DDF)})
		}
	}
	return q
}

// strongestTerms keeps the n heaviest terms, in their order.
func strongestTerms(terms []store.DocTerm, n int) []store.DocTerm {
	if len(terms) <= n {
		return terms
	}
	byWeight := append([]store.DocTerm(nil), terms...)
	sort.SliceStable(byWeight, func(i, j int) bool { return byWeight[i].Weight > byWeight[j].Weight })
	cut := byWeight[n-1].Weight
	out := terms[:0:0]
	for _, t := range terms {
		if t.Weight >= cut && len(out) < n {
			out = append(out, t)
		}
	}
	return out
}

// idf is BM25's inverse document frequency of a term found in df of n.
func idf(n float64, df int) float64 {
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// termWeight is the weight of a term in the message: the largest weight of
// the sentences it occurs in (phraseWeight for lexicon phrases and words
// that only the lexicon added).
func termWeight(st store.TermStat, weights []float64) float64 {
	w := 0.0
	for _, i := range st.Sentences {
		if i < len(weights) {
			w = math.Max(w, weights[i])
		}
	}
	if w == 0 {
		w = phraseWeight
	}
	return w
}

// selectTerms picks the terms whose chunks are full-text candidates: the
// rarest first, words of the request before words of the context, until
// the budget is spent.
func selectTerms(selectors []store.TermStat, weights []float64) (sel []store.Term, sample int) {
	sort.SliceStable(selectors, func(i, j int) bool {
		return float64(selectors[i].DF)/termWeight(selectors[i], weights) <
			float64(selectors[j].DF)/termWeight(selectors[j], weights)
	})
	budget := 0
	for i, st := range selectors {
		if i > 0 && budget+st.DF > bodyBudget {
			break
		}
		budget += st.DF
		sel = append(sel, st.Term(0))
	}
	if budget > bodyBudget {
		sample = textSample
	}
	return sel, sample
}

// searchTexts returns the texts to analyse for a message and their weights:
// its sentences, then the lexicon's expansions as one more "sentence". The
// typos of the request's sentences are repaired.
func searchTexts(sentences []part, expansions []string) ([]store.Sentence, []float64) {
	texts := make([]store.Sentence, 0, len(sentences)+1)
	weights := make([]float64, 0, len(sentences)+1)
	for _, s := range sentences {
		texts = append(texts, store.Sentence{Text: s.text.String(), Repair: s.weight >= requestWeight})
		weights = append(weights, s.weight)
	}
	if len(expansions) > 0 {
		texts = append(texts, store.Sentence{Text: strings.Join(expansions, " ; ")})
		weights = append(weights, phraseWeight)
	}
	return texts, weights
}
