package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// chunkCache keeps the chunk index (chunkIndex) of one version of the
// vectors (corpus_version.vectors, which every change to the documents
// moves too), read in the background: a search checks the vectors
// version and ranks chunks in memory when the index is of that version,
// in the database otherwise. As for the document cache, each process (replicas
// share the database) checks the version on every search, so that a
// change made by any of them is seen by the next search of all, and a
// new index is read only once two searches in a row have seen the same
// version, so that searches during an ingest do not reread the corpus at
// every document.
type chunkCache struct {
	mu    sync.Mutex
	index *chunkIndex
	// seen is the version the last search read; loading is true while
	// a search's background reading is under way; tooLarge is the
	// version whose index was over maxIndexedPositions; reads counts the
	// readings made.
	seen     int64
	loading  bool
	tooLarge int64
	reads    int
	bg       background
	// loads makes the readings of one version asked for at the same time
	// (LoadChunkIndex, a search's background reading) share one.
	loads singleflight.Group
}

// newChunkCache returns an empty cache.
func newChunkCache() *chunkCache {
	c := &chunkCache{}
	c.bg.init()
	return c
}

// close stops a reading under way and waits for it; none starts after.
func (c *chunkCache) close() { c.bg.close(&c.mu) }

// current returns the index of version, or nil; start is true when the
// caller must read the index (see chunkCache), which then counts as
// under way.
func (c *chunkCache) current(version int64) (x *chunkIndex, start bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index != nil && c.index.version == version {
		return c.index, false
	}
	start = c.seen == version && !c.loading && c.tooLarge != version && c.bg.begin()
	c.loading = c.loading || start
	c.seen = version
	return nil, start
}

// at returns the index if it is of version, nil otherwise; unlike
// current, it never asks for a reading.
func (c *chunkCache) at(version int64) *chunkIndex {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index == nil || c.index.version != version {
		return nil
	}
	return c.index
}

// latest returns the index last read, of whichever version (nil: none).
func (c *chunkCache) latest() *chunkIndex {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.index
}

// fresh returns the index if it is of the version the last search read,
// nil otherwise (the corpus changed since, and may be changing still).
func (c *chunkCache) fresh() *chunkIndex {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index == nil || c.index.version != c.seen {
		return nil
	}
	return c.index
}

// begin counts a reading as under way (background.begin), unless the
// cache is closed.
func (c *chunkCache) begin() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bg.begin()
}

// done ends a search's background reading.
func (c *chunkCache) done() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loading = false
}

// held reports whether a reading at version would be in vain: the index
// of version is held, or it was over maxIndexedPositions.
func (c *chunkCache) held(version int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.index != nil && c.index.version == version || c.tooLarge == version
}

// keep records a reading: x, when read, replaces an older index; a
// corpus over maxIndexedPositions is remembered at the version read,
// which may be newer than the one asked for.
func (c *chunkCache) keep(x *chunkIndex, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads++
	if tooLarge, ok := errors.AsType[*indexTooLargeError](err); ok {
		c.tooLarge = tooLarge.version
	}
	if x != nil && (c.index == nil || x.version > c.index.version) {
		c.index = x
	}
}

// errCacheClosed is what a reading asked for once the store closed returns.
var errCacheClosed = errors.New("chunk index: the store is closed")

// chunkLoadTimeout bounds a reading of the chunk index, which no single
// caller's cancellation stops (see read).
const chunkLoadTimeout = 5 * time.Minute

// read reads and keeps the chunk index of version with load, unless the
// cache holds it. The callers that ask for one version at the same time
// share one reading, as those of the documents do (loadDocInfoOnce), so
// that the corpus is read once. The reading runs detached from their
// cancellation, since the others wait for it, but ends with the cache
// (close, which waits for it) or after chunkLoadTimeout; each caller stops
// waiting when its own ctx ends. Once the cache is closed, none is made
// (errCacheClosed).
func (c *chunkCache) read(ctx context.Context, version int64, load func(context.Context) (*chunkIndex, error)) error {
	shared := c.loads.DoChan(strconv.FormatInt(version, 10), func() (any, error) {
		// The reading counts as under way for close, which waits for it:
		// it may outlive every caller, never the store's pool.
		if !c.begin() {
			return nil, errCacheClosed
		}
		defer c.bg.end()
		if c.held(version) {
			return nil, nil
		}
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), chunkLoadTimeout)
		defer cancel()
		defer context.AfterFunc(c.bg.ctx, cancel)()
		x, err := load(lctx)
		c.keep(x, err)
		return nil, err
	})
	select {
	case r := <-shared:
		return r.Err
	case <-ctx.Done():
		return fmt.Errorf("chunk index: %w", ctx.Err())
	}
}

// readChunkIndex reads and keeps the chunk index of version, unless the
// cache holds it (see chunkCache.read).
func (s *Store) readChunkIndex(ctx context.Context, version int64) error {
	return s.chunks.read(ctx, version, s.loadChunkIndex)
}

// chunkIndexAt returns the chunk index if it is of the current vectors
// version, and otherwise starts reading one in the background (see
// chunkCache) and returns nil. The current version is version when set
// (the caller read it), read from the database otherwise.
func (s *Store) chunkIndexAt(ctx context.Context, version int64) (*chunkIndex, error) {
	if version == 0 {
		if err := s.pool.QueryRow(ctx, "SELECT vectors FROM corpus_version").Scan(&version); err != nil {
			return nil, fmt.Errorf("full-text search: read the vectors version: %w", err)
		}
	}
	x, start := s.chunks.current(version)
	if start {
		s.chunks.bg.run(func(ctx context.Context) {
			// A failed reading is left to the next searches, which go
			// to the database meanwhile.
			_ = s.readChunkIndex(ctx, version)
			s.chunks.done()
		})
	}
	return x, nil
}

// LoadChunkIndex reads the chunk index of the current vectors version
// now, unless the store holds it: the searches that follow rank chunks in
// memory from the first (vector searches exactly, see chunkVectors). A
// reading of that version under way (another LoadChunkIndex, a search's
// in the background) is waited for, not made again. A corpus over the
// index's bound is not an error (searches stay in the database); a corpus
// that changed while it was read leaves the reading to the searches.
func (s *Store) LoadChunkIndex(ctx context.Context) error {
	var version int64
	if err := s.pool.QueryRow(ctx, "SELECT vectors FROM corpus_version").Scan(&version); err != nil {
		return fmt.Errorf("chunk index: read the vectors version: %w", err)
	}
	if err := s.readChunkIndex(ctx, version); err != nil && !errors.Is(err, errIndexTooLarge) {
		return err
	}
	return nil
}

// ChunkIndexStats are the size of the chunk index a store keeps.
type ChunkIndexStats struct {
	// Version is the vectors version of the index (0: none).
	Version                    int64
	Chunks, Lexemes, Positions int
	// Vectors is the number of chunk vectors it holds, of every
	// embedding model (0: vector searches go to the HNSW index).
	Vectors int
	// Bytes estimates the memory it holds.
	Bytes int
	// Reads counts the readings of the index the store made (each reads
	// every chunk).
	Reads int
}

// ChunkIndexStats returns the size of the chunk index the store keeps.
func (s *Store) ChunkIndexStats() ChunkIndexStats {
	s.chunks.mu.Lock()
	x, reads := s.chunks.index, s.chunks.reads
	s.chunks.mu.Unlock()
	if x == nil {
		return ChunkIndexStats{Reads: reads}
	}
	var vectors int
	for _, v := range x.vectors {
		vectors += len(v.places)
	}
	return ChunkIndexStats{Version: x.version, Chunks: len(x.ids), Lexemes: len(x.lexemes), Positions: x.npos,
		Vectors: vectors, Bytes: x.bytes(), Reads: reads}
}
