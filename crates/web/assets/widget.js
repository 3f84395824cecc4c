/*
 * Orienta partner widget.
 *
 *   <script src="https://ORIENTA/embed/widget.js" async></script>
 *   <div data-orienta-widget data-need="food-aid" data-bassin="sud" data-commune=""
 *        data-language="" data-lang="nl" data-limit="5"></div>
 *
 * Renders Orienta search results inside the div, in a shadow root (isolated from the
 * host page's CSS). The API origin is taken from this script's own src. Options:
 * data-need, data-q, data-bassin, data-commune, data-quartier, data-language (spoken
 * language, ISO 639-1), data-lang (fr | nl | en, interface), data-limit (1–20).
 * `window.OrientaWidget.scan()` renders widgets added to the page later.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src*="/embed/widget.js"]');
  if (!script) return;
  var ORIGIN = new URL(script.src, window.location.href).origin;

  var TEXT = {
    fr: {
      fallbackTitle: 'Services sociaux et de santé à Bruxelles',
      by: 'Répertoire social-santé Orienta',
      loading: 'Chargement des services…',
      count: '{shown} sur {total} services',
      countOne: '1 service',
      none: 'Aucun service trouvé pour ces critères.',
      error: 'Les services ne peuvent pas être affichés pour le moment.',
      more: 'Voir tous les résultats sur Orienta',
      open: 'Voir la fiche de {name} sur Orienta',
      phone: 'Tél.',
      sample: 'Donnée d’exemple fictive',
      sampleTitle: 'Enregistrement fictif généré pour la démonstration',
      openNow: 'Ouvert maintenant',
    },
    nl: {
      fallbackTitle: 'Sociale en gezondheidsdiensten in Brussel',
      by: 'Sociale-gezondheidsgids Orienta',
      loading: 'Diensten worden geladen…',
      count: '{shown} van {total} diensten',
      countOne: '1 dienst',
      none: 'Geen diensten gevonden voor deze criteria.',
      error: 'De diensten kunnen momenteel niet worden getoond.',
      more: 'Alle resultaten bekijken op Orienta',
      open: 'De fiche van {name} bekijken op Orienta',
      phone: 'Tel.',
      sample: 'Fictief voorbeeldgegeven',
      sampleTitle: 'Fictief record aangemaakt voor de demonstratie',
      openNow: 'Nu open',
    },
    en: {
      fallbackTitle: 'Social and health services in Brussels',
      by: 'Orienta social-health directory',
      loading: 'Loading services…',
      count: '{shown} of {total} services',
      countOne: '1 service',
      none: 'No services found for these criteria.',
      error: 'The services cannot be shown right now.',
      more: 'See all results on Orienta',
      open: 'View {name} on Orienta',
      phone: 'Tel.',
      sample: 'Fictitious sample data',
      sampleTitle: 'Fictitious record generated for the demonstration',
      openNow: 'Open now',
    },
  };

  var STYLE = [
    ':host{all:initial !important;display:block !important;}',
    '.orienta{all:initial;display:block;box-sizing:border-box;max-width:100%;margin:0;padding:14px 16px;',
    'font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;',
    'font-size:15px;line-height:1.45;color:#16202c;background:#fff;border:1px solid #c9d2de;border-radius:10px;',
    'text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none;font-style:normal;font-weight:400;}',
    '.orienta *,.orienta *::before,.orienta *::after{box-sizing:border-box;}',
    '.head{display:flex;align-items:flex-start;justify-content:space-between;gap:12px;border-bottom:3px solid #17457a;padding-bottom:8px;margin-bottom:8px;}',
    'h2{margin:0;font-family:inherit;font-size:17px;font-weight:700;line-height:1.3;color:#0f3258;}',
    '.by{margin:2px 0 0;font-size:13px;color:#4a5566;}',
    '.logo{flex:none;width:30px;height:30px;border-radius:7px;background:#17457a;display:grid;place-items:center;}',
    '.status{margin:0 0 6px;font-size:13px;color:#4a5566;}',
    'ul{list-style:none;margin:0;padding:0;}',
    'li{margin:0;padding:9px 0;border-top:1px solid #e3e8ef;}',
    'li:first-child{border-top:0;}',
    'a{color:#17457a;text-decoration:underline;text-underline-offset:2px;}',
    'a:hover{color:#0f3258;}',
    'a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px;border-radius:3px;}',
    '.name{font-weight:700;font-size:15.5px;}',
    '.line{margin:2px 0 0;font-size:14px;color:#2f3b4a;}',
    '.needs{margin:3px 0 0;font-size:13px;color:#4a5566;}',
    '.badge{display:inline-block;margin:3px 6px 0 0;padding:0 8px;border-radius:99px;font-size:12px;font-weight:700;border:1px solid;}',
    '.sample{background:#fff1c2;color:#5c3b00;border-color:#c98a00;}',
    '.open{background:#dff3e6;color:#14532d;border-color:#86c59c;}',
    '.more{display:inline-block;margin-top:8px;font-weight:700;}',
    '.error{color:#9b1c1c;}',
  ].join('');

  function t(lang, key, vars) {
    var text = (TEXT[lang] || TEXT.fr)[key] || TEXT.fr[key] || key;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return vars && name in vars ? String(vars[name]) : whole;
    });
  }

  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value !== null && value !== undefined && value !== false && value !== '') element.setAttribute(name, String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return element;
  }

  function langOf(host) {
    var wanted = (host.getAttribute('data-lang') || '').toLowerCase();
    if (TEXT[wanted]) return wanted;
    var page = (document.documentElement.lang || '').slice(0, 2).toLowerCase();
    return TEXT[page] ? page : 'fr';
  }

  function optionsOf(host) {
    var limit = parseInt(host.getAttribute('data-limit') || '5', 10);
    var options = { limit: isFinite(limit) ? Math.min(Math.max(limit, 1), 20) : 5 };
    ['need', 'q', 'bassin', 'commune', 'quartier', 'language'].forEach(function (key) {
      options[key] = (host.getAttribute('data-' + key) || '').trim();
    });
    return options;
  }

  function pageUrl(lang, options, id) {
    var params = new URLSearchParams();
    if (options.q) params.set('q', options.q);
    params.set('lang', lang);
    ['need', 'bassin', 'commune', 'quartier', 'language'].forEach(function (key) {
      if (options[key]) params.set(key, options[key]);
    });
    if (id) params.set('id', id);
    return ORIGIN + '/?' + params.toString();
  }

  function styleInto(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
        return;
      } catch (error) {
        // Fall back to a <style> element.
      }
    }
    root.append(el('style', {}, [STYLE]));
  }

  function logo() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 64 64');
    svg.setAttribute('width', '22');
    svg.setAttribute('height', '22');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var pin = document.createElementNS(ns, 'path');
    pin.setAttribute('d', 'M32 6c-10.5 0-19 8.3-19 18.6C13 38.5 32 58 32 58s19-19.5 19-33.4C51 14.3 42.5 6 32 6z');
    pin.setAttribute('fill', '#fff');
    var dot = document.createElementNS(ns, 'circle');
    dot.setAttribute('cx', '32');
    dot.setAttribute('cy', '25');
    dot.setAttribute('r', '9');
    dot.setAttribute('fill', '#17457a');
    svg.append(pin, dot);
    return el('span', { class: 'logo' }, [svg]);
  }

  /** Belgian display form of an E.164 number when the API gives none. */
  function phoneText(phone) {
    if (phone.display) return phone.display;
    var match = /^\+32(\d{8,9})$/.exec(phone.e164 || '');
    if (!match) return phone.e164 || '';
    var national = '0' + match[1];
    if (/^0[23]\d{7}$/.test(national)) {
      return [national.slice(0, 2), national.slice(2, 5), national.slice(5, 7), national.slice(7)].join(' ');
    }
    if (national.length === 10) {
      return [national.slice(0, 4), national.slice(4, 6), national.slice(6, 8), national.slice(8)].join(' ');
    }
    return [national.slice(0, 3), national.slice(3, 5), national.slice(5, 7), national.slice(7)].join(' ');
  }

  function titleOf(data, options, lang) {
    var facets = data && data.facets ? data.facets : {};
    var parts = [];
    var need = (facets.needs || []).filter(function (facet) { return String(facet.value) === options.need; })[0];
    if (need) parts.push(need.label);
    var bassin = (facets.bassins || []).filter(function (facet) { return String(facet.value) === options.bassin; })[0];
    if (bassin) parts.push(bassin.label);
    var commune = (facets.communes || []).filter(function (facet) { return String(facet.value) === options.commune; })[0];
    if (commune) parts.push(commune.label);
    return parts.length ? parts.join(' · ') : t(lang, 'fallbackTitle');
  }

  function item(result, lang, options) {
    var name = result.display_name || '';
    var needs = (result.needs || []).slice(0, 3).map(function (need) { return need.label || need.id; });
    var phone = (result.phones || []).filter(function (entry) { return entry.kind !== 'fax'; })[0];
    var nameLang = result.display_lang && result.display_lang !== lang ? result.display_lang : null;
    return el('li', {}, [
      el('a', { class: 'name', href: pageUrl(lang, options, result.id), lang: nameLang, 'aria-label': t(lang, 'open', { name: name }) }, [name]),
      el('div', {}, [
        result.synthetic ? el('span', { class: 'badge sample', title: t(lang, 'sampleTitle') }, [t(lang, 'sample')]) : null,
        result.hours && result.hours.open_now === true ? el('span', { class: 'badge open' }, [t(lang, 'openNow')]) : null,
      ]),
      needs.length ? el('p', { class: 'needs' }, [needs.join(' · ')]) : null,
      result.address && result.address.line ? el('p', { class: 'line' }, [result.address.line]) : null,
      phone ? el('p', { class: 'line' }, [t(lang, 'phone') + ' ', el('a', { href: 'tel:' + phone.e164 }, [phoneText(phone)])]) : null,
    ]);
  }

  function render(host) {
    if (!host || host.__orientaWidget) return;
    host.__orientaWidget = true;
    var lang = langOf(host);
    var options = optionsOf(host);
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    styleInto(root);
    var heading = el('h2', {}, [t(lang, 'fallbackTitle')]);
    var status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, [t(lang, 'loading')]);
    var list = el('ul', {}, []);
    var more = el('a', { class: 'more', href: pageUrl(lang, options) }, [t(lang, 'more') + ' →']);
    var section = el('section', { class: 'orienta', lang: lang }, [
      el('div', { class: 'head' }, [el('div', {}, [heading, el('p', { class: 'by' }, [t(lang, 'by')])]), logo()]),
      status, list, more,
    ]);
    root.append(section);

    var params = new URLSearchParams({ lang: lang === 'nl' ? 'nl' : 'fr', per_page: String(options.limit) });
    ['q', 'need', 'bassin', 'commune', 'quartier', 'language'].forEach(function (key) {
      if (options[key]) params.set(key, options[key]);
    });
    fetch(ORIGIN + '/v1/search?' + params.toString(), { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('http ' + response.status);
        return response.json();
      })
      .then(function (data) {
        var results = (data.results || []).slice(0, options.limit);
        heading.textContent = titleOf(data, options, lang);
        status.textContent = results.length === 0 ? t(lang, 'none')
          : data.total === 1 ? t(lang, 'countOne') : t(lang, 'count', { shown: results.length, total: data.total });
        results.forEach(function (result) { list.append(item(result, lang, options)); });
        host.setAttribute('data-orienta-ready', 'true');
      })
      .catch(function () {
        status.textContent = t(lang, 'error');
        status.className = 'status error';
        host.setAttribute('data-orienta-ready', 'error');
      });
  }

  function scan() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-orienta-widget]'), render);
  }

  window.OrientaWidget = { scan: scan, render: render };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
