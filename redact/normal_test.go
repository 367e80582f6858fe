package redact

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

// Other spellings of digits and invisible characters, for the tests.
const (
	zwsp = "\u200b" // zero-width space
	shy  = "\u00ad" // soft hyphen
	zwnj = "\u200c" // zero-width non-joiner
	zwj  = "\u200d" // zero-width joiner
	wj   = "\u2060" // word joiner
	bom  = "\ufeff" // zero-width no-break space, byte order mark
	lrm  = "\u200e" // left-to-right mark
	rlm  = "\u200f" // right-to-left mark
	rlo  = "\u202e" // right-to-left override
	pdi  = "\u2069" // pop directional isolate
	vs16 = "\ufe0f" // variation selector
)

// Zero digits of other scripts: digit d is zero+d.
const (
	fullWidthZero  = '０'
	arabicZero     = '٠'
	persianZero    = '۰'
	devanagariZero = '०'
	mathBoldZero   = '𝟎'
)

// inScript rewrites the ASCII digits of s with the digits that follow zero.
func inScript(s string, zero rune) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return zero + r - '0'
		}
		return r
	}, s)
}

// interleave puts sep between every two characters of s.
func interleave(s, sep string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Combining marks and superscript digits, for the tests.
const (
	lowLine = "\u0332"       // combining low line
	tilde   = "\u0303"       // combining tilde
	keycap  = "\ufe0f\u20e3" // variation selector and combining enclosing keycap
)

// marked puts mark after every ASCII digit of s.
func marked(s, mark string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if '0' <= r && r <= '9' {
			b.WriteString(mark)
		}
	}
	return b.String()
}

// superscript rewrites the ASCII digits of s as superscript digits.
func superscript(s string) string {
	sup := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return sup[r-'0']
		}
		return r
	}, s)
}

// fullWidth rewrites the printable ASCII of s, but spaces, in full width.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if '!' <= r && r <= '~' {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// TestRedactOtherForms checks that a value written with the digits of
// another script, in full width or mathematical letters, or with invisible
// characters inside, is masked whole, invisible characters included, and
// that Restore gives the text back exactly.
func TestRedactOtherForms(t *testing.T) {
	tests := []redactCase{
		{"the review's text", "NIR ２８５０３７５１２３４５６７８ tél ٠٦١٢٣٤٥٦٧٨ tel 06\u200b12\u200b34\u200b56\u200b78 Je suis J\u200bean Dup\u00adont",
			"NIR [NIR_1] tél [TEL_1] tel [TEL_2] Je suis [NOM_1]"},
		{"an e-mail with a zero-width space", "écrivez à jean.dupont\u200b@gmail.com merci", "écrivez à [EMAIL_1] merci"},
		{"a NIR in full width", "mon numéro de sécu " + inScript("2 84 12 76 451 089 46", fullWidthZero), "mon numéro de sécu [NIR_1]"},
		{"a phone in Arabic-Indic digits", "appelez le " + inScript("06 12 34 56 78", arabicZero) + " svp", "appelez le [TEL_1] svp"},
		{"a phone in Extended Arabic-Indic digits", "tel " + inScript("0612345678", persianZero), "tel [TEL_1]"},
		{"a phone in Devanagari digits", "tel " + inScript("07 12 34 56 78", devanagariZero), "tel [TEL_1]"},
		{"a phone in mathematical bold digits", "tel " + inScript("06 12 34 56 78", mathBoldZero), "tel [TEL_1]"},
		{"a phone with soft hyphens", "tel " + interleave("0612345678", shy), "tel [TEL_1]"},
		{"a phone with zero-width non-joiners", "tel " + interleave("0612345678", zwnj), "tel [TEL_1]"},
		{"a phone with zero-width joiners", "tel " + interleave("0612345678", zwj), "tel [TEL_1]"},
		{"a phone with word joiners", "tel " + interleave("0612345678", wj), "tel [TEL_1]"},
		{"a phone with byte order marks", "tel " + interleave("0612345678", bom), "tel [TEL_1]"},
		{"a phone with bidirectional marks", "tel " + lrm + interleave("06 12 34 56 78", rlm), "tel " + lrm + "[TEL_1]"},
		{"a phone in an override", "tel " + rlo + "06 12 34 56 78" + pdi + " merci", "tel " + rlo + "[TEL_1]" + pdi + " merci"},
		{"a phone with variation selectors", "tel " + interleave("0612345678", vs16), "tel [TEL_1]"},
		{"an IBAN in full width", "IBAN " + fullWidth("FR76 3000 6000 0112 3456 7890 189"), "IBAN [IBAN_1]"},
		{"a card with zero-width spaces", "ma carte bancaire " + interleave("4970101234567894", zwsp), "ma carte bancaire [CARTE_1]"},
		{"an e-mail in full width", "mail " + fullWidth("jean.dupont@gmail.com"), "mail [EMAIL_1]"},
		{"a name in mathematical bold", "Je m'appelle 𝐉𝐞𝐚𝐧 𝐃𝐮𝐩𝐨𝐧𝐭, merci", "Je m'appelle [NOM_1], merci"},
		{"a name with soft hyphens", "Cordialement,\nMa" + shy + "rie Du" + shy + "pont", "Cordialement,\n[NOM_1]"},
		{"a date of birth in Arabic-Indic digits", "né le " + inScript("12/03/1985", arabicZero), "né le [NAISSANCE_1]"},
		{"a superscript ordinal", "né le 1ᵉʳ mai 1978", "né le [NAISSANCE_1]"},
		{"a phone with low lines", "tel " + marked("06 12 34 56 78", lowLine) + " merci", "tel [TEL_1] merci"},
		{"a phone with a tilde", "tel 0" + tilde + "6 12 34 56 78", "tel [TEL_1]"},
		{"a phone in keycaps", "tel " + marked("0612345678", keycap) + " merci", "tel [TEL_1] merci"},
		{"a phone in superscript digits", "tel " + superscript("06 12 34 56 78") + " merci", "tel [TEL_1] merci"},
		{"a NIR with low lines", "mon numéro de sécu " + marked("2 84 12 76 451 089 46", lowLine), "mon numéro de sécu [NIR_1]"},
		{"a NIR with tildes", "mon numéro de sécu " + marked("284127645108946", tilde), "mon numéro de sécu [NIR_1]"},
		{"a NIR in keycaps", "mon numéro de sécu " + marked("284127645108946", keycap), "mon numéro de sécu [NIR_1]"},
		{"a NIR in superscript digits", "mon numéro de sécu " + superscript("284127645108946"), "mon numéro de sécu [NIR_1]"},
		{"a name with Cyrillic look-alikes", "Bonjour, Mаrie Dupоnt a appelé hier", "Bonjour, [NOM_1] a appelé hier"},
		{"a first name with a Cyrillic capital", "Mon fils Рierre a 12 ans", "Mon fils [NOM_1] a 12 ans"},
		{"an e-mail with a Greek omicron", "écrivez à jean.dupοnt@gmail.com", "écrivez à [EMAIL_1]"},
		{"a name in mathematical italic", "Je m'appelle 𝑀𝑎𝑟𝑖𝑒 𝐷𝑢𝑝𝑜𝑛𝑡", "Je m'appelle [NOM_1]"},
		{"a name in mathematical sans-serif bold", "Cordialement,\n𝗠𝗮𝗿𝗶𝗲 𝗗𝘂𝗽𝗼𝗻𝘁", "Cordialement,\n[NOM_1]"},
		// what must stay
		{"Cyrillic and Greek words stay", "он сказал: а это всё. Ολα καλά", "он сказал: а это всё. Ολα καλά"},
		{"square metres stay", "un studio de 30 m², libre le 1er", "un studio de 30 m², libre le 1er"},
		{"a power stays", "x² + y³ = z¹", "x² + y³ = z¹"},
		{"accents stay", "un cafe\u0301 au lait", "un cafe\u0301 au lait"},
		{"an amount in full width stays", "je dois " + inScript("150", fullWidthZero) + " €", "je dois " + inScript("150", fullWidthZero) + " €"},
		{"a public number with a zero-width space stays", "appelez le 39" + zwsp + "39", "appelez le 39" + zwsp + "39"},
		{"invisible characters alone stay", zwsp + shy + bom + " bonjour " + lrm, zwsp + shy + bom + " bonjour " + lrm},
	}
	checkRedactions(t, tests) // redactText checks Restore too
}

// TestRedactOtherFormsWhole checks that the masked value is the text as
// written: invisible characters between its digits go with it.
func TestRedactOtherFormsWhole(t *testing.T) {
	in := "tel 06" + zwsp + "12" + shy + "34" + wj + "56" + bom + "78."
	res := redactText(t, in)
	want := []Entity{{Type: TEL, Start: 4, End: len(in) - 1, Placeholder: "[TEL_1]"}}
	if diff := cmp.Diff(want, res.Entities, cmpEntityNoConf); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	if got, want := res.Mapping.Entries()[0].Value, in[4:len(in)-1]; got != want {
		t.Errorf("mapped value %q, want %q", got, want)
	}
}

// cmpEntityNoConf compares entities without their confidence.
var cmpEntityNoConf = cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Confidence" }, cmp.Ignore())

// TestNormalViewPlain checks that text without exotic characters is its
// own view: French, Latin-1 signs and typography included.
func TestNormalViewPlain(t *testing.T) {
	for _, s := range []string{
		"", "Bonjour, je m'appelle Zoé Lefèvre-Œuvray, 2ᵉ",
		"m² ½ ª º ¹ µ « guillemets » l’apostrophe… 12\u00a0345\u202f€ — – ‐ • ™ № ℃ ﬁ",
		"Ελληνικά, кириллица, العربية, 中文, ภาษาไทย",
	} {
		v := normalView(s)
		if strings.ContainsRune(s, 'ᵉ') || strings.ContainsRune(s, '™') || strings.ContainsRune(s, 'ﬁ') || strings.ContainsRune(s, '№') {
			if v.s == s {
				t.Errorf("%q: the view folds nothing", s)
			}
			continue
		}
		if v.s != s || len(v.edits) != 0 {
			t.Errorf("normalView(%q) = %q with %d edits, want the text itself", s, v.s, len(v.edits))
		}
	}
}

// TestNormalView checks the view of each form and the offsets its spans
// map back to.
func TestNormalView(t *testing.T) {
	tests := []struct {
		name, in, view string
		span           [2]int // in the view
		want           string // the text the span maps to
	}{
		{"full width", "a ０６１２ b", "a 0612 b", [2]int{2, 6}, "０６１２"},
		{"inside a full-width digit", "a ０６１２ b", "a 0612 b", [2]int{3, 5}, "６１"},
		{"Arabic-Indic", "٠٦ ١٢", "06 12", [2]int{0, 5}, "٠٦ ١٢"},
		{"dropped inside", "06" + zwsp + "12" + shy + "34", "061234", [2]int{0, 6}, "06" + zwsp + "12" + shy + "34"},
		{"dropped at the edges stay out", zwsp + "06" + zwsp + "12" + zwsp, "0612", [2]int{0, 4}, "06" + zwsp + "12"},
		{"several dropped", "0" + zwsp + zwj + bom + "6", "06", [2]int{0, 2}, "0" + zwsp + zwj + bom + "6"},
		{"dropped then folded", "x" + zwsp + "０", "x0", [2]int{1, 2}, "０"},
		{"a ligature cut", "eﬁn", "efin", [2]int{2, 4}, "ﬁn"},
		{"after an edit", "０ abc", "0 abc", [2]int{2, 5}, "abc"},
		{"before an edit", "abc ０", "abc 0", [2]int{0, 3}, "abc"},
		{"mathematical letters", "𝐉𝐞𝐚𝐧 X", "Jean X", [2]int{0, 4}, "𝐉𝐞𝐚𝐧"},
		{"marks go with their digit", "a 0̲6̲ b", "a 06 b", [2]int{2, 4}, "0̲6̲"},
		{"inside marked digits", "0̲6̲1̲", "061", [2]int{1, 2}, "6̲"},
		{"a keycap", "0" + keycap + "6" + keycap, "06", [2]int{0, 2}, "0" + keycap + "6" + keycap},
		{"a mark after a folded digit", "٠̃٦", "06", [2]int{0, 1}, "٠̃"},
		{"superscripts among digits", "x ¹²³ ⁴¹", "x 123 41", [2]int{2, 8}, "¹²³ ⁴¹"},
		{"a lone superscript stays", "m² ¹ 2ᵉ", "m² ¹ 2e", [2]int{0, 3}, "m²"},
		{"an accent stays", "e\u0301 0\u0301", "e\u0301 0", [2]int{0, 3}, "e\u0301"},
		{"Cyrillic look-alikes in a Latin word", "Mаrie Сосо", "Marie Сосо", [2]int{0, 5}, "Mаrie"},
		{"a look-alike ending a word", "Duponт Dupо", "Duponт Dupo", [2]int{8, 12}, "Dupо"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := normalView(tt.in)
			if v.s != tt.view {
				t.Fatalf("view %q, want %q", v.s, tt.view)
			}
			if got := tt.in[v.start(tt.span[0]):v.end(tt.span[1])]; got != tt.want {
				t.Errorf("span %v maps to %q, want %q", tt.span, got, tt.want)
			}
		})
	}
}

// TestMapSpansJoinsOverlaps checks that two spans the widening makes
// overlap become one.
func TestMapSpansJoinsOverlaps(t *testing.T) {
	v := normalView("ﬁ x")
	got := v.mapSpans([]cand{{start: 0, end: 1, typ: NOM}, {start: 1, end: 2, typ: NOM}, {start: 3, end: 4, typ: TEL}})
	want := []cand{{start: 0, end: 3, typ: NOM}, {start: 4, end: 5, typ: TEL}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(cand{})); diff != "" {
		t.Errorf("mapSpans (-want +got):\n%s", diff)
	}
}

// TestDigitsOfEveryScript checks that every decimal digit of Unicode reads
// as its ASCII digit: unicode.Nd's ranges are runs of ten from zero, the
// compatibility digits agree with NFKD, and the common scripts' digits
// count from their zero.
func TestDigitsOfEveryScript(t *testing.T) {
	for _, rg := range unicode.Nd.R16 {
		if rg.Stride != 1 || (rg.Hi-rg.Lo+1)%10 != 0 {
			t.Errorf("decimal digits %U..%U are not runs of ten", rg.Lo, rg.Hi)
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rg.Stride != 1 || (rg.Hi-rg.Lo+1)%10 != 0 {
			t.Errorf("decimal digits %U..%U are not runs of ten", rg.Lo, rg.Hi)
		}
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !unicode.IsDigit(r) {
			continue
		}
		got, ok := foldRune(r)
		if !ok || len(got) != 1 || got[0] < '0' || got[0] > '9' {
			t.Fatalf("%U folds to %q, %v", r, got, ok)
		}
		if d := norm.NFKD.String(string(r)); len(d) == 1 && d != got {
			t.Errorf("%U folds to %q, NFKD gives %q", r, got, d)
		}
	}
	for _, zero := range []rune{fullWidthZero, arabicZero, persianZero, devanagariZero, mathBoldZero, '০', '๐', '߀', '𝟶'} {
		if got := normalView(inScript("0123456789", zero)).s; got != "0123456789" {
			t.Errorf("the digits from %U read %q", zero, got)
		}
	}
}

// TestFoldMap checks the bit map of the fast path against foldRune.
func TestFoldMap(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if _, ok := foldRune(r); ok && !mayFold(r) {
			t.Fatalf("mayFold(%U) is false but foldRune changes it", r)
		}
	}
}

// FuzzNormalView checks that the edits of the view of any text spell the
// view, that every span (not empty) maps back to whole changed characters
// of the text whose view holds the span (the text's own view may differ:
// "¹" reads "1" only next to a digit), and that a text left alone costs no
// edit.
func FuzzNormalView(f *testing.F) {
	for _, s := range []string{"", zwsp, "…", "tel 06\u200b12", "２８٠٦۰۶ 𝐉𝐞𝐚𝐧 ﬁn", zwsp + shy + "x" + bom, "é à ’ …", "0̲6̲ " + keycap, "m² ¹²³ 1̃", "a" + zwsp + "\u0332" + "0" + zwsp + "\u20e3"} {
		f.Add(s, uint16(0), uint16(3))
	}
	f.Fuzz(func(t *testing.T, s string, a, b uint16) {
		if !utf8.ValidString(s) {
			return
		}
		v := normalView(s)
		if v.s == s && len(v.edits) != 0 || v.s != s && len(v.edits) == 0 {
			t.Fatalf("view %q of %q with %d edits", v.s, s, len(v.edits))
		}
		checkEdits(t, s, v)
		i, j := int(a)%(len(v.s)+1), int(b)%(len(v.s)+1)
		if i > j {
			i, j = j, i
		}
		for i > 0 && i < len(v.s) && !utf8.RuneStart(v.s[i]) {
			i--
		}
		for j < len(v.s) && !utf8.RuneStart(v.s[j]) {
			j++
		}
		if i == j {
			return // the detectors find no empty span
		}
		o, p := v.start(i), v.end(j)
		if o < 0 || p > len(s) || o > p || !utf8.ValidString(s[o:p]) {
			t.Fatalf("span [%d,%d) of view %q maps to [%d,%d) of %q", i, j, v.s, o, p, s)
		}
		vo, okO := viewOffset(v, o)
		vp, okP := viewOffset(v, p)
		if !okO || !okP || vo > i || vp < j {
			t.Fatalf("span [%d,%d) of view %q maps to [%d,%d) of %q, which cuts an edit or misses part of the span", i, j, v.s, o, p, s)
		}
	})
}

// checkEdits fails when the edits of v do not spell v.s from s: between
// two edits the view copies the text.
func checkEdits(t *testing.T, s string, v view) {
	t.Helper()
	var b strings.Builder
	n, o := 0, 0
	for _, e := range v.edits {
		if e.n-n != e.o-o || e.n > e.nEnd || e.o >= e.oEnd {
			t.Fatalf("edit %+v of %q after view %d text %d", e, s, n, o)
		}
		b.WriteString(s[o:e.o])
		b.WriteString(v.s[e.n:e.nEnd])
		n, o = e.nEnd, e.oEnd
	}
	if b.WriteString(s[o:]); b.String() != v.s {
		t.Fatalf("the edits of %q spell %q, the view is %q", s, b.String(), v.s)
	}
}

// viewOffset returns the offset in the view of v of the text's offset o,
// and false when o is inside a changed character.
func viewOffset(v view, o int) (int, bool) {
	n, end := 0, 0 // the view's and the text's offsets after the last edit passed
	for _, e := range v.edits {
		switch {
		case o <= e.o:
			return e.n - (e.o - o), true
		case o < e.oEnd:
			return 0, false
		}
		n, end = e.nEnd, e.oEnd
	}
	return n + o - end, true
}
