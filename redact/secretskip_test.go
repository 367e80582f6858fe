package redact

import "testing"

// TestSecretSkipWordsAreNoValue checks that the common words secretSkip
// lets a password's value follow ("a", "il", "je", "elle"…: "mon mot de
// passe qu'elle a choisi est …") are never the value themselves, nor the
// everyday words after them: only the password-shape filter stands
// between them and a mask (review of session 21), so each case here is a
// sentence about a password that names none.
func TestSecretSkipWordsAreNoValue(t *testing.T) {
	tests := []redactCase{
		{"a password changed", "mon mot de passe a été changé hier", "mon mot de passe a été changé hier"},
		{"a password forgotten", "le mot de passe je l'ai oublié", "le mot de passe je l'ai oublié"},
		{"a password that fails", "mot de passe il marche pas", "mot de passe il marche pas"},
		{"a code blocked", "mon code il est bloqué depuis lundi", "mon code il est bloqué depuis lundi"},
		{"a password not remembered", "mon mot de passe je ne m'en souviens plus", "mon mot de passe je ne m'en souviens plus"},
		{"a code received that fails", "le code que j'ai reçu ne marche pas", "le code que j'ai reçu ne marche pas"},
		{"a password expired", "mon mot de passe il a expiré", "mon mot de passe il a expiré"},
		{"a password lost by her", "le mot de passe elle l'a perdu", "le mot de passe elle l'a perdu"},
		{"a password the same", "mon mdp c'est toujours pareil", "mon mdp c'est toujours pareil"},
		{"a wrong code", "le code il est faux", "le code il est faux"},
		{"a service's password changed", "mon mot de passe ameli je l'ai changé", "mon mot de passe ameli je l'ai changé"},
		// the same words before a password's value still let it be read
		{"a password tried", "mon mot de passe j'ai essayé Soleil2024", "mon mot de passe j'ai essayé [SECRET_1]"},
		{"a password she chose", "le mot de passe qu'elle a choisi est Bambou#31", "le mot de passe qu'elle a choisi est [SECRET_1]"},
	}
	checkRedactions(t, tests)
}
