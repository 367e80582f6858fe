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
// by ids made before they did, read in every partition; and, as a
// baseline, in one table, as before the partitioning (the schema of
// migration 0015).
func BenchmarkGetDraft(b *testing.B) {
	for _, c := range []struct {
		name, id string
		oneTable bool
	}{
		{"dated_ids", `'d_' || to_char(at AT TIME ZONE 'UTC', 'YYYYMMDD') || '_' || i`, false},
		{"undated_ids", `'d_' || i`, false},
		{"one_table", `'d_' || i`, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			st, ids := yearOfDrafts(b, c.id, c.oneTable)
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
// time), in monthly partitions or in one table, and returns the store and
// the ids.
func yearOfDrafts(b *testing.B, id string, oneTable bool) (*store.Store, []string) {
	ctx := context.Background()
	var st *store.Store
	if oneTable {
		st = secondStore(b, emptySchema(b))
		if _, err := st.MigrateTo(ctx, 15); err != nil {
			b.Fatal(err)
		}
	} else {
		st = storetest.NewStore(b)
		for m := -12; m <= 0; m += 2 {
			if _, err := st.EnsurePartitions(ctx, monthStart(time.Now(), m)); err != nil {
				b.Fatal(err)
			}
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
