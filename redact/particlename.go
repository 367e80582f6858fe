package redact

import "strings"

// Surnames the other name rules leave out: a particle before a word the
// lexicon knows as a place ("Pierre de la Tour", "Marie du Pont"), an
// article in lower case after a civility ("mme le goff"), and a surname
// in lower case after a first name ("je suis jean dupont et…").

// topoInstitutions are the words the lexicon lists as institutions that
// are also surnames after a particle: "Marie du Pont", "Anne de la Cour".
var topoInstitutions = wordSet("pont cour maison")

// officeWords are offices a civility and an article announce that the
// lexicon does not know: "Monsieur le Comptable public".
var officeWords = wordSet("comptable tresorier receveur procureur notaire huissier commissaire greffier defenseur " +
	"mediateur conciliateur delegue deleguee responsable chef gerant gerante proprietaire bailleur medecin depute deputee " +
	"senateur senatrice ministre recteur rectrice inspecteur inspectrice controleur controleuse agent referent referente " +
	"assistant assistante educateur educatrice secretaire adjoint adjointe gardien gardienne concierge cure pretre abbe " +
	"pasteur consul consule ambassadeur administrateur administratrice liquidateur mandataire tuteur tutrice curateur curatrice")

// placeWordBits are the word properties of the places that also make
// surnames after a particle: "de la Tour", "de la Rue", "du Clos".
const placeWordBits = wStreet | wAddrComp | wAddrNamed | wStreetBare

// particleSurname returns the surname word after the particles at k, or
// -1. words is the number of name words before k, firstName whether one
// of them is a first name.
func (sc *scanner) particleSurname(k, s, words int, firstName bool) int {
	if m := sc.afterParticles(k, s, words); m >= 0 {
		if sc.nameWord(m, strong, words+1) || sc.placeSurname(k, m, s, words) {
			return m
		}
		return -1
	}
	return sc.lowerParticleSurname(k, s, words, firstName)
}

// placeSurname reports whether the capitalized word m, after the particles
// from k, is a surname although the lexicon knows it as a place: after a
// name word ("Lucas de la Tour") or after a civility or a strong cue when
// the particles start with "de" rather than an article ("M. de la Tour";
// "M. Le Maire" stays).
func (sc *scanner) placeSurname(k, m, s, words int) bool {
	t := &sc.toks[m]
	if sc.caseless || t.shape&shCap == 0 || t.shape&shUpper != 0 || t.end-t.start < 3 {
		return false
	}
	if sc.punct(m+1) == '-' && sc.attached(m+1) {
		return false // a hyphenated place: "de la Tour-du-Pin"
	}
	if words == 0 && (s != strong || sc.isText(k, "le", "la", "les", "l")) {
		return false
	}
	b := sc.bits(m)
	if b&notName&^placeWordBits == 0 {
		return b&placeWordBits != 0
	}
	return b&notName&^wInstitution == 0 && topoInstitutions[lex.word[t.ent]]
}

// lowerArticleOK reports whether the lower-case article at m, the first
// particle after a strong cue in a text without capitals, starts a
// surname ("Le Goff" with its capitals is read already): the word after it is
// unknown to the lexicon and no office ("mme le goff"; "M. le maire",
// "mme la directrice", "Monsieur le Comptable public" stay).
func (sc *scanner) lowerArticleOK(m, s, pos int) bool {
	if s != strong || pos != 0 || !sc.caseless {
		return false
	}
	n := m + 1
	if n < len(sc.toks) && sc.punct(n) == '\'' && sc.attached(n) {
		n++
	}
	return n < len(sc.toks) && sc.toks[n].kind == kWord && sc.toks[n].gap < gapLine && sc.toks[n].ent == 0 &&
		sc.toks[n].end-sc.toks[n].start >= 3 && !sc.foldedIn(n, officeWords)
}

// lowerParticleSurname returns the last token of the lower-case surname
// after the particles at k, or -1: after a first name written in lower
// case ("marie-claire de la fontaine", "marie-josé da silva pereira") or,
// read with a strong cue, as the whole name ("mon nom est van der berg";
// an article there is an office's: "M. le maire"). The surname must end
// the clause, so that "jean de la région parisienne" and "marie du
// service social" stay.
func (sc *scanner) lowerParticleSurname(k, s, words int, firstName bool) int {
	alone := words == 0 && s == strong && !sc.isText(k, "le", "la", "les", "l")
	if !alone && (words == 0 || !firstName || sc.toks[k-1].shape&shLower == 0) {
		return -1
	}
	m := sc.pastLowerParticles(k)
	if m < 0 {
		return -1
	}
	return sc.lowerSurnameEnd(m, !alone)
}

// pastLowerParticles returns the word after the lower-case particles at
// k ("de la", "van der", "d'"), on their line, or -1 when there is none.
func (sc *scanner) pastLowerParticles(k int) int {
	m := k
	for count := 0; count < 3 && m < len(sc.toks) && sc.toks[m].kind == kWord && sc.has(m, wParticle) &&
		sc.toks[m].shape&shLower != 0 && !sc.isFirstName(m); count++ {
		m = sc.pastParticle(m)
		if m >= len(sc.toks) || sc.toks[m].gap >= gapLine {
			return -1
		}
	}
	if m == k {
		return -1
	}
	return m
}

// lowerSurnameEnd returns the last word of the lower-case surname at m,
// after its particles, or -1: m itself when it ends the clause, or a
// second surname after it that does ("da silva pereira", "dos santos
// ferreira"). With particle, a common word may be the first ("de la
// fontaine").
func (sc *scanner) lowerSurnameEnd(m int, particle bool) int {
	if sc.lowerSurnameWord(m, particle) {
		return m
	}
	end := sc.hyphenEnd(m)
	for p := m; p <= end; p += 2 {
		if !sc.lowerNamePart(p, particle) {
			return -1
		}
	}
	if n := end + 1; n < len(sc.toks) && sc.toks[n].gap == gapSpace && sc.lowerSurnameWord(n, false) {
		return n
	}
	return -1
}

// lowerSurname reports whether the lower-case word k, right after a first
// name in lower case (the only word of the name so far), is its surname:
// "je suis jean dupont et…", "Cordialement, jean dupont". It must end the
// clause and look like no adjective or participle ("je suis paul désolé
// et…"); "Je suis Paul inquiet" stays.
func (sc *scanner) lowerSurname(k, words int, firstName bool) bool {
	return words == 1 && firstName && sc.toks[k-1].shape&shLower != 0 && sc.lowerSurnameWord(k, false)
}

// lowerSurnameWord reports whether word k, in lower case, can end a name
// and ends its clause, with the parts joined to it by hyphens
// ("marchand-roux"): each part a word that may be a name's. A common word
// is allowed after a particle only ("de la fontaine").
func (sc *scanner) lowerSurnameWord(k int, particle bool) bool {
	end := sc.hyphenEnd(k)
	for p := k; p <= end; p += 2 {
		if !sc.lowerNamePart(p, particle) {
			return false
		}
	}
	return sc.clauseEndsAt(end+1, lowerSurnameStops)
}

// lowerNamePart reports whether word k, in lower case, may be a part of a
// surname in lower case: no word that rules a name out, no adjective's or
// participle's ending, and no common word unless after a particle or a
// frequent surname ([word-surname]: "marie-hélène fontaine").
func (sc *scanner) lowerNamePart(k int, particle bool) bool {
	t := &sc.toks[k]
	if t.kind != kWord || t.shape&shLower == 0 || t.end-t.start < 2 {
		return false
	}
	b := sc.bits(k)
	return b&(notName|wFirstAmb) == 0 && (particle || b&wStop == 0 || b&wWordSurname != 0) && !adjectiveEnding(sc.text(k))
}

// adjectiveEnding reports whether a lower-case word ends as French
// adjectives and participles do, which surnames rarely do: "désolé",
// "inquiète", "content", "heureux", "vraiment".
func adjectiveEnding(w string) bool {
	for _, suf := range adjectiveSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var adjectiveSuffixes = []string{"é", "ée", "és", "ées", "ant", "ante", "ants", "antes", "eux", "euse", "ment", "ive", "if", "ète", "ais", "ait"}

// hyphenParticles are the particles joined to their surname by a hyphen:
// "El-Amrani", "ben-ali", "Van-Damme", "Ould-Ahmed"; not the articles,
// which the hyphen joins to other words ("la-bas", "le-long").
var hyphenParticles = wordSet("el al ben bin ibn ould van von de di da del della dos das ter ten")

// pastParticle returns the token after the particle at m and the
// apostrophe or hyphen attached to it: the surname's start in "d'Artagnan",
// "n'diaye", "el-amrani".
func (sc *scanner) pastParticle(m int) int {
	next := m + 1
	if next+1 >= len(sc.toks) || !sc.attached(next) {
		return next
	}
	switch sc.punct(next) {
	case '\'':
		return next + 1
	case '-':
		if sc.attached(next+1) && sc.toks[next+1].kind == kWord && sc.foldedIn(m, hyphenParticles) {
			return next + 1
		}
	}
	return next
}
