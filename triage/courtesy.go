package triage

import (
	"strings"

	"github.com/plume-sp/plume/courtesy"
	"github.com/plume-sp/plume/fold"
)

// courtesyOnly reports whether every sentence of msg is courtesy or a
// call-back request and nothing else (« merci de me rappeler quand vous
// pourrez, rien d'urgent »: courtesy.CallBackOnly): words that hold no
// evidence of distress for the classifier, whose hashed n-grams (« me
// rappeler » beside « me tuer ») may still score high in a short text. The
// classifier raises no such message, whatever its scores.
func (m *message) courtesyOnly() bool {
	for _, s := range m.sentences {
		if w := strings.Fields(fold.Words(s.folded)); len(w) > 0 && !courtesy.Only(w, courtesy.CallBackOnly) {
			return false
		}
	}
	return len(m.sentences) > 0
}
