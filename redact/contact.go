package redact

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contacts finds e-mail addresses and URLs. A URL is masked when it carries
// something personal (a token, an identifier, an e-mail, a long number in
// its query or path); other URLs are protected so that no detector cuts
// into them.
func (sc *scanner) contacts() {
	s := sc.s
	for from := 0; ; {
		at := strings.IndexByte(s[from:], '@')
		if at < 0 {
			break
		}
		at += from
		start, end := emailAt(s, at)
		if start < 0 {
			if e := socialHandle(s, at); e > 0 {
				sc.add(at, e, URL, 0.85) // "insta @manon.lgd_"
			}
			from = at + 1
			continue
		}
		if sharedMailbox(s[start:at], s[at+1:end]) {
			sc.add(start, end, typKeep, 1.5) // "ne-pas-repondre@urssaf.fr": an organisation's, public
		} else {
			sc.add(start, end, EMAIL, 0.99)
		}
		from = end
	}
	sc.urls("://")
	sc.urls("www.")
	sc.urls("WWW.")
	sc.socialURLs(".com/")
	sc.socialURLs(".me/")
}

// socialSites are the sites whose every path names a person: a profile
// written without "https://" or "www." is still a URL to mask.
var socialSites = map[string]bool{
	"linkedin.com": true, "facebook.com": true, "fb.com": true, "instagram.com": true, "tiktok.com": true,
	"twitter.com": true, "x.com": true, "github.com": true, "youtube.com": true, "t.me": true, "wa.me": true,
	"vk.com": true, "snapchat.com": true, "behance.net": true, "dribbble.com": true, "linktr.ee": true,
	"about.me": true, "pinterest.com": true, "soundcloud.com": true, "threads.net": true, "bsky.app": true,
	"tumblr.com": true, "flickr.com": true, "paypal.me": true, "leetchi.com": true, "gofundme.com": true,
	"lepotcommun.fr": true, "malt.fr": true, "lydia-app.com": true,
}

// siteBuilders host people's own sites under a name of their choice:
// "karimbenali.wixsite.com", "famille-dupont.over-blog.com".
var siteBuilders = [...]string{".wixsite.com", ".wordpress.com", ".blogspot.com", ".blogspot.fr", ".over-blog.com",
	".github.io", ".jimdosite.com", ".jimdofree.com", ".weebly.com", ".canalblog.com", ".e-monsite.com",
	".webnode.fr", ".webnode.page", ".carrd.co", ".substack.com", ".eklablog.com", ".skyrock.com"}

// builtSite reports whether host h (lower case) is a site of its own on a
// site builder; the builder's own host ("www.wix.com") is not.
func builtSite(h string) bool {
	for _, b := range siteBuilders {
		if strings.HasSuffix(h, b) && len(h) > len(b) && !strings.HasPrefix(h, "www.") {
			return true
		}
	}
	return false
}

// firstPossessives make a page the writer's own: "mon site", "our blog";
// "son site" may be an organisation's.
var firstPossessives = map[string]bool{"mon": true, "ma": true, "notre": true, "my": true, "our": true,
	"mi": true, "meu": true, "minha": true, "mio": true, "mia": true}

// ownSiteBefore reports whether the URL at byte start follows a first
// person's possessive and a word for a web page within three tokens:
// "mon site : https://www.karim-benali.fr".
func (sc *scanner) ownSiteBefore(start int) bool {
	ti := sort.Search(len(sc.toks), func(k int) bool { return int(sc.toks[k].start) >= start })
	for i := ti - 1; i >= 1 && i >= ti-3; i-- {
		if siteWords[sc.foldedWord(i)] && firstPossessives[sc.foldedWord(i-1)] {
			return true
		}
		if sc.toks[i].gap >= gapLine {
			return false
		}
	}
	return false
}

// shareSites hold people's own files: any path on them is a link to a
// person's document ("drive.google.com/file/d/…", "we.tl/t-…").
var shareSites = map[string]bool{
	"drive.google.com": true, "docs.google.com": true, "photos.google.com": true, "photos.app.goo.gl": true,
	"dropbox.com": true, "dl.dropboxusercontent.com": true, "wetransfer.com": true, "we.tl": true,
	"1drv.ms": true, "onedrive.live.com": true, "icloud.com": true, "mega.nz": true, "box.com": true,
	"swisstransfer.com": true, "smash.gg": true, "fromsmash.com": true, "framadrop.org": true,
	"calendly.com": true,
}

// publicContent reports whether path on a social site shows public
// content rather than a person: a video, an organisation's page.
func publicContent(path string) bool {
	for _, p := range [...]string{"/watch", "/shorts/", "/playlist", "/results", "/company/", "/school/", "/showcase/", "/groups/", "/pages/", "/events/", "/hashtag/", "/explore/"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// personalSite reports whether host h (lower case) is a social or file
// sharing site, whose paths name a person or a person's file.
func personalSite(h string) bool {
	h = strings.TrimPrefix(strings.TrimPrefix(h, "www."), "m.")
	return socialSites[h] || shareSites[h]
}

// socialURLs masks the profile URLs of socialSites written bare
// ("linkedin.com/in/aleksandra-nowak"); suffix is ".com/" or ".me/".
func (sc *scanner) socialURLs(suffix string) {
	s := sc.s
	for from := 0; ; {
		k := strings.Index(s[from:], suffix)
		if k < 0 {
			return
		}
		k += from
		from = k + len(suffix)
		start := k
		for start > 0 && (isLetter(s[start-1]) || isDigit(s[start-1]) || s[start-1] == '-') {
			start--
		}
		if start > 0 && (s[start-1] == '.' || s[start-1] == '/') {
			continue // www.linkedin.com/…, https://…: urls() has it
		}
		if !socialSites[strings.ToLower(s[start:k+len(suffix)-1])] {
			continue
		}
		end := from
		for end < len(s) && s[end] > ' ' && s[end] < utf8.RuneSelf && strings.IndexByte("<>\"'`{}|\\^", s[end]) < 0 {
			end++
		}
		for end > from && strings.IndexByte(".,;:!?)]", s[end-1]) >= 0 {
			end--
		}
		if end > from {
			sc.add(start, end, URL, 0.9)
		}
		from = end
	}
}

// siteWords name a person's own web page after a possessive: "notre blog
// familial lemoine-famille.fr/papa", "mon site perso".
var siteWords = map[string]bool{"blog": true, "site": true, "page": true, "portfolio": true, "chaine": true,
	"website": true, "siteweb": true, "homepage": true}

// ownPossessives make the page the writer's or a relative's ("votre site"
// is the administration's).
var ownPossessives = map[string]bool{"mon": true, "ma": true, "notre": true, "son": true, "sa": true,
	"my": true, "mi": true, "meu": true, "minha": true, "mio": true, "mia": true}

// ownSiteURLs masks a bare address written after a possessive and a word
// for a web page, "mon blog : jean-dupont.fr", which names the writer
// whatever its path; a public site's stays (urlPublic).
func (sc *scanner) ownSiteURLs() {
	for i := 1; i < len(sc.toks); i++ {
		if !sc.has(i-1, wPossessive) || !siteWords[sc.foldedWord(i)] || !ownPossessives[sc.foldedWord(i-1)] {
			continue
		}
		for k, words := i+1, 0; k < len(sc.toks) && k <= i+4 && sc.toks[k].gap < gapLine; k++ {
			if start, end := bareURLAt(sc.s, int(sc.toks[k].start)); end > 0 {
				sc.add(start, end, URL, 0.85)
				break
			}
			if sc.toks[k].kind == kWord {
				if words++; words > 1 {
					break
				}
			}
		}
	}
}

// bareURLAt returns the bare web address starting at byte start of s, a
// host with a dot and a top-level domain of letters and an optional path,
// or end 0 when none starts there or it is a public site's.
func bareURLAt(s string, start int) (int, int) {
	end, dot := start, -1
	for end < len(s) && s[end] > ' ' && s[end] < utf8.RuneSelf && strings.IndexByte("<>\"'`{}|\\^@", s[end]) < 0 {
		if s[end] == '.' && dot < 0 && strings.IndexByte(s[start:end], '/') < 0 {
			dot = end
		}
		end++
	}
	for end > start && strings.IndexByte(".,;:!?)]", s[end-1]) >= 0 {
		end--
	}
	if dot <= start {
		return 0, 0
	}
	host := s[start:end]
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	tld := host[strings.LastIndexByte(host, '.')+1:]
	if len(tld) < 2 || len(tld) > 6 || strings.IndexFunc(tld, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return 0, 0
	}
	h := strings.ToLower(host)
	if strings.HasSuffix(h, ".gouv.fr") || strings.HasSuffix(h, "service-public.fr") || strings.HasSuffix(h, "legifrance.fr") {
		return 0, 0
	}
	return start, end
}

func isEmailLocalByte(c byte) bool {
	return isLetter(c) || isDigit(c) || strings.IndexByte("._%+-'", c) >= 0
}

func isDomainByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '.' || c == '-'
}

// emailAt returns the e-mail address around the '@' at index at, or -1.
func emailAt(s string, at int) (int, int) {
	start := at
	for start > 0 {
		c := s[start-1]
		if c < utf8.RuneSelf {
			if !isEmailLocalByte(c) {
				break
			}
			start--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		start -= size
	}
	for start < at && (s[start] == '.' || s[start] == '\'' || s[start] == '-') {
		start++
	}
	if start == at {
		return -1, -1
	}
	end := at + 1
	for end < len(s) {
		if isDomainByte(s[end]) {
			end++
			continue
		}
		// internationalised domains: café.fr, пример.рф
		r, size := utf8.DecodeRuneInString(s[end:])
		if s[end] < utf8.RuneSelf || !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		end += size
	}
	for end > at+1 && (s[end-1] == '.' || s[end-1] == '-') {
		end--
	}
	domain := s[at+1 : end]
	dot := strings.LastIndexByte(domain, '.')
	if dot < 0 {
		// "marie@hotmail": accept a bare domain of letters when the local
		// part is long enough to be an address.
		if len(domain) < 3 || at-start < 2 || !allLetters(domain) {
			return -1, -1
		}
		return start, end
	}
	tld := domain[dot+1:]
	if dot == 0 || len(tld) < 2 || !(allLetters(tld) || punycode(tld) || unicodeLetters(tld)) {
		return -1, -1
	}
	return start, end
}

// punycode reports whether label is an ASCII-encoded internationalised
// label ("xn--p1ai").
func punycode(label string) bool {
	return len(label) > 4 && strings.EqualFold(label[:4], "xn--")
}

// unicodeLetters reports whether s holds letters only, at least one of them
// outside ASCII.
func unicodeLetters(s string) bool {
	ascii := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
		if r >= utf8.RuneSelf {
			ascii = false
		}
	}
	return !ascii
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// urls finds the URLs that contain marker ("://" or "www.").
func (sc *scanner) urls(marker string) {
	s := sc.s
	for from := 0; ; {
		k := strings.Index(s[from:], marker)
		if k < 0 {
			return
		}
		k += from
		start := k
		if marker == "://" {
			for start > 0 && start > k-10 && isLetter(s[start-1]) {
				start--
			}
			if start == k {
				from = k + len(marker)
				continue
			}
		} else if start > 0 && (isLetter(s[start-1]) || isDigit(s[start-1]) || s[start-1] == '/' || s[start-1] == '.') {
			// part of a longer URL, already seen through its "://"
			from = k + len(marker)
			continue
		}
		end := k + len(marker)
		for end < len(s) {
			c := s[end]
			if c <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' {
				break
			}
			if c >= utf8.RuneSelf {
				r, _ := utf8.DecodeRuneInString(s[end:])
				if unicode.IsSpace(r) || r == '«' || r == '»' || r == '’' {
					break
				}
			}
			end++
		}
		for end > k+len(marker) && strings.IndexByte(".,;:!?)]", s[end-1]) >= 0 {
			end--
		}
		if end > k+len(marker) {
			if urlPersonal(s[start:end]) || sc.ownSiteBefore(start) {
				sc.add(start, end, URL, 0.9)
			} else {
				sc.add(start, end, typKeep, 1.2)
			}
		}
		from = end
		if from <= k {
			from = k + 1
		}
	}
}

// personalKeys are query keys whose value identifies a person or a session.
var personalKeys = map[string]bool{
	"token": true, "access_token": true, "id_token": true, "jwt": true, "auth": true,
	"key": true, "apikey": true, "api_key": true, "session": true, "sessionid": true,
	"sid": true, "uid": true, "userid": true, "user_id": true, "user": true, "id": true,
	"email": true, "mail": true, "e-mail": true, "nom": true, "name": true, "prenom": true,
	"firstname": true, "lastname": true, "tel": true, "phone": true, "mobile": true,
	"nir": true, "secu": true, "dossier": true, "numero": true, "num": true, "ref": true,
	"reference": true, "code": true, "login": true, "password": true, "pwd": true,
	"pass": true, "secret": true, "signature": true, "sig": true, "account": true,
	"compte": true, "client": true, "iban": true, "adresse": true, "address": true,
	"birthdate": true, "naissance": true, "ticket": true, "otp": true, "state": true,
	"famille": true, "facture": true, "cle": true, "clef": true, "usager": true, "abonne": true,
	"contrat": true, "allocataire": true, "matricule": true, "beneficiaire": true,
}

// urlPersonal reports whether u carries personal data: user information,
// a personal query key, an e-mail, a long number or a long random token.
func urlPersonal(u string) bool {
	rest := u
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	host := rest
	path := ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	if strings.IndexByte(host, '@') >= 0 {
		return true
	}
	query := ""
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path, query = path[:i], path[i+1:]
	}
	// Public sites (legifrance, service-public) number their pages with
	// long identifiers: only their query can be personal.
	h := strings.ToLower(host)
	public := strings.HasSuffix(h, ".gouv.fr") || strings.HasSuffix(h, "service-public.fr") || strings.HasSuffix(h, "legifrance.fr")
	if len(path) > 1 && personalSite(h) && !publicContent(path) {
		return true // facebook.com/karim.benali.75, drive.google.com/file/d/…
	}
	if builtSite(h) || h == "sites.google.com" && strings.HasPrefix(path, "/view/") {
		return true // karimbenali.wixsite.com/cv: a person's own site on a site builder
	}
	for _, seg := range strings.Split(path, "/") {
		if !public && personalValue(seg) {
			return true
		}
	}
	for _, kv := range strings.FieldsFunc(query, func(r rune) bool { return r == '&' || r == ';' || r == '#' || r == '?' }) {
		k, v, _ := strings.Cut(kv, "=")
		if personalKeys[strings.ToLower(k)] && v != "" {
			return true
		}
		if personalValue(v) || personalValue(k) {
			return true
		}
	}
	return false
}

// personalValue reports whether one URL segment or query value looks like a
// personal value: an e-mail, six digits or more, or a long random token.
func personalValue(v string) bool {
	if strings.IndexByte(v, '@') >= 0 || strings.Contains(v, "%40") {
		return true
	}
	digits, letters, run := 0, 0, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			digits++
			run++
			if run >= 6 {
				return true
			}
			continue
		case isLetter(c):
			letters++
		}
		run = 0
	}
	return len(v) >= 16 && digits >= 3 && letters >= 3 && !strings.ContainsAny(v, ".")
}

// sharedMailbox reports whether the e-mail address local@domain is an
// organisation's shared mailbox, which names no one and stays: every word
// of its local part is a mailbox's role ("ne-pas-repondre", "scolarite-l1",
// "service.client", "rrhh"; two letters or fewer say nothing), or it is a
// public office's and its place ("sie.annecy", no first name), and no word
// of its domain is a first name ("contact@yasmine-elamrani-design.fr" is a
// person's; "jean.dupont@caf.fr", an agent's, stays masked).
func sharedMailbox(local, domain string) bool {
	role, office, words := false, false, 0
	ok := eachWord(local, func(w string) bool {
		lw := lowerASCIIWord(w)
		words++
		switch {
		case genericMailbox[lw]:
			role = true
			return true
		case words == 1 && officeMailbox[lw]:
			role, office = true, true
			return true
		case office:
			e := lex.words[lw] // the office's place, no first name: "sie.annecy"
			return e == 0 || lex.bits[e]&wFirst == 0
		}
		return len(w) <= 2
	})
	if !ok || !role {
		return false
	}
	return eachWord(domain, func(w string) bool {
		e := lex.words[lowerASCIIWord(w)]
		return e == 0 || lex.bits[e]&wFirst == 0
	})
}

// eachWord calls f on every run of letters of s, in order, and reports
// whether f accepted them all. It allocates nothing.
func eachWord(s string, f func(string) bool) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if !f(s[i:j]) {
			return false
		}
		i = j
	}
	return true
}

// lowerASCIIWord returns w in lower case when it is ASCII and holds an
// upper-case letter (allocating then only), else w itself.
func lowerASCIIWord(w string) string {
	for k := 0; k < len(w); k++ {
		if c := w[k]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// socialApps are the words that announce a handle on a social network.
var socialApps = [...]string{"insta", "instagram", "snap", "snapchat", "tiktok", "twitter", "telegram", "threads", "bluesky", "ig"}

// socialHandle returns the end of a handle on a social network written at
// s[at] ("insta @manon.lgd_": three to thirty letters, digits, dots and
// underscores after an '@' that starts a word, the network named in the
// few words before), or 0.
func socialHandle(s string, at int) int {
	if at > 0 && s[at-1] != ' ' && s[at-1] != '(' && s[at-1] != ':' {
		return 0
	}
	end := at + 1
	for end < len(s) && end-at <= 31 && (isLetter(s[end]) || isDigit(s[end]) || s[end] == '.' || s[end] == '_') {
		end++
	}
	for end > at+1 && s[end-1] == '.' {
		end-- // the sentence's full stop
	}
	if end-at-1 < 3 || end-at > 31 {
		return 0
	}
	var buf [24]byte
	before := buf[:0]
	for _, c := range []byte(s[max(0, at-24):at]) {
		before = append(before, lowerASCII(c))
	}
	for _, app := range socialApps {
		if k := bytes.LastIndex(before, []byte(app)); k >= 0 && (k == 0 || !isLetter(before[k-1])) &&
			(k+len(app) == len(before) || !isLetter(before[k+len(app)])) {
			return end
		}
	}
	return 0
}
