package triage

import (
	"regexp"
	"strings"
)

// courtesyRe matches a sentence made only of what a call-back request or a courtesy says (« merci
// de me rappeler quand vous pourrez, rien d'urgent »), folded: words that
// hold no evidence of distress for the classifier, whose hashed n-grams
// (« me rappeler » beside « me tuer ») may still score high in a short
// text.
var courtesyRe = regexp.MustCompile(`^(?: (?:bonjour|bonsoir|madame|monsieur|merci(?: beaucoup| bien)?|je vous remercie|cordialement|bien a vous|bonne (?:journee|soiree)|s' il vous plait|svp|(?:pouvez|pourriez|pourrez)(?:-| )vous|vous (?:pouvez|pourriez|pourrez)|(?:de |d' )?(?:me )?rappeler|rappelez-moi|quand vous (?:pourrez|pouvez|aurez (?:un moment|le temps))|des que possible|rien d' urgent|(?:ce n' est |c' est )?pas urgent|(?:au|le) (?:[0-9]+ ?)+|(?:demain|ce soir|cet apres-midi|cette semaine|lundi|mardi|mercredi|jeudi|vendredi)(?: matin| apres-midi)?|(?:a|au) (?:bientot|plus tard|revoir)|rien d' urgent|de|d'|a|me|moi|vous))+ $`)

// courtesyOnly reports whether every sentence of msg is courtesy or a
// call-back request and nothing else: the classifier raises no such
// message, whatever its scores.
func (m *message) courtesyOnly() bool {
	for _, s := range m.sentences {
		if strings.TrimSpace(s.folded) != "" && !courtesyRe.MatchString(s.folded) {
			return false
		}
	}
	return len(m.sentences) > 0
}
