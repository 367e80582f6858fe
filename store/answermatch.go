package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"
)

// AnswerQuery asks for the validated answers whose question may match a
// message.
type AnswerQuery struct {
	// Text is the redacted message without its placeholders; Focus its
	// request (the sentences that ask something).
	Text  string
	Focus string
	// Services keeps the answers of these services ("" for the shared
	// ones); nil keeps all.
	Services []string
	// Model, Dim, Vector (the focus's) and TextVector (the whole
	// message's) are the embeddings; without them only words are compared.
	Model      string
	Dim        int
	Vector     []float32
	TextVector []float32
	// Documents are the documents the message's search found: the answers
	// relying on one of them are candidates first.
	Documents []int64
	// Limit bounds the candidates (default 200).
	Limit int
}

// AnswerCandidate is an answer that may match, with what scoring needs.
type AnswerCandidate struct {
	Answer
	// Lexemes are the lexemes of the answer's question, TextLexemes of
	// its text.
	Lexemes     []string
	TextLexemes []string
	// Cosine is the cosine similarity of the focus's and the question's
	// embeddings, TextCosine of the message's and the text's; -1 when the
	// answer has no vector of the message's model.
	Cosine     float64
	TextCosine float64
	// Documents are the documents the answer relies on.
	Documents []int64
}

// AnswerCandidates is what MatchAnswers returns: the message's and its
// focus's lexemes, how many chunks hold each lexeme (DF) out of Chunks, and
// the candidates.
type AnswerCandidates struct {
	Message    []string
	Focus      []string
	DF         map[string]int
	Chunks     int
	Candidates []AnswerCandidate
}

// MatchAnswers returns the answers that are not archived and share a lexeme
// with the message or are among the nearest by vector, with the word
// statistics that weigh their overlap. The caller scores them.
func (s *Store) MatchAnswers(ctx context.Context, q AnswerQuery) (AnswerCandidates, error) {
	if q.Limit <= 0 {
		q.Limit = 200
	}
	var out AnswerCandidates
	if err := s.pool.QueryRow(ctx, `SELECT tsvector_to_array(to_tsvector('plume_fr', $1)),
		tsvector_to_array(to_tsvector('plume_fr', $2))`, q.Text, q.Focus).Scan(&out.Message, &out.Focus); err != nil {
		return AnswerCandidates{}, fmt.Errorf("match answers: lexemes: %w", err)
	}
	cosine, textCosine, vec, textVec := "-1::float8", "-1::float8", any(nil), any(nil)
	if len(q.Vector) > 0 && q.Dim == len(q.Vector) && len(q.TextVector) == q.Dim {
		cosine = fmt.Sprintf(`CASE WHEN embed_model = $5 THEN 1 - (embedding::vector(%d) <=> $6::vector(%d)) ELSE -1 END`, q.Dim, q.Dim)
		textCosine = fmt.Sprintf(`CASE WHEN embed_model = $5 AND text_embedding IS NOT NULL
			THEN 1 - (text_embedding::vector(%d) <=> $7::vector(%d)) ELSE -1 END`, q.Dim, q.Dim)
		vec, textVec = pgvector.NewVector(q.Vector), pgvector.NewVector(q.TextVector)
	}
	args := []any{q.Services, out.Message, q.Limit, q.Documents}
	if vec != nil {
		args = append(args, q.Model, vec, textVec)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+answerColumns+`, lexemes, text_lexemes, `+cosine+` AS cosine, `+textCosine+`,
		ARRAY(SELECT document_id FROM answer_sources s WHERE s.answer_id = answers.id ORDER BY document_id)
		FROM answers WHERE status <> 'archived' AND ($1::text[] IS NULL OR service = ANY($1))
		ORDER BY (lexemes && $2::text[] OR id IN (SELECT answer_id FROM answer_sources WHERE document_id = ANY($4::bigint[]))) DESC,
			cosine DESC, id LIMIT $3`, args...)
	if err != nil {
		return AnswerCandidates{}, fmt.Errorf("match answers: %w", err)
	}
	out.Candidates, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (AnswerCandidate, error) {
		var c AnswerCandidate
		a := &c.Answer
		err := r.Scan(&a.ID, &a.Service, &a.AuthorService, &a.Question, &a.Text, &a.Sources, &a.Status, &a.StatusReason,
			&a.Version, &a.DraftID, &a.CreatedBy, &a.CreatedAt, &a.UpdatedAt, &a.ReviewedAt, &c.Lexemes, &c.TextLexemes,
			&c.Cosine, &c.TextCosine, &c.Documents)
		return c, err
	})
	if err != nil {
		return AnswerCandidates{}, fmt.Errorf("match answers: %w", err)
	}
	return out, s.lexemeDF(ctx, &out)
}

// lexemeDF reads how many chunks hold each lexeme of the message and of the
// candidates: rare words weigh more in a match.
func (s *Store) lexemeDF(ctx context.Context, out *AnswerCandidates) error {
	words := append(append([]string{""}, out.Message...), out.Focus...)
	for _, c := range out.Candidates {
		words = append(append(words, c.Lexemes...), c.TextLexemes...)
	}
	rows, err := s.pool.Query(ctx, "SELECT lexeme, df FROM lexeme_stats WHERE lexeme = ANY($1)", words)
	if err != nil {
		return fmt.Errorf("match answers: word statistics: %w", err)
	}
	defer rows.Close()
	out.DF = map[string]int{}
	for rows.Next() {
		var w string
		var df int
		if err := rows.Scan(&w, &df); err != nil {
			return fmt.Errorf("match answers: word statistics: %w", err)
		}
		if w == "" {
			out.Chunks = df
		} else {
			out.DF[w] = df
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("match answers: word statistics: %w", err)
	}
	return nil
}
