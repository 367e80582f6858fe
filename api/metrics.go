package api

import (
	"github.com/IBM/pgxpoolprometheus"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/plume-sp/plume/redact"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics is the server's Prometheus registry (client_golang): plume's own
// counters and histograms, every name starting with plume_, next to the Go
// runtime's (go_), the process's (process_) and the database pool's
// (pgxpool_). Each server has its own registry, so that tests may run
// several.
type metrics struct {
	reg *prometheus.Registry
}

// family is one metric of plume's: a counter or a histogram, with labels.
type family struct {
	counter   *prometheus.CounterVec
	histogram *prometheus.HistogramVec
}

// defaultBuckets are latency buckets in seconds.
var defaultBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

func (m *metrics) counter(name, help string, labels ...string) *family {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	m.reg.MustRegister(c)
	return &family{counter: c}
}

func (m *metrics) histogram(name, help string, buckets []float64, labels ...string) *family {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets}, labels)
	m.reg.MustRegister(h)
	return &family{histogram: h}
}

// inc adds v to a counter.
func (m *metrics) inc(f *family, v float64, values ...string) {
	f.counter.WithLabelValues(values...).Add(v)
}

// observe records v in a histogram.
func (m *metrics) observe(f *family, v float64, values ...string) {
	f.histogram.WithLabelValues(values...).Observe(v)
}

// serverMetrics are the metrics plume serve exposes.
type serverMetrics struct {
	reg         *metrics
	requests    *family
	stages      *family
	drafts      *family
	tokens      *family
	modelErrors *family
	redactions  *family
	search      *family
	rateLimited *family
}

// newServerMetrics registers plume's metrics, the runtime's and the
// process's, and the pool's when pool is not nil.
func newServerMetrics(pool *pgxpool.Pool) *serverMetrics {
	reg := &metrics{reg: prometheus.NewRegistry()}
	reg.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if pool != nil {
		reg.reg.MustRegister(pgxpoolprometheus.NewCollector(pool, nil))
	}
	m := &serverMetrics{
		reg: reg,
		requests: reg.histogram("plume_http_request_duration_seconds", "Latency of HTTP requests by route, method and status.",
			defaultBuckets, "route", "method", "status"),
		stages: reg.histogram("plume_draft_stage_duration_seconds", "Time spent in each stage of a draft.",
			defaultBuckets, "stage"),
		drafts:      reg.counter("plume_drafts_total", "Drafts written, by channel and kind (model or extractive).", "channel", "kind"),
		tokens:      reg.counter("plume_model_tokens_total", "Model tokens used by drafts, by kind (prompt, completion).", "kind"),
		modelErrors: reg.counter("plume_model_errors_total", "Drafts whose model call failed or was discarded, by warning.", "reason"),
		redactions:  reg.counter("plume_redactions_total", "Personal values masked, by type.", "type"),
		search: reg.histogram("plume_search_duration_seconds", "Latency of knowledge-base searches, by caller.",
			defaultBuckets, "caller"),
		rateLimited: reg.counter("plume_rate_limited_total", "Requests refused by the per-key rate limit."),
	}
	// Known label values start at zero, so that a rate over them exists
	// before the first event.
	for _, t := range redact.Types() {
		m.redactions.counter.WithLabelValues(string(t))
	}
	for _, k := range []string{"prompt", "completion"} {
		m.tokens.counter.WithLabelValues(k)
	}
	m.rateLimited.counter.WithLabelValues()
	return m
}
