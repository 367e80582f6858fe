package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/sync/singleflight"
)

// maxCachedPostings bounds the postings one process keeps in memory (16
// bytes each): past it the cache starts afresh.
const maxCachedPostings = 2_000_000

// posting is one row of document_terms; doc is the document's place in
// the cache's docTable.
type posting struct {
	doc             int32
	tfTitle, tfBody float32
	docTerms        int32
}

// docTable lists the documents of one version of the corpus.
type docTable struct {
	ids   []int64
	infos []docInfo
	// index is each document's place in ids.
	index map[int64]int32
	// scores holds zeroed score buffers of len(ids) (*[]docScore), so
	// that a search allocates none once there is one per concurrent search.
	scores sync.Pool
}

// scoreBuffer returns a zeroed score per document.
func (t *docTable) scoreBuffer() []docScore {
	if b, ok := t.scores.Get().(*[]docScore); ok {
		return *b
	}
	return make([]docScore, len(t.ids))
}

// release zeroes the scores touched and gives the buffer back.
func (t *docTable) release(b []docScore, touched []int32) {
	for _, at := range touched {
		b[at] = docScore{}
	}
	t.scores.Put(&b)
}

// docInfo is what the document search needs of a document besides its
// postings: the filter's fields and the length of its title.
type docInfo struct {
	status     Status
	audience   []string
	service    string
	tags       []string
	titleTerms int32
}

// docCache keeps, as of one version of the corpus (corpus_version, bumped
// by every committed change to the documents), the postings of the lexemes
// searched so far and every document's docInfo: the document search of a
// message then scores in memory and asks the database only for the
// version and the postings of the lexemes it has not met. Each process
// (replicas share the database) checks the version on every search, so a
// change made by any of them is seen by the next search of all.
type docCache struct {
	mu      sync.Mutex
	version int64
	// docs is nil until loaded for version; postings and size are the
	// lexemes' postings and their number.
	docs     *docTable
	postings map[string][]posting
	size     int
	// loads makes the searches that find the cache empty at one version
	// share one reading of the documents.
	loads singleflight.Group
}

// cacheView is what a search found in the cache: its version, whether the
// documents are loaded, and the postings of each term (nil when missing).
type cacheView struct {
	version  int64
	docs     *docTable
	postings [][]posting
	missing  []string
}

// view returns what the cache holds for the terms.
func (c *docCache) view(terms []DocTerm) cacheView {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := cacheView{version: c.version, docs: c.docs, postings: make([][]posting, len(terms))}
	for i, t := range terms {
		p, ok := c.postings[t.Lexeme]
		if !ok || c.docs == nil {
			v.missing = append(v.missing, t.Lexeme)
			continue
		}
		v.postings[i] = p
	}
	return v
}

// table returns the documents of the cache's version, nil when not loaded.
func (c *docCache) table() *docTable {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs
}

// admitted returns those of ids (kept in order) whose documents are in
// the table and pass f.
func (t *docTable) admitted(f SearchFilter, ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if at, ok := t.place(id); ok && f.admits(t.infos[at]) {
			out = append(out, id)
		}
	}
	return out
}

// reset empties the cache, now at version, unless it is at a later one
// already (a slow search read an older version).
func (c *docCache) reset(version int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version < c.version {
		return
	}
	c.version, c.docs, c.postings, c.size = version, nil, map[string][]posting{}, 0
}

// add stores documents and the postings placed in them, read at version,
// unless the cache has moved to another version meanwhile. A table already
// held for the version is kept: postings placed in another reading of the
// documents are dropped, never mixed with it.
func (c *docCache) add(version int64, docs *docTable, postings map[string][]posting) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return
	}
	if c.docs == nil {
		c.docs = docs
	}
	if c.docs != docs {
		return // postings placed in another reading of the documents
	}
	for lexeme, p := range postings {
		if _, ok := c.postings[lexeme]; ok {
			continue
		}
		if c.size+len(p) > maxCachedPostings {
			c.postings, c.size = map[string][]posting{}, 0
		}
		c.postings[lexeme] = p
		c.size += len(p)
	}
}

// searchDocumentsCached scores q from the cache and the postings it lacks;
// ok is false when the corpus changed since the cache was filled, which it
// then empties: the caller searches in the database. A cache just emptied
// fills only once the version stays the same from one search to the next,
// so that searches during an ingest do not reload it at every document.
func (s *Store) searchDocumentsCached(ctx context.Context, q DocQuery) (hits []DocHit, ok bool, err error) {
	view := s.docs.view(q.Terms)
	missing := view.missing
	if view.docs == nil {
		missing = nil // read the version alone
	}
	version, fetched, err := s.fetchPostings(ctx, missing, view.docs)
	if err != nil {
		return nil, false, err
	}
	if version != view.version {
		s.docs.reset(version)
		return nil, false, nil
	}
	if view.docs == nil {
		if view.docs, fetched, err = s.fillCache(ctx, version, view.missing); err != nil || view.docs == nil {
			return nil, false, err
		}
	}
	s.docs.add(version, view.docs, fetched)
	for i, t := range q.Terms {
		if view.postings[i] == nil {
			view.postings[i] = fetched[t.Lexeme]
		}
	}
	return scoreDocuments(q, view.postings, view.docs), true, nil
}

// fillCache loads every document's docInfo and the postings of lexemes
// for an empty cache at version; docs is nil when the corpus changed
// meanwhile.
func (s *Store) fillCache(ctx context.Context, version int64, lexemes []string) (*docTable, map[string][]posting, error) {
	docsVersion, docs, err := s.loadDocInfoOnce(ctx, version)
	if err != nil || docsVersion != version {
		return nil, nil, err
	}
	postingsVersion, postings, err := s.fetchPostings(ctx, lexemes, docs)
	if err != nil || postingsVersion != version {
		return nil, nil, err
	}
	return docs, postings, nil
}

// loadDocInfoOnce is loadDocInfo shared by the searches that want it at
// the same version at the same time; the reading goes on if the search
// that started it is cancelled, since others wait for it.
func (s *Store) loadDocInfoOnce(ctx context.Context, version int64) (int64, *docTable, error) {
	type loaded struct {
		version int64
		docs    *docTable
	}
	r, err, _ := s.docs.loads.Do(strconv.FormatInt(version, 10), func() (any, error) {
		v, docs, err := s.loadDocInfo(context.WithoutCancel(ctx))
		return loaded{v, docs}, err
	})
	if err != nil {
		return 0, nil, err
	}
	l := r.(loaded)
	return l.version, l.docs, nil
}

// fetchPostings returns the corpus version and, read in the same
// statement, the postings of lexemes, whose documents are those of docs
// (at that version; postings of other documents are left out).
func (s *Store) fetchPostings(ctx context.Context, lexemes []string, docs *docTable) (int64, map[string][]posting, error) {
	rows, err := s.pool.Query(ctx, `SELECT v.version, coalesce(t.lexeme, ''), coalesce(t.document_id, 0),
			coalesce(t.tf_title, 0), coalesce(t.tf_body, 0), coalesce(t.doc_terms, 0)
		FROM corpus_version v LEFT JOIN document_terms t ON t.lexeme = ANY($1::text[])`, lexemes)
	if err != nil {
		return 0, nil, fmt.Errorf("document search: read postings: %w", err)
	}
	defer rows.Close()
	var version int64
	out := make(map[string][]posting, len(lexemes))
	var lexeme string
	var doc int64
	for rows.Next() {
		var p posting
		if err := rows.Scan(&version, &lexeme, &doc, &p.tfTitle, &p.tfBody, &p.docTerms); err != nil {
			return 0, nil, fmt.Errorf("document search: read postings: %w", err)
		}
		at, ok := docs.place(doc)
		if !ok {
			continue
		}
		p.doc = at
		out[lexeme] = append(out[lexeme], p)
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("document search: read postings: %w", err)
	}
	return version, out, nil
}

// place returns a document's place in the table (false for none, or a
// nil table).
func (t *docTable) place(id int64) (int32, bool) {
	if t == nil {
		return 0, false
	}
	at, ok := t.index[id]
	return at, ok
}

// loadDocInfo returns the corpus version and, read in the same statement,
// every document's docInfo.
func (s *Store) loadDocInfo(ctx context.Context) (int64, *docTable, error) {
	rows, err := s.pool.Query(ctx, `SELECT v.version, d.id, d.status, d.audience, d.service, d.tags, d.title_terms
		FROM corpus_version v LEFT JOIN documents d ON true ORDER BY d.id`)
	if err != nil {
		return 0, nil, fmt.Errorf("document search: read documents: %w", err)
	}
	defer rows.Close()
	var version int64
	docs := &docTable{index: map[int64]int32{}}
	for rows.Next() {
		var id *int64
		var d docInfo
		var status, service *string
		var titleTerms *int32
		if err := rows.Scan(&version, &id, &status, &d.audience, &service, &d.tags, &titleTerms); err != nil {
			return 0, nil, fmt.Errorf("document search: read documents: %w", err)
		}
		if id == nil {
			continue
		}
		d.status, d.service, d.titleTerms = Status(*status), *service, *titleTerms
		docs.index[*id] = int32(len(docs.ids))
		docs.ids, docs.infos = append(docs.ids, *id), append(docs.infos, d)
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("document search: read documents: %w", err)
	}
	return version, docs, nil
}

// admits reports whether a document passes the filter, as filterSQL's
// conditions decide.
func (f SearchFilter) admits(d docInfo) bool {
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = []Status{StatusPublished}
	}
	if !slices.Contains(statuses, d.status) {
		return false
	}
	if len(f.Audience) > 0 && len(d.audience) > 0 && !overlaps(d.audience, f.Audience) {
		return false
	}
	if len(f.Services) > 0 && !slices.Contains(f.Services, d.service) {
		return false
	}
	return len(f.Tags) == 0 || overlaps(d.tags, f.Tags)
}

// overlaps reports whether a and b share an element (SQL's &&).
func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
