// The search page: wires the state (URL), the API, the form, the results, the map and the detail.
import * as api from './api.js';
import { h, clear } from './dom.js';
import { t, applyStatic, UI_LANGS, rememberLanguageNames } from './i18n.js';
import { stateFromSearch, searchOf, sameSearch, emptyState, safeStorage } from './state.js';
import { Combobox } from './combobox.js';
import { Filters } from './filters.js';
import { ResultMap } from './map.js';
import { renderResults, renderStatus, renderFacets, renderPagination } from './results.js';
import { renderDetail, recordContactText } from './detail.js';
import { Sheet, renderHelpdesk, storeCallerLang, printHref, callerLang, copyText, toast } from './helpdesk.js';
import { contactText } from './format.js';
import { placeName, placeOf } from './places.js';
import { wireStaff } from './staff.js';
import { withPlace, placeFromBox } from './place_box.js';
import { loadSampleNotice, renderSampleNotice } from './samples.js';
import { renderServesSwitch, wireServesSwitch, renderServesNote, renderTerritoryLinks } from './serves.js';

const $ = (id) => document.getElementById(id);
const sheet = new Sheet();
const filters = new Filters();
let state = stateFromSearch(window.location.search);
let lastData = null;
let map = null;
let detailPushed = false;
let detailOpener = null;
let detailLoading = '';

function navigate(next, { push = true } = {}) {
  const url = searchOf(next);
  if (url !== window.location.search) {
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
  apply(next);
}

async function apply(next) {
  const previous = state;
  state = next;
  if (previous.lang !== next.lang || !document.body.dataset.ready) applyLang();
  document.title = state.q ? `${state.q} — ${t(state.lang, 'app.title')}` : t(state.lang, 'app.title');
  describePoint();
  filters.render(state);
  updateFilterCount();
  updateLangLinks();
  renderSampleNotice(state);
  renderServesSwitch(state);
  map?.setNear(state.near, shownRadius(), state.lang);
  showSelection();
  syncDetail();
  if (!lastData || !sameSearch(previous, next) || !document.body.dataset.ready) {
    document.body.dataset.ready = 'true';
    await runSearch();
  }
}

function applyLang() {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = t(lang, 'app.title');
  applyStatic(document, lang);
  safeStorage()?.setItem('orienta.lang', lang);
  map?.setLang(lang);
  if (document.body.dataset.ready) loadLanguageNames(lang);
  renderHelpdesk(sheet, lang, placeOfState());
}

function updateFilterCount() {
  const active = ['need', 'language', 'commune', 'quartier', 'bassin'].filter((key) => state[key]).length
    + (state.openNow ? 1 : 0) + (state.near ? 1 : 0);
  $('filters-count').textContent = active ? t(state.lang, active === 1 ? 'filters.active_one' : 'filters.active_many', { n: active }) : '';
  if (active) $('filters-box').open = true;
}

function updateLangLinks() {
  for (const link of document.querySelectorAll('[data-ui-lang]')) {
    const lang = link.dataset.uiLang;
    link.href = searchOf({ ...state, lang });
    if (lang === state.lang) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

async function runSearch() {
  const list = $('results-list');
  list.setAttribute('aria-busy', 'true');
  if (!lastData) clear(list).append(h('li', { class: 'loading' }, t(state.lang, 'results.loading')));
  let data;
  try {
    data = await api.search(state);
  } catch (error) {
    if (error?.name === 'AbortError') return;
    list.removeAttribute('aria-busy');
    const message = t(state.lang, 'results.error', { detail: error?.message || '' });
    $('result-status').textContent = message;
    clear(list).append(h('li', { class: 'empty error' }, message));
    return;
  }
  lastData = data;
  list.removeAttribute('aria-busy');
  renderSearch();
}

function renderSearch() {
  const data = lastData;
  if (!data) return;
  filters.addLanguages((data.facets?.languages || []).map((facet) => String(facet.value)));
  if (data.lang === state.lang) rememberLanguageNames(state.lang, data.facets?.languages);
  renderStatus($('result-status'), $('query-notes'), data, state, (id) => filters.needName(id, state.lang),
    (need) => navigate({ ...state, need, page: 1 }),
    (language) => navigate({ ...state, language, page: 1 }),
    (q) => navigate({ ...state, q, literal: '', page: 1 }),
    (key) => navigate({ ...state, literal: [state.literal, key].filter(Boolean).join(','), page: 1 }));
  renderServesNote($('serves-note'), $('result-status'), data, state);
  renderResults($('results-list'), data, state, {
    href: (id) => searchOf({ ...state, id }),
    onOpen: openDetail,
    onCopy: async (result) => {
      const done = await copyText(contactText(result, state.lang));
      toast(done ? t(state.lang, 'result.copied', { name: result.display_name }) : t(state.lang, 'result.copy_failed'), !done);
    },
    isSelected: (id) => sheet.has(id),
    onSelect: (result, checked) => {
      sheet.set(result.id, result.display_name, checked);
      document.querySelector(`[data-id="${CSS.escape(result.id)}"]`)?.classList.toggle('is-selected', checked);
      renderHelpdesk(sheet, state.lang, placeOfState());
    },
    onHover: (id) => map?.activate(id),
  });
  renderFacets($('facets-body'), data.facets, state, (filter, value) => navigate({ ...state, [filter]: value, page: 1 }));
  renderTerritoryLinks($('territory-links'), state, (kind, id) => filters.territoryName(kind, id, state.lang));
  renderPagination($('pagination'), data, state, (page) => {
    navigate({ ...state, page });
    $('results-heading').focus();
  });
  filters.render(state);
  if (map) {
    const offset = ((data.page || 1) - 1) * (data.per_page || 20);
    const points = map.setResults(data.results || [], offset, state.lang);
    map.fit(points, state.near, shownRadius());
  }
}

/** The radius drawn around the point: none for the services responsible for the address. */
function shownRadius() {
  return api.servesMode(state) ? 0 : state.radius;
}

function openDetail(id) {
  detailOpener = document.activeElement;
  detailPushed = true;
  navigate({ ...state, id });
}

/** Loads the open detail again (the staff view was switched on or off). */
function refreshDetail() {
  $('detail').dataset.id = '';
  syncDetail();
}

async function syncDetail() {
  const dialog = $('detail');
  if (!state.id) {
    if (dialog.open) dialog.close();
    return;
  }
  if (dialog.open && dialog.dataset.id === state.id && dialog.dataset.lang === state.lang) return;
  dialog.dataset.id = state.id;
  dialog.dataset.lang = state.lang;
  clear($('detail-title')).append(t(state.lang, 'detail.loading'));
  clear($('detail-body'));
  if (!dialog.open) dialog.showModal();
  $('detail-title').focus();
  const id = state.id;
  detailLoading = id;
  try {
    const record = await api.organisation(id, state.lang);
    if (detailLoading !== id || state.id !== id) return;
    renderDetail(record, state.lang, {
      needName: (need) => filters.needName(need, state.lang),
      inSheet: sheet.has(id),
      onSheet: (checked) => {
        sheet.set(id, record.name?.fr || record.name?.nl || id, checked);
        renderHelpdesk(sheet, state.lang, placeOfState());
        if (lastData) renderSearch();
      },
      onCopy: async () => {
        const done = await copyText(recordContactText(record, state.lang));
        toast(done ? t(state.lang, 'result.copied', { name: $('detail-title').textContent }) : t(state.lang, 'result.copy_failed'), !done);
      },
      printHref: printHref([id], callerLang(state.lang), state.lang, placeOfState()),
    });
  } catch (error) {
    if (state.id !== id) return;
    if (error?.status === 401 && api.staffKey()) {
      // The staff key was withdrawn on the server: back to the public view.
      api.setStaffKey('');
      toast(t(state.lang, 'staff.refused'), true);
      refreshDetail();
      return;
    }
    clear($('detail-title')).append(t(state.lang, 'detail.error', { detail: error?.message || '' }));
  }
  $('detail-title').focus();
}

function onDetailClosed() {
  const dialog = $('detail');
  dialog.dataset.id = '';
  if (!state.id) return;
  if (detailPushed) {
    detailPushed = false;
    window.history.back();
  } else {
    navigate({ ...state, id: '' }, { push: false });
  }
  const opener = detailOpener;
  detailOpener = null;
  if (opener?.isConnected) opener.focus();
  else $('results-heading').focus();
}

/** The person's place for the referral sheet: the chosen point and its label. */
function placeOfState() {
  return state.near ? { where: state.where, near: state.near } : null;
}

function pickPoint(near) {
  $('where').value = '';
  navigate({ ...state, near, where: '', place: '', sort: 'distance', page: 1 });
}

let describedPoint = '';

/** Names the search point (commune — quartier) from /v1/territory, once per point. */
function describePoint() {
  const key = state.near ? `${state.near.lat.toFixed(5)},${state.near.lon.toFixed(5)}` : '';
  if (key === describedPoint) return;
  describedPoint = key;
  filters.setNearPlace('');
  if (!state.near) return;
  if (state.where) {
    filters.setNearPlace(state.where);
    filters.renderNear(state);
    return;
  }
  api.territoryAt(state.near.lat, state.near.lon).then((territory) => {
    if (describedPoint !== key) return;
    const commune = territory?.commune ? placeName(territory.commune, state.lang === 'nl' ? 'nl' : 'fr') : '';
    const quartier = territory?.quartier ? placeName(placeOf('quartiers', { properties: territory.quartier }), state.lang) : '';
    filters.setNearPlace([commune, quartier].filter(Boolean).join(' — '));
    filters.renderNear(state);
  }).catch(() => {});
}

function wire() {
  const combobox = new Combobox({
    input: $('q'),
    listbox: $('q-listbox'),
    status: $('q-status'),
    fetch: (text, signal) => api.suggest(text, state.lang, signal),
    render: (option) => [
      h('span', {}, option.label, option.detail ? h('span', { class: 'option-detail' }, ` — ${option.detail}`) : null),
      h('span', { class: 'option-kind' }, t(state.lang, option.kind === 'organisation' ? 'suggest.organisation' : 'suggest.need')),
    ],
    countText: (count) => (count ? t(state.lang, 'suggest.count', { n: count }) : t(state.lang, 'suggest.none')),
    onSelect: (option) => {
      if (option.kind === 'organisation') {
        $('q').value = option.label;
        openDetail(option.id);
        return;
      }
      $('q').value = '';
      navigate({ ...state, q: '', literal: '', need: option.id, page: 1 });
    },
  });
  const placeBox = new Combobox({
    input: $('where'),
    listbox: $('where-listbox'),
    status: $('where-status'),
    fetch: (text, signal) => api.places(text, state.lang, signal),
    render: (option) => [
      h('span', {}, option.label),
      h('span', { class: 'option-kind' }, t(state.lang, `where.kind.${option.kind}`)),
    ],
    countText: (count) => (count ? t(state.lang, 'suggest.count', { n: count }) : t(state.lang, 'suggest.none')),
    onSelect: (option) => {
      $('where').value = option.label;
      navigate(withPlace({ ...state, q: $('q').value.trim() }, option));
    },
  });
  $('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    combobox.cancel();
    placeBox.cancel();
    const next = await placeFromBox(state);
    navigate({ ...next, q: $('q').value.trim(), literal: '', page: 1, id: '' });
  });
  for (const id of ['f-need', 'f-language', 'f-commune', 'f-quartier', 'f-bassin', 'f-sort', 'f-open', 'f-radius']) {
    $(id).addEventListener('change', () => navigate({ ...filters.read(state), page: 1 }));
  }
  $('f-reset').addEventListener('click', () => {
    $('q').value = '';
    $('where').value = '';
    navigate({ ...emptyState(state.lang), tiles: state.tiles });
  });
  $('near-centre').addEventListener('click', () => map && pickPoint(map.centre()));
  $('near-clear').addEventListener('click', () => {
    $('where').value = '';
    navigate({ ...state, near: null, where: '', place: '', sort: 'relevance', page: 1 });
  });
  for (const link of document.querySelectorAll('[data-ui-lang]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (UI_LANGS.includes(link.dataset.uiLang)) navigate({ ...state, lang: link.dataset.uiLang });
    });
  }
  $('caller-lang').addEventListener('change', (event) => {
    storeCallerLang(event.target.value);
    renderHelpdesk(sheet, state.lang, placeOfState());
  });
  $('sheet-clear').addEventListener('click', () => {
    sheet.clear();
    renderHelpdesk(sheet, state.lang, placeOfState());
    renderSearch();
  });
  $('share-link').addEventListener('click', async () => {
    const done = await copyText(window.location.href);
    toast(done ? t(state.lang, 'helpdesk.share_done') : t(state.lang, 'result.copy_failed'), !done);
  });
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('close', onDetailClosed);
  window.addEventListener('popstate', () => {
    detailPushed = false;
    const next = stateFromSearch(window.location.search);
    $('q').value = next.q;
    $('where').value = next.where;
    apply(next);
  });
  wireServesSwitch((scope) => navigate({ ...state, scope, page: 1 }));
  $('f-synthetic').addEventListener('change', (event) => {
    navigate({ ...state, synthetic: event.target.checked ? 'exclude' : '', page: 1 });
  });
  wireStaff({
    lang: () => state.lang,
    probeId: () => state.id || lastData?.results?.[0]?.id || '',
    onChange: refreshDetail,
  });
  for (const button of document.querySelectorAll('.view-switch [data-view]')) {
    button.addEventListener('click', () => showView(button.dataset.view));
  }
  for (const kind of ['communes', 'quartiers', 'bassins']) {
    $(`layer-${kind}`).addEventListener('change', (event) => {
      if (kind === 'quartiers' && event.target.checked) loadQuartierShapes();
      map?.show(kind, event.target.checked);
    });
  }
}

/** The phone's List / Map / Breakdown switch (the CSS shows one part at a time there). */
function showView(view) {
  $('workspace').dataset.view = view;
  for (const button of document.querySelectorAll('.view-switch [data-view]')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === view));
  }
  if (view === 'map') map?.invalidate();
}

/** Outlines the selected territories (loading the quartier shapes when one is selected). */
function showSelection() {
  if (state.quartier) loadQuartierShapes();
  map?.setSelection([
    { kind: 'communes', id: state.commune }, { kind: 'quartiers', id: state.quartier }, { kind: 'bassins', id: state.bassin },
  ]);
}

let quartierShapes = null;

/** The 145 quartier outlines (0.2 MB) load only when the layer is switched on or a
 * quartier is selected; the filter list needs their names only. */
function loadQuartierShapes() {
  if (quartierShapes || !map) return;
  quartierShapes = api.territories('quartiers').then((collection) => {
    map.setTerritories('quartiers', collection);
    map.show('quartiers', $('layer-quartiers').checked);
    showSelection();
  }).catch(() => { quartierShapes = null; });
}

/** The API's names of the spoken languages in the interface language (once per language). */
async function loadLanguageNames(lang) {
  const names = await api.languageNames(lang).catch(() => []);
  rememberLanguageNames(lang, names);
  filters.render(state);
}

async function loadReferenceData() {
  loadLanguageNames(state.lang);
  const [needs, ...collections] = await Promise.allSettled([
    api.needs(state.lang), api.territories('communes'), api.territories('quartiers', { geometry: false }),
    api.territories('bassins'),
  ]);
  if (needs.status === 'fulfilled') filters.setNeeds(needs.value);
  ['communes', 'quartiers', 'bassins'].forEach((kind, index) => {
    const result = collections[index];
    if (result.status !== 'fulfilled') return;
    filters.setTerritories(kind, result.value);
    if (kind === 'quartiers') return;
    map?.setTerritories(kind, result.value);
    map?.show(kind, $(`layer-${kind}`).checked);
  });
  if ($('layer-quartiers').checked) loadQuartierShapes();
  filters.render(state);
  showSelection();
  if (lastData) renderSearch();
}

function start() {
  $('q').value = state.q;
  $('where').value = state.where;
  if (window.matchMedia('(max-width: 640px)').matches) $('filters-box').open = false;
  if (window.L) {
    map = new ResultMap($('map'), {
      lang: state.lang, tiles: state.tiles, legend: $('map-legend'), onPick: pickPoint, onOpen: openDetail,
    });
  }
  wire();
  window.history.replaceState(null, '', searchOf(state));
  apply(state);
  loadReferenceData();
  loadSampleNotice().then(() => renderSampleNotice(state));
}

start();
