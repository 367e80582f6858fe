package store

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strings"
	"time"
)

// Draft ids carry the day (UTC) their draft was created, so that a lookup
// by id reads the one monthly partition that can hold it rather than every
// partition's index: "d_20261130_" then 24 base32 characters (120 random
// bits, unguessable). Ids made before carried no day ("d_" then the 24
// characters); they still resolve, by reading every partition.

// draftIDDay is the layout of the day in a draft id.
const draftIDDay = "20060102"

// idEncoding writes the random part of a draft id.
var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// newDraftID returns a random, unguessable id for a draft created at.
func newDraftID(at time.Time) (string, error) {
	var b [15]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("draft id: %w", err)
	}
	return "d_" + at.UTC().Format(draftIDDay) + "_" + strings.ToLower(idEncoding.EncodeToString(b[:])), nil
}

// The years a draft id's day may give: outside them no draft was made
// (plume did not exist; past 9998 the next month has five digits), and the
// month they would name is not a timestamp PostgreSQL takes (year 0000).
const (
	firstDraftYear = 2000
	lastDraftYear  = 9998
)

// draftIDMonth returns the first instant (UTC) of the month in which the
// draft id was created, and false for an id that does not say (made before
// ids carried their day, not a draft id at all, or an impossible day).
func draftIDMonth(id string) (time.Time, bool) {
	rest, ok := strings.CutPrefix(id, "d_")
	if !ok || len(rest) < len(draftIDDay)+1 || rest[len(draftIDDay)] != '_' {
		return time.Time{}, false
	}
	day, err := time.Parse(draftIDDay, rest[:len(draftIDDay)])
	if err != nil || day.Year() < firstDraftYear || day.Year() > lastDraftYear {
		return time.Time{}, false
	}
	return time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC), true
}

// draftMonthRange is the condition, to add to a lookup of the draft id,
// that keeps column (the draft's creation time: drafts.created_at or
// feedback.draft_created_at) within the month the id was made in, "" when
// the id does not say. The month is written as constants, not parameters:
// PostgreSQL then prunes the other partitions when it plans the statement,
// and the plan it keeps for it reads and locks one partition, where
// parameters would have it plan again at each call or lock every partition
// at each run (PostgreSQL 15). There is one such statement a month.
func draftMonthRange(column, id string) string {
	month, ok := draftIDMonth(id)
	if !ok {
		return ""
	}
	const layout = "2006-01-02T15:04:05Z"
	return fmt.Sprintf(" AND %s >= '%s' AND %s < '%s'", column, month.Format(layout), column, monthAfter(month).Format(layout))
}
