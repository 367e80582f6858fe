package rag

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/plume-sp/plume/courtesy"
	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/redact"
)

// Once its personal data are masked, a message may say nothing a page
// could answer: « 06 12 34 56 78 » is only a placeholder, « Bonjour, je
// suis [NOM_1], tel [TEL_1], merci de me rappeler » and « Bonjour,
// pouvez-vous m'aider ? » ask for help without saying about what. The
// first holds no word to search for (ErrNoWords); the others are searched,
// but nothing they find is reliable, so a draft is a holding reply.

// WarnNoSubject marks a search whose message names no subject: greetings,
// thanks, a request for help or a call back, personal data.
const WarnNoSubject = "no_subject"

// searchWords returns the text to search for in a redacted text: its
// placeholders (and text that looked like one, which redaction masks too)
// removed, so that « [TEL_1] » never finds the pages about telephones. It
// fails with ErrNoWords when no word is left.
func searchWords(t redact.Text) (redact.Text, error) {
	words := stripPlaceholders(t)
	if !hasWord(words.String()) {
		return redact.Text{}, fmt.Errorf("the text holds no word once its personal data are masked: %w", ErrNoWords)
	}
	return words, nil
}

// checkWords fails with ErrNoWords when text, redacted by policy, holds
// no word besides its personal data: a draft of it could only quote pages
// found by chance.
func checkWords(ctx context.Context, text string, policy redact.Policy) error {
	red, err := redact.Redact(ctx, text, policy)
	if err != nil {
		return fmt.Errorf("redact: %w", err)
	}
	_, err = searchWords(red.Text)
	return err
}

// namesSubject reports whether a redacted text, placeholders kept, holds a
// word that names what it is about: one that is not courtesy, a function
// word, a request for help or contact, nor the label of a value it gives
// (« tel » just before a placeholder, « mon numéro fiscal » before a
// [FISCAL_1]: a fiscal number given is no question on taxes). A word typed
// alone, « tel » or « nom », names a subject.
func namesSubject(t redact.Text) bool {
	s := t.String()
	from := 0
	for _, loc := range placeholderRe.FindAllStringIndex(s, -1) {
		if segmentNamesSubject(s[from:loc[0]], placeholderType(s[loc[0]:loc[1]])) {
			return true
		}
		from = loc[1]
	}
	return segmentNamesSubject(s[from:], "")
}

// segmentNamesSubject reports whether the text between two placeholders
// names a subject, the words that label the value of type typ after it
// set aside ("" when no value follows).
func segmentNamesSubject(seg, typ string) bool {
	words := strings.Fields(fold.Words(seg))
	n := len(words)
	for typ != "" && n > 0 && (subjectless(words[n-1]) || labelsValue(words[n-1], typ)) {
		n--
	}
	for _, w := range words[:n] {
		if !subjectless(w) {
			return true
		}
	}
	return false
}

// placeholderType returns the type of a placeholder: FISCAL for
// « [FISCAL_1] ».
func placeholderType(p string) string {
	p = strings.Trim(p, "[]")
	if i := strings.LastIndexByte(p, '_'); i > 0 {
		return p[:i]
	}
	return p
}

// labelsValue reports whether folded word w may label a value of type typ
// written right after it: a word of any value (valueLabels) or of its
// kind (typeLabels).
func labelsValue(w, typ string) bool {
	return valueLabels[w] || typeLabels[typ][w]
}

// subjectless reports whether a folded word says nothing of a message's
// subject.
func subjectless(w string) bool {
	return utf8.RuneCountInString(w) < 2 || courtesy.Of(w)&courtesy.Empty != 0
}

// withoutSubject marks every result unreliable, with WarnNoSubject.
func (r *Results) withoutSubject() {
	r.Reliable = false
	for i := range r.Results {
		r.Results[i].Reliable = false
	}
	r.Warnings = append(r.Warnings, WarnNoSubject)
}

// wordSet returns the set of the words of s.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// valueLabels are folded words that label the value after them: « tel »
// before [TEL_1], « je m'appelle » before [NOM_1].
var valueLabels = wordSet(`tel telephone portable mobile fixe numero num mail email courriel adresse nom
	prenom appelle ne nee no n identifiant reference ref`)

// typeLabels are the folded words that label a value of one type and
// name nothing else a page could answer: « numéro fiscal » before
// [FISCAL_1], « numéro de sécurité sociale » before [NIR_1]. The
// documents' own words (passeport, permis, carte, titre de séjour,
// dossier) stay subjects: « demande de passeport [PASSEPORT_1] » asks
// about a passport.
var typeLabels = map[string]map[string]bool{
	"FISCAL":         wordSet("fiscal fiscale identification spi contribuable"),
	"NIR":            wordSet("nir secu securite sociale ss insee assure"),
	"IBAN":           wordSet("iban rib bic"),
	"CAF":            wordSet("allocataire matricule caf msa"),
	"FRANCE_TRAVAIL": wordSet("ft"),
	"ETRANGER":       wordSet("agdref"),
	"SIRET":          wordSet("siret siren"),
	"INE":            wordSet("ine"),
	"IP":             wordSet("ip"),
	"NAISSANCE":      wordSet("date naissance"),
}
