// The street lines of the map: fetched once at street-level zoom, drawn under the territory
// outlines, with street names from a closer zoom. OpenStreetMap data (ODbL).
import { h } from './dom.js';

/** From this zoom the street lines are drawn (fetched once, 0.55 MB compressed). */
const STREET_ZOOM = 14;
/** From this zoom the names of the streets in view are written along them. */
const NAME_ZOOM = 16;
/** At most this many names at once (the densest view stays readable and light). */
const MAX_NAMES = 60;
const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';

export class StreetLayer {
  /** @param {L.Map} map @param {L.Control.Attribution} attribution @param {string} lang */
  constructor(map, attribution, lang) {
    this.map = map;
    this.attribution = attribution;
    this.lang = lang;
    this.lines = null;
    this.loading = false;
    map.createPane('streets');
    map.getPane('streets').style.zIndex = 350;
    map.getPane('streets').style.pointerEvents = 'none';
    map.createPane('streetNames');
    map.getPane('streetNames').style.zIndex = 360;
    map.getPane('streetNames').style.pointerEvents = 'none';
    this.names = L.layerGroup().addTo(map);
    map.on('zoomend moveend', () => this.update());
  }

  setLang(lang) {
    this.lang = lang;
    this.update();
  }

  /** Whether the lines are on the map now. */
  drawn() {
    return Boolean(this.lines && this.map.hasLayer(this.lines));
  }

  /** Draws the lines at street-level zoom (loading them the first time), hides them below. */
  update() {
    const zoom = this.map.getZoom();
    if (zoom < STREET_ZOOM) {
      if (this.lines && this.map.hasLayer(this.lines)) this.map.removeLayer(this.lines);
      this.names.clearLayers();
      return;
    }
    if (!this.lines) {
      this.load();
      return;
    }
    if (!this.map.hasLayer(this.lines)) this.lines.addTo(this.map);
    this.writeNames(zoom);
  }

  load() {
    if (this.loading) return;
    this.loading = true;
    fetch('/v1/territories/streets', { headers: { Accept: 'application/geo+json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((collection) => {
        this.lines = L.geoJSON(collection, {
          pane: 'streets', interactive: false, renderer: L.canvas({ pane: 'streets' }),
          style: { color: '#8c96a3', weight: 1.6, opacity: 0.9 },
        });
        this.attribution.addAttribution(OSM_ATTRIBUTION);
        this.map.getContainer().dataset.streets = 'drawn';
        this.update();
        this.map.fire('streetsloaded');
      })
      .catch(() => {})
      .finally(() => { this.loading = false; });
  }

  /** Writes the names of the longest streets in view, once each. */
  writeNames(zoom) {
    this.names.clearLayers();
    if (zoom < NAME_ZOOM) return;
    const view = this.map.getBounds();
    const seen = new Set();
    const candidates = [];
    this.lines.eachLayer((line) => {
      const props = line.feature?.properties || {};
      const name = (this.lang === 'nl' ? props.nl : props.fr) || props.fr || props.nl;
      if (!name || seen.has(name) || !view.intersects(line.getBounds())) return;
      seen.add(name);
      const anchor = middleOf(line, view);
      if (anchor) candidates.push({ name, anchor: anchor.point, length: anchor.length });
    });
    candidates.sort((left, right) => right.length - left.length);
    // Longest streets first; a name whose box would overlap one already written is left out.
    const boxes = [];
    for (const { name, anchor } of candidates) {
      if (boxes.length >= MAX_NAMES) break;
      const centre = this.map.latLngToContainerPoint(anchor);
      const half = { x: name.length * 3.2 + 4, y: 8 };
      const clash = boxes.some((box) => Math.abs(box.x - centre.x) < box.half.x + half.x && Math.abs(box.y - centre.y) < box.half.y + half.y);
      if (clash) continue;
      boxes.push({ x: centre.x, y: centre.y, half });
      L.tooltip({ permanent: true, direction: 'center', className: 'street-name', pane: 'streetNames', interactive: false })
        .setLatLng(anchor).setContent(h('span', {}, name)).addTo(this.names);
    }
    this.map.getContainer().dataset.streetNames = String(boxes.length);
  }
}

/** The middle vertex of the line's longest part inside the view, and that part's length (m). */
function middleOf(line, view) {
  const parts = flatten(line.getLatLngs());
  let best = null;
  for (const part of parts) {
    const inside = part.filter((point) => view.contains(point));
    if (inside.length === 0) continue;
    let length = 0;
    for (let index = 1; index < inside.length; index += 1) length += inside[index - 1].distanceTo(inside[index]);
    if (!best || length > best.length) best = { point: inside[Math.floor(inside.length / 2)], length };
  }
  return best;
}

/** LatLng arrays of a LineString or MultiLineString, as a list of parts. */
function flatten(latlngs) {
  if (latlngs.length && Array.isArray(latlngs[0])) return latlngs.flatMap(flatten);
  return [latlngs];
}
