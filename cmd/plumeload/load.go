package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// loadConfig is one load run.
type loadConfig struct {
	// URL is plume's address; several, comma-separated, are used in turn,
	// as a load balancer would (see draftAny).
	URL string
	// Key is an agent API key; several, comma-separated, are given to the
	// agents in turn.
	Key      string
	Agents   int
	Duration time.Duration
	Stream   bool
	// Ramp spreads the agents' first requests over this time, as agents
	// do not all press the button at the same instant.
	Ramp time.Duration
}

// questions are what the agents ask, in turn: messages as users write them,
// some with personal data for the redactor to find.
var questions = []string{
	"Bonjour, je dois renouveler ma carte d'identité, quels documents dois-je apporter ? Merci",
	"Madame, Monsieur, je viens de déménager au 12 rue des Lilas, 69003 Lyon. Comment changer l'adresse de ma carte grise ?",
	"Bonjour, ma prime d'activité a été suspendue, mon numéro allocataire est 1234567. Que faire ? Cordialement, Paul Martin",
	"J'ai perdu mon passeport pendant un voyage, comment le faire refaire rapidement ? Tél 06 12 34 56 78",
	"Comment déclarer un changement de situation à la CAF après la naissance de mon enfant ?",
	"Bonjour, je souhaite contester une décision de la CAF, quel est le délai pour faire un recours ?",
}

// loadResult sums up a run.
type loadResult struct {
	Requests int
	Errors   int
	// TransportErrors are errors with no HTTP status: a connection cut
	// during the request (its plume process died).
	TransportErrors int
	// FailedOver counts requests sent to the next address because the
	// first refused the connection (nothing was sent).
	FailedOver int
	// FirstErrors keeps a few error descriptions.
	FirstErrors []string
	Took        time.Duration
	Latency     []float64 // client-side, ms
	PlumeMS     []float64 // timings.plume_ms
	// Stages holds each stage's timings (redact_ms, search_ms…).
	Stages     map[string][]float64
	Extractive int
}

func runLoad(ctx context.Context, cfg loadConfig) (*loadResult, error) {
	urls := strings.Split(cfg.URL, ",")
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("url: %w", err)
		}
		if u.Scheme != "http" || u.Hostname() != "127.0.0.1" {
			return nil, fmt.Errorf("url %q: plumeload only talks to http://127.0.0.1", raw)
		}
	}
	keys := strings.Split(cfg.Key, ",")
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: cfg.Agents, MaxIdleConnsPerHost: cfg.Agents, IdleConnTimeout: time.Minute}}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var mu sync.Mutex
	res := &loadResult{Stages: map[string][]float64{}}
	start := time.Now()
	var wg sync.WaitGroup
	for i := range cfg.Agents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if cfg.Ramp > 0 {
				select {
				case <-time.After(cfg.Ramp * time.Duration(i) / time.Duration(cfg.Agents)):
				case <-ctx.Done():
					return
				}
			}
			for n := i; ctx.Err() == nil; n += cfg.Agents {
				t0 := time.Now()
				timings, extractive, failedOver, err := draftAny(ctx, client, cfg, urls, n, keys[i%len(keys)], questions[n%len(questions)])
				if ctx.Err() != nil {
					return // the run ended during this request: not counted
				}
				ms := float64(time.Since(t0).Microseconds()) / 1000
				mu.Lock()
				res.Requests++
				res.FailedOver += failedOver
				if err != nil {
					res.Errors++
					transport := !errors.As(err, new(statusError))
					seen := res.Errors - res.TransportErrors // HTTP errors so far
					if transport {
						res.TransportErrors++
						seen = res.TransportErrors
					}
					// The first few of each kind: an HTTP error is never
					// hidden behind a run of cut connections.
					if seen <= 5 {
						res.FirstErrors = append(res.FirstErrors, err.Error())
					}
				} else {
					res.Latency = append(res.Latency, ms)
					res.PlumeMS = append(res.PlumeMS, timings["plume_ms"])
					for k, v := range timings {
						res.Stages[k] = append(res.Stages[k], v)
					}
					if extractive {
						res.Extractive++
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.Took = time.Since(start)
	return res, nil
}

// statusError is a reply with a status other than 200.
type statusError struct {
	status int
	body   []byte
}

func (e statusError) Error() string { return fmt.Sprintf("status %d: %.200s", e.status, e.body) }

// draftAny asks urls[n % len] for a draft; when that address refuses the
// connection (nothing was sent: its process is gone), it asks the next, as
// a load balancer does, and says how many it skipped.
func draftAny(ctx context.Context, client *http.Client, cfg loadConfig, urls []string, n int, key, question string) (map[string]float64, bool, int, error) {
	var err error
	for i := range urls {
		var timings map[string]float64
		var extractive bool
		timings, extractive, err = draftOnce(ctx, client, cfg, urls[(n+i)%len(urls)], key, question)
		var op *net.OpError
		if err == nil || !errors.As(err, &op) || op.Op != "dial" {
			return timings, extractive, i, err
		}
	}
	return nil, false, len(urls) - 1, err
}

// draftOnce asks base for one draft and returns its timings.
func draftOnce(ctx context.Context, client *http.Client, cfg loadConfig, base, key, question string) (map[string]float64, bool, error) {
	body, _ := json.Marshal(map[string]string{"question": question, "channel": "email"})
	req, err := http.NewRequestWithContext(ctx, "POST", strings.TrimRight(base, "/")+"/v1/drafts", bytes.NewReader(body))
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	if cfg.Stream {
		req.Header.Set("Accept", "text/event-stream")
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, false, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, false, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, false, statusError{status: resp.StatusCode, body: data}
	}
	if cfg.Stream {
		if data, err = finalEvent(data); err != nil {
			return nil, false, err
		}
	}
	var d struct {
		Extractive bool               `json:"extractive"`
		Timings    map[string]float64 `json:"timings"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, false, fmt.Errorf("decode draft: %w", err)
	}
	if _, ok := d.Timings["plume_ms"]; !ok {
		return nil, false, fmt.Errorf("no timings.plume_ms in the draft")
	}
	return d.Timings, d.Extractive, nil
}

// finalEvent returns the data of the stream's "draft" event.
func finalEvent(stream []byte) ([]byte, error) {
	sc := bufio.NewScanner(bytes.NewReader(stream))
	sc.Buffer(nil, 1<<20)
	var name string
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "event: "); ok {
			name = v
		} else if v, ok := strings.CutPrefix(line, "data: "); ok && name == "draft" {
			return []byte(v), nil
		} else if ok && name == "error" {
			return nil, fmt.Errorf("error event: %s", v)
		}
	}
	return nil, fmt.Errorf("the stream has no draft event")
}

// percentile returns the p-th percentile (nearest rank) of sorted values.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

func (r *loadResult) print(w io.Writer, cfg loadConfig) {
	sort.Float64s(r.Latency)
	sort.Float64s(r.PlumeMS)
	mode := "JSON"
	if cfg.Stream {
		mode = "SSE"
	}
	fmt.Fprintf(w, "%d agents (ramp %s), %s, %s drafts: %d requests, %d errors (%d without a status), %.1f drafts/s, %d extractive, %d failed over\n",
		cfg.Agents, cfg.Ramp, r.Took.Round(time.Millisecond), mode, r.Requests, r.Errors, r.TransportErrors,
		float64(r.Requests)/r.Took.Seconds(), r.Extractive, r.FailedOver)
	fmt.Fprintf(w, "client latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n",
		percentile(r.Latency, 50), percentile(r.Latency, 95), percentile(r.Latency, 99), percentile(r.Latency, 100))
	fmt.Fprintf(w, "plume_ms (plume's own time): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n",
		percentile(r.PlumeMS, 50), percentile(r.PlumeMS, 95), percentile(r.PlumeMS, 99), percentile(r.PlumeMS, 100))
	var stages []string
	for k := range r.Stages {
		if k != "plume_ms" {
			stages = append(stages, k)
		}
	}
	sort.Strings(stages)
	fmt.Fprint(w, "p95 by stage ms:")
	for _, k := range stages {
		v := r.Stages[k]
		sort.Float64s(v)
		fmt.Fprintf(w, "  %s %.1f", strings.TrimSuffix(k, "_ms"), percentile(v, 95))
	}
	fmt.Fprintln(w)
	for _, e := range r.FirstErrors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}
