package rag

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/plume-sp/plume/store"
)

// Features are what the reliability model knows of a found document.
type Features struct {
	// Passage is the share of the message's weighted words that the
	// document's best passage contains; Document, the share the whole
	// document contains.
	Passage, Document float64
	// Cosine is the best passage's vector similarity (0 when unknown).
	Cosine float64
	// BM25 is the document's BM25 score over the most it could reach.
	BM25 float64
	// Request is the share of the request's weighted words (not the
	// context's) that the document contains.
	Request float64
	// Title is the share of the words of the document's title that the
	// message contains.
	Title float64
	// Agreement is the share of the three searches (document, full-text
	// and vector) that found the document.
	Agreement float64
	// Unknown is the share of the request's words found in no document.
	Unknown float64
	// Margin is how far ahead of the second document the first is, in
	// fused score (0 to 1).
	Margin float64
	// OwnCase is 1 when the message asks where the person's own file
	// stands, and Outside when its request is a matter of a town hall,
	// another country's administration or a private company (askCues):
	// no page answers those, however close their words come to one.
	OwnCase, Outside float64
	// Entity is 1 when the message is a short question naming a word the
	// knowledge base barely holds (rareEntity). It is no weight of the
	// model: such a document needs a higher score to count (decide).
	Entity float64 `json:",omitempty"`
}

// numFeatures is the number of features of the reliability model.
const numFeatures = 11

func (f Features) vector() [numFeatures]float64 {
	return [numFeatures]float64{f.Passage, f.Document, f.Cosine, f.BM25, f.Request, f.Title, f.Agreement, f.Unknown, f.Margin, f.OwnCase, f.Outside}
}

// Reliability is a small logistic model that gives a found document the
// probability that it answers the message, and the threshold from which it
// counts as reliable. What a cosine means depends on the embedding model, so
// each model has its own, fitted by "plume eval --calibrate" and stored.
type Reliability struct {
	Bias      float64              `json:"bias"`
	Weights   [numFeatures]float64 `json:"weights"`
	Threshold float64              `json:"threshold"`
	// Examples is how many labelled messages the model was fitted on (0
	// for the built-in default).
	Examples int `json:"examples"`
	// Version is the feature set the model was fitted on: 0 (absent) for
	// the nine features before the own-case and outside cues, whose
	// weights then count as 0; reliabilityVersion since.
	Version int `json:"version,omitempty"`
}

// reliabilityVersion is the feature set of the models fitted today: the
// nine features of version 0 and the OwnCase and Outside cues.
const reliabilityVersion = 1

// DefaultReliability is the model used until one is calibrated for the
// embedding model in use: fitted on the tuning half of
// rag/testdata/messages.jsonl (over the 535 fiches and over the whole 2020
// corpus together) with the local embedder. A refit on the tuning halves
// of the five message files, vectors searched exactly (491 examples), was
// tried in session 11: its cross-validated figures moved by under a
// message in a hundred, and it put messages-r8's test half under its gate
// (reliable when found over the fiches 0.808, gate 0.83), so this one stays.
// So did a refit on the seven files' tuning halves with a twelfth feature,
// the best title share of the first five documents, in session 13: four
// test halves fell under their gates (README, "Retrieval"). So did a refit
// on the eight files' tuning halves after session 14's broader cues (643
// examples): over the fiches it marked more answerable test messages
// reliable but flagged fewer out-of-corpus ones, three test halves under
// their gates.
var DefaultReliability = Reliability{
	Bias:      -0.893,
	Weights:   [numFeatures]float64{2.996, -0.845, 1.557, 0.328, 0.305, 1.649, 0.973, -1.686, -2.567, -4.547, -4.347},
	Threshold: 0.632,
	Examples:  210,
	Version:   reliabilityVersion,
}

// Score is the probability that a document with features f answers.
func (r Reliability) Score(f Features) float64 { return r.score(f.vector()) }

func (r Reliability) score(v [numFeatures]float64) float64 {
	z := r.Bias
	for i, w := range r.Weights {
		z += w * v[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// LoadReliability makes the searcher use the reliability model calibrated
// for its embedding model, if one is stored (the default otherwise). A model
// stored before the cues (version 0, nine weights) is used as it is, the
// cues weighing nothing, with a warning to calibrate again.
func (s *Searcher) LoadReliability(ctx context.Context) error {
	raw, err := s.store.Calibration(ctx, store.CalibrationReliability, s.embedder.Model())
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("load reliability model: %w", err)
	}
	var r Reliability
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("load reliability model of %s: %w", s.embedder.Model(), err)
	}
	if r.Version < reliabilityVersion {
		s.log.Warn("the reliability model was calibrated without the own-case and outside cues: run plume eval --calibrate again",
			"model", s.embedder.Model())
	}
	s.reliability = r
	return nil
}

// SaveReliability stores r as the reliability model of the searcher's
// embedding model and uses it from now on.
func (s *Searcher) SaveReliability(ctx context.Context, r Reliability) error {
	if err := s.saveCalibration(ctx, store.CalibrationReliability, r); err != nil {
		return fmt.Errorf("save reliability model: %w", err)
	}
	s.reliability = r
	return nil
}

// saveCalibration stores v, in JSON, as the calibration of kind for the
// searcher's embedding model.
func (s *Searcher) saveCalibration(ctx context.Context, kind store.CalibrationKind, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.store.SaveCalibration(ctx, kind, s.embedder.Model(), raw)
}

// Reliability returns the model the searcher uses.
func (s *Searcher) Reliability() Reliability { return s.reliability }

// SetReliability makes the searcher use r (without storing it).
func (s *Searcher) SetReliability(r Reliability) { s.reliability = r }
