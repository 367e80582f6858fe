package prompts

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

//go:embed templates/*.tmpl
var embedded embed.FS

const (
	systemSuffix = ".system.tmpl"
	userSuffix   = ".user.tmpl"
	maxVersion   = 64
)

// versionRe reads the version comment that must open every template file.
var versionRe = regexp.MustCompile(`^\s*\{\{-?\s*/\*\s*version:\s*([A-Za-z0-9._-]+)\s*\*/\s*-?\}\}`)

// file is one template file, embedded or from the override folder.
type file struct {
	name    string // base name, e.g. "spp.user.tmpl"
	origin  string // "embedded spp.user.tmpl" or the path of the override
	text    string
	version string
}

// Load parses the templates. With dir empty it uses the embedded templates;
// otherwise every *.tmpl file in dir replaces the embedded file of the same
// name and the other files come from the embedded set. An overriding file
// must have the name of an embedded file and a version comment different
// from the embedded one. Load renders every channel with sample data and
// fails, naming the file and line where it can, when a template does not
// parse, does not execute, reads request data in a system template, or
// leaves the user's message out of its delimited block.
func Load(dir string) (*Set, error) {
	files, err := embeddedFiles()
	if err != nil {
		return nil, err
	}
	if dir != "" {
		if err := applyOverrides(files, dir); err != nil {
			return nil, err
		}
	}
	return build(files)
}

// embeddedFiles reads the embedded templates by name.
func embeddedFiles() (map[string]*file, error) {
	entries, err := fs.ReadDir(embedded, "templates")
	if err != nil {
		return nil, fmt.Errorf("prompts: read embedded templates: %w", err)
	}
	files := make(map[string]*file, len(entries))
	for _, e := range entries {
		b, err := fs.ReadFile(embedded, "templates/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("prompts: read embedded %s: %w", e.Name(), err)
		}
		f, err := newFile(e.Name(), "embedded "+e.Name(), string(b))
		if err != nil {
			return nil, err
		}
		files[f.name] = f
	}
	return files, nil
}

// applyOverrides replaces files by the *.tmpl files found in dir.
func applyOverrides(files map[string]*file, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("prompts: read override folder: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tmpl") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		base, ok := files[e.Name()]
		if !ok {
			return fmt.Errorf("prompts: %s: no embedded template has this name (known: %s)",
				path, strings.Join(sortedNames(files), ", "))
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("prompts: read override: %w", err)
		}
		f, err := newFile(e.Name(), path, string(b))
		if err != nil {
			return err
		}
		if f.version == base.version {
			return fmt.Errorf("prompts: %s: overrides the embedded template but keeps its version %q; give it a new version",
				path, f.version)
		}
		files[f.name] = f
	}
	return nil
}

// newFile checks and records the version comment of a template file.
func newFile(name, origin, text string) (*file, error) {
	m := versionRe.FindStringSubmatch(text)
	if m == nil {
		return nil, fmt.Errorf("prompts: %s:1: the file must start with a version comment such as {{/* version: spp-2026-11-27.1 */ -}}", origin)
	}
	if len(m[1]) > maxVersion {
		return nil, fmt.Errorf("prompts: %s:1: version longer than %d characters", origin, maxVersion)
	}
	return &file{name: name, origin: origin, text: text, version: m[1]}, nil
}

// build parses the templates of every channel and checks them.
func build(files map[string]*file) (*Set, error) {
	var shared []*file
	var texts []string
	s := &Set{channels: map[string]*channel{}}
	for _, name := range sortedNames(files) {
		texts = append(texts, files[name].text)
		switch {
		case strings.HasSuffix(name, systemSuffix):
			s.names = append(s.names, strings.TrimSuffix(name, systemSuffix))
		case strings.HasSuffix(name, userSuffix), strings.HasSuffix(name, checkSuffix):
		default:
			shared = append(shared, files[name])
		}
	}
	s.clean = newSanitizer(texts)
	for _, name := range s.names {
		sys, user := files[name+systemSuffix], files[name+userSuffix]
		if user == nil {
			return nil, fmt.Errorf("prompts: %s has no matching %s", sys.origin, name+userSuffix)
		}
		ch, err := s.buildChannel(name, sys, user, shared)
		if err != nil {
			return nil, err
		}
		s.channels[name] = ch
	}
	if len(s.names) == 0 {
		return nil, errors.New("prompts: no channel templates")
	}
	var err error
	if s.answerCheck, err = s.buildAnswerCheck(files[answerCheckFile]); err != nil {
		return nil, err
	}
	return s, nil
}

// buildChannel parses one channel's templates with the shared ones, renders
// its fixed system message and checks its user template.
func (s *Set) buildChannel(name string, sys, user *file, shared []*file) (*channel, error) {
	root := template.New("")
	for _, f := range append(append([]*file(nil), shared...), sys, user) {
		if _, err := root.New(f.name).Parse(f.text); err != nil {
			return nil, fmt.Errorf("prompts: parse %s: %w", f.origin, err)
		}
	}
	var b strings.Builder
	if err := root.ExecuteTemplate(&b, sys.name, systemData{Channel: name}); err != nil {
		return nil, fmt.Errorf("prompts: render %s (a system template sees no request data): %w", sys.origin, err)
	}
	system := tidy(b.String())
	if system == "" {
		return nil, fmt.Errorf("prompts: %s renders an empty system message", sys.origin)
	}
	ch := &channel{
		version: composeVersion(sys, user, shared),
		system:  system,
		user:    root.Lookup(user.name),
		origin:  user.origin,
	}
	if err := s.check(name, ch); err != nil {
		return nil, err
	}
	return ch, nil
}

// Sample values used to check a user template at load.
const (
	sampleQuestion = "QUESTIONTEMOIN"
	sampleNote     = "CONSIGNETEMOIN"
	samplePassage  = "PASSAGETEMOIN"
	sampleExample  = "EXEMPLETEMOIN"
)

// check renders a channel's user template with sample inputs, with and
// without sources, and verifies where the request data lands.
func (s *Set) check(name string, ch *channel) error {
	full := plain{
		channel:  name,
		question: sampleQuestion,
		sources: []Source{
			{N: 1, Title: "Titre", URL: "https://www.service-public.fr/particuliers/vosdroits/F1", Heading: "Rubrique", Text: samplePassage + "1"},
			{N: 2, Title: "Titre", URL: "https://www.service-public.fr/particuliers/vosdroits/F2", Text: samplePassage + "2"},
		},
		service: "Service",
		note:    sampleNote,
		example: sampleExample,
	}
	bare := plain{channel: name, question: sampleQuestion}
	for _, in := range []plain{full, bare} {
		d, err := s.data(in)
		if err != nil {
			return fmt.Errorf("prompts: check %s: %w", ch.origin, err)
		}
		out, err := ch.renderUser(d)
		if err != nil {
			return err
		}
		if !inBlock(out, sampleQuestion) {
			return fmt.Errorf("prompts: %s (channel %s): the user's message must appear exactly once, alone between a <<<LABEL line and a LABEL>>> line",
				ch.origin, name)
		}
		if in.note != "" && !inBlock(out, sampleNote) {
			return fmt.Errorf("prompts: %s (channel %s): the agent's note must appear exactly once, alone between a <<<LABEL line and a LABEL>>> line",
				ch.origin, name)
		}
		for _, src := range in.sources {
			if !strings.Contains(out, fmt.Sprintf("[%d]", src.N)) || !strings.Contains(out, src.Text) {
				return fmt.Errorf("prompts: %s (channel %s): source [%d] or its passage is missing from the rendered message",
					ch.origin, name, src.N)
			}
		}
		// A template may leave the example out, never put it outside a block.
		if strings.Contains(out, sampleExample) && !inBlock(out, sampleExample) {
			return fmt.Errorf("prompts: %s (channel %s): the validated answer given as an example must appear once, alone between a <<<LABEL line and a LABEL>>> line",
				ch.origin, name)
		}
	}
	return nil
}

// inBlock reports whether value occurs once in text, as a line of its own
// right after a line opening a block and right before a line closing one.
func inBlock(text, value string) bool {
	if strings.Count(text, value) != 1 {
		return false
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == value {
			return i > 0 && i+1 < len(lines) &&
				strings.HasPrefix(lines[i-1], "<<<") && strings.HasSuffix(lines[i+1], ">>>")
		}
	}
	return false
}

// composeVersion joins the versions of a channel's files, without repeats:
// system, user, then the shared files by name.
func composeVersion(sys, user *file, shared []*file) string {
	var parts []string
	seen := map[string]bool{}
	for _, f := range append([]*file{sys, user}, shared...) {
		if !seen[f.version] {
			seen[f.version] = true
			parts = append(parts, f.version)
		}
	}
	return strings.Join(parts, "+")
}

// sortedNames returns the names of files, sorted.
func sortedNames(files map[string]*file) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
