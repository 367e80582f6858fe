package redact

import "testing"

// TestRedactRound15 covers session 11's special categories in everyday
// words, each with the near misses that must stay: a figure of speech
// ("j'en suis malade"), a thing that is not valid ("le numéro est
// invalide"), a denied offence ("ce n'est pas un crime"), a class of
// people ("for disabled people"), and an offence after a conviction read
// as one, not as health.
func TestRedactRound15(t *testing.T) {
	checkRedactions(t, []redactCase{
		// health in everyday words
		{"the emergency room", "ce jour là j'étais aux urgences pour une hypo, j'ai le bulletin", "ce jour là j'[SANTE_1], j'ai le bulletin"},
		{"taken to the emergency room", "elle a été emmenée aux urgences hier", "elle a été [SANTE_1] hier"},
		{"an antidepressant", "I'm on sertraline, I can barely", "I'm on [SANTE_1], I can barely"},
		{"a gender transition", "Je suis en transition hormonale depuis 1 an", "Je suis en [SANTE_1] depuis 1 an"},
		{"the emergency department's name stays", "le service des urgences est fermé", "le service des urgences est fermé"},
		{"upset, not ill", "J'en suis malade de cette histoire.", "J'en suis malade de cette histoire."},
		{"it makes me sick", "ça me rend malade, ce dossier", "ça me rend malade, ce dossier"},
		{"ill stays masked", "Mon père est malade depuis mars.", "Mon père est [SANTE_1] depuis mars."},
		{"another's illness after « en »", "Le covid, ma mère en est malade depuis deux ans.", "[SANTE_1], ma mère en est [SANTE_2] depuis deux ans."},
		{"declared invalid by a doctor", "Le médecin conseil m'a déclaré invalide en 2021.", "Le médecin conseil m'a déclaré [HANDICAP_1] en 2021."},
		{"judged invalid by a fund", "La CPAM m'a jugée invalide depuis mars.", "La CPAM m'a jugée [HANDICAP_1] depuis mars."},
		{"a son invalid, a form before him", "Sur le formulaire mon fils est invalide depuis 2019.", "Sur le formulaire mon fils est [HANDICAP_1] depuis 2019."},
		// disability
		{"cannot walk", "je ne peux pas marcher longtemps", "je ne [HANDICAP_1] longtemps"},
		{"a walking stick", "il marche avec une canne.", "il [HANDICAP_1]."},
		{"an invalid number", "le numéro de sécu est invalide", "le numéro de sécu est invalide"},
		{"a system says invalid", "mais ameli dit invalide", "mais ameli dit invalide"},
		{"an invalid code", "code invalide, je recommence", "code invalide, je recommence"},
		{"an invalid person", "Mon mari est invalide depuis 2019.", "Mon mari est [HANDICAP_1] depuis 2019."},
		{"an invalid person's rate", "Je suis invalide à 80 % et", "Je suis [HANDICAP_1] à [HANDICAP_2] et"},
		{"disabled people in general", "any help for disabled people here?", "any help for disabled people here?"},
		{"a disabled son", "my disabled son needs care", "my [HANDICAP_1] son needs care"},
		// religion, unions and parties
		{"one's faith", "et, conformément à ma foi, je refuse", "et, [RELIGION_1], je refuse"},
		{"an exile's party", "membre du HDP depuis 2012", "[SYNDICAT_1] depuis 2012"},
		{"ma foi as an interjection stays", "ma foi, oui, c'est possible", "ma foi, oui, c'est possible"},
		// offences
		{"a hearing", "audience au tribunal de police le 12 janvier", "[JUSTICE_1] le 12 janvier"},
		{"a denied crime", "je fais le ramadan, ce n'est pas un crime.", "je [RELIGION_1], ce n'est pas un crime."},
		{"never convicted", "je n'ai jamais été condamné", "je n'ai jamais été condamné"},
		{"convicted stays masked", "j'ai été condamné pour vol", "j'ai été [JUSTICE_1]"},
		{"an offence, not health, with its bracket", "condamné l'an dernier pour violences conjugales (tribunal de Lorient) et",
			"[JUSTICE_1] l'an dernier [JUSTICE_2] et"},
	})
}
