package rag

import "math"

// AnswerModel is a logistic model of the chance that a validated answer
// fits a message, over the matching's signals (answerFeatures): the score
// of a candidate is 1/(1+e^-z), z the intercept plus each weight times its
// signal. Unlike the weighted mean (AnswerMatch's weights), it weighs the
// search's own ranking as it deserves: an answer whose source the search put
// first, and marked reliable, is far likelier to fit than its words say.
// Session 22's fit is measured beside the matching in use (modelMatch in
// rag/answers_pooled_test.go) but not the default: it loses the first
// message file's gate (README.md, "Validated answers").
type AnswerModel struct {
	Intercept float64
	// The word, vector and search signals, as AnswerMatch weighs them.
	QuestionWords, FocusWords, MessageWords, QuestionCosine, TextCosine, SourceFound float64
	// First, Second and Further weigh the place of the answer's best
	// placed source among the documents the search returned: first,
	// second, or third and after (none: 0). FirstReliable adds when it is
	// first and the search marked that document reliable; Reliable when
	// the search marked its first document reliable, whatever it is.
	First, Second, Further, FirstReliable, Reliable float64
	// QuestionWordsFirst and MessageWordsFirst weigh the question's and
	// the message's words again when the source is first.
	QuestionWordsFirst, MessageWordsFirst float64
	// SemanticQuestion, SemanticSource and SemanticText weigh the semantic
	// model's signals (answerFeatures.semQuestion, semSource, semText).
	SemanticQuestion, SemanticSource, SemanticText float64
}

// AnswerModels are the logistic models a matching scores with: Semantic
// for a candidate with the semantic model's signals (a corpus of 200
// documents or more), Plain for the others. Plain's intercept is set so
// that both show an answer from the same threshold.
type AnswerModels struct {
	// Name tells these models' scores apart from others' (a calibration's
	// thresholds hold for one scoring, AnswerCalibration.Scoring).
	Name            string
	Semantic, Plain AnswerModel
}

// scoring names the scores m gives: its models' name, "" for the
// weights' mean.
func (m AnswerMatch) scoring() string {
	if m.Model == nil {
		return ""
	}
	return m.Model.Name
}

// score is the chance that an answer of signals f fits, by the model that
// applies to it.
func (ms *AnswerModels) score(f answerFeatures) float64 {
	if f.semantic {
		return ms.Semantic.score(f)
	}
	return ms.Plain.score(f)
}

// semanticWant returns the semantic signals the models weigh.
func (ms *AnswerModels) semanticWant() semanticWant {
	switch s := ms.Semantic; {
	case s.SemanticText != 0:
		return semanticAll
	case s.SemanticQuestion != 0 || s.SemanticSource != 0:
		return semanticQuestion
	}
	return semanticNone
}

// score is the model's chance that an answer of signals f fits. A signal
// the candidate lacks (no vectors, no search, no semantic model) counts as
// 0: the answer needs more of the others to be shown.
func (m AnswerModel) score(f answerFeatures) float64 {
	z := m.Intercept + m.QuestionWords*f.questionWords + m.FocusWords*f.focusWords + m.MessageWords*f.messageWords
	if f.vectors {
		z += m.QuestionCosine*f.questionCosine + m.TextCosine*f.textCosine
	}
	if f.searched {
		z += m.searchTerms(f)
	}
	if f.semantic {
		z += m.SemanticQuestion*f.semQuestion + m.SemanticSource*f.semSource + m.SemanticText*f.semText
	}
	return 1 / (1 + math.Exp(-z))
}

// searchTerms is the part of z that the message's search gives.
func (m AnswerModel) searchTerms(f answerFeatures) float64 {
	z := m.SourceFound * f.sourceFound
	if f.reliable {
		z += m.Reliable
	}
	switch {
	case f.sourcePlace == 1:
		z += m.First + m.QuestionWordsFirst*f.questionWords + m.MessageWordsFirst*f.messageWords
		if f.reliable {
			z += m.FirstReliable
		}
	case f.sourcePlace == 2:
		z += m.Second
	case f.sourcePlace > 2:
		z += m.Further
	}
	return z
}
