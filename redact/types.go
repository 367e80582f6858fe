package redact

import (
	"fmt"
	"sort"
	"strings"
)

// Type names a kind of personal data. Its value is the name used inside
// placeholders: a value of type NOM becomes "[NOM_1]".
type Type string

// The kinds of personal data the package detects.
const (
	NIR            Type = "NIR"            // numéro de sécurité sociale
	IBAN           Type = "IBAN"           // bank account, any country
	CARTE          Type = "CARTE"          // bank card number
	SIRET          Type = "SIRET"          // SIREN or SIRET given as a personal identifier
	TEL            Type = "TEL"            // phone number, French or international
	EMAIL          Type = "EMAIL"          // e-mail address
	URL            Type = "URL"            // URL carrying personal tokens or identifiers
	FISCAL         Type = "FISCAL"         // numéro fiscal (SPI)
	PASSEPORT      Type = "PASSEPORT"      // passport number
	CNI            Type = "CNI"            // identity card number
	PERMIS         Type = "PERMIS"         // driving licence number
	PLAQUE         Type = "PLAQUE"         // licence plate
	CAF            Type = "CAF"            // numéro allocataire
	FRANCE_TRAVAIL Type = "FRANCE_TRAVAIL" // identifiant France Travail (ex Pôle emploi)
	ETRANGER       Type = "ETRANGER"       // numéro étranger (AGDREF)
	INE            Type = "INE"            // identifiant national étudiant
	DOSSIER        Type = "DOSSIER"        // personal case, file or reference number
	NOM            Type = "NOM"            // a person's name
	ADRESSE        Type = "ADRESSE"        // postal address
	NAISSANCE      Type = "NAISSANCE"      // date of birth
	SECRET         Type = "SECRET"         // password, secret code or PIN given after its cue
	IP             Type = "IP"             // IPv4 or IPv6 address
	// The special categories of personal data (GDPR article 9 and 10), each
	// with its own policy switch.
	SANTE       Type = "SANTE"       // health, pregnancy, mental health
	HANDICAP    Type = "HANDICAP"    // disability
	RELIGION    Type = "RELIGION"    // religious or philosophical belief
	SYNDICAT    Type = "SYNDICAT"    // union membership, political opinion or party
	ORIENTATION Type = "ORIENTATION" // sexual orientation, sex life, gender identity
	JUSTICE     Type = "JUSTICE"     // offences, convictions, prison
	ORIGINE     Type = "ORIGINE"     // racial or ethnic origin
)

// specialTypes are the special categories, in the order of their lexicon
// sections (specialCues); ORIGINE, last, has none: origins.go reads it.
var specialTypes = []Type{SANTE, HANDICAP, RELIGION, SYNDICAT, ORIENTATION, JUSTICE, ORIGINE}

// Special reports whether t is a special category of personal data (health,
// disability, religion, union or political opinion, sexual orientation,
// offences, ethnic origin): the types whose value is a statement rather than an identifier.
func (t Type) Special() bool {
	for _, k := range specialTypes {
		if k == t {
			return true
		}
	}
	return false
}

// allTypes lists every Type, longest name first so that placeholder parsing
// tries FRANCE_TRAVAIL before shorter names.
var allTypes = []Type{
	FRANCE_TRAVAIL, ORIENTATION, PASSEPORT, NAISSANCE, HANDICAP, RELIGION,
	SYNDICAT, ETRANGER, DOSSIER, ADRESSE, JUSTICE, ORIGINE, FISCAL, PERMIS, PLAQUE, SECRET,
	CARTE, SIRET, EMAIL, SANTE, IBAN, NIR, TEL, URL, CNI, CAF, INE, NOM, IP,
}

// Types returns every Type the package knows, sorted by name.
func Types() []Type {
	ts := append([]Type(nil), allTypes...)
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	return ts
}

// Valid reports whether t is one of the package's types.
func (t Type) Valid() bool {
	for _, k := range allTypes {
		if k == t {
			return true
		}
	}
	return false
}

// Action says what Redact does with a detected value.
type Action uint8

const (
	// Mask replaces the value with a placeholder that Restore puts back.
	// It is the zero Action, so an unset policy masks.
	Mask Action = iota
	// Keep leaves the value in the text.
	Keep
	// MaskNoRestore replaces the value with a placeholder that Restore never
	// puts back: the value stays hidden from the agent too.
	MaskNoRestore
)

// String returns the action's name as ParsePolicy reads it.
func (a Action) String() string {
	switch a {
	case Mask:
		return "mask"
	case Keep:
		return "keep"
	case MaskNoRestore:
		return "mask-no-restore"
	}
	return fmt.Sprintf("Action(%d)", uint8(a))
}

// ParseAction reads an action name: "mask", "keep" or "mask-no-restore".
func ParseAction(s string) (Action, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "mask":
		return Mask, nil
	case "keep":
		return Keep, nil
	case "mask-no-restore", "masknorestore", "mask_no_restore":
		return MaskNoRestore, nil
	}
	return 0, fmt.Errorf("redact: unknown action %q (want mask, keep or mask-no-restore)", s)
}

// MarshalText encodes the action by name.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText decodes an action name.
func (a *Action) UnmarshalText(b []byte) error {
	v, err := ParseAction(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// Policy chooses an Action per Type. A type missing from the map, and every
// type of a nil Policy, is masked: the safe default.
type Policy map[Type]Action

// DefaultPolicy returns the safe defaults: every type, the special
// categories included, is masked and restorable.
func DefaultPolicy() Policy {
	p := make(Policy, len(allTypes))
	for _, t := range allTypes {
		p[t] = Mask
	}
	return p
}

// Action returns the action for t; Mask when p says nothing about t.
func (p Policy) Action(t Type) Action {
	if a, ok := p[t]; ok {
		return a
	}
	return Mask
}

// ParsePolicy reads a policy written as comma-separated TYPE=action pairs on
// top of DefaultPolicy, e.g. "SANTE=keep,NIR=mask-no-restore". The empty
// string gives DefaultPolicy.
func ParsePolicy(s string) (Policy, error) {
	p := DefaultPolicy()
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, action, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("redact: policy entry %q: want TYPE=action", part)
		}
		t := Type(strings.ToUpper(strings.TrimSpace(name)))
		if !t.Valid() {
			return nil, fmt.Errorf("redact: policy entry %q: unknown type %q", part, name)
		}
		a, err := ParseAction(action)
		if err != nil {
			return nil, fmt.Errorf("redact: policy entry %q: %w", part, err)
		}
		p[t] = a
	}
	return p, nil
}
