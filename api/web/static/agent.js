// agent.js: the agent's view: masking preview, streamed draft, sources,
// warnings, copy, feedback and the key's recent drafts.
import { call, streamDraft, frenchMessage } from './api.js';
import { el, $, say, formatDate, splitList, spansByBytes, required, badge, alertBox, latest } from './dom.js';
import { validatedCards } from './answers.js';

/** LEVELS titles the triage levels that need the agent's eyes. */
const LEVELS = {
  urgent: { title: 'Message urgent : à traiter en priorité', short: 'Urgent', alert: 'error', badge: 'error' },
  attention: { title: 'Message demandant une attention particulière', short: 'Attention', alert: 'warning', badge: 'warning' },
};

const RECENT = 10; // drafts shown in the recent list

/** TYPES names the kinds of personal data in French. */
export const TYPES = {
  NOM: 'nom', ADRESSE: 'adresse', TEL: 'téléphone', EMAIL: 'courriel', NIR: 'n° de sécurité sociale',
  IBAN: 'IBAN', CARTE: 'carte bancaire', SIRET: 'SIRET', URL: 'lien personnel', FISCAL: 'n° fiscal',
  PASSEPORT: 'passeport', CNI: "carte d'identité", PERMIS: 'permis de conduire', PLAQUE: 'immatriculation',
  CAF: 'n° allocataire', FRANCE_TRAVAIL: 'identifiant France Travail', ETRANGER: 'n° étranger',
  INE: 'INE', DOSSIER: 'n° de dossier', NAISSANCE: 'date de naissance', SANTE: 'santé', HANDICAP: 'handicap',
  RELIGION: 'religion', SYNDICAT: 'syndicat ou opinion politique', ORIENTATION: 'orientation sexuelle', JUSTICE: 'infraction ou condamnation',
  ORIGINE: 'origine ethnique',
};
const typeName = (t) => TYPES[t] || t.toLowerCase();

const WARNING_TITLES = {
  no_reliable_source: 'Aucune source fiable',
  no_subject: 'Objet de la demande à préciser',
  unknown_contact_masked: 'Coordonnées inventées masquées',
  unsupported_figure: 'Chiffres à vérifier',
  extractive: 'Brouillon extractif',
  model_failed: 'Modèle indisponible',
  uncited: 'Aucune source citée',
  invalid_citation: 'Renvois invalides retirés',
  placeholder_invented: 'Donnée personnelle inventée',
  placeholder_dropped: 'Donnée personnelle omise',
  prompt_leak: 'Consigne interne retirée',
  holding_enforced: 'Réponse d’attente imposée',
  full_text_only: 'Recherche plein texte seulement',
  personal_data_withheld: 'Données personnelles non rétablies',
  second_opinion_failed: 'Second avis du modèle sur le tri indisponible',
  telephone_repaired: 'Brouillon téléphonique corrigé',
};

let current = null; // the draft being worked on: {id, draft}
let previewed = null; // the text whose masking preview is shown
let controller = null;
let me = null; // the key: {key_id, name, role, service}

/**
 * showAttention shows, before the draft, why a message is urgent or needs
 * attention: each reason's label and, when the message as sent is known,
 * the sentence that triggered it (offsets are UTF-8 bytes, into the text
 * the reason's source names: the page shows the message's only).
 */
function showAttention(attention, text) {
  const box = $('#priorite');
  const level = LEVELS[attention?.level];
  if (!level) {
    box.replaceChildren();
    return;
  }
  const bytes = text ? new TextEncoder().encode(text) : null;
  const dec = new TextDecoder();
  const items = (attention.reasons || []).map((r) => el('li', {}, el('strong', {}, r.label),
    bytes && (r.source || 'question') === 'question' && r.end <= bytes.length && r.start < r.end
      ? el('span', { class: 'phrase' }, ` : « ${dec.decode(bytes.subarray(r.start, r.end)).trim()} »`) : null));
  box.replaceChildren(el('div', { class: `fr-alert fr-alert--${level.alert} fr-mb-3w priorite ${attention.level}` },
    el('h3', { class: 'fr-alert__title' }, level.title), el('ul', {}, items)));
}

/** triageFirst shows the message's triage before its draft is written. */
async function triageFirst(text) {
  try {
    showAttention(await call('POST', '/v1/triage', { text }), text);
  } catch {
    // The draft carries its triage too: it is shown with the draft.
  }
}

function request() {
  const body = { question: $('#question').value.trim(), channel: $('#canal').value };
  const service = me?.service ? '' : $('#service').value.trim();
  if (service) body.service = service;
  return body;
}

function checkQuestion() {
  return required($('#question'), $('#question-erreur'), 'Collez d\'abord le message de l\'usager.');
}

async function preview() {
  if (!checkQuestion()) return;
  const text = $('#question').value;
  try {
    const res = await call('POST', '/v1/redact', { text });
    const box = $('#apercu-texte');
    box.replaceChildren(...spansByBytes(text, res.entities).map((p) => (p.entity
      ? el('mark', { class: 'masque', title: `Masqué : ${typeName(p.entity.type)}` },
        p.text, el('span', { class: 'type' }, ` ${typeName(p.entity.type)} → ${p.entity.placeholder}`))
      : p.text)));
    const n = res.entities.length;
    const counts = {};
    for (const e of res.entities) counts[typeName(e.type)] = (counts[typeName(e.type)] || 0) + 1;
    say($('#apercu-resume'), n === 0
      ? 'Aucune donnée personnelle détectée : relisez tout de même le message.'
      : `${n} donnée${n > 1 ? 's' : ''} personnelle${n > 1 ? 's' : ''} masquée${n > 1 ? 's' : ''} : `
        + Object.entries(counts).map(([t, c]) => `${t} (${c})`).join(', ') + '.');
    say($('#apercu-transmis'), res.text);
    previewed = text;
    $('#apercu').hidden = false;
    $('#titre-apercu').focus();
  } catch (err) {
    say($('#question-erreur'), frenchMessage(err));
  }
}

/** linked returns text as nodes where each [n] links to source n. */
function linked(text, known) {
  const nodes = [];
  let at = 0;
  for (const m of text.matchAll(/\[(\d+)\]/g)) {
    if (!known.has(Number(m[1]))) continue;
    if (m.index > at) nodes.push(text.slice(at, m.index));
    nodes.push(el('a', { href: `#source-${m[1]}`, class: 'renvoi', 'aria-label': `source ${m[1]}` }, m[0]));
    at = m.index + m[0].length;
  }
  nodes.push(text.slice(at));
  return nodes;
}

/** safeURL returns url if it is an http(s) address, else "" (no javascript: link). */
function safeURL(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '';
  } catch {
    return '';
  }
}

function showSources(citations) {
  const list = $('#sources-liste');
  list.replaceChildren(...citations.map((c) => el('li', { id: `source-${c.n}`, tabindex: '-1', value: String(c.n) },
    el('p', { class: 'source-titre' }, safeURL(c.url)
      ? el('a', { href: safeURL(c.url), rel: 'noopener noreferrer', target: '_blank', title: `${c.title || c.url} — nouvelle fenêtre` }, c.title || c.url)
      : (c.title || 'Sans titre')),
    c.heading ? el('p', { class: 'fr-text--sm fr-mb-0' }, c.heading) : null,
    c.cited === false ? badge('Consultée mais non citée', 'info') : null,
    el('blockquote', { class: 'passage' }, c.passage || ''))));
  $('#sources-vide').hidden = citations.length > 0;
}

/** warning returns a warning as a small DSFR alert: an error when it is serious. */
function warning(title, message, severity) {
  return el('li', {}, alertBox(severity === 'error' ? 'error' : 'warning', '', el('strong', {}, `${title} : `), message));
}

function showWarnings(warnings, extractive) {
  const items = warnings.map((w) => {
    const code = typeof w === 'string' ? w : w.code;
    const msg = typeof w === 'string' ? '' : (w.message || '');
    return warning(WARNING_TITLES[code] || 'Attention', msg || code, w.severity);
  });
  if (extractive && !warnings.some((w) => (w.code || w) === 'extractive')) {
    items.push(warning('Brouillon extractif', 'ce texte reprend des extraits des sources sans reformulation.'));
  }
  const box = $('#alertes');
  box.replaceChildren(items.length ? el('h3', { class: 'fr-h6' }, 'Points d\'attention') : '', items.length ? el('ul', { class: 'alertes' }, items) : '');
}

/** showValidated lists the validated answers close to the question, first. */
function showValidated(answers) {
  const box = $('#reponses-types');
  box.hidden = answers.length === 0;
  say($('#reponses-types-etat'), answers.length
    ? `${answers.length} réponse${answers.length > 1 ? 's' : ''} type${answers.length > 1 ? 's' : ''} validée${answers.length > 1 ? 's' : ''} pour une question proche.`
    : '');
  $('#reponses-types-liste').replaceChildren(...validatedCards(answers, startFrom));
}

/** startFrom puts a validated answer's text in the editor, to adapt. */
function startFrom(a) {
  $('#texte-final').value = a.text;
  $('#texte-final').dispatchEvent(new Event('input'));
  say($('#copie-etat'), 'Texte de la réponse type repris : remplacez les marqueurs tels que [NOM_1] et adaptez-le avant envoi.');
  $('#texte-final').focus();
}

async function promote() {
  if (!current) return;
  try {
    const a = await call('POST', '/v1/answers', { draft_id: current.id });
    say($('#valider-etat'), `Réponse type n° ${a.id} enregistrée (texte masqué).`);
    $('#btn-valider').disabled = true;
    $('#valider-etat').focus();
  } catch (err) {
    say($('#valider-etat'), frenchMessage(err));
  }
}

function showFinal(d, { restored, question }) {
  current = { id: d.id, draft: d.draft };
  showAttention(d.attention, question);
  showValidated(d.validated_answers || []);
  $('#btn-valider').disabled = false;
  say($('#valider-etat'), '');
  const known = new Set((d.citations || []).map((c) => c.n));
  $('#flux').replaceChildren(...linked(d.draft, known));
  $('#flux').setAttribute('aria-busy', 'false');
  showSources(d.citations || []);
  showWarnings(d.warnings || [], d.extractive);
  $('#texte-final').value = d.draft;
  $('#final').hidden = false;
  for (const r of document.querySelectorAll('#form-avis input[type=radio]')) r.checked = false;
  $('#etiquettes').value = '';
  say($('#avis-etat'), '');
  say($('#avis-erreur'), '');
  $('#btn-avis').disabled = false;
  say($('#copie-etat'), '');
  say($('#brouillon-etat'), restored
    ? `Brouillon prêt (${d.citations?.length || 0} source${(d.citations?.length || 0) > 1 ? 's' : ''}). Relisez-le avant envoi.`
    : 'Brouillon rouvert sous sa forme masquée : les données personnelles n\'y sont pas rétablies.');
}

async function draft(ev) {
  ev.preventDefault();
  if (!checkQuestion()) return;
  if (previewed !== $('#question').value) hidePreview();
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  const btn = $('#btn-rediger');
  btn.disabled = true;
  $('#btn-arreter').hidden = false;
  $('#brouillon').hidden = false;
  $('#final').hidden = true;
  $('#alertes').replaceChildren();
  $('#priorite').replaceChildren();
  const asked = request();
  showValidated([]);
  const flux = $('#flux');
  flux.replaceChildren();
  flux.setAttribute('aria-busy', 'true');
  say($('#brouillon-etat'), 'Rédaction en cours…');
  $('#titre-brouillon').focus();
  await triageFirst(asked.question);
  try {
    // The server sends checked text only; a replacement (a later check
    // changed what was shown, or the model failed) takes the place of all.
    const d = await streamDraft(asked, (t, replace) => {
      if (controller !== mine) return;
      if (replace) flux.replaceChildren(t);
      else flux.append(t);
    }, mine.signal);
    showFinal(d, { restored: true, question: asked.question });
    showRecent();
  } catch (err) {
    if (controller !== mine) return; // a newer request took over
    // No draft was stored: a partial text must not stay on screen, where
    // it could be taken for one.
    flux.replaceChildren();
    flux.setAttribute('aria-busy', 'false');
    if (err.name === 'AbortError') {
      say($('#brouillon-etat'), 'Rédaction interrompue : aucun brouillon n\'a été enregistré.');
      return;
    }
    say($('#brouillon-etat'), '');
    $('#alertes').replaceChildren(alertBox('error', 'Échec de la rédaction',
      `${frenchMessage(err)} Aucun brouillon n'a été enregistré ; relancez la rédaction.`));
  } finally {
    if (controller === mine) {
      btn.disabled = false;
      $('#btn-arreter').hidden = true;
    }
  }
}

async function copy() {
  const text = $('#texte-final').value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without clipboard permission: select the text and use the old command.
    const ta = $('#texte-final');
    ta.focus();
    ta.select();
    if (!document.execCommand('copy')) {
      say($('#copie-etat'), 'Copie impossible : le texte est sélectionné, copiez-le avec Ctrl+C.');
      return;
    }
  }
  say($('#copie-etat'), 'Texte copié dans le presse-papiers.');
}

async function sendFeedback(ev) {
  ev.preventDefault();
  if (!current) return;
  const outcome = document.querySelector('input[name=issue]:checked')?.value;
  if (!outcome) {
    say($('#avis-erreur'), 'Indiquez ce que vous avez fait du brouillon.');
    document.querySelector('input[name=issue]').focus();
    return;
  }
  const body = { outcome, final_text: $('#texte-final').value };
  const note = document.querySelector('input[name=note]:checked')?.value;
  if (note) body.rating = Number(note);
  const tags = splitList($('#etiquettes').value);
  if (tags.length) body.tags = tags;
  say($('#avis-erreur'), '');
  try {
    await call('POST', `/v1/drafts/${encodeURIComponent(current.id)}/feedback`, body);
    say($('#avis-etat'), 'Merci, votre retour est enregistré.');
    // One feedback per draft: the button is disabled, and the focus it
    // had goes to the confirmation.
    $('#avis-etat').focus();
    $('#btn-avis').disabled = true;
  } catch (err) {
    say($('#avis-erreur'), frenchMessage(err));
  }
}

const CHANNELS = { spp: 'Services Publics+', email: 'Courriel', conseiller: 'Note conseiller', telephone: 'Téléphone' };
const listing = latest(); // older answers of the list are dropped

/** showRecent lists the key's latest drafts, from the API. */
async function showRecent() {
  const current = listing();
  const list = $('#recents');
  list.setAttribute('aria-busy', 'true');
  try {
    const level = $('#recents-niveau').value;
    const page = await call('GET', `/v1/drafts?limit=${RECENT}${level ? `&level=${encodeURIComponent(level)}` : ''}`);
    if (!current()) return;
    say($('#recents-erreur'), '');
    list.replaceChildren(...(page.drafts.length ? page.drafts.map(recentItem)
      : [el('li', { class: 'fr-text--sm' }, 'Aucun pour l\'instant.')]));
  } catch (err) {
    if (current()) say($('#recents-erreur'), frenchMessage(err));
  } finally {
    if (current()) list.setAttribute('aria-busy', 'false');
  }
}

/** recentItem shows one recent draft: its level and reliability as badges, a button that reopens it. */
function recentItem(r) {
  const level = LEVELS[r.attention_level];
  return el('li', {},
    el('p', { class: 'badges' }, level ? badge(level.short, level.badge, 'niveau') : null,
      r.reliable ? null : badge('Sans source fiable', 'warning')),
    el('button', { type: 'button', class: 'fr-link', onclick: () => reopen(r.id) },
      `${CHANNELS[r.channel] || r.channel || 'Brouillon'} — ${formatDate(r.created_at)}`,
      level ? el('span', { class: 'fr-sr-only' }, ` (${level.short.toLowerCase()})`) : null),
    el('p', { class: 'extrait' }, r.excerpt));
}

async function reopen(id) {
  try {
    const d = await call('GET', `/v1/drafts/${encodeURIComponent(id)}`);
    $('#brouillon').hidden = false;
    showFinal(d, { restored: false });
    $('#titre-brouillon').focus();
  } catch (err) {
    $('#brouillon').hidden = false;
    $('#alertes').replaceChildren(alertBox('error', '', frenchMessage(err)));
  }
}

// hidePreview hides a preview that no longer matches the message.
function hidePreview() {
  previewed = null;
  $('#apercu').hidden = true;
}

/**
 * startAgent adapts the view to the key: the choice of service is offered
 * only to a key without one (a service's key always drafts from its own).
 */
export function startAgent(key) {
  me = key;
  $('#service-choix').hidden = !!key.service;
  $('#service-fixe').hidden = !key.service;
  $('#service-fixe-nom').textContent = key.service || '';
  if (key.service) $('#service').value = '';
  // Only the configured labels are taken: a free one could hold a name.
  $('#etiquettes-liste').textContent = key.feedback_tags?.length ? `, parmi : ${key.feedback_tags.join(', ')}` : '';
  showRecent();
}

export function initAgent() {
  $('#question').addEventListener('input', () => { if (previewed !== null) hidePreview(); });
  $('#btn-apercu').addEventListener('click', preview);
  $('#form-question').addEventListener('submit', draft);
  $('#btn-copier').addEventListener('click', copy);
  $('#btn-arreter').addEventListener('click', () => { controller?.abort(); $('#btn-rediger').focus(); });
  $('#form-avis').addEventListener('submit', sendFeedback);
  $('#recents-actualiser').addEventListener('click', showRecent);
  $('#recents-niveau').addEventListener('change', showRecent);
  $('#btn-valider').addEventListener('click', promote);
  $('#texte-final').addEventListener('input', () => {
    const edited = current && $('#texte-final').value !== current.draft;
    const radio = document.querySelector(`input[name=issue][value=${edited ? 'edited' : 'accepted'}]`);
    if (!document.querySelector('input[name=issue]:checked') || edited) radio.checked = true;
  });
}
