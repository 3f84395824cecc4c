// The detail view of one organisation: every field, FR and NL side by side.
import { h, clear } from './dom.js';
import { t, pick, dataLang, languageName, labelled, langMark } from './i18n.js';
import { addressLine, formatDate, weeklyRows, phoneDisplay, languagesText, languageCodes, weeklyOf, hoursTextOf, toMinutes } from './format.js';
import { sampleBadge, openBadge } from './results.js';
import { titleCase, territoryHref } from './places.js';

const SOURCE_NAMES = {
  social_brussels: 'Bruxelles Social / Sociaal Brussel',
  partner_csv: 'CSV partenaire / partner-CSV',
  hsds: 'HSDS (Open Referral)',
  hospitals: 'SPF Santé publique / FOD Volksgezondheid',
};

/**
 * Renders a record into the dialog.
 * @param {object} record the /v1/organisations/{id} body
 * @param {string} lang the interface language
 * @param {object} tools `{needName(id), inSheet: boolean, onSheet(checked), onCopy(), printHref}`
 */
export function renderDetail(record, lang, tools) {
  const title = document.getElementById('detail-title');
  const body = clear(document.getElementById('detail-body'));
  const wanted = dataLang(lang);
  const name = pick(record.name, wanted) || { text: record.id, lang: wanted };
  clear(title).append(...[h('span', { lang: name.lang !== lang ? name.lang : null }, name.text), langMark(name.lang, lang)].filter(Boolean));

  const otherLang = name.lang === 'nl' ? 'fr' : 'nl';
  const otherName = record.name?.[otherLang];
  if (otherName && otherName !== name.text) body.append(h('p', { class: 'other-lang', lang: otherLang }, otherName));

  const main = record.locations?.[0];
  body.append(h('div', { class: 'badges' },
    record.synthetic ? sampleBadge(lang) : null,
    openBadge(record.hours?.open_now ?? openNow(weeklyOf(record)), lang),
    record.care_line ? h('span', { class: 'badge line' }, t(lang, `care.${record.care_line}`)) : null,
  ));
  if (record.synthetic) body.append(h('p', { class: 'sample-banner' }, t(lang, 'badge.sample_title')));
  const stale = (record.notices || []).find((notice) => notice.kind === 'stale');
  if (stale) body.append(noticeLine(stale, lang, 'stale-warning'));
  if (record.needs?.length) {
    body.append(h('ul', { class: 'chips', 'aria-label': t(lang, 'detail.needs') },
      record.needs.map((need) => h('li', { class: 'chip' }, typeof need === 'string' ? tools.needName(need) : need.label || need.id))));
  }
  const area = serviceAreaFacts(record.service_area, lang);
  if (area) body.append(area);
  body.append(h('div', { class: 'detail-actions' },
    h('button', { type: 'button', class: 'button primary small', 'aria-pressed': tools.inSheet ? 'true' : 'false', onclick: (event) => {
      const checked = event.currentTarget.getAttribute('aria-pressed') !== 'true';
      tools.onSheet(checked);
      event.currentTarget.setAttribute('aria-pressed', checked ? 'true' : 'false');
      event.currentTarget.textContent = t(lang, checked ? 'detail.remove' : 'detail.add');
    } }, t(lang, tools.inSheet ? 'detail.remove' : 'detail.add')),
    h('button', { type: 'button', class: 'button secondary small', onclick: tools.onCopy }, t(lang, 'detail.copy')),
    h('a', { class: 'button secondary small', href: tools.printHref }, t(lang, 'detail.print_one')),
  ));

  bilingualSection(body, lang, 'detail.description', record.description);
  bilingualSection(body, lang, 'detail.audience', record.audience);
  bilingualSection(body, lang, 'detail.access', record.access);
  contactSection(body, lang, record);
  hoursSection(body, lang, hoursTextOf(record), weeklyOf(record));
  aboutSection(body, lang, record);
  for (const location of record.locations || []) locationSection(body, lang, location, location === main);
  bilingualSection(body, lang, 'detail.remark', record.remark);
  sourcesSection(body, lang, record.sources || [], record.updated_at);
  externalIdsSection(body, lang, record.external_ids || []);
  noticesSection(body, lang, record.notices || []);
  // The import's quality codes only reach staff (an admin key): the API sends them then.
  if (Array.isArray(record.quality)) staffQualitySection(body, lang, record.quality);
}

/** "Service area: Serves Schaerbeek", and in smaller text how it is known (API texts). */
function serviceAreaFacts(area, lang) {
  if (!area?.text) return null;
  const textLang = area.lang && area.lang !== lang ? area.lang : null;
  return h('dl', { class: 'facts service-area' },
    h('dt', {}, t(lang, 'detail.service_area')),
    h('dd', {}, h('span', { lang: textLang }, area.text),
      area.status_text ? h('small', { class: 'area-status', lang: textLang }, area.status_text) : null));
}

function section(parent, lang, key, ...children) {
  parent.append(h('section', {}, h('h3', {}, t(lang, key)), ...children));
}

/** FR and NL side by side; nothing when both are empty. */
function bilingualSection(parent, lang, key, text) {
  if (!text || (!text.fr && !text.nl)) return;
  const column = (code) => h('div', { lang: code },
    h('h4', {}, t(code, `detail.in_${code}`)),
    text[code] ? h('p', {}, text[code]) : h('p', { class: 'missing', lang }, t(lang, 'detail.missing')));
  section(parent, lang, key, h('div', { class: 'bilingual' }, column('fr'), column('nl')));
}

function contactSection(parent, lang, record) {
  const facts = h('dl', { class: 'facts' });
  for (const phone of record.phones || []) {
    const kind = t(lang, `phone.${phone.kind || 'voice'}`);
    facts.append(h('dt', {}, kind.charAt(0).toLocaleUpperCase() + kind.slice(1)),
      h('dd', {}, phone.kind === 'fax' ? phoneDisplay(phone) : h('a', { href: `tel:${phone.e164}` }, phoneDisplay(phone))));
  }
  for (const email of record.emails || []) {
    facts.append(h('dt', {}, t(lang, 'detail.emails')), h('dd', {}, h('a', { href: `mailto:${email}` }, email)));
  }
  for (const website of record.websites || []) {
    const safe = /^https?:\/\//i.test(website) ? website : null;
    facts.append(h('dt', {}, t(lang, 'detail.websites')),
      h('dd', {}, safe ? h('a', { href: safe, rel: 'noopener noreferrer', target: '_blank' }, website) : website));
  }
  if (!facts.children.length) facts.append(h('dt', {}, t(lang, 'detail.contact')), h('dd', { class: 'missing' }, t(lang, 'detail.missing')));
  section(parent, lang, 'detail.contact', facts);
}

function hoursSection(parent, lang, text, weekly) {
  const rows = weeklyRows(lang, weekly);
  const hasText = text && (text.fr || text.nl);
  if (!rows.length && !hasText) return;
  const children = [];
  if (hasText) {
    children.push(h('div', { class: 'bilingual' }, ['fr', 'nl'].map((code) => h('div', { lang: code },
      h('h4', {}, t(code, `detail.in_${code}`)),
      text[code] ? h('p', {}, text[code]) : h('p', { class: 'missing', lang }, t(lang, 'detail.missing'))))));
  }
  if (rows.length) {
    children.push(h('table', { class: 'weekly' },
      h('caption', { class: 'visually-hidden' }, t(lang, 'detail.weekly')),
      h('tbody', {}, rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label), h('td', {}, row.periods))))));
  }
  section(parent, lang, 'detail.hours', ...children);
}

function aboutSection(parent, lang, record) {
  const facts = h('dl', { class: 'facts' });
  if (record.languages?.length) {
    facts.append(h('dt', {}, t(lang, 'detail.languages')), h('dd', {}, languagesText(record.languages, lang),
      record.interpretation ? ` · ${t(lang, 'detail.interpretation')}` : ''));
  }
  const legal = pick(record.legal_status?.label, dataLang(lang));
  if (legal) facts.append(h('dt', {}, t(lang, 'detail.legal')), h('dd', {}, h('span', { lang: legal.lang !== lang ? legal.lang : null }, legal.text), langMark(legal.lang, lang)));
  const altNames = [...(record.alt_names || []), ...(record.former_names || [])];
  if (altNames.length) facts.append(h('dt', {}, t(lang, 'detail.alt_names')), h('dd', {}, altNames.join(' · ')));
  if (facts.children.length) parent.append(h('section', {}, facts));
}

function locationSection(parent, lang, location, isMain) {
  const wanted = dataLang(lang);
  const line = addressLine(location.address, wanted);
  const other = addressLine(location.address, wanted === 'fr' ? 'nl' : 'fr');
  const siteName = pick(location.name, wanted);
  const territory = location.territory || {};
  const tags = h('ul', { class: 'territory-tags' });
  const tag = (kindKey, value, ...extra) => tags.append(h('li', {}, h('span', { class: 'kind' }, labelled(lang, kindKey)), value, ...extra));
  const quartier = territory.quartier ? { fr: titleCase(territory.quartier.fr), nl: titleCase(territory.quartier.nl) } : null;
  if (territory.commune) tag('detail.commune', bilingualName(territory.commune, lang), offerLink('communes', territory.commune.nis, territory.commune, lang));
  if (quartier) tag('detail.quartier', bilingualName(quartier, lang), offerLink('quartiers', territory.quartier.code, quartier, lang));
  if (territory.bassin) {
    const inferred = territory.bassin.status === 'inferred';
    tag('detail.bassin', bilingualName(territory.bassin, lang),
      h('span', { class: `badge ${inferred ? 'inferred' : 'official'}`, title: inferred ? t(lang, 'badge.inferred_title') : null },
        t(lang, inferred ? 'badge.inferred' : 'badge.official')),
      offerLink('bassins', territory.bassin.slug, territory.bassin, lang));
  }
  if (territory.qss) tag('detail.qss', bilingualName(territory.qss, lang));
  const precision = territory.geo?.precision || location.geo?.precision || territory.precision;
  section(parent, lang, isMain ? 'detail.locations' : 'detail.geo',
    siteName ? h('p', {}, h('strong', { lang: siteName.lang !== lang ? siteName.lang : null }, siteName.text), langMark(siteName.lang, lang)) : null,
    h('p', {}, line || location.address?.raw || t(lang, 'detail.missing'),
      other && other !== line ? h('span', { class: 'other-lang', lang: wanted === 'fr' ? 'nl' : 'fr' }, other) : null),
    tags.children.length ? tags : null,
    precision ? h('p', { class: 'hint' }, `${labelled(lang, 'detail.geo')} ${t(lang, `precision.${precision}`)}`) : null,
  );
}

/** A link to the offer page of a commune, quartier or bassin (nothing without its code). */
function offerLink(layer, code, names, lang) {
  if (code === undefined || code === null || code === '') return null;
  const name = (lang === 'nl' ? names.nl : names.fr) || names.fr || names.nl || '';
  return h('a', { class: 'offer-link', href: territoryHref(layer, code, lang), 'aria-label': t(lang, 'detail.offer_link_named', { name }) },
    t(lang, 'detail.offer_link'));
}

/** "Schaerbeek / Schaarbeek" with each name in its language. */
function bilingualName(names, lang) {
  const first = lang === 'nl' ? 'nl' : 'fr';
  const second = first === 'fr' ? 'nl' : 'fr';
  if (!names[second] || names[second] === names[first]) return h('span', { lang: first !== lang ? first : null }, names[first] || names[second] || '');
  return h('span', {}, h('span', { lang: first !== lang ? first : null }, names[first]), ' / ', h('span', { lang: second }, names[second]));
}

function sourcesSection(parent, lang, sources, updatedAt) {
  if (!sources.length) return;
  const updated = updatedAt || sources.map((source) => source.updated_at).filter(Boolean).sort().pop();
  section(parent, lang, 'detail.sources',
    updated ? h('p', {}, h('strong', {}, `${labelled(lang, 'detail.updated')} `), formatDate(lang, updated)) : null,
    h('ul', {}, sources.map((entry) => {
      const source = entry.source || entry;
      return h('li', {},
        `${SOURCE_NAMES[source.system] || source.system} · ${source.id}`,
        entry.fetched_at ? ` · ${t(lang, 'detail.fetched')} ${formatDate(lang, entry.fetched_at)}` : '',
        source.url && /^https?:\/\//i.test(source.url)
          ? [' · ', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, t(lang, 'detail.source_link'))] : null);
    })),
  );
}

function externalIdsSection(parent, lang, externalIds) {
  if (!externalIds.length) return;
  section(parent, lang, 'detail.external_ids', h('ul', {}, externalIds.map((entry) => h('li', {},
    `${entry.scheme} · `,
    entry.url && /^https?:\/\//i.test(entry.url)
      ? h('a', { href: entry.url, rel: 'noopener noreferrer', target: '_blank' }, entry.value) : entry.value))));
}

/** One notice in the reader's language (the other official one marked when missing). */
function noticeLine(notice, lang, className) {
  const text = pick(notice.text, lang);
  if (!text) return null;
  return h('p', { class: className, lang: text.lang !== lang ? text.lang : null }, `⚠ ${text.text}`);
}

/** What a reader should know about the data: its age, an approximate point, a dropped contact. */
function noticesSection(parent, lang, notices) {
  const others = notices.filter((notice) => notice.kind !== 'stale');
  if (!others.length) return;
  section(parent, lang, 'detail.notices', h('ul', { class: 'notice-list' },
    others.map((notice) => h('li', {}, noticeLine(notice, lang, 'notice')))));
}

/** The staff view: the import's quality codes, fields and messages (English, as logged). */
function staffQualitySection(parent, lang, quality) {
  section(parent, lang, 'detail.quality', h('p', { class: 'hint' }, t(lang, 'staff.quality_hint')), quality.length
    ? h('ul', { class: 'quality-list' }, quality.map((issue) => h('li', {},
      h('span', { class: `badge ${issue.severity === 'info' ? 'official' : 'inferred'}` }, t(lang, `severity.${issue.severity || 'info'}`)), ' ',
      h('span', { class: 'code' }, issue.code), issue.field ? ` (${issue.field})` : '', ' — ',
      h('span', { lang: 'en' }, issue.message || ''))))
    : h('p', {}, t(lang, 'detail.no_quality')));
}

/** Whether open now in Brussels, from weekly slots; null when unknown. */
export function openNow(weekly, now = new Date()) {
  if (!Array.isArray(weekly) || weekly.length === 0) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type) => parts.find((part) => part.type === type)?.value || '';
  const day = get('weekday').slice(0, 3).toLowerCase();
  const minute = Number(get('hour')) * 60 + Number(get('minute'));
  return weekly.some((slot) => slot.day === day && toMinutes(slot.opens) <= minute && minute < toMinutes(slot.closes));
}

/** Plain-text contact block of a full record, for the clipboard. */
export function recordContactText(record, lang) {
  const wanted = dataLang(lang);
  const lines = [pick(record.name, wanted)?.text || ''];
  if (record.synthetic) lines.push(`(${t(lang, 'badge.sample')})`);
  const main = record.locations?.[0];
  if (main) lines.push(addressLine(main.address, wanted));
  for (const phone of record.phones || []) lines.push(`${labelled(lang, `phone.${phone.kind || 'voice'}`)} ${phoneDisplay(phone)}`);
  lines.push(...(record.emails || []), ...(record.websites || []));
  const hours = pick(hoursTextOf(record), wanted);
  if (hours) lines.push(`${labelled(lang, 'result.hours')} ${hours.text}`);
  const codes = languageCodes(record.languages);
  if (codes.length) lines.push(`${labelled(lang, 'result.languages')} ${codes.map((code) => languageName(code, lang)).join(', ')}`);
  return lines.filter(Boolean).join('\n');
}
