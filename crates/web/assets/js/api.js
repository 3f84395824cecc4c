// The JSON API client: search, suggest, organisation, needs, territories and their offer.
import { dataLang } from './i18n.js';

/** An API error with the problem+json title and detail. */
export class ApiError extends Error {
  constructor(status, title, detail, code, parameter) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.code = code;
    this.parameter = parameter;
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
    throw new ApiError(response.status, problem.title, problem.detail, problem.code, problem.parameter);
  }
  return response.json();
}

/** Place ids `serves` takes: where a person lives (an address or a street). */
export function isHomePlace(id) {
  return /^(address|street):/.test(id || '');
}

/** True when the state asks for the services responsible for the person's address: a
 * point is set and it is not a mere postcode. */
export function servesMode(state) {
  return state.scope === 'serves' && Boolean(state.near) && !/^postcode:/.test(state.place || '');
}

/**
 * How a state asks for its point: the place id from the place box (`place=`), the point
 * itself (`near=`), or, for the services responsible for the address, `serves=` (the place
 * id of an address or street, the point otherwise). `radius` and `sort` only apply nearby.
 */
function pointParams(state) {
  if (!state.near) return {};
  const point = `${state.near.lat.toFixed(5)},${state.near.lon.toFixed(5)}`;
  if (servesMode(state)) return { serves: isHomePlace(state.place) ? state.place : point };
  return {
    place: state.place || '',
    near: state.place ? '' : point,
    radius: state.radius,
    sort: state.sort === 'distance' ? 'distance' : '',
  };
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
    ...pointParams(state),
    open_now: state.openNow ? 'true' : '',
    synthetic: state.synthetic === 'exclude' ? 'exclude' : '',
    page: state.page > 1 ? state.page : '',
    per_page: perPage,
  };
}

let searchController = null;

/** Runs a search; a newer call aborts the previous one (it then rejects with AbortError).
 * A place id the index no longer knows (an old link) falls back to its point. */
export async function search(state) {
  searchController?.abort();
  searchController = new AbortController();
  const { signal } = searchController;
  try {
    return await getJson('/v1/search', searchParams(state), signal);
  } catch (error) {
    const stalePlace = error?.status === 400 && ['place', 'serves'].includes(error.parameter) && state.place && state.near;
    if (!stalePlace) throw error;
    return getJson('/v1/search', searchParams({ ...state, place: '' }), signal);
  }
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

/** The offer of one territory (`communes`, `quartiers`, `bassins`): totals and every need's
 * counts, labels in `lang` (fr, nl or en); `synthetic` is `exclude` or `include`. */
export function territoryOffer(layer, code, lang, synthetic) {
  return getJson(`/v1/territories/${encodeURIComponent(layer)}/${encodeURIComponent(code)}/offer`, { lang, synthetic });
}

/** One need (or, with '', every service) across the territories of a layer. */
export function layerOffer(layer, need, lang, synthetic) {
  return getJson(`/v1/territories/${encodeURIComponent(layer)}/offer`, { need, lang, synthetic });
}

/** The link to a territory's offer as CSV (same columns as the table). */
export function offerCsvHref(layer, code, lang, synthetic) {
  const params = new URLSearchParams({ format: 'csv', lang, synthetic });
  return `/v1/territories/${encodeURIComponent(layer)}/${encodeURIComponent(code)}/offer?${params.toString()}`;
}
