package redact

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func testMapping(t *testing.T) Mapping {
	t.Helper()
	m, err := NewMapping([]MappingEntry{
		{Placeholder: "[NOM_1]", Type: NOM, Value: "Marie Dupont", Restore: true},
		{Placeholder: "[TEL_1]", Type: TEL, Value: "06 12 34 56 78", Restore: true},
		{Placeholder: "[FRANCE_TRAVAIL_1]", Type: FRANCE_TRAVAIL, Value: "1234567A", Restore: true},
		{Placeholder: "[NIR_1]", Type: NIR, Restore: false},
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestRestoreMangled(t *testing.T) {
	m := testMapping(t)
	tests := []struct{ in, want string }{
		{"Bonjour [NOM_1],", "Bonjour Marie Dupont,"},
		{"Bonjour [ NOM_1 ],", "Bonjour Marie Dupont,"},
		{"Bonjour [nom_1],", "Bonjour Marie Dupont,"},
		{"Bonjour NOM_1,", "Bonjour Marie Dupont,"},
		{"Bonjour nom_1.", "Bonjour Marie Dupont."},
		{"Bonjour [NOM 1],", "Bonjour Marie Dupont,"},
		{"Bonjour [NOM-1],", "Bonjour Marie Dupont,"},
		{"Bonjour [Nom1],", "Bonjour Marie Dupont,"},
		{"Bonjour [NOM_01],", "Bonjour Marie Dupont,"},
		{"[FRANCE TRAVAIL_1] et [France-Travail 1]", "1234567A et 1234567A"},
		{"appel au [TEL_1]!", "appel au 06 12 34 56 78!"},
		// never invented, never guessed
		{"Bonjour [NOM_2] et [TEL_9]", "Bonjour [NOM_2] et [TEL_9]"},
		{"PRENOM_1 NOM_1x xNOM_1 NOM_1234567", "PRENOM_1 NOM_1x xNOM_1 NOM_1234567"},
		{"[NOM_1 sans crochet", "Marie Dupont sans crochet"},
		// masked without restore
		{"NIR : [NIR_1]", "NIR : [NIR_1]"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Restore(tt.in, m, DefaultPolicy()); got != tt.want {
			t.Errorf("Restore(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlaceholderChecks(t *testing.T) {
	m := testMapping(t)
	draft := "Madame [ nom_1 ], votre conseiller vous appellera. [DOSSIER_3] NOM_1"
	if diff := cmp.Diff([]string{"[NOM_1]", "[DOSSIER_3]"}, Placeholders(draft)); diff != "" {
		t.Errorf("Placeholders (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"[FRANCE_TRAVAIL_1]", "[NIR_1]", "[TEL_1]"}, MissingPlaceholders(draft, m)); diff != "" {
		t.Errorf("MissingPlaceholders (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"[DOSSIER_3]"}, UnknownPlaceholders(draft, m)); diff != "" {
		t.Errorf("UnknownPlaceholders (-want +got):\n%s", diff)
	}
}

func TestMappingNeverPrintsValues(t *testing.T) {
	m := testMapping(t)
	var logs strings.Builder
	slog.New(slog.NewTextHandler(&logs, nil)).Info("draft", "mapping", m)
	for _, s := range []string{fmt.Sprint(m), fmt.Sprintf("%v %+v %#v %s %q", m, m, m, m, m), logs.String(), fmt.Sprintf("%+v", Result{Mapping: m})} {
		if strings.Contains(s, "Dupont") || strings.Contains(s, "06 12") {
			t.Errorf("value printed: %s", s)
		}
	}
	if v, ok := m.Value("[nom 1]"); !ok || v != "Marie Dupont" {
		t.Errorf("Value([nom 1]) = %q, %v", v, ok)
	}
}

func TestNewMappingErrors(t *testing.T) {
	for _, entries := range [][]MappingEntry{
		{{Placeholder: "[NOM_1", Type: NOM, Value: "x", Restore: true}},
		{{Placeholder: "[nom_1]", Type: NOM, Value: "x", Restore: true}},
		{{Placeholder: "[NOM_1]", Type: TEL, Value: "x", Restore: true}},
		{{Placeholder: "[NOM_1]", Type: NOM, Value: "x", Restore: true}, {Placeholder: "[NOM_1]", Type: NOM, Value: "y", Restore: true}},
	} {
		if _, err := NewMapping(entries); err == nil {
			t.Errorf("NewMapping(%v): no error", entries)
		}
	}
	m := testMapping(t)
	back, err := NewMapping(m.Entries())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Entries(), back.Entries()); diff != "" {
		t.Errorf("entries round trip (-want +got):\n%s", diff)
	}
}
