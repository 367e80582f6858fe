package rag

import (
	"strings"
	"unicode"

	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/llm"
)

// holding is what a draft with no reliable passage says, on each channel:
// the request is being checked, or, when the message names no subject
// (WarnNoSubject), a request to say what it is about: « Bonjour, merci de
// me rappeler » asks for nothing the knowledge base could check.
type holding struct {
	// reply is the body of a reply to the person (spp, email).
	reply string
	// note is the adviser's note (conseiller).
	note string
	// spoken and followUp are the telephone channel's spoken answer and
	// follow-up text.
	spoken, followUp string
}

// checkingHolding is the holding reply of a request plume found no
// reliable source for.
var checkingHolding = holding{
	reply: "Nous avons bien reçu votre message et nous vous en remercions. " +
		"Nous vérifions les informations qui s'appliquent à votre situation et revenons vers vous dans les meilleurs délais.\n\n",
	note: "Aucune fiche officielle fiable ne répond à cette demande dans la base de connaissances. " +
		"Vérifiez la démarche sur service-public.fr ou auprès de l'organisme concerné.\n",
	spoken: "Je n'ai pas trouvé de fiche officielle qui réponde à votre question. " +
		"Je vérifie auprès du service concerné. Je vous rappelle ou je vous écris dès que j'ai la réponse.\n\n",
	followUp: "Nous vérifions votre demande et revenons vers vous rapidement.\n",
}

// subjectHolding is the holding reply of a message that names no subject.
var subjectHolding = holding{
	reply: "Nous avons bien reçu votre message et nous vous en remercions. " +
		"Pour pouvoir vous répondre, pourriez-vous nous préciser l'objet de votre demande : " +
		"la démarche ou la situation qui vous concerne ?\n\n",
	note: "Le message ne précise pas l'objet de la demande. " +
		"Demandez à la personne quelle démarche ou quelle situation la concerne.\n",
	spoken:   "Pouvez-vous me préciser l'objet de votre demande : quelle démarche ou quelle situation vous concerne ?\n\n",
	followUp: "Comme convenu, nous revenons vers vous dès que vous nous aurez précisé l'objet de votre demande.\n",
}

// holdingFor returns the holding reply of a draft: subjectHolding when
// its message names no subject.
func holdingFor(noSubject bool) holding {
	if noSubject {
		return subjectHolding
	}
	return checkingHolding
}

// A prompt without sources asks the model for a holding reply that starts
// with holdingLine and states no fact; a model that writes facts anyway
// (from its own memory: no source backs them) or anything else (« Hello,
// I cannot help ») would have it kept with an uncited warning only. Such a
// reply is replaced by the extractive holding reply (WarnHoldingEnforced).

// WarnHoldingEnforced marks a draft without reliable source whose model
// reply was not the holding reply its prompt asked for: the draft is the
// extractive holding reply instead.
const WarnHoldingEnforced = "holding_enforced"

// holdingLine is the line the prompts ask a reply without sources to
// start with.
const holdingLine = "À VÉRIFIER PAR L'AGENT : aucune source trouvée."

// keepsHolding reports whether a model's reply to prompt, which held no
// source, is the holding reply it asked for: its first line is
// holdingLine when the prompt asks for it, and it states no fact an agent
// could only take on trust: no figure (outside placeholders and the
// service's name), link nor e-mail address.
func keepsHolding(reply string, prompt []llm.Message, service string) bool {
	asked := false
	for _, m := range prompt {
		asked = asked || strings.Contains(m.Content.String(), holdingLine)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(reply), "\n")
	if asked && fold.Words(first) != fold.Words(holdingLine) {
		return false
	}
	rest := placeholderRe.ReplaceAllString(reply, " ")
	if service != "" {
		rest = strings.ReplaceAll(rest, service, " ")
	}
	return !strings.ContainsFunc(rest, unicode.IsDigit) && len(urlSpans(rest, 0)) == 0 && !emailRe.MatchString(rest)
}
