package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// CalibrationKind names what a calibration fits for an embedding model.
type CalibrationKind string

// The calibrations stored.
const (
	// CalibrationReliability is the search's reliability model.
	CalibrationReliability CalibrationKind = "reliability"
	// CalibrationAnswers is the thresholds of the validated answers'
	// matching.
	CalibrationAnswers CalibrationKind = "answers"
)

// Calibration returns the stored calibration (JSON) of a kind for an
// embedding model, or ErrNotFound.
func (s *Store) Calibration(ctx context.Context, kind CalibrationKind, model string) ([]byte, error) {
	var raw []byte
	err := s.pool.QueryRow(ctx, "SELECT params FROM calibrations WHERE embed_model = $1 AND kind = $2", model, string(kind)).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%s calibration of %s: %w", kind, model, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s calibration of %s: %w", kind, model, err)
	}
	return raw, nil
}

// SaveCalibration stores a calibration (JSON) of a kind for an embedding
// model, replacing the one stored.
func (s *Store) SaveCalibration(ctx context.Context, kind CalibrationKind, model string, params []byte) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO calibrations (embed_model, kind, params) VALUES ($1, $2, $3)
		ON CONFLICT (embed_model, kind) DO UPDATE SET params = excluded.params, created_at = now()`, model, string(kind), params)
	if err != nil {
		return fmt.Errorf("save %s calibration of %s: %w", kind, model, err)
	}
	return nil
}
