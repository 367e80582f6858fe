package store

import (
	"context"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// faultTracer counts the statements (single, batched, prepared, copied),
// connections and acquisitions of one pool that failed because its database could not be reached
// (IsUnavailable): a caller that saw an error tells by the count whether
// this pool's database was at fault.
type faultTracer struct{ faults atomic.Uint64 }

func (f *faultTracer) record(err error) {
	if IsUnavailable(err) {
		f.faults.Add(1)
	}
}

// TraceQueryStart implements pgx.QueryTracer.
func (f *faultTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return ctx
}

// TraceQueryEnd implements pgx.QueryTracer.
func (f *faultTracer) TraceQueryEnd(_ context.Context, _ *pgx.Conn, d pgx.TraceQueryEndData) {
	f.record(d.Err)
}

// TraceBatchStart implements pgx.BatchTracer.
func (f *faultTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}

// TraceBatchQuery implements pgx.BatchTracer.
func (f *faultTracer) TraceBatchQuery(_ context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	f.record(d.Err)
}

// TraceBatchEnd implements pgx.BatchTracer.
func (f *faultTracer) TraceBatchEnd(_ context.Context, _ *pgx.Conn, d pgx.TraceBatchEndData) {
	f.record(d.Err)
}

// TracePrepareStart implements pgx.PrepareTracer.
func (f *faultTracer) TracePrepareStart(ctx context.Context, _ *pgx.Conn, _ pgx.TracePrepareStartData) context.Context {
	return ctx
}

// TracePrepareEnd implements pgx.PrepareTracer.
func (f *faultTracer) TracePrepareEnd(_ context.Context, _ *pgx.Conn, d pgx.TracePrepareEndData) {
	f.record(d.Err)
}

// TraceCopyFromStart implements pgx.CopyFromTracer.
func (f *faultTracer) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromStartData) context.Context {
	return ctx
}

// TraceCopyFromEnd implements pgx.CopyFromTracer.
func (f *faultTracer) TraceCopyFromEnd(_ context.Context, _ *pgx.Conn, d pgx.TraceCopyFromEndData) {
	f.record(d.Err)
}

// TraceConnectStart implements pgx.ConnectTracer.
func (f *faultTracer) TraceConnectStart(ctx context.Context, _ pgx.TraceConnectStartData) context.Context {
	return ctx
}

// TraceConnectEnd implements pgx.ConnectTracer.
func (f *faultTracer) TraceConnectEnd(_ context.Context, d pgx.TraceConnectEndData) { f.record(d.Err) }

// TraceAcquireStart implements pgxpool.AcquireTracer.
func (f *faultTracer) TraceAcquireStart(ctx context.Context, _ *pgxpool.Pool, _ pgxpool.TraceAcquireStartData) context.Context {
	return ctx
}

// TraceAcquireEnd implements pgxpool.AcquireTracer.
func (f *faultTracer) TraceAcquireEnd(_ context.Context, _ *pgxpool.Pool, d pgxpool.TraceAcquireEndData) {
	f.record(d.Err)
}

// The tracer sees every kind of statement a pool runs.
var (
	_ pgx.QueryTracer       = (*faultTracer)(nil)
	_ pgx.BatchTracer       = (*faultTracer)(nil)
	_ pgx.PrepareTracer     = (*faultTracer)(nil)
	_ pgx.CopyFromTracer    = (*faultTracer)(nil)
	_ pgx.ConnectTracer     = (*faultTracer)(nil)
	_ pgxpool.AcquireTracer = (*faultTracer)(nil)
)
