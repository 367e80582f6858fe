package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// typoSimilarity is the trigram similarity from which a known lexeme stands
// in for a query word found in no chunk.
const typoSimilarity = 0.45

// QueryTerms analyses text and phrases with the French full-text
// configuration and returns their lexemes with their document frequency, and
// the number of chunks the frequencies were counted over. A word found in no
// chunk is replaced by the closest known lexeme, when one is close enough:
// most such words are typos.
//
// The lookups go in one round trip; typo repair, the costly part (a
// trigram search over every lexeme), runs only when a word is found in no
// chunk.
func (s *Store) QueryTerms(ctx context.Context, text string, phrases []string) ([]TermStat, int, error) {
	batch := &pgx.Batch{}
	var words []TermStat
	var unknown []string
	batch.Queue(`SELECT w, coalesce(ls.df, 0) FROM unnest(tsvector_to_array(to_tsvector('plume_fr', $1))) AS w
		LEFT JOIN lexeme_stats ls ON ls.lexeme = w`, text).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var w string
			var df int
			if err := rows.Scan(&w, &df); err != nil {
				return err
			}
			if df == 0 && len(w) >= 4 {
				unknown = append(unknown, w)
				continue
			}
			words = append(words, TermStat{Query: quoteLiteral(w), Lexemes: 1, DF: df})
		}
		return rows.Err()
	})
	var phraseStats []TermStat
	if len(phrases) > 0 {
		batch.Queue(`SELECT phraseto_tsquery('plume_fr', p)::text,
				coalesce(array_length(tsvector_to_array(to_tsvector('plume_fr', p)), 1), 0),
				coalesce((SELECT min(coalesce(ls.df, 0))
					FROM unnest(tsvector_to_array(to_tsvector('plume_fr', p))) AS w
					LEFT JOIN lexeme_stats ls ON ls.lexeme = w), 0)
			FROM unnest($1::text[]) AS p`, phrases).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var t TermStat
				if err := rows.Scan(&t.Query, &t.Lexemes, &t.DF); err != nil {
					return err
				}
				if t.Query != "" {
					phraseStats = append(phraseStats, t)
				}
			}
			return rows.Err()
		})
	}
	total := 0
	batch.Queue(`SELECT coalesce((SELECT df FROM lexeme_stats WHERE lexeme = ''), 0)`).QueryRow(func(row pgx.Row) error {
		return row.Scan(&total)
	})
	if err := s.pool.SendBatch(ctx, batch).Close(); err != nil {
		return nil, 0, fmt.Errorf("analyse query: %w", err)
	}

	if len(unknown) > 0 {
		fixed, err := s.fixTypos(ctx, unknown)
		if err != nil {
			return nil, 0, err
		}
		for _, w := range unknown {
			t := TermStat{Query: quoteLiteral(w), Lexemes: 1}
			if f, ok := fixed[w]; ok {
				t = f
			}
			words = append(words, t)
		}
	}

	out := make([]TermStat, 0, len(words)+len(phraseStats))
	seen := map[string]bool{}
	for _, t := range append(words, phraseStats...) {
		if !seen[t.Query] {
			seen[t.Query] = true
			out = append(out, t)
		}
	}
	return out, total, nil
}

// fixTypos returns, for each word that has one, the closest known lexeme.
func (s *Store) fixTypos(ctx context.Context, words []string) (map[string]TermStat, error) {
	rows, err := s.pool.Query(ctx, `SELECT w, fix.lexeme, fix.df FROM unnest($1::text[]) AS w
		JOIN LATERAL (
			SELECT ls.lexeme, ls.df FROM lexeme_stats ls
			WHERE lower(ls.lexeme) % w AND similarity(lower(ls.lexeme), w) >= $2
			ORDER BY similarity(lower(ls.lexeme), w) DESC, ls.df DESC
			LIMIT 1
		) fix ON true`, words, typoSimilarity)
	if err != nil {
		return nil, fmt.Errorf("fix typos: %w", err)
	}
	fixed := map[string]TermStat{}
	for rows.Next() {
		var w, lexeme string
		var df int
		if err := rows.Scan(&w, &lexeme, &df); err != nil {
			rows.Close()
			return nil, fmt.Errorf("fix typos: %w", err)
		}
		fixed[w] = TermStat{Query: quoteLiteral(lexeme), Lexemes: 1, DF: df}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("fix typos: %w", err)
	}
	return fixed, nil
}
