package redact

// The lexicon's phrases in a text: cues, protected spans and the special
// categories, with the complements and details that follow them.

// markPhrases tags the last word of every lexicon phrase with its cue and
// adds the candidates that phrases make by themselves (special categories,
// protected spans).
func (sc *scanner) markPhrases() {
	keepEnd := -1  // last token of the protected phrases so far
	sc.allCues = 0 // matchPhrases adds the cues it tags
	sc.disabled = sc.disabled[:0]
	for i := range sc.toks {
		e := sc.toks[i].ent
		if e == numeroAbbrev.n && e != 0 && (sc.punct(i+1) == '°' || sc.punct(i+1) == 'º') && sc.attached(i+1) {
			// "n° de mandat" is read as "numéro de mandat"
			sc.matchPhrases(i, i+1, numeroAbbrev.numero, &keepEnd)
		}
		if !lex.phrased[e] {
			continue
		}
		if disabilityWord(e) {
			sc.disabled = append(sc.disabled, i)
		}
		sc.matchPhrases(i, i, e, &keepEnd)
		if s := lex.entries[e].plural; s != 0 {
			sc.matchPhrases(i, i, s, &keepEnd) // a plural read as its singular
		}
	}
}

// numeroAbbrev holds the entries of "n", which with "°" abbreviates
// "numéro", and of "numero", whose phrases it starts too.
var numeroAbbrev = struct{ n, numero uint32 }{lex.words["n"], lex.words["numero"]}

// matchPhrases matches the phrases of entry e that start at token i, their
// first word ending at token first (i itself, or the "°" of "n°"), tags the
// last word of each with its cue and adds the candidates they make. Of
// e's phrases it reads those of one word and those the next word starts
// to continue (lex.next), in the lexicon's order.
func (sc *scanner) matchPhrases(i, first int, e uint32, keepEnd *int) {
	phrases := lex.entries[e].phrases
	idx, next := lex.alone[e], -1
	if len(idx) < len(phrases) {
		next = sc.nextWord(first)
	}
	if next >= 0 {
		if l := lex.phrasesAfter(e, sc.toks[next].ent); l != nil {
			idx = l
		}
	}
	for _, k := range idx {
		p := &phrases[k]
		if first != i && len(p.rest) == 0 {
			continue // "n°" alone is no phone's cue, as "numéro" is
		}
		j := first
		if len(p.rest) > 0 {
			j = sc.phraseEnd(next, p.rest[1:])
		}
		if j < 0 {
			continue
		}
		sc.toks[j].cue |= p.cue
		sc.allCues |= p.cue
		switch {
		case p.cue&cKeep != 0:
			sc.addToks(i, j, typKeep, 1.5)
			*keepEnd = max(*keepEnd, j)
			if sc.isText(j, "arret", "penitentiaire", "detention") {
				sc.timeServed(i, j) // "j'ai fait 18 mois à la maison d'arrêt de Brest"
				sc.offenceAfter(j)  // "maison d'arrêt … après 18 mois pour escroquerie"
			}
		case p.cue&cSpecial != 0 && i <= *keepEnd:
			// "caisse d'assurance maladie de Lyon": a word of a
			// protected phrase starts no special category
		case p.cue&cSpecial != 0:
			if p.cue&cJustice != 0 && sc.isText(sc.nextWordAny(j), "vierge") {
				continue // "un casier judiciaire vierge": nothing to hide
			}
			end := j
			if p.ext {
				end = sc.complement(j, p.cue&cSyndicat == 0)
			}
			if end == j && p.needComp || sc.genericSpecial(i, j) || sc.figurativeSpecial(i, j, p.cue) || sc.reflexiveStop(i, p.cue) {
				continue
			}
			typ := sc.complementType(j, end, p.cue)
			end = sc.bracketAfter(end)
			sc.addToks(i, end, typ, 0.7)
			if p.cue&cJustice != 0 {
				sc.offenceAfter(end)
			}
			if end > j {
				sc.correctedComplement(end, typ)
			}
		}
	}
}

// phraseEnd returns the last token of the words rest read after token j,
// or -1 when they do not follow.
func (sc *scanner) phraseEnd(j int, rest []uint32) int {
	for _, w := range rest {
		k := sc.nextWord(j)
		if k < 0 || sc.toks[k].ent != w {
			return -1
		}
		j = k
	}
	return j
}

// nextWordAny returns the index of the token after j when it is a word on
// the same line, else j.
func (sc *scanner) nextWordAny(j int) int {
	if k := j + 1; k < len(sc.toks) && sc.toks[k].kind == kWord && sc.toks[k].gap < gapLine {
		return k
	}
	return j
}

// specialType returns the special category of a phrase's cue.
func specialType(c cueBits) Type {
	for k, sc := range specialCues {
		if c&sc != 0 {
			return specialTypes[k]
		}
	}
	return SANTE
}

// complement returns the last token of the noun phrase that follows token j
// ("d'une sclérose en plaques"), or j when there is none. With
// stopInstitution it stops before an institution ("incarcéré au centre
// pénitentiaire"); a union's or a party's phrase takes one ("adhérent à La
// France Insoumise").
func (sc *scanner) complement(j int, stopInstitution bool) int {
	stop := wFunc | wCurrency | wMonth | wStop | wNumWord
	if stopInstitution {
		stop |= wInstitution
	}
	end, k, words := j, j, 0
	for steps := 0; steps < 8 && words < 3; steps++ {
		n := k + 1
		for n < len(sc.toks) && sc.attached(n) && (sc.punct(n) == '\'' || sc.punct(n) == '-') {
			n++
		}
		if n >= len(sc.toks) || sc.toks[n].gap >= gapLine {
			break
		}
		t := sc.toks[n]
		switch {
		case t.kind == kWord && sc.has(n, wRelative):
			// "hospitalisé pour mon fils": the relative is no complement
		case t.kind == kWord && sc.has(n, wArticle|wPossessive):
			// "atteint d'une sclérose", "traitement pour mon VIH"
			k = n
			continue
		case t.kind == kWord && sc.bits(n)&stop == 0:
			// not a common word: "diagnostiqué l'an dernier" takes no
			// complement, "hospitalisé à l'hôpital" and "incarcéré au
			// centre pénitentiaire de Meaux" stop before the institution
			end, k = n, n
			words++
			continue
		case t.kind == kNum && t.end-t.start <= 2 && k > j && sc.isText(k, "type", "stade", "grade", "niveau", "classe"):
			end, k = n, n
			continue
		}
		break
	}
	return end
}

// offenceAfter masks the offence named after a conviction, a prison term
// or a custody that ends at token j, in the same sentence: "garde à vue
// la semaine dernière pour une bagarre", "sortie de prison après 18 mois
// pour trafic", "convicted for fraud".
func (sc *scanner) offenceAfter(j int) {
	for k := j + 1; k < len(sc.toks) && k <= j+14; k++ {
		t := sc.toks[k]
		if t.gap >= gapLine {
			return
		}
		if p := sc.punct(k); p == '.' || p == '?' || p == '!' || p == ';' {
			return
		}
		if !sc.isText(k, "pour", "for") {
			continue
		}
		o := k + 1
		for steps := 0; steps < 3 && o < len(sc.toks) && (sc.has(o, wArticle) || sc.punct(o) == '\''); steps++ {
			o++
		}
		if o < len(sc.toks) && sc.toks[o].gap < gapLine && sc.has(o, wOffence) {
			// surer than a health reading of the same words, "condamné
			// pour violences conjugales (tribunal de Lorient)"
			sc.addToks(k, sc.bracketAfter(sc.complement(o, true)), JUSTICE, 0.75)
		}
		return
	}
}

// bracketAfter extends a special category that ends at token j over the
// brackets that follow it and detail it, "handicapée moteur (fauteuil)",
// "problèmes de santé (cœur)": one to four words, no digit, on the line,
// after at most one uncommon word.
func (sc *scanner) bracketAfter(j int) int {
	k := j + 1
	if k+1 < len(sc.toks) && sc.toks[k].kind == kWord && sc.toks[k].gap < gapLine && sc.bits(k)&(wFunc|wStop) == 0 {
		k++ // "handicapée moteur (fauteuil)"
	}
	if sc.punct(k) != '(' || k+1 >= len(sc.toks) || sc.toks[k].gap >= gapLine {
		return j
	}
	for m := k + 1; m < len(sc.toks) && m <= k+8 && sc.toks[m].gap < gapLine; m++ {
		switch {
		case sc.punct(m) == ')':
			if m == k+1 {
				return j
			}
			return m
		case sc.toks[m].kind == kWord, sc.punct(m) == '\'', sc.punct(m) == '-', sc.punct(m) == ',':
		default:
			return j
		}
	}
	return j
}

// complementType returns the special category of a phrase with cue cue
// whose last word is token j and whose complement ends at token end: the
// phrase's own, unless the complement's first word is itself a one-word
// phrase of another category only ("diagnostiqué sourd" tells a
// disability, not an illness).
func (sc *scanner) complementType(j, end int, cue cueBits) Type {
	typ := specialType(cue)
	for k := j + 1; k <= end && k < len(sc.toks); k++ {
		if sc.toks[k].kind != kWord {
			continue
		}
		e := &lex.entries[sc.toks[k].ent]
		if !e.special {
			return typ
		}
		other := typ
		for _, p := range e.phrases {
			if len(p.rest) == 0 && p.cue&cue&cSpecial != 0 {
				return typ // a word of the phrase's own category too
			}
			if len(p.rest) == 0 && p.cue&cSpecial != 0 {
				other = specialType(p.cue)
			}
		}
		return other
	}
	return typ
}
