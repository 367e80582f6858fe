// Command plumeload measures plume serve under load, against a local fake
// model so that the figures are plume's own.
//
//	plumeload fake -addr 127.0.0.1:18081
//	plumeload run -url http://127.0.0.1:18080 -key plume_… -c 100 -d 60s
//
// "fake" serves an OpenAI-compatible /v1/chat/completions (plain and
// streamed) that answers after -delay (default 1 s, a fast real model) with a
// fixed reply citing source [1].
// "run" starts c agents (-url and -key take comma-separated lists: several
// plume processes, asked in turn, and several keys, one per agent in turn) that each ask for drafts in a loop for d, then
// prints the request count, the errors, the throughput, and percentiles of
// the client's latency and of plume's own time (timings.plume_ms of each
// draft, the model excluded). It only ever targets 127.0.0.1.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "plumeload: %v\n", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage: plumeload fake [-addr A] [-delay D] | plumeload run -key K [-url U] [-c N] [-d D] [-stream]")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	fs := flag.NewFlagSet("plumeload "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	switch args[0] {
	case "fake":
		addr := fs.String("addr", "127.0.0.1:18081", "address of the fake model")
		delay := fs.Duration("delay", time.Second, "time the fake model takes to answer")
		if err := fs.Parse(args[1:]); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		return serveFake(ctx, *addr, *delay, stderr)
	case "run":
		var cfg loadConfig
		fs.StringVar(&cfg.URL, "url", "http://127.0.0.1:18080", "plume's address (127.0.0.1 only)")
		fs.StringVar(&cfg.Key, "key", "", "an agent API key")
		fs.IntVar(&cfg.Agents, "c", 100, "concurrent agents")
		fs.DurationVar(&cfg.Duration, "d", 60e9, "duration of the run")
		fs.BoolVar(&cfg.Stream, "stream", false, "ask for server-sent events")
		fs.DurationVar(&cfg.Ramp, "ramp", 2*time.Second, "spread the agents' first requests over this time")
		asJSON := fs.Bool("json", false, "print the summary as one JSON object")
		if err := fs.Parse(args[1:]); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if cfg.Key == "" || cfg.Agents < 1 || cfg.Duration <= 0 {
			return errUsage
		}
		res, err := runLoad(ctx, cfg)
		if err != nil {
			return err
		}
		if *asJSON {
			if err := json.NewEncoder(stdout).Encode(res.summary()); err != nil {
				return fmt.Errorf("write summary: %w", err)
			}
		} else {
			res.print(stdout, cfg)
		}
		if res.Errors > 0 {
			return fmt.Errorf("%d errors", res.Errors)
		}
		return nil
	}
	return errUsage
}
