package prompts

import (
	"errors"
	"fmt"
	"strings"
	"text/template"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/redact"
)

// ErrUnknownChannel is wrapped by the error Render returns for a channel the
// Set has no templates for.
var ErrUnknownChannel = errors.New("unknown channel")

// ErrInvalidInput is wrapped by the error Render returns for an input it
// cannot render: an empty question or a badly numbered source.
var ErrInvalidInput = errors.New("invalid prompt input")

// The roles of the rendered messages, as the OpenAI chat API names them.
const (
	RoleSystem = llm.RoleSystem
	RoleUser   = llm.RoleUser
)

// Source is one numbered passage given to the model. N is the number the
// model cites as [N]; it must be positive and unique within an Input.
type Source struct {
	N       int
	Title   string
	URL     string
	Heading string
	Text    string
}

// Input is what a prompt is rendered from. Question is the user's message,
// redacted (its type admits nothing else); Sources, passages of official
// documents, may be empty, in which case the prompt asks for a short
// holding reply. Service (the name of the answering service, one of the
// vocabulary's) and AgentNote (the agent's short extra instructions,
// redacted as well) are optional.
type Input struct {
	Channel   string
	Question  redact.Text
	Sources   []Source
	Service   string
	AgentNote redact.Text
	// Example is a validated answer to a close question, redacted: the
	// model may follow its tone and structure, never take facts from it.
	Example redact.Text
}

// plain is an Input's texts as the templates see them; Load's checks
// render sample values through it.
type plain struct {
	channel, question, service, note, example string
	sources                                   []Source
}

func (in Input) plain() plain {
	return plain{channel: in.Channel, question: in.Question.String(), service: in.Service,
		note: in.AgentNote.String(), example: in.Example.String(), sources: in.Sources}
}

// Prompt is a rendered prompt: the system message then the user message,
// ready for the model (their text is official: plume's templates around
// redacted input and official passages). Version names the versions of
// the template files that produced it.
type Prompt struct {
	Channel  string
	Version  string
	Messages []llm.Message
}

// Set holds the parsed templates of every channel. It is immutable and safe
// for concurrent use.
type Set struct {
	names    []string
	channels map[string]*channel
	// answerCheck asks whether a validated answer answers a message.
	answerCheck *checkPrompt
	clean       *sanitizer
}

// channel is the parsed templates of one channel.
type channel struct {
	version string
	system  string // fixed: rendered once at load
	user    *template.Template
	origin  string // where the user template came from, for errors
}

// systemData is all a system template may see: nothing from the request.
type systemData struct {
	Channel string
}

// userData is what a user template sees; every text is neutralised.
type userData struct {
	Channel   string
	Service   string
	Question  string
	AgentNote string
	Example   string
	Sources   []Source
}

// Channels returns the names of the channels the Set renders, sorted.
func (s *Set) Channels() []string {
	return append([]string(nil), s.names...)
}

// SystemTexts returns the system message of every channel, in the order of
// Channels. System messages do not depend on the input, so a draft that
// reproduces a run of their words leaks the instructions.
func (s *Set) SystemTexts() []string {
	out := make([]string, len(s.names))
	for i, n := range s.names {
		out[i] = s.channels[n].system
	}
	return out
}

// Render returns the messages for in. It fails with an error wrapping
// ErrUnknownChannel for a channel the Set does not know, and with one
// wrapping ErrInvalidInput for an empty question or a source whose number is
// not positive or is repeated. The same input always gives the same prompt.
func (s *Set) Render(in Input) (Prompt, error) {
	return s.render(in.plain())
}

// render renders the texts of an Input.
func (s *Set) render(in plain) (Prompt, error) {
	ch, ok := s.channels[in.channel]
	if !ok {
		return Prompt{}, fmt.Errorf("prompts: channel %q (known: %s): %w",
			in.channel, strings.Join(s.names, ", "), ErrUnknownChannel)
	}
	d, err := s.data(in)
	if err != nil {
		return Prompt{}, err
	}
	user, err := ch.renderUser(d)
	if err != nil {
		return Prompt{}, err
	}
	return Prompt{
		Channel: in.channel,
		Version: ch.version,
		Messages: []llm.Message{
			{Role: RoleSystem, Content: llm.Official(ch.system)},
			{Role: RoleUser, Content: llm.Official(user)},
		},
	}, nil
}

// data validates in and neutralises every text it carries.
func (s *Set) data(in plain) (userData, error) {
	d := userData{
		Channel:   in.channel,
		Service:   s.clean.line(in.service),
		Question:  s.clean.text(in.question),
		AgentNote: s.clean.text(in.note),
		Example:   s.clean.text(in.example),
	}
	if d.Question == "" {
		return userData{}, fmt.Errorf("prompts: empty question: %w", ErrInvalidInput)
	}
	seen := make(map[int]bool, len(in.sources))
	for i, src := range in.sources {
		if src.N <= 0 {
			return userData{}, fmt.Errorf("prompts: source %d of %d has number %d, want a positive number: %w",
				i+1, len(in.sources), src.N, ErrInvalidInput)
		}
		if seen[src.N] {
			return userData{}, fmt.Errorf("prompts: source number %d is repeated: %w", src.N, ErrInvalidInput)
		}
		seen[src.N] = true
		d.Sources = append(d.Sources, Source{
			N:       src.N,
			Title:   s.clean.line(src.Title),
			URL:     s.clean.line(src.URL),
			Heading: s.clean.line(src.Heading),
			Text:    s.clean.text(src.Text),
		})
	}
	return d, nil
}

// renderUser executes the user template and tidies its blank space.
func (ch *channel) renderUser(d userData) (string, error) { return execute(ch.user, ch.origin, d) }

// execute executes t (from origin, for errors) with d and tidies its blank
// space.
func execute(t *template.Template, origin string, d any) (string, error) {
	var b strings.Builder
	if err := t.Execute(&b, d); err != nil {
		return "", fmt.Errorf("prompts: render %s: %w", origin, err)
	}
	return tidy(b.String()), nil
}
