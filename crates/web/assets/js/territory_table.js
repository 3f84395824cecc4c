// The tables of the territory page: the needs of one territory (sortable, the needs with no
// service and those whose services do not state their area marked), the lists of those
// needs, and the map's data (one need across a layer).
import { h, clear } from './dom.js';
import { t, formatNumber, localeOf } from './i18n.js';

/** The badge of each gap: no service at all, or services here that do not state their area. */
const GAP_BADGES = { unserved: 'terr.no_service', 'area-not-stated': 'terr.area_not_stated' };

/** `unserved` (nothing located here, nothing serving), `area-not-stated` (services located
 * here, none known to serve the territory) or null. */
function needGap(need) {
  if (need.serving !== 0) return null;
  return need.located_in === 0 ? 'unserved' : 'area-not-stated';
}

/** The columns of the needs table; `per_10000` only when a population table is loaded. */
function needColumns(withPopulation) {
  const columns = [
    { key: 'label', title: 'terr.col.need', text: true },
    { key: 'located_in', title: 'terr.col.located_in' },
    { key: 'serving', title: 'terr.col.serving' },
  ];
  if (withPopulation) columns.push({ key: 'serving_per_10000', title: 'terr.col.per_10000', decimals: 1 });
  return columns;
}

/** A number cell's text: grouped digits, one decimal for rates, "—" when unknown. */
function figure(lang, value, decimals = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** Rows sorted by `sort.key` (`sort.dir` 1 or -1); unknown rates last; ties by label. */
function sortedRows(rows, sort, lang) {
  const collator = new Intl.Collator(localeOf(lang));
  return [...rows].sort((left, right) => {
    if (sort.key === 'label') return sort.dir * collator.compare(left.label, right.label);
    const a = left[sort.key];
    const b = right[sort.key];
    if (typeof a !== 'number' || typeof b !== 'number') {
      if (typeof a === typeof b) return collator.compare(left.label, right.label);
      return typeof a === 'number' ? -1 : 1;
    }
    return sort.dir * (a - b) || collator.compare(left.label, right.label);
  });
}

/** A column header: a button that sorts, `aria-sort` on the sorted one only. */
function sortHeader(column, sort, lang, onSort) {
  const active = sort.key === column.key;
  const arrow = active ? (sort.dir > 0 ? '▲' : '▼') : '↕';
  return h('th', {
    scope: 'col', class: column.text ? null : 'num',
    'aria-sort': active ? (sort.dir > 0 ? 'ascending' : 'descending') : null,
  }, h('button', {
    type: 'button', class: 'sort-button',
    onclick: () => onSort({ key: column.key, dir: active ? -sort.dir : (column.text ? 1 : -1) }),
  }, t(lang, column.title), h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, ` ${arrow}`)));
}

/**
 * The needs table of a territory offer.
 * @param {HTMLTableElement} table
 * @param {object} offer the /v1/territories/{layer}/{code}/offer body
 * @param {string} lang the interface language
 * @param {{key: string, dir: number}} sort
 * @param {Function} onSort called with the new sort
 */
export function renderNeedsTable(table, offer, lang, sort, onSort) {
  clear(table);
  const columns = needColumns(offer.population !== null && offer.population !== undefined);
  table.append(
    h('caption', {}, t(lang, 'terr.table_caption', { name: offer.territory?.name || '' })),
    h('thead', {}, h('tr', {}, columns.map((column) => sortHeader(column, sort, lang, onSort)))),
    h('tbody', {}, sortedRows(offer.needs || [], sort, lang).map((need) => {
      const gap = needGap(need);
      return h('tr', { class: gap, dataset: { need: need.id } },
        h('th', { scope: 'row' }, need.label,
          gap ? h('span', { class: `badge ${gap}-badge` }, t(lang, GAP_BADGES[gap])) : null),
        columns.slice(1).map((column) => h('td', { class: 'num' }, figure(lang, need[column.key], column.decimals || 0))));
    })),
  );
}

/** The sentence announced after sorting. */
export function sortText(sort, lang, withPopulation) {
  const column = needColumns(withPopulation).find((candidate) => candidate.key === sort.key);
  return t(lang, sort.dir > 0 ? 'terr.sorted_asc' : 'terr.sorted_desc', { column: column ? t(lang, column.title) : '' });
}

/** The needs no service serves in the territory, listed under a heading with their count. */
export function renderUnserved(container, offer, lang) {
  clear(container);
  const unserved = offer.needs_without_service || [];
  const notStated = offer.needs_area_not_stated || [];
  if (!unserved.length && !notStated.length) {
    container.append(h('p', { class: 'all-served' }, t(lang, 'terr.unserved_none')));
    return;
  }
  const list = (id, className, key, needs) => (needs.length ? [
    h('h3', { id, class: className }, t(lang, key, { n: formatNumber(lang, needs.length) })),
    h('ul', { class: `${className}-list`, 'aria-labelledby': id }, needs.map((need) => h('li', {}, need.label))),
  ] : []);
  container.append(
    ...list('unserved-heading', 'unserved', 'terr.unserved_heading', unserved),
    ...list('not-stated-heading', 'area-not-stated', 'terr.not_stated_heading', notStated),
  );
}

/**
 * The map's data as a table: each territory of the layer with its counts, linked to its
 * own offer page; the accessible alternative to the colours.
 */
export function renderMapTable(table, layerOffer, lang, caption, hrefOf) {
  clear(table);
  const withPopulation = (layerOffer.territories || []).some((item) => typeof item.population === 'number');
  const collator = new Intl.Collator(localeOf(lang));
  const items = [...(layerOffer.territories || [])].sort((left, right) => collator.compare(left.name, right.name));
  const headers = ['terr.col.territory', 'terr.col.located_in', 'terr.col.serving'];
  if (withPopulation) headers.push('terr.col.per_10000');
  table.append(
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((key, index) => h('th', { scope: 'col', class: index ? 'num' : null }, t(lang, key))))),
    h('tbody', {}, items.map((item) => h('tr', { class: item.serving === 0 ? 'unserved' : null },
      h('th', { scope: 'row' }, h('a', { href: hrefOf(item.code) }, item.name)),
      h('td', { class: 'num' }, figure(lang, item.located_in)),
      h('td', { class: 'num' }, figure(lang, item.serving)),
      withPopulation ? h('td', { class: 'num' }, figure(lang, item.serving_per_10000, 1)) : null))),
  );
}
