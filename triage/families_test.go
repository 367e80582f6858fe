package triage

import "testing"

// TestLexiconFamilies checks, with the lexicon alone, the families of
// misses read on round 14 when it became training data (session 9 of
// 2026-12-01), each beside a look-alike that must keep its level: someone
// else's « me tuer » beside the writer's own, an accident nearly suffered,
// the items of a topic's list, a school's oral, what a worker sees pass, a
// trouble of back then, a scam avoided, a failure thanked for once
// settled, a complaint about an agent's remarks or wrong information,
// chest pain, Outre-mer, English, Romanian and Turkish cues, blows (a
// neck squeezed, a slap, a protection order broken), a fall with nobody
// to lift, little ones alone, a child asking for food, a lock changed,
// self-harm, a baby who barely drinks, a fuel tank empty, a « lol » that
// laughs at its own sentence only, times within days in other languages, an elderly parent named a few
// sentences before her distress, words spelt as they sound.
func TestLexiconFamilies(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"someone else's and my own", "Ma mère va me tuer, je vais me tuer.", Urgent, []string{CodeSuicide}},
		{"someone else's only", "Ma mère va me tuer si je rate encore le rendez-vous.", Routine, nil},
		{"an accident nearly suffered", "Mon mari a glissé dans la douche, « j'ai failli me tuer » dit-il, on voudrait une aide pour l'aménager.", Routine, nil},
		{"the writer's own act", "Je pense à me tuer depuis des semaines.", Urgent, []string{CodeSuicide}},
		{"a topic's list", "Je fais un mémoire sur les violences conjugales : la loi de 2010, le téléphone grave danger, l'ordonnance de protection, les chiffres.", Routine, nil},
		{"a list that turns to me", "Je fais un mémoire sur les violences conjugales et mon mari me frappe.", Urgent, []string{CodeViolence}},
		{"a school's oral", "Je prépare mon grand oral sur le harcèlement scolaire, avez-vous des chiffres ?", Routine, nil},
		{"a law's topic", "Que dit la loi sur l'ordonnance de protection, qui peut la demander ?", Routine, nil},
		{"what a worker sees pass", "Ambulancier, je vois passer des chutes, des agressions, des malaises, je voudrais me reconvertir.", Routine, nil},
		{"what I suffer at work", "Ambulancier, j'ai été agressé hier soir par un patient.", Urgent, []string{CodeViolence}},
		{"back then", "Tout est réglé, merci. Mes enfants vont bien. Franchement à l'époque je pensais qu'on allait finir à la rue avec les petits. J'ai une question sur l'APL.", Routine, nil},
		{"now", "Je pense qu'on va finir à la rue avec les petits ce soir.", Urgent, []string{CodeHousingLoss}},
		{"a scam avoided", "J'ai reçu un faux SMS de l'Assurance maladie, c'était une arnaque, je n'ai rien fait et je l'ai supprimé.", Routine, nil},
		{"a scam suffered", "J'ai cliqué sur le faux SMS, c'était une arnaque, ils ont vidé mon compte.", Attention, []string{CodeFraud}},
		{"a failure thanked for once settled", "Mon dossier était bloqué, j'avais relancé trois fois. Une conseillère a tout débloqué. Tout est rentré dans l'ordre, merci.", Routine, nil},
		{"a failure going on", "Mon dossier est bloqué, j'ai relancé trois fois.", Attention, []string{CodeRepeatedFailure}},
		{"an agent's remarks", "Je demande à changer de conseiller, ce genre de remarque n'a rien à faire ici.", Attention, []string{CodeComplaint}},
		{"wrong information", "La conseillère nous a mal informés et je voudrais que ce soit signalé.", Attention, []string{CodeComplaint}},
		{"chest pain", "Un monsieur à l'accueil se tient la poitrine, ça descend dans le bras.", Urgent, []string{CodeHealth}},
		{"Outre-mer", "Je cherche les chiffres du chômage en Outre-mer.", Routine, nil},
		{"English, not eaten", "I have not eaten a proper meal since Saturday, I have 3 euros left.", Urgent, []string{CodeFood, CodeLanguage}},
		{"English, left alone", "My wife has dementia and cannot be left alone, I go to hospital on Monday.", Urgent, []string{CodeVulnerableAdult, CodeLanguage}},
		{"Romanian, beaten", "Șeful l-a bătut pe colegul meu, are capul spart.", Urgent, []string{CodeViolence}},
		{"Turkish, hit and passport taken", "Babam bana vurdu ve pasaportumu aldı.", Urgent, []string{CodeViolence}},
		{"a neck squeezed", "Jeudi il m'a serré le cou contre le mur.", Urgent, []string{CodeViolence}},
		{"a slap", "Samedi mon patron m'a mis une claque devant tout le monde.", Urgent, []string{CodeViolence}},
		{"fed up", "J'en ai ma claque de ces formulaires, où envoyer l'attestation ?", Routine, nil},
		{"a protection order broken", "Mon ex est en bas de l'immeuble alors qu'il n'a pas le droit de s'approcher.", Urgent, []string{CodeViolence}},
		{"a fall, nobody to lift", "Mon mari est tombé cette nuit, il est toujours par terre, je n'arrive pas à le relever.", Urgent, []string{CodeHealth}},
		{"little ones alone", "Les deux petits restent seuls dans la maison depuis vendredi.", Urgent, []string{CodeChild}},
		{"little ones' papers", "Les deux petits ont besoin d'une attestation pour la cantine.", Routine, nil},
		{"a child asking for food", "La petite d'en face a toqué pour demander à manger.", Urgent, []string{CodeFood}},
		{"an empty fridge", "Depuis une semaine elle n'a rien dans le frigidaire.", Urgent, []string{CodeFood}},
		{"the lock changed", "Hier le propriétaire a changé la serrure pendant mon hospitalisation.", Urgent, []string{CodeHousingLoss}},
		{"self-harm", "Elle a des coupures sur les deux avant-bras, certaines fraîches.", Urgent, []string{CodeSuicide}},
		{"a baby who barely drinks", "Mon bébé boit presque plus depuis hier.", Urgent, []string{CodeHealth}},
		{"an empty fuel tank", "La cuve de fioul est vide depuis samedi.", Urgent, []string{CodeEnergyCut}},
		{"a fuel question", "Combien coûte le remplissage d'une cuve de fioul avec le chèque énergie ?", Routine, nil},
		{"English hunger, then lol", "I haven't eaten since Saturday. Too ashamed to tell my professors lol.", Urgent, []string{CodeFood, CodeLanguage}},
		{"a French laugh after", "Mon mari me menace… de partir sans moi 😂. Quels papiers pour un passeport ?", Routine, nil},
		{"a Spanish Friday", "Me cortan la luz este viernes, van a cortar la luz.", Urgent, []string{CodeEnergyCut}},
		{"an elderly mother named, then her silence", "Ma mère a 88 ans et vit seule à Aurillac. Je l'appelle tous les soirs. Depuis jeudi elle ne décroche plus.", Urgent, []string{CodeVulnerableAdult}},
		{"an elderly mother named, then a refusal", "Ma mère a 88 ans et vit seule à Aurillac. Elle a refusé de signer le formulaire, que faire ?", Routine, nil},
		{"spelt as it sounds, blows", "hier soir il ma tapé devan les enfan", Urgent, []string{CodeViolence}},
		{"spelt as it sounds, a threat", "il di si je revien il me tu", Urgent, []string{CodeViolence}},
		{"on my nerves", "Ce formulaire me tape sur les nerfs, où trouver le numéro fiscal ?", Routine, nil},
		{"spelt as it sounds, a car", "je dor dan ma voiture avec mes 2 garcon depui mardi", Urgent, []string{CodeHousingLoss}},
		{"a Romanian date", "Am primit o hârtie: audiență pe 3 decembrie, recours au tribunal, je comprends pas.", Urgent, []string{CodeLegalDeadline}},
	})
}
