package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/plume-sp/plume/redact"
)

// author is who wrote a message, as its redacted text tells: the NOM
// placeholders a cue ties to the writer, and the civility to greet them
// with. A message may name other people (a child, a neighbour, a lawyer):
// their placeholders are never the author's.
type author struct {
	// names are the writer's NOM placeholders, the one to greet first;
	// empty when no cue names the writer.
	names []string
	// civility is "Madame", "Monsieur" or "", as written before names[0].
	civility string
}

// is reports whether placeholder names the author.
func (a author) is(placeholder string) bool { return slices.Contains(a.names, placeholder) }

// greeting is how a reply to the author opens: by name when a cue names
// them, « Madame, Monsieur, » otherwise.
func (a author) greeting() string {
	switch {
	case len(a.names) == 0:
		return "Madame, Monsieur,"
	case a.civility != "":
		return "Bonjour " + a.civility + " " + a.names[0] + ","
	default:
		return "Bonjour " + a.names[0] + ","
	}
}

// civilityPattern is a civility, with the blanks after it.
const civilityPattern = `(?:(?:madame|monsieur|mademoiselle|mme|mlle|mr)\b\.?|m\.)\s*`

var (
	// selfCueRe ends a text that introduces its writer: « je suis »,
	// « je m'appelle »… then, maybe, a civility.
	selfCueRe = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:je\s+suis|je\s+m['’]\s*appelle|je\s+me\s+nomme|mon\s+nom\s+(?:est|c['’]est)|` +
		`moi\s*,?\s+c['’]est|je\s+soussign[ée]e?(?:\(e\))?|my\s+name\s+is)\s*,?\s*(?:` + civilityPattern + `)?$`)
	// helloCueRe is the start of a message that opens with « c'est »,
	// maybe after a greeting: « Bonjour, c'est ». Later in a message,
	// « C'est Lucas Bernard, il est au collège » names someone else.
	helloCueRe = regexp.MustCompile(`(?i)^[\s\pP]*(?:(?:bonjour|bonsoir|salut|slt|allo|allô|coucou|hello)[\s\pP]*)?c['’]est\s+(?:` + civilityPattern + `)?$`)
	// otherPersonRe starts what follows a name « c'est » presents as
	// someone else: « C'est Mme X, l'assistante sociale, qui m'a
	// conseillé », « c'est X qui doit la refaire », « c'est X, elle a 17 ans ».
	otherPersonRe = regexp.MustCompile(`(?i)^[\s,]*(?:qui|que|qu['’]|l['’]|la|le|les|il|elle|ils|elles|son|sa|ses|leur|un|une)\b`)
	// startCivilityRe is a text that holds only a civility: the message
	// starts with it.
	startCivilityRe = regexp.MustCompile(`(?i)^[\s\pP]*` + civilityPattern + `$`)
	// closingCueRe ends a line that closes a message: « Cordialement, »,
	// « Merci, » (a thanks needs its comma or full stop, since « Merci
	// Madame X » thanks someone), maybe then a civility.
	closingCueRe = regexp.MustCompile(`(?i)(?:\b(?:bien\s+)?cordialement|\bsalutations|\bbien\s+[àa]\s+vous|\brespectueusement|\bamicalement|` +
		`\bbonne\s+(?:journ[ée]e|soir[ée]e)|[àa]\s+bient[ôo]t)[\s\pP]*(?:` + civilityPattern + `)?$|` +
		`\bmerci(?:\s+(?:d['’]avance|par\s+avance|beaucoup|bien))?\s*[,.!-]+\s*(?:` + civilityPattern + `)?$`)
	// signatureLineRe is the start of a line that holds only a signature:
	// dashes, maybe a civility.
	signatureLineRe = regexp.MustCompile(`(?i)^[\s\pP]*(?:` + civilityPattern + `)?$`)
	// relationAfterRe starts what follows a name that belongs to someone
	// the writer is related to: « Odile Martin\nma voisine… », « X, mon
	// fils ». A name right after the relation (« X, mon fils Y ») is the
	// relative's instead: see relatedAfter.
	relationAfterRe = regexp.MustCompile(`(?i)^[\s,;:.\-–—()]*(?:ma|mon|mes|notre|nos)\s+(?:(?:ex|beau|belle|demi|arri[èe]re|petit|petite|grand|grande)[\s-]+)*` +
		`(?:voisin|voisine|voisins|fils|fille|filles|enfants?|m[èe]re|p[èe]re|parents?|femme|mari|[ée]pou(?:x|se)|conjointe?|compagnon|compagne|` +
		`concubine?|fr[èe]re|s[œo]e?ur|oncle|tante|neveu|ni[èe]ce|cousine?|amie?|copain|copine|locataire|propri[ée]taire|tut(?:eur|rice)|` +
		`curat(?:eur|rice)|patiente?|cliente?|coll[èe]gue|employ[ée]e?|employeur|b[ée]b[ée]|proche|belle-m[èe]re|beau-p[èe]re)\b`)
	// civilityEndRe finds the civility right before a name.
	civilityEndRe = regexp.MustCompile(`(?i)(?:^|[^\pL])(madame|monsieur|mademoiselle|mme|mlle|mr|m\.)\.?\s*$`)
)

// cueWindow bounds, in bytes, the text before a name read for its cue.
const cueWindow = 80

// nameSpan is where a NOM placeholder stands in a redacted text.
type nameSpan struct {
	placeholder string
	start, end  int
}

// nameSpans returns where the NOM placeholders of entities stand in text,
// the redacted text they were replaced in, in text order.
func nameSpans(text string, entities []redact.Entity) []nameSpan {
	var out []nameSpan
	shift := 0
	for _, e := range entities {
		start := e.Start + shift
		shift += len(e.Placeholder) - (e.End - e.Start)
		end := start + len(e.Placeholder)
		if e.Type != redact.NOM || start < 0 || end > len(text) || text[start:end] != e.Placeholder {
			continue
		}
		out = append(out, nameSpan{placeholder: e.Placeholder, start: start, end: end})
	}
	return out
}

// authorOf finds the writer of a message from its redacted text and the
// entities redaction found in it. The names cued as the writer's, in this
// order: after « je suis », « je m'appelle »… (or « c'est » opening a
// sentence); after a civility that opens the message, as in a letter's
// heading; in a signature, after a closing or alone on the last lines.
// Any other name is someone else's.
func authorOf(text redact.Text, entities []redact.Entity) author {
	s := text.String()
	spans := nameSpans(s, entities)
	tail := shortTail(s)
	var intro, heading, signature []nameSpan
	for _, sp := range spans {
		before := s[windowStart(s, sp.start):sp.start]
		switch {
		case relatedAfter(s, sp):
			// « Je suis\nOdile Martin\nma voisine… »: the neighbour's.
		case selfCueRe.MatchString(before) || opensWithHello(s, sp):
			intro = append(intro, sp)
		case startsMessage(s, sp):
			heading = append(heading, sp)
		case signs(s, sp, tail):
			signature = append(signature, sp)
		}
	}
	var a author
	for _, sp := range slices.Concat(intro, heading, signature) {
		if !a.is(sp.placeholder) {
			a.names = append(a.names, sp.placeholder)
		}
	}
	if len(a.names) > 0 {
		a.civility = civilityBefore(s, spans, a.names[0])
	}
	return a
}

// relatedAfter reports whether a relation word follows sp's name (« ma
// voisine », « mon fils »), with no name after it: the name is that
// person's, never the writer's. « Je suis X, mon fils Y… » keeps X as the
// writer, Y being the son; « Je suis X, mon fils a perdu… » loses X, a
// greeting without the name being the safe side of a public reply.
func relatedAfter(s string, sp nameSpan) bool {
	loc := relationAfterRe.FindStringIndex(s[sp.end:])
	if loc == nil {
		return false
	}
	rest := strings.TrimLeft(s[sp.end+loc[1]:], " \t\r\n,:")
	return !strings.HasPrefix(rest, "[NOM_")
}

// opensWithHello reports whether the message opens by presenting sp's
// name with « c'est » (« slt c'est X, ma carte… ») and does not go on to
// present it as someone else.
func opensWithHello(s string, sp nameSpan) bool {
	return sp.start <= cueWindow && helloCueRe.MatchString(s[:sp.start]) && !otherPersonRe.MatchString(s[sp.end:])
}

// windowStart is where the cue window before offset i of s starts: at most
// cueWindow bytes back, on a character boundary.
func windowStart(s string, i int) int {
	j := max(0, i-cueWindow)
	for j < i && j > 0 && s[j]&0xC0 == 0x80 {
		j++
	}
	return j
}

// startsMessage reports whether sp follows a civility that opens the
// message and ends its line or its clause (« Mme X\n12 rue… », « Mme X : »);
// a name followed by a comma is the addressee's (« Madame X, je vous
// écris »).
func startsMessage(s string, sp nameSpan) bool {
	if sp.start > cueWindow || !startCivilityRe.MatchString(s[:sp.start]) {
		return false
	}
	rest := strings.TrimLeft(s[sp.end:], " \t")
	return rest == "" || strings.ContainsRune("\r\n:([-", rune(rest[0]))
}

// maxSignatureRest bounds, in bytes, what may follow a signature's name
// on its line (placeholders, punctuation).
const maxSignatureRest = 200

// signs reports whether sp is a signature: nothing but contact lines
// follow it (« Tél : [TEL_1] »; they start at tail, see shortTail),
// and on its line it follows a closing (« Merci, X ») or nothing, below a
// line that closes the message (« Cordialement, »).
func signs(s string, sp nameSpan, tail int) bool {
	rest := s[sp.end:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		if sp.end+i+1 < tail {
			return false
		}
		rest = rest[:i]
	}
	if len(rest) > maxSignatureRest || hasWords(rest) {
		return false
	}
	lineStart := strings.LastIndexByte(s[:sp.start], '\n') + 1
	line := s[max(lineStart, windowStart(s, sp.start)):sp.start]
	if closingCueRe.MatchString(line) {
		return true
	}
	if !signatureLineRe.MatchString(line) {
		return false
	}
	return closingCueRe.MatchString(lastLine(s[:lineStart]))
}

// lastLine returns the last line of s that holds more than blanks,
// trimmed: a signature's name alone on its line is the writer's only below
// a closing (« Cordialement, »), since a bare last line may name the
// person written about (« je vous écris pour mon père.\nJean Dupont »).
func lastLine(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	return strings.TrimSpace(s[strings.LastIndexByte(s, '\n')+1:])
}

// hasWords reports whether text holds a letter or digit outside its
// placeholders.
func hasWords(text string) bool { return hasWord(placeholderRe.ReplaceAllString(text, " ")) }

// shortTail is where the last lines of s that may follow a signature
// start: blank lines, and contact lines (« Tél : [TEL_1] »), which hold
// a placeholder and, placeholders aside, at most three words and no
// question. It is len(s) when the last line is neither.
func shortTail(s string) int {
	tail := len(s)
	for tail > 0 {
		start := strings.LastIndexByte(s[:tail-1], '\n') + 1
		if !contactLine(s[start:tail]) {
			break
		}
		tail = start
	}
	return tail
}

// contactLine reports whether line may follow a signature (see shortTail).
func contactLine(line string) bool {
	if len(line) > maxSignatureRest || strings.Contains(line, "?") {
		return false
	}
	words := strings.FieldsFunc(placeholderRe.ReplaceAllString(line, " "), notWordRune)
	return len(words) == 0 || len(words) <= 3 && placeholderRe.MatchString(line)
}

// civilityBefore is the civility written right before one of the
// occurrences of placeholder, as a greeting says it, or "".
func civilityBefore(s string, spans []nameSpan, placeholder string) string {
	for _, sp := range spans {
		if sp.placeholder != placeholder {
			continue
		}
		m := civilityEndRe.FindStringSubmatch(s[windowStart(s, sp.start):sp.start])
		if m == nil {
			continue
		}
		switch strings.ToLower(m[1]) {
		case "madame", "mme", "mademoiselle", "mlle":
			return "Madame"
		default:
			return "Monsieur"
		}
	}
	return ""
}

// notWordRune reports whether r is neither a letter nor a digit.
func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
