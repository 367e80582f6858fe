package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/plume-sp/plume/redact"
)

// runRedact reads text on stdin and writes it redacted on stdout: plain
// text, or {"text": ..., "entities": [...]} with --json. It needs no
// database and never prints the masked values.
func runRedact(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "redact")
	asJSON := fs.Bool("json", false, `write {"text": ..., "entities": [...]} instead of the redacted text`)
	policyFlag := fs.String("policy", "", `per-type actions on top of the safe defaults, e.g. "SANTE=keep,RELIGION=mask-no-restore" (special categories: SANTE, HANDICAP, RELIGION, SYNDICAT, ORIENTATION, JUSTICE, ORIGINE)`)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: plume redact reads stdin and takes no arguments", errUsage)
	}
	policy, err := redact.ParsePolicy(*policyFlag)
	if err != nil {
		return fmt.Errorf("%w: --policy: %v", errUsage, err)
	}
	in, err := io.ReadAll(io.LimitReader(a.stdin, redact.MaxInputBytes+1))
	if err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	if err := checkText("stdin", string(in)); err != nil {
		return err
	}
	res, err := redact.Redact(ctx, string(in), policy)
	if err != nil {
		return fmt.Errorf("redact stdin: %w", err)
	}
	a.log.Debug("redacted", "bytes", len(in), "entities", len(res.Entities))
	if !*asJSON {
		if _, err := io.WriteString(a.stdout, res.Text.String()); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
		return nil
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	out := struct {
		Text     string          `json:"text"`
		Entities []redact.Entity `json:"entities"`
	}{res.Text.String(), res.Entities}
	if out.Entities == nil {
		out.Entities = []redact.Entity{}
	}
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write stdout: %w", err)
	}
	return nil
}
