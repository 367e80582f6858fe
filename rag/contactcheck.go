package rag

import (
	"sort"
	"strings"
)

// contactCheck masks every phone number, e-mail address and URL of a
// draft that appears neither in the sources nor in the allow-list, and
// every IBAN, card number and NIR that its identifierScan (made from the
// same sources and the user's values) does not know, so that a contact
// or account the model invented never reaches a user. Its scans keep
// what they found from one call to the next, so that a streamed draft,
// checked again at each sentence, is read once (see spanScan). Not safe
// for concurrent use.
type contactCheck struct {
	policy       ContactPolicy
	known        sourceContacts
	allowedPhone map[string]bool
	// urlAllowed holds the answers of urlAllowed so far, by address.
	urlAllowed map[string]bool
	ids        *identifierScan
	// urls, emails and phones read the text each step before them gives.
	urls, emails, phones spanScan
}

// newContactCheck returns the contact check of drafts drawn from sources.
func newContactCheck(sources []string, ids *identifierScan, policy ContactPolicy) *contactCheck {
	c := &contactCheck{policy: policy, known: collectContacts(sources), allowedPhone: map[string]bool{}, urlAllowed: map[string]bool{}, ids: ids,
		urls: spanScan{spans: urlSpans}, emails: spanScan{spans: regexSpans(emailRe)}, phones: spanScan{spans: phoneSpans}}
	for _, p := range policy.Phones {
		c.allowedPhone[digits(p)] = true
	}
	return c
}

// check returns draft with its unknown contacts masked, and the warning
// listing them.
func (c *contactCheck) check(draft string) (string, []Warning) {
	var masked []string
	mask := func(m string) string {
		masked = append(masked, m)
		return maskedContact
	}
	draft = replaceSpans(draft, c.urls.find(draft), func(m string) string {
		trimmed := strings.TrimRight(m, ".,;:!?")
		allowed, ok := c.urlAllowed[trimmed]
		if !ok {
			allowed = urlAllowed(trimmed, c.known.urls, c.policy)
			c.urlAllowed[trimmed] = allowed
		}
		if allowed {
			return m
		}
		return mask(trimmed) + m[len(trimmed):]
	})
	draft = replaceSpans(draft, c.emails.find(draft), func(m string) string {
		if c.known.emailAllowed(m) {
			return m
		}
		return mask(m)
	})
	draft, idents, kept := c.ids.replace(draft)
	masked = append(masked, idents...)
	draft = replaceSpans(draft, unskipped(c.phones.find(draft), kept), func(m string) string {
		if d := digits(m); c.known.phones[d] || c.allowedPhone[d] {
			return m
		}
		return mask(m)
	})
	if len(masked) == 0 {
		return draft, nil
	}
	sort.Strings(masked)
	return draft, []Warning{{Code: WarnContactMasked, Severity: "warning",
		Message: "Des coordonnées absentes des sources ont été masquées : complétez-les vous-même si nécessaire.",
		Values:  masked}}
}

// sourceTexts returns what the checks read of each passage: its title,
// address and text.
func sourceTexts(passages []Result) []string {
	sources := make([]string, 0, len(passages))
	for _, p := range passages {
		sources = append(sources, p.Title+"\n"+p.URL+"\n"+p.Text)
	}
	return sources
}

// emailAllowed reports whether a draft may give e-mail address m: a source
// gives it. An allowed domain is not enough (since session 20): a mailbox
// invented on it (« reclamations@impots.gouv.fr ») looks official and
// reaches nobody, as a page invented on service-public.fr does.
func (k sourceContacts) emailAllowed(m string) bool {
	return k.emails[strings.ToLower(m)]
}
