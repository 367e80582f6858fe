package semantic

import (
	"context"
	"errors"
	"fmt"

	"github.com/plume-sp/plume/store"
)

// Trained describes a training run: the model saved (nil when the corpus
// was too small and the stored models were deleted).
type Trained struct {
	Model *Model
	// Stored is the model as saved.
	Stored store.SemanticModel
}

// TrainStore trains a model on the published documents of st and saves
// it as the latest; a corpus under MinDocuments documents deletes the
// stored models instead (searches then go without).
func TrainStore(ctx context.Context, st *store.Store) (Trained, error) {
	var c Corpus
	version, err := st.EachDocumentTerm(ctx, c.Add)
	if err != nil {
		return Trained{}, err
	}
	m, err := Train(&c)
	if errors.Is(err, ErrTooSmall) {
		return Trained{}, st.DeleteSemanticModels(ctx)
	}
	if err != nil {
		return Trained{}, fmt.Errorf("train semantic model: %w", err)
	}
	saved := store.SemanticModel{CorpusVersion: version, Documents: m.Documents(), Dims: m.Dims(), Data: m.Encode()}
	if err := st.SaveSemanticModel(ctx, &saved); err != nil {
		return Trained{}, err
	}
	saved.Data = nil
	return Trained{Model: m, Stored: saved}, nil
}

// Load reads the stored model id; ok is false when it is gone.
func Load(ctx context.Context, st *store.Store, id int64) (m *Model, ok bool, err error) {
	stored, ok, err := st.LoadSemanticModel(ctx, id)
	if err != nil || !ok {
		return nil, ok, err
	}
	if m, err = Decode(stored.Data); err != nil {
		return nil, false, fmt.Errorf("semantic model %d: %w", id, err)
	}
	return m, true, nil
}
