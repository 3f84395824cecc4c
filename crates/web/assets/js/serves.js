// The responsibility switch of the search page: for the person's address, the services
// responsible for it (`serves=`: quartier, commune, bassin, Region, then unknown areas) or
// the nearby ones; each result's reason, the line saying what "responsible" means, and the
// links to the offer of the address's territories.
import { h, clear, append } from './dom.js';
import { t } from './i18n.js';
import { servesMode } from './api.js';
import { territoryHref, titleCase } from './places.js';

const $ = (id) => document.getElementById(id);
const LEVELS = ['quartier', 'commune', 'bassin', 'region', 'unknown'];

/** Whether the switch is offered: a point is set (an address, a street, a map click), not a
 * mere postcode. */
export function canServe(state) {
  return Boolean(state.near) && !/^postcode:/.test(state.place || '');
}

/** Shows the switch when it applies and checks the state's option; radius and sort only
 * apply to nearby services, so they are disabled (and say so) in the other mode. */
export function renderServesSwitch(state) {
  $('serves-switch').hidden = !canServe(state);
  const serving = servesMode(state);
  $('scope-serves').checked = serving;
  $('scope-near').checked = !serving;
  $('f-radius').disabled = serving;
  $('f-sort').disabled = serving;
  $('scope-hint').hidden = !serving;
}

/** Calls `onScope('serves' | '')` when the person picks the other option. */
export function wireServesSwitch(onScope) {
  for (const id of ['scope-near', 'scope-serves']) {
    $(id).addEventListener('change', (event) => {
      if (event.target.checked) onScope(event.target.value === 'serves' ? 'serves' : '');
    });
  }
}

/** The FR or NL name of `{fr, nl}` for `lang`. */
function nameIn(names, lang) {
  return titleCase((lang === 'nl' ? names?.nl : names?.fr) || names?.fr || names?.nl || '');
}

/** Links to the offer pages of the territories a point lies in (`query.serves`). */
function offerLinks(where, lang) {
  const territories = [
    ['communes', where?.commune?.nis, where?.commune],
    ['quartiers', where?.quartier?.code, where?.quartier],
    ['bassins', where?.bassin?.slug, where?.bassin],
  ].filter(([, code, names]) => code !== undefined && code !== null && code !== '' && names);
  if (!territories.length) return null;
  return h('span', { class: 'offer-links' }, `${t(lang, 'serves.offer')} `,
    territories.map(([layer, code, names], index) => [index ? ' · ' : '',
      h('a', { href: territoryHref(layer, code, lang) }, t(lang, `serves.in_${layer}`, { name: nameIn(names, lang) }))]));
}

/**
 * In the services-responsible mode: the line above the results saying what it means, with
 * links to the address's territories, and the status line saying which services it counts
 * (the status is a polite live region: the switch is announced with the new count).
 */
export function renderServesNote(note, status, data, state) {
  clear(note);
  const serving = servesMode(state);
  note.hidden = !serving;
  if (!serving) return;
  const lang = state.lang;
  note.append(h('span', {}, h('strong', {}, t(lang, 'serves.heading')), ' ', t(lang, 'serves.explain')));
  const links = offerLinks(data?.query?.serves, lang);
  if (links) note.append(' ', links);
  if (status.textContent) status.textContent = `${status.textContent} — ${t(lang, 'serves.status')}`;
}

/** A result's reason in the services-responsible mode ("Dessert Schaerbeek"), styled by
 * level; an unknown area is marked as such. `textLang` is the language of the API's text. */
export function servesReason(serves, lang, textLang) {
  if (!serves?.text) return null;
  const level = LEVELS.includes(serves.level) ? serves.level : 'unknown';
  const text = serves.text.charAt(0).toLocaleUpperCase() + serves.text.slice(1);
  return h('p', { class: `serves-reason level-${level}` },
    h('span', { class: 'visually-hidden' }, `${t(lang, 'serves.reason')} `),
    level === 'unknown' ? h('span', { class: 'serves-mark', 'aria-hidden': 'true' }, '?') : null,
    h('span', { lang: textLang && textLang !== lang ? textLang : null }, text),
    level === 'unknown' ? h('span', { class: 'serves-check' }, ` · ${t(lang, 'serves.unknown_check')}`) : null);
}

/** In the breakdown view, links to the offer of the commune, quartier or bassin filtered on. */
export function renderTerritoryLinks(container, state, nameOf) {
  clear(container);
  const lang = state.lang;
  const chosen = [['communes', state.commune], ['quartiers', state.quartier], ['bassins', state.bassin]]
    .filter(([, code]) => code);
  container.hidden = chosen.length === 0;
  if (!chosen.length) return;
  append(container, [`${t(lang, 'serves.offer')} `, chosen.map(([layer, code], index) => [index ? ' · ' : '',
    h('a', { href: territoryHref(layer, code, lang) }, t(lang, `serves.in_${layer}`, { name: nameOf(layer, code) || code }))])]);
}
