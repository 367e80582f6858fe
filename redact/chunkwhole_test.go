package redact

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestChunksReadAsWhole checks what the pieces promise: a text longer than
// one piece, read in overlapping windows with the names shared, gives the
// values one reading of the whole text gives, on each shape of the
// benchmarks (realistic messages, names, digits, contacts, one line,
// placeholders, corrections) cut into three pieces.
//
// Not promised, and left out: "names", one line of « DUPONT Jean »
// repeated, which one reading masks as a single name the length of the
// text, while each window's reading of it touches the window's cut sides
// and is dropped, so that nothing is masked past one piece (a value
// longer than the windows' overlap is read whole by no window).
func TestChunksReadAsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for _, sh := range benchShapes {
		if sh.name == "names" {
			continue
		}
		t.Run(sh.name, func(t *testing.T) {
			text := sh.gen(chunkBytes*2 + 12345)
			got, err := detect(context.Background(), text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wholeReading(text), got, cmp.AllowUnexported(cand{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("pieces and whole text differ (-whole +pieces):\n%.2000s", diff)
			}
		})
	}
}

// wholeReading is detect reading text in one window, however long.
func wholeReading(text string) []cand {
	v := normalView(text)
	var sc scanner
	spans, _ := splitShops(v.mapSpans(dropKeeps(sc.resolve(sc.scan(v.s)))))
	return spans
}
