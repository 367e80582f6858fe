package store_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// purgeBenchDrafts is the month of drafts BenchmarkPurgeMonth purges, a
// fifth of them with feedback.
const purgeBenchDrafts = 100_000

// BenchmarkPurgeMonth purges a month of purgeBenchDrafts drafts, past the
// retention: "drop" with the cut-off at the month's end, so that its
// partitions are dropped; "delete" with the cut-off a microsecond before, so
// that the month is the cut-off's and its rows are deleted one by one. It
// reports the WAL written (which every streaming replica replays) and the
// slowest of the drafts saved meanwhile.
func BenchmarkPurgeMonth(b *testing.B) {
	month := time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)
	end := month.AddDate(0, 1, 0)
	for name, cutoff := range map[string]time.Time{"drop": end, "delete": end.Add(-time.Microsecond)} {
		b.Run(name, func(b *testing.B) {
			st := storetest.NewStore(b)
			ctx := context.Background()
			var wal, slowest float64
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				fillMonth(b, st, month)
				lsn := walPosition(b, st)
				stop := saveDraftsMeanwhile(b, st)
				b.StartTimer()
				rep, err := st.Purge(ctx, cutoff)
				b.StopTimer()
				slowest = max(slowest, stop())
				wal += walPosition(b, st) - lsn
				if err != nil || rep.Drafts < purgeBenchDrafts {
					b.Fatalf("purge: %+v, %v", rep, err)
				}
				b.StartTimer()
			}
			b.ReportMetric(wal/float64(b.N)/1e6, "WAL-MB/op")
			b.ReportMetric(slowest, "slowest-save-ms")
		})
	}
}

// fillMonth stores purgeBenchDrafts drafts of the size agents' drafts have
// (a question of 300 characters, a draft of 1,500, three sources) in the
// month starting at month, a feedback on every fifth, and 100 validated
// answers written from some of them; then vacuums, as autovacuum has done
// long before a month passes the retention, and checkpoints.
func fillMonth(b *testing.B, st *store.Store, month time.Time) {
	b.Helper()
	ctx := context.Background()
	if _, err := st.EnsurePartitions(ctx, month); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO drafts (id, created_at, channel, service, question, draft, sources, warnings, timings)
		 SELECT 'd_bench_' || i || '_' || md5(random()::text), $1::timestamptz + (i * 25) * interval '1 second', 'email', 'caf',
			left(repeat('Bonjour, je voudrais savoir comment déclarer [NOM_1] ' || i || '. ', 8), 300),
			left(repeat('Madame, pour déclarer votre situation, rendez-vous sur votre espace [1]. ', 25), 1500),
			'[{"n":1,"document_id":12,"title":"Déclarer un changement","url":"https://www.service-public.fr/F1"},
			  {"n":2,"document_id":40,"title":"Prime d''activité","url":"https://www.service-public.fr/F2"},
			  {"n":3,"document_id":77,"title":"RSA","url":"https://www.service-public.fr/F3"}]',
			'{uncited}', '{"search_ms": 12.5, "model_ms": 900}'
		 FROM generate_series(1, ` + strconv.Itoa(purgeBenchDrafts) + `) i`,
		`INSERT INTO feedback (draft_id, draft_created_at, outcome, rating, final_text)
		 SELECT id, created_at, 'edited', 4, draft FROM drafts
		 WHERE created_at >= $1 AND created_at < $1::timestamptz + interval '1 month' AND random() < 0.2`,
		`INSERT INTO answers (question, text, draft_id)
		 SELECT question, draft, id FROM drafts WHERE created_at >= $1 AND created_at < $1::timestamptz + interval '1 month'
		 ORDER BY id LIMIT 100`,
	} {
		if _, err := st.Pool().Exec(ctx, q, month); err != nil {
			b.Fatal(err)
		}
	}
	// A month past the retention was last written long before the last
	// checkpoint: its first change after one writes whole pages to the WAL.
	for _, q := range []string{"VACUUM ANALYZE drafts, feedback", "CHECKPOINT"} {
		if _, err := st.Pool().Exec(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// walPosition returns the primary's WAL position, in bytes.
func walPosition(b *testing.B, st *store.Store) float64 {
	b.Helper()
	var lsn float64
	if err := st.Pool().QueryRow(context.Background(), "SELECT pg_current_wal_lsn() - '0/0'").Scan(&lsn); err != nil {
		b.Fatal(err)
	}
	return lsn
}

// saveDraftsMeanwhile saves drafts one after the other until the returned
// function is called, which returns the slowest save in milliseconds.
func saveDraftsMeanwhile(b *testing.B, st *store.Store) func() float64 {
	done := make(chan struct{})
	var wg sync.WaitGroup
	var slowest time.Duration
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			start := time.Now()
			d := store.Draft{Channel: "email", Question: "Question ?", Draft: "Réponse."}
			if err := st.SaveDraft(context.Background(), &d); err != nil {
				b.Error(err)
				return
			}
			slowest = max(slowest, time.Since(start))
			time.Sleep(2 * time.Millisecond)
		}
	}()
	return func() float64 {
		close(done)
		wg.Wait()
		return float64(slowest.Microseconds()) / 1000
	}
}
