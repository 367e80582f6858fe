package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
)

// chunkerVersion changes whenever Chunk cuts documents differently, so that
// the next ingest re-chunks documents whose content did not change.
const chunkerVersion = "c1"

// Defaults of Options.SaveTimeout and Options.SaveBytesPerSecond: the
// write of one document, which a cancel does not cut, is given 30 s plus
// a second per 128 KiB of text and vectors (a 20 MB document, about 3 min).
const (
	defaultSaveTimeout        = 30 * time.Second
	defaultSaveBytesPerSecond = 128 << 10
)

// ErrSaveTimeout means a document could not be written within its time
// (Options.SaveTimeout and SaveBytesPerSecond): too large to store, not a
// fault of the moment; nothing of it is stored.
var ErrSaveTimeout = errors.New("document too large to store in time")

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
	// SkipSemantic leaves the semantic model as it is at the end of an
	// ingest that changed something (see semantic.TrainStore); plume serve
	// retrains it in the background when it is stale.
	SkipSemantic bool
	// Guard limits which stored documents the ingest may overwrite; a
	// refused one fails the ingest with store.ErrDuplicate.
	Guard store.SaveGuard
	// SaveTimeout and SaveBytesPerSecond bound the write of one document:
	// SaveTimeout plus a second per SaveBytesPerSecond bytes of its chunks'
	// text and vectors (defaults 30 s and 128 KiB).
	SaveTimeout        time.Duration
	SaveBytesPerSecond int
}

// NewPipeline returns a pipeline storing into st with vectors from embedder.
func NewPipeline(st *store.Store, embedder llm.Embedder, log *slog.Logger, opts Options) *Pipeline {
	if opts.Workers <= 0 {
		opts.Workers = 2
	}
	if opts.Status == "" {
		opts.Status = store.StatusPublished
	}
	if opts.SaveTimeout <= 0 {
		opts.SaveTimeout = defaultSaveTimeout
	}
	if opts.SaveBytesPerSecond <= 0 {
		opts.SaveBytesPerSecond = defaultSaveBytesPerSecond
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{store: st, embedder: embedder, log: log, opts: opts}
}

// job is one document on its way through the pipeline.
type job struct {
	origin string
	doc    Document
	// turn is the job's place in the producer's order, in which the
	// documents are written (turnstile).
	turn int
	// movedFrom, when set, is the stored document that doc is, under
	// another service (see moveJobs): it is updated, not added.
	movedFrom *store.DocKey
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
	// byID lists the stored documents of each source and id, in every
	// service (walking goroutine only); moved holds those a job moves to
	// another service, which prune keeps.
	byID  map[[2]string][]store.DocKey
	moved map[store.DocKey]bool
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
	err = r.process(ctx, func(emit func(job) error) (err error) {
		roots, err = r.walkPaths(ctx, paths, emit)
		return err
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

// walkPaths reads the files under each of paths and emits their
// documents; it returns the paths made absolute, the roots to prune.
func (r *run) walkPaths(ctx context.Context, paths []string, emit func(job) error) ([]string, error) {
	var roots []string
	for _, path := range paths {
		root, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", path, err)
		}
		if _, err := os.Stat(root); err != nil {
			return nil, fmt.Errorf("ingest %s: %w", path, err)
		}
		roots = append(roots, root)
		rd := Reader{Unchanged: r.unchanged}
		err = rd.Walk(ctx, root, func(file string, docs []Document, err error) error {
			return r.walked(file, docs, err, emit)
		})
		if err != nil {
			return nil, err
		}
	}
	return roots, nil
}

// walked counts a file the walk read (its documents, or err), remembers
// it when read whole and clean, and emits its documents.
func (r *run) walked(file string, docs []Document, err error, emit func(job) error) error {
	origin, _ := filepath.Abs(file)
	// A file read with a repair is not remembered: it is read again, and
	// its warning shown again, until it is fixed.
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
		r.p.log.Warn("file skipped", "path", file, "err", err)
	}
	for _, j := range r.moveJobs(file, origin, r.firstGiven(file, origin, docs)) {
		if err := emit(j); err != nil {
			return err
		}
	}
	return nil
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
		failed: map[string]bool{}, files: files, sums: map[string]string{}, moved: map[store.DocKey]bool{}}
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
	turns := newTurnstile()
	var wg sync.WaitGroup
	for range r.p.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				err := r.ingestOne(ctx, j, turns)
				if err == nil {
					err = turns.wait(ctx, j.turn)
				}
				if err != nil {
					cancel(err)
					// Drain so that the producer never blocks.
					for range jobs {
					}
					return
				}
				turns.pass(j.turn)
			}
		}()
	}
	given := 0
	perr := produce(func(j job) error {
		j.turn = given
		given++
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

// ingestOne stores one document unless it is unchanged, in its turn.
func (r *run) ingestOne(ctx context.Context, j job, turns *turnstile) error {
	d := j.doc
	key := d.key()
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
	if exists && r.p.opts.Guard.New {
		return fmt.Errorf("the id %s/%s is taken: %w", d.Source, d.ExternalID, store.ErrDuplicate)
	}
	// An update by id (Guard.ID) may move the document to another
	// service: what its new key holds is another document.
	if exists && r.p.opts.Guard.ID == 0 && state.ContentHash == hash && state.Origin == j.origin {
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
	guard := r.p.opts.Guard
	if j.movedFrom != nil {
		guard.ID = r.states[*j.movedFrom].ID
	}
	// A document whose vectors are ready is written whole even if ctx
	// ends meanwhile: a cancel never leaves a commit whose outcome is
	// unknown, so Report.Stored is exact.
	if err := turns.wait(ctx, j.turn); err != nil {
		return err
	}
	if err := r.p.save(ctx, &sd, rows, guard); err != nil {
		return err
	}
	r.mu.Lock()
	r.report.Stored = append(r.report.Stored, key)
	switch {
	case j.movedFrom != nil:
		r.report.Updated++
		r.noteMove(j)
	case exists:
		r.report.Updated++
	default:
		r.report.Added++
	}
	r.report.Chunks += len(rows)
	r.progress()
	r.mu.Unlock()
	return nil
}

// save writes a document and its chunks whole, as guard allows, even if ctx ends meanwhile,
// within a time that grows with their size; out of time, nothing is
// stored. The error is then ErrSaveTimeout when the document's size gave
// most of that time (too large: splitting it is the cure), and the store's
// own deadline error otherwise (a slow or locked database: worth a retry).
func (p *Pipeline) save(ctx context.Context, d *store.Document, rows []store.Chunk, guard store.SaveGuard) error {
	size := saveSize(rows)
	limit := p.opts.saveLimit(size)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), limit)
	defer cancel()
	err := p.store.SaveDocumentGuarded(sctx, d, rows, guard)
	if err == nil || !errors.Is(sctx.Err(), context.DeadlineExceeded) {
		return err
	}
	if p.opts.sizeShare(size) < p.opts.SaveTimeout {
		return fmt.Errorf("%s/%s: not stored within %s: %w", d.Source, d.ExternalID, limit.Round(time.Second), err)
	}
	return fmt.Errorf("%s/%s: %d chunks, %d bytes, not stored within %s: %w", d.Source, d.ExternalID,
		len(rows), size, limit.Round(time.Second), ErrSaveTimeout)
}

// saveLimit is the time given to write size bytes of chunks.
func (o Options) saveLimit(size int) time.Duration {
	return o.SaveTimeout + o.sizeShare(size)
}

// sizeShare is the part of saveLimit given for the size of the chunks.
func (o Options) sizeShare(size int) time.Duration {
	return time.Duration(float64(size) / float64(o.SaveBytesPerSecond) * float64(time.Second))
}

// saveSize is the bytes of text and vectors a document's chunks write.
func saveSize(rows []store.Chunk) int {
	n := 0
	for _, c := range rows {
		n += len(c.Heading) + len(c.Text) + 4*len(c.Embedding)
	}
	return n
}

// progress reports the running totals; the caller holds r.mu.
func (r *run) progress() {
	if r.p.opts.Progress != nil {
		r.p.opts.Progress(r.report)
	}
}

// finish refreshes the search statistics and retrains the semantic model
// (none under semantic.MinDocuments documents), unless told not to, when
// something changed.
func (r *run) finish(ctx context.Context) (Report, error) {
	if !r.report.Changed() {
		return r.report, nil
	}
	if err := r.p.store.RefreshLexemeStats(ctx); err != nil {
		return r.report, err
	}
	if r.p.opts.SkipSemantic {
		return r.report, nil
	}
	trained, err := semantic.TrainStore(ctx, r.p.store)
	if err != nil {
		return r.report, err
	}
	r.report.Semantic = trained.Stored.Documents
	return r.report, nil
}
