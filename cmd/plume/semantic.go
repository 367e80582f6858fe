package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/wire"
)

// semanticCheck is how often plume serve's jobs check whether the semantic
// model is stale (documents uploaded through the API since it was
// trained).
const semanticCheck = time.Minute

// runSemantic trains the semantic model of the published documents now
// ("plume semantic train"); ingests train it when they change something.
func runSemantic(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "semantic")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 || fs.Arg(0) != "train" {
		return fmt.Errorf("%w: plume semantic train", errUsage)
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	trained, err := semantic.TrainStore(ctx, st)
	if err != nil {
		return err
	}
	if trained.Model == nil {
		fmt.Fprintf(a.stdout, "fewer than %d published documents: no semantic model (searches go without)\n", semantic.MinDocuments)
		return nil
	}
	fmt.Fprintf(a.stdout, "semantic model %d trained on %d documents, %d terms, %d dimensions in %s\n",
		trained.Stored.ID, trained.Stored.Documents, trained.Model.Terms(), trained.Stored.Dims, time.Since(start).Round(time.Millisecond))
	return nil
}

// retrainSemantic retrains the semantic model whenever it is stale,
// checking every period until ctx ends; searches go on with the previous
// model meanwhile.
func retrainSemantic(ctx context.Context, st *store.Store, period time.Duration, log *slog.Logger) {
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		stale, err := st.SemanticModelStale(ctx, semantic.MinDocuments)
		if err == nil && stale {
			var trained semantic.Trained
			start := time.Now()
			if trained, err = semantic.TrainStore(ctx, st); err == nil {
				log.Info("semantic model retrained", "documents", trained.Stored.Documents, "took", time.Since(start).Round(time.Millisecond))
			}
		}
		if err != nil && ctx.Err() == nil {
			log.Error("retrain the semantic model", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
