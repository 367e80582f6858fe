package triage

import (
	"regexp"
	"strconv"
	"time"
)

// A time to act counted from a letter: « j'ai reçu le jugement le 5
// novembre, j'ai un mois pour faire appel », « I have one month to
// appeal… the letter was sent 27 days ago ». The window's end is days
// away when the time elapsed since the letter nearly fills it (since
// session 16: such letters were read as weeks away).

// windowRe matches a time to act: a count, its unit, then « pour »,
// « to » or « para » (or « le délai … est de », « un délai d'un mois » before
// them).
var windowRe = regexp.MustCompile(` delai (?:de recours |d' appel |pour (?:contester|faire appel|repondre) )?(?:est )?(?:de|d') (` + windowCounts + `) (` + windowUnits + `) | (` + windowCounts + `) (` + windowUnits + `) (?:pour|to|para) `)

// windowCounts and windowUnits are the counts and units of a time to act.
const (
	windowCounts = `un|une|1|deux|2|trois|3|quinze|15|trente|30|huit|8|dix|10|one|a|two|fifteen|thirty|eight|ten|fourteen|14|dos|um|dois`
	windowUnits  = `mois|jours|months?|days|mes|meses|dias`
)

// elapsedRe matches a time elapsed: « il y a 25 jours », « 27 days
// ago », « hace 20 días », « há 20 dias ».
var elapsedRe = regexp.MustCompile(` il y a (?:plus de |presque |environ )?([0-9]+|deux|trois|quatre|quinze|vingt) (jours|semaines)| ([0-9]+|two|three|four) (days|weeks) ago| (?:hace|ha) ([0-9]+) (dias|semanas)`)

// countWords are the counts windowRe and elapsedRe spell out.
var countWords = map[string]int{"un": 1, "une": 1, "a": 1, "one": 1, "um": 1, "deux": 2, "two": 2, "dos": 2, "dois": 2,
	"trois": 3, "three": 3, "quatre": 4, "four": 4, "huit": 8, "eight": 8, "dix": 10, "ten": 10, "fourteen": 14,
	"quinze": 15, "fifteen": 15, "vingt": 20, "trente": 30, "thirty": 30}

// countDays reads a count and its unit as days (a month is 30).
func countDays(count, unit string) (int, bool) {
	n, ok := countWords[count]
	if !ok {
		var err error
		if n, err = strconv.Atoi(count); err != nil {
			return 0, false
		}
	}
	switch unit[0] {
	case 'm': // mois, months, mes, meses
		return n * 30, true
	case 's', 'w': // semaines, weeks, semanas
		return n * 7, true
	}
	return n, true
}

// longestCount returns the longest count, in days, of a match whose
// groups are pairs of a count and its unit (the pairs of the
// alternatives that did not match are empty).
func longestCount(m []string) int {
	best := 0
	for i := 1; i+1 < len(m); i += 2 {
		if d, ok := countDays(m[i], m[i+1]); m[i] != "" && ok && d > best {
			best = d
		}
	}
	return best
}

// windowOf returns the longest time to act folded names, in days.
func windowOf(folded string) int {
	best := 0
	for _, m := range windowRe.FindAllStringSubmatch(folded, -1) {
		best = max(best, longestCount(m))
	}
	return best
}

// elapsedOf returns the longest time folded says has passed, in days: a
// count « ago », or a date under a month ago.
func elapsedOf(folded string, now time.Time) int {
	best := 0
	for _, m := range elapsedRe.FindAllStringSubmatch(folded, -1) {
		best = max(best, longestCount(m))
	}
	for _, m := range dateRe.FindAllStringSubmatch(folded, -1) {
		if d, ok := daysUntil(m, now); ok && d < 0 && -d > best {
			best = -d
		}
	}
	return best
}

// todayRe matches the day the writer says it is (« on est le 10 »,
// « nous sommes le 24 mars »), and lastMonthRe a day of last month (« la
// lettre est du 14 du mois dernier »), each behind its prefilter.
var (
	todayRe     = compile(` (?:on est |nous sommes |aujourd' hui (?:c' est |on est |nous sommes )?)(?:deja )?le ([0-3]?[0-9])(?:er)? (?:(` + monthNames + `) )?`)
	lastMonthRe = compile(` (?:du|le) ([0-3]?[0-9])(?:er)? du mois dernier`)
)

// statedElapsed returns the longest time, in days, from a date the
// message names to the day the writer says it is (« l'acte m'a été remis
// le 2 mai et nous sommes le 28 », « la lettre est du 14 du mois
// dernier… on est le 10 »; since session 22): dates are read against
// that day, not against now, which the writer may not share. Only the
// dates of a letter received or notified count (receiptRe), not an
// appointment's (« mon rendez-vous à la préfecture est le 25 juin, on est
// le 10 » starts no time to act; session 22's review).
func (m *message) statedElapsed(now time.Time) int {
	var today []string
	for _, s := range m.sentences {
		if found := todayRe.FindAllStringSubmatch(s.folded, 1); found != nil {
			today = found[0]
			break
		}
	}
	if today == nil {
		return 0
	}
	td, best := atoi(today[1]), 0
	for _, s := range m.sentences {
		if !receiptRe.MatchString(s.folded) {
			continue
		}
		for _, loc := range dateRe.FindAllStringSubmatchIndex(s.folded, -1) {
			if !appointmentBefore.MatchString(s.folded[:loc[0]+1]) {
				best = max(best, daysBetween(now.Year(), submatches(s.folded, loc), td, monthNumber[today[2]]))
			}
		}
		// A day of last month is a month of 30 days before.
		for _, d := range lastMonthRe.FindAllStringSubmatch(s.folded, -1) {
			if e := td + 30 - atoi(d[1]); e > 0 {
				best = max(best, e)
			}
		}
	}
	return best
}

// receiptRe marks a sentence that tells of a letter received, sent,
// notified or dated (« reçu le 3 », « la lettre est du 14 »), and
// appointmentBefore a date an appointment, a hearing or a summons names
// (« l'audience est le 20 mars », « convoqué le 12 »), a few words before
// it: a date to come, no letter's.
var (
	receiptRe         = compile(` (?:recu|recue|recus|recues|reception|receptionnee?|notifiee?s?|notification|remise?|signifiee?|signification|envoyee?s?|expediee?s?|postee?|datee?|rendue?|prononcee?|delivree?)| (?:est|etait) du `)
	appointmentBefore = regexp.MustCompile(`(?:rendez-vous|rdv|audience|convocation|convoquee?s?|entretien|comparution|comparaitre|passage)(?: [a-z0-9'-]+){0,4} $`)
)

// submatches returns the submatches of folded that loc, a match's
// indexes, holds ("" for a group that did not match).
func submatches(folded string, loc []int) []string {
	m := make([]string, len(loc)/2)
	for i := range m {
		if loc[2*i] >= 0 {
			m[i] = folded[loc[2*i]:loc[2*i+1]]
		}
	}
	return m
}

// daysBetween returns the days from a date match (day and month name, or
// day/month) to the day td of month tm (0 when unsaid: the letter's month,
// or the next), in year; 0 when the date is not before that day. A date
// later in the year than that day is of the year before only across a
// new year (« reçu le 20 décembre… on est le 5 janvier »): a later day of
// the same month, or one months ahead, is a date to come (« on est le 10
// mars… le 20 mars » is no 355 days; session 22's review).
func daysBetween(year int, d []string, td, tm int) int {
	ld, lm := atoi(d[1]), monthNumber[d[2]]
	if d[1] == "" {
		ld, lm = atoi(d[3]), atoi(d[4])
	}
	if lm < 1 || lm > 12 || ld < 1 || ld > 31 {
		return 0
	}
	letter := time.Date(year, time.Month(lm), ld, 0, 0, 0, 0, time.UTC)
	if tm == 0 {
		tm = lm
		if td < ld {
			tm = lm + 1
		}
	}
	today := time.Date(year, time.Month(tm), td, 0, 0, 0, 0, time.UTC)
	if letter.After(today) {
		if lm <= tm {
			return 0
		}
		letter = letter.AddDate(-1, 0, 0)
		if d := elapsedDays(letter, today); d > newYearDays {
			return 0
		}
	}
	return elapsedDays(letter, today)
}

// newYearDays is the longest time from a letter of the year before to the
// day the writer says it is, read across a new year.
const newYearDays = 92

// elapsedDays returns the days from a to b when under a year, else 0.
func elapsedDays(a, b time.Time) int {
	if d := int(b.Sub(a).Hours() / 24); d > 0 && d < 366 {
		return d
	}
	return 0
}

// atoi is strconv.Atoi, 0 for no number.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// windowCloses marks the sentences whose time to act ends within
// deadlineDays, counted from the longest time the message says has
// passed (since session 22 also to the day the writer says it is:
// statedElapsed): their legal deadline is near.
func (m *message) windowCloses(now time.Time) {
	elapsed := m.statedElapsed(now)
	for _, s := range m.sentences {
		elapsed = max(elapsed, elapsedOf(s.folded, now))
	}
	if elapsed == 0 {
		return
	}
	for i, s := range m.sentences {
		if w := windowOf(s.folded); w > 0 && w >= elapsed && w-elapsed <= deadlineDays {
			m.sentences[i].deadline = true
		}
	}
}
