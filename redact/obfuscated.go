package redact

import "strings"

// E-mail addresses written to dodge robots or dictated: "jean.dupont
// arobase gmail point com", "karim.b [at] outlook [dot] fr", "nath74 @
// hotmail . fr", "lambert.celine a free.fr".

// atWords are the words that stand for '@'; "a", "à" and "at" only count
// between parts that look like an address.
var atWords = map[string]bool{"arobase": true, "arobas": true, "arrobase": true, "arobaz": true, "at": true, "a": true,
	"chez": true, "sur": true, "sobaka": true, "собака": true, "arroba": true, "malpa": true, "chiocciola": true, "klammeraffe": true}

// weakAt are the at-words that are also common words.
var weakAt = map[string]bool{"at": true, "a": true, "chez": true, "sur": true}

// dotWords are the words that stand for '.'.
var dotWords = map[string]bool{"point": true, "dot": true, "pt": true, "punto": true, "ponto": true, "kropka": true, "punkt": true}

// mailTLDs are the top-level domains accepted after a spelled-out dot.
var mailTLDs = map[string]bool{
	"fr": true, "com": true, "net": true, "org": true, "eu": true, "be": true, "ch": true, "de": true,
	"es": true, "it": true, "pt": true, "uk": true, "io": true, "info": true, "lu": true, "ca": true,
	"ma": true, "dz": true, "tn": true, "sn": true, "ci": true, "re": true, "nc": true, "pf": true,
	"gp": true, "mq": true, "gf": true, "yt": true, "pm": true, "ro": true, "pl": true, "ru": true,
	"ua": true, "us": true, "me": true, "co": true, "gouv": true, "edu": true, "nl": true, "at": true,
	"cm": true, "ml": true, "bj": true, "mg": true, "tr": true, "br": true, "in": true, "cn": true,
}

// mailProviders are domains accepted without their top-level domain after
// a strong at-word ("jean arobase gmail").
var mailProviders = map[string]bool{
	"gmail": true, "hotmail": true, "yahoo": true, "outlook": true, "orange": true, "free": true,
	"laposte": true, "sfr": true, "wanadoo": true, "icloud": true, "live": true, "msn": true,
	"protonmail": true, "proton": true, "gmx": true, "aol": true, "yandex": true, "bbox": true, "neuf": true,
	"wp": true, "onet": true, "interia": true, "libero": true, "btinternet": true, "seznam": true,
}

// foldedWord returns the folded word of token i when it is a word of the
// lexicon (every at-word and dot-word is), else "".
func (sc *scanner) foldedWord(i int) string {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kWord || sc.toks[i].ent == 0 {
		return ""
	}
	return lex.entries[sc.toks[i].ent].word
}

// marker reads a bracketed or bare marker word at token i: "at", "(at)",
// "[dot]", "{at}", "[@]", "(.)". It returns the marker's text (folded word,
// or "@" / "."), its last token, and whether it was bracketed.
func (sc *scanner) marker(i int) (string, int, bool) {
	if i >= len(sc.toks) {
		return "", -1, false
	}
	switch p := sc.punct(i); p {
	case '(', '[', '{', '<':
		if i+2 >= len(sc.toks) || !sc.attached(i+1) || !sc.attached(i+2) {
			return "", -1, false
		}
		if sc.punct(i+2) != closingOf(p) {
			return "", -1, false
		}
		if q := sc.punct(i + 1); q == '@' || q == '.' {
			return string(q), i + 2, true
		}
		w := sc.foldedWord(i + 1)
		if w == "" {
			return "", -1, false
		}
		return w, i + 2, true
	case '@', '.':
		return string(p), i, false
	case '#':
		if sc.attached(i) && sc.attached(i+1) {
			return "@", i, false // a mistyped '@': "jean.dupont#gmail.com"
		}
	case 0:
		return sc.foldedWord(i), i, false
	}
	return "", -1, false
}

// closingOf returns the bracket that closes p.
func closingOf(p rune) rune {
	switch p {
	case '(':
		return ')'
	case '[':
		return ']'
	case '{':
		return '}'
	}
	return '>'
}

// isAt reports whether the marker text m stands for '@'.
func isAt(m string) bool { return m == "@" || atWords[m] }

// isDot reports whether the marker text m stands for '.'.
func isDot(m string) bool { return m == "." || dotWords[m] }

// label reports whether token i can be a part of an address.
func (sc *scanner) label(i int) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	k := sc.toks[i].kind
	return (k == kWord || k == kNum || k == kAlnum) && sc.toks[i].end-sc.toks[i].start <= 40
}

// obfuscatedEmails finds the e-mail addresses written with words or
// brackets for '@' and '.'.
func (sc *scanner) obfuscatedEmails() {
	for i := 1; i < len(sc.toks); i++ {
		if sc.toks[i].gap >= gapLine {
			continue
		}
		switch t := &sc.toks[i]; {
		case t.kind == kWord && sc.bits(i)&wAtWord == 0,
			t.kind == kPunct && !markerOpen(sc.punct(i)),
			t.kind == kNum || t.kind == kAlnum:
			continue
		}
		m, last, bracketed := sc.marker(i)
		if !isAt(m) {
			continue
		}
		if sc.toks[i-1].end-sc.toks[i-1].start == 1 { // "… s @ y …": written one character at a time
			if s, e, conf := sc.spacedEmail(i, last, m == "@" || !weakAt[m] || bracketed); s >= 0 {
				sc.addToks(s, e, EMAIL, conf)
				i = e
				continue
			}
		}
		if m == "@" && sc.punct(last+1) == '@' && sc.attached(last+1) {
			last++ // "jean.dupont@@gmail.com"
		}
		weakMarker := weakAt[m] && !bracketed
		dEnd, dots, provider := sc.mailDomain(last+1, weakMarker)
		if dEnd < 0 || dots == 0 && !provider {
			continue
		}
		lStart, parts := sc.mailLocal(i - 1)
		if lStart < 0 || !sc.weakLocalOK(m, weakMarker, lStart, i-1, parts, dots, provider) {
			continue
		}
		dEnd = sc.commaTLD(dEnd)
		conf := 0.95
		if weakMarker {
			conf = 0.85
		}
		sc.addToks(lStart, dEnd, EMAIL, conf)
		i = dEnd
	}
}

// weakLocalOK reports whether the local part from token s to e, of parts
// labels, may go with the at-word m and a domain of dots dots (provider:
// its first label is a mail provider's). A strong at-word takes any; a
// weak one ("at", "a", "chez", "sur") takes two labels or more before a
// provider ("jean.dupont at gmail") or a domain, or one label mixing
// letters and digits, as logins do ("mariecurie1867 chez gmail"); "sur"
// takes a provider only ("marie_curie1867 sur gmail", not "infos sur
// service-public.fr"), and "a" one label only before a provider ("je suis
// a paris.fr"), "chez" one only as a login or an unknown word before a
// provider ("jeandupont chez gmail point com"; not "un compte chez free.fr").
func (sc *scanner) weakLocalOK(m string, weakMarker bool, s, e, parts, dots int, provider bool) bool {
	if !weakMarker {
		return true
	}
	if m == "sur" && !provider {
		return false
	}
	if parts >= 2 {
		return true
	}
	if s == e && sc.toks[s].kind == kAlnum && sc.login(s) || m == "chez" && s == e && sc.loneMailWord(s, dots, provider) {
		return true
	}
	return dots > 0 && provider && m == "a" || dots > 0 && m == "at"
}

// loneMailWord reports whether the word at s, alone before "chez", is an
// address's local part: a word of no lexicon or a first name, before a
// provider and its top-level domain ("jeandupont chez gmail point com";
// not "un compte chez free.fr").
func (sc *scanner) loneMailWord(s, dots int, provider bool) bool {
	return dots > 0 && provider && sc.toks[s].kind == kWord && (sc.toks[s].ent == 0 || sc.isFirstName(s))
}

// login reports whether the alphanumeric token i reads as a login: letters
// first, digits after, as "mariecurie1867" or "nath74".
func (sc *scanner) login(i int) bool {
	w := sc.text(i)
	letters := 0
	for letters < len(w) && (w[letters]|0x20 >= 'a' && w[letters]|0x20 <= 'z') {
		letters++
	}
	return letters >= 3 && letters < len(w)
}

// mailDomain reads a domain from token k: labels joined by dots or dot
// words, ending with a known top-level domain. It returns its last token
// (-1 when there is none), the number of dots and whether the first label
// is a known mail provider.
func (sc *scanner) mailDomain(k int, weakMarker bool) (end, dots int, provider bool) {
	if !sc.label(k) || sc.toks[k].gap >= gapLine {
		return -1, 0, false
	}
	provider = mailProviders[strings.ToLower(sc.text(k))]
	end = -1
	if provider {
		end = k
	}
	cur := k
	for n := 0; n < 6; n++ {
		j := cur + 1
		if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
			break
		}
		if sc.punct(j) == '-' && sc.attached(j) {
			h := j + 1
			if sc.punct(h) == '-' && sc.attached(h) {
				h++ // punycode: xn--…
			}
			if sc.label(h) && sc.attached(h) {
				cur = h
				continue
			}
		}
		m, last, _ := sc.marker(j)
		if !isDot(m) || last+1 >= len(sc.toks) || !sc.label(last+1) || sc.toks[last+1].gap >= gapLine {
			break
		}
		if m == "." && !sc.attached(last+1) && (end >= 0 && end != k || sc.attached(j) && sc.toks[last+1].shape&shCap != 0) {
			break // "gmail.com. Ma fille", "Piano#55. Ma CAF": the sentence ends, the domain did
		}
		cur = last + 1
		dots++
		if mailTLDs[strings.ToLower(sc.text(cur))] {
			end = cur
		}
	}
	if end >= 0 && end != k {
		return end, dots, provider
	}
	if provider {
		return k, 0, true
	}
	return -1, 0, false
}

// mailLocal reads the local part of an address that ends at token k,
// backwards: labels joined by '.', '_', '-', '+' or dot words, six at
// most, or as many as an address spelled one letter at a time has
// ("f.r.a.n.c.k.m.a.u.r.i.n"). It returns its first token and number of
// labels, or -1.
func (sc *scanner) mailLocal(k int) (int, int) {
	if !sc.label(k) || sc.has(k, wFunc) && sc.toks[k].kind == kWord && !sc.attached(k) && sc.punct(k-1) == 0 {
		return -1, 0
	}
	start, parts := k, 1
	for parts < 6 || parts < 64 && sc.spelledLabels(start, k) {
		j := start - 1
		if j < 1 || sc.toks[start].gap >= gapLine {
			break
		}
		switch sc.punct(j) {
		case '.', '_', '-', '+':
			if sc.attached(start) && sc.attached(j) && sc.label(j-1) {
				start, parts = j-1, parts+1
				continue
			}
			// "jean . dupont @ gmail . com": a dot spaced on both sides
			if sc.punct(j) == '.' && sc.toks[start].gap == gapSpace && sc.toks[j].gap == gapSpace && sc.label(j-1) &&
				sc.toks[j-1].kind != kPunct && sc.bits(j-1)&(wFunc|wStop) == 0 {
				start, parts = j-1, parts+1
				continue
			}
		case 0:
			if w := sc.foldedWord(j); dotWords[w] && sc.label(j-1) && sc.toks[j-1].kind != kPunct && !sc.has(j-1, wFunc) {
				start, parts = j-1, parts+1
				continue
			}
		case ')', ']', '}':
			if m, last, _ := sc.marker(j - 2); isDot(m) && last == j && sc.label(j-3) {
				start, parts = j-3, parts+1
				continue
			}
		}
		break
	}
	return start, parts
}

// spelledLabels reports whether every label from token s to e is one
// letter or digit, each joined to the next by an attached mark: a local
// part spelled one character at a time.
func (sc *scanner) spelledLabels(s, e int) bool {
	for k := s; k <= e; k += 2 {
		if sc.toks[k].end-sc.toks[k].start != 1 || sc.toks[k].kind == kPunct || k < e && !sc.attached(k+1) {
			return false
		}
	}
	return true
}

// spacedEmail reads an address written one character at a time around the
// at-marker of tokens at to atEnd, "m a r i e . t h o m a s @ y a h o o .
// f r", "… {at} y a h o o point f r": at least two single characters on
// each side (three before a weak at-word, "a", "at", unless strong), a dot
// (or dot word) after the marker followed by two letters. After a strong
// marker, a local part of four characters or more also takes a domain in
// words ("m a r i e . d u r a n d @ orange . fr"). It returns the first
// and last tokens and the confidence, or -1.
func (sc *scanner) spacedEmail(at, atEnd int, strong bool) (int, int, float64) {
	start := sc.spacedLocal(at)
	if at-start < 2 || !strong && at-start < 3 {
		return -1, -1, 0
	}
	if end := sc.spacedDomain(atEnd); end >= 0 {
		return start, end, 0.9
	}
	if strong && at-start >= 4 {
		if end, dots, _ := sc.mailDomain(atEnd+1, false); end >= 0 && dots > 0 {
			return start, sc.commaTLD(end), 0.95 // as the address in words would be
		}
	}
	return -1, -1, 0
}

// spacedLocal returns the first token of the local part written one
// character at a time before the at-marker at token at, or at when there
// is none.
func (sc *scanner) spacedLocal(at int) int {
	start := at
	for start-1 >= 0 && sc.spelledChar(start-1) && at-start < 64 && sc.toks[start].gap <= gapBlank {
		start--
	}
	for sc.toks[start].kind == kPunct && start < at {
		start++
	}
	return start
}

// spacedDomain reads the domain written one character at a time after
// the at-marker that ends at token atEnd: single characters and a dot
// (or dot word) followed by two letters or more. It returns its last
// token, or -1.
func (sc *scanner) spacedDomain(atEnd int) int {
	end, dot, tld := atEnd, -1, 0
	for end+1 < len(sc.toks) && end-atEnd < 64 && sc.toks[end+1].gap <= gapBlank {
		k := end + 1
		if m, last, _ := sc.marker(k); isDot(m) && last >= k {
			dot, tld, end = last, 0, last // ".", "point", "(dot)"
			continue
		}
		if !sc.spelledChar(k) {
			break
		}
		if dot >= 0 && sc.toks[k].kind == kWord {
			tld++
		}
		end = k
	}
	if dot < 0 || tld < 2 || end == dot {
		return -1
	}
	return end
}

// spelledChar reports whether token k is one character of an address
// spelled one at a time: a letter, a digit, '.', '_' or '-'. The blanks
// between characters are checked by the loops, so that the first one may
// start a line.
func (sc *scanner) spelledChar(k int) bool {
	if k < 0 || k >= len(sc.toks) || sc.toks[k].end-sc.toks[k].start != 1 {
		return false
	}
	switch sc.toks[k].kind {
	case kWord, kNum:
		return true
	}
	p := sc.punct(k)
	return p == '.' || p == '_' || p == '-'
}

// commaTLD extends a domain that ends at token e over a top-level domain
// typed after a comma: "jean.dupont@gmail,com".
func (sc *scanner) commaTLD(e int) int {
	if sc.punct(e+1) == ',' && sc.attached(e+1) && sc.attached(e+2) && e+2 < len(sc.toks) && sc.toks[e+2].kind == kWord &&
		mailTLDs[strings.ToLower(sc.text(e+2))] {
		return e + 2
	}
	return e
}

// markerOpen reports whether r may start an '@' marker: "([{<@#".
func markerOpen(r rune) bool {
	switch r {
	case '(', '[', '{', '<', '@', '#':
		return true
	}
	return false
}
