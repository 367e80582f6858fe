package store

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// maxIndexedPositions bounds the full-text positions the chunk index of
// one process holds (about 10 bytes each with their postings; the 2020
// corpus and the fiches hold 3.4 million): past it the full-text search
// stays in the database.
const maxIndexedPositions = 8_000_000

// chunkPostings are the chunks holding one lexeme and its positions in
// each, as WordEntryPos.
type chunkPostings struct {
	// chunks are places in the chunkIndex, ascending.
	chunks []int32
	// ends[i] is where the positions of chunks[i] end in pos (they start
	// where those of chunks[i-1] end).
	ends []uint32
	pos  []uint16
}

// positions returns the positions of the lexeme in the chunk at place
// (nil when the chunk does not hold it).
func (p *chunkPostings) positions(place int32) []uint16 {
	if p == nil {
		return nil
	}
	i := sort.Search(len(p.chunks), func(i int) bool { return p.chunks[i] >= place })
	if i == len(p.chunks) || p.chunks[i] != place {
		return nil
	}
	return p.at(i)
}

// at returns the positions of the i-th chunk of the postings.
func (p *chunkPostings) at(i int) []uint16 {
	start := uint32(0)
	if i > 0 {
		start = p.ends[i-1]
	}
	return p.pos[start:p.ends[i]]
}

// chunkIndex is the full-text index of every chunk and their vectors as
// of one version of the vectors (corpus_version.vectors, which every
// change to the documents moves too): each lexeme's chunks and positions,
// read from the chunks' tsvectors, and each chunk's document, for the
// filter.
type chunkIndex struct {
	// version is the vectors version; docs were read at the corpus
	// version of the same reading.
	version int64
	docs    *docTable
	// ids are the chunks' ids, ascending; doc is the place of each
	// chunk's document in docs.
	ids     []int64
	doc     []int32
	lexemes map[string]*chunkPostings
	// npos is the number of positions held.
	npos int
	// vectors are the chunks' vectors by embedding model, nfloats the
	// number of their components, reserved the components their slabs
	// were made for (all models' counted vectors, kept under
	// maxIndexedFloats together); noVectors is set when they were dropped
	// (dropVectors).
	vectors   map[string]*chunkVectors
	nfloats   int
	reserved  int
	noVectors bool
	// expected are the numbers of vectors by model counted before
	// reading them, the sizes of their slabs.
	expected map[string]int
}

// bytes estimates the memory the index holds, for its report.
func (x *chunkIndex) bytes() int {
	n := 12*len(x.ids) + 4*x.nfloats
	for _, v := range x.vectors {
		n += 12 * len(v.places)
	}
	for lexeme, p := range x.lexemes {
		n += len(lexeme) + 16 + 80 + 4*cap(p.chunks) + 4*cap(p.ends) + 2*cap(p.pos)
	}
	return n
}

// add appends a chunk and its tsvector (binary) to the index; the chunk
// must come after those added before.
func (x *chunkIndex) add(id int64, tsv []byte) error {
	place := int32(len(x.ids))
	x.ids, x.doc = append(x.ids, id), append(x.doc, 0)
	return decodeTSVector(tsv, func(lexeme, positions []byte) {
		p := x.lexemes[string(lexeme)]
		if p == nil {
			p = &chunkPostings{}
			x.lexemes[string(lexeme)] = p
		}
		p.chunks = append(p.chunks, place)
		p.pos = appendPositions(p.pos, positions)
		p.ends = append(p.ends, uint32(len(p.pos)))
		x.npos += len(positions) / 2
	})
}

// trim gives back the spare capacity of the postings built by add (the
// vectors' slabs have none: their sizes were counted first).
func (x *chunkIndex) trim() {
	for _, p := range x.lexemes {
		p.chunks = append([]int32(nil), p.chunks...)
		p.ends = append([]uint32(nil), p.ends...)
		p.pos = append([]uint16(nil), p.pos...)
	}
}

// errIndexTooLarge stops reading a corpus past maxIndexedPositions.
var errIndexTooLarge = fmt.Errorf("chunk index: over %d positions", maxIndexedPositions)

// indexTooLargeError is errIndexTooLarge at the vectors version read.
type indexTooLargeError struct{ version int64 }

func (e *indexTooLargeError) Error() string {
	return fmt.Sprintf("%v at vectors version %d", errIndexTooLarge, e.version)
}

func (e *indexTooLargeError) Unwrap() error { return errIndexTooLarge }

// loadChunkIndex reads every chunk's tsvector and vector and the
// documents as of one version of the vectors. It returns a nil index when
// the corpus changed between the two readings, an indexTooLargeError
// (errIndexTooLarge at the version read) past the bound of positions; past that of vectors, it keeps none. The chunks are
// counted first, in the same snapshot, so that their vectors go straight
// into one slab per model, of the right size.
func (s *Store) loadChunkIndex(ctx context.Context) (*chunkIndex, error) {
	var x *chunkIndex
	var corpus int64
	var docIDs []int64
	err := s.readSnapshot(ctx, func(tx pgx.Tx) error {
		sizes, err := countChunks(ctx, tx)
		if err != nil {
			return err
		}
		x = newChunkIndex(sizes)
		corpus, docIDs, err = x.readChunks(ctx, tx, sizes.chunks)
		return err
	})
	if errors.Is(err, errIndexTooLarge) {
		return nil, &indexTooLargeError{version: x.version}
	}
	if err != nil {
		return nil, err
	}
	return s.placeDocuments(ctx, x, corpus, docIDs)
}

// chunkSizes are the numbers of chunks, and of vectors by model.
type chunkSizes struct {
	chunks  int
	vectors map[string]int
}

// countChunks counts the chunks and their vectors by model.
func countChunks(ctx context.Context, tx pgx.Tx) (chunkSizes, error) {
	rows, err := tx.Query(ctx, "SELECT coalesce(embed_model, ''), count(*), count(embedding) FROM chunks GROUP BY 1")
	if err != nil {
		return chunkSizes{}, fmt.Errorf("chunk index: count the chunks: %w", err)
	}
	sizes := chunkSizes{vectors: map[string]int{}}
	var model string
	var chunks, vectors int
	_, err = pgx.ForEachRow(rows, []any{&model, &chunks, &vectors}, func() error {
		sizes.chunks += chunks
		if model != "" {
			sizes.vectors[model] = vectors
		}
		return nil
	})
	if err != nil {
		return chunkSizes{}, fmt.Errorf("chunk index: count the chunks: %w", err)
	}
	return sizes, nil
}

// newChunkIndex returns an empty index for chunks of those sizes.
func newChunkIndex(sizes chunkSizes) *chunkIndex {
	return &chunkIndex{ids: make([]int64, 0, sizes.chunks), doc: make([]int32, 0, sizes.chunks),
		lexemes: map[string]*chunkPostings{}, vectors: map[string]*chunkVectors{}, expected: sizes.vectors}
}

// readChunks adds every chunk to x, reading their tsvectors and vectors
// in binary (tsvectorsend, vector_send) straight from the driver's
// buffers, and sets x's version; it returns the corpus version and each
// chunk's document. n is the number of chunks expected.
func (x *chunkIndex) readChunks(ctx context.Context, tx pgx.Tx, n int) (corpus int64, docIDs []int64, err error) {
	rows, err := tx.Query(ctx, `SELECT v.version, v.vectors, coalesce(c.id, 0), coalesce(c.document_id, 0),
			coalesce(tsvectorsend(c.tsv), tsvectorsend(''::tsvector)), coalesce(c.embed_model, ''), vector_send(c.embedding)
		FROM corpus_version v LEFT JOIN chunks c ON true ORDER BY c.id`)
	if err != nil {
		return 0, nil, fmt.Errorf("chunk index: %w", err)
	}
	defer rows.Close()
	docIDs = make([]int64, 0, n)
	for rows.Next() {
		var id, doc int64
		var tsv, model, vec pgtype.DriverBytes
		if err := rows.Scan(&corpus, &x.version, &id, &doc, &tsv, &model, &vec); err != nil {
			return 0, nil, fmt.Errorf("chunk index: %w", err)
		}
		if id == 0 {
			continue
		}
		if err := x.addChunk(id, tsv, model, vec); err != nil {
			return 0, nil, err
		}
		docIDs = append(docIDs, doc)
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("chunk index: %w", err)
	}
	return corpus, docIDs, nil
}

// addChunk adds a chunk, its tsvector and its vector (nil: none) made by
// model; past maxIndexedFloats, or on a vector of another size than its
// model's others, it drops every vector.
func (x *chunkIndex) addChunk(id int64, tsv, model, vec []byte) error {
	if err := x.add(id, tsv); err != nil {
		return fmt.Errorf("chunk index: chunk %d: %w", id, err)
	}
	if x.npos > maxIndexedPositions {
		return errIndexTooLarge
	}
	if vec == nil || len(model) == 0 || x.noVectors {
		return nil
	}
	components, err := vectorComponents(vec)
	if err != nil {
		return fmt.Errorf("chunk index: chunk %d: %w", id, err)
	}
	if !x.addVector(int32(len(x.ids)-1), model, components) || x.nfloats > maxIndexedFloats {
		x.dropVectors()
	}
	return nil
}

// placeDocuments sets the documents of x, read at the corpus version its
// chunks were read at, and the place of each chunk's document (docIDs);
// nil when the version moved.
func (s *Store) placeDocuments(ctx context.Context, x *chunkIndex, corpus int64, docIDs []int64) (*chunkIndex, error) {
	version, docs, err := s.loadDocInfoOnce(ctx, corpus)
	if err != nil || version != corpus {
		return nil, err
	}
	for i, id := range docIDs {
		at, ok := docs.place(id)
		if !ok {
			return nil, nil
		}
		x.doc[i] = at
	}
	x.docs = docs
	x.trim()
	return x, nil
}
