package rag

import "testing"

func TestPlainText(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Vous\u200b devez\u00ad vous\u2060 rendre": "Vous devez vous rendre",
		"ｅｖｉｌ．ｅｘａｍｐｌｅ/pay":                         "evil.example/pay",
		"\u202eappelez le 3230\u202c":              "appelez le 3230",
		"Réponse ﬁnale, déjà vérifiée.":            "Réponse finale, déjà vérifiée.",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}
