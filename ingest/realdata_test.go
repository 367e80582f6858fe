package ingest

import (
	"archive/zip"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// noiseMarkers must never reach the text: XML markup, conditions,
// guided-search markers, navigation homes, escaped entities.
var noiseMarkers = []string{"estVrai", "estIndefini", "**", "Accueil particuliers", "Accueil professionnels", "mentions-legales", "PivotLocal", "&amp;", "&lt;", "</"}

// conditionVar matches DILA condition variables (T10043).
var conditionVar = regexp.MustCompile(`\bT1\d{4}\b`)

// noiseIn returns the first noise found in s, or "".
func noiseIn(s string) string {
	for _, m := range noiseMarkers {
		if strings.Contains(s, m) {
			return m
		}
	}
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c >= 'A' && c <= 'Z' && strings.Contains(s[i:min(len(s), i+40)], ">") {
			return s[i:min(len(s), i+20)]
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if strings.Contains(s, "T1") {
		return conditionVar.FindString(s)
	}
	return ""
}

func checkClean(t *testing.T, doc Document) {
	t.Helper()
	for _, s := range append([]string{doc.Title, doc.Description}, doc.Breadcrumb...) {
		if m := noiseIn(s); m != "" {
			t.Errorf("%s: noise %q in metadata %q", doc.ExternalID, m, s)
		}
	}
	for _, b := range doc.Blocks {
		for _, h := range b.Heading {
			if h == "" || noiseIn(h) != "" {
				t.Errorf("%s: bad heading %q in %q", doc.ExternalID, h, b.Heading)
			}
		}
		if strings.TrimSpace(b.Text) != b.Text || b.Text == "" {
			t.Errorf("%s: untrimmed or empty block %q", doc.ExternalID, b.Text)
		}
		for _, line := range strings.Split(b.Text, "\n") {
			// Nested list items are indented and empty table cells leave "|  |".
			line = strings.ReplaceAll(strings.TrimLeft(line, " "), "|  |", "| |")
			if strings.Contains(line, "  ") || strings.Contains(line, "\t") || line == "" {
				t.Errorf("%s: uncollapsed space or empty line in %q", doc.ExternalID, b.Text)
				break
			}
		}
		if m := noiseIn(b.Text); m != "" {
			t.Errorf("%s: noise %q in %q", doc.ExternalID, m, b.Text)
		}
		if !utf8.ValidString(b.Text) {
			t.Errorf("%s: invalid UTF-8", doc.ExternalID)
		}
	}
}

// TestRealDILASamples reads the 16 real DILA fiches and checks their
// structure against what the files contain.
func TestRealDILASamples(t *testing.T) {
	t.Parallel()
	dir := sharedData(t, "dila-xml")
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) != 16 {
		t.Fatalf("want 16 samples, got %d (%v)", len(files), err)
	}
	// Headings and texts each sample must have (from the files themselves).
	wantHeadings := map[string][]string{
		"F1427":  {"Né(e) en France", "De quoi s'agit-il ?", "Copie intégrale", "Services en ligne", "Références"},
		"F35005": {"Pour un majeur", "Carte délivrée avant 2014", "Pour un mineur", "Définitions"},
		"F21012": {"Qui est concerné ?"},
		"N358":   {"Pour un majeur", "Pour un mineur", "Services en ligne"},
		"F1040":  {"Définitions"},
	}
	wantTexts := map[string][]string{
		"F1427":  {"À noter : la communicabilité", "Attention : il est inutile", "Où s'adresser : Mairie", "- Époux, épouse ou partenaire de Pacs", "https://psl.service-public.fr/mademarche/EtatCivil/demarche?action=NAISSANCE"},
		"F35005": {"Date de délivrance | Date de validité | Condition liée à l'âge", "2005 | 2015 | 2020 | Être né en 1987* ou avant", "le 1er janvier 2014"},
		"F21012": {"1ère phase"},
		"F2402":  {"chèque en bois"},
		"F1040":  {"mesure de sûreté"},
	}
	// Navigation titles that must not appear as text (DossierPere, VoirAussi, QuestionReponse).
	absent := map[string][]string{
		"F1427":  {"Acte de mariage", "Comment contester un refus de la mairie"},
		"N358":   {"Peut-on voyager avec une carte d'identité de plus de 10 ans ?", "Devenir Français"},
		"F35005": {"Validité CNI"},
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".xml")
		t.Run(id, func(t *testing.T) {
			docs, err := ReadFile(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("%d documents", len(docs))
			}
			d := docs[0]
			if d.Source != "dila" || d.ExternalID != id {
				t.Errorf("source/id = %s/%s", d.Source, d.ExternalID)
			}
			if d.Title == "" || d.Description == "" || d.UpdatedAt.IsZero() || len(d.Audience) == 0 || len(d.Tags) == 0 || len(d.Breadcrumb) == 0 {
				t.Errorf("missing metadata: %+v", d)
			}
			if !strings.HasPrefix(d.URL, "https://www.service-public.fr/") || !strings.HasSuffix(d.URL, "/vosdroits/"+id) {
				t.Errorf("URL = %q", d.URL)
			}
			if len(d.Blocks) < 2 {
				t.Errorf("only %d blocks", len(d.Blocks))
			}
			checkClean(t, d)
			all := allText(d)
			headings := map[string]bool{}
			for _, b := range d.Blocks {
				for _, h := range b.Heading {
					headings[h] = true
				}
			}
			for _, h := range wantHeadings[id] {
				if !headings[h] {
					t.Errorf("heading %q not found", h)
				}
			}
			for _, s := range wantTexts[id] {
				if !strings.Contains(all, s) {
					t.Errorf("text %q not found", s)
				}
			}
			for _, s := range absent[id] {
				if strings.Contains(all, s) {
					t.Errorf("navigation text %q found", s)
				}
			}
			checkPieces(t, d, ChunkOptions{})
		})
	}
}

func TestNoiseIn(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]string{
		"Texte propre, 1er janvier < 3 mois.":       "",
		"reste <Paragraphe>x</Paragraphe>":          "</",
		"variable T10043 oubliée":                   "T10043",
		"**Carte d'identité":                        "**",
		`un <LienInterne LienPublication="F1">lien`: "<LienInterne LienPub",
	} {
		if got := noiseIn(s); got != want {
			t.Errorf("noiseIn(%q) = %q, want %q", s, got, want)
		}
	}
}

func allText(d Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestRealJSONL reads the 535 real fiches and checks that headings are
// found where fiches have them and that list items are not taken for
// headings.
func TestRealJSONL(t *testing.T) {
	t.Parallel()
	path := sharedData(t, "spf-fiches.jsonl")
	docs, err := ReadFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 535 {
		t.Fatalf("%d documents, want 535", len(docs))
	}
	withHeadings, questionHeadings := 0, 0
	for _, d := range docs {
		if d.Source != "jsonl" || !regexp.MustCompile(`^[FN]\d+$`).MatchString(d.ExternalID) || d.Title == "" || len(d.Blocks) == 0 {
			t.Errorf("bad document %s %q (%d blocks)", d.ExternalID, d.Title, len(d.Blocks))
		}
		checkClean(t, d)
		found := false
		for _, b := range d.Blocks {
			for _, h := range b.Heading {
				found = true
				if strings.HasSuffix(h, ",") || strings.HasSuffix(h, ";") || strings.HasSuffix(h, ":") || strings.HasSuffix(h, ".") {
					t.Errorf("%s: heading %q ends like a list item or sentence", d.ExternalID, h)
				}
				if strings.HasSuffix(h, "?") {
					questionHeadings++
				}
			}
		}
		if found {
			withHeadings++
		}
		checkPieces(t, d, ChunkOptions{})
	}
	// Most fiches have sections ("Qui est concerné ?", "Démarche"...).
	if withHeadings < 450 {
		t.Errorf("only %d of 535 fiches have headings", withHeadings)
	}
	if questionHeadings == 0 {
		t.Error("no question heading found")
	}
	// F34355 (médiation familiale) has "Définition" and "Qui est concerné ?"
	// sections; its list of people concerned stays body text.
	for _, d := range docs {
		if d.ExternalID != "F34355" {
			continue
		}
		var hs []string
		for _, b := range d.Blocks {
			if len(b.Heading) > 0 {
				hs = appendUnique(hs, strings.Join(b.Heading, " > "))
			}
		}
		for _, want := range []string{"Définition", "Qui est concerné ?", "Qui est le médiateur ?", "Coût"} {
			if !containsString(hs, want) {
				t.Errorf("F34355: heading %q missing from %q", want, hs)
			}
		}
		for _, h := range hs {
			if strings.Contains(h, "Héritiers") || strings.Contains(h, "Grands-parents") {
				t.Errorf("F34355: list item taken for a heading: %q", h)
			}
		}
	}
}

// TestRealZip reads the whole 2020 corpus: 4,111 XML pages of which 127
// are published for two audiences, hence 3,984 documents.
func TestRealZip(t *testing.T) {
	t.Parallel()
	path := sharedData(t, "vosdroits-2020.zip")
	if testing.Short() || raceEnabled {
		// make test runs it in its second step, without -race.
		t.Skip("reads 86 MB of XML: run without -short and -race (go test -run TestRealZip ./ingest)")
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	entries := 0
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".xml") {
			entries++
		}
	}
	zr.Close()
	if entries != 4111 {
		t.Errorf("%d XML entries, want 4111", entries)
	}
	docs, err := ReadFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3984 {
		t.Errorf("%d documents, want 3984 unique IDs", len(docs))
	}
	ids := map[string]bool{}
	shared, fiches, dossiers := 0, 0, 0
	for _, d := range docs {
		if ids[d.ExternalID] {
			t.Errorf("duplicate %s", d.ExternalID)
		}
		ids[d.ExternalID] = true
		if len(d.Audience) > 1 {
			shared++
		}
		switch d.ExternalID[0] {
		case 'F':
			fiches++
		case 'N':
			dossiers++
		}
		if d.Title == "" || !strings.HasPrefix(d.URL, "https://www.service-public.fr/") {
			t.Errorf("%s: title %q, URL %q", d.ExternalID, d.Title, d.URL)
		}
	}
	if shared != 127 {
		t.Errorf("%d documents with two audiences, want 127", shared)
	}
	if fiches+dossiers != len(docs) {
		t.Errorf("%d F + %d N != %d", fiches, dossiers, len(docs))
	}
	// A page shared by particuliers and professionnels keeps the
	// particuliers URL and both audiences.
	for _, d := range docs {
		if d.ExternalID == "F2402" {
			if d.URL != "https://www.service-public.fr/particuliers/vosdroits/F2402" || !cmpStrings(d.Audience, []string{"particuliers", "professionnels"}) {
				t.Errorf("F2402: URL %q audience %q", d.URL, d.Audience)
			}
		}
	}
	// Checking every document's text is cheap enough outside -race.
	for _, d := range docs[:min(len(docs), 500)] {
		checkClean(t, d)
	}
}

func cmpStrings(a, b []string) bool { return equalStrings(a, b) }
