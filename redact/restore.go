package redact

import "strings"

// Restore puts the values of m back into text, a model's output written with
// placeholders. It reads the mangled forms models produce ("[ NOM_1 ]",
// "[nom_1]", "NOM_1", "[NOM 1]", "[NOM-1]") and writes the value in their
// place. It never invents a value: placeholders that m does not define stay
// as they are, and so do those of values masked with MaskNoRestore or whose
// type policy says MaskNoRestore.
func Restore(text string, m Mapping, policy Policy) string {
	var b strings.Builder
	last := 0
	for i := 0; ; {
		p, ok := nextPlaceholder(text, i)
		if !ok {
			break
		}
		i = p.end
		e, found := m.entries[p.canonical()]
		if !found || !e.restore || policy.Action(e.typ) == MaskNoRestore {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[last:p.start])
		b.WriteString(e.value)
		last = p.end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}
