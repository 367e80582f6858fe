package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// pub wraps body elements in a minimal publication.
func pub(attrs, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><Publication xmlns:dc="http://purl.org/dc/elements/1.1/" ID="F1" ` + attrs + `><dc:title>Titre</dc:title>` + body + `</Publication>`
}

func readDILAString(t *testing.T, s string) (Document, error) {
	t.Helper()
	return readDILA(context.Background(), strings.NewReader(s))
}

func TestDILABlocks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		want []Block
	}{
		{
			name: "inline elements keep their text and spacing",
			body: `<Texte><Paragraphe>Le 1<Exposant>er</Exposant> janvier, le CO<Indice>2</Indice> et la <MiseEnEvidence>carte</MiseEnEvidence>
				<LienInterne LienPublication="F2">grise</LienInterne>, dite <Expression>certificat</Expression> (<Abreviation>Cerfa</Abreviation>),
				voir <LienExterne URL="https://x.fr">le site</LienExterne>.</Paragraphe></Texte>`,
			want: []Block{{Text: "Le 1er janvier, le CO2 et la carte grise, dite certificat (Cerfa), voir le site."}},
		},
		{
			name: "adjacent paragraphs without white space stay apart",
			body: `<Texte><Chapitre><Titre><Paragraphe>Coût</Paragraphe></Titre><Paragraphe>Gratuit.</Paragraphe><Paragraphe>Sans frais.</Paragraphe></Chapitre></Texte>`,
			want: []Block{{Heading: []string{"Coût"}, Text: "Gratuit."}, {Heading: []string{"Coût"}, Text: "Sans frais."}},
		},
		{
			name: "situations, chapters, sub-chapters and cases nest",
			body: `<ListeSituations><Situation><Titre>Majeur</Titre><Condition><estVrai var="T1"/></Condition><Texte>
				<Chapitre><Titre><Paragraphe>Démarche</Paragraphe></Titre><SousChapitre><Titre><Paragraphe>Pièces</Paragraphe></Titre>
				<BlocCas><Cas><Titre>En ligne</Titre><Paragraphe>Sur le site.</Paragraphe></Cas></BlocCas></SousChapitre></Chapitre>
				</Texte></Situation></ListeSituations>`,
			want: []Block{{Heading: []string{"Majeur", "Démarche", "Pièces", "En ligne"}, Text: "Sur le site."}},
		},
		{
			name: "lists with nested lists and multi-paragraph items",
			body: `<Texte><Liste type="puce"><Item><Paragraphe>Un</Paragraphe><Paragraphe>suite</Paragraphe></Item><Item><Paragraphe>Deux</Paragraphe>
				<Liste><Item><Paragraphe>deux bis</Paragraphe></Item></Liste></Item></Liste></Texte>`,
			want: []Block{{Text: "- Un suite\n- Deux\n  - deux bis"}},
		},
		{
			name: "tables keep their title and header rows",
			body: `<Texte><Tableau><Titre>Tarifs</Titre><Colonne largeur="1"/><Rangée type="header"><Cellule><Paragraphe>Âge</Paragraphe></Cellule>
				<Cellule><Paragraphe>Prix</Paragraphe></Cellule></Rangée><Rangée><Cellule><Paragraphe>Adulte</Paragraphe></Cellule>
				<Cellule><Liste><Item><Paragraphe>86 €</Paragraphe></Item><Item><Paragraphe>ou 17 € en ligne</Paragraphe></Item></Liste></Cellule></Rangée>
				<Rangée><Cellule/><Cellule/></Rangée></Tableau></Texte>`,
			want: []Block{{Text: "Tarifs\nÂge | Prix\nAdulte | 86 €; ou 17 € en ligne"}},
		},
		{
			name: "boxes take their own title as label, or a default",
			body: `<Texte><ANoter><Titre>Exemple</Titre><Paragraphe>un cas.</Paragraphe></ANoter><ASavoir><Paragraphe>un fait.</Paragraphe></ASavoir>
				<Attention><Titre>Attention</Titre><Liste><Item><Paragraphe>point</Paragraphe></Item></Liste></Attention></Texte>`,
			want: []Block{{Text: "Exemple : un cas."}, {Text: "À savoir : un fait."}, {Text: "Attention :\n- point"}},
		},
		{
			name: "navigation and conditions are dropped",
			body: `<DossierPere ID="N1"><Titre>Dossier</Titre><Fiche ID="F2">Autre fiche</Fiche></DossierPere><VoirAussi><Dossier ID="N2"><Titre>Voir</Titre></Dossier></VoirAussi>
				<RechercheGuidee><Titre><Paragraphe>**Aide</Paragraphe></Titre></RechercheGuidee><QuestionReponse ID="F3">Une question ?</QuestionReponse>
				<Texte><FragmentConditionne><Condition><ou><estVrai var="T1"/><estIndefini var="T2"/></ou></Condition><Paragraphe>Gardé.</Paragraphe></FragmentConditionne>
				<Image LienPublication="I1.png"><Legende>Logo</Legende></Image></Texte>`,
			want: []Block{{Text: "Gardé."}},
		},
		{
			name: "unknown elements keep their text in the flow",
			body: `<Texte><Nouveau><Paragraphe>Un.</Paragraphe></Nouveau><Autre>Deux.</Autre><Titré><Titre>Section</Titre><Paragraphe>Trois.</Paragraphe></Titré></Texte>`,
			want: []Block{{Text: "Un."}, {Text: "Deux."}, {Heading: []string{"Section"}, Text: "Trois."}},
		},
		{
			name: "trailing services, addresses, references and definitions",
			body: `<ServiceEnLigne ID="R1" URL="https://a.fr" type="Formulaire" numerocerfa="123*01"><Titre>Formulaire A</Titre><Source>X</Source></ServiceEnLigne>
				<ServiceEnLigne ID="R1" URL="https://a.fr" type="Formulaire" numerocerfa="123*01"><Titre>Formulaire A</Titre></ServiceEnLigne>
				<OuSAdresser ID="R2"><Titre>Mairie</Titre><Complement>Pour un rendez-vous</Complement><PivotLocal>mairie</PivotLocal></OuSAdresser>
				<Reference URL="https://b.fr"><Titre>Code civil : article 1</Titre></Reference>
				<Definition><Titre>Foyer</Titre><Texte><Paragraphe>Personnes vivant ensemble.</Paragraphe></Texte></Definition>
				<Abreviation type="Sigle"><Titre>Caf</Titre><Texte><Paragraphe>Caisse d'allocations familiales</Paragraphe></Texte></Abreviation>`,
			want: []Block{
				{Heading: []string{"Services en ligne"}, Text: "- Formulaire A (Formulaire 123*01) : https://a.fr"},
				{Heading: []string{"Où s'adresser ?"}, Text: "- Mairie (Pour un rendez-vous)"},
				{Heading: []string{"Définitions"}, Text: "Foyer : Personnes vivant ensemble.\nCaf : Caisse d'allocations familiales"},
				{Heading: []string{"Références"}, Text: "- Code civil : article 1 : https://b.fr"},
			},
		},
		{
			name: "service and address in the flow",
			body: `<Texte><Cas><Titre>En ligne</Titre><ServiceEnLigne URL="https://a.fr" type="Téléservice"><Titre>Service A</Titre>
				<Introduction><Texte><Paragraphe>Pour les majeurs.</Paragraphe></Texte></Introduction></ServiceEnLigne>
				<OuSAdresser><Titre>Préfecture</Titre><Texte><Chapitre><Titre><Paragraphe>Par courrier</Paragraphe></Titre><Paragraphe>1 rue de la Paix</Paragraphe></Chapitre></Texte></OuSAdresser></Cas></Texte>`,
			want: []Block{
				{Heading: []string{"En ligne"}, Text: "Service A (Téléservice) : https://a.fr\nPour les majeurs."},
				{Heading: []string{"En ligne"}, Text: "Où s'adresser : Préfecture\nPar courrier\n1 rue de la Paix"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readDILAString(t, pub("", tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, doc.Blocks); diff != "" {
				t.Errorf("blocks mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDILAMetadata(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		attrs string
		body  string
		want  Document
	}{
		{
			name:  "spUrl, audiences, theme, breadcrumb and date",
			attrs: `spUrl="https://www.service-public.fr/particuliers/vosdroits/F1"`,
			body: `<dc:subject>Argent</dc:subject><dc:description> Une  aide. </dc:description><dc:date>modified 2020-06-15</dc:date>
				<dc:rights>droits</dc:rights><Audience>Particuliers</Audience><Audience>Professionnels</Audience><Audience>Particuliers</Audience>
				<FilDAriane><Niveau ID="Particuliers">Accueil particuliers</Niveau><Niveau ID="N19803">Argent</Niveau><Niveau ID="N91">Banque</Niveau><Niveau ID="F1">Titre</Niveau></FilDAriane>
				<Theme ID="N19803"><Titre>Argent</Titre></Theme><Theme ID="N2"><Titre>Famille</Titre></Theme>`,
			want: Document{
				Source: "dila", ExternalID: "F1", Title: "Titre", Description: "Une aide.",
				URL:      "https://www.service-public.fr/particuliers/vosdroits/F1",
				Audience: []string{"particuliers", "professionnels"}, Tags: []string{"Argent", "Famille"},
				Breadcrumb: []string{"Argent", "Banque"}, UpdatedAt: time.Date(2020, 6, 15, 0, 0, 0, 0, time.UTC),
			},
		},
		{
			name: "URL built from the first audience",
			body: `<Audience>Professionnels</Audience>`,
			want: Document{
				Source: "dila", ExternalID: "F1", Title: "Titre",
				URL:      "https://www.service-public.fr/professionnels-entreprises/vosdroits/F1",
				Audience: []string{"professionnels"},
			},
		},
		{
			name: "URL defaults to particuliers",
			want: Document{Source: "dila", ExternalID: "F1", Title: "Titre", URL: "https://www.service-public.fr/particuliers/vosdroits/F1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readDILAString(t, pub(tt.attrs, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, doc); diff != "" {
				t.Errorf("document mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDILAErrors(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("<Texte>", maxXMLDepth+5) + strings.Repeat("</Texte>", maxXMLDepth+5)
	tests := []struct {
		name        string
		xml         string
		unsupported bool
		contains    string
	}{
		{name: "not a publication", xml: `<?xml version="1.0"?><rss><channel/></rss>`, unsupported: true, contains: "<rss>"},
		{name: "empty", xml: ``, unsupported: true, contains: "no root"},
		{name: "truncated", xml: pub("", "<Texte><Paragraphe>coupé")[:80], contains: "xml"},
		{name: "mismatched tags", xml: `<Publication ID="F1"><Texte></Paragraphe></Publication>`, contains: "xml"},
		{name: "no ID", xml: `<Publication><dc:title xmlns:dc="x">T</dc:title></Publication>`, contains: "no ID"},
		{name: "unknown encoding", xml: `<?xml version="1.0" encoding="x-martien"?><Publication ID="F1"/>`, unsupported: true, contains: "x-martien"},
		{name: "too deep", xml: `<Publication ID="F1">` + deep + `</Publication>`, contains: "nested"},
		{name: "binary", xml: "\x00\x01\x02<Publication", contains: "xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readDILAString(t, tt.xml)
			if err == nil {
				t.Fatal("no error")
			}
			if got := errors.Is(err, ErrUnsupportedFormat); got != tt.unsupported {
				t.Errorf("errors.Is(ErrUnsupportedFormat) = %v, want %v (%v)", got, tt.unsupported, err)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q does not contain %q", err, tt.contains)
			}
		})
	}
}

func TestDILAWindows1252(t *testing.T) {
	t.Parallel()
	// "Démarche à l'accueil" in Windows-1252, with a typographic apostrophe (0x92).
	xml := "<?xml version=\"1.0\" encoding=\"windows-1252\"?><Publication ID=\"F1\"><Texte><Paragraphe>D\xe9marche \xe0 l\x92accueil</Paragraphe></Texte></Publication>"
	doc, err := readDILAString(t, xml)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Démarche à l’accueil"; len(doc.Blocks) != 1 || doc.Blocks[0].Text != want {
		t.Errorf("blocks = %+v, want one block %q", doc.Blocks, want)
	}
}
