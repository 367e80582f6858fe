package ingest

import (
	"fmt"
	"time"

	"github.com/plume-sp/plume/store"
)

// FileError is a file that could not be ingested, and why.
type FileError struct {
	Path string
	Err  error
}

// Report counts what an ingest did.
type Report struct {
	Files     int
	Documents int
	Added     int
	Updated   int
	Unchanged int
	Pruned    int
	Chunks    int
	// Stored lists the documents added or updated, in the order they were
	// written: after an error, exactly those that were.
	Stored []store.DocKey
	Failed []FileError
	// Warnings are files ingested with a repair (e.g. bytes that are not
	// UTF-8), one entry per file and warning.
	Warnings []FileError
	// Duplicates are documents skipped because an earlier file, in walk
	// order, gave the same one (same source and id): the first file wins,
	// so that re-ingesting rewrites neither.
	Duplicates []FileError
	// Moved are documents a file gave under another service than the
	// one it gave them under before: each was moved, keeping its id,
	// rather than stored twice (see moveJobs).
	Moved []FileError
	// Semantic is the number of documents the semantic model was trained
	// on at the end of the ingest (0: none, too few documents).
	Semantic int
	Took     time.Duration
}

// Changed reports whether the ingest changed the knowledge base.
func (r Report) Changed() bool { return r.Added+r.Updated+r.Pruned > 0 }

// String is the summary line printed at the end of an ingest.
func (r Report) String() string {
	s := fmt.Sprintf("%d files, %d documents: %d added, %d updated, %d unchanged, %d pruned; %d chunks written; %d files failed; %s",
		r.Files, r.Documents, r.Added, r.Updated, r.Unchanged, r.Pruned, r.Chunks, len(r.Failed), r.Took.Round(time.Millisecond))
	if len(r.Warnings) > 0 {
		s += fmt.Sprintf("; %d files with warnings", len(r.Warnings))
	}
	if len(r.Duplicates) > 0 {
		s += fmt.Sprintf("; %d duplicates skipped", len(r.Duplicates))
	}
	if len(r.Moved) > 0 {
		s += fmt.Sprintf("; %d moved to another service", len(r.Moved))
	}
	if !r.Changed() && len(r.Failed) == 0 {
		s += " (nothing changed)"
	}
	return s
}
