package ingest

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// The DILA "vosdroits" format (schema 3.3): a <Publication ID="F1234"> root
// with Dublin Core metadata, a FilDAriane breadcrumb, an Introduction, a
// Texte of Chapitre / SousChapitre / BlocCas / Cas, or a ListeSituations of
// Situation, and trailing lists of online services, addresses, references
// and glossary entries.

// maxXMLDepth bounds element nesting; real fiches nest about 15 deep.
const maxXMLDepth = 200

// dilaDrop lists the elements whose whole subtree is not guidance:
// publication metadata, navigation lists, conditions of personalised pages,
// images and their captions.
var dilaDrop = map[string]bool{
	// Dublin Core metadata not kept (by local name; dc:title and co are kept).
	"creator": true, "publisher": true, "contributor": true, "type": true,
	"format": true, "identifier": true, "source": true, "language": true,
	"relation": true, "coverage": true, "rights": true,
	// Page furniture and navigation.
	"SurTitre": true, "Canal": true, "Cible": true, "DossierPere": true,
	"SousDossierPere": true, "SousThemePere": true, "VoirAussi": true,
	"RechercheGuidee": true, "QuestionReponse": true, "CommentFaireSi": true,
	"PourEnSavoirPlus": true, "Partenaire": true, "Questionnaire": true,
	"NoticeLiee": true, "LienWeb": true, "PivotLocal": true, "RessourceWeb": true,
	"Source": true, "TitreAlternatif": true,
	// Conditions of personalised pages.
	"Condition": true, "estVrai": true, "estFaux": true, "estIndefini": true,
	"SiSelectionne": true, "IntituleSiSelectionne": true, "affecteVrai": true,
	"affecteFaux": true,
	// Pictures.
	"Illustration": true, "Image": true, "Credits": true, "Legende": true,
	"TexteDeRemplacement": true, "Resume": true, "Colonne": true,
}

// xnode is an element (name set) or a text node (name empty) of a parsed
// DILA publication. Dropped subtrees are never built.
type xnode struct {
	name  string
	text  string
	attrs []xml.Attr
	kids  []*xnode
}

func (n *xnode) attr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element named name, or nil.
func (n *xnode) child(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// parseDILATree reads a publication into a tree, skipping dropped subtrees.
// ISO-8859-1 and Windows-1252 (and the other encodings of the WHATWG list)
// are decoded; the root must be <Publication>.
func parseDILATree(ctx context.Context, r io.Reader) (*xnode, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		rd, err := charset.NewReaderLabel(label, input)
		if err != nil {
			return nil, fmt.Errorf("xml encoding %q: %w", label, ErrUnsupportedFormat)
		}
		return rd, nil
	}
	d.Entity = xml.HTMLEntity
	// RawToken, faster than Token, neither resolves name spaces (not
	// needed: names are matched on their local part) nor checks that end
	// tags match, which is done here.
	var root *xnode
	stack := make([]*xnode, 0, 32)
	for tokens := 0; ; tokens++ {
		if tokens&0xFFFF == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, fmt.Errorf("xml: element <%s> after the root element", t.Name.Local)
			}
			if root == nil {
				if t.Name.Local != "Publication" {
					return nil, fmt.Errorf("root element <%s>, not a DILA <Publication>: %w", t.Name.Local, ErrUnsupportedFormat)
				}
			} else if dilaDrop[t.Name.Local] {
				if err := skip(d, t.Name.Local); err != nil {
					return nil, err
				}
				continue
			}
			if len(stack) >= maxXMLDepth {
				return nil, fmt.Errorf("xml: elements nested more than %d deep", maxXMLDepth)
			}
			n := &xnode{name: t.Name.Local, attrs: t.Attr}
			if root == nil {
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != t.Name.Local {
				return nil, fmt.Errorf("xml: unexpected end element </%s>", t.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			p := stack[len(stack)-1]
			text := string(t)
			if strings.TrimSpace(text) == "" {
				text = " "
			}
			p.kids = append(p.kids, &xnode{text: text})
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element: %w", ErrUnsupportedFormat)
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("xml: unexpected end of file inside <%s>", stack[len(stack)-1].name)
	}
	return root, nil
}

// skip consumes the rest of the element named name whose start was just
// read, checking that end tags match.
func skip(d *xml.Decoder, name string) error {
	names := []string{name}
	for {
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return fmt.Errorf("xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(names) >= maxXMLDepth {
				return fmt.Errorf("xml: elements nested more than %d deep", maxXMLDepth)
			}
			names = append(names, t.Name.Local)
		case xml.EndElement:
			if names[len(names)-1] != t.Name.Local {
				return fmt.Errorf("xml: unexpected end element </%s>", t.Name.Local)
			}
			names = names[:len(names)-1]
			if len(names) == 0 {
				return nil
			}
		}
	}
}

// readDILA reads one DILA publication.
func readDILA(ctx context.Context, r io.Reader) (Document, error) {
	root, err := parseDILATree(ctx, r)
	if err != nil {
		return Document{}, err
	}
	return dilaDocument(root)
}

var isoDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

// audiencePath maps a DILA audience to its service-public.fr URL segment.
var audiencePath = map[string]string{
	"particuliers":   "particuliers",
	"professionnels": "professionnels-entreprises",
	"associations":   "associations",
}

// dilaDocument turns a parsed publication into a Document.
func dilaDocument(root *xnode) (Document, error) {
	doc := Document{Source: "dila", ExternalID: strings.TrimSpace(root.attr("ID")), URL: strings.TrimSpace(root.attr("spUrl"))}
	if doc.ExternalID == "" {
		return Document{}, errors.New("dila: <Publication> has no ID")
	}
	r := &dilaRenderer{}
	for _, n := range root.kids {
		if n.name == "" && strings.TrimSpace(n.text) == "" {
			continue
		}
		if n.name != "Fiche" && n.name != "Dossier" {
			r.flushOverview()
		}
		switch n.name {
		case "":
			r.para(n.text)
		case "title":
			doc.Title = inline(n)
		case "description":
			doc.Description = inline(n)
		case "subject":
			doc.Tags = append(doc.Tags, inline(n))
		case "date":
			if m := isoDate.FindString(inline(n)); m != "" {
				if t, err := time.Parse(time.DateOnly, m); err == nil {
					doc.UpdatedAt = t
				}
			}
		case "Audience":
			doc.Audience = append(doc.Audience, strings.ToLower(inline(n)))
		case "FilDAriane":
			doc.Breadcrumb = breadcrumb(n, doc.ExternalID)
		case "Theme":
			if t := n.child("Titre"); t != nil {
				doc.Tags = append(doc.Tags, inline(t))
			}
		case "ServiceEnLigne":
			r.services = append(r.services, "- "+serviceLine(n))
		case "Reference":
			r.references = append(r.references, "- "+referenceLine(n))
		case "OuSAdresser":
			r.addresses = append(r.addresses, "- "+addressLine(n))
		case "Definition", "Abreviation":
			r.definitions = append(r.definitions, definitionLine(n))
		case "LienExterneCommente":
			r.links = append(r.links, linkLine(n))
		case "SousDossier", "SousTheme":
			// A dossier's or theme's table of contents comes after its
			// introduction, whatever the element order.
			title := ""
			if t := n.child("Titre"); t != nil {
				title = inline(t)
			}
			if text := listOf(n); text != "" {
				r.contents = append(r.contents, Block{Heading: nonEmpty(title), Text: text})
			}
		case "Fiche", "Dossier":
			r.overview = append(r.overview, "- "+inline(n))
		default:
			r.node(n)
		}
	}
	r.flushOverview()
	r.heading = nil
	doc.Audience, doc.Tags = dedupe(doc.Audience), dedupe(doc.Tags)
	r.blocks = append(r.blocks, r.contents...)
	r.trailer("Services en ligne", r.services)
	r.trailer("Où s'adresser ?", r.addresses)
	r.trailer("Pour en savoir plus", r.links)
	r.trailer("Définitions", r.definitions)
	r.trailer("Références", r.references)
	doc.Blocks = r.blocks
	if doc.Title == "" {
		for _, b := range doc.Breadcrumb {
			doc.Title = b
		}
	}
	if doc.URL == "" {
		seg := "particuliers"
		if len(doc.Audience) > 0 && audiencePath[doc.Audience[0]] != "" {
			seg = audiencePath[doc.Audience[0]]
		}
		doc.URL = "https://www.service-public.fr/" + seg + "/vosdroits/" + doc.ExternalID
	}
	return doc, nil
}

// breadcrumb lists the FilDAriane levels above the page, without the
// audience's home page and without the page itself.
func breadcrumb(n *xnode, id string) []string {
	var out []string
	for _, k := range n.kids {
		if k.name != "Niveau" {
			continue
		}
		kid := k.attr("ID")
		if kid == id || !strings.HasPrefix(kid, "N") {
			continue
		}
		out = append(out, inline(k))
	}
	return dedupe(out)
}
