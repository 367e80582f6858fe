package prompts

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/redact"
)

// The prompt that checks a validated answer before it is shown: one file,
// verification.check.tmpl, defining "system" (fixed) and "user" (the
// message, the answer's question and its text, each in its block). It is
// versioned and overridable as the channels' files are, and is no channel.
const (
	checkSuffix     = ".check.tmpl"
	answerCheckFile = "verification" + checkSuffix
	// AnswerCheckName is the Channel of a rendered answer check.
	AnswerCheckName = "verification"
)

// AnswerCheckInput is what the check of a validated answer is rendered
// from: the user's message and the answer's question and text, all
// redacted (the type admits nothing else).
type AnswerCheckInput struct {
	Message  redact.Text
	Question redact.Text
	Text     redact.Text
}

// answerCheckData is what the check's user template sees, neutralised.
type answerCheckData struct {
	Question       string
	AnswerQuestion string
	AnswerText     string
}

// checkPrompt is the parsed answer check.
type checkPrompt struct {
	version string
	system  string
	user    *template.Template
	origin  string
}

// Sample values the check's user template is tried with at load.
const (
	sampleAnswerQuestion = "QUESTIONTYPETEMOIN"
	sampleAnswerText     = "TEXTETYPETEMOIN"
)

// buildAnswerCheck parses the answer check, renders its system message and
// checks that each text lands alone in its block.
func (s *Set) buildAnswerCheck(f *file) (*checkPrompt, error) {
	if f == nil {
		return nil, fmt.Errorf("prompts: no %s", answerCheckFile)
	}
	root, err := template.New(f.name).Parse(f.text)
	if err != nil {
		return nil, fmt.Errorf("prompts: parse %s: %w", f.origin, err)
	}
	if root.Lookup("system") == nil || root.Lookup("user") == nil {
		return nil, fmt.Errorf("prompts: %s must define \"system\" and \"user\"", f.origin)
	}
	var b strings.Builder
	if err := root.ExecuteTemplate(&b, "system", struct{}{}); err != nil {
		return nil, fmt.Errorf("prompts: render %s (its system message sees no data): %w", f.origin, err)
	}
	c := &checkPrompt{version: f.version, system: tidy(b.String()), user: root.Lookup("user"), origin: f.origin}
	if c.system == "" {
		return nil, fmt.Errorf("prompts: %s renders an empty system message", f.origin)
	}
	out, err := c.renderUser(answerCheckData{Question: sampleQuestion, AnswerQuestion: sampleAnswerQuestion, AnswerText: sampleAnswerText})
	if err != nil {
		return nil, err
	}
	for _, v := range []string{sampleQuestion, sampleAnswerQuestion, sampleAnswerText} {
		if !inBlock(out, v) {
			return nil, fmt.Errorf("prompts: %s: the message, the answer's question and its text must each appear exactly once, "+
				"alone between a <<<LABEL line and a LABEL>>> line", f.origin)
		}
	}
	return c, nil
}

// renderUser executes the check's user template and tidies its blank space.
func (c *checkPrompt) renderUser(d answerCheckData) (string, error) {
	return execute(c.user, c.origin, d)
}

// RenderAnswerCheck returns the messages that ask the model whether a
// validated answer answers a message: the fixed system message, then the
// three texts, neutralised, each in its block. It fails with an error
// wrapping ErrInvalidInput when one of them is empty.
func (s *Set) RenderAnswerCheck(in AnswerCheckInput) (Prompt, error) {
	d := answerCheckData{Question: s.clean.text(in.Message.String()), AnswerQuestion: s.clean.text(in.Question.String()),
		AnswerText: s.clean.text(in.Text.String())}
	if d.Question == "" || d.AnswerQuestion == "" || d.AnswerText == "" {
		return Prompt{}, fmt.Errorf("prompts: answer check: empty message, question or text: %w", ErrInvalidInput)
	}
	user, err := s.answerCheck.renderUser(d)
	if err != nil {
		return Prompt{}, err
	}
	return Prompt{Channel: AnswerCheckName, Version: s.answerCheck.version, Messages: []llm.Message{
		{Role: RoleSystem, Content: llm.Official(s.answerCheck.system)},
		{Role: RoleUser, Content: llm.Official(user)},
	}}, nil
}
