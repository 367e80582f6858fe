package redact

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// benchMessages are realistic user messages: identifiers, names, addresses,
// SMS style, legal references and amounts mixed.
var benchMessages = []string{
	"Bonjour,\nje m'appelle Marie Dupont, née le 3 avril 1990, et mon numéro de sécurité sociale est 2 90 04 75 123 456 78. " +
		"Je touche l'APL depuis 2021 (numéro allocataire 1234567) mais j'ai reçu un courrier me réclamant 1 250,50 € d'indu. " +
		"Conformément à l'article L. 262-2 du code de l'action sociale, je conteste. Merci de me rappeler au 06 12 34 56 78.\n" +
		"Cordialement,\nMarie DUPONT\n12 bis rue Victor Hugo, 69003 Lyon",
	"bjr jsuis radié de pole emploi mon identifiant c 1234567A jai rdv le 14 mars a 10h mais jpeux pas venir " +
		"appelez moi au 0712345678 ou par mail kevin.lemoine@gmail.com merci kevin lemoine",
	"Madame, Monsieur,\nMon fils Lucas Martin (né le 02/03/2016) est scolarisé au collège Jean Moulin. Nous habitons " +
		"Résidence Les Tilleuls, bâtiment B, appartement 12, 5 allée des Acacias, 93200 Saint-Denis. Mon IBAN pour le " +
		"remboursement : FR76 3000 6000 0112 3456 7890 189. Appelez le 3939 ou le 3646 pour toute question.\nBien à vous,\nSophie Martin",
	"Objet : recours, dossier n° 2023-0456-AB\nJe soussigné Jean-Pierre Le Goff, demeurant 18 rue de la République 29200 Brest, " +
		"numéro fiscal 1234567890123, conteste la décision du 12 janvier 2024 prise en application du décret n° 2023-1234. " +
		"Je suis diabétique et en invalidité depuis 2019. Délai de recours : deux mois.",
}

// realisticText builds about size bytes of user messages, numbered so that
// values differ from one message to the next.
func realisticText(size int) string {
	var b strings.Builder
	b.Grow(size + 1024)
	for i := 0; b.Len() < size; i++ {
		m := benchMessages[i%len(benchMessages)]
		m = strings.ReplaceAll(m, "1234567", fmt.Sprintf("%07d", i%10000000))
		b.WriteString(m)
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkRedactMessage(b *testing.B) {
	ctx := context.Background()
	total := 0
	for _, m := range benchMessages {
		total += len(m)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range benchMessages {
			if _, err := Redact(ctx, m, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRedact1MB, BenchmarkRedact10MB and BenchmarkRedact40MB together
// show that the cost is linear in the input size: their MB/s should match.
func BenchmarkRedact1MB(b *testing.B)  { benchmarkRedactSize(b, 1<<20) }
func BenchmarkRedact10MB(b *testing.B) { benchmarkRedactSize(b, 10<<20) }
func BenchmarkRedact40MB(b *testing.B) { benchmarkRedactSize(b, 40<<20) }

// benchmarkRedactSize redacts realistic text of about size bytes. Besides
// MB/s of wall time it reports cpu-MB/s, of the CPU time (user and system)
// the process spent, which a machine busy with other work changes less.
func benchmarkRedactSize(b *testing.B, size int) {
	benchmarkRedactText(b, realisticText(size))
}

// BenchmarkRedactDigits is the worst case for the number detectors: a
// million digits separated by single spaces.
func BenchmarkRedactDigits(b *testing.B) {
	text := strings.Repeat("1 2 3 4 5 6 7 8 9 0 ", 100000)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Redact(ctx, text, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRestore(b *testing.B) {
	text := realisticText(1 << 20)
	res, err := Redact(context.Background(), text, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(res.Text.String())))
	for b.Loop() {
		Restore(res.Text.String(), res.Mapping, nil)
	}
}

// BenchmarkNormalView measures the normal view alone: on French text
// without exotic characters (the fast path, no copy), and on the same
// text with a zero-width space in every phone number and full-width
// digits in every NIR.
func BenchmarkNormalView(b *testing.B) {
	plain := realisticText(1 << 20)
	exotic := strings.ReplaceAll(plain, "06 12 34", "06\u200b12\u200b34")
	exotic = strings.ReplaceAll(exotic, "2 90 04 75", "２ ９０ ０４ ７５")
	for _, bc := range []struct{ name, text string }{{"plain", plain}, {"exotic", exotic}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				normalView(bc.text)
			}
		})
	}
}

// BenchmarkRedactExotic1MB is BenchmarkRedact1MB on the exotic text of
// BenchmarkNormalView: the view's copy and offset map on top of the
// detectors.
func BenchmarkRedactExotic1MB(b *testing.B) {
	text := strings.ReplaceAll(realisticText(1<<20), "06 12 34", "06\u200b12\u200b34")
	text = strings.ReplaceAll(text, "2 90 04 75", "２ ９０ ０４ ７５")
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Redact(ctx, text, nil); err != nil {
			b.Fatal(err)
		}
	}
}
