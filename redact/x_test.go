package redact

import (
	"context"
	"testing"
)

func TestScratch(t *testing.T) {
	t.Log(lex.entries[lex.words["saida"]].bits&(wFirst|wFirstAccented|wFunc|wStop))
	for _, s := range []string{
		"Je suis Saïda Jaziri née Mejri, née le 30/09/1956",
		"Bonjour Saïda Jaziri, ça va",
	} {
		res, _ := Redact(context.Background(), s, nil)
		t.Log(res.Text)
	}
}
