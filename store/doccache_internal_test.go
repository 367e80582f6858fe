package store

import "testing"

// TestDocCacheKeepsOneTablePerVersion: postings placed in a second reading
// of the documents at the same version are dropped, and the table the
// cache holds is never replaced by it, so that no posting points into a
// table it was not placed in.
func TestDocCacheKeepsOneTablePerVersion(t *testing.T) {
	t.Parallel()
	first := &docTable{ids: []int64{10, 20}, index: map[int64]int32{10: 0, 20: 1}}
	second := &docTable{ids: []int64{20, 10}, index: map[int64]int32{20: 0, 10: 1}}
	var c docCache
	c.reset(7)
	c.add(7, first, map[string][]posting{"cart": {{doc: 0, tfBody: 1}}})
	c.add(7, second, map[string][]posting{"rsa": {{doc: 0, tfBody: 2}}})
	if c.docs != first {
		t.Fatal("the cache's table was replaced by another reading at the same version")
	}
	if _, ok := c.postings["rsa"]; ok {
		t.Error("postings placed in another reading of the documents were kept")
	}
	if got := c.postings["cart"]; len(got) != 1 || first.ids[got[0].doc] != 10 {
		t.Errorf("postings of the held table = %v, want document 10's", got)
	}
	c.add(6, first, map[string][]posting{"old": {{doc: 1}}})
	if _, ok := c.postings["old"]; ok {
		t.Error("postings of another version were kept")
	}
}
