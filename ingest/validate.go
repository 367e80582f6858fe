package ingest

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/plume-sp/plume/store"
)

// Limits of a document's fields, whatever brings the document (a file, an
// upload, the API's JSON): the README and the OpenAPI document give them.
const (
	// MaxIDRunes bounds a document's identifier (a zip member's is the
	// archive's name and the member's path).
	MaxIDRunes = 300
	// MaxTitleRunes bounds a title (the official fiches' longest is about
	// 100 characters).
	MaxTitleRunes = 300
	// MaxDescriptionRunes bounds a description.
	MaxDescriptionRunes = 2000
	// MaxURLBytes bounds a document's public address.
	MaxURLBytes = 2000
	// MaxLabels bounds the tags, and the audiences, of a document.
	MaxLabels = 50
	// MaxLabelRunes bounds one tag or audience.
	MaxLabelRunes = 100
)

// ErrInvalidDocument marks a document whose fields CheckDocument refuses.
var ErrInvalidDocument = errors.New("invalid document")

// CheckDocument normalises d's fields and refuses those that no reader of
// the knowledge base should get. Every text field is put in Unicode NFC, so
// that « café » typed with a combining accent names the same document as
// « café » typed with one character; the title, the description, the tags
// and the audiences are trimmed with their runs of white space made one
// space. It then refuses, wrapping ErrInvalidDocument and naming the field:
// an empty identifier or title, a field over its limit, a control
// character (an ANSI escape) or a bidirectional override (U+202E, which
// shows a name reversed) in any of them, an empty tag or audience, and a
// URL that is not an absolute http(s) one (javascript:, a relative path).
func CheckDocument(d *Document) error {
	d.ExternalID = norm.NFC.String(strings.TrimSpace(d.ExternalID))
	d.Title = norm.NFC.String(collapseSpace(d.Title))
	d.Description = norm.NFC.String(collapseSpace(d.Description))
	if err := checkField("id", d.ExternalID, MaxIDRunes); err != nil {
		return err
	}
	if err := checkField("title", d.Title, MaxTitleRunes); err != nil {
		return err
	}
	if d.Description != "" {
		if err := checkField("description", d.Description, MaxDescriptionRunes); err != nil {
			return err
		}
	}
	var err error
	if d.Tags, err = checkLabels("tag", d.Tags); err != nil {
		return err
	}
	if d.Audience, err = checkLabels("audience", d.Audience); err != nil {
		return err
	}
	if d.URL, err = checkURL(d.URL); err != nil {
		return fmt.Errorf("%w: %w", err, ErrInvalidDocument)
	}
	return nil
}

// checkField refuses an empty value, one over max characters, and one
// holding a control or a bidirectional formatting character.
func checkField(field, v string, max int) error {
	switch n := utf8.RuneCountInString(v); {
	case v == "":
		return fmt.Errorf("%s is required: %w", field, ErrInvalidDocument)
	case n > max:
		return fmt.Errorf("%s is %d characters long, over %d: %w", field, n, max, ErrInvalidDocument)
	}
	if i := strings.IndexFunc(v, unsafeRune); i >= 0 {
		r, _ := utf8.DecodeRuneInString(v[i:])
		return fmt.Errorf("%s holds the character %U (control or bidirectional formatting), not allowed: %w",
			field, r, ErrInvalidDocument)
	}
	return nil
}

// checkLabels normalises tags or audiences and refuses an empty one, more
// than MaxLabels, or one checkField refuses.
func checkLabels(field string, labels []string) ([]string, error) {
	if len(labels) > MaxLabels {
		return nil, fmt.Errorf("%d %ss, over %d: %w", len(labels), field, MaxLabels, ErrInvalidDocument)
	}
	out := make([]string, 0, len(labels))
	for i, l := range labels {
		l = norm.NFC.String(collapseSpace(l))
		if l == "" {
			return nil, fmt.Errorf("%s %d is empty: %w", field, i+1, ErrInvalidDocument)
		}
		if err := checkField(field+" "+strconv.Itoa(i+1), l, MaxLabelRunes); err != nil {
			return nil, err
		}
		out = appendUnique(out, l)
	}
	if labels == nil {
		return nil, nil
	}
	return out, nil
}

// unsafeRune reports a character a field shown to people must not hold
// (store.UnsafeRune).
func unsafeRune(r rune) bool { return store.UnsafeRune(r) }

// UnsafeName reports whether a name (a file's, a zip member's) holds a
// control or bidirectional formatting character.
func UnsafeName(name string) bool { return strings.ContainsFunc(name, unsafeRune) }

// checkURL returns s trimmed when it is empty or an absolute http(s) URL
// of at most MaxURLBytes, without white space or control characters.
func checkURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > MaxURLBytes {
		return "", fmt.Errorf("url is %d bytes long, over %d", len(s), MaxURLBytes)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unsafeRune(r) }) {
		return "", fmt.Errorf("url %s: want an absolute http(s) URL", strconv.Quote(s))
	}
	return s, nil
}
