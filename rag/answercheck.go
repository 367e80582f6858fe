package rag

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// Answer check: with a chat model configured (PLUME_ANSWER_CHECK=on),
// before a validated answer is shown with a draft, one short model call on
// the redacted message and the answer's question and text asks whether it
// answers the request (prompts/templates/verification.check.tmpl, a strict
// JSON yes or no). An answer the model says does not answer is neither
// shown nor given to the model as an example; a failed call (timeout,
// error, a reply that is not the JSON asked for) keeps the matching's
// answer, as without the check. Verdicts are cached by the hash of the
// prompt (its version and its three texts).

// DefaultAnswerCheckTimeout bounds an answer check when NewAnswerChecker
// is given no timeout.
const DefaultAnswerCheckTimeout = 3 * time.Second

// Limits of the answer check: the answers checked per draft (those the
// matching ranks first), the bytes of an answer's text given, the cache's
// size.
const (
	answerCheckCandidates = 2
	answerCheckTextBytes  = 1500
	answerCheckCacheSize  = 4096
)

// AnswerChecker asks a chat model whether validated answers answer a
// message. It is safe for concurrent use.
type AnswerChecker struct {
	chat    llm.Chatter
	prompts *prompts.Set
	policy  redact.Policy
	timeout time.Duration
	log     *slog.Logger
	cache   *hashCache[bool]
}

// NewAnswerChecker returns a checker over chat giving each call at most
// timeout (default DefaultAnswerCheckTimeout); policy redacts the
// answers' texts again on their way to the model (nil: the default), log
// may be nil.
func NewAnswerChecker(chat llm.Chatter, ps *prompts.Set, policy redact.Policy, timeout time.Duration, log *slog.Logger) *AnswerChecker {
	if timeout <= 0 {
		timeout = DefaultAnswerCheckTimeout
	}
	if policy == nil {
		policy = redact.DefaultPolicy()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &AnswerChecker{chat: chat, prompts: ps, policy: policy, timeout: timeout, log: log,
		cache: newHashCache[bool](answerCheckCacheSize)}
}

// Filter returns the answers to show for a redacted message, numbered
// by mapping (see Check): of found (the matching's, best first), the
// first answerCheckCandidates active ones checked at once, those the
// model says answer it kept, those it says do not dropped, those whose
// check failed kept; the active answers after them are not shown, the
// model having vouched for none. An answer to review (its source changed)
// never reaches the model: it is not checked, takes no check's place,
// and is shown where the matching put it, with its mark. When every check
// fails, found is returned as it is: the matching without the model.
func (c *AnswerChecker) Filter(ctx context.Context, message redact.Text, mapping redact.Mapping, found []ValidatedAnswer) []ValidatedAnswer {
	checked := checkable(found)
	if len(checked) == 0 || message.IsEmpty() {
		return found
	}
	yes, errs := make([]bool, len(checked)), make([]error, len(checked))
	var wg sync.WaitGroup
	for i, k := range checked {
		wg.Go(func() {
			errs[i] = recovered(func() (err error) { yes[i], err = c.Check(ctx, message, mapping, found[k]); return err })
		})
	}
	wg.Wait()
	failed, keep := 0, map[int]bool{}
	for i, k := range checked {
		if errs[i] != nil {
			failed++
			c.log.Warn("answer check failed, the matching's answer is kept", "answer_id", found[k].ID, "err", errs[i])
		}
		keep[k] = errs[i] != nil || yes[i]
	}
	if failed == len(checked) {
		return found
	}
	out := []ValidatedAnswer{}
	for k, a := range found {
		if keep[k] || !a.active() {
			out = append(out, a)
		}
	}
	return out
}

// checkable returns the places in found of the answers to check: the
// first answerCheckCandidates active ones.
func checkable(found []ValidatedAnswer) []int {
	var out []int
	for k, a := range found {
		if a.active() && len(out) < answerCheckCandidates {
			out = append(out, k)
		}
	}
	return out
}

// active reports whether a may reach a model: an active answer, not one
// to review or archived.
func (a ValidatedAnswer) active() bool { return a.Status == string(store.AnswerActive) }

// Check reports whether the validated answer a answers the redacted
// message, as the model says (an answer that is not active is refused:
// it never reaches a model); its question and text (the first
// answerCheckTextBytes) are redacted again, as every text given to a
// model is, in a session going on from mapping, the one that numbered
// the message's placeholders: a value of the message keeps its
// placeholder, and the answer's own (« [NOM_1] », the person it was
// written for) is numbered after the message's, never taken for one.
func (c *AnswerChecker) Check(ctx context.Context, message redact.Text, mapping redact.Mapping, a ValidatedAnswer) (bool, error) {
	if !a.active() {
		return false, fmt.Errorf("answer check: answer %d is %s, not active: it never reaches the model: %w", a.ID, a.Status, ErrInvalid)
	}
	session := redact.NewSessionFrom(c.policy, mapping)
	question, err := session.Redact(ctx, a.Question)
	if err != nil {
		return false, fmt.Errorf("answer check: redact the question: %w", err)
	}
	text, err := session.Redact(ctx, truncateUTF8(a.Text, answerCheckTextBytes))
	if err != nil {
		return false, fmt.Errorf("answer check: redact the text: %w", err)
	}
	p, err := c.prompts.RenderAnswerCheck(prompts.AnswerCheckInput{Message: message, Question: question.Text, Text: text.Text})
	if err != nil {
		return false, fmt.Errorf("answer check: %w", err)
	}
	key := promptKey(p)
	if cached, ok := c.cache.get(key); ok {
		return cached, nil
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	resp, err := c.chat.Chat(ctx, llm.ChatRequest{Messages: p.Messages, MaxTokens: 20})
	if err != nil {
		return false, fmt.Errorf("answer check: %w", err)
	}
	verdict, err := parseAnswerCheck(resp.Content)
	if err != nil {
		return false, err
	}
	c.cache.put(key, verdict)
	return verdict, nil
}

// promptKey is the hash of a prompt: its version and its messages.
func promptKey(p prompts.Prompt) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(p.Version))
	for _, m := range p.Messages {
		h.Write([]byte{0})
		h.Write([]byte(m.Role))
		h.Write([]byte{0})
		h.Write([]byte(m.Content.String()))
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// parseAnswerCheck reads the model's verdict: one JSON object,
// {"repond": true} or {"repond": false}, and nothing else (a Markdown
// code fence around it aside); anything else is llm.ErrBadResponse.
func parseAnswerCheck(reply string) (bool, error) {
	s := strings.TrimSpace(reply)
	if rest, ok := strings.CutPrefix(s, "```"); ok {
		rest = strings.TrimPrefix(rest, "json")
		if body, ok := strings.CutSuffix(rest, "```"); ok {
			s = strings.TrimSpace(body)
		}
	}
	var v struct {
		Repond *bool `json:"repond"`
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil || v.Repond == nil {
		return false, fmt.Errorf("answer check: the model's reply is not {\"repond\": true|false} (%d bytes): %w", len(reply), llm.ErrBadResponse)
	}
	if _, err := dec.Token(); err != io.EOF {
		return false, fmt.Errorf("answer check: the model wrote more than the verdict (%d bytes): %w", len(reply), llm.ErrBadResponse)
	}
	return *v.Repond, nil
}

// truncateUTF8 returns s cut to at most n bytes, on a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}

// hashCache is a bounded in-memory cache of model replies by the hash of
// what was asked, cleared when full; safe for concurrent use.
type hashCache[V any] struct {
	mu   sync.Mutex
	m    map[[sha256.Size]byte]V
	size int
}

func newHashCache[V any](size int) *hashCache[V] {
	return &hashCache[V]{m: map[[sha256.Size]byte]V{}, size: size}
}

func (c *hashCache[V]) get(key [sha256.Size]byte) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *hashCache[V]) put(key [sha256.Size]byte, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.size {
		clear(c.m)
	}
	c.m[key] = v
}
