package rag

import (
	"context"
	"sync"
	"time"

	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
)

// semanticLoadTimeout bounds the reading of a model.
const semanticLoadTimeout = 2 * time.Minute

// semanticRetry is how long after a failed reading the next one is tried.
const semanticRetry = 5 * time.Second

// semanticModels holds the latest semantic model of the corpus (package
// semantic) for the searches of one process. The first search reads it;
// later ones, when the models version changed (store.QueryStats.
// ModelsVersion, which saving or deleting a model moves), look for a
// newer one in the background and go on with the one held
// meanwhile: a search never waits for a model to be trained or reloaded.
type semanticModels struct {
	mu     sync.Mutex
	loaded bool
	// checked is the models version at which the latest model was looked
	// for; refreshing is true while a goroutine looks.
	checked    int64
	refreshing bool
	// failed is when the last reading failed (zero: it did not): the
	// next is tried semanticRetry later, not at every search.
	failed time.Time
	id     int64
	model  *semantic.Model
}

// retryable reports whether a reading may be tried now.
func (m *semanticModels) retryable() bool {
	return m.failed.IsZero() || time.Since(m.failed) >= semanticRetry
}

// semanticModel returns the model to search with (nil: none), reading it first
// when none was read yet, and starting a refresh when the models version
// (read with the query's analysis) moved.
func (s *Searcher) semanticModel(ctx context.Context, version int64) *semantic.Model {
	m := &s.semantic
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.loaded {
		if !m.retryable() {
			return nil
		}
		// Read whole even if this search is cancelled: the next ones
		// would otherwise start over.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), semanticLoadTimeout)
		defer cancel()
		if err := m.refresh(ctx, s.store, version); err != nil {
			s.log.Warn("semantic model unavailable", "err", err)
			m.failed = time.Now()
			return nil
		}
		m.loaded, m.checked, m.failed = true, version, time.Time{}
		return m.model
	}
	if version != m.checked && !m.refreshing && m.retryable() {
		m.refreshing = true
		go s.refreshSemantic(version)
	}
	return m.model
}

// refreshSemantic looks for a newer model in the background.
func (s *Searcher) refreshSemantic(version int64) {
	ctx, cancel := context.WithTimeout(context.Background(), semanticLoadTimeout)
	defer cancel()
	m := &s.semantic
	m.mu.Lock()
	id := m.id
	m.mu.Unlock()
	model, newID, err := latestSemantic(ctx, s.store, id)
	m.mu.Lock()
	defer m.mu.Unlock()
	// A failure is tried again semanticRetry later, not at every search.
	m.refreshing = false
	if err != nil {
		s.log.Warn("semantic model refresh failed", "err", err)
		m.failed = time.Now()
		return
	}
	m.checked, m.failed = version, time.Time{}
	if newID != id {
		m.id, m.model = newID, model
	}
}

// refresh reads the latest model unless it is the one held; the caller
// holds m.mu.
func (m *semanticModels) refresh(ctx context.Context, st *store.Store, version int64) error {
	model, id, err := latestSemantic(ctx, st, m.id)
	if err != nil {
		return err
	}
	m.checked = version
	if id != m.id {
		m.id, m.model = id, model
	}
	return nil
}

// latestSemantic returns the latest stored model and its id (0 and nil
// when there is none); when its id is held, it returns nil without
// reading it again.
func latestSemantic(ctx context.Context, st *store.Store, held int64) (*semantic.Model, int64, error) {
	latest, ok, err := st.LatestSemanticModel(ctx)
	if err != nil || !ok {
		return nil, 0, err
	}
	if latest.ID == held {
		return nil, held, nil
	}
	model, ok, err := semantic.Load(ctx, st, latest.ID)
	if err != nil || !ok {
		return nil, 0, err
	}
	return model, latest.ID, nil
}

// SemanticModelID is the id of the semantic model the searcher holds (0:
// none), for tests and logs.
func (s *Searcher) SemanticModelID() int64 {
	s.semantic.mu.Lock()
	defer s.semantic.mu.Unlock()
	return s.semantic.id
}

// semanticRanking returns the documents the model finds closest to the
// message's words (stats' lexemes, counted once per sentence of the
// message, not of the expansions), those that pass the filter only, best
// first, and the model it used; none without a model or with semantic
// fusion off.
func (s *Searcher) semanticRanking(ctx context.Context, stats store.QueryStats, sentences int,
	filter store.SearchFilter) ([]int64, *semantic.Model, error) {
	if s.opts.SemanticWeight < 0 {
		return nil, nil, nil
	}
	model := s.semanticModel(ctx, stats.ModelsVersion)
	if model == nil {
		return nil, nil, nil
	}
	counts := map[string]float64{}
	for _, t := range stats.Terms {
		for _, at := range t.Sentences {
			if t.Lexeme != "" && at < sentences {
				counts[t.Lexeme]++
			}
		}
	}
	ranked := model.Rank(model.Embed(counts), s.opts.SemanticCandidates)
	ids := make([]int64, len(ranked))
	for i, r := range ranked {
		ids[i] = r.DocumentID
	}
	admitted, err := s.store.AdmittedDocuments(ctx, filter, ids)
	return admitted, model, err
}
