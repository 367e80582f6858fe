package rag

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/triage"
)

// Warning codes carried by drafts.
const (
	WarnNoReliableSource   = "no_reliable_source"
	WarnUncited            = "uncited"
	WarnInvalidCitation    = "invalid_citation"
	WarnContactMasked      = "unknown_contact_masked"
	WarnPromptLeak         = "prompt_leak"
	WarnPlaceholderInvent  = "placeholder_invented"
	WarnPlaceholderDropped = "placeholder_dropped"
	WarnExtractive         = "extractive"
	WarnModelFailed        = "model_failed"
	WarnFullTextOnly       = "full_text_only"
	WarnPublicWithheld     = "personal_data_withheld"
	// WarnSecondOpinionFailed: the triage second opinion was asked for
	// and the model gave no level in time; the level is the local one.
	WarnSecondOpinionFailed = "second_opinion_failed"
)

// Warning is something the agent must know about a draft before sending it.
type Warning struct {
	Code string `json:"code"`
	// Severity is "warning" (read before sending) or "info".
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Values lists what the warning is about (masked contacts, unknown
	// citation numbers, placeholders), never personal data.
	Values []string `json:"values,omitempty"`
}

// Citation is a source the draft cites as [N].
type Citation struct {
	N          int    `json:"n"`
	DocID      string `json:"doc_id"`
	DocumentID int64  `json:"document_id"`
	ChunkID    int64  `json:"chunk_id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	Heading    string `json:"heading,omitempty"`
	Passage    string `json:"passage"`
	// Cited says whether the draft cites it; sources given to the model
	// but not cited are listed too, for the agent to check.
	Cited bool `json:"cited"`
}

// citationRe matches a citation marker: numbers in brackets, « [2] »,
// « [1, 3] », negative ones too (« [-1] » cites nothing and is removed as
// [9] is).
var citationRe = regexp.MustCompile(`\[(-?\d{1,3}(?:\s*[,;]\s*-?\d{1,3})*)\]`)

// citationCheck finds the [n] markers of a draft; its scan keeps the
// markers found from one call to the next, so that a streamed draft,
// checked again at each sentence, is read once (see spanScan).
type citationCheck struct{ markers spanScan }

// newCitationCheck returns a citation check that has read nothing yet.
func newCitationCheck() *citationCheck {
	return &citationCheck{markers: spanScan{spans: regexSpans(citationRe)}}
}

// check marks the sources of citations that draft cites, removes the
// markers naming none of them and reports those and a draft citing
// nothing.
func (c *citationCheck) check(draft string, citations []Citation) (string, []Warning) {
	valid := map[int]int{}
	for i, c := range citations {
		valid[c.N] = i
	}
	var invalid []string
	cited, removed := 0, false
	out := replaceSpans(draft, c.markers.find(draft), func(m string) string {
		var keep []string
		for _, part := range citationParts(m) {
			n, _ := strconv.Atoi(part)
			if i, ok := valid[n]; ok {
				if !citations[i].Cited {
					citations[i].Cited = true
					cited++
				}
				keep = append(keep, part)
			} else {
				invalid = append(invalid, "["+part+"]")
			}
		}
		if len(keep) == 0 {
			removed = true
			return ""
		}
		return "[" + strings.Join(keep, ", ") + "]"
	})
	if removed { // « Selon la fiche [7], … » reads « Selon la fiche, … »
		out = danglingSpaceRe.ReplaceAllString(out, "$1")
	}
	var warnings []Warning
	if len(invalid) > 0 {
		warnings = append(warnings, Warning{Code: WarnInvalidCitation, Severity: "warning",
			Message: "Le brouillon citait des sources qui n'existent pas ; ces renvois ont été retirés.", Values: invalid})
	}
	if cited == 0 {
		warnings = append(warnings, Warning{Code: WarnUncited, Severity: "warning",
			Message: "Le brouillon ne cite aucune source : vérifiez chaque information avant l'envoi."})
	}
	return out, warnings
}

// danglingSpaceRe finds the spaces a removed citation marker leaves
// before a comma, a full stop or a closing bracket.
var danglingSpaceRe = regexp.MustCompile(` +([,.)])`)

// citationParts returns the numbers of a citation marker as written,
// signs kept: « [1, -2] » gives "1" and "-2".
func citationParts(marker string) []string {
	parts := strings.FieldsFunc(strings.Trim(marker, "[]"), func(r rune) bool { return r == ',' || r == ';' })
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// Contacts found in drafts. Phones: French numbers of ten digits however
// they are grouped (0X XX XX XX XX, 0XXX XXX XXX, 0 X XX…, with spaces,
// dots or dashes; +33 / 0033; 0 800 …) and, after a word that announces a
// phone number, short numbers (39 39, 3646), their digits apart or not
// (« 39 19 », « 31-14 », « 3 1 1 4 », « 1 5 », « 1.1.2 »); e-mails; web addresses with
// any scheme (https, ftp…), with www., or bare (bareHostRe).
var (
	phoneRe = regexp.MustCompile(`(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|\b0\s?[1-9])(?:[\s.\-]?\d){8}\b|\b0\s?[89]\d{2}(?:[\s.\-]?\d{3}){2}\b|\b3(?:[\s.\-]?\d){3}\b`)
	// phoneCueRe must end the 30 bytes before a short number for it to
	// count as a phone number.
	// shortRe finds France's short emergency and help numbers: the Samu,
	// police, fire brigade, 112, 114, 115, 119, 191, 196, 197 and the
	// 116 xxx lines; phoneSpans counts them once announced.
	shortRe = regexp.MustCompile(`\b(?:1[\s.\-]?[578]|1[\s.\-]?1[\s.\-]?[2459]|1[\s.\-]?9[\s.\-]?[167]|1[\s.\-]?1[\s.\-]?6\s?\d{3})\b`)
	// dayMonthRe is a short number that is a date, « 31-12 » (« 31-12-2026 »).
	dayMonthRe = regexp.MustCompile(`^3[01][.\-/](?:0[1-9]|1[0-2])$|^\d+[.\-/]\d+[.\-/]\d`)
	// listedRe ends with a number of a list going on: « 3919 ou le »,
	// « 17, », « 3919, et le », « 115 ou encore le ».
	listedRe = regexp.MustCompile(`(\d(?:[\d \t.\-]*\d)?)\s*(?:,\s*(?:ou|et)?|ou|et)\s*(?:encore|aussi|bien)?\s*(?:le|au)?\s*$`)
	// notPhoneRe starts what follows a number that is a date, a time, an
	// amount or a duration rather than a phone number.
	notPhoneRe = regexp.MustCompile(`(?i)^\s*(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c|h\b|heures?\b|min|jours?\b|mois\b|ans?\b|€|euros?\b|%|e\b|er\b|[èe]me)`)
	phoneCueRe = regexp.MustCompile(`(?i)(?:appel\w*|compos\w*|num[ée]ro|t[ée]l[ée]phon\w*|t[ée]l\.?|joindre|contact\w*)\s*(?:le|au|:)?\s*$`)
	emailRe    = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	urlRe      = regexp.MustCompile(`(?i)\b(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>"'\)\]]+`)
	// bareHostRe is a host name without scheme nor www., with an optional
	// path; bareURL decides whether it is an address.
	// An IP address counts with a port or a path only (not "1.2.3.4").
	bareHostRe = regexp.MustCompile(`(?i)\b[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b(?::\d{1,5})?(?:/[^\s<>"'\)\]]*)?` +
		`|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5}(?:/[^\s<>"'\)\]]*)?|/[^\s<>"'\)\]]*)`)
)

// ContactPolicy says which contacts a draft may give without a source.
type ContactPolicy struct {
	// Hosts are allowed web domains; a leading "*." allows subdomains
	// ("*.gouv.fr" allows impots.gouv.fr). Their home pages only, and no
	// e-mail address: a mailbox must come from a source.
	Hosts []string
	// Phones are allowed phone numbers, digits only (e.g. "3939").
	Phones []string
	// Links are pages a draft may give without a source, with the pages
	// under them; of a host of Hosts, only the home page is allowed
	// without a source or a link here.
	Links []string
}

// DefaultContactPolicy allows the State's domains and service-public.fr.
func DefaultContactPolicy() ContactPolicy {
	return ContactPolicy{Hosts: []string{"*.gouv.fr", "gouv.fr", "service-public.fr", "*.service-public.fr"}}
}

func (p ContactPolicy) hostAllowed(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, h := range p.Hosts {
		h = strings.ToLower(h)
		if suffix, ok := strings.CutPrefix(h, "*."); ok {
			if strings.HasSuffix(host, "."+suffix) {
				return true
			}
		} else if host == h {
			return true
		}
	}
	return false
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	// +33 6…, +33 (0)6… and 0033 6… are 06…
	switch {
	case strings.HasPrefix(d, "0033"):
		d = "0" + strings.TrimPrefix(d[4:], "0")
	case strings.HasPrefix(strings.TrimSpace(s), "+33"):
		d = "0" + strings.TrimPrefix(d[2:], "0")
	}
	return d
}

// sourceContacts collects the phones (as digits), e-mails and URLs the
// sources contain.
type sourceContacts struct {
	phones map[string]bool
	emails map[string]bool
	urls   []string
}

// replacePhones replaces each phone number of text (see phoneSpans) by
// fn's answer, but those overlapping a span of skip.
func replacePhones(text string, skip [][2]int, fn func(string) string) string {
	return replaceSpans(text, unskipped((&spanScan{spans: phoneSpans}).find(text), skip), fn)
}

// phoneSpans returns the spans of the phone numbers of text from from on,
// in order: a short number (3646, or an emergency one, shortRe) counts
// only once announced, so that amounts, years and dates stay.
func phoneSpans(text string, from int) [][]int {
	var out [][]int
	for _, loc := range regexSpans(phoneRe)(text, from) {
		if len(digits(text[loc[0]:loc[1]])) != 4 || announced(text, loc[0]) && !dayMonth(text, loc) {
			out = append(out, loc)
		}
	}
	long := out
	for _, loc := range regexSpans(shortRe)(text, from) {
		inside := slices.ContainsFunc(long, func(l []int) bool { return l[0] < loc[1] && loc[0] < l[1] })
		if !inside && announced(text, loc[0]) && !notPhoneRe.MatchString(text[loc[1]:]) {
			out = append(out, loc)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// dayMonth reports whether the short number of text at loc is a date
// (« 31-12 », « 31-12-2026 »): its digits apart by a dash, a dot or a
// slash, as a day and a month, or followed by more.
func dayMonth(text string, loc []int) bool {
	end := min(len(text), loc[1]+2)
	return dayMonthRe.MatchString(text[loc[0]:loc[1]]) || dayMonthRe.MatchString(text[loc[0]:end])
}

// announced reports whether the number of text at start is announced as a
// phone number: by a word (phoneCueRe), or as one of the next
// maxListedAfterCue numbers of a list that is (« appelez le 3919 ou le
// 3114 ou le 15 »).
func announced(text string, start int) bool {
	for range maxListedAfterCue + 1 {
		if phoneCueRe.MatchString(text[max(0, start-30):start]) {
			return true
		}
		from := max(0, start-40)
		m := listedRe.FindStringSubmatchIndex(text[from:start])
		if m == nil {
			return false
		}
		start = from + m[2]
	}
	return false
}

// maxListedAfterCue is how far down a list a number may stand from its
// announcing word: walking back through a whole list of numbers (« 15,
// 15, 15… ») made each number cost the list's length (phoneSpans took
// 10 s for 4 KB of them; a diff review of session 13).
const maxListedAfterCue = 4

// unskipped returns the spans that overlap none of skip (an identifier,
// such as a NIR, is not a phone number). Both are in order.
func unskipped(spans, skip [][2]int) [][2]int {
	var out [][2]int
	for _, s := range spans {
		for len(skip) > 0 && skip[0][1] <= s[0] {
			skip = skip[1:]
		}
		if len(skip) == 0 || s[1] <= skip[0][0] {
			out = append(out, s)
		}
	}
	return out
}

func collectContacts(texts []string) sourceContacts {
	c := sourceContacts{phones: map[string]bool{}, emails: map[string]bool{}}
	for _, t := range texts {
		for _, m := range phoneRe.FindAllString(t, -1) {
			c.phones[digits(m)] = true
		}
		for _, loc := range phoneSpans(t, 0) {
			c.phones[digits(t[loc[0]:loc[1]])] = true
		}
		for _, m := range emailRe.FindAllString(t, -1) {
			c.emails[strings.ToLower(m)] = true
		}
		for _, loc := range urlSpans(t, 0) {
			c.urls = append(c.urls, normalizeURL(t[loc[0]:loc[1]]))
		}
	}
	return c
}

func normalizeURL(u string) string {
	u = strings.TrimRight(strings.ToLower(u), ".,;:!?")
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(u, "www."), "/")
}

// linkKey is a link normalized for comparison with the sources: without
// its #fragment, without tracking and language query parameters (lang,
// xtor, utm_*), and with service-public.gouv.fr read as service-public.fr,
// so that the model's « …/F1570#0 » or « …/F1570?lang=fr » is the source's
// page, not an invented one.
func linkKey(link string) string {
	n := normalizeURL(link)
	u, err := url.Parse("https://" + n)
	if err != nil || u.Host == "" {
		// Not a URL net/url reads (a bad escape): its page without the
		// query and fragment, which it cannot compare as parameters.
		n, _, _ = strings.Cut(n, "#")
		n, _, _ = strings.Cut(n, "?")
		return gouvHost(strings.TrimSuffix(n, "/"))
	}
	q := u.Query()
	for name := range q {
		if name == "lang" || name == "xtor" || strings.HasPrefix(name, "utm_") {
			q.Del(name)
		}
	}
	// The path unescaped: « …/démarches » and « …/d%C3%A9marches » (which
	// normalizeURL lowercased) are the same page.
	key := gouvHost(u.Host + strings.TrimSuffix(u.Path, "/"))
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}

// gouvHost reads service-public.gouv.fr, at the start of a link without
// its scheme, as service-public.fr.
func gouvHost(n string) string {
	if rest, ok := strings.CutPrefix(n, "service-public.gouv.fr"); ok && (rest == "" || rest[0] == '/') {
		return "service-public.fr" + rest
	}
	return n
}

// maskedContact replaces a contact that comes from neither the sources nor
// the allow-list.
const maskedContact = "[coordonnée à vérifier]"

// urlAllowed reports whether a draft may give link: a source or the
// policy's Links give it (or a page above or below it), or it is the home
// page of an allowed host. A page of an allowed host that neither gives
// (« service-public.fr/particuliers/vosdroits/F1234 » with no source of
// that address) is masked as any invented address: the whole domain is
// allowed, not every path a model may write on it.
func urlAllowed(link string, sources []string, policy ContactPolicy) bool {
	n := linkKey(link)
	for _, s := range slices.Concat(sources, policy.links()) {
		s = linkKey(s)
		if n == s || strings.HasPrefix(s, n+"/") || strings.HasPrefix(n, s+"/") || strings.HasPrefix(s, n+"?") {
			return true
		}
	}
	if !strings.Contains(link, "://") {
		link = "https://" + link
	}
	u, err := url.Parse(link)
	return err == nil && policy.hostAllowed(u.Hostname()) && strings.Trim(u.EscapedPath(), "/") == "" &&
		u.RawQuery == "" && u.Fragment == ""
}

// links returns the policy's Links, normalized as source addresses.
func (p ContactPolicy) links() []string {
	out := make([]string, len(p.Links))
	for i, l := range p.Links {
		out[i] = normalizeURL(l)
	}
	return out
}

// checked is a draft's redacted text after the checks.
type checked struct {
	text      string
	citations []Citation
	warnings  []Warning
}

// checker returns the checks of a draft that drew on passages: its
// opening's numbers are allowed, so are the configured emergency numbers
// when the message is urgent or needs attention (a routine draft gives
// them only when a source does, as any number), and it restores what its
// channel may.
func (d *Drafter) checker(r run, passages []Result) *checker {
	contacts := d.opts.Contacts
	contacts.Phones = append(slices.Clone(contacts.Phones), r.opening.phones...)
	if r.attention.Level != triage.Routine {
		for _, c := range d.opts.Emergency {
			contacts.Phones = append(contacts.Phones, c.Number)
		}
	}
	return &checker{passages: passages, contacts: contacts, restore: restoreMapping(r.req.Channel, r.red.mapping, r.red.author),
		policy: d.opts.Redaction}
}

// check is the checks stage, on the redacted text: citations, contacts,
// placeholders, a model's figures (checkFigures) and, on a public
// channel, the values withheld.
func (d *Drafter) check(r run) checked {
	text, citations, warns := d.checker(r, r.written.passages).check(r.opening.text + r.written.text)
	out := checked{text: text, citations: citations}
	if !r.written.extractive || len(r.written.passages) > 0 {
		out.warnings = append(out.warnings, warns...)
	} else {
		// An extractive holding reply cites nothing by design: only the
		// contact warnings apply.
		for _, w := range warns {
			if w.Code == WarnContactMasked {
				out.warnings = append(out.warnings, w)
			}
		}
	}
	if r.written.fromModel {
		// A public Services Publics+ reply must not repeat personal data:
		// there, dropped placeholders are expected, not worth a warning.
		out.warnings = append(out.warnings, checkPlaceholders(text, r.red.mapping, r.red.questionMapping, !publicChannel(r.req.Channel))...)
		known := append(sourceTexts(r.written.passages), r.red.full.String(), r.red.note.String(), r.opening.text)
		out.warnings = append(out.warnings, checkFigures(r.written.text, known)...)
	}
	out.warnings = append(out.warnings, checkWithheld(r.req.Channel, text, r.red.mapping, r.red.author)...)
	return out
}

// restore is the restore stage: the checked draft with the values its
// channel allows put back, for the agent.
func (d *Drafter) restore(r run) string {
	return redact.Restore(r.checked.text, restoreMapping(r.req.Channel, r.red.mapping, r.red.author), d.opts.Redaction)
}
