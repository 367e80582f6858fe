package store

import (
	"context"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// faultTracer counts, for the reads that asked (CountFaults), the
// statements (single, batched, prepared, copied), connections and
// acquisitions of one pool that failed because its database could not be
// reached (IsUnavailable): a read that saw an error tells by its own count
// whether this pool's database was at fault, whatever other requests met
// at the same time.
type faultTracer struct{}

// faultCounter is the count a read's context carries.
type faultCounter struct{ n atomic.Uint64 }

type faultCounterKey struct{}

// CountFaults returns ctx carrying a new count of the faults the replica's
// pool meets while serving it, and a function reading that count.
func CountFaults(ctx context.Context) (context.Context, func() uint64) {
	c := &faultCounter{}
	return context.WithValue(ctx, faultCounterKey{}, c), c.n.Load
}

func (faultTracer) record(ctx context.Context, err error) {
	if c, ok := ctx.Value(faultCounterKey{}).(*faultCounter); ok && IsUnavailable(err) {
		c.n.Add(1)
	}
}

// TraceQueryStart implements pgx.QueryTracer.
func (f faultTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return ctx
}

// TraceQueryEnd implements pgx.QueryTracer.
func (f faultTracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryEndData) {
	f.record(ctx, d.Err)
}

// TraceBatchStart implements pgx.BatchTracer.
func (f faultTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}

// TraceBatchQuery implements pgx.BatchTracer.
func (f faultTracer) TraceBatchQuery(ctx context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	f.record(ctx, d.Err)
}

// TraceBatchEnd implements pgx.BatchTracer.
func (f faultTracer) TraceBatchEnd(ctx context.Context, _ *pgx.Conn, d pgx.TraceBatchEndData) {
	f.record(ctx, d.Err)
}

// TracePrepareStart implements pgx.PrepareTracer.
func (f faultTracer) TracePrepareStart(ctx context.Context, _ *pgx.Conn, _ pgx.TracePrepareStartData) context.Context {
	return ctx
}

// TracePrepareEnd implements pgx.PrepareTracer.
func (f faultTracer) TracePrepareEnd(ctx context.Context, _ *pgx.Conn, d pgx.TracePrepareEndData) {
	f.record(ctx, d.Err)
}

// TraceCopyFromStart implements pgx.CopyFromTracer.
func (f faultTracer) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromStartData) context.Context {
	return ctx
}

// TraceCopyFromEnd implements pgx.CopyFromTracer.
func (f faultTracer) TraceCopyFromEnd(ctx context.Context, _ *pgx.Conn, d pgx.TraceCopyFromEndData) {
	f.record(ctx, d.Err)
}

// TraceConnectStart implements pgx.ConnectTracer.
func (f faultTracer) TraceConnectStart(ctx context.Context, _ pgx.TraceConnectStartData) context.Context {
	return ctx
}

// TraceConnectEnd implements pgx.ConnectTracer.
func (f faultTracer) TraceConnectEnd(ctx context.Context, d pgx.TraceConnectEndData) {
	f.record(ctx, d.Err)
}

// TraceAcquireStart implements pgxpool.AcquireTracer.
func (f faultTracer) TraceAcquireStart(ctx context.Context, _ *pgxpool.Pool, _ pgxpool.TraceAcquireStartData) context.Context {
	return ctx
}

// TraceAcquireEnd implements pgxpool.AcquireTracer.
func (f faultTracer) TraceAcquireEnd(ctx context.Context, _ *pgxpool.Pool, d pgxpool.TraceAcquireEndData) {
	f.record(ctx, d.Err)
}

// The tracer sees every kind of statement a pool runs.
var (
	_ pgx.QueryTracer       = faultTracer{}
	_ pgx.BatchTracer       = faultTracer{}
	_ pgx.PrepareTracer     = faultTracer{}
	_ pgx.CopyFromTracer    = faultTracer{}
	_ pgx.ConnectTracer     = faultTracer{}
	_ pgxpool.AcquireTracer = faultTracer{}
)
