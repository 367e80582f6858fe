package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// Limits that keep a hostile PDF from hanging or exhausting memory.
const (
	maxPDFPages        = 5000
	maxPDFTreeNodes    = 20000
	maxPDFTreeDepth    = 32
	maxPDFContentBytes = 32 << 20 // decompressed content of one page
	// Opening a PDF reads its cross-reference sections once each: at most
	// about twice the file (crafted /Prev cycles loop forever without this).
	pdfOpenFactor = 2
	pdfOpenSlack  = 4 << 20
	// maxPDFTime bounds the whole extraction of one file.
	maxPDFTime = 60 * time.Second
)

// readPDF extracts the text layer of a PDF. The title is the document
// information's Title, else the first heading, else the first line. Lines
// set in a larger font than the body become headings; other lines are
// grouped into paragraphs by their spacing. Scanned PDFs (no text layer)
// give an error. Malformed or hostile input returns an error, never a
// panic: the parser runs under recover, may read only about twice the
// file while opening it, walks a bounded page tree, skips pages whose
// content decompresses beyond maxPDFContentBytes and stops after
// maxPDFTime (or when ctx ends).
func readPDF(ctx context.Context, name string, ra io.ReaderAt, size int64) (doc Document, err error) {
	return readPDFLimits(ctx, name, ra, size, pdfLimits{})
}

// pdfLimits are a Reader's own PDF limits (see Reader.MaxPDFPages and
// Reader.MaxPDFContentBytes); zero values keep the defaults.
type pdfLimits struct {
	pages   int
	content int64
}

// readPDFLimits is readPDF within limits.
func readPDFLimits(ctx context.Context, name string, ra io.ReaderAt, size int64, lim pdfLimits) (doc Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = Document{}, fmt.Errorf("pdf: malformed: %v", p)
		}
	}()
	budget := &budgetReaderAt{ctx: ctx, r: ra, left: size*pdfOpenFactor + pdfOpenSlack, deadline: time.Now().Add(maxPDFTime)}
	r, err := pdf.NewReader(budget, size)
	if err != nil {
		if budget.err != nil {
			return Document{}, fmt.Errorf("pdf: %w", budget.err)
		}
		return Document{}, fmt.Errorf("pdf: %w", err)
	}
	budget.left = math.MaxInt64
	if !r.Trailer().Key("Encrypt").IsNull() {
		return Document{}, fmt.Errorf("pdf: encrypted documents are not supported: %w", ErrUnsupportedFormat)
	}
	pages, err := pdfPages(r, lim)
	if err != nil {
		return Document{}, err
	}
	if err := checkFileContent(ctx, pages, lim.content); err != nil {
		return Document{}, err
	}
	var lines []pdfLine
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return Document{}, err
		}
		var total int64
		if err := checkContentSize(p, &total, 0); err != nil {
			return Document{}, fmt.Errorf("pdf: page %d: %w", i+1, err)
		}
		lines = append(lines, pageLines(p, i)...)
		if budget.err != nil {
			return Document{}, fmt.Errorf("pdf: %w", budget.err)
		}
	}
	lines = dropFurniture(lines, len(pages))
	doc = Document{Source: "pdf", ExternalID: name}
	doc.Title = collapseSpace(r.Trailer().Key("Info").Key("Title").Text())
	doc.Blocks, doc.Title = pdfBlocks(lines, doc.Title)
	if len(doc.Blocks) == 0 && doc.Title == "" {
		return Document{}, errors.New("pdf: no text layer (scanned document?)")
	}
	if doc.Title == "" {
		doc.Title = name
	}
	return doc, nil
}

// budgetReaderAt fails once more than left bytes have been read, after the
// deadline or when ctx ends, which bounds the work of a parser looping over
// a crafted file: every loop of the parser reads.
type budgetReaderAt struct {
	ctx      context.Context
	r        io.ReaderAt
	left     int64
	deadline time.Time
	err      error
}

func (b *budgetReaderAt) ReadAt(p []byte, off int64) (int, error) {
	switch {
	case b.err != nil:
		return 0, b.err
	case b.left <= 0:
		b.err = fmt.Errorf("cross-reference sections read more than once (crafted file?): %w", ErrTooLarge)
		return 0, b.err
	case b.ctx.Err() != nil:
		b.err = b.ctx.Err()
		return 0, b.err
	case time.Now().After(b.deadline):
		b.err = fmt.Errorf("extraction took more than %v: %w", maxPDFTime, ErrTooLarge)
		return 0, b.err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.ReadAt(p, off)
	b.left -= int64(n)
	return n, err
}

// pdfPages returns the pages of r; with a page limit, more pages than it
// is an error.
func pdfPages(r *pdf.Reader, lim pdfLimits) ([]pdf.Page, error) {
	var pages []pdf.Page
	nodes := 0
	collectPages(r.Trailer().Key("Root").Key("Pages"), 0, &nodes, &pages, maxPDFPages)
	if lim.pages > 0 && len(pages) > lim.pages {
		return nil, fmt.Errorf("pdf: more than %d pages: %w", lim.pages, ErrTooLarge)
	}
	return pages, nil
}

// collectPages walks the page tree depth-first, bounded in depth, nodes and
// pages so that a cyclic tree terminates.
func collectPages(v pdf.Value, depth int, nodes *int, out *[]pdf.Page, maxPages int) {
	if depth > maxPDFTreeDepth || *nodes >= maxPDFTreeNodes || len(*out) >= maxPages {
		return
	}
	*nodes++
	switch v.Key("Type").Name() {
	case "Page":
		*out = append(*out, pdf.Page{V: v})
	case "Pages", "":
		kids := v.Key("Kids")
		if kids.Kind() != pdf.Array {
			return
		}
		for i := 0; i < kids.Len() && i < maxPDFTreeNodes; i++ {
			collectPages(kids.Index(i), depth+1, nodes, out, maxPages)
		}
	}
}

// checkFileContent, with a limit, decompresses every page's content before
// any is parsed and fails when the total exceeds it: a stream shared by
// many pages is refused before it is parsed even twice.
func checkFileContent(ctx context.Context, pages []pdf.Page, limit int64) error {
	if limit <= 0 {
		return nil
	}
	var total int64
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := checkContentSize(p, &total, limit); err != nil {
			return fmt.Errorf("pdf: page %d: %w", i+1, err)
		}
	}
	return nil
}

// checkContentSize fails when a page's decompressed content exceeds
// maxPDFContentBytes (a compression bomb), or when it brings the file's
// running total over fileLimit (when set).
func checkContentSize(p pdf.Page, fileTotal *int64, fileLimit int64) error {
	c := p.V.Key("Contents")
	var streams []pdf.Value
	switch c.Kind() {
	case pdf.Stream:
		streams = []pdf.Value{c}
	case pdf.Array:
		if c.Len() > 10000 {
			return fmt.Errorf("%d content streams: %w", c.Len(), ErrTooLarge)
		}
		for i := 0; i < c.Len(); i++ {
			streams = append(streams, c.Index(i))
		}
	}
	var total int64
	for _, s := range streams {
		rc := s.Reader()
		left := maxPDFContentBytes - total
		if fileLimit > 0 {
			left = min(left, fileLimit-*fileTotal-total)
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, left+1))
		rc.Close()
		total += n
		if total > maxPDFContentBytes {
			return fmt.Errorf("content larger than %d bytes: %w", maxPDFContentBytes, ErrTooLarge)
		}
		if *fileTotal+total > fileLimit && fileLimit > 0 {
			return fmt.Errorf("content of the file larger than %d bytes: %w", fileLimit, ErrTooLarge)
		}
		if err != nil {
			return fmt.Errorf("content stream: %w", err)
		}
	}
	*fileTotal += total
	return nil
}

// pdfLine is one line of text with its position and font size.
type pdfLine struct {
	text string
	page int
	y    float64
	size float64
}

// pageLines rebuilds lines from the text runs of one page: a run far from
// the previous one vertically starts a line; a horizontal gap, or a word
// space marked in a TJ array, inserts a space.
func pageLines(p pdf.Page, page int) []pdfLine {
	var lines []pdfLine
	var b strings.Builder
	var cur pdfLine
	var lastEnd float64
	flush := func() {
		t := b.String()
		if strings.ContainsRune(t, utf8.RuneError) {
			// Glyphs without a Unicode mapping (bullets of symbol fonts).
			t = strings.ReplaceAll(t, string(utf8.RuneError), " ")
		}
		if t = collapseSpace(t); t != "" {
			cur.text = t
			lines = append(lines, cur)
		}
		b.Reset()
		cur = pdfLine{page: page}
	}
	for _, t := range pageRuns(p) {
		size := math.Max(math.Abs(t.size), 1)
		if b.Len() > 0 && math.Abs(t.y-cur.y) > 0.5*math.Max(size, cur.size) {
			flush()
		}
		if b.Len() == 0 {
			cur = pdfLine{page: page, y: t.y, size: size}
		} else {
			if t.space || t.x-lastEnd > 0.15*size || t.x < lastEnd-size {
				b.WriteByte(' ')
			}
			cur.size = math.Max(cur.size, size)
		}
		b.WriteString(t.text)
		lastEnd = t.x + t.width
	}
	flush()
	return lines
}

// dropFurniture removes page numbers (lines of digits or small roman
// numerals) and running headers and footers: the first or last line of a
// page whose text, digits aside, starts or ends at least three pages and
// a third of them.
func dropFurniture(lines []pdfLine, pages int) []pdfLine {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, s)
	}
	edges := map[string]int{}
	for i, l := range lines {
		if i == 0 || lines[i-1].page != l.page {
			edges[key(l.text)]++
		}
		if i == len(lines)-1 || lines[i+1].page != l.page {
			if i == 0 || lines[i-1].page != l.page {
				continue // the page's only line, counted once
			}
			edges[key(l.text)]++
		}
	}
	out := lines[:0:0]
	for i, l := range lines {
		if isPageNumber(l.text) {
			continue
		}
		edge := i == 0 || lines[i-1].page != l.page || i == len(lines)-1 || lines[i+1].page != l.page
		if n := edges[key(l.text)]; edge && n >= 3 && n*3 >= pages {
			continue
		}
		out = append(out, l)
	}
	return out
}

// isPageNumber reports lines such as "12", "- 12 -", "iv" or "Page 3".
func isPageNumber(s string) bool {
	s = strings.TrimSpace(strings.Trim(s, "-–— "))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Page "), "page ")
	if s == "" || len(s) > 6 {
		return false
	}
	if strings.Trim(s, "0123456789") == "" {
		return true
	}
	return strings.Trim(s, "ivxlc") == "" && len(s) <= 4
}

// pdfBlocks groups lines into paragraphs and headings. Lines at least 15 %
// larger than the body size are headings, one level per distinct size; the
// first of the largest size is the title when title is empty. Without size
// differences, title-shaped paragraphs of one line become headings.
func pdfBlocks(lines []pdfLine, title string) ([]Block, string) {
	if len(lines) == 0 {
		return nil, title
	}
	body := bodySize(lines)
	var headSizes []float64
	for _, l := range lines {
		if l.size >= body*1.15 && utf8.RuneCountInString(l.text) <= 160 {
			headSizes = appendSize(headSizes, l.size)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(headSizes)))
	var paras []string
	var blocks []Block
	var heading []string
	var para strings.Builder
	flushPara := func() {
		if para.Len() > 0 {
			paras = append(paras, para.String())
			para.Reset()
		}
	}
	flushParas := func() {
		flushPara()
		if len(headSizes) == 0 {
			blocks = append(blocks, structureParagraphs(paras)...)
		} else {
			for _, p := range paras {
				blocks = append(blocks, Block{Heading: heading, Text: p})
			}
		}
		paras = nil
	}
	var prev *pdfLine
	for i := range lines {
		l := &lines[i]
		level := sizeLevel(headSizes, l.size)
		if level >= 0 && utf8.RuneCountInString(l.text) <= 160 {
			flushParas()
			if l.text == title {
				prev = nil
				continue
			}
			if title == "" && level == 0 && len(blocks) == 0 {
				title = l.text
			} else {
				depth := level
				if depth > len(heading) {
					depth = len(heading)
				}
				h := make([]string, depth+1)
				copy(h, heading[:depth])
				h[depth] = l.text
				heading = h
			}
			prev = nil
			continue
		}
		if title == "" && len(headSizes) == 0 && prev == nil && len(blocks) == 0 && len(paras) == 0 && para.Len() == 0 {
			// Without font information the first line is the title.
			title = l.text
			prev = l
			continue
		}
		item, isItem := listItem(l.text)
		switch {
		case isItem || prev == nil || prev.page != l.page || prev.y-l.y > 1.6*math.Max(l.size, prev.size) || l.y > prev.y:
			flushPara()
		case strings.HasSuffix(para.String(), "-"):
		case para.Len() > 0:
			para.WriteByte(' ')
		}
		if isItem {
			para.WriteString(item)
		} else {
			para.WriteString(l.text)
		}
		prev = l
	}
	flushParas()
	return blocks, title
}

// bodySize is the font size carrying the most characters.
func bodySize(lines []pdfLine) float64 {
	chars := map[float64]int{}
	for _, l := range lines {
		chars[math.Round(l.size*2)/2] += len(l.text)
	}
	best, most := 1.0, -1
	for s, n := range chars {
		if n > most || n == most && s < best {
			best, most = s, n
		}
	}
	return best
}

func appendSize(sizes []float64, s float64) []float64 {
	for _, x := range sizes {
		if math.Abs(x-s) < 0.5 {
			return sizes
		}
	}
	return append(sizes, s)
}

// sizeLevel returns the heading level of a font size (0 the largest), or -1
// for body text.
func sizeLevel(sizes []float64, s float64) int {
	for i, x := range sizes {
		if math.Abs(x-s) < 0.5 {
			return i
		}
	}
	return -1
}
