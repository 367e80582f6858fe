package rag

import (
	"strings"

	"github.com/plume-sp/plume/courtesy"
	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/redact"
)

// A person who gives their password or login (« mon mot de passe est
// [SECRET_1], comment refaire ma carte d'identité ? », « Je vous donne mon
// identifiant et mon mot de passe : comment demander la prime
// d'activité ? ») asks nothing about passwords: « mot » and « passe » are
// rare words of the guidance, and searched they found the pages about a
// car's registration (« passe », « carte grise ») instead of the
// question's. A clause that only gives credentials is left out of the
// search; a clause that asks about them (« j'ai oublié mon mot de passe »,
// « mot de passe : comment le changer ? ») is searched as before.

// withoutCredentials returns a redacted text, placeholders kept, with its
// clauses that only give credentials blanked, or t itself when nothing
// else would be left to search (onlyCredentials) or the next clause speaks
// of the credential (« Voici mon mot de passe : [SECRET_1] Il ne marche
// pas »: the final review of session 20 saw « mot de passe » lost).
func withoutCredentials(t redact.Text) redact.Text {
	spans := credentialSpans(t.String())
	if len(spans) == 0 || referredBack(t.String(), spans) {
		return t
	}
	out := t.Blank(spans, redact.Space)
	if !hasWord(stripPlaceholders(out).String()) {
		return t
	}
	return out
}

// referredBack reports whether the clause after one of spans opens with a
// pronoun that may stand for the credential given (il, ça, it…).
func referredBack(s string, spans [][]int) bool {
	for _, sp := range spans {
		rest := strings.TrimLeft(placeholderRe.ReplaceAllString(s[sp[1]:], " "), " \t\n.,:;!?")
		if first, _, _ := strings.Cut(fold.Words(rest), " "); backPronouns[first] {
			return true
		}
	}
	return false
}

// backPronouns may stand for a credential given just before.
var backPronouns = wordSet(`il elle ils elles ca cela celui ceux it they this`)

// onlyCredentials reports whether a redacted text, placeholders kept, says
// nothing but credentials given (« Voici mes identifiants : [SECRET_1] »):
// it names no subject a page could answer.
func onlyCredentials(t redact.Text) bool {
	spans := credentialSpans(t.String())
	return len(spans) > 0 && !hasWord(stripPlaceholders(t.Blank(spans, redact.Space)).String())
}

// credentialSpans are the spans of the clauses of s that only give
// credentials, each with its end mark (« : comment … » would be searched).
func credentialSpans(s string) [][]int {
	var spans [][]int
	for _, c := range clauseSpans(s) {
		if givesCredentials(s[c.start:c.end], valueFollows(s, c.end)) {
			spans = append(spans, []int{c.start, min(c.end+1, len(s))})
		}
	}
	return spans
}

// clauseSpans cuts a text at the marks that end a clause: sentence ends,
// commas, colons, semicolons and line breaks.
func clauseSpans(s string) []span {
	var out []span
	start := 0
	for i, r := range s {
		if strings.ContainsRune(clauseEnds, r) {
			out = append(out, span{start, i})
			start = i + len(string(r))
		}
	}
	return append(out, span{start, len(s)})
}

// clauseEnds are the marks that end a clause.
const clauseEnds = ".,:;!?\n"

// valueFollows reports whether the clause of s ending at end labels the
// value after it: a colon, then a placeholder (« identifiant : [SECRET_1] »).
func valueFollows(s string, end int) bool {
	if end >= len(s) || s[end] != ':' {
		return false
	}
	loc := placeholderRe.FindStringIndex(strings.TrimLeft(s[end+1:], " \t"))
	return loc != nil && loc[0] == 0
}

// givesCredentials reports whether a clause, placeholders kept, names a
// credential (credentialWords), shows it is the person's own or given
// (a placeholder in it or right after it, valued; a possessive, a verb
// of giving: givingWords) and says nothing else but function words and
// greetings.
func givesCredentials(clause string, valued bool) bool {
	given := valued || placeholderRe.MatchString(clause)
	folded := " " + fold.Words(placeholderRe.ReplaceAllString(clause, " ")) + " "
	named := false
	for _, w := range strings.Fields(strings.ReplaceAll(folded, " mot de passe ", " motdepasse ")) {
		switch {
		case credentialWords[w]:
			named = true
		case givingWords[w]:
			given = true
		case changesMeaning[w] || courtesy.Of(w)&credentialFiller == 0:
			return false
		}
	}
	return named && given
}

// credentialFiller are the kinds of words a clause that gives credentials
// may hold besides them.
const credentialFiller = courtesy.Greeting | courtesy.Signature | courtesy.English | courtesy.Function

// credentialWords name a credential or qualify one (« code secret »);
// « mot de passe » is read as one word, motdepasse.
var credentialWords = wordSet(`motdepasse mdp password identifiant identifiants login logins code codes
	secret confidentiel pin acces connexion`)

// givingWords say that the person gives a value or that it is theirs.
var givingWords = wordSet(`mon ma mes notre nos donne donnons donner communique communiquer transmets
	transmet transmettre envoie envoyer joins joint ci voici voila indique`)

// changesMeaning are function words that make a clause about credentials
// a question or a problem (« je n'ai pas mon mot de passe »).
var changesMeaning = wordSet(`ne n pas plus sans non ni si`)
