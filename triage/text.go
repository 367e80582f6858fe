package triage

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

// sentence is one sentence of a message: its byte range in the text as
// given, and its folded form (lower case, no accents, straight
// apostrophes, one space between words) that the cues are matched on.
type sentence struct {
	start, end int
	folded     string
	// near and far say whether the sentence names a time within days
	// ("demain", "vendredi", "dans 3 jours", "le 2 décembre") or weeks
	// away or more ("dans trois semaines", "en mars"); now says whether it
	// describes the present ("ce matin", "depuis hier").
	near, far, now bool
	// deadline says whether it names a time within days or a date within
	// deadlineDays: a legal deadline takes days of work to meet.
	deadline bool
	// joke says whether it, or the sentence after it, laughs (jokeRe), or
	// it laughs at itself (loneJokeRe).
	joke bool
	// past says whether it speaks of years ago (pastRe), lastYear whether
	// of last year (lastYearRe), general whether it speaks of a subject in
	// general (generalRe), fiction whether of a story (fictionRe).
	past, lastYear, general, fiction bool
	// settled says whether it, or the sentence after it, says a trouble
	// is over (settledRe); settledLater whether it or any sentence after
	// it does.
	settled, settledLater bool
	// untitled is folded with the quoted titles of works blanked (« le film
	// « Les enfants ont faim » »): what the lexicon reads when it differs
	// (titleRe); empty when the sentence names no such title.
	untitled string
}

// lexical returns the folded text the lexicon's cues read: a quoted title
// of a work names no situation of the writer's (since session 16).
func (s sentence) lexical() string {
	if s.untitled != "" {
		return s.untitled
	}
	return s.folded
}

// titleRe marks a work's title in quotes after its kind (« le film « Les
// enfants ont faim » », « le livre "Il me frappait" »), on raw text.
var titleRe = regexp.MustCompile(`(?i)(?:film|livre|roman|spectacle|pi[eè]ce|chanson|documentaire|[eé]mission|exposition|album|s[eé]rie|podcast|titre|intitul[eé]e?s?|appel[eé]e?s?|nomm[eé]e?s?)\s*[«“"]\s*([^«»“”"]{1,120}?)\s*[»”"]`)

// untitle returns folded with the folded quoted titles of raw blanked, or
// "" when raw names none.
func untitle(raw, folded string) string {
	out := folded
	for _, m := range titleRe.FindAllStringSubmatch(raw, -1) {
		t := strings.TrimSpace(foldSentence(m[1]))
		if t != "" {
			out = strings.Replace(out, " "+t+" ", " titre ", 1)
		}
	}
	if out == folded {
		return ""
	}
	return out
}

// message is a text cut into sentences, with what the rules read across
// sentences.
type message struct {
	sentences []sentence
	// near, far and now are true when a sentence is.
	near, far, now bool
	// general is true when a sentence speaks of a subject in general
	// (generalRe).
	general bool
	// english and spanish count distinctive words of these languages,
	// french the French ones, letters and foreignLetters the letters and
	// those of non-Latin scripts.
	english, spanish, french int
	letters, foreignLetters  int
	// foreignWords counts the words mostly of non-Latin letters,
	// foreignNames those of them written as a name is in a script with
	// capitals (« Олена Шевченко »: a capital, then small letters).
	foreignWords, foreignNames int
	// iberianWords counts the words of Spanish and Portuguese
	// (iberianWords).
	iberianWords int
	// arabizi counts the words of Arabic written in Latin letters and
	// digits (« 3alikoum », « n3refch », « 9bel »: arabiziWord).
	arabizi int
	// evidence counts the words that may tell a situation (evidenceOf).
	evidence int
	// noSituation is true when a sentence says the message tells of
	// nobody's situation (noSituationRe).
	noSituation bool
	// minor is true when the writer says an age under 18 (minorRe).
	minor bool
	// rehoused is true when a sentence says the writer's household has
	// been rehoused for good (rehousedRe).
	rehoused bool
	// plannedCut is true when a sentence names a supply cut for works
	// (plannedCutRe); landlord when the writer rents a home out
	// (landlordRe).
	plannedCut, landlord bool
}

// sentenceEnd is where a sentence may end: punctuation, with the closing
// quotes and brackets after it (« … tu vas voir. » belongs to its
// sentence), followed by a space or the end, or a line break, which ends one only when it ends a
// paragraph (breaksSentence).
var sentenceEnd = regexp.MustCompile(`[.!?…]+(?:[ \x{a0}\x{202f}]*[»”)\]]|")*(?:\s|$)|\r\n|[\r\n\x{2028}\x{2029}]`)

func newMessage(text string, now time.Time) *message {
	m := &message{}
	start := 0
	add := func(end int) {
		raw := text[start:end]
		trimmed := strings.TrimFunc(raw, fold.Blank)
		if trimmed != "" {
			lead := strings.Index(raw, trimmed)
			s := sentence{start: start + lead, end: start + lead + len(trimmed), folded: foldSentence(trimmed)}
			s.near, s.far, s.now = timeOf(s.folded, now)
			s.deadline = deadlineWithin(s.folded, s.near, now)
			s.past, s.general = pastRe.MatchString(s.folded), generalRe.MatchString(s.folded)
			s.lastYear = lastYearRe.MatchString(s.folded) && sinceRe.MatchString(s.folded)
			s.fiction = fictionRe.MatchString(s.folded)
			s.untitled = untitle(trimmed, s.folded)
			m.near, m.far, m.now = m.near || s.near, m.far || s.far, m.now || s.now
			m.general = m.general || s.general
			m.noSituation = m.noSituation || noSituationRe.MatchString(s.folded) && !ownLackRe.MatchString(s.folded)
			m.minor = m.minor || minorRe.MatchString(s.folded)
			m.rehoused = m.rehoused || rehousedRe.MatchString(s.folded) && !provisionalRe.MatchString(s.folded)
			m.plannedCut = m.plannedCut || plannedCutRe.MatchString(s.folded)
			m.landlord = m.landlord || landlordRe.MatchString(s.folded)
			m.count(s.folded)
			m.evidence += evidenceIn(s.folded)
			m.sentences = append(m.sentences, s)
		}
	}
	for _, end := range sentenceEnds(text) {
		add(end)
		start = end
	}
	add(len(text))
	nextLaughs, nextSettles, laterSettles := false, false, false
	for i := len(m.sentences) - 1; i >= 0; i-- {
		f := m.sentences[i].folded
		laughs, settles := jokeRe.MatchString(f), settledRe.MatchString(f) && !unsettledRe.MatchString(f)
		m.sentences[i].joke, m.sentences[i].settled = laughs || nextLaughs || loneJokeRe.MatchString(f), settles || nextSettles
		laterSettles = laterSettles || settles
		m.sentences[i].settledLater = laterSettles
		nextLaughs, nextSettles = laughs || seriousRe.MatchString(f), settles
	}
	m.countScripts(text)
	m.windowCloses(now)
	return m
}

// joined returns sentence i with the folded text of up to n sentences
// before it put in front of its own, for a rule whose cue may stand in an
// earlier sentence than its second cue (rule.reach); its other readings are
// sentence i's.
func (m *message) joined(i, n int) sentence {
	s := m.sentences[i]
	var b strings.Builder
	for _, p := range m.sentences[max(0, i-n):i] {
		b.WriteString(p.folded)
	}
	b.WriteString(s.folded)
	s.folded, s.untitled = b.String(), ""
	return s
}

// foldSentence folds s (fold.String: lower case, no accents), straightens
// apostrophes and collapses everything that is not a letter, a digit, an
// apostrophe, a slash or a hyphen into single spaces, with one space at
// each end; invisible characters (fold.Invisible) are dropped; SMS
// shorthand is spelt out (expandShorthand); digits and signs typed for
// letters are read as letters (unleet).
func foldSentence(s string) string {
	s = unleet(fold.String(s))
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		switch {
		case fold.Invisible(r):
			// dropped: « su\u200bicider » is « suicider »
		case r == '😂' || r == '🤣' || r == '😆' || r == '😹' || r == '😅':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("mdr ")
			space = true
		case r == '’' || r == '\'' || r == 'ʼ':
			b.WriteString("' ")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '-' || r == '°':
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return expandShorthand(b.String())
}

// Time expressions, on folded text (words are surrounded by spaces).
var (
	nearRe = compile(` (?:demain|apres-demain|ce soir|cette nuit|aujourd' hui|ce week-end|cette semaine|la semaine prochaine|` +
		`lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|immediatement|tout de suite|des que possible|au plus vite|` +
		`(?:sous|dans|d' ici|en|recours|delai|delai de) (?:24|48|72) ?h(?:eures)?|dans (?:[1-9]|10) j|(?:reste|restent) (?:plus )?que (?:[1-9]|10|deux|trois|quatre|cinq|quelques) jours|sous (?:huit|8|quinze|15) jours|dans (?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|[1-9]|10) jours|` +
		`d' ici (?:la fin de la semaine|demain|[1-9] jours)|(?:reste|restent|plus que|seulement|sous|d' ici) (?:[1-9]|10|deux|trois|quatre|cinq|quelques) jours|deux nuits|tonight|tomorrow|today|this week|` +
		// « il reste donc 3 jours », « il ne reste alors que deux jours » (since session 22).
		`(?:reste|restent) (?:donc|alors|encore) (?:plus )?(?:que |qu' )?(?:[1-9]|10|deux|trois|quatre|cinq|quelques) jours)[ ,]`)
	// countedRe counts the days left (« on est le 14 », « il me reste
	// moins d'une semaine », « 15 jours pour le recours », « il a 48h
	// pour faire recours », since session 18 the recourse named first:
	// « il faut faire recours… mais c'est seulement 15 jours ? »): a
	// time within days too. Top-level alternatives, each with its
	// prefilter.
	countedRe = compile(` dans les (?:8|huit|10|dix|15|quinze) jours[ ,']| (?:24|48|72) ?h(?:eures)? pour | (?:on est|nous sommes) (?:le |deja le )?[0-9]{1,2} | aujourd' hui (?:c' ?est |on est )?(?:le )?[0-9]{1,2} |` +
		` la fin de (?:la|cette) semaine| (?:8|huit|15|quinze) jours? pour (?:le |un |faire (?:le |un )?)?(?:recours|contester|tribunal)|` +
		` il (?:me|nous|lui) reste (?:moins d' une semaine|(?:[1-9]|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques) jours)|` +
		` (?:recours|contester|faire appel)(?: [a-z']+){0,8} (?:c' est|que|seulement|juste) (?:seulement |que |juste )?(?:8|huit|10|dix|15|quinze) jours`)
	// leisureRe is a countdown of days left of leave, of a sale, of
	// enrolments or of an offer (« il me reste que 2 jours de congés »,
	// « il ne reste que deux jours avant la fin des soldes »): no time
	// within days for the rest of its sentence (since session 19's
	// review).
	leisureRe = regexp.MustCompile(` (?:reste|restent) (?:donc |alors |encore )?(?:plus )?(?:que |qu' )?(?:[1-9]|10|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques) jours?(?: [a-z']+){0,5} (?:conges|soldes|inscriptions?|promos?|promotions?|rtt)[ ,.]`)
	pastDayRe = compile(` (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (?:dernier|passe)| depuis (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)| (?:tous les|le) (?:lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?) `)
	farRe     = compile(` (?:dans|sous|d' ici) (?:un|1|deux|trois|quatre|cinq|six|plusieurs|quelques|[2-9]|1[0-9]) (?:semaines|mois|ans)| (?:le mois|l' annee|l' an|l' ete|l' hiver) prochain| en (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)(?: |$)| a la rentree| l' an prochain`)
	nowRe     = compile(` (?:ce matin|hier|cette nuit|aujourd' hui|maintenant|en ce moment|actuellement|depuis (?:hier|ce matin|[1-9]|deux|trois|quatre|cinq|dix|une|plusieurs|quelques) ?(?:jours?|nuits?|semaines?)?|right now|tonight)[ ,]`)
	dateRe    = regexp.MustCompile(` (?:le |avant le |jusqu' au |au )?([0-3]?[0-9])(?:er)? (?:de )?(` + monthNames + `)| ([0-3]?[0-9])/([01]?[0-9])(?:/[0-9]{2,4})? `)
	// foreignNearRe are times within days in the languages of
	// lexicon_foreign.go (« este viernes », « amanhã », « pe 3 decembrie »
	// is read by dateRe), and a count of hours in any (« 3andi 48 heures »).
	foreignNearRe = compile(` (?:tomorrow|today|tonight|this week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|within (?:24|48|72) hours|in (?:[1-9]|two|three|four|five|a few) days|` +
		`manana|hoy|esta semana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|` +
		`amanha|hoje|segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|` +
		`maine|azi|astazi|marti|miercuri|joi|vineri|sambata|duminica|(?:48|72) (?:heures|horas|hours|ore))[ ,]`)
	foreignPastDayRe = compile(` last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)| (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo) pasado`)
)

// monthNames are the months dateRe reads, in French, English, Spanish,
// Portuguese and Romanian, folded.
const monthNames = `janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|` +
	`january|february|march|april|may|june|july|august|september|october|november|december|` +
	`enero|febrero|marzo|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|` +
	`janeiro|fevereiro|marco|abril|maio|junho|julho|setembro|outubro|novembro|dezembro|` +
	`ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie`

// monthNumber gives each name of monthNames its month.
var monthNumber = func() map[string]int {
	out := map[string]int{}
	for i, names := range [][]string{
		{"janvier", "january", "enero", "janeiro", "ianuarie"}, {"fevrier", "february", "febrero", "fevereiro", "februarie"},
		{"mars", "march", "marzo", "marco", "martie"}, {"avril", "april", "abril", "aprilie"}, {"mai", "may", "mayo", "maio"},
		{"juin", "june", "junio", "junho", "iunie"}, {"juillet", "july", "julio", "julho", "iulie"}, {"aout", "august", "agosto"},
		{"septembre", "september", "septiembre", "setembro", "septembrie"}, {"octobre", "october", "octubre", "outubro", "octombrie"},
		{"novembre", "november", "noviembre", "novembro", "noiembrie"}, {"decembre", "december", "diciembre", "dezembro", "decembrie"},
	} {
		for _, n := range names {
			out[n] = i + 1
		}
	}
	return out
}()

// nearDays is how many days ahead count as "within days".
const nearDays = 10

// deadlineDays is how many days ahead a dated legal deadline counts as
// within days (« il y a un mois pour faire opposition, donc jusqu'au 12
// décembre », written on 30 November).
const deadlineDays = 15

// ultimatumRe marks the time a writer gives the administration to answer
// (« à défaut de réponse motivée sous quinze jours, mon avocat saisira le
// tribunal »): a deadline the writer sets, not one the writer must meet
// (since session 16).
var ultimatumRe = regexp.MustCompile(` (?:a defaut|faute|en l' absence|sans) (?:de |d' )(?:(?:une|votre) )?(?:reponse|regularisation|retour|decision|solution|reaction)(?: [a-z']+){0,4}? (?:(?:sous|dans (?:les|un delai de)|d' ici) (?:[0-9]+|huit|dix|quinze|trente) (?:jours|j)|sous (?:huitaine|quinzaine)) `)

// deadlineWithin reports whether a sentence, folded, names a time within
// days (near, as timeOf read it) or a date within deadlineDays, leaving
// out an ultimatum the writer sets (ultimatumRe).
func deadlineWithin(folded string, near bool, now time.Time) bool {
	if ultimatumRe.MatchString(folded) {
		folded = ultimatumRe.ReplaceAllString(folded, " ")
		near, _, _ = timeOf(folded, now)
	}
	return near || datedWithin(folded, now, deadlineDays)
}

// datedWithin reports whether folded names a date from today to days
// ahead.
func datedWithin(folded string, now time.Time, days int) bool {
	for _, m := range dateRe.FindAllStringSubmatch(folded, -1) {
		if d, ok := daysUntil(m, now); ok && d >= 0 && d <= days {
			return true
		}
	}
	return false
}

// timeOf says whether folded names a time within days, a time weeks away
// or more, and the present.
func timeOf(folded string, now time.Time) (near, far, present bool) {
	if leisureRe.MatchString(folded) {
		folded = leisureRe.ReplaceAllString(folded, " ")
	}
	near = nearRe.MatchString(folded) || foreignNearRe.MatchString(folded)
	pastDay := pastDayRe.MatchString(folded) || foreignPastDayRe.MatchString(folded)
	if near && pastDay && len(nearRe.FindAllString(folded, -1))+len(foreignNearRe.FindAllString(folded, -1)) == 1 {
		near = false
	}
	near = near || countedRe.MatchString(folded)
	far = farRe.MatchString(folded)
	present = nowRe.MatchString(folded)
	for _, m := range dateRe.FindAllStringSubmatch(folded, -1) {
		days, ok := daysUntil(m, now)
		if !ok {
			continue
		}
		switch {
		case days >= 0 && days <= nearDays:
			near = true
		case days > nearDays && days < 300:
			far = true
		}
	}
	return near, far, present
}

// daysUntil reads a date match (day and month name, or day/month) as the
// next such date from now, or the last one when it was under a month ago
// (then negative), and returns how many days away it is.
func daysUntil(m []string, now time.Time) (int, bool) {
	var day, month int
	if m[1] != "" {
		day, _ = strconv.Atoi(m[1])
		month = monthNumber[m[2]]
	} else {
		day, _ = strconv.Atoi(m[3])
		month, _ = strconv.Atoi(m[4])
	}
	if day < 1 || day > 31 || month < 1 || month > 12 {
		return 0, false
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	d := time.Date(now.Year(), time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Before(today.AddDate(0, -1, 0)) {
		d = d.AddDate(1, 0, 0)
	}
	return int(d.Sub(today).Hours() / 24), true
}

// Distinctive words of English and Spanish, and of French, to tell a
// message written in another language.
var (
	englishWords = wordSet("the and you my is are to of please with have what how can this i don't help need want am was your from it")
	spanishWords = wordSet("necesito hablo gracias ayuda quiero tengo mi para usted buenos dias por favor puedo estoy")
	frenchWords  = wordSet("le la les de des du et je vous mon ma mes est pour avec une un que qui pas ne sur dans bonjour merci")
	// iberianWords are words of Spanish and Portuguese that French does
	// not use (not « y », « as », « nos », « con », « son »): they tell a
	// message written in either (message.iberian), which foreign() does
	// not, so that the classifier still reads it.
	iberianWords = wordSet("hola gracias muchas muchos tengo tiene tienen tenemos quiero queria puedo puede podemos necesito estoy esta estamos soy somos hace hay pero porque muy tambien trabajo mis los las del por otro otra ano anos meses dias mio mia usted senor senora buenos buenas donde cuando como ayuda hablo ahora todavia nada solo despues antes desde hasta nuestro nuestra hijo hija hijos esposo esposa quiero una uno mi para todos todas fui fue eso este esto aqui " +
		"ola obrigado obrigada muito muita tenho tem temos quero posso preciso estou sou ha mas tambem meu minha meus minhas seu sua os do da dos das no na nas num numa um uma em com nao sim ja ainda ate depois voce senhor senhora bom dia boa tarde onde quando falo agora filho filha filhos marido mulher")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func (m *message) count(folded string) {
	for _, w := range strings.Fields(strings.ReplaceAll(folded, "' ", "'")) {
		m.english += b2i(englishWords[w])
		m.spanish += b2i(spanishWords[w])
		m.french += b2i(frenchWords[w])
		m.iberianWords += b2i(iberianWords[w])
		m.arabizi += b2i(arabiziWord(w))
	}
}

func (m *message) countScripts(text string) {
	for _, w := range strings.Fields(text) {
		var letters, foreign int
		for _, r := range w {
			if r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				foreign++
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		m.letters, m.foreignLetters = m.letters+letters, m.foreignLetters+foreign
		if foreign*2 > letters {
			m.foreignWords++
			m.foreignNames += b2i(nameWord(w))
		}
	}
}

// nameWord reports whether w is written as a name: a capital, then small
// letters only (« Шевченко », not « ПОМОГИТЕ » nor « помогите », nor a
// word of a script without capitals).
func nameWord(w string) bool {
	first := true
	for _, r := range w {
		switch {
		case !unicode.IsLetter(r):
		case first:
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
		case !unicode.IsLower(r):
			return false
		}
	}
	return !first
}

// foreign reports whether the message is written mostly in another
// language than French: English or Spanish words outnumber French ones, or
// most letters are of another script (Arabic, Cyrillic…).
func (m *message) foreign() bool {
	return (m.english >= 3 && m.english > m.french) || (m.spanish >= 2 && m.spanish > m.french) || m.otherScript()
}

// arabiziWord reports whether w is a word of Arabic written with Latin
// letters and the digits 3, 7 and 9 for ع, ح and ق: a digit inside letters
// (« n3refch », « ma3andhach ») or before three letters (« 3alikoum »,
// « 9bel »), not an ordinal (« 3eme ») nor an hour (« 9h30 »).
func arabiziWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] != '3' && w[i] != '7' && w[i] != '9' {
			continue
		}
		before := i > 0 && isLower(w[i-1])
		after := 0
		for j := i + 1; j < len(w) && isLower(w[j]); j++ {
			after++
		}
		if before && after > 0 || i == 0 && after >= 3 && !strings.HasPrefix(w[1:], "eme") {
			return true
		}
	}
	return false
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// barrier reports whether the way the message is written is a language
// barrier by itself: mostly in another script, or with two words of
// Arabizi (« salam 3alikoum, smahli ma n3refch nekteb »); not for a
// greeting (« Salam, bonjour » before fluent French: until session 11
// « salam » was a cue). A message written mostly in English or Spanish
// is one beside another reason only (latinForeign).
func (m *message) barrier() bool {
	return m.otherScript() || m.arabizi >= 2
}

// latinForeign reports whether the message is written mostly in English
// or Spanish. Since session 13 that alone raises nothing: the writers of
// rounds 13 to 18 kept routine every such message that asks its question
// plainly (« Hi! I'm an American moving to Paris… do I need to register
// with the sécu? », 16 of 16) and named the barrier when the writer says
// French is hard for them, which a cue of the lexicon reads (« my French
// is poor », « no hablo francés »); beside another reason it is still one.
func (m *message) latinForeign() bool {
	return m.foreign() && !m.otherScript()
}

// iberian reports whether the message is written mostly in Spanish or
// Portuguese: more of their words than French ones. Unlike foreign, it
// leaves the message to the classifier (three sessions dropped Spanish
// and Portuguese words from foreign: the model's other readings of such
// messages are needed), but for its language barrier (see model.raise).
func (m *message) iberian() bool {
	return m.iberianWords >= 4 && m.iberianWords > m.french
}

// otherScript reports whether most letters of the message are of another
// script than the Latin one (Arabic, Cyrillic…).
func (m *message) otherScript() bool {
	return m.letters >= 10 && m.foreignLetters*2 > m.letters && !m.foreignNamesOnly()
}

// foreignNamesOnly reports whether the words of another script are a
// name and nothing else, two to four words written as names (« Mme
// Олена Шевченко »): an adviser's note naming someone in her own script
// (a false alarm of session 15: a language barrier). A single word
// (« Помогите ! ») is still read as a message.
func (m *message) foreignNamesOnly() bool {
	return m.foreignWords >= 2 && m.foreignWords <= 4 && m.foreignNames == m.foreignWords
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// leet are the characters typed for letters between two letters: « M0n
// m@ri me fr@ppe », « m0urir », « su1cider ». Not 3, 7 or 9, which write
// Arabic sounds in Latin letters (« n3refch », arabiziWord).
var leet = map[rune]rune{'0': 'o', '1': 'i', '@': 'a', '$': 's'}

// unleet reads the characters of leet as their letters when a letter is
// on each side.
func unleet(s string) string {
	if !strings.ContainsAny(s, "01@$") {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 1; i+1 < len(rs); i++ {
		if l, ok := leet[rs[i]]; ok && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
			rs[i], changed = l, true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}
