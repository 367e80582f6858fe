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
	return morphEndingSet.has(w[n-3]|0x20, w[n-2]|0x20, w[n-1]|0x20)
}

// endingSet is a set of three-letter endings, lower-case ASCII letters,
// one bit each: morphCandidate tests every long word of the text.
type endingSet [(26*26*26 + 63) / 64]uint64

// morphEndingSet holds morphEndings.
var morphEndingSet = func() (s endingSet) {
	for e := range morphEndings {
		s.add(e[0], e[1], e[2])
	}
	return s
}()

// endingIndex returns the index of the ending a, b, c, false when one of
// them is no lower-case ASCII letter.
func endingIndex(a, b, c byte) (int, bool) {
	if a-'a' >= 26 || b-'a' >= 26 || c-'a' >= 26 {
		return 0, false
	}
	return (int(a-'a')*26+int(b-'a'))*26 + int(c-'a'), true
}

func (s *endingSet) add(a, b, c byte) {
	k, ok := endingIndex(a, b, c)
	if !ok {
		panic("redact: morphEndings: " + string([]byte{a, b, c}) + " is no lower-case ending")
	}
	s[k/64] |= 1 << (k % 64)
}

func (s *endingSet) has(a, b, c byte) bool {
	k, ok := endingIndex(a, b, c)
	return ok && s[k/64]&(1<<(k%64)) != 0
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
			end = sc.bracketAfter(sc.complement(i, false)) // "arthrose du genou"
		}
		sc.addToks(i, end, ty, 0.7)
	}
}
