package plumetest

import (
	"context"
	"net"
	"net/http/httptest"
	"testing"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/api/web"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/auth/oidctest"
)

// Server is plume's API served on loopback for a test.
type Server struct {
	*api.Server
	// Deps are the services it was built with.
	Deps api.Deps
	HTTP *httptest.Server
	// URL is where it listens, http://127.0.0.1:port.
	URL string
	// OP is the OpenID provider agents sign in with (WithSignIn), or nil.
	OP *oidctest.Provider
}

// ServeOption changes what Serve starts.
type ServeOption func(*serveOptions)

type serveOptions struct {
	page, signIn bool
	edit         func(*api.Deps)
}

// WithPage serves the page for agents and admins beside the API, as plume
// serve does.
func WithPage() ServeOption { return func(o *serveOptions) { o.page = true } }

// WithSignIn starts an OpenID provider on loopback (Server.OP) that the
// page signs agents in with.
func WithSignIn() ServeOption { return func(o *serveOptions) { o.signIn = true } }

// WithDeps changes the server's dependencies before it is built.
func WithDeps(edit func(*api.Deps)) ServeOption { return func(o *serveOptions) { o.edit = edit } }

// Serve starts plume's API with cfg over p's services on 127.0.0.1 (a
// secure context for browsers: Secure cookies work over plain HTTP there),
// closed when the test ends.
func (p *Plume) Serve(tb testing.TB, cfg api.Config, opts ...ServeOption) *Server {
	tb.Helper()
	var o serveOptions
	for _, opt := range opts {
		opt(&o)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	s := &Server{Deps: p.APIDeps(), URL: "http://" + ln.Addr().String()}
	if o.page {
		s.Deps.Web = web.Handler()
	}
	if o.signIn {
		s.OP = oidctest.New(tb, "plume", "client-secret")
		if s.Deps.OIDC, err = auth.New(context.Background(), auth.Config{Issuer: s.OP.URL, ClientID: "plume",
			ClientSecret: "client-secret", RedirectURL: s.URL + "/auth/callback", Scopes: auth.DefaultScopes}, nil); err != nil {
			tb.Fatal(err)
		}
	}
	if o.edit != nil {
		o.edit(&s.Deps)
	}
	if s.Server, err = api.New(cfg, s.Deps); err != nil {
		ln.Close()
		tb.Fatal(err)
	}
	s.HTTP = httptest.NewUnstartedServer(s.Server)
	s.HTTP.Listener.Close()
	s.HTTP.Listener = ln
	s.HTTP.Start()
	tb.Cleanup(s.HTTP.Close)
	return s
}
