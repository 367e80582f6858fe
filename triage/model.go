package triage

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

//go:generate go test -run TestModelFile -update -timeout 0 .

// modelFile is the classifier, trained by train_test.go on the tuning half
// of the evaluation set, the holdout rounds 1 to 13 (never an honest
// round), testdata/long.jsonl and testdata/short.jsonl.
//
//go:embed model.bin
var modelFile []byte

// The first sub-model of a model scores urgent or attention against
// routine, the second urgent against the rest; the reason codes follow,
// each against the other messages.
const (
	needsModel  = 0
	urgentModel = 1
	firstCode   = 2
)

// modelHeader is the JSON line that opens model.bin.
type modelHeader struct {
	// Digest identifies the training data and settings the model was
	// trained with (see train_test.go).
	Digest string `json:"digest"`
	// Models names the sub-models: "needs", "urgent", then reason codes.
	Models []string  `json:"models"`
	Scales []float32 `json:"scales"`
	Biases []float32 `json:"biases"`
	// A message scoring above NeedsThreshold needs attention, one scoring
	// above UrgentThreshold under the urgent sub-model is urgent; both
	// chosen by leave-one-round-out.
	NeedsThreshold  float64 `json:"needs_threshold"`
	UrgentThreshold float64 `json:"urgent_threshold"`
	// A message that already needs attention (by the lexicon or the
	// needs sub-model) is urgent when it scores above
	// FlaggedUrgentThreshold under the urgent sub-model: two weak cues
	// make one strong. Chosen by leave-one-round-out too.
	FlaggedUrgentThreshold float64 `json:"flagged_urgent_threshold"`
	// The lexicon's attention (never its urgency) is dropped from a
	// message, not foreign, whose veto score (the needs sub-model's score
	// plus that of its nearest attention code) is under VetoThreshold: a
	// cue read out of its context (« je prépare un dossier sur les
	// expulsions », a cat's name on a tax notice). Chosen by
	// leave-one-round-out too.
	VetoThreshold float64 `json:"veto_threshold"`
	// Evidence is the number of words of evidence at which a message
	// keeps half of each score's distance from its sub-model's bias (see
	// shrink). Chosen by leave-one-round-out too.
	Evidence float64 `json:"evidence"`
	Rows     int     `json:"rows"`
}

// model is a set of linear classifiers over the same hashed features:
// one int8 weight per feature row and sub-model.
type model struct {
	header  modelHeader
	hashes  []uint32 // the feature hash of each row, ascending
	rows    []int32  // feature hash → row, -1 for none (see newRows)
	weights []int8   // row-major: Rows × len(Models)
}

// defaultModel is the embedded model, decoded once.
var defaultModel = sync.OnceValue(func() *model {
	m, err := decodeModel(modelFile)
	if err != nil {
		panic(fmt.Sprintf("triage: embedded model.bin: %v", err))
	}
	return m
})

// scores returns the score of v under every sub-model.
func (m *model) scores(v vector) []float64 {
	n := len(m.header.Models)
	acc := make([]float64, n)
	for i, r := range v.rows {
		x := float64(v.vals[i])
		for j, w := range m.weights[int(r)*n : int(r)*n+n] {
			acc[j] += x * float64(w)
		}
	}
	for j := range acc {
		acc[j] = acc[j]*float64(m.header.Scales[j]) + float64(m.header.Biases[j])
	}
	return acc
}

// score returns the score of v under sub-model j.
func (m *model) score(v vector, j int) float64 {
	n := len(m.header.Models)
	var acc float64
	for i, r := range v.rows {
		acc += float64(v.vals[i]) * float64(m.weights[int(r)*n+j])
	}
	return acc*float64(m.header.Scales[j]) + float64(m.header.Biases[j])
}

// timedCodes are the urgent codes that depend on when things happen, with
// the code they give weeks away ("" for none). The model cannot read
// time: the lexicon's reading of the message decides (see rule.match).
var timedCodes = map[string]string{CodeHousingLoss: CodeHousingRisk, CodeEnergyCut: CodeEnergyRisk, CodeLegalDeadline: ""}

// verdict is what the classifier reads in a message.
type verdict struct {
	needs, urgent float64 // the scores of the needs and urgent sub-models
	// veto is the needs score plus the score of the attention code that
	// scores highest: a message neither reads as needing attention nor
	// as any attention reason is clearly routine (see vetoes).
	veto float64
	// code is the sub-model of its reason were it to need attention,
	// urgentCode were it urgent (-1 for none).
	code, urgentCode int
	foreign          bool // written mostly in another language
	// codeSupported and urgentSupported say whether the message supports
	// code and urgentCode (see supported).
	codeSupported, urgentSupported bool
	// evidence is the message's words of evidence (evidenceOf);
	// attentionCode the code of attention level that scores highest.
	evidence, attentionCode int
}

// reading returns the verdict on msg. Its reason is the code that scores
// highest; for a timed code when the message speaks of nothing within
// days, its later code or the attention code that scores highest. Were it
// urgent, its reason is the urgent code that scores highest; none when
// that code is timed and the message speaks of nothing within days (the
// model cannot read time: « je saisirai le tribunal » is no deadline). A
// message the lexicon finds foreign is not scored: the model reads French.
func (m *model) reading(msg *message) verdict {
	if msg.foreign() {
		return verdict{needs: math.Inf(-1), urgent: math.Inf(-1), veto: math.Inf(-1), code: -1, urgentCode: -1, foreign: true}
	}
	return m.verdictOf(m.shrink(m.scores(vectorize(msg.foldedText(), m.rows)), msg.evidence), msg)
}

// shrink moves the scores s of a message holding n words of evidence
// towards the sub-models' biases, the scores of a text that says nothing:
// it keeps n/(n+Evidence) of each score's distance from its bias. A
// linear model over hashed features reads a few words strongly: a short
// text is a few n-grams, and those of « me rappeler » sit near those of
// « me tuer » (« Vous pouvez m'appeler ? » scored as an elderly person in
// danger, « Je rappellerai demain. » as violence). Scores are read as
// strong as the evidence they rest on: a short message, or one of
// courtesy and call-back requests, moves little from the bias; a long
// one keeps its scores.
func (m *model) shrink(s []float64, n int) []float64 {
	if m.header.Evidence <= 0 {
		return s
	}
	keep := float64(n) / (float64(n) + m.header.Evidence)
	for j := range s {
		b := float64(m.header.Biases[j])
		s[j] = b + (s[j]-b)*keep
	}
	return s
}

// verdictOf returns the verdict on msg, not foreign, whose scores under
// m's sub-models are s (see reading).
func (m *model) verdictOf(s []float64, msg *message) verdict {
	v := verdict{needs: s[needsModel], urgent: s[urgentModel], urgentCode: -1, evidence: msg.evidence}
	v.veto = v.needs + s[m.nearestCode(s, Attention)]
	v.code = m.nearestCode(s, "")
	name := m.header.Models[v.code]
	if later, timed := timedCodes[name]; timed && !msg.soon(name) {
		v.code = m.nearestCode(s, Attention)
		if later != "" {
			v.code = slices.Index(m.header.Models, later)
		}
	}
	v.urgentCode, v.attentionCode = m.nearestCode(s, Urgent), m.nearestAllowed(s, msg, Attention)
	v.codeSupported, v.urgentSupported = m.supported(s, msg, v.code), m.supported(s, msg, v.urgentCode)
	if v.urgentCode < 0 {
		return v
	}
	c := m.header.Models[v.urgentCode]
	if _, timed := timedCodes[c]; timed && !msg.soon(c) {
		v.urgentCode = -1
	}
	return v
}

// thresholds are the scores a verdict is read against (see modelHeader).
type thresholds struct{ needs, urgent, flagged, veto float64 }

// thresholds returns the thresholds m was trained with.
func (m *model) thresholds() thresholds {
	h := m.header
	return thresholds{needs: h.NeedsThreshold, urgent: h.UrgentThreshold, flagged: h.FlaggedUrgentThreshold, veto: h.VetoThreshold}
}

// decide returns the level and reason sub-model of v under th, for a
// message the lexicon gives lex (Routine and -1 when it needs nothing). A
// message the lexicon reads as needing attention is urgent above the
// flagged threshold (see flaggedDecides). The model reads
// French: a message the lexicon finds foreign is left to the lexicon (its
// cues in other languages, and a language barrier: by itself in another
// script, beside another reason in English or Spanish).
func (v verdict) decide(m *model, th thresholds, lex Level) (Level, int) {
	switch {
	case lex != Urgent && v.evidence >= minUrgentEvidence && v.evidence < minAloneEvidence && !(v.needs > th.needs):
		// Its urgent sub-model alone raises no short message (see
		// minAloneEvidence); a shorter one still needs attention.
		return Routine, -1
	case v.urgent > th.urgent && v.urgentCode >= 0 && v.evidence >= minAloneEvidence && v.backs(v.urgentSupported):
		return Urgent, v.urgentCode
	case v.flaggedDecides(m, th, lex) && v.urgent > th.flagged && v.evidence >= minAloneEvidence && v.backs(v.urgentSupported):
		return Urgent, v.urgentCode
	case v.evidence < minAloneEvidence && !v.foreign && (v.needs > th.needs || v.urgent > th.urgent && v.urgentCode >= 0):
		// « huissier demain matin », « coupure électricité demain, bébé
		// de 2 mois », « ne répond plus aux courriers de la CAF, dossier
		// suspendu »: an urgent reading of a short text needs attention
		// (see minAloneEvidence).
		return Attention, v.attentionCode
	case v.needs > th.needs && !v.foreign:
		return v.needsReason(m, th)
	}
	return Routine, -1
}

// needsReason returns the level and reason sub-model of v, over the needs
// threshold: urgent for its nearest code when that code is urgent and v
// backs it (see backs), else attention with its nearest attention code.
func (v verdict) needsReason(m *model, th thresholds) (Level, int) {
	if CodeLevel(m.header.Models[v.code]) == Urgent && v.backs(v.codeSupported && v.urgent > th.urgent) {
		return Urgent, v.code
	}
	return Attention, v.attentionCode
}

// backs reports whether v backs an urgent reading: a message of
// minBackedEvidence words of evidence or more always does, a shorter one
// only when the reading is supported: its urgent code scores over its
// bias (see supported) and, on the needs sub-model's way (needsReason),
// the urgent sub-model is over its threshold too.
func (v verdict) backs(supported bool) bool {
	return v.evidence >= minBackedEvidence || supported
}

// flaggedDecides reports whether the flagged threshold decides whether v
// is urgent, for a message the lexicon gives lex: the message has an
// urgent code its dates allow, is not urgent already (by the lexicon, the
// urgent threshold or a nearest code of urgent level), and the lexicon
// reads it as needing attention (and the needs sub-model, when it is over
// its threshold, agrees with a nearest code of attention level). Two weak
// cues make one strong only when they are two: the classifier's lean
// alone, its needs and its urgent sub-models reading the same words, made
// « Mon dossier CAF est bloqué depuis 2 mois. » urgent for want of food.
// The flagged threshold is chosen on exactly these messages (see
// chooseThresholds in loro_test.go).
func (v verdict) flaggedDecides(m *model, th thresholds, lex Level) bool {
	if v.urgentCode < 0 || lex != Attention || v.urgent > th.urgent {
		return false
	}
	if v.needs > th.needs && !v.foreign {
		return CodeLevel(m.header.Models[v.code]) == Attention
	}
	return true
}

// soon reports whether a message speaks of the next days for a timed
// code, as the lexicon reads it for a whole message.
func (m *message) soon(code string) bool {
	if code == CodeLegalDeadline {
		return m.near
	}
	return m.near || m.now || !m.far
}

// nearestCode returns the sub-model of the reason code that scores
// highest in s, among the codes of level l, or among all when l is "".
func (m *model) nearestCode(s []float64, l Level) int {
	best := -1
	for j := firstCode; j < len(s); j++ {
		if (l == "" || CodeLevel(m.header.Models[j]) == l) && (best < 0 || s[j] > s[best]) {
			best = j
		}
	}
	return best
}

// vetoes reports whether v drops the level lex the lexicon gives: its
// attention, never its urgency, in a message not foreign that the model
// reads as clearly routine (a veto score under the veto threshold), unless
// its urgent sub-model would make the lexicon's attention urgent (over the
// flagged threshold): a veto never takes that way to urgent away. A veto
// of the lexicon's urgency was tried on 2026-12-01 and dropped: the
// classifier read « Journée de sensibilisation : une femme battue est à
// l'accueil en ce moment » as clearly routine.
func (v verdict) vetoes(th thresholds, lex Level) bool {
	return lex == Attention && !v.foreign && v.veto < th.veto && !(v.urgentCode >= 0 && v.urgent > th.flagged)
}

// raise returns a raised, when the classifier's reading of msg is more
// pressing, with one reason: the code of the reading, on the sentence that
// scores highest for it; or routine when the reading vetoes the
// lexicon's attention and raises nothing, unless the lexicon reads the
// risk as the writer's own (message.ownsRisk).
func (m *model) raise(a Assessment, msg *message) Assessment {
	v, th := m.reading(msg), m.thresholds()
	if v.vetoes(th, a.Level) && !msg.ownsRisk(a) {
		a = Assessment{Level: Routine, Reasons: []Reason{}}
	}
	l, j := v.decide(m, th, a.Level)
	if l.Rank() <= a.Level.Rank() || m.barrierAlone(v, l, j, a, msg) {
		return a
	}
	code := CodeModel
	if j < 0 {
		j = needsModel
	} else {
		code = m.header.Models[j]
	}
	start, end := m.bestSentence(msg, j)
	return a.Raise(l, Reason{Code: code, Label: codes[code].label, Level: l, Start: start, End: end})
}

// barrierAlone reports whether the model's reading l (for sub-model j)
// of msg, which the lexicon gives a, is a language barrier alone in a
// message written in Spanish or Portuguese (message.iberian): the model,
// reading French, reads their words as a barrier (« Olá, sou português…
// como faço para pedir ? », « Hola, me mudé a Nantes… »). Since session
// 13 a message in English or Spanish is no barrier by itself; the
// lexicon reads the writer who says French is hard (« não percebo bem
// francês »), and the model's other readings of such a message stand
// (since session 18).
func (m *model) barrierAlone(v verdict, l Level, j int, a Assessment, msg *message) bool {
	return l == Attention && a.Level == Routine && j >= 0 && m.header.Models[j] == CodeLanguage && msg.iberian() &&
		v.needs < m.header.NeedsThreshold+iberianBarrierMargin
}

// iberianBarrierMargin is how far over its threshold the needs
// sub-model must read a message in Spanish or Portuguese for its
// language barrier alone to raise it (see barrierAlone). In the honest
// rounds' tuning halves, the plain questions it raised (a carte Vitale,
// a driving licence, a job) scored 0.15 to 0.62 over the threshold; the
// messages needing attention for a bereavement, a fraud, a cut or
// repeated failures the lexicon does not read in those languages scored
// 3.85 or more over it in the honest rounds, 2.05 or more in the
// training rounds (in sample): the margin sits near the middle of the
// honest gap, under the training rounds' lowest.
const iberianBarrierMargin = 2.0

// bestSentence returns the byte range of the sentence of msg that scores
// highest under sub-model j, among those of minReasonEvidence words of
// evidence or more when there are some: a signature (« Lucía
// Fernández ») scores near the sub-model's bias, above the sentences that
// read as anything else, and was shown as the reason of a suicidal
// reading (session 15).
func (m *model) bestSentence(msg *message, j int) (start, end int) {
	top, told := math.Inf(-1), false
	for _, s := range msg.sentences {
		tells := evidenceOf(s.folded) >= minReasonEvidence
		if told && !tells {
			continue
		}
		if sc := m.score(vectorize(s.folded, m.rows), j); sc > top || tells && !told {
			top, start, end = sc, s.start, s.end
		}
		told = told || tells
	}
	return start, end
}

// minReasonEvidence is the fewest words of evidence of a sentence the
// model's reason may point to, when the message has one.
const minReasonEvidence = 3

// foldedText is the folded text of the whole message, as the classifier
// reads it: without the words of an animal away (withoutAnimalAway), which are
// no evidence of anyone's situation either (evidenceIn).
func (m *message) foldedText() string {
	var b strings.Builder
	for _, s := range m.sentences {
		b.WriteString(withoutAnimalAway(s.folded))
	}
	return b.String()
}

// decodeModel reads a model file: gzip of the JSON header line, the sorted
// feature hashes as uvarint deltas, then the int8 weights.
func decodeModel(file []byte) (*model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(file))
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	r := bufio.NewReader(zr)
	line, err := r.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	m := &model{}
	if err := json.Unmarshal(line, &m.header); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	h, n := m.header, len(m.header.Models)
	if n < firstCode || len(h.Scales) != n || len(h.Biases) != n || h.Rows < 0 {
		return nil, fmt.Errorf("header: %d models, %d scales, %d biases, %d rows", n, len(h.Scales), len(h.Biases), h.Rows)
	}
	var hash uint64
	for row := range h.Rows {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", row, err)
		}
		if hash += d; hash >= 1<<featureBits || row > 0 && d == 0 {
			return nil, fmt.Errorf("feature %d: hash %d out of order or range", row, hash)
		}
		m.hashes = append(m.hashes, uint32(hash))
	}
	m.rows = newRows(m.hashes)
	raw := make([]byte, h.Rows*n)
	if _, err := io.ReadFull(r, raw); err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	m.weights = make([]int8, len(raw))
	for i, b := range raw {
		m.weights[i] = int8(b)
	}
	return m, nil
}

// encode writes m in the format decodeModel reads.
func (m *model) encode(w io.Writer) error {
	zw := gzip.NewWriter(w)
	head, err := json.Marshal(m.header)
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	buf := append(head, '\n')
	var prev uint32
	for _, h := range m.hashes {
		buf = binary.AppendUvarint(buf, uint64(h-prev))
		prev = h
	}
	for _, x := range m.weights {
		buf = append(buf, byte(x))
	}
	if _, err := zw.Write(buf); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return zw.Close()
}

// minUrgentEvidence is the fewest words of evidence on which the model
// alone made a message urgent until session 15 (minAloneEvidence since).
// Under it, the urgent sub-model alone still makes a message need
// attention (with the attention code that scores highest), and the
// lexicon's urgent cues still count. An agent's short
// note (« personne sourde », « rappeler demain, personne sourde »,
// « veuve depuis mars ») is a few n-grams that its urgent sub-model read
// as suicide, a lost home or a power cut: the flagged threshold lies
// under that sub-model's bias, so any short text the lexicon gave
// attention was urgent, with an emergency template (a black-box test of
// session 13).
const minUrgentEvidence = 6

// minAloneEvidence is the fewest words of evidence on which the urgent
// sub-model alone, its needs sub-model under its threshold, raises a
// message of minUrgentEvidence words or more (under that, its urgent
// reading still makes a note need attention: « hébergée chez sa
// soeur »): an adviser's short note (« La personne a la voix fatiguée et
// rappellera demain. ») scored as suicide, « L'appel a coupé deux fois
// pendant que j'attendais » (a failure the lexicon reads) over the
// flagged threshold as a lost home (since session 14). In the training
// rounds and the honest rounds' tuning halves no message under twelve
// words of evidence was raised by the urgent sub-model alone. Since
// session 15 the model makes no message under it urgent at all, its needs
// sub-model over its threshold or not: it makes it need attention, with
// its nearest attention code. « Note: ne répond plus aux courriers de la
// CAF, dossier suspendu. » (nine words) scored over both thresholds and
// was urgent for suicide; in the training rounds and the honest rounds'
// tuning halves no message under eighteen words of evidence was made
// urgent by the model and not by the lexicon but one of seventeen.
const minAloneEvidence = 12

// minBackedEvidence is the fewest words of evidence on which the model
// makes a message urgent for a reason its own sub-model does not support
// (see backs). « Je suis gay et j'ai été licencié à cause de mon
// orientation sexuelle, je suis sous curatelle » (13 words) scored just
// over the urgent threshold, its nearest urgent code food under its bias,
// and was urgent for want of food; « je suis séropositif et je vis avec
// mon compagnon Marc, puis-je avoir une aide au logement ? » was urgent
// for violence, read by its needs and violence sub-models, its urgent
// sub-model far under its threshold (session 16). In the training rounds,
// the evaluation set's tuning half and the honest rounds' tuning halves,
// the model made urgent no message under 61 words of evidence whose
// urgent code scored under its bias, and every message under 40 words it
// made urgent scored its urgent code at least 1.9 over its bias and its
// urgent sub-model at least 3.1 over its threshold.
const minBackedEvidence = 40
