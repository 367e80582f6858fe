// curation.js: the administrators' work list: questions without a reliable
// source grouped by topic, badly rated drafts, most and least cited
// documents, stale documents; items closed with the action taken; a new
// document started from a group of questions. Text goes in as text nodes.
import { call, frenchMessage, download } from './api.js';
import { el, $, say, formatDate, row, fillTable } from './dom.js';
import { personalGuard } from './personal.js';

const ACTIONS = {
  document_written: 'Fiche rédigée', answer_added: 'Réponse type ajoutée', out_of_scope: 'Hors champ', other: 'Autre',
};
const OUTCOMES = { accepted: 'envoyé tel quel', edited: 'modifié', rejected: 'rejeté' };

/** days is the period of the work list shown, which a closure is checked against. */
const days = () => new URLSearchParams({ days: $('#c-jours').value });

function params() {
  const p = days();
  const service = $('#c-service').value.trim();
  if (service) p.set('service', service);
  return p;
}

/** loadCuration fetches and shows the work list. */
export async function loadCuration() {
  say($('#c-erreur'), '');
  const box = $('#c-listes');
  box.setAttribute('aria-busy', 'true');
  try {
    const rep = await call('GET', `/v1/curation?${params()}`);
    $('#c-groupes').replaceChildren(...(rep.unanswered.length ? rep.unanswered.map(group) : [empty()]));
    $('#c-notes').replaceChildren(...(rep.low_rated.length ? rep.low_rated.map(lowRated) : [empty()]));
    $('#c-vieux').replaceChildren(...(rep.stale.length ? rep.stale.map(stale) : [empty()]));
    uses($('#c-plus'), rep.most_cited);
    uses($('#c-moins'), rep.least_cited);
    const open = rep.unanswered.filter((g) => !g.closed).length;
    say($('#c-etat'), `${open} sujet${open > 1 ? 's' : ''} sans source fiable à traiter depuis le ${formatDate(rep.since)}.`);
  } catch (err) {
    say($('#c-erreur'), frenchMessage(err));
  } finally {
    box.setAttribute('aria-busy', 'false');
  }
}

const empty = () => el('li', { class: 'fr-text--sm' }, 'Rien à traiter.');

function closedNote(c) {
  return c ? el('p', { class: 'fr-text--sm' }, `Clos le ${formatDate(c.at)} : ${ACTIONS[c.action] || c.action}`,
    c.reason ? ` — ${c.reason}` : '') : null;
}

/** closeForm lets an admin close an item with an action and a reason. */
function closeForm(kind, item, label) {
  const id = `clore-${kind}-${item.key}`;
  const select = el('select', { class: 'fr-select', id: `${id}-action` }, Object.entries(ACTIONS).map(([v, t]) => el('option', { value: v }, t)));
  const reason = el('input', { class: 'fr-input', id: `${id}-motif`, type: 'text', autocomplete: 'off' });
  const status = el('p', { role: 'status' });
  const form = el('form', { class: 'clore fr-mt-2w', novalidate: true, 'aria-label': `Clore ${label}` },
    el('div', { class: 'fr-select-group' }, el('label', { class: 'fr-label', for: select.id }, 'Action menée'), select),
    el('div', { class: 'fr-input-group' }, el('label', { class: 'fr-label', for: reason.id }, 'Motif (facultatif)'), reason),
    el('button', { type: 'submit', class: 'fr-btn fr-btn--sm' }, 'Clore', el('span', { class: 'fr-sr-only' }, ` ${label}`)),
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await call('POST', `/v1/curation/close?${days()}`, { kind, key: item.key, service: item.service, action: select.value,
        reason: reason.value });
      say(status, 'Élément clos.');
      await loadCuration();
      $('#titre-curation').focus();
    } catch (err) {
      say(status, frenchMessage(err));
    }
  });
  return form;
}

function group(g, i) {
  const label = `le sujet ${i + 1}`;
  return el('li', { class: `carte${g.closed ? ' clos' : ''}` },
    el('h3', { class: 'fr-h6' }, `« ${g.label} »`),
    el('p', { class: 'fr-text--sm' }, `${g.count} question${g.count > 1 ? 's' : ''}, du ${formatDate(g.first_seen)} au ${formatDate(g.last_seen)}`,
      g.service ? `, service ${g.service}` : '', g.words.length ? ` — mots : ${g.words.join(', ')}` : ''),
    g.questions.length ? el('details', {}, el('summary', {}, 'Questions proches'),
      el('ul', {}, g.questions.map((q) => el('li', {}, q)))) : null,
    closedNote(g.closed),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary', onclick: () => startDocument(g) },
      'Rédiger une fiche', el('span', { class: 'fr-sr-only' }, ` pour ${label}`)),
    el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary', onclick: () => startAnswer(g) },
      'Rédiger une réponse type', el('span', { class: 'fr-sr-only' }, ` pour ${label}`))),
    g.closed ? null : closeForm('unanswered', g, label));
}

function lowRated(d, i) {
  const label = `le brouillon ${i + 1}`;
  return el('li', { class: `carte${d.closed ? ' clos' : ''}` },
    el('h3', { class: 'fr-h6' }, `Brouillon ${OUTCOMES[d.outcome] || d.outcome}${d.rating ? `, noté ${d.rating}/5` : ''}`),
    el('p', { class: 'fr-text--sm' }, `Retour du ${formatDate(d.feedback_at)}${d.service ? `, service ${d.service}` : ''}`,
      d.tags.length ? ` — étiquettes : ${d.tags.join(', ')}` : ''),
    el('p', { class: 'texte-brut extrait' }, d.question),
    d.sources.length ? el('p', { class: 'fr-text--sm' }, 'Sources : ', d.sources.map((s) => s.title).join(' ; ')) : null,
    closedNote(d.closed),
    d.closed ? null : closeForm('low_rated', d, label));
}

function stale(d) {
  const label = `« ${d.title} »`;
  return el('li', { class: `carte${d.closed ? ' clos' : ''}` },
    el('h3', { class: 'fr-h6' }, d.title),
    el('p', { class: 'fr-text--sm' }, `Mis à jour le ${formatDate(d.updated_at)}`,
      d.answers_to_review ? ` — ${d.answers_to_review} réponse${d.answers_to_review > 1 ? 's' : ''} type à revoir` : ''),
    closedNote(d.closed),
    d.closed ? null : closeForm('stale', d, label));
}

function uses(table, rows) {
  fillTable(table, rows.map((u) => row([u.title, u.service || 'commun', String(u.citations)])));
}

/** startDocument opens a new document, as a draft, listing the group's questions. */
function startDocument(g) {
  $('#c-doc').hidden = false;
  personal.reset();
  $('#c-doc-titre').value = '';
  $('#c-doc-service').value = g.service || '';
  $('#c-doc-texte').value = ['Questions posées par les usagers (masquées) :',
    ...[g.label, ...g.questions].map((q) => `- ${q}`), '', 'Réponse :', ''].join('\n');
  say($('#c-doc-etat'), '');
  $('#c-doc-titre').focus();
}

let answering = null; // the group a réponse type is written for

/** startAnswer opens a réponse type for a group: its question, a text to write. */
function startAnswer(g) {
  answering = g;
  $('#c-rt').hidden = false;
  $('#c-rt-question').value = g.label;
  $('#c-rt-texte').value = '';
  say($('#c-rt-etat'), '');
  say($('#c-rt-erreur'), '');
  $('#c-rt-texte').focus();
}

/** saveAnswer stores the réponse type and closes the group as done. */
async function saveAnswer(ev) {
  ev.preventDefault();
  const text = $('#c-rt-texte').value.trim();
  if (!text) {
    say($('#c-rt-erreur'), 'Écrivez le texte de la réponse type.');
    $('#c-rt-texte').focus();
    return;
  }
  say($('#c-rt-erreur'), '');
  try {
    const a = await call('POST', '/v1/answers', { question: $('#c-rt-question').value, text, service: answering.service });
    await call('POST', `/v1/curation/close?${days()}`, { kind: 'unanswered', key: answering.key, service: answering.service,
      action: 'answer_added', reason: `réponse type n° ${a.id}` });
    await loadCuration();
    say($('#c-rt-etat'), `Réponse type n° ${a.id} enregistrée (texte masqué) ; le sujet est clos.`);
  } catch (err) {
    say($('#c-rt-erreur'), frenchMessage(err));
  }
}

let personal = null; // the new fiche's refusal for personal data (personalGuard)

async function saveDocument(ev) {
  ev.preventDefault();
  const title = $('#c-doc-titre').value.trim();
  if (!title) {
    say($('#c-doc-erreur'), 'Donnez un titre à la fiche.');
    $('#c-doc-titre').focus();
    return;
  }
  say($('#c-doc-erreur'), '');
  // The time in base 36: its 13 decimal digits read as a tax number, which
  // the personal data check refuses in an id.
  const id = `curation-${Date.now().toString(36)}`;
  const body = { id, title, text: $('#c-doc-texte').value, service: $('#c-doc-service').value.trim(), status: 'draft' };
  if (personal.checked()) body.personal_data_checked = true;
  try {
    const d = await call('POST', '/v1/documents', body);
    personal.reset();
    say($('#c-doc-etat'), `Fiche « ${d.title} » créée en brouillon : relisez-la et publiez-la depuis la vue Documents.`);
  } catch (err) {
    say($('#c-doc-erreur'), personal.refused(err, body) || frenchMessage(err));
  }
}

/** exportItems downloads the work list as JSON lines. */
async function exportItems() {
  try {
    await download(`/v1/curation/export?${params()}`, 'plume-curation.jsonl');
    say($('#c-etat'), 'Export téléchargé.');
  } catch (err) {
    say($('#c-erreur'), `Export impossible : ${frenchMessage(err)}`);
  }
}

export function initCuration() {
  $('#form-curation').addEventListener('submit', (ev) => { ev.preventDefault(); loadCuration(); });
  $('#c-export').addEventListener('click', exportItems);
  personal = personalGuard($('#c-doc-pii'), $('#c-doc-pii-ok'), ['#c-doc-titre', '#c-doc-texte'].map((id) => $(id)));
  $('#form-c-doc').addEventListener('submit', saveDocument);
  $('#c-doc-fermer').addEventListener('click', () => { $('#c-doc').hidden = true; });
  $('#form-c-rt').addEventListener('submit', saveAnswer);
  $('#c-rt-fermer').addEventListener('click', () => { $('#c-rt').hidden = true; });
}
