package redact

import (
	"strings"

	"github.com/plume-sp/plume/fold"
)

// How people state a special category without naming it by a word of the
// lexicon: a partner of their own gender, a condition of a part of the
// body, a "chronic" something.

// Partners named by their gender: a woman who writes "ma femme" or a man
// who writes "mon mari" says her or his sexual orientation; so in Spanish,
// Portuguese, Italian and English ("mi esposa", "meu marido", "my wife").
var (
	femalePartners = map[string]bool{"femme": true, "epouse": true, "compagne": true, "conjointe": true,
		"esposa": true, "mujer": true, "mulher": true, "moglie": true, "novia": true, "namorada": true,
		"compagna": true, "fidanzata": true, "wife": true, "girlfriend": true}
	malePartners = map[string]bool{"mari": true, "epoux": true, "compagnon": true, "conjoint": true,
		"esposo": true, "marido": true, "marito": true, "novio": true, "namorado": true, "compagno": true,
		"fidanzato": true, "husband": true, "boyfriend": true}
	// feminine possessives: "mon" stands before "épouse" too
	femalePossessives = map[string]bool{"ma": true, "mon": true, "mi": true, "minha": true, "mia": true, "my": true}
	malePossessives   = map[string]bool{"mon": true, "mi": true, "meu": true, "mio": true, "my": true}
)

// copulas introduce what the writer says she or he is: "je suis", "soy",
// "estoy", "sou", "estou", "sono", "I am".
var copulas = map[string]bool{"suis": true, "jsuis": true, "chui": true, "jsui": true, "soy": true,
	"estoy": true, "sou": true, "estou": true, "sono": true, "am": true}

// genderedEndings are the endings of feminine (+1) and masculine (-1)
// participles and adjectives after a copula: "mariée", "casada",
// "sposata", "brasileira"; "casado", "sposato". French masculine
// participles end in "é", which folds like any "e": they are maleSelf.
var genderedEndings = []struct {
	suffix string
	gender int
}{{"ee", 1}, {"ada", 1}, {"ida", 1}, {"ata", 1}, {"eira", 1}, {"ado", -1}, {"ido", -1}, {"ato", -1}, {"eiro", -1}}

// writerGender returns +1 when the writer says she is a woman ("je suis
// née", "je suis mariée", "je suis enceinte", "soy casada"), -1 when he
// says he is a man ("je suis marié", "je suis né", "sou casado") and
// nothing says otherwise, else 0. A feminine agreement is deliberate, a
// masculine one may be an "e" left out: one feminine statement outweighs
// any masculine one.
func (sc *scanner) writerGender() int {
	var buf [48]byte
	male := false
	for i := range sc.toks {
		if sc.toks[i].kind != kWord || sc.toks[i].end-sc.toks[i].start > 6 {
			continue
		}
		if w := string(fold.Append(buf[:0], sc.text(i))); !copulas[w] {
			if sc.coupleFeminine(i, w) {
				return 1
			}
			continue
		}
		k := sc.nextWord(i)
		if sc.isText(k, "une", "la", "un", "le", "una", "uma", "a") {
			k = sc.nextWord(k) // "je suis une femme", "je suis la mère", "I am a woman"
		}
		if k < 0 || int(sc.toks[k].end-sc.toks[k].start) > len(buf) {
			continue
		}
		switch g := selfGender(string(fold.Append(buf[:0], sc.text(k)))); g {
		case 1:
			return 1
		case -1:
			male = true
		}
	}
	if male {
		return -1
	}
	return 0
}

// coupleFeminine reports whether the writer says, with her partner, that
// both are women: "on est pacsées", "nous sommes mariées" (a masculine
// plural says nothing: a man and a woman).
func (sc *scanner) coupleFeminine(i int, w string) bool {
	// "nous" before "sommes": "les sommes réclamées" are sums of money
	if !(w == "sommes" && sc.isText(i-1, "nous")) && !(w == "est" && sc.isText(i-1, "on")) {
		return false
	}
	k := sc.nextWord(i)
	if k < 0 || sc.toks[k].end-sc.toks[k].start > 24 {
		return false
	}
	var buf [32]byte
	f := fold.Append(buf[:0], sc.text(k))
	return len(f) > 4 && string(f[len(f)-3:]) == "ees"
}

// selfGender returns the gender the folded word w gives the writer after
// a copula: +1, -1 or 0.
func selfGender(w string) int {
	switch {
	case femaleSelf[w]:
		return 1
	case maleSelf[w]:
		return -1
	}
	for _, e := range genderedEndings {
		if len(w) > len(e.suffix) && strings.HasSuffix(w, e.suffix) {
			return e.gender
		}
	}
	return 0
}

// femaleSelf and maleSelf are the words after a copula that say the
// writer's gender, besides participles ("née", "casada").
var (
	femaleSelf = map[string]bool{"enceinte": true, "veuve": true, "seule": true, "maman": true, "mere": true,
		"femme": true, "mujer": true, "mulher": true, "donna": true, "madre": true, "mae": true, "woman": true}
	maleSelf = map[string]bool{"ne": true, "marie": true, "pacse": true, "divorce": true, "separe": true,
		"veuf": true, "papa": true, "pere": true, "homme": true, "hombre": true, "homem": true, "uomo": true,
		"padre": true, "pai": true, "man": true}
)

// samePartner masks the partner a writer names with his or her own
// gender: "ma femme" after "je suis mariée", "mon mari" after "je suis
// marié", "mi esposa" after "soy casada". It asks the writer's gender
// only when a possessive and a partner word are found.
func (sc *scanner) samePartner() {
	if sc.allBits&wPartner == 0 {
		return
	}
	gender := 0
	for i := 1; i < len(sc.toks); i++ {
		if !sc.has(i, wPartner) {
			continue
		}
		first, want := sc.partnerAt(i)
		if want == 0 {
			continue
		}
		if gender == 0 {
			if gender = sc.writerGender(); gender == 0 {
				gender = 2 // unknown, asked once
			}
		}
		if gender == want {
			sc.addToks(first, i, ORIENTATION, 0.7)
		}
	}
}

// partnerAt reads the partner word i as the writer's partner: after a
// possessive ("ma femme", "my husband"), or a person of a gender after a
// union or a life together the writer states ("je suis en couple avec un
// homme", "je vis avec une femme", "I'm married to a man"). It returns the
// first token of the phrase and the partner's gender, or 0.
func (sc *scanner) partnerAt(i int) (first, gender int) {
	w := lex.entries[sc.toks[i].ent].word
	if sc.has(i-1, wPossessive) {
		pos := sc.foldedWord(i - 1)
		switch {
		case femalePartners[w] && femalePossessives[pos]:
			return i - 1, 1
		case malePartners[w] && malePossessives[pos]:
			return i - 1, -1
		}
		return 0, 0
	}
	g := personGender[w]
	if g == 0 || i < 2 || !sc.foldedIn(i-1, partnerArticles) || !sc.foldedIn(i-2, partnerLinks) {
		return 0, 0
	}
	if first = sc.unionBefore(i - 2); first < 0 {
		return 0, 0
	}
	return first, g
}

// personGender gives the gender of the words that name a person by it
// ("fille", "garçon" say a child as often).
var personGender = map[string]int{
	"homme": -1, "mec": -1, "man": -1, "hombre": -1, "homem": -1,
	"femme": 1, "meuf": 1, "woman": 1, "mujer": 1, "mulher": 1,
}

// partnerArticles and partnerLinks come between a union word and the
// person: "avec un", "with a", "to a".
var (
	partnerArticles = map[string]bool{"un": true, "une": true, "a": true, "an": true, "uno": true, "una": true, "um": true, "uma": true}
	partnerLinks    = map[string]bool{"avec": true, "with": true, "to": true, "con": true, "com": true, "a": true}
)

// unionWords say a union or a life together before "avec", "with", "to".
var unionWords = map[string]bool{"couple": true, "marie": true, "mariee": true, "pacse": true,
	"pacsee": true, "vis": true, "sors": true, "relation": true, "married": true, "relationship": true,
	"dating": true, "live": true, "living": true, "casado": true, "casada": true, "vivo": true}

// firstPersons are the words that make a union the writer's own.
var firstPersons = map[string]bool{"je": true, "j": true, "jsuis": true, "suis": true, "i": true,
	"im": true, "m": true, "am": true, "yo": true, "estoy": true, "soy": true, "eu": true, "sou": true, "estou": true}

// unionBefore returns the union word the writer states on the few words
// before token k ("je suis en couple" before "avec"), or -1.
func (sc *scanner) unionBefore(k int) int {
	union := -1
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if sc.toks[j+1].gap >= gapLine || sc.toks[j].kind == kPunct && sc.punct(j) != '\'' {
			break
		}
		switch {
		case union < 0 && sc.foldedIn(j, unionWords):
			union = j
		case union >= 0 && sc.foldedIn(j, firstPersons):
			return union
		}
	}
	return -1
}

// chronicConditions masks a word followed by "chronique", which makes
// it a condition: "une bronchite chronique", "insomnie chronique",
// "chronic pain" read the other way.
func (sc *scanner) chronicConditions() {
	if sc.allBits&wChronic == 0 {
		return
	}
	for i := 1; i < len(sc.toks); i++ {
		if !sc.has(i, wChronic) {
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
	if sc.allBits&wBody == 0 {
		return
	}
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
		if end := sc.bodyState(i); end > i {
			sc.addToks(i, end, SANTE, 0.7) // "les poumons fragiles", "mon dos est bloqué"
			continue
		}
		if links == 0 && sc.punct(i-1) == '(' {
			if k := sc.injuryBefore(i); k >= 0 {
				sc.addToks(sc.afterKeep(k, i-1), i+1, SANTE, 0.7) // "accident de chantier (dos)"
			}
			continue
		}
		if links == 0 || k < 0 || sc.toks[k].ent == 0 || !bodyTriggers[lex.entries[sc.toks[k].ent].word] || sc.toks[k+1].gap >= gapLine ||
			sc.figurativeBody(i) {
			continue
		}
		sc.addToks(k, sc.bracketAfter(i), SANTE, 0.7)
	}
}

// figurativeBody reports whether the part of the body at i names a thing,
// not the writer's body: "problème de cœur de métier", "problème au dos
// de la carte", "souci au cœur du dossier". A preposition, maybe an
// article, then a word of figurativeAfter follows it.
func (sc *scanner) figurativeBody(i int) bool {
	k := i + 1
	if !sc.isText(k, "de", "du", "d", "des") || !sc.sameLine(k) {
		return false
	}
	k++
	if sc.punct(k) == '\'' {
		k++
	}
	if sc.isText(k, "la", "l", "mon", "ma", "mes", "son", "sa", "ses", "votre", "vos", "notre", "cette", "ce") {
		k++
		if sc.punct(k) == '\'' {
			k++
		}
	}
	return k < len(sc.toks) && sc.toks[k].ent != 0 && figurativeAfter[lex.entries[sc.toks[k].ent].word]
}

// figurativeAfter are the things a part of the body is said of:
// "cœur de métier", "dos de la carte", "pied de page".
var figurativeAfter = wordSet("metier metiers ville cible village quartier sujet probleme affaire dossier page pages feuille fer biche " +
	"carte formulaire courrier lettre enveloppe photo cheque facture document ticket attestation justificatif releve " +
	"maison immeuble batiment voiture vehicule camion reseau systeme chaine bateau debat")

// injuryBefore returns the trigger or accident a few words before the
// part of the body at i written alone in brackets ("accident de chantier
// (dos)", "chute à vélo (poignet)", "opérée (hanche)"), or -1.
func (sc *scanner) injuryBefore(i int) int {
	if sc.punct(i+1) != ')' || !sc.attached(i) || !sc.attached(i+1) {
		return -1
	}
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		if sc.toks[k+1].gap >= gapLine || sc.toks[k].kind == kPunct && sc.punct(k) != '\'' && sc.punct(k) != '-' {
			return -1
		}
		if e := sc.toks[k].ent; e != 0 && (bodyTriggers[lex.entries[e].word] || injuryWords[lex.entries[e].word]) {
			return k
		}
	}
	return -1
}

// injuryWords name how a part of the body was hurt.
var injuryWords = wordSet("accident accidents chute chutes tombe tombee agression agresse agressee brulure brulures entorse")

// afterKeep returns from, or to when a phrase that stays ends between
// them: "accident du travail (genou)" masks the bracket only.
func (sc *scanner) afterKeep(from, to int) int {
	for k := from; k < to; k++ {
		if sc.toks[k].cue&cKeep != 0 {
			return to
		}
	}
	return from
}

// bodyState returns the last token of the state said of the writer's part
// of the body at i ("mes poumons fragiles", "le genou abîmé", "mon dos est
// bloqué"), or -1. A possessive or an article comes before it.
func (sc *scanner) bodyState(i int) int {
	if !sc.isText(i-1, "mon", "ma", "mes", "les", "le", "la", "son", "sa", "ses") {
		return -1
	}
	k := i + 1
	if sc.isText(k, "est", "sont", "etait", "etaient") {
		k++
	}
	if k < len(sc.toks) && sc.toks[k].gap < gapLine && sc.toks[k].ent != 0 && bodyStates[lex.entries[sc.toks[k].ent].word] {
		return k
	}
	return -1
}

// bodyStates said of a part of the body state a condition.
var bodyStates = wordSet("fragile fragiles malade malades abime abimes abimee abimees use uses usee usees douloureux douloureuse " +
	"douloureuses bloque bloques bloquee bloquees casse casses cassee cassees paralyse paralyses paralysee paralysees " +
	"atteint atteints atteinte atteintes opere operes operee operees enflamme enflammee enflammes enflammees")
