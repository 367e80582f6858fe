package main

import (
	"context"
	"fmt"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/api/web"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/telemetry"
)

func runServe(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "serve")
	addr := fs.String("addr", a.cfg.Addr, "address to listen on (PLUME_ADDR)")
	rate := fs.Float64("rate", 5, "requests per second allowed per API key (negative: no limit)")
	burst := fs.Int("burst", 30, "requests an API key may send at once before the rate applies")
	maxBody := fs.Int64("max-body", 1<<20, "largest JSON request body, in bytes")
	maxUpload := fs.Int64("max-upload", 32<<20, "largest document upload, in bytes")
	timeout := fs.Duration("request-timeout", 2*time.Minute, "longest time a request may take, streams included")
	grace := fs.Duration("shutdown-timeout", 30*time.Second, "how long in-flight requests may finish after SIGTERM")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 || *rate == 0 {
		return fmt.Errorf("%w: plume serve [--addr ADDR] [--rate R] [--burst N] (a zero rate would refuse everything)", errUsage)
	}
	if a.cfg.Tracing {
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
	st, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ps, err := prompts.Load(a.cfg.PromptsDir)
	if err != nil {
		return err
	}
	d, err := a.newDrafting(ctx, st, ps)
	if err != nil {
		return err
	}
	var provider *auth.Provider
	if a.cfg.OIDC != nil {
		if provider, err = auth.New(ctx, *a.cfg.OIDC, nil); err != nil {
			return err
		}
	}
	replica, closeReplica, err := a.openReplica(ctx, st, d, ps)
	if err != nil {
		return err
	}
	defer closeReplica()
	srv, err := api.New(api.Config{Addr: *addr, MaxBodyBytes: *maxBody, MaxUploadBytes: *maxUpload,
		RatePerSecond: *rate, Burst: *burst, RequestTimeout: *timeout, ShutdownTimeout: *grace,
		Upload: a.cfg.Upload, MetricsToken: a.cfg.MetricsToken, MetricsAddr: a.cfg.MetricsAddr, SharedLimits: true,
		TrustedProxies: a.cfg.TrustedProxies, SignIn: a.cfg.SignIn},
		api.Deps{Store: st, Searcher: d.searcher, Drafter: d.drafter, Embedder: d.embedder, Log: a.log, Web: web.Handler(),
			Replica: replica, OIDC: provider})
	if err != nil {
		return err
	}
	jctx, stopJobs := context.WithCancel(ctx)
	jobsDone := make(chan struct{})
	go func() { defer close(jobsDone); runJobs(jctx, st, a.cfg.Retention, a.cfg.AuditRetention, a.log) }()
	defer func() { stopJobs(); <-jobsDone }()
	return srv.Start(ctx)
}
