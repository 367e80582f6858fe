package redact

import (
	_ "embed"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

//go:embed lexicon.txt
var lexiconText string

//go:embed firstnames.txt
var firstNamesText string

// wordBits are the properties of one word, whatever surrounds it.
type wordBits uint64

const (
	wFunc          wordBits = 1 << iota // function word, frequent verb, greeting
	wStop                               // common content word
	wFirst                              // first name
	wFirstAmb                           // first name that is also a common word
	wFirstAccented                      // some spelling of the first name has accents
	wCivility
	wParticle
	wStreet
	wAddrComp
	wRelative
	wPossessive
	wInstitution
	wMonth
	wCurrency
	wLegal
	wFiller
	wNameCont
	wCountry
	wArticle    // skipped inside a complement ("atteint d'une sclérose")
	wNamePrefix // between a possessive and a relative ("mon petit-fils")
	wStreetLink // joins the words of a street or city name
	wStreetBare // a street type that needs no house number ("rue")
	wAddrUnit   // a building complement with a number ("bâtiment B")
	wAddrNamed  // a building complement with a name ("résidence Les Tilleuls")
	wNumWord    // a number word: "douze", "soixante", "double", "oh"
	wAtWord     // a word that stands for '@' in an e-mail address: "arobase"
	wOrgAddr    // an organisation whose postal address, quoted, stays: "CAF", "préfecture"
	wOffence    // an offence named after a conviction: "pour escroquerie"
	wBody       // a part of the body: "mal au dos", "fracture du poignet"
	wPartner    // a spouse or partner: "femme", "mari", "esposa", "husband"
	wChronic    // "chronique": the word before it is a condition
	wCorrection // "non", "pardon": a value typed again follows
	wTownName   // a first name that is also a town, a town after "à": "Nancy", "Florence"
	// The surnames that are also common words (surnameBits): their
	// sections add a property to a word, listed or not, but list none.
	wWordSurname // a frequent surname that is also a word: "petit", "fontaine"
	wCapsSurname // a surname only when capitalised, the word being too frequent: "grand"
	wSaidSurname // a surname in capitals after "je suis", before a clause of the writer's: "BLANC"
	// The properties below tell of the words around a word, not of the
	// word itself (contextBits).
	wPersonBy      // a participle that "par" and a person follow: "relu par"
	wPersonWith    // a word that "avec" and a person follow: "vu avec", "rdv avec"
	wSigned        // a word that signs a message or a document: "signé : …"
	wOrgWord       // a word of an organisation's name, after a cue of a person: "Crédit Agricole"
	wPublicService // a service that answers a 09 69 number after it: "le service au 09 69 …"
	wDial          // a word of dialling beside a short public number: "3949 puis tapez 1"
	wTakeVerb      // a verb of taking before a medicine's partitive: "je prends du …"
	wHealthWord    // a word that makes a message speak of health: "traitement", "ordonnance"
	// wKeepName marks the first word of a [keep-name] phrase, a shop, a
	// brand or a landmark named after a person ("Leroy Merlin"): like
	// contextBits, it lists no word (keepname.go).
	wKeepName
)

// contextBits are the properties a word has for the words around it. A
// word the lexicon holds only for them is unlisted: its token keeps them
// but reads as a word the lexicon does not know (entry 0) to every other
// rule, so that "Google" or "Loire" stays a possible name or town.
const contextBits = wPersonBy | wPersonWith | wSigned | wOrgWord | wPublicService | wDial | wTakeVerb | wHealthWord

// surnameBits are the properties of the surnames that are also common
// words ([word-surname], [word-surname-caps], [word-surname-said]): like
// contextBits, they list no word, so that "blanc" stays a word the
// lexicon does not know to every other rule.
const surnameBits = wWordSurname | wCapsSurname | wSaidSurname

// unlistedBits are the properties whose sections list no word: a word
// the lexicon holds only for them is unlisted (see contextBits).
const unlistedBits = contextBits | surnameBits | wKeepName

// cueBits tag the last word of a phrase: "je m'appelle", "numéro fiscal".
type cueBits uint32

const (
	cNIR cueBits = 1 << iota
	cFiscal
	cCAF
	cFT
	cFTWeak // "identifiant": France Travail only for its exact shape
	cEtranger
	cINE
	cDossier
	cPermis
	cCNI
	cPasseport
	cPlaque
	cSiret
	cCarte
	cIBAN
	cTel
	cBirth
	cSelf
	cSelfMed
	cSelfWeak
	cFormName
	cClosing
	cAddrCue
	cKeep
	cSante
	cHandicap
	cReligion
	cSyndicat
	cOrientation
	cJustice
	cPlateWord // "plaque", "immatriculation": any plate shape may follow
	cPublicTel // "standard", "numéro vert": an institution's landline follows
)

// specialCues are the cues of the special categories, one per type of
// specialTypes, in the same order.
var specialCues = [...]cueBits{cSante, cHandicap, cReligion, cSyndicat, cOrientation, cJustice}

// cSpecial is the union of specialCues.
const cSpecial = cSante | cHandicap | cReligion | cSyndicat | cOrientation | cJustice

// identCues are the context cues of identifiers read by the ident detector.
const identCues = cCAF | cFT | cFTWeak | cEtranger | cINE | cDossier | cPermis | cCNI | cPasseport | cPlaque

var wordSections = map[string]wordBits{
	"func": wFunc, "stop": wStop, "firstname-ambiguous": wFirstAmb,
	"civility": wCivility, "particle": wParticle, "street": wStreet,
	"addrcomp": wAddrComp, "relative": wRelative, "possessive": wPossessive,
	"institution": wInstitution, "month": wMonth, "currency": wCurrency,
	"legal": wLegal, "filler": wFiller, "namecont": wNameCont, "country": wCountry,
	"article": wArticle, "nameprefix": wNamePrefix, "streetlink": wStreetLink,
	"streetbare": wStreetBare, "addrunit": wAddrUnit, "addrnamed": wAddrNamed,
	"org-addr": wOrgAddr, "offence": wOffence, "body": wBody,
	"partner": wPartner, "chronic": wChronic, "correction": wCorrection,
	"person-by": wPersonBy, "person-with": wPersonWith, "person-signed": wSigned,
	"org-word": wOrgWord, "public-service": wPublicService, "public-dial": wDial,
	"take-verb": wTakeVerb, "health-word": wHealthWord,
	"town-name": wTownName, "word-surname": wWordSurname, "word-surname-caps": wCapsSurname, "word-surname-said": wSaidSurname,
}

var phraseSections = map[string]cueBits{
	"ctx-nir": cNIR, "ctx-fiscal": cFiscal, "ctx-caf": cCAF, "ctx-ft": cFT, "ctx-ft-weak": cFTWeak,
	"ctx-etranger": cEtranger, "ctx-ine": cINE, "ctx-dossier": cDossier,
	"ctx-permis": cPermis, "ctx-cni": cCNI, "ctx-passeport": cPasseport,
	"ctx-plaque": cPlaque, "ctx-plaque-word": cPlaque | cPlateWord, "ctx-public-tel": cPublicTel, "ctx-siret": cSiret, "ctx-carte": cCarte,
	"ctx-iban": cIBAN, "ctx-tel": cTel, "birth": cBirth, "self": cSelf,
	"self-medium": cSelfMed, "self-weak": cSelfWeak, "form-name": cFormName, "closing": cClosing,
	"addr-cue": cAddrCue, "keep": cKeep, "sante": cSante,
	"handicap": cHandicap, "religion": cReligion, "syndicat": cSyndicat, "orientation": cOrientation,
	"justice": cJustice,
}

// phrase is a multi-word cue starting at the word that holds it.
type phrase struct {
	rest     []uint32 // entries of the words after the first
	cue      cueBits
	ext      bool // the phrase takes the complement that follows it
	needComp bool // without a complement the phrase says nothing ("atteint de", "diagnostiqué")
}

// lexEntry is what the lexicon knows about one folded word.
type lexEntry struct {
	word    string // the folded word
	bits    wordBits
	phrases []phrase
	special bool   // a special category's phrase of this one word
	plural  uint32 // the entry of the singular when it is special: "psychiatriques"
}

// lexicon maps folded words to their entries. It is built once and never
// changed afterwards. Tokens refer to entries by index, 0 meaning "not in
// the lexicon", so that they hold no pointer.
type lexicon struct {
	words   map[string]uint32 // the listed words (see unlistedBits)
	entries []lexEntry
	listed  uint32     // entries from listed on are unlisted words' (see unlistedBits)
	table   wordTable  // words and the unlisted words, for tokenize's lookups
	bits    []wordBits // entries[i].bits, packed: the detectors read them for every token
	word    []string   // entries[i].word, packed: isText reads them for many tokens
	phrased []bool     // entries[i] starts a phrase, itself or as the plural of one
	// alone[i] lists the phrases of entries[i] of one word, by their
	// index in entries[i].phrases, and next[i] for each second word
	// those of one word and those of that second word, in the order of
	// entries[i].phrases: a word that starts many phrases ("numéro")
	// reads only those the next word may continue.
	alone [][]uint16
	next  [][]phraseNext
	// keepNames maps the first word of each [keep-name] phrase to the
	// phrases it starts (keepname.go).
	keepNames map[string][]keepName
}

// phraseNext lists the phrases a first word starts when entry ent
// follows it.
type phraseNext struct {
	ent uint32
	idx []uint16
}

// lex is the package's immutable lexicon.
var lex = buildLexicon(lexiconText, firstNamesText)

// entry returns the index of w's entry, adding it when new.
func (l *lexicon) entry(w string) uint32 {
	i, ok := l.words[w]
	if !ok {
		i = uint32(len(l.entries))
		l.entries = append(l.entries, lexEntry{word: w})
		l.words[w] = i
	}
	return i
}

func buildLexicon(words, firstNames string) *lexicon {
	l := &lexicon{words: make(map[string]uint32, 4096), entries: make([]lexEntry, 1, 4096)}
	context := map[string]wordBits{} // the words of unlistedBits' sections
	var buf []byte
	for _, line := range strings.Split(firstNames, "\n") {
		line, _, _ = strings.Cut(line, "#")
		for _, name := range strings.Fields(line) {
			for _, part := range strings.Split(name, "-") {
				if part == "" {
					continue
				}
				buf = fold.Append(buf[:0], part)
				e := &l.entries[l.entry(string(buf))]
				e.bits |= wFirst
				if !isASCII(part) {
					e.bits |= wFirstAccented
				}
			}
		}
	}
	for _, w := range numWordList() {
		l.entries[l.entry(w)].bits |= wNumWord
	}
	for w := range atWords {
		l.entries[l.entry(w)].bits |= wAtWord
	}
	for w := range dotWords {
		l.entry(w)
	}
	for w := range nirKeyWords {
		l.entry(w)
	}
	for _, w := range unitWords {
		l.entry(w)
	}
	for w := range siteWords {
		l.entry(w)
	}
	for _, w := range deadlineWords {
		l.entry(w)
	}
	for _, w := range townLinkWords {
		l.entry(w)
	}
	for _, w := range secretCueWords {
		l.entry(w)
	}
	for _, w := range secretCodeWords {
		l.entry(w)
	}
	for _, w := range ribCueWords {
		l.entry(w)
	}
	for _, w := range artNineEntries() {
		l.entry(w)
	}
	for w := range figurativeAfter {
		l.entry(w)
	}
	for w := range injuryWords {
		l.entry(w)
	}
	for w := range bodyStates {
		l.entry(w)
	}
	for _, set := range []map[string]bool{dateOnlyMonths, dateWords, birthLinks} {
		for w := range set {
			l.entry(w)
		}
	}
	section := ""
	for _, line := range strings.Split(words, "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			if _, ok := wordSections[section]; !ok && section != keepNameSection {
				if _, ok := phraseSections[section]; !ok {
					panic("redact: lexicon.txt: unknown section " + section)
				}
			}
			continue
		}
		if section == keepNameSection {
			l.addKeepName(line, context)
			continue
		}
		if bit, ok := wordSections[section]; ok {
			for _, w := range strings.Fields(line) {
				buf = fold.Append(buf[:0], w)
				if bit&unlistedBits != 0 {
					context[string(buf)] |= bit
					continue
				}
				i := l.entry(string(buf))
				l.entries[i].bits |= bit
			}
			continue
		}
		p := phrase{cue: phraseSections[section]}
		if rest, ok := strings.CutSuffix(line, " ++"); ok {
			line, p.ext, p.needComp = strings.TrimSpace(rest), true, true
		} else if rest, ok := strings.CutSuffix(line, " +"); ok {
			line, p.ext = strings.TrimSpace(rest), true
		}
		parts := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\'' || r == '-' })
		if len(parts) == 0 {
			continue
		}
		for _, w := range parts[1:] {
			buf = fold.Append(buf[:0], w)
			p.rest = append(p.rest, l.entry(string(buf)))
		}
		buf = fold.Append(buf[:0], parts[0])
		head := l.entry(string(buf))
		l.entries[head].phrases = append(l.entries[head].phrases, p)
		if len(p.rest) == 0 && p.cue&cSpecial != 0 {
			l.entries[head].special = true
		}
	}
	l.linkPlurals()
	l.table = newWordTable(l.addContext(context))
	l.bits = make([]wordBits, len(l.entries))
	l.word = make([]string, len(l.entries))
	l.phrased = make([]bool, len(l.entries))
	for i, e := range l.entries {
		l.bits[i] = e.bits
		l.word[i] = e.word
		l.phrased[i] = len(e.phrases) > 0 || e.plural != 0
	}
	l.indexPhrases()
	return l
}

// addContext gives the words of context their properties (unlistedBits):
// a listed word's entry takes them, and every other word gets an entry
// of its own after the listed ones, left out of l.words. It returns the
// words tokenize looks up: the listed ones and those.
func (l *lexicon) addContext(context map[string]wordBits) map[string]uint32 {
	l.listed = uint32(len(l.entries))
	all := make(map[string]uint32, len(l.words)+len(context))
	for w, e := range l.words {
		all[w] = e
	}
	for _, w := range slices.Sorted(maps.Keys(context)) {
		e, ok := l.words[w]
		if !ok {
			e = uint32(len(l.entries))
			l.entries = append(l.entries, lexEntry{word: w})
			all[w] = e
		}
		l.entries[e].bits |= context[w]
	}
	return all
}

// tokenEntry returns the entry a token of the word of entry e refers to:
// e, or 0 for an unlisted word (see unlistedBits).
func (l *lexicon) tokenEntry(e uint32) uint32 {
	if e >= l.listed {
		return 0
	}
	return e
}

// indexPhrases fills l.alone and l.next.
func (l *lexicon) indexPhrases() {
	l.alone = make([][]uint16, len(l.entries))
	l.next = make([][]phraseNext, len(l.entries))
	for i, e := range l.entries {
		for k, p := range e.phrases {
			if len(p.rest) == 0 {
				l.alone[i] = append(l.alone[i], uint16(k))
			}
		}
		for _, p := range e.phrases {
			if len(p.rest) == 0 {
				continue
			}
			if l.phrasesAfter(uint32(i), p.rest[0]) != nil {
				continue
			}
			var idx []uint16
			for m, q := range e.phrases {
				if len(q.rest) == 0 || q.rest[0] == p.rest[0] {
					idx = append(idx, uint16(m))
				}
			}
			l.next[i] = append(l.next[i], phraseNext{ent: p.rest[0], idx: idx})
		}
	}
}

// phrasesAfter returns the phrases entry first starts when entry second
// follows it (see lexicon.next), nil when second continues none.
func (l *lexicon) phrasesAfter(first, second uint32) []uint16 {
	for _, n := range l.next[first] {
		if n.ent == second {
			return n.idx
		}
	}
	return nil
}

// linkPlurals reads the plural of a special category's one-word phrase
// as the singular: an unlisted plural ("épileptiques") is another key of
// the singular's entry, and a plural the lexicon holds as a word of a
// longer phrase ("troubles psychiatriques") is linked to it.
func (l *lexicon) linkPlurals() {
	n := len(l.entries)
	for i := 1; i < n; i++ {
		e := &l.entries[i]
		if w := e.word; len(w) > 4 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') {
			if s := l.words[w[:len(w)-1]]; s != 0 && l.entries[s].special && !e.special {
				e.plural = s
			}
		}
		if e.special && len(e.word) >= 4 {
			if _, ok := l.words[e.word+"s"]; !ok {
				l.words[e.word+"s"] = uint32(i)
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
