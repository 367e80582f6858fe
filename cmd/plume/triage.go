package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/triage"
	"github.com/plume-sp/plume/wire"
)

// runTriage triages the message given as arguments, or on stdin when there
// is none: its level, then each reason with the sentence that triggered
// it; with --json, {"level", "reasons": [{"code", "label", "level",
// "start", "end"}]}, offsets in bytes into the message as given. With
// PLUME_TRIAGE_SECOND_OPINION and a chat model, the model gives a second
// opinion on the redacted message.
func runTriage(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "triage")
	asJSON := fs.Bool("json", false, `print {"level", "reasons": [{"code", "label", "level", "start", "end"}]}`)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	message, err := a.argsOrStdin(fs)
	if err != nil {
		return err
	}
	if strings.TrimFunc(message, fold.Blank) == "" {
		return fmt.Errorf("%w: plume triage [--json] MESSAGE (or the message on stdin)", errUsage)
	}
	assessment, err := a.triage(ctx, message)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(assessment); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
		return nil
	}
	fmt.Fprintln(a.stdout, assessment.Level)
	for _, r := range assessment.Reasons {
		fmt.Fprintf(a.stdout, "- %s (%s, %s) : « %s »\n", r.Label, r.Code, r.Level, strings.TrimSpace(message[r.Start:r.End]))
	}
	return nil
}

// triage assesses a message: with the lexicon alone, or with the chat
// model's second opinion when configured. It needs no database.
func (a *app) triage(ctx context.Context, message string) (triage.Assessment, error) {
	if !a.cfg.TriageSecondOpinion {
		if len(message) > a.cfg.MaxQuestionBytes {
			return triage.Assessment{}, fmt.Errorf("%w: the message is over %d bytes", errUsage, a.cfg.MaxQuestionBytes)
		}
		return triage.Assess(ctx, message), nil
	}
	triager, err := wire.NewTriager(a.cfg, a.log)
	if err != nil {
		return triage.Assessment{}, err
	}
	return triager.Triage(ctx, message, "")
}
