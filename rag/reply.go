package rag

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/redact"
)

// written is a draft's redacted text before the checks, and how it was
// written.
type written struct {
	// text follows the opening: the model's reply, trimmed, or an
	// extractive draft.
	text      string
	fromModel bool
	// passages are those the text drew on, numbered from 1 in its
	// citations.
	passages   []Result
	extractive bool
	// warnings say why the draft is extractive, or how the model's
	// reply was repaired to its channel's form.
	warnings             []Warning
	promptVersion, model string
	tokens               Tokens
}

// write runs the prompt and model stages, or writes an extractive draft
// when there is no model or its reply is unusable. A stream (not nil) shows
// the reply as it passes the checks.
func (d *Drafter) write(ctx context.Context, r run, stream *streamGuard) (written, error) {
	if d.chat == nil {
		return extractive(r, r.found.passages, Warning{Code: WarnExtractive, Severity: "info",
			Message: "Aucun modèle n'est configuré : ce brouillon reprend les passages officiels les plus pertinents."}), nil
	}
	p, err := d.prompt(r)
	if err != nil {
		return written{}, err
	}
	r.timer.stage("prompt")
	reply, err := d.model(ctx, r, p, stream)
	r.timer.stage("model")
	return d.accept(ctx, r, p, reply, err)
}

// prompted is a rendered prompt and the passages it holds.
type prompted struct {
	prompt   prompts.Prompt
	passages []Result
}

// prompt is the prompt stage: the prompt of the redacted question, the
// weakest passages dropped until it fits the model's context with room for
// the answer; a question that does not fit alone is ErrTooLong (413, as a
// question over its limit in bytes).
func (d *Drafter) prompt(r run) (prompted, error) {
	passages := r.found.passages
	for n := len(passages); ; n-- {
		sources := make([]prompts.Source, n)
		for i, p := range passages[:n] {
			sources[i] = prompts.Source{N: i + 1, Title: p.Title, URL: p.URL, Heading: p.Heading, Text: p.Text}
		}
		prompt, err := d.prompts.Render(prompts.Input{Channel: r.req.Channel, Question: r.red.question, Sources: sources,
			Service: r.req.Service, AgentNote: r.red.note, Example: r.example})
		if err != nil {
			return prompted{}, fmt.Errorf("draft: prompt: %w", err)
		}
		if llm.EstimateMessagesTokens(prompt.Messages)+d.opts.MaxTokens <= d.opts.ContextTokens {
			return prompted{prompt: prompt, passages: passages[:n]}, nil
		}
		if n == 0 {
			return prompted{}, fmt.Errorf("draft: the question%s does not fit the model's context of %d tokens with room for the answer (%d tokens): shorten it: %w",
				withNote(r.red.note), d.opts.ContextTokens, d.opts.MaxTokens, ErrTooLong)
		}
	}
}

// withNote is how the too long text is named besides the question: with
// the agent's note, when there is one (it is in the prompt too).
func withNote(note redact.Text) string {
	if note.IsEmpty() {
		return ""
	}
	return ", with the agent's note,"
}

// model is the model stage: the prompt sent, the reply streamed through
// the checks when a stream is given.
func (d *Drafter) model(ctx context.Context, r run, p prompted, stream *streamGuard) (llm.ChatResponse, error) {
	req := llm.ChatRequest{Messages: p.prompt.Messages, MaxTokens: d.opts.MaxTokens, Temperature: 0.2}
	if stream == nil {
		return d.chat.Chat(ctx, req)
	}
	return d.chat.ChatStream(ctx, req, stream.feed(d.checker(r, p.passages)))
}

// accept takes the model's reply as the draft's text, or writes an
// extractive draft from the prompt's passages when the call failed or the
// reply is empty, far over the length asked (twice MaxTokens), says
// nothing aloud on the telephone, leaks the system prompt or, without
// sources, is not the holding reply asked for (keepsHolding).
func (d *Drafter) accept(ctx context.Context, r run, p prompted, resp llm.ChatResponse, err error) (written, error) {
	resp.Content = plainText(resp.Content)
	w := written{promptVersion: p.prompt.Version, model: d.opts.Model,
		tokens: Tokens{Prompt: resp.PromptTokens, Completion: resp.CompletionTokens}}
	fallback := func(warn Warning) (written, error) {
		e := extractive(r, p.passages, warn)
		e.promptVersion, e.model, e.tokens = w.promptVersion, w.model, w.tokens
		return e, nil
	}
	switch {
	case err != nil && ctx.Err() != nil:
		return written{}, fmt.Errorf("draft: %w", ctx.Err())
	case err != nil:
		d.log.Warn("model failed, writing an extractive draft", "err", err)
		return fallback(Warning{Code: WarnModelFailed, Severity: "warning",
			Message: "Le modèle n'a pas répondu (" + modelFailure(err) + ") : ce brouillon reprend les passages officiels les plus pertinents."})
	case strings.TrimSpace(resp.Content) == "":
		return fallback(Warning{Code: WarnModelFailed, Severity: "warning",
			Message: "Le modèle a rendu une réponse vide : ce brouillon reprend les passages officiels les plus pertinents."})
	case llm.EstimateTokens(resp.Content) > 2*d.opts.MaxTokens:
		// A server that ignores max_tokens (black-box round 1: 108 KB
		// stored as a draft) gives no reply an agent can review.
		d.log.Warn("model reply far over max tokens, discarded", "bytes", len(resp.Content), "max_tokens", d.opts.MaxTokens)
		return fallback(Warning{Code: WarnModelFailed, Severity: "warning",
			Message: "La réponse du modèle dépassait de loin la longueur demandée : ce brouillon reprend les passages officiels les plus pertinents."})
	case r.req.Channel == "telephone" && telephoneSaysNothing(resp.Content):
		return fallback(Warning{Code: WarnModelFailed, Severity: "warning",
			Message: "Le modèle n'a rien écrit à dire au téléphone : ce brouillon reprend les passages officiels les plus pertinents."})
	case d.shingles.leaksPrompt(resp.Content):
		d.log.Warn("model output reproduced the system prompt, discarded")
		return fallback(Warning{Code: WarnPromptLeak, Severity: "warning",
			Message: "La réponse du modèle reprenait ses consignes internes ; elle a été écartée au profit d'un brouillon extractif."})
	case len(p.passages) == 0 && !keepsHolding(resp.Content, p.prompt.Messages, r.req.Service):
		return fallback(Warning{Code: WarnHoldingEnforced, Severity: "warning",
			Message: "Sans source fiable, le modèle devait écrire une réponse d'attente sans information factuelle ; sa réponse ne suivait pas cette consigne et a été remplacée par la réponse d'attente."})
	}
	w.text, w.fromModel, w.passages = strings.TrimSpace(resp.Content), true, p.passages
	if r.req.Channel == "telephone" {
		w.text, w.warnings = repairTelephone(w.text, p.passages, d.opts.Contacts)
	}
	return w, nil
}

// extractive is the draft written without a model from the best passage of
// each document, with the warning that says why.
func extractive(r run, passages []Result, warn Warning) written {
	quoted := extractivePassages(passages)
	holding := holdingFor(r.found.noSubject)
	return written{text: extractiveDraft(r.req.Channel, r.red.question.String(), r.red.author, r.req.Service, quoted, holding),
		passages: quoted, extractive: true, warnings: []Warning{warn}}
}

// modelFailure names a model error for agents, without internals.
func modelFailure(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "délai dépassé"
	case errors.Is(err, llm.ErrRateLimited):
		return "trop de demandes"
	case errors.Is(err, llm.ErrBadRequest):
		return "demande refusée"
	case errors.Is(err, llm.ErrBadResponse):
		return "réponse inutilisable"
	default:
		return "service indisponible"
	}
}

func citationsOf(passages []Result) []Citation {
	out := make([]Citation, len(passages))
	for i, p := range passages {
		out[i] = Citation{N: i + 1, DocID: p.DocID, DocumentID: p.DocumentID, ChunkID: p.ChunkID, Title: p.Title,
			URL: p.URL, Heading: p.Heading, Passage: p.Text}
	}
	return out
}
