package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/store"
)

// repoRoot is the repository's root, seen from this package.
const repoRoot = ".."

// chromiumPath is Debian's chromium, installed by scripts/setup-browser.sh.
const chromiumPath = "/usr/bin/chromium"

// requireBrowser skips the test when chromium or axe-core is missing, or
// fails it when CI is set: in CI the browser tests must run.
func requireBrowser(tb testing.TB) (axe string) {
	tb.Helper()
	var missing []string
	if _, err := os.Stat(chromiumPath); err != nil {
		missing = append(missing, chromiumPath)
	}
	src, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		missing = append(missing, "node_modules/axe-core")
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("browser tests need %s: run scripts/setup-browser.sh", strings.Join(missing, " and "))
		if os.Getenv("CI") != "" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return string(src)
}

// fakeReply answers like a model that follows the prompt: it greets the
// user by the masked name when there is one and cites source [1].
func fakeReply(req openai.ChatCompletionRequest) (string, error) {
	// The system prompt shows placeholders as examples: look at the
	// user's turn only.
	var user string
	for _, m := range req.Messages {
		if m.Role == openai.ChatMessageRoleUser {
			user = m.Content
		}
	}
	greeting := "Bonjour,"
	if strings.Contains(user, "[NOM_1]") {
		greeting = "Bonjour [NOM_1],"
	}
	return greeting + "\n\nVoici la démarche à suivre, décrite dans la fiche officielle [1]. " +
		"Vous pouvez la faire en ligne.\n\nCordialement,\nVotre conseiller", nil
}

// site is plume's API with the web page at "/", over the demo corpus in a
// fresh schema and the fake model, with a global agent key, an agent key of
// the CAF and a global admin key.
type site struct {
	url                      string
	st                       *store.Store
	agentKey, cafKey, admKey string
	admID                    int64
}

func newSite(tb testing.TB) *site {
	tb.Helper()
	return newSiteWith(tb, llmtest.WithReply(fakeReply), llmtest.WithStreamChunks(12, 5*time.Millisecond))
}

// newSiteWith is newSite with a fake model configured by modelOpts.
func newSiteWith(tb testing.TB, modelOpts ...llmtest.Option) *site {
	tb.Helper()
	ctx := context.Background()
	p := plumetest.New(tb, plumetest.WithCorpus(filepath.Join(repoRoot, "demo", "corpus")), plumetest.WithModel(modelOpts...))
	srv := p.Serve(tb, api.Config{RatePerSecond: -1}, plumetest.WithPage())
	st := p.Store
	s := &site{url: srv.URL, st: st}
	var err error
	_, s.agentKey, err = st.CreateAPIKey(ctx, "agent e2e", store.RoleAgent, "")
	if err != nil {
		tb.Fatal(err)
	}
	_, s.cafKey, err = st.CreateAPIKey(ctx, "agent caf e2e", store.RoleAgent, "caf")
	if err != nil {
		tb.Fatal(err)
	}
	adm, admKey, err := st.CreateAPIKey(ctx, "admin e2e", store.RoleAdmin, "")
	if err != nil {
		tb.Fatal(err)
	}
	s.admKey, s.admID = admKey, adm.ID
	return s
}

// browser is one headless chromium tab with the page's errors collected.
type browser struct {
	tb  testing.TB
	ctx context.Context
	axe string

	mu     sync.Mutex
	errors []string
}

func newBrowser(tb testing.TB, axe string) *browser {
	tb.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "fr-FR"),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	tb.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	b := &browser{tb: tb, ctx: ctx, axe: axe}
	// Start the browser, then collect uncaught exceptions, console errors
	// and errors of the browser log (a CSP violation is one): the page must
	// have none. Failed requests (the expected 401 and 403) are not errors
	// of the page.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if (m.Type == chromedp.ConsoleError || m.IsException()) && m.Source != "network" {
				b.mu.Lock()
				b.errors = append(b.errors, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs steps and fails the test, with a screenshot, on error.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.tb.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.shot("echec-" + strings.ReplaceAll(what, " ", "-"))
		b.tb.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](b *browser, expr string) T {
	b.tb.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.tb.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it holds (30 s at most: the machine may be busy).
func (b *browser) waitFor(what, predicate string) {
	b.tb.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](predicate,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		b.shot("echec-" + strings.ReplaceAll(what, " ", "-"))
		b.tb.Fatalf("%s: %s never held: %v", what, predicate, err)
	}
}

// text returns the text content of the element matched by css.
func (b *browser) text(css string) string {
	b.tb.Helper()
	return eval[string](b, fmt.Sprintf(`document.querySelector(%q)?.textContent ?? ""`, css))
}

// pageErrors fails the test if the page threw or logged an error.
func (b *browser) pageErrors() {
	b.tb.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.errors) > 0 {
		b.tb.Errorf("the page reported errors:\n%s", strings.Join(b.errors, "\n"))
		b.errors = nil
	}
}

// shot saves a full-page screenshot under artifacts/ (e2e/artifacts, kept
// out of git), to look at after a run.
func (b *browser) shot(name string) {
	b.tb.Helper()
	b.save(name, chromedp.FullScreenshot(100))
}

// shotScreen saves what the screen shows, without scrolling: the top of a
// long page on a small screen.
func (b *browser) shotScreen(name string) {
	b.tb.Helper()
	b.save(name, chromedp.CaptureScreenshot())
}

func (b *browser) save(name string, capture chromedp.Action[[]byte]) {
	b.tb.Helper()
	buf, err := chromedp.Run(b.ctx, capture)
	if err != nil {
		b.tb.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.MkdirAll("artifacts", 0o755); err != nil {
		b.tb.Fatal(err)
	}
	path := filepath.Join("artifacts", name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.tb.Fatal(err)
	}
	if abs, err := filepath.Abs(path); err == nil {
		b.tb.Logf("screenshot %s", abs)
	}
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkAccessibility runs axe-core on the page as it is (WCAG 2.1 A and AA
// rules and best practices) and fails on any serious or critical violation.
func (b *browser) checkAccessibility(view string) {
	b.tb.Helper()
	if !eval[bool](b, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
			b.tb.Fatalf("inject axe-core: %v", err)
		}
	}
	vs := eval[[]axeViolation](b, `axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
		resultTypes: ["violations"],
	}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))})))`)
	var bad []string
	for _, v := range vs {
		line := fmt.Sprintf("%s [%s] %s: %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, line)
		} else {
			b.tb.Logf("axe (%s, minor): %s", view, line)
		}
	}
	if len(bad) > 0 {
		b.tb.Errorf("axe-core on %s: %d serious or critical violations:\n%s", view, len(bad), strings.Join(bad, "\n"))
	}
}
