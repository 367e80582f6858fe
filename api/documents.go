package api

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/store"
	"golang.org/x/text/unicode/norm"
)

// documentJSON is a document as the API shows it.
type documentJSON struct {
	ID          int64        `json:"id"`
	Source      string       `json:"source"`
	ExternalID  string       `json:"external_id"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	URL         string       `json:"url"`
	Audience    []string     `json:"audience"`
	Service     string       `json:"service"`
	Tags        []string     `json:"tags"`
	Breadcrumb  []string     `json:"breadcrumb"`
	Status      store.Status `json:"status"`
	Origin      string       `json:"origin"`
	UpdatedAt   *time.Time   `json:"updated_at"`
	VerifiedAt  *time.Time   `json:"verified_at"`
	CreatedAt   time.Time    `json:"created_at"`
	ModifiedAt  time.Time    `json:"modified_at"`
	Chunks      []chunkJSON  `json:"chunks,omitempty"`
}

type chunkJSON struct {
	ID         int64  `json:"id"`
	Ordinal    int    `json:"ordinal"`
	Heading    string `json:"heading"`
	Text       string `json:"text"`
	EmbedModel string `json:"embed_model"`
}

func toDocumentJSON(d store.Document) documentJSON {
	return documentJSON{ID: d.ID, Source: d.Source, ExternalID: d.ExternalID, Title: d.Title, Description: d.Description,
		URL: d.URL, Audience: nonNil(d.Audience), Service: d.Service, Tags: nonNil(d.Tags), Breadcrumb: nonNil(d.Breadcrumb),
		Status: d.Status, Origin: d.Origin, UpdatedAt: d.UpdatedAt, VerifiedAt: d.VerifiedAt, CreatedAt: d.CreatedAt,
		ModifiedAt: d.ModifiedAt}
}

// documentInput is the JSON body of POST and PUT /v1/documents.
type documentInput struct {
	// ID is the document's own identifier, unique within source; it is
	// ignored by PUT, which keeps the document's.
	ID          string   `json:"id"`
	Source      string   `json:"source"`
	Title       string   `json:"title"`
	Text        string   `json:"text"`
	Description string   `json:"description"`
	URL         string   `json:"url"`
	Audience    []string `json:"audience"`
	Service     string   `json:"service" service:"noblank"`
	Tags        []string `json:"tags"`
	// Status is "published" (the default for new documents) or "draft".
	Status store.Status `json:"status"`
	// ModifiedAt, required on PUT, is the document's modified_at as read:
	// a document changed since is not overwritten (409).
	ModifiedAt *time.Time `json:"modified_at"`
	// PersonalDataChecked stores a document the personal data check
	// refused (422 personal_data): what it found are examples of a
	// format, not a person's data. The audit log records the override.
	PersonalDataChecked bool `json:"personal_data_checked"`
}

// apiSource is the source of documents posted as JSON without one.
const apiSource = "api"

func (in *documentInput) validate() error {
	in.Title, in.Text = strings.TrimSpace(in.Title), strings.TrimSpace(in.Text)
	switch {
	case in.Title == "" || in.Text == "":
		return errorf(http.StatusBadRequest, "invalid_request", "title and text are required")
	case in.Status != "" && !in.Status.Valid():
		return errorf(http.StatusBadRequest, "invalid_request", "status %q (want draft, published or archived)", in.Status)
	}
	return nil
}

func (in *documentInput) document(source, externalID string) ingest.Document {
	return ingest.Document{Source: source, ExternalID: externalID, Title: in.Title, Description: in.Description,
		URL: in.URL, Audience: in.Audience, Service: in.Service, Tags: in.Tags,
		Blocks: []ingest.Block{{Text: in.Text}}}
}

// checkFields applies the knowledge base's rules on a document's fields
// (ingest.CheckDocument: limits, no control or bidirectional character, an
// http(s) URL, NFC) to in, as a document of source with externalID, and
// keeps the normalised values; a refusal is 400 naming the field.
func (in *documentInput) checkFields(source, externalID string) (ingest.Document, error) {
	doc := in.document(source, externalID)
	if err := ingest.CheckDocument(&doc); err != nil {
		return ingest.Document{}, err
	}
	if strings.ContainsFunc(source, unicode.IsSpace) || ingest.UnsafeName(source) || len(source) > ingest.MaxLabelRunes {
		return ingest.Document{}, errorf(http.StatusBadRequest, "invalid_request",
			"source %q: one word of at most %d characters", source, ingest.MaxLabelRunes)
	}
	in.Title, in.Description, in.URL, in.Tags, in.Audience = doc.Title, doc.Description, doc.URL, doc.Tags, doc.Audience
	return doc, nil
}

// scopeService checks that the key may curate documents of service, and
// gives a service admin's documents its service by default.
func scopeService(key *keyInfo, service string) (string, error) {
	if service == "" && key.Service != "" {
		service = key.Service
	}
	if !key.curates(service) {
		return "", errorf(http.StatusForbidden, "forbidden", "this key may not curate documents of this service")
	}
	return service, nil
}

// ingestDocs chunks, embeds and stores docs, then returns them as stored;
// the semantic model is retrained by plume serve's jobs, not in the request.
// New documents get status (published when empty); with explicit set, the
// status is applied to existing documents too. guard says which existing
// documents may be overwritten: the check is atomic with the write.
func (s *Server) ingestDocs(c echo.Context, origin string, docs []ingest.Document, status store.Status, guard store.SaveGuard) ([]documentJSON, error) {
	ctx := c.Request().Context()
	p := ingest.NewPipeline(s.deps.Store, s.deps.Embedder, s.log, ingest.Options{Status: status, SkipSemantic: true, Guard: guard})
	if rep, err := p.IngestDocuments(ctx, origin, docs); err != nil {
		return nil, partlyStored(err, rep.Stored, len(docs))
	}
	out := make([]documentJSON, 0, len(docs))
	for _, d := range docs {
		sd, err := s.deps.Store.DocumentByKey(ctx, store.DocKey{Service: d.Service, Source: d.Source, ExternalID: d.ExternalID})
		if err != nil {
			return nil, err
		}
		if status != "" && sd.Status != status {
			if sd, err = s.deps.Store.SetDocumentStatus(ctx, sd.ID, status); err != nil {
				return nil, err
			}
		}
		out = append(out, toDocumentJSON(sd))
	}
	return out, nil
}

// storedKey names a stored document in an error's report.
type storedKey struct {
	Source     string `json:"source"`
	ExternalID string `json:"external_id"`
}

// partlyStored is err, reporting exactly which documents were stored before
// it when some were: the client is never told that nothing was stored when
// something was.
func partlyStored(err error, stored []store.DocKey, total int) error {
	if len(stored) == 0 {
		return err
	}
	e := *errorResponse(err)
	e.Err = err
	e.Code = "partly_stored"
	next := "send the same upload again to finish"
	if errors.Is(err, ingest.ErrSaveTimeout) {
		next = "split the document that failed, then send it and the ones after it"
	}
	e.Message = fmt.Sprintf("stopped after storing %d of %d documents (%s): they are listed in \"stored\"; %s",
		len(stored), total, errorResponse(err).Message, next)
	for _, k := range stored {
		e.Stored = append(e.Stored, storedKey{Source: k.Source, ExternalID: k.ExternalID})
	}
	return &e
}

// createDocument adds a document: a JSON document, or files in any ingest
// format posted as multipart/form-data (field "file", repeatable; optional
// fields "status", "service" and "personal_data_checked"). A document
// holding a person's identifier is refused, 422 personal_data, unless
// personal_data_checked (checkPersonalData). Its id must be free in its
// service only (409 otherwise): each service has its own ids.
func (s *Server) createDocument(c echo.Context) error {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		return s.uploadDocuments(c)
	}
	var in documentInput
	sent, err := s.decodeDocument(c, &in)
	if err != nil {
		return err
	}
	in.ID, in.Source = strings.TrimSpace(in.ID), norm.NFC.String(strings.TrimSpace(in.Source))
	if in.ID == "" {
		return errorf(http.StatusBadRequest, "invalid_request", "id is required")
	}
	if in.Source == "" {
		in.Source = apiSource
	}
	service, err := scopeService(keyOf(c), in.Service)
	if err != nil {
		return err
	}
	in.Service = service
	doc, err := in.checkFields(in.Source, in.ID)
	if err != nil {
		return err
	}
	auditService(c, service, service)
	if err := checkPersonalData(c, sent, in.PersonalDataChecked); err != nil {
		return err
	}
	docs, err := s.ingestDocs(c, apiSource, []ingest.Document{doc}, in.Status, store.SaveGuard{New: true})
	if errors.Is(err, store.ErrDuplicate) {
		return errorf(http.StatusConflict, "conflict", "the id %s/%s is taken in this service: choose another, or PUT /v1/documents/{id} to change a document you curate",
			doc.Source, doc.ExternalID)
	}
	if err != nil {
		return err
	}
	auditCreated(c, docs[0].ID)
	return c.JSON(http.StatusCreated, docs[0])
}

// documentListResponse is a page of documents.
type documentListResponse struct {
	Documents []documentJSON `json:"documents"`
	Total     int64          `json:"total"`
	Limit     int            `json:"limit"`
	Offset    int            `json:"offset"`
}

// listDocuments pages through the documents a key curates, filtered by
// source, service, status, title (q) and staleness (stale_before, a UTC
// day: documents last updated before it).
func (s *Server) listDocuments(c echo.Context) error {
	limit, offset, err := pageParams(c, 50, 500)
	if err != nil {
		return err
	}
	f := store.DocumentFilter{Source: c.QueryParam("source"), Status: store.Status(c.QueryParam("status")),
		Title: strings.TrimSpace(c.QueryParam("q")), Limit: limit, Offset: offset}
	if f.Service, f.ServiceSet, err = s.serviceParam(c); err != nil {
		return err
	}
	if f.StaleBefore, err = queryDay(c, "stale_before"); err != nil {
		return err
	}
	if key := keyOf(c); key.Service != "" {
		if f.ServiceSet && f.Service != key.Service {
			return errorf(http.StatusForbidden, "forbidden", "this key may not curate documents of this service")
		}
		f.Service, f.ServiceSet = key.Service, true
	}
	page, err := readWith(c, s, true, func(ctx context.Context, rd reads) (store.DocumentPage, error) {
		return rd.store.ListDocuments(ctx, f)
	})
	if err != nil {
		return err
	}
	out := documentListResponse{Documents: make([]documentJSON, len(page.Documents)), Total: page.Total, Limit: limit, Offset: offset}
	for i, d := range page.Documents {
		out.Documents[i] = toDocumentJSON(d)
	}
	return c.JSON(http.StatusOK, out)
}

// curatedDocument loads the document of the path, if the key curates it:
// another service's is 404, as a missing one, so that ids do not tell
// which documents other services have.
func (s *Server) curatedDocument(c echo.Context) (store.Document, error) {
	id, err := pathID(c)
	if err != nil {
		return store.Document{}, err
	}
	d, err := s.deps.Store.GetDocument(c.Request().Context(), id)
	if err != nil {
		return store.Document{}, err
	}
	if !keyOf(c).curates(d.Service) {
		return store.Document{}, hidden(d.Service)
	}
	return d, nil
}

// getDocument returns a document with its chunks.
func (s *Server) getDocument(c echo.Context) error {
	d, err := s.curatedDocument(c)
	if err != nil {
		return err
	}
	chunks, err := s.deps.Store.Chunks(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	out := toDocumentJSON(d)
	out.Chunks = make([]chunkJSON, len(chunks))
	for i, ch := range chunks {
		out.Chunks[i] = chunkJSON{ID: ch.ID, Ordinal: ch.Ordinal, Heading: ch.Heading, Text: ch.Text, EmbedModel: ch.EmbedModel}
	}
	return c.JSON(http.StatusOK, out)
}

// updateDocument replaces a document's content and metadata; it keeps its
// source, identifier and origin, its service unless one is given (a
// service's admin may not move it to another; a global one may, unless the
// service already holds a document of the same source and identifier:
// 409), its status unless one is given, its breadcrumb, official date and
// headings (see editedBlocks); when nothing changed, nothing is rebuilt.
// The body's modified_at must be the document's (400 without it, 409 when
// it changed since). A person's identifier in its title, description,
// text, tags or audience is refused as on POST (checkPersonalData), even
// when nothing changed: saving it asks again.
func (s *Server) updateDocument(c echo.Context) error {
	var in documentInput
	sent, err := s.decodeDocument(c, &in)
	if err != nil {
		return err
	}
	d, err := s.curatedDocument(c)
	if err != nil {
		return err
	}
	doc, err := in.checkUpdate(c, d, sent)
	if err != nil {
		return err
	}
	chunks, err := s.deps.Store.Chunks(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	if unchangedDocument(in, d, chunks) {
		return c.JSON(http.StatusOK, toDocumentJSON(d))
	}
	// What the body does not give, the document keeps: its headings, its
	// breadcrumb and the date of its official text.
	doc.Blocks, doc.Breadcrumb = editedBlocks(in.Text, chunks), d.Breadcrumb
	if d.UpdatedAt != nil {
		doc.UpdatedAt = *d.UpdatedAt
	}
	docs, err := s.ingestDocs(c, d.Origin, []ingest.Document{doc}, in.Status,
		store.SaveGuard{ID: d.ID, Service: keyOf(c).Service, ModifiedAt: in.ModifiedAt})
	if errors.Is(err, store.ErrStaleVersion) {
		return staleDocument(d)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, docs[0])
}

// decodeDocument reads a document's JSON body into in, checks it
// (validate) and returns its fields as sent, for checkPersonalData.
func (s *Server) decodeDocument(c echo.Context, in *documentInput) ([]sentField, error) {
	if err := s.decodeJSON(c, in); err != nil {
		return nil, err
	}
	sent := in.sentFields()
	return sent, in.validate()
}

// checkUpdate applies to in, the body of a PUT of d, the version check,
// the key's scope on its service (d's by default), the fields' rules and
// the personal data check, recording the services the audit entry goes
// to; it returns the document to save.
func (in *documentInput) checkUpdate(c echo.Context, d store.Document, sent []sentField) (ingest.Document, error) {
	if err := in.checkVersion(d); err != nil {
		return ingest.Document{}, err
	}
	if in.Service == "" {
		in.Service = d.Service
	}
	var err error
	if in.Service, err = scopeService(keyOf(c), in.Service); err != nil {
		return ingest.Document{}, err
	}
	auditService(c, d.Service, in.Service)
	doc, err := in.checkFields(d.Source, d.ExternalID)
	if err != nil {
		return ingest.Document{}, err
	}
	return doc, checkPersonalData(c, sent, in.PersonalDataChecked)
}

// checkVersion refuses a PUT without the modified_at its editor read
// (400) or with an older one than d's (409).
func (in *documentInput) checkVersion(d store.Document) error {
	if in.ModifiedAt == nil {
		return errorf(http.StatusBadRequest, "invalid_request",
			"modified_at is required: the document's modified_at as read, so that an edit made meanwhile is not overwritten (409 then)")
	}
	if !in.ModifiedAt.Equal(d.ModifiedAt) {
		return staleDocument(d)
	}
	return nil
}

// staleDocument is the 409 of a PUT whose editor read an older version.
func staleDocument(d store.Document) error {
	return errorf(http.StatusConflict, "conflict", "the document %d changed since it was read: reload it", d.ID)
}

func (s *Server) deleteDocument(c echo.Context) error {
	d, err := s.curatedDocument(c)
	if err != nil {
		return err
	}
	auditService(c, d.Service, d.Service)
	if _, err := s.deps.Store.DeleteDocuments(c.Request().Context(), []int64{d.ID}); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// statusRequest is the body of PUT /v1/documents/{id}/status.
type statusRequest struct {
	Status store.Status `json:"status"`
}

// setDocumentStatus publishes, unpublishes (draft) or archives a document.
// Only published documents are retrieved for drafts.
func (s *Server) setDocumentStatus(c echo.Context) error {
	var body statusRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	if !body.Status.Valid() {
		return errorf(http.StatusBadRequest, "invalid_request", "status %q (want draft, published or archived)", body.Status)
	}
	d, err := s.curatedDocument(c)
	if err != nil {
		return err
	}
	auditService(c, d.Service, d.Service)
	d, err = s.deps.Store.SetDocumentStatus(c.Request().Context(), d.ID, body.Status)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toDocumentJSON(d))
}
