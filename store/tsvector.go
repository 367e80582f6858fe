package store

import (
	"fmt"
	"strconv"
	"strings"
)

// lexemePositions is one lexeme of a tsvector with its positions, as
// WordEntryPos (weight in the two high bits).
type lexemePositions struct {
	lexeme    string
	positions []uint16
}

// parseTSVector reads a tsvector's text ('carte':1A,5 'grise':2A,6B),
// as PostgreSQL prints it, into its lexemes with their positions.
func parseTSVector(text string) ([]lexemePositions, error) {
	var out []lexemePositions
	rest := strings.TrimSpace(text)
	for rest != "" {
		word, after, ok := cutQuoted(rest)
		if !ok {
			return nil, fmt.Errorf("tsvector %.40q: bad lexeme", rest)
		}
		l := lexemePositions{lexeme: word}
		if strings.HasPrefix(after, ":") {
			var list string
			list, after, _ = strings.Cut(after[1:], " ")
			var err error
			if l.positions, err = parsePositions(list); err != nil {
				return nil, err
			}
		}
		out = append(out, l)
		rest = strings.TrimSpace(after)
	}
	return out, nil
}

// parsePositions reads a lexeme's positions: 1A,5,7B.
func parsePositions(list string) ([]uint16, error) {
	out := make([]uint16, 0, strings.Count(list, ",")+1)
	for item := range strings.SplitSeq(list, ",") {
		weight := uint16(0)
		if n := len(item); n > 0 && item[n-1] >= 'A' && item[n-1] <= 'D' {
			weight = uint16('D' - item[n-1])
			item = item[:n-1]
		}
		pos, err := strconv.ParseUint(item, 10, 14)
		if err != nil {
			return nil, fmt.Errorf("tsvector position %q: %w", item, err)
		}
		out = append(out, weight<<14|uint16(pos))
	}
	return out, nil
}
