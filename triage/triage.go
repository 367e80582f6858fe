// Package triage decides, without a model, which incoming messages need an
// agent's attention before anything else: a risk to someone's safety or
// health, violence, suicidal thoughts, a child or vulnerable adult at risk,
// losing housing, energy or food within days, a legal deadline within days
// (urgent); a complaint, a legal or media threat, repeated failures of the
// administration, a bereavement, a disability or language barrier, a debt
// or overpayment claim, a fraud victim (attention); everything else is
// routine.
//
// Assess reads the text as the agent pasted it with a lexicon of French
// (and some English) cues, sentence by sentence, with negation ("je ne suis
// pas en danger") and time ("dans trois semaines" is not "demain") taken
// into account. The word "urgent" alone changes nothing, and thanks or
// compliments are routine. A linear classifier over words and character
// n-grams, trained on labelled messages, then raises the level of messages
// whose distress the lexicon has no phrase for. An Assessment holds codes, labels and byte
// offsets only: never the text, so that it can be stored and logged.
package triage

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Level is how soon a message needs an agent's eyes.
type Level string

// The levels, from the least to the most pressing.
const (
	Routine   Level = "routine"
	Attention Level = "attention"
	Urgent    Level = "urgent"
)

// Levels lists the levels, least pressing first.
func Levels() []Level { return []Level{Routine, Attention, Urgent} }

// Rank orders levels: 0 for routine, 1 for attention, 2 for urgent, -1 for
// an unknown level.
func (l Level) Rank() int { return slices.Index(Levels(), l) }

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return l.Rank() >= 0 }

// Max returns the more pressing of a and b.
func Max(a, b Level) Level {
	if b.Rank() > a.Rank() {
		return b
	}
	return a
}

// Reason is one thing that made a message non-routine: a code, its short
// French label, its level, and the byte range [Start, End) of the sentence
// that triggered it in the text Source names, as given.
type Reason struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Level Level  `json:"level"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Source is the text Start and End point into: SourceQuestion or
	// SourceNote.
	Source string `json:"source"`
}

// The texts a reason's offsets point into.
const (
	// SourceQuestion is the message, as the person wrote it.
	SourceQuestion = "question"
	// SourceNote is the agent's note, what the agent wrote of what the
	// person said (on the telephone, at a counter).
	SourceNote = "note"
)

// Assessment is the triage of one message. Reasons is empty for a routine
// message and never empty otherwise.
type Assessment struct {
	Level   Level    `json:"level"`
	Reasons []Reason `json:"reasons"`
	// SecondOpinion says what became of a model's second opinion, when
	// one was asked for (empty otherwise): OpinionGiven or OpinionFailed.
	SecondOpinion string `json:"second_opinion,omitempty"`
}

// What became of a model's second opinion (Assessment.SecondOpinion).
const (
	// OpinionGiven: the model answered with a level, which raised the
	// assessment or left it as it was.
	OpinionGiven = "given"
	// OpinionFailed: the model gave no level (no answer within its time
	// limit, an error, an unreadable reply): the assessment is the local
	// one alone.
	OpinionFailed = "failed"
)

// Codes returns the distinct codes of a's reasons, in order.
func (a Assessment) Codes() []string {
	var out []string
	for _, r := range a.Reasons {
		if !slices.Contains(out, r.Code) {
			out = append(out, r.Code)
		}
	}
	return out
}

// Raise returns a at level l when l is more pressing, with reason r added
// (the second opinion of a model, for instance); it never lowers a level.
func (a Assessment) Raise(l Level, r Reason) Assessment {
	if l.Rank() <= a.Level.Rank() {
		return a
	}
	a.Reasons = append(slices.Clone(a.Reasons), r)
	a.Level = l
	return a
}

// Assess triages text as of now.
func Assess(ctx context.Context, text string) Assessment {
	return AssessAt(ctx, text, time.Now())
}

// AssessAt triages text as of now, which dates such as "le 2 décembre" are
// read against: the lexicon first, then the classifier, which can raise
// the level the lexicon gives, and drop the lexicon's attention (never its
// urgency) from a message it reads as clearly routine.
func AssessAt(_ context.Context, text string, now time.Time) Assessment {
	msg := newMessage(text, now)
	return defaultModel().raise(assessLexicon(msg, text), msg).from(SourceQuestion)
}

// AssessWithNote triages a message and the agent's note of what the person
// said, as of now: each is read on its own, and the assessment is the more
// pressing of the two, with the reasons of both, each saying which text its
// offsets point into. An empty note changes nothing.
func AssessWithNote(ctx context.Context, question, note string) Assessment {
	return AssessWithNoteAt(ctx, question, note, time.Now())
}

// AssessWithNoteAt is AssessWithNote as of now.
func AssessWithNoteAt(ctx context.Context, question, note string, now time.Time) Assessment {
	a := AssessAt(ctx, question, now)
	if strings.TrimSpace(note) == "" {
		return a
	}
	n := AssessAt(ctx, note, now).from(SourceNote)
	return Assessment{Level: Max(a.Level, n.Level), Reasons: append(a.Reasons, n.Reasons...)}
}

// from returns a with its reasons' source set to source.
func (a Assessment) from(source string) Assessment {
	a.Reasons = slices.Clone(a.Reasons)
	for i := range a.Reasons {
		a.Reasons[i].Source = source
	}
	return a
}

// assessLexicon triages msg, cut from text, with the lexicon alone.
func assessLexicon(msg *message, text string) Assessment {
	out := Assessment{Level: Routine, Reasons: []Reason{}}
	// Most messages hold the cues of few rules: the others are not tried
	// sentence by sentence.
	var folded strings.Builder
	for _, s := range msg.sentences {
		folded.WriteString(s.folded)
	}
	var alive []rule
	for _, r := range allRules {
		if r.cue.possible(folded.String()) {
			alive = append(alive, r)
		}
	}
	for i, s := range msg.sentences {
		for _, r := range alive {
			code, ok := r.match(s, msg)
			if !ok && i > 0 && r.reaches(s) {
				code, ok = r.reached().match(msg.joined(i, r.reach), msg)
			}
			if !ok || hasReason(out.Reasons, code, s.start) {
				continue
			}
			c := codes[code]
			out.Reasons = append(out.Reasons, Reason{Code: code, Label: c.label, Level: c.level, Start: s.start, End: s.end})
			out.Level = Max(out.Level, c.level)
		}
	}
	out.Reasons = minorHarmed(msg, out.Reasons)
	barrier := msg.barrier() || msg.latinForeign() && out.Level != Routine
	if barrier && !slices.ContainsFunc(out.Reasons, func(r Reason) bool { return r.Code == CodeLanguage }) {
		c := codes[CodeLanguage]
		out.Reasons = append(out.Reasons, Reason{Code: CodeLanguage, Label: c.label, Level: c.level, Start: 0, End: len(text)})
		out.Level = Max(out.Level, c.level)
	}
	return out
}

// minorHarmed adds child_at_risk beside a violence the writer tells when
// the writer says an age under 18 (« g 15 ans… mon beau-père m'a encore
// frappé »): every such message of the training rounds is labelled so
// (since session 16).
func minorHarmed(msg *message, rs []Reason) []Reason {
	if !msg.minor || slices.ContainsFunc(rs, func(r Reason) bool { return r.Code == CodeChild }) {
		return rs
	}
	i := slices.IndexFunc(rs, func(r Reason) bool { return r.Code == CodeViolence })
	if i < 0 {
		return rs
	}
	c := codes[CodeChild]
	return append(rs, Reason{Code: CodeChild, Label: c.label, Level: c.level, Start: rs[i].Start, End: rs[i].End})
}

func hasReason(rs []Reason, code string, start int) bool {
	return slices.ContainsFunc(rs, func(r Reason) bool { return r.Code == code && r.Start == start })
}
