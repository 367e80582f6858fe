package redact

import "testing"

// TestFalsePositives20 covers the ordinary words the final review found
// masked (issue 10) beside the leaks their rules were written for, which
// must stay masked.
func TestFalsePositives20(t *testing.T) {
	checkRedactions(t, []redactCase{
		// NOM: a file's topic after « dossier de »
		{"a file's acronym and its repeat stay", "J'ai déposé mon dossier de Pacs en mairie. Le pacs est important.",
			"J'ai déposé mon dossier de Pacs en mairie. Le pacs est important."},
		{"an overseas territory stays", "le dossier de Mayotte. le dossier de Guyane.", "le dossier de Mayotte. le dossier de Guyane."},
		{"a file's topic stays", "Le dossier de Candidature. le dossier de Vae.", "Le dossier de Candidature. le dossier de Vae."},
		{"a file's owner", "le dossier de Durand.", "le dossier de [NOM_1]."},
		// SECRET: what the writer says of a password
		{"an adjective after c'est", "Mon mot de passe c'est galère.", "Mon mot de passe c'est galère."},
		{"adjectives after est", "mon mot de passe est bizarre, il est lent; mon code d'accès est bizarre",
			"mon mot de passe est bizarre, il est lent; mon code d'accès est bizarre"},
		{"avant c'était and an adjective", "Mon mot de passe ne marche plus, avant c'était rapide.",
			"Mon mot de passe ne marche plus, avant c'était rapide."},
		{"avant c'était galère, gratuit, fluide", "Mot de passe refusé. Avant c'était galère, puis gratuit, et avant c'était fluide.",
			"Mot de passe refusé. Avant c'était galère, puis gratuit, et avant c'était fluide."},
		{"le nouveau c'est pire", "Mon mot de passe ne marche plus. Le nouveau c'est pire.",
			"Mon mot de passe ne marche plus. Le nouveau c'est pire."},
		{"an adverb of time after oublié", "Mot de passe oublié tantôt", "Mot de passe oublié tantôt"},
		{"aujourd'hui after oublié", "mot de passe oublié aujourd'hui", "mot de passe oublié aujourd'hui"},
		{"a plain password after c'est", "mon mot de passe c'est soleil", "mon mot de passe c'est [SECRET_1]"},
		{"the old one after l'ancien", "Mon mot de passe a changé, l'ancien c'était papillon.",
			"Mon mot de passe a changé, l'ancien c'était [SECRET_1]."},
		// NOM: a role, a service or a charity after a verb of a person
		{"a role after déposé par", "Déposé par Coursier. Dossier déposé par Mandataire.",
			"Déposé par Coursier. Dossier déposé par Mandataire."},
		{"signing services stay", "signé par Yousign, vérifié par Docusign", "signé par Yousign, vérifié par Docusign"},
		{"a charity after voir avec", "voir avec Emmaüs", "voir avec Emmaüs"},
		{"platforms after voir avec", "voir avec Doctolib ou voir avec Leboncoin", "voir avec Doctolib ou voir avec Leboncoin"},
		{"a surname after déposé par", "déposé par Lemaire", "déposé par [NOM_1]"},
		// NAISSANCE
		{"a feast after né a", "Mon fils est né a Noël. Il est né a Pâques.", "Mon fils est né a Noël. Il est né a Pâques."},
		{"a shop in an elided birth", "Ma mère est née à Lyon et mon père à Décathlon.",
			"Ma mère est née à [NAISSANCE_1] et mon père à Décathlon."},
		{"a town in an elided birth", "Ma mère est née à Lyon et mon père à Marseille.",
			"Ma mère est née à [NAISSANCE_1] et mon père à [NAISSANCE_2]."},
		// NOM: the first name in « aujourd'hui » in a text without case
		{"aujourd'hui in lower case", "je viens aujourd'hui", "je viens aujourd'hui"},
	})
}
