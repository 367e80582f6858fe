package redact

import (
	"strings"

	"github.com/plume-sp/plume/fold"
)

// Morphology of the special categories. The names of diseases are built
// from a root and a suffix ("arthrite", "leucémie", "myopathie",
// "lombalgie", "mastectomie") and sexual orientations from "-sexuel";
// reading the ending finds the terms the lexicon does not list.

// inflammations are the endings of the diseases in "-ite" (folded), root
// included: "-ité" nouns lose their accent in SMS writing ("activite",
// "securite") and many common words end in "-ite" ("suite", "visite").
// An ending also covers its compounds: "arthrite" covers "polyarthrite",
// "cardite" "péricardite".
var inflammations = []string{
	"arthrite", "bronchite", "bronchiolite", "hepatite", "meningite", "gastrite",
	"enterite", "colite", "tendinite", "sinusite", "otite", "cystite", "pancreatite",
	"prostatite", "phlebite", "laryngite", "pharyngite", "rhinite", "thyroidite",
	"encephalite", "myelite", "nephrite", "appendicite", "dermite", "dermatite",
	"cardite", "vascularite", "uveite", "retinite", "gingivite", "bursite",
	"condylite", "capsulite", "diverticulite", "nevrite", "neurite", "keratite",
	"mastite", "osteite", "spondylite", "peritonite", "pleurite", "vaginite",
	"conjonctivite", "stomatite", "oesophagite", "arterite", "lymphangite",
	"adenite", "salpingite", "urethrite", "tracheite", "mastoidite",
	"labyrinthite", "blepharite", "fasciite", "myosite", "ostite", "amygdalite",
	"pyelite", "ileite", "cholecystite", "hidrosadenite", "sacroiliite",
}

// tumours are the endings of tumours and lesions in "-ome" (folded): the
// ending alone is too common ("diplôme", "autonome", "aérodrome").
var tumours = []string{
	"carcinome", "melanome", "lymphome", "glaucome", "myelome", "adenome",
	"sarcome", "hematome", "fibrome", "blastome", "theliome", "giome",
	"lipome", "papillome", "atherome", "neurinome", "gliome", "teratome",
	"myome", "seminome", "hepatome", "chondrome", "osteome", "linfome", "mielome",
}

// inflammationRoots and tumourRoots are inflammations and tumours in
// rootSpelling, which other languages share: Spanish "artritis",
// Italian "epatite", "bronquitis", "flebitis", "apendicitis".
var (
	inflammationRoots = rootSpellings(inflammations)
	tumourRoots       = rootSpellings(tumours)
)

func rootSpellings(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = rootSpelling(w)
	}
	return out
}

// rootSpelling writes a folded word the way the languages that share
// medical roots can all be compared: "ph" is "f", "h" is dropped, "y" is
// "i", "qu" and "k" are "c", a doubled letter is single.
func rootSpelling(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == 'p' && i+1 < len(w) && w[i+1] == 'h':
			c = 'f'
			i++
		case c == 'h':
			continue
		case c == 'y':
			c = 'i'
		case c == 'k':
			c = 'c'
		case c == 'q' && i+1 < len(w) && w[i+1] == 'u':
			c = 'c'
			i++
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// medicalSuffixes are endings that make a medical word by themselves,
// with the minimum length of the word.
var medicalSuffixes = []struct {
	suffix string
	min    int
}{
	{"ose", 6}, {"emie", 6}, {"pathie", 8}, {"algie", 7}, {"ectomie", 9},
	{"otomie", 9}, {"stomie", 9}, {"plastie", 9}, {"phrenie", 9}, {"phrene", 9},
	{"emique", 8}, {"pathique", 10},
}

// notMedical are common words with a medical ending, and the names of
// practices rather than conditions.
var notMedical = map[string]bool{
	"academie": true, "epidemie": true, "pandemie": true, "endemie": true,
	"academique": true, "polemique": true, "epidemique": true, "pandemique": true,
	"endemique": true, "systemique": true, "hypnose": true,
	"sympathie": true, "simpathie": true, "antipathie": true, "empathie": true, "telepathie": true,
	"sympathique": true, "antipathique": true, "empathique": true, "telepathique": true,
	"homeopathique": true, "osteopathique": true,
	"nostalgie": true, "glucose": true, "virtuose": true, "grandiose": true,
	"apotheose": true, "metamorphose": true, "morose": true, "idioma": true,
	"diploma": true, "aroma": true, "paloma": true, "dosis": true, "hipnosis": true, "osmose": true, "dichotomie": true,
	"anatomie": true, "autotomie": true, "purpose": true, "lactose": true,
	"cellulose": true, "fructose": true, "saccharose": true,
}

// practices are care practices, not conditions: "l'homéopathie", also
// written "lhomeopathie".
var practices = []string{"homeopathie", "osteopathie", "naturopathie"}

// paralyses are the endings of paralyses, a disability.
var paralyses = []string{"plegie", "plegique", "plegiques", "plegies"}

// foreignEndings turn the medical endings of other languages into the
// French ones, so that the same roots read them: "arthritis", "artritis"
// and "hepatită" are "arthrite", "hepatite"; "tuberculosis" and
// "tuberculoză" are "-ose" (not Italian "-osi", the plural of adjectives
// in "-oso"); "leucemia", "anaemia" are "-émie"; "neuropathy"
// "-pathie"; "carcinoma", "linfoma" "-ome"; "paraplegia" "-plégie".
var foreignEndings = []struct{ from, to string }{
	{"itis", "ite"}, {"ita", "ite"}, {"osis", "ose"}, {"oza", "ose"},
	{"aemia", "emie"}, {"emia", "emie"}, {"pathy", "pathie"}, {"patia", "pathie"},
	{"patie", "pathie"}, {"algia", "algie"}, {"ectomy", "ectomie"}, {"ectomia", "ectomie"},
	{"oma", "ome"}, {"plegia", "plegie"}, {"plejia", "plegie"},
}

// frenchEnding returns w with a medical ending of another language made
// French, or w.
func frenchEnding(w string) string {
	for _, e := range foreignEndings {
		if strings.HasSuffix(w, e.from) && len(w) > len(e.from)+2 {
			return w[:len(w)-len(e.from)] + e.to
		}
	}
	return w
}

// medicalType returns SANTE or HANDICAP when the folded word w names a
// disease, a disorder or an operation by its form, in French or with the
// same roots in another language, else "".
func medicalType(w string) Type {
	if notMedical[w] {
		return ""
	}
	if f := frenchEnding(w); f != w {
		if notMedical[f] {
			return "" // "academia", "sympathy", "simpatia"
		}
		w = f
	}
	return frenchMedicalType(w)
}

// frenchMedicalType is medicalType for French endings.
func frenchMedicalType(w string) Type {
	if notMedical[w] || hasSuffixOf(w, practices) {
		return ""
	}
	for _, p := range paralyses {
		if strings.HasSuffix(w, p) && len(w) > len(p)+2 {
			return HANDICAP
		}
	}
	w = strings.TrimSuffix(w, "s")
	if notMedical[w] {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "ite"):
		return typeIf(hasSuffixOf(rootSpelling(w), inflammationRoots), SANTE)
	case strings.HasSuffix(w, "ome"):
		return typeIf(hasSuffixOf(rootSpelling(w), tumourRoots), SANTE)
	case strings.HasSuffix(w, "pose"):
		return "" // "propose", "dépose", "suppose"
	}
	for _, s := range medicalSuffixes {
		if len(w) >= s.min && strings.HasSuffix(w, s.suffix) {
			return SANTE
		}
	}
	return ""
}

// typeIf returns ty when ok, else "".
func typeIf(ok bool, ty Type) Type {
	if ok {
		return ty
	}
	return ""
}

// hasSuffixOf reports whether w ends with one of the endings.
func hasSuffixOf(w string, endings []string) bool {
	for _, e := range endings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// orientationPrefixes make a sexual orientation with "-sexuel" and a
// hostility to one with "-phobie", in rootSpelling: "homosexuelle",
// "bisexuel", "transphobie", Italian "omosessuale", Portuguese
// "homossexual", Polish "biseksualny", Spanish "homofobia".
var orientationPrefixes = []string{"omo", "bi", "pan", "a", "trans", "etero", "demi", "omni", "lesbo", "gai", "inter"}

// orientationStems follow a prefix of orientationPrefixes (in
// rootSpelling) in a word that names an orientation or a hostility to
// one; only the "sex" stems make a word with "a" ("asexuel").
var orientationStems = []string{"sexu", "sesu", "secsu", "fob", "identi"}

// orientationWord reports whether the folded word w names a sexual
// orientation or gender identity by its form, or is an "lgbt" acronym.
func orientationWord(w string) bool {
	if strings.HasPrefix(w, "lgbt") && len(w) <= 9 {
		return true
	}
	if !strings.Contains(w, "se") && !strings.Contains(w, "ob") && !strings.Contains(w, "identi") {
		return false // no stem: skip the respelling
	}
	r := rootSpelling(w)
	for _, p := range orientationPrefixes {
		rest, ok := strings.CutPrefix(r, p)
		if !ok || len(rest) < 4 {
			continue
		}
		for k, stem := range orientationStems {
			// "transsexuel" is "transexuel" once doubled letters are one
			ok := strings.HasPrefix(rest, stem) || strings.HasPrefix(p[len(p)-1:]+rest, stem)
			if ok && (p != "a" || k < 3) && (k < 4 || p == "trans") {
				return true
			}
		}
	}
	return false
}

// morphEndings are the last three letters (lower case, ASCII) of the
// words morphWords reads, a final "s" taken off: a word that ends
// otherwise is skipped before it is folded.
var morphEndings = map[string]bool{
	"ite": true, "ome": true, "ose": true, "mie": true, "hie": true, "gie": true,
	"que": true, "uel": true, "lle": true, "ual": true, "obe": true, "bia": true,
	"bic": true, "gbt": true, "btq": true, "tqi": true, "qia": true, "bti": true,
	"nie": true, "tie": true, "ene": true, "bie": true, "iti": true, "osi": true,
	"mia": true, "thy": true, "gia": true, "omy": true, "oma": true, "ita": true,
	"oza": true, "tia": true, "jia": true, "ale": true, "ell": true, "lny": true,
	"lna": true, "lni": true,
}

// morphCandidate reports whether the word w may end like a word that
// morphWords reads: a cheap test on its last bytes.
func morphCandidate(w string) bool {
	if n := len(w); n > 0 && w[n-1]|0x20 == 's' {
		w = w[:n-1]
	}
	n := len(w)
	if n < 4 {
		return false
	}
	if strings.HasSuffix(w, "té") || strings.HasSuffix(w, "TÉ") || strings.HasSuffix(w, "ène") || strings.HasSuffix(w, "ÈNE") || strings.HasSuffix(w, "ă") {
		return true // "homosexualité", "transidentité", "schizophrène", "hepatită"
	}
	var t [3]byte
	for k := range t {
		t[k] = w[n-3+k] | 0x20
	}
	return morphEndings[string(t[:])]
}

// morphWords masks the words that name a disease, a disability or a
// sexual orientation by their form, with the noun phrase that follows
// them ("arthrose du genou"). Only words outside the lexicon's phrases
// and common words are read, and only those whose ending may be one of
// these words'.
func (sc *scanner) morphWords() {
	var buf [48]byte
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind != kWord || t.end-t.start < 5 || int(t.end-t.start) > len(buf) || t.cue&cSpecial != 0 {
			continue
		}
		if sc.bits(i)&(wFunc|wStop|wFirst|wStreet|wCountry) != 0 || !morphCandidate(sc.s[t.start:t.end]) {
			continue
		}
		w := string(fold.Append(buf[:0], sc.s[t.start:t.end]))
		ty := medicalType(w)
		if ty == "" && orientationWord(w) {
			ty = ORIENTATION
		}
		if ty == "" {
			continue
		}
		end := i
		if ty != ORIENTATION {
			end = sc.bracketAfter(sc.complement(i)) // "arthrose du genou"
		}
		sc.addToks(i, end, ty, 0.7)
	}
}

// Partners named by their gender: a woman who writes "ma femme" or a man
// who writes "mon mari" says her or his sexual orientation.
var (
	femalePartners = map[string]bool{"femme": true, "epouse": true, "compagne": true, "conjointe": true}
	malePartners   = map[string]bool{"mari": true, "epoux": true, "compagnon": true, "conjoint": true}
)

// writerGender returns +1 when the writer says she is a woman ("je suis
// née", "je suis mariée", "je suis enceinte"), -1 when he says he is a
// man ("je suis marié", "je suis né") and nothing says otherwise, else 0.
// A feminine agreement is deliberate, a masculine one may be an "e" left
// out: one feminine statement outweighs any masculine one.
func (sc *scanner) writerGender() int {
	var buf [48]byte
	male := false
	for i := range sc.toks {
		if !sc.isText(i, "suis", "jsuis", "chui", "jsui") {
			continue
		}
		k := sc.nextWord(i)
		if sc.isText(k, "une", "la", "un", "le") {
			k = sc.nextWord(k) // "je suis une femme", "je suis la mère"
		}
		if k < 0 || int(sc.toks[k].end-sc.toks[k].start) > len(buf) {
			continue
		}
		w := string(fold.Append(buf[:0], sc.text(k)))
		switch {
		case femaleSelf[w] || len(w) >= 3 && strings.HasSuffix(w, "ee"):
			return 1
		case maleSelf[w]:
			male = true
		}
	}
	if male {
		return -1
	}
	return 0
}

// femaleSelf and maleSelf are the words after "je suis" that say the
// writer's gender, besides feminine participles ("née", "mariée").
var (
	femaleSelf = map[string]bool{"enceinte": true, "veuve": true, "seule": true, "maman": true, "mere": true, "divorcee": true, "femme": true}
	maleSelf   = map[string]bool{"ne": true, "marie": true, "pacse": true, "divorce": true, "separe": true, "veuf": true, "papa": true, "pere": true, "homme": true}
)

// samePartner masks the partner a writer names with his or her own
// gender: "ma femme" after "je suis mariée", "mon mari" after "je suis
// marié". It runs only when the text holds a possessive and a partner
// word.
func (sc *scanner) samePartner() {
	gender := 0
	for i := 1; i < len(sc.toks); i++ {
		if !sc.has(i, wRelative) || !sc.isText(i-1, "ma", "mon") {
			continue
		}
		w := lex.entries[sc.toks[i].ent].word
		want := 0
		switch {
		case femalePartners[w] && sc.isText(i-1, "ma", "mon"):
			want = 1
		case malePartners[w] && sc.isText(i-1, "mon"):
			want = -1
		default:
			continue
		}
		if gender == 0 {
			if gender = sc.writerGender(); gender == 0 {
				gender = 2 // unknown, asked once
			}
		}
		if gender == want {
			sc.addToks(i-1, i, ORIENTATION, 0.7)
		}
	}
}

// chronicConditions masks a word followed by "chronique", which makes
// it a condition: "une bronchite chronique", "insomnie chronique",
// "chronic pain" read the other way.
func (sc *scanner) chronicConditions() {
	for i := 1; i < len(sc.toks); i++ {
		if !sc.isText(i, "chronique", "chroniques", "chronic") {
			continue
		}
		if sc.isText(i, "chronic") {
			if k := sc.nextWordAny(i); k != i && sc.bits(k)&(wFunc|wStop) == 0 {
				sc.addToks(i, k, SANTE, 0.7)
			}
			continue
		}
		if k := i - 1; sc.toks[k].kind == kWord && sc.toks[i].gap < gapLine && sc.bits(k)&(wFunc|wStop|wMonth|wCurrency) == 0 {
			sc.addToks(k, i, SANTE, 0.7)
		}
	}
}

// bodyTriggers followed by a preposition and a part of the body state a
// condition: "mal au dos", "problèmes de genoux", "fracture du poignet",
// "opérée de la hanche", "pain in my back".
var bodyTriggers = map[string]bool{
	"mal": true, "maux": true, "douleur": true, "douleurs": true, "probleme": true,
	"problemes": true, "souci": true, "soucis": true, "blessure": true,
	"blessures": true, "blesse": true, "blessee": true, "fracture": true,
	"lesion": true, "lesions": true, "operation": true, "opere": true, "operee": true,
	"operer": true, "infection": true, "insuffisance": true, "malade": true,
	"pain": true, "problems": true, "problem": true, "injury": true, "surgery": true,
}

// bodyLinks are the prepositions, articles and possessives between a
// trigger and the part of the body.
var bodyLinks = map[string]bool{
	"au": true, "aux": true, "a": true, "la": true, "l": true, "du": true, "de": true,
	"des": true, "d": true, "mon": true, "ma": true, "mes": true, "son": true, "sa": true,
	"ses": true, "in": true, "my": true, "his": true, "her": true, "the": true, "on": true,
	"with": true,
}

// bodyConditions masks a condition stated by a trigger, a preposition and
// a part of the body: "mal au dos", "douleurs aux genoux", "problèmes de
// cœur". A part of the body alone says nothing, nor a trigger followed
// by anything else ("un problème de paiement").
func (sc *scanner) bodyConditions() {
	for i := range sc.toks {
		if !sc.has(i, wBody) {
			continue
		}
		k, links := i-1, 0
		for ; k >= 0 && links <= 2; k-- {
			if sc.punct(k) == '\'' && sc.attached(k+1) {
				continue
			}
			if sc.toks[k].kind != kWord || sc.toks[k].ent == 0 || !bodyLinks[lex.entries[sc.toks[k].ent].word] {
				break
			}
			links++
		}
		if links == 0 || k < 0 || sc.toks[k].ent == 0 || !bodyTriggers[lex.entries[sc.toks[k].ent].word] || sc.toks[k+1].gap >= gapLine {
			continue
		}
		sc.addToks(k, sc.bracketAfter(i), SANTE, 0.7)
	}
}
