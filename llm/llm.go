// Package llm talks to language models: an OpenAI-compatible client for chat
// completions (plain and streamed) and embeddings, with retries and budgets,
// and a local embedder that needs no network and no model file. Callers
// depend on the small interfaces below, never on go-openai directly.
package llm

import "context"

// Embedder turns texts into vectors of a fixed dimension.
type Embedder interface {
	// Embed returns one vector per text, in order.
	Embed(ctx context.Context, texts []Text) ([][]float32, error)
	// Model identifies the embedder and model that made the vectors, as
	// recorded next to each stored vector (e.g. "local:ngram-v1",
	// "openai:bge-m3"). Vectors from different models are never compared.
	Model() string
	// Dim is the length of every vector Embed returns.
	Dim() int
}
