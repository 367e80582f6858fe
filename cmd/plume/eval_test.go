package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalQuestions are messages about the demo corpus, two answerable and two
// it does not answer.
const evalQuestions = `{"id": "a1", "question": "Bonjour, ma carte d'identité expire le mois prochain, comment la renouveler ? Merci, Paul Durand", "expected": ["demo-cni-renouvellement"]}
{"id": "a2", "question": "slt jai demenager a Lyon et je doit changer ladresse de ma carte grise c payant ?", "expected": ["demo-carte-grise-changement-adresse"]}

{"id": "o1", "question": "Bonjour, quelle est la meilleure recette de tarte aux pommes pour dimanche ?"}
{"id": "o2", "question": "Hello, which football club won the league last year? Thanks", "expected": []}
`

func writeEvalFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "questions.jsonl")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvalCommand(t *testing.T) {
	t.Parallel()
	env := ingestedEnv(t)(nil)
	path := writeEvalFile(t, evalQuestions)
	var out, errw bytes.Buffer
	if code := run(context.Background(), []string{"eval", "--json", "--k", "5", path}, strings.NewReader(""), &out, &errw, env); code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, errw.String())
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("decode %s: %v", out.String(), err)
	}
	for _, key := range []string{"recall_at_1", "recall_at_5", "recall_at_10", "mrr", "reliable_answerable", "flagged_out_of_corpus", "n"} {
		if _, ok := got[key]; !ok {
			t.Errorf("no %q in %s", key, out.String())
		}
	}
	if got["n"] != 4.0 || got["recall_at_5"] != 1.0 || got["flagged_out_of_corpus"] != 1.0 {
		t.Errorf("n %v, recall@5 %v, flagged %v; want 4, 1, 1", got["n"], got["recall_at_5"], got["flagged_out_of_corpus"])
	}

	out.Reset()
	if code := run(context.Background(), []string{"eval", path}, strings.NewReader(""), &out, &errw, env); code != 0 {
		t.Fatalf("text report: exit code %d, stderr: %s", code, errw.String())
	}
	for _, want := range []string{"4 questions: 2 answerable, 2 out of corpus", "recall@5 1.000", "search latency"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEvalCommandErrors(t *testing.T) {
	t.Parallel()
	env := ingestedEnv(t)(nil)
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"no file":        {[]string{"eval"}, "usage"},
		"missing file":   {[]string{"eval", "/nonexistent/q.jsonl"}, "no such file"},
		"bad json":       {[]string{"eval", writeEvalFile(t, "{\"question\": \n")}, "line 1"},
		"no question":    {[]string{"eval", writeEvalFile(t, `{"expected": ["x"]}`)}, "no question"},
		"empty":          {[]string{"eval", writeEvalFile(t, "\n\n")}, "no question"},
		"k out of range": {[]string{"eval", "--k", "0", writeEvalFile(t, evalQuestions)}, "usage"},
		"calibrate on too few": {[]string{"eval", "--calibrate", writeEvalFile(t, evalQuestions)},
			"at least 5 of each"},
		"calibrate answers with none stored": {[]string{"eval", "--calibrate-answers", writeEvalFile(t, evalQuestions)},
			"0 messages with a fitting answer"},
	} {
		t.Run(name, func(t *testing.T) {
			var out, errw bytes.Buffer
			if code := run(context.Background(), tc.args, strings.NewReader(""), &out, &errw, env); code == 0 {
				t.Fatalf("exit code 0, stdout: %s", out.String())
			}
			if !strings.Contains(errw.String(), tc.want) {
				t.Errorf("stderr %q does not say %q", errw.String(), tc.want)
			}
		})
	}
}

// TestEvalRefusesBadText: a questions file with bytes that are not UTF-8
// (JSON would read them as U+FFFD, a message no one wrote) or with a NUL
// character, raw or escaped, is refused naming the line and the offset,
// as plume triage and draft refuse such a message: exit code 2, nothing
// searched.
func TestEvalRefusesBadText(t *testing.T) {
	t.Parallel()
	env := ingestedEnv(t)(nil)
	first := `{"question": "Comment renouveler ma carte d'identité ?", "expected": ["demo-cni-renouvellement"]}` + "\n"
	for name, tc := range map[string]struct {
		line, want string
	}{
		"latin-1 byte":      {"{\"question\": \"caf\xe9 ferm\xe9 ?\"}", "line 2: not valid UTF-8 (first bad byte at offset 17)"},
		"cut sequence":      {"{\"question\": \"carte \xc3\"}", "line 2: not valid UTF-8 (first bad byte at offset 20)"},
		"NUL byte":          {"{\"question\": \"carte\x00 grise\"}", "line 2: a NUL byte (at offset 19)"},
		"escaped NUL":       {`{"question": "carte\u0000 grise"}`, `line 2: a NUL character (\u0000)`},
		"NUL in expected":   {`{"question": "carte grise", "expected": ["demo\u0000"]}`, `line 2: a NUL character (\u0000)`},
		"bad byte in an id": {"{\"id\": \"q\xff\", \"question\": \"carte grise\"}", "line 2: not valid UTF-8 (first bad byte at offset 9)"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := writeEvalFile(t, first+tc.line+"\n")
			var out, errw bytes.Buffer
			if code := run(context.Background(), []string{"eval", path}, strings.NewReader(""), &out, &errw, env); code != 2 {
				t.Fatalf("exit code %d, want 2; stderr: %s", code, errw.String())
			}
			if !strings.Contains(errw.String(), tc.want) || !strings.Contains(errw.String(), path) {
				t.Errorf("stderr %q does not name %s and say %q", errw.String(), path, tc.want)
			}
			if out.Len() > 0 {
				t.Errorf("a report was printed: %s", out.String())
			}
		})
	}
}
