package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// typoSimilarity is the trigram similarity from which a known lexeme stands
// in for a query word found in no chunk.
const typoSimilarity = 0.45

// QueryStats is the analysis of a query: its terms with their frequencies,
// and the sizes of the collection they were counted over.
type QueryStats struct {
	Terms []TermStat
	// Chunks and Documents are the numbers of chunks and documents the
	// frequencies were counted over.
	Chunks, Documents int
	// AvgDocTerms is the mean length of a document in lexemes.
	AvgDocTerms float64
}

// QueryTerms analyses text and phrases with the French full-text
// configuration and returns their lexemes with their document frequency, and
// the number of chunks the frequencies were counted over.
func (s *Store) QueryTerms(ctx context.Context, text string, phrases []string) ([]TermStat, int, error) {
	qs, err := s.AnalyzeQuery(ctx, []string{text}, []bool{true}, phrases)
	return qs.Terms, qs.Chunks, err
}

// maxTypoRepairs bounds the words of one query that typo repair looks up.
const maxTypoRepairs = 4

// AnalyzeQuery analyses the sentences of a query and phrases with the French
// full-text configuration and returns their lexemes with their chunk and
// document frequencies and the sentences each lexeme occurs in. A word found
// in no chunk, in a sentence whose repair flag is set, is replaced by the
// closest known lexeme, when one is close enough: most such words are typos
// (in the story around a request, most are names and places).
//
// The lookups go in one round trip; typo repair, the costly part (a
// trigram search over every lexeme), runs only when a word is found in no
// chunk, for at most maxTypoRepairs words.
func (s *Store) AnalyzeQuery(ctx context.Context, sentences []string, repair []bool, phrases []string) (QueryStats, error) {
	var qs QueryStats
	batch := &pgx.Batch{}
	words := map[string]*TermStat{}
	var order []string
	var unknown []string
	batch.Queue(`SELECT w, (s.i - 1)::int, coalesce(ls.df, 0), coalesce(ls.ddf, 0)
		FROM unnest($1::text[]) WITH ORDINALITY AS s(txt, i),
			unnest(tsvector_to_array(to_tsvector('plume_fr', s.txt))) AS w
		LEFT JOIN lexeme_stats ls ON ls.lexeme = w
		ORDER BY s.i`, sentences).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var w string
			var sentence, df, ddf int
			if err := rows.Scan(&w, &sentence, &df, &ddf); err != nil {
				return err
			}
			t, ok := words[w]
			if !ok {
				t = &TermStat{Query: quoteLiteral(w), Lexeme: w, Lexemes: 1, DF: df, DDF: ddf}
				words[w] = t
				order = append(order, w)
				if df == 0 && len(w) >= 4 && sentence < len(repair) && repair[sentence] && len(unknown) < maxTypoRepairs {
					unknown = append(unknown, w)
				}
			}
			t.Sentences = append(t.Sentences, sentence)
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
	batch.Queue(`SELECT coalesce(df, 0), coalesce(ddf, 0),
			coalesce((SELECT avg(term_count)::float8 FROM documents), 0)
		FROM (SELECT 1) AS one LEFT JOIN lexeme_stats ON lexeme = ''`).QueryRow(func(row pgx.Row) error {
		return row.Scan(&qs.Chunks, &qs.Documents, &qs.AvgDocTerms)
	})
	if err := s.pool.SendBatch(ctx, batch).Close(); err != nil {
		return QueryStats{}, fmt.Errorf("analyse query: %w", err)
	}
	if len(unknown) > 0 {
		fixed, err := s.fixTypos(ctx, unknown)
		if err != nil {
			return QueryStats{}, err
		}
		for w, f := range fixed {
			t := words[w]
			t.Query, t.Lexeme, t.DF, t.DDF = f.Query, f.Lexeme, f.DF, f.DDF
		}
	}
	qs.Terms = mergeTerms(words, order, phraseStats)
	return qs, nil
}

// mergeTerms lists the words in order, then the phrases, merging words that
// typo repair mapped onto the same lexeme.
func mergeTerms(words map[string]*TermStat, order []string, phrases []TermStat) []TermStat {
	out := make([]TermStat, 0, len(order)+len(phrases))
	at := map[string]int{}
	for _, w := range order {
		t := *words[w]
		if i, ok := at[t.Query]; ok {
			out[i].Sentences = append(out[i].Sentences, t.Sentences...)
			continue
		}
		at[t.Query] = len(out)
		out = append(out, t)
	}
	for _, t := range phrases {
		if _, ok := at[t.Query]; !ok {
			at[t.Query] = len(out)
			out = append(out, t)
		}
	}
	return out
}

// fixTypos returns, for each word that has one, the closest known lexeme.
func (s *Store) fixTypos(ctx context.Context, words []string) (map[string]TermStat, error) {
	rows, err := s.pool.Query(ctx, `SELECT w, fix.lexeme, fix.df, fix.ddf FROM unnest($1::text[]) AS w
		JOIN LATERAL (
			SELECT ls.lexeme, ls.df, ls.ddf FROM lexeme_stats ls
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
		var df, ddf int
		if err := rows.Scan(&w, &lexeme, &df, &ddf); err != nil {
			rows.Close()
			return nil, fmt.Errorf("fix typos: %w", err)
		}
		fixed[w] = TermStat{Query: quoteLiteral(lexeme), Lexeme: lexeme, Lexemes: 1, DF: df, DDF: ddf}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("fix typos: %w", err)
	}
	return fixed, nil
}
