package telemetry

import (
	"context"

	"github.com/plume-sp/plume/llm"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Chatter wraps a chat model: each call is a span with the model's name,
// the number of messages and the token counts; never their text. A nil
// model stays nil (extractive drafts).
func Chatter(c llm.Chatter) llm.Chatter {
	if c == nil {
		return nil
	}
	return tracedChat{c}
}

type tracedChat struct{ next llm.Chatter }

func (t tracedChat) Chat(ctx context.Context, req llm.ChatRequest) (llm.ChatResponse, error) {
	ctx, span := start(ctx, "model.chat", req)
	resp, err := t.next.Chat(ctx, req)
	end(span, resp, err)
	return resp, err
}

func (t tracedChat) ChatStream(ctx context.Context, req llm.ChatRequest, onDelta func(string) error) (llm.ChatResponse, error) {
	ctx, span := start(ctx, "model.chat_stream", req)
	resp, err := t.next.ChatStream(ctx, req, onDelta)
	end(span, resp, err)
	return resp, err
}

func start(ctx context.Context, name string, req llm.ChatRequest) (context.Context, trace.Span) {
	return otel.Tracer(TracerName).Start(ctx, name, trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attribute.String("gen_ai.operation.name", "chat"),
			attribute.Int("plume.messages", len(req.Messages)), attribute.Int("gen_ai.request.max_tokens", req.MaxTokens)))
}

func end(span trace.Span, resp llm.ChatResponse, err error) {
	span.SetAttributes(attribute.String("gen_ai.response.model", resp.Model),
		attribute.String("gen_ai.response.finish_reason", resp.FinishReason),
		attribute.Int("gen_ai.usage.input_tokens", resp.PromptTokens),
		attribute.Int("gen_ai.usage.output_tokens", resp.CompletionTokens))
	fail(span, err)
	span.End()
}

// fail marks a span failed; the error's text may quote a server's answer:
// only its type goes in.
func fail(span trace.Span, err error) {
	if err != nil {
		span.SetStatus(codes.Error, "failed")
		span.SetAttributes(attribute.String("error.type", errorType(err)))
	}
}

// Embedder wraps an embedder: each call is a span with the model and the
// number of texts; never the texts.
func Embedder(e llm.Embedder) llm.Embedder { return tracedEmbedder{e} }

type tracedEmbedder struct{ llm.Embedder }

func (t tracedEmbedder) Embed(ctx context.Context, texts []llm.Text) ([][]float32, error) {
	ctx, span := otel.Tracer(TracerName).Start(ctx, "model.embed", trace.WithAttributes(
		attribute.String("gen_ai.operation.name", "embeddings"), attribute.String("gen_ai.request.model", t.Model()),
		attribute.Int("plume.texts", len(texts))))
	defer span.End()
	v, err := t.Embedder.Embed(ctx, texts)
	fail(span, err)
	return v, err
}
