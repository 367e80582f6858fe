package web_test

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api/web"
)

func TestHandler(t *testing.T) {
	t.Parallel()
	h := web.Handler()
	tests := []struct {
		name, method, path string
		wantStatus         int
		wantType           string
		wantBody           string
	}{
		{"page", "GET", "/", http.StatusOK, "text/html; charset=utf-8", `<html lang="fr">`},
		{"head of page", "HEAD", "/", http.StatusOK, "text/html; charset=utf-8", ""},
		{"script", "GET", "/app.js", http.StatusOK, "text/javascript; charset=utf-8", "import"},
		{"style", "GET", "/style.css", http.StatusOK, "text/css; charset=utf-8", ":root"},
		{"unknown", "GET", "/v2/nothing", http.StatusNotFound, "text/plain; charset=utf-8", ""},
		{"escape attempt", "GET", "/../web.go", http.StatusNotFound, "text/plain; charset=utf-8", ""},
		{"directory", "GET", "/static/", http.StatusNotFound, "text/plain; charset=utf-8", ""},
		{"post", "POST", "/", http.StatusMethodNotAllowed, "text/plain; charset=utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			got := struct {
				Status int
				Type   string
			}{rec.Code, rec.Header().Get("Content-Type")}
			want := struct {
				Status int
				Type   string
			}{tt.wantStatus, tt.wantType}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%s %s (-want +got):\n%s", tt.method, tt.path, diff)
			}
			if !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("body lacks %q", tt.wantBody)
			}
			if rec.Code == http.StatusOK && !strings.Contains(rec.Header().Get("Content-Security-Policy"), "script-src 'self'") {
				t.Errorf("no content security policy: %q", rec.Header().Get("Content-Security-Policy"))
			}
		})
	}
}

// TestAssetsAreLocal checks that the page loads only its own files (no CDN:
// the server may have no internet) and that every file it names exists.
func TestAssetsAreLocal(t *testing.T) {
	t.Parallel()
	assets := web.FS()
	seen := 0
	ref := regexp.MustCompile(`(?:src|href)="([^"#]+)"|from '([^']+)'|import\('([^']+)'\)`)
	err := fs.WalkDir(assets, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".js")) {
			return err
		}
		data, err := fs.ReadFile(assets, path)
		if err != nil {
			return err
		}
		for _, m := range ref.FindAllStringSubmatch(string(data), -1) {
			name := m[1] + m[2] + m[3]
			seen++
			if strings.Contains(name, "://") || strings.HasPrefix(name, "//") {
				t.Errorf("%s loads %s from elsewhere", path, name)
				continue
			}
			if strings.HasPrefix(name, "${") {
				continue // a template in a script, not a file
			}
			if _, err := fs.Stat(assets, strings.TrimPrefix(strings.TrimPrefix(name, "./"), "/")); err != nil {
				t.Errorf("%s names %s, which is not embedded", path, name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 5 {
		t.Errorf("found %d references to assets, want the page's scripts, style and imports", seen)
	}
}

// TestNoHTMLInjection checks that no script builds markup from strings:
// text from the API and the model goes in as text nodes only.
func TestNoHTMLInjection(t *testing.T) {
	t.Parallel()
	banned := regexp.MustCompile(`\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(`)
	matches, err := fs.Glob(web.FS(), "*.js")
	if err != nil || len(matches) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, name := range matches {
		f, err := web.FS().Open(name)
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if m := banned.Find(data); m != nil {
			t.Errorf("%s uses %s", name, m)
		}
	}
}
