package prompts

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeOverrides creates a folder holding the given files.
func writeOverrides(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestOverrideReplacesOneTemplate(t *testing.T) {
	const userTmpl = `{{/* version: spp-local-3 */ -}}
{{template "sources" .}}
{{template "message" .}}
{{template "consigne" .}}
Tâche locale : répondez en trois phrases au plus.
`
	dir := writeOverrides(t, map[string]string{
		"spp.user.tmpl": userTmpl,
		"LISEZMOI.md":   "ignored: not a template",
	})
	s, err := Load(dir)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	embedded := loadSet(t)

	p, err := s.Render(goldenInput("spp"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "spp-2026-11-27.1+spp-local-3+donnees-2026-11-27.1+exemple-2026-11-30.1+regles-2026-11-27.1"; p.Version != want {
		t.Errorf("Version = %q, want %q", p.Version, want)
	}
	if !strings.HasSuffix(p.Messages[1].Content.String(), "Tâche locale : répondez en trois phrases au plus.") {
		t.Errorf("override not used:\n%s", p.Messages[1].Content.String())
	}
	ep, err := embedded.Render(goldenInput("spp"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Messages[0].Content.String() != ep.Messages[0].Content.String() {
		t.Error("the system template was not overridden but changed")
	}
	for _, ch := range []string{"email", "conseiller"} {
		a, err := s.Render(goldenInput(ch))
		if err != nil {
			t.Fatal(err)
		}
		b, err := embedded.Render(goldenInput(ch))
		if err != nil {
			t.Fatal(err)
		}
		if formatPrompt(a) != formatPrompt(b) {
			t.Errorf("%s changed although only spp was overridden", ch)
		}
	}
}

func TestOverrideSharedRules(t *testing.T) {
	b, err := fs.ReadFile(embedded, "templates/regles.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "regles-2026-11-27.1", "regles-local-1", 1)
	text = strings.Replace(text, "10. Rendez seulement", "11. Restez bref.\n10. Rendez seulement", 1)
	s, err := Load(writeOverrides(t, map[string]string{"regles.tmpl": text}))
	if err != nil {
		t.Fatal(err)
	}
	for i, sys := range s.SystemTexts() {
		if !strings.Contains(sys, "11. Restez bref.") {
			t.Errorf("%s: shared rules not overridden", s.Channels()[i])
		}
	}
	p, err := s.Render(goldenInput("email"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p.Version, "+regles-local-1") {
		t.Errorf("Version = %q, want the new rules version", p.Version)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // substrings of the error
	}{
		{
			name:  "parse error names file and line",
			files: map[string]string{"email.user.tmpl": "{{/* version: email-x */ -}}\n{{template \"sources\" .}}\n{{if .Sources}\n"},
			want:  []string{"email.user.tmpl:3:", "parse"},
		},
		{
			name:  "unknown function",
			files: map[string]string{"spp.system.tmpl": "{{/* version: spp-x */ -}}\nBonjour\n\n{{majuscules .Channel}}\n"},
			want:  []string{"spp.system.tmpl:4:", "majuscules"},
		},
		{
			name:  "system template reads the question",
			files: map[string]string{"spp.system.tmpl": "{{/* version: spp-x */ -}}\nConsignes\n{{.Question}}\n"},
			want:  []string{"spp.system.tmpl:3:", "Question", "no request data"},
		},
		{
			name:  "question dropped",
			files: map[string]string{"conseiller.user.tmpl": "{{/* version: conseiller-x */ -}}\n{{template \"sources\" .}}\nTâche\n"},
			want:  []string{"conseiller.user.tmpl", "user's message must appear exactly once"},
		},
		{
			name:  "question outside a block",
			files: map[string]string{"conseiller.user.tmpl": "{{/* version: conseiller-x */ -}}\n{{template \"sources\" .}}\nQuestion : {{.Question}}\n"},
			want:  []string{"conseiller.user.tmpl", "user's message must appear exactly once"},
		},
		{
			name:  "sources dropped",
			files: map[string]string{"email.user.tmpl": "{{/* version: email-x */ -}}\n{{template \"message\" .}}\n{{template \"consigne\" .}}\n"},
			want:  []string{"email.user.tmpl", "source [1]"},
		},
		{
			name:  "agent note dropped",
			files: map[string]string{"spp.user.tmpl": "{{/* version: spp-x */ -}}\n{{template \"sources\" .}}\n{{template \"message\" .}}\n"},
			want:  []string{"spp.user.tmpl", "agent's note"},
		},
		{
			name:  "missing version",
			files: map[string]string{"spp.user.tmpl": "{{template \"message\" .}}\n"},
			want:  []string{"spp.user.tmpl:1:", "version comment"},
		},
		{
			name:  "same version as embedded",
			files: map[string]string{"spp.user.tmpl": "{{/* version: spp-2026-11-30.1 */ -}}\n{{template \"sources\" .}}\n{{template \"message\" .}}\n"},
			want:  []string{"spp.user.tmpl", "keeps its version", "spp-2026-11-30.1"},
		},
		{
			name:  "unknown file name",
			files: map[string]string{"spp.sytem.tmpl": "{{/* version: spp-x */ -}}\nx\n"},
			want:  []string{"spp.sytem.tmpl", "no embedded template", "spp.system.tmpl"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeOverrides(t, tc.files)
			s, err := Load(dir)
			if err == nil {
				t.Fatalf("Load succeeded with %v, want an error", tc.files)
			}
			if s != nil {
				t.Error("Load returned a Set with its error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if !strings.Contains(err.Error(), dir) {
				t.Errorf("error %q does not name the override folder %s", err, dir)
			}
		})
	}
}

func TestLoadMissingFolder(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "absent"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load error = %v, want one wrapping fs.ErrNotExist", err)
	}
}

func TestEmbeddedVersions(t *testing.T) {
	files, err := embeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range files {
		prefix := strings.SplitN(name, ".", 2)[0] + "-"
		if !strings.HasPrefix(f.version, prefix) {
			t.Errorf("%s: version %q should start with %q", name, f.version, prefix)
		}
	}
}
