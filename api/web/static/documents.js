// documents.js: the administrators' view of the knowledge base: list with
// filters, uploads with progress, a document's passages and metadata,
// publish / archive / delete.
import { call, upload, frenchMessage } from './api.js';
import { el, $, say, formatDate, formatDay, splitList, badge, fillTable, latest } from './dom.js';
import { personalGuard } from './personal.js';

const PAGE = 25;
const STATUS = { published: 'Publié', draft: 'Brouillon', archived: 'Archivé' };
const STATUS_BADGE = { published: 'success', draft: 'info', archived: '' };
let offset = 0;
let open = null; // the document shown in the detail panel
let personal = null; // the detail form's refusal for personal data (personalGuard)
const listing = latest(); // older answers of the list are dropped

function filters() {
  const p = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  const q = $('#f-titre').value.trim();
  const source = $('#f-source').value.trim();
  const service = $('#f-service').value.trim();
  const status = $('#f-statut').value;
  if (q) p.set('q', q);
  if (source) p.set('source', source);
  if (service) p.set('service', service);
  if (status) p.set('status', status);
  const before = $('#f-avant').value; // YYYY-MM-DD, from the date field
  if (before) p.set('stale_before', before);
  return p;
}

export async function loadDocuments() {
  say($('#docs-erreur'), '');
  const current = listing();
  const table = $('#docs-table');
  table.setAttribute('aria-busy', 'true');
  try {
    const page = await call('GET', `/v1/documents?${filters()}`);
    if (!current()) return;
    const before = $('#f-avant').value;
    fillTable($('#docs-table'), page.documents.map(row));
    const last = Math.min(page.offset + page.documents.length, page.total);
    say($('#docs-etat'), page.total === 0 ? 'Aucun document ne correspond.'
      : `Documents ${page.total ? page.offset + 1 : 0} à ${last} sur ${page.total}`
        + (before ? `, non mis à jour depuis le ${formatDay(before)}.` : '.'));
    $('#docs-prec').disabled = page.offset === 0;
    $('#docs-suiv').disabled = last >= page.total;
  } catch (err) {
    if (current()) say($('#docs-erreur'), frenchMessage(err));
  } finally {
    if (current()) table.setAttribute('aria-busy', 'false');
  }
}

/** button returns a small button of a document's row, named with the document. */
function button(label, cls, d, onclick) {
  return el('button', { type: 'button', class: `fr-btn fr-btn--sm ${cls}`, onclick }, label, el('span', { class: 'fr-sr-only' }, ` « ${d.title} »`));
}

function row(d) {
  const actions = [button('Voir', 'fr-btn--tertiary voir', d, () => showDocument(d.id))];
  for (const [status, label] of [['published', 'Publier'], ['archived', 'Archiver'], ['draft', 'Dépublier']]) {
    if (d.status === status || (status === 'draft' && d.status !== 'published')) continue;
    actions.push(button(label, 'fr-btn--secondary', d, () => setStatus(d, status)));
  }
  actions.push(button('Supprimer', 'fr-btn--tertiary-no-outline fr-icon-delete-line fr-btn--icon-left supprimer', d, () => remove(d)));
  return el('tr', {},
    el('th', { scope: 'row' }, d.title),
    el('td', {}, d.source),
    el('td', {}, d.service || 'commun'),
    el('td', {}, badge(STATUS[d.status] || d.status, STATUS_BADGE[d.status], `statut ${d.status}`)),
    el('td', {}, formatDate(d.updated_at || d.modified_at)),
    el('td', {}, el('div', { class: 'actions-ligne' }, actions)));
}

async function setStatus(d, status) {
  try {
    await call('PUT', `/v1/documents/${d.id}/status`, { status });
    say($('#docs-etat'), `« ${d.title} » : ${STATUS[status].toLowerCase()}.`);
    await loadDocuments();
    say($('#docs-etat'), `« ${d.title} » : ${STATUS[status].toLowerCase()}.`);
  } catch (err) {
    say($('#docs-erreur'), frenchMessage(err));
  }
}

async function remove(d) {
  if (!window.confirm(`Supprimer définitivement « ${d.title} » et ses passages ?`)) return;
  try {
    await call('DELETE', `/v1/documents/${d.id}`);
    if (open?.id === d.id) closeDocument();
    await loadDocuments();
    say($('#docs-etat'), `« ${d.title} » a été supprimé.`);
  } catch (err) {
    say($('#docs-erreur'), frenchMessage(err));
  }
}

async function showDocument(id) {
  try {
    const d = await call('GET', `/v1/documents/${id}`);
    open = d;
    $('#titre-detail').textContent = `Document : ${d.title}`;
    $('#d-titre').value = d.title;
    $('#d-url').value = d.url || '';
    $('#d-description').value = d.description || '';
    $('#d-service').value = d.service || '';
    $('#d-public').value = (d.audience || []).join(', ');
    $('#d-tags').value = (d.tags || []).join(', ');
    $('#d-texte').value = (d.chunks || []).map((c) => c.text).join('\n\n');
    say($('#doc-erreur'), '');
    personal.reset();
    say($('#doc-etat'), `Statut : ${STATUS[d.status] || d.status}. ${d.chunks?.length || 0} passage(s).`);
    $('#doc-passages').replaceChildren(...(d.chunks || []).map((c) => el('li', {},
      c.heading ? el('p', { class: 'source-titre fr-mb-0' }, c.heading) : null,
      el('p', { class: 'texte-brut' }, c.text))));
    $('#doc-detail').hidden = false;
    $('#titre-detail').focus();
  } catch (err) {
    say($('#docs-erreur'), frenchMessage(err));
  }
}

function closeDocument() {
  open = null;
  $('#doc-detail').hidden = true;
  $('#titre-liste').setAttribute('tabindex', '-1');
  $('#titre-liste').focus();
}

async function saveDocument(ev) {
  ev.preventDefault();
  if (!open) return;
  const body = {
    title: $('#d-titre').value.trim(), text: $('#d-texte').value.trim(), url: $('#d-url').value.trim(),
    description: $('#d-description').value.trim(), service: $('#d-service').value.trim(),
    audience: splitList($('#d-public').value), tags: splitList($('#d-tags').value),
    // The version read: a document changed since is not overwritten (409).
    modified_at: open.modified_at,
  };
  if (!body.title || !body.text) {
    say($('#doc-erreur'), 'Le titre et le texte sont obligatoires.');
    return;
  }
  if (personal.checked()) body.personal_data_checked = true;
  try {
    const saved = await call('PUT', `/v1/documents/${open.id}`, body);
    say($('#doc-erreur'), '');
    personal.reset();
    await loadDocuments();
    await showDocument(saved.id);
    say($('#doc-etat'), 'Document enregistré et redécoupé.');
  } catch (err) {
    say($('#doc-erreur'), personal.refused(err, body) || (err.status === 409
      ? 'Le document a été modifié entre-temps par une autre personne : rouvrez-le pour voir sa version, puis refaites vos changements.'
      : frenchMessage(err)));
  }
}

async function sendFiles(ev) {
  ev.preventDefault();
  const files = [...$('#fichiers').files];
  if (!files.length) {
    say($('#depot-erreur'), 'Choisissez au moins un fichier.');
    $('#fichiers').focus();
    return;
  }
  say($('#depot-erreur'), '');
  const fields = { status: $('#depot-statut').value, service: $('#depot-service').value.trim() };
  const list = $('#depot-resultats');
  list.replaceChildren();
  let failed = false;
  await Promise.all(files.map(async (file, i) => {
    const bar = el('progress', { max: '100', value: '0', id: `depot-${i}` });
    const result = el('span', { role: 'status' }, 'envoi…');
    list.append(el('li', {}, el('label', { class: 'fr-label', for: `depot-${i}` }, file.name), bar, result));
    try {
      const res = await upload(file, fields, (p) => { bar.value = Math.round(p * 100); });
      const docs = res.documents || [];
      result.textContent = `${docs.length} document${docs.length > 1 ? 's' : ''} enregistré${docs.length > 1 ? 's' : ''}`
        + (docs.length ? ` : ${docs.map((d) => `« ${d.title} » (${STATUS[d.status] || d.status})`).join(', ')}` : '')
        + (res.errors?.length ? ` ; ${res.errors.length} erreur(s) : ${res.errors.join(' ; ')}` : '');
      result.className = 'fr-valid-text ok';
    } catch (err) {
      result.textContent = `Échec : ${frenchMessage(err)}`;
      result.className = 'fr-error-text erreur';
      failed = true;
    }
  }));
  // After a failure the files stay chosen: the admin fixes what the error
  // says and sends again without picking them anew (a file already stored
  // comes back unchanged).
  if (!failed) $('#fichiers').value = '';
  offset = 0;
  await loadDocuments();
}

export function initDocuments() {
  $('#form-filtres').addEventListener('submit', (ev) => { ev.preventDefault(); offset = 0; loadDocuments(); });
  $('#docs-prec').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadDocuments(); });
  $('#docs-suiv').addEventListener('click', () => { offset += PAGE; loadDocuments(); });
  $('#form-depot').addEventListener('submit', sendFiles);
  personal = personalGuard($('#doc-pii'), $('#doc-pii-ok'), ['#d-titre', '#d-description', '#d-texte'].map((id) => $(id)));
  $('#form-doc').addEventListener('submit', saveDocument);
  $('#doc-fermer').addEventListener('click', closeDocument);
}
