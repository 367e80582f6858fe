// admin.js: the Administration view, in tabs: the agents who signed in
// through the identity provider, the API keys and the assignment rules the
// administrator manages (every service, or its own service only), and the
// audit log (journal.js).
import { call, frenchMessage } from './api.js';
import { el, $, say, formatDate, badge, row, fillTable, required, latest } from './dom.js';
import { initTabs } from './tabs.js';
import { initJournal, loadJournal } from './journal.js';

export const ROLES = { '': 'Aucun accès', agent: 'Agent', admin: 'Administration' };
const ASSIGNED = { rule: 'Règle', admin: 'Administration' };
const KINDS = { domain: 'Domaine du courriel', siret: 'SIRET' };

let me = null; // the administrator: {role, service}
let selectTab = () => {};
let shown = 'panneau-agents';

/** roleSelect is a choice of role, "no access" included when none is set. */
function roleSelect(id, selected, none, label) {
  const roles = Object.entries(ROLES).filter(([v]) => none || v);
  return el('select', { class: 'fr-select', id, 'aria-label': label },
    roles.map(([v, name]) => el('option', { value: v, selected: v === selected }, name)));
}

/**
 * buildAccessFields puts, in place of each <div data-acces=P>, the role
 * (P-role) and service (P-service) fields of a new key or rule.
 */
function buildAccessFields() {
  for (const slot of document.querySelectorAll('[data-acces]')) {
    const p = slot.dataset.acces;
    slot.replaceWith(
      el('div', { class: 'fr-col-6 fr-col-md-2' }, el('div', { class: 'fr-select-group' },
        el('label', { class: 'fr-label', for: `${p}-role` }, 'Rôle'), roleSelect(`${p}-role`, 'agent', false))),
      el('div', { class: 'fr-col-6 fr-col-md-3 champ-service' }, el('div', { class: 'fr-input-group' },
        el('label', { class: 'fr-label', for: `${p}-service` }, 'Service ', el('span', { class: 'fr-hint-text' }, 'Vide : tous les services.')),
        el('input', { class: 'fr-input', id: `${p}-service`, type: 'text', autocomplete: 'off' }))));
  }
}

/** serviceOf is the service a form gives: the administrator's own, when it has one. */
const serviceOf = (input) => (me.service ? me.service : input.value.trim());

/** loadAdmin shows the view for the administrator who, and its open tab. */
export function loadAdmin(who) {
  me = who;
  $('#admin-portee').textContent = me.service
    ? `Vous administrez le service « ${me.service} » : ses agents, ses clés d'API, ses règles d'attribution et son journal. `
      + 'Les agents qui attendent un accès apparaissent aussi : vous pouvez les accueillir dans votre service. '
      + "Une règle d'attribution s'écrit par un administrateur de tous les services : vous pouvez supprimer celles de votre service."
    : 'Vous administrez tous les services.';
  for (const f of document.querySelectorAll('#vue-agents .champ-service')) f.hidden = !!me.service;
  $('#form-regle').hidden = !!me.service; // only an administrator of every service writes a rule
  selectTab(shown);
}

const PANELS = { 'panneau-agents': loadAgents, 'panneau-cles': loadKeys, 'panneau-regles': loadRules, 'panneau-journal': loadJournal };

/** report runs a change, then reloads its panel and says how it went. */
async function report(prefix, change, done) {
  say($(`#${prefix}-etat`), '');
  say($(`#${prefix}-erreur`), '');
  try {
    await change();
    await PANELS[shown]();
    say($(`#${prefix}-etat`), done);
  } catch (err) {
    say($(`#${prefix}-erreur`), frenchMessage(err));
  }
}

const listings = {}; // per table: older answers are dropped

/** list shows what path answers (its field) in a table of rows, or why it cannot. */
async function list(prefix, path, field, tableID, toRow) {
  listings[tableID] ||= latest();
  const current = listings[tableID]();
  say($(`#${prefix}-erreur`), '');
  try {
    const items = (await call('GET', path))[field];
    if (!current()) return null;
    fillTable($(`#${tableID}`), items.map(toRow));
    return items;
  } catch (err) {
    if (current()) say($(`#${prefix}-erreur`), frenchMessage(err));
    return null;
  }
}

async function loadAgents() {
  const agents = await list('agents', '/v1/agents', 'agents', 'agents-table', agentRow);
  if (agents) say($('#agents-etat'), agents.length ? `${agents.length} agent(s).` : 'Aucun agent ne s\'est encore connecté.');
}

function agentRow(a) {
  const name = [a.given_name, a.usual_name].filter(Boolean).join(' ') || a.email;
  const role = roleSelect(`role-${a.id}`, a.role, true, `Rôle de ${name}`);
  const service = me.service ? el('span', {}, me.service)
    : el('input', { class: 'fr-input', id: `service-${a.id}`, type: 'text', value: a.service, 'aria-label': `Service de ${name}`, autocomplete: 'off' });
  const save = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary',
    onclick: () => report('agents', () => call('PUT', `/v1/agents/${a.id}`, { role: role.value, service: serviceOf(service) }),
      `Accès de ${name} enregistré.`) },
  'Enregistrer', el('span', { class: 'fr-sr-only' }, ` l'accès de ${name}`));
  return row([name, a.email, a.siret || '—', role, service, ASSIGNED[a.assigned_by] || '—', formatDate(a.last_login_at), save]);
}

function loadKeys() { return list('cles', '/v1/keys', 'keys', 'cles-table', keyRow); }

function keyRow(k) {
  const revoke = k.revoked_at ? null : el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary fr-icon-close-circle-line fr-btn--icon-left',
    onclick: () => {
      if (!window.confirm(`Révoquer la clé « ${k.name} » ? Les scripts qui s'en servent seront refusés.`)) return;
      report('cles', () => call('DELETE', `/v1/keys/${k.id}`), `Clé « ${k.name} » révoquée.`);
    } }, 'Révoquer', el('span', { class: 'fr-sr-only' }, ` la clé « ${k.name} »`));
  return row([k.name, ROLES[k.role] || k.role, k.service || 'tous', k.reviewer ? 'Oui' : 'Non', el('code', {}, `${k.prefix}…`),
    formatDate(k.created_at), k.revoked_at ? badge(`Révoquée le ${formatDate(k.revoked_at)}`) : badge('Active', 'success'), revoke], true);
}

async function createKey(ev) {
  ev.preventDefault();
  if (!required($('#k-nom'), $('#cles-erreur'), 'Donnez un nom à la clé.')) return;
  $('#cle-creee').hidden = true;
  const body = { name: $('#k-nom').value.trim(), role: $('#k-role').value, service: serviceOf($('#k-service')), reviewer: $('#k-relecteur').checked };
  await report('cles', async () => {
    const { secret } = await call('POST', '/v1/keys', body);
    $('#cle-secret').textContent = secret;
    $('#cle-creee').hidden = false;
    $('#form-cle-api').reset();
  }, '');
}

function loadRules() { return list('regles', '/v1/rules', 'rules', 'regles-table', ruleRow); }

function ruleRow(r) {
  const what = `${KINDS[r.kind] || r.kind} ${r.value}`;
  const remove = r.id ? el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left',
    onclick: () => report('regles', () => call('DELETE', `/v1/rules/${r.id}`), `Règle « ${what} » supprimée.`) },
  'Supprimer', el('span', { class: 'fr-sr-only' }, ` la règle « ${what} »`)) : null;
  return row([KINDS[r.kind] || r.kind, r.value, ROLES[r.role] || r.role, r.service || 'tous',
    r.id ? badge('Page', 'new') : badge('Configuration', 'info'), remove]);
}

async function createRule(ev) {
  ev.preventDefault();
  if (!required($('#r-valeur'), $('#regles-erreur'), 'Indiquez le domaine ou le SIRET.')) return;
  const value = $('#r-valeur').value.trim();
  const body = { kind: document.querySelector('input[name=r-critere]:checked').value, value, role: $('#r-role').value,
    service: serviceOf($('#r-service')) };
  await report('regles', async () => {
    await call('POST', '/v1/rules', body);
    $('#form-regle').reset();
  }, `Règle « ${KINDS[body.kind]} ${value} » ajoutée.`);
}

export function initAdmin() {
  buildAccessFields();
  selectTab = initTabs($('#onglets-admin'), (panel) => {
    shown = panel.id;
    PANELS[shown]();
  });
  $('#form-cle-api').addEventListener('submit', createKey);
  $('#form-regle').addEventListener('submit', createRule);
  initJournal();
}
