package triage

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseContacts(t *testing.T) {
	got, err := ParseContacts("3919|Violences Femmes Info|violence; 0 800 00 00 00 | Ligne locale | food,housing_loss\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Contact{{"3919", "Violences Femmes Info", []string{"violence"}},
		{"0 800 00 00 00", "Ligne locale", []string{"food", "housing_loss"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseContacts (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"", "3919|x", "39a9|x|violence", "3919||violence", "3919|x|complaint", "3919|x|nope"} {
		if _, err := ParseContacts(bad); err == nil {
			t.Errorf("ParseContacts(%q) succeeded", bad)
		}
	}
}

func TestContactsFor(t *testing.T) {
	a := Assessment{Level: Urgent, Reasons: []Reason{{Code: CodeViolence}, {Code: CodeChild}}}
	var got []string
	for _, c := range ContactsFor(a, DefaultContacts()) {
		got = append(got, c.Number)
	}
	if diff := cmp.Diff([]string{"3919", "119", "17", "112"}, got); diff != "" {
		t.Errorf("ContactsFor (-want +got):\n%s", diff)
	}
	if c := ContactsFor(Assessment{Level: Routine}, DefaultContacts()); len(c) != 0 {
		t.Errorf("ContactsFor(routine) = %v", c)
	}
}

// TestContactsForUnansweredUrgency: an urgent reason no contact answers
// (the model's opinion, a code the list gives no number) brings the
// list's general emergency numbers, or the whole list when it has none.
func TestContactsForUnansweredUrgency(t *testing.T) {
	local := []Contact{{"3919", "Violences Femmes Info", []string{CodeViolence}}, {"3114", "Prévention du suicide", []string{CodeSuicide}}}
	withSamu := append(slices.Clone(local), Contact{"1 5", "Samu", []string{CodeHealth}})
	for _, tc := range []struct {
		name     string
		reasons  []Reason
		contacts []Contact
		want     []string
	}{
		{"model, default list", []Reason{{Code: CodeModel, Level: Urgent}}, DefaultContacts(), []string{"15", "17", "112"}},
		{"model and violence", []Reason{{Code: CodeViolence, Level: Urgent}, {Code: CodeModel, Level: Urgent}}, DefaultContacts(),
			[]string{"3919", "15", "17", "112"}},
		{"energy cut, default list", []Reason{{Code: CodeEnergyCut, Level: Urgent}}, DefaultContacts(), []string{"15", "17", "112"}},
		{"model, list with the Samu", []Reason{{Code: CodeModel, Level: Urgent}}, withSamu, []string{"1 5"}},
		{"model, no general number", []Reason{{Code: CodeModel, Level: Urgent}}, local, []string{"3919", "3114"}},
		{"an answered reason", []Reason{{Code: CodeSuicide, Level: Urgent}}, local, []string{"3114"}},
		// An elderly neighbour who fell and no longer answers (black-box
		// test: only 17 and 112 were given): the Samu too.
		{"vulnerable adult, default list", []Reason{{Code: CodeVulnerableAdult, Level: Urgent}}, DefaultContacts(), []string{"15", "17", "112"}},
		{"an attention reason", []Reason{{Code: CodeModel, Level: Attention}}, local, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range ContactsFor(Assessment{Level: Urgent, Reasons: tc.reasons}, tc.contacts) {
				got = append(got, c.Number)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ContactsFor (-want +got):\n%s", diff)
			}
		})
	}
}
