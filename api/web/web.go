// Package web is plume's page for agents and administrators: static HTML,
// CSS and JavaScript modules, embedded in the binary, that talk to the HTTP
// API only. There is no build step and nothing is fetched from elsewhere.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var static embed.FS

// FS returns the page's assets, rooted at the directory that holds
// index.html.
func FS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		// The directory is embedded above: this cannot happen.
		panic("web: embedded assets missing: " + err.Error())
	}
	return sub
}

// contentSecurityPolicy allows the page's own scripts, styles and API calls
// only: no inline script, no third-party origin.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Handler serves the page at "/" and its assets, with GET and HEAD only.
// Mount it at "/" next to the API: it answers 404 for any path that is not
// one of its assets, so API paths must be routed before it.
func Handler() http.Handler {
	assets := FS()
	files := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "méthode non permise", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		}
		if st, err := fs.Stat(assets, name); err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		// Assets are revalidated on each load (ETag-less embed files get
		// Last-Modified-less responses), so a new binary shows at once.
		h.Set("Cache-Control", "no-cache")
		if name == "index.html" {
			// Serve the page itself without FileServer's redirect of
			// "/index.html" to "/".
			http.ServeFileFS(w, r, assets, name)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + name
		files.ServeHTTP(w, r2)
	})
}
