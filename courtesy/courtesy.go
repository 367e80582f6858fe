// Package courtesy is the one list of the words that say nothing of what
// a message is about: greetings, thanks and closings, mail signatures,
// function words, and requests for help or a call back that do not say
// about what (« Bonjour, merci de me rappeler demain matin »). Each word
// has kinds; a caller picks the kinds it reads as empty: rag, to tell a
// message that names no subject, triage, to count the words of evidence
// its classifier's scores rest on. Words are folded as fold.Words folds them (lower case, no accents,
// one word per run of letters and digits). It imports nothing.
package courtesy

import "strings"

// Kind is a set of kinds of courtesy words.
type Kind uint16

// The kinds of words.
const (
	// Greeting: greetings, thanks, civilities and closings (bonjour,
	// merci, cordialement, and their English counterparts).
	Greeting Kind = 1 << iota
	// Signature: what mail programs and phones add (« envoyé de mon
	// iPhone », « objet », « re », « tr »).
	Signature
	// English: English function words, which a French analysis keeps.
	English
	// Function: French pronouns, articles, prepositions, auxiliaries,
	// modal verbs, negation.
	Function
	// CallBack: asking to be called back or contacted.
	CallBack
	// Help: asking for help, information or an answer without saying
	// about what (aide, question, urgent; since session 20 « important »,
	// « rapide » and « dossier »: « Où en est mon dossier ? » names no
	// subject, and the holding reply asks which one).
	Help
	// Polite: the words a polite request or a call-back request is built
	// with (« je vous remercie », « s'il vous plaît », « pouvez-vous me
	// rappeler quand vous aurez un moment »), and a courtesy's closing
	// (« bonne journée », « au revoir »).
	Polite
	// When: when to call back (demain, ce soir, lundi matin, dès que
	// possible).
	When
)

// Empty are the kinds that name no subject: a message made only of
// them asks nothing a page could answer (« Merci pour votre réponse
// rapide, bonne journée ! », « rappelez-moi lundi matin »: since session
// 20 the polite words and the times to call back are read as empty too;
// a page on the « journée de solidarité » was found for the first).
const Empty = Greeting | Signature | English | Function | CallBack | Help | Polite | When

// CallBackOnly are the kinds a message of courtesy or a call-back request
// alone is made of: no function word outside a polite request (« je suis
// pas bien » is no courtesy), no request for help.
const CallBackOnly = Greeting | Signature | CallBack | Polite | When

// lists holds each kind's words, folded.
var lists = []struct {
	kind  Kind
	words string
}{
	{Greeting, `bonjour bonsoir salut slt bjr bsr bjour cc allo coucou hello hi dear madame monsieur mesdames messieurs mme mr mlle
		melle cordialement cordialemen cdlt bien sincerement salutations respectueusement distinguees distingues
		merci mercii remerciant remercie remercions remerciements avance thanks thank regards best kind
		sincerely please`},
	{Signature, `envoye iphone android samsung galaxy mail courriel objet re tr fw`},
	{English, `the a an of to in on at for my me i you your is are was be been it this that and or but with
		from by have has had do does did not no so if as we our they their he she his her its can could would
		should will just about also get got`},
	{Function, `je tu il elle on nous vous ils elles me te se moi toi lui leur leurs le la les un une des du de
		au aux ce cet cette ces ca cela ceci mon ma mes ton ta tes son sa ses notre votre nos vos et ou mais
		donc car ni que qui quoi dont en ai as avons avez ont suis es est sommes etes sont etre avoir pour par
		sur avec sans dans chez vers pouvez pourriez pouvoir peux peut puis voudrais voudrions souhaite
		souhaiterais aimerais besoin ne pas plus si oui non ok accord plait stp svp tres bien quelqu quelque
		chose voila voici alors ici ne nee encore aviez avait avais avions dit`},
	{CallBack, `rappeler rappelez rappel recontacter contacter contactez contact joindre appeler appelez
		rapeler rapelez rappellez rapellez rappeller rapeller rappelle rappelles rappelons rapelle rappele call back ring`},
	{Help, `aide aider aidez aidiez aidant renseigner renseignez renseignement renseignements information
		informations info infos question questions demande demander repondre repondez reponse urgent
		urgence help assistance probleme soucis souci urgente important importante rapide rapidement vite dossier`},
	{Polite, `je vous me moi de d a au le s il plait svp pouvez pourriez pourrez quand aurez un moment temps
		beaucoup bonne journee soiree bientot plus tard revoir`},
	{When, `demain ce soir cet cette apres midi semaine lundi mardi mercredi jeudi vendredi matin des que
		possible`},
}

// kinds maps each word to its kinds.
var kinds = func() map[string]Kind {
	out := map[string]Kind{}
	for _, l := range lists {
		for _, w := range strings.Fields(l.words) {
			out[w] |= l.kind
		}
	}
	return out
}()

// Of returns the kinds of a folded word, 0 for a word of none.
func Of(word string) Kind { return kinds[word] }
