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
		{"15", "Samu, urgence médicale", []string{CodeHealth}},
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
// of contacts, each once.
func ContactsFor(a Assessment, contacts []Contact) []Contact {
	var out []Contact
	for _, c := range contacts {
		for _, code := range a.Codes() {
			if slices.Contains(c.Codes, code) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}
