// The territory page, /territoire/{communes|quartiers|bassins}/{code} (/gebied/… for Dutch
// readers): the offer of one territory for bassin coordinators — totals, the needs table with
// the needs nobody serves, a map of one need across a layer, the CSV. State in the URL:
// `lang`, `synthetic=include`, `need`, `map` (the map's layer).
import * as api from './api.js';
import { h, clear } from './dom.js';
import { t, applyStatic, formatNumber, UI_LANGS } from './i18n.js';
import { browserLang, safeStorage } from './state.js';
import { TERRITORY_LAYERS, territoryHref } from './places.js';
import { renderNeedsTable, renderUnserved, renderMapTable, sortText } from './territory_table.js';
import { Choropleth } from './choropleth.js';

const $ = (id) => document.getElementById(id);
const CODE = /^[A-Za-z0-9-]{1,40}$/;
const DEFAULT_MAP = 'quartiers';
/** The totals, each with its label key (`…_text` says what it counts). */
const TOTALS = [
  ['located_in', 'terr.located_in'],
  ['located_in_area_unknown', 'terr.area_unknown'],
  ['serving', 'terr.serving'],
  ['serving_region_wide', 'terr.region_wide'],
];

/** `{root, layer, code, valid}` of the page path, or null when it is not a territory path. */
function parseRoute(pathname) {
  const match = /^\/(territoire|gebied)\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  let code = '';
  try {
    code = decodeURIComponent(match[3]);
  } catch {
    return null;
  }
  return { root: match[1], layer: match[2], code, valid: TERRITORY_LAYERS.includes(match[2]) && CODE.test(code) };
}

function readState() {
  const params = new URLSearchParams(window.location.search);
  const route = parseRoute(window.location.pathname);
  const asked = params.get('lang');
  const map = params.get('map');
  return {
    route,
    lang: UI_LANGS.includes(asked) ? asked : route?.root === 'gebied' ? 'nl' : browserLang(),
    synthetic: params.get('synthetic') === 'include' ? 'include' : 'exclude',
    need: (params.get('need') || '').slice(0, 80),
    mapLayer: TERRITORY_LAYERS.includes(map) ? map : DEFAULT_MAP,
    sort: { key: 'label', dir: 1 },
  };
}

const state = readState();
const lang = state.lang;
let offer = null;
let choropleth = null;
let mapRequest = 0;
let outlined = false;

/** The page link of a territory with the page's options, in `uiLang`. */
function pageHref(layer, code, uiLang = lang) {
  const params = new URLSearchParams({ lang: uiLang });
  if (state.synthetic === 'include') params.set('synthetic', 'include');
  if (state.need) params.set('need', state.need);
  if (state.mapLayer !== DEFAULT_MAP) params.set('map', state.mapLayer);
  return `${territoryHref(layer, code, uiLang).split('?')[0]}?${params.toString()}`;
}

function saveUrl() {
  if (state.route?.valid) window.history.replaceState(null, '', pageHref(state.route.layer, state.route.code));
}

function applyLanguage() {
  document.documentElement.lang = lang;
  applyStatic(document, lang);
  safeStorage()?.setItem('orienta.lang', lang);
  $('back-link').href = `/?lang=${lang}`;
  $('brand-link').href = `/?lang=${lang}`;
  updateLangLinks();
}

function updateLangLinks() {
  for (const link of document.querySelectorAll('[data-ui-lang]')) {
    const other = link.dataset.uiLang;
    link.href = state.route?.valid ? pageHref(state.route.layer, state.route.code, other) : `?lang=${other}`;
    if (other === lang) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

function showNotFound() {
  let path = window.location.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Shown as typed.
  }
  document.title = `${t(lang, 'terr.not_found_title')} — Orienta`;
  $('territory').hidden = true;
  $('not-found').hidden = false;
  $('not-found-text').textContent = t(lang, 'terr.not_found', { path });
  $('territory-status').textContent = '';
}

async function loadOffer() {
  const { layer, code } = state.route;
  $('territory-status').textContent = t(lang, 'terr.loading');
  $('territory').setAttribute('aria-busy', 'true');
  try {
    offer = await api.territoryOffer(layer, code, lang, state.synthetic);
  } catch (error) {
    offer = null;
    if (error?.status === 404) showNotFound();
    else $('territory-status').textContent = t(lang, 'terr.error', { detail: error?.message || '' });
    return;
  } finally {
    $('territory').removeAttribute('aria-busy');
  }
  renderOffer();
}

function renderOffer() {
  const { layer, code } = state.route;
  const name = offer.territory?.name || code;
  document.title = t(lang, 'terr.doc_title', { name });
  $('not-found').hidden = true;
  $('territory').hidden = false;
  $('territory-title').textContent = name;
  $('territory-kind').textContent = t(lang, 'terr.subtitle', { kind: t(lang, `terr.kind.${layer}`) });
  const included = offer.synthetic === 'include';
  $('t-synthetic').checked = included;
  $('synthetic-note').textContent = t(lang, included ? 'terr.synthetic_included' : 'terr.synthetic_excluded');
  $('synthetic-note').classList.toggle('included', included);
  renderTotals();
  const population = typeof offer.population === 'number' ? offer.population : null;
  $('population-note').textContent = population === null
    ? t(lang, 'terr.no_population') : t(lang, 'terr.population', { n: formatNumber(lang, population) });
  $('csv-link').href = api.offerCsvHref(layer, code, lang, offer.synthetic || state.synthetic);
  $('csv-link').setAttribute('download', `orienta-${layer}-${code}-${lang}.csv`);
  renderUnserved($('unserved'), offer, lang);
  renderTable();
  fillNeedPicker();
  $('territory-status').textContent = '';
}

function renderTotals() {
  const list = clear($('totals'));
  for (const [key, label] of TOTALS) {
    list.append(h('div', { class: 'total', dataset: { total: key } },
      h('dt', {}, t(lang, label)),
      h('dd', {}, h('span', { class: 'total-value' }, formatNumber(lang, offer[key] ?? 0)),
        h('span', { class: 'total-text' }, t(lang, `${label}_text`)))));
  }
}

function renderTable() {
  renderNeedsTable($('needs-table'), offer, lang, state.sort, (sort) => {
    state.sort = sort;
    renderTable();
    $('sort-status').textContent = sortText(sort, lang, typeof offer.population === 'number');
    $('needs-table').querySelector('th[aria-sort] button')?.focus();
  });
}

/** The map's need picker: every service, then every need by label. */
function fillNeedPicker() {
  const select = clear($('map-need'));
  const needs = [...(offer.needs || [])].sort((left, right) => left.label.localeCompare(right.label, lang));
  if (state.need && !needs.some((need) => need.id === state.need)) state.need = '';
  select.append(h('option', { value: '' }, t(lang, 'terr.map_all')),
    ...needs.map((need) => h('option', { value: need.id }, need.label)));
  select.value = state.need;
}

/** Draws the chosen need across the chosen layer (the newest request wins). */
async function drawMap() {
  if (!window.L || !state.route?.valid) return;
  if (!choropleth) {
    choropleth = new Choropleth($('choropleth'), $('choropleth-legend'), {
      onOpen: (code) => { window.location.href = pageHref(state.mapLayer, code); },
    });
    choropleth.setLang(lang);
  }
  const request = ++mapRequest;
  const layer = state.mapLayer;
  $('map-layer').value = layer;
  $('map-status').textContent = t(lang, 'terr.map_loading');
  try {
    const [collection, layerOffer, own] = await Promise.all([
      api.territories(layer), api.layerOffer(layer, state.need, lang, state.synthetic), api.territories(state.route.layer),
    ]);
    if (request !== mapRequest) return;
    const drawn = choropleth.draw(layer, collection, layerOffer, lang);
    if (!outlined) {
      choropleth.setCurrent(state.route.layer, state.route.code, own);
      outlined = true;
    }
    choropleth.renderLegend(drawn, lang, offer?.territory?.name || '');
    const need = layerOffer.need?.label || t(lang, 'terr.map_all');
    const layerName = t(lang, `layer.${layer}`).toLocaleLowerCase(lang);
    $('map-metric').textContent = t(lang, drawn.perCapita ? 'terr.map_metric_per' : 'terr.map_metric');
    $('choropleth').setAttribute('aria-label', t(lang, 'terr.map_label', { need, layer: layerName }));
    renderMapTable($('map-table'), layerOffer, lang, t(lang, 'terr.map_table_caption', { need, layer: layerName }),
      (code) => pageHref(layer, code));
    $('map-status').textContent = t(lang, 'terr.map_status', { need, layer: layerName });
  } catch (error) {
    if (request === mapRequest) $('map-status').textContent = t(lang, 'terr.map_error', { detail: error?.message || '' });
  }
}

function wire() {
  $('t-synthetic').addEventListener('change', async (event) => {
    state.synthetic = event.target.checked ? 'include' : 'exclude';
    saveUrl();
    updateLangLinks();
    await loadOffer();
    if (offer) $('territory-status').textContent = $('synthetic-note').textContent;
    drawMap();
  });
  $('map-need').addEventListener('change', (event) => {
    state.need = event.target.value;
    saveUrl();
    updateLangLinks();
    drawMap();
  });
  $('map-layer').addEventListener('change', (event) => {
    state.mapLayer = TERRITORY_LAYERS.includes(event.target.value) ? event.target.value : DEFAULT_MAP;
    saveUrl();
    updateLangLinks();
    drawMap();
  });
}

async function start() {
  applyLanguage();
  wire();
  if (!state.route?.valid) {
    showNotFound();
    document.body.dataset.ready = 'true';
    return;
  }
  saveUrl();
  await loadOffer();
  document.body.dataset.ready = 'true';
  if (offer) drawMap();
}

start();
