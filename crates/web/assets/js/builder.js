// The widget builder of /embed/example: pickers holding the API's valid values only, a live
// preview (the real widget), the snippet with this server's origin and a copy button.
// The page language is ?lang=fr|nl; the choices are kept in the URL (shareable).

const PAGE_LANGS = ['fr', 'nl'];
const WIDGET_LANGS = ['fr', 'nl', 'en'];
/** Spoken languages offered besides those the data holds (ISO 639-1). */
const COMMON_LANGUAGES = ['fr', 'nl', 'en', 'de', 'ar', 'tr', 'es', 'it', 'pt', 'pl', 'ro', 'bg', 'ru', 'uk', 'fa', 'ps', 'so', 'ti', 'ln', 'sq', 'el', 'zh'];
const DEFAULT_LIMIT = 5;

// [fr, nl]
const TEXT = {
  pageTitle: ['Le widget Orienta sur votre site — Orienta', 'De Orienta-widget op uw website — Orienta'],
  pageLangs: ['Langue de la page', 'Taal van de pagina'],
  title: ['Le widget Orienta sur votre site', 'De Orienta-widget op uw website'],
  intro: ['Montrez à vos visiteurs les services sociaux et de santé de leur quartier, toujours à jour. Choisissez les options, vérifiez l’aperçu, puis copiez le code dans votre page.',
    'Toon uw bezoekers de sociale en gezondheidsdiensten in hun buurt, altijd actueel. Kies de opties, bekijk het voorbeeld en kopieer de code naar uw pagina.'],
  options: ['1. Ce que le widget montre', '1. Wat de widget toont'],
  need: ['Besoin', 'Behoefte'],
  anyNeed: ['Tous les besoins', 'Alle behoeften'],
  bassin: ['Bassin d’aide et de soins', 'Hulp- en zorgbassin'],
  anyBassin: ['Toute la Région', 'Heel het Gewest'],
  commune: ['Commune', 'Gemeente'],
  anyCommune: ['Toutes les communes', 'Alle gemeenten'],
  communeHint: ['Seules les communes du bassin choisi sont proposées.', 'Alleen de gemeenten van het gekozen bassin worden voorgesteld.'],
  language: ['Langue parlée par le service', 'Taal gesproken door de dienst'],
  anyLanguage: ['Toutes les langues', 'Alle talen'],
  widgetLang: ['Langue du widget', 'Taal van de widget'],
  limit: ['Nombre de services affichés', 'Aantal getoonde diensten'],
  limitHint: ['De 1 à 20.', 'Van 1 tot 20.'],
  preview: ['2. Aperçu', '2. Voorbeeld'],
  previewHint: ['Le vrai widget, avec les options choisies : il se met à jour à chaque changement.',
    'De echte widget met de gekozen opties: hij wordt bij elke wijziging bijgewerkt.'],
  code: ['3. Code à coller dans votre page', '3. Code om in uw pagina te plakken'],
  form: ['Forme du code', 'Vorm van de code'],
  formOne: ['Une seule balise', 'Eén enkele tag'],
  formOneHint: ['Le widget s’affiche à l’endroit du code.', 'De widget verschijnt op de plaats van de code.'],
  formTwo: ['Deux balises (script + div)', 'Twee tags (script + div)'],
  formTwoHint: ['Le widget s’affiche à l’endroit du div ; un seul script suffit pour plusieurs widgets.',
    'De widget verschijnt op de plaats van de div; één script volstaat voor meerdere widgets.'],
  snippet: ['Code HTML', 'HTML-code'],
  copy: ['Copier le code', 'Code kopiëren'],
  copied: ['✓ Code copié dans le presse-papiers.', '✓ Code gekopieerd naar het klembord.'],
  copyRefused: ['Le navigateur refuse la copie automatique : le code est sélectionné, appuyez sur Ctrl+C (⌘+C sur Mac).',
    'De browser weigert automatisch kopiëren: de code is geselecteerd, druk op Ctrl+C (⌘+C op Mac).'],
  loadError: ['Les listes de choix ne peuvent pas être chargées pour le moment : rechargez la page.',
    'De keuzelijsten kunnen momenteel niet worden geladen: laad de pagina opnieuw.'],
  demo: ['Démonstration : un site partenaire au style très chargé', 'Demonstratie: een partnersite met een erg drukke stijl'],
  demoNote: ['Le CSS agressif de cette page ne touche pas les widgets Orienta (shadow DOM).',
    'De agressieve CSS van deze pagina raakt de Orienta-widgets niet (shadow DOM).'],
  back: ['Retour à Orienta', 'Terug naar Orienta'],
};

const $ = (id) => document.getElementById(id);
const url = new URLSearchParams(window.location.search);
const pageLang = PAGE_LANGS.includes(url.get('lang')) ? url.get('lang') : 'fr';
const locale = pageLang === 'nl' ? 'nl-BE' : 'fr-BE';
const collator = new Intl.Collator(locale);
const tr = (key) => (TEXT[key] ? TEXT[key][PAGE_LANGS.indexOf(pageLang)] : key);

function applyStrings() {
  document.documentElement.lang = pageLang;
  document.title = tr('pageTitle');
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = tr(node.dataset.t);
  for (const node of document.querySelectorAll('[data-t-label]')) node.setAttribute('aria-label', tr(node.dataset.tLabel));
  $(`page-${pageLang}`).setAttribute('aria-current', 'page');
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

const propertiesOf = (collection) => (collection.features || []).map((feature) => feature.properties || {});

/** The valid values of every picker, from the API. */
async function loadChoices() {
  const [needs, bassins, communes, search] = await Promise.all([
    getJson(`/v1/needs?lang=${pageLang}`),
    getJson('/v1/territories/bassins?geometry=false'),
    getJson('/v1/territories/communes?geometry=false'),
    getJson(`/v1/search?per_page=1&lang=${pageLang}`),
  ]);
  const held = ((search.facets && search.facets.languages) || []).map((facet) => String(facet.value));
  return {
    needs: needs.needs || [],
    bassins: propertiesOf(bassins),
    communes: propertiesOf(communes),
    languages: [...new Set([...COMMON_LANGUAGES, ...held])].filter((code) => /^[a-z]{2}$/.test(code)),
  };
}

function option(value, label) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
}

/** Empties a select but its "any" option, appends `entries` and keeps `value` if offered. */
function fill(select, anyKey, entries, value) {
  select.replaceChildren(option('', tr(anyKey)), ...entries);
  select.value = [...select.options].some((entry) => entry.value === value) ? value : '';
}

const byLabel = (left, right) => collator.compare(left.label, right.label);

/** Needs grouped under their top concept, as in the search page's filter. */
function needOptions(needs) {
  const byId = new Map(needs.map((need) => [need.id, need]));
  const rootOf = (need) => {
    let current = need;
    for (let depth = 0; depth < 8 && byId.has(current.broader?.[0]); depth += 1) current = byId.get(current.broader[0]);
    return current;
  };
  const groups = new Map();
  for (const need of needs) {
    const root = rootOf(need);
    if (!groups.has(root.id)) groups.set(root.id, { label: root.label, members: [] });
    if (need.id !== root.id) groups.get(root.id).members.push({ value: need.id, label: need.label });
  }
  return [...groups.entries()].sort((left, right) => byLabel(left[1], right[1])).map(([id, group]) => {
    const element = document.createElement('optgroup');
    element.label = group.label;
    element.append(option(id, group.label), ...group.members.sort(byLabel).map((member) => option(member.value, `\u2003${member.label}`)));
    return element;
  });
}

function placeOptions(places, idKey) {
  return places.map((place) => ({ value: String(place[idKey]), label: place[pageLang] || place.fr }))
    .sort(byLabel).map((place) => option(place.value, place.label));
}

function languageName(code) {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code;
  } catch {
    return code;
  }
}

let choices = { needs: [], bassins: [], communes: [], languages: COMMON_LANGUAGES };

function fillCommunes(value) {
  const bassin = $('b-bassin').value;
  const communes = choices.communes.filter((commune) => !bassin || (commune.bassins || []).some((entry) => entry.slug === bassin));
  fill($('b-commune'), 'anyCommune', placeOptions(communes, 'nis'), value);
}

/** Fills the pickers, selecting the URL's choices when they are valid. */
function fillAll() {
  fill($('b-need'), 'anyNeed', needOptions(choices.needs), url.get('need') || '');
  fill($('b-bassin'), 'anyBassin', placeOptions(choices.bassins, 'slug'), url.get('bassin') || '');
  fillCommunes(url.get('commune') || '');
  const languages = choices.languages.map((code) => ({ value: code, label: languageName(code) })).sort(byLabel);
  fill($('b-language'), 'anyLanguage', languages.map((entry) => option(entry.value, entry.label)), url.get('language') || '');
  const wanted = url.get('wlang');
  if (WIDGET_LANGS.includes(wanted)) $(`b-lang-${wanted}`).checked = true;
  if (url.has('limit')) $('b-limit').value = String(clampLimit(url.get('limit')));
  if (url.get('form') === 'two') $('b-form-two').checked = true;
}

function clampLimit(raw) {
  const number = Math.round(Number(raw));
  return String(raw).trim() !== '' && Number.isFinite(number) ? Math.min(20, Math.max(1, number)) : DEFAULT_LIMIT;
}

const checked = (name, fallback) => document.querySelector(`input[name="${name}"]:checked`)?.value || fallback;

function readState() {
  return {
    need: $('b-need').value,
    bassin: $('b-bassin').value,
    commune: $('b-commune').value,
    language: $('b-language').value,
    lang: checked('wlang', 'fr'),
    limit: clampLimit($('b-limit').value),
    form: checked('snippet-form', 'one'),
  };
}

/** The widget's data-attributes for a state, empty ones left out. */
function attributesOf(state) {
  return [['need', state.need], ['bassin', state.bassin], ['commune', state.commune],
    ['language', state.language], ['lang', state.lang], ['limit', String(state.limit)]]
    .filter(([, value]) => value).map(([name, value]) => [`data-${name}`, value]);
}

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The code to paste, with this server's real origin. */
function snippetOf(state) {
  const src = `${window.location.origin}/embed/widget.js`;
  const attributes = attributesOf(state).map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  if (state.form === 'one') return `<script src="${src}" ${attributes} async></script>`;
  return `<script src="${src}" async></script>\n<div data-orienta-widget ${attributes}></div>`;
}

/** Keeps the choices in the URL and the page-language links. */
function writeUrl(state) {
  const params = new URLSearchParams();
  for (const key of ['need', 'bassin', 'commune', 'language']) if (state[key]) params.set(key, state[key]);
  if (state.lang !== 'fr') params.set('wlang', state.lang);
  if (state.limit !== DEFAULT_LIMIT) params.set('limit', String(state.limit));
  if (state.form !== 'one') params.set('form', state.form);
  for (const lang of PAGE_LANGS) {
    const withLang = new URLSearchParams(params);
    withLang.set('lang', lang);
    $(`page-${lang}`).href = `?${withLang}`;
  }
  if (pageLang !== 'fr') params.set('lang', pageLang);
  const query = params.toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

let widgetLoaded = null;
/** window.OrientaWidget once widget.js (loaded async by the page) has run. */
function widgetApi() {
  if (!widgetLoaded) {
    widgetLoaded = window.OrientaWidget ? Promise.resolve(window.OrientaWidget) : new Promise((resolve) => {
      const script = document.querySelector('script[src$="/embed/widget.js"]');
      script.addEventListener('load', () => resolve(window.OrientaWidget), { once: true });
    });
  }
  return widgetLoaded;
}

/** Replaces the preview with a fresh widget host carrying the state's attributes. */
async function renderPreview(state) {
  const widget = await widgetApi();
  const host = document.createElement('div');
  host.setAttribute('data-orienta-widget', '');
  for (const [name, value] of attributesOf(state)) host.setAttribute(name, value);
  $('preview').replaceChildren(host);
  widget.render(host);
}

let previewKey = '';
let previewTimer = 0;

function update() {
  const state = readState();
  const snippet = snippetOf(state);
  if ($('snippet').value !== snippet) {
    $('snippet').value = snippet;
    say('', '');
  }
  writeUrl(state);
  const key = JSON.stringify(attributesOf(state));
  if (key === previewKey) return;
  previewKey = key;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => renderPreview(state), 120);
}

function say(key, tone) {
  const status = $('copy-status');
  status.textContent = key ? tr(key) : '';
  status.className = `copy-status ${tone}`.trim();
}

/** Copies the snippet; when the clipboard is refused, selects it and says how to copy it. */
async function copySnippet() {
  const area = $('snippet');
  try {
    await navigator.clipboard.writeText(area.value);
    say('copied', 'ok');
  } catch {
    area.focus();
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    say(copied ? 'copied' : 'copyRefused', copied ? 'ok' : 'warn');
  }
}

function bindEvents() {
  $('builder').addEventListener('submit', (event) => event.preventDefault());
  $('b-bassin').addEventListener('change', () => fillCommunes($('b-commune').value));
  $('b-limit').addEventListener('change', () => {
    $('b-limit').value = String(clampLimit($('b-limit').value));
  });
  for (const eventName of ['change', 'input']) {
    $('builder').addEventListener(eventName, update);
    document.querySelector('.code fieldset').addEventListener(eventName, update);
  }
  $('copy').addEventListener('click', copySnippet);
}

function showLoadError() {
  const alert = document.createElement('p');
  alert.className = 'load-error';
  alert.setAttribute('role', 'alert');
  alert.textContent = tr('loadError');
  $('options-title').after(alert);
}

async function init() {
  applyStrings();
  bindEvents();
  try {
    choices = await loadChoices();
  } catch (error) {
    console.warn('Orienta builder:', error);
    showLoadError();
  }
  fillAll();
  update();
  document.body.setAttribute('data-builder-ready', 'true');
}

init();
