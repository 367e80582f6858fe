// Package prompts renders the chat messages that plume sends to a language
// model to draft a reply for a public-service agent.
//
// The templates are Go text/template files embedded from templates/, written
// in French so that administrators can read and edit them:
//
//   - regles.tmpl: the writing rules shared by every system message;
//   - donnees.tmpl: the data blocks of the user message (numbered sources,
//     the user's message, the agent's instructions);
//   - <channel>.system.tmpl and <channel>.user.tmpl for each channel: spp (a
//     public reply on Services Publics+), email (a reply to an e-mail),
//     conseiller (a working note for a France services adviser) and
//     telephone (what an agent says on a call or a call-back, in short
//     spoken sentences with no address read aloud, then a follow-up text
//     to send by SMS or e-mail with the links and the sources);
//   - verification.check.tmpl: no channel, the short check that asks the
//     model whether a validated answer answers a message before it is shown
//     (PLUME_ANSWER_CHECK; RenderAnswerCheck), its "system" message fixed
//     and its "user" one holding the message, the answer's question and its
//     text, each in its block.
//
// Every file starts with a version comment, {{/* version: spp-2026-11-27.1 */ -}},
// and a rendered Prompt carries the versions of the files that made it, so
// that a stored draft records which prompts produced it. Load can take a
// folder (PLUME_PROMPTS_DIR) whose files replace the embedded ones of the
// same name; an overriding file must carry a new version.
//
// The system message is fixed for a channel: it never receives any data of
// the request, so the user's text cannot reach it. The user message holds
// the numbered sources, then the user's message and the agent's note, each
// between <<<LABEL and LABEL>>> lines, then the task. Every piece of text
// coming from a request or from a source is neutralised before rendering:
// runs of angle brackets, the block labels, bare [n] citations, control and
// invisible format characters are rewritten, so that no text can close a
// block early or pose as a source. Load checks the templates with sample
// data and refuses a set that would drop the user's message or put it
// outside a block. The short prompts built outside the templates (the
// triage second opinion, the query rewrite, in package rag) neutralise
// their texts the same way with a Neutraliser of their own labels.
//
// Input takes the user's message and the agent's note as redact.Text: only
// redacted text can be rendered into a prompt. The package imports only
// plume's redact and llm (for the types of what it takes and gives) and
// holds no mutable state; a Set is safe for concurrent use.
package prompts
