package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Calibration returns the stored reliability model of an embedding model,
// or ErrNotFound.
func (s *Store) Calibration(ctx context.Context, model string) ([]byte, error) {
	var raw []byte
	err := s.pool.QueryRow(ctx, "SELECT params FROM calibrations WHERE embed_model = $1", model).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("calibration of %s: %w", model, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("calibration of %s: %w", model, err)
	}
	return raw, nil
}

// SaveCalibration stores the reliability model (JSON) of an embedding model.
func (s *Store) SaveCalibration(ctx context.Context, model string, params []byte) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO calibrations (embed_model, params) VALUES ($1, $2)
		ON CONFLICT (embed_model) DO UPDATE SET params = excluded.params, created_at = now()`, model, params)
	if err != nil {
		return fmt.Errorf("save calibration of %s: %w", model, err)
	}
	return nil
}
