package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/redact"
)

// A document of the knowledge base reaches the model as a source: it must
// not hold a person's data. POST and PUT /v1/documents (JSON) run the
// redactor over the document's id, source, title, description, text, URL,
// tags and audience, and over the inside of every web link they hold (a
// query string's « ?nir=… »), and refuse, 422 personal_data, a document holding a person's identifier, unless the
// body says personal_data_checked (official examples of a format); the
// audit log then records that the check was overridden, with the types
// found and never their values. Uploaded files (POST /v1/documents,
// multipart) are checked the same way, each document read from them
// (checkUploadPersonalData), with the form field personal_data_checked
// (true) as the override.

// maxFindingsListed bounds the findings named in the error's message; the
// body's list has them all, up to maxFindings.
const (
	maxFindingsListed = 5
	maxFindings       = 100
)

// personIdentifier reports whether a value of type t, in a document, is a
// person's identifier that refuses the document.
//
// Refused: the numbers that name one person in an administration or a bank
// (NIR, IBAN, CARTE, FISCAL, CAF, FRANCE_TRAVAIL, ETRANGER, INE, PASSEPORT,
// CNI, PERMIS), a full date or town of birth read after a birth cue
// (NAISSANCE) and a password or code given after its cue (SECRET). On the
// 535 official fiches the redactor finds almost none of them (NIR 2,
// NAISSANCE 2: official examples of a format), so a refusal is rare and
// worth a look.
//
// Not refused, because guidance holds them legitimately: names (NOM: a
// minister, a law), phones, e-mails and addresses (TEL, EMAIL, ADRESSE: a
// service's or an office's), web links (URL), the special categories
// (SANTE, HANDICAP…: diseases and disabilities in guidance), and the
// identifiers of things or organisations rather than of a person: a company's
// SIRET, a licence plate (PLAQUE: 3 official examples of the format), a
// case or reference number (DOSSIER: 3, often a form's or a procedure's) and
// an IP address (a server's, in guidance).
func personIdentifier(t redact.Type) bool {
	switch t {
	case redact.NIR, redact.IBAN, redact.CARTE, redact.FISCAL, redact.CAF, redact.FRANCE_TRAVAIL,
		redact.ETRANGER, redact.INE, redact.PASSEPORT, redact.CNI, redact.PERMIS, redact.NAISSANCE, redact.SECRET:
		return true
	}
	return false
}

// personalFinding is where a document holds a person's identifier: the
// field, the type and the byte offsets of the value in the field as sent
// (as read, for an uploaded file's document, named by Document).
type personalFinding struct {
	// Document names an uploaded document: source/external id.
	Document string      `json:"document,omitempty"`
	Field    string      `json:"field"`
	Type     redact.Type `json:"type"`
	Start    int         `json:"start"`
	End      int         `json:"end"`
}

// sentField is a field of a document's body as sent, before trimming: the
// findings' offsets are in it.
type sentField struct {
	// doc names an uploaded document (source/external id), "" for a
	// JSON body's.
	doc, name, value string
}

// sentFields returns the fields of in the check reads, as sent: the id and
// source (shown and stored beside the document), the title, description,
// text and URL (the URL is printed in the model's prompt beside each
// source), and each tag and audience (labels are shown and searched as the
// text is), named by their index (tags[1]).
func (in *documentInput) sentFields() []sentField {
	return documentFields("", ingest.Document{ExternalID: in.ID, Source: in.Source, Title: in.Title,
		Description: in.Description, URL: in.URL, Tags: in.Tags, Audience: in.Audience}, in.Text)
}

// documentFields are the fields of d, named doc, that the check reads,
// text its text: id, source, title, description, text, URL, and each tag
// and audience.
func documentFields(doc string, d ingest.Document, text string) []sentField {
	out := []sentField{{doc, "id", d.ExternalID}, {doc, "source", d.Source}, {doc, "title", d.Title},
		{doc, "description", d.Description}, {doc, "text", text}, {doc, "url", d.URL}}
	for _, l := range []struct {
		name   string
		values []string
	}{{"tags", d.Tags}, {"audience", d.Audience}} {
		for i, v := range l.values {
			out = append(out, sentField{doc, fmt.Sprintf("%s[%d]", l.name, i), v})
		}
	}
	return out
}

// uploadedFields are the fields of uploaded documents that the check reads,
// as read from the files: for each document those of documentFields, its
// text being its passages (one blank line between two: what the page
// edits), its headings and its breadcrumb (one a line: a DILA file's
// themes, shown with the document).
func uploadedFields(docs []ingest.Document) []sentField {
	var out []sentField
	for _, d := range docs {
		name := d.Source + "/" + d.ExternalID
		texts, headings := make([]string, 0, len(d.Blocks)), []string{}
		for _, b := range d.Blocks {
			texts = append(texts, b.Text)
			if h := strings.Join(b.Heading, headingJoint); h != "" && (len(headings) == 0 || headings[len(headings)-1] != h) {
				headings = append(headings, h)
			}
		}
		out = append(out, documentFields(name, d, strings.Join(texts, passageSeparator))...)
		out = append(out, sentField{name, "headings", strings.Join(headings, "\n")},
			sentField{name, "breadcrumb", strings.Join(d.Breadcrumb, "\n")})
	}
	return out
}

// headingJoint joins a passage's heading path, as chunks show it.
const headingJoint = " > "

// personalFindings runs the redactor, default policy, over fields and
// returns the person's identifiers it finds, in field order.
func personalFindings(ctx context.Context, fields []sentField) ([]personalFinding, error) {
	var out []personalFinding
	for _, f := range fields {
		if strings.TrimSpace(f.value) == "" {
			continue
		}
		found, err := fieldFindings(ctx, f)
		if err != nil {
			return nil, err
		}
		for i := range found {
			found[i].Document = f.doc
		}
		out = append(out, found...)
		if len(out) > maxFindings {
			return out[:maxFindings], nil
		}
	}
	return out, nil
}

// checkPersonalData refuses, 422 personal_data, a document whose fields
// hold a person's identifier, unless checked (the admin said they are
// examples of a format): then the audit entry records the override and the
// types found. A refusal's audit entry records the types too; neither
// records a value.
func checkPersonalData(c echo.Context, fields []sentField, checked bool) error {
	return checkPersonal(c.Request().Context(), c, fields, checked, jsonOverride)
}

// The override a refusal's message tells of: a JSON body's field, an
// upload's form field.
const (
	jsonOverride   = `renvoyez-le avec "personal_data_checked": true.`
	uploadOverride = `renvoyez les fichiers avec le champ de formulaire personal_data_checked=true.`
)

// checkUploadPersonalData is checkPersonalData for the documents read from
// uploaded files; checked is the form field personal_data_checked (true
// or false; 400 otherwise). A check longer than within refuses the
// upload, 413 check_too_long: smaller uploads pass.
func checkUploadPersonalData(c echo.Context, docs []ingest.Document, checked []string, within time.Duration) error {
	switch {
	case len(checked) > 1:
		return errorf(http.StatusBadRequest, "invalid_request", "personal_data_checked is sent %d times (send it once)", len(checked))
	case len(checked) == 1 && checked[0] != "true" && checked[0] != "false":
		return errorf(http.StatusBadRequest, "invalid_request", "personal_data_checked %q (want true or false)", checked[0])
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), within)
	defer cancel()
	err := checkPersonal(ctx, c, uploadedFields(docs), len(checked) == 1 && checked[0] == "true", uploadOverride)
	if errors.Is(err, context.DeadlineExceeded) && c.Request().Context().Err() == nil {
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "check_too_long", Err: err,
			Message: fmt.Sprintf("checking these files for personal data took over %s; send them in smaller uploads", within)}
	}
	return err
}

// checkPersonal is checkPersonalData within ctx, the refusal's message
// telling of override.
func checkPersonal(ctx context.Context, c echo.Context, fields []sentField, checked bool, override string) error {
	found, err := personalFindings(ctx, fields)
	if err != nil || len(found) == 0 {
		return err
	}
	details := map[string]any{"personal_data_types": findingTypes(found)}
	if checked {
		details["personal_data_checked"] = true
	}
	if b, err := json.Marshal(details); err == nil {
		c.Set(ctxAuditKey, json.RawMessage(b))
	}
	if checked {
		return nil
	}
	return &Error{Status: http.StatusUnprocessableEntity, Code: "personal_data", Message: personalMessage(found, override), Findings: found}
}

// findingTypes returns the types of found, sorted, once each.
func findingTypes(found []personalFinding) []redact.Type {
	ts := make([]redact.Type, len(found))
	for i, f := range found {
		ts[i] = f.Type
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

// personalMessage says, in French, what the document holds and where,
// without the values, and how to send it anyway (override).
func personalMessage(found []personalFinding, override string) string {
	parts := make([]string, 0, maxFindingsListed)
	for i, f := range found {
		if i == maxFindingsListed {
			parts = append(parts, fmt.Sprintf("et %d autre(s) (voir findings)", len(found)-i))
			break
		}
		where := fieldLabel(f.Field)
		if f.Document != "" {
			where = "document " + f.Document + ", " + where
		}
		parts = append(parts, fmt.Sprintf("%s (%s, octets %d à %d)", typeLabel(f.Type), where, f.Start, f.End))
	}
	return "Le document semble contenir les données d'une personne : " + strings.Join(parts, " ; ") +
		". Retirez-les : un document devient une source des brouillons, rien de personnel ne doit y être." +
		" Si ce sont des exemples de format et non les données d'une personne, " + override
}

// fieldLabel names a checked field in French: tags[1] is « étiquette 2 ».
func fieldLabel(field string) string {
	switch field {
	case "id":
		return "identifiant"
	case "title":
		return "titre"
	case "text":
		return "texte"
	case "url":
		return "adresse web"
	case "headings":
		return "intertitres"
	case "breadcrumb":
		return "fil d'Ariane"
	}
	for name, label := range map[string]string{"tags": "étiquette", "audience": "public"} {
		var i int
		if _, err := fmt.Sscanf(field, name+"[%d]", &i); err == nil {
			return fmt.Sprintf("%s %d", label, i+1)
		}
	}
	return field
}

// typeLabel names an identifier type in French, as the page does.
func typeLabel(t redact.Type) string {
	switch t {
	case redact.NIR:
		return "n° de sécurité sociale (NIR)"
	case redact.CARTE:
		return "n° de carte bancaire"
	case redact.FISCAL:
		return "n° fiscal"
	case redact.CAF:
		return "n° allocataire CAF"
	case redact.FRANCE_TRAVAIL:
		return "identifiant France Travail"
	case redact.ETRANGER:
		return "n° étranger"
	case redact.PASSEPORT:
		return "n° de passeport"
	case redact.CNI:
		return "n° de carte d'identité"
	case redact.PERMIS:
		return "n° de permis de conduire"
	case redact.NAISSANCE:
		return "date ou lieu de naissance"
	case redact.SECRET:
		return "mot de passe ou code secret"
	}
	return string(t) // IBAN, INE
}
