package store

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// errTSVector reports a tsvector that tsvectorsend did not write.
var errTSVector = errors.New("malformed binary tsvector")

// decodeTSVector calls fn with each lexeme of a tsvector in PostgreSQL's
// binary format and its positions: tsvectorsend writes the number of
// lexemes, then each lexeme ending with a zero byte, its number of
// positions and its positions as WordEntryPos (weight in the two high
// bits), all big-endian. It is far cheaper for both sides than the text.
// The slices fn is given are only valid during the call.
func decodeTSVector(raw []byte, fn func(lexeme []byte, positions []byte)) error {
	if len(raw) < 4 {
		return errTSVector
	}
	n := binary.BigEndian.Uint32(raw)
	raw = raw[4:]
	for range n {
		end := bytes.IndexByte(raw, 0)
		if end < 0 || len(raw) < end+3 {
			return errTSVector
		}
		lexeme := raw[:end]
		npos := int(binary.BigEndian.Uint16(raw[end+1:]))
		raw = raw[end+3:]
		if len(raw) < 2*npos {
			return errTSVector
		}
		fn(lexeme, raw[:2*npos])
		raw = raw[2*npos:]
	}
	if len(raw) != 0 {
		return errTSVector
	}
	return nil
}

// appendPositions appends the big-endian positions of raw to pos.
func appendPositions(pos []uint16, raw []byte) []uint16 {
	for k := 0; k+1 < len(raw); k += 2 {
		pos = append(pos, binary.BigEndian.Uint16(raw[k:]))
	}
	return pos
}
