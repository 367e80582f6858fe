package redact

import (
	"errors"
	"fmt"
	"log/slog"
	"sort"
)

// Mapping records which value each placeholder stands for, for one message
// or one conversation. It lives in memory only: encoding it as JSON fails,
// and printing or logging it shows counts, never values. The zero Mapping is
// empty and ready to use.
type Mapping struct {
	entries map[string]mapEntry // canonical placeholder → entry
	byValue map[valueKey]string // type and exact value → placeholder
	count   map[Type]int        // highest number used per type
}

type mapEntry struct {
	typ     Type
	value   string
	restore bool
}

type valueKey struct {
	typ   Type
	value string
}

// MappingEntry is one placeholder of a Mapping, as Entries lists it.
type MappingEntry struct {
	Placeholder string `json:"placeholder"`
	Type        Type   `json:"type"`
	Value       string `json:"value"`
	// Restore is false for values masked with MaskNoRestore; their Value is
	// empty.
	Restore bool `json:"restore"`
}

// NewMapping builds a Mapping from entries, for a caller that kept a
// conversation's mapping between requests. Entries must use canonical
// placeholders ("[NOM_1]") that match their type.
func NewMapping(entries []MappingEntry) (Mapping, error) {
	var m Mapping
	for _, e := range entries {
		p, ok := nextPlaceholder(e.Placeholder, 0)
		if !ok || p.start != 0 || p.end != len(e.Placeholder) || p.canonical() != e.Placeholder || p.typ != e.Type {
			return Mapping{}, fmt.Errorf("redact: mapping entry %q of type %s: not a canonical placeholder of that type", e.Placeholder, e.Type)
		}
		if _, dup := m.entries[e.Placeholder]; dup {
			return Mapping{}, fmt.Errorf("redact: mapping entry %q appears twice", e.Placeholder)
		}
		if e.Restore {
			m.set(e.Placeholder, p.typ, p.n, e.Value, true)
		} else {
			m.set(e.Placeholder, p.typ, p.n, "", false)
		}
	}
	return m, nil
}

// reserve makes room in an empty mapping for about n placeholders, so that
// the mapping of a long text is not rehashed again and again as it grows.
func (m *Mapping) reserve(n int) {
	if m.entries != nil {
		return
	}
	m.entries = make(map[string]mapEntry, n)
	m.byValue = make(map[valueKey]string, n)
	m.count = map[Type]int{}
}

// set records placeholder ph; index makes value find ph again.
func (m *Mapping) set(ph string, t Type, n int, value string, index bool) {
	if m.entries == nil {
		m.entries = map[string]mapEntry{}
		m.byValue = map[valueKey]string{}
		m.count = map[Type]int{}
	}
	restore := index
	m.entries[ph] = mapEntry{typ: t, value: value, restore: restore}
	if index {
		m.byValue[valueKey{t, value}] = ph
	}
	if n > m.count[t] {
		m.count[t] = n
	}
}

// placeholderFor returns the placeholder of value, adding it when new. The
// same value of the same type always gets the same placeholder. A value
// masked with MaskNoRestore is remembered only to number it consistently:
// its entry holds no value.
func (m *Mapping) placeholderFor(t Type, value string, restore bool) string {
	if ph, ok := m.byValue[valueKey{t, value}]; ok {
		return ph
	}
	n := m.count[t] + 1
	ph := placeholder(t, n)
	if restore {
		m.set(ph, t, n, value, true)
		return ph
	}
	m.set(ph, t, n, "", false)
	m.byValue[valueKey{t, value}] = ph
	return ph
}

// clone returns an independent copy of m.
func (m Mapping) clone() Mapping {
	var c Mapping
	for ph, e := range m.entries {
		if c.entries == nil {
			c.entries = make(map[string]mapEntry, len(m.entries))
			c.byValue = make(map[valueKey]string, len(m.byValue))
			c.count = make(map[Type]int, len(m.count))
		}
		c.entries[ph] = e
	}
	for k, v := range m.byValue {
		c.byValue[k] = v
	}
	for k, v := range m.count {
		c.count[k] = v
	}
	return c
}

// Len returns the number of placeholders.
func (m Mapping) Len() int { return len(m.entries) }

// Value returns the value that placeholder stands for. The placeholder may be
// in any tolerated form ("[nom 1]"). ok is false for unknown placeholders and
// for values masked with MaskNoRestore.
func (m Mapping) Value(ph string) (value string, ok bool) {
	p, found := nextPlaceholder(ph, 0)
	if !found || p.start != 0 || p.end != len(ph) {
		return "", false
	}
	e, found := m.entries[p.canonical()]
	if !found || !e.restore {
		return "", false
	}
	return e.value, true
}

// Placeholders returns the canonical placeholders of m, sorted by type then
// number.
func (m Mapping) Placeholders() []string {
	type key struct {
		t  Type
		n  int
		ph string
	}
	keys := make([]key, 0, len(m.entries))
	for ph, e := range m.entries {
		p, _ := nextPlaceholder(ph, 0)
		keys = append(keys, key{e.typ, p.n, ph})
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].t != keys[j].t {
			return keys[i].t < keys[j].t
		}
		return keys[i].n < keys[j].n
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.ph
	}
	return out
}

// Entries lists the placeholders with their types and values, sorted like
// Placeholders. It is the one way values leave a Mapping: callers decide
// where they go.
func (m Mapping) Entries() []MappingEntry {
	phs := m.Placeholders()
	out := make([]MappingEntry, len(phs))
	for i, ph := range phs {
		e := m.entries[ph]
		out[i] = MappingEntry{Placeholder: ph, Type: e.typ, Value: e.value, Restore: e.restore}
	}
	return out
}

// Format prints the number of placeholders, never the values, whatever the
// verb: a Mapping passed to fmt or a logger cannot leak personal data.
func (m Mapping) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "redact.Mapping{%d placeholders}", len(m.entries))
}

// ErrNotSerializable is the error of encoding a Mapping as JSON.
var ErrNotSerializable = errors.New("redact: a mapping is never serialized")

// MarshalJSON fails: the values of a Mapping live in memory only, and a
// Mapping put by mistake in a value encoded as JSON makes the encoding
// fail rather than leak (NewMapping and Entries are the way to keep one).
func (m Mapping) MarshalJSON() ([]byte, error) { return nil, ErrNotSerializable }

// LogValue logs the number of placeholders, never the values.
func (m Mapping) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("placeholders", len(m.entries)))
}
