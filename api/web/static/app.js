// app.js: the page's entry point: the key, the role and the views.
import { call, getKey, setKey, clearKey, onUnauthorized, ApiError, frenchMessage } from './api.js';
import { $, say } from './dom.js';
import { initAgent, forgetDrafts } from './agent.js';
import { initDocuments, loadDocuments } from './documents.js';
import { initStats, loadStats } from './stats.js';

const VIEWS = ['rediger', 'documents', 'statistiques'];
let role = ''; // "agent" or "admin", once the key is known
let refused = ''; // why the key form is shown again

/**
 * whoAmI finds the key's role: the API has no route for it, so the page asks
 * for one document, which only administrators may list (401: bad key,
 * 403: an agent).
 */
async function whoAmI() {
  try {
    await call('GET', '/v1/documents?limit=1');
    return 'admin';
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return 'agent';
    throw err;
  }
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
}

async function start() {
  try {
    role = await whoAmI();
  } catch (err) {
    clearKey();
    askKey(frenchMessage(err));
    return;
  }
  document.body.classList.toggle('admin', role === 'admin');
  $('#session-role').textContent = role === 'admin' ? 'Connecté : administration' : 'Connecté : agent';
  $('#navigation').hidden = false;
  $('#session').hidden = false;
  route(true);
}

const TITLES = { rediger: 'Rédiger', documents: 'Documents', statistiques: 'Statistiques' };

function route(initial = false) {
  if (!role) return;
  let view = location.hash.slice(1);
  if (!VIEWS.includes(view) || (role !== 'admin' && view !== 'rediger')) view = 'rediger';
  showOnly(`vue-${view}`);
  for (const a of document.querySelectorAll('#navigation a')) {
    if (a.dataset.vue === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${TITLES[view]} — plume`;
  if (view === 'documents') loadDocuments();
  if (view === 'statistiques') loadStats();
  if (!initial || view !== 'rediger') $(`#titre-${view}`).focus();
  else $('#question').focus();
}

function init() {
  initAgent();
  initDocuments();
  initStats();
  onUnauthorized(() => {
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
  // work stays on screen or in the list of drafts.
  $('#deconnexion').addEventListener('click', () => {
    clearKey();
    forgetDrafts();
    location.replace(location.pathname);
  });
  window.addEventListener('hashchange', () => route());
  if (getKey()) start();
  else askKey('');
}

init();
