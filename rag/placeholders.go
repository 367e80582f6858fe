package rag

import (
	"github.com/plume-sp/plume/redact"
)

// checkPlaceholders reports the placeholders the model invented (they name
// no value of m, the question's and the note's, so nothing can restore
// them) and, when reportDropped, those of question (the question's
// mapping) it dropped: the note's values are instructions, not data the
// reply must carry.
func checkPlaceholders(draft string, m, question redact.Mapping, reportDropped bool) []Warning {
	var warnings []Warning
	if unknown := redact.UnknownPlaceholders(draft, m); len(unknown) > 0 {
		warnings = append(warnings, Warning{Code: WarnPlaceholderInvent, Severity: "warning",
			Message: "Le brouillon contient des champs à compléter qui ne correspondent à aucune donnée du message : remplacez-les vous-même.",
			Values:  unknown})
	}
	if missing := redact.MissingPlaceholders(draft, question); reportDropped && len(missing) > 0 {
		warnings = append(warnings, Warning{Code: WarnPlaceholderDropped, Severity: "info",
			Message: "Certaines données du message ne sont pas reprises dans le brouillon.",
			Values:  missing})
	}
	return warnings
}
