// The results list, the facets with counts and the pagination.
import { h, clear, highlighted, safeId } from './dom.js';
import { t, countText, languageName, formatNumber, langMark, localeOf } from './i18n.js';
import { formatDistance, languagesText, phoneDisplay } from './format.js';
import { titleCase } from './places.js';
import { servesReason } from './serves.js';

/** A "sample data" badge in `lang`. */
export function sampleBadge(lang) {
  return h('span', { class: 'badge sample', title: t(lang, 'badge.sample_title') }, t(lang, 'badge.sample'));
}

/** "Data of June 2020 — check it": a record older than the server's stale age. */
export function staleBadge(updatedAt, lang) {
  const date = /^\d{4}-\d{2}/.test(updatedAt || '') ? new Date(`${updatedAt.slice(0, 7)}-15T12:00:00Z`) : null;
  const month = date ? new Intl.DateTimeFormat(localeOf(lang), { month: 'long', year: 'numeric' }).format(date) : '';
  return h('span', { class: 'badge stale', title: t(lang, 'badge.stale_title') },
    month ? t(lang, 'badge.stale', { month }) : t(lang, 'badge.stale_undated'));
}

/** An "open now / closed now" badge, or null when hours are unknown. */
export function openBadge(openNow, lang) {
  if (openNow === true) return h('span', { class: 'badge open' }, t(lang, 'badge.open'));
  if (openNow === false) return h('span', { class: 'badge closed' }, t(lang, 'badge.closed'));
  return null;
}

/**
 * Renders the results.
 * @param {HTMLElement} list the `<ol>`
 * @param {object} data the /v1/search body
 * @param {object} state the page state
 * @param {object} handlers `{href(id), onOpen(id), onCopy(result), isSelected(id), onSelect(result, checked), onHover(id)}`
 */
export function renderResults(list, data, state, handlers) {
  clear(list);
  const offset = ((data.page || 1) - 1) * (data.per_page || 20);
  list.start = offset + 1;
  for (const [index, result] of (data.results || []).entries()) {
    list.append(resultItem(result, offset + index + 1, state.lang, handlers, data.lang));
  }
  if (!data.results?.length) {
    list.append(h('li', { class: 'empty' }, h('strong', {}, t(state.lang, 'results.none')), t(state.lang, 'results.empty_hint')));
  }
}

function resultItem(result, number, lang, handlers, textLang) {
  const key = safeId(result.id);
  const nameId = `result-${key}-name`;
  const selected = handlers.isSelected(result.id);
  const displayLang = result.display_lang || lang;
  const nameLink = h('a', {
    href: handlers.href(result.id), id: nameId, lang: displayLang !== lang ? displayLang : null,
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      handlers.onOpen(result.id);
    },
  }, highlighted(result.highlights?.name, result.display_name));

  const facts = h('dl', { class: 'facts' });
  const addFact = (label, ...value) => facts.append(h('dt', {}, label), h('dd', {}, ...value));
  if (result.address?.line) addFact(t(lang, 'result.address'), result.address.line);
  if (typeof result.distance_m === 'number') addFact(t(lang, 'result.distance'), formatDistance(lang, result.distance_m));
  if (result.languages?.length) addFact(t(lang, 'result.languages'), languagesText(result.languages, lang));
  if (result.hours?.text) {
    addFact(t(lang, 'result.hours'), h('span', { lang: result.hours.text_lang && result.hours.text_lang !== lang ? result.hours.text_lang : null }, result.hours.text),
      langMark(result.hours.text_lang, lang));
  }
  const phones = (result.phones || []).filter((phone) => phone.kind !== 'fax');
  if (phones.length) {
    addFact(t(lang, 'result.phone'), phones.map((phone, index) => [
      index ? ', ' : '', h('a', { href: `tel:${phone.e164}` }, phoneDisplay(phone)),
    ]));
  }

  const otherName = otherLanguageName(result, displayLang);
  return h('li', { class: `result${selected ? ' is-selected' : ''}`, id: `result-${key}`, dataset: { id: result.id } },
    h('article', {
      'aria-labelledby': nameId,
      onmouseenter: () => handlers.onHover(result.id),
      onfocusin: () => handlers.onHover(result.id),
    },
      h('div', { class: 'result-head' },
        h('span', { class: 'result-number', 'aria-hidden': 'true' }, String(number)),
        h('div', { class: 'result-title' },
          h('h3', {}, nameLink, langMark(displayLang, lang)),
          otherName ? h('span', { class: 'other-lang', lang: otherName.lang }, otherName.text) : null,
          h('div', { class: 'badges' },
            result.synthetic ? sampleBadge(lang) : null,
            result.stale ? staleBadge(result.updated_at, lang) : null,
            openBadge(result.hours?.open_now, lang),
            result.care_line ? h('span', { class: 'badge line' }, t(lang, `care.${result.care_line}`)) : null,
            result.bassin?.status === 'inferred' ? h('span', { class: 'badge inferred', title: t(lang, 'badge.inferred_title') },
              `${lang === 'nl' ? result.bassin.nl : result.bassin.fr} · ${t(lang, 'badge.inferred')}`) : null,
          ),
        ),
      ),
      servesReason(result.serves, lang, textLang),
      result.needs?.length ? h('ul', { class: 'chips', 'aria-label': t(lang, 'detail.needs') },
        result.needs.map((need) => h('li', { class: 'chip' }, need.label || need.id))) : null,
      facts,
      h('div', { class: 'result-actions' },
        h('span', { class: 'check' },
          h('input', {
            type: 'checkbox', id: `select-${key}`, checked: selected, 'aria-describedby': nameId,
            onchange: (event) => handlers.onSelect(result, event.target.checked),
          }),
          h('label', { for: `select-${key}` }, t(lang, 'result.select')),
        ),
        h('button', { type: 'button', class: 'button secondary small', 'aria-describedby': nameId, onclick: () => handlers.onCopy(result) },
          t(lang, 'result.copy')),
        h('a', {
          href: handlers.href(result.id), class: 'button link small', 'aria-describedby': nameId,
          onclick: (event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            handlers.onOpen(result.id);
          },
        }, t(lang, 'result.details')),
      ),
    ));
}

/** The name in the other official language when it is set and differs. */
function otherLanguageName(result, displayLang) {
  const other = displayLang === 'nl' ? 'fr' : 'nl';
  const text = result.name?.[other];
  if (typeof text !== 'string' || !text.trim() || text === result.display_name) return null;
  return { text, lang: other };
}

/** The sentence saying how many results hold every word when closer ones follow. */
function relaxedText(lang, query) {
  const exact = query.all_words_total || 0;
  if (exact === 0) return t(lang, 'results.relaxed');
  return exact === 1 ? t(lang, 'results.relaxed_one') : t(lang, 'results.relaxed_some', { n: exact });
}

/** A "×" button that stops reading `label` as what it was understood as. */
function undoButton(lang, label, onUndo) {
  return h('button', {
    type: 'button', class: 'chip undo', 'aria-label': t(lang, 'results.undo', { label }),
    title: t(lang, 'results.undo', { label }), onclick: onUndo,
  }, '×');
}

/** The status line ("12 résultats pour « x »") and the notes (relaxed, did you mean,
 * concepts, spoken languages, publics, places). A need or language chip keeps only those
 * services; pressed again, it lets go. Each understood need, language, public or place has a "×" that
 * searches its words as plain words (`onLiteral`). A "did you mean" button searches the
 * corrected text. */
export function renderStatus(status, notes, data, state, needName, onNeed, onLanguage, onText, onLiteral) {
  const count = countText(state.lang, data.total || 0);
  status.textContent = state.q ? t(state.lang, 'results.for', { count, q: state.q }) : count;
  clear(notes);
  const query = data.query || {};
  const parts = [];
  if (query.relaxed) parts.push(h('span', {}, relaxedText(state.lang, query)));
  if (query.did_you_mean && onText) {
    parts.push(h('span', {}, `${t(state.lang, 'results.did_you_mean')} `,
      h('button', { type: 'button', class: 'button link', onclick: () => onText(query.did_you_mean) }, query.did_you_mean),
      t(state.lang, 'results.did_you_mean_end')));
  }
  if (query.concepts?.length) {
    parts.push(h('span', {}, t(state.lang, 'results.concepts'),
      query.concepts.flatMap((concept) => [h('button', {
        type: 'button', class: 'chip', 'aria-pressed': state.need === concept.id ? 'true' : 'false',
        onclick: () => onNeed(state.need === concept.id ? '' : concept.id),
      }, concept.label || needName(concept.id)),
      ...(onLiteral ? [undoButton(state.lang, concept.label || needName(concept.id), () => onLiteral(`need:${concept.id}`))] : [])])));
  }
  if (query.languages?.length) {
    parts.push(h('span', {}, t(state.lang, 'results.languages'),
      query.languages.map((language) => h('button', {
        type: 'button', class: 'chip', 'aria-pressed': state.language === language.code ? 'true' : 'false',
        onclick: () => onLanguage(state.language === language.code ? '' : language.code),
      }, language.label || language.code)).concat(onLiteral
        ? query.languages.map((language) => undoButton(state.lang, language.label || language.code, () => onLiteral(`language:${language.code}`)))
        : [])));
  }
  if (query.audiences?.length) {
    parts.push(h('span', {}, t(state.lang, 'results.audiences'),
      query.audiences.flatMap((audience) => [h('span', { class: 'chip audience' }, audience.label),
        ...(onLiteral ? [undoButton(state.lang, audience.label, () => onLiteral(`audience:${audience.code}`))] : [])])));
  }
  if (query.places?.length) {
    parts.push(h('span', {}, t(state.lang, 'results.places'),
      query.places.flatMap((place) => [h('span', { class: 'chip place' }, place.label),
        ...(onLiteral ? [undoButton(state.lang, place.label, () => onLiteral(`place:${place.words}`))] : [])])));
  }
  if (query.lang_guessed && query.lang && query.lang !== (state.lang === 'nl' ? 'nl' : 'fr')) {
    parts.push(h('span', {}, ` (${t(state.lang, 'results.guessed', { lang: languageName(query.lang, state.lang) })})`));
  }
  parts.forEach((part, index) => notes.append(index ? ' ' : '', part));
  notes.hidden = parts.length === 0;
}

const FACETS = [
  ['needs', 'need', 'facets.needs'],
  ['languages', 'language', 'facets.languages'],
  ['communes', 'commune', 'facets.communes'],
  ['bassins', 'bassin', 'facets.bassins'],
];

/** The facet groups, each value a toggle button with its count. */
export function renderFacets(container, facets, state, onToggle) {
  clear(container);
  for (const [key, filter, titleKey] of FACETS) {
    const values = (facets?.[key] || []).filter((facet) => facet.count > 0 || state[filter] === String(facet.value));
    if (!values.length) continue;
    const headingId = `facet-${key}`;
    container.append(h('div', { class: 'facet-group', role: 'group', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, t(state.lang, titleKey)),
      h('ul', { class: 'facet-list' }, values.slice(0, 14).map((facet) => {
        const value = String(facet.value);
        const active = state[filter] === value;
        const label = facetLabel(key, facet, state.lang);
        return h('li', {}, h('button', {
          type: 'button', class: 'facet', 'aria-pressed': active ? 'true' : 'false',
          title: active ? t(state.lang, 'facets.active') : null,
          onclick: () => onToggle(filter, active ? '' : value),
        }, h('span', {}, label), h('span', { class: 'count' }, formatNumber(state.lang, facet.count))));
      })),
    ));
  }
}

function facetLabel(key, facet, lang) {
  if (key === 'languages') return languageName(String(facet.value), lang);
  return titleCase(facet.label || String(facet.value));
}

/** Previous / next page buttons and "page x of y". */
export function renderPagination(nav, data, state, onPage) {
  clear(nav);
  const perPage = data.per_page || 20;
  const pages = Math.max(1, Math.ceil((data.total || 0) / perPage));
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const page = data.page || state.page || 1;
  nav.append(
    h('button', { type: 'button', class: 'button secondary', disabled: page <= 1, onclick: () => onPage(page - 1) }, `← ${t(state.lang, 'results.prev')}`),
    h('p', {}, t(state.lang, 'results.page', { page: formatNumber(state.lang, page), pages: formatNumber(state.lang, pages) })),
    h('button', { type: 'button', class: 'button secondary', disabled: page >= pages, onclick: () => onPage(page + 1) }, `${t(state.lang, 'results.next')} →`),
  );
}
