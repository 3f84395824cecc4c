// The place box ("Où ? / Waar ?"): what choosing or typing a place does to the page state.
import * as api from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** The state with a chosen place: a point (street, address, postcode) sorts by distance
 * and keeps its place id (sent as `place=`, or `serves=` for the services responsible for
 * it); a commune, quartier or bassin becomes that filter. `where` keeps its label for the
 * box, the link and the referral sheet. */
export function withPlace(base, place) {
  const next = { ...base, where: place.label, place: '', page: 1, id: '' };
  if (typeof place.lat === 'number' && typeof place.lon === 'number') {
    return { ...next, near: { lat: place.lat, lon: place.lon }, place: String(place.id || '').slice(0, 80), sort: 'distance' };
  }
  const [kind, code] = String(place.id).split(':');
  if (kind === 'commune') return { ...next, commune: code, near: null, sort: 'relevance' };
  if (kind === 'quartier') return { ...next, quartier: code, near: null, sort: 'relevance' };
  if (kind === 'bassin') return { ...next, bassin: code, near: null, sort: 'relevance' };
  return next;
}

/** The state for the place box's text on submit: unchanged, cleared, or the first place
 * the text names (the box then shows what was understood). */
export async function placeFromBox(base) {
  const typed = $('where').value.trim();
  if (typed === base.where) return base;
  if (!typed) return { ...base, where: '', place: '', near: null, sort: 'relevance' };
  const found = await api.places(typed, base.lang).catch(() => []);
  if (!found.length) {
    $('where-status').textContent = t(base.lang, 'where.none', { q: typed });
    return base;
  }
  $('where').value = found[0].label;
  return withPlace(base, found[0]);
}
