package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// chunkerVersion changes whenever Chunk cuts documents differently, so that
// the next ingest re-chunks documents whose content did not change.
const chunkerVersion = "c1"

// saveTimeout bounds the write of one document, which a cancel does not cut.
const saveTimeout = 30 * time.Second

// ErrModelMismatch means the knowledge base is embedded with another model
// than the configured one: a re-embed must be planned, never mixed in.
var ErrModelMismatch = errors.New("embedding model mismatch")

// Pipeline reads guidance, chunks and embeds what changed and stores it.
type Pipeline struct {
	store    *store.Store
	embedder llm.Embedder
	log      *slog.Logger
	opts     Options
}

// Options tunes a pipeline. The zero value gives the defaults.
type Options struct {
	// Prune deletes documents that came from the ingested paths but are no
	// longer there. Documents of files that failed to read are kept.
	Prune bool
	// Status is given to new documents (default published).
	Status store.Status
	// Chunk sets chunk sizes.
	Chunk ChunkOptions
	// Workers is the number of documents chunked and embedded at once
	// (default 2).
	Workers int
	// Progress, when set, is called after each document with the running
	// totals; the command line draws its progress line with it.
	Progress func(Report)
}

// NewPipeline returns a pipeline storing into st with vectors from embedder.
func NewPipeline(st *store.Store, embedder llm.Embedder, log *slog.Logger, opts Options) *Pipeline {
	if opts.Workers <= 0 {
		opts.Workers = 2
	}
	if opts.Status == "" {
		opts.Status = store.StatusPublished
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{store: st, embedder: embedder, log: log, opts: opts}
}

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
	Took       time.Duration
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
	if !r.Changed() && len(r.Failed) == 0 {
		s += " (nothing changed)"
	}
	return s
}

// job is one document on its way through the pipeline.
type job struct {
	origin string
	doc    Document
}

// run is the state of one ingest.
type run struct {
	p      *Pipeline
	states map[store.DocKey]store.DocState
	// bulk is set when the knowledge base held no vector of the model:
	// its index is then dropped and built once at the end.
	bulk   bool
	mu     sync.Mutex
	report Report
	seen   map[store.DocKey]bool
	// claims maps each document read from a file to that file (its
	// origin): a later file giving the same document is a duplicate.
	claims map[store.DocKey]string
	// failed holds origins whose reading failed: their documents are not
	// pruned.
	failed map[string]bool
	// files are the files known to have been ingested whole; read are
	// those read whole this time, remembered if the ingest succeeds.
	files map[string]store.IngestedFile
	read  []store.IngestedFile
	// byOrigin lists the stored documents of each origin; sums holds the
	// hashes unchanged computed, so that a changed file is hashed once.
	// Both are used by the walking goroutine only.
	byOrigin map[string][]store.DocKey
	sums     map[string]string
}

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

// IngestPaths ingests files and folders (recursively), and zip archives.
// One bad file is reported in Report.Failed and skipped; the rest lands. The
// error is for what stops the whole ingest (database, embedder, ctx).
func (p *Pipeline) IngestPaths(ctx context.Context, paths []string) (rep Report, err error) {
	start := time.Now()
	r, err := p.begin(ctx)
	if err != nil {
		return Report{}, err
	}
	defer r.end(ctx, start, &rep, &err)
	var roots []string
	err = r.process(ctx, func(emit func(job) error) error {
		for _, path := range paths {
			root, err := filepath.Abs(path)
			if err != nil {
				return fmt.Errorf("resolve %s: %w", path, err)
			}
			if _, err := os.Stat(root); err != nil {
				return fmt.Errorf("ingest %s: %w", path, err)
			}
			roots = append(roots, root)
			rd := Reader{Unchanged: r.unchanged}
			err = rd.Walk(ctx, root, func(file string, docs []Document, err error) error {
				origin, _ := filepath.Abs(file)
				// A file read with a repair is not remembered: it is read
				// again, and its warning shown again, until it is fixed.
				if err == nil && !slices.ContainsFunc(docs, func(d Document) bool { return len(d.Warnings) > 0 }) {
					r.remember(origin, docs)
				}
				r.mu.Lock()
				r.report.Files++
				if errors.Is(err, ErrUnchanged) {
					r.mu.Unlock()
					return nil
				}
				if err != nil {
					r.report.Failed = append(r.report.Failed, FileError{Path: file, Err: err})
					r.failed[origin] = true
				}
				r.mu.Unlock()
				if err != nil {
					p.log.Warn("file skipped", "path", file, "err", err)
				}
				for _, d := range r.firstGiven(file, origin, docs) {
					if err := emit(job{origin: origin, doc: d}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return r.report, err
	}
	if p.opts.Prune {
		if err := r.prune(ctx, roots); err != nil {
			return r.report, err
		}
	}
	if err := p.store.RememberFiles(ctx, r.read); err != nil {
		return r.report, err
	}
	return r.finish(ctx)
}

// IngestDocuments stores documents that did not come from files (an upload,
// a JSON document posted to the API) under the given origin.
func (p *Pipeline) IngestDocuments(ctx context.Context, origin string, docs []Document) (rep Report, err error) {
	start := time.Now()
	r, err := p.begin(ctx)
	if err != nil {
		return Report{}, err
	}
	defer r.end(ctx, start, &rep, &err)
	err = r.process(ctx, func(emit func(job) error) error {
		for _, d := range docs {
			if err := emit(job{origin: origin, doc: d}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return r.report, err
	}
	return r.finish(ctx)
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
		keys[store.DocKey{Source: d.Source, ExternalID: d.ExternalID}] = true
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
		key := store.DocKey{Source: d.Source, ExternalID: d.ExternalID}
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

// begin checks the embedder against the store and loads document states.
// The caller must call end.
func (p *Pipeline) begin(ctx context.Context) (*run, error) {
	if err := CheckEmbedModel(ctx, p.store, p.embedder); err != nil {
		return nil, err
	}
	states, err := p.store.DocumentStates(ctx)
	if err != nil {
		return nil, err
	}
	files, err := p.store.IngestedFiles(ctx)
	if err != nil {
		return nil, err
	}
	r := &run{p: p, states: states, seen: map[store.DocKey]bool{}, claims: map[store.DocKey]string{},
		failed: map[string]bool{}, files: files, sums: map[string]string{}}
	inUse, err := p.store.ModelsInUse(ctx)
	if err != nil {
		return nil, err
	}
	r.bulk = !inUse[p.embedder.Model()]
	if r.bulk {
		if err := p.store.DropEmbedIndex(ctx, p.embedder.Model()); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// end rebuilds the vector index after a bulk load, whether it succeeded or
// not, and times the whole ingest.
func (r *run) end(ctx context.Context, start time.Time, rep *Report, err *error) {
	if r.bulk {
		berr := r.p.store.BuildEmbedIndex(context.WithoutCancel(ctx), r.p.embedder.Model())
		if berr != nil && *err == nil {
			*err = berr
		}
	}
	rep.Took = time.Since(start)
}

// CheckEmbedModel makes sure the knowledge base holds no vectors from a model
// other than the embedder's, and registers the embedder's model.
func CheckEmbedModel(ctx context.Context, st *store.Store, embedder llm.Embedder) error {
	inUse, err := st.ModelsInUse(ctx)
	if err != nil {
		return err
	}
	for model := range inUse {
		if model != embedder.Model() {
			return fmt.Errorf("the knowledge base is embedded with %s and plume is configured with %s: run \"plume reembed\" first: %w",
				model, embedder.Model(), ErrModelMismatch)
		}
	}
	return st.EnsureEmbedModel(ctx, embedder.Model(), embedder.Dim())
}

// process feeds the jobs produced by produce through chunking and embedding
// workers into the store.
func (r *run) process(ctx context.Context, produce func(emit func(job) error) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan job, 64)
	var wg sync.WaitGroup
	for range r.p.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := r.ingestOne(ctx, j); err != nil {
					cancel(err)
					// Drain so that the producer never blocks.
					for range jobs {
					}
					return
				}
			}
		}()
	}
	perr := produce(func(j job) error {
		select {
		case jobs <- j:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	})
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return err
	}
	return perr
}

// ingestOne stores one document unless it is unchanged.
func (r *run) ingestOne(ctx context.Context, j job) error {
	d := j.doc
	key := store.DocKey{Source: d.Source, ExternalID: d.ExternalID}
	hash := d.ContentHash() + ":" + chunkerVersion
	r.mu.Lock()
	r.report.Documents++
	dup := r.seen[key]
	r.seen[key] = true
	state, exists := r.states[key]
	r.mu.Unlock()
	if dup {
		r.p.log.Warn("document given twice, the last one wins", "source", d.Source, "id", d.ExternalID)
	}
	if exists && state.ContentHash == hash && state.Origin == j.origin {
		r.mu.Lock()
		r.report.Unchanged++
		r.progress()
		r.mu.Unlock()
		return nil
	}
	chunks := Chunk(d, r.p.opts.Chunk)
	texts := make([]llm.Text, len(chunks))
	for i, c := range chunks {
		texts[i] = EmbeddingText(d.Title, c.Heading, c.Text)
	}
	vecs, err := r.p.embedder.Embed(ctx, texts)
	if err != nil {
		return fmt.Errorf("embed %s/%s: %w", d.Source, d.ExternalID, err)
	}
	rows := make([]store.Chunk, len(chunks))
	for i, c := range chunks {
		rows[i] = store.Chunk{Ordinal: c.Ordinal, Heading: strings.Join(c.Heading, headingSeparator), Text: c.Text,
			Embedding: vecs[i], EmbedModel: r.p.embedder.Model()}
	}
	sd := toStoreDocument(d, hash, j.origin, r.p.opts.Status)
	// A document whose vectors are ready is written whole even if ctx
	// ends meanwhile: a cancel never leaves a commit whose outcome is
	// unknown, so Report.Stored is exact.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), saveTimeout)
	defer cancel()
	if err := r.p.store.SaveDocument(sctx, &sd, rows); err != nil {
		return err
	}
	r.mu.Lock()
	r.report.Stored = append(r.report.Stored, key)
	if exists {
		r.report.Updated++
	} else {
		r.report.Added++
	}
	r.report.Chunks += len(rows)
	r.progress()
	r.mu.Unlock()
	return nil
}

// progress reports the running totals; the caller holds r.mu.
func (r *run) progress() {
	if r.p.opts.Progress != nil {
		r.p.opts.Progress(r.report)
	}
}

// EmbeddingText is the text embedded for a chunk of an official document
// (never a user's text, hence llm.Official): the document title and
// the heading path give the passage its context.
func EmbeddingText(title string, heading []string, text string) llm.Text {
	var b strings.Builder
	b.WriteString(title)
	for _, h := range heading {
		b.WriteString("\n")
		b.WriteString(h)
	}
	b.WriteString("\n")
	b.WriteString(text)
	return llm.Official(b.String())
}

// headingSeparator joins a chunk's heading path in the store.
const headingSeparator = " > "

func toStoreDocument(d Document, hash, origin string, status store.Status) store.Document {
	sd := store.Document{
		Source: d.Source, ExternalID: d.ExternalID, Title: d.Title, Description: d.Description, URL: d.URL,
		Audience: d.Audience, Service: d.Service, Tags: d.Tags, Breadcrumb: d.Breadcrumb, Status: status,
		ContentHash: hash, Origin: origin,
	}
	if !d.UpdatedAt.IsZero() {
		t := d.UpdatedAt
		sd.UpdatedAt = &t
	}
	return sd
}

// prune deletes documents whose origin lies under one of roots and that this
// ingest did not see, except those of files that failed to read.
func (r *run) prune(ctx context.Context, roots []string) error {
	var ids []int64
	for key, st := range r.states {
		if r.seen[key] || r.failed[st.Origin] || !underAny(st.Origin, roots) {
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

// finish refreshes the search statistics when something changed.
func (r *run) finish(ctx context.Context) (Report, error) {
	if r.report.Changed() {
		if err := r.p.store.RefreshLexemeStats(ctx); err != nil {
			return r.report, err
		}
	}
	return r.report, nil
}
