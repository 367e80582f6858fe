package main

import (
	"context"
	"fmt"
	"time"

	"github.com/plume-sp/plume/telemetry"
	"github.com/plume-sp/plume/wire"
)

func runServe(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "serve")
	cfg := a.cfg
	wire.ServeFlags(fs, &cfg)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: plume serve [--addr ADDR] [--rate R] [--burst N] (plume help config lists them all)", errUsage)
	}
	if cfg.Tracing {
		stop, err := telemetry.Setup(ctx, "serve")
		if err != nil {
			return err
		}
		defer func() {
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := stop(sctx); err != nil {
				a.log.Warn("flush traces", "err", err)
			}
		}()
		a.log.Info("sending traces over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT)")
	}
	p, err := wire.New(ctx, cfg, a.log, wire.Parts{})
	if err != nil {
		return err
	}
	defer p.Close()
	// Connections opened now are not opened by the first requests, which
	// a new process gets in full as soon as it is ready.
	if err := p.Store.Warm(ctx); err != nil {
		a.log.Warn("database connections not opened in advance", "err", err)
	}
	srv, closeReplica, err := p.Server(ctx)
	if err != nil {
		return err
	}
	defer closeReplica()
	jctx, stopJobs := context.WithCancel(ctx)
	jobsDone := make(chan struct{})
	go func() { defer close(jobsDone); runJobs(jctx, p.Store, cfg.Retention, cfg.AuditRetention, a.log) }()
	defer func() { stopJobs(); <-jobsDone }()
	return srv.Start(ctx)
}
