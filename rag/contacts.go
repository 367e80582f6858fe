package rag

import (
	"sort"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// urlSpans returns the byte ranges of the web addresses of text from
// from on, in order: those with a scheme or www. (urlRe), then bare host
// names (bareHostRe) that bareURL accepts and that no other address
// overlaps.
func urlSpans(text string, from int) [][]int {
	spans := regexSpans(urlRe)(text, from)
	for _, loc := range regexSpans(bareHostRe)(text, from) {
		if loc[0] > 0 && strings.IndexByte("@./:-_", text[loc[0]-1]) >= 0 ||
			loc[1] < len(text) && text[loc[1]] == '@' || !bareURL(text[loc[0]:loc[1]]) {
			continue
		}
		overlaps := false
		for _, s := range spans {
			overlaps = overlaps || loc[0] < s[1] && s[0] < loc[1]
		}
		if !overlaps {
			spans = append(spans, loc)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	return spans
}

// bareURL reports whether m, a host name without scheme, is a web address:
// it has a path ("evil.example/pay"), or it is written in one case, lower or
// upper, and ends in a top-level domain of the public suffix list
// ("aides-cni.com", "AIDES-CNI.COM"), so that "montant.La" or "M.Dupont",
// where a space was forgotten, stay.
func bareURL(m string) bool {
	host, _, hasPath := strings.Cut(m, "/")
	if _, port, ok := strings.Cut(host, ":"); hasPath || ok && port != "" {
		return true
	}
	lower := strings.ToLower(host)
	if host != lower && host != strings.ToUpper(host) {
		return false
	}
	_, icann := publicsuffix.PublicSuffix(lower)
	return icann
}

// replaceURLs replaces each web address of text (urlSpans) by fn's answer.
func replaceURLs(text string, fn func(string) string) string {
	return replaceSpans(text, (&spanScan{spans: urlSpans}).find(text), fn)
}
