package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// typoSimilarity is the trigram similarity from which a known lexeme stands
// in for a query word found in no chunk.
const typoSimilarity = 0.45

// TermStat is a term of a query with the number of chunks and documents
// that contain it.
type TermStat struct {
	// Lexeme is the term's lexeme, for a single word ("" for a phrase).
	Lexeme string
	// Lexemes is the number of lexemes of the term (1, or more for a
	// phrase).
	Lexemes int
	// DF is the number of chunks containing the term; for a phrase, the
	// smallest DF of its lexemes.
	DF int
	// DDF is the number of documents containing Lexeme.
	DDF int
	// Sentences lists the query sentences the word occurs in (indexes into
	// the sentences given to AnalyzeQuery, repeated per occurrence).
	Sentences []int
	// phrase is a phrase's tsquery ("" for a word).
	phrase string
}

// Term returns the term weighing weight, for a search.
func (t TermStat) Term(weight float64) Term {
	return Term{Lexeme: t.Lexeme, Weight: weight, phrase: t.phrase}
}

// Sentence is a sentence of a query to analyse. Repair asks that its words
// found in no chunk stand for the closest known lexeme.
type Sentence struct {
	Text   string
	Repair bool
}

// QueryStats is the analysis of a query: its terms with their frequencies,
// and the sizes of the collection they were counted over.
type QueryStats struct {
	Terms []TermStat
	// Chunks and Documents are the numbers of chunks and documents the
	// frequencies were counted over.
	Chunks, Documents int
	// AvgDocTerms is the mean length of a document in lexemes, as of the
	// last RefreshLexemeStats.
	AvgDocTerms float64
	// VectorsVersion is the vectors version (the chunk index's) read with
	// the frequencies, which a search of the query hands on
	// (Query.VectorsVersion) so as not to read it again.
	VectorsVersion int64
	// ModelsVersion counts the saves and deletions of semantic models
	// (corpus_version.models): a searcher looks for a newer model when it
	// moves.
	ModelsVersion int64
}

// QueryTerms analyses text and phrases with the French full-text
// configuration and returns their lexemes with their document frequency, and
// the number of chunks the frequencies were counted over.
func (s *Store) QueryTerms(ctx context.Context, text string, phrases []string) ([]TermStat, int, error) {
	qs, err := s.AnalyzeQuery(ctx, []Sentence{{Text: text, Repair: true}}, phrases)
	return qs.Terms, qs.Chunks, err
}

// maxTypoRepairs bounds the words of one query that typo repair looks up.
const maxTypoRepairs = 4

// AnalyzeQuery analyses the sentences of a query and phrases with the French
// full-text configuration and returns their lexemes with their chunk and
// document frequencies and the sentences each lexeme occurs in. A word found
// in no chunk, in a sentence to repair, is replaced by the closest known
// lexeme, when one is close enough: most such words are typos (in the story
// around a request, most are names and places).
//
// The lookups go in one round trip; typo repair, the costly part (a
// trigram search over every lexeme), runs only when a word is found in no
// chunk, for at most maxTypoRepairs words.
func (s *Store) AnalyzeQuery(ctx context.Context, sentences []Sentence, phrases []string) (QueryStats, error) {
	var qs QueryStats
	words := queryWords{byLexeme: map[string]*TermStat{}}
	var phraseStats []TermStat
	batch := &pgx.Batch{}
	words.queue(batch, sentences)
	if len(phrases) > 0 {
		queuePhrases(batch, phrases, &phraseStats)
	}
	var generation int64
	batch.Queue(`SELECT coalesce(df, 0), coalesce(ddf, 0), coalesce(terms::float8 / nullif(ddf, 0), 0), v.vectors,
			v.models, coalesce(lexeme_stats.xmin::text::bigint, 0)
		FROM corpus_version v LEFT JOIN lexeme_stats ON lexeme = ''`).QueryRow(func(row pgx.Row) error {
		return row.Scan(&qs.Chunks, &qs.Documents, &qs.AvgDocTerms, &qs.VectorsVersion, &qs.ModelsVersion, &generation)
	})
	if err := s.pool.SendBatch(ctx, batch).Close(); err != nil {
		return QueryStats{}, fmt.Errorf("analyse query: %w", err)
	}
	if len(words.unknown) > 0 {
		fixed, err := s.fixTypos(ctx, words.unknown, generation)
		if err != nil {
			return QueryStats{}, err
		}
		for w, f := range fixed {
			t := words.byLexeme[w]
			t.Lexeme, t.DF, t.DDF = f.Lexeme, f.DF, f.DDF
		}
	}
	qs.Terms = mergeTerms(words, phraseStats)
	return qs, nil
}

// queryWords gathers the words of a query's sentences as the database
// analyses them.
type queryWords struct {
	byLexeme map[string]*TermStat
	// order lists the lexemes as they first occur; unknown, the words to
	// repair.
	order, unknown []string
}

// queue adds to batch the analysis of sentences, in order, each word with
// its frequencies.
func (q *queryWords) queue(batch *pgx.Batch, sentences []Sentence) {
	texts := make([]string, len(sentences))
	for i, st := range sentences {
		texts[i] = st.Text
	}
	batch.Queue(`SELECT w, (s.i - 1)::int, coalesce(ls.df, 0), coalesce(ls.ddf, 0)
		FROM unnest($1::text[]) WITH ORDINALITY AS s(txt, i),
			unnest(tsvector_to_array(to_tsvector('plume_fr', s.txt))) AS w
		LEFT JOIN lexeme_stats ls ON ls.lexeme = w
		ORDER BY s.i`, texts).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var w string
			var sentence, df, ddf int
			if err := rows.Scan(&w, &sentence, &df, &ddf); err != nil {
				return err
			}
			q.add(w, sentence, df, ddf, sentence < len(sentences) && sentences[sentence].Repair)
		}
		return rows.Err()
	})
}

// add counts one occurrence of lexeme w in a sentence; a word found in no
// chunk is to repair when the first sentence it occurs in asks for it.
func (q *queryWords) add(w string, sentence, df, ddf int, repair bool) {
	t, ok := q.byLexeme[w]
	if !ok {
		t = &TermStat{Lexeme: w, Lexemes: 1, DF: df, DDF: ddf}
		q.byLexeme[w] = t
		q.order = append(q.order, w)
		if df == 0 && len(w) >= 4 && repair && len(q.unknown) < maxTypoRepairs {
			q.unknown = append(q.unknown, w)
		}
	}
	t.Sentences = append(t.Sentences, sentence)
}

// queuePhrases adds to batch the analysis of phrases: each one's tsquery,
// number of lexemes and smallest chunk frequency of a lexeme, appended to
// out; phrases with no lexeme are left out.
func queuePhrases(batch *pgx.Batch, phrases []string, out *[]TermStat) {
	batch.Queue(`SELECT phraseto_tsquery('plume_fr', p)::text,
			coalesce(array_length(tsvector_to_array(to_tsvector('plume_fr', p)), 1), 0),
			coalesce((SELECT min(coalesce(ls.df, 0))
				FROM unnest(tsvector_to_array(to_tsvector('plume_fr', p))) AS w
				LEFT JOIN lexeme_stats ls ON ls.lexeme = w), 0)
		FROM unnest($1::text[]) AS p`, phrases).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var t TermStat
			if err := rows.Scan(&t.phrase, &t.Lexemes, &t.DF); err != nil {
				return err
			}
			if t.phrase != "" {
				*out = append(*out, t)
			}
		}
		return rows.Err()
	})
}

// mergeTerms lists the words in order, then the phrases, merging words that
// typo repair mapped onto the same lexeme and leaving out phrases that are
// one of the words.
func mergeTerms(words queryWords, phrases []TermStat) []TermStat {
	out := make([]TermStat, 0, len(words.order)+len(phrases))
	at := map[string]int{}
	for _, w := range words.order {
		t := *words.byLexeme[w]
		key := t.Term(0).tsquery()
		if i, ok := at[key]; ok {
			out[i].Sentences = append(out[i].Sentences, t.Sentences...)
			continue
		}
		at[key] = len(out)
		out = append(out, t)
	}
	for _, t := range phrases {
		key := t.Term(0).tsquery()
		if _, ok := at[key]; !ok {
			at[key] = len(out)
			out = append(out, t)
		}
	}
	return out
}

// fixTypos returns, for each word that has one, the closest known lexeme:
// in memory when the typo index of the lexemes' generation is read (see
// typoIndex), in the database otherwise.
func (s *Store) fixTypos(ctx context.Context, words []string, generation int64) (map[string]TermStat, error) {
	if x := s.typoIndexAt(generation); x != nil {
		if fixed, ok := x.fixAll(words); ok {
			return fixed, nil
		}
	}
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
	type fix struct {
		word string
		stat TermStat
	}
	fixes, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (fix, error) {
		f := fix{stat: TermStat{Lexemes: 1}}
		err := r.Scan(&f.word, &f.stat.Lexeme, &f.stat.DF, &f.stat.DDF)
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("fix typos: %w", err)
	}
	fixed := make(map[string]TermStat, len(fixes))
	for _, f := range fixes {
		fixed[f.word] = f.stat
	}
	return fixed, nil
}
