//go:build unix

package redact

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time of the process so far, or
// false when the system does not tell.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
