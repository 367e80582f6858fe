// personal.js: a document the API refused because it seems to hold a
// person's data (422 personal_data): the message names the kinds of data
// and the lines they are on (never the values), and a checkbox « Ce sont
// des exemples de format » lets the admin send it again with
// personal_data_checked, which the audit log records.
import { ApiError } from './api.js';
import { TYPES } from './agent.js';

const FIELDS = { title: 'titre', description: 'description', text: 'texte' };

/** lineOf returns the line (from 1) of text at a UTF-8 byte offset. */
function lineOf(text, start) {
  const before = new TextDecoder().decode(new TextEncoder().encode(text).subarray(0, start));
  return before.split('\n').length;
}

/** where names a finding's place in French: its field, and its line in a long text. */
function where(f, sent) {
  const field = FIELDS[f.field] || f.field;
  const text = sent[f.field] || '';
  return text.includes('\n') ? `${field}, ligne ${lineOf(text, f.start)}` : field;
}

/**
 * personalMessage returns the French message of a refusal for personal
 * data, given the fields as sent ({title, text, description}), or '' for
 * another error.
 */
export function personalMessage(err, sent) {
  if (!(err instanceof ApiError) || err.code !== 'personal_data') return '';
  const places = new Map(); // kind → places, in the order found
  for (const f of err.findings || []) {
    const kind = TYPES[f.type] || f.type;
    if (!places.has(kind)) places.set(kind, new Set());
    places.get(kind).add(where(f, sent));
  }
  const list = [...places].map(([kind, at]) => `${kind} (${[...at].join(' ; ')})`).join(', ');
  return `Document non enregistré : il semble contenir les données d'une personne : ${list || 'voir le texte'}. `
    + 'Rien de personnel ne doit entrer dans la base : retirez-les. '
    + 'Si ce sont des exemples de format et non les données d\'une personne, cochez la case ci-dessous puis enregistrez de nouveau.';
}

/**
 * personalGuard ties a form's refusal checkbox (inside box) to its
 * fields: shown on a refusal, unticked and hidden again as soon as a field
 * changes (the confirmation is for the text as refused).
 */
export function personalGuard(box, checkbox, fields) {
  const reset = () => { box.hidden = true; checkbox.checked = false; };
  for (const f of fields) f.addEventListener('input', reset);
  return {
    /** checked says whether the admin confirmed the values are examples. */
    checked: () => !box.hidden && checkbox.checked,
    /** refused shows the checkbox after a refusal for personal data and returns its message, else ''. */
    refused(err, sent) {
      const message = personalMessage(err, sent);
      if (message) {
        box.hidden = false;
        checkbox.checked = false;
      }
      return message;
    },
    reset,
  };
}
