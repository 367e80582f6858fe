package rag

import (
	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
)

// semanticSearch is what the corpus's semantic model (package semantic)
// gave a message's search: the model, nil when the corpus has none, and
// the documents it ranked closest, best first.
type semanticSearch struct {
	model   *semantic.Model
	ranking []int64
}

// semanticMatch holds the semantic vectors of a message for comparing it
// with validated answers: its request's (focus) and the whole message's.
type semanticMatch struct {
	search         semanticSearch
	focus, message []float32
}

// newSemanticMatch embeds a message's request (focus) in the model's
// space, and the whole message when withText (the answers' texts are then
// compared with it too); ok is false without a model.
func newSemanticMatch(s semanticSearch, focus, message []string, withText bool) (semanticMatch, bool) {
	if s.model == nil {
		return semanticMatch{}, false
	}
	m := semanticMatch{search: s, focus: s.model.Embed(lexemeCounts(focus))}
	if withText {
		m.message = s.model.Embed(lexemeCounts(message))
	}
	return m, true
}

// setFeatures sets a candidate's semantic signals: the cosines of the
// request and the answer's question, of the message and the answer's
// text (0 when the message was not embedded), and how high the semantic
// ranking put the answer's best source.
func (m semanticMatch) setFeatures(f *answerFeatures, c store.AnswerCandidate) {
	f.semantic = true
	f.semQuestion = max(dot(m.focus, m.search.model.Embed(lexemeCounts(c.Lexemes))), 0)
	if m.message != nil {
		f.semText = max(dot(m.message, m.search.model.Embed(lexemeCounts(c.TextLexemes))), 0)
	}
	f.semSource = semanticPlace(c.Documents, m.search.ranking)
}

// semanticPlace is 1/rank of the best placed of sources in ranking (1
// when one is first), 0 when none is ranked.
func semanticPlace(sources, ranking []int64) float64 {
	for i, id := range ranking {
		for _, s := range sources {
			if s == id {
				return 1 / float64(i+1)
			}
		}
	}
	return 0
}

// lexemeCounts counts each lexeme once.
func lexemeCounts(lexemes []string) map[string]float64 {
	out := make(map[string]float64, len(lexemes))
	for _, l := range lexemes {
		out[l] = 1
	}
	return out
}

// dot is the dot product of two vectors of one model (their cosine, the
// model's vectors being normalized); 0 when either is nil.
func dot(a, b []float32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}
