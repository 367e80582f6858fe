//go:build race

package ingest

// raceEnabled reports that the tests run under the race detector, which
// makes reading the whole 86 MB corpus take close to a minute.
const raceEnabled = true
