package redact

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
)

// fuzzTypes are the types whose labelled values FuzzLabelledValues rewrites:
// identifiers whose every spelling must still be masked.
var fuzzTypes = map[Type]bool{TEL: true, EMAIL: true, IBAN: true, CARTE: true, NIR: true}

// fuzzValue is one labelled value of fuzzTypes in its message.
type fuzzValue struct {
	text, value string
	typ         Type
}

func fuzzValues(tb testing.TB) []fuzzValue {
	tuning, _ := messyHalves(tb) // never a test half
	tuning2, _ := halves(tb, messy2File)
	tuning3, _ := halves(tb, messy3File)
	msgs := append(loadLabelled(tb, generatedFile), tuning...)
	msgs = append(append(msgs, tuning2...), tuning3...)
	var out []fuzzValue
	for _, m := range msgs {
		for _, e := range m.Entities {
			if fuzzTypes[e.Type] && strings.Count(m.Text, e.Value) == 1 {
				out = append(out, fuzzValue{m.Text, e.Value, e.Type})
			}
		}
	}
	return out
}

// FuzzLabelledValues takes a labelled value (phone, e-mail, IBAN, card,
// NIR) of the generated set or of a hand-written set's tuning half, rewrites it
// as people do (spacing, case, separators, digits in words, e-mail
// obfuscations; other scripts' digits, full width, invisible characters:
// see rewriteForm), puts it back in its message and checks that nothing
// panics and that the rewritten value does not survive redaction, nor
// reads as itself in the output's normal view.
func FuzzLabelledValues(f *testing.F) {
	values := fuzzValues(f)
	if len(values) < 50 {
		f.Fatalf("only %d labelled values to mutate", len(values))
	}
	for i := range 64 {
		f.Add(uint16(i*7), uint32(i*2654435761))
	}
	f.Fuzz(func(t *testing.T, pick uint16, mut uint32) {
		v := values[int(pick)%len(values)]
		mutated := rewriteForm(mutateValue(v.typ, v.value, mut), mut)
		text := strings.Replace(v.text, v.value, mutated, 1)
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("Redact hangs on %q", text)) })
		defer watchdog.Stop()
		res, err := Redact(context.Background(), text, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(res.Text.String(), mutated) || strings.Contains(normalView(res.Text.String()).s, normalView(mutated).s) {
			t.Fatalf("%s value %q (labelled %q) survives:\n%s", v.typ, mutated, v.value, res.Text.String())
		}
	})
}

// invisibles are the characters rewriteForm slips into a value.
var invisibles = []string{zwsp, shy, zwnj, zwj, wj, bom, lrm, rlm, vs16}

// rewriteForm rewrites value, according to bits 12 and up of mut, as
// another keyboard or a copy from elsewhere gives it: its digits in full
// width, Arabic-Indic, Extended Arabic-Indic or mathematical digits, all
// of it in full width, or invisible characters between some of its
// characters. Three times in eight it leaves value alone.
func rewriteForm(value string, mut uint32) string {
	switch (mut >> 12) % 8 {
	case 3:
		return inScript(value, fullWidthZero)
	case 4:
		return inScript(value, arabicZero)
	case 5:
		return inScript(value, persianZero)
	case 6:
		return inScript(value, mathBoldZero)
	case 7:
		return fullWidth(value)
	case 2:
		inv, every := invisibles[int(mut>>15)%len(invisibles)], 1+int(mut>>19)%3
		var b strings.Builder
		for i, r := range []rune(value) {
			if i > 0 && i%every == 0 {
				b.WriteString(inv)
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	return value
}

// mutateValue rewrites value of type typ according to the bits of mut:
// its groups as written, run together or regrouped the usual way (by four
// for IBANs and cards, by two for French phones, the NIR's own groups),
// joined by another separator; IBANs in lower case; French phones with
// some groups in words.
func mutateValue(typ Type, value string, mut uint32) string {
	if typ == EMAIL {
		return mutateEmail(value, mut)
	}
	plus := strings.HasPrefix(strings.TrimSpace(value), "+")
	groups := strings.FieldsFunc(value, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	s := strings.Join(groups, "")
	hasWords := strings.IndexFunc(s, unicode.IsLetter) >= 0 && typ != IBAN && typ != NIR
	french := typ == TEL && !plus && len(s) == 10 && s[0] == '0' && s[1] != '8' && !hasWords
	if typ == IBAN && mut&1 != 0 {
		s = strings.ToLower(s)
		groups = strings.Fields(strings.ToLower(strings.Join(groups, " ")))
	}
	seps := []string{" ", "", ".", "-", "  "}
	if typ == TEL {
		seps = append(seps, "/", " - ")
	}
	sep := seps[int(mut>>1)%len(seps)]
	if hasWords || typ == NIR && sep == "." || typ == TEL && !french && sep == "" {
		sep = " "
	}
	switch int(mut>>4) % 3 {
	case 1:
		if !hasWords && (typ != TEL || french) {
			groups = []string{s}
		}
	case 2:
		switch {
		case typ == IBAN || typ == CARTE && len(s) != 15:
			groups = chunk(s, 4)
		case typ == NIR:
			groups = nirGroups(s)
		case french:
			groups = chunk(s, 2)
		}
	}
	if french && len(groups) == 5 && mut&(1<<6) != 0 {
		// some groups in French words: "zéro six douze 34 …"
		for i := range groups {
			if mut&(1<<(7+i)) != 0 {
				groups[i] = frenchPair(groups[i])
			}
		}
		if sep == "" || sep == "." {
			sep = " "
		}
	}
	out := strings.Join(groups, sep)
	if plus {
		out = "+" + out
	}
	return out
}

// nirGroups cuts a NIR in its usual groups: 1 84 12 76 451 089 46.
func nirGroups(s string) []string {
	var groups []string
	for _, n := range []int{1, 2, 2, 2, 3, 3, 2} {
		if len(s) < n {
			break
		}
		groups = append(groups, s[:n])
		s = s[n:]
	}
	return groups
}

func chunk(s string, n int) []string {
	var out []string
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	return append(out, s)
}

// frenchPair writes a two-digit group in French words: "06" → "zéro six",
// "78" → "soixante-dix-huit".
func frenchPair(g string) string {
	units := []string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
		"dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"}
	if len(g) != 2 {
		return g
	}
	if g[0] == '0' {
		return "zéro " + units[g[1]-'0']
	}
	n := int(g[0]-'0')*10 + int(g[1]-'0')
	if n < 20 {
		return units[n]
	}
	tens := map[int]string{2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 7: "soixante", 8: "quatre-vingt", 9: "quatre-vingt"}
	t, u := n/10, n%10
	if t == 7 || t == 9 {
		u += 10
	}
	switch {
	case u == 0 && t == 8:
		return "quatre-vingts"
	case u == 0:
		return tens[t]
	case u == 1 && t != 8 && t != 9:
		return tens[t] + " et un"
	case u == 11 && t == 7:
		return "soixante et onze"
	}
	return tens[t] + "-" + units[u]
}

// mutateEmail changes the case of an address or writes its '@' and dots
// as words or in brackets.
func mutateEmail(value string, mut uint32) string {
	at := strings.LastIndexByte(value, '@')
	if at < 0 {
		return value
	}
	local, domain := value[:at], value[at+1:]
	if mut&1 != 0 {
		local, domain = strings.ToUpper(local), strings.ToUpper(domain)
	}
	ats := []string{"@", " arobase ", " (at) ", "[at]", " [at] ", " at ", "{at}", " @ "}
	dots := []string{".", " point ", "(dot)", " [dot] ", " dot ", " . "}
	a := ats[int(mut>>1)%len(ats)]
	d := dots[int(mut>>4)%len(dots)]
	if strings.TrimSpace(a) == "at" && mut&(1<<7) != 0 {
		d = "." // "lambert.celine at free.fr"
	}
	return local + a + strings.ReplaceAll(domain, ".", d)
}
