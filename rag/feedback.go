package rag

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// Feedback limits.
const (
	// MaxFeedbackTags bounds the tags of one feedback.
	MaxFeedbackTags = 10
	// MaxFeedbackTagRunes bounds the length of a tag.
	MaxFeedbackTagRunes = 40
	// MaxFinalTextBytes bounds the text the agent finally sent.
	MaxFinalTextBytes = 2 * MaxQuestionBytes
)

// FeedbackRequest is an agent's verdict on a draft.
type FeedbackRequest struct {
	// FinalText is the text the agent finally sent, as written (it is
	// redacted before storage). It may be empty for "accepted" (the draft
	// was sent as is) and "rejected".
	FinalText string `json:"final_text"`
	// Outcome is "accepted", "edited" or "rejected".
	Outcome string `json:"outcome"`
	// Rating is an optional mark from 1 to 5.
	Rating *int `json:"rating,omitempty"`
	// Tags are optional labels such as "clair", "incomplet" or
	// "hallucination".
	Tags []string `json:"tags,omitempty"`
}

// Feedback records an agent's feedback on draft, as the caller loaded it
// from the store: the final text, redacted with the drafter's policy, and
// how much the agent edited the draft (the normalised edit distance between
// the stored, redacted draft and the redacted final text). It fails with an
// error wrapping ErrInvalid for a malformed request and store.ErrNotFound
// for a draft the store no longer holds.
func (d *Drafter) Feedback(ctx context.Context, draft store.Draft, fb FeedbackRequest) (store.Feedback, error) {
	tags, err := validateFeedback(&fb)
	if err != nil {
		return store.Feedback{}, err
	}
	f := store.Feedback{DraftID: draft.ID, Outcome: store.Outcome(fb.Outcome), Rating: fb.Rating}
	session := draftSession(d.opts.Redaction, draft, fb.FinalText)
	if tags, err = d.vocabularyTags(ctx, tags, session); err != nil {
		return store.Feedback{}, err
	}
	if f.Tags, err = redactTags(ctx, tags, session); err != nil {
		return store.Feedback{}, err
	}
	final := draft.Draft
	switch {
	case fb.FinalText != "":
		red, err := session.Redact(ctx, fb.FinalText)
		if err != nil {
			return store.Feedback{}, fmt.Errorf("feedback: redact the final text: %w", err)
		}
		f.FinalText, final = store.Redacted(red.Text), red.Text.String()
	case f.Outcome == store.OutcomeRejected:
		// Nothing of the draft was sent: no final text, and all of it was
		// set aside (distance 1), not sent as drafted (distance 0).
		final = ""
	default:
		// The draft was sent as stored: the store copies its text.
		f.SentAsDrafted = true
	}
	f.EditDistance = EditDistance(draft.Draft, final)
	if err := d.store.SaveFeedback(ctx, &f); err != nil {
		return store.Feedback{}, fmt.Errorf("feedback: %w", err)
	}
	d.log.Info("feedback recorded", "draft_id", draft.ID, "outcome", fb.Outcome, "edit_distance", f.EditDistance)
	return f, nil
}

// draftSession returns a redaction session that goes on from the draft's
// own: the values restored into the draft, read back from text, the text
// its agent sent or a reviewer wrote from it (redact.Recover), and the
// numbers of the placeholders of its question. A value of the draft is
// then masked wherever text repeats it, in whatever form, and keeps its
// placeholder, where a detector alone misses it (a bare « 7654321 » once
// its cue « allocataire » is gone). The draft's mapping itself lives in
// memory only, for the request that made it.
func draftSession(policy redact.Policy, draft store.Draft, text string) *redact.Session {
	return redact.NewSessionFrom(policy, redact.Recover(draft.Draft, text, draft.Question.String()))
}

// validateFeedback checks fb, trims its final text, and returns its tags
// trimmed and without duplicates.
func validateFeedback(fb *FeedbackRequest) ([]string, error) {
	fb.FinalText = strings.TrimSpace(fb.FinalText)
	switch {
	case !store.Outcome(fb.Outcome).Valid():
		return nil, fmt.Errorf("feedback: outcome %q (want accepted, edited or rejected): %w", fb.Outcome, ErrInvalid)
	case fb.Rating != nil && (*fb.Rating < 1 || *fb.Rating > 5):
		return nil, fmt.Errorf("feedback: rating %d is not between 1 and 5: %w", *fb.Rating, ErrInvalid)
	case len(fb.FinalText) > MaxFinalTextBytes:
		return nil, fmt.Errorf("feedback: the final text is %d bytes long, over %d: %w", len(fb.FinalText), MaxFinalTextBytes, ErrTextTooLong)
	case !utf8.ValidString(fb.FinalText):
		return nil, fmt.Errorf("feedback: the final text is not valid UTF-8: %w", ErrInvalid)
	case fb.Outcome == string(store.OutcomeEdited) && fb.FinalText == "":
		return nil, fmt.Errorf("feedback: an edited draft needs the final text: %w", ErrInvalid)
	case len(fb.Tags) > MaxFeedbackTags:
		return nil, fmt.Errorf("feedback: %d tags, over %d: %w", len(fb.Tags), MaxFeedbackTags, ErrInvalid)
	}
	tags := make([]string, 0, len(fb.Tags))
	for i, tag := range fb.Tags {
		tag = NormalizeTag(tag)
		if err := checkTag(tag); err != nil {
			return nil, fmt.Errorf("feedback: tag %d: %w", i+1, err)
		}
		if !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
	}
	return tags, nil
}

// NormalizeTag puts a feedback tag, or a label of the vocabulary, in the
// form they are compared in: Unicode NFC (« à » typed a + U+0300 is « à »)
// and each run of white space (a no-break space) one space, trimmed.
func NormalizeTag(tag string) string {
	return strings.Join(strings.Fields(norm.NFC.String(tag)), " ")
}

// checkTag refuses, with an error wrapping ErrInvalid, a normalised tag
// that is no short label.
func checkTag(tag string) error {
	switch {
	case tag == "":
		return fmt.Errorf("empty tag: %w", ErrInvalid)
	case !utf8.ValidString(tag):
		return fmt.Errorf("a tag is not valid UTF-8: %w", ErrInvalid)
	case utf8.RuneCountInString(tag) > MaxFeedbackTagRunes:
		return fmt.Errorf("a tag is over %d characters: %w", MaxFeedbackTagRunes, ErrInvalid)
	case !validTag.MatchString(tag):
		if i := strings.IndexFunc(tag, func(r rune) bool { return store.UnsafeRune(r) || fold.Invisible(r) }); i >= 0 {
			r, _ := utf8.DecodeRuneInString(tag[i:])
			return fmt.Errorf("a tag holds an invisible character (U+%04X): %w", r, ErrInvalid)
		}
		return fmt.Errorf("a tag is a short label of letters, digits, spaces and ' - _ . , ! ?: %w", ErrInvalid)
	}
	return nil
}

// CheckFeedbackTags checks the labels of a configured vocabulary
// (PLUME_FEEDBACK_TAGS), normalised (NormalizeTag): each must be a tag an
// agent may send (checkTag), none may be another but for case, accents or
// punctuation (they would match the same tags), and none may hold what
// the redactor reads as personal data (a tag is stored and counted).
func CheckFeedbackTags(ctx context.Context, labels []string) error {
	session := redact.NewSession(redact.DefaultPolicy())
	for i, l := range labels {
		if err := checkTag(l); err != nil {
			return fmt.Errorf("label %q: %w", l, err)
		}
		if j := slices.IndexFunc(labels[:i], func(v string) bool { return fold.Words(v) == fold.Words(l) }); j >= 0 {
			return fmt.Errorf("labels %q and %q are one label (tags match either): %w", labels[j], l, ErrInvalid)
		}
		red, err := session.Redact(ctx, l)
		if err != nil {
			return fmt.Errorf("redact label %q: %w", l, err)
		}
		if len(red.Entities) > 0 {
			return fmt.Errorf("label %q reads as personal data (%s): a label is a word such as « clair »: %w", l, red.Entities[0].Type, ErrInvalid)
		}
	}
	return nil
}

// validTag is a label: words, no markup, address or link.
var validTag = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N} '’_.,!?-]*$`)

// redactTags refuses a tag holding personal data (a name, a phone number
// typed as a reminder): tags are labels, stored and counted in statistics,
// where « [NOM_1] » would tell nothing. What is stored is still the
// redacted text, as for every text a person writes.
func redactTags(ctx context.Context, tags []string, session *redact.Session) ([]store.Text, error) {
	out := make([]store.Text, 0, len(tags))
	for i, tag := range tags {
		// « café » typed with a combining accent is the tag « café ».
		red, err := session.Redact(ctx, norm.NFC.String(tag))
		if err != nil {
			return nil, fmt.Errorf("feedback: redact a tag: %w", err)
		}
		if len(red.Entities) > 0 {
			return nil, fmt.Errorf("feedback: tag %d holds personal data (%s): a tag is a label such as « clair » or « incomplet », "+
				"never a name or a number: %w", i+1, red.Entities[0].Type, ErrInvalid)
		}
		if t := store.Redacted(red.Text); !slices.ContainsFunc(out, t.Equal) {
			out = append(out, t)
		}
	}
	return out, nil
}

// DefaultFeedbackTags are the labels an agent may tag feedback with when
// a deployment configures none (PLUME_FEEDBACK_TAGS).
func DefaultFeedbackTags() []string {
	return []string{"clair", "utile", "complet", "incomplet", "trop long", "trop court", "imprécis", "erreur", "hors sujet",
		"mauvaise source", "source manquante", "source obsolète", "ton inadapté", "à reformuler", "hallucination",
		"contact manquant", "données personnelles"}
}

// FeedbackTags returns the labels feedback may be tagged with.
func (d *Drafter) FeedbackTags() []string { return slices.Clone(d.opts.FeedbackTags) }

// vocabularyTags returns tags as the vocabulary spells them (« Trop
// Long » is « trop long »), each once, or an error wrapping ErrInvalid for
// one outside it, which says so, or that it holds personal data when the
// redactor finds some. A tag is stored and counted in the statistics: a
// free label could hold what no redactor tells from a word (a surname
// alone, « Fontaine », « rue Pasteur »), so that only the configured
// labels are kept; they still go through the redactor (redactTags), as
// every stored text.
func (d *Drafter) vocabularyTags(ctx context.Context, tags []string, session *redact.Session) ([]string, error) {
	vocabulary := d.opts.FeedbackTags
	out := make([]string, 0, len(tags))
	for i, tag := range tags {
		j := slices.IndexFunc(vocabulary, func(v string) bool { return fold.Words(v) == fold.Words(tag) })
		if j >= 0 {
			if !slices.Contains(out, vocabulary[j]) {
				out = append(out, vocabulary[j])
			}
			continue
		}
		if _, err := redactTags(ctx, tags[:i+1], session); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("feedback: tag %d is not one of the labels agents tag feedback with (%s): %w", i+1,
			strings.Join(vocabulary, ", "), ErrInvalid)
	}
	return out, nil
}

// EditDistance returns the Levenshtein distance between a and b, counted
// in runes, divided by the length of the longer one: 0 for identical texts,
// 1 for texts with nothing in common. It takes O(len(a)·len(b)) time and
// O(min(len(a), len(b))) memory.
func EditDistance(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra) == 0 {
		return 0
	}
	// row[j] is the distance between the prefix of ra seen so far and
	// rb[:j].
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := row[0] // distance of ra[:i-1], rb[:j-1]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return float64(row[len(rb)]) / float64(len(ra))
}
