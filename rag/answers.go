package rag

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// ValidatedAnswer is a validated answer ("réponse type") close to a
// message, as a draft response shows it: redacted text, placeholders kept.
type ValidatedAnswer struct {
	ID         int64     `json:"id"`
	Question   string    `json:"question"`
	Text       string    `json:"text"`
	Service    string    `json:"service"`
	Status     string    `json:"status"`
	Version    int       `json:"version"`
	UpdatedAt  time.Time `json:"updated_at"`
	ReviewedAt time.Time `json:"reviewed_at"`
	// Score (0–1) is how close the message is to the answer's question.
	Score float64 `json:"score"`
}

// AnswerMatch weighs the signals that match a message to a validated
// answer, and the score under which an answer is not shown. The values
// were chosen on the tuning half of the labelled messages
// (rag/answers_eval_test.go), never on the test half.
type AnswerMatch struct {
	// QuestionWords weighs the share of the answer question's words
	// (weighted by rarity) found in the message.
	QuestionWords float64
	// FocusWords weighs the share of the words of the message's request
	// (its asking sentences) found in the answer's question or text, and
	// MessageWords that of the whole message's words.
	FocusWords   float64
	MessageWords float64
	// QuestionCosine weighs the cosine of the request's and the question's
	// embeddings; TextCosine that of the message's and the answer's.
	QuestionCosine float64
	TextCosine     float64
	// SourceFound weighs how well the message's search found the answer's
	// sources: the best one's fused score as a share of the first
	// document's (0 when the search did not find any).
	SourceFound float64
	// SemanticQuestion weighs the cosine of the request's and the
	// question's vectors in the corpus's semantic model (package
	// semantic), SemanticText that of the message's and the answer's text,
	// and SemanticSource how high the model's ranking put the answer's
	// best source (1/rank, 0 outside it); without a model they weigh
	// nothing.
	SemanticQuestion float64
	SemanticText     float64
	SemanticSource   float64
	// AgreedReliable, when set, takes the search to agree with an answer
	// only when it marked its first document reliable.
	AgreedReliable bool
	// Threshold is the least score shown; AgreedThreshold that of an
	// answer one of whose sources is among the first AgreedPlaces
	// documents of the message's search (the search agrees with it; 0
	// places: no such answer is told apart), first or, further down, with
	// a fused score at least AgreedShare of the first document's (0: the
	// place alone). Margin is the least lead of the first answer over the
	// second for any to be shown.
	Threshold       float64
	AgreedThreshold float64
	AgreedPlaces    int
	AgreedShare     float64
	Margin          float64
	// ShortRequest, when not 0, is the most words (distinct, as matched)
	// a request may have and be short: a searched message whose request is
	// short gets no answer unless the search put one of the first
	// answer's sources first. A short request says too little for its words
	// to tell the answer apart: « comment changer de banque ? » shares
	// « comment » and « changer » with any answer on changing something.
	ShortRequest int
	// Max bounds the answers returned.
	Max int
	// Model, when set, scores the candidates in place of the weights'
	// mean (AnswerModels); the thresholds and margin apply to its score.
	Model *AnswerModels
}

// semanticWant says which of the semantic signals a matching needs: they
// cost the model's vectors of every candidate, so none is computed when
// none weighs.
type semanticWant int

const (
	semanticNone     semanticWant = iota
	semanticQuestion              // the question's cosine and the sources' place
	semanticAll                   // and the text's cosine, the costliest
)

// semanticWant returns the semantic signals m weighs.
func (m AnswerMatch) semanticWant() semanticWant {
	if m.Model != nil {
		return m.Model.semanticWant()
	}
	switch {
	case m.SemanticText != 0:
		return semanticAll
	case m.SemanticQuestion != 0 || m.SemanticSource != 0:
		return semanticQuestion
	}
	return semanticNone
}

// DefaultAnswerMatch is the matching tuned on the tuning half, with the
// answers of each third of the fiches in turn (rag/answers_tune_test.go:
// the most right answers first with none shown for at least 97 % of the
// messages without one): the question's words 4, the request's words 1,
// the message's words 8, the text's cosine 2, and the search's agreement
// as a lower threshold (0.23 for an answer whose source the search put
// first, or second with a fused score at least 0.75 of the first's; 0.29
// otherwise; margin 0.02) rather than as a signal (README.md, "Validated
// answers", has the figures and the variants tried). The thresholds are
// those of the local embedder: plume eval --calibrate-answers chooses them
// for another. A request of five words or fewer gets an answer only when
// the search put its source first (ShortRequest, 2026-12-03: one stored
// answer was shown to 5 of 32 short unrelated questions, such as « comment
// déclarer mes revenus en ligne ? » for a carte grise's address; on every
// message file's tuning half, 4 of 189 right answers first lost, 9 wrong
// ones fewer). Session 18's variant (firstReliableMatch) and session 22's
// logistic models (modelMatch, AnswerModels) are measured beside it in
// rag/answers_pooled_test.go but not used: both lose the first message
// file's gates.
var DefaultAnswerMatch = AnswerMatch{QuestionWords: 4, FocusWords: 1, MessageWords: 8, TextCosine: 2,
	Threshold: 0.29, AgreedThreshold: 0.23, AgreedPlaces: 2, AgreedShare: 0.75, Margin: 0.02, ShortRequest: 5, Max: 3}

// answerFeatures are the signals of one candidate, each in [0, 1].
type answerFeatures struct {
	questionWords, focusWords, messageWords, questionCosine, textCosine float64
	vectors                                                             bool
	// sourceFound counts only when searched: the message was searched.
	// sourcePlace is the place (from 1) of the answer's best placed
	// source among the documents the search returned, 0 when none is.
	sourceFound float64
	sourcePlace int
	searched    bool
	// semQuestion, semText and semSource count only with a semantic model
	// (semantic).
	semQuestion, semText, semSource float64
	semantic                        bool
	// reliable says the search marked its first document reliable.
	reliable bool
	// requestWords counts the distinct words of the message's request.
	requestWords int
}

// bestFound returns how well a search found the best of an answer's
// sources: its fused score as a share of the first document's, 0 when
// none was found.
func bestFound(sources []int64, found map[int64]float64) float64 {
	best := 0.0
	for _, id := range sources {
		best = max(best, found[id])
	}
	return best
}

// sourcePlace returns the place (from 1) among the documents of results
// of the best placed of sources, 0 when none is there.
func sourcePlace(sources []int64, results []Result) int {
	place := 0
	for i, r := range results {
		if i > 0 && r.DocumentID == results[i-1].DocumentID {
			continue
		}
		place++
		if slices.Contains(sources, r.DocumentID) {
			return place
		}
	}
	return 0
}

// matchAnswers returns the validated answers (active or to review) of the
// given services whose question is close to text (redacted, placeholders
// removed), best first. res is the message's search, nil when it was not
// searched.
func matchAnswers(ctx context.Context, st *store.Store, emb llm.Embedder, m AnswerMatch, text redact.Text, services []string,
	res *Results) ([]ValidatedAnswer, error) {
	scored, err := answerCandidates(ctx, st, emb, text, services, res, m.semanticWant())
	if err != nil {
		return nil, err
	}
	return m.shown(scored), nil
}

// threshold is the least score at which an answer of signals f is shown.
func (m AnswerMatch) threshold(f answerFeatures) float64 {
	if m.agreed(f) {
		return m.AgreedThreshold
	}
	return m.Threshold
}

// agreed says whether the message's search agrees with an answer of
// signals f: a source of it first among the documents found, or among the
// first AgreedPlaces with a fused score at least AgreedShare of the
// first's.
func (m AnswerMatch) agreed(f answerFeatures) bool {
	if m.AgreedPlaces == 0 || f.sourcePlace < 1 || f.sourcePlace > m.AgreedPlaces || m.AgreedReliable && !f.reliable {
		return false
	}
	return f.sourcePlace == 1 || f.sourceFound >= m.AgreedShare
}

// unsupportedShort says whether an answer of signals f, first shown, is
// for a short request the search does not back (ShortRequest): then none
// is shown.
func (m AnswerMatch) unsupportedShort(f answerFeatures) bool {
	return m.ShortRequest > 0 && f.searched && f.requestWords <= m.ShortRequest && f.sourcePlace != 1
}

// shown returns the candidates m shows, best first: each at or over its
// threshold, none when the first leads the second (shown or not) by less
// than the margin or is for a short request the search does not back, and
// for a short request only the answers the search backs.
func (m AnswerMatch) shown(scored []answerCandidate) []ValidatedAnswer {
	var out []ValidatedAnswer
	unsupported := map[int64]bool{}
	second := 0.0 // the second best score, shown or not
	best := 0.0
	for _, c := range scored {
		score := m.score(c.features)
		if score > best {
			best, second = score, best
		} else if score > second {
			second = score
		}
		if score >= m.threshold(c.features) {
			out = append(out, toValidated(c.answer, score))
			unsupported[c.answer.ID] = m.unsupportedShort(c.features)
		}
	}
	if best-second < m.Margin {
		return nil
	}
	slices.SortStableFunc(out, func(a, b ValidatedAnswer) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return int(a.ID - b.ID)
	})
	if len(out) > 0 && unsupported[out[0].ID] {
		return nil
	}
	// the first is backed: the others of a short request must be too
	out = slices.DeleteFunc(out, func(a ValidatedAnswer) bool { return unsupported[a.ID] })
	if m.Max > 0 && len(out) > m.Max {
		out = out[:m.Max]
	}
	return out
}

type answerCandidate struct {
	answer   store.Answer
	features answerFeatures
}

// answerCandidates reads the answers that may match and their signals;
// res is the message's search (nil: not searched); want the semantic
// signals to compute (those left out are 0).
func answerCandidates(ctx context.Context, st *store.Store, emb llm.Embedder, text redact.Text, services []string,
	res *Results, want semanticWant) ([]answerCandidate, error) {
	focus := messageFocus(text)
	q := store.AnswerQuery{Text: text.String(), Focus: focus.String(), Services: services}
	if res != nil {
		q.Documents = slices.Collect(maps.Keys(res.found))
	}
	if emb != nil {
		vecs, err := emb.Embed(ctx, []llm.Text{llm.Redacted(focus), llm.Redacted(text)})
		if err == nil && len(vecs) == 2 {
			q.Model, q.Dim, q.Vector, q.TextVector = emb.Model(), emb.Dim(), vecs[0], vecs[1]
		}
	}
	cands, err := st.MatchAnswers(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("validated answers: %w", err)
	}
	idf := idfOf(cands)
	request := distinctWords(cands.Focus)
	var sem semanticMatch
	withSemantic := false
	if res != nil && want != semanticNone {
		sem, withSemantic = newSemanticMatch(res.semantic, cands.Focus, cands.Message, want == semanticAll)
	}
	out := make([]answerCandidate, len(cands.Candidates))
	for i, c := range cands.Candidates {
		f := answerFeatures{questionWords: covered(c.Lexemes, cands.Message, idf),
			focusWords:   covered(cands.Focus, append(slices.Clone(c.Lexemes), c.TextLexemes...), idf),
			messageWords: covered(cands.Message, append(slices.Clone(c.Lexemes), c.TextLexemes...), idf), requestWords: request}
		if c.Cosine != -1 && c.TextCosine != -1 && q.Vector != nil {
			f.vectors = true
			f.questionCosine, f.textCosine = max(c.Cosine, 0), max(c.TextCosine, 0)
		}
		if res != nil {
			f.searched, f.sourceFound, f.sourcePlace = true, bestFound(c.Documents, res.found), sourcePlace(c.Documents, res.Results)
			f.reliable = res.Reliable
		}
		if withSemantic {
			sem.setFeatures(&f, c)
		}
		out[i] = answerCandidate{answer: c.Answer, features: f}
	}
	return out, nil
}

// messageFocus is the part of a message that asks something: its request
// sentences, or the whole message when none is told apart.
func messageFocus(text redact.Text) redact.Text {
	var parts []redact.Text
	for _, s := range splitRedacted(text) {
		if s.weight >= 1 {
			parts = append(parts, s.text)
		}
	}
	if len(parts) == 0 {
		return text
	}
	return redact.Join(parts, redact.Space)
}

// idfOf returns the rarity weight of a lexeme over the knowledge base.
func idfOf(c store.AnswerCandidates) func(string) float64 {
	total := float64(max(c.Chunks, 1000))
	return func(w string) float64 { return math.Log(1 + total/float64(c.DF[w]+1)) }
}

// distinctWords counts the distinct words of two letters or more in
// words, as covered weighs them.
func distinctWords(words []string) int {
	seen := map[string]bool{}
	for _, w := range words {
		if len(w) >= 2 {
			seen[w] = true
		}
	}
	return len(seen)
}

// covered returns the rarity-weighted share of the words of from found in
// in.
func covered(from, in []string, idf func(string) float64) float64 {
	set := make(map[string]bool, len(in))
	for _, w := range in {
		set[w] = true
	}
	seen := map[string]bool{}
	var shared, all float64
	for _, w := range from {
		if seen[w] || len(w) < 2 {
			continue
		}
		seen[w] = true
		all += idf(w)
		if set[w] {
			shared += idf(w)
		}
	}
	if all == 0 {
		return 0
	}
	return shared / all
}

func toValidated(a store.Answer, score float64) ValidatedAnswer {
	return ValidatedAnswer{ID: a.ID, Question: a.Question.String(), Text: a.Text.String(), Service: a.Service, Status: string(a.Status),
		Version: a.Version, UpdatedAt: a.UpdatedAt, ReviewedAt: a.ReviewedAt, Score: math.Round(score*1000) / 1000}
}

// score is the model's score when m has one (Model), else the weighted
// mean of the signals; those of the vectors, the search and the semantic
// model count only when the candidate has them.
func (m AnswerMatch) score(f answerFeatures) float64 {
	if m.Model != nil {
		return m.Model.score(f)
	}
	sum := m.QuestionWords*f.questionWords + m.FocusWords*f.focusWords + m.MessageWords*f.messageWords
	weights := m.QuestionWords + m.FocusWords + m.MessageWords
	if f.vectors {
		sum += m.QuestionCosine*f.questionCosine + m.TextCosine*f.textCosine
		weights += m.QuestionCosine + m.TextCosine
	}
	if f.searched {
		sum += m.SourceFound * f.sourceFound
		weights += m.SourceFound
	}
	if f.semantic {
		sum += m.SemanticQuestion*f.semQuestion + m.SemanticText*f.semText + m.SemanticSource*f.semSource
		weights += m.SemanticQuestion + m.SemanticText + m.SemanticSource
	}
	if weights == 0 {
		return 0
	}
	return sum / weights
}

// Answers manages validated answers: every text is redacted before it is
// stored, and each question is embedded for matching.
type Answers struct {
	store    *store.Store
	embedder llm.Embedder
	// searcher, when set, searches a message matched by Match: the
	// documents found weigh in the match as in a draft.
	searcher *Searcher
	policy   redact.Policy
	match    AnswerMatch
	// checker, when set, asks the model whether the answers matched
	// answer the message (WithChecker).
	checker *AnswerChecker
}

// NewAnswers returns the validated answers' manager. embedder may be nil
// (answers are then matched by words only); policy nil means
// redact.DefaultPolicy().
func NewAnswers(st *store.Store, embedder llm.Embedder, policy redact.Policy) *Answers {
	if policy == nil {
		policy = redact.DefaultPolicy()
	}
	return &Answers{store: st, embedder: embedder, policy: policy, match: DefaultAnswerMatch}
}

// AnswerInput creates or updates a validated answer from text.
type AnswerInput struct {
	Question string `json:"question"`
	Text     string `json:"text"`
	// DocumentIDs are the official documents the answer relies on, each
	// published and seen by the answer's service; none for an answer to
	// questions the knowledge base does not answer (curation's « réponse
	// type ajoutée »), which no source change can flag.
	DocumentIDs []int64 `json:"document_ids"`
	Service     string  `json:"service"`
}

// MaxAnswerBytes bounds a validated answer's text.
const MaxAnswerBytes = 2 * MaxQuestionBytes

func (in *AnswerInput) validate() error {
	in.Question, in.Text = normalAnswerText(in.Question), normalAnswerText(in.Text)
	switch {
	case in.Question == "" || in.Text == "":
		return fmt.Errorf("answer: question and text are required: %w", ErrInvalid)
	case len(in.Question) > MaxQuestionBytes:
		return fmt.Errorf("answer: the question is %d bytes long, over %d: %w", len(in.Question), MaxQuestionBytes, ErrTooLong)
	case len(in.Text) > MaxAnswerBytes:
		return fmt.Errorf("answer: the text is %d bytes long, over %d: %w", len(in.Text), MaxAnswerBytes, ErrTextTooLong)
	case !utf8.ValidString(in.Question) || !utf8.ValidString(in.Text):
		return fmt.Errorf("answer: text is not valid UTF-8: %w", ErrInvalid)
	case store.UnsafeText(in.Question) || store.UnsafeText(in.Text):
		return fmt.Errorf("answer: a control or bidirectional formatting character (an escape, U+202E) is not allowed: %w", ErrInvalid)
	case len(in.DocumentIDs) > 50:
		return fmt.Errorf("answer: at most 50 documents: %w", ErrInvalid)
	}
	in.DocumentIDs = uniqueIDs(in.DocumentIDs)
	return nil
}

// normalAnswerText returns s trimmed, in Unicode NFC and without its
// zero-width characters, as documents are kept: an answer typed with
// combining accents, or with an invisible character inside, is the same
// answer (and a duplicate of it is refused).
func normalAnswerText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(norm.NFC.String(s))
}

// uniqueIDs is ids without repeats, in order: [545, 545] cites 545 once.
func uniqueIDs(ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	if ids != nil && out == nil {
		out = []int64{}
	}
	return out
}

// checkAnswerWords refuses, as a draft's question is refused, a question
// without a word to match once its personal data are masked (« 06 12 34 56
// 78 »), and a text that is only personal data (« Jean Dupont »).
func checkAnswerWords(q, t redact.Text) error {
	if _, err := searchWords(q); err != nil {
		return fmt.Errorf("answer: the question: %w", err)
	}
	if _, err := searchWords(t); err != nil {
		return fmt.Errorf("answer: the text: %w", err)
	}
	return nil
}

// answerSession returns the one session that redacts an answer's
// question and text: they are stored, shown and given to a model
// together, so a placeholder names one value in both and two values never
// share one. It goes on from the draft d's (draftSession) when the answer
// is promoted from one (its question is the draft's), and keeps as they
// are the placeholders already in the input (an answer edited, a draft's
// redacted question), so that a second redaction changes none of them.
func answerSession(policy redact.Policy, in AnswerInput, d *store.Draft) *redact.Session {
	if d != nil {
		return draftSession(policy, *d, in.Text)
	}
	return redact.NewSessionFrom(policy, redact.Recover("", "", in.Question, in.Text))
}

// redactAnswer redacts an answer's question, then its text, in session;
// a value the text tells as one is masked in the question too.
func redactAnswer(ctx context.Context, in AnswerInput, session *redact.Session) (q, t redact.Result, err error) {
	if err = session.Expect(ctx, in.Text); err != nil {
		return q, t, fmt.Errorf("answer: read the text: %w", err)
	}
	if q, err = session.Redact(ctx, in.Question); err != nil {
		return q, t, fmt.Errorf("answer: redact the question: %w", err)
	}
	if t, err = session.Redact(ctx, in.Text); err != nil {
		return q, t, fmt.Errorf("answer: redact the text: %w", err)
	}
	return q, t, nil
}

// prepare redacts the input (placeholders already there stay) and builds
// what the store needs; scope is the service of the key that writes (the
// store checks the sources with it, see citeSources). d, when not nil, is
// the draft the answer is promoted from (see answerSession).
func (a *Answers) prepare(ctx context.Context, in AnswerInput, scope string, d *store.Draft) (store.Answer, store.AnswerWrite, error) {
	if err := in.validate(); err != nil {
		return store.Answer{}, store.AnswerWrite{}, err
	}
	q, t, err := redactAnswer(ctx, in, answerSession(a.policy, in, d))
	if err != nil {
		return store.Answer{}, store.AnswerWrite{}, err
	}
	if err := checkAnswerWords(q.Text, t.Text); err != nil {
		return store.Answer{}, store.AnswerWrite{}, err
	}
	match, textMatch := matchable(stripPlaceholders(q.Text.WithoutPlaceholders(q.Mapping))), stripPlaceholders(t.Text)
	w := store.AnswerWrite{DocumentIDs: in.DocumentIDs, Scope: scope, Cite: citeSources, MatchText: store.Redacted(match),
		TextMatch: store.Redacted(textMatch)}
	if a.embedder != nil {
		vecs, err := a.embedder.Embed(ctx, []llm.Text{llm.Redacted(match), llm.Redacted(textMatch)})
		if err == nil && len(vecs) == 2 {
			w.Model, w.Vector, w.TextVector = a.embedder.Model(), vecs[0], vecs[1]
		}
	}
	return store.Answer{Service: in.Service, Question: store.Redacted(q.Text), Text: store.Redacted(t.Text)}, w, nil
}

// citeSources describes the documents an answer relies on, as citations.
// The store calls it with the documents read and checked under lock:
// every source must be published, one the answer's service sees (shared,
// or of its service: whoever writes, its readers must see what it cites)
// and one the key's service sees, a global key any (store.AnswerWrite).
func citeSources(docs []store.Document) (json.RawMessage, error) {
	cites := make([]Citation, 0, len(docs))
	for i, d := range docs {
		cites = append(cites, Citation{N: i + 1, DocID: d.ExternalID, DocumentID: d.ID, Title: d.Title, URL: d.URL, Cited: true})
	}
	b, err := json.Marshal(cites)
	if err != nil {
		return nil, fmt.Errorf("answer: encode sources: %w", err)
	}
	return b, nil
}

// Create stores a validated answer written (or pasted) by a reviewer.
func (a *Answers) Create(ctx context.Context, in AnswerInput, authorService string, by *int64) (store.Answer, error) {
	return a.create(ctx, in, authorService, by, nil)
}

// create stores a validated answer, promoted from the draft d when not
// nil (its text redacted in the draft's session).
func (a *Answers) create(ctx context.Context, in AnswerInput, authorService string, by *int64, d *store.Draft) (store.Answer, error) {
	var draftID *string
	if d != nil {
		draftID = &d.ID
	}
	ans, w, err := a.prepare(ctx, in, authorService, d)
	if err != nil {
		return store.Answer{}, err
	}
	ans.AuthorService, ans.CreatedBy, ans.DraftID = authorService, by, draftID
	if err := a.store.CreateAnswer(ctx, &ans, w); err != nil {
		return store.Answer{}, err
	}
	return ans, nil
}

// Update replaces an answer's text, question, sources and service: a new
// version, reviewed now. scope is the service of the key that writes ("":
// a global key); ifVersion, when not zero, must be the stored one (the API
// requires it).
func (a *Answers) Update(ctx context.Context, id int64, in AnswerInput, scope string, ifVersion int) (store.Answer, error) {
	ans, w, err := a.prepare(ctx, in, scope, nil)
	if err != nil {
		return store.Answer{}, err
	}
	ans.ID = id
	if err := a.store.UpdateAnswer(ctx, &ans, w, ifVersion); err != nil {
		return store.Answer{}, err
	}
	return ans, nil
}

// FromDraft promotes a stored draft: its question and final, the text its
// agent sent or a reviewer wrote (the draft itself when empty), redacted
// again as every answer is, with the documents it cited. service is where
// the answer applies ("" keeps the draft's or, for a draft of no service,
// takes that of its cited documents when they belong to one service: an
// answer cites only documents its service sees).
func (a *Answers) FromDraft(ctx context.Context, d store.Draft, final, service, authorService string, by *int64) (store.Answer, error) {
	var cites []Citation
	if err := json.Unmarshal(d.Sources, &cites); err != nil {
		return store.Answer{}, fmt.Errorf("answer: read the draft's sources: %w", err)
	}
	var ids []int64
	for _, c := range cites {
		if c.Cited && c.DocumentID != 0 && !slices.Contains(ids, c.DocumentID) {
			ids = append(ids, c.DocumentID)
		}
	}
	text := final
	if strings.TrimSpace(text) == "" {
		text = d.Draft
	}
	if service == "" {
		service = d.Service
	}
	if strings.TrimSpace(service) == "" {
		var err error
		if service, err = a.servicesOf(ctx, ids); err != nil {
			return store.Answer{}, err
		}
	}
	ans, err := a.create(ctx, AnswerInput{Question: d.Question.String(), Text: text, DocumentIDs: ids, Service: service}, authorService, by, &d)
	if err != nil {
		return store.Answer{}, err
	}
	return ans, nil
}

// servicesOf returns the one service the documents ids belong to, besides
// the shared ones; "" when they are all shared or of several services.
func (a *Answers) servicesOf(ctx context.Context, ids []int64) (string, error) {
	one := ""
	for _, id := range ids {
		d, err := a.store.GetDocument(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue // the store refuses it
		}
		if err != nil {
			return "", fmt.Errorf("answer: source %d: %w", id, err)
		}
		if d.Service != "" && one != "" && d.Service != one {
			return "", nil
		}
		if d.Service != "" {
			one = d.Service
		}
	}
	return one, nil
}

// Match returns the validated answers close to a message, redacted first,
// checked by the model as a draft's are when a has a checker
// (WithChecker).
func (a *Answers) Match(ctx context.Context, message string, services []string) ([]ValidatedAnswer, error) {
	in, err := a.matchText(ctx, message, services)
	if err != nil {
		return nil, err
	}
	found, err := matchAnswers(ctx, a.store, a.embedder, a.match, in.text, services, in.res)
	if err != nil || a.checker == nil || len(found) == 0 {
		return found, err
	}
	return a.checker.Filter(ctx, in.redacted.TrimSpace(), in.mapping, found), nil
}

// matchInput is what the matching reads of a message.
type matchInput struct {
	// redacted is the message redacted, placeholders kept: what a model
	// checking an answer may see.
	redacted redact.Text
	// mapping numbered redacted's placeholders: the answer check numbers
	// the answers' after them.
	mapping redact.Mapping
	// text is it without placeholders and courtesy: what is matched.
	text redact.Text
	// res is its search as a draft runs it (nil without a searcher, or
	// with no word to search).
	res *Results
}

// matchText redacts a message once and searches it as a draft does.
func (a *Answers) matchText(ctx context.Context, message string, services []string) (matchInput, error) {
	red, err := redact.Redact(ctx, message, a.policy)
	if err != nil {
		return matchInput{}, fmt.Errorf("validated answers: redact: %w", err)
	}
	question := withoutCredentials(red.Text).WithoutPlaceholders(red.Mapping)
	in := matchInput{redacted: red.Text, mapping: red.Mapping, text: matchable(stripPlaceholders(question))}
	if a.searcher == nil {
		return in, nil
	}
	res, err := a.searcher.Search(ctx, Query{Text: question, K: defaultSources, Services: services})
	if errors.Is(err, ErrNoWords) {
		return in, nil
	}
	if err != nil {
		return matchInput{}, fmt.Errorf("validated answers: %w", err)
	}
	in.res = &res
	return in, nil
}

// matchable is a text without its courtesy (greetings, thanks,
// signatures): what is matched of a message or of an answer's question.
func matchable(text redact.Text) redact.Text {
	var parts []redact.Text
	for _, s := range splitRedacted(text) {
		parts = append(parts, s.text)
	}
	if len(parts) == 0 {
		return text
	}
	return redact.Join(parts, redact.Space)
}

// WithSearcher returns a copy of a that searches the messages it matches
// with s and matches them as s's drafts do (Searcher.AnswerMatch).
func (a *Answers) WithSearcher(s *Searcher) *Answers {
	c := *a
	c.searcher, c.match = s, s.AnswerMatch()
	return &c
}

// WithChecker returns a copy of a whose matches c checks, as a draft's
// (nil: not checked).
func (a *Answers) WithChecker(c *AnswerChecker) *Answers {
	cp := *a
	cp.checker = c
	return &cp
}

// WithMatch returns a copy of a matching with m.
func (a *Answers) WithMatch(m AnswerMatch) *Answers {
	c := *a
	c.match = m
	return &c
}

// stripPlaceholders removes placeholder markers such as [NOM_1] left in a
// text: they say nothing of the question's topic.
func stripPlaceholders(t redact.Text) redact.Text {
	return t.Blank(placeholderRe.FindAllStringIndex(t.String(), -1), redact.Space).TrimSpace()
}

// placeholderRe matches the placeholders redaction writes, e.g. [NOM_1].
var placeholderRe = regexp.MustCompile(`\[[A-Z][A-Z_]*_\d+\]`)
