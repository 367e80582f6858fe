package main

import (
	"math"
	"sort"
)

// summary is a run's figures, as -json prints them.
type summary struct {
	Requests        int      `json:"requests"`
	Errors          int      `json:"errors"`
	TransportErrors int      `json:"transport_errors"`
	FailedOver      int      `json:"failed_over"`
	DraftsPerSecond float64  `json:"drafts_per_second"`
	LatencyP95MS    float64  `json:"latency_p95_ms"`
	PlumeP50MS      float64  `json:"plume_p50_ms"`
	PlumeP95MS      float64  `json:"plume_p95_ms"`
	FirstErrors     []string `json:"first_errors"`
}

func (r *loadResult) summary() summary {
	sort.Float64s(r.Latency)
	sort.Float64s(r.PlumeMS)
	s := summary{Requests: r.Requests, Errors: r.Errors, TransportErrors: r.TransportErrors, FailedOver: r.FailedOver,
		LatencyP95MS: finite(percentile(r.Latency, 95)), PlumeP50MS: finite(percentile(r.PlumeMS, 50)),
		PlumeP95MS:  finite(percentile(r.PlumeMS, 95)),
		FirstErrors: r.FirstErrors}
	if r.Took > 0 {
		s.DraftsPerSecond = float64(r.Requests) / r.Took.Seconds()
	}
	return s
}

// finite is v, or 0 for the NaN of no values (JSON has no NaN).
func finite(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}
