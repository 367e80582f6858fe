package redact

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The mapping is never serialized: a Result as JSON holds the redacted
// text and the entities (offsets and placeholders), and encoding a Mapping
// fails.
func TestResultJSONCarriesNoValue(t *testing.T) {
	in := "Je suis Claire Martin, joignable au 06 12 34 56 78 ou à claire.martin@example.org."
	res, err := Redact(context.Background(), in, DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	if res.Mapping.Len() == 0 {
		t.Fatal("nothing masked: the test proves nothing")
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"Claire", "Martin", "06 12", "example.org"} {
		if strings.Contains(string(b), v) {
			t.Errorf("the JSON of a Result holds %q: %s", v, b)
		}
	}
	var back map[string]json.RawMessage
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"entities", "text"}, keys(back)); diff != "" {
		t.Errorf("JSON fields (-want +got):\n%s", diff)
	}
	var text string
	if err := json.Unmarshal(back["text"], &text); err != nil || text != res.Text.String() {
		t.Errorf("text = %s (%v), want the redacted text %q", back["text"], err, res.Text)
	}
	if m, err := json.Marshal(res.Mapping); !errors.Is(err, ErrNotSerializable) {
		t.Errorf("a Mapping encodes to %s (%v), want ErrNotSerializable", m, err)
	}
	withMapping := struct{ M Mapping }{res.Mapping}
	if m, err := json.Marshal(withMapping); !errors.Is(err, ErrNotSerializable) {
		t.Errorf("a value holding a Mapping encodes to %s (%v), want ErrNotSerializable", m, err)
	}
}

func keys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	if len(out) == 2 && out[0] > out[1] {
		out[0], out[1] = out[1], out[0]
	}
	return out
}

func TestTextDerivations(t *testing.T) {
	res, err := Redact(context.Background(), "  Bonjour, je suis Claire Martin. Tel 06 12 34 56 78 ?  ", DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	text := res.Text.TrimSpace()
	ph := regexp.MustCompile(`\[[A-Z]+_\d\]`)
	for _, tt := range []struct {
		name string
		got  Text
		want string
	}{
		{"trim", text, "Bonjour, je suis [NOM_1]. Tel [TEL_1] ?"},
		{"slice", text.Slice(0, 7), "Bonjour"},
		{"join", Join([]Text{text.Slice(0, 7), text.Slice(9, 11)}, Newline), "Bonjour\nje"},
		{"blank", text.Blank(ph.FindAllStringIndex(text.String(), -1), Ellipsis), "Bonjour, je suis …. Tel … ?"},
		{"no placeholders", text.WithoutPlaceholders(res.Mapping), "Bonjour, je suis  . Tel   ?"},
		{"only placeholders", text.Slice(17, 24).WithoutPlaceholders(res.Mapping), " "},
		{"zero", Text{}, ""},
	} {
		if tt.got.String() != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if !text.Slice(0, 7).Equal(text.Slice(0, 7)) || text.Equal(Text{}) || !(Text{}).IsEmpty() {
		t.Error("Equal or IsEmpty is wrong")
	}
}
