package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/pgvector/pgvector-go"
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
	// number of their components; noVectors is set when they were
	// dropped (dropVectors).
	vectors   map[string]*chunkVectors
	nfloats   int
	noVectors bool
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

// trim gives back the spare capacity of the postings built by add.
func (x *chunkIndex) trim() {
	for _, p := range x.lexemes {
		p.chunks = append([]int32(nil), p.chunks...)
		p.ends = append([]uint32(nil), p.ends...)
		p.pos = append([]uint16(nil), p.pos...)
	}
	for _, v := range x.vectors {
		v.places, v.data = append([]int32(nil), v.places...), append([]float32(nil), v.data...)
		v.norms = append([]float64(nil), v.norms...)
	}
}

// errIndexTooLarge stops reading a corpus past maxIndexedPositions.
var errIndexTooLarge = fmt.Errorf("chunk index: over %d positions", maxIndexedPositions)

// loadChunkIndex reads every chunk's tsvector and vector and the
// documents as of one version of the vectors. It returns a nil index when
// the corpus changed between the two readings, errIndexTooLarge past the
// bound of positions; past that of vectors, it keeps none.
func (s *Store) loadChunkIndex(ctx context.Context) (*chunkIndex, error) {
	rows, err := s.pool.Query(ctx, `SELECT v.version, v.vectors, coalesce(c.id, 0), coalesce(c.document_id, 0),
			coalesce(tsvectorsend(c.tsv), tsvectorsend(''::tsvector)), coalesce(c.embed_model, ''), c.embedding
		FROM corpus_version v LEFT JOIN chunks c ON true ORDER BY c.id`)
	if err != nil {
		return nil, fmt.Errorf("chunk index: %w", err)
	}
	defer rows.Close()
	x := &chunkIndex{lexemes: map[string]*chunkPostings{}, vectors: map[string]*chunkVectors{}}
	var corpus int64
	var docIDs []int64
	for rows.Next() {
		var id, doc int64
		var tsv []byte
		var model string
		var vec *pgvector.Vector
		if err := rows.Scan(&corpus, &x.version, &id, &doc, &tsv, &model, &vec); err != nil {
			return nil, fmt.Errorf("chunk index: %w", err)
		}
		if id == 0 {
			continue
		}
		if err := x.add(id, tsv); err != nil {
			return nil, fmt.Errorf("chunk index: chunk %d: %w", id, err)
		}
		docIDs = append(docIDs, doc)
		if x.npos > maxIndexedPositions {
			return nil, errIndexTooLarge
		}
		if vec != nil && model != "" && !x.noVectors &&
			(!x.addVector(int32(len(x.ids)-1), model, *vec) || x.nfloats > maxIndexedFloats) {
			x.dropVectors()
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("chunk index: %w", err)
	}
	return s.placeDocuments(ctx, x, corpus, docIDs)
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
