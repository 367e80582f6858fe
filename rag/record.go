package rag

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/plume-sp/plume/store"
)

// save is the store stage: the redacted draft, its question, sources,
// warnings and timings so far (they stop before this stage).
func (d *Drafter) save(ctx context.Context, r run) (store.Draft, error) {
	sources, err := json.Marshal(r.checked.citations)
	if err != nil {
		return store.Draft{}, fmt.Errorf("draft: encode sources: %w", err)
	}
	reasons, err := json.Marshal(r.attention.Reasons)
	if err != nil {
		return store.Draft{}, fmt.Errorf("draft: encode triage reasons: %w", err)
	}
	warnings := r.warnings()
	codes := make([]string, len(warnings))
	for i, w := range warnings {
		codes[i] = w.Code
	}
	stored := store.Draft{Channel: r.req.Channel, Service: r.req.Service, Audience: r.req.Audience, APIKeyID: r.req.APIKeyID,
		Question: store.Redacted(r.red.question), PromptVersion: r.written.promptVersion, Model: r.written.model,
		Extractive: r.written.extractive, Reliable: r.found.reliable, Sources: sources, Draft: r.checked.text,
		Warnings: codes, RedactionCounts: r.red.counts, PromptTokens: r.written.tokens.Prompt,
		CompletionTokens: r.written.tokens.Completion, AttentionLevel: string(r.attention.Level), AttentionReasons: reasons,
		Timings: maps.Clone(r.timer.finish())}
	if err := d.store.SaveDraft(ctx, &stored); err != nil {
		return store.Draft{}, fmt.Errorf("draft: %w", err)
	}
	return stored, nil
}
