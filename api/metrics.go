package api

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// metrics is a small registry of counters and histograms written in the
// Prometheus text format. Every name starts with plume_.
type metrics struct {
	mu       sync.Mutex
	families []*family
}

type kind int

const (
	counterKind kind = iota
	histogramKind
)

// family is one metric name with its labels and series.
type family struct {
	name, help string
	kind       kind
	labels     []string
	buckets    []float64
	series     map[string]*series
}

type series struct {
	values []string
	count  float64 // counter value, or number of observations
	sum    float64
	counts []float64 // per bucket, not cumulative
}

// defaultBuckets are latency buckets in seconds.
var defaultBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

func (m *metrics) add(f *family) *family {
	f.series = map[string]*series{}
	m.families = append(m.families, f)
	return f
}

func (m *metrics) counter(name, help string, labels ...string) *family {
	return m.add(&family{name: name, help: help, kind: counterKind, labels: labels})
}

func (m *metrics) histogram(name, help string, buckets []float64, labels ...string) *family {
	return m.add(&family{name: name, help: help, kind: histogramKind, labels: labels, buckets: buckets})
}

func (m *metrics) get(f *family, values []string) *series {
	if len(values) != len(f.labels) {
		panic(fmt.Sprintf("metric %s: %d label values for %d labels", f.name, len(values), len(f.labels)))
	}
	key := strings.Join(values, "\xff")
	s := f.series[key]
	if s == nil {
		s = &series{values: append([]string(nil), values...), counts: make([]float64, len(f.buckets))}
		f.series[key] = s
	}
	return s
}

// inc adds v to a counter.
func (m *metrics) inc(f *family, v float64, values ...string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.get(f, values).count += v
}

// observe records v in a histogram.
func (m *metrics) observe(f *family, v float64, values ...string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.get(f, values)
	s.count++
	s.sum += v
	for i, b := range f.buckets {
		if v <= b {
			s.counts[i]++
			break
		}
	}
}

// write prints every metric in the Prometheus text exposition format.
func (m *metrics) write(w io.Writer) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	for _, f := range m.families {
		typ := "counter"
		if f.kind == histogramKind {
			typ = "histogram"
		}
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", f.name, f.help, f.name, typ)
		keys := make([]string, 0, len(f.series))
		for k := range f.series {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s := f.series[k]
			if f.kind == counterKind {
				fmt.Fprintf(&b, "%s%s %s\n", f.name, labelText(f.labels, s.values, "", ""), formatFloat(s.count))
				continue
			}
			cum := 0.0
			for i, le := range f.buckets {
				cum += s.counts[i]
				fmt.Fprintf(&b, "%s_bucket%s %s\n", f.name, labelText(f.labels, s.values, "le", formatFloat(le)), formatFloat(cum))
			}
			fmt.Fprintf(&b, "%s_bucket%s %s\n", f.name, labelText(f.labels, s.values, "le", "+Inf"), formatFloat(s.count))
			fmt.Fprintf(&b, "%s_sum%s %s\n", f.name, labelText(f.labels, s.values, "", ""), formatFloat(s.sum))
			fmt.Fprintf(&b, "%s_count%s %s\n", f.name, labelText(f.labels, s.values, "", ""), formatFloat(s.count))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func labelText(names, values []string, extraName, extraValue string) string {
	if len(names) == 0 && extraName == "" {
		return ""
	}
	parts := make([]string, 0, len(names)+1)
	for i, n := range names {
		parts = append(parts, n+`="`+escapeLabel(values[i])+`"`)
	}
	if extraName != "" {
		parts = append(parts, extraName+`="`+extraValue+`"`)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
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

func newServerMetrics() *serverMetrics {
	reg := &metrics{}
	return &serverMetrics{
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
}
