package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// chunkCache keeps the chunk index (chunkIndex) of one version of the
// corpus, read in the background: a search checks the corpus version and
// ranks chunks in memory when the index is of that version, in the
// database otherwise. As for the document cache, each process (replicas
// share the database) checks the version on every search, so that a
// change made by any of them is seen by the next search of all, and a
// new index is read only once two searches in a row have seen the same
// version, so that searches during an ingest do not reread the corpus at
// every document.
type chunkCache struct {
	mu    sync.Mutex
	index *chunkIndex
	// seen is the version the last search read; loading is true while
	// an index is read; tooLarge is the version whose index was over
	// maxIndexedPositions.
	seen     int64
	loading  bool
	tooLarge int64
	bg       background
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

// done ends a reading started at version: x, when read, replaces an
// older index.
func (c *chunkCache) done(version int64, x *chunkIndex, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loading = false
	c.keep(version, x, err)
}

// keep records a reading at version: x, when read, replaces an older
// index; c.mu is held.
func (c *chunkCache) keep(version int64, x *chunkIndex, err error) {
	if errors.Is(err, errIndexTooLarge) {
		c.tooLarge = version
	}
	if x != nil && (c.index == nil || x.version > c.index.version) {
		c.index = x
	}
}

// chunkIndexAt returns the chunk index if it is of the corpus's current
// version, and otherwise starts reading one in the background (see
// chunkCache) and returns nil. The current version is version when set
// (the caller read it), read from the database otherwise.
func (s *Store) chunkIndexAt(ctx context.Context, version int64) (*chunkIndex, error) {
	if version == 0 {
		if err := s.pool.QueryRow(ctx, "SELECT version FROM corpus_version").Scan(&version); err != nil {
			return nil, fmt.Errorf("full-text search: read the corpus version: %w", err)
		}
	}
	x, start := s.chunks.current(version)
	if start {
		s.chunks.bg.run(func(ctx context.Context) {
			x, err := s.loadChunkIndex(ctx)
			s.chunks.done(version, x, err)
		})
	}
	return x, nil
}

// LoadChunkIndex reads the chunk index of the corpus's current version
// now, unless the store holds it: the searches that follow rank chunks in
// memory from the first (vector searches exactly, see chunkVectors). A
// corpus over the index's bound is not an error (searches stay in the
// database); a corpus that changed while it was read leaves the reading
// to the searches.
func (s *Store) LoadChunkIndex(ctx context.Context) error {
	var version int64
	if err := s.pool.QueryRow(ctx, "SELECT version FROM corpus_version").Scan(&version); err != nil {
		return fmt.Errorf("chunk index: read the corpus version: %w", err)
	}
	if s.chunks.at(version) != nil {
		return nil
	}
	x, err := s.loadChunkIndex(ctx)
	s.chunks.mu.Lock()
	s.chunks.keep(version, x, err)
	s.chunks.mu.Unlock()
	if err != nil && !errors.Is(err, errIndexTooLarge) {
		return err
	}
	return nil
}

// ChunkIndexStats are the size of the chunk index a store keeps.
type ChunkIndexStats struct {
	// Version is the corpus version of the index (0: none).
	Version                    int64
	Chunks, Lexemes, Positions int
	// Vectors is the number of chunk vectors it holds, of every
	// embedding model (0: vector searches go to the HNSW index).
	Vectors int
	// Bytes estimates the memory it holds.
	Bytes int
}

// ChunkIndexStats returns the size of the chunk index the store keeps.
func (s *Store) ChunkIndexStats() ChunkIndexStats {
	x := s.chunks.latest()
	if x == nil {
		return ChunkIndexStats{}
	}
	var vectors int
	for _, v := range x.vectors {
		vectors += len(v.places)
	}
	return ChunkIndexStats{Version: x.version, Chunks: len(x.ids), Lexemes: len(x.lexemes), Positions: x.npos,
		Vectors: vectors, Bytes: x.bytes()}
}
