package api

import (
	"context"
	"github.com/prometheus/client_golang/prometheus"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// ReadReplica is a streaming replica of the database that takes searches
// (drafts' retrieval included), statistics and listings while it answers
// and keeps up. Writes, and reads by a key that wrote too recently for the
// replica to be sure to have it, go to the primary.
type ReadReplica struct {
	Replica *store.Replica
	// Searcher searches Replica.Store().
	Searcher *rag.Searcher
	// Drafter retrieves with Searcher and saves to the primary.
	Drafter *rag.Drafter
}

// reads is where one request reads from.
type reads struct {
	store    *store.Store
	searcher *rag.Searcher
	drafter  *rag.Drafter
	replica  bool
}

// replicaMetrics count where reads went.
type replicaMetrics struct {
	reads *family
}

func newReplicaMetrics(reg *metrics, r *ReadReplica) *replicaMetrics {
	if r != nil {
		reg.reg.MustRegister(replicaGauges(r)...)
	}
	return &replicaMetrics{reads: reg.counter("plume_db_reads_total",
		"Reads that could go to the database replica, by target (replica, primary) and the reason they went to the primary "+
			"(down, lagging, warming, unchecked, read_your_writes, failed_over).", "target", "reason")}
}

// readsFor chooses where the request reads: the replica when there is one
// that is usable, unless ownWrites is set and the key wrote recently.
func (s *Server) readsFor(c echo.Context, ownWrites bool) reads {
	primary := reads{store: s.deps.Store, searcher: s.deps.Searcher, drafter: s.deps.Drafter}
	r := s.deps.Replica
	if r == nil {
		return primary
	}
	reason := ""
	if st := r.Replica.State(); !st.Usable {
		reason = st.Reason
	} else if ownWrites && s.wroteRecently(c) {
		reason = "read_your_writes"
	}
	if reason != "" {
		s.metrics.reg.inc(s.replicaMetrics.reads, 1, "primary", reason)
		return primary
	}
	s.metrics.reg.inc(s.replicaMetrics.reads, 1, "replica", "")
	return reads{store: r.Replica.Store(), searcher: r.Searcher, drafter: r.Drafter, replica: true}
}

// wroteRecently reports whether the calling key began a write recently
// enough that the replica may not have it: a write commits at the latest
// RequestTimeout after it began, and the replica is used only while it is
// less than StaleBound behind.
func (s *Server) wroteRecently(c echo.Context) bool {
	at, ok := c.Get(ctxWroteAtKey).(time.Time)
	return ok && s.deps.Now().Sub(at) < s.cfg.RequestTimeout+s.deps.Replica.Replica.StaleBound()
}

// readWith runs fn on the request's reads; when they were the replica's and
// it could not be reached, it marks the replica down and runs fn again on
// the primary, so that a replica that stops between two checks fails no
// request. A database fault while the replica still answers was the
// primary's (a draft is saved there): the error is returned as it is,
// without blaming the replica or running fn (a model call) again.
func readWith[T any](c echo.Context, s *Server, ownWrites bool, fn func(context.Context, reads) (T, error)) (T, error) {
	ctx := c.Request().Context()
	rd := s.readsFor(c, ownWrites)
	readCtx, faults := store.CountFaults(ctx)
	v, err := fn(readCtx, rd)
	if err == nil || !rd.replica || !store.IsUnavailable(err) || ctx.Err() != nil || !s.replicaAtFault(ctx, faults()) {
		return v, err
	}
	s.deps.Replica.Replica.MarkDown()
	s.metrics.reg.inc(s.replicaMetrics.reads, 1, "primary", "failed_over")
	return fn(ctx, reads{store: s.deps.Store, searcher: s.deps.Searcher, drafter: s.deps.Drafter})
}

// replicaAtFault reports whether a read that could not reach its database
// failed on the replica: the replica's connections met faults while
// serving this read (store.CountFaults), or the replica does not answer
// now.
func (s *Server) replicaAtFault(ctx context.Context, faults uint64) bool {
	return faults > 0 || !s.deps.Replica.Replica.Reachable(ctx)
}

// replicaGauges tell the replica's state at its last check, when there is
// a replica: whether it takes reads, and its lag.
func replicaGauges(r *ReadReplica) []prometheus.Collector {
	return []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "plume_db_replica_usable",
			Help: "1 while reads may go to the database replica."}, func() float64 {
			if r.Replica.State().Usable {
				return 1
			}
			return 0
		}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "plume_db_replica_lag_seconds",
			Help: "How far the database replica was behind the primary at its last check."}, func() float64 {
			return r.Replica.State().Lag.Seconds()
		}),
	}
}
