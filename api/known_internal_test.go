package api

import (
	"context"
	"crypto/sha256"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestKnownCredentialsBounded: however many unknown hashes a throttled
// address sends, the copy of the known credentials reads the database at
// most once a second (a failure included), from the latest creation it
// read less the overlap, and whole again after an hour; a known hash is
// never a read.
func TestKnownCredentialsBounded(t *testing.T) {
	t.Parallel()
	t0 := time.Unix(1_000_000, 0)
	created := t0.Add(-time.Hour)
	valid, fresh := sha256.Sum256([]byte("plume_valid")), sha256.Sum256([]byte("plume_fresh"))
	var reads []time.Time // the since of each read
	fail := false
	k := newKnownCredentials(func(_ context.Context, since time.Time) ([][]byte, time.Time, error) {
		reads = append(reads, since)
		if fail {
			return nil, since, errors.New("database down")
		}
		if len(reads) >= 2 {
			return [][]byte{valid[:], fresh[:]}, created.Add(time.Minute), nil
		}
		return [][]byte{valid[:]}, created, nil
	})
	ctx := context.Background()
	holds := func(h [sha256.Size]byte, at time.Time) bool {
		t.Helper()
		ok, err := k.holds(ctx, h[:], at)
		if err != nil && !fail {
			t.Fatal(err)
		}
		return ok
	}
	for i := range 10_000 {
		wrong := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
		if holds(wrong, t0.Add(time.Duration(i)*time.Microsecond)) {
			t.Fatalf("wrong hash %d held", i)
		}
	}
	if !holds(valid, t0) || holds(fresh, t0.Add(500*time.Millisecond)) {
		t.Error("the valid hash is not held, or the fresh one is before a refresh")
	}
	if !holds(fresh, t0.Add(time.Second)) {
		t.Error("the fresh hash is not held a second later")
	}
	fail = true
	for i := range 100 {
		holds(sha256.Sum256([]byte{byte(i)}), t0.Add(2*time.Second+time.Duration(i)*time.Millisecond))
	}
	fail = false
	holds(sha256.Sum256([]byte("wrong")), t0.Add(time.Hour+time.Second))
	want := []time.Time{{}, created.Add(-knownOverlap), created.Add(time.Minute - knownOverlap), {}}
	if diff := cmp.Diff(want, reads); diff != "" {
		t.Errorf("reads, by their since (-want +got):\n%s", diff)
	}
	if !holds(valid, t0.Add(time.Hour+time.Second)) {
		t.Error("the valid hash is not held after a whole read")
	}
}
