package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/plume-sp/plume/store"
)

// A file read again may give one of its documents another service (its
// front matter's service: changed): the same document, which now belongs
// to another service. The ingest moves it, keeping its stored id (the
// answers and drafts citing it follow it), rather than adding a second
// document beside the first until a --prune; Report.Moved lists each
// move. When it cannot tell which document moved (the file gave the same
// id under two services before, or the new service holds that id
// already), it moves none and warns, naming the documents that --prune
// would delete.

// moveJobs returns the jobs of docs, read from file (at origin), each
// with the stored document it moves, if any (movedFrom).
func (r *run) moveJobs(file, origin string, docs []Document) []job {
	given := map[store.DocKey]bool{}
	sameID := map[[2]string]int{} // documents of this read per source and id
	for _, d := range docs {
		given[d.key()] = true
		sameID[[2]string{d.Source, d.ExternalID}]++
	}
	jobs := make([]job, len(docs))
	for i, d := range docs {
		jobs[i] = job{origin: origin, doc: d}
		left := r.leftBehind(d, origin, given)
		if len(left) == 0 {
			continue
		}
		// One document left behind, claimed by one document of this read
		// under a service not stored yet: that one moved. Two documents
		// now giving the id under two services could both claim it (the
		// stored row would move twice, one of them reported stored and
		// missing): neither does.
		alone := sameID[[2]string{d.Source, d.ExternalID}] == 1
		if _, taken := r.states[d.key()]; !taken && len(left) == 1 && alone {
			jobs[i].movedFrom = &left[0]
			r.mu.Lock()
			r.moved[left[0]] = true
			r.mu.Unlock()
			continue
		}
		r.warnLeftBehind(file, d, left)
	}
	return jobs
}

// leftBehind returns the stored documents of d's source and id in another
// service that an earlier read of the file at origin gave, which this
// read no longer gives (given) and no other file of this ingest claims.
func (r *run) leftBehind(d Document, origin string, given map[store.DocKey]bool) []store.DocKey {
	if r.byID == nil {
		r.byID = map[[2]string][]store.DocKey{}
		for k := range r.states {
			id := [2]string{k.Source, k.ExternalID}
			r.byID[id] = append(r.byID[id], k)
		}
	}
	var out []store.DocKey
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range r.byID[[2]string{d.Source, d.ExternalID}] {
		_, claimed := r.claims[k]
		if k.Service != d.Service && r.states[k].Origin == origin && !given[k] && !claimed && !r.moved[k] {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b store.DocKey) int { return strings.Compare(a.Service, b.Service) })
	return out
}

// warnLeftBehind reports the documents of d's id that the file at origin
// gave under other services before, which this ingest neither moves nor
// deletes (--prune does).
func (r *run) warnLeftBehind(file string, d Document, left []store.DocKey) {
	if r.p.opts.Prune {
		return // the prune deletes them
	}
	services := make([]string, len(left))
	for i, k := range left {
		services[i] = serviceName(k.Service)
	}
	err := fmt.Errorf("document %s/%s, now of the service %s, is also stored under the service %s from an earlier read of this file: "+
		"kept until an ingest with --prune deletes it", d.Source, d.ExternalID, serviceName(d.Service), strings.Join(services, ", "))
	r.mu.Lock()
	r.report.Warnings = append(r.report.Warnings, FileError{Path: file, Err: err})
	r.mu.Unlock()
	r.p.log.Warn("document stored under two services", "path", file, "source", d.Source, "id", d.ExternalID)
}

// noteMove records in the report that j moved its document from another
// service; the caller holds r.mu.
func (r *run) noteMove(j job) {
	d := j.doc
	r.report.Moved = append(r.report.Moved, FileError{Path: j.origin, Err: fmt.Errorf("document %s/%s moved from the service %s to %s",
		d.Source, d.ExternalID, serviceName(j.movedFrom.Service), serviceName(d.Service))})
}

// serviceName names a service in a message: "" is the shared documents.
func serviceName(s string) string {
	if s == "" {
		return "(shared)"
	}
	return s
}
