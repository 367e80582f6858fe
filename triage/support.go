package triage

import "regexp"

// A reason the classifier names needs some support of its own: the
// sub-model of its code scores the message above its bias, the score of a
// text that says nothing, and a language barrier needs a word of language
// (languageCue). The needs and urgent sub-models read the whole message,
// the reason sub-models each their own code: a short, calm message whose
// urgent score passed its threshold was urgent for want of food while
// the food sub-model read it below its bias (« Je suis gay et j'ai été
// licencié à cause de mon orientation sexuelle, je suis sous curatelle »,
// session 16), and « mon RSA a été suspendu, je suis dans une situation
// difficile » needed attention for a language barrier, the attention
// code whose bias is highest when every code reads the message as
// nothing of its own.

// languageCue holds the words that a French message speaks of a language
// with (French, a language, a translation, an interpreter, reading or
// writing, understanding nothing, however spelt: « je ne compren pas
// lettre de caf »), tells of an arrival from abroad, or greets and thanks
// in another language (« Mbote », « Bom dia », « obrigado »).
var languageCue = regexp.MustCompile(` (?:francais|frances|langues?|tradu|interpr|anglais|english|espagnol|arabe|portugais|russe|ukrainien|turc|roumain|lire|ecrire|illettr|analphab|alphab|compren[a-z]* (?:pas|rien|mal)|pas compren|moi (?:pas|besoin|vouloir|avoir|etre)|(?:je suis|on est|nous sommes) arrive(?:e|s|es)? (?:en france|de|d ')|bom dia|boa tarde|obrigad|mbote|salam|merhaba|buna ziua|multumesc|gracias|thank|dobr[iy]|(?:hola|hello|please) )`)

// supported reports whether the reason of sub-model j has support of its
// own in msg, whose scores are s.
func (m *model) supported(s []float64, msg *message, j int) bool {
	if m.header.Models[j] == CodeLanguage && !msg.languageCue() {
		return false
	}
	return s[j] > float64(m.header.Biases[j])
}

// languageCue reports whether msg speaks of a language or is written in
// broken French of another language's words (see languageCue).
func (m *message) languageCue() bool {
	return m.english+m.spanish+m.arabizi > 0 || languageCue.MatchString(" "+m.foldedText())
}

// nearestAllowed returns the sub-model of the reason code of level l
// that scores highest in s, a language barrier only when msg has a
// languageCue.
func (m *model) nearestAllowed(s []float64, msg *message, l Level) int {
	best := -1
	for j := firstCode; j < len(s); j++ {
		if m.header.Models[j] == CodeLanguage && !msg.languageCue() {
			continue
		}
		if CodeLevel(m.header.Models[j]) == l && (best < 0 || s[j] > s[best]) {
			best = j
		}
	}
	return best
}
