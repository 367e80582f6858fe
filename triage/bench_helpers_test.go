package triage

import (
	"sort"
	"time"
)

func nanotime() time.Time { return time.Now() }

// since returns the microseconds elapsed since start.
func since(start time.Time) float64 { return float64(time.Since(start).Nanoseconds()) / 1000 }

func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}
