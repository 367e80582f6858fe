// dom.js: small helpers to build the page with DOM nodes. Text always goes
// in as text nodes: nothing the API or the model returns is parsed as HTML.

/** el creates an element with properties, attributes and children. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export const $ = (sel) => document.querySelector(sel);

/** say puts a message in a status or alert element. */
export function say(node, message) { node.textContent = message || ''; }

const dateFmt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
// Days (YYYY-MM-DD) are UTC days: shown as such, whatever the browser's zone.
const dayFmt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' });
export function formatDate(s) { return s ? dateFmt.format(new Date(s)) : '—'; }
export function formatDay(s) { return s ? dayFmt.format(new Date(s)) : '—'; }

export function splitList(s) {
  return s.split(',').map((t) => t.trim()).filter(Boolean);
}

/**
 * spansByBytes cuts text at the UTF-8 byte offsets of entities (the API
 * counts bytes, JavaScript counts UTF-16 units) and returns the pieces in
 * order: {text} for plain text, {text, entity} for a masked value.
 * Entities out of range or overlapping the previous one are ignored.
 */
export function spansByBytes(text, entities) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = [];
  let at = 0;
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  for (const e of sorted) {
    if (e.start < at || e.end > bytes.length || e.end <= e.start) continue;
    if (e.start > at) out.push({ text: dec.decode(bytes.subarray(at, e.start)) });
    out.push({ text: dec.decode(bytes.subarray(e.start, e.end)), entity: e });
    at = e.end;
  }
  if (at < bytes.length) out.push({ text: dec.decode(bytes.subarray(at)) });
  return out;
}
