// The JSON API client: search, suggest, organisation, needs, territories.
import { dataLang } from './i18n.js';

/** An API error with the problem+json title and detail. */
export class ApiError extends Error {
  constructor(status, title, detail, code) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.code = code;
  }
}

/** The staff key (an admin key) typed on this tab, sent with record requests only. */
const STAFF_KEY = 'orienta.staffKey';

/** The staff key of this tab, or '' (session storage: it ends with the tab). */
export function staffKey() {
  try {
    return window.sessionStorage.getItem(STAFF_KEY) || '';
  } catch {
    return '';
  }
}

/** Keeps (or, with '', forgets) the staff key for this tab. */
export function setStaffKey(key) {
  try {
    if (key) window.sessionStorage.setItem(STAFF_KEY, key);
    else window.sessionStorage.removeItem(STAFF_KEY);
  } catch {
    // Storage blocked: the staff view lasts until the page is left.
  }
}

async function getJson(path, params = {}, signal, headers = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== '' && value !== null && value !== undefined && value !== false) {
      url.searchParams.set(key, String(value));
    }
  }
  const response = await fetch(url, { signal, headers: { Accept: 'application/json', ...headers } });
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      problem = {};
    }
    throw new ApiError(response.status, problem.title, problem.detail, problem.code);
  }
  return response.json();
}

/** The /v1/search parameters of a page state. */
export function searchParams(state, perPage = 20) {
  return {
    q: state.q,
    lang: dataLang(state.lang),
    need: state.need,
    language: state.language,
    commune: state.commune,
    quartier: state.quartier,
    bassin: state.bassin,
    literal: state.literal,
    near: state.near ? `${state.near.lat.toFixed(5)},${state.near.lon.toFixed(5)}` : '',
    radius: state.near ? state.radius : '',
    sort: state.sort === 'distance' && state.near ? 'distance' : '',
    open_now: state.openNow ? 'true' : '',
    synthetic: state.synthetic === 'exclude' ? 'exclude' : '',
    page: state.page > 1 ? state.page : '',
    per_page: perPage,
  };
}

let searchController = null;

/** Runs a search; a newer call aborts the previous one (it then rejects with AbortError). */
export function search(state) {
  searchController?.abort();
  searchController = new AbortController();
  return getJson('/v1/search', searchParams(state), searchController.signal);
}

/** Suggestions for the combobox. */
export async function suggest(q, lang, signal) {
  const body = await getJson('/v1/suggest', { q, lang: dataLang(lang) }, signal);
  return Array.isArray(body) ? body : body.suggestions || [];
}

/** Places for the place box (streets, addresses, postcodes, communes, quartiers, bassins). */
export async function places(q, lang, signal) {
  const body = await getJson('/v1/places', { q, lang: dataLang(lang), limit: 8 }, signal);
  return body.places || [];
}

/** The full record, its texts resolved for `lang` where the API resolves them; with the
 * staff key, the staff view (the import's quality codes). */
export function organisation(id, lang, signal) {
  const key = staffKey();
  return getJson(`/v1/organisations/${encodeURIComponent(id)}`, { lang: dataLang(lang) }, signal,
    key ? { 'X-Api-Key': key } : {});
}

/** The API's names of the spoken languages of the index, in `uiLang` (search facets). */
export async function languageNames(uiLang) {
  const body = await getJson('/v1/search', { lang: uiLang, per_page: 1 });
  return body.facets?.languages || [];
}

/** How many fictitious sample records the index holds (0 when none or unknown). */
export async function sampleCount() {
  const body = await getJson('/v1/search', { synthetic: 'only', per_page: 1 });
  return Number(body.total) || 0;
}

/** The need concepts, as a list whatever the envelope. */
export async function needs(lang) {
  const body = await getJson('/v1/needs', { lang: dataLang(lang) });
  return Array.isArray(body) ? body : body.needs || body.concepts || body.results || [];
}

const territoryCache = new Map();

/**
 * A territories FeatureCollection: `communes`, `quartiers` or `bassins` (cached); with
 * `{ geometry: false }` the names only (a few kB, for the filter lists).
 */
export function territories(kind, { geometry = true } = {}) {
  const key = geometry ? kind : `${kind}:names`;
  if (!territoryCache.has(key)) {
    const request = getJson(`/v1/territories/${kind}`, geometry ? {} : { geometry: 'false' });
    request.catch(() => territoryCache.delete(key));
    territoryCache.set(key, request);
  }
  return territoryCache.get(key);
}

/** The OSM street lines (3 MB, 0.55 MB compressed): for a street-level drawing only. */
export function streets() {
  return getJson('/v1/territories/streets');
}

/** The territory of a point. */
export function territoryAt(lat, lon) {
  return getJson('/v1/territory', { lat: lat.toFixed(5), lon: lon.toFixed(5) });
}
