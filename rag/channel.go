package rag

import (
	"slices"

	"github.com/plume-sp/plume/redact"
)

// publicRestorable lists the kinds of personal data a public reply (a
// Services Publics+ answer, readable by anyone who sees the exchange) may
// carry restored: the person's name, to greet them, and only the author's
// (publicAllowed). Identifiers, addresses, contacts, dates of birth and
// special-category data stay placeholders; a type missing here, such as
// one added to package redact later, is withheld by default.
var publicRestorable = map[redact.Type]bool{redact.NOM: true}

// publicAllowed reports whether a public reply may carry the value of e
// restored: a type publicRestorable allows, and a name only when it is the
// author's, never a child's, a neighbour's or the one in the agent's note.
func publicAllowed(e redact.MappingEntry, who author) bool {
	return publicRestorable[e.Type] && (e.Type != redact.NOM || who.is(e.Placeholder))
}

// publicChannel reports whether replies on channel are public.
func publicChannel(channel string) bool { return channel == "spp" }

// restoreMapping returns the mapping restored into drafts for channel: m
// itself for a private channel, and for a public one m without the values
// publicAllowed does not allow for who (their placeholders stay in the
// draft).
func restoreMapping(channel string, m redact.Mapping, who author) redact.Mapping {
	if !publicChannel(channel) {
		return m
	}
	entries := m.Entries()
	for i, e := range entries {
		if !publicAllowed(e, who) {
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
// draft that were not restored because the channel does not allow them
// (only the name of who, the author, is).
func checkWithheld(channel, draft string, m redact.Mapping, who author) []Warning {
	if !publicChannel(channel) {
		return nil
	}
	known := m.Entries()
	var withheld []string
	for _, ph := range redact.Placeholders(draft) {
		i := slices.IndexFunc(known, func(e redact.MappingEntry) bool { return e.Placeholder == ph })
		if i >= 0 && !publicAllowed(known[i], who) && !slices.Contains(withheld, ph) {
			withheld = append(withheld, ph)
		}
	}
	if len(withheld) == 0 {
		return nil
	}
	slices.Sort(withheld)
	return []Warning{{Code: WarnPublicWithheld, Severity: "warning",
		Message: "Réponse publique (Services Publics+) : seul le nom de l'usager qui écrit est rétabli. Les autres données personnelles " +
			"(noms d'autres personnes, identifiants, adresse, coordonnées, données sensibles) restent masquées : ne les ajoutez pas, reformulez sans elles.",
		Values: withheld}}
}
