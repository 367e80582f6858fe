package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/plume-sp/plume/store"
)

// ErrUnsupportedFormat reports a file whose format no reader handles (an
// image, a word-processor file, an XML file that is not a DILA publication).
var ErrUnsupportedFormat = errors.New("unsupported format")

// ErrTooLarge reports a file, a zip member or a whole archive that exceeds
// the Reader's size limits.
var ErrTooLarge = errors.New("too large")

// Default limits used by a zero Reader.
const (
	DefaultMaxFileBytes      = 256 << 20 // 256 MiB
	DefaultMaxArchiveBytes   = 2 << 30   // 2 GiB uncompressed
	DefaultMaxArchiveMembers = 200_000
	maxArchiveDepth          = 3
)

// Reader reads guidance files of every supported format into documents.
// Its zero value is ready to use with the default limits.
type Reader struct {
	// MaxFileBytes bounds one file or one zip member (uncompressed).
	// Zero means DefaultMaxFileBytes.
	MaxFileBytes int64
	// MaxArchiveBytes bounds the uncompressed bytes read from one zip
	// archive, nested archives included. Zero means DefaultMaxArchiveBytes.
	MaxArchiveBytes int64
	// MaxArchiveMembers bounds the number of members of one zip archive.
	// Zero means DefaultMaxArchiveMembers.
	MaxArchiveMembers int
	// MaxPDFPages, when set, refuses a PDF with more pages (ErrTooLarge);
	// zero reads the first 5,000 pages of any PDF.
	MaxPDFPages int
	// MaxPDFContentBytes, when set, bounds the decompressed content of all
	// the pages of one PDF (a stream drawn by several pages counts each
	// time); zero bounds each page's only, at 32 MiB.
	MaxPDFContentBytes int64
	// Unchanged, when set, is asked before Walk reads a file; when it
	// answers true, the file is not read and fn gets ErrUnchanged.
	Unchanged func(path string) bool
}

// ErrUnchanged is what Walk passes for a file that Reader.Unchanged says was
// already ingested as it is.
var ErrUnchanged = errors.New("unchanged since the last ingest")

func (rd *Reader) maxFile() int64 {
	if rd == nil || rd.MaxFileBytes <= 0 {
		return DefaultMaxFileBytes
	}
	return rd.MaxFileBytes
}

func (rd *Reader) maxArchive() int64 {
	if rd == nil || rd.MaxArchiveBytes <= 0 {
		return DefaultMaxArchiveBytes
	}
	return rd.MaxArchiveBytes
}

func (rd *Reader) maxMembers() int {
	if rd == nil || rd.MaxArchiveMembers <= 0 {
		return DefaultMaxArchiveMembers
	}
	return rd.MaxArchiveMembers
}

// RecordError is the failure of one record inside a file: a JSONL line or a
// zip member. Name is the file (or member path) and Line the 1-based line
// number, zero when it does not apply.
type RecordError struct {
	Name string
	Line int
	Err  error
}

// Error returns "name:line: reason", or "name: reason" without a line.
func (e *RecordError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

// Unwrap returns the record's error.
func (e *RecordError) Unwrap() error { return e.Err }

// PartialError is returned together with the documents that could be read
// when some records of a file (JSONL lines, zip members) could not. Errs
// holds one *RecordError per failed record, in file order.
type PartialError struct {
	Name string
	Errs []error
}

// Error describes the first failed record and how many failed.
func (e *PartialError) Error() string {
	if len(e.Errs) == 1 {
		return e.Errs[0].Error()
	}
	return fmt.Sprintf("%s: %d records skipped; first: %v", e.Name, len(e.Errs), e.Errs[0])
}

// Unwrap returns the record errors, so that errors.Is and errors.As see them.
func (e *PartialError) Unwrap() []error { return e.Errs }

// partial returns nil when errs is empty, else a *PartialError.
func partial(name string, errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return &PartialError{Name: name, Errs: errs}
}

// format is one of the supported input formats.
type format int

const (
	formatUnknown format = iota
	formatDILA
	formatJSONL
	formatMarkdown
	formatHTML
	formatText
	formatPDF
	formatZip
)

var formatByExt = map[string]format{
	".xml":      formatDILA,
	".jsonl":    formatJSONL,
	".ndjson":   formatJSONL,
	".md":       formatMarkdown,
	".markdown": formatMarkdown,
	".html":     formatHTML,
	".htm":      formatHTML,
	".xhtml":    formatHTML,
	".txt":      formatText,
	".text":     formatText,
	".pdf":      formatPDF,
	".zip":      formatZip,
}

// supportedExt reports whether name has an extension some reader handles.
func supportedExt(name string) bool {
	_, ok := formatByExt[strings.ToLower(path.Ext(name))]
	return ok
}

// detect picks the format from the content's first bytes when they are
// unambiguous, else from the extension. Binary signatures (PDF, zip) win
// over the extension; so does markup sniffed in a file whose extension
// claims another text format.
func detect(name string, head []byte) format {
	byExt := formatByExt[strings.ToLower(path.Ext(name))]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return formatPDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return formatZip
	}
	if !looksText(head) {
		if byExt == formatPDF || byExt == formatZip {
			return byExt // let the reader report what is wrong
		}
		return formatUnknown
	}
	t := bytes.TrimLeft(trimBOM(head), " \t\r\n")
	lower := bytes.ToLower(t[:min(len(t), 256)])
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return formatHTML
	case bytes.HasPrefix(t, []byte("<?xml")), bytes.HasPrefix(t, []byte("<Publication")):
		if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("xhtml")) {
			return formatHTML
		}
		return formatDILA
	}
	if byExt != formatUnknown {
		return byExt
	}
	if bytes.HasPrefix(t, []byte("{")) {
		return formatJSONL
	}
	if bytes.HasPrefix(t, []byte("<")) && bytes.Contains(lower, []byte("<body")) {
		return formatHTML
	}
	return formatUnknown
}

// looksText reports whether head looks like text: no NUL byte and either
// valid UTF-8 or mostly printable single-byte characters.
func looksText(head []byte) bool {
	if len(head) == 0 {
		return true
	}
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 text has NULs; readers do not support it.
		return false
	}
	check := head
	// Do not fail on a rune cut by the end of the sniffed prefix.
	for i := 0; i < 3 && len(check) > 0 && !utf8.FullRune(check[max(0, len(check)-4):]); i++ {
		check = check[:len(check)-1]
	}
	if utf8.Valid(check) {
		return true
	}
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	return control*20 < len(head)
}

// ReadFile reads the file at path with the default limits. See
// Reader.ReadFile.
func ReadFile(ctx context.Context, path string) ([]Document, error) {
	var rd Reader
	return rd.ReadFile(ctx, path)
}

// Read reads one file's content from r with the default limits. See
// Reader.Read.
func Read(ctx context.Context, name string, r io.Reader, size int64) ([]Document, error) {
	var rd Reader
	return rd.Read(ctx, name, r, size)
}

// Walk reads every file under root with the default limits. See
// Reader.Walk.
func Walk(ctx context.Context, root string, fn func(path string, docs []Document, err error) error) error {
	var rd Reader
	return rd.Walk(ctx, root, fn)
}

// ReadFile reads the file at path, choosing the reader from the extension
// (.xml .jsonl .md .markdown .html .htm .txt .pdf .zip) and from the content
// where the extension is missing or wrong. Documents that have no identifier
// of their own get path (slash-separated, as given) as ExternalID.
func (rd *Reader) ReadFile(ctx context.Context, path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file: %w", path, ErrUnsupportedFormat)
	}
	return rd.Read(ctx, filepath.ToSlash(path), f, st.Size())
}

// Read reads one file's content from r. name is the file's name or path: its
// extension picks the reader (with content sniffing as a fallback) and it is
// the ExternalID of documents that have no identifier of their own (zip
// members get name + "/" + member path). size is the content length, or -1
// when unknown. When r implements io.ReaderAt (an *os.File, a
// multipart.File), PDF and zip content is read in place; otherwise it is
// buffered in memory, within the limits.
//
// Errors name the file and wrap ErrUnsupportedFormat, ErrTooLarge or the
// parse error. When some records of a file (JSONL lines, zip members) fail
// and others do not, Read returns the good documents together with a
// *PartialError. Read never panics on hostile input.
func (rd *Reader) Read(ctx context.Context, name string, r io.Reader, size int64) ([]Document, error) {
	budget := &archiveBudget{left: rd.maxArchive(), members: rd.maxMembers()}
	docs, err := rd.read(ctx, name, r, size, 0, budget)
	if err != nil && !isPartial(err) {
		return docs, fmt.Errorf("%s: %w", name, err)
	}
	return checkDocuments(name, docs, err)
}

// checkDocuments passes docs through CheckDocument: a document it refuses
// fails alone, reported as a *RecordError in the *PartialError returned
// with the others (err, when partial already, is extended).
func checkDocuments(name string, docs []Document, err error) ([]Document, error) {
	var errs []error
	var p *PartialError
	if errors.As(err, &p) {
		errs = p.Errs
	}
	kept := docs[:0]
	for _, d := range docs {
		id := d.ExternalID
		fileTitle(&d)
		if cerr := CheckDocument(&d); cerr != nil {
			errs = append(errs, &RecordError{Name: name, Err: fmt.Errorf("document %s: %w", strconv.Quote(id), cerr)})
			continue
		}
		kept = append(kept, d)
	}
	return kept, partial(name, errs)
}

// fileTitle gives a document read from a file the title CheckDocument
// wants when the file's is missing or too long, as readers derive titles:
// its identifier for none, its first MaxTitleRunes characters, cut at a
// word and said in a warning, for one too long (a PDF's first line).
func fileTitle(d *Document) {
	t := collapseSpace(d.Title)
	switch n := utf8.RuneCountInString(t); {
	case t == "":
		d.Title = d.ExternalID
	case n > MaxTitleRunes:
		cut := []rune(t)[:MaxTitleRunes-1]
		if i := strings.LastIndexByte(string(cut), ' '); i > 0 {
			cut = []rune(string(cut)[:i])
		}
		d.Title = string(cut) + "…"
		d.Warnings = append(d.Warnings, fmt.Sprintf("title of %d characters cut to %d", n, utf8.RuneCountInString(d.Title)))
	}
}

func isPartial(err error) bool {
	var p *PartialError
	return errors.As(err, &p)
}

// read dispatches one file or zip member. depth counts enclosing archives.
func (rd *Reader) read(ctx context.Context, name string, r io.Reader, size int64, depth int, budget *archiveBudget) (docs []Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			docs, err = nil, fmt.Errorf("reader failure: %v", p)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, 4096)
	f, err := rd.sniff(name, br, size)
	if err != nil {
		return nil, err
	}
	if f == formatPDF || f == formatZip {
		return rd.readRandomAccess(ctx, name, f, r, br, size, depth, budget)
	}
	return readStream(ctx, name, f, &limitReader{r: br, left: rd.maxFile()})
}

// sniff returns the format of a file from its name and first bytes, and
// checks its size (-1: unknown) against the limit of the format.
func (rd *Reader) sniff(name string, br *bufio.Reader, size int64) (format, error) {
	head, err := br.Peek(512)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return formatUnknown, fmt.Errorf("read: %w", err)
	}
	f := detect(name, head)
	if f == formatUnknown {
		return formatUnknown, fmt.Errorf("%w (extension %q)", ErrUnsupportedFormat, path.Ext(name))
	}
	if limit := rd.limit(f); size > limit {
		return formatUnknown, fmt.Errorf("%d bytes, limit %d: %w", size, limit, ErrTooLarge)
	}
	return f, nil
}

// limit is the size a file of format f may have.
func (rd *Reader) limit(f format) int64 {
	if f == formatZip {
		return rd.maxArchive()
	}
	return rd.maxFile()
}

// readRandomAccess reads a PDF or a zip archive (f), which need random
// access to the whole content.
func (rd *Reader) readRandomAccess(ctx context.Context, name string, f format, r io.Reader, br *bufio.Reader, size int64, depth int, budget *archiveBudget) ([]Document, error) {
	ra, n, err := readerAt(r, br, size, rd.limit(f))
	if err != nil {
		return nil, err
	}
	if f == formatPDF {
		doc, err := readPDFLimits(ctx, name, ra, n, pdfLimits{pages: rd.MaxPDFPages, content: rd.MaxPDFContentBytes})
		if err != nil {
			return nil, err
		}
		return []Document{doc}, nil
	}
	if depth >= maxArchiveDepth {
		return nil, fmt.Errorf("zip nested more than %d deep: %w", maxArchiveDepth, ErrUnsupportedFormat)
	}
	return rd.readZip(ctx, name, ra, n, depth+1, budget)
}

// readStream reads a file of format f read in order: a DILA fiche or a
// JSON Lines file as it streams, the other formats whole.
func readStream(ctx context.Context, name string, f format, lr *limitReader) ([]Document, error) {
	switch f {
	case formatDILA:
		doc, err := readDILA(ctx, lr)
		if err != nil {
			return nil, err
		}
		return []Document{doc}, nil
	case formatJSONL:
		return readJSONL(ctx, name, lr)
	}
	data, err := io.ReadAll(lr)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	doc, err := readWhole(name, f, data)
	if err != nil {
		return nil, err
	}
	return []Document{doc}, nil
}

// readWhole reads a Markdown, HTML or text file (f) from its content.
func readWhole(name string, f format, data []byte) (Document, error) {
	switch f {
	case formatMarkdown:
		doc := readMarkdown(name, data)
		// A service that is no identifier even normalised fails this
		// file only, not the whole ingest at its save.
		return doc, store.CheckService(doc.Service)
	case formatHTML:
		return readHTML(name, data)
	default:
		return readText(name, data), nil
	}
}

// readerAt returns random access to the whole content: r itself when it
// supports it and its size is known, else a copy in memory of at most limit
// bytes.
func readerAt(r io.Reader, br *bufio.Reader, size, limit int64) (io.ReaderAt, int64, error) {
	if ra, ok := r.(io.ReaderAt); ok && size >= 0 {
		return ra, size, nil
	}
	data, err := io.ReadAll(&limitReader{r: br, left: limit})
	if err != nil {
		return nil, 0, fmt.Errorf("read: %w", err)
	}
	return bytes.NewReader(data), int64(len(data)), nil
}

// limitReader reads at most left bytes from r and fails with ErrTooLarge
// beyond, instead of silently truncating like io.LimitReader.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// Probe one byte to tell a file of exactly the limit from a larger one.
		var one [1]byte
		n, err := l.r.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("content exceeds the limit: %w", ErrTooLarge)
		}
		return 0, err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// Walk reads every supported file under root (a file or a folder), in
// lexical order, and calls fn once per file with the file's path, its
// documents and the error reading it, if any: fn decides whether to report
// it and go on (return nil) or stop (return an error, which Walk returns).
// Hidden files and folders (".git") are skipped. Files whose extension no
// reader handles are passed to fn with an error wrapping
// ErrUnsupportedFormat. Documents without an identifier of their own get
// the file's path relative to root as ExternalID (its base name when root
// is a file).
func (rd *Reader) Walk(ctx context.Context, root string, fn func(path string, docs []Document, err error) error) error {
	st, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("walk: %w", err)
	}
	if !st.IsDir() {
		if rd.Unchanged != nil && rd.Unchanged(root) {
			return fn(root, nil, ErrUnchanged)
		}
		docs, err := rd.readPath(ctx, root, filepath.Base(root))
		return fn(root, docs, err)
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if p == root {
				return fmt.Errorf("walk: %w", err)
			}
			return fn(p, nil, err)
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		rel = filepath.ToSlash(rel)
		if !supportedExt(rel) {
			return fn(p, nil, fmt.Errorf("%s: %w (extension %q)", rel, ErrUnsupportedFormat, filepath.Ext(rel)))
		}
		if rd.Unchanged != nil && rd.Unchanged(p) {
			return fn(p, nil, ErrUnchanged)
		}
		docs, err := rd.readPath(ctx, p, rel)
		return fn(p, docs, err)
	})
}

// readPath reads the file at p, naming its documents after name.
func (rd *Reader) readPath(ctx context.Context, p, name string) ([]Document, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat %s: %w", name, err)
	}
	return rd.Read(ctx, name, f, st.Size())
}
