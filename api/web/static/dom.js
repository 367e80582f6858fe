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

/**
 * latest returns a function to call when a request starts: it returns in
 * turn a function that says, when the answer comes, whether that request
 * is still the latest, so that an older, slower answer is dropped.
 */
export function latest() {
  let n = 0;
  return () => {
    const mine = ++n;
    return () => mine === n;
  };
}

/**
 * showError puts message in a field's error text (fr-error-text) and marks
 * the field and its group invalid (fr-input-group--error); an empty
 * message clears them.
 */
export function showError(field, node, message) {
  say(node, message);
  field.closest('.fr-input-group')?.classList.toggle('fr-input-group--error', !!message);
  if (message) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
}

/**
 * required shows message at an empty field and gives it the focus; it
 * reports whether the field is filled.
 */
export function required(field, node, message) {
  const filled = field.value.trim() !== '';
  showError(field, node, filled ? '' : message);
  if (!filled) field.focus();
  return filled;
}

/** badge returns a DSFR badge: kind is success, error, warning, info, new or "". */
export function badge(text, kind = '', cls = '') {
  return el('span', { class: `fr-badge fr-badge--sm${kind ? ` fr-badge--${kind}` : ''}${cls ? ` ${cls}` : ''}` }, text);
}

/** alertBox returns a DSFR alert (small without a title): kind is error, warning, info or success. */
export function alertBox(kind, title, ...body) {
  const small = !title;
  return el('div', { class: `fr-alert fr-alert--${kind}${small ? ' fr-alert--sm' : ''}` },
    title ? el('h3', { class: 'fr-alert__title' }, title) : null,
    body.length ? el('p', {}, ...body) : null);
}

/**
 * table returns a DSFR table (fr-table and its wrappers) with an id, a
 * caption, column heads and rows (arrays of cells: strings or nodes; the
 * first cell of each row heads it when rowHeads is set).
 */
export function table({ id, caption, head, rows = [], rowHeads = false, cls = '' }) {
  const t = el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => row(r, rowHeads))));
  return el('div', { class: `fr-table${cls ? ` ${cls}` : ''}` },
    el('div', { class: 'fr-table__wrapper' }, el('div', { class: 'fr-table__container' },
      el('div', { class: 'fr-table__content' }, t))));
}

/** row returns a table row of cells (strings or nodes). */
export function row(cells, rowHead = false) {
  return el('tr', {}, cells.map((c, i) => (rowHead && i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c))));
}

/**
 * buildTables fills each placeholder <div class="fr-table" data-tableau=ID
 * data-titre=CAPTION data-colonnes="A|B|C"> with its empty table, so that
 * the page's markup names each table once.
 */
export function buildTables() {
  for (const holder of document.querySelectorAll('[data-tableau]')) {
    const built = table({ id: holder.dataset.tableau, caption: holder.dataset.titre, head: holder.dataset.colonnes.split('|') });
    holder.replaceChildren(...built.childNodes);
  }
}

/** fillTable puts rows in a table's body (see keyboardScroll). */
export function fillTable(t, rows) {
  t.tBodies[0].replaceChildren(...rows);
  keyboardScroll(t);
}

/**
 * keyboardScroll lets the keyboard reach and scroll a table's frame when
 * the table is wider than it (or always, for a table not shown yet), named
 * by the table's caption.
 */
export function keyboardScroll(t, always = false) {
  const frame = t.closest('.fr-table__container');
  if (!frame) return;
  const scrolls = always || frame.scrollWidth > frame.clientWidth;
  for (const [k, v] of [['tabindex', '0'], ['role', 'region'], ['aria-label', `Tableau : ${t.caption?.textContent || ''}`]]) {
    if (scrolls) frame.setAttribute(k, v);
    else frame.removeAttribute(k);
  }
}

/** buildRadios fills each fieldset[data-radios] with one inline DSFR radio per value of data-valeurs. */
export function buildRadios() {
  for (const set of document.querySelectorAll('fieldset[data-radios]')) {
    const name = set.dataset.radios;
    set.append(...set.dataset.valeurs.split(' ').map((v) => el('div', { class: 'fr-fieldset__element fr-fieldset__element--inline' },
      el('div', { class: 'fr-radio-group' }, el('input', { type: 'radio', id: `${name}-${v}`, name, value: v }),
        el('label', { class: 'fr-label', for: `${name}-${v}` }, v)))));
  }
}

const PERIODS = { 7: '7 derniers jours', 30: '30 derniers jours', 90: '90 derniers jours', 180: '6 derniers mois', 365: 'Un an' };

/**
 * buildPeriodForms fills each <form class="periode" data-prefixe=P
 * data-periodes="7 30…" data-defaut=N> with a period (P-jours), a service
 * (P-service) and its submit button, before the buttons it already holds.
 */
export function buildPeriodForms() {
  for (const form of document.querySelectorAll('form.periode')) {
    const p = form.dataset.prefixe;
    const extra = [...form.children];
    const select = el('select', { class: 'fr-select', id: `${p}-jours` }, form.dataset.periodes.split(' ').map((d) =>
      el('option', { value: d, selected: d === form.dataset.defaut }, PERIODS[d] || `${d} jours`)));
    form.replaceChildren(
      el('div', { class: 'fr-col-12 fr-col-md-4' }, el('div', { class: 'fr-select-group' },
        el('label', { class: 'fr-label', for: select.id }, 'Période'), select)),
      el('div', { class: 'fr-col-12 fr-col-md-4' }, el('div', { class: 'fr-input-group' },
        el('label', { class: 'fr-label', for: `${p}-service` }, 'Service ', el('span', { class: 'fr-hint-text' }, 'Vide : tous ceux de votre accès.')),
        el('input', { class: 'fr-input', id: `${p}-service`, type: 'text', autocomplete: 'off' }))),
      el('div', { class: 'fr-col-12 actions' }, el('button', { type: 'submit', class: 'fr-btn fr-icon-refresh-line fr-btn--icon-left' }, 'Actualiser'), ...extra));
  }
}
