//go:build !unix

package redact

import "time"

// cpuTime returns false: the CPU time of the process is only read on Unix.
func cpuTime() (time.Duration, bool) { return 0, false }
