package rag

import (
	"context"
	"strings"
	"time"

	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/telemetry"
	"github.com/plume-sp/plume/triage"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
	"golang.org/x/sync/errgroup"
)

// A draft goes through stages, in order: validate (Validate, which makes
// the ValidRequest the others start from), redact, triage and search (at
// once: each may wait for the chat model, the second opinion and the
// query rewrite, and neither reads the other's result), answers (then answer_check, the model's check of them, when configured),
// prompt and model (or the extractive fallback), checks, restore, store.
// Each stage is a method that reads the run so far and returns its own
// result, which draft records in the run; the timer records each stage
// (write, for its prompt and model stages). Only the redact stage
// and the triage stage (locally, in package triage) read the request's
// texts: every other stage sees the redacted ones.

// run is one draft on its way through the stages.
type run struct {
	req       Request // validated
	timer     *timer
	red       redacted
	attention triage.Assessment
	found     retrieval
	answers   []ValidatedAnswer
	// example is the best active validated answer, given to the model as
	// an example of tone and structure only.
	example redact.Text
	opening opening
	written written
	checked checked
	// restored is the checked draft with the values put back.
	restored string
}

// draft runs the stages of one draft, from a request Validate returned.
func (d *Drafter) draft(ctx context.Context, req Request, onEvent func(StreamEvent) error) (Draft, error) {
	r := run{req: req, timer: newTimer(ctx)}
	var err error
	if r.red, err = d.redact(ctx, req); err != nil {
		return Draft{}, err
	}
	r.timer.stage("redact")
	if r.attention, r.found, err = d.triageAndSearch(ctx, r); err != nil {
		return Draft{}, err
	}
	r.answers, r.example = d.answers(ctx, r)
	r.opening = d.opening(r)
	stream, err := startStream(d, r, onEvent)
	if err != nil {
		return Draft{}, err
	}
	if r.written, err = d.write(ctx, r, stream); err != nil {
		return Draft{}, err
	}
	r.checked = d.check(r)
	r.timer.stage("checks")
	r.restored = d.restore(r)
	r.timer.stage("restore")
	stored, err := d.save(ctx, r)
	if err != nil {
		return Draft{}, err
	}
	r.timer.stage("store")
	if stream != nil {
		// The draft is stored: a client gone by now misses the end of
		// the stream, not the draft.
		if err := stream.show(r.restored); err != nil {
			d.log.Info("stream ended before the draft was shown", "draft_id", stored.ID, "err", err)
		}
	}
	return d.result(r, stored), nil
}

// triageAndSearch runs the triage and search stages at once, each timed
// on its own, with the chat model's waits inside them (second_opinion,
// rewrite) kept out of plume's own time. A failed search cancels the
// second opinion: the draft fails with the search's error.
func (d *Drafter) triageAndSearch(ctx context.Context, r run) (triage.Assessment, retrieval, error) {
	var a triage.Assessment
	var found retrieval
	var waited time.Duration
	var triaged, searched time.Time
	g, gctx := errgroup.WithContext(ctx)
	goSafe(g, func() error {
		a, waited = d.assess(gctx, r.req.Question, r.req.AgentNote, r.red)
		triaged = time.Now()
		return nil
	})
	goSafe(g, func() error {
		var err error
		found, err = d.search(gctx, r)
		searched = time.Now()
		return err
	})
	if err := g.Wait(); err != nil {
		return triage.Assessment{}, retrieval{}, err
	}
	r.timer.together(map[string]time.Time{"triage": triaged, "search": searched},
		map[string]time.Duration{"second_opinion": waited, "rewrite": found.results.RewriteTook})
	return a, found, nil
}

// warnings are every warning of the run, in the order the stages gave them.
func (r run) warnings() []Warning {
	out := make([]Warning, 0, 1+len(r.found.warnings)+len(r.written.warnings)+len(r.checked.warnings))
	if r.attention.SecondOpinion == triage.OpinionFailed {
		out = append(out, Warning{Code: WarnSecondOpinionFailed, Severity: "info",
			Message: "Le second avis du modèle sur le tri n'a pas abouti : le niveau est celui du tri local seul."})
	}
	out = append(out, r.found.warnings...)
	out = append(out, r.written.warnings...)
	return append(out, r.checked.warnings...)
}

// result is the draft as the agent gets it, logged without its text.
func (d *Drafter) result(r run, stored store.Draft) Draft {
	out := Draft{ID: stored.ID, Channel: r.req.Channel, Draft: r.restored, Citations: r.checked.citations,
		Warnings: r.warnings(), Redactions: r.red.redactions, Extractive: r.written.extractive, Reliable: r.found.reliable,
		Model: r.written.model, PromptVersion: r.written.promptVersion, Timings: r.timer.finish(), Tokens: r.written.tokens,
		CreatedAt: stored.CreatedAt, Attention: r.attention, ValidatedAnswers: r.answers}
	d.log.Info("draft written", "draft_id", out.ID, "channel", out.Channel, "extractive", out.Extractive,
		"reliable", out.Reliable, "attention", out.Attention.Level, "reasons", strings.Join(out.Attention.Codes(), ","),
		"sources", len(out.Citations), "warnings", strings.Join(stored.Warnings, ","),
		"redactions", len(out.Redactions), "total_ms", out.Timings["total_ms"], "model_ms", out.Timings["model_ms"])
	return out
}

// timer records how long each stage of a draft takes, in milliseconds,
// and makes each stage a span ("draft.redact", "draft.search"…) of ctx's
// trace, over the same interval; the spans carry no attribute. A stage
// lasts from the end of the one before.
type timer struct {
	ctx         context.Context
	start, last time.Time
	ms          map[string]float64
	// waited is the time stages run together spent waiting for the chat
	// model (together), taken out of plume's own time.
	waited time.Duration
}

func newTimer(ctx context.Context) *timer {
	now := time.Now()
	return &timer{ctx: ctx, start: now, last: now, ms: map[string]float64{}}
}

// stage ends the stage name.
func (t *timer) stage(name string) {
	now := time.Now()
	t.ms[name+"_ms"] += ms(now.Sub(t.last))
	_, span := otel.Tracer(telemetry.TracerName).Start(t.ctx, "draft."+name, trace.WithTimestamp(t.last))
	span.End(trace.WithTimestamp(now))
	t.last = now
}

// together ends stages that ran at once from the end of the one before,
// each at its own time (ends), and records the model's waits inside them:
// the longest of them, within the stages' time, is the model's share.
func (t *timer) together(ends map[string]time.Time, waits map[string]time.Duration) {
	last := t.last
	for name, end := range ends {
		t.ms[name+"_ms"] += ms(end.Sub(t.last))
		_, span := otel.Tracer(telemetry.TracerName).Start(t.ctx, "draft."+name, trace.WithTimestamp(t.last))
		span.End(trace.WithTimestamp(end))
		last = maxTime(last, end)
	}
	var longest time.Duration
	for name, d := range waits {
		if d > 0 {
			t.ms[name+"_ms"] += ms(d)
			longest = max(longest, d)
		}
	}
	t.waited += min(longest, last.Sub(t.last))
	t.last = last
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// maxTime is the later of a and b.
func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// finish returns the timings so far, with the total and plume's share of
// it (all but the model's: the draft's, the answer check's, and the
// second opinion's and the rewrite's while the triage and the search ran).
func (t *timer) finish() map[string]float64 {
	total := ms(time.Since(t.start))
	t.ms["total_ms"] = total
	t.ms["plume_ms"] = total - t.ms["model_ms"] - t.ms["answer_check_ms"] - ms(t.waited)
	return t.ms
}
