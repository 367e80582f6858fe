package rag

import (
	"regexp"
	"slices"
	"strings"
)

// WarnUnsupportedFigure: the model's draft gives an amount, a rate or a
// duration that no passage it drew on and no text of the person's holds.
const WarnUnsupportedFigure = "unsupported_figure"

// A model asked to use only its sources may still write « 1 234 euros »
// or « un délai de 12 jours » from nowhere (black-box session 21: such a
// draft was kept reliable, without a warning). The figures a draft gives
// with a unit (euros, per cent, days, weeks, months, years, hours) must be
// found, as numbers, in a passage or in the person's redacted message or
// note; small numbers also in words (« deux mois » for « 2 mois »).

// figureRe finds a number with a unit: thousands grouped by spaces,
// non-breaking spaces or dots, one or two decimals after a comma or a
// point, the number starting after no digit nor mark (« avril 2025 200
// euros » is no « 025 200 euros »).
var figureRe = regexp.MustCompile(`(?i)(?:^|[^\d.,])(\d{1,3}(?:[ .\x{00A0}\x{202F}]\d{3})+|\d+)(?:[,.](\d{1,2})\b)?[ \x{00A0}\x{202F}]?(€|euros?\b|eur\b|%|pour ?cent\b|jours?\b|mois\b|ans\b|an\b|ann[ée]es?\b|semaines?\b|heures?\b)`)

// numberRe finds any number, grouped the same way.

var numberRe = regexp.MustCompile(`(?:^|[^\d.,])(\d{1,3}(?:[ .\x{00A0}\x{202F}]\d{3})+|\d+)(?:[,.](\d{1,2})\b)?`)

// numberWords are the small numbers sources write in words.
// « un », « une » are left out: nearly every text holds them.
var numberWords = map[string]string{"deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7",
	"huit": "8", "neuf": "9", "dix": "10", "onze": "11", "douze": "12", "treize": "13", "quatorze": "14", "quinze": "15", "seize": "16",
	"dix-huit": "18", "vingt": "20", "trente": "30", "soixante": "60", "cent": "100"}

// numberKey is the number a match of figureRe or numberRe reads, its
// grouping removed and its decimals' trailing zeros dropped: « 1 234,50 »
// and « 1.234,5 » are "1234,5".
func numberKey(whole, decimals string) string {
	key := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, whole)
	key = strings.TrimLeft(key, "0")
	if key == "" {
		key = "0"
	}
	if d := strings.TrimRight(decimals, "0"); d != "" {
		key += "," + d
	}
	return key
}

// knownNumbers are the numbers the texts hold, as numberKey reads them,
// with those of numberWords they write in words.
func knownNumbers(texts []string) map[string]bool {
	known := map[string]bool{}
	for _, t := range texts {
		t = placeholderRe.ReplaceAllString(t, " ") // an index is no number of the text
		for _, m := range numberRe.FindAllStringSubmatch(t, -1) {
			known[numberKey(m[1], m[2])] = true
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !isWordRune(r) && r != '-' }) {
			if n, ok := numberWords[w]; ok {
				known[n] = true
			}
		}
	}
	return known
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'à' && r <= 'ÿ' || r >= '0' && r <= '9'
}

// checkFigures warns of the figures of draft that no text of known holds
// (the passages, the person's redacted message and note): each once, as
// written.
func checkFigures(draft string, known []string) []Warning {
	numbers := knownNumbers(known)
	var unsupported []string
	for _, m := range figureRe.FindAllStringSubmatchIndex(draft, -1) {
		figure := draft[m[2]:m[1]] // from the number on
		decimals := ""
		if m[4] >= 0 {
			decimals = draft[m[4]:m[5]]
		}
		if !numbers[numberKey(draft[m[2]:m[3]], decimals)] && !slices.Contains(unsupported, figure) {
			unsupported = append(unsupported, figure)
		}
	}
	if len(unsupported) == 0 {
		return nil
	}
	return []Warning{{Code: WarnUnsupportedFigure, Severity: "warning",
		Message: "Des chiffres du brouillon (montants, taux, durées) ne figurent dans aucune source ni dans le message : vérifiez-les avant d'envoyer.",
		Values:  unsupported}}
}
