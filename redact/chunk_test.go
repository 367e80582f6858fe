package redact

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// chunkCase is one labelled message of the generated set, the first that
// holds a value of its type and whose values Redact masks when alone.
type chunkCase struct {
	typ   Type
	msg   string
	alone []Entity
}

// chunkCases returns one chunkCase per type of the generated set.
func chunkCases(t *testing.T) []chunkCase {
	t.Helper()
	var out []chunkCase
	done := map[Type]bool{}
	for _, m := range loadLabelled(t, generatedFile) {
		res, err := Redact(context.Background(), m.Text, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range m.Entities {
			if done[e.Type] || !allMasked(m, res.Text.String()) {
				continue
			}
			done[e.Type] = true
			out = append(out, chunkCase{typ: e.Type, msg: m.Text, alone: res.Entities})
		}
	}
	if len(out) < 15 {
		t.Fatalf("only %d types found in %s", len(out), generatedFile)
	}
	return out
}

// allMasked reports whether no labelled value of m is left in redacted.
func allMasked(m labelled, redacted string) bool {
	for _, e := range m.Entities {
		if strings.Contains(redacted, e.Value) {
			return false
		}
	}
	return true
}

// uncovered returns the entities of want, shifted by off, whose bytes the
// entities of got do not all cover.
func uncovered(want []Entity, off int, got []Entity) []Entity {
	var out []Entity
	for _, w := range want {
		pos, k := w.Start+off, 0
		for k < len(got) && got[k].End <= pos {
			k++
		}
		for ; k < len(got) && got[k].Start <= pos && pos < w.End+off; k++ {
			pos = got[k].End
		}
		if pos < w.End+off {
			out = append(out, w)
		}
	}
	return out
}

// TestChunkCutsKeepValues places a labelled message of each type across
// every cut the chunking can make inside it near a value, in a text of over
// one piece (blank-free filler before it, so that the cut falls inside the
// message, which ends the text), and checks that whatever the message
// masks alone is masked.
func TestChunkCutsKeepValues(t *testing.T) {
	if testing.Short() {
		t.Skip("texts of over 1 MiB")
	}
	ctx := context.Background()
	for _, cc := range chunkCases(t) {
		t.Run(string(cc.typ), func(t *testing.T) {
			cuts := 0
			seen := map[int]bool{}
			for q := 1; q < len(cc.msg); q++ {
				start := chunkBytes - q // the window of the first piece ends q bytes into the message
				text := filler(start-1) + " " + cc.msg
				cut := chunkEnd(text, 0) - start
				if cut <= 0 || cut >= len(cc.msg) || seen[cut] || !nearEntity(cc.alone, cut) {
					continue
				}
				seen[cut] = true
				cuts++
				res, err := Redact(ctx, text, nil)
				if err != nil {
					t.Fatal(err)
				}
				if left := uncovered(cc.alone, start, res.Entities); len(left) > 0 {
					e := left[0]
					t.Errorf("cut at byte %d of the message: %s %q left (of %d)", cut, e.Type, cc.msg[e.Start:e.End], len(left))
				}
			}
			if cuts == 0 {
				t.Fatal("no cut fell inside the message")
			}
		})
	}
}

// nearEntity reports whether a cut at byte cut is within 64 bytes of one of
// ents.
func nearEntity(ents []Entity, cut int) bool {
	for _, e := range ents {
		if e.Start-64 <= cut && cut <= e.End+64 {
			return true
		}
	}
	return false
}

// TestChunkCutsInsideValues cuts values written without blanks, on a line
// with no blank near the cut, at every byte: the cut then falls inside the
// value itself.
func TestChunkCutsInsideValues(t *testing.T) {
	if testing.Short() {
		t.Skip("texts of over 1 MiB")
	}
	ctx := context.Background()
	values := []struct {
		typ   Type
		value string
	}{
		{TEL, "0612345678"},
		{EMAIL, "jean.dupont@gmail.com"},
		{IBAN, "FR7630006000011234567890189"},
		{NIR, "290047512345678"},
		{CARTE, "4111111111111111"},
	}
	for _, v := range values {
		msg := "contact:" + v.value + ";"
		for q := 1; q < len(msg); q++ {
			start := chunkBytes - q
			text := filler(start) + msg + filler(2*chunkOverlap)
			res, err := Redact(ctx, text, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Text.String(); strings.Contains(got, v.value) || !strings.Contains(got, "["+string(v.typ)+"_1]") {
				t.Errorf("%s cut %d bytes into %q: not masked as one %s", v.typ, q, msg, v.typ)
			}
		}
	}
}

// filler returns n bytes of long words joined by commas, without blanks.
func filler(n int) string {
	word := strings.Repeat("x", 999) + ","
	return strings.Repeat(word, n/len(word)) + strings.Repeat(",", n%len(word))
}

// TestNamesAcrossChunks checks that a name found with a cue in one piece is
// masked where it is repeated in another, before or after it, and that a
// first name alone on the last line of a piece is no signature when the
// message goes on.
func TestNamesAcrossChunks(t *testing.T) {
	if testing.Short() {
		t.Skip("texts of over 1 MiB")
	}
	filler := strings.Repeat("Le dossier est en cours d'examen par le service.\n", 3*chunkBytes/50)
	cue := "Bonjour, je m'appelle Karim Benali.\n"
	repeat := "Le courrier est au nom de benali depuis mars.\n"
	tests := []struct {
		name, text string
		want       int // occurrences of the name masked
	}{
		{"repeated after", cue + filler + repeat, 2},
		{"repeated before", repeat + filler + cue, 2},
		{"repeated between", repeat + filler + cue + filler + repeat, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Redact(context.Background(), tt.text, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := res.Text.String()
			if strings.Contains(strings.ToLower(got), "benali") {
				t.Errorf("a repeated name is left (%d of %d masked)", strings.Count(got, "[NOM_"), tt.want)
			}
		})
	}
}

// TestSignatureOnlyAtTheEnd checks that the end of a piece is not read as
// the end of the message: a first name alone on a line is a signature only
// when the message ends there.
func TestSignatureOnlyAtTheEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("texts of over 1 MiB")
	}
	ctx := context.Background()
	line := "Le dossier est en cours d'examen par le service.\n"
	body := "Mes enfants vont bien.\nRose\n"
	alone, err := Redact(ctx, body+"était la couleur choisie.\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(alone.Entities) != 0 {
		t.Fatalf("alone: %d entities, want none", len(alone.Entities))
	}
	for extra := 0; extra < 3; extra++ {
		// the first piece ends right after "Rose\n"
		pre := strings.Repeat(line, (chunkBytes-len(body))/len(line)-extra)
		pre += strings.Repeat("z", chunkBytes-len(body)-len(pre)-1) + "\n"
		text := pre + body + "était la couleur choisie.\n" + strings.Repeat(line, chunkBytes/len(line))
		if got := chunkEnd(text, 0); got != len(pre)+len(body) {
			t.Fatalf("first piece ends at %d, want %d", got, len(pre)+len(body))
		}
		res, err := Redact(ctx, text, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Entities) != 0 {
			e := res.Entities[0]
			t.Errorf("%s %q masked at the end of a piece", e.Type, text[e.Start:e.End])
		}
	}
}

// TestChunkWindows pins the windows: overlapping, at line starts when there
// are lines, covering the text.
func TestChunkWindows(t *testing.T) {
	text := strings.Repeat(fmt.Sprintf("%-79s\n", "une ligne de texte ordinaire"), 3*chunkBytes/80)
	for base := 0; base < len(text); {
		end := chunkEnd(text, base)
		lo, hi := overlapStart(text, base), overlapEnd(text, end)
		if base > 0 && (base-lo < chunkOverlap || text[lo-1] != '\n') {
			t.Errorf("piece at %d: scan starts at %d", base, lo)
		}
		if end < len(text) && (hi-end < chunkOverlap || text[hi-1] != '\n') {
			t.Errorf("piece ending at %d: scan ends at %d", end, hi)
		}
		if end <= base {
			t.Fatalf("piece at %d ends at %d", base, end)
		}
		base = end
	}
}
