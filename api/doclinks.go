package api

import (
	"context"
	"encoding/hex"
	"fmt"
	"regexp"

	"github.com/plume-sp/plume/redact"
)

// fieldFindings returns the person's identifiers the redactor finds in one
// field, and inside each web link the field holds (linkFindings). The URL,
// id and source, a link or a key rather than prose, are read as a link
// whole: an integration's key is often a long number (a timestamp's 13
// digits read as a tax number), and only an identifier a checksum
// confirms refuses it.
func fieldFindings(ctx context.Context, f sentField) ([]personalFinding, error) {
	if f.name == "url" || f.name == "id" || f.name == "source" {
		return linkFindings(ctx, f.name, f.value, 0)
	}
	res, err := redact.Redact(ctx, f.value, redact.DefaultPolicy())
	if err != nil {
		return nil, fmt.Errorf("check %s for personal data: %w", f.name, err)
	}
	var out []personalFinding
	for _, e := range res.Entities {
		if personIdentifier(e.Type) {
			out = append(out, personalFinding{Field: f.name, Type: e.Type, Start: e.Start, End: e.End})
		}
	}
	for _, loc := range linkPattern.FindAllStringIndex(f.value, -1) {
		inside, err := linkFindings(ctx, f.name, f.value[loc[0]:loc[1]], loc[0])
		if err != nil {
			return nil, err
		}
		out = append(out, inside...)
	}
	return out, nil
}

// linkPattern finds a web link in prose: from its scheme or « www. » to the
// first space, quote or closing bracket.
var linkPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s"'<>»\])]+`)

// linkFindings returns the social-security numbers and IBANs a web link
// carries in its path or query string (« ?nir=… », « /2-92-03-… »), read
// with its separators as spaces and its ASCII escapes decoded (linkWords),
// at offsets in link shifted by at. The redactor keeps most links whole
// or masks them whole as a URL, which a document may hold, so what a link
// carries is read again; only the two identifiers a checksum confirms
// count there: official links are full of long numbers (a journal's page,
// a form's number) that other types' shapes take for a card or a tax
// number (about fifty of the 26,000 links of the 2020 corpus).
func linkFindings(ctx context.Context, field, link string, at int) ([]personalFinding, error) {
	words, offsets := linkWords(link)
	res, err := redact.Redact(ctx, words, redact.DefaultPolicy())
	if err != nil {
		return nil, fmt.Errorf("check %s for personal data: %w", field, err)
	}
	var out []personalFinding
	for _, e := range res.Entities {
		if e.Type == redact.NIR || e.Type == redact.IBAN {
			out = append(out, personalFinding{Field: field, Type: e.Type, Start: at + offsets[e.Start], End: at + offsets[e.End]})
		}
	}
	return out, nil
}

// linkWords returns link as words: each percent escape of an ASCII
// character decoded (« %20 », « %2D »), then every separator of a path,
// a query string or a number (/ ? & = # + _ . - ; ,: not a colon, which a journal's references are made of) a space. offsets[k]
// is the byte of link where byte k of the words comes from, and
// offsets[len(words)] is len(link), so that a span of the words is a span
// of link.
func linkWords(link string) (string, []int) {
	words := make([]byte, 0, len(link))
	offsets := make([]int, 0, len(link)+1)
	for i := 0; i < len(link); i++ {
		c, from := link[i], i
		if c == '%' && i+2 < len(link) {
			if d, err := hex.DecodeString(link[i+1 : i+3]); err == nil && d[0] < 0x80 {
				c, i = d[0], i+2
			}
		}
		switch c {
		case '/', '?', '&', '=', '#', '+', '_', '.', '-', ';', ',':
			c = ' '
		}
		words, offsets = append(words, c), append(offsets, from)
	}
	return string(words), append(offsets, len(link))
}
