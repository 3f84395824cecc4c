// The page state and its URL form: shareable, restorable with back/forward.
import { UI_LANGS } from './i18n.js';

/** Radius choices in metres. */
export const RADII = [500, 1000, 2000, 5000];
const DEFAULT_RADIUS = 1000;

/** Filters carried as plain strings. */
const FILTERS = ['need', 'language', 'commune', 'quartier', 'bassin', 'literal', 'where', 'place'];

/** A fresh state in `lang`. */
export function emptyState(lang) {
  return {
    q: '', lang, need: '', language: '', commune: '', quartier: '', bassin: '', literal: '', where: '', place: '',
    near: null, radius: DEFAULT_RADIUS, sort: 'relevance', openNow: false, synthetic: '', page: 1, id: '', tiles: '',
    scope: '',
  };
}

/** The interface language from the browser (fr unless it prefers nl or en). */
export function browserLang() {
  const stored = safeStorage()?.getItem('orienta.lang');
  if (UI_LANGS.includes(stored)) return stored;
  for (const preferred of navigator.languages || [navigator.language || 'fr']) {
    const code = String(preferred).slice(0, 2).toLowerCase();
    if (UI_LANGS.includes(code)) return code;
  }
  return 'fr';
}

/** Parses `lat,lon` within Belgium-ish bounds; null otherwise. */
export function parsePoint(text) {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text || '');
  if (!match) return null;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (!(lat > 49 && lat < 52 && lon > 2 && lon < 7)) return null;
  return { lat, lon };
}

/** Reads the state from a query string. */
export function stateFromSearch(search) {
  const params = new URLSearchParams(search);
  const lang = UI_LANGS.includes(params.get('lang')) ? params.get('lang') : browserLang();
  const state = emptyState(lang);
  state.q = (params.get('q') || '').slice(0, 200);
  for (const key of FILTERS) state[key] = (params.get(key) || '').slice(0, key === 'literal' ? 400 : key === 'where' ? 200 : 80);
  state.near = parsePoint(params.get('near'));
  const radius = Number(params.get('radius'));
  state.radius = RADII.includes(radius) ? radius : DEFAULT_RADIUS;
  state.sort = params.get('sort') === 'distance' ? 'distance' : 'relevance';
  state.openNow = params.get('open_now') === 'true';
  // `scope=serves`: the services responsible for the person's address, not the nearby ones.
  state.scope = params.get('scope') === 'serves' ? 'serves' : '';
  state.synthetic = params.get('synthetic') === 'exclude' ? 'exclude' : '';
  const page = Number.parseInt(params.get('page') || '1', 10);
  state.page = Number.isFinite(page) && page > 0 ? Math.min(page, 500) : 1;
  state.id = (params.get('id') || '').slice(0, 80);
  const tiles = params.get('tiles') || '';
  state.tiles = tiles.startsWith('https://') ? tiles : '';
  return state;
}

/** The query string of a state (only what differs from the defaults, plus lang). */
export function searchOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  params.set('lang', state.lang);
  for (const key of FILTERS) if (state[key]) params.set(key, state[key]);
  if (state.near) {
    params.set('near', `${state.near.lat.toFixed(5)},${state.near.lon.toFixed(5)}`);
    params.set('radius', String(state.radius));
    if (state.scope === 'serves') params.set('scope', 'serves');
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.openNow) params.set('open_now', 'true');
  if (state.synthetic) params.set('synthetic', state.synthetic);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.id) params.set('id', state.id);
  if (state.tiles) params.set('tiles', state.tiles);
  return `?${params.toString()}`;
}

/** True when two states ask the API the same search (the detail id aside). */
export function sameSearch(left, right) {
  const strip = (state) => searchOf({ ...state, id: '', tiles: '' });
  return strip(left) === strip(right);
}

/** True when anything narrows the search. */
export function hasCriteria(state) {
  return Boolean(state.q || FILTERS.some((key) => state[key]) || state.near || state.openNow);
}

/** localStorage, or null where it is blocked. */
export function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
