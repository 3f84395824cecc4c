// Territory features from /v1/territories/*: ids and FR/NL names, whatever the property spelling.

/** Title case for upper-case names ("SAINT-JOSSE CENTRE" → "Saint-Josse Centre"). */
export function titleCase(text) {
  if (!text || text !== text.toUpperCase()) return text || '';
  return text.toLowerCase().replace(/(^|[\s\-'’(./])(\p{L})/gu, (whole, before, letter) => before + letter.toUpperCase());
}

function slugify(text) {
  return String(text || '')
    .normalize('NFD').replace(/\p{M}/gu, '')
    .toLowerCase().trim().replace(/[\s_]+/g, '-');
}

/** `{kind, id, fr, nl, status, communes}` of one feature. */
export function placeOf(kind, feature) {
  const props = feature?.properties || {};
  if (kind === 'communes') {
    return {
      kind, id: String(props.nis_commune ?? props.nis ?? props.id ?? ''),
      fr: props.name_fr || props.fr || '', nl: props.name_nl || props.nl || props.name_fr || '',
    };
  }
  if (kind === 'quartiers') {
    return {
      kind, id: String(props.mdrc ?? props.code ?? props.id ?? ''),
      fr: titleCase(props.name_fr || props.fr || ''), nl: titleCase(props.name_nl || props.nl || props.name_fr || ''),
      communes: ([props.nis_communes, props.communes].find(Array.isArray) || []).map((entry) => String(typeof entry === 'object' ? entry?.nis ?? '' : entry)),
    };
  }
  const fr = props.fr || props.label_fr || props.name_fr || props.bassin_fr || '';
  const nl = props.nl || props.label_nl || props.name_nl || props.bassin_nl || props.bassin_nl_unverified || fr;
  const status = String(props.status || '').startsWith('official') ? 'official' : 'inferred';
  return { kind, id: String(props.slug || props.id || slugify(fr)), fr, nl, status };
}

/** The places of a FeatureCollection, sorted by name in `lang`. */
export function placesOf(kind, collection, lang) {
  const features = Array.isArray(collection?.features) ? collection.features : [];
  const key = lang === 'nl' ? 'nl' : 'fr';
  return features
    .map((feature) => placeOf(kind, feature))
    .filter((place) => place.id)
    .sort((left, right) => (left[key] || '').localeCompare(right[key] || '', lang));
}

/** The name of a place in `lang` (Dutch for nl, French otherwise). */
export function placeName(place, lang) {
  if (!place) return '';
  return (lang === 'nl' ? place.nl : place.fr) || place.fr || place.nl || place.id;
}

/** The layers of the territory page, in the URL's spelling. */
export const TERRITORY_LAYERS = ['communes', 'quartiers', 'bassins'];

/** The link to a territory's offer page: `/gebied/…` for Dutch readers, `/territoire/…` otherwise. */
export function territoryHref(layer, code, lang) {
  const root = lang === 'nl' ? 'gebied' : 'territoire';
  return `/${root}/${encodeURIComponent(layer)}/${encodeURIComponent(String(code))}?lang=${encodeURIComponent(lang)}`;
}
