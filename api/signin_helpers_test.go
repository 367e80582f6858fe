package api_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"

	"github.com/plume-sp/plume/store"
)

var agentSeq atomic.Int64

// agent records a new agent who signed in, with access (nil: none).
func (e *env) agent(access *store.Access) store.Agent {
	e.tb.Helper()
	n := agentSeq.Add(1)
	a, err := e.st.SignInAgent(context.Background(), store.AgentProfile{Issuer: "https://idp.test", Subject: fmt.Sprint("s", n),
		Email: fmt.Sprintf("agent%d@ville.fr", n)}, nil)
	if err != nil {
		e.tb.Fatal(err)
	}
	if access != nil {
		if _, err := e.st.SetAgentAccess(context.Background(), a.ID, *access, nil); err != nil {
			e.tb.Fatal(err)
		}
	}
	return a
}

// browser is a browser's cookies, kept by hand: the session cookies are
// Secure, which net/http's jar never sends over plain HTTP.
type browser struct {
	e       *env
	cookies map[string]*http.Cookie
}

func (e *env) browser() *browser { return &browser{e: e, cookies: map[string]*http.Cookie{}} }

// get sends one request without following redirections, keeping the
// cookies set by plume's answers.
func (b *browser) send(method, rawURL string, header map[string]string, body string) (*http.Response, string) {
	b.e.tb.Helper()
	req, err := http.NewRequest(method, rawURL, strings.NewReader(body))
	if err != nil {
		b.e.tb.Fatal(err)
	}
	if strings.HasPrefix(rawURL, b.e.http.URL) {
		for _, c := range b.cookies {
			req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		b.e.tb.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if strings.HasPrefix(rawURL, b.e.http.URL) {
		for _, c := range resp.Cookies() {
			if c.MaxAge < 0 {
				delete(b.cookies, c.Name)
			} else {
				b.cookies[c.Name] = c
			}
		}
	}
	return resp, string(data)
}

// signIn goes through the whole sign-in and returns the callback's answer.
func (b *browser) signIn() (*http.Response, string) {
	b.e.tb.Helper()
	resp, _ := b.send("GET", b.e.http.URL+"/auth/login", nil, "")
	if resp.StatusCode != http.StatusFound {
		b.e.tb.Fatalf("login: %d", resp.StatusCode)
	}
	resp, _ = b.send("GET", resp.Header.Get("Location"), nil, "")
	back, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil {
		b.e.tb.Fatalf("provider: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	return b.send("GET", back.String(), nil, "")
}
