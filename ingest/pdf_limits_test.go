package ingest

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/plume-sp/plume/ingest/pdftest"
)

// sharedStreamPDF is a small file whose pages all draw one content stream,
// compressed, that decompresses to about contentBytes: the upload bomb of
// issue 11 (a 126 KB PDF sharing a 31 MiB stream over 200 pages).
func sharedStreamPDF(tb testing.TB, pages, contentBytes int) []byte {
	tb.Helper()
	line := "BT /F1 11 Tf 1 0 0 1 72 700 Tm (Texte) Tj ET\n"
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(strings.Repeat(line, contentBytes/len(line)+1))) //nolint:errcheck
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String())}
	var kids []string
	for range pages {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return pdftest.Write(objs, 1, 0)
}

// numberedPDF has n pages, each with its own line.
func numberedPDF(tb testing.TB, n int) []byte {
	pages := make([][]pdfLineSpec, n)
	for i := range pages {
		pages[i] = []pdfLineSpec{{size: 11, text: fmt.Sprintf("Page numéro %d du guide.", i+1)}}
	}
	return buildPDF(tb, "Guide", pages)
}

// TestReadPDFLimits: a Reader's PDF limits bound the decompressed content
// of a whole file (shared streams count once per page that draws them) and
// refuse files with more pages than allowed.
func TestReadPDFLimits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bomb := sharedStreamPDF(t, 40, 1<<20)
	if len(bomb) > 64<<10 {
		t.Fatalf("the bomb is %d bytes: not a bomb", len(bomb))
	}
	for _, tc := range []struct {
		name string
		rd   Reader
		data []byte
		ok   bool
	}{
		{"content over the file's budget", Reader{MaxPDFContentBytes: 8 << 20}, bomb, false},
		{"content within the budget", Reader{MaxPDFContentBytes: 8 << 20}, sharedStreamPDF(t, 1, 1<<20), true},
		{"too many pages", Reader{MaxPDFPages: 10}, numberedPDF(t, 11), false},
		{"pages within the limit", Reader{MaxPDFPages: 10}, numberedPDF(t, 10), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := tc.rd.Read(ctx, "f.pdf", bytes.NewReader(tc.data), int64(len(tc.data)))
			if tc.ok && (err != nil || len(docs) != 1) {
				t.Fatalf("%d docs, err %v", len(docs), err)
			}
			if !tc.ok && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("%d docs, err %v; want ErrTooLarge", len(docs), err)
			}
		})
	}
}
