package rag

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/triage"
)

// Drafter writes checked, cited drafts: validate (Validate), then redact,
// search, prompt, model (or extractive fallback), checks, restore, store
// (see run.go).
type Drafter struct {
	searcher *Searcher
	store    *store.Store
	chat     llm.Chatter
	prompts  *prompts.Set
	// shingles detect the system prompts leaking into a draft.
	shingles promptShingles
	// answerCheck, when set, asks the model whether a validated answer
	// answers the message before it is shown (AnswerCheck).
	answerCheck *AnswerChecker
	log         *slog.Logger
	opts        DraftOptions
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
	// MaxQuestionBytes bounds a question to draft from or a message to
	// triage (default MaxQuestionBytes): the one limit of user text.
	MaxQuestionBytes int
	// Redaction decides what is masked (default: the searcher's policy).
	Redaction redact.Policy
	// Contacts says which contacts a draft may give without a source.
	Contacts ContactPolicy
	// Emergency are the numbers an urgent message's draft starts with
	// (default triage.DefaultContacts()); the checks allow them in the
	// drafts of urgent and attention messages only.
	Emergency []triage.Contact
	// FeedbackTags are the labels agents may tag feedback with (default
	// DefaultFeedbackTags()): any other tag is refused.
	FeedbackTags []string
	// SecondOpinion asks the model, on the redacted text, for the triage
	// level of each message; it can raise the lexicon's level, never lower
	// it.
	// SecondOpinionTimeout bounds that call (default
	// DefaultSecondOpinionTimeout): past it the lexicon's level stands.
	SecondOpinion        bool
	SecondOpinionTimeout time.Duration
	// AnswerCheck asks the model, with a chat model only, whether each of
	// the first validated answers found answers the redacted message
	// before it is shown (see AnswerChecker); AnswerCheckTimeout bounds
	// each call (default DefaultAnswerCheckTimeout).
	AnswerCheck        bool
	AnswerCheckTimeout time.Duration
}

// DefaultSecondOpinionTimeout bounds the triage second opinion when
// DraftOptions gives no limit: a few words from the model, which must not
// eat the time of the draft that follows it.
const DefaultSecondOpinionTimeout = 5 * time.Second

// defaultSources is how many passages a draft gives the model by default.
const defaultSources = 5

// withDefaults returns o with its defaults, for a drafter over searcher
// (nil for a drafter that only triages).
func (o DraftOptions) withDefaults(searcher *Searcher) DraftOptions {
	o.ContextTokens = orDefault(o.ContextTokens, 8192)
	o.MaxTokens = orDefault(o.MaxTokens, 1024)
	o.Sources = orDefault(o.Sources, defaultSources)
	o.MaxQuestionBytes = orDefault(o.MaxQuestionBytes, MaxQuestionBytes)
	o.SecondOpinionTimeout = orDefault(o.SecondOpinionTimeout, DefaultSecondOpinionTimeout)
	switch {
	case o.Redaction != nil:
	case searcher != nil:
		o.Redaction = searcher.Policy()
	default:
		o.Redaction = redact.DefaultPolicy()
	}
	if o.Contacts.Hosts == nil && o.Contacts.Phones == nil && o.Contacts.Links == nil {
		o.Contacts = DefaultContactPolicy()
	}
	if o.Emergency == nil {
		o.Emergency = triage.DefaultContacts()
	}
	if len(o.FeedbackTags) == 0 {
		o.FeedbackTags = DefaultFeedbackTags()
	}
	o.Contacts.Phones = slices.Clone(o.Contacts.Phones)
	return o
}

// NewDrafter returns a drafter. chat may be nil: every draft is then
// extractive, and validated answers are not checked (AnswerCheck).
func NewDrafter(searcher *Searcher, st *store.Store, chat llm.Chatter, ps *prompts.Set, log *slog.Logger, opts DraftOptions) *Drafter {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	d := &Drafter{searcher: searcher, store: st, chat: chat, prompts: ps, shingles: newPromptShingles(ps.SystemTexts()),
		log: log, opts: opts.withDefaults(searcher)}
	if opts.AnswerCheck && chat != nil {
		d.answerCheck = NewAnswerChecker(chat, ps, d.opts.Redaction, opts.AnswerCheckTimeout, log)
	}
	return d
}

// Channels lists the channels drafts can be written for.
func (d *Drafter) Channels() []string { return d.prompts.Channels() }

// MaxQuestionBytes is the longest question the drafter drafts from, and the
// longest message it triages.
func (d *Drafter) MaxQuestionBytes() int { return d.opts.MaxQuestionBytes }

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

// Draft writes a draft in one go, for a request Validate returned.
func (d *Drafter) Draft(ctx context.Context, req ValidRequest) (Draft, error) {
	return d.draft(ctx, req.req, nil)
}

// DraftStream writes a draft, calling onEvent as the model's reply comes
// with the text to show: only text that passed the checks (sentence by
// sentence, see streamGuard), restored as in the final draft, and a
// replacement when a later check changes what was shown (a prompt leak
// clears it). The events end with the returned draft's text; an extractive
// draft comes in one event.
func (d *Drafter) DraftStream(ctx context.Context, req ValidRequest, onEvent func(StreamEvent) error) (Draft, error) {
	if onEvent == nil {
		return Draft{}, fmt.Errorf("draft: nil onEvent: %w", ErrInvalid)
	}
	return d.draft(ctx, req.req, onEvent)
}
