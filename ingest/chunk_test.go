package ingest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// checkPieces asserts Chunk's invariants on a document: ordinals count
// from zero, no piece is empty or longer than MaxChars, and all the text
// of every block is in some piece.
func checkPieces(tb testing.TB, d Document, opts ChunkOptions) []Piece {
	tb.Helper()
	o := opts.withDefaults()
	pieces := Chunk(d, opts)
	var all strings.Builder
	for i, p := range pieces {
		if p.Ordinal != i {
			tb.Errorf("%s: piece %d has ordinal %d", d.ExternalID, i, p.Ordinal)
		}
		n := utf8.RuneCountInString(p.Text)
		if n == 0 || n > o.MaxChars {
			tb.Errorf("%s: piece %d has %d characters (max %d)", d.ExternalID, i, n, o.MaxChars)
		}
		all.WriteString(p.Text)
		all.WriteByte('\n')
	}
	// Sentences come out in order (overlaps repeat one), so each is looked
	// for after the previous one: linear, and order is checked too.
	text := all.String()
	pos := 0
	for _, b := range d.Blocks {
		bt := strings.TrimSpace(b.Text)
		for _, s := range sentences(bt) {
			sent := bt[s.start:s.end]
			if utf8.RuneCountInString(sent) > o.MaxChars {
				continue // cut between words
			}
			i := strings.Index(text[pos:], sent)
			if i < 0 {
				tb.Errorf("%s: sentence lost or out of order: %q", d.ExternalID, sent)
				return pieces
			}
			pos += i + len(sent)
		}
	}
	return pieces
}

// sentence returns a sentence of about n characters ending with a period.
func sentence(word string, n int) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	for b.Len() < n-1 {
		b.WriteString(" " + word)
	}
	b.WriteString(".")
	return b.String()
}

func TestChunk(t *testing.T) {
	t.Parallel()
	opts := ChunkOptions{TargetChars: 100, MaxChars: 150, MinChars: 30}
	long1, long2, long3 := sentence("alpha", 60), sentence("beta", 60), sentence("gamma", 60)
	tests := []struct {
		name   string
		blocks []Block
		desc   string
		want   []Piece
	}{
		{
			name: "blocks of one section are packed up to the target",
			blocks: []Block{
				{Heading: []string{"A"}, Text: sentence("un", 40)},
				{Heading: []string{"A"}, Text: sentence("deux", 40)},
				{Heading: []string{"A"}, Text: sentence("trois", 40)},
			},
			want: []Piece{
				{Ordinal: 0, Heading: []string{"A"}, Text: sentence("un", 40) + "\n" + sentence("deux", 40)},
				{Ordinal: 1, Heading: []string{"A"}, Text: sentence("trois", 40)},
			},
		},
		{
			name: "a new heading starts a new piece",
			blocks: []Block{
				{Heading: []string{"A"}, Text: sentence("un", 40)},
				{Heading: []string{"B"}, Text: sentence("deux", 40)},
			},
			want: []Piece{
				{Ordinal: 0, Heading: []string{"A"}, Text: sentence("un", 40)},
				{Ordinal: 1, Heading: []string{"B"}, Text: sentence("deux", 40)},
			},
		},
		{
			name:   "a long block is split on sentences with one sentence of overlap",
			blocks: []Block{{Heading: []string{"A"}, Text: "Court. " + long1 + " " + long2 + " " + long3}},
			want: []Piece{
				{Ordinal: 0, Heading: []string{"A"}, Text: "Court. " + long1},
				{Ordinal: 1, Heading: []string{"A"}, Text: long2},
				{Ordinal: 2, Heading: []string{"A"}, Text: long3},
			},
		},
		{
			name:   "the overlap sentence is repeated when it is short",
			blocks: []Block{{Text: sentence("un", 70) + " Court. " + sentence("deux", 70) + " " + sentence("trois", 15)}},
			want: []Piece{
				{Ordinal: 0, Text: sentence("un", 70) + " Court."},
				{Ordinal: 1, Text: "Court. " + sentence("deux", 70) + " " + sentence("trois", 15)},
			},
		},
		{
			name: "abbreviations do not end sentences",
			blocks: []Block{{Text: "Voir l'art. L. 262-2 du code et le n° 12. M. Dupont signe. " +
				sentence("un", 60) + " " + sentence("deux", 60)}},
			want: []Piece{
				{Ordinal: 0, Text: "Voir l'art. L. 262-2 du code et le n° 12. M. Dupont signe."},
				{Ordinal: 1, Text: "M. Dupont signe. " + sentence("un", 60)},
				{Ordinal: 2, Text: sentence("deux", 60)},
			},
		},
		{
			name: "short sections merge with their following sibling",
			blocks: []Block{
				{Heading: []string{"Né en France", "Coût"}, Text: "Gratuit."},
				{Heading: []string{"Né en France", "Délai"}, Text: "Quelques jours."},
				{Heading: []string{"Né à l'étranger", "Coût"}, Text: sentence("payant", 60)},
			},
			want: []Piece{
				{Ordinal: 0, Heading: []string{"Né en France"}, Text: "Coût\nGratuit.\nDélai\nQuelques jours."},
				{Ordinal: 1, Heading: []string{"Né à l'étranger", "Coût"}, Text: sentence("payant", 60)},
			},
		},
		{
			name: "short sections do not merge across parents",
			blocks: []Block{
				{Heading: []string{"Né en France", "Coût"}, Text: "Gratuit."},
				{Heading: []string{"Né à l'étranger", "Coût"}, Text: "Payant."},
			},
			want: []Piece{
				{Ordinal: 0, Heading: []string{"Né en France", "Coût"}, Text: "Gratuit."},
				{Ordinal: 1, Heading: []string{"Né à l'étranger", "Coût"}, Text: "Payant."},
			},
		},
		{
			name: "an introduction merges with the first section",
			blocks: []Block{
				{Text: "Introduction."},
				{Heading: []string{"Qui ?", "Majeur"}, Text: sentence("majeur", 40)},
			},
			want: []Piece{
				{Ordinal: 0, Text: "Introduction.\nQui ? > Majeur\n" + sentence("majeur", 40)},
			},
		},
		{
			name:   "a sentence longer than the maximum is cut between words",
			blocks: []Block{{Text: strings.Repeat("mot ", 80) + "fin"}},
			want: []Piece{
				{Ordinal: 0, Text: strings.TrimSpace(strings.Repeat("mot ", 25))},
				{Ordinal: 1, Text: strings.TrimSpace(strings.Repeat("mot ", 25))},
				{Ordinal: 2, Text: strings.TrimSpace(strings.Repeat("mot ", 25))},
				{Ordinal: 3, Text: "mot mot mot mot mot fin"},
			},
		},
		{
			name: "a document without body is its description",
			desc: "Une courte description.",
			want: []Piece{{Ordinal: 0, Text: "Une courte description."}},
		},
		{
			name:   "empty blocks are ignored",
			blocks: []Block{{Heading: []string{"A"}, Text: "  "}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Document{ExternalID: "t", Description: tt.desc, Blocks: tt.blocks}
			got := Chunk(d, opts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pieces mismatch (-want +got):\n%s", diff)
			}
			checkPieces(t, d, opts)
		})
	}
}

func TestChunkDefaultsAndDeterminism(t *testing.T) {
	t.Parallel()
	var blocks []Block
	for i := 0; i < 50; i++ {
		blocks = append(blocks, Block{Heading: []string{fmt.Sprintf("Section %d", i/7)}, Text: sentence(fmt.Sprintf("mot%d", i), 90+i*13)})
	}
	d := Document{ExternalID: "d", Blocks: blocks}
	a := checkPieces(t, d, ChunkOptions{})
	b := Chunk(d, ChunkOptions{})
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("not deterministic:\n%s", diff)
	}
	for _, p := range a {
		if n := utf8.RuneCountInString(p.Text); n > DefaultMaxChars {
			t.Errorf("piece of %d characters", n)
		}
	}
	// Pieces share no memory with the document's headings.
	a[0].Heading[0] = "changé"
	if blocks[0].Heading[0] == "changé" {
		t.Error("piece heading aliases the block heading")
	}
}

func TestSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"Un. Deux ! Trois ? Quatre… Cinq", []string{"Un.", "Deux !", "Trois ?", "Quatre…", "Cinq"}},
		{"M. Dupont et Mme. Martin signent. Ensuite", []string{"M. Dupont et Mme. Martin signent.", "Ensuite"}},
		{"Selon l'art. 3 et l'article L. 262-2, voir p. 4. Fin.", []string{"Selon l'art. 3 et l'article L. 262-2, voir p. 4.", "Fin."}},
		{"Il a dit « oui. » Puis il part.", []string{"Il a dit « oui. »", "Puis il part."}},
		{"Le montant est de 3.5 % environ. Ensuite", []string{"Le montant est de 3.5 % environ.", "Ensuite"}},
		{"etc. Vous pouvez", []string{"etc.", "Vous pouvez"}},
		{"c.-à-d. Une suite", []string{"c.-à-d. Une suite"}},
		{"Liste :\n- un\n- deux", []string{"Liste :", "- un", "- deux"}},
		{"pas de majuscule. ensuite", []string{"pas de majuscule. ensuite"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range sentences(tt.text) {
			got = append(got, tt.text[s.start:s.end])
			if s.runes != utf8.RuneCountInString(tt.text[s.start:s.end]) {
				t.Errorf("%q: span %q has runes %d", tt.text, tt.text[s.start:s.end], s.runes)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("sentences(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}
