// The filter form: options from the API, form ⇄ state, the "around a point" controls.
import { h, clear } from './dom.js';
import { t, pick, languageName, localeOf } from './i18n.js';
import { placesOf, placeName } from './places.js';
import { RADII } from './state.js';
import { formatDistance } from './format.js';

/** Spoken languages offered even before a search returns facets. */
const COMMON_LANGUAGES = ['fr', 'nl', 'en', 'de', 'ar', 'tr', 'es', 'it', 'pt', 'pl', 'ro', 'bg', 'ru', 'uk', 'fa', 'ps', 'so', 'ti', 'ln', 'sq', 'el', 'zh'];

const byId = (id) => document.getElementById(id);

export class Filters {
  constructor() {
    this.needs = [];
    this.collections = {};
    this.languages = new Set(COMMON_LANGUAGES);
    this.nearPlace = '';
  }

  setNeeds(needs) {
    this.needs = Array.isArray(needs) ? needs : [];
  }

  setTerritories(kind, collection) {
    this.collections[kind] = collection;
  }

  addLanguages(codes) {
    for (const code of codes || []) if (/^[a-z]{2,3}$/.test(code)) this.languages.add(code);
  }

  /** Fills every select for `state.lang` and selects the state's values. */
  render(state) {
    const lang = state.lang;
    const any = t(lang, 'filters.any');
    const anyF = t(lang, 'filters.any_f');
    fillNeeds(byId('f-need'), this.needs, lang, any, state.need);

    const languageOptions = [...this.languages]
      .map((code) => ({ value: code, label: languageName(code, lang) }))
      .sort((left, right) => left.label.localeCompare(right.label, localeOf(lang)));
    fill(byId('f-language'), [{ value: '', label: anyF }, ...languageOptions], state.language);

    const communes = placesOf('communes', this.collections.communes, lang);
    fill(byId('f-commune'), [{ value: '', label: anyF }, ...communes.map((place) => ({ value: place.id, label: placeName(place, lang) }))], state.commune);

    const quartiers = placesOf('quartiers', this.collections.quartiers, lang)
      .filter((place) => !state.commune || place.communes.length === 0 || place.communes.includes(state.commune) || place.id === state.quartier);
    fill(byId('f-quartier'), [{ value: '', label: any }, ...quartiers.map((place) => ({ value: place.id, label: placeName(place, lang) }))], state.quartier);

    const bassins = placesOf('bassins', this.collections.bassins, lang);
    fill(byId('f-bassin'), [{ value: '', label: any }, ...bassins.map((place) => ({ value: place.id, label: placeName(place, lang) }))], state.bassin);

    fill(byId('f-radius'), RADII.map((radius) => ({ value: String(radius), label: formatDistance(lang, radius) })), String(state.radius));
    byId('f-sort').value = state.sort;
    byId('f-open').checked = state.openNow;
    this.renderNear(state);
  }

  /** The place name shown for the chosen point (from /v1/territory). */
  setNearPlace(text) {
    this.nearPlace = text || '';
  }

  renderNear(state) {
    const text = byId('near-text');
    clear(text);
    const sortDistance = byId('f-sort').querySelector('option[value="distance"]');
    sortDistance.disabled = !state.near;
    byId('near-clear').hidden = !state.near;
    if (!state.near) {
      text.append(t(state.lang, 'near.none'));
      return;
    }
    const coordinates = `${state.near.lat.toFixed(4)}, ${state.near.lon.toFixed(4)}`;
    const place = this.nearPlace ? `${this.nearPlace} (${coordinates})` : coordinates;
    const [before, after] = t(state.lang, 'near.set', { place: '\u0000' }).split('\u0000');
    text.append(before, h('strong', {}, place), after || '');
  }

  /** The filter values of the form, merged into a copy of `state`. */
  read(state) {
    return {
      ...state,
      need: byId('f-need').value,
      language: byId('f-language').value,
      commune: byId('f-commune').value,
      quartier: byId('f-quartier').value,
      bassin: byId('f-bassin').value,
      sort: byId('f-sort').value === 'distance' && state.near ? 'distance' : 'relevance',
      openNow: byId('f-open').checked,
      radius: Number(byId('f-radius').value) || state.radius,
    };
  }

  /** The name of a commune, quartier or bassin (`kind` plural) in `lang`, or ''. */
  territoryName(kind, id, lang) {
    const place = placesOf(kind, this.collections[kind], lang).find((candidate) => candidate.id === id);
    return place ? placeName(place, lang) : '';
  }

  /** The label of a need id in `lang`, or the id. */
  needName(id, lang) {
    const need = this.needs.find((candidate) => String(candidate.id ?? candidate.value) === id);
    return need ? needLabel(need, lang) : id;
  }
}

/** The label of a need entry in `lang`, whatever its shape. */
export function needLabel(need, lang) {
  if (typeof need.label === 'string' && !need.labels) return need.label;
  const text = pick(need.labels || need.label || { fr: need.fr, nl: need.nl, en: need.en }, lang === 'en' ? 'en' : lang);
  return text?.text || String(need.id ?? need.value ?? '');
}

/**
 * The need select: one group per top concept (the social.brussels sectors), its narrower
 * concepts inside; a flat sorted list when the API gives no hierarchy.
 */
function fillNeeds(select, needs, lang, anyLabel, value) {
  const collator = new Intl.Collator(localeOf(lang));
  const byId = new Map(needs.map((need) => [String(need.id ?? need.value ?? ''), need]));
  byId.delete('');
  const rootOf = (need) => {
    let current = need;
    for (let depth = 0; depth < 8; depth += 1) {
      const parent = byId.get(String(current.broader?.[0] ?? ''));
      if (!parent) return current;
      current = parent;
    }
    return current;
  };
  const hasHierarchy = needs.some((need) => Array.isArray(need.broader) && need.broader.length);
  if (!hasHierarchy) {
    const options = [...byId.entries()].map(([id, need]) => ({ value: id, label: needLabel(need, lang) }))
      .sort((left, right) => collator.compare(left.label, right.label));
    fill(select, [{ value: '', label: anyLabel }, ...options], value);
    return;
  }
  const groups = new Map();
  for (const [id, need] of byId) {
    const root = rootOf(need);
    const rootId = String(root.id ?? root.value);
    if (!groups.has(rootId)) groups.set(rootId, { label: needLabel(root, lang), members: [] });
    if (id !== rootId) groups.get(rootId).members.push({ value: id, label: needLabel(need, lang) });
  }
  clear(select);
  select.append(h('option', { value: '' }, anyLabel));
  const sorted = [...groups.entries()].sort((left, right) => collator.compare(left[1].label, right[1].label));
  for (const [rootId, group] of sorted) {
    group.members.sort((left, right) => collator.compare(left.label, right.label));
    select.append(h('optgroup', { label: group.label },
      h('option', { value: rootId }, group.label),
      group.members.map((member) => h('option', { value: member.value }, `\u2003${member.label}`))));
  }
  if (value && !byId.has(value)) select.append(h('option', { value }, value));
  select.value = value || '';
}

function fill(select, options, value) {
  clear(select);
  for (const option of options) {
    select.append(h('option', { value: option.value }, option.label));
  }
  const known = options.some((option) => option.value === value);
  if (value && !known) select.append(h('option', { value }, value));
  select.value = value || '';
}
