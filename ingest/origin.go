package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/plume-sp/plume/store"
)

// fileVersion is what, besides a file's content, decides its chunks.
func (r *run) fileVersion() string { return chunkerVersion + "/" + r.p.embedder.Model() }

// unchanged reports whether the file at path was ingested whole before,
// with the same content, chunker and model, and its documents are all still
// stored; their documents then count as seen and unchanged.
func (r *run) unchanged(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	known, ok := r.files[abs]
	if !ok || known.Version != r.fileVersion() {
		return false
	}
	sum, err := fileSHA256(abs)
	if err != nil {
		return false
	}
	r.sums[abs] = sum
	if sum != known.SHA256 {
		return false
	}
	if r.byOrigin == nil {
		r.byOrigin = map[string][]store.DocKey{}
		for k, st := range r.states {
			r.byOrigin[st.Origin] = append(r.byOrigin[st.Origin], k)
		}
	}
	keys := r.byOrigin[abs]
	if len(keys) != known.Documents {
		return false
	}
	r.mu.Lock()
	for _, k := range keys {
		r.seen[k] = true
		r.claims[k] = abs
	}
	r.report.Documents += len(keys)
	r.report.Unchanged += len(keys)
	r.mu.Unlock()
	return true
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// remember notes a file read whole, to be recorded if the ingest succeeds.
func (r *run) remember(origin string, docs []Document) {
	sum, ok := r.sums[origin]
	if !ok {
		var err error
		if sum, err = fileSHA256(origin); err != nil {
			return
		}
	}
	keys := map[store.DocKey]bool{}
	for _, d := range docs {
		keys[d.key()] = true
	}
	r.read = append(r.read, store.IngestedFile{Path: origin, SHA256: sum, Version: r.fileVersion(), Documents: len(keys)})
}

// firstGiven returns the documents of file (at origin) that no earlier file
// of this ingest gave, recording the others as duplicates and the
// documents' warnings in the report.
func (r *run) firstGiven(file, origin string, docs []Document) []Document {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := docs[:0:0]
	warned := map[string]bool{}
	for _, d := range docs {
		for _, w := range d.Warnings {
			if !warned[w] {
				warned[w] = true
				r.report.Warnings = append(r.report.Warnings, FileError{Path: file, Err: errors.New(w)})
				r.p.log.Warn("file read with a repair", "path", file, "warning", w)
			}
		}
		key := d.key()
		if other, ok := r.claims[key]; ok && other != origin {
			r.report.Duplicates = append(r.report.Duplicates, FileError{Path: file,
				Err: fmt.Errorf("document %s/%s already given by %s: skipped", d.Source, d.ExternalID, other)})
			r.p.log.Warn("document given by two files, the first one wins", "source", d.Source, "id", d.ExternalID,
				"path", file, "first", other)
			continue
		}
		r.claims[key] = origin
		out = append(out, d)
	}
	return out
}

// prune deletes documents whose origin lies under one of roots and that this
// ingest did not see, except those of files that failed to read and those
// it moved to another service (the document is the moved one).
func (r *run) prune(ctx context.Context, roots []string) error {
	var ids []int64
	for key, st := range r.states {
		if r.seen[key] || r.moved[key] || r.failed[st.Origin] || !underAny(st.Origin, roots) {
			continue
		}
		ids = append(ids, st.ID)
	}
	if len(ids) == 0 {
		return nil
	}
	n, err := r.p.store.DeleteDocuments(ctx, ids)
	if err != nil {
		return fmt.Errorf("prune: %w", err)
	}
	r.report.Pruned = int(n)
	return nil
}

func underAny(path string, roots []string) bool {
	for _, root := range roots {
		if path == root || strings.HasPrefix(path, root+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
