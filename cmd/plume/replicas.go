package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// jobsLeaderRetry is how often a plume serve that does not run the periodic
// jobs checks whether their leader is gone, and how often the leader checks
// its connection.
const jobsLeaderRetry = 10 * time.Second

// bucketIdle is how long an unused rate bucket is kept: it is full again
// long before.
const bucketIdle = 24 * time.Hour

// runJobs runs the periodic jobs (the retention purges of drafts and of the
// audit log, forgetting idle rate
// buckets) in the one plume serve that leads: several processes sharing the
// database elect one through an advisory lock, and another takes over within
// jobsLeaderRetry when it dies.
func runJobs(ctx context.Context, st *store.Store, retention, auditRetention time.Duration, log *slog.Logger) {
	st.RunLeader(ctx, store.Leadership{Job: "jobs", Retry: jobsLeaderRetry, Log: log}, func(ctx context.Context) {
		daily(ctx, func(ctx context.Context) {
			purgeOnce(ctx, st, retention, log)
			purgeAuditOnce(ctx, st, auditRetention, log)
			if n, err := st.ForgetBuckets(ctx, time.Now().Add(-bucketIdle)); err != nil && ctx.Err() == nil {
				log.Error("forget rate buckets", "err", err)
			} else if n > 0 {
				log.Info("forgot idle rate buckets", "count", n)
			}
		})
	})
}

// daily runs job at once, then every day until ctx ends.
func daily(ctx context.Context, job func(context.Context)) {
	tick := time.NewTicker(24 * time.Hour)
	defer tick.Stop()
	for {
		job(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// openReplica sets up the read replica of DATABASE_REPLICA_URL, if any: its
// store, checked every second in the background until ctx ends, a searcher
// over it and a drafter that retrieves there and saves to the primary.
func (a *app) openReplica(ctx context.Context, primary *store.Store, d *drafting, ps *prompts.Set) (*api.ReadReplica, func(), error) {
	if a.cfg.ReplicaURL == "" {
		return nil, func() {}, nil
	}
	var searcher *rag.Searcher
	r, err := store.OpenReplica(ctx, primary, a.cfg.ReplicaURL, store.ReplicaOptions{MaxLag: a.cfg.ReplicaMaxLag, Log: a.log,
		Warmup: func(ctx context.Context) error { return searcher.LoadReliability(ctx) }})
	if err != nil {
		return nil, nil, err
	}
	if searcher, err = a.searcherOn(r.Store(), d.embedder); err != nil {
		r.Close()
		return nil, nil, err
	}
	chat, err := a.newChat()
	if err != nil {
		r.Close()
		return nil, nil, err
	}
	drafter := rag.NewDrafter(searcher, primary, chat, ps, a.log, a.draftOptions())
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); r.Run(cctx) }()
	return &api.ReadReplica{Replica: r, Searcher: searcher, Drafter: drafter}, func() { cancel(); <-done; r.Close() }, nil
}

// loadReplica reads DATABASE_REPLICA_URL, PLUME_REPLICA_MAX_LAG and
// PLUME_TRUSTED_PROXIES.
func loadReplica(getenv func(string) string, cfg *Config) error {
	for _, s := range strings.Split(getenv("PLUME_TRUSTED_PROXIES"), ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		_, r, err := net.ParseCIDR(s)
		if err != nil {
			return fmt.Errorf("PLUME_TRUSTED_PROXIES: %q is not an address range such as 10.0.0.0/8", s)
		}
		cfg.TrustedProxies = append(cfg.TrustedProxies, r)
	}
	cfg.ReplicaURL = getenv("DATABASE_REPLICA_URL")
	cfg.ReplicaMaxLag = 5 * time.Second
	if v := getenv("PLUME_REPLICA_MAX_LAG"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("PLUME_REPLICA_MAX_LAG=%q: want a positive duration such as 5s", v)
		}
		cfg.ReplicaMaxLag = d
	}
	return nil
}
