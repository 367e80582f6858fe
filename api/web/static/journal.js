// journal.js: the audit log in the Administration view: who did what and
// when, filtered by day, action and actor, exported as JSON Lines with the
// same filters.
import { call, frenchMessage, download } from './api.js';
import { el, $, say, formatDate, badge, row, fillTable, latest } from './dom.js';

/** ACTIONS names the audited actions in French; others show as they are. */
const ACTIONS = {
  'PUT /v1/agents/:id': "Accès d'un agent",
  'POST /v1/keys': "Création d'une clé d'API",
  'DELETE /v1/keys/:id': "Révocation d'une clé d'API",
  'POST /v1/rules': "Ajout d'une règle d'attribution",
  'DELETE /v1/rules/:id': "Suppression d'une règle d'attribution",
  'POST /v1/documents': 'Ajout de documents',
  'PUT /v1/documents/:id': "Modification d'un document",
  'PUT /v1/documents/:id/status': "Statut d'un document",
  'DELETE /v1/documents/:id': "Suppression d'un document",
  'POST /v1/answers': "Création d'une réponse type",
  'PUT /v1/answers/:id': "Modification d'une réponse type",
  'PUT /v1/answers/:id/status': "Statut d'une réponse type",
  'POST /v1/curation/close': "Clôture d'un élément de curation",
  'POST /v1/curation/reopen': "Réouverture d'un élément de curation",
  'plume keys create': "Création d'une clé (ligne de commande)",
  'plume keys revoke': "Révocation d'une clé (ligne de commande)",
};

const actionName = (a) => ACTIONS[a] || a;

/** filters returns the query of the audit log's filters (without since: the whole retention). */
function filters() {
  const p = new URLSearchParams();
  const since = $('#j-depuis').value;
  if (since) p.set('since', since);
  else p.set('days', '3660');
  for (const [name, input] of [['until', '#j-jusqua'], ['action', '#j-action'], ['actor', '#j-par']]) {
    const v = $(input).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

/**
 * result tells an entry's outcome: done, refused, failed. A 404 is a
 * missing id or another service's row, which the API answers alike.
 */
function result(status) {
  if (status === 0 || (status >= 200 && status < 300)) return badge('Fait', 'success');
  if (status === 403) return badge('Refusé', 'error');
  if (status === 404) return badge('Refusé ou introuvable', 'error');
  return badge(`Échec (${status})`, 'warning');
}

function actor(e) {
  if (!e.key_id && !e.agent_id) return 'ligne de commande';
  return e.agent_id ? e.actor : `clé « ${e.actor} »`;
}

function entryRow(e) {
  return row([formatDate(e.at), actor(e), el('span', {}, actionName(e.action), el('br'), el('code', { class: 'fr-text--xs' }, e.action)),
    e.target || '—', e.service || 'tous', result(e.status)]);
}

/** showActions offers the actions the log holds, keeping the one chosen. */
function showActions(actions) {
  const select = $('#j-action');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'Toutes les actions'),
    ...actions.map((a) => el('option', { value: a, selected: a === chosen }, actionName(a))));
}

const reading = latest(); // older answers of the log are dropped

export async function loadJournal() {
  const current = reading();
  say($('#journal-erreur'), '');
  try {
    const { entries, actions } = await call('GET', `/v1/audit?${filters()}`);
    if (!current()) return;
    showActions(actions);
    fillTable($('#audit-table'), entries.map(entryRow));
    say($('#journal-etat'), entries.length
      ? `${entries.length} entrée${entries.length > 1 ? 's' : ''}${entries.length >= 1000 ? ' (les 1000 plus récentes : exportez pour tout voir)' : ''}.`
      : 'Aucune entrée ne correspond.');
  } catch (err) {
    if (current()) say($('#journal-erreur'), frenchMessage(err));
  }
}

export function initJournal() {
  $('#form-journal').addEventListener('submit', (ev) => { ev.preventDefault(); loadJournal(); });
  $('#audit-export').addEventListener('click', async () => {
    try {
      await download(`/v1/audit?format=jsonl&${filters()}`, 'plume-journal.jsonl');
      say($('#journal-etat'), 'Journal exporté.');
    } catch (err) {
      say($('#journal-erreur'), frenchMessage(err));
    }
  });
}
