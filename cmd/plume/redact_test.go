package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func noEnv(string) string { return "" }

func TestRedactCommand(t *testing.T) {
	t.Parallel()
	const in = "Bonjour, je m'appelle Marie Dupont, joignable au 06 12 34 56 78. Appelez le 3939."
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"text", []string{"redact"}, "Bonjour, je m'appelle [NOM_1], joignable au [TEL_1]. Appelez le 3939."},
		{"json", []string{"redact", "--json"}, `{"text":"Bonjour, je m'appelle [NOM_1], joignable au [TEL_1]. Appelez le 3939.","entities":[` +
			`{"type":"NOM","start":22,"end":34,"placeholder":"[NOM_1]","confidence":0.9},` +
			`{"type":"TEL","start":49,"end":63,"placeholder":"[TEL_1]","confidence":0.95}]}` + "\n"},
		{"keep policy", []string{"redact", "--policy", "NOM=keep"}, "Bonjour, je m'appelle Marie Dupont, joignable au [TEL_1]. Appelez le 3939."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			code := run(context.Background(), tt.args, strings.NewReader(in), &out, &errw, noEnv)
			if code != 0 {
				t.Fatalf("exit code %d, stderr: %s", code, errw.String())
			}
			if diff := cmp.Diff(tt.want, out.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRedactCommandJSONHasNoValues(t *testing.T) {
	t.Parallel()
	var out, errw bytes.Buffer
	in := "Mon IBAN FR76 3000 6000 0112 3456 7890 189, mon mail jean.dupont@example.fr"
	if code := run(context.Background(), []string{"redact", "--json"}, strings.NewReader(in), &out, &errw, noEnv); code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, errw.String())
	}
	var got struct {
		Text     string           `json:"text"`
		Entities []map[string]any `json:"entities"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) != 2 {
		t.Fatalf("got %d entities, want 2: %s", len(got.Entities), out.String())
	}
	for _, secret := range []string{"FR76", "jean.dupont"} {
		if strings.Contains(out.String(), secret) || strings.Contains(errw.String(), secret) {
			t.Errorf("output leaks %q: %s %s", secret, out.String(), errw.String())
		}
	}
}

func TestRedactCommandErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  string
	}{
		{"bad policy", []string{"redact", "--policy", "FOO=keep"}, "x", 2, "FOO"},
		{"argument", []string{"redact", "file.txt"}, "x", 2, "takes no arguments"},
		// Refused as plume triage and draft refuse them: a usage error
		// naming the byte.
		{"invalid utf-8", []string{"redact"}, "abc\xff", 2, "stdin is not valid UTF-8 (first bad byte at offset 3)"},
		{"NUL", []string{"redact"}, "M. Jean Dupont\x00", 2, "stdin holds a NUL byte (at offset 14)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			if code := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &out, &errw, noEnv); code != tt.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tt.code, errw.String())
			}
			if !strings.Contains(errw.String(), tt.want) {
				t.Errorf("stderr %q does not say %q", errw.String(), tt.want)
			}
		})
	}
}
