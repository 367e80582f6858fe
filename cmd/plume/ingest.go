package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/wire"
)

func runMigrate(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "migrate")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	st, err := store.Open(ctx, a.cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "applied %d migrations\n", n)
	return nil
}

func runIngest(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "ingest")
	prune := fs.Bool("prune", false, "delete documents that came from these paths but are no longer there")
	draft := fs.Bool("draft", false, "store new documents as drafts instead of publishing them")
	quiet := fs.Bool("quiet", false, "no progress line")
	keepGoing := fs.Bool("keep-going", false, "exit 0 even when some files could not be read (the summary still counts them)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: plume ingest [--prune] [--draft] [--keep-going] PATH…", errUsage)
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	embedder, err := wire.NewEmbedder(a.cfg)
	if err != nil {
		return err
	}
	opts := ingest.Options{Prune: *prune}
	if *draft {
		opts.Status = store.StatusDraft
	}
	bar := newProgressLine(a.stderr, *quiet)
	opts.Progress = func(r ingest.Report) {
		bar.update(fmt.Sprintf("ingest: %d files, %d documents, %d chunks written", r.Files, r.Documents, r.Chunks))
	}
	report, err := ingest.NewPipeline(st, embedder, a.log, opts).IngestPaths(ctx, fs.Args())
	bar.done()
	for _, f := range report.Failed {
		fmt.Fprintf(a.stderr, "skipped %s: %v\n", f.Path, f.Err)
	}
	for _, f := range report.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s: %v\n", f.Path, f.Err)
	}
	for _, f := range report.Duplicates {
		fmt.Fprintf(a.stderr, "duplicate: %s: %v\n", f.Path, f.Err)
	}
	for _, f := range report.Moved {
		fmt.Fprintf(a.stderr, "moved: %s: %v\n", f.Path, f.Err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, report.String())
	if report.Semantic > 0 {
		fmt.Fprintf(a.stderr, "semantic model trained on %d documents\n", report.Semantic)
	}
	if len(report.Failed) > 0 && !*keepGoing {
		// The other files were ingested; the exit code says that some
		// were not, for scripts (--keep-going accepts it).
		first := report.Failed[0]
		return fmt.Errorf("%d files could not be read (listed above; the first, %s: %v); the others were ingested",
			len(report.Failed), first.Path, first.Err)
	}
	return nil
}

func runReembed(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "reembed")
	quiet := fs.Bool("quiet", false, "no progress line")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	embedder, err := wire.NewEmbedder(a.cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	bar := newProgressLine(a.stderr, *quiet)
	n, err := ingest.Reembed(ctx, st, embedder, a.log, func(done int) {
		bar.update(fmt.Sprintf("reembed: %d chunks", done))
	})
	bar.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "re-embedded %d chunks with %s in %s\n", n, embedder.Model(), time.Since(start).Round(time.Millisecond))
	return nil
}

// progressLine redraws one status line on a terminal, at most ten times a
// second; elsewhere it stays silent.
type progressLine struct {
	w    *os.File
	last time.Time
	used bool
}

func newProgressLine(w any, quiet bool) *progressLine {
	f, ok := w.(*os.File)
	if !ok || quiet {
		return &progressLine{}
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return &progressLine{}
	}
	return &progressLine{w: f}
}

func (p *progressLine) update(s string) {
	if p.w == nil || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.used = true
	fmt.Fprintf(p.w, "\r\033[K%s", s)
}

func (p *progressLine) done() {
	if p.w != nil && p.used {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
