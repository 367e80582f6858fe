// answers.js: validated answers ("réponses types"): how an agent sees them
// beside a draft, and the reviewers' list (status, review, archive). Every
// text goes in as text nodes.
import { call, frenchMessage } from './api.js';
import { el, $, say, formatDate, badge, alertBox } from './dom.js';

export const ANSWER_STATUS = { active: 'Active', to_review: 'À revoir', archived: 'Archivée' };
const STATUS_BADGE = { active: 'success', to_review: 'warning', archived: '' };

/** statusBadge shows an answer's status. */
const statusBadge = (status) => badge(ANSWER_STATUS[status] || status, STATUS_BADGE[status] || '', `statut statut-${status}`);
const REASONS = {
  source_changed: 'une de ses sources a changé',
  source_archived: 'une de ses sources a été archivée',
  source_deleted: 'une de ses sources a été supprimée',
};

/** reasonText says in French why an answer's status changed. */
export function reasonText(r) { return REASONS[r] || r || ''; }

/**
 * validatedCards returns the cards of the validated answers shown with a
 * draft; onStart(answer) puts an answer's text in the editor.
 */
export function validatedCards(answers, onStart) {
  return answers.map((a, i) => el('article', { class: `reponse-type${a.status === 'to_review' ? ' a-revoir' : ''}`,
    'aria-labelledby': `rt-titre-${i}` },
  el('h3', { id: `rt-titre-${i}`, class: 'fr-h6' }, 'Réponse type validée',
    a.status === 'to_review' ? el('span', { class: 'fr-sr-only' }, ' — à revoir') : null),
  a.status === 'to_review' ? el('p', {}, statusBadge(a.status)) : null,
  el('p', { class: 'fr-text--sm' }, `Mise à jour le ${formatDate(a.updated_at)}, service ${a.service || 'commun'}`,
    ` — proximité ${Math.round(a.score * 100)} %`),
  a.status === 'to_review'
    ? alertBox('warning', '', 'Une de ses sources a changé depuis sa validation : vérifiez-la avant de vous en servir.')
    : null,
  el('p', { class: 'fr-text--sm' }, 'Question d\'origine : ', a.question),
  el('p', { class: 'texte-brut' }, a.text),
  el('button', { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm', onclick: () => onStart(a) }, 'Partir de cette réponse',
    el('span', { class: 'fr-sr-only' }, ` (réponse type ${i + 1})`))));
}

let offset = 0;
const PAGE = 25;

/** loadAnswers lists the validated answers the key may review. */
export async function loadAnswers() {
  say($('#rt-erreur'), '');
  const p = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if ($('#rt-statut').value) p.set('status', $('#rt-statut').value);
  const list = $('#rt-liste');
  list.setAttribute('aria-busy', 'true');
  try {
    const page = await call('GET', `/v1/answers?${p}`);
    list.replaceChildren(...(page.answers.length ? page.answers.map(card)
      : [el('li', { class: 'fr-text--sm' }, 'Aucune réponse type.')]));
    say($('#rt-etat'), `${page.total} réponse${page.total > 1 ? 's' : ''} type${page.total > 1 ? 's' : ''}.`);
    $('#rt-prec').disabled = offset === 0;
    $('#rt-suiv').disabled = offset + page.answers.length >= page.total;
  } catch (err) {
    say($('#rt-erreur'), frenchMessage(err));
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

function card(a) {
  const actions = [];
  const unseen = a.out_of_scope_sources || [];
  for (const [status, label] of [['active', a.status === 'to_review' ? 'Marquer comme relue' : 'Réactiver'],
    ['to_review', 'Marquer à revoir'], ['archived', 'Archiver']]) {
    // An answer citing a source its service no longer sees is repaired by an edit, not marked reviewed.
    if (a.status === status || (status === 'active' && unseen.length)) continue;
    actions.push(el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary', onclick: () => setStatus(a, status) }, label,
      el('span', { class: 'fr-sr-only' }, ` (réponse type n° ${a.id})`)));
  }
  actions.push(el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary fr-icon-edit-line fr-btn--icon-left', onclick: () => edit(a) }, 'Modifier',
    el('span', { class: 'fr-sr-only' }, ` (réponse type n° ${a.id})`)));
  const sources = (a.sources || []).map((s) => el('li', {}, s.title || s.doc_id || 'Source',
    unseen.includes(s.document_id) ? [' ', badge(UNSEEN, 'error')] : null));
  return el('li', { class: 'carte', id: `rt-${a.id}` },
    el('h2', { class: 'fr-h5' }, `Réponse type n° ${a.id} `, statusBadge(a.status)),
    el('p', { class: 'fr-text--sm' }, `Service ${a.service || 'commun'}, version ${a.version}, relue le ${formatDate(a.reviewed_at)}`,
      a.status_reason ? ` — ${reasonText(a.status_reason)}` : ''),
    el('p', {}, el('strong', {}, 'Question : '), a.question),
    el('p', { class: 'texte-brut' }, a.text),
    sources.length ? el('div', {}, el('p', { class: 'fr-text--sm fr-mb-0' }, 'Sources :'), el('ul', {}, sources)) : null,
    unseen.length ? alertBox('error', '', 'Une de ses sources n\'est plus visible par ce service (supprimée, ou passée à un autre service) : '
      + 'modifiez la réponse pour la retirer ou la remplacer.') : null,
    el('div', { class: 'actions' }, actions));
}

const UNSEEN = 'plus visible par ce service';

/**
 * sourceChoices lists an answer's documents as boxes to keep them, those
 * its service no longer sees unticked; ids() gives the ticked ones.
 */
function sourceChoices(a) {
  const unseen = a.out_of_scope_sources || [];
  const boxes = (a.sources || []).filter((s) => s.document_id).map((s, i) => {
    const box = el('input', { type: 'checkbox', id: `rt-s-${a.id}-${i}`, value: String(s.document_id),
      checked: !unseen.includes(s.document_id) });
    return el('div', { class: 'fr-fieldset__element' }, el('div', { class: 'fr-checkbox-group' }, box,
      el('label', { class: 'fr-label', for: box.id }, s.title || s.doc_id || 'Source',
        unseen.includes(s.document_id) ? el('span', { class: 'fr-hint-text' }, `${UNSEEN} : à retirer ou remplacer`) : null)));
  });
  const node = boxes.length ? el('fieldset', { class: 'fr-fieldset' },
    el('legend', { class: 'fr-fieldset__legend fr-text--regular' }, 'Sources gardées'), boxes) : null;
  const ids = () => boxes.map((b) => b.querySelector('input')).filter((b) => b.checked).map((b) => Number(b.value));
  return { node, ids };
}

/** edit shows a form to change an answer's question, text and sources: a new version, reviewed now. */
function edit(a) {
  const item = $(`#rt-${a.id}`);
  if (item.querySelector('form')) return;
  const q = el('input', { class: 'fr-input', id: `rt-q-${a.id}`, type: 'text', value: a.question });
  const t = el('textarea', { class: 'fr-input', id: `rt-t-${a.id}`, rows: '8' }, a.text);
  const err = el('p', { class: 'fr-error-text', role: 'alert' });
  const sources = sourceChoices(a);
  const form = el('form', { class: 'fr-mt-3w', novalidate: true, 'aria-label': `Modifier la réponse type n° ${a.id}` },
    el('div', { class: 'fr-input-group' }, el('label', { class: 'fr-label', for: q.id }, 'Question'), q),
    el('div', { class: 'fr-input-group' }, el('label', { class: 'fr-label', for: t.id }, 'Texte ', el('span', { class: 'fr-hint-text' },
      'Gardez les marqueurs tels que [NOM_1] : aucune donnée personnelle.')), t),
    sources.node,
    err,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer une nouvelle version'),
      el('button', { type: 'button', class: 'fr-btn fr-btn--secondary', onclick: () => form.remove() }, 'Annuler')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const saved = await call('PUT', `/v1/answers/${a.id}`, { question: q.value, text: t.value, document_ids: sources.ids(), version: a.version });
      await loadAnswers();
      say($('#rt-etat'), `Réponse type n° ${a.id} enregistrée (version ${saved.version}).`);
    } catch (e) {
      say(err, e.status === 409 ? 'Elle a été modifiée entre-temps : actualisez la liste.' : frenchMessage(e));
    }
  });
  item.append(form);
  q.focus();
}

async function setStatus(a, status) {
  try {
    await call('PUT', `/v1/answers/${a.id}/status`, { status });
    await loadAnswers();
    say($('#rt-etat'), `Réponse type n° ${a.id} : ${ANSWER_STATUS[status].toLowerCase()}.`);
  } catch (err) {
    say($('#rt-erreur'), frenchMessage(err));
  }
}

export function initAnswers() {
  $('#form-rt').addEventListener('submit', (ev) => { ev.preventDefault(); offset = 0; loadAnswers(); });
  $('#rt-prec').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadAnswers(); });
  $('#rt-suiv').addEventListener('click', () => { offset += PAGE; loadAnswers(); });
}
