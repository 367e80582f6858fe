// Package redact owns the rule that no personal data reaches a model prompt:
// it finds French personal data in user text, replaces each value with a
// typed, numbered placeholder such as [NOM_1] or [TEL_2], and puts the values
// back into a model's output.
//
// It detects, with the strongest rule that exists for each (shape, checksum
// and nearby context words): social security numbers (NIR), IBANs, bank
// cards, SIREN/SIRET, phone numbers, e-mail addresses, URLs carrying personal
// tokens, tax numbers (SPI), passports, identity cards, driving licences,
// licence plates, CAF, France Travail, AGDREF and INE identifiers, personal
// case numbers, people's names, postal addresses, dates of birth and
// sensitive statements (health, disability, religion, sexual orientation,
// criminal record), all reported under one category, SANTE.
//
// Public short numbers (3939, 3646, 115…), amounts, deadlines, legal
// references (article L. 262-2, décret n° 2023-1234), public institutions and
// public URLs are left untouched: agents need them.
//
// The work is one tokenizing pass over the text followed by detectors that
// walk the tokens with cheap pre-checks, so the cost is linear in the input
// size. Invalid UTF-8 is refused with ErrInvalidUTF8.
//
// Redact handles one message; a Session redacts the messages of one
// conversation with consistent numbering. Restore puts values back,
// tolerating the ways a model mangles placeholders ("[ NOM_1 ]", "[nom_1]",
// "NOM_1", "[NOM 1]", "[NOM-1]") and never inventing a value. Text in the
// input that already looks like a placeholder is itself masked, so that
// Restore(Redact(x)) gives back x exactly.
//
// The package imports nothing of plume and keeps no package-level mutable
// state; the mapping from placeholders to values lives only in memory, with
// the caller.
package redact
