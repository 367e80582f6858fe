package llm

import "context"

// Chat roles.
const (
	RoleSystem    = "system"
	RoleUser      = "user"
	RoleAssistant = "assistant"
)

// Message is one message of a chat prompt.
type Message struct {
	// Role is RoleSystem, RoleUser or RoleAssistant.
	Role string
	// Content is the text of the message: redacted user text or official
	// text (see Text).
	Content Text
}

// ChatRequest is what a caller asks of a chat model.
type ChatRequest struct {
	// Messages is the prompt, in order; at least one.
	Messages []Message
	// MaxTokens bounds the length of the reply; 0 leaves it to the server.
	MaxTokens int
	// Temperature is the sampling temperature; 0 leaves it to the server
	// (the OpenAI wire format cannot tell an explicit 0 from none).
	Temperature float32
	// TopP is the nucleus sampling mass; 0 leaves it to the server.
	TopP float32
	// Stop lists sequences at which the model stops writing.
	Stop []string
	// Seed asks for reproducible sampling where the server supports it.
	Seed *int
}

// ChatResponse is a model's complete reply.
type ChatResponse struct {
	// Content is the text of the reply (the concatenated deltas when
	// streamed).
	Content string
	// Model is the model that answered, as the server names it.
	Model string
	// FinishReason is why the model stopped: "stop", "length" (cut by
	// MaxTokens or the context), "content_filter"…; empty when the server
	// did not say.
	FinishReason string
	// PromptTokens and CompletionTokens are the usage the server reported,
	// or estimates (see UsageEstimated).
	PromptTokens     int
	CompletionTokens int
	// UsageEstimated is true when the server reported no usage and the
	// token counts come from EstimateTokens.
	UsageEstimated bool
}

// Chatter is a chat model.
type Chatter interface {
	// Chat sends the request and returns the whole reply.
	Chat(ctx context.Context, req ChatRequest) (ChatResponse, error)
	// ChatStream sends the request and calls onDelta with each piece of
	// text as it arrives, then returns the whole reply as Chat does. An
	// error from onDelta ends the call and is returned wrapped.
	ChatStream(ctx context.Context, req ChatRequest, onDelta func(delta string) error) (ChatResponse, error)
}
