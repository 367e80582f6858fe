package triage

import "testing"

// TestSession18OutOfPlace checks, with the lexicon and with the whole
// triage, the readings message.outOfPlace gives the energy, housing and
// debt rules (a cut for works, a landlord's tenant, the writer's own
// home), each beside its twin that keeps its level. The review of
// session 18 asked to move them into the rules' others; they stay in
// outOfPlace (see there): the cancelled cases below that no cue span
// overlaps, or that another sentence decides, are the ones others could
// not read.
func TestSession18OutOfPlace(t *testing.T) {
	tests := []lexiconCase{
		// A cut for works named in the sentence (plannedCutRe), away from
		// the cue: « intervention technique » overlaps no cut cue.
		{"a cut for a technical intervention", "L'électricité sera coupée jeudi pour une simple intervention technique.", Routine, nil},
		{"a cut on Thursday", "L'électricité sera coupée jeudi.", Urgent, []string{CodeEnergyCut}},
		// A cut for works named back in the next sentence (thatCutRe).
		{"a cut for works, then the cut named back", "Enedis annonce une coupure de courant le 14 juin pour travaux. Pendant la coupure, l'électricité sera coupée de 8 h à 12 h.", Routine, nil},
		{"a cut named back with no works before", "Pendant la coupure, l'électricité sera coupée de 8 h à 12 h.", Attention, []string{CodeEnergyRisk}},
		// An unpaid bill in the sentence keeps its cut (unpaidRe).
		{"works and a cut for an unpaid bill", "Il y a une intervention technique jeudi, et l'électricité sera coupée lundi pour une facture impayée.", Urgent, []string{CodeEnergyCut, CodeDebt}},
		{"works and a cut", "Il y a une intervention technique jeudi, et l'électricité sera coupée lundi.", Routine, nil},
		// A landlord (landlordRe in another sentence) telling of the
		// tenant's rent: the tenant's eviction and debts.
		{"a landlord asking about the tenant's eviction", "Je loue mon studio à un étudiant. Il ne paie plus son loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
		{"a tenant asking about an eviction", "Je ne paie plus mon loyer, comment se passe une procédure d'expulsion ?", Attention, []string{CodeHousingRisk}},
		{"a landlord's tenant in debt", "Je loue mon studio à un étudiant. Il a des dettes de loyer de 3 000 €, que faire ?", Routine, nil},
		{"a tenant in debt", "J'ai des dettes de loyer de 3 000 €, que faire ?", Attention, []string{CodeDebt}},
		{"a landlord who is a tenant too", "Je loue mon garage à un voisin. Mon propriétaire veut m'expulser vendredi pour des loyers impayés.", Urgent, []string{CodeHousingLoss, CodeDebt}},
		// The writer's own home (ownHomeRe) in a sentence about the
		// tenant: the writer's eviction.
		{"a landlord evicted from the writer's own home", "Je loue mon studio à un étudiant qui ne paie plus son loyer, et on m'expulse de mon logement vendredi.", Urgent, []string{CodeHousingLoss}},
		{"a landlord telling of the tenant's eviction", "Je loue mon studio à un étudiant qui ne paie plus son loyer, et il parle d'une expulsion vendredi.", Routine, nil},
		{"a landlord evicted from the writer's own flat", "Je loue mon studio à un étudiant. Il ne paie plus son loyer et moi je suis expulsée de mon appartement lundi.", Urgent, []string{CodeHousingLoss}},
		{"a landlord's tenant evicted", "Je loue mon studio à un étudiant. Il ne paie plus son loyer et il sera expulsé lundi.", Routine, nil},
	}
	checkLexicon(t, tests)
	checkAssess(t, tests)
}
