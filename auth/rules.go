package auth

import (
	"fmt"
	"strings"

	"github.com/plume-sp/plume/store"
)

// Rule gives a role and a service to the agents whose e-mail domain or
// SIRET matches.
type Rule struct {
	// Kind is "domain" (the e-mail's domain, exactly) or "siret".
	Kind, Value string
	Access      store.Access
}

// Rules are checked in order: the first that matches applies.
type Rules []Rule

// ParseRules reads rules such as
//
//	domain:interieur.gouv.fr=agent/ants; siret:13002526500013=admin
//
// separated by ";" or new lines: KIND:VALUE=ROLE[/SERVICE].
func ParseRules(s string) (Rules, error) {
	var rs Rules
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		r, err := parseRule(part)
		if err != nil {
			return nil, fmt.Errorf("rule %q: %w", part, err)
		}
		rs = append(rs, r)
	}
	return rs, nil
}

func parseRule(s string) (Rule, error) {
	match, access, ok := strings.Cut(s, "=")
	kind, value, ok2 := strings.Cut(match, ":")
	if !ok || !ok2 {
		return Rule{}, fmt.Errorf("want KIND:VALUE=ROLE[/SERVICE], e.g. domain:interieur.gouv.fr=agent/ants")
	}
	role, service, _ := strings.Cut(access, "/")
	// The configuration's services are normalised (« France Travail »
	// is france-travail), as those of documents read from files; the
	// API's are checked as given.
	return NewRule(kind, value, store.Access{Role: store.Role(strings.TrimSpace(role)), Service: store.NormalizeService(service)})
}

// NewRule checks and normalises a rule: kind "domain" (an e-mail's
// domain, "@" optional) or "siret" (14 digits, spaces ignored), and a role.
func NewRule(kind, value string, a store.Access) (Rule, error) {
	kind, value = strings.ToLower(strings.TrimSpace(kind)), strings.ToLower(strings.TrimSpace(value))
	switch kind {
	case "domain":
		value = strings.TrimPrefix(value, "@")
		if !validDomain(value) {
			return Rule{}, fmt.Errorf("domain %q: want a domain such as interieur.gouv.fr (letters, digits and hyphens, labels separated by dots, no final dot)", value)
		}
	case "siret":
		value = strings.ReplaceAll(value, " ", "")
		if len(value) != 14 || strings.Trim(value, "0123456789") != "" {
			return Rule{}, fmt.Errorf("a SIRET has 14 digits")
		}
	default:
		return Rule{}, fmt.Errorf("kind %q: want domain or siret", kind)
	}
	if value == "" {
		return Rule{}, fmt.Errorf("empty %s", kind)
	}
	if !a.Role.Valid() {
		return Rule{}, fmt.Errorf("role %q is not a role", a.Role)
	}
	a.Service = strings.TrimSpace(a.Service)
	if err := store.CheckService(a.Service); err != nil {
		return Rule{}, err
	}
	return Rule{Kind: kind, Value: value, Access: a}, nil
}

// Has reports whether a rule matches the same domain or SIRET as r.
func (rs Rules) Has(r Rule) bool {
	for _, x := range rs {
		if x.Kind == r.Kind && x.Value == r.Value {
			return true
		}
	}
	return false
}

// Match returns the access of the first rule that matches p, or nil.
func (rs Rules) Match(p store.AgentProfile) *store.Access {
	_, domain, _ := strings.Cut(strings.ToLower(p.Email), "@")
	for _, r := range rs {
		if (r.Kind == "domain" && domain != "" && domain == r.Value) || (r.Kind == "siret" && p.SIRET == r.Value) {
			a := r.Access
			return &a
		}
	}
	return nil
}

// validDomain reports whether d, lower case, is a domain name as e-mail
// addresses end with: two labels or more of letters, digits and inner
// hyphens (punycode for accented names), separated by single dots, none
// after the last label.
func validDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(d) > 253 || len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return false
		}
	}
	return true
}
