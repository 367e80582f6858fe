package llm

import (
	"strings"

	"github.com/plume-sp/plume/fold"
)

// frenchWords splits text into folded words (fold.Words), dropping elided
// articles and pronouns ("l'", "d'", "qu'") and stop words, and calls fn
// with the light stem of each remaining word.
func frenchWords(text string, fn func(stem string)) {
	for w := range strings.FieldsSeq(fold.Words(text)) {
		if _, stop := frenchStopWords[w]; !stop {
			fn(lightStem(w))
		}
	}
}

// lightStem removes the commonest French inflections so that "demandes",
// "demander" and "demande" meet. Character n-grams do the rest.
func lightStem(w string) string {
	if len(w) <= 3 || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	for _, suffix := range []string{"ements", "ement", "ations", "ation", "ites", "ite", "euses", "euse", "eux",
		"ives", "ive", "ifs", "if", "ees", "ee", "er", "ez", "es", "s", "x", "e"} {
		if strings.HasSuffix(w, suffix) && len(w)-len(suffix) >= 3 {
			return w[:len(w)-len(suffix)]
		}
	}
	return w
}

// frenchStopWords are accent-folded words too common to tell passages apart,
// including the words users wrap their questions in.
var frenchStopWords = func() map[string]struct{} {
	words := strings.Fields(`
		a au aux avec ce ces cet cette c ca d dans de des du elle elles en et eux il ils
		j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ou
		par pas pour qu que qui s sa se ses son sur t ta te tes toi ton tu un une vos votre vous y
		est sont etre ai as avons avez ont suis es etes etait ete fait faire faut peut peux puis
		dois doit comment quoi quel quelle quels quelles quand combien pourquoi ou
		si plus tres bien aussi alors donc car comme tout tous toute toutes sans sous
		bonjour merci svp stp
	`)
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}()
