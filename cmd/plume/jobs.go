package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/plume-sp/plume/store"
)

// jobsLeaderRetry is how often a plume serve that does not run the periodic
// jobs checks whether their leader is gone, and how often the leader checks
// its connection.
const jobsLeaderRetry = 10 * time.Second

// bucketIdle is how long an unused rate bucket is kept: it is full again
// long before.
const bucketIdle = 24 * time.Hour

// runJobs runs the periodic jobs (the partitions of drafts for this month
// and the next, the retention purges of drafts and of the audit log,
// forgetting idle rate buckets, retraining a stale semantic model) in the
// one plume serve that leads: several
// processes sharing the database elect one through an advisory lock, and
// another takes over within jobsLeaderRetry when it dies.
func runJobs(ctx context.Context, st *store.Store, retention, auditRetention time.Duration, log *slog.Logger) {
	st.RunLeader(ctx, store.Leadership{Job: "jobs", Retry: jobsLeaderRetry, Log: log}, func(ctx context.Context) {
		retrained := make(chan struct{})
		go func() {
			defer close(retrained)
			retrainSemantic(ctx, st, semanticCheck, log)
		}()
		defer func() { <-retrained }()
		daily(ctx, func(ctx context.Context) {
			if n, err := st.EnsurePartitions(ctx, time.Now()); err != nil && ctx.Err() == nil {
				log.Error("add the partitions of drafts", "err", err)
			} else if n > 0 {
				log.Info("added the partitions of drafts", "months", n)
			}
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
