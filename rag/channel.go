package rag

import (
	"slices"

	"github.com/plume-sp/plume/redact"
)

// publicRestorable lists the kinds of personal data a public reply (a
// Services Publics+ answer, readable by anyone who sees the exchange) may
// carry restored: the person's name, to greet them. Identifiers, addresses,
// contacts, dates of birth and special-category data stay placeholders;
// a type missing here, such as one added to package redact later, is
// withheld by default.
var publicRestorable = map[redact.Type]bool{redact.NOM: true}

// publicChannel reports whether replies on channel are public.
func publicChannel(channel string) bool { return channel == "spp" }

// restoreMapping returns the mapping restored into drafts for channel: m
// itself for a private channel, and for a public one m without the values
// publicRestorable does not allow (their placeholders stay in the draft).
func restoreMapping(channel string, m redact.Mapping) redact.Mapping {
	if !publicChannel(channel) {
		return m
	}
	entries := m.Entries()
	for i, e := range entries {
		if !publicRestorable[e.Type] {
			entries[i].Restore, entries[i].Value = false, ""
		}
	}
	out, err := redact.NewMapping(entries)
	if err != nil {
		// Entries always gives canonical placeholders; should that ever
		// change, restore nothing rather than too much.
		return redact.Mapping{}
	}
	return out
}

// checkWithheld warns, on a public channel, about the placeholders of the
// draft that were not restored because the channel does not allow them.
func checkWithheld(channel, draft string, m redact.Mapping) []Warning {
	if !publicChannel(channel) {
		return nil
	}
	known := m.Entries()
	var withheld []string
	for _, ph := range redact.Placeholders(draft) {
		i := slices.IndexFunc(known, func(e redact.MappingEntry) bool { return e.Placeholder == ph })
		if i >= 0 && !publicRestorable[known[i].Type] && !slices.Contains(withheld, ph) {
			withheld = append(withheld, ph)
		}
	}
	if len(withheld) == 0 {
		return nil
	}
	slices.Sort(withheld)
	return []Warning{{Code: WarnPublicWithheld, Severity: "warning",
		Message: "Réponse publique (Services Publics+) : seul le nom de l'usager est rétabli. Les autres données personnelles " +
			"(identifiants, adresse, coordonnées, données sensibles) restent masquées : ne les ajoutez pas, reformulez sans elles.",
		Values: withheld}}
}
