// The map: Orienta's own territory outlines (no external tiles by default), numbered
// result pins, the search point and its radius. Uses the vendored Leaflet 1.9.4 (global L).
import { t } from './i18n.js';
import { placeOf, placeName } from './places.js';
import { h } from './dom.js';
import { StreetLayer } from './map_streets.js';

const BRUSSELS = [50.8427, 4.3752];
const BOUNDS = [[50.76, 4.23], [50.92, 4.49]];
const BASSIN_COLOURS = {
  nord: '#1d6fa5', 'nord-est': '#7b3fa0', 'centre-ouest': '#b4501b', sud: '#2e7d32', 'sud-est': '#a3246b',
};
const ATTRIBUTION = 'Statbel · Brussels UrbIS®© Paradigm · IBSA – Monitoring des Quartiers';

export class ResultMap {
  /**
   * @param {HTMLElement} element the map container
   * @param {{lang: string, tiles: string, legend?: HTMLElement, onPick: Function, onOpen: Function}} options
   */
  constructor(element, { lang, tiles, legend, onPick, onOpen }) {
    this.lang = lang;
    this.legend = legend;
    this.onOpen = onOpen;
    this.map = L.map(element, {
      center: BRUSSELS, zoom: 11.5, zoomSnap: 0.25, minZoom: 10, maxZoom: 18,
      maxBounds: L.latLngBounds(BOUNDS).pad(0.6), zoomControl: false, attributionControl: false,
    });
    this.attribution = L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
      .addAttribution(ATTRIBUTION).addTo(this.map);
    if (tiles) {
      L.tileLayer(tiles, { attribution: '© OpenStreetMap contributors', maxZoom: 18 }).addTo(this.map);
    }
    this.setZoomControl();
    this.layers = {};
    this.visible = {};
    this.pins = L.layerGroup().addTo(this.map);
    this.nearLayer = L.layerGroup().addTo(this.map);
    this.highlight = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.map.on('click', (event) => onPick({ lat: event.latlng.lat, lon: event.latlng.lng }));
    // The Region's white ground, then the street lines (from street-level zoom only), then
    // the territory layers; the bassin names under the pins, never over them.
    this.map.createPane('base');
    this.map.getPane('base').style.zIndex = 300;
    this.map.createPane('bassinNames');
    this.map.getPane('bassinNames').style.zIndex = 450;
    this.map.getPane('bassinNames').style.pointerEvents = 'none';
    this.streets = new StreetLayer(this.map, this.attribution, lang);
    this.map.on('zoomend streetsloaded', () => this.updateLegend());
    // A tooltip never outlives the pointer: leaving the map closes the open ones.
    element.addEventListener('mouseleave', () => this.closeTooltips());
  }

  /** The legend lists what is drawn, nothing else. */
  updateLegend() {
    if (!this.legend) return;
    const pins = [...this.markers.values()].map((marker) => marker.options.icon.options.className);
    const drawn = {
      result: pins.some((name) => !name.includes('sample')),
      sample: pins.some((name) => name.includes('sample')),
      point: this.nearLayer.getLayers().length > 0,
      streets: this.streets.drawn(),
    };
    for (const kind of ['communes', 'quartiers', 'bassins']) drawn[kind] = Boolean(this.layers[kind] && this.map.hasLayer(this.layers[kind]));
    for (const item of this.legend.querySelectorAll('[data-legend]')) item.hidden = !drawn[item.dataset.legend];
  }

  /** Closes every tooltip that follows the pointer (the bassin names stay). */
  closeTooltips() {
    for (const kind of ['communes', 'quartiers']) this.layers[kind]?.eachLayer((shape) => shape.closeTooltip());
    for (const marker of this.markers.values()) marker.closeTooltip();
    this.nearLayer.eachLayer((layer) => layer.closeTooltip?.());
  }

  setZoomControl() {
    this.zoom?.remove();
    this.zoom = L.control.zoom({
      zoomInTitle: this.lang === 'nl' ? 'Inzoomen' : this.lang === 'en' ? 'Zoom in' : 'Zoom avant',
      zoomOutTitle: this.lang === 'nl' ? 'Uitzoomen' : this.lang === 'en' ? 'Zoom out' : 'Zoom arrière',
    }).addTo(this.map);
  }

  setLang(lang) {
    if (lang === this.lang) return;
    this.lang = lang;
    this.setZoomControl();
    this.streets.setLang(lang);
    for (const kind of Object.keys(this.layers)) this.rebuildTooltips(kind);
  }

  /** The map centre. */
  centre() {
    const centre = this.map.getCenter();
    return { lat: centre.lat, lon: centre.lng };
  }

  /** Adds or replaces a territory layer (`communes`, `quartiers`, `bassins`). */
  setTerritories(kind, collection) {
    this.layers[kind]?.remove();
    const layer = L.geoJSON(collection, {
      style: (feature) => styleOf(kind, feature),
      interactive: kind !== 'bassins',
      bubblingMouseEvents: true,
    });
    this.layers[kind] = layer;
    this.rebuildTooltips(kind);
    if (this.visible[kind]) this.show(kind, true);
    if (kind === 'communes' && !this.base) {
      this.base = L.geoJSON(collection, {
        pane: 'base', style: { stroke: false, fillColor: '#ffffff', fillOpacity: 1 }, interactive: false,
      }).addTo(this.map);
      this.base.bringToBack();
    }
  }

  rebuildTooltips(kind) {
    const layer = this.layers[kind];
    if (!layer) return;
    layer.eachLayer((shape) => {
      shape.unbindTooltip();
      const place = placeOf(kind, shape.feature);
      const name = placeName(place, this.lang);
      if (kind === 'bassins') {
        shape.bindTooltip(textLabel(name), {
          permanent: true, direction: 'center', className: 'bassin-label', pane: 'bassinNames', interactive: false,
        });
      } else {
        shape.bindTooltip(textLabel(name), { sticky: true });
      }
    });
  }

  /** Shows or hides a territory layer. */
  show(kind, visible) {
    this.visible[kind] = visible;
    const layer = this.layers[kind];
    if (!layer) return;
    if (visible) {
      layer.addTo(this.map);
      if (kind !== 'bassins') layer.bringToBack();
      this.base?.bringToBack();
    } else {
      layer.remove();
    }
    this.updateLegend();
  }

  /** Draws the results as numbered pins; `offset` is the number of the first one minus one. */
  setResults(results, offset, lang) {
    this.pins.clearLayers();
    this.markers.clear();
    const points = [];
    results.forEach((result, index) => {
      if (typeof result.lat !== 'number' || typeof result.lon !== 'number') return;
      const number = offset + index + 1;
      const name = result.display_name || '';
      const marker = L.marker([result.lat, result.lon], {
        icon: L.divIcon({
          className: `result-pin${result.synthetic ? ' sample' : ''}`,
          html: `<span class="pin-shape" aria-hidden="true"><span class="pin-number">${number}</span></span>`,
          iconSize: [28, 28], iconAnchor: [14, 28], tooltipAnchor: [0, -26],
        }),
        keyboard: true,
        riseOnHover: true,
      });
      marker.bindTooltip(textLabel(`${number}. ${name}`), { direction: 'top' });
      marker.on('click', () => {
        marker.closeTooltip();
        this.onOpen(result.id);
      });
      marker.on('add', () => {
        marker.getElement()?.setAttribute('aria-label', t(lang, 'map.marker', { n: number, name }));
      });
      marker.addTo(this.pins);
      this.markers.set(result.id, marker);
      points.push([result.lat, result.lon]);
    });
    this.updateLegend();
    return points;
  }

  /** Emphasises the pin of one result (hover or focus in the list). */
  activate(id) {
    for (const [markerId, marker] of this.markers) {
      marker.getElement()?.classList.toggle('active', markerId === id);
      if (markerId === id) marker.setZIndexOffset(1000);
      else marker.setZIndexOffset(0);
    }
  }

  /** Draws the search point and radius (none when `radius` is 0). */
  setNear(near, radius, lang) {
    this.nearLayer.clearLayers();
    this.updateLegend();
    if (!near) return;
    if (radius) {
      L.circle([near.lat, near.lon], {
        radius, color: '#c2410c', weight: 2, fillColor: '#f97316', fillOpacity: 0.08, interactive: false,
      }).addTo(this.nearLayer);
    }
    L.circleMarker([near.lat, near.lon], {
      radius: 7, color: '#ffffff', weight: 2, fillColor: '#c2410c', fillOpacity: 1,
    }).bindTooltip(textLabel(t(lang, 'map.point'))).addTo(this.nearLayer);
    this.updateLegend();
  }

  /** Outlines the selected commune, quartier or bassin. */
  setSelection(selections) {
    this.highlight.clearLayers();
    for (const { kind, id } of selections) {
      const layer = this.layers[kind];
      if (!layer || !id) continue;
      layer.eachLayer((shape) => {
        if (placeOf(kind, shape.feature).id !== id) return;
        L.geoJSON(shape.feature, {
          style: { color: '#c2410c', weight: 3, fill: false, dashArray: kind === 'bassins' ? '8 4' : null },
          interactive: false,
        }).addTo(this.highlight);
      });
    }
  }

  /** Fits the view to the pins, the point and the selected areas. */
  fit(points, near, radius) {
    // A hidden map (the phone's list view) has no size to fit: fit when it is shown.
    this.pendingFit = this.map.getContainer().clientWidth === 0 ? [points, near, radius] : null;
    if (this.pendingFit) return;
    let bounds = null;
    const extend = (more) => {
      if (!more?.isValid?.()) return;
      bounds = bounds ? bounds.extend(more) : L.latLngBounds(more.getSouthWest(), more.getNorthEast());
    };
    if (points.length) extend(L.latLngBounds(points));
    if (near) extend(L.latLng(near.lat, near.lon).toBounds(radius * 2));
    if (this.highlight.getLayers().length) extend(L.featureGroup(this.highlight.getLayers()).getBounds());
    if (!bounds) {
      this.map.fitBounds(BOUNDS);
      return;
    }
    this.map.fitBounds(bounds.pad(0.15), { maxZoom: 15 });
  }

  /** Takes the container's new size (a map shown after being hidden) and fits if due. */
  invalidate() {
    this.map.invalidateSize();
    if (this.pendingFit) this.fit(...this.pendingFit);
  }
}

/**
 * A tooltip or map label holding `text` as text: Leaflet treats a string as HTML, so a
 * record's name is never handed to it as a string (a stored `<img onerror=…>` stays text).
 */
export function textLabel(text) {
  return h('span', {}, String(text ?? ''));
}

function styleOf(kind, feature) {
  if (kind === 'communes') {
    return { color: '#5b6b80', weight: 1.4, fill: true, fillOpacity: 0, opacity: 0.9 };
  }
  if (kind === 'quartiers') {
    return { color: '#8b97a8', weight: 0.8, dashArray: '3 3', fill: true, fillOpacity: 0 };
  }
  const colour = BASSIN_COLOURS[placeOf('bassins', feature).id] || '#17457a';
  return { color: colour, weight: 3, opacity: 0.85, fillColor: colour, fillOpacity: 0.07 };
}
