package triage

import "testing"

// TestSession17Figures checks, with the lexicon and with the whole
// triage, each figure of speech as the context exception of the rules
// whose cues it holds (rule.others, since session 17: until then one
// pattern cancelled every rule's cue inside any figure), beside its twin
// that stays a situation.
func TestSession17Figures(t *testing.T) {
	tests := []lexiconCase{
		{"a knock at the door", "On frappe à la porte.", Routine, nil},
		{"children knocking at the door", "Les enfants frappent à notre porte.", Routine, nil},
		{"a husband who hits the children", "Mon mari frappe les enfants.", Urgent, []string{CodeChild, CodeViolence}},
		{"a former partner knocking for an hour", "Mon ex frappe à ma porte depuis une heure.", Urgent, []string{CodeViolence}},
		{"a former partner knocking every evening", "Mon ex frappe à ma porte tous les soirs.", Urgent, []string{CodeViolence}},
		{"a husband knocking, keys forgotten", "Mon mari frappe à la porte, il a oublié ses clés.", Routine, nil},
		{"a knock by canvassers", "Ma fille se fait frapper à la porte par les démarcheurs.", Routine, nil},
		{"beaten at the school gate", "Ma fille se fait frapper à la porte de l'école.", Urgent, []string{CodeChild, CodeViolence}},
		{"a hunger for justice", "J'ai faim de justice.", Routine, nil},
		{"hungry since yesterday", "J'ai faim depuis hier, je n'ai plus rien.", Urgent, []string{CodeFood}},
		{"children hungry for culture", "Mes enfants ont faim de culture.", Routine, nil},
		{"children hungry since yesterday", "Mes enfants ont faim depuis hier.", Urgent, []string{CodeChild, CodeFood}},
		{"a school breakfast", "Mon fils a faim le matin, peut-il avoir un petit-déjeuner à la cantine ?", Routine, nil},
		{"dead of laughter", "Ma femme est morte de rire.", Routine, nil},
		{"a wife dead", "Ma femme est morte la semaine dernière.", Attention, []string{CodeBereavement}},
		{"dying of shame", "J'ai envie de mourir de honte.", Routine, nil},
		{"wanting to die", "J'ai envie de mourir.", Urgent, []string{CodeSuicide}},
		{"a choke on coffee", "J'ai failli m'étrangler avec mon café.", Routine, nil},
		{"strangled while eating", "Il m'a étranglé en mangeant.", Urgent, []string{CodeViolence}},
		{"a fear of being hacked", "J'ai peur de me faire pirater mon compte.", Routine, nil},
		{"hacked", "Mon compte a été piraté hier.", Attention, []string{CodeFraud}},
		{"scared to death of him", "J'ai peur de lui, je suis morte de peur de lui.", Urgent, []string{CodeViolence}},
	}
	checkLexicon(t, tests)
	checkAssess(t, tests)
}

// TestSession17FalseAlarms checks, with the lexicon alone, the families
// of routine messages session 17 stops raising (read on the honest
// rounds' tuning halves), each beside a twin that keeps its level.
func TestSession17FalseAlarms(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"one's own funeral planned", "Je voudrais organiser mes obsèques à l'avance pour que mes enfants n'aient rien à gérer.", Routine, nil},
		{"a body given rather than a burial", "Je voudrais faire don de mon corps à la science plutôt que d'avoir un enterrement.", Routine, nil},
		{"a husband's funeral", "Mon mari est décédé lundi, je dois organiser ses obsèques.", Attention, []string{CodeBereavement}},
		{"a debt of gratitude", "J'ai une dette de reconnaissance envers Mme Leroy, qui m'a aidé.", Routine, nil},
		{"a debt to a son", "J'ai une petite dette envers mon fils qui m'a prêté de l'argent pour ma voiture.", Routine, nil},
		{"a debt claimed by the CAF", "La CAF me réclame une dette de 900 €.", Attention, []string{CodeDebt}},
		{"everything paid back", "Mon dossier de surendettement a été clôturé en 2023, j'ai tout remboursé jusqu'au dernier centime.", Routine, nil},
		{"a debt still owed", "Mon dossier de surendettement a été refusé, je dois encore 4 000 €.", Attention, []string{CodeDebt}},
		{"a cut for works", "Enedis annonce une coupure de courant le 14 juin pour travaux. Puis-je être indemnisé si mon congélateur est perdu pendant la coupure ?", Routine, nil},
		{"a cut for an unpaid bill", "Enedis annonce une coupure de courant le 14 juin pour une facture impayée.", Attention, []string{CodeDebt, CodeEnergyRisk}},
		{"a landlord asking about eviction", "Je suis propriétaire d'un petit studio que je loue. Mon locataire ne paie plus son loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
		{"home again long since a fire", "Il y a deux ans un incendie a détruit notre immeuble. Aujourd'hui on est revenus chez nous depuis longtemps. Seul souci : dans l'incendie on a perdu le livret de famille.", Routine, nil},
		{"a fire last night", "Un incendie a détruit notre appartement cette nuit, on ne sait pas où dormir.", Urgent, []string{CodeHousingLoss}},
		{"a tenant renting a studio", "Je loue un studio. Le propriétaire veut m'expulser vendredi.", Urgent, []string{CodeHousingLoss}},
		{"paying in three instalments", "Je voudrais passer à la mensualisation au lieu de payer en trois fois.", Routine, nil},
		{"three reminders", "J'ai envoyé trois fois le document, toujours rien.", Attention, []string{CodeRepeatedFailure}},
		{"card numbers typed, taken in three instalments", "J'ai cliqué et tapé mes numéros de carte bancaire, on m'a retiré 1 450 € en trois fois.", Attention, []string{CodeFraud}},
		{"no answer found online", "Je ne trouve pas de réponses claires sur Internet.", Routine, nil},
		{"no answer from the service", "Trois mails et pas de réponse de votre part.", Attention, []string{CodeRepeatedFailure}},
		{"contradictory things read", "J'ai lu des choses contradictoires sur un forum.", Routine, nil},
		{"a claim asked about", "Faut-il passer par une réclamation ?", Routine, nil},
	})
}

// TestSession17Urgent checks, with the lexicon alone, the urgent needs
// session 17 reads (the honest rounds' tuning halves), both sides.
func TestSession17Urgent(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a protection order broken", "Mon ex-conjoint ne respecte pas l'ordonnance de protection, il est revenu hier soir.", Urgent, []string{CodeViolence}},
		{"not there after the weekend", "Je pense pas que je serai encore là après ce week-end.", Urgent, []string{CodeSuicide}},
		{"there after the weekend", "Je serai encore là après ce week-end, je passerai au guichet.", Routine, nil},
		{"things put away, letters written", "J'ai tout rangé et j'ai écrit les lettres.", Urgent, []string{CodeSuicide}},
		{"a flat put away", "J'ai tout rangé avant l'état des lieux.", Routine, nil},
		{"noted: a home put away for a daughter", "En fin d'entretien dit avoir tout rangé chez elle pour que sa fille n'ait rien à faire après.", Urgent, []string{CodeSuicide}},
		{"affairs in order, a time done", "J'ai mis de l'ordre dans mes affaires, je crois que j'ai fait mon temps sans lui.", Urgent, []string{CodeSuicide}},
		{"nothing left at home", "Il n'y a plus rien à la maison depuis vendredi.", Urgent, []string{CodeFood}},
		{"a child alone upstairs since Sunday", "My neighbour's girl has been alone in the flat upstairs since Sunday, her mum went away and didn't come back.", Urgent, []string{CodeChild, CodeLanguage}},
		{"a child upstairs", "My neighbour's girl lives in the flat upstairs.", Routine, nil},
	})
}

// TestSession17PerSentence checks, with the lexicon and with the whole
// triage, that a cut for works and a landlord's reading cancel only the
// cues of their own sentences (the review of session 17): the writer's
// own cut or eviction told beside them stays urgent, and a homeowner is
// no landlord.
func TestSession17PerSentence(t *testing.T) {
	tests := []lexiconCase{
		{"a cut for works last week, then the writer's own cut", "Il y a eu une coupure d'eau pour travaux la semaine dernière. Maintenant EDF m'a coupé l'électricité, j'ai un bébé de 2 mois.", Urgent, []string{CodeEnergyCut}},
		{"a cut for works named back", "Enedis annonce une coupure de courant le 14 juin pour travaux. Puis-je être indemnisé si mon congélateur est perdu pendant la coupure ?", Routine, nil},
		{"a landlord evicted from the writer's own flat", "Mon locataire ne paie plus. Moi je suis expulsée de mon appartement demain matin.", Urgent, []string{CodeHousingLoss}},
		{"a landlord asking about a tenant's eviction", "Je suis propriétaire d'un petit studio que je loue. Mon locataire ne paie plus son loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
		{"a landlord renting to a student", "Je loue mon studio à un étudiant. Il ne paie plus son loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
		{"a homeowner evicted", "Je suis propriétaire d'une maison mais on m'expulse vendredi.", Urgent, []string{CodeHousingLoss}},
	}
	checkLexicon(t, tests)
	checkAssess(t, tests)
}
