package redact

// Passwords the writer says they tried or changed to, in a message about a password:
// "jai oublie mon mot de passe ameli … jai essayer Marine2091! et
// Marine2091 ca marche pas". The verb alone announces nothing: only in a
// message that names a password, and only a password's shape.

// triedWords are the verbs that announce a password tried.
var triedWords = wordSet("essaye essayer essayee essayes essai essayez essaie essayons tente tenter tentez tape taper tapez tried typed entered try change changee changed")

// triedSecrets masks the passwords written after a verb of trying, and
// those listed after the first with "et", "and", "puis" or a comma, in a
// message whose text names a password elsewhere, or before "pour vous
// connecter" ("essayez kl13kl13 pour vous connecter").
func (sc *scanner) triedSecrets() {
	names := sc.namesPassword()
	for i := range sc.toks {
		if !sc.foldedIn(i, triedWords) {
			continue
		}
		j := i + 1
		for k := 0; k < 4 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
			if p := sc.punct(j); p != ':' && p != '«' && p != '"' && !sc.foldedIn(j, triedSkip) {
				break
			}
			j++
		}
		for n := 0; n < 4; n++ {
			start, end, ok := sc.secretValue(j, bareCodeCue)
			if !ok || start != int(sc.toks[j].start) || !names && !sc.connectAfter(end) {
				break
			}
			sc.add(start, end, SECRET, 0.8)
			if j = sc.nextListed(end); j < 0 {
				break
			}
		}
	}
}

// triedSkip are the words between a verb of trying and the password:
// "j'ai essayé avec Soleil2024!", "tried again with …", "typed exactly
// …", "je l'ai changé en …".
var triedSkip = wordSet("avec with again encore aussi also le la les mon ma exactly exactement en to pour")

// listJoin are the words that join a list's items.
var listJoin = wordSet("et and puis then ou or")

// nextListed returns the token of the next item of a list after the value
// ending at byte end: past one "et", "and", "puis", "ou" or a comma on the
// same line; -1 when none follows.
func (sc *scanner) nextListed(end int) int {
	j := sc.tokAfter(end)
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return -1
	}
	if sc.punct(j) == ',' || sc.foldedIn(j, listJoin) {
		j++
	} else {
		return -1
	}
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return -1
	}
	return j
}

// namesPassword reports whether the message names a password: "mot de
// passe", "mdp", "password".
func (sc *scanner) namesPassword() bool {
	for i := range sc.toks {
		switch {
		case sc.isText(i, "mdp", "password", "passwd", "motdepasse"):
			return true
		case sc.isText(i, "passe") && sc.secretCueAt(i):
			return true
		}
	}
	return false
}

// connectWords are the verbs of logging in.
var connectWords = wordSet("connecter connecte co identifier loguer login log")

// connectAfter reports whether "pour (vous|te|me|se) connecter" or "to log
// in" follows the value ending at byte end.
func (sc *scanner) connectAfter(end int) bool {
	j := sc.tokAfter(end)
	if !sc.foldedIs2(j, "pour", "to") {
		return false
	}
	for k := j + 1; k < len(sc.toks) && k <= j+3 && sc.toks[k].gap < gapLine; k++ {
		if sc.foldedIn(k, connectWords) {
			return true
		}
	}
	return false
}

// foldedIs2 reports whether token i exists and, folded, is a or b.
func (sc *scanner) foldedIs2(i int, a, b string) bool {
	return i >= 0 && i < len(sc.toks) && (sc.foldedIs(i, a) || sc.foldedIs(i, b))
}
