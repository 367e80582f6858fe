package redact

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestHostileInput feeds what an attacker or a broken client sends: each
// case must give a clear error or a correct result, never a crash or a hang.
func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	tests := []struct {
		name    string
		in      string
		wantErr error
		check   func(t *testing.T, res Result)
	}{
		{name: "invalid utf-8", in: "Marie Dupont \xc3\x28 06 12 34 56 78", wantErr: ErrInvalidUTF8},
		{name: "truncated rune at the end", in: "Marie Dupont \xe2\x82", wantErr: ErrInvalidUTF8},
		{name: "10 MB single line", in: strings.Repeat("Mme Martin au 06 12 34 56 78 et ", 10<<20/32), check: func(t *testing.T, res Result) {
			if n := strings.Count(res.Text.String(), "[TEL_1]"); n != 10<<20/32 {
				t.Errorf("%d phones masked, want %d", n, 10<<20/32)
			}
			if strings.Contains(res.Text.String(), "06 12") {
				t.Error("a phone number is left")
			}
		}},
		{name: "control characters", in: "M. Dupont\x00\x01\x1b[31m 06 12 34 56 78\x7f\u200b\ufeff", check: func(t *testing.T, res Result) {
			if strings.Contains(res.Text.String(), "Dupont") || strings.Contains(res.Text.String(), "06 12") {
				t.Errorf("value left: %q", res.Text.String())
			}
		}},
		{name: "a million digits", in: strings.Repeat("7", 1_000_000)},
		{name: "a million spaced digits", in: strings.Repeat("7 ", 1_000_000)},
		{name: "placeholder flood", in: strings.Repeat("[NOM_1] [ nom 2 ] TEL_3 [", 50_000)},
		{name: "at signs", in: strings.Repeat("a@", 500_000)},
		{name: "brackets", in: strings.Repeat("[", 1_000_000)},
		// the detectors of issue 10: phones that ask the phone library,
		// numbers in words, obfuscated e-mails, other scripts
		{name: "foreign phones", in: strings.Repeat("tel 07700 900123 ", 20_000), check: func(t *testing.T, res Result) {
			if strings.Contains(res.Text.String(), "900123") {
				t.Error("a phone number is left")
			}
		}},
		{name: "international phones", in: strings.Repeat("+1 2 3 4 5 6 7 8 9 ", 20_000)},
		{name: "numbers in words", in: strings.Repeat("zéro six douze trente-quatre ", 50_000)},
		{name: "at words", in: strings.Repeat("a arobase b point (at) [dot] ", 50_000)},
		{name: "cyrillic", in: strings.Repeat("Наталья ", 200_000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Redact(context.Background(), tt.in, nil)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(res.Text.String()) {
				t.Error("output is not valid UTF-8")
			}
			if got := Restore(res.Text.String(), res.Mapping, nil); got != tt.in {
				t.Error("Restore(Redact(x)) != x")
			}
			if tt.check != nil {
				tt.check(t, res)
			}
		})
	}
}

// TestCancelledNamesFlood: names that share two words ("Mme Dupont Jean
// Bakide, Mme Dupont Jean Cazu, …") still cost more than their length in
// the pass that looks for names written again; a caller's deadline stops
// that pass, and Redact returns the context's error, never the values
// found so far.
func TestCancelledNamesFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	text := strings.ReplaceAll(surnamesText(100<<10), "Dupont ", "Dupont Jean ")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	res, err := Redact(ctx, text, nil)
	if !errors.Is(err, context.DeadlineExceeded) || res.Text.String() != "" || len(res.Entities) != 0 {
		t.Fatalf("Redact past its deadline: err %v, %d entities, want the deadline's error and nothing", err, len(res.Entities))
	}
}
