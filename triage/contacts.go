package triage

import (
	"fmt"
	"slices"
	"strings"
)

// Contact is an emergency or support number a deployment gives people in
// an urgent situation, and the reason codes it answers.
type Contact struct {
	Number string   `json:"number"`
	Label  string   `json:"label"`
	Codes  []string `json:"codes"`
}

// DefaultContacts are the national numbers used when a deployment
// configures none: free, answered around the clock.
func DefaultContacts() []Contact {
	return []Contact{
		{"3919", "Violences Femmes Info, écoute gratuite et anonyme, 24 h/24", []string{CodeViolence}},
		{"3114", "numéro national de prévention du suicide, gratuit, 24 h/24", []string{CodeSuicide}},
		{"115", "Samu social, hébergement d'urgence, gratuit, 24 h/24", []string{CodeHousingLoss, CodeFood}},
		{"119", "Allô Enfance en danger, gratuit, 24 h/24", []string{CodeChild}},
		{"15", "Samu, urgence médicale", []string{CodeHealth, CodeVulnerableAdult}},
		{"17", "Police secours, en cas de danger immédiat", []string{CodeViolence, CodeChild, CodeVulnerableAdult}},
		{"112", "numéro d'urgence européen, depuis un portable", []string{CodeViolence, CodeHealth, CodeVulnerableAdult}},
	}
}

// ParseContacts reads contacts written as "NUMBER|LABEL|CODE,CODE"
// separated by ";" or new lines, as PLUME_EMERGENCY_CONTACTS holds them.
// A number is made of digits and spaces; every code must be a known
// urgent reason code.
func ParseContacts(s string) ([]Contact, error) {
	var out []Contact
	for _, entry := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		parts := strings.Split(entry, "|")
		if len(parts) != 3 {
			return nil, fmt.Errorf("contact %q: want NUMBER|LABEL|CODE,CODE", entry)
		}
		c := Contact{Number: strings.TrimSpace(parts[0]), Label: strings.TrimSpace(parts[1])}
		if c.Number == "" || strings.Trim(c.Number, "0123456789 ") != "" || c.Label == "" {
			return nil, fmt.Errorf("contact %q: the number must be digits and the label not empty", entry)
		}
		for _, code := range strings.Split(parts[2], ",") {
			code = strings.TrimSpace(code)
			if CodeLevel(code) != Urgent {
				return nil, fmt.Errorf("contact %q: %q is not an urgent reason code", entry, code)
			}
			c.Codes = append(c.Codes, code)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no contact in %q", s)
	}
	return out, nil
}

// ContactsFor returns the contacts that answer a's reasons, in the order
// of contacts, each once. An urgent reason no contact answers (the model's
// second opinion, or a code the deployment gave no number) brings the
// general ones (GeneralContacts): an urgent message never goes without a
// number to call, and never with one the list does not hold.
func ContactsFor(a Assessment, contacts []Contact) []Contact {
	general := false
	for _, r := range a.Reasons {
		if r.Level == Urgent && !slices.ContainsFunc(contacts, func(c Contact) bool { return slices.Contains(c.Codes, r.Code) }) {
			general = true
		}
	}
	var extra []Contact
	if general {
		extra = GeneralContacts(contacts)
	}
	var out []Contact
	for _, c := range contacts {
		if slices.ContainsFunc(extra, func(e Contact) bool { return e.Number == c.Number }) || slices.ContainsFunc(a.Codes(), func(code string) bool { return slices.Contains(c.Codes, code) }) {
			out = append(out, c)
		}
	}
	return out
}

// generalNumbers are France's emergency numbers for any danger: the Samu,
// the police, the fire brigade, the European number and the one by text
// message for the deaf.
var generalNumbers = []string{"15", "17", "18", "112", "114"}

// GeneralContacts returns the contacts of the list whose number is a
// general emergency number (15, 17, 18, 112, 114), in order; all of them
// when the list holds none, so that what it returns is never invented and
// never empty for a list that is not.
func GeneralContacts(contacts []Contact) []Contact {
	var out []Contact
	for _, c := range contacts {
		if slices.Contains(generalNumbers, strings.ReplaceAll(c.Number, " ", "")) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return slices.Clone(contacts)
	}
	return out
}
