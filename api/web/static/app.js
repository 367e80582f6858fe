// app.js: the page's entry point: the key, the role and the views.
import { call, getKey, setKey, clearKey, onUnauthorized, frenchMessage, setSession, hasSession, signInConfig, logout } from './api.js';
import { $, say } from './dom.js';
import { initAgent, startAgent } from './agent.js';
import { initDocuments, loadDocuments } from './documents.js';
import { initStats, loadStats } from './stats.js';
import { initAgents, loadAgents } from './agents.js';
import { initAnswers, loadAnswers } from './answers.js';
import { initCuration, loadCuration } from './curation.js';

const VIEWS = ['rediger', 'documents', 'statistiques', 'reponses', 'curation', 'agents'];
let role = ''; // "agent" or "admin", once the key is known
let reviewer = false; // the key may validate answers
let refused = ''; // why the key form is shown again

/** whoAmI asks the API who the key is: {key_id, name, role, service}. */
function whoAmI() {
  return call('GET', '/v1/me');
}

/** sessionText says who is connected: the role, and the service if any. */
export function sessionText(me) {
  const who = me.role === 'admin' ? 'administration' : 'agent';
  return `Connecté : ${who}${me.service ? `, service ${me.service}` : ', tous services'}`;
}

function showOnly(id) {
  for (const s of document.querySelectorAll('main > section')) s.hidden = s.id !== id;
}

function askKey(message) {
  role = '';
  $('#navigation').hidden = true;
  $('#session').hidden = true;
  showOnly('vue-cle');
  say($('#cle-erreur'), message || '');
  $('#cle').value = '';
  if (message) $('#cle').setAttribute('aria-invalid', 'true');
  else $('#cle').removeAttribute('aria-invalid');
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
  let me;
  try {
    me = await whoAmI();
  } catch {
    askKey('');
    return;
  }
  setSession(me.csrf_token);
  start(me);
}

async function start(known) {
  let me = known;
  try {
    me = me || await whoAmI();
  } catch (err) {
    clearKey();
    askKey(frenchMessage(err));
    return;
  }
  role = me.role;
  reviewer = !!me.reviewer;
  document.body.classList.toggle('admin', role === 'admin');
  document.body.classList.toggle('admin-global', role === 'admin' && !me.service);
  document.body.classList.toggle('relecteur', reviewer);
  $('#session-role').textContent = sessionText(me);
  $('#session-role').title = me.agent ? me.name : `Clé « ${me.name} »`;
  $('#deconnexion').textContent = me.agent ? 'Se déconnecter' : 'Changer de clé';
  startAgent(me);
  $('#navigation').hidden = false;
  $('#session').hidden = false;
  route(true);
}

const TITLES = {
  rediger: 'Rédiger', documents: 'Documents', statistiques: 'Statistiques', reponses: 'Réponses types', curation: 'Curation', agents: 'Agents',
};

/** allowed says whether the key may open a view. */
function allowed(view) {
  if (view === 'rediger') return true;
  if (view === 'reponses') return reviewer;
  return role === 'admin';
}

function route(initial = false) {
  if (!role) return;
  let view = location.hash.slice(1);
  if (!VIEWS.includes(view) || !allowed(view)) view = 'rediger';
  showOnly(`vue-${view}`);
  for (const a of document.querySelectorAll('#navigation a')) {
    if (a.dataset.vue === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${TITLES[view]} — plume`;
  if (view === 'documents') loadDocuments();
  if (view === 'statistiques') loadStats();
  if (view === 'agents') loadAgents();
  if (view === 'reponses') loadAnswers();
  if (view === 'curation') loadCuration();
  if (!initial || view !== 'rediger') $(`#titre-${view}`).focus();
  else $('#question').focus();
}

function init() {
  initAgent();
  initDocuments();
  initStats();
  initAgents();
  initAnswers();
  initCuration();
  onUnauthorized(() => {
    if (hasSession()) {
      setSession('');
      askKey('Votre session a expiré : reconnectez-vous.');
      return;
    }
    clearKey();
    refused = 'Clé refusée : elle est inconnue, révoquée ou mal recopiée. Saisissez une clé valide.';
    askKey(refused);
  });
  $('#form-cle').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const k = $('#cle').value.trim();
    if (!k) {
      say($('#cle-erreur'), 'Saisissez votre clé d\'API.');
      $('#cle').setAttribute('aria-invalid', 'true');
      $('#cle').focus();
      return;
    }
    setKey(k);
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
