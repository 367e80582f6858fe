package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// BenchmarkGetDraft looks drafts up by id among a year of drafts, 100 a
// day, in their monthly partitions (a year's retention, the month under way
// and the next: 14 partitions and the default one): by ids that give their
// day, as SaveDraft makes them, read in their month's partition alone, and
// by ids made before they did, read in every partition.
func BenchmarkGetDraft(b *testing.B) {
	for _, c := range []struct{ name, id string }{
		{"dated_ids", `'d_' || to_char(at AT TIME ZONE 'UTC', 'YYYYMMDD') || '_' || i`},
		{"undated_ids", `'d_' || i`},
	} {
		b.Run(c.name, func(b *testing.B) {
			st, ids := yearOfDrafts(b, c.id)
			ctx := context.Background()
			i := 0
			for b.Loop() {
				i++
				if _, err := st.GetDraft(ctx, ids[i*7919%len(ids)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// yearOfDrafts stores a year of drafts, 100 a day, under the ids given by
// the SQL expression id (of i, the draft's number, and at, its creation
// time), and returns the store and the ids.
func yearOfDrafts(b *testing.B, id string) (*store.Store, []string) {
	st := storetest.NewStore(b)
	ctx := context.Background()
	for m := -12; m <= 0; m += 2 {
		if _, err := st.EnsurePartitions(ctx, monthStart(time.Now(), m)); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO drafts (id, created_at, channel, question, draft)
		 SELECT ` + id + `, at, 'email', 'Question ' || i || ' ?', 'Réponse.'
		 FROM generate_series(1, 36500) i, LATERAL (SELECT now() - (i % 365) * interval '1 day' AS at) t`,
		"ANALYZE drafts",
	} {
		if _, err := st.Pool().Exec(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	rows, err := st.Pool().Query(ctx, "SELECT id FROM drafts ORDER BY id")
	if err != nil {
		b.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		b.Fatal(err)
	}
	return st, ids
}
