package api_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// piiBody is the error body of a document refused for personal data.
type piiBody struct {
	Error struct {
		Code, Message string
	}
	Findings []piiFinding
}

type piiFinding struct {
	Document    string
	Field, Type string
	Start, End  int
}

// span is the finding of value inside field's text, by byte offsets.
func span(field, typ, text, value string) piiFinding {
	i := strings.Index(text, value)
	return piiFinding{Field: field, Type: typ, Start: i, End: i + len(value)}
}

// The values of the black-box test: a person's NIR and mobile phone.
const (
	piiNIR   = "2 61 04 75 112 334 56"
	piiPhone = "06 77 88 99 00"
)

// TestDocumentPersonalData: a JSON document whose title or text holds a
// person's identifier is refused (422 personal_data, the types and where,
// never the values) and nothing is stored; with personal_data_checked it
// is stored and the audit log records the override; official guidance
// with a service's phone and an office's address is stored without
// question; PUT is checked as POST.
func TestDocumentPersonalData(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	title := "  Fiche de Mme Lambert " + piiNIR
	text := "Mme Josiane Lambert, NIR " + piiNIR + ", " + piiPhone + ", demande le RSA."
	body := map[string]any{"id": "pii-1", "title": title, "text": text, "service": "caf"}

	r := e.must(http.StatusUnprocessableEntity, request{method: "POST", path: "/v1/documents", key: "admin", body: body})
	got := refusal(t, r)
	want := []piiFinding{span("title", "NIR", title, piiNIR), span("text", "NIR", text, piiNIR)}
	if diff := cmp.Diff(want, got.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if _, err := e.st.DocumentByKey(t.Context(), store.DocKey{Service: "caf", Source: "api", ExternalID: "pii-1"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("refused document stored: %v", err)
	}

	body["personal_data_checked"] = true
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: body})

	official := map[string]any{"id": "pii-official", "title": "Contacter le centre des finances publiques",
		"text": "Le service des impôts des particuliers de Lyon vous reçoit au 3 rue de la Charité, 69002 Lyon, " +
			"du lundi au vendredi. Vous pouvez aussi l'appeler au 04 72 40 83 00 ou au 0 809 401 401 (service gratuit). " +
			"En cas de maladie ou d'hospitalisation, un délai de paiement peut être accordé. Mme Dupont, directrice, signe les courriers."}
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: official})

	edit := map[string]any{"title": "Changement de situation", "text": "Virement sur le compte FR76 3000 6000 0112 3456 7890 189."}
	path := fmt.Sprint("/v1/documents/", e.docs["caf"])
	got = refusal(t, e.must(http.StatusUnprocessableEntity, request{method: "PUT", path: path, key: "admin", body: e.asRead(e.docs["caf"], edit)}))
	if len(got.Findings) != 1 || got.Findings[0].Type != "IBAN" || got.Findings[0].Field != "text" {
		t.Errorf("PUT findings %+v, want one IBAN in text", got.Findings)
	}
	edit["personal_data_checked"] = true
	e.must(http.StatusOK, request{method: "PUT", path: path, key: "admin", body: e.asRead(e.docs["caf"], edit)})

	checkPersonalAudit(t, e)
}

// TestUploadPersonalData: uploaded files are checked as JSON documents
// are, each document read from them: a person's identifier in a title,
// the text or a heading refuses the whole upload (422 personal_data, the
// document, field, type and offsets in the text as read, never a value)
// and nothing is stored; the form field personal_data_checked=true stores
// it, the audit log recording the override; another value is 400.
func TestUploadPersonalData(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	clean := "---\nid: propre\ntitle: Changer d'adresse\n---\n## Démarche\nDéclarez votre nouvelle adresse en ligne.\n"
	personal := "---\nid: pii-md\ntitle: Dossier de Mme Lambert\n---\n## NIR " + piiNIR + "\nPremier passage.\n\nMme Lambert, née le 12/03/1961 à Lyon, NIR " + piiNIR + ".\n"
	files := map[string]string{"propre.md": clean, "pii.md": personal}
	upload := func(fields map[string]string) response {
		body, ct := multipartBody(t, files, fields)
		return e.do(request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct})
	}
	r := upload(nil)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("upload with a NIR: %d %s, want 422", r.status, r.body)
	}
	got := refusal(t, r)
	types := map[string]bool{}
	for _, f := range got.Findings {
		types[f.Field+" "+f.Type] = true
		if f.Document != "markdown/pii-md" {
			t.Errorf("finding %+v names another document than markdown/pii-md", f)
		}
	}
	for _, want := range []string{"text NIR", "headings NIR"} {
		if !types[want] {
			t.Errorf("findings %+v: no %s", got.Findings, want)
		}
	}
	if !strings.Contains(got.Error.Message, "markdown/pii-md") || !strings.Contains(got.Error.Message, "personal_data_checked=true") {
		t.Errorf("message %q names neither the document nor the form field", got.Error.Message)
	}
	for _, id := range []string{"propre", "pii-md"} {
		if _, err := e.st.DocumentByKey(t.Context(), store.DocKey{Service: "caf", Source: "markdown", ExternalID: id}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s stored from a refused upload: %v", id, err)
		}
	}
	for _, v := range []string{"oui", "TRUE", "1"} {
		if r := upload(map[string]string{"personal_data_checked": v}); r.status != http.StatusBadRequest {
			t.Errorf("personal_data_checked=%s: %d %s, want 400", v, r.status, r.body)
		}
	}
	// Sent twice (black-box test, round 2: the first value won silently).
	body, ct := multipartBody(t, files, nil)
	twice := strings.Replace(string(body), "--"+strings.TrimPrefix(ct, "multipart/form-data; boundary="),
		"--"+strings.TrimPrefix(ct, "multipart/form-data; boundary=")+"\r\nContent-Disposition: form-data; name=\"personal_data_checked\"\r\n\r\nfalse\r\n"+
			"--"+strings.TrimPrefix(ct, "multipart/form-data; boundary=")+"\r\nContent-Disposition: form-data; name=\"personal_data_checked\"\r\n\r\ntrue\r\n"+
			"--"+strings.TrimPrefix(ct, "multipart/form-data; boundary="), 1)
	if r := e.do(request{method: "POST", path: "/v1/documents", key: "admin-caf", body: []byte(twice), contentType: ct}); r.status != http.StatusBadRequest {
		t.Errorf("personal_data_checked sent twice: %d %s, want 400", r.status, r.body)
	}
	if r := upload(map[string]string{"personal_data_checked": "true"}); r.status != http.StatusCreated {
		t.Fatalf("upload with personal_data_checked=true: %d %s, want 201", r.status, r.body)
	}
	entries, err := e.st.AuditLog(t.Context(), store.AuditFilter{Scope: store.Scope{Global: true}})
	if err != nil || len(entries) == 0 {
		t.Fatalf("audit log: %d entries, %v", len(entries), err)
	}
	var d struct {
		Types []string `json:"personal_data_types"`
		Check bool     `json:"personal_data_checked"`
		IDs   []int64
	}
	if err := json.Unmarshal(entries[0].Details, &d); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(d.Types, "NIR") || !d.Check || len(d.IDs) != 2 || strings.Contains(string(entries[0].Details), "334") {
		t.Errorf("the stored upload's audit entry %s %d %s: want NIR, the override and 2 ids, no value", entries[0].Action, entries[0].Status, entries[0].Details)
	}
}

// TestUploadCheckTime: an upload whose personal-data check takes longer
// than Upload.CheckTime is refused, 413 check_too_long, nothing stored,
// rather than hold a processor until the request's timeout.
func TestUploadCheckTime(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1, Upload: api.UploadLimits{CheckTime: time.Nanosecond}})
	body, ct := multipartBody(t, map[string]string{"lent.md": "---\nid: lent\ntitle: Lent\n---\n## Démarche\nDéclarez-vous en ligne.\n"}, nil)
	r := e.do(request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct})
	var got piiBody
	if err := json.Unmarshal(r.body, &got); err != nil || r.status != http.StatusRequestEntityTooLarge || got.Error.Code != "check_too_long" {
		t.Fatalf("upload past CheckTime: %d %s, want 413 check_too_long", r.status, r.body)
	}
	if !strings.Contains(got.Error.Message, "smaller uploads") {
		t.Errorf("message %q does not say what to do", got.Error.Message)
	}
	if _, err := e.st.DocumentByKey(t.Context(), store.DocKey{Service: "caf", Source: "markdown", ExternalID: "lent"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("document stored from a refused upload: %v", err)
	}
}

// refusal checks that r is a personal_data refusal whose message names
// the types and where, and holds no value.
func refusal(t *testing.T, r response) piiBody {
	t.Helper()
	var b piiBody
	r.decode(t, &b)
	if b.Error.Code != "personal_data" {
		t.Errorf("code %q, want personal_data", b.Error.Code)
	}
	for _, v := range []string{piiNIR, piiPhone, "Lambert", "3000 6000"} {
		if strings.Contains(string(r.body), v) {
			t.Errorf("the refusal holds the value %q: %s", v, r.body)
		}
	}
	if !strings.Contains(b.Error.Message, "octets") || !strings.Contains(b.Error.Message, "personal_data_checked") {
		t.Errorf("message %q names neither where nor how to override", b.Error.Message)
	}
	return b
}

// checkPersonalAudit checks the audit entries of the documents' writes:
// the types refused or overridden, never a value.
func checkPersonalAudit(t *testing.T, e *env) {
	t.Helper()
	entries, err := e.st.AuditLog(t.Context(), store.AuditFilter{Scope: store.Scope{Global: true}})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Action string
		Status int
		Types  []string
		Check  bool
	}
	var got []row
	for _, en := range entries {
		if !strings.Contains(en.Action, "/v1/documents") {
			continue
		}
		var d struct {
			Types []string `json:"personal_data_types"`
			Check bool     `json:"personal_data_checked"`
		}
		if err := json.Unmarshal(en.Details, &d); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(en.Details), "334") || strings.Contains(string(en.Details), "3000") {
			t.Errorf("audit details hold a value: %s", en.Details)
		}
		got = append(got, row{en.Action, en.Status, d.Types, d.Check})
	}
	want := []row{ // newest first
		{"PUT /v1/documents/:id", 200, []string{"IBAN"}, true},
		{"PUT /v1/documents/:id", 422, []string{"IBAN"}, false},
		{"POST /v1/documents", 201, nil, false},
		{"POST /v1/documents", 201, []string{"NIR"}, true},
		{"POST /v1/documents", 422, []string{"NIR"}, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit entries (-want +got):\n%s", diff)
	}
}

// TestDocumentPersonalDataLabels: a person's identifier in a document's
// tags or audience is refused as in its text (black-box test: a NIR in
// tags and an IBAN in audience were stored), the finding naming the label.
func TestDocumentPersonalDataLabels(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	nir, iban := "2 84 05 75 123 456 78", "FR7630006000011234567890189"
	body := map[string]any{"id": "pii-labels", "title": "Fiche", "text": "ok", "service": "caf",
		"tags": []string{"logement", nir}, "audience": []string{iban}}
	got := refusal(t, e.must(http.StatusUnprocessableEntity, request{method: "POST", path: "/v1/documents", key: "admin", body: body}))
	want := []piiFinding{
		{Field: "tags[1]", Type: "NIR", Start: 0, End: len(nir)},
		{Field: "audience[0]", Type: "IBAN", Start: 0, End: len(iban)},
	}
	if diff := cmp.Diff(want, got.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	edit := map[string]any{"title": "Fiche", "text": "ok", "tags": []string{nir}}
	path := fmt.Sprint("/v1/documents/", e.docs["caf"])
	got = refusal(t, e.must(http.StatusUnprocessableEntity, request{method: "PUT", path: path, key: "admin", body: e.asRead(e.docs["caf"], edit)}))
	if len(got.Findings) != 1 || got.Findings[0].Field != "tags[0]" {
		t.Errorf("PUT findings %+v, want one in tags[0]", got.Findings)
	}
}

// TestDocumentPersonalDataLinks: a person's identifier in a document's id,
// source or URL, or inside a web link of its text (a query string's
// « ?nir=… », a path's segment), is refused as in its text (black-box
// test: a NIR in the URL was stored and printed in the model's prompt
// beside the source); an official link with a long article number is not.
func TestDocumentPersonalDataLinks(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	nir, iban := "185057800608436", "FR7630006000011234567890189"
	url := "https://caf.fr/zorglub?nir=" + nir
	text := "Voir https://www.service-public.fr/particuliers/vosdroits/F1234?iban=" + iban + " pour la suite."
	tests := []struct {
		name string
		body map[string]any
		want []piiFinding
	}{
		{"url", map[string]any{"id": "pii-url", "title": "Fiche", "text": "ok", "url": url},
			[]piiFinding{span("url", "NIR", url, nir)}},
		{"id", map[string]any{"id": "caf-1 85 05 78 006 084 36", "title": "Fiche", "text": "ok"},
			[]piiFinding{span("id", "NIR", "caf-1 85 05 78 006 084 36", "1 85 05 78 006 084 36")}},
		{"source", map[string]any{"id": "pii-source", "source": iban, "title": "Fiche", "text": "ok"},
			[]piiFinding{span("source", "IBAN", iban, iban)}},
		{"link in text", map[string]any{"id": "pii-link", "title": "Fiche", "text": text},
			[]piiFinding{span("text", "IBAN", text, iban)}},
		{"underscores", map[string]any{"id": "pii-under", "title": "Fiche", "text": "ok", "url": "https://x.fr/a_1_85_05_78_006_084_36"},
			[]piiFinding{span("url", "NIR", "https://x.fr/a_1_85_05_78_006_084_36", "1_85_05_78_006_084_36")}},
		// A link the redactor keeps whole (black-box test, round 2: each
		// of these was stored and reached the prompt beside its source).
		{"dots in a kept link", map[string]any{"id": "pii-dots", "title": "Fiche", "text": "Voir https://ex.fr/?n=2.92.03.75.120.045.52 ici."},
			[]piiFinding{span("text", "NIR", "Voir https://ex.fr/?n=2.92.03.75.120.045.52 ici.", "2.92.03.75.120.045.52")}},
		{"dashes in a path", map[string]any{"id": "pii-dashes", "title": "Fiche", "text": "Lien : https://ex.fr/2-92-03-75-120-045-52"},
			[]piiFinding{span("text", "NIR", "Lien : https://ex.fr/2-92-03-75-120-045-52", "2-92-03-75-120-045-52")}},
		{"escaped spaces", map[string]any{"id": "pii-escapes", "title": "Fiche", "text": "[ici](https://ex.fr/?n=2%2092%2003%2075%20120%20045%2052)"},
			[]piiFinding{span("text", "NIR", "[ici](https://ex.fr/?n=2%2092%2003%2075%20120%20045%2052)", "2%2092%2003%2075%20120%20045%2052")}},
		// A label typed against its value (black-box test, issue 10: the
		// spaced NIR was refused, this one stored).
		{"label glued in text", map[string]any{"id": "pii-glued", "title": "Fiche", "text": "NIR185057511542357"},
			[]piiFinding{span("text", "NIR", "NIR185057511542357", "185057511542357")}},
		{"label glued in title", map[string]any{"id": "pii-glued-title", "title": "Fiche IBAN" + iban, "text": "ok"},
			[]piiFinding{span("title", "IBAN", "Fiche IBAN"+iban, iban)}},
		{"label glued in a link", map[string]any{"id": "pii-glued-link", "title": "Fiche", "text": "ok", "url": "https://x.fr/dossier/nir" + nir},
			[]piiFinding{span("url", "NIR", "https://x.fr/dossier/nir"+nir, nir)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.body["service"] = "caf"
			got := refusal(t, e.must(http.StatusUnprocessableEntity, request{method: "POST", path: "/v1/documents", key: "admin", body: tt.body}))
			if diff := cmp.Diff(tt.want, got.Findings); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
	official := map[string]any{"id": "pii-official", "title": "Fiche", "service": "caf",
		"text": "Article https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006430983 du code.",
		"url":  "https://www.service-public.fr/particuliers/vosdroits/F2345?lang=fr&xtor=RSS-100"}
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: official})
}

// TestDocumentKeyTimestamp: a document keyed by a number, as integrations
// and the curation page key theirs (a time's 13 digits, read alone as a tax
// number), is stored; a NIR as its key is refused (TestDocumentPersonalDataLinks).
func TestDocumentKeyTimestamp(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	body := map[string]any{"id": "1764662400123", "source": "2025123456789", "title": "Fiche", "text": "ok", "service": "caf"}
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: body})
}
