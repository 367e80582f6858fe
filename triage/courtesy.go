package triage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/courtesy"
)

// evidenceOf counts the words of a folded sentence that may tell a
// situation: not courtesy nor a call-back request (« merci de me
// rappeler demain matin »: courtesy.CallBackOnly), not a
// number, not a lone letter. The classifier's scores of a message are read
// as strong as its count (see model.shrink).
func evidenceOf(folded string) int {
	n := 0
	for _, w := range strings.FieldsFunc(folded, notWord) {
		if utf8.RuneCountInString(w) >= 2 && courtesy.Of(w)&courtesy.CallBackOnly == 0 && !number(w) {
			n++
		}
	}
	return n
}

// notWord reports whether r cuts words as fold.Words cuts them: any rune
// but a letter or a digit (folded already: no need to fold again).
func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// number reports whether w is made of digits only.
func number(w string) bool {
	return strings.Trim(w, "0123456789") == ""
}
