// app.js: the page's entry point: who is signed in, and the views.
import { call, getKey, setKey, clearKey, onUnauthorized, frenchMessage, setSession, hasSession, signInConfig, logout } from './api.js';
import { $, showError, required, buildTables, buildRadios, buildPeriodForms } from './dom.js';
import { initAgent, startAgent } from './agent.js';
import { initDocuments, loadDocuments } from './documents.js';
import { initStats, loadStats } from './stats.js';
import { initAdmin, loadAdmin } from './admin.js';
import { initAnswers, loadAnswers } from './answers.js';
import { initCuration, loadCuration } from './curation.js';

const VIEWS = ['rediger', 'documents', 'statistiques', 'reponses', 'curation', 'agents'];
let me = null; // who is signed in (GET /v1/me), once known

/** whoAmI asks the API who the caller is: key, role, service, agent. */
function whoAmI() {
  return call('GET', '/v1/me');
}

/** sessionText says who is connected: the role, and the service if any. */
export function sessionText(who) {
  const role = who.role === 'admin' ? 'administration' : 'agent';
  return `Connecté : ${role}${who.service ? `, service ${who.service}` : ', tous services'}`;
}

function showOnly(id) {
  for (const s of document.querySelectorAll('main > section')) s.hidden = s.id !== id;
}

function askKey(message) {
  me = null;
  $('#navigation').hidden = true;
  $('#session').hidden = true;
  showOnly('vue-cle');
  $('#cle').value = '';
  showError($('#cle'), $('#cle-erreur'), message || '');
  document.title = 'Connexion — plume';
  $('#cle').focus();
  offerSignIn();
}

/** offerSignIn shows the identity provider's button when it is configured. */
async function offerSignIn() {
  const cfg = await signInConfig().catch(() => ({ oidc: false }));
  if (!cfg.oidc) return;
  $('#bouton-oidc').textContent = `S'identifier avec ${cfg.provider}`;
  $('#bouton-oidc').href = cfg.login_url;
  $('#connexion-oidc').hidden = false;
}

/** startSession starts the page with the session cookie, if there is one. */
async function startSession() {
  let who;
  try {
    who = await whoAmI();
  } catch {
    askKey('');
    return;
  }
  setSession(who.csrf_token);
  start(who);
}

async function start(known) {
  let who = known;
  try {
    who = who || await whoAmI();
  } catch (err) {
    clearKey();
    askKey(frenchMessage(err));
    return;
  }
  me = who;
  document.body.classList.toggle('admin', who.role === 'admin');
  document.body.classList.toggle('relecteur', !!who.reviewer);
  $('#session-role').textContent = sessionText(who);
  $('#session-role').title = who.agent ? who.name : `Clé « ${who.name} »`;
  $('#deconnexion').textContent = who.agent ? 'Se déconnecter' : 'Changer de clé';
  startAgent(who);
  $('#navigation').hidden = false;
  $('#session').hidden = false;
  route(true);
}

const TITLES = {
  rediger: 'Rédiger', documents: 'Documents', statistiques: 'Statistiques', reponses: 'Réponses types', curation: 'Curation',
  agents: 'Administration',
};

const LOADERS = {
  documents: loadDocuments, statistiques: loadStats, agents: () => loadAdmin(me), reponses: loadAnswers, curation: loadCuration,
};

/** allowed says whether the caller may open a view. */
function allowed(view) {
  if (view === 'rediger') return true;
  if (view === 'reponses') return !!me.reviewer;
  return me.role === 'admin';
}

/**
 * route shows the view the address names. An address that names no view
 * (a citation's #source-1, a skip link) leaves the view as it is, but the
 * first one, which opens Rédiger.
 */
function route(initial = false) {
  if (!me) return;
  let view = location.hash.slice(1);
  if (!VIEWS.includes(view)) {
    if (!initial) return;
    view = 'rediger';
  }
  if (!allowed(view)) view = 'rediger';
  showOnly(`vue-${view}`);
  for (const a of document.querySelectorAll('#navigation a')) {
    if (a.dataset.vue === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${TITLES[view]} — plume`;
  LOADERS[view]?.();
  if (!initial || view !== 'rediger') $(`#titre-${view}`).focus();
  else $('#question').focus();
}

/** skipLinks move the focus without changing the address, which names views. */
function skipLinks() {
  for (const a of document.querySelectorAll('[data-saut]')) {
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      const target = document.getElementById(a.dataset.saut);
      if (target && !target.hidden) target.focus();
    });
  }
}

function init() {
  buildTables();
  buildRadios();
  buildPeriodForms();
  skipLinks();
  initAgent();
  initDocuments();
  initStats();
  initAdmin();
  initAnswers();
  initCuration();
  onUnauthorized(() => {
    if (hasSession()) {
      setSession('');
      askKey('Votre session a expiré : reconnectez-vous.');
      return;
    }
    clearKey();
    askKey('Clé refusée : elle est inconnue, révoquée ou mal recopiée. Saisissez une clé valide.');
  });
  $('#form-cle').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!required($('#cle'), $('#cle-erreur'), 'Saisissez votre clé d\'API.')) return;
    setKey($('#cle').value.trim());
    start();
  });
  // A new key starts from a clean page: nothing of the previous person's
  // work stays on screen.
  $('#deconnexion').addEventListener('click', async () => {
    if (hasSession()) {
      location.replace(await logout());
      return;
    }
    clearKey();
    location.replace(location.pathname);
  });
  window.addEventListener('hashchange', () => route());
  if (getKey()) start();
  else startSession();
}

init();
