// The printable referral sheet: /print?ids=a,b&lang=fr|nl&ui=fr|nl|en.
// The sheet is in the caller's language (`lang`), the toolbar in the interface language (`ui`).
import * as api from './api.js';
import { h, clear } from './dom.js';
import { t, pick, applyStatic, labelled, languageName, localeOf, UI_LANGS } from './i18n.js';
import { browserLang, parsePoint } from './state.js';
import { addressLine, phoneDisplay, languageCodes, hoursTextOf, formatDistance } from './format.js';
import { needLabel } from './filters.js';
import { locationSketch } from './sketch.js';

const MAX_SERVICES = 12;
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
const ids = [...new Set((params.get('ids') || '').split(',').map((id) => id.trim()).filter(Boolean))].slice(0, MAX_SERVICES);
const uiLang = UI_LANGS.includes(params.get('ui')) ? params.get('ui') : browserLang();
let sheetLang = params.get('lang') === 'nl' || params.get('lang') === 'fr' ? params.get('lang') : (uiLang === 'nl' ? 'nl' : 'fr');
const where = (params.get('where') || '').slice(0, 200);
const near = parsePoint(params.get('near'));
let records = [];
let needs = [];
let streets = null;

function renderToolbar() {
  document.documentElement.lang = uiLang;
  applyStatic(document.querySelector('.toolbar'), uiLang);
  $('sheet-lang').value = sheetLang;
  const referrer = document.referrer ? new URL(document.referrer) : null;
  $('back').href = referrer && referrer.origin === window.location.origin && referrer.pathname === '/'
    ? `${referrer.pathname}${referrer.search}` : `/?lang=${uiLang}`;
}

function renderSheet() {
  const lang = sheetLang;
  document.title = `Orienta — ${t(lang, 'print.title')}`;
  $('sheet').lang = lang;
  $('sheet-title').textContent = t(lang, 'print.title');
  const date = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  $('sheet-date').textContent = t(lang, 'print.prepared', { date });
  $('for-label').textContent = labelled(lang, 'print.for');
  $('by-label').textContent = labelled(lang, 'print.by');
  $('sheet-intro').textContent = t(lang, 'print.intro');
  const address = $('sheet-address');
  address.hidden = !where;
  address.textContent = where ? t(lang, 'print.address', { place: where }) : '';
  renderSketch(lang);
  $('sheet-source').textContent = `${t(lang, 'print.source')} — ${window.location.origin}/`;
  const list = clear($('services'));
  if (ids.length === 0) {
    $('sheet-status').textContent = t(lang, 'print.empty');
    return;
  }
  $('sheet-status').textContent = '';
  for (const entry of records) list.append(entry.record ? serviceItem(entry.record, lang) : failedItem(entry.id, lang));
  const anySample = records.some((entry) => entry.record?.synthetic);
  $('sample-note').hidden = !anySample;
  $('sample-note').textContent = anySample ? t(lang, 'print.sample_note') : '';
}

/** The location sketch: the person's address and the numbered services on the streets. */
function renderSketch(lang) {
  const figure = clear($('sheet-sketch'));
  const services = records.map((entry, index) => {
    const main = entry.record?.locations?.[0];
    return { n: index + 1, lat: main?.lat, lon: main?.lon };
  });
  const drawing = locationSketch({
    point: near, services, streets,
    title: t(lang, 'print.sketch'), pointLabel: t(lang, 'print.sketch_point'),
    distance: (metres) => formatDistance(lang, metres),
  });
  figure.hidden = !drawing;
  if (!drawing) return;
  figure.append(drawing, h('figcaption', {}, t(lang, 'print.sketch_key')));
}

const MAX_NEEDS = 4;

/** "https://example.org/" → "example.org": shorter on paper. */
function bareUrl(url) {
  return String(url).replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** A text in the sheet language, or in the other one with "(in French)" after it. */
function localized(text, lang) {
  const found = pick(text, lang);
  if (!found) return null;
  const flat = found.text.replace(/\s*\n+\s*/g, ' · ');
  if (found.lang === lang) return h('span', {}, flat);
  return h('span', {}, h('span', { lang: found.lang }, flat), ` ${t(lang, `lang.in_${found.lang}`)}`);
}

/**
 * Who may go and how: the access text, then whom the service serves ("Dessert Schaerbeek",
 * marked when it is only inferred) — on the access line, so a sheet of five services stays on one page.
 * An area that is not stated says nothing useful to the person and is left to the detail.
 */
function accessWithArea(record, lang) {
  const access = localized(record.access, lang);
  const area = record.service_area;
  const known = area?.text && area.status !== 'unknown';
  if (!known) return access;
  const textLang = area.lang && area.lang !== lang ? area.lang : null;
  // Only an inferred area says so here: a declared or read one is the record's own word.
  const status = area.status === 'inferred' ? t(lang, 'print.area_inferred') : '';
  const served = h('span', { class: 'service-area' }, h('span', { lang: textLang }, area.text),
    status ? h('small', {}, ` (${status})`) : null);
  return access ? h('span', {}, access, ' · ', served) : served;
}

function serviceItem(record, lang) {
  const name = pick(record.name, lang) || { text: record.id, lang };
  const facts = h('dl', {});
  const add = (key, value, wide = true) => {
    if (value) facts.append(h('div', { class: wide ? 'fact wide' : 'fact' }, h('dt', {}, t(lang, key)), h('dd', {}, value)));
  };
  const main = record.locations?.[0];
  // The distance on the address line: one line less per service keeps the sheet on one page.
  const metres = distanceFrom(near, main);
  const distance = metres === null ? '' : ` · ${t(lang, 'print.distance', { distance: formatDistance(lang, metres) })}`;
  add('result.address', main ? `${addressLine(main.address, lang)}${distance}` : '');
  const phones = (record.phones || []).filter((phone) => phone.kind !== 'fax').map(phoneDisplay);
  const contact = [...phones, ...(record.emails || []).slice(0, 1), ...(record.websites || []).slice(0, 1).map(bareUrl)];
  add('detail.contact', contact.join('  ·  '));
  add('result.hours', localized(hoursTextOf(record), lang));
  const codes = languageCodes(record.languages);
  add('detail.languages', codes.map((code) => languageName(code, lang)).join(', '), false);
  add('detail.access', accessWithArea(record, lang), false);
  const needNames = (record.needs || []).slice(0, MAX_NEEDS).map((need) => {
    const id = typeof need === 'string' ? need : need.id;
    const known = needs.find((candidate) => String(candidate.id) === id);
    return known ? needLabel(known, lang) : (need.label || id);
  });
  const stale = pick((record.notices || []).find((notice) => notice.kind === 'stale')?.text, lang);
  return h('li', { class: 'service' },
    h('div', { class: 'service-head' },
      h('h2', { lang: name.lang !== lang ? name.lang : null }, name.text),
      record.synthetic ? h('p', { class: 'sample' }, `⚠ ${t(lang, 'badge.sample')}`) : null,
      stale ? h('p', { class: 'stale' }, `⚠ ${stale.text}`) : null),
    needNames.length ? h('p', { class: 'needs' }, needNames.join(' · ')) : null,
    facts);
}

/** Metres from the person's point to a location (great circle), or null. */
function distanceFrom(point, location) {
  if (!point || typeof location?.lat !== 'number' || typeof location?.lon !== 'number') return null;
  const radians = (degrees) => (degrees * Math.PI) / 180;
  const dLat = radians(location.lat - point.lat);
  const dLon = radians(location.lon - point.lon);
  const a = Math.sin(dLat / 2) ** 2
    + Math.cos(radians(point.lat)) * Math.cos(radians(location.lat)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371000 * Math.asin(Math.sqrt(a)));
}

function failedItem(id, lang) {
  return h('li', { class: 'service failed' }, t(lang, 'print.failed', { id }));
}

async function load() {
  renderToolbar();
  renderSheet();
  const [needList, streetLines, ...loaded] = await Promise.allSettled([
    api.needs(sheetLang), ids.length && near ? api.streets() : Promise.resolve(null), ...ids.map((id) => api.organisation(id, sheetLang)),
  ]);
  needs = needList.status === 'fulfilled' ? needList.value : [];
  streets = streetLines.status === 'fulfilled' ? streetLines.value : null;
  records = loaded.map((result, index) => ({ id: ids[index], record: result.status === 'fulfilled' ? result.value : null }));
  renderSheet();
  document.body.dataset.ready = 'true';
}

$('sheet-lang').addEventListener('change', (event) => {
  sheetLang = event.target.value === 'nl' ? 'nl' : 'fr';
  const next = new URLSearchParams(window.location.search);
  next.set('lang', sheetLang);
  window.history.replaceState(null, '', `?${next.toString()}`);
  renderSheet();
});
$('print-button').addEventListener('click', () => window.print());
load();
