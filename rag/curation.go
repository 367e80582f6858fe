package rag

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"iter"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/store"
	"golang.org/x/sync/errgroup"
)

// Kinds of curation items.
const (
	ItemUnanswered = "unanswered"
	ItemLowRated   = "low_rated"
	ItemStale      = "stale"
)

// itemKeys are the forms of the keys the work list gives its items: the
// hash of a group of questions (groupOf), a draft's id (dated or from
// before ids carried their day), a document's id.
var itemKeys = map[string]*regexp.Regexp{
	ItemUnanswered: regexp.MustCompile(`^[0-9a-f]{16}$`),
	ItemLowRated:   regexp.MustCompile(`^d_(?:[0-9]{8}_)?[a-z2-7]{24}$`),
	ItemStale:      regexp.MustCompile(`^[1-9][0-9]{0,17}$`),
}

// ValidItemKey reports whether key has the form of the keys the work list
// gives items of kind, so that a closure never stores free text.
func ValidItemKey(kind, key string) bool {
	re := itemKeys[kind]
	return re != nil && re.MatchString(key)
}

// CurationOptions bounds a curation work list. The zero value gives the
// defaults.
type CurationOptions struct {
	// Since keeps the drafts of the last days (default 180 days).
	Since time.Duration
	// StaleAfter is the age of a document to check (default 12 months).
	StaleAfter time.Duration
	// Questions bounds the unreliable questions grouped (default 5000).
	Questions int
	// Items bounds each list (default 50).
	Items int
	// Now is the clock (default time.Now).
	Now func() time.Time
}

func (o CurationOptions) withDefaults() CurationOptions {
	if o.Since <= 0 {
		o.Since = 180 * 24 * time.Hour
	}
	if o.StaleAfter <= 0 {
		o.StaleAfter = 365 * 24 * time.Hour
	}
	if o.Questions <= 0 {
		o.Questions = 5000
	}
	if o.Items <= 0 {
		o.Items = 50
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Closed says how and when an item was closed; nil when open.
type Closed struct {
	Action string    `json:"action"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

// QuestionGroup is a topic of questions that found no reliable source:
// near-duplicates merged, redacted text only.
type QuestionGroup struct {
	Key     string `json:"key"`
	Service string `json:"service"`
	// Label is the group's most typical question; Questions are up to
	// five others, all redacted.
	Label     string    `json:"label"`
	Questions []string  `json:"questions"`
	Words     []string  `json:"words"`
	Count     int       `json:"count"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	DraftIDs  []string  `json:"draft_ids"`
	Closed    *Closed   `json:"closed"`
}

// LowRatedItem is a draft its agent rejected or rated 2 or less.
type LowRatedItem struct {
	Key        string     `json:"key"`
	DraftID    string     `json:"draft_id"`
	Service    string     `json:"service"`
	Question   string     `json:"question"`
	Outcome    string     `json:"outcome"`
	Rating     *int       `json:"rating"`
	Tags       []string   `json:"tags"`
	Sources    []Citation `json:"sources"`
	CreatedAt  time.Time  `json:"created_at"`
	FeedbackAt time.Time  `json:"feedback_at"`
	Closed     *Closed    `json:"closed"`
}

// StaleItem is a document to check.
type StaleItem struct {
	Key             string    `json:"key"`
	DocumentID      int64     `json:"document_id"`
	Title           string    `json:"title"`
	URL             string    `json:"url"`
	Service         string    `json:"service"`
	UpdatedAt       time.Time `json:"updated_at"`
	AnswersToReview int       `json:"answers_to_review"`
	Closed          *Closed   `json:"closed"`
}

// DocumentUse is how often drafts cited a document.
type DocumentUse struct {
	DocumentID int64  `json:"document_id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	Service    string `json:"service"`
	Citations  int64  `json:"citations"`
}

// CurationReport is an admin's work list.
type CurationReport struct {
	Since      time.Time       `json:"since"`
	Unanswered []QuestionGroup `json:"unanswered"`
	LowRated   []LowRatedItem  `json:"low_rated"`
	MostCited  []DocumentUse   `json:"most_cited"`
	LeastCited []DocumentUse   `json:"least_cited"`
	Stale      []StaleItem     `json:"stale"`
}

// Curation builds the work list of a scope (Since is set from opts). Its
// five reads run at once, each on its own connection, the questions
// grouped as soon as they are read: the list takes the time of its
// slowest read rather than of their sum. The store bounds the curation
// reads running at once, every caller's together (store.CurationSlots),
// so that administrators opening the list together leave the pool's other
// connections to drafting.
func Curation(ctx context.Context, st *store.Store, sc store.CurationScope, opts CurationOptions) (CurationReport, error) {
	opts = opts.withDefaults()
	now := opts.Now()
	sc.Since = now.Add(-opts.Since)
	var (
		closures    map[string]store.Closure
		groups      []QuestionGroup
		low         []store.LowRatedDraft
		most, least []store.DocumentUse
		old         []store.StaleDocument
	)
	g, gctx := errgroup.WithContext(ctx)
	goSafe(g, func() (err error) { closures, err = st.CurationClosures(gctx, sc); return err })
	goSafe(g, func() error {
		qs, err := st.UnreliableQuestions(gctx, sc, opts.Questions)
		groups = GroupQuestions(qs)
		return err
	})
	goSafe(g, func() (err error) { low, err = st.LowRatedDrafts(gctx, sc, 4*opts.Items); return err })
	goSafe(g, func() (err error) { most, least, err = st.DocumentUses(gctx, sc, 10); return err })
	goSafe(g, func() (err error) {
		old, err = st.StaleDocuments(gctx, sc, now.Add(-opts.StaleAfter), 4*opts.Items)
		return err
	})
	if err := g.Wait(); err != nil {
		return CurationReport{}, err
	}
	rep := CurationReport{Since: sc.Since, Unanswered: unanswered(groups, closures, opts.Items),
		MostCited: docUses(most), LeastCited: docUses(least), Stale: stale(old, closures, opts.Items)}
	var err error
	if rep.LowRated, err = lowRated(low, closures, opts.Items); err != nil {
		return CurationReport{}, err
	}
	return rep, nil
}

// CurationHolds reports whether key is an item of kind in the work list of
// sc as Curation builds it with opts, open or closed, past the lists' first
// items too: one targeted query for the item, never the whole report (a
// closure of anything else would be stored for nothing). A group of
// questions is known by the question that keys it (groupOf): the check
// takes the key of any question of the scope without a reliable source,
// which keys a group of its own whenever the questions it joined age out,
// never a key of nothing or of another service.
func CurationHolds(ctx context.Context, st *store.Store, sc store.CurationScope, opts CurationOptions, kind, key string) (bool, error) {
	opts = opts.withDefaults()
	now := opts.Now()
	sc.Since = now.Add(-opts.Since)
	switch kind {
	case ItemUnanswered:
		return st.HasUnreliableQuestion(ctx, sc, key)
	case ItemLowRated:
		return st.HasLowRatedDraft(ctx, sc, key)
	case ItemStale:
		id, err := strconv.ParseInt(key, 10, 64)
		if err != nil {
			return false, nil
		}
		return st.HasStaleDocument(ctx, sc, now.Add(-opts.StaleAfter), id)
	}
	return false, nil
}

// unanswered marks the groups closed and keeps n, open ones first.
func unanswered(groups []QuestionGroup, closures map[string]store.Closure, n int) []QuestionGroup {
	for i := range groups {
		g := &groups[i]
		g.Closed = closedUnless(closures, g.Service, ItemUnanswered, g.Key, g.LastSeen)
	}
	return openFirst(groups, n, func(g QuestionGroup) bool { return g.Closed == nil })
}

// closedUnless returns an item's closure, or nil when there is none or the
// item recurred after it (it is open again).
func closedUnless(closures map[string]store.Closure, service, kind, key string, last time.Time) *Closed {
	c, ok := closures[store.ClosureKey(service, kind, key)]
	if !ok || last.After(c.ClosedAt) {
		return nil
	}
	return &Closed{Action: string(c.Action), Reason: c.Reason.String(), At: c.ClosedAt}
}

// openFirst keeps at most n items, open ones first, in their order.
func openFirst[T any](items []T, n int, open func(T) bool) []T {
	slices.SortStableFunc(items, func(a, b T) int {
		switch {
		case open(a) == open(b):
			return 0
		case open(a):
			return -1
		}
		return 1
	})
	if len(items) > n {
		items = items[:n]
	}
	return items
}

func lowRated(rows []store.LowRatedDraft, closures map[string]store.Closure, n int) ([]LowRatedItem, error) {
	out := []LowRatedItem{}
	for _, r := range rows {
		it := LowRatedItem{Key: r.DraftID, DraftID: r.DraftID, Service: r.Service, Question: r.Question,
			Outcome: string(r.Outcome), Rating: r.Rating, Tags: nonNilStrings(r.Tags), Sources: []Citation{},
			CreatedAt: r.CreatedAt, FeedbackAt: r.FeedbackAt}
		if err := json.Unmarshal(r.Sources, &it.Sources); err != nil {
			return nil, fmt.Errorf("curation: sources of draft %s: %w", r.DraftID, err)
		}
		for i := range it.Sources {
			it.Sources[i].Passage = "" // titles are enough here
		}
		it.Closed = closedUnless(closures, r.Service, ItemLowRated, it.Key, r.FeedbackAt)
		out = append(out, it)
	}
	return openFirst(out, n, func(i LowRatedItem) bool { return i.Closed == nil }), nil
}

func stale(rows []store.StaleDocument, closures map[string]store.Closure, n int) []StaleItem {
	out := []StaleItem{}
	for _, r := range rows {
		it := StaleItem{Key: fmt.Sprint(r.DocumentID), DocumentID: r.DocumentID, Title: r.Title, URL: r.URL,
			Service: r.Service, UpdatedAt: r.UpdatedAt, AnswersToReview: r.AnswersToReview}
		// A closed stale document reopens when answers are flagged again.
		last := time.Time{}
		if r.AnswersToReview > 0 {
			last = r.UpdatedAt
		}
		it.Closed = closedUnless(closures, r.Service, ItemStale, it.Key, last)
		out = append(out, it)
	}
	return openFirst(out, n, func(i StaleItem) bool { return i.Closed == nil })
}

func docUses(in []store.DocumentUse) []DocumentUse {
	out := make([]DocumentUse, len(in))
	for i, u := range in {
		out[i] = DocumentUse{DocumentID: u.DocumentID, Title: u.Title, URL: u.URL, Service: u.Service, Citations: u.Citations}
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// GroupQuestions merges near-duplicate questions into topics, per service:
// two questions join when they share at least half of the informative
// words of the shorter one (and two of them). A row stands for every
// draft that asked the same text (store.QuestionRow). Groups come largest
// first.
func GroupQuestions(qs []store.QuestionRow) []QuestionGroup {
	cs := questionClusters{indexes: map[string]map[string][]int{}}
	for _, q := range qs {
		cs.add(q)
	}
	out := make([]QuestionGroup, 0, len(cs.all))
	for _, c := range cs.all {
		out = append(out, groupOf(c.service, c.rows[0], slices.Values(c.rows), c.words))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].LastSeen.After(out[j].LastSeen)
	})
	return out
}

// questionCluster is a topic being grouped: its questions, the number of
// words of its first one, and how often each word occurs.
type questionCluster struct {
	service   string
	rows      []store.QuestionRow
	seedWords int
	words     map[string]int
}

// questionClusters are the topics grouped so far, and per service an
// index from each word to the clusters holding it; shared counts, for
// each cluster, the words a question shares with it (reused from one
// question to the next, zeroed back through touched).
type questionClusters struct {
	all     []*questionCluster
	indexes map[string]map[string][]int
	shared  []int
	touched []int
}

// add puts q in the closest cluster of its service, or in a new one.
func (cs *questionClusters) add(q store.QuestionRow) {
	words := topicWords(q.Question)
	if len(words) == 0 {
		return
	}
	index := cs.indexes[q.Service]
	if index == nil {
		index = map[string][]int{}
		cs.indexes[q.Service] = index
	}
	best := cs.closest(index, words)
	if best < 0 {
		cs.all = append(cs.all, &questionCluster{service: q.Service, seedWords: len(words), words: map[string]int{}})
		cs.shared = append(cs.shared, 0)
		best = len(cs.all) - 1
		for _, w := range words {
			index[w] = append(index[w], best)
		}
	}
	c := cs.all[best]
	c.rows = append(c.rows, q)
	for _, w := range words {
		c.words[w] += max(q.Count, 1)
	}
}

// closest returns the cluster of index sharing the most of words (the
// first on a tie), among those sharing enough; -1 when none does.
func (cs *questionClusters) closest(index map[string][]int, words []string) int {
	for _, w := range words {
		for _, ci := range index[w] {
			if cs.shared[ci] == 0 {
				cs.touched = append(cs.touched, ci)
			}
			cs.shared[ci]++
		}
	}
	best, bestShared := -1, 0
	for _, ci := range cs.touched {
		shared := cs.shared[ci]
		cs.shared[ci] = 0
		need := max(2, (min(len(words), cs.all[ci].seedWords)+1)/2)
		if shared >= need && (shared > bestShared || (shared == bestShared && ci < best)) {
			best, bestShared = ci, shared
		}
	}
	cs.touched = cs.touched[:0]
	return best
}

// groupOf summarises a cluster; its key is the hash of its service and of
// its first (seed) question's id, stable while that question is listed.
func groupOf(service string, seed store.QuestionRow, members iter.Seq[store.QuestionRow], words map[string]int) QuestionGroup {
	sum := sha256.Sum256([]byte(service + "\x00" + seed.DraftID))
	g := QuestionGroup{Key: hex.EncodeToString(sum[:8]), Service: service, Label: seed.Question, Questions: []string{},
		DraftIDs: []string{}, FirstSeen: seed.CreatedAt, LastSeen: seed.CreatedAt}
	for m := range members {
		g.Count += max(m.Count, 1)
		if first := firstSeen(m); first.Before(g.FirstSeen) {
			g.FirstSeen = first
		}
		if m.CreatedAt.After(g.LastSeen) {
			g.LastSeen = m.CreatedAt
		}
		if m.DraftID != seed.DraftID && len(g.Questions) < 5 && !slices.Contains(g.Questions, m.Question) && m.Question != seed.Question {
			g.Questions = append(g.Questions, m.Question)
		}
		ids := m.DraftIDs
		if ids == nil {
			ids = []string{m.DraftID}
		}
		g.DraftIDs = append(g.DraftIDs, ids[:min(len(ids), 20-len(g.DraftIDs))]...)
	}
	g.Label = excerpt(g.Label, 300)
	for i, q := range g.Questions {
		g.Questions[i] = excerpt(q, 300)
	}
	g.Words = topWords(words, 5)
	return g
}

// firstSeen is when a row's question was first asked.
func firstSeen(q store.QuestionRow) time.Time {
	if q.FirstSeen.IsZero() {
		return q.CreatedAt
	}
	return q.FirstSeen
}

func topWords(words map[string]int, n int) []string {
	out := make([]string, 0, len(words))
	for w := range words {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if words[out[i]] != words[out[j]] {
			return words[out[i]] > words[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// excerpt cuts s to n characters at most, whitespace collapsed.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n])) + "…"
	}
	return s
}

// greetingWords are frequent words of messages that say nothing of their
// topic.
var greetingWords = map[string]bool{"bonjo": true, "merci": true, "madam": true, "monsi": true, "cordi": true,
	"salut": true, "avanc": true, "votre": true, "notre": true, "comme": true, "faire": true, "savoi": true,
	"besoi": true, "aimer": true, "pouve": true, "possi": true, "quoi": true, "quand": true, "depui": true,
	"alors": true, "aussi": true, "encor": true, "toujo": true, "leurs": true, "cette": true, "avoir": true,
	"etais": true, "sont": true, "suis": true, "dans": true, "pour": true, "avec": true, "mais": true, "elle": true,
	"nous": true, "vous": true, "mon": true, "est-c": true, "quell": true, "quel": true}

// topicWords returns the distinct stemmed (first five letters) informative
// words of four letters or more of a redacted question, folded,
// placeholders and greetings left out, sorted.
func topicWords(question string) []string {
	seen := map[string]bool{}
	var out []string
	for w := range strings.FieldsSeq(fold.Words(placeholderRe.ReplaceAllString(question, " "))) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		if w = firstRunes(w, 5); !seen[w] && !greetingWords[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// firstRunes returns the first n characters of w.
func firstRunes(w string, n int) string {
	for i := range w {
		if n == 0 {
			return w[:i]
		}
		n--
	}
	return w
}
