package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/redact"
)

// A document of the knowledge base reaches the model as a source: it must
// not hold a person's data. POST and PUT /v1/documents (JSON) run the
// redactor over the document's id, source, title, description, text, URL,
// tags and audience, and over the inside of every web link they hold (a
// query string's « ?nir=… »), and refuse, 422 personal_data, a document holding a person's identifier, unless the
// body says personal_data_checked (official examples of a format); the
// audit log then records that the check was overridden, with the types
// found and never their values. Uploaded files (official formats) are not
// checked.

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
// field, the type and the byte offsets of the value in the field as sent.
type personalFinding struct {
	Field string      `json:"field"`
	Type  redact.Type `json:"type"`
	Start int         `json:"start"`
	End   int         `json:"end"`
}

// sentField is a field of a document's body as sent, before trimming: the
// findings' offsets are in it.
type sentField struct {
	name, value string
}

// sentFields returns the fields of in the check reads, as sent: the id and
// source (shown and stored beside the document), the title, description,
// text and URL (the URL is printed in the model's prompt beside each
// source), and each tag and audience (labels are shown and searched as the
// text is), named by their index (tags[1]).
func (in *documentInput) sentFields() []sentField {
	out := []sentField{{"id", in.ID}, {"source", in.Source}, {"title", in.Title}, {"description", in.Description},
		{"text", in.Text}, {"url", in.URL}}
	for _, l := range []struct {
		name   string
		values []string
	}{{"tags", in.Tags}, {"audience", in.Audience}} {
		for i, v := range l.values {
			out = append(out, sentField{fmt.Sprintf("%s[%d]", l.name, i), v})
		}
	}
	return out
}

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
		out = append(out, found...)
		if len(out) > maxFindings {
			return out[:maxFindings], nil
		}
	}
	return out, nil
}

// fieldFindings returns the person's identifiers the redactor finds in one
// field, and inside each web link it finds there (linkFindings). The URL
// field is read as a link whole.
func fieldFindings(ctx context.Context, f sentField) ([]personalFinding, error) {
	if f.name == "url" {
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
		if e.Type != redact.URL {
			continue
		}
		inside, err := linkFindings(ctx, f.name, f.value[e.Start:e.End], e.Start)
		if err != nil {
			return nil, err
		}
		out = append(out, inside...)
	}
	return out, nil
}

// linkFindings returns the social-security numbers and IBANs a web link
// carries in its path or query string (« ?nir=… »), read with its
// separators as spaces (linkWords), at offsets shifted by at. A link is
// masked whole as a URL, which a document may hold, so what it carries is
// read again; only the two identifiers a checksum confirms count there:
// official links are full of long numbers (a journal's page, a form's
// number) that other types' shapes take for a card or a tax number (about
// fifty of the 26,000 links of the 2020 corpus).
func linkFindings(ctx context.Context, field, link string, at int) ([]personalFinding, error) {
	res, err := redact.Redact(ctx, linkWords(link), redact.DefaultPolicy())
	if err != nil {
		return nil, fmt.Errorf("check %s for personal data: %w", field, err)
	}
	var out []personalFinding
	for _, e := range res.Entities {
		if e.Type == redact.NIR || e.Type == redact.IBAN {
			out = append(out, personalFinding{Field: field, Type: e.Type, Start: at + e.Start, End: at + e.End})
		}
	}
	return out, nil
}

// linkWords returns link with the separators of its path and query string
// (/ ? & = # + _ and the escaped space %20) turned into spaces, byte for
// byte, so that offsets in it are offsets in link: « ?nir=185057800608436 »
// reads as the number it carries.
func linkWords(link string) string {
	b := []byte(strings.ReplaceAll(link, "%20", "   "))
	for i, c := range b {
		switch c {
		case '/', '?', '&', '=', '#', '+', '_':
			b[i] = ' '
		}
	}
	return string(b)
}

// checkPersonalData refuses, 422 personal_data, a document whose fields
// hold a person's identifier, unless checked (the admin said they are
// examples of a format): then the audit entry records the override and the
// types found. A refusal's audit entry records the types too; neither
// records a value.
func checkPersonalData(c echo.Context, fields []sentField, checked bool) error {
	found, err := personalFindings(c.Request().Context(), fields)
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
	return &Error{Status: http.StatusUnprocessableEntity, Code: "personal_data", Message: personalMessage(found), Findings: found}
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
// without the values, and how to send it anyway.
func personalMessage(found []personalFinding) string {
	parts := make([]string, 0, maxFindingsListed)
	for i, f := range found {
		if i == maxFindingsListed {
			parts = append(parts, fmt.Sprintf("et %d autre(s) (voir findings)", len(found)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s, octets %d à %d)", typeLabel(f.Type), fieldLabel(f.Field), f.Start, f.End))
	}
	return "Le document semble contenir les données d'une personne : " + strings.Join(parts, " ; ") +
		". Retirez-les : un document devient une source des brouillons, rien de personnel ne doit y être." +
		" Si ce sont des exemples de format et non les données d'une personne, renvoyez-le avec \"personal_data_checked\": true."
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
