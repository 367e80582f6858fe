package store_test

import (
	"context"
	"testing"
	"unicode"

	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/store/storetest"
)

// The full-text configuration folds words with PostgreSQL's unaccent
// dictionary: package fold must fold each letter of French and of the
// European and Vietnamese names plume meets the same way, so that a word
// folded in Go is the word the database indexes. (In Latin Extended-B,
// letters with hooks and strokes of African and phonetic alphabets, unaccent
// spells out more than fold does.)
func TestFoldAgreesWithUnaccent(t *testing.T) {
	st := storetest.NewStore(t)
	var letters []string
	for _, block := range [][2]rune{
		{0xC0, 0x17F},    // Latin-1 Supplement, Latin Extended-A
		{0x1E00, 0x1E99}, // Latin Extended Additional, before the medievalist letters
		{0x1EA0, 0x1EF9}, // Vietnamese
		{0xFB00, 0xFB06}, // Latin ligatures
		{0xFF21, 0xFF5A}, // full-width Latin letters
	} {
		for r := block[0]; r <= block[1]; r++ {
			if unicode.IsLetter(r) {
				letters = append(letters, string(r))
			}
		}
	}
	rows, err := st.Pool().Query(context.Background(), "SELECT l, lower(unaccent(l)) FROM unnest($1::text[]) AS l", letters)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var letter, db string
		if err := rows.Scan(&letter, &db); err != nil {
			t.Fatal(err)
		}
		n++
		if got := fold.String(letter); got != db {
			t.Errorf("%q (%U): fold %q, the database %q", letter, []rune(letter)[0], got, db)
		}
	}
	if err := rows.Err(); err != nil || n != len(letters) {
		t.Fatalf("compared %d letters of %d: %v", n, len(letters), err)
	}
}
