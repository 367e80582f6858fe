package ingest

import (
	"sort"

	"github.com/plume-sp/plume/store"
)

// audienceRank orders DILA audiences: the particuliers version of a page
// shared by several audiences is the one kept (its URL is the one the
// issue's examples use).
var audienceRank = map[string]int{"particuliers": 0, "professionnels": 1, "associations": 2}

func rankOf(d Document) int {
	best := len(audienceRank)
	for _, a := range d.Audience {
		if r, ok := audienceRank[a]; ok && r < best {
			best = r
		}
	}
	return best
}

// MergeDuplicates returns docs with one document per key (Service, Source,
// ExternalID: each service has its own ids), at the position of its first occurrence. DILA publishes a page shared by
// several audiences once per audience (the same ID in particuliers/ and
// professionnels/): the copies are merged into the version of the
// best-ranked audience (particuliers, then professionnels, then
// associations), with the union of the audiences and tags. For other
// sources the first occurrence wins. docs is not modified.
func MergeDuplicates(docs []Document) []Document {
	index := make(map[store.DocKey]int, len(docs))
	out := make([]Document, 0, len(docs))
	for _, d := range docs {
		k := d.key()
		i, dup := index[k]
		if !dup {
			index[k] = len(out)
			out = append(out, d)
			continue
		}
		if d.Source != "dila" {
			continue
		}
		kept := out[i]
		if rankOf(d) < rankOf(kept) {
			kept, d = d, kept
		}
		kept.Audience = appendUnique(append([]string(nil), kept.Audience...), d.Audience...)
		sort.SliceStable(kept.Audience, func(i, j int) bool {
			return audienceOrder(kept.Audience[i]) < audienceOrder(kept.Audience[j])
		})
		kept.Tags = appendUnique(append([]string(nil), kept.Tags...), d.Tags...)
		if d.UpdatedAt.After(kept.UpdatedAt) {
			kept.UpdatedAt = d.UpdatedAt
		}
		out[i] = kept
	}
	return out
}

func audienceOrder(a string) int {
	if r, ok := audienceRank[a]; ok {
		return r
	}
	return len(audienceRank)
}
