package store

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// MaxServiceRunes bounds a service's name.
const MaxServiceRunes = 40

// serviceRe is a service's name: lower-case words of letters (French
// accents included) and digits joined by single hyphens, underscores or
// dots, such as "caf", "ants" or "prefecture-75".
var serviceRe = regexp.MustCompile(`^[a-z0-9àâäçéèêëîïôöùûüÿœæ]+(?:[-_.][a-z0-9àâäçéèêëîïôöùûüÿœæ]+)*$`)

// ValidService reports whether s may name a service: empty (no service:
// every service, or shared documents) or an identifier that serviceRe
// matches, of MaxServiceRunes characters at most. A service's name goes
// into prompts ("Service qui répond"), so no free text may pass: every
// place that stores one (keys, agents, access rules, documents) and the
// prompt's building check it here.
func ValidService(s string) bool {
	return s == "" || (utf8.RuneCountInString(s) <= MaxServiceRunes && serviceRe.MatchString(s))
}

// NormalizeService returns a service's name as read from a document, a
// file or the configuration in the form ValidService wants: trimmed, in
// lower case, inner runs of spaces turned into one hyphen, so that
// « France Travail » is france-travail. Migration 0026 rewrites the
// stored services the same way. What it returns may still be invalid
// ("caf/paris"): CheckService tells.
func NormalizeService(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), "-")
}

// CheckService returns an ErrInvalid error naming what a service may be
// when s is not a valid service's name.
func CheckService(s string) error {
	if ValidService(s) {
		return nil
	}
	return fmt.Errorf("service %q: want lower-case letters and digits, words joined by - _ or ., at most %d characters: %w",
		truncateRunes(s, MaxServiceRunes), MaxServiceRunes, ErrInvalid)
}

// truncateRunes cuts s to at most n characters, for an error's message.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
