package semantic

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// magic opens an encoded model, with the format's version.
const magic = "plume-semantic-1\n"

// header is the sizes of an encoded model.
type header struct {
	Dims, Terms, Docs uint32
}

// Encode returns the model as bytes: the same model gives the same bytes.
func (m *Model) Encode() []byte {
	le := binary.LittleEndian
	size := len(magic) + 12 + 4*len(m.sif) + 4*len(m.vecs) + 8*len(m.docIDs) + 4*len(m.docVecs)
	for _, t := range m.terms {
		size += binary.MaxVarintLen64 + len(t)
	}
	b := make([]byte, 0, size)
	b = append(b, magic...)
	for _, n := range []int{m.dims, len(m.terms), len(m.docIDs)} {
		b = le.AppendUint32(b, uint32(n))
	}
	for _, t := range m.terms {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	b = appendFloats(b, m.sif)
	b = appendFloats(b, m.vecs)
	for _, id := range m.docIDs {
		b = le.AppendUint64(b, uint64(id))
	}
	return appendFloats(b, m.docVecs)
}

// appendFloats appends vs, little-endian.
func appendFloats(b []byte, vs []float32) []byte {
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	return b
}

// maxSize bounds the sizes Decode accepts, against a corrupt header.
const maxSize = 1 << 26

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	r := bufio.NewReader(bytes.NewReader(data))
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, errors.New("semantic: not an encoded model")
	}
	le := binary.LittleEndian
	var h header
	if err := binary.Read(r, le, &h); err != nil {
		return nil, fmt.Errorf("semantic: read model: %w", err)
	}
	if h.Dims == 0 || h.Dims > 4096 || h.Terms > maxSize || h.Docs > maxSize || uint64(h.Dims)*uint64(h.Terms) > maxSize*16 {
		return nil, errors.New("semantic: corrupt model header")
	}
	m := &Model{dims: int(h.Dims), terms: make([]string, h.Terms), vocab: make(map[string]int32, h.Terms)}
	for t := range m.terms {
		if err := readTerm(r, &m.terms[t]); err != nil {
			return nil, err
		}
		m.vocab[m.terms[t]] = int32(t)
	}
	m.sif = make([]float32, h.Terms)
	m.vecs = make([]float32, int(h.Terms)*m.dims)
	m.docIDs = make([]int64, h.Docs)
	m.docVecs = make([]float32, int(h.Docs)*m.dims)
	for _, v := range []any{m.sif, m.vecs, m.docIDs, m.docVecs} {
		if err := binary.Read(r, le, v); err != nil {
			return nil, fmt.Errorf("semantic: read model: %w", err)
		}
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, errors.New("semantic: trailing bytes after the model")
	}
	return m, nil
}

// readTerm reads one length-prefixed lexeme.
func readTerm(r *bufio.Reader, into *string) error {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<12 {
		return fmt.Errorf("semantic: read term: bad length (%v)", err)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return fmt.Errorf("semantic: read term: %w", err)
	}
	*into = string(buf)
	return nil
}
