package triage

import (
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
