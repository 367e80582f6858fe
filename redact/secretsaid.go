package redact

import "strings"

// Codes and passwords said casually: a PIN after a cue and a copula
// without a colon ("le code c'est 7788", "mon code secret de carte bleue
// est le 0912"), spaced or in words ("mon PIN c 1 9 7 3", "mon code de
// carte c'est quatre huit deux un"), and a value given as a recollection
// once a code or a password is the topic ("Quel est votre code PIN ? je
// crois que c'est 4821", "code d'accès … c'était Marseille13").

// saidCodeQual are the words that say which code "code" is: "code secret
// de carte bleue", "code PIN", "code d'accès".
var saidCodeQual = wordSet("secret confidentiel pin acces carte bleue bancaire cb visa")

// saidCodeLink are the words between a code's cue and its value: the
// determiners of its qualifier and the copula ("c'est le", "est", "c").
var saidCodeLink = wordSet("de d ma la du est c cest etait cetait ct le l")

// saidCopula are the words of saidCodeLink that say the value follows.
var saidCopula = wordSet("est c cest etait cetait ct")

// saidCodes masks the codes of this file's comment.
func (sc *scanner) saidCodes() {
	for i := range sc.toks {
		if !sc.foldedIs(i, "code") && !sc.foldedIs(i, "pin") {
			continue
		}
		j, own, ok := sc.saidCodeCue(i)
		if !ok {
			continue
		}
		max := 4
		if own {
			max = 8 // "mon code c 05121997"
		}
		if start, end, ok := sc.codeRun(j, max); ok {
			sc.add(start, end, SECRET, 0.8)
		}
	}
	sc.recalledSecrets()
}

// saidCodeCue reads the qualifier and the copula after the cue word at i
// and returns the token where the value may start. A bare "code" needs
// its copula ("le code c'est"), "pin" none ("el pin 2 2 0 6"); own tells a code named as the writer's or
// qualified ("mon code", "code PIN"), which may be up to eight digits.
func (sc *scanner) saidCodeCue(i int) (j int, own, ok bool) {
	pin := sc.foldedIs(i, "pin")
	qual := pin
	if pin && sc.text(i) != "PIN" && !sc.possessive(sc.wordBefore(i)) && !sc.isText(sc.prevWord(i), "code") && !sc.articleBefore(i) {
		return 0, false, false // "pomme de pin"
	}
	copula := false
	j = i + 1
	for k := 0; k < 8 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		switch p := sc.punct(j); {
		case p == ':' || p == '=':
			copula = true
		case p == '\'':
			k-- // "c'est" counts as one word
		case p == ',' && qual && sc.foldedIn(j+1, saidCopula):
			// "mon code secret de carte, c'est le 0912"
		case p != 0:
			k = 8
			continue
		case sc.foldedIn(j, saidCodeQual):
			qual = true
		case sc.foldedIn(j, saidCopula):
			copula = true
		case !sc.foldedIn(j, saidCodeLink):
			k = 8
			continue
		}
		j++
	}
	own = qual || sc.possessive(sc.wordBefore(i))
	return j, own, (copula || pin) && j < len(sc.toks) && sc.toks[j].gap < gapLine
}

// articleBefore reports whether a word of pinArticles stands before the
// word at i.
func (sc *scanner) articleBefore(i int) bool {
	w := sc.wordBefore(i)
	return w >= 0 && sc.foldedIn(w, pinArticles)
}

// pinArticles are the articles before "pin" that make it a PIN, digits
// following: "y el pin 2 2 0 6", "the pin 4821".
var pinArticles = wordSet("el le the son ton votre")

// codeRun returns the span of a code of 4 to max digits starting at token
// j: one number ("7788"), single digits apart ("1 9 7 3") or digits in
// words ("quatre huit deux un"); neither a date, a time, an amount nor a
// longer number.
func (sc *scanner) codeRun(j, max int) (start, end int, ok bool) {
	if j >= len(sc.toks) {
		return 0, 0, false
	}
	last, n := sc.digitRun(j)
	if last < 0 || n < 4 || n > max {
		return 0, 0, false
	}
	if a := last + 1; a < len(sc.toks) && sc.toks[a].gap == gapNone && (sc.toks[a].kind != kPunct || strings.ContainsRune("/:,.-", sc.punct(a)) && sc.numAt(a+1)) {
		return 0, 0, false // "12/03", "10:30", "48,21", "4821a"
	}
	if a := last + 1; a < len(sc.toks) && sc.toks[a].gap <= gapBlank && sc.numAt(a) {
		return 0, 0, false // a longer number: "7788 12 34"
	}
	start, end = int(sc.toks[j].start), int(sc.toks[last].end)
	return start, end, !sc.secretAfterWord(j, end)
}

// digitRun returns the last token and the digit count of the run at
// token j: one number, single digits one blank apart, or digits in words
// one blank apart; -1 when none starts at j.
func (sc *scanner) digitRun(j int) (last, n int) {
	t := &sc.toks[j]
	if t.kind == kNum && t.end-t.start > 1 {
		return j, int(t.end - t.start)
	}
	last = -1
	for k := j; k < len(sc.toks) && (k == j || sc.toks[k].gap == gapSpace); k++ {
		v, word := sc.numValue(k)
		if sc.toks[k].kind == kNum && sc.toks[k].end-sc.toks[k].start == 1 && t.kind == kNum || word && v >= 0 && v <= 9 && t.kind == kWord {
			last, n = k, n+1
			continue
		}
		break
	}
	return last, n
}

// numAt reports whether token i is a number.
func (sc *scanner) numAt(i int) bool {
	return i >= 0 && i < len(sc.toks) && sc.toks[i].kind == kNum
}

// recallWords are the words that tell a value is recalled: "je crois que
// c'est", "jcrois c etait", "il me semble que c'est".
var recallWords = wordSet("crois jcrois pense jpense semble sais souviens rappelle")

// recalledSecrets masks the value after "c'est" or "c'était" told as a
// recollection (a word of recallWords just before, or the past tense) in
// the two sentences after a code's or a password's cue: a password's
// shape, or 4 to 8 digits; and the values listed after it with "ou".
func (sc *scanner) recalledSecrets() {
	for i := range sc.toks {
		j, past := sc.copulaAt(i)
		if j < 0 || !past && !sc.recallBefore(i) || !sc.secretTopicBefore(i) {
			continue
		}
		for n := 0; n < 3 && j >= 0; n++ {
			start, end, ok := sc.recalledValue(j)
			if !ok {
				break
			}
			sc.add(start, end, SECRET, 0.7)
			j = sc.nextListed(end)
		}
	}
}

// copulaAt returns the token after "c'est", "cest", "c'était", "c etait"
// starting at token i, and whether it is the past; -1 when none starts
// there.
func (sc *scanner) copulaAt(i int) (int, bool) {
	switch {
	case sc.foldedIs(i, "cest"):
		return i + 1, false
	case sc.foldedIs(i, "cetait"):
		return i + 1, true
	case !sc.foldedIs(i, "c"):
		return -1, false
	}
	k := i + 1
	if sc.punct(k) == '\'' {
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].kind != kWord {
		return -1, false
	}
	switch {
	case sc.foldedIs(k, "est"):
		return k + 1, false
	case sc.foldedIs(k, "etait"):
		return k + 1, true
	}
	return -1, false
}

// recallBefore reports whether a word of recallWords stands in the four
// tokens before token i on its line.
func (sc *scanner) recallBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && sc.toks[k+1].gap < gapLine; k-- {
		if sc.foldedIn(k, recallWords) {
			return true
		}
	}
	return false
}

// secretTopicBefore reports whether a code's or a password's cue stands
// in the 30 tokens before token i: "mdp", "mot de passe", "password",
// "PIN", "code" qualified ("code d'accès", "code secret") or the
// writer's own.
func (sc *scanner) secretTopicBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-30; k-- {
		switch {
		case sc.isText(k, "mdp", "password", "passwd", "pwd", "motdepasse"):
			return true
		case sc.isText(k, "passe", "pin") && sc.secretCueAt(k):
			return true
		case sc.foldedIs(k, "code"):
			if _, own, _ := sc.saidCodeCue(k); own && !sc.foldedIn(k+1, codeNotSecret) {
				return true
			}
		}
	}
	return false
}

// codeNotSecret are the words after "code" that make it no secret: "mon
// code postal", "mon code client".
var codeNotSecret = wordSet("postal client ape naf promo barre source couleur route civil penal")

// recalledValue returns the span of the value at token j: a password's
// shape as one word, or a code of 4 to 8 digits.
func (sc *scanner) recalledValue(j int) (start, end int, ok bool) {
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine || sc.toks[j].kind == kPunct {
		return 0, 0, false
	}
	if start, end, ok := sc.codeRun(j, 8); ok {
		return start, end, true
	}
	start = int(sc.toks[j].start)
	end = start
	for end < len(sc.s) && end-start <= maxSecret && !isBlank(sc.s[end]) && sc.s[end] != '\n' && sc.s[end] != '\r' {
		end++
	}
	for end > start && isTrailing(sc.s[end-1]) {
		end--
	}
	v := sc.s[start:end]
	return start, end, passwordShape(v) && !isDateShape(v) && !sc.secretAfterWord(j, end)
}
