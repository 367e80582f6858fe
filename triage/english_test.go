package triage

import "testing"

// TestEnglishUrgent checks, on the whole triage, the urgent messages told
// in English, Italian and German that black-box round 2 of session 20
// found routine (the classifier reads French only), beside English
// decoys that must stay routine.
func TestEnglishUrgent(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"I just wanted to let you know that I won't need the housing help anymore. I've written letters to my kids and sorted out my papers.", true},
		{"I have decided this will be my last week. Thank you for everything you did.", true},
		{"My husband locked me and the baby in the flat again last night, he took my phone.", true},
		{"My partner won't let me leave the house. Yesterday he choked me.", true},
		{"He said next time he'll kill me and the kids.", true},
		{"My teacher touches me after class. I'm 13 and I don't know who to tell.", true},
		{"My uncle touches my little sister when my mother is at work. She is 8.", true},
		{"My father is 79 with dementia, he wandered off this morning and we can't find him.", true},
		{"i am in the street since 3 nights with my wife she is pregnant 8 months, no place in 115", true},
		{"My landlord said if I'm not out by Friday he'll throw my things in the street. I have a baby of 2 months.", true},
		{"Since 2 days I don't eat. My daughter is 3 and I gave her the last bread.", true},
		{"My baby (2 weeks) is not drinking anymore and very hot since yesterday.", true},
		{"Ich habe seit drei Tagen nichts gegessen, mein Kind auch nicht.", true},
		{"Mio figlio di 17 anni dice che vuole morire e ha comprato una corda.", true},
		{"Note : la dame pleurait, n'en peut plus, a repéré le pont près de chez elle.", true},
		// Decoys.
		{"I volunteer for a suicide prevention helpline and need a certificate for my employer.", false},
		{"Your answer really touched me, thank you so much for your help with my residence permit.", false},
		{"I won't need the appointment anymore, I found the document. Thanks!", false},
		{"I'm a bailiff and I need to know the rules for the winter truce, when can an eviction take place?", false},
		{"My baby was born last week, how do I declare the birth and apply for the family allowance?", false},
	})
}

// TestEnglishLanguageBarrier checks that a message or a note saying the
// person speaks only another language reads as a language barrier.
func TestEnglishLanguageBarrier(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{name: "note", text: "Note: lady spoke only English, asked about her residence permit renewal.", level: Attention, codes: []string{CodeLanguage}},
		{name: "italian", text: "Buongiorno, parlo solo italiano, mi serve aiuto per la carta di soggiorno.", level: Attention, codes: []string{CodeLanguage}},
	})
}

// TestEnglishReview checks the ordinary messages the final review of
// session 20 found made urgent by the English cues, beside the urgent
// ones they were written for.
func TestEnglishReview(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"My son took my phone, so I cannot get the FranceConnect code.", false},
		{"I broke my phone and I cannot log in to my account.", false},
		{"Hi, this is my last day at this job, what do I need for unemployment registration?", false},
		{"This is my last week in France before I move to Spain, how do I close my CAF file?", false},
		{"I am going to end it, my lease I mean, next month.", false},
		{"I wanted to die laughing when I saw the queue at the prefecture.", false},
		{"Il a repéré le pont pour la randonnée.", false},
		{"My employer won't let me leave before the end of my notice period.", false},
		{"My mother has Alzheimer; she went missing once last year but she is fine now. How do I apply for APA?", false},
		{"Would we be better off with the insurance from my employer or with the Complémentaire santé solidaire?", false},
		{"My partner won't let me leave the house, he took my passport.", true},
		{"My father has dementia, he wandered off this morning and we can't find him.", true},
	})
}
