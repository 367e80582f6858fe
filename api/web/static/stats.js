// stats.js: the statistics view, with charts drawn as inline SVG (no
// external service) and each chart's figures also given as a table.
import { call, frenchMessage } from './api.js';
import { el, $, say, formatDate, formatDay, table as dsfrTable, keyboardScroll } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const pct = (x) => `${Math.round((x || 0) * 100)} %`;
const num = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/**
 * barChart draws vertical bars, each made of stacked segments
 * ({value, class}), with their totals above and their labels below. The SVG
 * is an image whose text alternative is label; a table gives the figures.
 */
function barChart(label, bars) {
  const w = 420, h = 220, top = 24, bottom = 36, side = 22;
  const total = (b) => b.segments.reduce((a, s) => a + s.value, 0);
  const max = Math.max(1, ...bars.map(total));
  const slot = (w - side * 2) / Math.max(1, bars.length);
  const bw = Math.max(4, Math.min(48, slot * 0.7));
  const scale = (h - top - bottom) / max;
  const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': label, class: 'graphique' });
  chart.append(svg('title', {}, label));
  chart.append(svg('line', { x1: side, x2: w - side, y1: h - bottom, y2: h - bottom, class: 'axe' }));
  const every = Math.ceil(bars.length / 7);
  bars.forEach((b, i) => {
    const x = side + i * slot + (slot - bw) / 2;
    let y = h - bottom;
    for (const seg of b.segments) {
      const sh = seg.value * scale;
      y -= sh;
      if (sh > 0) chart.append(svg('rect', { x, y, width: bw, height: sh, class: seg.class || 'barre' }));
    }
    const sum = total(b);
    if (bars.length <= 12 || sum > 0) {
      chart.append(svg('text', { x: x + bw / 2, y: y - 4, 'text-anchor': 'middle', class: 'valeur' }, b.shown ?? sum));
    }
    if (i % every === 0 || (bars.length > 12 && sum > 0)) {
      chart.append(svg('text', { x: x + bw / 2, y: h - bottom + 16, 'text-anchor': 'middle', class: 'etiquette' }, b.label));
    }
  });
  return chart;
}

/** marker draws a series' point: a shape per series, so that colour is not the only cue. */
function marker(shape, x, y, cls) {
  if (shape === 'carre') return svg('rect', { x: x - 4, y: y - 4, width: 8, height: 8, class: `point ${cls}` });
  if (shape === 'triangle') return svg('polygon', { points: `${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`, class: `point ${cls}` });
  return svg('circle', { cx: x, cy: y, r: 4.5, class: `point ${cls}` });
}

/**
 * rateChart draws rates (0 to 1) over days as lines, one per series
 * ({name, class, shape, values: one rate or null per day}); days without a
 * value are skipped. The SVG is an image named by its <title> and described
 * by its <desc>; a table gives the figures.
 */
function rateChart(id, title, desc, days, series) {
  const w = 420, h = 230, top = 14, bottom = 36, left = 60, right = 26;
  const slot = (w - left - right) / Math.max(1, days.length - 1);
  const xAt = (i) => (days.length === 1 ? (left + w - right) / 2 : left + i * slot);
  const yAt = (v) => top + (1 - v) * (h - top - bottom);
  const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', class: 'graphique',
    'aria-labelledby': `${id}-titre ${id}-desc` });
  chart.append(svg('title', { id: `${id}-titre` }, title), svg('desc', { id: `${id}-desc` }, desc));
  for (const v of [0, 0.5, 1]) {
    chart.append(svg('line', { x1: left, x2: w - right, y1: yAt(v), y2: yAt(v), class: v === 0 ? 'axe' : 'repere' }),
      svg('text', { x: left - 6, y: yAt(v) + 5, 'text-anchor': 'end', class: 'etiquette' }, pct(v)));
  }
  const every = Math.ceil(days.length / 7);
  days.forEach((d, i) => {
    if (i % every === 0) {
      chart.append(svg('text', { x: xAt(i), y: h - bottom + 18, 'text-anchor': 'middle', class: 'etiquette' },
        `${d.slice(8, 10)}/${d.slice(5, 7)}`));
    }
  });
  for (const s of series) {
    const pts = s.values.map((v, i) => (v == null ? null : [xAt(i), yAt(v)])).filter(Boolean);
    if (pts.length > 1) chart.append(svg('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: `serie ${s.class}` }));
    for (const [x, y] of pts) chart.append(marker(s.shape, x, y, s.class));
  }
  return chart;
}

/** legend names the segments' colours. */
function legend(items) {
  return el('ul', { class: 'legende' }, items.map(([cls, name]) => el('li', {}, el('span', { class: `pastille ${cls}`, 'aria-hidden': 'true' }), name)));
}

/** table gives a chart's figures as a table, folded under it. */
function table(caption, head, rows) {
  const t = dsfrTable({ caption, head, rows, rowHeads: true, cls: 'fr-table--sm fr-table--no-caption fr-mb-0' });
  // Folded, its width is not known yet: the keyboard can always reach it.
  keyboardScroll(t.querySelector('table'), true);
  return el('details', {}, el('summary', {}, `Données : ${caption}`), t);
}

function figure(label, value) {
  return el('div', { class: 'chiffre' }, el('p', { class: 'valeur-grande' }, value), el('p', {}, label));
}

const CHANNELS = [['spp', 'Services Publics+', 'barre'], ['email', 'Courriel', 'barre c2'], ['conseiller', 'Note conseiller', 'barre c3'],
  ['telephone', 'Téléphone', 'barre c5']];

const LEVELS = [['urgent', 'Urgents', 'barre ko'], ['attention', 'Attention particulière', 'barre c3']];

/** renderLevels charts the urgent and attention messages per day. */
function renderLevels(s, days) {
  const rows = s.attention_per_day || [];
  const byDay = new Map();
  for (const r of rows) byDay.set(`${r.day.slice(0, 10)} ${r.level}`, r.drafts);
  const count = (level) => rows.filter((r) => r.level === level).reduce((a, r) => a + r.drafts, 0);
  const bars = days.map((d) => ({
    label: d.slice(8, 10) + '/' + d.slice(5, 7),
    segments: LEVELS.map(([level, , cls]) => ({ value: byDay.get(`${d} ${level}`) || 0, class: cls })),
  }));
  $('#g-niveaux').replaceChildren(
    barChart(`Messages urgents ou demandant une attention par jour : ${count('urgent')} urgents, ${count('attention')} à suivre`, bars),
    legend(LEVELS.map(([, name, cls]) => [cls, name])),
    table('brouillons par jour et par niveau', ['Jour', 'Niveau', 'Brouillons'],
      rows.map((r) => [formatDay(r.day), r.level, String(r.drafts)])));
}

/** perDay gives every day of the period, zero included, so gaps show. */
function perDay(s) {
  const days = new Map();
  for (const r of s.drafts_per_day || []) {
    const day = r.day.slice(0, 10);
    const byChannel = days.get(day) || {};
    byChannel[r.channel] = (byChannel[r.channel] || 0) + r.drafts;
    days.set(day, byChannel);
  }
  const out = [];
  const end = new Date(s.until);
  for (let d = new Date(s.since); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    const key = d.toISOString().slice(0, 10);
    out.push({ day: key, channels: days.get(key) || {} });
  }
  return out;
}

function render(s) {
  const f = s.feedback || {};
  $('#stats-chiffres').replaceChildren(
    figure('brouillons', num.format(s.drafts || 0)),
    figure('retours des agents', num.format(f.count || 0)),
    figure('note moyenne', f.mean_rating == null ? '—' : `${num.format(f.mean_rating)} / 5`),
    figure('distance moyenne d\'édition (0 : inchangé, 1 : réécrit)', num.format(f.mean_edit_distance || 0)),
    figure('brouillons extractifs', num.format(s.extractive || 0)),
    figure('sans source fiable', num.format(s.no_reliable_source || 0)),
    figure('messages urgents', num.format((s.attention_per_day || []).filter((r) => r.level === 'urgent').reduce((a, r) => a + r.drafts, 0))));

  const days = perDay(s);
  const known = new Set(CHANNELS.map(([c]) => c));
  const dayBars = days.map((d) => ({
    label: d.day.slice(8, 10) + '/' + d.day.slice(5, 7),
    segments: [...CHANNELS.map(([c, , cls]) => ({ value: d.channels[c] || 0, class: cls })),
      { value: Object.entries(d.channels).filter(([c]) => !known.has(c)).reduce((a, [, n]) => a + n, 0), class: 'barre c4' }],
  }));
  const total = (s.drafts_per_day || []).reduce((a, r) => a + r.drafts, 0);
  $('#g-jours').replaceChildren(
    barChart(`Brouillons par jour : ${total} sur ${days.length} jours`, dayBars),
    legend(CHANNELS.map(([, name, cls]) => [cls, name])),
    table('brouillons par jour et par canal', ['Jour', 'Canal', 'Brouillons'],
      (s.drafts_per_day || []).map((r) => [formatDay(r.day), r.channel, String(r.drafts)])));

  renderRates(s, days.map((d) => d.day));
  renderLevels(s, days.map((d) => d.day));

  const ratings = [1, 2, 3, 4, 5].map((n) => ({ label: `${n}`, value: (f.ratings || {})[n] || 0 }));
  $('#g-notes').replaceChildren(
    barChart(`Répartition des notes : ${ratings.map((r) => `${r.value} × ${r.label}`).join(', ')}`,
      ratings.map((r) => ({ label: r.label, segments: [{ value: r.value }] }))),
    table('répartition des notes', ['Note', 'Nombre'], ratings.map((r) => [`${r.label} / 5`, String(r.value)])));

  const gaps = s.gaps || [];
  $('#lacunes').replaceChildren(gaps.length
    ? dsfrTable({ caption: 'Questions sans source fiable', head: ['Question (masquée)', 'Fois', 'Dernière'], cls: 'fr-table--sm fr-table--no-caption fr-table--multiline',
      rows: gaps.map((g) => [g.question, String(g.count), formatDate(g.last)]) })
    : el('p', {}, 'Aucune : toutes les questions ont trouvé une source fiable.'));
  if (gaps.length) keyboardScroll($('#lacunes table'));
}

const OUTCOMES = [
  { key: 'accepted', name: 'Envoyés tels quels', class: 'ok', shape: 'rond' },
  { key: 'edited', name: 'Modifiés', class: 'c1', shape: 'carre' },
  { key: 'rejected', name: 'Rejetés', class: 'ko', shape: 'triangle' },
];

/** renderRates charts the acceptance, edit and reject rates by feedback day. */
function renderRates(s, days) {
  const f = s.feedback || {};
  const byDay = new Map((s.feedback_per_day || []).map((r) => [r.day.slice(0, 10), r]));
  const total = (r) => r.accepted + r.edited + r.rejected;
  const series = OUTCOMES.map((o) => ({ ...o, values: days.map((d) => {
    const r = byDay.get(d);
    return r && total(r) > 0 ? r[o.key] / total(r) : null;
  }) }));
  const withFeedback = days.filter((d) => byDay.has(d));
  const overall = `Sur la période : envoyés tels quels ${pct(f.acceptance_rate)}, modifiés ${pct(f.edit_rate)}, rejetés ${pct(f.reject_rate)}`
    + ` (${f.count || 0} retour${(f.count || 0) > 1 ? 's' : ''}).`;
  let desc = `Aucun retour sur les ${days.length} jours de la période.`;
  if (withFeedback.length) {
    const lastDay = withFeedback[withFeedback.length - 1];
    const r = byDay.get(lastDay);
    desc = `${withFeedback.length} jour${withFeedback.length > 1 ? 's' : ''} avec des retours sur ${days.length}. ${overall} `
      + `Dernier jour, ${formatDay(lastDay)} : ${OUTCOMES.map((o) => `${o.name.toLowerCase()} ${pct(r[o.key] / total(r))}`).join(', ')}.`;
  }
  const rows = (s.feedback_per_day || []).map((r) => [formatDay(r.day), String(total(r)),
    ...OUTCOMES.map((o) => `${r[o.key]} (${pct(r[o.key] / (total(r) || 1))})`),
    r.mean_rating == null ? '—' : `${num.format(r.mean_rating)} / 5`, num.format(r.mean_edit_distance || 0)]);
  $('#g-issues').replaceChildren(
    rateChart('g-taux', 'Suite donnée aux brouillons par jour, en part des retours', desc, days, series),
    el('ul', { class: 'legende' }, OUTCOMES.map((o) => el('li', {}, legendKey(o), o.name))),
    el('p', { class: 'fr-text--sm' }, overall),
    table('suite donnée par jour de retour', ['Jour', 'Retours', ...OUTCOMES.map((o) => o.name), 'Note moyenne', 'Distance d\'édition moyenne'], rows));
}

/** legendKey draws a series' line and point, as in the chart. */
function legendKey(o) {
  return svg('svg', { width: 22, height: 14, viewBox: '0 0 22 14', 'aria-hidden': 'true', class: 'cle-legende' },
    svg('line', { x1: 0, x2: 22, y1: 7, y2: 7, class: `serie ${o.class}` }), marker(o.shape, 11, 7, o.class));
}

export async function loadStats() {
  say($('#stats-erreur'), '');
  try {
    const p = new URLSearchParams({ days: $('#s-jours').value });
    const service = $('#s-service').value.trim();
    if (service) p.set('service', service);
    render(await call('GET', `/v1/stats?${p}`));
  } catch (err) {
    say($('#stats-erreur'), frenchMessage(err));
  }
}

export function initStats() {
  $('#form-stats').addEventListener('submit', (ev) => { ev.preventDefault(); loadStats(); });
}
