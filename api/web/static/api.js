// api.js: the calls to plume's HTTP API, with the key kept for this tab.

const KEY = 'plume.cle';

/**
 * ApiError is a failed call: its status and the API's code and message,
 * and for a document refused for personal data, the findings (field, type,
 * byte offsets).
 */
export class ApiError extends Error {
  constructor(status, code, message, findings = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.findings = findings;
  }
}

export function getKey() { return sessionStorage.getItem(KEY) || ''; }

// csrf is the session's CSRF token when the agent signed in through the
// identity provider (the session itself is an HttpOnly cookie).
let csrf = '';
export function setSession(token) { csrf = token || ''; }
export function hasSession() { return csrf !== ''; }
export function setKey(k) { sessionStorage.setItem(KEY, k); }
export function clearKey() { sessionStorage.removeItem(KEY); }

// onUnauthorized is called when the API refuses the key (401).
let unauthorized = () => {};
export function onUnauthorized(f) { unauthorized = f; }

const MESSAGES = {
  401: 'Clé refusée : elle est inconnue, révoquée ou mal recopiée.',
  403: "Vous n'avez pas le droit de faire cette opération.",
  404: "Élément introuvable : il a peut-être été supprimé.",
  409: 'Cet élément existe déjà.',
  413: 'Contenu trop volumineux.',
  415: 'Type de fichier non pris en charge.',
  429: 'Trop de demandes rapprochées : patientez quelques secondes puis réessayez.',
};

/** frenchMessage explains an error to the agent, in French. */
export function frenchMessage(err) {
  if (err instanceof ApiError) {
    // A refusal for personal data is explained in French by the API.
    if (err.code === 'personal_data' && err.message) return err.message;
    const base = MESSAGES[err.status] || (err.status >= 500
      ? 'Le service a rencontré une erreur. Réessayez dans un instant.'
      : 'Demande refusée.');
    // The API's own message (in English) helps for 400s and 409s, kept as detail.
    return (err.status === 400 || err.status === 409) && err.message ? `${base} (${err.message})` : base;
  }
  return 'Le service ne répond pas : vérifiez votre connexion puis réessayez.';
}

async function errorFrom(resp) {
  let code = '', message = '', findings = [];
  try {
    const body = await resp.json();
    code = body?.error?.code || '';
    message = body?.error?.message || '';
    findings = Array.isArray(body?.findings) ? body.findings : [];
  } catch { /* not JSON */ }
  if (resp.status === 401) unauthorized();
  return new ApiError(resp.status, code, message, findings);
}

function authHeaders() {
  if (getKey()) return { Authorization: `Bearer ${getKey()}` };
  return csrf ? { 'X-CSRF-Token': csrf } : {};
}

function headers(extra = {}) {
  return { ...authHeaders(), ...extra };
}

/** download fetches path and offers it to the browser as a file. */
export async function download(path, name) {
  const resp = await fetch(path, { headers: headers() });
  if (!resp.ok) throw await errorFrom(resp);
  const url = URL.createObjectURL(await resp.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** signInConfig says whether the identity provider is offered, and its name. */
export async function signInConfig() {
  const resp = await fetch('/auth/config');
  if (!resp.ok) return { oidc: false };
  return resp.json();
}

/** logout ends the session and returns where the browser goes next. */
export async function logout() {
  const resp = await fetch('/auth/logout', { method: 'POST', headers: headers() });
  csrf = '';
  if (!resp.ok) return '/';
  return (await resp.json()).redirect || '/';
}

/** call sends a JSON request and returns the decoded answer (null for 204). */
export async function call(method, path, body) {
  const init = { method, headers: headers() };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const resp = await fetch(path, init);
  if (!resp.ok) throw await errorFrom(resp);
  if (resp.status === 204) return null;
  return resp.json();
}

/**
 * streamDraft posts a draft request as server-sent events (EventSource
 * cannot POST): onText(text, replace) gets each piece of checked text, to
 * append, or with replace to show instead of what is shown; the promise
 * resolves with the final draft or rejects with the error event.
 */
export async function streamDraft(body, onText, signal) {
  const resp = await fetch('/v1/drafts', {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
    body: JSON.stringify(body),
    signal,
  });
  if (!resp.ok) throw await errorFrom(resp);
  const reader = resp.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buf += value;
    let cut;
    while ((cut = buf.search(/\r?\n\r?\n/)) >= 0) {
      const block = buf.slice(0, cut);
      buf = buf.slice(cut).replace(/^\r?\n\r?\n/, '');
      const ev = parseEvent(block);
      if (!ev) continue;
      if (ev.event === 'delta') onText(JSON.parse(ev.data).text || '', false);
      else if (ev.event === 'replace') onText(JSON.parse(ev.data).text || '', true);
      else if (ev.event === 'draft') return JSON.parse(ev.data);
      else if (ev.event === 'error') {
        const e = JSON.parse(ev.data).error || {};
        throw new ApiError(500, e.code || '', e.message || '');
      }
    }
    if (done) throw new ApiError(500, 'stream_ended', 'le flux s\'est interrompu');
  }
}

/** parseEvent reads one server-sent event block. */
export function parseEvent(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    let val = i < 0 ? '' : line.slice(i + 1);
    if (val.startsWith(' ')) val = val.slice(1);
    if (field === 'event') event = val;
    else if (field === 'data') data.push(val);
  }
  return data.length ? { event, data: data.join('\n') } : null;
}

/**
 * upload posts one file as multipart/form-data with XMLHttpRequest, whose
 * upload events give the progress (fetch has none); onProgress gets 0 to 1.
 */
export function upload(file, fields, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('file', file, file.name);
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/documents');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) { onProgress(1); resolve(xhr.response); return; }
      if (xhr.status === 401) unauthorized();
      const e = xhr.response?.error || {};
      reject(new ApiError(xhr.status, e.code || '', e.message || ''));
    };
    xhr.onerror = () => reject(new TypeError('réseau'));
    xhr.send(form);
  });
}
