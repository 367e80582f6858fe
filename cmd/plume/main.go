// Command plume drafts replies for French public-service agents from official
// guidance, without letting personal data reach a model.
//
// Usage:
//
//	plume <command> [flags] [arguments]
//
// Run "plume help" for the list of commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/plume-sp/plume/wire"
)

// command is one subcommand of plume.
type command struct {
	summary string
	run     func(ctx context.Context, app *app, args []string) error
}

// app carries what every subcommand needs: the configuration parsed once from
// the environment, the standard streams and the logger.
type app struct {
	cfg    wire.Config
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// errUsage marks an error in the command line; main prints it with exit code 2.
var errUsage = errors.New("usage")

func commands() map[string]command {
	return map[string]command{
		"migrate":  {"apply the database migrations", runMigrate},
		"ingest":   {"ingest guidance files or folders: plume ingest [--prune] [--keep-going] PATH...", runIngest},
		"reembed":  {"re-embed every chunk with the configured embedder", runReembed},
		"search":   {"search the knowledge base: plume search [--json] [--k N] QUERY", runSearch},
		"eval":     {"measure retrieval on labelled questions: plume eval QUESTIONS.jsonl [--k N] [--json] [--calibrate] [--calibrate-answers] [--misses N]", runEval},
		"redact":   {"redact personal data from stdin: plume redact [--json]", runRedact},
		"draft":    {"draft a reply: plume draft [--channel C] [--json] QUESTION", runDraft},
		"triage":   {"triage a message: plume triage [--json] [MESSAGE] (or the message on stdin)", runTriage},
		"serve":    {"serve the HTTP API on PLUME_ADDR: plume serve [--addr ADDR] [--rate R]", runServe},
		"semantic": {"train the semantic model of the published documents now: plume semantic train", runSemantic},
		"purge":    {"delete the drafts and feedback older than PLUME_RETENTION (default 365d)", runPurge},
		"keys":     {"manage API keys: plume keys create --role agent|admin [--service S] --name N | list | revoke ID", runKeys},
		"help":     {"this list; plume help config: every environment variable and flag of plume serve", nil},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run executes one plume command and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	cmds := commands()
	if len(args) == 2 && args[0] == "help" && args[1] == "config" {
		if err := wire.WriteSettings(stdout); err != nil {
			fmt.Fprintf(stderr, "plume help: %v\n", err)
			return 1
		}
		return 0
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "plume: unknown command %q\n", args[0])
		printUsage(stderr, cmds)
		return 2
	}
	cfg, err := wire.LoadConfig(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "plume: %v\n", err)
		return 2
	}
	a := &app{cfg: cfg, stdin: stdin, stdout: stdout, stderr: stderr, log: logger}
	if err := cmd.run(ctx, a, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "plume %s: %v\n", args[0], err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

func printUsage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "Usage: plume <command> [flags] [arguments]")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(cmds))
	for name := range cmds {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, cmds[name].summary)
	}
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(a *app, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("plume "+name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	return fs
}
