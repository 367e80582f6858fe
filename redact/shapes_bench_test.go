package redact

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// benchShape is one kind of input for BenchmarkRedactShapes: gen returns
// about size bytes of it.
type benchShape struct {
	name string
	gen  func(size int) string
}

// benchShapes are the inputs whose cost per byte must not grow with their
// size: realistic messages, and the floods a hostile or a merely large
// upload holds.
var benchShapes = []benchShape{
	{"messages", realisticText},
	{"names", func(n int) string { return repeatTo("DUPONT Jean ", n) }},
	{"namelines", func(n int) string { return repeatTo("Mme DUPONT Jean\n", n) }},
	{"digits", func(n int) string { return repeatTo("1 2 3 4 5 6 7 8 9 0 ", n) }},
	{"digitrun", func(n int) string { return repeatTo("0123456789", n) }},
	{"contacts", contactsText},
	{"oneline", func(n int) string { return strings.ReplaceAll(realisticText(n), "\n", " ") }},
	{"brackets", func(n int) string { return repeatTo("[NOM_1] [ nom 2 ] TEL_3 [EMAIL_12] [", n) }},
	{"surnames", surnamesText},
	{"corrections", func(n int) string { return repeatTo("allocataire 1234567 pardon 1234576 ", n) }},
}

// benchSizes are the sizes BenchmarkRedactShapes reads each shape at.
var benchSizes = []struct {
	name string
	n    int
}{{"100KB", 100 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20}}

// repeatTo returns s repeated to about n bytes.
func repeatTo(s string, n int) string {
	return strings.Repeat(s, max(1, n/len(s)))
}

// contactsText returns about n bytes of distinct e-mail addresses and
// phone numbers.
func contactsText(n int) string {
	var b strings.Builder
	b.Grow(n + 128)
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "jean.dupont%d@exemple.fr 06 %02d %02d %02d %02d, ", i, i/1000000%100, i/10000%100, i/100%100, i%100)
	}
	return b.String()
}

// surnamesText returns about n bytes of distinct names introduced by a
// civility, all sharing one surname: "Mme Dupont Bakide, ".
func surnamesText(n int) string {
	const syl = "bacadefagilomunipotaruvexo"
	var b strings.Builder
	b.Grow(n + 64)
	for i := 0; b.Len() < n; i++ {
		b.WriteString("Mme Dupont ")
		b.WriteByte('A' + byte(i%26))
		for k := i / 26; k > 0; k /= 13 {
			b.WriteString(syl[k%13*2 : k%13*2+2])
		}
		b.WriteString(", ")
	}
	return b.String()
}

// BenchmarkRedactShapes redacts every shape at every size: within a shape
// the MB/s (and cpu-MB/s) of the sizes should match, the cost being
// linear. scripts/redact-linearity compares them.
func BenchmarkRedactShapes(b *testing.B) {
	for _, sh := range benchShapes {
		for _, sz := range benchSizes {
			b.Run(sh.name+"/"+sz.name, func(b *testing.B) {
				benchmarkRedactText(b, sh.gen(sz.n))
			})
		}
	}
}

// benchmarkRedactText redacts text b.N times, reporting MB/s of wall time
// and cpu-MB/s, of the CPU time (user and system) the process spent.
func benchmarkRedactText(b *testing.B, text string) {
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0, ok := cpuTime()
	for b.Loop() {
		if _, err := Redact(ctx, text, nil); err != nil {
			b.Fatal(err)
		}
	}
	if cpu1, _ := cpuTime(); ok && cpu1 > cpu0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/1e6/(cpu1-cpu0).Seconds(), "cpu-MB/s")
	}
}
