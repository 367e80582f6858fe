package wire

import (
	"context"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/api/web"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/store"
)

// APIDeps are the services the HTTP API exposes, without the page, the
// sign-in provider or a replica.
func (p *Plume) APIDeps() api.Deps {
	return api.Deps{Store: p.Store, Searcher: p.Searcher, Drafter: p.Drafter, Embedder: p.Embedder, Log: p.Log}
}

// Server returns plume serve's API server with the page, the sign-in
// provider and the read replica when they are configured, and the function
// that closes the replica. Its limits are shared through the database by
// every process serving it.
func (p *Plume) Server(ctx context.Context) (*api.Server, func(), error) {
	deps := p.APIDeps()
	deps.Web = web.Handler()
	if p.Config.OIDC != nil {
		provider, err := auth.New(ctx, *p.Config.OIDC, nil)
		if err != nil {
			return nil, nil, err
		}
		deps.OIDC = provider
	}
	replica, closeReplica, err := p.openReplica(ctx)
	if err != nil {
		return nil, nil, err
	}
	deps.Replica = replica
	cfg := p.Config.Server
	cfg.SharedLimits = true
	srv, err := api.New(cfg, deps)
	if err != nil {
		closeReplica()
		return nil, nil, err
	}
	return srv, closeReplica, nil
}

// openReplica sets up the read replica of DATABASE_REPLICA_URL, if any: its
// store, checked every second in the background until ctx ends or the
// returned function is called, and what serves reads from it.
func (p *Plume) openReplica(ctx context.Context) (*api.ReadReplica, func(), error) {
	cfg := p.Config
	if cfg.ReplicaURL == "" {
		return nil, func() {}, nil
	}
	var rr *api.ReadReplica
	r, err := store.OpenReplica(ctx, p.Store, cfg.ReplicaURL, store.ReplicaOptions{MaxLag: cfg.ReplicaMaxLag, Log: p.Log,
		Warmup: func(ctx context.Context) error {
			// As Store.Warm on the primary: the replica's first
			// searches rank in memory, vectors exactly.
			return rr.Searcher.Prepare(ctx)
		}})
	if err != nil {
		return nil, nil, err
	}
	rr = p.ReadReplica(r)
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); r.Run(cctx) }()
	return rr, func() { cancel(); <-done; r.Close() }, nil
}

// ReadReplica returns what serves reads from the replica r: a searcher over
// it, whose reliability model and chunk index the replica's warm-up loads, and a drafter
// that retrieves there and saves to the primary.
func (p *Plume) ReadReplica(r *store.Replica) *api.ReadReplica {
	s := searcherOn(p.Config, r.Store(), p.Config.queryEmbedder(p.Embedder), p.Chat, p.Log)
	return &api.ReadReplica{Replica: r, Searcher: s, Drafter: p.NewDrafter(s)}
}
