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
// else would be left to search.
func withoutCredentials(t redact.Text) redact.Text {
	s := t.String()
	var spans [][]int
	for _, c := range clauseSpans(s) {
		if givesCredentials(s[c.start:c.end]) {
			end := c.end
			if end < len(s) {
				end++ // its end mark: « : comment … » would be searched
			}
			spans = append(spans, []int{c.start, end})
		}
	}
	if len(spans) == 0 {
		return t
	}
	out := t.Blank(spans, redact.Space)
	if !hasWord(stripPlaceholders(out).String()) {
		return t
	}
	return out
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

// givesCredentials reports whether a clause, placeholders kept, names a
// credential (credentialWords), shows it is the person's own or given
// (a placeholder, a possessive, a verb of giving: givingWords) and says
// nothing else but function words and greetings.
func givesCredentials(clause string) bool {
	given := placeholderRe.MatchString(clause)
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
