package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/plume-sp/plume/store/storetest"
)

// BenchmarkGetDraft looks drafts up by id among a year of drafts, 100 a
// day, in their monthly partitions (a year's retention, the month under way
// and the next: 14 partitions and the default one).
func BenchmarkGetDraft(b *testing.B) {
	st := storetest.NewStore(b)
	ctx := context.Background()
	for m := -12; m <= 0; m += 2 {
		if _, err := st.EnsurePartitions(ctx, monthStart(time.Now(), m)); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO drafts (id, created_at, channel, question, draft)
		 SELECT 'd_' || i, now() - (i % 365) * interval '1 day', 'email', 'Question ' || i || ' ?', 'Réponse.'
		 FROM generate_series(1, 36500) i`,
		"ANALYZE drafts",
	} {
		if _, err := st.Pool().Exec(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		i++
		if _, err := st.GetDraft(ctx, "d_"+strconv.Itoa(1+i*7919%36500)); err != nil {
			b.Fatal(err)
		}
	}
}
