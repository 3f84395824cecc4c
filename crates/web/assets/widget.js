/*
 * Orienta partner widget. Two ways to embed it:
 *
 *   two tags:  <script src="https://ORIENTA/embed/widget.js" async></script>
 *              <div data-orienta-widget data-need="food-aid" data-bassin="sud" data-lang="nl"></div>
 *   one tag:   <script src="https://ORIENTA/embed/widget.js" data-need="food-aid"
 *                      data-bassin="sud" data-lang="fr" async></script>
 *
 * A one-tag script gets its widget inserted right after it (any script whose src ends with
 * /embed/widget.js and carries data-* options or data-orienta-widget; several per page work).
 * Results render in a shadow root (isolated from the host page's CSS); the API origin is
 * taken from the script's src. Options: data-need, data-q, data-bassin, data-commune,
 * data-quartier, data-language (spoken language, ISO 639-1), data-lang (fr | nl | en,
 * interface), data-limit (1–20, default 5). A wrong value is reported with console.error
 * (attribute + reason); visitors only see a polite line. `window.OrientaWidget.scan()`
 * renders widgets added to the page later.
 */
(function () {
  'use strict';

  // Each one-tag script executes this file again: the first copy does the work.
  if (window.OrientaWidget && window.OrientaWidget.scan) {
    window.OrientaWidget.scan();
    return;
  }

  var SRC = /\/embed\/widget\.js(?:[?#].*)?$/;
  var OPTIONS = ['need', 'q', 'bassin', 'commune', 'quartier', 'language', 'lang', 'limit'];
  /** The data-attribute behind each /v1/search query parameter, to name it in errors. */
  var ATTRIBUTE = {
    need: 'data-need', q: 'data-q', bassin: 'data-bassin', commune: 'data-commune',
    quartier: 'data-quartier', language: 'data-language', per_page: 'data-limit', lang: 'data-lang',
  };
  var LANGS = ['fr', 'nl', 'en'];

  var loader = document.currentScript || scriptsOf()[0];
  if (!loader) return;
  var ORIGIN = originOf(loader);

  // [fr, nl, en]
  var TEXT = {
    fallbackTitle: ['Services sociaux et de santé à Bruxelles', 'Sociale en gezondheidsdiensten in Brussel', 'Social and health services in Brussels'],
    by: ['Répertoire social-santé Orienta', 'Sociale-gezondheidsgids Orienta', 'Orienta social-health directory'],
    loading: ['Chargement des services…', 'Diensten worden geladen…', 'Loading services…'],
    count: ['{shown} sur {total} services', '{shown} van {total} diensten', '{shown} of {total} services'],
    countOne: ['1 service', '1 dienst', '1 service'],
    none: ['Aucun service trouvé pour ces critères.', 'Geen diensten gevonden voor deze criteria.', 'No services found for these criteria.'],
    error: ['Ces services ne peuvent pas être affichés pour le moment.', 'Deze diensten kunnen momenteel niet worden getoond.', 'These services cannot be shown right now.'],
    more: ['Voir tous les résultats sur Orienta', 'Alle resultaten bekijken op Orienta', 'See all results on Orienta'],
    open: ['Voir la fiche de {name} sur Orienta', 'De fiche van {name} bekijken op Orienta', 'View {name} on Orienta'],
    phone: ['Tél.', 'Tel.', 'Tel.'],
    sample: ['Donnée d’exemple fictive', 'Fictief voorbeeldgegeven', 'Fictitious sample data'],
    sampleTitle: ['Enregistrement fictif généré pour la démonstration', 'Fictief record aangemaakt voor de demonstratie', 'Fictitious record generated for the demonstration'],
    sampleNotice: ['Données d’exemple fictives : ne pas contacter', 'Fictieve voorbeeldgegevens: niet contacteren', 'Fictitious sample data: do not contact'],
    openNow: ['Ouvert maintenant', 'Nu open', 'Open now'],
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
    '.notice{margin:0 0 6px;padding:4px 8px;border-radius:6px;font-size:13px;font-weight:700;background:#fff1c2;color:#5c3b00;border:1px solid #c98a00;}',
    'ul{list-style:none;margin:0;padding:0;}',
    'li{margin:0;padding:9px 0;border-top:1px solid #e3e8ef;}',
    'li:first-child{border-top:0;}',
    'a{color:#17457a;text-decoration:underline;text-underline-offset:2px;}',
    'a:hover{color:#0f3258;}',
    'a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px;border-radius:3px;}',
    '.name{font-weight:700;font-size:15.5px;}',
    '.line{margin:2px 0 0;font-size:14px;color:#2f3b4a;}',
    '.needs{margin:3px 0 0;font-size:13px;color:#4a5566;}',
    '.need{font-weight:700;color:#0f3258;}',
    '.badge{display:inline-block;margin:3px 6px 0 0;padding:0 8px;border-radius:99px;font-size:12px;font-weight:700;border:1px solid;}',
    '.sample{background:#fff1c2;color:#5c3b00;border-color:#c98a00;}',
    '.open{background:#dff3e6;color:#14532d;border-color:#86c59c;}',
    '.more{display:inline-block;margin-top:8px;font-weight:700;}',
    '.error{color:#9b1c1c;}',
  ].join('');

  function t(lang, key, vars) {
    var texts = TEXT[key];
    var text = texts ? texts[Math.max(LANGS.indexOf(lang), 0)] : key;
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

  function originOf(script) {
    return new URL(script.src, window.location.href).origin;
  }

  /** Scripts loading this file; with `pending`, only one-tag ones not rendered yet. */
  function scriptsOf(pending) {
    return Array.prototype.filter.call(document.scripts, function (script) {
      if (!SRC.test(script.src || '')) return false;
      if (!pending) return true;
      if (script.hasAttribute('data-orienta-rendered')) return false;
      return script.hasAttribute('data-orienta-widget') || OPTIONS.some(function (key) {
        return script.hasAttribute('data-' + key);
      });
    });
  }

  /** Inserts the widget host of a one-tag script right after it (in the body). */
  function mount(script) {
    if (!document.body) return;
    var host = document.createElement('div');
    host.setAttribute('data-orienta-widget', '');
    OPTIONS.forEach(function (key) {
      var value = script.getAttribute('data-' + key);
      if (value !== null) host.setAttribute('data-' + key, value);
    });
    host.__orientaOrigin = originOf(script);
    script.setAttribute('data-orienta-rendered', 'true');
    if (script.parentNode && script.parentNode !== document.head) script.parentNode.insertBefore(host, script.nextSibling);
    else document.body.prepend(host);
    render(host);
  }

  /** The options of a host and the wrong values found before asking the API. */
  function optionsOf(host) {
    var problems = [];
    var options = { origin: host.__orientaOrigin || ORIGIN };
    ['need', 'q', 'bassin', 'commune', 'quartier', 'language'].forEach(function (key) {
      options[key] = (host.getAttribute('data-' + key) || '').trim();
    });
    var wanted = (host.getAttribute('data-lang') || '').trim();
    var page = (document.documentElement.lang || '').slice(0, 2).toLowerCase();
    options.lang = LANGS.indexOf(wanted.toLowerCase()) >= 0 ? wanted.toLowerCase() : LANGS.indexOf(page) >= 0 ? page : 'fr';
    if (wanted && LANGS.indexOf(wanted.toLowerCase()) < 0) {
      problems.push({ attribute: 'data-lang', value: wanted, detail: 'use fr, nl or en' });
    }
    var limit = (host.getAttribute('data-limit') || '').trim();
    options.limit = limit === '' ? 5 : /^\d+$/.test(limit) ? parseInt(limit, 10) : NaN;
    if (!(options.limit >= 1 && options.limit <= 20)) {
      problems.push({ attribute: 'data-limit', value: limit, detail: 'use a whole number from 1 to 20' });
    }
    return { options: options, problems: problems };
  }

  function pageUrl(options, id) {
    var params = new URLSearchParams();
    if (options.q) params.set('q', options.q);
    params.set('lang', options.lang);
    ['need', 'bassin', 'commune', 'quartier', 'language'].forEach(function (key) {
      if (options[key]) params.set(key, options[key]);
    });
    if (id) params.set('id', id);
    return options.origin + '/?' + params.toString();
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
    [['viewBox', '0 0 64 64'], ['width', '22'], ['height', '22'], ['aria-hidden', 'true'], ['focusable', 'false']]
      .forEach(function (pair) { svg.setAttribute(pair[0], pair[1]); });
    var pin = document.createElementNS(ns, 'path');
    pin.setAttribute('d', 'M32 6c-10.5 0-19 8.3-19 18.6C13 38.5 32 58 32 58s19-19.5 19-33.4C51 14.3 42.5 6 32 6z');
    pin.setAttribute('fill', '#fff');
    var dot = document.createElementNS(ns, 'circle');
    [['cx', '32'], ['cy', '25'], ['r', '9'], ['fill', '#17457a']].forEach(function (pair) { dot.setAttribute(pair[0], pair[1]); });
    svg.append(pin, dot);
    return el('span', { class: 'logo' }, [svg]);
  }

  /** Belgian display form of an E.164 number when the API gives none. */
  function phoneText(phone) {
    if (phone.display) return phone.display;
    var match = /^\+32(\d{8,9})$/.exec(phone.e164 || '');
    if (!match) return phone.e164 || '';
    var n = '0' + match[1];
    if (/^0[23]\d{7}$/.test(n)) return [n.slice(0, 2), n.slice(2, 5), n.slice(5, 7), n.slice(7)].join(' ');
    if (n.length === 10) return [n.slice(0, 4), n.slice(4, 6), n.slice(6, 8), n.slice(8)].join(' ');
    return [n.slice(0, 3), n.slice(3, 5), n.slice(5, 7), n.slice(7)].join(' ');
  }

  function facetLabel(data, kind, value) {
    var facets = (data && data.facets && data.facets[kind]) || [];
    var found = facets.filter(function (facet) { return String(facet.value) === value; })[0];
    return found ? found.label : null;
  }

  function titleOf(data, options) {
    var parts = [facetLabel(data, 'needs', options.need), facetLabel(data, 'bassins', options.bassin),
      facetLabel(data, 'communes', options.commune)].filter(Boolean);
    return parts.length ? parts.join(' · ') : t(options.lang, 'fallbackTitle');
  }

  /** GET a JSON document; a failure rejects with {status, problem}. */
  function getJson(url) {
    return fetch(url, { credentials: 'omit', headers: { Accept: 'application/json' } }).then(function (response) {
      if (response.ok) return response.json();
      return response.json().catch(function () { return {}; }).then(function (problem) {
        throw { status: response.status, problem: problem || {} };
      });
    });
  }

  var needTrees = {};
  /** The needs thesaurus by id (one request per origin and language), or null. */
  function needTree(options) {
    var key = options.origin + ' ' + options.lang;
    if (!needTrees[key]) {
      needTrees[key] = getJson(options.origin + '/v1/needs?lang=' + options.lang).then(function (data) {
        var byId = {};
        (data.needs || []).forEach(function (need) { byId[need.id] = need; });
        return byId;
      }, function () { return null; });
    }
    return needTrees[key];
  }

  /** The needs asked for (data-need, the concepts read in data-q) with their labels. */
  function wantedNeeds(data, options, tree) {
    var wanted = [];
    if (options.need) wanted.push({ id: options.need, label: facetLabel(data, 'needs', options.need) });
    ((data.query && data.query.concepts) || []).forEach(function (concept) {
      if (concept.id !== options.need) wanted.push({ id: concept.id, label: concept.label });
    });
    return wanted.map(function (need) {
      var known = tree && tree[need.id];
      return { id: need.id, label: (known && known.label) || need.label || need.id, within: narrowerOf(tree, need.id) };
    });
  }

  /** The id and every narrower concept below it. */
  function narrowerOf(tree, id) {
    var found = {};
    var pending = [id];
    while (pending.length) {
      var current = pending.pop();
      if (found[current]) continue;
      found[current] = true;
      pending.push.apply(pending, (tree && tree[current] && tree[current].narrower) || []);
    }
    return found;
  }

  /** "Aide alimentaire · Repas à domicile": the needs a result matched, or its first ones. */
  function needLine(result, wanted) {
    var needs = result.needs || [];
    var labelOf = function (need) { return need.label || need.id; };
    var matched = wanted.filter(function (need) {
      return needs.some(function (own) { return need.within[own.id]; });
    });
    if (!matched.length) {
      var first = needs.slice(0, 3).map(labelOf);
      return first.length ? el('p', { class: 'needs' }, [first.join(' · ')]) : null;
    }
    var detail = needs.filter(function (own) {
      return matched.some(function (need) { return need.within[own.id] && own.id !== need.id; });
    }).slice(0, 3).map(labelOf);
    var main = el('strong', { class: 'need' }, [matched.map(function (need) { return need.label; }).join(' · ')]);
    return el('p', { class: 'needs' }, [main, detail.length ? ' · ' + detail.join(' · ') : null]);
  }

  function item(result, options, wanted) {
    var lang = options.lang;
    var name = result.display_name || '';
    var phone = (result.phones || []).filter(function (entry) { return entry.kind !== 'fax'; })[0];
    var nameLang = result.display_lang && result.display_lang !== lang ? result.display_lang : null;
    // A fictitious record's number is not a link: nobody should call it.
    var number = phone && (result.synthetic ? phoneText(phone) : el('a', { href: 'tel:' + phone.e164 }, [phoneText(phone)]));
    return el('li', {}, [
      el('a', { class: 'name', href: pageUrl(options, result.id), lang: nameLang, 'aria-label': t(lang, 'open', { name: name }) }, [name]),
      el('div', {}, [
        result.synthetic ? el('span', { class: 'badge sample', title: t(lang, 'sampleTitle') }, [t(lang, 'sample')]) : null,
        result.hours && result.hours.open_now === true ? el('span', { class: 'badge open' }, [t(lang, 'openNow')]) : null,
      ]),
      needLine(result, wanted),
      result.address && result.address.line ? el('p', { class: 'line' }, [result.address.line]) : null,
      number ? el('p', { class: 'line' }, [t(lang, 'phone') + ' ', number]) : null,
    ]);
  }

  /** Builds the empty widget in the host's shadow root; returns its parts. */
  function frame(host, options) {
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    root.replaceChildren();
    styleInto(root);
    var view = {
      heading: el('h2', {}, [t(options.lang, 'fallbackTitle')]),
      status: el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, [t(options.lang, 'loading')]),
      notice: el('p', { class: 'notice', hidden: 'hidden' }, [t(options.lang, 'sampleNotice')]),
      list: el('ul', {}, []),
    };
    view.more = el('a', { class: 'more', href: pageUrl(options) }, [t(options.lang, 'more') + ' →']);
    root.append(el('section', { class: 'orienta', lang: options.lang }, [
      el('div', { class: 'head' }, [el('div', {}, [view.heading, el('p', { class: 'by' }, [t(options.lang, 'by')])]), logo()]),
      view.status, view.notice, view.list, view.more,
    ]));
    return view;
  }

  function show(host, view, options, data, tree) {
    var results = (data.results || []).slice(0, options.limit);
    var wanted = wantedNeeds(data, options, tree);
    view.heading.textContent = titleOf(data, options);
    view.status.textContent = results.length === 0 ? t(options.lang, 'none')
      : data.total === 1 ? t(options.lang, 'countOne') : t(options.lang, 'count', { shown: results.length, total: data.total });
    view.notice.hidden = !results.some(function (result) { return result.synthetic === true; });
    results.forEach(function (result) { view.list.append(item(result, options, wanted)); });
    host.setAttribute('data-orienta-ready', 'true');
  }

  /** Tells the partner's developer what is wrong; the visitor gets one polite line. */
  function fail(host, view, options, problems) {
    problems.forEach(function (problem) {
      var where = problem.attribute ? problem.attribute + '="' + problem.value + '": ' : '';
      console[problem.transient ? 'warn' : 'error']('Orienta widget: ' + where + problem.detail);
    });
    view.status.textContent = t(options.lang, 'error');
    view.status.className = 'status error';
    view.more.href = options.origin + '/?lang=' + options.lang;
    var named = problems.filter(function (problem) { return problem.attribute; })[0];
    if (named) host.setAttribute('data-orienta-error', named.attribute);
    host.setAttribute('data-orienta-ready', 'error');
  }

  /** The API's refusal as a problem naming the data-attribute it comes from. */
  function apiProblem(error, options) {
    var problem = (error && error.problem) || {};
    var attribute = ATTRIBUTE[problem.parameter];
    var key = problem.parameter === 'per_page' ? 'limit' : problem.parameter;
    var detail = problem.detail || (error && error.status ? 'HTTP ' + error.status : String(error && error.message || error));
    var transient = !(error && error.status >= 400 && error.status < 500) || error.status === 429;
    if (!attribute) return { detail: detail, transient: transient };
    return { attribute: attribute, value: key === 'limit' ? String(options.limit) : options[key] || '', detail: detail };
  }

  function searchUrl(options) {
    var params = new URLSearchParams({ lang: options.lang, per_page: String(options.limit) });
    ['q', 'need', 'bassin', 'commune', 'quartier', 'language'].forEach(function (key) {
      if (options[key]) params.set(key, options[key]);
    });
    return options.origin + '/v1/search?' + params.toString();
  }

  function render(host) {
    if (!host || host.__orientaWidget) return;
    host.__orientaWidget = true;
    var checked = optionsOf(host);
    var options = checked.options;
    var view = frame(host, options);
    if (checked.problems.length) {
      fail(host, view, options, checked.problems);
      return;
    }
    var tree = options.need || options.q ? needTree(options) : Promise.resolve(null);
    Promise.all([getJson(searchUrl(options)), tree])
      .then(function (both) { show(host, view, options, both[0], both[1]); })
      .catch(function (error) { fail(host, view, options, [apiProblem(error, options)]); });
  }

  function scan() {
    scriptsOf(true).forEach(mount);
    Array.prototype.forEach.call(document.querySelectorAll('[data-orienta-widget]'), function (host) {
      if (host.tagName !== 'SCRIPT') render(host);
    });
  }

  window.OrientaWidget = { scan: scan, render: render };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  scan();
})();
