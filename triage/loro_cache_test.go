package triage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// foldModel returns the model trainModel trains on msgs under s. With
// PLUME_TRIAGE_LOO_CACHE naming a directory, a model trained on the same
// messages (ids, levels, reasons, folded texts) and settings is read from
// it, and a new one written to it: training is deterministic, so a cached
// fold model is the one training would give, and a lexicon change (which
// changes no feature) is measured out of fold without retraining.
func foldModel(msgs []labelled, s trainSettings) *model {
	dir := os.Getenv("PLUME_TRIAGE_LOO_CACHE")
	if dir == "" {
		return trainModel(msgs, s)
	}
	path := filepath.Join(dir, foldKey(msgs, s)+".bin")
	if b, err := os.ReadFile(path); err == nil {
		if m, err := decodeModel(b); err == nil {
			return m
		}
	}
	m := trainModel(msgs, s)
	var buf bytes.Buffer
	// A cache: a failed write only costs a retraining; the rename keeps a
	// concurrent reader from a half-written file.
	if err := m.encode(&buf); err == nil && os.WriteFile(path+".tmp", buf.Bytes(), 0o644) == nil {
		_ = os.Rename(path+".tmp", path)
	}
	return m
}

// foldKey identifies what a fold model is trained on: every message's id,
// level, reasons and folded text, the feature settings and the settings
// of s that training reads (lambda, epochs, rate). The shares the
// thresholds are chosen by change no weight: a fold model cached under
// one share serves another, so they are compared out of fold without
// retraining.
func foldKey(msgs []labelled, s trainSettings) string {
	h := sha256.New()
	fmt.Fprintf(h, "bits %d ngrams %d-%d lambda %g epochs %d rate %g\n", featureBits, ngramMin, ngramMax, s.lambda, s.epochs, s.rate)
	for _, m := range msgs {
		fmt.Fprintf(h, "%s\x00%s\x00%q\x00%s\x00", m.ID, m.Level, m.Reasons, foldedOf(m.Text))
	}
	return hex.EncodeToString(h.Sum(nil))
}
