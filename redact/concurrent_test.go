package redact

import (
	"context"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConcurrentRedact redacts texts from several goroutines at once and
// checks each result against the same text redacted alone: the buffers
// that detect hands from one call to the next (scanBufferPool) are never
// shared by two calls.
func TestConcurrentRedact(t *testing.T) {
	texts := append([]string{realisticText(chunkBytes + chunkBytes/2)}, benchMessages...)
	texts = append(texts, fuzzSeeds...)
	want := make([]Result, len(texts))
	for i, text := range texts {
		res, err := Redact(context.Background(), text, nil)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res
	}
	var wg sync.WaitGroup
	got := make([][]Result, 4)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range texts {
				k := (i + g) % len(texts) // each goroutine in another order
				res, err := Redact(context.Background(), texts[k], nil)
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], Result{Text: res.Text, Entities: res.Entities})
			}
		}()
	}
	wg.Wait()
	for g := range got {
		for i, res := range got[g] {
			k := (i + g) % len(texts)
			if diff := cmp.Diff(want[k].Text.String(), res.Text.String()); diff != "" {
				t.Errorf("goroutine %d, text %d: text differs (-alone +concurrent):\n%s", g, k, diff)
			}
			if diff := cmp.Diff(want[k].Entities, res.Entities); diff != "" {
				t.Errorf("goroutine %d, text %d: entities differ (-alone +concurrent):\n%s", g, k, diff)
			}
		}
	}
}
