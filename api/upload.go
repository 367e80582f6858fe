package api

import (
	"context"
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/store"
)

// UploadLimits bound what one HTTP upload may make the server do, whatever
// its compressed size (Config.MaxUploadBytes): the command line's limits
// are for trusted files, these for anyone with an admin key. Zero values
// give the defaults.
type UploadLimits struct {
	// ExpandedBytes bounds the bytes of all the upload's files once
	// archives are expanded (default 64 MiB).
	ExpandedBytes int64
	// Files bounds the documents of an upload: its files, archive members
	// and JSONL records (default 2,000).
	Files int
	// PDFPages bounds the pages of one PDF (default 500).
	PDFPages int
	// PDFContentBytes bounds the decompressed page content of one PDF
	// (default 32 MiB).
	PDFContentBytes int64
	// PerKey bounds the uploads one key runs at once (default 2).
	PerKey int
	// CheckTime bounds the personal-data check of an upload's documents
	// (default 30 s): past it the upload is refused, 413 check_too_long,
	// nothing stored, rather than hold a processor until the request's
	// timeout. The redactor reads about 20 MB of messages a second on one
	// core of the development machine, and at least about 1.5 MB a
	// second on the floods of its benchmarks (redact/README.md,
	// "Throughput"), checking the request's end between pieces of 1 MiB.
	CheckTime time.Duration
}

func (l UploadLimits) withDefaults() UploadLimits {
	if l.ExpandedBytes <= 0 {
		l.ExpandedBytes = 64 << 20
	}
	if l.Files <= 0 {
		l.Files = 2000
	}
	if l.PDFPages <= 0 {
		l.PDFPages = 500
	}
	if l.PDFContentBytes <= 0 {
		l.PDFContentBytes = 32 << 20
	}
	if l.PerKey <= 0 {
		l.PerKey = 2
	}
	if l.CheckTime <= 0 {
		l.CheckTime = 30 * time.Second
	}
	return l
}

// uploadGate counts each key's uploads in progress.
type uploadGate struct {
	max     int
	mu      sync.Mutex
	running map[int64]int
}

func newUploadGate(max int) *uploadGate { return &uploadGate{max: max, running: map[int64]int{}} }

// enter admits one more upload of key, or refuses it.
func (g *uploadGate) enter(key int64) (leave func(), ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running[key] >= g.max {
		return nil, false
	}
	g.running[key]++
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.running[key]--; g.running[key] == 0 {
			delete(g.running, key)
		}
	}, true
}

// uploadResponse answers an upload.
type uploadResponse struct {
	Documents []documentJSON `json:"documents"`
	// Errors lists the records of the files that could not be read
	// (JSONL lines, zip members, empty documents) while the others were
	// stored.
	Errors []string `json:"errors,omitempty"`
}

// uploadDocuments stores the documents of files posted as multipart/form-data.
// It refuses, before storing anything: more than the upload limits (413), an
// unreadable file (422), a file holding only empty documents (422), a
// document of another service or a shared one for a service's admin (403),
// a document holding a person's identifier unless the form field
// personal_data_checked is true (422 personal_data, checkPersonalData), a
// check of the documents for personal data longer than Upload.CheckTime
// (413 check_too_long).
// Documents are stored in their service's namespace: an existing document
// of the same service, source and id is updated, another service's is
// never touched nor named.
func (s *Server) uploadDocuments(c echo.Context) error {
	if err := plainBody(c.Request()); err != nil {
		return err
	}
	key := keyOf(c)
	leave, ok, err := s.enterUpload(c.Request().Context(), key.ID)
	if err != nil {
		return err
	}
	if !ok {
		return &Error{Status: http.StatusTooManyRequests, Code: "too_many_uploads", RetryAfter: 5,
			Message: fmt.Sprintf("this key already has %d uploads in progress; retry when one is done", s.cfg.Upload.PerKey)}
	}
	defer leave()
	form, err := s.parseUpload(c)
	if err != nil {
		return err
	}
	defer form.RemoveAll() //nolint:errcheck
	status, service, err := uploadOptions(key, form)
	if err != nil {
		return err
	}
	auditService(c, service, service)
	docs, partial, err := s.readUpload(c.Request().Context(), form.File["file"], key, service)
	if err != nil {
		return err
	}
	if err := checkUploadPersonalData(c, docs, form.Value["personal_data_checked"], s.cfg.Upload.CheckTime); err != nil {
		return err
	}
	auditUpload(c, service, docs)
	stored, err := s.ingestDocs(c, "upload", docs, status, store.SaveGuard{Service: key.Service})
	if err != nil {
		return err
	}
	ids := make([]int64, len(stored))
	for i, d := range stored {
		ids[i] = d.ID
	}
	auditCreated(c, ids...)
	return c.JSON(http.StatusCreated, uploadResponse{Documents: stored, Errors: partial})
}

// uploadOptions reads an upload's form fields status and service (the
// key's by default).
func uploadOptions(key *keyInfo, form *multipart.Form) (store.Status, string, error) {
	status := store.Status(firstValue(form, "status"))
	if status != "" && !status.Valid() {
		return "", "", errorf(http.StatusBadRequest, "invalid_request", "status %q (want draft, published or archived)", status)
	}
	service, err := scopeService(key, firstValue(form, "service"))
	return status, service, err
}

// parseUpload reads the multipart form within MaxUploadBytes; it must hold
// at least one file.
func (s *Server) parseUpload(c echo.Context) (*multipart.Form, error) {
	r := c.Request()
	if r.ContentLength > s.cfg.MaxUploadBytes {
		return nil, errorf(http.StatusRequestEntityTooLarge, "too_large", "the upload is over %d bytes", s.cfg.MaxUploadBytes)
	}
	r.Body = http.MaxBytesReader(c.Response(), r.Body, s.cfg.MaxUploadBytes)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return nil, err
		case errors.Is(err, os.ErrDeadlineExceeded):
			return nil, errorf(http.StatusRequestTimeout, codeBodyTimeout, "the upload did not arrive within %s", uploadReadTimeout)
		}
		return nil, errorf(http.StatusBadRequest, "malformed_multipart", "the body is not a valid multipart form")
	}
	form := r.MultipartForm
	if len(form.File["file"]) == 0 {
		_ = form.RemoveAll()
		return nil, errorf(http.StatusBadRequest, "invalid_request", `no file: send one or more files in the field "file"`)
	}
	if err := knownUploadFields(form); err != nil {
		_ = form.RemoveAll()
		return nil, err
	}
	for name, vs := range form.Value {
		for _, v := range append(vs, name) {
			if err := checkText(name, v); err != nil {
				_ = form.RemoveAll()
				return nil, err
			}
		}
	}
	return form, nil
}

// uploadFields are the form fields an upload takes besides its files.
var uploadFields = []string{"status", "service", "personal_data_checked"}

// knownUploadFields refuses a form field an upload does not take, as a JSON
// body refuses an unknown key: a misspelt "statut=draft" must not publish
// the document it meant to keep as a draft.
func knownUploadFields(form *multipart.Form) error {
	for name := range form.File {
		if name != "file" {
			return errorf(http.StatusBadRequest, "invalid_request", "unknown file field %s: send files in the field \"file\"", strconv.Quote(name))
		}
	}
	for name := range form.Value {
		if !slices.Contains(uploadFields, name) {
			return errorf(http.StatusBadRequest, "invalid_request", "unknown form field %s (an upload takes file, status, service and personal_data_checked)", strconv.Quote(name))
		}
	}
	return nil
}

func firstValue(form *multipart.Form, name string) string {
	if vs := form.Value[name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// uploadBudget is what is left of an upload's limits.
type uploadBudget struct {
	bytes int64
	files int
}

// readUpload reads every file of an upload within the limits. Documents get
// service when they name none; a key may upload only documents of services
// it curates. Records that could not be read and empty documents are
// returned as partial errors, unless nothing else is left.
func (s *Server) readUpload(ctx context.Context, files []*multipart.FileHeader, key *keyInfo, service string) ([]ingest.Document, []string, error) {
	lim := s.cfg.Upload
	budget := uploadBudget{bytes: lim.ExpandedBytes, files: lim.Files}
	var docs []ingest.Document
	var partial []string
	empty := 0
	for _, fh := range files {
		got, errs, err := readUploadFile(ctx, fh, lim, &budget)
		if err != nil {
			return nil, nil, err
		}
		partial = append(partial, errs...)
		for _, d := range got {
			if isEmptyDocument(d) {
				empty++
				partial = append(partial, fmt.Sprintf("%s: empty document, not stored", d.ExternalID))
				continue
			}
			if d.Service == "" {
				d.Service = service
			}
			if _, err := scopeService(key, d.Service); err != nil {
				return nil, nil, err
			}
			docs = append(docs, d)
		}
	}
	switch {
	case len(docs) == 0 && empty > 0:
		return nil, nil, errorf(http.StatusUnprocessableEntity, "empty_document", "the files hold only empty documents")
	case len(docs) == 0 && len(partial) > 0:
		return nil, nil, errorf(http.StatusUnprocessableEntity, "invalid_document", "no document could be stored: %s",
			strings.Join(partial[:min(len(partial), 5)], "; "))
	case len(docs) == 0:
		return nil, nil, errorf(http.StatusBadRequest, "invalid_request", "the files hold no document")
	}
	return docs, partial, nil
}

// maxFileNameBytes bounds an uploaded file's name, as file systems do.
const maxFileNameBytes = 255

// readUploadFile reads one uploaded file, charging it to the budget. Too
// large anything (a member, the expanded archive, a PDF) refuses the whole
// upload; a file that cannot be parsed too; records that cannot be read
// are returned as messages.
func readUploadFile(ctx context.Context, fh *multipart.FileHeader, lim UploadLimits, budget *uploadBudget) ([]ingest.Document, []string, error) {
	name := path.Base(strings.ReplaceAll(fh.Filename, `\`, "/"))
	if err := checkText("file name", name); err != nil {
		return nil, nil, err
	}
	if len(name) > maxFileNameBytes {
		// No file system keeps such a name; the error does not echo it.
		return nil, nil, errorf(http.StatusBadRequest, "invalid_request", "a file name is %d bytes long, over %d", len(name), maxFileNameBytes)
	}
	if ingest.UnsafeName(name) {
		// Its documents would be named after it: this file fails alone.
		return nil, []string{fmt.Sprintf("file %s: its name holds a control or bidirectional formatting character: not read",
			strconv.Quote(name))}, nil
	}
	if fh.Size > budget.bytes || budget.files <= 0 {
		return nil, nil, tooLargeUpload(lim)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("open uploaded file: %w", err)
	}
	defer f.Close()
	rd := ingest.Reader{MaxFileBytes: budget.bytes, MaxArchiveBytes: budget.bytes, MaxArchiveMembers: budget.files,
		MaxPDFPages: lim.PDFPages, MaxPDFContentBytes: lim.PDFContentBytes}
	docs, err := rd.Read(ctx, name, f, fh.Size)
	var msgs []string
	var pe *ingest.PartialError
	switch {
	case errors.Is(err, ingest.ErrTooLarge):
		return nil, nil, &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
			Message: fmt.Sprintf("%s (upload limits: %s)", err, lim)}
	case errors.As(err, &pe):
		for _, e := range pe.Errs {
			msgs = append(msgs, e.Error())
		}
	case errors.Is(err, ingest.ErrUnsupportedFormat), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return nil, nil, err
	case err != nil:
		return nil, nil, &Error{Status: http.StatusUnprocessableEntity, Code: "unreadable_file",
			Message: strings.ToValidUTF8(err.Error(), "\uFFFD")}
	}
	budget.files -= max(len(docs), 1)
	budget.bytes -= max(fh.Size, textBytes(docs))
	if budget.files < 0 || budget.bytes < 0 {
		return nil, nil, tooLargeUpload(lim)
	}
	return docs, msgs, nil
}

func tooLargeUpload(lim UploadLimits) *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("the upload is over its limits (%s)", lim)}
}

// String describes the limits for error messages.
func (l UploadLimits) String() string {
	return fmt.Sprintf("%d bytes expanded, %d documents, %d pages and %d bytes of content per PDF",
		l.ExpandedBytes, l.Files, l.PDFPages, l.PDFContentBytes)
}

// textBytes is the size of the documents' text.
func textBytes(docs []ingest.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Title) + len(d.Description))
		for _, b := range d.Blocks {
			n += int64(len(b.Text))
		}
	}
	return n
}

// isEmptyDocument reports a document with no body text.
func isEmptyDocument(d ingest.Document) bool {
	for _, b := range d.Blocks {
		if strings.TrimSpace(b.Text) != "" {
			return false
		}
	}
	return true
}

// auditUpload writes the upload's entry for every service it concerns: the
// upload's and each document's.
func auditUpload(c echo.Context, service string, docs []ingest.Document) {
	others := make([]string, 0, len(docs))
	for _, d := range docs {
		if d.Service != service {
			others = append(others, d.Service)
		}
	}
	slices.Sort(others)
	c.Set(ctxAuditService, service)
	var copies []auditCopy
	for _, svc := range slices.Compact(others) {
		copies = append(copies, auditCopy{Service: svc})
	}
	c.Set(ctxAuditAlso, copies)
}
