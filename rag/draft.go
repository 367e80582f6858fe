package rag

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/telemetry"
	"github.com/plume-sp/plume/triage"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// MaxQuestionBytes bounds the user text a draft is asked for.
const MaxQuestionBytes = 20000

// Drafter writes checked, cited drafts: redact, search, prompt, model (or
// extractive fallback), checks, restore, store.
type Drafter struct {
	searcher *Searcher
	store    *store.Store
	chat     llm.Chatter
	prompts  *prompts.Set
	// shingles detect the system prompts leaking into a draft.
	shingles promptShingles
	log      *slog.Logger
	opts     DraftOptions
}

// DraftOptions configures a Drafter. The zero value gives the defaults.
type DraftOptions struct {
	// Model names the chat model, as recorded with each draft.
	Model string
	// ContextTokens is the model's context window; the prompt is trimmed,
	// weakest passages first, to fit it with MaxTokens to spare (default
	// 8192).
	ContextTokens int
	// MaxTokens bounds the draft's length (default 1024).
	MaxTokens int
	// Sources is how many passages are given to the model (default 5).
	Sources int
	// Redaction decides what is masked (default redact.DefaultPolicy()).
	Redaction redact.Policy
	// Contacts says which contacts a draft may give without a source.
	Contacts ContactPolicy
	// Emergency are the numbers an urgent message's draft starts with
	// (default triage.DefaultContacts()); the checks allow them.
	Emergency []triage.Contact
	// SecondOpinion asks the model, on the redacted text, for the triage
	// level of each message; it can raise the lexicon's level, never lower
	// it.
	SecondOpinion bool
}

// defaultSources is how many passages a draft gives the model by default.
const defaultSources = 5

// NewDrafter returns a drafter. chat may be nil: every draft is then
// extractive.
func NewDrafter(searcher *Searcher, st *store.Store, chat llm.Chatter, ps *prompts.Set, log *slog.Logger, opts DraftOptions) *Drafter {
	if opts.ContextTokens <= 0 {
		opts.ContextTokens = 8192
	}
	if opts.MaxTokens <= 0 {
		opts.MaxTokens = 1024
	}
	if opts.Sources <= 0 {
		opts.Sources = defaultSources
	}
	if opts.Redaction == nil {
		opts.Redaction = redact.DefaultPolicy()
	}
	if opts.Contacts.Hosts == nil && opts.Contacts.Phones == nil {
		opts.Contacts = DefaultContactPolicy()
	}
	if opts.Emergency == nil {
		opts.Emergency = triage.DefaultContacts()
	}
	opts.Contacts.Phones = slices.Clone(opts.Contacts.Phones)
	for _, c := range opts.Emergency {
		opts.Contacts.Phones = append(opts.Contacts.Phones, c.Number)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Drafter{searcher: searcher, store: st, chat: chat, prompts: ps, shingles: newPromptShingles(ps.SystemTexts()),
		log: log, opts: opts}
}

// Channels lists the channels drafts can be written for.
func (d *Drafter) Channels() []string { return d.prompts.Channels() }

// Request asks for a draft.
type Request struct {
	Question string
	// Channel is "spp", "email", "conseiller" or "telephone".
	Channel string
	// Service is the agent's service, named in the prompt.
	Service string
	// Services restricts retrieval ("" stands for shared documents); empty
	// means every service.
	Services []string
	Audience []string
	// AgentNote is an optional instruction from the agent, treated as data.
	AgentNote string
	// APIKeyID records who asked, when asked over HTTP.
	APIKeyID *int64

	// example is the best active validated answer, given to the model as
	// an example of tone and structure only.
	example string
}

// Redaction is one masked value of the question, without the value.
type Redaction struct {
	Type        string  `json:"type"`
	Placeholder string  `json:"placeholder"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Confidence  float64 `json:"confidence"`
}

// Draft is a checked draft, restored for the agent.
type Draft struct {
	ID         string      `json:"id"`
	Channel    string      `json:"channel"`
	Draft      string      `json:"draft"`
	Citations  []Citation  `json:"citations"`
	Warnings   []Warning   `json:"warnings"`
	Redactions []Redaction `json:"redactions"`
	Extractive bool        `json:"extractive"`
	// Reliable says whether retrieval found a reliable source.
	Reliable      bool               `json:"reliable"`
	Model         string             `json:"model,omitempty"`
	PromptVersion string             `json:"prompt_version,omitempty"`
	Timings       map[string]float64 `json:"timings"`
	Tokens        Tokens             `json:"tokens"`
	CreatedAt     time.Time          `json:"created_at"`
	// Attention is the triage of the message: its level and reasons
	// (codes, labels, offsets into the question as given).
	Attention triage.Assessment `json:"attention"`
	// ValidatedAnswers are the validated answers close to the question,
	// best first; those to review carry status "to_review".
	ValidatedAnswers []ValidatedAnswer `json:"validated_answers"`
}

// Tokens counts the model's tokens for a draft.
type Tokens struct {
	Prompt     int `json:"prompt"`
	Completion int `json:"completion"`
}

// timer records how long each stage of a draft takes, in milliseconds,
// and makes each stage a span ("draft.redact", "draft.search"…) of ctx's
// trace, over the same interval; the spans carry no attribute.
type timer struct {
	ctx         context.Context
	start, last time.Time
	ms          map[string]float64
}

func newTimer(ctx context.Context) *timer {
	now := time.Now()
	return &timer{ctx: ctx, start: now, last: now, ms: map[string]float64{}}
}

func (t *timer) stage(name string) {
	now := time.Now()
	t.ms[name+"_ms"] += float64(now.Sub(t.last).Microseconds()) / 1000
	_, span := otel.Tracer(telemetry.TracerName).Start(t.ctx, "draft."+name, trace.WithTimestamp(t.last))
	span.End(trace.WithTimestamp(now))
	t.last = now
}

func (t *timer) finish() map[string]float64 {
	total := float64(time.Since(t.start).Microseconds()) / 1000
	t.ms["total_ms"] = total
	t.ms["plume_ms"] = total - t.ms["model_ms"]
	return t.ms
}

// Draft writes a draft in one go.
func (d *Drafter) Draft(ctx context.Context, req Request) (Draft, error) {
	return d.draft(ctx, req, nil)
}

// DraftStream writes a draft, calling onEvent as the model's reply comes
// with the text to show: only text that passed the checks (sentence by
// sentence, see streamGuard), restored as in the final draft, and a
// replacement when a later check changes what was shown (a prompt leak
// clears it). The events end with the returned draft's text; an extractive
// draft comes in one event.
func (d *Drafter) DraftStream(ctx context.Context, req Request, onEvent func(StreamEvent) error) (Draft, error) {
	if onEvent == nil {
		return Draft{}, fmt.Errorf("draft: nil onEvent: %w", ErrInvalid)
	}
	return d.draft(ctx, req, onEvent)
}

func (d *Drafter) validate(req *Request) error {
	switch {
	case strings.TrimSpace(req.Question) == "":
		return fmt.Errorf("draft: the question is empty: %w", ErrInvalid)
	case len(req.Question) > MaxQuestionBytes:
		return fmt.Errorf("draft: the question is %d bytes long, over %d: %w", len(req.Question), MaxQuestionBytes, ErrInvalid)
	case !utf8.ValidString(req.Question):
		return fmt.Errorf("draft: the question is not valid UTF-8: %w", ErrInvalid)
	case len(req.AgentNote) > 2000:
		return fmt.Errorf("draft: the agent's note is over 2000 bytes: %w", ErrInvalid)
	}
	if req.Channel == "" {
		req.Channel = "spp"
	}
	if !slices.Contains(d.prompts.Channels(), req.Channel) {
		return fmt.Errorf("draft: unknown channel %q (want one of %s): %w", req.Channel, strings.Join(d.prompts.Channels(), ", "), ErrInvalid)
	}
	return nil
}

func (d *Drafter) draft(ctx context.Context, req Request, onEvent func(StreamEvent) error) (Draft, error) {
	if err := d.validate(&req); err != nil {
		return Draft{}, err
	}
	t := newTimer(ctx)
	out := Draft{Channel: req.Channel, Citations: []Citation{}, Warnings: []Warning{}, Redactions: []Redaction{},
		ValidatedAnswers: []ValidatedAnswer{}}

	// 1. Redact: only redacted text goes further.
	red, err := redact.Redact(ctx, req.Question, d.opts.Redaction)
	if err != nil {
		return Draft{}, fmt.Errorf("draft: redact: %w", err)
	}
	// Offsets of redactions refer to the question as given; the rest works
	// on the trimmed text.
	question := strings.TrimSpace(red.Text)
	counts := map[string]int{}
	for _, e := range red.Entities {
		out.Redactions = append(out.Redactions, Redaction{Type: string(e.Type), Placeholder: e.Placeholder,
			Start: e.Start, End: e.End, Confidence: e.Confidence})
		counts[string(e.Type)]++
	}
	note := req.AgentNote
	if note != "" {
		nr, err := redact.Redact(ctx, note, d.opts.Redaction)
		if err != nil {
			return Draft{}, fmt.Errorf("draft: redact the agent's note: %w", err)
		}
		note = nr.Text
	}
	t.stage("redact")
	out.Attention = d.assess(ctx, req.Question, red.Text)
	t.stage("triage")

	// 2. Retrieve.
	res, err := d.searcher.Search(ctx, Query{Text: searchText(question, red.Mapping), K: d.opts.Sources,
		Audience: req.Audience, Services: req.Services})
	if err != nil {
		return Draft{}, fmt.Errorf("draft: %w", err)
	}
	if slices.Contains(res.Warnings, WarnVectorUnavailable) {
		out.Warnings = append(out.Warnings, Warning{Code: WarnFullTextOnly, Severity: "info",
			Message: "La recherche sémantique est indisponible : les sources ont été trouvées par mots-clés seulement."})
	}
	var passages []Result
	for _, r := range res.Results {
		if r.Reliable {
			passages = append(passages, r)
		}
	}
	out.Reliable = len(passages) > 0
	if !out.Reliable {
		out.Warnings = append(out.Warnings, Warning{Code: WarnNoReliableSource, Severity: "warning",
			Message: "Aucune source fiable n'a été trouvée : le brouillon est une réponse d'attente, vérifiez la réglementation avant de répondre."})
	}
	t.stage("search")
	out.ValidatedAnswers = d.validatedAnswers(ctx, matchable(stripPlaceholders(searchText(question, red.Mapping))), req.Services, &res)
	req.example = bestExample(out.ValidatedAnswers)
	t.stage("answers")

	// 3 and 4. Prompt and model, or the extractive draft; a stream shows
	// only checked text.
	// An urgent message's draft starts with the contacts to call; the
	// checks allow their numbers.
	template, numbers := urgentTemplate(req.Channel, out.Attention, d.opts.Emergency, passages)
	contacts := d.opts.Contacts
	contacts.Phones = append(slices.Clone(contacts.Phones), numbers...)
	chk := &checker{contacts: contacts, restore: restoreMapping(req.Channel, red.Mapping), policy: d.opts.Redaction}
	var guard *streamGuard
	if onEvent != nil {
		guard = &streamGuard{chk: chk, leak: d.shingles.scanner(), emit: onEvent, prefix: template}
		if err := guard.show(template); err != nil {
			return Draft{}, fmt.Errorf("draft: stream: %w", err)
		}
	}
	text, modelOut, passages, err := d.write(ctx, &req, question, note, passages, &out, chk, guard, t)
	if err != nil {
		return Draft{}, err
	}
	text = template + text

	// 5. Checks, on redacted text.
	chk.passages = passages
	text, citations, warns := chk.check(text)
	out.Citations = citations
	if !out.Extractive || len(passages) > 0 {
		out.Warnings = append(out.Warnings, warns...)
	} else {
		// An extractive holding reply cites nothing by design: only the
		// contact warnings apply.
		for _, w := range warns {
			if w.Code == WarnContactMasked {
				out.Warnings = append(out.Warnings, w)
			}
		}
	}
	if modelOut {
		// A public Services Publics+ reply must not repeat personal data:
		// there, dropped placeholders are expected, not worth a warning.
		out.Warnings = append(out.Warnings, checkPlaceholders(text, red.Mapping, !publicChannel(req.Channel))...)
	}
	out.Warnings = append(out.Warnings, checkWithheld(req.Channel, text, red.Mapping)...)
	t.stage("checks")

	// 6. Store the redacted draft, then restore for the agent.
	sources, err := json.Marshal(out.Citations)
	if err != nil {
		return Draft{}, fmt.Errorf("draft: encode sources: %w", err)
	}
	reasons, err := json.Marshal(out.Attention.Reasons)
	if err != nil {
		return Draft{}, fmt.Errorf("draft: encode triage reasons: %w", err)
	}
	warningCodes := make([]string, len(out.Warnings))
	for i, w := range out.Warnings {
		warningCodes[i] = w.Code
	}
	stored := store.Draft{Channel: req.Channel, Service: req.Service, Audience: req.Audience, APIKeyID: req.APIKeyID,
		Question: question, PromptVersion: out.PromptVersion, Model: out.Model, Extractive: out.Extractive,
		Reliable: out.Reliable, Sources: sources, Draft: text, Warnings: warningCodes, RedactionCounts: counts,
		PromptTokens: out.Tokens.Prompt, CompletionTokens: out.Tokens.Completion,
		AttentionLevel: string(out.Attention.Level), AttentionReasons: reasons}
	out.Draft = redact.Restore(text, chk.restore, d.opts.Redaction)
	t.stage("restore")
	// The stored timings stop before the storage step itself.
	stored.Timings = maps.Clone(t.finish())
	if err := d.store.SaveDraft(ctx, &stored); err != nil {
		return Draft{}, fmt.Errorf("draft: %w", err)
	}
	t.stage("store")
	if guard != nil {
		// The draft is stored: a client gone by now misses the end of
		// the stream, not the draft.
		if err := guard.show(out.Draft); err != nil {
			d.log.Info("stream ended before the draft was shown", "draft_id", stored.ID, "err", err)
		}
	}
	out.ID, out.CreatedAt = stored.ID, stored.CreatedAt
	out.Timings = t.finish()
	d.log.Info("draft written", "draft_id", out.ID, "channel", out.Channel, "extractive", out.Extractive,
		"reliable", out.Reliable, "attention", out.Attention.Level, "reasons", strings.Join(out.Attention.Codes(), ","), "sources", len(out.Citations), "warnings", strings.Join(warningCodes, ","),
		"redactions", len(out.Redactions), "total_ms", out.Timings["total_ms"], "model_ms", out.Timings["model_ms"])
	return out, nil
}

// write produces the redacted draft text: from the model when one is
// configured and answers well, else extractive. modelOut says which; used
// are the passages the draft drew on, numbered from 1 in its citations.
// A stream (guard not nil) shows the reply as it passes chk's checks.
func (d *Drafter) write(ctx context.Context, req *Request, question, note string, passages []Result, out *Draft,
	chk *checker, guard *streamGuard, t *timer) (text string, modelOut bool, used []Result, err error) {
	extractive := func(w Warning) (string, bool, []Result, error) {
		out.Extractive = true
		out.Warnings = append(out.Warnings, w)
		quoted := extractivePassages(passages)
		return extractiveDraft(req.Channel, question, req.Service, quoted), false, quoted, nil
	}
	if d.chat == nil {
		return extractive(Warning{Code: WarnExtractive, Severity: "info",
			Message: "Aucun modèle n'est configuré : ce brouillon reprend les passages officiels les plus pertinents."})
	}
	prompt, n, err := d.render(req, question, note, passages)
	if err != nil {
		return "", false, nil, err
	}
	passages = passages[:n]
	chk.passages = passages
	out.PromptVersion = prompt.Version
	out.Model = d.opts.Model
	t.stage("prompt")

	chatReq := llm.ChatRequest{Messages: toLLMMessages(prompt.Messages), MaxTokens: d.opts.MaxTokens, Temperature: 0.2}
	var resp llm.ChatResponse
	if guard != nil {
		resp, err = d.chat.ChatStream(ctx, chatReq, guard.add)
	} else {
		resp, err = d.chat.Chat(ctx, chatReq)
	}
	t.stage("model")
	resp.Content = plainText(resp.Content)
	out.Tokens = Tokens{Prompt: resp.PromptTokens, Completion: resp.CompletionTokens}
	switch {
	case err != nil && ctx.Err() != nil:
		return "", false, nil, fmt.Errorf("draft: %w", ctx.Err())
	case err != nil:
		d.log.Warn("model failed, writing an extractive draft", "err", err)
		return extractive(Warning{Code: WarnModelFailed, Severity: "warning",
			Message: "Le modèle n'a pas répondu (" + modelFailure(err) + ") : ce brouillon reprend les passages officiels les plus pertinents."})
	case strings.TrimSpace(resp.Content) == "":
		return extractive(Warning{Code: WarnModelFailed, Severity: "warning",
			Message: "Le modèle a rendu une réponse vide : ce brouillon reprend les passages officiels les plus pertinents."})
	case d.shingles.leaksPrompt(resp.Content):
		d.log.Warn("model output reproduced the system prompt, discarded")
		return extractive(Warning{Code: WarnPromptLeak, Severity: "warning",
			Message: "La réponse du modèle reprenait ses consignes internes ; elle a été écartée au profit d'un brouillon extractif."})
	}
	return strings.TrimSpace(resp.Content), true, passages, nil
}

// render builds the prompt, dropping the weakest passages until it fits the
// model's context with room for the answer. It returns how many passages
// the prompt holds.
func (d *Drafter) render(req *Request, question, note string, passages []Result) (prompts.Prompt, int, error) {
	for n := len(passages); ; n-- {
		sources := make([]prompts.Source, n)
		for i, p := range passages[:n] {
			sources[i] = prompts.Source{N: i + 1, Title: p.Title, URL: p.URL, Heading: p.Heading, Text: p.Text}
		}
		prompt, err := d.prompts.Render(prompts.Input{Channel: req.Channel, Question: question, Sources: sources,
			Service: req.Service, AgentNote: note, Example: req.example})
		if err != nil {
			return prompts.Prompt{}, 0, fmt.Errorf("draft: prompt: %w", err)
		}
		if llm.EstimateMessagesTokens(toLLMMessages(prompt.Messages))+d.opts.MaxTokens <= d.opts.ContextTokens {
			return prompt, n, nil
		}
		if n == 0 {
			return prompts.Prompt{}, 0, fmt.Errorf("draft: the question alone does not fit the model's context of %d tokens: %w",
				d.opts.ContextTokens, ErrInvalid)
		}
	}
}

func toLLMMessages(msgs []prompts.Message) []llm.Message {
	out := make([]llm.Message, len(msgs))
	for i, m := range msgs {
		out[i] = llm.Message{Role: m.Role, Content: m.Content}
	}
	return out
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

// searchText is the redacted question without its placeholders: words such
// as "NOM_1" or "EMAIL_1" match nothing relevant and lower the scores of
// the passages that answer, down to "no reliable source".
func searchText(question string, m redact.Mapping) string {
	text := question
	for _, ph := range m.Placeholders() {
		text = strings.ReplaceAll(text, ph, " ")
	}
	if strings.TrimSpace(text) == "" {
		return question
	}
	return text
}

// RedactQuery redacts a search typed by a person and returns the text to
// search with: redacted, without placeholders. Only this text may reach an
// embedding model; the result says what was masked.
func RedactQuery(ctx context.Context, text string, policy redact.Policy) (string, redact.Result, error) {
	red, err := redact.Redact(ctx, text, policy)
	if err != nil {
		return "", redact.Result{}, fmt.Errorf("redact query: %w", err)
	}
	return searchText(red.Text, red.Mapping), red, nil
}
