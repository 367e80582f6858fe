// Package redact owns the rule that no personal data reaches a model prompt:
// it finds French personal data in user text, replaces each value with a
// typed, numbered placeholder such as [NOM_1] or [TEL_2], and puts the values
// back into a model's output.
//
// It detects, with the strongest rule that exists for each (shape, checksum,
// libphonenumber's metadata and nearby context words): social security
// numbers (NIR), IBANs of every country, bank cards, SIREN/SIRET, phone
// numbers of every country (also written partly or wholly in words),
// e-mail addresses (also obfuscated: "arobase", "(at)", "point"), URLs
// carrying personal tokens, tax numbers (SPI), passports, identity cards,
// driving licences, licence plates, CAF, France Travail, AGDREF and INE
// identifiers, personal case numbers, people's names (in any script),
// postal addresses, dates of birth, and the special categories of personal
// data, each its own type: health (SANTE), disability (HANDICAP), religion
// (RELIGION), union membership and political opinions (SYNDICAT), sexual
// orientation (ORIENTATION), offences and convictions (JUSTICE), racial or
// ethnic origin (ORIGINE).
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
