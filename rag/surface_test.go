package rag_test

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Only redacted text reaches a model or the store: search, prompts, the
// model's messages, embeddings and stored user text take redact.Text (or
// llm.Text, store.Text made from one), which only package redact makes. What
// the types cannot say is a function that takes a plain string. The test
// below lists every exported function and method of llm, rag and prompts
// with a string parameter (string, or a slice, array, pointer, map or
// variadic of strings) and fails on one that is not in stringParams with
// the reason it may: a new route or command that takes user text cannot
// reach a model without going through redaction, and cannot add a string
// door here without saying why.
//
// Named string types (store.AnswerStatus, triage.Level, redact.Type) are
// vocabularies and do not count; struct fields are held by their types
// (rag.Query.Text is a redact.Text, rag.Request.Question is raw text that
// the drafter's redact stage takes).

// stringParams are the string parameters allowed, by function and
// parameter, with why.
var stringParams = map[string]string{
	// llm
	"llm.Official(s)":       "the door for text that is not a user's (documents, lexicon, plume's prompts); user text goes through llm.Redacted(redact.Text)",
	"llm.EstimateTokens(s)": "counts tokens locally; sends nothing",

	// prompts
	"prompts.Load(dir)":             "the folder of the templates (PLUME_PROMPTS_DIR)",
	"prompts.NewNeutraliser(texts)": "plume's own prompt instructions, whose block labels it learns; the texts it neutralises are redact.Text",
	"rag.CheckFeedbackTags(labels)": "the deployment's configured tag vocabulary (PLUME_FEEDBACK_TAGS), checked at start; it reaches no model",
	"rag.NormalizeTag(tag)":         "folds a tag (NFC, spaces) to match it against the vocabulary; it returns a string and reaches no model",

	// rag: user text that is redacted inside, before it goes anywhere
	"rag.Drafter.Triage(text)":       "raw message: validated, triaged locally by package triage, redacted before the model's second opinion",
	"rag.Drafter.Triage(note)":       "the agent's raw note: bounded, triaged locally by package triage, redacted with the message before the model's second opinion",
	"rag.Searcher.RedactQuery(text)": "raw query: the one way from a person's query to a redacted rag.Query",
	"rag.Answers.Match(message)":     "raw message: redacted by Answers before it is matched or embedded",
	"rag.Answers.FromDraft(final)":   "a stored final text or a reviewer's text: redacted again by Create, as every answer",
	// rag: names, not text
	"rag.Answers.Match(services)":          "service names from the caller's key",
	"rag.Answers.FromDraft(service)":       "a service name the API checked against its vocabulary",
	"rag.Answers.FromDraft(authorService)": "the service of the caller's key",
	"rag.Answers.Create(authorService)":    "the service of the caller's key",
	"rag.Answers.Update(scope)":            "the service of the caller's key",
	"rag.ValidItemKey(kind)":               "a curation item's kind, compared with the three kinds; stored only when valid",
	"rag.ValidItemKey(key)":                "a curation item's key, matched against its kind's form (hex, draft id, number); never stored here",
	"rag.CurationHolds(kind)":              "a curation item's kind, compared with the three kinds; never stored",
	"rag.CurationHolds(key)":               "a curation item's key (a hash, a draft's or a document's id), compared in a query; never stored",
	"rag.FirstRank(docs)":                  "document ids",
	"rag.FirstRank(expected)":              "document ids",
	// rag: pure functions of text that send nothing
	"rag.SplitMessage(text)":    "pure analysis of a message; drafts and searches split redacted text (splitRedacted)",
	"rag.EditDistance(a)":       "pure measure between the stored draft and the redacted final text",
	"rag.EditDistance(b)":       "pure measure between the stored draft and the redacted final text",
	"rag.ParseLexicon(text)":    "plume's lexicon file, not user text",
	"rag.Lexicon.Expand(query)": "finds lexicon terms in a text and returns those terms, never the text",
}

func TestStringParameters(t *testing.T) {
	got := map[string]bool{}
	for _, pkg := range []string{"llm", "rag", "prompts"} {
		for _, name := range stringParamsOf(t, pkg) {
			got[name] = true
			reason, ok := stringParams[name]
			switch {
			case !ok:
				t.Errorf("%s takes a string: if it may carry user text, make it take redact.Text (or llm.Text); "+
					"if not, add it to stringParams with the reason", name)
			case strings.TrimSpace(reason) == "":
				t.Errorf("%s is allowed without a reason", name)
			}
		}
	}
	for name := range stringParams {
		if !got[name] {
			t.Errorf("stringParams lists %s, which takes no string any more: remove it", name)
		}
	}
}

// modulePath is plume's module path.
const modulePath = "github.com/plume-sp/plume"

// stringParamsOf type-checks plume package dir from source and returns its
// exported functions' and methods' string parameters, as "pkg.Func(param)"
// or "pkg.Type.Method(param)".
func stringParamsOf(t *testing.T, dir string) []string {
	t.Helper()
	imp := &sourceImporter{fset: token.NewFileSet(), pkgs: map[string]*types.Package{}}
	pkg, err := imp.Import(modulePath + "/" + dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.Exported() {
				out = append(out, stringParamNames(dir+"."+name, obj.Type().(*types.Signature))...)
			}
		case *types.TypeName:
			if obj.Exported() && !obj.IsAlias() {
				out = append(out, methodStringParams(dir+"."+name, obj.Type())...)
			}
		}
	}
	slices.Sort(out)
	return out
}

// methodStringParams lists the string parameters of the exported methods of
// a named type, and of an interface's methods.
func methodStringParams(prefix string, t types.Type) []string {
	var out []string
	if named, ok := t.(*types.Named); ok {
		for i := range named.NumMethods() {
			if m := named.Method(i); m.Exported() {
				out = append(out, stringParamNames(prefix+"."+m.Name(), m.Type().(*types.Signature))...)
			}
		}
	}
	if iface, ok := t.Underlying().(*types.Interface); ok {
		for i := range iface.NumExplicitMethods() {
			if m := iface.ExplicitMethod(i); m.Exported() {
				out = append(out, stringParamNames(prefix+"."+m.Name(), m.Type().(*types.Signature))...)
			}
		}
	}
	return out
}

func stringParamNames(fn string, sig *types.Signature) []string {
	var out []string
	for i := range sig.Params().Len() {
		if p := sig.Params().At(i); holdsString(p.Type()) {
			out = append(out, fn+"("+p.Name()+")")
		}
	}
	return out
}

// holdsString reports whether t is string or made of strings.
func holdsString(t types.Type) bool {
	switch u := t.(type) {
	case *types.Basic:
		return u.Kind() == types.String
	case *types.Slice:
		return holdsString(u.Elem())
	case *types.Array:
		return holdsString(u.Elem())
	case *types.Pointer:
		return holdsString(u.Elem())
	case *types.Map:
		return holdsString(u.Key()) || holdsString(u.Elem())
	case *types.Signature:
		return false
	}
	return false
}

// sourceImporter type-checks plume's packages from their source and gives
// every other package empty: the types of plume's parameters are what the
// test reads, and checking the whole world from source would take a minute.
type sourceImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func (imp *sourceImporter) Import(importPath string) (*types.Package, error) {
	if p, ok := imp.pkgs[importPath]; ok {
		return p, nil
	}
	rel, ok := strings.CutPrefix(importPath, modulePath+"/")
	if !ok {
		p := types.NewPackage(importPath, path.Base(importPath))
		p.MarkComplete()
		imp.pkgs[importPath] = p
		return p, nil
	}
	dir := filepath.Join(repoRoot, filepath.FromSlash(rel))
	bp, err := build.ImportDir(dir, 0)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(imp.fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	// Errors come from the packages left empty; what plume declares is
	// still typed.
	conf := types.Config{Importer: imp, Error: func(error) {}}
	p, _ := conf.Check(importPath, imp.fset, files, nil)
	imp.pkgs[importPath] = p
	return p, nil
}
