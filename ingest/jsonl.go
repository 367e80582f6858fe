package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/plume-sp/plume/store"
)

// maxJSONLLine bounds one JSONL line; fiches are at most a few hundred KB.
const maxJSONLLine = 32 << 20

// jsonlRecord is one JSONL line. Audience and tags may be a string or an
// array of strings; id may be a string or a number.
type jsonlRecord struct {
	ID          json.RawMessage `json:"id"`
	Title       string          `json:"title"`
	Text        string          `json:"text"`
	URL         string          `json:"url"`
	Audience    json.RawMessage `json:"audience"`
	Service     string          `json:"service"`
	Tags        json.RawMessage `json:"tags"`
	UpdatedAt   string          `json:"updated_at"`
	Description string          `json:"description"`
}

// readJSONL reads one document per line. A bad line becomes a *RecordError
// naming its line number; the other lines are still read and returned with
// a *PartialError. Blank lines are skipped. A repeated id keeps the first
// line and reports the others.
func readJSONL(ctx context.Context, name string, r io.Reader) ([]Document, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var docs []Document
	var errs []error
	seen := make(map[string]int)
	for lineNo := 1; ; lineNo++ {
		if lineNo&0xFF == 0 {
			if err := ctx.Err(); err != nil {
				return docs, err
			}
		}
		line, err := readLine(br, maxJSONLLine)
		if errors.Is(err, errLineTooLong) {
			errs = append(errs, &RecordError{Name: name, Line: lineNo, Err: fmt.Errorf("line longer than %d bytes", maxJSONLLine)})
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			if len(docs) == 0 && len(errs) == 0 {
				return nil, fmt.Errorf("read: %w", err)
			}
			errs = append(errs, &RecordError{Name: name, Line: lineNo, Err: fmt.Errorf("read: %w", err)})
			return docs, partial(name, errs)
		}
		if lineNo == 1 {
			line = trimBOM(line)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			doc, derr := jsonlDocument(line)
			switch {
			case derr != nil:
				errs = append(errs, &RecordError{Name: name, Line: lineNo, Err: derr})
			case seen[doc.ExternalID] > 0:
				errs = append(errs, &RecordError{Name: name, Line: lineNo, Err: fmt.Errorf("duplicate id %q (first on line %d)", doc.ExternalID, seen[doc.ExternalID])})
			default:
				seen[doc.ExternalID] = lineNo
				docs = append(docs, doc)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if len(docs) == 0 && len(errs) > 0 {
		return nil, fmt.Errorf("no valid line: %w", errors.Join(errs...))
	}
	return docs, partial(name, errs)
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its end of line. At the end of the
// input it returns the last line (possibly empty) with io.EOF. A line
// longer than max is consumed and reported as errLineTooLong.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > max {
			// Skip the rest of the line.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, errLineTooLong
		}
		line = append(line, frag...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, err
	}
}

// jsonlDocument validates and converts one line.
func jsonlDocument(line []byte) (Document, error) {
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return Document{}, fmt.Errorf("invalid JSON: %w", err)
	}
	id, err := jsonID(rec.ID)
	if err != nil {
		return Document{}, err
	}
	text := strings.TrimSpace(rec.Text)
	if text == "" {
		return Document{}, fmt.Errorf("id %q: missing \"text\"", id)
	}
	doc := Document{
		Source:      "jsonl",
		ExternalID:  id,
		Title:       collapseSpace(rec.Title),
		Description: collapseSpace(rec.Description),
		Service:     store.NormalizeService(rec.Service),
	}
	if err := store.CheckService(doc.Service); err != nil {
		return Document{}, fmt.Errorf("id %q: %w", id, err)
	}
	if doc.Title == "" {
		doc.Title = id
	}
	if doc.URL, err = checkURL(rec.URL); err != nil {
		return Document{}, fmt.Errorf("id %q: %w", id, err)
	}
	aud, err := stringOrList(rec.Audience, "audience")
	if err != nil {
		return Document{}, fmt.Errorf("id %q: %w", id, err)
	}
	doc.Audience = lowerAll(aud)
	if doc.Tags, err = stringOrList(rec.Tags, "tags"); err != nil {
		return Document{}, fmt.Errorf("id %q: %w", id, err)
	}
	if doc.UpdatedAt, err = parseDate(rec.UpdatedAt); err != nil {
		return Document{}, fmt.Errorf("id %q: updated_at: %w", id, err)
	}
	doc.Blocks = textBlocks(text)
	return doc, nil
}

// textBlocks structures a text whose paragraphs are lines.
func textBlocks(text string) []Block {
	var lines []string
	for _, l := range splitLines(text) {
		if l = collapseSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return structureLines(lines)
}

func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New("missing \"id\"")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if s = collapseSpace(s); s == "" {
			return "", errors.New("empty \"id\"")
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New("\"id\" must be a string or a number")
}

// stringOrList accepts a JSON string (comma-separated values) or an array of
// strings.
func stringOrList(raw json.RawMessage, field string) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return splitList(s), nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("%q must be a string or an array of strings", field)
	}
	for i, v := range list {
		list[i] = collapseSpace(v)
	}
	return dedupe(list), nil
}

// parseDate accepts RFC 3339 or YYYY-MM-DD; empty is the zero time.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%s: want RFC 3339 or YYYY-MM-DD", strconv.Quote(s))
}
