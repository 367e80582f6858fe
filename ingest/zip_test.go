package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// buildZip returns a zip archive of the given members, in name order.
func buildZip(tb testing.TB, members map[string]string) []byte {
	tb.Helper()
	var names []string
	for n := range members {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(members[n])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func dilaPage(id, audience, url, text string) string {
	return fmt.Sprintf(`<Publication ID=%q spUrl=%q><Audience>%s</Audience><Texte><Paragraphe>%s</Paragraphe></Texte></Publication>`, id, url, audience, text)
}

func TestReadZip(t *testing.T) {
	t.Parallel()
	inner := buildZip(t, map[string]string{"dedans.md": "# Interne\n\nTexte."})
	z := buildZip(t, map[string]string{
		"associations/F1.xml":   dilaPage("F1", "Associations", "https://sp.fr/associations/F1", "Version associations."),
		"particuliers/F1.xml":   dilaPage("F1", "Particuliers", "https://sp.fr/particuliers/F1", "Version particuliers."),
		"particuliers/F2.xml":   dilaPage("F2", "Particuliers", "https://sp.fr/particuliers/F2", "Autre."),
		"particuliers/bad.xml":  "<Publication ID='F3'><Texte>",
		"notes/a.txt":           "Note\n\nTexte.",
		"notes/image.png":       "\x89PNG",
		"__MACOSX/notes/._a.md": "binaire",
		"notes/.DS_Store":       "x",
		"fiches.jsonl":          `{"id": "J1", "text": "Un."}` + "\n" + `{"id": "J2"}`,
		"imbrique.zip":          string(inner),
		"dossier/":              "",
	})
	docs, err := Read(context.Background(), "corpus.zip", bytes.NewReader(z), int64(len(z)))
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s:%s %v %s", d.Source, d.ExternalID, d.Audience, d.URL))
	}
	want := []string{
		"dila:F1 [particuliers associations] https://sp.fr/particuliers/F1",
		"jsonl:J1 [] ",
		"markdown:corpus.zip/imbrique.zip/dedans.md [] ",
		"text:corpus.zip/notes/a.txt [] ",
		"dila:F2 [particuliers] https://sp.fr/particuliers/F2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents mismatch (-want +got):\n%s", diff)
	}
	if docs[0].Blocks[0].Text != "Version particuliers." {
		t.Errorf("merged F1 keeps %q, want the particuliers version", docs[0].Blocks[0].Text)
	}
	var p *PartialError
	if !errors.As(err, &p) || len(p.Errs) != 2 {
		t.Fatalf("err = %v, want a *PartialError with 2 records", err)
	}
	for i, wantName := range []string{"corpus.zip/fiches.jsonl", "corpus.zip/particuliers/bad.xml"} {
		var re *RecordError
		if !errors.As(p.Errs[i], &re) || re.Name != wantName {
			t.Errorf("record %d = %v, want one for %s", i, p.Errs[i], wantName)
		}
	}
}

func TestReadZipLimits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	page := strings.Repeat("Une ligne de texte assez longue pour peser.\n", 100) // 4,400 bytes
	z := buildZip(t, map[string]string{"a.txt": page, "b.txt": page, "c.txt": page})

	// A member over MaxFileBytes is skipped and reported.
	rd := Reader{MaxFileBytes: 4000}
	docs, err := rd.Read(ctx, "z.zip", bytes.NewReader(z), int64(len(z)))
	if len(docs) != 0 || !errors.Is(err, ErrTooLarge) {
		t.Errorf("member limit: %d docs, err %v", len(docs), err)
	}

	// The archive budget stops reading: the third member does not fit.
	rd = Reader{MaxArchiveBytes: 10_000}
	docs, err = rd.Read(ctx, "z.zip", bytes.NewReader(z), int64(len(z)))
	if len(docs) != 2 || !errors.Is(err, ErrTooLarge) || !isPartial(err) {
		t.Errorf("archive limit: %d docs, err %v", len(docs), err)
	}

	// Too many members.
	rd = Reader{MaxArchiveMembers: 2}
	docs, err = rd.Read(ctx, "z.zip", bytes.NewReader(z), int64(len(z)))
	if len(docs) != 2 || !errors.Is(err, ErrTooLarge) {
		t.Errorf("member count: %d docs, err %v", len(docs), err)
	}

	// A member whose header lies about its size is stopped (by archive/zip)
	// when more than the announced size comes out.
	bomb := buildZip(t, map[string]string{"bombe.txt": strings.Repeat("0", 1<<20)})
	cd := bytes.Index(bomb, []byte("PK\x01\x02"))
	binary.LittleEndian.PutUint32(bomb[cd+24:], 10)
	if docs, err := Read(ctx, "bombe.zip", bytes.NewReader(bomb), int64(len(bomb))); err == nil || len(docs) != 0 {
		t.Errorf("lying header: %d docs, err %v", len(docs), err)
	}
}

func TestReadZipErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := map[string][]byte{
		"not a zip":       []byte("PK\x03\x04 garbage"),
		"only images":     buildZip(t, map[string]string{"a.png": "x"}),
		"all members bad": buildZip(t, map[string]string{"a.xml": "<rss/>"}),
		"nested too deep": buildZip(t, map[string]string{"1.zip": string(buildZip(t, map[string]string{"2.zip": string(buildZip(t, map[string]string{
			"3.zip": string(buildZip(t, map[string]string{"a.txt": "T\n\nx"}))}))}))}),
	}
	for name, z := range cases {
		docs, err := Read(ctx, "z.zip", bytes.NewReader(z), int64(len(z)))
		if err == nil || len(docs) != 0 {
			t.Errorf("%s: %d docs, err %v", name, len(docs), err)
		}
	}
}

func TestMergeDuplicates(t *testing.T) {
	t.Parallel()
	docs := []Document{
		{Source: "dila", ExternalID: "F1", Audience: []string{"associations"}, Tags: []string{"A"}, URL: "assoc"},
		{Source: "jsonl", ExternalID: "F1", Title: "premier"},
		{Source: "dila", ExternalID: "F1", Audience: []string{"professionnels"}, Tags: []string{"B"}, URL: "pro"},
		{Source: "jsonl", ExternalID: "F1", Title: "second"},
		{Source: "dila", ExternalID: "F1", Audience: []string{"particuliers"}, Tags: []string{"A", "C"}, URL: "part"},
	}
	orig := fmt.Sprint(docs)
	got := MergeDuplicates(docs)
	want := []Document{
		{Source: "dila", ExternalID: "F1", Audience: []string{"particuliers", "professionnels", "associations"}, Tags: []string{"A", "C", "B"}, URL: "part"},
		{Source: "jsonl", ExternalID: "F1", Title: "premier"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if fmt.Sprint(docs) != orig {
		t.Error("input modified")
	}
}
