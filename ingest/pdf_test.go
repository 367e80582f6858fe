package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest/pdftest"
	"golang.org/x/text/encoding/charmap"
)

// pdfLineSpec is one line of a generated test PDF: its font size and text,
// and whether a blank space precedes it (a new paragraph).
type pdfLineSpec struct {
	size float64
	text string
	gap  bool
}

// buildPDF writes a minimal valid PDF (Helvetica, WinAnsiEncoding, one
// content stream per page) with the given pages of lines and an optional
// document information title.
func buildPDF(tb testing.TB, title string, pages [][]pdfLineSpec) []byte {
	tb.Helper()
	var contents []string
	for _, lines := range pages {
		var cs strings.Builder
		y := 800.0
		for i, l := range lines {
			if i > 0 {
				y -= l.size * 1.3
				if l.gap {
					y -= l.size * 1.2
				}
			}
			fmt.Fprintf(&cs, "BT /F1 %g Tf 1 0 0 1 72 %g Tm %s Tj ET\n", l.size, y, pdfString(tb, l.text))
		}
		contents = append(contents, cs.String())
	}
	return buildRawPDF(tb, title, contents)
}

// pdfString encodes s as a PDF literal string in Windows-1252.
func pdfString(tb testing.TB, s string) string {
	tb.Helper()
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		tb.Fatalf("encode %q: %v", s, err)
	}
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return "(" + r.Replace(b) + ")"
}

// buildRawPDF writes a PDF with one page per content stream, font /F1
// being Helvetica in WinAnsiEncoding.
func buildRawPDF(tb testing.TB, title string, contents []string) []byte {
	tb.Helper()
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("") // filled below
	pagesObj := add("")
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, cs := range contents {
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(cs), cs))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, font, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	info := 0
	if title != "" {
		info = add(fmt.Sprintf("<< /Title %s /Producer (plume tests) >>", pdfString(tb, title)))
	}
	return pdftest.Write(objs, catalog, info)
}

// guidePDF is the committed fixture testdata/pdf/guide.pdf.
func guidePDF(tb testing.TB) []byte {
	return buildPDF(tb, "Guide du RSA", [][]pdfLineSpec{{
		{size: 20, text: "Guide du revenu de solidarité active"},
		{size: 11, text: "Le RSA complète les ressources des personnes", gap: true},
		{size: 11, text: "qui ont peu ou pas de revenus."},
		{size: 15, text: "Qui peut en bénéficier ?", gap: true},
		{size: 11, text: "Il faut avoir au moins 25 ans et résider en France de", gap: true},
		{size: 11, text: "façon stable. M. et Mme peuvent le demander ensemble."},
		{size: 13, text: "Cas des jeunes actifs", gap: true},
		{size: 11, text: "Avant 25 ans, il faut avoir travaillé deux ans.", gap: true},
	}, {
		{size: 15, text: "Démarche"},
		{size: 11, text: "- Faire la simulation en ligne ;", gap: true},
		{size: 11, text: "- Déposer la demande auprès de la Caf (ou de la MSA)."},
	}})
}

// plainPDF has a single font size and no metadata: headings come from the
// text's shape.
func plainPDF(tb testing.TB) []byte {
	return buildPDF(tb, "", [][]pdfLineSpec{{
		{size: 11, text: "Note sur la prime d'activité"},
		{size: 11, text: "La prime d'activité est versée chaque mois.", gap: true},
		{size: 11, text: "Montant", gap: true},
		{size: 11, text: "Il dépend des revenus du foyer.", gap: true},
	}})
}

// TestPDFFixtures checks that the committed PDF fixtures are what the
// generator writes (rewrite them with -update).
func TestPDFFixtures(t *testing.T) {
	t.Parallel()
	for name, data := range map[string][]byte{"guide.pdf": guidePDF(t), "simple.pdf": plainPDF(t)} {
		path := filepath.Join("testdata", "pdf", name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read %s (run with -update to generate it): %v", path, err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s differs from the generator's output; run with -update", path)
		}
	}
}

func TestReadPDF(t *testing.T) {
	t.Parallel()
	docs, err := Read(context.Background(), "guide.pdf", bytes.NewReader(guidePDF(t)), -1)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	want := Document{
		Source: "pdf", ExternalID: "guide.pdf", Title: "Guide du RSA",
		Blocks: []Block{
			{Heading: []string{"Guide du revenu de solidarité active"}, Text: "Le RSA complète les ressources des personnes qui ont peu ou pas de revenus."},
			{Heading: []string{"Guide du revenu de solidarité active", "Qui peut en bénéficier ?"}, Text: "Il faut avoir au moins 25 ans et résider en France de façon stable. M. et Mme peuvent le demander ensemble."},
			{Heading: []string{"Guide du revenu de solidarité active", "Qui peut en bénéficier ?", "Cas des jeunes actifs"}, Text: "Avant 25 ans, il faut avoir travaillé deux ans."},
			{Heading: []string{"Guide du revenu de solidarité active", "Démarche"}, Text: "- Faire la simulation en ligne ;"},
			{Heading: []string{"Guide du revenu de solidarité active", "Démarche"}, Text: "- Déposer la demande auprès de la Caf (ou de la MSA)."},
		},
	}
	if diff := cmp.Diff(want, docs[0]); diff != "" {
		t.Errorf("document mismatch (-want +got):\n%s", diff)
	}
}

func TestReadPDFWithoutFontSizes(t *testing.T) {
	t.Parallel()
	docs, err := Read(context.Background(), "simple.pdf", bytes.NewReader(plainPDF(t)), -1)
	if err != nil {
		t.Fatal(err)
	}
	want := Document{
		Source: "pdf", ExternalID: "simple.pdf", Title: "Note sur la prime d'activité",
		Blocks: []Block{
			{Text: "La prime d'activité est versée chaque mois."},
			{Heading: []string{"Montant"}, Text: "Il dépend des revenus du foyer."},
		},
	}
	if diff := cmp.Diff(want, docs[0]); diff != "" {
		t.Errorf("document mismatch (-want +got):\n%s", diff)
	}
}

// TestReadPDFHostile checks that malformed and crafted PDFs give errors in
// bounded time instead of panics or endless loops.
func TestReadPDFHostile(t *testing.T) {
	t.Parallel()
	good := guidePDF(t)
	xrefAt := bytes.LastIndex(good, []byte("startxref\n"))
	xrefOff := bytes.Index(good, []byte("\nxref\n")) + 1
	cyclicPrev := bytes.Replace(good, []byte("trailer\n<< "), []byte(fmt.Sprintf("trailer\n<< /Prev %d ", xrefOff)), 1)
	selfKids := buildPDF(t, "", [][]pdfLineSpec{{{size: 11, text: "Texte."}}})
	selfKids = bytes.Replace(selfKids, []byte("/Kids [5 0 R] /Count 1"), []byte("/Kids [2 0 R] /Count 9"), 1)
	if bytes.Equal(selfKids, buildPDF(t, "", [][]pdfLineSpec{{{size: 11, text: "Texte."}}})) {
		t.Fatal("page tree not rewritten")
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"header only", []byte("%PDF-1.4\n")},
		{"truncated", good[:len(good)/2]},
		{"no xref", good[:xrefAt]},
		{"garbage", bytes.Repeat([]byte("\x00\xff%PDF"), 500)},
		{"bad startxref", bytes.Replace(good, good[xrefAt:], []byte("startxref\n999999\n%%EOF\n"), 1)},
		{"cyclic xref Prev", cyclicPrev},
		{"cyclic page tree", selfKids},
		{"no text layer", buildPDF(t, "", [][]pdfLineSpec{{}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			docs, err := Read(ctx, "hostile.pdf", bytes.NewReader(tt.data), int64(len(tt.data)))
			if err == nil {
				t.Fatalf("no error, got %d documents: %+v", len(docs), docs)
			}
			if strings.Contains(err.Error(), "reader failure") {
				t.Errorf("panic reached the boundary: %v", err)
			}
		})
	}
}

func TestReadPDFEncryptedUnsupported(t *testing.T) {
	t.Parallel()
	good := guidePDF(t)
	enc := bytes.Replace(good, []byte("trailer\n<< "), []byte("trailer\n<< /Encrypt << /Filter /Standard /V 9 >> "), 1)
	_, err := Read(context.Background(), "secret.pdf", bytes.NewReader(enc), -1)
	if err == nil {
		t.Fatal("no error for an encrypted PDF")
	}
	if !errors.Is(err, ErrUnsupportedFormat) && !strings.Contains(err.Error(), "pdf") {
		t.Errorf("error %v does not say what is wrong", err)
	}
}

// TestPDFTextOperators covers the text operators generators use: TJ arrays
// whose wide offsets are word spaces, T* and TL, the ' operator, text
// matrices scaled by cm inside q/Q, and running page numbers.
func TestPDFTextOperators(t *testing.T) {
	t.Parallel()
	page := func(n int) string {
		s := "BT /F1 11 Tf 14 TL 72 700 Td (Premi\350re ligne) Tj T* (suite de la ligne) Tj (Nouveau paragraphe ?) ' ET\n" +
			fmt.Sprintf("BT /F1 11 Tf 300 40 Td (%d) Tj ET\n", n)
		if n == 1 {
			s = "q 2 0 0 2 0 0 cm BT /F1 9 Tf 36 390 Td [(Aide)-250(au)-30(x)-250(d\351m\351nagements)] TJ ET Q\n" + s
		}
		return s
	}
	data := buildRawPDF(t, "", []string{page(1), page(2), page(3)})
	docs, err := Read(context.Background(), "ops.pdf", bytes.NewReader(data), -1)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if d.Title != "Aide aux déménagements" {
		t.Errorf("title = %q", d.Title)
	}
	want := "Première ligne suite de la ligne Nouveau paragraphe ?"
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, b.Text)
		if strings.Contains(b.Text, "2") || strings.Contains(b.Text, "3") {
			t.Errorf("page number kept: %q", b.Text)
		}
	}
	if len(texts) != 3 || texts[0] != want || texts[2] != want {
		t.Errorf("blocks = %q, want 3 × %q", texts, want)
	}
}
