package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/wire"
)

// runPurge deletes the drafts and feedback older than PLUME_RETENTION (the
// months wholly older are dropped as partitions, rows deleted in the month
// of the cut-off only), and the audit log's entries older than
// PLUME_AUDIT_RETENTION.
func runPurge(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "purge")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: plume purge (the retention is PLUME_RETENTION)", errUsage)
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := purge(ctx, st, a.cfg.Retention, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "purged %d drafts and %d feedback older than %s (%d whole months dropped)\n",
		rep.Drafts, rep.Feedback, formatRetention(a.cfg.Retention), rep.Months)
	n, err := st.PurgeAudit(ctx, time.Now().Add(-a.cfg.AuditRetention))
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "purged %d audit log entries older than %s\n", n, formatRetention(a.cfg.AuditRetention))
	return nil
}

func purge(ctx context.Context, st *store.Store, retention time.Duration, now time.Time) (store.PurgeReport, error) {
	return st.Purge(ctx, now.Add(-retention))
}

// purgeOnce purges and logs what it did; "plume serve" runs it daily (see
// runJobs) so that nothing outlives the retention period.
func purgeOnce(ctx context.Context, st *store.Store, retention time.Duration, log *slog.Logger) {
	rep, err := purge(ctx, st, retention, time.Now())
	if err != nil && ctx.Err() == nil {
		log.Error("purge", "err", err)
	} else if err == nil {
		log.Info("purged", "drafts", rep.Drafts, "feedback", rep.Feedback, "months", rep.Months,
			"retention", formatRetention(retention))
	}
}

// purgeAuditOnce deletes the audit log's entries past their retention and
// logs it; "plume serve" runs it daily with purgeOnce.
func purgeAuditOnce(ctx context.Context, st *store.Store, retention time.Duration, log *slog.Logger) {
	n, err := st.PurgeAudit(ctx, time.Now().Add(-retention))
	if err != nil && ctx.Err() == nil {
		log.Error("purge audit log", "err", err)
	} else if err == nil {
		log.Info("purged audit log", "entries", n, "retention", formatRetention(retention))
	}
}

// formatRetention prints a retention in days when it is whole days.
func formatRetention(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%d days", d/(24*time.Hour))
	}
	return d.String()
}
