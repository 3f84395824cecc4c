// Translation helpers: interface texts, language names, bilingual record texts.
import { STRINGS } from './strings.js';
import { h } from './dom.js';

/** Interface languages, official ones first. */
export const UI_LANGS = ['fr', 'nl', 'en'];

/** The data language the API understands for an interface language (fr or nl). */
export function dataLang(uiLang) {
  return uiLang === 'nl' ? 'nl' : 'fr';
}

/** The interface text `key` in `lang` with `{placeholders}` filled; French, then the key, when missing. */
export function t(lang, key, vars = {}) {
  const table = STRINGS[lang] || STRINGS.fr;
  const template = table[key] ?? STRINGS.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** "No results" / "1 result" / "N results", with a localised number. */
export function countText(lang, count) {
  if (count === 0) return t(lang, 'results.none');
  if (count === 1) return t(lang, 'results.one');
  return t(lang, 'results.many', { n: formatNumber(lang, count) });
}

/** A number with the interface language's grouping. */
export function formatNumber(lang, value) {
  return new Intl.NumberFormat(localeOf(lang)).format(value);
}

/** The BCP 47 locale used for dates and numbers. */
export function localeOf(lang) {
  return { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' }[lang] || 'fr-BE';
}

/** The name of an ISO 639-1 language in the interface language ("nl" → "néerlandais"). */
export function languageName(code, uiLang) {
  const known = SERVER_NAMES[uiLang]?.[code];
  if (known) return known;
  try {
    const names = new Intl.DisplayNames([localeOf(uiLang)], { type: 'language' });
    const name = names.of(code);
    if (!name || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(localeOf(uiLang)) + name.slice(1);
  } catch {
    return code;
  }
}

/** Language names as the API gives them (its table covers codes browsers cannot name, like
 * `ber`), per interface language. */
const SERVER_NAMES = { fr: {}, nl: {}, en: {} };

/** Keeps the API's names of spoken languages (`[{value, label}]` facets) for `uiLang`. */
export function rememberLanguageNames(uiLang, entries) {
  const names = SERVER_NAMES[uiLang];
  if (!names) return;
  for (const entry of entries || []) {
    if (entry?.value && entry?.label && entry.label !== entry.value) names[entry.value] = entry.label;
  }
}

/**
 * Resolves an `{fr, nl, en}` text for `lang`: the language itself, then the other official
 * language, then English. Returns `{text, lang, fallback}` or null.
 */
export function pick(text, lang) {
  if (!text) return null;
  if (typeof text === 'string') return { text, lang, fallback: false };
  const other = lang === 'nl' ? 'fr' : 'nl';
  for (const candidate of [lang, other, 'en', 'fr', 'nl']) {
    const value = text[candidate];
    if (typeof value === 'string' && value.trim() !== '') {
      return { text: value, lang: candidate, fallback: candidate !== lang };
    }
  }
  return null;
}

/**
 * A visible "(FR)" / "(NL)" after a text shown in another language than the page's (the
 * `lang` attribute alone is only heard by screen readers); null when the languages agree.
 * An English page shows French or Dutch texts unmarked only where no English exists.
 */
export function langMark(textLang, pageLang) {
  if (!textLang || textLang === pageLang || !['fr', 'nl'].includes(textLang)) return null;
  if (pageLang === 'en') return null;
  return h('abbr', { class: 'lang-mark', title: t(pageLang, `lang.in_${textLang}`) }, ` (${textLang.toUpperCase()})`);
}

/** Fills `[data-i18n]` text and `[data-i18n-attr="attr:key;…"]` attributes below `root`. */
export function applyStatic(root, lang) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(lang, element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) element.setAttribute(attribute, t(lang, key));
    }
  }
}

/** "Label :" in French (narrow no-break space), "Label:" otherwise. */
export function labelled(lang, key) {
  return `${t(lang, key)}${lang === 'fr' ? '\u202f:' : ':'}`;
}
