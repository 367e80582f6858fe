package llm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune lower-cases r and strips French diacritics; ligatures are handled
// by the caller. It returns 0 for runes that separate words.
func foldRune(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return r
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	}
	switch r {
	case 'à', 'â', 'ä', 'á', 'ã', 'å', 'À', 'Â', 'Ä', 'Á', 'Ã', 'Å':
		return 'a'
	case 'ç', 'Ç':
		return 'c'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		return 'e'
	case 'î', 'ï', 'í', 'ì', 'Î', 'Ï', 'Í', 'Ì':
		return 'i'
	case 'ô', 'ö', 'ó', 'ò', 'õ', 'Ô', 'Ö', 'Ó', 'Ò', 'Õ':
		return 'o'
	case 'ù', 'û', 'ü', 'ú', 'Ù', 'Û', 'Ü', 'Ú':
		return 'u'
	case 'ÿ', 'Ÿ', 'ý', 'Ý':
		return 'y'
	case 'ñ', 'Ñ':
		return 'n'
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r)
	}
	return 0
}

// frenchWords splits text into accent-folded, lower-case words, dropping
// elided articles and pronouns ("l'", "d'", "qu'") and stop words, and
// calls fn with the light stem of each remaining word.
func frenchWords(text string, fn func(stem string)) {
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		b.Reset()
		if _, stop := frenchStopWords[w]; stop {
			return
		}
		fn(lightStem(w))
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch r {
		case 'œ', 'Œ':
			b.WriteString("oe")
			continue
		case 'æ', 'Æ':
			b.WriteString("ae")
			continue
		}
		f := foldRune(r)
		if f == 0 {
			flush()
			continue
		}
		b.WriteRune(f)
	}
	flush()
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
