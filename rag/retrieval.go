package rag

import (
	"context"
	"fmt"
	"slices"

	"github.com/plume-sp/plume/redact"
)

// retrieval is what the search stage found for a draft.
type retrieval struct {
	// passages are the reliable results, best first.
	passages []Result
	reliable bool
	// noSubject is set when the message names no subject (WarnNoSubject):
	// the holding reply asks what the request is about.
	noSubject bool
	warnings  []Warning
	// results is the whole search, which validated answers are matched
	// against.
	results Results
}

// search is the search stage: the redacted question, searched without its
// placeholders in the request's services and audiences.
func (d *Drafter) search(ctx context.Context, r run) (retrieval, error) {
	res, err := d.searcher.Search(ctx, Query{Text: r.red.subject(), K: d.opts.Sources,
		Audience: r.req.Audience, Services: r.req.Services})
	if err != nil {
		return retrieval{}, fmt.Errorf("draft: %w", err)
	}
	out := retrieval{results: res}
	if slices.Contains(res.Warnings, WarnVectorUnavailable) {
		out.warnings = append(out.warnings, Warning{Code: WarnFullTextOnly, Severity: "info",
			Message: "La recherche sémantique est indisponible : les sources ont été trouvées par mots-clés seulement."})
	}
	for _, p := range res.Results {
		if p.Reliable {
			out.passages = append(out.passages, p)
		}
	}
	out.reliable = len(out.passages) > 0
	if !out.reliable {
		out.warnings = append(out.warnings, Warning{Code: WarnNoReliableSource, Severity: "warning",
			Message: "Aucune source fiable n'a été trouvée : le brouillon est une réponse d'attente, vérifiez la réglementation avant de répondre."})
	}
	if slices.Contains(res.Warnings, WarnNoSubject) {
		out.noSubject = true
		out.warnings = append(out.warnings, Warning{Code: WarnNoSubject, Severity: "warning",
			Message: "Le message ne dit pas sur quoi porte la demande (salutations, coordonnées, demande de rappel) : faites-la préciser avant de répondre sur le fond."})
	}
	return out, nil
}

// answers is the answers stage: the validated answers close to the
// question, checked by the model when the drafter has a checker (its own
// stage, answer_check), and the example the model may follow.
func (d *Drafter) answers(ctx context.Context, r run) ([]ValidatedAnswer, redact.Text) {
	found := d.validatedAnswers(ctx, matchable(stripPlaceholders(r.red.searchable())), r.req.Services, &r.found.results)
	r.timer.stage("answers")
	if d.answerCheck != nil && len(found) > 0 {
		found = d.answerCheck.Filter(ctx, r.red.question, r.red.mapping, found)
		r.timer.stage("answer_check")
	}
	return found, d.example(ctx, found)
}

// validatedAnswers returns the validated answers close to a draft's
// question; a failure only loses them (logged), never the draft.
func (d *Drafter) validatedAnswers(ctx context.Context, text redact.Text, services []string, res *Results) []ValidatedAnswer {
	found, err := matchAnswers(ctx, d.store, d.searcher.embedder, d.searcher.AnswerMatch(), text, services, res)
	if err != nil {
		if ctx.Err() == nil {
			d.log.Warn("validated answers unavailable", "err", err)
		}
		return []ValidatedAnswer{}
	}
	if found == nil {
		return []ValidatedAnswer{}
	}
	return found
}

// example returns the text of the best active validated answer, its
// placeholders (another person's) blanked: the model follows its tone and
// structure, never its facts. Answers to review are never given. The
// stored text is redacted again on its way to the model, as every text
// is; a failure (only a cancelled context) gives no example.
func (d *Drafter) example(ctx context.Context, answers []ValidatedAnswer) redact.Text {
	for _, a := range answers {
		if !a.active() {
			continue
		}
		red, err := redact.Redact(ctx, a.Text, d.opts.Redaction)
		if err != nil {
			return redact.Text{}
		}
		return red.Text.Blank(placeholderRe.FindAllStringIndex(red.Text.String(), -1), redact.Ellipsis)
	}
	return redact.Text{}
}

// opening is the start of a draft for an urgent message: the contacts to
// call, which the checks then allow.
type opening struct {
	text string
	// phones are the numbers it gives, as digits.
	phones []string
}

// opening returns the draft's opening: empty unless the message is urgent.
func (d *Drafter) opening(r run) opening {
	text, phones := urgentTemplate(r.req.Channel, r.attention, d.opts.Emergency, r.found.passages)
	return opening{text: text, phones: phones}
}
