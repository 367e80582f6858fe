// agents.js: the global administrators' view of the agents who signed in
// through the identity provider (role and service of each) and of the
// audit log of administrators' actions, with its JSON Lines export.
import { call, frenchMessage, download } from './api.js';
import { el, $, say, formatDate } from './dom.js';

const ROLES = { '': 'Aucun accès', agent: 'Agent', admin: 'Administration' };

export async function loadAgents() {
  say($('#agents-erreur'), '');
  try {
    const [{ agents }, { entries }] = await Promise.all([call('GET', '/v1/agents'), call('GET', '/v1/audit?days=90')]);
    $('#agents-table tbody').replaceChildren(...agents.map(row));
    say($('#agents-etat'), agents.length ? `${agents.length} agent(s) connu(s).` : 'Aucun agent ne s\'est encore connecté.');
    $('#audit-table tbody').replaceChildren(...entries.map(auditRow));
  } catch (err) {
    say($('#agents-erreur'), frenchMessage(err));
  }
}

function row(a) {
  const name = [a.given_name, a.usual_name].filter(Boolean).join(' ') || a.email;
  const role = el('select', { id: `role-${a.id}`, 'aria-label': `Rôle de ${name}` },
    Object.entries(ROLES).map(([v, label]) => el('option', { value: v, selected: v === a.role }, label)));
  const service = el('input', { id: `service-${a.id}`, type: 'text', value: a.service, 'aria-label': `Service de ${name}`, autocomplete: 'off' });
  const save = el('button', { type: 'button', class: 'petit', onclick: () => setAccess(a, role.value, service.value) }, 'Enregistrer',
    el('span', { class: 'visuellement-cache' }, ` l'accès de ${name}`));
  return el('tr', {}, el('td', {}, name), el('td', {}, a.email), el('td', {}, a.siret || '—'),
    el('td', {}, role), el('td', {}, service), el('td', {}, formatDate(a.last_login_at)), el('td', {}, save));
}

async function setAccess(a, role, service) {
  say($('#agents-etat'), '');
  try {
    await call('PUT', `/v1/agents/${a.id}`, { role, service: service.trim() });
    await loadAgents();
    say($('#agents-etat'), 'Accès enregistré.');
  } catch (err) {
    say($('#agents-erreur'), frenchMessage(err));
  }
}

function auditRow(e) {
  return el('tr', {}, el('td', {}, formatDate(e.at)), el('td', {}, e.agent_id ? `agent ${e.agent_id}` : `clé ${e.key_id}`),
    el('td', {}, e.action), el('td', {}, e.target || '—'), el('td', {}, String(e.status)));
}

export function initAgents() {
  $('#audit-export').addEventListener('click', async () => {
    try {
      await download('/v1/audit?format=jsonl&days=3660', 'plume-audit.jsonl');
    } catch (err) {
      say($('#agents-erreur'), frenchMessage(err));
    }
  });
}
