package rag

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// MaxQuestionBytes is the default bound of the user text a draft or a
// triage is asked for (DraftOptions.MaxQuestionBytes).
const MaxQuestionBytes = 20000

// maxNoteBytes bounds the agent's note.
const maxNoteBytes = 2000

// checkNote refuses an agent's note over its limit, as a text too long
// (413 over HTTP, like a question).
func checkNote(what, note string) error {
	if len(note) > maxNoteBytes {
		return fmt.Errorf("%s: the agent's note is %d bytes long, over %d: %w", what, len(note), maxNoteBytes, ErrTextTooLong)
	}
	return nil
}

// ErrTooLong marks a text over its size limit; it wraps ErrInvalid.
var ErrTooLong = fmt.Errorf("text too long: %w", ErrInvalid)

// ErrTextTooLong marks a text other than a question over its limit (a
// feedback's final text, a validated answer's text): too long as a
// question is (it wraps ErrTooLong, and reads as it does: « text too
// long » once).
var ErrTextTooLong = fmt.Errorf("%w", ErrTooLong)

// Request asks for a draft. Question and AgentNote are raw user text: the
// drafter redacts them before anything else reads them.
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
}

// ValidRequest is a draft request the drafter validated: the only request
// Draft and DraftStream take, so that a request is validated once, before
// a stream starts.
type ValidRequest struct{ req Request }

// Validate is the validate stage, the one validation of a draft request,
// with the drafter's one limit. It returns req with its channel defaulted,
// or an error wrapping ErrInvalid: ErrTooLong for a question over
// DraftOptions.MaxQuestionBytes, ErrNoWords for one without a letter or a
// digit once its personal data are masked (« 06 12 34 56 78 »).
func (d *Drafter) Validate(ctx context.Context, req Request) (ValidRequest, error) {
	if err := d.validateMessage("draft: the question", req.Question); err != nil {
		return ValidRequest{}, err
	}
	if !hasWord(req.Question) {
		return ValidRequest{}, fmt.Errorf("draft: the question holds no letter or digit: %w", ErrNoWords)
	}
	if err := checkWords(ctx, req.Question, d.opts.Redaction); err != nil {
		return ValidRequest{}, fmt.Errorf("draft: %w", err)
	}
	if err := checkNote("draft", req.AgentNote); err != nil {
		return ValidRequest{}, err
	}
	// The service is named in the prompt: a key's or an agent's service
	// stored before services were checked must not bring free text there.
	if err := store.CheckService(req.Service); err != nil {
		return ValidRequest{}, fmt.Errorf("draft: %w: %w", err, ErrInvalid)
	}
	if req.Channel == "" {
		req.Channel = "spp"
	}
	if !slices.Contains(d.prompts.Channels(), req.Channel) {
		return ValidRequest{}, fmt.Errorf("draft: unknown channel %.40q (want one of %s): %w", req.Channel,
			strings.Join(d.prompts.Channels(), ", "), ErrInvalid)
	}
	return ValidRequest{req: req}, nil
}

// validateMessage checks a user's message, to draft from or to triage,
// against the drafter's limit; what names it in the errors.
func (d *Drafter) validateMessage(what, text string) error {
	switch {
	case strings.TrimFunc(text, fold.Blank) == "": // zero-width characters alone too
		return fmt.Errorf("%s is empty: %w", what, ErrInvalid)
	case len(text) > d.opts.MaxQuestionBytes:
		return fmt.Errorf("%s is %d bytes long, over %d: %w", what, len(text), d.opts.MaxQuestionBytes, ErrTooLong)
	case !utf8.ValidString(text):
		return fmt.Errorf("%s is not valid UTF-8: %w", what, ErrInvalid)
	}
	return nil
}

// hasWord reports whether text holds a letter or a digit outside terminal
// escape sequences (« \x1b[31m » alone is no question: black-box round 1
// had it drafted).
func hasWord(text string) bool {
	if strings.IndexByte(text, 0x1b) >= 0 {
		text = terminalEscapeRe.ReplaceAllString(text, "")
	}
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// terminalEscapeRe matches an ANSI terminal escape sequence: a control
// sequence (« ESC [ 31 m »), an operating system command ending with BEL
// or ESC \, or a two-character escape (« ESC c » resets the terminal).
var terminalEscapeRe = regexp.MustCompile(`\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-~])`)

// Redaction is one masked value of the question, without the value.
type Redaction struct {
	Type        string  `json:"type"`
	Placeholder string  `json:"placeholder"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Confidence  float64 `json:"confidence"`
}

// redacted is a request as the stages after redaction see it: only
// redacted text.
type redacted struct {
	// full is the redacted question as given; question is it trimmed, the
	// text the stages work on (offsets of redactions refer to the former).
	full, question redact.Text
	note           redact.Text
	// mapping holds the values of the question and of the note, numbered
	// by one session: the prompt carries both, and a placeholder names one
	// value in either. questionMapping holds the question's only.
	mapping, questionMapping redact.Mapping
	redactions               []Redaction
	// author is who wrote the question, as its redacted text tells.
	author author
	// counts are the masked values by type, as stored.
	counts map[string]int
}

// searchable is the question without its placeholders nor its clauses
// that only give credentials (withoutCredentials): what validated answers
// are matched against, as the search reads it.
func (r redacted) searchable() redact.Text {
	return withoutCredentials(r.question).WithoutPlaceholders(r.mapping)
}

// subject is the text a draft searches: the question, and the agent's note
// after it when the question alone names no subject and the note does
// (« Bonjour, merci de me rappeler » with the note « Veut changer l'adresse
// de sa carte grise »: the agent wrote down what the call was about).
func (r redacted) subject() redact.Text {
	if r.note.IsEmpty() || namesSubject(r.question) || !namesSubject(r.note) {
		return r.question
	}
	return redact.Join([]redact.Text{r.question, r.note}, redact.Newline)
}

// redact masks the personal data of the question and of the agent's note
// in one session, so that the two texts, which share a prompt, never give
// one placeholder to two values, and a value the note tells as one is
// masked in the question too (redact.Session.Expect).
func (d *Drafter) redact(ctx context.Context, req Request) (redacted, error) {
	session := redact.NewSession(d.opts.Redaction)
	if req.AgentNote != "" {
		// a name the note writes in full is one in the message too
		if err := session.Expect(ctx, req.AgentNote); err != nil {
			return redacted{}, fmt.Errorf("draft: read the agent's note: %w", err)
		}
	}
	red, err := session.Redact(ctx, req.Question)
	if err != nil {
		return redacted{}, fmt.Errorf("draft: redact: %w", err)
	}
	out := redacted{full: red.Text, question: red.Text.TrimSpace(), mapping: red.Mapping, questionMapping: red.Mapping,
		author: authorOf(red.Text, red.Entities), redactions: make([]Redaction, 0, len(red.Entities)), counts: map[string]int{}}
	for _, e := range red.Entities {
		out.redactions = append(out.redactions, Redaction{Type: string(e.Type), Placeholder: e.Placeholder,
			Start: e.Start, End: e.End, Confidence: e.Confidence})
		out.counts[string(e.Type)]++
	}
	if req.AgentNote != "" {
		note, err := session.Redact(ctx, req.AgentNote)
		if err != nil {
			return redacted{}, fmt.Errorf("draft: redact the agent's note: %w", err)
		}
		out.note, out.mapping = note.Text, note.Mapping
	}
	return out, nil
}
