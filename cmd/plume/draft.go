package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/wire"
)

// runDraft drafts a reply to the question given as arguments, or on stdin
// when there is none: the restored draft on stdout, then the warnings on
// stderr and the sources on stdout; with --json, the whole draft as JSON.
func runDraft(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "draft")
	channel := fs.String("channel", "spp", "spp (Services Publics+ reply), email, conseiller (note for a France services adviser) or telephone (spoken answer and follow-up text)")
	service := fs.String("service", "", "the agent's service: named in the reply, and retrieval keeps its documents and the shared ones")
	asJSON := fs.Bool("json", false, `print {"id", "draft", "citations", "warnings", "redactions", "extractive", "timings", ...}`)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	question, err := a.argsOrStdin(fs)
	if err != nil {
		return err
	}
	if strings.TrimSpace(question) == "" {
		return fmt.Errorf("%w: plume draft [--channel spp|email|conseiller|telephone] [--service S] [--json] QUESTION (or the question on stdin)", errUsage)
	}
	ps, err := prompts.Load(a.cfg.PromptsDir)
	if err != nil {
		return fmt.Errorf("prompts: %w", err)
	}
	if !slices.Contains(ps.Channels(), *channel) {
		return fmt.Errorf("%w: --channel %q: want one of %s", errUsage, *channel, strings.Join(ps.Channels(), ", "))
	}

	p, err := wire.New(ctx, a.cfg, a.log, wire.Parts{Prompts: ps})
	if err != nil {
		return err
	}
	defer p.Close()
	req := rag.Request{Question: question, Channel: *channel, Service: *service}
	if *service != "" {
		req.Services = []string{*service, ""}
	}
	valid, err := p.Drafter.Validate(ctx, req)
	if err != nil {
		return err
	}
	d, err := p.Drafter.Draft(ctx, valid)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
		return nil
	}
	printDraft(a, d)
	return nil
}

// printDraft writes the draft for a terminal: the text, then the warnings
// on stderr, then the sources.
func printDraft(a *app, d rag.Draft) {
	fmt.Fprintln(a.stdout, strings.TrimRight(d.Draft, "\n"))
	kind := "model " + d.Model
	if d.Extractive {
		kind = "extractive"
	}
	fmt.Fprintf(a.stderr, "draft %s (%s, %.0f ms)\n", d.ID, kind, d.Timings["total_ms"])
	if d.Attention.Level != "routine" {
		fmt.Fprintf(a.stderr, "attention: %s (%s)\n", d.Attention.Level, strings.Join(d.Attention.Codes(), ", "))
	}
	for _, w := range d.Warnings {
		line := fmt.Sprintf("%s: %s [%s]", w.Severity, w.Message, w.Code)
		if len(w.Values) > 0 {
			line += " " + strings.Join(w.Values, ", ")
		}
		fmt.Fprintln(a.stderr, line)
	}
	if len(d.Citations) == 0 {
		return
	}
	fmt.Fprintln(a.stdout, "\n---\nSources:")
	for _, c := range d.Citations {
		mark := ""
		if !c.Cited {
			mark = " (not cited)"
		}
		fmt.Fprintf(a.stdout, "[%d] %s — %s%s\n", c.N, c.Title, c.URL, mark)
	}
}

// argsOrStdin returns the message given as arguments, or read from stdin
// (at most a question's size) when there is none; a message that is not
// valid UTF-8, as plume redact refuses it, or holds a NUL byte, which no
// stored text may, is a usage error.
func (a *app) argsOrStdin(fs *flag.FlagSet) (string, error) {
	message := strings.Join(fs.Args(), " ")
	if fs.NArg() == 0 {
		in, err := io.ReadAll(io.LimitReader(a.stdin, int64(a.cfg.MaxQuestionBytes)+1))
		if err != nil {
			return "", fmt.Errorf("read stdin: %w", err)
		}
		message = string(in)
	}
	return message, checkText("the message", message)
}

// checkText refuses, as a usage error, a text given on the command line or
// stdin (named what) that is not valid UTF-8 or holds a NUL byte, naming
// the offset of the first bad byte: every command that reads a person's
// text refuses it alike.
func checkText(what, text string) error {
	if !utf8.ValidString(text) {
		return fmt.Errorf("%w: %s is not valid UTF-8 (first bad byte at offset %d)", errUsage, what, redact.FirstInvalid(text))
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w: %s holds a NUL byte (at offset %d)", errUsage, what, i)
	}
	return nil
}
