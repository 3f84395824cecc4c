// The territory page's map: one need across the communes, quartiers or bassins, coloured by
// class (services serving each territory, per 10,000 inhabitants when a population table is
// loaded), the page's own territory outlined. Vendored Leaflet (global L), no tiles.
import { h, clear } from './dom.js';
import { t, localeOf } from './i18n.js';
import { placeOf } from './places.js';
import { textLabel } from './map.js';

const BOUNDS = [[50.76, 4.23], [50.92, 4.49]];
/** Sequential blues, light to dark, for up to four classes above zero. */
const PALETTE = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const ZERO = '#f3f3f3';
const OUTLINE = '#c2410c';

/**
 * Up to `count` classes of the positive values, each `{from, to}` (distinct values split in
 * equal shares, so every class holds at least one territory); zero is a class of its own.
 */
export function classBreaks(values, count = 4) {
  const distinct = [...new Set(values.filter((value) => typeof value === 'number' && value > 0))].sort((a, b) => a - b);
  const classes = [];
  const shares = Math.min(count, distinct.length);
  for (let index = 0; index < shares; index += 1) {
    classes.push({
      from: distinct[Math.floor((index * distinct.length) / shares)],
      to: distinct[Math.floor(((index + 1) * distinct.length) / shares) - 1],
    });
  }
  return classes;
}

/** The colours of `classes`: spread over the palette, darkest last. */
function coloursOf(classes) {
  if (classes.length === 1) return [PALETTE[2]];
  return classes.map((entry, index) => PALETTE[Math.round((index * (PALETTE.length - 1)) / (classes.length - 1))]);
}

/** The index of the class holding `value`, or -1 for zero or unknown. */
function classOf(value, classes) {
  if (typeof value !== 'number' || value <= 0) return -1;
  let found = 0;
  classes.forEach((entry, index) => { if (value >= entry.from) found = index; });
  return found;
}

export class Choropleth {
  /**
   * @param {HTMLElement} element the map container
   * @param {HTMLElement} legend the `<ul>` of classes
   * @param {{onOpen: Function}} options `onOpen(code)` when a territory is clicked
   */
  constructor(element, legend, { onOpen }) {
    this.element = element;
    this.legend = legend;
    this.onOpen = onOpen;
    this.map = L.map(element, {
      center: [50.8427, 4.3752], zoom: 11, zoomSnap: 0.25, minZoom: 9, maxZoom: 16,
      maxBounds: L.latLngBounds(BOUNDS).pad(0.6), attributionControl: false,
    });
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
      .addAttribution('Statbel · Brussels UrbIS®© Paradigm · IBSA – Monitoring des Quartiers').addTo(this.map);
    this.areas = L.layerGroup().addTo(this.map);
    this.outline = L.layerGroup().addTo(this.map);
    this.map.fitBounds(BOUNDS);
  }

  /** Sets the zoom buttons' titles in `lang`. */
  setLang(lang) {
    const zoomIn = this.element.querySelector('.leaflet-control-zoom-in');
    const zoomOut = this.element.querySelector('.leaflet-control-zoom-out');
    const titles = { fr: ['Zoom avant', 'Zoom arrière'], nl: ['Inzoomen', 'Uitzoomen'], en: ['Zoom in', 'Zoom out'] }[lang] || ['Zoom avant', 'Zoom arrière'];
    for (const [button, title] of [[zoomIn, titles[0]], [zoomOut, titles[1]]]) {
      if (!button) continue;
      button.title = title;
      button.setAttribute('aria-label', title);
    }
  }

  /**
   * Draws one polygon per territory of `collection`, coloured by its value in `offer`
   * (the /v1/territories/{layer}/offer body); returns the classes for the legend.
   */
  draw(layer, collection, offer, lang) {
    this.areas.clearLayers();
    const byCode = new Map((offer.territories || []).map((item) => [String(item.code), item]));
    const perCapita = (offer.territories || []).some((item) => typeof item.serving_per_10000 === 'number');
    const valueOf = (item) => (perCapita ? item?.serving_per_10000 : item?.serving);
    const classes = classBreaks([...byCode.values()].map(valueOf));
    const colours = coloursOf(classes);
    let drawn = 0;
    for (const feature of collection?.features || []) {
      const code = placeOf(layer, feature).id;
      const item = byCode.get(code);
      const index = classOf(valueOf(item), classes);
      const shape = L.geoJSON(feature, {
        style: {
          color: '#4a5566', weight: layer === 'quartiers' ? 0.6 : 1.2, fillOpacity: 0.85,
          fillColor: index < 0 ? ZERO : colours[index], dashArray: index < 0 ? '2 3' : null,
          className: 'choropleth-area',
        },
      });
      shape.eachLayer((path) => {
        path.bindTooltip(textLabel(`${item?.name || code}${lang === 'fr' ? '\u202f:' : ':'} ${this.format(lang, valueOf(item) ?? 0, perCapita)}`), { sticky: true });
        path.on('click', () => this.onOpen(code));
        path.on('add', () => {
          const element = path.getElement();
          if (!element) return;
          element.dataset.code = code;
          element.dataset.class = String(index);
        });
      });
      shape.addTo(this.areas);
      drawn += 1;
    }
    this.outline.eachLayer((layerShown) => layerShown.bringToFront?.());
    Object.assign(this.element.dataset, { layer, need: offer.need?.id || '', drawn: String(drawn) });
    return { classes, colours, perCapita };
  }

  /** Outlines the page's own territory (its feature in `collection`) and fits the view to it. */
  setCurrent(layer, code, collection) {
    this.outline.clearLayers();
    const feature = (collection?.features || []).find((candidate) => placeOf(layer, candidate).id === String(code));
    if (!feature) return;
    const shape = L.geoJSON(feature, { style: { color: OUTLINE, weight: 4, fill: false }, interactive: false }).addTo(this.outline);
    this.map.fitBounds(shape.getBounds().pad(0.35), { maxZoom: 14 });
  }

  /** A value as shown: an integer count, or a rate with one decimal. */
  format(lang, value, perCapita) {
    const digits = perCapita ? 1 : 0;
    return new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }

  /** The legend: the zero class, then each class with its range and colour; the outline. */
  renderLegend({ classes, colours, perCapita }, lang, currentName) {
    clear(this.legend);
    const swatch = (colour, dashed) => h('span', { class: `legend-fill${dashed ? ' zero' : ''}`, dataset: { colour }, 'aria-hidden': 'true' });
    const item = (colour, text, dashed = false) => h('li', {}, swatch(colour, dashed), h('span', {}, text));
    this.legend.append(item(ZERO, t(lang, 'terr.map_zero'), true));
    classes.forEach((entry, index) => {
      const from = this.format(lang, entry.from, perCapita);
      const to = this.format(lang, entry.to, perCapita);
      this.legend.append(item(colours[index], from === to ? from : t(lang, 'terr.map_range', { from, to })));
    });
    if (currentName) {
      this.legend.append(h('li', {}, h('span', { class: 'legend-outline', 'aria-hidden': 'true' }), h('span', {}, t(lang, 'terr.map_current', { name: currentName }))));
    }
    for (const fill of this.legend.querySelectorAll('.legend-fill')) fill.style.backgroundColor = fill.dataset.colour;
  }
}
